"""Rule-based dispatch behaviour on small variations of the demo (year 1 step arrays)."""
from __future__ import annotations

import numpy as np
import pytest

from models.energy import simulate_energy
from test_energy_support import make

CHEAP = 27.86 + 3.98


def year1(s, run="v2g"):
    res = simulate_energy(s, ageing_factory=False)
    return res, res.year1_steps[run]


def residual_load_kw(st):
    return np.maximum(st["load_kw"] - st["pv_kw"], 0.0)


def test_cheapest_charges_only_in_cheapest_hours():
    res, st = year1(make(charging__strategy="cheapest", participation__mode="none"))
    charging = st["charge_grid_kw"] > 0
    assert charging.any()
    assert np.all(st["price"][charging] == pytest.approx(CHEAP))
    # the target is reached before every weekday departure
    tl = res.timeline
    n1 = tl.year_slice(1).stop
    deps = tl.departure_steps[tl.departure_steps < n1]
    assert np.all(st["soc"][deps - 1] >= 0.9 - 1e-9)


def test_immediate_charges_on_return():
    res, st = year1(make(charging__strategy="immediate", participation__mode="none"))
    # Wednesday 1 April: return 11:30 -> step 46 is the first plugged step, charging at once
    assert st["charge_grid_kw"][46] + st["charge_pv_kw"][46] == pytest.approx(6.0)
    assert st["soc"][45] < 0.9 and st["soc"][47] == pytest.approx(0.9)


def test_solar_first_uses_pv_then_cheap_grid():
    _, st = year1(make(charging__strategy="solar_first", participation__mode="none"))
    pv_charge = st["charge_pv_kw"]
    assert pv_charge.sum() > 0
    # PV charging never exceeds the PV surplus
    assert np.all(pv_charge <= np.maximum(st["pv_kw"] - st["load_kw"], 0.0) + 1e-12)
    grid = st["charge_grid_kw"] > 1e-12
    assert np.all(st["price"][grid] == pytest.approx(CHEAP))


def test_solar_first_takes_more_pv_than_immediate():
    _, a = year1(make(charging__strategy="solar_first", participation__mode="none"))
    _, b = year1(make(charging__strategy="immediate", participation__mode="none"))
    assert a["charge_pv_kw"].sum() > b["charge_pv_kw"].sum()


@pytest.mark.parametrize("check", [True, False])
def test_v2h_covers_only_residual_load_and_never_exports(check):
    _, st = year1(make(participation__mode="v2h", participation__only_when_profitable=check))
    assert np.all(st["home_kw"] <= residual_load_kw(st) + 1e-9)
    assert np.all(st["export_kw"] == 0.0)
    if not check:
        # PV -> car -> home: nothing is bought in a window step while the car can supply the home
        win = st["home_kw"] > 0
        assert np.allclose(st["home_kw"][win], residual_load_kw(st)[win])


def test_v2g_only_exports_at_offered_power():
    _, st = year1(make(participation__only_when_profitable=False, participation__mode="v2g",
                       participation__power_kw=4.0))
    assert np.all(st["home_kw"] == 0.0)
    assert st["export_kw"].max() == pytest.approx(4.0)
    assert np.all(st["export_kw"] <= 4.0 + 1e-12)


def test_v2h_plus_v2g_serves_home_first():
    _, st = year1(make(participation__only_when_profitable=False, participation__mode="v2h+v2g"))
    exp = st["export_kw"] > 0
    assert exp.any()
    assert np.allclose(st["home_kw"][exp], residual_load_kw(st)[exp])
    assert np.all(st["home_kw"] + st["export_kw"] <= 6.0 + 1e-9)


def test_discharge_power_limited_by_charger():
    _, st = year1(make(participation__only_when_profitable=False, participation__mode="v2g",
                       participation__power_kw=10.0, charger__discharge_kw=3.0))
    assert st["export_kw"].max() == pytest.approx(3.0)


def test_daily_discharge_cap():
    res, st = year1(make(participation__only_when_profitable=False, participation__mode="v2g",
                         participation__max_discharge_kwh_per_day=2.0))
    tl = res.timeline
    n1 = tl.year_slice(1).stop
    wd = tl.window_day[:n1]
    ac = (st["export_kw"] + st["home_kw"]) * tl.dt_h
    per_day = np.bincount(wd[wd >= 0], weights=ac[wd >= 0])
    assert per_day.max() == pytest.approx(2.0)
    assert np.all(per_day <= 2.0 + 1e-9)


