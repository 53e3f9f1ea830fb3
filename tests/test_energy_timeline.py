"""models.energy.timeline: calendar, holidays, profiles, prices, driving schedule, windows.

Expected values are computed independently here (datetime, the holidays
package, plain loops), not with the module's own vectorised code.
"""
from __future__ import annotations

import datetime as dt

import holidays
import numpy as np
import pytest

from models import scenario as sc
from models.energy import timeline as T
from models.energy.timeline import add_years, build_timeline

from test_energy_support import make


@pytest.fixture(scope="module")
def demo_tl():
    return build_timeline(sc.demo())


def test_calendar_length_and_year_bounds(demo_tl):
    tl = demo_tl
    start = dt.date(2026, 4, 1)
    end = dt.date(2041, 4, 1)
    assert tl.n_days == (end - start).days
    assert tl.steps_per_day == 96 and tl.n_steps == tl.n_days * 96
    for k in range(1, 16):
        a = (dt.date(2026 + k - 1, 4, 1) - start).days * 96
        b = (dt.date(2026 + k, 4, 1) - start).days * 96
        assert tl.year_slice(k) == slice(a, b)
    assert tl.day_weekday[0] == start.weekday() == 2          # Wednesday


def test_add_years_leap_day():
    assert add_years(dt.date(2028, 2, 29), 1) == dt.date(2029, 2, 28)
    assert add_years(dt.date(2028, 2, 29), 4) == dt.date(2032, 2, 29)


def test_japanese_holidays_are_days_off(demo_tl):
    tl = demo_tl
    jp = holidays.Japan(years=range(2026, 2042))
    for i in range(tl.n_days):
        d = tl.start_date + dt.timedelta(days=i)
        assert bool(tl.day_holiday[i]) == (d in jp), d
        assert bool(tl.day_offday[i]) == (d.weekday() >= 5 or d in jp), d
    # 2026: 振替休日 6 May (Wednesday) and 国民の休日 22 Sep (Tuesday)
    for d in (dt.date(2026, 5, 6), dt.date(2026, 9, 22)):
        i = (d - tl.start_date).days
        assert tl.day_holiday[i] and tl.day_weekday[i] < 5


def test_holiday_dates_are_kept_in_the_cache_folder(tmp_path, monkeypatch):
    import sys

    from models import _jit
    from models.energy.timeline import _holiday_cache_file

    monkeypatch.setattr(_jit, "CACHE_DIR", str(tmp_path))
    compute = T.holiday_dates.__wrapped__          # past the in-process lru_cache
    first = compute("JP", 2026, 2030)
    path = _holiday_cache_file("JP", 2026, 2030)
    assert path.parent.parent == tmp_path and path.is_file()
    assert holidays.__version__ in path.name      # a new package release moves to a new file
    expect = sorted(holidays.Japan(years=range(2026, 2031)).keys())
    assert [d.astype(object) for d in first] == expect
    monkeypatch.setitem(sys.modules, "holidays", None)   # the second call must not need the package
    again = compute("JP", 2026, 2030)
    assert np.array_equal(again, first)
    path.write_bytes(b"not an array")              # a damaged file is worked out again
    monkeypatch.delitem(sys.modules, "holidays")
    assert np.array_equal(compute("JP", 2026, 2030), first)
    assert np.array_equal(np.load(path), first)
    monkeypatch.setattr(_jit, "CACHE_DIR", None)   # no cache folder: computed, nothing written
    assert _holiday_cache_file("JP", 2026, 2030) is None
    assert np.array_equal(compute("JP", 2026, 2030), first)


def test_country_none_has_no_holidays():
    tl = build_timeline(make(country="none"))
    assert not tl.day_holiday.any()
    assert np.array_equal(tl.day_offday, tl.day_weekday >= 5)


def test_load_profile_totals_and_shape(demo_tl):
    s = sc.demo()
    tl = demo_tl
    lp = s.home.load_profile
    for k in (1, 7, 15):                  # every year of operation holds 12 whole months
        sl = tl.year_slice(k)
        assert tl.load_kw[sl].sum() * tl.dt_h == pytest.approx(s.home.annual_load_kwh, rel=1e-12)
    share = np.array(lp.monthly_share) / sum(lp.monthly_share)
    day0 = tl.start_date                  # 1 April 2026, 30 days
    april = tl.load_kw[: 30 * 96].sum() * 0.25
    assert april == pytest.approx(s.home.annual_load_kwh * share[3], rel=1e-12)
    # hour 19 of 1 April: day energy x shape share (shape sums to 100)
    day_kwh = s.home.annual_load_kwh * share[3] / 30
    frac = lp.weekday_shape[19] / sum(lp.weekday_shape)
    assert np.allclose(tl.load_kw[19 * 4: 20 * 4], day_kwh * frac)
    assert day0.weekday() < 5


