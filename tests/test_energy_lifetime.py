"""Lifetime loop: demo hand check, energy balance, fade feedback, baseline, outputs."""
from __future__ import annotations

import datetime as dt

import holidays
import numpy as np
import pytest

from models import scenario as sc
from models.energy import ENERGY_COLUMNS, FLOW_KEYS, simulate_energy
from models.results import TYPICAL_DAY_SERIES, Result, check_result
from test_energy_support import LinearStandInStepper, make, run_collect


@pytest.fixture(scope="module")
def demo_res():
    return simulate_energy(sc.demo(), ageing_factory=LinearStandInStepper)


def balance(e):
    return (e["energy_charged_kwh"] - e["energy_driven_kwh"] - e["energy_exported_kwh"]
            - e["energy_to_home_kwh"] - e["losses_kwh"] - e["soc_change_kwh"])


# ---------------------------------------------------------------- hand check of the demo
def test_demo_year1_driving_energy_by_hand(demo_res):
    """Σ days x km x kWh/km x monthly factors, with the JP holiday calendar."""
    s = sc.demo()
    d = s.driving
    jp = holidays.Japan(years=[2026, 2027])
    total = 0.0
    n_off = 0
    day = dt.date(2026, 4, 1)
    while day < dt.date(2027, 4, 1):
        off = day.weekday() >= 5 or day in jp
        n_off += off
        m = day.month - 1
        total += ((d.weekend_km if off else d.weekday_km) * d.monthly_distance_factor[m]
                  * d.kwh_per_km * d.monthly_consumption_factor[m])
        day += dt.timedelta(days=1)
    assert demo_res.energy["v2g"]["energy_driven_kwh"][1] == pytest.approx(total, rel=1e-12)
    assert demo_res.energy["baseline"]["energy_driven_kwh"][1] == pytest.approx(total, rel=1e-12)
    assert demo_res.energy["v2g"]["unmet_driving_kwh"][1] == 0.0
    # FY2026: 104 weekend days + 17 weekday holidays = 121 days off, 244 weekdays
    assert n_off == 121
    assert demo_res.flows["v2g"]["driven_km"][1] == pytest.approx(244 * 15 + 121 * 60)


@pytest.fixture(scope="module")
def always_res():
    """The demo with discharging in every window step (no price check)."""
    return simulate_energy(make(participation__only_when_profitable=False))


def test_demo_year1_v2h_equals_evening_residual_load(always_res):
    """A 37 kWh car with 60 % usable above the reserve easily covers ~6 kWh of evening load,
    so V2H supplies exactly the household load net of PV inside the windows, and no more."""
    demo_res = always_res
    tl = demo_res.timeline
    sl = tl.year_slice(1)
    win = (tl.window_day[sl] >= 0) & tl.plugged[sl]
    residual = np.maximum(tl.load_kw[sl] - tl.pv_kw[sl], 0.0) * tl.dt_h
    to_home = demo_res.energy["v2g"]["energy_to_home_kwh"][1]
    assert to_home == pytest.approx(residual[win].sum(), rel=1e-9)
    assert to_home <= (tl.load_kw[sl] * tl.dt_h)[win].sum()
    # 17:00-01:00 is 46 % of the demo's daily shape: ~2,000 of 4,500 kWh
    assert 1800 < to_home < 2200
    assert demo_res.energy["v2g"]["energy_exported_kwh"][1] == 0.0


def test_demo_year1_charging_by_hand(demo_res):
    """charged = (driven + to_home / eta_d + soc_change) / eta_c + standby (30 W x 8760 h)."""
    for run in ("v2g", "baseline"):
        e = demo_res.energy[run]
        expect = (e["energy_driven_kwh"][1] + e["energy_to_home_kwh"][1] / 0.92
                  + e["soc_change_kwh"][1]) / 0.92 + 0.030 * 8760
        assert e["energy_charged_kwh"][1] == pytest.approx(expect, rel=1e-9)
        assert demo_res.flows[run]["standby_kwh"][1] == pytest.approx(262.8)
        assert e["energy_charged_grid_kwh"][1] >= 262.8