def test_reserve_and_departure_protections_in_v2g():
    res, st = year1(make(participation__only_when_profitable=False, participation__mode="v2g",
                         participation__reserve_soc=0.4, participation__departure_soc_min=0.8,
                         participation__windows=["06:00-10:00"]))
    dis = st["export_kw"] > 0
    assert dis.any()
    assert st["soc"][dis].min() >= 0.4 - 1e-9
    tl = res.timeline
    n1 = tl.year_slice(1).stop
    deps = tl.departure_steps[tl.departure_steps < n1]
    assert np.all(st["soc"][deps - 1] >= 0.8 - 1e-9)


def test_below_reserve_on_return_charges_first():
    # long weekend trip returns at 17:00, inside the V2H window, far below the reserve
    s = make(participation__mode="v2h+v2g", participation__reserve_soc=0.5, charging__target_soc=0.9,
             participation__departure_soc_min=0.5, driving__weekend_km=180.0)
    res, st = year1(s)
    sat = 3                                   # Saturday 4 April 2026
    ret = sat * 96 + 68                       # 17:00
    assert st["soc"][ret - 1] < 0.5
    seg = slice(ret, ret + 30)
    soc = st["soc"][seg]
    charging = (st["charge_grid_kw"][seg] + st["charge_pv_kw"][seg]) > 0
    assert charging[0]
    first_ok = int(np.argmax(soc >= 0.5 - 1e-9))
    assert first_ok > 0 and charging[:first_ok + 1].all()     # charges every step until at the reserve
    disch = (st["home_kw"][seg] + st["export_kw"][seg]) > 0
    assert not disch[:first_ok + 1].any()


def test_unmet_driving_is_reported_and_soc_stays_non_negative():
    s = make(vehicle__capacity_kwh=10.0, driving__weekend_km=200.0, participation__mode="none")
    res, st = year1(s)
    assert res.energy["v2g"]["unmet_driving_kwh"][1] > 0
    assert st["soc"].min() >= 0.0
    assert any(getattr(w, "code", "") == "unmet_driving" for w in res.warnings)
    # served + unmet = the schedule's driving energy
    tl = res.timeline
    n1 = tl.year_slice(1).stop
    served = res.energy["v2g"]["energy_driven_kwh"][1]
    assert served + res.energy["v2g"]["unmet_driving_kwh"][1] == pytest.approx(tl.drive_kwh[:n1].sum())


def test_no_discharge_in_baseline():
    res, st = year1(make(participation__mode="v2h+v2g"), run="baseline")
    assert np.all(st["home_kw"] == 0) and np.all(st["export_kw"] == 0)
    assert res.flows["baseline"]["window_plugged_h"][1] == 0.0


@pytest.mark.parametrize("step", [5, 30, 60])
def test_other_step_sizes_give_similar_year(step):
    # the rules without the price check: with it, a 60-minute step moves the 11:30 return to 12:00,
    # which changes the PV the car stores and so what is worth discharging (see the next test)
    ref = simulate_energy(make(participation__only_when_profitable=False), ageing_factory=False).energy["v2g"]
    other = simulate_energy(make(participation__only_when_profitable=False, step_minutes=step),
                            ageing_factory=False).energy["v2g"]
    assert other["energy_driven_kwh"][1] == pytest.approx(ref["energy_driven_kwh"][1], rel=1e-9)
    assert other["energy_to_home_kwh"][1] == pytest.approx(ref["energy_to_home_kwh"][1], rel=0.05)
    assert other["energy_charged_kwh"][1] == pytest.approx(ref["energy_charged_kwh"][1], rel=0.05)


# ---------------------------------------------------------------- planning kernels vs brute force
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from models.energy.dispatch import _cheaper_steps  # noqa: E402


