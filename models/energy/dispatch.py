"""Dispatch: what the battery does in each step, one year at a time.

The lifetime loop (:mod:`models.energy.lifetime`) only talks to the small
:class:`Dispatcher` interface::

    plan = dispatcher.prepare(timeline, scenario, participate)   # once per run
    flows, state = dispatcher.run(plan, steps, state, capacity_kwh)  # per year

so an optimising dispatcher (e.g. a linear programme with a degradation
cost) can replace :class:`RuleBasedDispatcher` without touching the rest.
``flows`` is a :class:`StepFlows` (per-step arrays of the steps run) and
``state`` a :class:`DispatchState` carried from year to year.

Rule-based dispatch (per step, all SoC limits are fractions of the current
usable capacity ``C = capacity_kwh x SoH``; E = stored energy in kWh)
----------------------------------------------------------------------
Away (driving): the trip's energy is drawn evenly over its steps,
``served = min(demand, E)``, the rest is *unmet* driving energy.  No
charging or discharging.

Plugged in:

1. Discharge, only in a participation-window step (the window belongs to
   the day it starts on; that day must be in ``participation.days``; modes
   v2h / v2g / v2h+v2g), only when it pays (below), and only down to the higher of
   ``reserve_soc x C`` and ``departure_soc_min x C - R`` where ``R`` is what
   the charger can put back into the battery in the plugged-in steps left
   before the next departure (``R = steps x charge_kw x dt x eta_charge``).
   AC power ``<= min(participation.power_kw, charger.discharge_kw)`` and AC
   energy per window-day ``<= max_discharge_kwh_per_day``.  V2H covers the
   household load net of PV (``max(load - pv, 0)``; PV -> home first); V2G
   exports the power left (v2h+v2g: home first, then export; v2g: all
   exported).

   *Only when it pays* (``participation.only_when_profitable``, default on):
   a kWh delivered is worth the import price it avoids (V2H) or the export
   price plus ``tariff.v2g_payment_per_kwh`` (V2G), escalated to the year;
   refilling it costs ``R / (eta_charge x eta_discharge)`` where ``R`` is the
   cheapest chance to recharge: the lowest import price among the plugged-in
   steps outside the windows (``immediate``: the first such step, when the
   car will actually recharge) before the next departure when the step's
   discharge takes the battery below the departure minimum (the grid puts
   that back before the car leaves), otherwise within the next 24 hours,
   where with ``solar_first`` the export price given up in a step with PV
   surplus counts if it is lower; 0 when the programme pays for charging
   (``ev_charging_free``); see :func:`refill_prices`.  Each part (home,
   export) is discharged only when its value exceeds that refill cost by more
   than ``participation.min_margin_per_kwh`` (e.g. an allowance for battery
   wear).
   This is a price look-ahead heuristic, not an optimisation: it ignores how
   much cheap energy the refill steps can take.  Off: the car discharges in
   every window step (the contract of an aggregator that dispatches the car
   regardless of prices).
2. If nothing was discharged, charging (AC power ``<= charge_kw``, battery
   gets ``AC x eta_charge``), never above 100 %:

   * forced: up to ``reserve_soc`` (the car came home below it: charging
     comes first) and the latest-possible charging that still reaches
     ``departure_soc_min`` at departure;
   * ``immediate``: up to ``target_soc`` as fast as possible (not inside
     participation windows);
   * ``cheapest``: up to ``target_soc`` by departure, in the cheapest
     plugged-in steps outside participation windows: a step charges the
     part of the need that the strictly cheaper steps left before departure
     cannot cover (rolling, so it re-plans after V2H/V2G; with equal prices
     the earliest step charges);
   * ``solar_first``: PV surplus (``pv - load``) first, up to
     ``target_soc`` (also inside windows when nothing was discharged); the
     grid charges (as in ``cheapest``) only towards
     ``min(departure_soc_min, target_soc) x C``, so the room above the
     departure minimum is left for the PV surplus.

   The part of the charger's AC input covered by PV surplus in that step is
   "charged from PV", the rest "charged from the grid".
3. The charger's standby (``standby_w``) is drawn from the grid in every
   step (car home or not); it counts in charged-from-grid and in losses.

Household flows (per step): PV -> home first, PV surplus -> car, then
export; household grid import = load not covered by PV or the car + car
charging from the grid + standby; export = PV not used + V2G export.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from .._jit import njit
from ..scenario import Scenario
from ..tariff import escalation_factors
from .timeline import Timeline, derived, derived_lookup, derived_store

__all__ = ["Dispatcher", "RuleBasedDispatcher", "RulePlan", "StepFlows", "DispatchState", "STRATEGIES"]

STRATEGIES = ("immediate", "cheapest", "solar_first")


@dataclass
class DispatchState:
    """Carried between years: SoC fraction and the daily-cap bookkeeping."""

    soc: float
    window_day: int = -1
    window_day_discharged_ac_kwh: float = 0.0


@dataclass(eq=False)
class StepFlows:
    """Per-step flows of one chunk of steps (energies in kWh per step).

    Sign-free arrays; ``battery_kw`` is + charging / - discharging (battery
    side, driving included).
    """

    soc: np.ndarray                # at the end of the step, fraction of the current capacity
    battery_kw: np.ndarray
    charge_grid_ac_kwh: np.ndarray  # charger AC input from the grid for the car (standby excluded)
    charge_pv_ac_kwh: np.ndarray    # charger AC input covered by PV surplus
    to_home_ac_kwh: np.ndarray      # V2H, AC out of the charger
    export_ac_kwh: np.ndarray       # V2G, AC out of the charger
    driven_kwh: np.ndarray          # battery energy used for driving
    unmet_kwh: np.ndarray           # driving energy the battery could not supply
    standby_kwh: float              # per step (constant)

    def __len__(self) -> int:
        return int(self.soc.shape[0])


class Dispatcher(Protocol):
    """Interface of a dispatcher (see module docstring)."""

    def prepare(self, timeline: Timeline, scenario: Scenario, participate: bool): ...

    def run(self, plan, steps: slice, state: DispatchState, capacity_kwh: float
            ) -> tuple[StepFlows, DispatchState]: ...


# --------------------------------------------------------------------------
# numba kernels
# --------------------------------------------------------------------------
@njit
def _cheaper_steps(level, chargeable, next_dep, n_levels):
    """For each step t: chargeable steps in (t, next_dep[t]) with a strictly lower price level.

    Backward pass with a Fenwick tree over price levels.  A planning segment
    is the run of steps sharing the same next departure; walking backwards,
    a change of ``next_dep`` means step t + 1 is a departure, so the tree
    (steps after t in the segment) starts empty again.
    """
    n = level.shape[0]
    out = np.zeros(n, dtype=np.int32)
    tree = np.zeros(n_levels + 1, dtype=np.int64)
    seg = n
    hi = n - 1          # steps (t, hi] are in the tree
    for t in range(n - 1, -1, -1):
        if next_dep[t] != seg:
            seg = next_dep[t]
            for s in range(t + 1, hi + 1):      # empty the tree: each step is removed once
                if chargeable[s]:
                    i = level[s] + 1
                    while i <= n_levels:
                        tree[i] -= 1
                        i += i & (-i)
            hi = t
        c = 0
        i = level[t]
        while i > 0:
            c += tree[i]
            i -= i & (-i)
        out[t] = c
        if chargeable[t]:
            i = level[t] + 1
            while i <= n_levels:
                tree[i] += 1
                i += i & (-i)
    return out


@njit
def _pv_refill_rows(i0, i1, n, spd, plugged, pv_kw, load_kw, exp_price, dt_h, out_pv):
    """Rows 2-3 of :func:`refill_prices` for the steps [i0, i1) of a chunk, into ``out_pv`` (2, >= m):
    the lowest export price of the plugged-in PV-surplus steps t+1 .. t+spd (a monotone queue of step
    indices) and their surplus energy [kWh AC] (a running window sum, restarted at ``i0``).

    One call per chunk, the steps in order, for the price check of both the dispatch kernel and
    :func:`refill_prices` (a per-step helper function inlined into the dispatch loop made the loop
    four times slower than this pass written out)."""
    queue = np.empty(i1 - i0 + spd + 2, dtype=np.int64)
    q_head = 0
    q_tail = 0
    nxt = i0 + 1
    acc = 0.0
    for t in range(i0, i1):
        end = t + 1 + spd
        if end > n:
            end = n
        while nxt < end:
            if plugged[nxt] and pv_kw[nxt] > load_kw[nxt]:
                acc += (pv_kw[nxt] - load_kw[nxt]) * dt_h
                v = exp_price[nxt]
                while q_tail > q_head and exp_price[queue[q_tail - 1]] >= v:
                    q_tail -= 1
                queue[q_tail] = nxt
                q_tail += 1
            nxt += 1
        if t > i0 and plugged[t] and pv_kw[t] > load_kw[t]:   # step t left the window t+1 ..
            acc -= (pv_kw[t] - load_kw[t]) * dt_h
        while q_tail > q_head and queue[q_head] <= t:
            q_head += 1
        out_pv[0, t - i0] = exp_price[queue[q_head]] if q_tail > q_head else np.inf
        out_pv[1, t - i0] = acc if acc > 0.0 else 0.0


@njit(inline="always")
def _worth_it(value, grid_24h, grid_dep, pv_price, pv_kwh, e, ac, e_dep, done_ac, eta_c, eta_d, f_imp, f_exp,
              inv_rt, margin):
    """The part of ``ac`` (kWh AC delivered this step) worth delivering at ``value`` per kWh.

    A kWh pays when ``value`` exceeds what putting it back costs (module docstring,
    "only when it pays") plus ``margin``.  Below the departure minimum ``e_dep`` the
    grid puts the energy back before the car leaves (also with ``solar_first``: the
    grid guarantees that minimum): cheapest import price before the departure.
    Above it: the cheaper of the grid within 24 hours and, with ``solar_first``, PV
    surplus, as far as the PV surplus of the next 24 hours can put back what the
    window-day has delivered so far (``done_ac``) and this step.  When only a part
    pays (above the departure minimum, or what PV can refill), only that part is
    delivered.  ``grid_24h``, ``grid_dep``, ``pv_price``, ``pv_kwh``: rows 0-3 of
    :func:`refill_prices` at this step.
    """
    if value > grid_dep * f_imp * inv_rt + margin:
        return ac
    if value > grid_24h * f_imp * inv_rt + margin:
        part = ac
    elif value > pv_price * f_exp * inv_rt + margin:
        part = pv_kwh * eta_c * eta_d - done_ac     # what the coming PV surplus can put back
        if part > ac:
            part = ac
    else:
        return 0.0
    room = (e - e_dep) * eta_d
    if room < part:
        part = room
    return part if part > 0.0 else 0.0


@njit
def _dispatch_kernel(i0, i1, plugged, drive_kwh, load_kw, pv_kw, window_day, next_dep, cheaper,
                     n_total, state_f, state_i, cap_kwh, dt_h, charge_kw, eta_c, eta_d,
                     discharge_kw, reserve, dep_min, target, strategy, v2h, v2g, day_cap_ac_kwh,
                     guard, imp_price, exp_price, refill_24h, refill_dep, pv_rows, spd, f_imp, f_exp, v2g_pay, margin,
                     o_soc, o_batt_kw, o_cg, o_cpv, o_home, o_exp, o_drv, o_unmet):
    e = state_f[0] * cap_kwh
    disch_today = state_f[1]
    cur_wday = state_i[0]
    step_batt = charge_kw * dt_h * eta_c          # battery kWh one step of full charging adds
    e_max = cap_kwh
    e_res = reserve * cap_kwh
    e_dep = dep_min * cap_kwh
    e_tgt = target * cap_kwh
    inv_rt = 1.0 / (eta_c * eta_d)
    # solar_first price check: rows 2-3 of refill_prices for this chunk (_pv_refill_rows, into the
    # plan's scratch ``pv_rows``); the other strategies refill from the grid only
    use_pv = guard and strategy == 2
    if use_pv:
        _pv_refill_rows(i0, i1, n_total, spd, plugged, pv_kw, load_kw, exp_price, dt_h, pv_rows)
    pv_price = np.inf
    pv_kwh = 0.0
    for t in range(i0, i1):
        k = t - i0
        if use_pv:
            pv_price = pv_rows[0, k]
            pv_kwh = pv_rows[1, k]
        cg = 0.0
        cpv = 0.0
        home = 0.0
        exp = 0.0
        drv = 0.0
        unmet = 0.0
        e_before = e
        if not plugged[t]:
            dem = drive_kwh[t]
            drv = dem if dem <= e else e
            unmet = dem - drv
            e -= drv
            if e < 0.0:
                e = 0.0
        else:
            net = load_kw[t] - pv_kw[t]
            res_load_kwh = net * dt_h if net > 0.0 else 0.0
            surplus_kwh = -net * dt_h if net < 0.0 else 0.0
            nd = next_dep[t]
            has_dep = nd < n_total
            refill = (nd - t - 1) * step_batt if has_dep else 0.0
            floor_dep = e_dep - refill if has_dep else -1.0
            b_out = 0.0
            wd = window_day[t]
            if wd >= 0 and (v2h or v2g):
                if wd != cur_wday:
                    cur_wday = wd
                    disch_today = 0.0
                floor_e = e_res if e_res > floor_dep else floor_dep
                avail = e - floor_e
                if avail > 1e-12:
                    ac_max = discharge_kw * dt_h
                    if avail * eta_d < ac_max:
                        ac_max = avail * eta_d
                    left = day_cap_ac_kwh - disch_today
                    if left < ac_max:
                        ac_max = left
                    if ac_max > 0.0:
                        if v2h:
                            home = res_load_kwh if res_load_kwh < ac_max else ac_max
                            if guard:
                                home = _worth_it(imp_price[t] * f_imp, refill_24h[k], refill_dep[k],
                                                 pv_price, pv_kwh, e, home, e_dep, disch_today, eta_c, eta_d,
                                                 f_imp, f_exp, inv_rt, margin)
                        if v2g:
                            exp = ac_max - home
                            if guard:
                                exp = _worth_it((exp_price[t] + v2g_pay) * f_exp, refill_24h[k],
                                                refill_dep[k], pv_price, pv_kwh, e - home / eta_d, exp, e_dep,
                                                disch_today + home, eta_c, eta_d, f_imp, f_exp, inv_rt, margin)
                        b_out = (home + exp) / eta_d
                        if b_out > avail:       # rounding of avail * eta_d / eta_d
                            b_out = avail
                        disch_today += home + exp
                        e -= b_out
                        if e < 0.0:
                            e = 0.0
            if b_out == 0.0:
                in_window = wd >= 0 and (v2h or v2g)
                # forced charging (battery kWh wanted this step)
                want = e_res - e
                if has_dep and floor_dep - e > want:
                    want = floor_dep - e
                if want < 0.0:
                    want = 0.0
                pv_batt = 0.0
                if strategy == 2:  # solar_first: PV surplus up to target
                    pv_batt = surplus_kwh * eta_c
                    if pv_batt > step_batt:
                        pv_batt = step_batt
                    room = e_tgt - e
                    if pv_batt > room:
                        pv_batt = room
                    if pv_batt < 0.0:
                        pv_batt = 0.0
                if not in_window:
                    if strategy == 0:
                        g = e_tgt - e
                    else:
                        goal = e_tgt
                        if strategy == 2:
                            # solar first: the grid only guarantees the departure minimum;
                            # PV surplus fills the rest up to the target
                            goal = e_dep if e_dep < e_tgt else e_tgt
                        if has_dep:
                            g = goal - (e + pv_batt) - cheaper[t] * step_batt
                        else:
                            g = goal - (e + pv_batt)
                            if cheaper[t] > 0:
                                g = 0.0
                    if g + pv_batt > want:
                        want = g + pv_batt
                if pv_batt > want:
                    want = pv_batt
                if want > step_batt:
                    want = step_batt
                if want > e_max - e:
                    want = e_max - e
                if want > 1e-12:
                    ac = want / eta_c
                    cpv = surplus_kwh if surplus_kwh < ac else ac
                    cg = ac - cpv
                    e += want
        if e > e_max:
            e = e_max
        o_soc[k] = e / cap_kwh
        o_batt_kw[k] = (e - e_before) / dt_h
        o_cg[k] = cg
        o_cpv[k] = cpv
        o_home[k] = home
        o_exp[k] = exp
        o_drv[k] = drv
        o_unmet[k] = unmet
    state_f[0] = e / cap_kwh
    state_f[1] = disch_today
    state_i[0] = cur_wday


_EMPTY = np.zeros((2, 0))
_NO_ROW = np.zeros(0)
_NO_ROW.flags.writeable = False


def refill_prices(tl: Timeline, window_day: np.ndarray, strategy: int, *, charging_free: bool = False,
                  steps: slice | None = None, buffers=None) -> np.ndarray:
    """Cheapest chance to recharge, per step (module docstring, "only when it pays"); shape ``(4, m)``
    for the ``m`` steps of ``steps`` (default: all).

    Row 0: grid, within the next 24 hours: the lowest import price among the
    plugged-in steps outside the participation windows (``immediate``: the
    first such step); when there is none, the lowest plugged-in price (the car
    recharges inside the windows), when none at all the price of the step
    itself.  Row 1: the same before the next departure (and within 24 hours):
    the cost of energy discharged below the departure minimum, which the grid
    puts back before the car leaves.  Row 2: with ``solar_first``, the lowest
    export price given up in a plugged-in step with PV surplus in the next 24
    hours (``inf``: none; always ``inf`` for the other strategies); row 3 the
    PV surplus energy [kWh, AC] of those steps (0 for the other strategies).
    "The next 24 hours" of step t are the steps t+1 .. t+spd.  Prices are
    unescalated (the dispatch kernel applies the year's import and export
    escalation).  ``buffers`` (:func:`refill_buffers`): arrays to reuse; the
    result is a view of the first one.
    """
    i0 = 0 if steps is None else int(steps.start)
    i1 = tl.n_steps if steps is None else int(steps.stop)
    m = i1 - i0
    if buffers is None or buffers[0].shape[1] < m or buffers[1].shape[1] < m + 3 * tl.steps_per_day:
        buffers = refill_buffers(m, tl.steps_per_day)
    out = buffers[0][:, :m]
    _refill_rows(tl, window_day, strategy, charging_free, 3, i0, i1, out[0:2], out[2:4], buffers[1])
    return out


def _refill_rows(tl: Timeline, window_day, strategy: int, charging_free: bool, rows: int, i0: int, i1: int,
                 out_grid, out_pv, scratch) -> None:
    _refill_kernel(tl.import_price_per_kwh, tl.export_price_per_kwh, tl.pv_kw, tl.load_kw, tl.plugged,
                   np.ascontiguousarray(window_day), tl.next_departure, tl.steps_per_day, tl.dt_h, strategy,
                   bool(charging_free), rows, i0, i1, out_grid, out_pv, scratch)


class RefillRows:
    """Rows 0-1 (the grid) of :func:`refill_prices` for the whole horizon, shared between plans of
    equal timeline parts (:func:`~models.energy.timeline.derived`; they do not read the PV output,
    so a PV-size edit keeps them).  Rows 2-3 (PV, ``solar_first``) are kept by the dispatch kernel
    chunk by chunk (:func:`_pv_refill_rows`).

    When no earlier plan made them, :meth:`chunk` computes each chunk when the dispatcher
    reaches it (in the run's own thread, not before both runs start) and keeps it; once every
    step has been computed in order, the whole array is offered for reuse.
    """

    NAME = "refill_grid"

    def __init__(self, tl: Timeline, window_day, strategy: int, charging_free: bool, parts: tuple, extra):
        self.tl, self.window_day, self.strategy, self.free = tl, window_day, strategy, charging_free
        self.parts, self.extra = parts, extra
        self.full = derived_lookup(tl, self.NAME, parts, extra)
        self._next = 0
        self._scratch = None
        if self.full is None:
            self._collect = np.empty((2, tl.n_steps))

    def chunk(self, i0: int, i1: int) -> np.ndarray:
        if self.full is not None:
            return self.full[:, i0:i1]
        tl = self.tl
        if self._scratch is None or self._scratch.shape[1] < (i1 - i0) + 3 * tl.steps_per_day:
            self._scratch = np.empty((5, (i1 - i0) + 3 * tl.steps_per_day))
        view = self._collect[:, i0:i1]
        _refill_rows(tl, self.window_day, self.strategy, self.free, 1, i0, i1, view, _EMPTY, self._scratch)
        self._next = i1 if i0 == self._next else -1          # only a complete, in-order pass is kept
        if self._next == tl.n_steps:
            self.full = derived_store(tl, self.NAME, self.parts, self.extra, self._collect)
            self._collect = self._scratch = None
        return view


def refill_buffers(m: int, spd: int) -> tuple[np.ndarray, np.ndarray]:
    """Output and scratch arrays for :func:`refill_prices` of up to ``m`` steps (reused year after year:
    fresh memory is slow to touch)."""
    return np.empty((4, m)), np.empty((5, m + 3 * spd))


@njit
def _fill_candidates(kind, price, plugged, window_day, b0, b1, vals):
    """``vals[i - b0]`` for steps [b0, b1): the value of step i in a refill window, ``inf`` when it is
    not a candidate: kind 0 the import price of a plugged-in step outside the windows, 1 of any
    plugged-in step.  (One loop per kind: a per-step branch on the kind made the whole pass three
    times slower.)"""
    if kind == 0:
        for i in range(b0, b1):
            vals[i - b0] = price[i] if plugged[i] and window_day[i] < 0 else np.inf
    else:
        for i in range(b0, b1):
            vals[i - b0] = price[i] if plugged[i] else np.inf


@njit
def _next_day_min(kind, price, plugged, window_day, next_dep, spd, i0, i1, vals, pre, suf, out24, out_dep):
    """Minimum candidate (:func:`_fill_candidates`) over steps t+1 .. t+spd (``out24``) and over those before
    the next departure (``out_dep``), for t in [i0, i1); ``inf`` when there is none.

    Blocks of one day (van Herk / Gil-Werman): the 24-hour window from t+1 is the rest of
    t+1's day (a suffix minimum) and the start of the next day up to t+spd (a prefix
    minimum).  The window until the departure is a backward running minimum that restarts
    at every departure.  Scratch ``vals``/``pre``/``suf``: at least ``i1 - i0 + 3 * spd``.
    """
    n = price.shape[0]
    b0 = (i0 // spd) * spd                          # first step of the first day touched
    b1 = ((i1 + spd) // spd + 1) * spd              # end of the last day touched
    if b1 > n:
        b1 = n
    _fill_candidates(kind, price, plugged, window_day, b0, b1, vals)
    d0 = 0
    w = b1 - b0
    while d0 < w:
        d1 = d0 + spd if d0 + spd < w else w
        m = np.inf
        for j in range(d0, d1):
            v = vals[j]
            m = v if v < m else m
            pre[j] = m
        m = np.inf
        for j in range(d1 - 1, d0 - 1, -1):
            v = vals[j]
            m = v if v < m else m
            suf[j] = m
        d0 = d1
    off = (i0 + 1 - b0) % spd                       # position of t+1 in its day
    for t in range(i0, i1):
        a = t + 1
        if a >= n:
            out24[t - i0] = np.inf
        else:
            r = suf[a - b0]
            if off != 0:                            # the window runs into the next day
                last = a + spd - 1
                if last > n - 1:
                    last = n - 1
                if last - a >= spd - off:           # ... and that day exists
                    p = pre[last - b0]
                    r = p if p < r else r
            out24[t - i0] = r
        off += 1
        if off == spd:
            off = 0
    # until the departure: D[t] = min over t+1 .. next_dep[t]-1, backwards from the end of the range
    # (only windows that end at a departure within 24 hours use D, so i1 + spd steps are enough)
    d = np.inf
    stop = min(next_dep[i1 - 1], i1 + spd, n)
    for t in range(stop - 1, i0 - 1, -1):
        if t + 1 >= next_dep[t] or t + 1 >= n:
            d = np.inf
        else:
            v = vals[t + 1 - b0]
            d = v if v < d else d
        if t < i1:
            if next_dep[t] <= t + 1 + spd:
                out_dep[t - i0] = d
            else:
                out_dep[t - i0] = out24[t - i0]


@njit
def _refill_kernel(price, exp_price, pv_kw, load_kw, plugged, window_day, next_dep, spd, dt_h, strategy,
                   charging_free, rows, i0, i1, out_grid, out_pv, scratch):
    """The rows of :func:`refill_prices` for steps [i0, i1) (see there): ``rows & 1`` rows 0-1 into
    ``out_grid`` (2, >= m), ``rows & 2`` rows 2-3 into ``out_pv`` (2, >= m); ``scratch``: (5, >= m + 3 spd).
    (The PV rows are the only ones that read the PV output: an edit of the PV size keeps the others.)"""
    n = price.shape[0]
    m = i1 - i0
    if m <= 0:
        return
    vals = scratch[0]
    pre = scratch[1]
    suf = scratch[2]
    if rows & 1:
        g24 = out_grid[0]
        gdep = out_grid[1]
        if charging_free:
            for k in range(m):
                g24[k] = 0.0
                gdep[k] = 0.0
        else:
            if strategy == 0:  # immediate: the price of the first chargeable step, if it is inside the window
                following = n    # (steps beyond i1 + spd are outside every window of the range)
                for t in range(min(n, i1 + spd) - 1, i0 - 1, -1):
                    if t < i1:
                        b = t + 1 + spd
                        if b > n:
                            b = n
                        g24[t - i0] = price[following] if following < b else np.inf
                        if next_dep[t] < b:
                            b = next_dep[t]
                        gdep[t - i0] = price[following] if following < b else np.inf
                    if plugged[t] and window_day[t] < 0:
                        following = t
            else:
                _next_day_min(0, price, plugged, window_day, next_dep, spd, i0, i1, vals, pre, suf, g24, gdep)
            fallback = False
            for k in range(m):
                if g24[k] == np.inf or gdep[k] == np.inf:
                    fallback = True
                    break
            if fallback:  # no chargeable step: the car recharges inside the windows, or at the step's own price
                in24 = scratch[3, :m]
                indep = scratch[4, :m]
                _next_day_min(1, price, plugged, window_day, next_dep, spd, i0, i1, vals, pre, suf, in24, indep)
                for k in range(m):
                    if g24[k] == np.inf:
                        g24[k] = in24[k] if in24[k] < np.inf else price[i0 + k]
                    if gdep[k] == np.inf:
                        gdep[k] = indep[k] if indep[k] < np.inf else price[i0 + k]
    if rows & 2:
        if strategy == 2:
            _pv_refill_rows(i0, i1, n, spd, plugged, pv_kw, load_kw, exp_price, dt_h, out_pv)
        else:
            for k in range(m):
                out_pv[0, k] = np.inf
                out_pv[1, k] = 0.0


# --------------------------------------------------------------------------
# rule-based dispatcher
# --------------------------------------------------------------------------
@dataclass(eq=False)
class RulePlan:
    """Per-run precomputation of :class:`RuleBasedDispatcher` (see :meth:`prepare`)."""

    timeline: Timeline
    participate: bool
    window_day: np.ndarray
    cheaper: np.ndarray
    strategy: int
    v2h: bool
    v2g: bool
    params: dict
    #: rows 0-1 of :func:`refill_prices` (price check, :class:`RefillRows`), None without it
    refill_grid: "RefillRows | None" = None
    #: scratch for rows 2-3 of one chunk (price check with ``solar_first``), reused year after year
    pv_rows: np.ndarray = field(default_factory=lambda: _EMPTY)


class RuleBasedDispatcher:
    """The rule set of the module docstring, compiled with numba."""

    def prepare(self, timeline: Timeline, scenario: Scenario, participate: bool) -> RulePlan:
        tl = timeline
        mode = scenario.participation.mode
        v2h = participate and mode in ("v2h", "v2h+v2g")
        v2g = participate and mode in ("v2g", "v2h+v2g")
        if v2h or v2g:
            window_day = tl.window_day
        else:
            window_day = np.full(tl.n_steps, -1, dtype=np.int32)
            window_day.flags.writeable = False   # the same array type as the timeline's (one compiled kernel)
        strategy = STRATEGIES.index(scenario.charging.strategy)
        c = scenario.charger
        # arrays that depend on the timeline only: shared with earlier plans of equal timeline parts
        windows = ("windows",) if (v2h or v2g) else ()
        if strategy == 0:
            cheaper = np.zeros(tl.n_steps, dtype=np.int32)
        else:
            def cheaper_steps():
                chargeable = tl.plugged & (window_day < 0)
                n_levels = int(tl.import_price_level.max()) + 1 if tl.n_steps else 1
                return _cheaper_steps(tl.import_price_level, chargeable, tl.next_departure, n_levels)

            cheaper = derived(tl, "cheaper_steps", ("prices", "driving") + windows, (), cheaper_steps)
        p = scenario.participation
        params = dict(
            dt_h=tl.dt_h, charge_kw=float(c.charge_kw), eta_c=float(c.charge_efficiency),
            eta_d=float(c.discharge_efficiency), discharge_kw=float(min(p.power_kw, c.discharge_kw)),
            reserve=float(p.reserve_soc), dep_min=float(p.departure_soc_min),
            target=float(scenario.charging.target_soc), day_cap_ac_kwh=float(p.max_discharge_kwh_per_day),
            standby_kwh=float(c.standby_w) / 1000.0 * tl.dt_h,
        )
        t = scenario.tariff
        guard = bool(p.only_when_profitable) and (v2h or v2g)
        n = tl.horizon_years
        params.update(guard=guard, margin=float(p.min_margin_per_kwh), v2g_pay=float(t.v2g_payment_per_kwh),
                      charging_free=bool(t.ev_charging_free),
                      # price multipliers of years 0..N, as the money stage applies them
                      f_import=escalation_factors(t.escalation_import, n),
                      f_export=escalation_factors(t.escalation_export, n))
        refill_grid = None
        if guard:  # the price check's grid refill prices (the PV ones are the kernel's)
            free = bool(t.ev_charging_free)
            refill_grid = RefillRows(tl, window_day, strategy, free, ("prices", "driving") + windows, (strategy, free))
        pv_rows = _EMPTY
        if guard and strategy == 2:
            longest = int(np.diff(tl.year_step_bounds).max()) if tl.horizon_years else 0
            pv_rows = np.empty((2, longest))
        return RulePlan(tl, participate, window_day, cheaper, strategy, v2h, v2g, params, refill_grid, pv_rows)

    def run(self, plan: RulePlan, steps: slice, state: DispatchState, capacity_kwh: float
            ) -> tuple[StepFlows, DispatchState]:
        tl = plan.timeline
        i0, i1 = steps.start, steps.stop
        m = i1 - i0
        out = [np.empty(m) for _ in range(8)]
        sf = np.array([state.soc, state.window_day_discharged_ac_kwh])
        si = np.array([state.window_day], dtype=np.int64)
        p = plan.params
        guard = p["guard"]
        if guard:
            rows = plan.refill_grid.chunk(i0, i1)
            # both rows as read-only contiguous 1-D arrays, whether just computed or reused, and in
            # the baseline (one type signature, so one compiled kernel to load at start-up)
            refill_24h, refill_dep = rows[0], rows[1]
            refill_24h.flags.writeable = refill_dep.flags.writeable = False
            if plan.strategy == 2 and plan.pv_rows.shape[1] < m:   # a chunk longer than a year
                plan.pv_rows = np.empty((2, m))
            # year of operation of the chunk (1-based): its price multipliers
            k = int(np.searchsorted(tl.year_step_bounds, i0, side="right"))
            f_imp, f_exp = float(p["f_import"][k]), float(p["f_export"][k])
        else:
            refill_24h = refill_dep = _NO_ROW
            f_imp = f_exp = 1.0
        _dispatch_kernel(i0, i1, tl.plugged, tl.drive_kwh, tl.load_kw, tl.pv_kw, plan.window_day,
                         tl.next_departure, plan.cheaper, tl.n_steps, sf, si,
                         float(capacity_kwh), p["dt_h"], p["charge_kw"], p["eta_c"], p["eta_d"],
                         p["discharge_kw"], p["reserve"], p["dep_min"], p["target"], plan.strategy,
                         plan.v2h, plan.v2g, p["day_cap_ac_kwh"],
                         guard, tl.import_price_per_kwh, tl.export_price_per_kwh, refill_24h, refill_dep, plan.pv_rows,
                         tl.steps_per_day,
                         f_imp, f_exp, p["v2g_pay"], p["margin"], *out)
        flows = StepFlows(*out, standby_kwh=p["standby_kwh"])
        return flows, DispatchState(soc=float(sf[0]), window_day=int(si[0]),
                                    window_day_discharged_ac_kwh=float(sf[1]))