def test_demo_pv_self_consumption_plausible(demo_res):
    nc = demo_res.no_car
    pv = nc["pv_kwh"][1]
    assert 4400 < pv < 4800                   # 4 kWp x ~1,160 kWh/kWp
    assert nc["load_kwh"][1] == pytest.approx(4500.0)
    for run in ("v2g", "baseline"):
        f = demo_res.flows[run]
        assert f["pv_self_consumed_kwh"][1] <= pv
        # the car takes some surplus; PV exported + self-consumed = generation
        assert f["pv_self_consumed_kwh"][1] + f["household_export_kwh"][1] - f["car_export_kwh"][1] \
            == pytest.approx(pv, rel=1e-9)
    assert demo_res.flows["v2g"]["car_charge_pv_kwh"][1] > 0
    # without a car, the house already uses min(load, PV) directly
    direct = nc["pv_kwh"][1] - nc["household_export_kwh"][1]
    assert demo_res.flows["baseline"]["pv_self_consumed_kwh"][1] > direct


def test_household_grid_balance(demo_res):
    """import - export = load - PV + car AC in - car AC out (every year, both runs)."""
    nc = demo_res.no_car
    for run in ("v2g", "baseline"):
        f = demo_res.flows[run]
        lhs = f["household_import_kwh"] - f["household_export_kwh"]
        rhs = (nc["load_kwh"] - nc["pv_kwh"] + f["car_charge_grid_kwh"] + f["car_charge_pv_kwh"]
               - f["car_export_kwh"] - f["car_to_home_kwh"])
        assert np.allclose(lhs, rhs, rtol=0, atol=1e-6)


# ---------------------------------------------------------------- invariants on the demo
def test_energy_balance_every_year(demo_res):
    for run in ("v2g", "baseline"):
        e = demo_res.energy[run]
        scale = np.maximum(e["energy_charged_kwh"], 1.0)
        assert np.all(np.abs(balance(e)) <= 1e-6 * scale)
        for c in ENERGY_COLUMNS:
            assert e[c].shape == (16,) and e[c][0] == 0.0


def test_fade_feedback_uses_soh_at_start_of_year(demo_res):
    for run in ("v2g", "baseline"):
        soh = demo_res.soh[run]["soh"]
        cap = demo_res.capacity_kwh[run]
        assert cap[1] == pytest.approx(37.0)
        assert np.allclose(cap[2:], 37.0 * soh[1:-1])
        assert np.all(np.diff(soh) < 0)
    # less capacity -> the same trips take a deeper cycle: EFC per year grows
    efc = demo_res.efc["baseline"]
    assert efc[15] > efc[2]


def test_stand_in_received_continuous_time_and_soc():
    steppers = []

    def factory(*a, **k):
        st = LinearStandInStepper(*a, **k)
        steppers.append(st)
        return st

    res = simulate_energy(make(horizon_years=5), ageing_factory=factory)
    assert len(steppers) == 2
    tl = res.timeline
    for st in steppers:
        assert len(st.calls) == 5
        assert st.calls[0][0] == 0.0 and st.calls[0][2] == tl.year_slice(1).stop + 1
        assert st.calls[-1][1] == pytest.approx(tl.n_steps * tl.step_minutes * 60.0)
    assert res.soh["v2g"]["soh"][5] < res.soh["baseline"]["soh"][5]


def test_real_ageing_model_v2g_wears_more():
    # discharging every evening (no price check): clearly more cycling than the baseline
    res = simulate_energy(make(horizon_years=6, participation__only_when_profitable=False))
    assert res.ageing_used
    v, b = res.soh["v2g"], res.soh["baseline"]
    assert np.all(v["soh"][1:] < b["soh"][1:])
    assert np.all(v["soh_low"] <= v["soh"] + 1e-12) and np.all(v["soh"] <= v["soh_high"] + 1e-12)
    assert np.all(np.diff(v["soh"]) < 0)
    assert np.all(res.efc["v2g"][1:] > res.efc["baseline"][1:])


def test_initial_soh_sets_year1_capacity():
    res = simulate_energy(make(horizon_years=5, vehicle__initial_soh=0.85), ageing_factory=LinearStandInStepper)
    assert res.capacity_kwh["v2g"][1] == pytest.approx(37.0 * 0.85)
    assert res.soh["v2g"]["soh"][0] == 0.85