def _brute(level, chargeable, next_dep):
    n = len(level)
    cheaper = np.zeros(n, dtype=np.int64)
    for t in range(n):
        for s_ in range(t + 1, min(next_dep[t], n)):
            cheaper[t] += chargeable[s_] and level[s_] < level[t]
    return cheaper


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, 5), st.booleans(), st.booleans(), st.floats(0, 3)),
                min_size=1, max_size=60))
def test_planning_kernels_match_brute_force(rows):
    level = np.array([r[0] for r in rows], dtype=np.int32)
    away = np.array([r[1] for r in rows])
    chargeable = np.array([r[2] for r in rows]) & ~away
    n = len(rows)
    # departures: first away step of each away run
    deps = [i for i in range(n) if away[i] and (i == 0 or not away[i - 1])]
    next_dep = np.array([next((d for d in deps if d > t), n) for t in range(n)], dtype=np.int64)
    ref_c = _brute(level, chargeable, next_dep)
    got_c = _cheaper_steps(level, chargeable, next_dep, 6)
    plugged = ~away
    assert np.array_equal(got_c[plugged], ref_c[plugged])


def test_price_series_drives_cheapest_charging():
    n = 48 * 365
    values = [30.0 + 20.0 * np.sin(2 * np.pi * i / 48) for i in range(n)]
    ps = {"preset_id": "test", "source": "synthetic", "as_of": "2026-11-29", "area": "", "start": "2026-04-01T00:00",
          "step_minutes": 30, "values_per_kwh": values, "use_for_import": True, "use_for_export": False,
          "import_multiplier": 1.0, "import_adder_per_kwh": 0.0, "export_multiplier": 1.0,
          "export_adder_per_kwh": 0.0}
    res, st_ = year1(make(tariff__price_series=ps, charging__strategy="cheapest", participation__mode="none"))
    tl = res.timeline
    day = tl.import_price_per_kwh[:96]
    assert day.max() - day.min() > 30                      # the series, not the flat TOU
    lev = tl.import_price_level
    order = np.argsort(tl.import_price_per_kwh[:5000], kind="stable")
    assert np.all(np.diff(lev[:5000][order]) >= 0)          # levels rank the prices
    charging = st_["charge_grid_kw"] > 0
    # charging happens in the cheap half of the sine (below its mean) except when forced
    assert np.mean(st_["price"][charging] < 30.0 + 3.98) > 0.9


def test_discharge_to_zero_reserve_never_goes_negative():
    """Regression (found by the property test): V2G all day down to reserve 0 with eta_d < 1."""
    s = make(participation__only_when_profitable=False, participation__mode="v2g",
             participation__windows=["00:00-00:00"], participation__reserve_soc=0.0,
             participation__departure_soc_min=0.0, participation__max_discharge_kwh_per_day=3.0,
             charger__discharge_efficiency=0.890625, charger__charge_efficiency=1.0, charger__charge_kw=1.4,
             charging__strategy="immediate", charging__target_soc=0.6875, driving__weekday_km=0.0,
             driving__weekend_km=0.0, vehicle__capacity_kwh=47.401530842498445, home__pv_kwp=0.0,
             home__annual_load_kwh=0.0, start_date="2025-01-01")
    res, st = year1(s)
    assert st["soc"].min() == 0.0
    e = res.energy["v2g"]
    assert e["energy_exported_kwh"][1] > 0


@pytest.mark.parametrize("step", [5, 30])
def test_price_check_gives_the_same_year_at_finer_steps(step):
    """The demo's trip times fall on 30-minute boundaries: 5, 15 and 30 minutes give the same V2H."""
    ref = simulate_energy(make(), ageing_factory=False).energy["v2g"]
    other = simulate_energy(make(step_minutes=step), ageing_factory=False).energy["v2g"]
    assert ref["energy_to_home_kwh"][1] > 0
    assert other["energy_to_home_kwh"][1] == pytest.approx(ref["energy_to_home_kwh"][1], rel=1e-3)


# ---------------------------------------------------------------- only when it pays
from models.energy.dispatch import STRATEGIES, refill_prices  # noqa: E402


