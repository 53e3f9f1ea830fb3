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
   (``ev_charging_free``).  See :func:`refill_prices`.  Each part (home, export) is discharged only when
   its value exceeds that refill cost by more than
   ``participation.min_margin_per_kwh`` (e.g. an allowance for battery wear).
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

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .._jit import njit
from ..scenario import Scenario
from .timeline import Timeline

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


@njit(inline="always")
def _worth_it(value, refill_price, t, e, ac, e_dep, done_ac, eta_c, eta_d, f_imp, f_exp, inv_rt, margin):
    """The part of ``ac`` (kWh AC delivered this step) worth delivering at ``value`` per kWh.

    A kWh pays when ``value`` exceeds what putting it back costs (module docstring,
    "only when it pays") plus ``margin``.  Below the departure minimum ``e_dep`` the
    grid puts the energy back before the car leaves (also with ``solar_first``: the
    grid guarantees that minimum): cheapest import price before the departure.
    Above it: the cheaper of the grid within 24 hours and, with ``solar_first``, PV
    surplus, as far as the PV surplus of the next 24 hours can put back what the
    window-day has delivered so far (``done_ac``) and this step.  When only a part
    pays (above the departure minimum, or what PV can refill), only that part is
    delivered.
    """
    if value > refill_price[1, t] * f_imp * inv_rt + margin:
        return ac
    if value > refill_price[0, t] * f_imp * inv_rt + margin:
        part = ac
    elif value > refill_price[2, t] * f_exp * inv_rt + margin:
        part = refill_price[3, t] * eta_c * eta_d - done_ac     # what the coming PV surplus can put back
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
                     guard, imp_price, exp_price, refill_price, f_imp, f_exp, v2g_pay, margin,
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
    for t in range(i0, i1):
        k = t - i0
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
                                home = _worth_it(imp_price[t] * f_imp, refill_price, t, e, home, e_dep,
                                                 disch_today, eta_c, eta_d, f_imp, f_exp, inv_rt, margin)
                        if v2g:
                            exp = ac_max - home
                            if guard:
                                exp = _worth_it((exp_price[t] + v2g_pay) * f_exp, refill_price, t,
                                                e - home / eta_d, exp, e_dep, disch_today + home, eta_c, eta_d,
                                                f_imp, f_exp, inv_rt, margin)
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


_EMPTY = np.zeros((4, 0))