def test_mode_none_equals_baseline_exactly():
    v2h = simulate_energy(make(horizon_years=5), ageing_factory=LinearStandInStepper)
    none = simulate_energy(make(horizon_years=5, participation__mode="none"), ageing_factory=LinearStandInStepper)
    for c in ENERGY_COLUMNS:
        assert np.array_equal(none.energy["v2g"][c], none.energy["baseline"][c])
        assert np.array_equal(none.energy["v2g"][c], v2h.energy["baseline"][c])
    for c in FLOW_KEYS:
        assert np.array_equal(none.flows["v2g"][c], v2h.flows["baseline"][c])
    assert np.array_equal(none.soh["v2g"]["soh"], v2h.soh["baseline"]["soh"])
    assert np.array_equal(none.cycle_map["v2g"], none.cycle_map["baseline"])
    assert np.array_equal(none.year1_steps["v2g"]["soc"], v2h.year1_steps["baseline"]["soc"])


# ---------------------------------------------------------------- outputs
def test_results_contract_columns_typical_days_cycle_map(demo_res):
    cols = demo_res.yearly_columns()
    assert all(len(v) == 16 for v in cols.values())
    assert cols["soh"][0] == 1.0 and "soh_baseline" in cols and "efc_baseline" in cols
    r = Result(status="partial", yearly={k: v.tolist() for k, v in cols.items()},
               typical_days={k: {s: v.tolist() for s, v in d.items()} for k, d in demo_res.typical_days.items()},
               cycle_map={k: np.asarray(v).tolist() for k, v in demo_res.cycle_map.items()})
    check_result(r)
    out = r.to_dict()
    assert len(out["yearly"]) == 16 and out["yearly"][0]["energy_charged_kwh"] == 0.0

    assert set(demo_res.typical_days) == {f"{s}_{d}" for s in ("winter", "spring", "summer", "autumn")
                                          for d in ("weekday", "weekend")}
    for key, series in demo_res.typical_days.items():
        assert set(series) == {"time_h", *TYPICAL_DAY_SERIES}
        assert all(len(v) == 96 for v in series.values())
        date = dt.date.fromisoformat(demo_res.typical_day_dates[key])
        assert date.month == {"winter": 1, "spring": 4, "summer": 7, "autumn": 10}[key.split("_")[0]]
        assert (date.weekday() >= 5 or date in holidays.Japan(years=date.year)) == key.endswith("weekend")
    assert demo_res.typical_day_dates["winter_weekend"] == "2027-01-01"      # New Year's Day, a holiday
    assert demo_res.typical_day_dates["spring_weekday"] == "2026-04-01"


def test_cycle_map_matches_efc(demo_res):
    cm = demo_res.cycle_map
    de = cm["depth_edges"]
    centre = 0.5 * (de[:-1] + de[1:])
    for run in ("v2g", "baseline"):
        h = cm[run]
        assert h.shape == (len(de) - 1, len(cm["mean_edges"]) - 1)
        approx_efc = (h.sum(axis=1) * centre).sum()
        assert approx_efc == pytest.approx(demo_res.efc[run].sum(), rel=0.1)
    assert (cm["v2g"].sum(axis=1) * centre).sum() > (cm["baseline"].sum(axis=1) * centre).sum()


def test_typical_day_tells_the_story(demo_res):
    """Winter weekday: cheap-hour charging at night, V2H discharge in the evening window."""
    d = demo_res.typical_days["winter_weekday"]
    h = d["time_h"]
    night = (h >= 1) & (h < 6)
    evening = (h >= 17)
    assert d["battery_kw"][night].max() > 5.0
    assert d["home_kw"][evening].sum() > 0 and np.all(d["battery_kw"][evening] <= 0)
    assert np.all(d["home_kw"][(h >= 6) & (h < 17)] == 0)


def test_year_callback_sees_every_year_and_run():
    res, steps = run_collect(make(horizon_years=5))
    tl = res.timeline
    for run in ("v2g", "baseline"):
        assert steps[run]["soc"].shape == (tl.n_steps,)
        assert np.array_equal(steps[run]["soc"][: tl.year_slice(1).stop], res.year1_steps[run]["soc"])
        assert res.soc_end[run][5] == steps[run]["soc"][-1]


def test_price_weighted_sums_match_step_arrays():
    res, steps = run_collect(make(horizon_years=5, participation__mode="v2h+v2g"))
    tl = res.timeline
    for run in ("v2g", "baseline"):
        st = steps[run]
        for k in range(1, 6):
            sl = tl.year_slice(k)
            f = res.flows[run]
            assert f["household_import_cost"][k] == pytest.approx(
                (st["grid_import_kwh"][sl] * tl.import_price_per_kwh[sl]).sum(), rel=1e-9)
            assert f["household_export_value"][k] == pytest.approx(
                (st["grid_export_kwh"][sl] * tl.export_price_per_kwh[sl]).sum(), rel=1e-9)
            assert f["car_export_value"][k] == pytest.approx(
                (st["export_kw"][sl] * tl.dt_h * tl.export_price_per_kwh[sl]).sum(), rel=1e-9, abs=1e-9)