def test_imported_hourly_load_is_held_per_hour():
    hourly = [float(h % 24) / 10.0 for h in range(8760)]
    tl = build_timeline(make(home__load_profile__hourly_kwh=hourly, step_minutes=15))
    # step i of 1 April 2026 (day of year 90) hour h -> hourly[90 * 24 + h]
    for h in (0, 5, 23):
        assert np.all(tl.load_kw[h * 4:(h + 1) * 4] == hourly[90 * 24 + h])


def test_pv_monthly_energy(demo_tl):
    s = sc.demo()
    tl = demo_tl
    pv = s.home.pv_profile
    # April 2026 and January 2027
    assert tl.pv_kw[: 30 * 96].sum() * 0.25 == pytest.approx(pv.monthly_kwh_per_kwp[3] * s.home.pv_kwp)
    jan0 = (dt.date(2027, 1, 1) - tl.start_date).days * 96
    assert tl.pv_kw[jan0: jan0 + 31 * 96].sum() * 0.25 == pytest.approx(pv.monthly_kwh_per_kwp[0] * s.home.pv_kwp)
    assert tl.pv_kw[:20].max() == 0.0      # night


def _midpoints(start, step, n):
    from models import climate

    return climate.make_timestamps(start, step, n) + np.timedelta64(step * 30, "s")


@pytest.mark.parametrize("step", [15, 60])
def test_temperature_is_models_climate_at_step_midpoints(step):
    """Whole horizon (incl. leap years 2028, 2032, 2036, 2040) equals models.climate exactly."""
    from models import climate

    s = make(step_minutes=step)
    tl = build_timeline(s)
    c = s.home.climate
    ref = climate.ambient_temp_c(c.mean_c, c.max_c, c.min_c, _midpoints(tl.start_date, step, tl.n_steps))
    assert np.array_equal(tl.ambient_c, ref)
    spd = tl.steps_per_day
    i = (dt.date(2026, 7, 16) - tl.start_date).days     # mid-July: close to the July normals
    day = tl.ambient_c[i * spd:(i + 1) * spd]
    assert int(np.argmin(day)) * step // 60 in (4, 5) and int(np.argmax(day)) * step // 60 in (13, 14)
    assert day.mean() == pytest.approx(c.mean_c[6], abs=0.3)