def _refill_brute(tl, t, strategy, charging_free=False):
    """refill_prices() rows at step t, by direct search (module docstring of dispatch.py)."""
    n, spd = tl.n_steps, tl.steps_per_day
    price, plugged, wd = tl.import_price_per_kwh, tl.plugged, tl.window_day
    rows = []
    for end in (min(t + 1 + spd, n), min(t + 1 + spd, n, tl.next_departure[t])):
        steps = range(t + 1, end)
        if charging_free:
            rows.append(0.0)
            continue
        chargeable = [i for i in steps if plugged[i] and wd[i] < 0]
        if strategy == 0:
            grid = price[chargeable[0]] if chargeable and chargeable[0] == next(
                (i for i in range(t + 1, n) if plugged[i] and wd[i] < 0), None) else np.inf
        else:
            grid = min((price[i] for i in chargeable), default=np.inf)
        if grid == np.inf:
            grid = min((price[i] for i in steps if plugged[i]), default=price[t])
        rows.append(grid)
    sur = [i for i in range(t + 1, min(t + 1 + spd, n)) if plugged[i] and tl.pv_kw[i] > tl.load_kw[i]]
    if strategy == 2:
        rows.append(min((tl.export_price_per_kwh[i] for i in sur), default=np.inf))
        rows.append(sum((tl.pv_kw[i] - tl.load_kw[i]) * tl.dt_h for i in sur))
    else:
        rows += [np.inf, 0.0]
    return rows


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_refill_prices_match_a_direct_search(strategy):
    """Every row at 400 steps (random, plus the last day) equals a direct search of its window; the
    demo's tariff and a price series with a new price every step (no two equal neighbours)."""
    from models.energy.timeline import build_timeline

    rng = np.random.default_rng(7)
    values = list(30.0 + 20.0 * rng.standard_normal(48 * 365))
    ps = {"preset_id": "test", "source": "synthetic", "as_of": "2026-11-29", "area": "", "start": "2026-04-01T00:00",
          "step_minutes": 30, "values_per_kwh": values, "use_for_import": True, "use_for_export": True,
          "import_multiplier": 1.0, "import_adder_per_kwh": 0.0, "export_multiplier": 1.0,
          "export_adder_per_kwh": 0.0}
    for s in (make(horizon_years=5, charging__strategy=strategy),
              make(horizon_years=5, charging__strategy=strategy, tariff__price_series=ps,
                   participation__windows=["16:00-20:00", "23:00-02:00"])):
        tl = build_timeline(s)
        got = refill_prices(tl, tl.window_day, STRATEGIES.index(strategy))
        n = tl.n_steps
        for t in list(rng.integers(0, n, 400)) + list(range(n - 100, n)):
            want = _refill_brute(tl, int(t), STRATEGIES.index(strategy))
            assert got[:3, t] == pytest.approx(want[:3]), (strategy, t)
            assert got[3, t] == pytest.approx(want[3], abs=1e-9), (strategy, t)
    free = refill_prices(tl, tl.window_day, 1, charging_free=True)
    assert np.all(free[:2] == 0.0)


def _cheapest_cost(res, s, st_):
    """Lowest possible refill cost per AC kWh of each year-1 step (the check can never be laxer)."""
    tl = res.timeline
    n1 = tl.year_slice(1).stop
    from models.energy.dispatch import STRATEGIES

    r = refill_prices(tl, tl.window_day, STRATEGIES.index(s.charging.strategy),
                      charging_free=s.tariff.ev_charging_free)[:, :n1]
    best = np.minimum(np.minimum(r[0], r[1]), r[2])
    eta = s.charger.charge_efficiency * s.charger.discharge_efficiency
    return best / eta + s.participation.min_margin_per_kwh


def test_v2g_at_the_buy_back_price_exports_nothing():
    """Demo tariff: exporting at 8.5 yen and recharging at 31.84 yen loses money, so the car does not."""
    s = make(participation__mode="v2g")
    res, st_ = year1(s)
    assert st_["export_kw"].max() == 0.0
    assert res.energy["v2g"]["energy_exported_kwh"].sum() == 0.0
    # the same car without the price check exports every evening
    _, off = year1(make(participation__mode="v2g", participation__only_when_profitable=False))
    assert off["export_kw"].max() > 0


