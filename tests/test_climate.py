"""Climate presets, ambient daily cycle, battery temperature and hourly CSV import."""
import json
import sys

import numpy as np
import pytest

from models import climate as C

IDS = ("tokyo", "osaka", "nagoya", "fukuoka", "sapporo", "naha", "london", "amsterdam",
       "los_angeles", "phoenix")


def test_presets_complete_and_consistent():
    presets = C.load_presets()
    assert tuple(presets) == IDS
    for p in presets.values():
        assert len(p.mean_c) == len(p.max_c) == len(p.min_c) == 12
        assert all(lo <= m <= hi for lo, m, hi in zip(p.min_c, p.mean_c, p.max_c)), p.id
        assert p.source and p.as_of == "2026-11-29" and p.name_ja and p.station
        assert p.confidence in ("verified", "uncertain")
        rows = set(p.row_confidence.values())
        assert p.confidence == ("verified" if rows == {"verified"} else "uncertain")
    # status from the research notes: rows marked from memory stay "uncertain"
    assert presets["tokyo"].confidence == "verified"
    assert presets["osaka"].row_confidence == {"mean_c": "verified", "max_c": "uncertain", "min_c": "uncertain"}
    assert presets["london"].confidence == "uncertain"
    assert presets["tokyo"].mean_c[0] == 5.4 and presets["sapporo"].min_c[0] == -6.0
    assert presets["naha"].name("ja") == "那覇"
    with pytest.raises(ValueError, match="valid ids"):
        C.get_preset("atlantis")


def test_frozen_app_resource_location(tmp_path, monkeypatch):
    (tmp_path / "resources" / "presets").mkdir(parents=True)
    src = C._climates_path().read_text(encoding="utf-8")
    data = json.loads(src)
    data["presets"] = data["presets"][:1]
    (tmp_path / "resources" / "presets" / "climates.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert tuple(C.load_presets()) == ("tokyo",)


def test_daily_cycle_min_at_5_max_at_14():
    p = C.get_preset("tokyo")
    ts = C.make_timestamps("2026-04-01", 15, 96 * 30)
    t = C.ambient_temp_c(p.mean_c, p.max_c, p.min_c, ts)
    days = t.reshape(30, 96)
    assert np.all(np.argmin(days, axis=1) == 5 * 4)
    assert np.all(np.argmax(days, axis=1) == 14 * 4)
    assert np.max(np.abs(np.diff(t))) < 1.0          # smooth, no jumps at midnight or month ends


def test_daily_mean_and_range_follow_the_normals():
    p = C.get_preset("phoenix")
    ts = C.make_timestamps("2026-07-01", 10, 144 * 31)
    t = C.ambient_temp_c(p.mean_c, p.max_c, p.min_c, ts).reshape(31, 144)
    mid = t[15]
    assert mid.mean() == pytest.approx(p.mean_c[6], abs=0.05)
    assert mid.max() - mid.min() == pytest.approx(p.max_c[6] - p.min_c[6], abs=0.1)
    # monthly mean of the whole year ~ the normals (interpolation smooths peaks slightly)
    year = C.ambient_temp_c(p.mean_c, p.max_c, p.min_c, start="2026-01-01", step_minutes=60, n=8760)
    months = np.split(year, np.cumsum([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30])*24)
    np.testing.assert_allclose([m.mean() for m in months], p.mean_c, atol=0.8)


def test_ambient_input_errors():
    with pytest.raises(ValueError, match="12 entries"):
        C.ambient_temp_c([1] * 11, [2] * 12, [0] * 12, start="2026-01-01", step_minutes=60, n=3)
    with pytest.raises(ValueError, match="either timestamps"):
        C.ambient_temp_c([1] * 12, [2] * 12, [0] * 12)
    with pytest.raises(ValueError, match="max below"):
        C.ambient_temp_c([1] * 12, [0] * 12, [2] * 12, start="2026-01-01", step_minutes=60, n=3)


def test_battery_temperature_offset_and_heating():
    amb = np.array([10.0, 10.0, 10.0, 10.0])
    assert np.allclose(C.battery_temp_c(amb), 10.0 + C.PARKED_OFFSET_K)
    p = np.array([0.0, 6.0, -6.0, 0.0])         # charging and discharging heat alike
    bt = C.battery_temp_c(amb, p, 40.0)
    assert bt[1] == pytest.approx(10 + C.PARKED_OFFSET_K + C.HEATING_K_PER_C * 0.15)
    assert bt[1] == bt[2] and bt[0] == bt[3]
    assert 1.0 <= bt[1] - bt[0] <= 3.0           # profiles.md section 7: +1..3 K at 3-6 kW
    lag = C.battery_temp_c(amb, p, 40.0, time_constant_h=1.0, step_minutes=15)
    assert bt[0] < lag[1] < bt[1] and lag[3] > bt[3]
    assert C.BATTERY_TEMP_CONFIDENCE == "uncertain"
    with pytest.raises(ValueError):
        C.battery_temp_c(amb, p, 0.0)


def test_first_order_lag_is_the_exact_step_response():
    # a unit step held from t = 0: y[i] = 1 - a**(i + 1), the solution of tau dy/dt = 1 - y at the step ends
    a = np.exp(-0.25 / 1.0)
    y = C.first_order_lag(np.ones(12), a)
    assert np.allclose(y, 1.0 - a ** np.arange(1, 13), rtol=0, atol=1e-14)
    # linear: a scaled, delayed pulse gives the scaled, delayed response
    x = np.zeros(10)
    x[3] = 2.0
    assert np.allclose(C.first_order_lag(x, a)[3:], 2.0 * (1 - a) * a ** np.arange(7))
    assert np.all(C.first_order_lag(x, a)[:3] == 0.0)


def test_hourly_csv_import(tmp_path):
    vals = 15 + 10 * np.sin(np.arange(8760) / 8760 * 2 * np.pi)
    f = tmp_path / "h.csv"
    f.write_text("time,temp_c\n" + "".join(f"{i},{v:.3f}\n" for i, v in enumerate(vals)), encoding="utf-8")
    got = C.read_hourly_temperature_csv(f)
    assert got.shape == (8760,) and got[100] == pytest.approx(vals[100], abs=1e-3)
    g = tmp_path / "g.csv"
    g.write_text("".join(f"{v:.3f}\n" for v in vals), encoding="utf-8")     # one column, no header
    assert C.read_hourly_temperature_csv(g).shape == (8760,)
    s = C.hourly_temp_series(got, start="2026-01-01", step_minutes=30, n=5)
    assert s[2] == pytest.approx(got[1], abs=1e-9) and s[1] == pytest.approx(0.5 * (got[0] + got[1]))


@pytest.mark.parametrize("text, row, column, needle", [
    ("temp_c\n" + "1.0\n" * 100, None, None, "8760"),
    ("temp_c\n" + "1.0\n" * 50 + "warm\n" + "1.0\n" * 8709, 52, "temp_c", "not a number"),
    ("time,temp_c\n" + "0,1.0\n" * 10 + "11\n" + "0,1\n" * 8749, 12, "temp_c", "missing"),
    ("temp_c\n" + "1.0\n" * 9 + "nan\n" + "1.0\n" * 8750, 11, "temp_c", "finite"),
    ("a,b\n1,2\n", 1, "temp_c", "no 'temp_c'"),
    ("", None, None, "empty"),
])
def test_hourly_csv_errors_name_row_and_column(text, row, column, needle):
    with pytest.raises(C.ClimateFileError, match=needle) as ei:
        C.parse_hourly_temperature_csv(text)
    assert ei.value.row == row and ei.value.column == column