def test_imported_hourly_temperature_used():
    from models import climate

    temps = [float((h // 24) % 40 - 5) + 0.1 * (h % 24) for h in range(8760)]
    s = make(home__climate__hourly_temp_c=temps)
    tl = build_timeline(s)
    ref = climate.hourly_temp_series(temps, _midpoints(tl.start_date, 15, tl.n_steps))
    assert np.array_equal(tl.ambient_c, ref)


@pytest.mark.parametrize("step", [5, 15, 30, 60])
def test_prices_tou_and_add_on(step):
    s = make(step_minutes=step)
    tl = build_timeline(s)
    spd = 1440 // step
    day = tl.import_price_per_kwh[:spd]
    for i in range(spd):
        minute = i * step
        base = 27.86 if 60 <= minute < 360 else 35.76
        assert day[i] == pytest.approx(base + 3.98), minute
    assert np.all(tl.export_price_per_kwh == 8.5)


def test_step_price_is_mean_of_minutes():
    periods = [{"months": list(range(1, 13)), "days": "all", "start": "00:00", "end": "00:30",
                "price_per_kwh": 10.0},
               {"months": list(range(1, 13)), "days": "all", "start": "00:30", "end": "00:00",
                "price_per_kwh": 20.0}]
    tl = build_timeline(make(step_minutes=60, tariff__import_periods=periods, tariff__add_on_per_kwh=0.0))
    assert tl.import_price_per_kwh[0] == pytest.approx(15.0)
    assert tl.import_price_per_kwh[1] == pytest.approx(20.0)


def test_export_periods_replace_flat_price():
    periods = [{"months": list(range(1, 13)), "days": "weekday", "start": "17:00", "end": "21:00",
                "price_per_kwh": 50.0},
               {"months": list(range(1, 13)), "days": "all", "start": "00:00", "end": "00:00",
                "price_per_kwh": 5.0}]
    tl = build_timeline(make(tariff__export_periods=periods))
    day = tl.export_price_per_kwh[:96]                   # Wednesday 1 April 2026
    assert np.all(day[68:84] == 50.0) and day[67] == 5.0 and day[84] == 5.0
    sat = (dt.date(2026, 4, 4) - tl.start_date).days
    assert np.all(tl.export_price_per_kwh[sat * 96:(sat + 1) * 96] == 5.0)


def test_driving_schedule_and_energy(demo_tl):
    s = sc.demo()
    tl = demo_tl
    d = s.driving
    jp = holidays.Japan(years=range(2026, 2042))
    for i in (0, 3, 5, 35, 280):           # weekdays, Saturday, 6 May holiday, January
        date = tl.start_date + dt.timedelta(days=i)
        off = date.weekday() >= 5 or date in jp
        m = date.month - 1
        km = (d.weekend_km if off else d.weekday_km) * d.monthly_distance_factor[m]
        kwh = km * d.kwh_per_km * d.monthly_consumption_factor[m]
        day = slice(i * 96, (i + 1) * 96)
        assert tl.drive_kwh[day].sum() == pytest.approx(kwh)
        dep, ret = (d.weekend_departure, d.weekend_return) if off else (d.weekday_departure, d.weekday_return)
        a = sc.parse_time(dep) // 15
        b = -(-sc.parse_time(ret) // 15)
        away = np.nonzero(~tl.plugged[day])[0]
        assert away[0] == a and away[-1] == b - 1 and away.size == b - a
        assert tl.is_departure[i * 96 + a]


def test_hourly_step_rounds_trip_outwards():
    tl = build_timeline(make(step_minutes=60))      # weekday 10:00-11:30 -> steps 10 and 11 away
    assert np.array_equal(np.nonzero(~tl.plugged[:24])[0], [10, 11])


def test_zero_km_day_keeps_car_home():
    tl = build_timeline(make(driving__weekday_km=0.0))
    assert tl.plugged[:96].all() and tl.drive_kwh[:96].sum() == 0.0


def test_next_departure_reference(demo_tl):
    tl = demo_tl
    ref = np.append(tl.departure_steps, tl.n_steps)[np.searchsorted(tl.departure_steps,
                                                                    np.arange(tl.n_steps), side="right")]
    assert np.array_equal(ref, tl.next_departure)


def test_windows_cross_midnight_and_days():
    s = make(participation__days=["fri"], participation__windows=["22:00-02:00", "12:10-13:00"])
    tl = build_timeline(s)
    # 3 April 2026 is a Friday (day 2), 4 April Saturday (day 3)
    fri, sat = 2, 3
    w = tl.window_day.reshape(-1, 96)
    assert np.all(w[fri, 88:] == fri) and np.all(w[sat, :8] == fri)   # spill belongs to Friday
    assert np.all(w[sat, 8:] == -1) and np.all(w[fri, :49] == -1)
    assert np.all(w[fri, 49:52] == fri) and w[fri, 48] == -1          # 12:00-12:15 partly outside
    assert np.all(w[:fri] == -1)


def test_mode_none_has_no_windows():
    tl = build_timeline(make(participation__mode="none"))
    assert np.all(tl.window_day == -1)


STEP_ARRAYS = ("load_kw", "pv_kw", "ambient_c", "import_price_per_kwh", "export_price_per_kwh", "import_price_level",
               "plugged", "drive_kwh", "departure_steps", "next_departure", "is_departure", "window_day",
               "day_drive_kwh", "day_drive_km", "day_holiday", "day_offday", "day_weekday", "day_month")


@pytest.mark.parametrize("field, value, rebuilt", [
    ("home__pv_kwp", 7.5, {"pv_kw"}),
    ("home__annual_load_kwh", 3100.0, {"load_kw"}),
    ("tariff__add_on_per_kwh", 1.25, {"import_price_per_kwh"}),
    ("driving__weekday_km", 61.0, {"drive_kwh", "day_drive_kwh", "day_drive_km", "plugged", "departure_steps",
                                   "next_departure", "is_departure"}),
    ("participation__windows", ["18:00-22:00"], {"window_day"}),
])
def test_timeline_parts_are_reused_only_when_their_fields_are_equal(monkeypatch, field, value, rebuilt):
    """An edit rebuilds the part that reads the edited field (``rebuilt``: its arrays) and shares the
    others; every array of the
    timeline equals the one built with the part cache off; shared arrays are read-only."""
    T.clear_part_cache()
    base = build_timeline(make())
    edited_s = make(**{field: value})
    edited = build_timeline(edited_s)
    monkeypatch.setenv("V2G_ENERGY_CACHE", "0")
    fresh = build_timeline(edited_s)
    for name in STEP_ARRAYS:
        a, b = getattr(edited, name), getattr(fresh, name)
        assert a.dtype == b.dtype and np.array_equal(a, b), name
        assert not a.flags.writeable, name
    assert edited.year_step_bounds.tolist() == fresh.year_step_bounds.tolist()
    assert edited.year_start_dates == fresh.year_start_dates
    changed = {name for name in STEP_ARRAYS if not np.array_equal(getattr(base, name), getattr(edited, name))}
    assert changed <= rebuilt and changed, changed      # the edit shows, nothing else moved
    for name in ("ambient_c", "plugged", "day_holiday", "next_departure"):
        if name not in rebuilt:
            assert getattr(edited, name) is getattr(base, name), name   # shared, not rebuilt
    with pytest.raises(ValueError):
        edited.load_kw[0] = 1.0
