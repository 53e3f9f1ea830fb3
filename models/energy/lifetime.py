"""Lifetime loop: year by year, V2G run and baseline, with capacity-fade feedback.

:func:`simulate_energy` is the public entry point (see ``docs/energy.md``).

For each year ``k = 1..N`` and each run (the V2G/V2H run and the baseline:
same car, driving and charging strategy, no discharging):

1. usable capacity ``C_k = vehicle.capacity_kwh x SoH`` with SoH at the
   start of the year (``vehicle.initial_soh`` for year 1, then the ageing
   stepper's SoH at the end of the previous year); fixed within the year;
2. the dispatcher runs the year's steps (SoC continues across the year
   boundary as a fraction, so a smaller capacity means the same trips take
   a deeper cycle);
3. the ageing stepper advances over the same SoC series (fraction of the
   current capacity) and the temperature series, so cycles are counted
   across year boundaries by the stepper; a streaming rainflow counter does
   the same for the cycle map;
4. yearly sums (energy columns of the results contract, household flows and
   price-weighted sums for the money stage) are taken and the per-step
   arrays are dropped unless it is year 1 (kept for the day view), or handed
   to ``year_callback``.

Ageing is injected: ``ageing_factory(cell_id, *, pack_factor, initial_soh,
uncertainty_sigma) -> stepper`` with ``advance(time_s, soc, temp_c)`` and
read-only ``soh``, ``soh_low``, ``soh_high``; a stepper that also has
``last_cycles`` and ``last_residue`` (rainflow cycles of its last chunk, open
cycles after it: :class:`models.ageing.AgeingStepper`) gives the cycle map its
count instead of a second count of the same series.  Default: ``models.ageing.
AgeingStepper`` when that package is importable; otherwise no fade is
applied, SoH columns are left out and a warning says so.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from .._jit import njit
from ..rainflow import Cycles, RainflowCounter, cycle_histogram
from ..messages import Note, run_names
from ..paths import env_switch
from ..results import TYPICAL_DAY_SERIES
from ..scenario import Scenario
from .dispatch import DispatchState, RuleBasedDispatcher, StepFlows
from .timeline import Timeline, build_timeline

__all__ = ["EnergyResult", "simulate_energy", "ENERGY_COLUMNS", "FLOW_KEYS", "NO_CAR_KEYS",
           "TYPICAL_MONTHS", "default_ageing_factory"]

#: Yearly energy columns of the results contract computed here.
ENERGY_COLUMNS = (
    "energy_charged_kwh", "energy_charged_grid_kwh", "energy_charged_pv_kwh", "energy_driven_kwh",
    "energy_exported_kwh", "energy_to_home_kwh", "losses_kwh", "soc_change_kwh", "unmet_driving_kwh",
)

#: Per-year household-side sums of one run (kWh and price-weighted, prices of the timeline
#: without escalation; "value" = kWh x price of the step).
FLOW_KEYS = (
    "household_import_kwh",        # grid -> house incl. car charging from grid and standby
    "household_import_cost",       # sum import_kwh x import_price
    "household_export_kwh",        # house -> grid: PV not used + V2G export
    "household_export_value",      # sum export_kwh x export_price
    "car_charge_grid_kwh",         # charger AC from grid for the car, incl. standby
    "car_charge_grid_cost",        # sum of that x import_price
    "car_charge_pv_kwh",           # charger AC from PV surplus
    "car_charge_pv_export_value",  # that PV at the export price (income given up)
    "standby_kwh",
    "car_export_kwh",              # V2G AC out of the charger
    "car_export_value",            # sum car_export_kwh x export_price
    "car_to_home_kwh",             # V2H AC out of the charger
    "car_to_home_value",           # sum car_to_home_kwh x import_price (purchase avoided)
    "pv_self_consumed_kwh",        # PV -> home + PV -> car
    "window_plugged_h",            # hours plugged in inside participation windows (availability)
    "discharge_days",              # days with any discharge
    "departures",                  # trips started
    "departures_below_min",        # trips started below departure_soc_min
    "driven_km",
)

#: Per-year household flows without any car (load and PV only).
NO_CAR_KEYS = ("household_import_kwh", "household_import_cost", "household_export_kwh",
               "household_export_value", "load_kwh", "pv_kwh")

#: Typical days: season -> its middle month (first matching day of year 1 is used).
TYPICAL_MONTHS = {"winter": 1, "spring": 4, "summer": 7, "autumn": 10}

RUNS = ("v2g", "baseline")


@dataclass(eq=False)
class EnergyResult:
    """Output of :func:`simulate_energy`; arrays indexed by year 0..N (row 0 = zeros / initial)."""

    timeline: Timeline
    years: np.ndarray
    #: run -> {energy column -> (N+1,) array}; "v2g" and "baseline"
    energy: dict[str, dict[str, np.ndarray]]
    #: run -> {FLOW_KEYS -> (N+1,) array}
    flows: dict[str, dict[str, np.ndarray]]
    #: FLOW-like sums without a car: NO_CAR_KEYS -> (N+1,) array
    no_car: dict[str, np.ndarray]
    #: run -> usable capacity at the START of year k at index k (index 0 = initial)
    capacity_kwh: dict[str, np.ndarray]
    #: run -> SoC at the end of year k at index k (index 0 = initial SoC)
    soc_end: dict[str, np.ndarray]
    #: run -> equivalent full cycles in year k (0.5 x sum |dSoC|), index 0 = 0
    efc: dict[str, np.ndarray]
    #: run -> {"soh", "soh_low", "soh_high"} at the end of year k (index 0 = initial); empty
    #: when no ageing model was available
    soh: dict[str, dict[str, np.ndarray]]
    #: results-contract typical days "<season>_<daytype>" -> series (V2G run)
    typical_days: dict[str, dict[str, np.ndarray]]
    #: "<season>_<daytype>" -> ISO date of the day shown
    typical_day_dates: dict[str, str]
    #: results-contract cycle map (numpy arrays)
    cycle_map: dict[str, Any]
    #: run -> per-step arrays of year 1 (keys listed in docs/energy.md)
    year1_steps: dict[str, dict[str, np.ndarray]]
    ageing_used: bool
    warnings: list[str] = field(default_factory=list)

    @property
    def horizon_years(self) -> int:
        return int(self.years[-1])

    def yearly_columns(self) -> dict[str, np.ndarray]:
        """Results-contract yearly columns this stage computes (V2G run + baseline SoH/EFC)."""
        out: dict[str, np.ndarray] = {"year": self.years.copy()}
        out.update({k: v.copy() for k, v in self.energy["v2g"].items()})
        out["efc"] = self.efc["v2g"].copy()
        out["efc_baseline"] = self.efc["baseline"].copy()
        if self.soh:
            out["soh"] = self.soh["v2g"]["soh"].copy()
            out["soh_low"] = self.soh["v2g"]["soh_low"].copy()
            out["soh_high"] = self.soh["v2g"]["soh_high"].copy()
            out["soh_baseline"] = self.soh["baseline"]["soh"].copy()
        return out


def default_ageing_factory():
    """``models.ageing.AgeingStepper`` when importable, else None."""
    try:
        from ..ageing import AgeingStepper  # type: ignore[import-not-found]
    except ImportError:
        return None
    return AgeingStepper


_S_CG, _S_CPV, _S_HOME, _S_EXP, _S_DRV, _S_UNMET, _S_VAR = range(7)
_FLOW_FROM_SUMS = ("household_import_kwh", "household_import_cost", "household_export_kwh",
                   "household_export_value", "car_charge_grid_cost", "car_charge_pv_export_value",
                   "car_export_value", "car_to_home_value", "pv_self_consumed_kwh", "window_plugged_h",
                   "discharge_days", "departures_below_min")
_S_FLOWS = 7
_S_NOCAR = _S_FLOWS + len(_FLOW_FROM_SUMS)
_N_SUMS = _S_NOCAR + len(NO_CAR_KEYS)


@njit
def _year_sums(i0, i1, load_kw, pv_kw, p_imp, p_exp, plugged, is_dep, window_day, spd, dt_h,
               soc, cg, cpv, home, exp, drv, unmet, standby_kwh, soc_prev, dep_min):
    """All yearly sums of one run in one pass (layout: the _S_* constants)."""
    s_cg = s_cpv = s_home = s_exp = s_drv = s_unmet = s_var = 0.0
    imp_k = imp_c = exp_k = exp_v = cg_c = cpv_v = carx_v = home_v = pv_self = 0.0
    nc_imp = nc_impc = nc_exp = nc_expv = nc_load = nc_pv = 0.0
    # counts without data-dependent branches (they cost more than the sums): a discharge in the
    # day is remembered and counted when the day ends
    n_win = n_dis_days = n_dep_low = 0
    discharged = False
    next_day = (i0 // spd + 1) * spd
    dep_thr = dep_min - 1e-9
    prev = soc_prev
    for t in range(i0, i1):
        k = t - i0
        if t == next_day:
            n_dis_days += discharged
            discharged = False
            next_day += spd
        ld = load_kw[t]
        pv = pv_kw[t]
        net = (ld - pv) * dt_h
        res = net if net > 0.0 else 0.0
        sur = -net if net < 0.0 else 0.0
        c_g = cg[k]
        c_p = cpv[k]
        h = home[k]
        x = exp[k]
        imp = res - h + c_g + standby_kwh
        ex = sur - c_p + x
        pi = p_imp[t]
        pe = p_exp[t]
        s_cg += c_g
        s_cpv += c_p
        s_home += h
        s_exp += x
        s_drv += drv[k]
        s_unmet += unmet[k]
        s_var += abs(soc[k] - prev)
        imp_k += imp
        imp_c += imp * pi
        exp_k += ex
        exp_v += ex * pe
        cg_c += (c_g + standby_kwh) * pi
        cpv_v += c_p * pe
        carx_v += x * pe
        home_v += h * pi
        pv_self += (pv if pv < ld else ld) * dt_h + c_p
        n_win += (window_day[t] >= 0) & plugged[t]
        discharged |= h + x > 0.0
        n_dep_low += is_dep[t] & (prev < dep_thr)
        nc_imp += res
        nc_impc += res * pi
        nc_exp += sur
        nc_expv += sur * pe
        nc_load += ld * dt_h
        nc_pv += pv * dt_h
        prev = soc[k]
    n_dis_days += discharged
    win_n, dis_days, dep_low = float(n_win), float(n_dis_days), float(n_dep_low)
    out = np.empty(_N_SUMS)
    out[_S_CG] = s_cg
    out[_S_CPV] = s_cpv
    out[_S_HOME] = s_home
    out[_S_EXP] = s_exp
    out[_S_DRV] = s_drv
    out[_S_UNMET] = s_unmet
    out[_S_VAR] = s_var
    f = _S_FLOWS
    out[f + 0] = imp_k
    out[f + 1] = imp_c
    out[f + 2] = exp_k
    out[f + 3] = exp_v
    out[f + 4] = cg_c
    out[f + 5] = cpv_v
    out[f + 6] = carx_v
    out[f + 7] = home_v
    out[f + 8] = pv_self
    out[f + 9] = win_n
    out[f + 10] = dis_days
    out[f + 11] = dep_low
    g = _S_NOCAR
    out[g + 0] = nc_imp
    out[g + 1] = nc_impc
    out[g + 2] = nc_exp
    out[g + 3] = nc_expv
    out[g + 4] = nc_load
    out[g + 5] = nc_pv
    return out


def battery_temperature_c(tl: Timeline, sl: slice, flows: StepFlows, capacity_kwh: float) -> np.ndarray:
    """Battery temperature per step (given to the ageing model and the day view).

    :func:`models.climate.battery_temp_c`: ambient + parked offset + self-heating
    proportional to the C-rate ``|battery_kw| / capacity_kwh`` (charging,
    discharging and driving), with that module's (uncertain) default constants.
    """
    from .. import climate

    return climate.battery_temp_c(tl.ambient_c[sl], power_kw=flows.battery_kw, capacity_kwh=capacity_kwh)


def _household(tl: Timeline, sl: slice, f: StepFlows | None):
    """Per-step household grid import/export (kWh) with the car (f) or without (None)."""
    dt = tl.dt_h
    net = (tl.load_kw[sl] - tl.pv_kw[sl]) * dt
    res = np.maximum(net, 0.0)
    sur = np.maximum(-net, 0.0)
    if f is None:
        return res, sur
    imp = res - f.to_home_ac_kwh + f.charge_grid_ac_kwh + f.standby_kwh
    exp = sur - f.charge_pv_ac_kwh + f.export_ac_kwh
    return imp, exp


def _step_dict(tl: Timeline, sl: slice, f: StepFlows, battery_c: np.ndarray) -> dict[str, np.ndarray]:
    imp, exp = _household(tl, sl, f)
    dt = tl.dt_h
    pv = tl.pv_kw[sl]
    load = tl.load_kw[sl]
    return {
        "soc": f.soc, "battery_kw": f.battery_kw, "grid_kw": (imp - exp) / dt,
        "grid_import_kwh": imp, "grid_export_kwh": exp,
        "home_kw": f.to_home_ac_kwh / dt, "export_kw": f.export_ac_kwh / dt,
        "charge_grid_kw": f.charge_grid_ac_kwh / dt, "charge_pv_kw": f.charge_pv_ac_kwh / dt,
        "pv_kw": pv.copy(), "pv_used_kw": np.minimum(pv, load) + f.charge_pv_ac_kwh / dt,
        "load_kw": load.copy(), "drive_kw": f.driven_kwh / dt, "unmet_kwh": f.unmet_kwh,
        "price": tl.import_price_per_kwh[sl].copy(),
        "export_price": tl.export_price_per_kwh[sl].copy(),
        "temp_c": tl.ambient_c[sl].copy(), "battery_temp_c": battery_c, "plugged": tl.plugged[sl].copy(),
    }


def simulate_energy(scenario: Scenario, *, ageing_factory: Callable | None | bool = None,
                    dispatcher=None, year_callback: Callable | None = None,
                    timeline: Timeline | None = None) -> EnergyResult:
    """Simulate the battery, the charger and the household for the whole horizon.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario.
    ageing_factory : callable, optional
        ``factory(cell_id, *, pack_factor, initial_soh, uncertainty_sigma) -> stepper``.
        ``None`` = :func:`default_ageing_factory`; ``False`` = no ageing.
    dispatcher : Dispatcher, optional
        Default :class:`~models.energy.dispatch.RuleBasedDispatcher`.
    year_callback : callable, optional
        ``callback(year, run, steps: dict, step_slice)`` after each year and run
        (``run`` in ``"v2g"``, ``"baseline"``), with the per-step dict of
        :func:`_step_dict` - for consumers that need every step of every year
        without keeping them all in memory.
    timeline : Timeline, optional
        A timeline already built from this scenario (skips :func:`build_timeline`).
    """
    s = scenario
    tl = timeline if timeline is not None else build_timeline(s)
    disp = dispatcher if dispatcher is not None else RuleBasedDispatcher()
    warnings: list[str] = []
    if ageing_factory is None:
        ageing_factory = default_ageing_factory()
        if ageing_factory is None:
            warnings.append(Note("no_ageing"))
    elif ageing_factory is False:
        ageing_factory = None
    n_years = tl.horizon_years
    years = np.arange(n_years + 1)
    shared = s.participation.mode == "none"
    runs = ("v2g",) if shared else RUNS
    plans = {r: disp.prepare(tl, s, r == "v2g") for r in runs}

    zeros = lambda: np.zeros(n_years + 1)  # noqa: E731
    energy = {r: {c: zeros() for c in ENERGY_COLUMNS} for r in runs}
    flows = {r: {c: zeros() for c in FLOW_KEYS} for r in runs}
    no_car = {c: zeros() for c in NO_CAR_KEYS}
    cap = {r: zeros() for r in runs}
    soc_end = {r: zeros() for r in runs}
    efc = {r: zeros() for r in runs}
    v = s.vehicle
    soc0 = float(s.charging.target_soc)
    steppers = {}
    soh = {}
    if ageing_factory is not None:
        for r in runs:
            steppers[r] = ageing_factory(v.cell_model, pack_factor=v.pack_factor, initial_soh=v.initial_soh,
                                         uncertainty_sigma=s.ageing.uncertainty_sigma)
            soh[r] = {k: zeros() for k in ("soh", "soh_low", "soh_high")}
            for k in soh[r]:
                soh[r][k][0] = v.initial_soh
    # the cycle map: the stepper's own rainflow count of the same series when it offers one,
    # else a count of its own
    counters = {r: RainflowCounter() for r in runs if not hasattr(steppers.get(r), "last_cycles")}
    cycles: dict[str, list[Cycles]] = {r: [] for r in runs}
    states = {r: DispatchState(soc=soc0) for r in runs}
    soh_now = {r: float(v.initial_soh) for r in runs}
    year1: dict[str, dict[str, np.ndarray]] = {}
    dt_s = tl.step_minutes * 60.0
    dt = tl.dt_h
    eta_c = s.charger.charge_efficiency
    eta_d = s.charger.discharge_efficiency
    dep_min = s.participation.departure_soc_min
    soh_floor = 0.05
    for r in runs:
        soc_end[r][0] = soc0
        cap[r][0] = v.capacity_kwh * v.initial_soh

    run_warnings: dict[str, list] = {r: [] for r in runs}

    # the same for both runs: departures and distance of each year
    deps_per_year, km_per_year = [0], [0.0]
    for k in range(1, n_years + 1):
        sl = tl.year_slice(k)
        deps_per_year.append(int(np.count_nonzero(tl.is_departure[sl])))
        km_per_year.append(tl.day_drive_km[sl.start // tl.steps_per_day:sl.stop // tl.steps_per_day].sum())

    def year(k: int, r: str) -> None:
        sl = tl.year_slice(k)
        i0, i1 = sl.start, sl.stop
        deps_n, km = deps_per_year[k], km_per_year[k]
        c_kwh = v.capacity_kwh * soh_now[r]
        cap[r][k] = c_kwh
        st0 = states[r]
        f, st1 = disp.run(plans[r], sl, st0, c_kwh)
        states[r] = st1
        m = i1 - i0
        sums = _year_sums(i0, i1, tl.load_kw, tl.pv_kw, tl.import_price_per_kwh, tl.export_price_per_kwh,
                          tl.plugged, tl.is_departure, plans[r].window_day, tl.steps_per_day, dt,
                          f.soc, f.charge_grid_ac_kwh, f.charge_pv_ac_kwh, f.to_home_ac_kwh,
                          f.export_ac_kwh, f.driven_kwh, f.unmet_kwh, f.standby_kwh, st0.soc, dep_min)
        if r == runs[0]:
            for j, key in enumerate(NO_CAR_KEYS):
                no_car[key][k] = sums[_S_NOCAR + j]
        sb = f.standby_kwh * m
        cg, cpv, home, exp = sums[_S_CG], sums[_S_CPV], sums[_S_HOME], sums[_S_EXP]
        e = energy[r]
        e["energy_charged_grid_kwh"][k] = cg + sb
        e["energy_charged_pv_kwh"][k] = cpv
        e["energy_charged_kwh"][k] = cg + sb + cpv
        e["energy_driven_kwh"][k] = sums[_S_DRV]
        e["energy_exported_kwh"][k] = exp
        e["energy_to_home_kwh"][k] = home
        e["losses_kwh"][k] = (cg + cpv) * (1.0 - eta_c) + (home + exp) * (1.0 / eta_d - 1.0) + sb
        e["soc_change_kwh"][k] = (st1.soc - st0.soc) * c_kwh
        e["unmet_driving_kwh"][k] = sums[_S_UNMET]
        fl = flows[r]
        for j, key in enumerate(_FLOW_FROM_SUMS):
            fl[key][k] = sums[_S_FLOWS + j]
        fl["car_charge_grid_kwh"][k] = cg + sb
        fl["car_charge_pv_kwh"][k] = cpv
        fl["standby_kwh"][k] = sb
        fl["car_export_kwh"][k] = exp
        fl["car_to_home_kwh"][k] = home
        fl["window_plugged_h"][k] *= dt
        fl["departures"][k] = deps_n
        fl["driven_km"][k] = km
        efc[r][k] = 0.5 * sums[_S_VAR]
        soc_end[r][k] = st1.soc
        series = f.soc if k > 1 else np.concatenate(([st0.soc], f.soc))
        want_steps = k == 1 or year_callback is not None
        temp_batt = battery_temperature_c(tl, sl, f, c_kwh) if (r in steppers or want_steps) else None
        if r in steppers:
            stp = steppers[r]
            t_s = (np.arange(i0, i1, dtype=np.float64) + 1.0) * dt_s
            temp = temp_batt
            if k == 1:
                t_s = np.concatenate(([0.0], t_s))
                temp = np.concatenate(([temp[0]], temp))
            stp.advance(t_s, np.ascontiguousarray(series), np.ascontiguousarray(temp))
            for key in ("soh", "soh_low", "soh_high"):
                soh[r][key][k] = float(getattr(stp, key))
            new = float(stp.soh)
            if not np.isfinite(new) or new < soh_floor:
                run_warnings[r].append(Note("soh_floor", year=k, floor_pct=f"{100 * soh_floor:g} %",
                                            **run_names(r)))
                new = soh_floor if not np.isfinite(new) or new < soh_floor else new
            soh_now[r] = new
        cycles[r].append(counters[r].push(series) if r in counters else steppers[r].last_cycles)
        if want_steps:
            d = _step_dict(tl, sl, f, temp_batt)
            if k == 1:
                year1[r] = d
            if year_callback is not None:
                year_callback(k, r, d, sl)
                if shared:
                    year_callback(k, "baseline", d, sl)

    def all_years(r: str) -> None:
        for k in range(1, n_years + 1):
            year(k, r)

    if len(runs) == 2 and year_callback is None and env_switch("V2G_THREADS"):
        # The two runs are independent and their kernels release the GIL: the baseline runs in a
        # second thread (results are the same as in sequence; tests/test_energy_lifetime.py).
        failure: list[BaseException] = []

        def baseline():
            try:
                all_years(runs[1])
            except BaseException as exc:  # re-raised in the calling thread
                failure.append(exc)

        worker = threading.Thread(target=baseline, name="v2g-baseline-run", daemon=True)
        worker.start()
        try:
            all_years(runs[0])
        finally:
            worker.join()
        if failure:
            raise failure[0]
    else:
        for k in range(1, n_years + 1):
            for r in runs:
                year(k, r)
    for r in runs:  # the same order whatever the threads did
        warnings.extend(run_warnings[r])

    for r in runs:
        cycles[r].append(counters[r].residue() if r in counters else steppers[r].last_residue)
    if shared:
        for dct in (energy, flows, cap, soc_end, efc, year1):
            dct["baseline"] = _copy(dct["v2g"])
        if soh:
            soh["baseline"] = _copy(soh["v2g"])
        cycles["baseline"] = cycles["v2g"]
    de, me, h_v2g = cycle_histogram(Cycles.concatenate(cycles["v2g"]))
    _, _, h_base = cycle_histogram(Cycles.concatenate(cycles["baseline"]))
    # totals for the map's titles (the window adds nothing up itself): equivalent full cycles over the
    # horizon, what a rated cycle life counts, and the number of rainflow cycles of every size in the map
    cycle_map = {"depth_edges": de, "mean_edges": me, "v2g": h_v2g, "baseline": h_base, "years": int(n_years),
                 "efc_total": float(math.fsum(efc["v2g"].tolist())),
                 "efc_total_baseline": float(math.fsum(efc["baseline"].tolist())),
                 "cycles_total": float(math.fsum(np.ravel(h_v2g).tolist())),
                 "cycles_total_baseline": float(math.fsum(np.ravel(h_base).tolist()))}
    typical, dates = _typical_days(tl, year1["v2g"])
    for r in RUNS:
        if energy[r]["unmet_driving_kwh"].sum() > 0:
            warnings.append(Note("unmet_driving", kwh=f"{energy[r]['unmet_driving_kwh'].sum():,.1f}",
                                 **run_names(r)))
    return EnergyResult(timeline=tl, years=years, energy=energy, flows=flows, no_car=no_car,
                        capacity_kwh=cap, soc_end=soc_end, efc=efc, soh=soh, typical_days=typical,
                        typical_day_dates=dates, cycle_map=cycle_map, year1_steps=year1,
                        ageing_used=bool(steppers), warnings=warnings)


def _copy(x):
    if isinstance(x, dict):
        return {k: _copy(v) for k, v in x.items()}
    if isinstance(x, np.ndarray):
        return x.copy()
    return x


def _typical_days(tl: Timeline, steps: dict[str, np.ndarray]):
    """Representative real days of year 1: first matching day of each season's middle month."""
    spd = tl.steps_per_day
    n_days_y1 = int(tl.year_step_bounds[1]) // spd
    months = tl.day_month[:n_days_y1]
    off = tl.day_offday[:n_days_y1]
    time_h = np.arange(spd) * tl.step_minutes / 60.0
    out: dict[str, dict[str, np.ndarray]] = {}
    dates: dict[str, str] = {}
    for season, month in TYPICAL_MONTHS.items():
        for dtype, want_off in (("weekday", False), ("weekend", True)):
            idx = np.nonzero((months == month) & (off == want_off))[0]
            if idx.size == 0:
                continue
            d = int(idx[0])
            sl = slice(d * spd, (d + 1) * spd)
            key = f"{season}_{dtype}"
            out[key] = {"time_h": time_h.copy(),
                        **{name: np.asarray(steps[name][sl], dtype=np.float64).copy()
                           for name in TYPICAL_DAY_SERIES}}
            dates[key] = str(tl.day_date[d])
    return out, dates