def test_v2g_exports_when_the_programme_payment_covers_the_refill():
    s = make(participation__mode="v2g", tariff__v2g_payment_per_kwh=40.0)
    res, st_ = year1(s)
    exp = st_["export_kw"] > 0
    assert exp.any()
    value = st_["export_price"] + 40.0
    assert np.all(value[exp] > _cheapest_cost(res, s, st_)[exp])


def test_v2h_discharges_only_when_the_avoided_price_pays():
    s = make(participation__mode="v2h", participation__min_margin_per_kwh=0.0)
    res, st_ = year1(s)
    home = st_["home_kw"] > 0
    assert home.any()
    assert np.all(st_["price"][home] > _cheapest_cost(res, s, st_)[home])
    # a margin above the whole price spread stops V2H altogether
    _, high = year1(make(participation__mode="v2h", participation__min_margin_per_kwh=100.0))
    assert high["home_kw"].max() == 0.0


def test_v2h_margin_keeps_grid_refilled_energy_in_the_car():
    """With a 6 yen margin the grid refill (31.84 / 0.92^2 = 37.6 yen) does not pay at 39.74 yen:
    the car supplies the home only with energy the PV surplus puts back (solar_first), so it
    never goes below the departure minimum for V2H."""
    s = make(participation__mode="v2h", participation__min_margin_per_kwh=6.0)
    res, st_ = year1(s)
    home = st_["home_kw"] > 0
    assert home.any()
    assert st_["soc"][home].min() >= s.participation.departure_soc_min - 1e-9
    # less V2H than without a margin, and no more grid charging than the baseline needs plus a little
    _, m0 = year1(make(participation__mode="v2h", participation__min_margin_per_kwh=0.0))
    assert st_["home_kw"].sum() < m0["home_kw"].sum()


def test_programme_paid_charging_makes_any_export_pay():
    s = make(participation__mode="v2g", tariff__ev_charging_free=True)
    _, st_ = year1(s)
    assert st_["export_kw"].max() > 0


def test_export_escalation_is_applied_year_by_year():
    """No PV: 8.5 + 25 yen < 31.84 / 0.92^2 + 6 = 43.6 yen refill cost in year 1; export prices and
    payments rising 20 %/year pass it in year 3 (33.5 x 1.2^2 = 48.2 yen)."""
    base = dict(participation__mode="v2g", tariff__v2g_payment_per_kwh=25.0, horizon_years=5, home__pv_kwp=0.0)
    flat = simulate_energy(make(**base), ageing_factory=False).energy["v2g"]["energy_exported_kwh"]
    rising = simulate_energy(make(**base, tariff__escalation_export=0.2),
                             ageing_factory=False).energy["v2g"]["energy_exported_kwh"]
    assert flat[1:].sum() == 0.0
    assert rising[1] == 0.0 and rising[2] == 0.0 and rising[3:].min() > 0


def test_solar_first_pv_rows_chunk_by_chunk_match_a_direct_search():
    """The PV rows of the price check restart at every chunk, as the dispatch kernel keeps them
    year by year (_pv_refill_rows): computed per year they equal a direct search, at steps on both
    sides of every year boundary and at random steps; the dispatcher then delivers to the home and
    to the grid."""
    from models.energy import simulate_energy
    from models.energy.timeline import build_timeline

    s = make(horizon_years=5, charging__strategy="solar_first", participation__mode="v2h+v2g",
             tariff__v2g_payment_per_kwh=9.0, home__pv_kwp=7.0)
    tl = build_timeline(s)
    rng = np.random.default_rng(3)
    for k in range(1, tl.horizon_years + 1):
        sl = tl.year_slice(k)
        got = refill_prices(tl, tl.window_day, 2, steps=sl)
        picks = list(range(sl.start, sl.start + 3)) + list(range(sl.stop - 3, sl.stop)) + \
            list(rng.integers(sl.start, sl.stop, 60))
        for t in picks:
            want = _refill_brute(tl, int(t), 2)
            assert got[2, t - sl.start] == pytest.approx(want[2]), (k, t)
            assert got[3, t - sl.start] == pytest.approx(want[3], abs=1e-9), (k, t)
    res = simulate_energy(s, ageing_factory=False)
    assert res.energy["v2g"]["energy_to_home_kwh"].sum() > 0 and res.energy["v2g"]["energy_exported_kwh"].sum() > 0
