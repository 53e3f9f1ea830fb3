"""Chart widgets on hand-made results (pytest-qt, offscreen): what they plot and where their
legends and read-outs go, independent of the engine's figures."""
import numpy as np
import pytest

from models import scenario as sc


def _day(n=96, **extra):
    t = np.arange(n) * 24 / n
    soc = np.full(n, 0.8)
    batt = np.zeros(n)
    batt[40:46] = -1.9      # 10:00-11:30 away, driving
    batt[70:80] = -1.0      # 17:30-20:00 V2H
    day = {"time_h": t.tolist(), "soc": soc.tolist(), "battery_kw": batt.tolist(),
           "grid_kw": np.full(n, 0.03).tolist(), "home_kw": np.where(batt < 0, 0.9, 0.0).tolist(),
           "pv_kw": np.zeros(n).tolist(), "price": np.full(n, 39.7).tolist()}
    day["home_kw"][40:46] = [0.0] * 6
    day.update(extra)
    return {"status": "complete", "warnings": [], "summary": {"currency": "JPY", "horizon_years": 15},
            "typical_days": {"winter_weekday": day}}


def test_day_without_plugged_series_draws_no_car_away_band(qtbot):
    """An engine that does not give ``plugged``/``drive_kw``: nothing is guessed, the battery line is whole."""
    from app.charts import DayChart

    c = DayChart("en")
    qtbot.addWidget(c)
    c.show_result(_day(), sc.demo())
    assert not c.data["away"].any() and c.data["away_hours"] == []
    assert "away" not in c.data["legend"] and "driving" not in c.data["legend"]
    _, y = c.kw_curves["battery_kw"].getData()
    assert not np.isnan(y).any()


def test_day_with_plugged_series_splits_driving_from_discharge(qtbot):
    from app.charts import DayChart

    plugged = np.ones(96)
    plugged[40:46] = 0
    drive = np.where(plugged == 0, 1.9, 0.0)
    c = DayChart("en")
    qtbot.addWidget(c)
    c.show_result(_day(plugged=plugged.tolist(), drive_kw=drive.tolist(), export_kw=[0.0] * 96,
                       load_kw=[0.5] * 96), sc.demo())
    assert c.data["away_hours"] == [(10.0, 11.5)]
    assert {"away", "driving", "load_kw"} <= set(c.data["legend"])
    assert "export_kw" not in c.data["legend"]      # zero all day: not in the legend
    bx, by = c.kw_curves["battery_kw"].getData()
    inside = (bx > 10.0) & (bx < 11.5)
    assert np.isnan(by[inside]).all()                # no "discharge" while driving
    assert not np.isnan(by[(bx > 17.6) & (bx < 19.9)]).any()
    dx, dy = c.kw_curves["driving"].getData()
    assert np.allclose(dy[(dx > 10.0) & (dx < 11.5)], -1.9)
    assert "car away: driving uses 1.9 kW" in c.readout_at(10.6)
    v2h = c.readout_at(18.0)
    assert "car \u22121.0 kW" in v2h and "car \u2192 home 0.9 kW" in v2h


def test_readout_wraps_then_elides_with_the_full_text_as_tooltip(qtbot):
    from app.charts import ReadoutLabel

    r = ReadoutLabel()
    qtbot.addWidget(r)
    r.resize(300, r.height())
    r.show()
    short = "Year 3: net \u2212¥12,000"
    r.setText(short)
    assert r.text() == short and not r.is_elided() and r.toolTip() == ""
    long = ", ".join(f"Part {i} \u2212¥{i * 1111:,}" for i in range(40))
    r.setText(long)
    assert r.is_elided() and r.text().endswith("\u2026") and r.toolTip() == long and r.full_text() == long
    assert r._lines_needed(r.text(), r.contentsRect().width()) <= 2
    h = r.height()
    r.setText(short)
    assert r.height() == h  # always two lines high: pointing at the chart never makes it jump


def test_legend_wraps_instead_of_widening(qtbot):
    from app.charts import Legend

    lg = Legend(10.0)
    qtbot.addWidget(lg)
    for i in range(8):
        lg.add(f"k{i}", f"Series number {i}", "line", "#1f6feb")
    one_line = lg.heightForWidth(4000)
    assert lg.heightForWidth(300) > one_line           # narrow: more lines, never wider
    assert lg.minimumSizeHint().width() < 300
    lg.set_shown("k3", False)
    assert lg.shown() == [f"k{i}" for i in range(8) if i != 3]


@pytest.mark.parametrize("most", [2, 3, 4, 6])
def test_nice_ticks_respect_the_room(most):
    from app.charts import nice_ticks

    for lo, hi in ((0, 44.5), (-2.9, 7.3), (0, 100), (11, 89), (-1e6, 2e5)):
        t = nice_ticks(lo, hi, most)
        assert 2 <= len(t) <= max(2, most), (lo, hi, most, t)
        assert all(lo - 1e-9 <= v <= hi + 1e-9 for v in t)