def test_leap_day_start_and_25_years():
    res = simulate_energy(make(start_date="2028-02-29", horizon_years=25, step_minutes=60),
                          ageing_factory=LinearStandInStepper)
    tl = res.timeline
    assert tl.year_start_dates[1] == dt.date(2029, 2, 28) and tl.year_start_dates[4] == dt.date(2032, 2, 29)
    assert len(res.years) == 26 and all(v.shape == (26,) for v in res.energy["v2g"].values())
    for run in ("v2g", "baseline"):
        e = res.energy[run]
        assert np.all(np.abs(balance(e)) <= 1e-6 * np.maximum(e["energy_charged_kwh"], 1.0))


def test_dispatcher_interface_is_pluggable():
    """Any object with prepare/run can replace the rule-based dispatcher (seam for an LP dispatcher)."""
    from models.energy import RuleBasedDispatcher

    class NeverDischarge:
        def __init__(self):
            self.inner = RuleBasedDispatcher()
            self.years = []

        def prepare(self, timeline, scenario, participate):
            return self.inner.prepare(timeline, scenario, False)

        def run(self, plan, steps, state, capacity_kwh):
            self.years.append((steps.start, steps.stop, capacity_kwh))
            return self.inner.run(plan, steps, state, capacity_kwh)

    d = NeverDischarge()
    res = simulate_energy(make(horizon_years=5), ageing_factory=LinearStandInStepper, dispatcher=d)
    assert len(d.years) == 10
    for c in ENERGY_COLUMNS:
        assert np.array_equal(res.energy["v2g"][c], res.energy["baseline"][c])


def test_ageing_receives_battery_temperature_from_models_climate():
    from models import climate

    seen = {}

    class Recorder(LinearStandInStepper):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            seen[id(self)] = []       # creation order: the V2G run's stepper, then the baseline's

        def advance(self, time_s, soc, temp_c):
            seen[id(self)].append(np.array(temp_c))
            super().advance(time_s, soc, temp_c)

    res = simulate_energy(make(horizon_years=5), ageing_factory=Recorder)
    tl = res.timeline
    sl = tl.year_slice(1)
    for run, chunks in zip(("v2g", "baseline"), seen.values()):
        st = res.year1_steps[run]
        expect = climate.battery_temp_c(tl.ambient_c[sl], power_kw=st["battery_kw"], capacity_kwh=37.0)
        assert np.array_equal(chunks[0][1:], expect) and chunks[0][0] == expect[0]
        assert np.array_equal(st["battery_temp_c"], expect)
        # parked: ambient + offset; charging at 6 kW AC on 37 kWh: about +2 K more
        parked = st["battery_kw"] == 0
        assert np.allclose(expect[parked] - tl.ambient_c[sl][parked], climate.PARKED_OFFSET_K)


def test_runs_side_by_side_give_the_same_result_as_in_turn(monkeypatch):
    """The baseline runs in a second thread; every number equals the sequential computation."""
    import models

    s = make(horizon_years=6, participation__mode="v2h+v2g", participation__only_when_profitable=False)
    monkeypatch.setenv("V2G_ENERGY_CACHE", "0")
    monkeypatch.setenv("V2G_THREADS", "1")
    side = models.simulate(s).to_dict()
    monkeypatch.setenv("V2G_THREADS", "0")
    turn = models.simulate(s).to_dict()
    assert side == turn
    assert side["yearly"][3]["soh"] != side["yearly"][3]["soh_baseline"]   # two different runs


def test_an_error_in_the_baseline_thread_reaches_the_caller(monkeypatch):
    from models.energy import lifetime

    monkeypatch.setenv("V2G_THREADS", "1")
    made = []

    class Breaks(LinearStandInStepper):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            made.append(self)

        def advance(self, time_s, soc, temp_c):
            if self is made[1] and len(self.calls) == 2:   # the baseline's stepper, in year 3
                raise RuntimeError("baseline stepper broke")
            super().advance(time_s, soc, temp_c)

    with pytest.raises(RuntimeError, match="baseline stepper broke"):
        lifetime.simulate_energy(make(horizon_years=5), ageing_factory=Breaks)
    assert len(made[0].calls) == 5       # the V2G run finished before the error was raised