def range_min(values: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """``out[t] = min(values[lo[t]:hi[t]])``, ``inf`` for an empty range.

    Sparse table (doubling minima, ``log2`` of the longest range levels): each
    query is the minimum of two overlapping power-of-two blocks.
    """
    n = values.shape[0]
    lo = np.clip(np.asarray(lo, dtype=np.int64), 0, n)
    hi = np.clip(np.asarray(hi, dtype=np.int64), 0, n)
    length = np.maximum(hi - lo, 0)
    out = np.full(lo.shape[0], np.inf)
    longest = int(length.max()) if length.size else 0
    if longest == 0:
        return out
    level = np.zeros(length.shape[0], dtype=np.int64)
    nz = length > 0
    level[nz] = np.floor(np.log2(length[nz])).astype(np.int64)
    table = np.concatenate((np.asarray(values, dtype=np.float64), [np.inf]))
    k = 0
    while True:
        sel = nz & (level == k)
        if sel.any():
            w = 1 << k
            out[sel] = np.minimum(table[lo[sel]], table[hi[sel] - w])
        if (2 << k) > longest:
            break
        w = 1 << k
        table = np.minimum(table, np.concatenate((table[w:], np.full(w, np.inf))))
        k += 1
    return out


def refill_prices(tl: Timeline, window_day: np.ndarray, strategy: int, *, charging_free: bool = False
                  ) -> np.ndarray:
    """Cheapest chance to recharge, per step (module docstring, "only when it pays"); shape ``(4, n)``.

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
    Prices are unescalated (the kernel applies the year's import and export
    escalation).
    """
    n = tl.n_steps
    spd = tl.steps_per_day
    t = np.arange(n, dtype=np.int64)
    ends = (np.minimum(t + 1 + spd, n), np.minimum(np.minimum(tl.next_departure, t + 1 + spd), n))
    price = tl.import_price_per_kwh
    chargeable = tl.plugged & (window_day < 0)
    out = np.full((4, n), np.inf)
    out[3] = 0.0
    for row, end in enumerate(ends):
        if charging_free:
            grid = np.zeros(n)
        elif strategy == 0:  # immediate: the car recharges at the next chargeable step
            grid = np.full(n, np.inf)
            idx = np.flatnonzero(chargeable)
            if idx.size:
                j = np.searchsorted(idx, t + 1)
                nxt = idx[np.minimum(j, idx.size - 1)]
                ok = (j < idx.size) & (nxt < end)
                grid[ok] = price[nxt[ok]]
        else:
            grid = range_min(np.where(chargeable, price, np.inf), t + 1, end)
        missing = ~np.isfinite(grid)
        if missing.any():
            inside = range_min(np.where(tl.plugged, price, np.inf), t + 1, end)
            grid = np.where(missing, np.where(np.isfinite(inside), inside, price), grid)
        out[row] = grid
    if strategy == 2:
        surplus = tl.plugged & (tl.pv_kw > tl.load_kw)
        out[2] = range_min(np.where(surplus, tl.export_price_per_kwh, np.inf), t + 1, ends[0])
        kwh = np.where(surplus, (tl.pv_kw - tl.load_kw) * tl.dt_h, 0.0)
        cum = np.concatenate(([0.0], np.cumsum(kwh)))
        out[3] = cum[ends[0]] - cum[np.minimum(t + 1, n)]
    return out


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
    #: cheapest refill prices per step, (4, n), see :func:`refill_prices` (unescalated)
    refill: np.ndarray | None = None


class RuleBasedDispatcher:
    """The rule set of the module docstring, compiled with numba."""

    def prepare(self, timeline: Timeline, scenario: Scenario, participate: bool) -> RulePlan:
        tl = timeline
        mode = scenario.participation.mode
        v2h = participate and mode in ("v2h", "v2h+v2g")
        v2g = participate and mode in ("v2g", "v2h+v2g")
        window_day = tl.window_day if (v2h or v2g) else np.full(tl.n_steps, -1, dtype=np.int32)
        strategy = STRATEGIES.index(scenario.charging.strategy)
        c = scenario.charger
        if strategy == 0:
            cheaper = np.zeros(tl.n_steps, dtype=np.int32)
        else:
            chargeable = tl.plugged & (window_day < 0)
            n_levels = int(tl.import_price_level.max()) + 1 if tl.n_steps else 1
            cheaper = _cheaper_steps(tl.import_price_level, chargeable, tl.next_departure, n_levels)
        p = scenario.participation
        params = dict(
            dt_h=tl.dt_h, charge_kw=float(c.charge_kw), eta_c=float(c.charge_efficiency),
            eta_d=float(c.discharge_efficiency), discharge_kw=float(min(p.power_kw, c.discharge_kw)),
            reserve=float(p.reserve_soc), dep_min=float(p.departure_soc_min),
            target=float(scenario.charging.target_soc), day_cap_ac_kwh=float(p.max_discharge_kwh_per_day),
            standby_kwh=float(c.standby_w) / 1000.0 * tl.dt_h,
        )
        t = scenario.tariff
        params.update(guard=bool(p.only_when_profitable) and (v2h or v2g), margin=float(p.min_margin_per_kwh),
                      v2g_pay=float(t.v2g_payment_per_kwh), esc_import=float(t.escalation_import),
                      esc_export=float(t.escalation_export))
        refill = None
        if params["guard"]:
            refill = refill_prices(tl, window_day, strategy, charging_free=bool(t.ev_charging_free))
        return RulePlan(tl, participate, window_day, cheaper, strategy, v2h, v2g, params, refill)

    def run(self, plan: RulePlan, steps: slice, state: DispatchState, capacity_kwh: float
            ) -> tuple[StepFlows, DispatchState]:
        tl = plan.timeline
        i0, i1 = steps.start, steps.stop
        m = i1 - i0
        out = [np.empty(m) for _ in range(8)]
        sf = np.array([state.soc, state.window_day_discharged_ac_kwh])
        si = np.array([state.window_day], dtype=np.int64)
        p = plan.params
        guard = bool(p.get("guard")) and plan.refill is not None
        if guard:
            refill = plan.refill
            # year of operation of the chunk (1-based): prices escalate per year as in the money stage
            k = int(np.searchsorted(tl.year_step_bounds, i0, side="right"))
            f_imp = (1.0 + p["esc_import"]) ** max(k - 1, 0)
            f_exp = (1.0 + p["esc_export"]) ** max(k - 1, 0)
        else:
            refill = _EMPTY
            f_imp = f_exp = 1.0
        _dispatch_kernel(i0, i1, tl.plugged, tl.drive_kwh, tl.load_kw, tl.pv_kw, plan.window_day,
                         tl.next_departure, plan.cheaper, tl.n_steps, sf, si,
                         float(capacity_kwh), p["dt_h"], p["charge_kw"], p["eta_c"], p["eta_d"],
                         p["discharge_kw"], p["reserve"], p["dep_min"], p["target"], plan.strategy,
                         plan.v2h, plan.v2g, p["day_cap_ac_kwh"],
                         guard, tl.import_price_per_kwh, tl.export_price_per_kwh, refill,
                         f_imp, f_exp, p.get("v2g_pay", 0.0), p.get("margin", 0.0), *out)
        flows = StepFlows(*out, standby_kwh=p["standby_kwh"])
        return flows, DispatchState(soc=float(sf[0]), window_day=int(si[0]),
                                    window_day_discharged_ac_kwh=float(sf[1]))
