"""Main window (pytest-qt, offscreen): inputs, KPIs, charts, files, comparison, language.

Dialogs go through ScriptedDialogs, so no modal dialog can block a test.
Assertions are on the plotted data and the shown texts, not on pixels.
"""
import json

import numpy as np
import pytest

from app.dialogs import ScriptedDialogs
from app.settings import Settings
from models import scenario as sc

RESULT_TIMEOUT = 60000


@pytest.fixture
def make_window(qtbot, tmp_path):
    from app.main_window import MainWindow

    made = []

    def make(lang="en", **answers):
        dialogs = ScriptedDialogs(**answers)
        w = MainWindow(lang=lang, settings=Settings(str(tmp_path / f"settings{len(made)}.ini")),
                       dialogs=dialogs, autosave=True)
        qtbot.addWidget(w)
        w.resize(1280, 800)
        made.append(w)
        return w

    yield make
    for w in made:
        w.dirty = False
        w.runner.shutdown(5000)
        w.remove_autosave()


@pytest.fixture
def window(make_window, qtbot):
    w = make_window()
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.load_demo()
    return w


def _edit(qtbot, w, path, value):
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.inputs.set_field(path, value)
    return w.result


def test_every_panel_and_tab_constructs(window):
    assert window.tabs.count() == 6
    assert [window.tabs.tabText(i) for i in range(6)][0] == "Battery health"
    assert window.inputs.toolbox.count() == 6
    assert {"vehicles", "chargers", "tariffs"} <= set(window.inputs.pickers)
    for name, chart in window.charts.items():
        assert chart.available, name
    health = window.charts["health"].data
    rows = window.result["yearly"]
    assert np.allclose(health["soh"], [100 * r["soh"] for r in rows])
    assert np.allclose(health["soh_baseline"], [100 * r["soh_baseline"] for r in rows])
    assert health["limits"] == [80.0, 70.0]
    assert window.charts["cycles"].data["v2g"].shape == (20, 10)
    assert window.charts["day"].data["key"] == "winter_weekday"
    for key in ("payback", "net", "npv", "warranty", "wear", "unmet"):
        assert window.kpis.text(key) and window.kpis.text(key) != "not available"


def test_every_tab_shows_after_switching(window, qtbot):
    for i, name in enumerate(window.TABS):
        window.show_tab(name)
        assert window.tabs.currentIndex() == i
    window.show()
    qtbot.wait(10)


def test_input_change_updates_kpis_and_charts(window, qtbot):
    before_net = window.kpis.text("net")
    before_cum = window.charts["cashflow"].data["cumulative"].copy()
    result = _edit(qtbot, window, "charger.price", 198000)
    assert window.scenario.charger.price == 198000
    assert window.result_scenario.charger.price == 198000
    assert window.kpis.text("net") != before_net
    cum = window.charts["cashflow"].data["cumulative"]
    assert np.allclose(cum, [r["cumulative_cash_flow"] for r in result["yearly"]])
    assert not np.allclose(cum, before_cum)
    # the net per year bars follow the new result as well
    assert np.allclose(window.charts["yearly"].data["net"], [r["net_cash_flow"] for r in result["yearly"][1:]])
    # ... and so does what pyqtgraph actually draws: the curve's points and the stacked bars
    x, y = window.charts["cashflow"].curve.getData()
    assert np.allclose(x, [r["year"] for r in result["yearly"]]) and np.allclose(y, cum)
    yearly = window.charts["yearly"]
    assert np.allclose(yearly.net_curve.getData()[1], [r["net_cash_flow"] for r in result["yearly"][1:]])
    stacked = np.zeros(len(result["yearly"]) - 1)
    for col, sign in (("revenue", 1), ("savings", 1), ("charging_cost", -1), ("wear_cost", -1),
                      ("other_costs", -1), ("capex", -1)):
        bars = yearly.bars[col]
        if not bars.isVisible():
            assert not any(r[col] for r in result["yearly"][1:]), col
            continue
        heights = np.asarray(bars.opts["height"], dtype=float)
        n = len(stacked)
        drawn = heights[:n] + heights[n:]          # the positive and the negative part of each year
        assert np.allclose(drawn, [sign * r[col] for r in result["yearly"][1:]]), col
        stacked += drawn
    # the bars of a year add up to its net (row 1.. : the purchase in year 0 is not drawn)
    assert np.allclose(stacked, [r["net_cash_flow"] for r in result["yearly"][1:]])
    health = window.charts["health"]
    assert np.allclose(health.curve.getData()[1], [100 * r["soh"] for r in result["yearly"]])
    assert np.allclose(health.curve_base.getData()[1], [100 * r["soh_baseline"] for r in result["yearly"]])
    assert window.dirty and window.windowTitle().startswith(window.scenario.name + " *")


def test_participation_mode_changes_battery_curve(window, qtbot):
    soh_v2h = window.charts["health"].data["soh"].copy()
    _edit(qtbot, window, "participation.mode", "none")
    soh_none = window.charts["health"].data["soh"]
    # the demo's V2H lowers the parked charge level, so it may even age the battery a little less:
    # the curve changes, and without discharging it is the baseline
    assert not np.allclose(soh_none, soh_v2h)
    assert np.allclose(soh_none, window.charts["health"].data["soh_baseline"], atol=1e-9)


def test_bad_value_shows_inline_error_and_keeps_result(window, qtbot):
    old_result, old_net = window.result, window.kpis.text("net")
    window.inputs.set_field("vehicle.capacity_kwh", "-5")
    assert not window.inputs.valid
    err = window.inputs.error_text("vehicle.capacity_kwh")
    assert "Allowed" in err and "250" in err
    assert "INVALID" not in err
    assert "correct the marked value" in window.status_label.text()
    qtbot.wait(150)  # nothing is recomputed while the value is wrong
    assert window.result is old_result and window.kpis.text("net") == old_net
    assert not window.runner.is_busy("main")
    window.inputs.set_field("vehicle.capacity_kwh", "abc")
    assert window.inputs.error_text("vehicle.capacity_kwh") == "Enter a number"
    _edit(qtbot, window, "vehicle.capacity_kwh", "40")
    assert window.inputs.valid and window.inputs.error_text("vehicle.capacity_kwh") == ""
    assert window.result_scenario.vehicle.capacity_kwh == 40


def test_cross_field_problem_is_marked_at_its_field(window):
    window.inputs.set_field("participation.reserve_soc", 95)
    assert not window.inputs.valid
    err = window.inputs.error_text("participation.reserve_soc")
    assert "Charge up to" in err and "90 %" in err
    window.inputs.set_field("participation.reserve_soc", 30)
    assert window.inputs.valid


def test_percent_fields_round_trip(window):
    assert window.inputs.editors["participation.reserve_soc"].text() == "30"
    assert window.inputs.form_dict()["participation"]["reserve_soc"] == pytest.approx(0.30)
    assert window.inputs.unit_labels["participation.reserve_soc"].text() == "%"
    assert window.inputs.unit_labels["charger.price"].text() == "¥"


def test_tooltips_come_from_field_metadata(window):
    ed = window.inputs.editors["vehicle.capacity_kwh"]
    info = sc.field_info(sc.Vehicle, "capacity_kwh")
    assert info.help_en in ed.toolTip() and "5 – 250 kWh" in ed.toolTip()


def test_preset_applies_and_shows_source_and_date(window, qtbot):
    picker = window.inputs.pickers["vehicles"]
    idx = picker.combo.findData("leaf_62")
    assert idx >= 0
    with qtbot.waitSignal(window.resultShown, timeout=RESULT_TIMEOUT):
        picker.combo.setCurrentIndex(idx)
        picker.combo.activated.emit(idx)
    assert window.scenario.vehicle.preset_id == "leaf_62"
    assert window.result_scenario.vehicle.capacity_kwh == window.scenario.vehicle.capacity_kwh
    assert float(window.inputs.editors["vehicle.capacity_kwh"].text()) == window.scenario.vehicle.capacity_kwh
    assert "As of 2025-06-01" in picker.caption.text() and "Source" in picker.caption.text()


def test_save_open_round_trip(make_window, qtbot, tmp_path):
    target = tmp_path / "customer.v2g.json"
    w = make_window(save_file=str(target))
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.load_demo()
    _edit(qtbot, w, "driving.weekday_km", 42)
    assert w.dirty
    assert w.save()  # no path yet: goes through Save As
    assert target.exists() and not w.dirty and w.path == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["driving"]["weekday_km"] == 42
    assert w.settings.get("files/recent")[0] == str(target)
    _edit(qtbot, w, "driving.weekday_km", 10)
    w.dialogs.answers["unsaved_changes"] = "discard"
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        assert w.open_path(str(target))
    assert w.scenario.driving.weekday_km == 42 and not w.dirty
    assert sc.to_dict(w.scenario) == sc.to_dict(sc.load(target))
    assert w.inputs.editors["driving.weekday_km"].text() == "42"


def test_bad_file_shows_problems_and_keeps_scenario(window, tmp_path):
    bad = tmp_path / "bad.v2g.json"
    data = sc.to_dict(sc.demo())
    data["vehicle"]["capacity_kwh"] = -3
    data["participation"]["mode"] = "sometimes"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = sc.to_dict(window.scenario)
    assert not window.open_path(str(bad))
    kind, title, text, details = window.dialogs.calls[-1]
    assert kind == "warning" and title == "Cannot open scenario"
    assert "vehicle.capacity_kwh" in text and "participation.mode" in text
    # each problem starts with the field's label as the form shows it, the file's path after it
    from app import fields as F

    assert f"{F.label('vehicle.capacity_kwh')} (vehicle.capacity_kwh):" in text
    assert sc.to_dict(window.scenario) == before
    garbage = tmp_path / "garbage.v2g.json"
    garbage.write_bytes(b"\xff\xfe not json")
    assert not window.open_path(str(garbage))
    assert sc.to_dict(window.scenario) == before


def test_unsaved_changes_cancel_keeps_scenario(window, qtbot, tmp_path):
    _edit(qtbot, window, "home.pv_kwp", 6)
    window.dialogs.answers["unsaved_changes"] = "cancel"
    window.new_scenario()
    assert window.scenario.home.pv_kwp == 6
    assert window.dialogs.calls[-1][0] == "unsaved_changes"


def test_autosave_and_recovery(make_window, qtbot):
    w = make_window()
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.load_demo()
    _edit(qtbot, w, "home.annual_load_kwh", 5200)
    path = w.write_autosave()
    assert path is not None and path.exists()
    w.dirty = False  # simulate the crash: the file stays
    w2 = make_window(recover=True)
    with qtbot.waitSignal(w2.resultShown, timeout=RESULT_TIMEOUT):
        assert w2.check_recovery()
    assert w2.scenario.home.annual_load_kwh == 5200 and w2.dirty
    w2.remove_autosave()
    assert not path.exists()


def test_comparison_duplicate_and_quick_set(window, qtbot):
    window.duplicate_as_variant()
    assert len(window.variants) == 1
    assert window.compare.table.columnCount() == 2
    assert window.current_tab() == "compare"
    _edit(qtbot, window, "participation.power_kw", 3)
    names = window.compare.data["names"]
    assert names == ["Current scenario", "Variant 1"]
    window.quick_compare()
    assert window.variant_names() == ["Without charger", "V2H only", "V2H + V2G"]
    assert [v["scenario"].participation.mode for v in window.variants] == ["none", "v2h", "v2h+v2g"]
    qtbot.waitUntil(lambda: all(v["result"] is not None for v in window.variants), timeout=RESULT_TIMEOUT)
    assert window.compare.table.columnCount() == 4
    cells = window.compare.data["cells"]
    assert all("computing" not in c for col in cells for c in col)
    none_cum = window.compare.data["cumulative"][1]
    v2g_result = window.variants[2]["result"]
    assert np.allclose(window.compare.data["cumulative"][3], [r["cumulative_cash_flow"] for r in v2g_result["yearly"]])
    assert none_cum is not None
    # "No V2G" is the reference: no bidirectional charger bought, so nothing spent and nothing earned
    none_result = window.variants[0]["result"]
    assert window.variants[0]["scenario"].charger.price == 0.0 and none_result["summary"]["total_net"] == 0.0
    assert np.allclose(none_cum, 0.0)
    assert cells[1][0] == "nothing to recover"
    window.remove_variant(0)
    assert window.variant_names() == ["V2H only", "V2H + V2G"]


def test_copied_variants_never_share_a_name(window, tmp_path):
    window.duplicate_as_variant()
    window.duplicate_as_variant()
    window.remove_variant(0)           # "Variant 1" goes, "Variant 2" stays
    window.duplicate_as_variant()
    assert window.variant_names() == ["Variant 2", "Variant 3"]
    # reopened from a file, the copies keep their saved names; a new copy still gets a new one
    path = str(tmp_path / "two.v2g.json")
    assert window._save_to(path)
    window.clear_variants()
    assert window.open_path(path, ask=False)
    assert window.variant_names() == ["Variant 2", "Variant 3"]
    window.remove_variant(1)
    window.duplicate_as_variant()
    names = window.variant_names()
    assert len(names) == len(set(names)) == 2


def test_an_old_no_v2g_variant_that_pays_for_its_charger_is_not_called_without_charger(window):
    """Files saved before the zero-cost reference column: a "none" variant with the charger's costs."""
    window._add_variant("none", window.scenario)
    assert window.scenario.charger.price > 0
    assert window.variant_names() == ["No V2G"]
    window.quick_compare()
    assert window.variant_names()[0] == "Without charger"
    window.clear_variants()
    assert window.compare.table.columnCount() == 1


def test_typical_day_selection(window):
    day = window.charts["day"]
    day.set_day("summer", "weekend")
    assert day.data["key"] == "summer_weekend"
    expected = window.result["typical_days"]["summer_weekend"]
    assert np.allclose(day.data["soc"], np.asarray(expected["soc"]) * 100)
    assert np.allclose(day.data["price"], expected["price"])
    assert "kW" in day.readout_at(19.0)


def test_hover_readouts(window):
    text = window.charts["health"].readout_at(8.2)
    assert text.startswith("Year 8:")
    assert "Year 3:" in window.charts["yearly"].readout_at(3.1)
    assert "After year 15" in window.charts["cashflow"].readout_at(99)
    cyc = window.charts["cycles"]
    assert "cycles with V2G/V2H" in cyc.readout_at(12.0, 85.0)


def test_partial_result_shows_not_available(window):
    partial = {"status": "partial", "warnings": [], "summary": {"currency": "JPY", "horizon_years": 15}}
    window.result = partial
    window._show_result()
    assert window.kpis.text("npv") == "not available"
    assert window.kpis.text("payback") == "not available"
    for name, chart in window.charts.items():
        assert not chart.available, name
    assert "not available" in window.status_label.text()


def test_payback_marker_when_it_pays_back(window, qtbot):
    _edit(qtbot, window, "tariff.fixed_payment_per_year", 60000)
    s = window.result["summary"]
    chart = window.charts["cashflow"]
    assert s["simple_payback_years"] is not None
    assert chart.data["payback_point"][0] == pytest.approx(s["simple_payback_years"])
    assert "years" in window.kpis.text("payback")


def test_language_switch_changes_strings(window, qtbot):
    try:
        window.set_language("ja")
        assert window.tabs.tabText(0) == "電池の健全度"
        assert window.kpis.cards["payback"].caption.text() == "充放電器の投資回収まで"
        assert "万円" in window.kpis.text("net")
        assert window.inputs.toolbox.itemText(0) == "車両・電池"
        assert window.charts["health"].available  # the result survives the rebuild
        assert window.menuBar().actions()[0].text() == "ファイル(&F)"
        assert window.lang_button.text() == "English"
        window.lang_button.click()  # the header button switches back
        assert window.lang == "en" and window.settings.get("ui/language") == "en"
        assert window.tabs.tabText(0) == "Battery health"
        assert window.kpis.text("net").startswith(("\u2212\u2060¥", "¥"))
    finally:
        from PySide6.QtWidgets import QApplication

        from app import i18n

        i18n.install(QApplication.instance(), "en")


def test_branding_in_header(window, tmp_path):
    from PySide6.QtGui import QColor, QImage

    logo = tmp_path / "logo.png"
    img = QImage(120, 40, QImage.Format.Format_RGB32)
    img.fill(QColor("#1f6feb"))
    img.save(str(logo))
    window.apply_branding("Yokohama EV Motors", "Tanaka", str(logo))
    assert window.dealer_label.text() == "Yokohama EV Motors"
    assert "Tanaka" in window.customer_label.text()
    assert not window.logo.pixmap().isNull()
    assert window.settings.get("branding/dealer_name") == "Yokohama EV Motors"


def test_presentation_mode_scales_fonts(window):
    from PySide6.QtWidgets import QLabel

    small = window.kpis.cards["net"].value.point_size
    window.toggle_presentation(True)
    try:
        assert window.presentation
        assert window.kpis.cards["net"].value.point_size > small
        assert window.charts["health"].available
        assert len(window.statusBar().findChildren(QLabel)) == 2  # rebuilt, not duplicated
    finally:
        window.toggle_presentation(False)
    assert window.kpis.cards["net"].value.point_size == small


def test_drop_scenario_file(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    target = tmp_path / "dropped.v2g.json"
    s = sc.demo()
    s.name = "Dropped"
    sc.save(s, target)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(target))])
    ev = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.resultShown, timeout=RESULT_TIMEOUT):
        window.dropEvent(ev)
    assert window.scenario.name == "Dropped"


def test_subsidy_larger_than_cost_is_explained(window):
    # an amount of the dealer's own (not the subsidy rule's), so it does not follow the price
    window.inputs.set_field("charger.subsidy", 390000)
    window.inputs.set_field("charger.price", 0)
    err = window.inputs.error_text("charger.subsidy")
    assert "larger than price plus installation" in err and "¥250,000" in err


def test_name_change_does_not_recompute(window, qtbot):
    rid = window.result_rid
    window.inputs.set_field("name", "Mr Tanaka, Leaf 40")
    qtbot.wait(100)
    assert window.result_rid == rid and window.result_scenario.name == "Mr Tanaka, Leaf 40"
    assert window.scenario_label.full_text() == "Mr Tanaka, Leaf 40"


def test_failed_computation_shows_not_available(make_window, qtbot):
    w = make_window()
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.load_demo()

    def broken(_):
        raise RuntimeError("engine exploded")

    w.runner._simulate = broken
    with qtbot.waitSignal(w.runner.failed, timeout=RESULT_TIMEOUT):
        w.inputs.set_field("home.pv_kwp", 5)
    assert w.kpis.text("net") == "not available"
    assert not w.charts["health"].available
    assert "engine exploded" in w.status_label.text()


def test_tabs_not_shown_are_built_after_the_first_result_and_show_it(make_window, qtbot):
    """Start-up builds the shown tab's chart only; the others follow the first result (each showing
    it), and a tab shown before that is built at once."""
    from PySide6.QtCore import QCoreApplication

    w = make_window()
    assert [c.__class__.__name__ for c in w.charts.built()] == ["HealthChart"]
    w.show_tab("day")                                   # asked for before any result
    assert w.charts.built_chart("day") is not None and w.tabs.currentWidget().layout().count() == 1
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.load_demo()
    qtbot.waitUntil(w.charts.all_built, timeout=RESULT_TIMEOUT)
    rows = w.result["yearly"]
    assert np.allclose(w.charts["cashflow"].data["cumulative"], [r["cumulative_cash_flow"] for r in rows])
    assert w.charts["cycles"].available and w.charts["day"].available
    QCoreApplication.processEvents()
    assert len(w.charts.built()) == 5


def test_rebuilds_do_not_accumulate_widgets(window):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    def counts():
        while not window.charts.all_built():   # the tabs not shown are built right after a rebuild
            QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        return len(window.findChildren(QWidget)), len(window.findChildren(QAction))

    before = counts()
    try:
        for lang in ("ja", "en", "ja", "en"):
            window.set_language(lang)
    finally:
        from PySide6.QtWidgets import QApplication

        from app import i18n

        i18n.install(QApplication.instance(), "en")
    assert counts() == before


def test_import_price_series(window, qtbot, tmp_path):
    """File > Import price series embeds a JEPX file (area and use chosen) and recomputes; bad files explain."""
    header = ("受渡日,時刻コード,システムプライス(円/kWh),エリアプライス東京(円/kWh),エリアプライス関西(円/kWh)")
    rows = [header] + [f"2024/04/{1 + d:02d},{k},10.00,{10 + k / 10:.2f},9.00" for d in range(2) for k in range(1, 49)]
    good = tmp_path / "spot_summary_2024.csv"
    good.write_text("\n".join(rows) + "\n", encoding="utf-8")
    window.dialogs.answers.update(price_file=str(good), choose=[6, 2], number=[7.5])  # kansai, both, margin
    with qtbot.waitSignal(window.resultShown, timeout=RESULT_TIMEOUT):
        assert window.import_prices()
    ps = window.scenario.tariff.price_series
    assert ps.area == "kansai" and ps.values_per_kwh[:2] == [9.0, 9.0] and ps.use_for_import and ps.use_for_export
    assert ps.import_adder_per_kwh == 7.5   # the plan's retail margin, asked because the import follows the series
    asked = [c for c in window.dialogs.calls if c[0] == "number"][-1]
    assert "Retail margin" in asked[2] and "(¥/kWh;" in asked[2]
    # importing a newer file proposes the margin already set (OK keeps it)
    window.dialogs.answers.update(price_file=str(good), choose=[6, 2])
    with qtbot.waitSignal(window.resultShown, timeout=RESULT_TIMEOUT):
        assert window.import_prices()
    assert window.scenario.tariff.price_series.import_adder_per_kwh == 7.5
    assert [c for c in window.dialogs.calls if c[0] == "number"][-1][3] == 7.5
    assert window.dirty
    # the areas were offered by name, and the import's message stays beside the new result's notes
    offered = [c for c in window.dialogs.calls if c[0] == "choose"][0]
    assert "Kansai" in str(offered) and "kansai" not in str(offered)
    assert "Imported 96 prices from spot_summary_2024.csv" in window.status_text
    assert window.inputs.tariff_summary.text() == ("Market-linked price series: Kansai (as of 2024-04-02)\n"
                                                   "Import price = series + ¥7.5/kWh margin + the add-on; the "
                                                   "time-of-use import prices are not used.")
    assert "Market-linked price series" in window.inputs.pickers["tariffs"].edited   # no longer the plan as shipped
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(rows[:5] + [rows[5].replace(",9.00", ",n/a")] + rows[6:]) + "\n", encoding="utf-8")
    window.dialogs.answers.update(price_file=str(bad), choose=[6, 0])   # export only: no margin asked
    before = window.scenario
    assert not window.import_prices()
    assert window.scenario is before
    title, text = [c for c in window.dialogs.calls if c[0] == "warning"][-1][1:3]
    assert "row 6" in text and "n/a" in text


def test_time_of_use_table_is_editable(window, qtbot):
    """The dealer can type a tariff: price cells recompute, bad cells are explained under the table."""
    ed = window.inputs.editors["tariff.import_periods"]
    assert ed.table.rowCount() == 2 and ed.table.item(0, 4).text() == "35.76"
    npv_before = window.result["summary"]["npv"]
    with qtbot.waitSignal(window.resultShown, timeout=RESULT_TIMEOUT):
        ed.table.item(1, 4).setText("20")           # cheaper night rate
    assert window.scenario.tariff.import_periods[1].price_per_kwh == 20.0
    assert window.result["summary"]["npv"] != npv_before
    ed.table.item(0, 2).setText("25:00")
    assert not window.inputs.valid
    assert "HH:MM" in window.inputs.error_text("tariff.import_periods")
    ed.table.item(0, 2).setText("06:00")
    assert window.inputs.valid
    # a summer-only row with a month range, added in front of the others by the table's own buttons
    ed.add_row()
    r = ed.table.rowCount() - 1
    ed.table.item(r, 0).setText("7-9")
    ed.table.item(r, 2).setText("13:00")
    ed.table.item(r, 3).setText("16:00")
    ed.table.item(r, 4).setText("50")
    periods = window.inputs.form_dict()["tariff"]["import_periods"]
    assert periods[-1]["months"] == [7, 8, 9] and periods[-1]["price_per_kwh"] == 50.0
    ed.table.setCurrentCell(r, 0)
    ed.remove_row()
    assert ed.table.rowCount() == 2 and window.inputs.valid
    # removing every row leaves a gap the validator names (month, day type, time)
    ed.table.setCurrentCell(1, 0)
    ed.remove_row()
    assert not window.inputs.valid and "01:00" in window.inputs.error_text("tariff.import_periods")


def test_monthly_factors_and_settings_are_editable(window, qtbot):
    """Monthly factors are typed as 12 comma-separated numbers; a wrong count is explained at the field."""
    with qtbot.waitSignal(window.resultShown, timeout=RESULT_TIMEOUT):
        window.inputs.set_field("driving.monthly_consumption_factor", "1.3, 1.3, 1, 1, 1, 1, 1.1, 1.1, 1, 1, 1, 1.3")
    assert window.scenario.driving.monthly_consumption_factor[0] == 1.3
    window.inputs.set_field("driving.monthly_consumption_factor", "1, 1, 1")
    assert not window.inputs.valid
    assert "12" in window.inputs.error_text("driving.monthly_consumption_factor")
    with qtbot.waitSignal(window.resultShown, timeout=RESULT_TIMEOUT):
        window.inputs.set_field("driving.monthly_consumption_factor", "1,1,1,1,1,1,1,1,1,1,1,1")
    assert window.inputs.valid
    for path in ("step_minutes", "currency", "country", "tariff.event_months"):
        assert path in window.inputs.editors


# ------------------------------------------------------------ review fixes (issue 7)
def _switch(window, lang):
    window.set_language(lang)


def _reset_language():
    from PySide6.QtWidgets import QApplication

    from app import i18n

    i18n.install(QApplication.instance(), "en")


def test_variant_labels_follow_the_language(window, qtbot):
    """Variants keep what kind they are; the label is made at display time in the UI language."""
    window.quick_compare()
    window.remove_variant(2)
    window.duplicate_as_variant()
    assert [v["kind"] for v in window.variants] == ["none", "v2h", "copy"]
    assert window.compare.data["names"] == ["Current scenario", "Without charger", "V2H only", "Variant 1"]
    try:
        _switch(window, "ja")
        assert window.compare.data["names"] == ["現在のシナリオ", "充放電器なし", "V2H のみ", "比較案 1"]
        assert [window.compare.table.horizontalHeaderItem(i).text() for i in range(4)] == window.compare.data["names"]
        assert [window.compare.legend.text(f"col{i}") for i in range(4)] == window.compare.data["names"]
        window.quick_compare()
        assert window.variant_names() == ["充放電器なし", "V2H のみ", "V2H + V2G"]
        _switch(window, "en")
        assert window.variant_names() == ["Without charger", "V2H only", "V2H + V2G"]
        assert window.compare.quick_button.text() == "Compare without charger / V2H only / V2H + V2G"
    finally:
        _reset_language()


def test_japanese_money_axes_do_not_repeat_the_unit(window, qtbot):
    try:
        _switch(window, "ja")
        window.quick_compare()
        qtbot.waitUntil(lambda: all(v["result"] is not None for v in window.variants), timeout=RESULT_TIMEOUT)
        cash, yearly, cmp = window.charts["cashflow"], window.charts["yearly"], window.compare
        assert "(万円)" in cash.plot.getAxis("left").labelText
        assert "(万円)" in yearly.plot.getAxis("left").labelText
        assert "(万円)" in cmp.p_cash.titleLabel.text
        for axis in (cash.axis, yearly.axis, cmp.axis):
            ticks = axis.tickStrings([-350_000, -100_000, 0, 50_000], 1.0, 50_000)
            assert ticks == ["\u221235", "\u221210", "0", "5"], ticks
    finally:
        _reset_language()


def test_yearly_legend_and_readout(window):
    y = window.charts["yearly"]
    rows = window.result["yearly"][1:]
    for col in ("revenue", "savings", "charging_cost", "wear_cost"):
        all_zero = not any(r[col] for r in rows)
        assert (col in y.data["legend"]) == (not all_zero), col
    assert "net" in y.data["legend"]
    # a cost is shown as the engine gives it (positive = a cost): never "cost −¥58,750"
    text = y.readout_at(1)
    r1 = rows[0]
    for col, name in (("charging_cost", "Extra charging cost"), ("wear_cost", "Battery wear")):
        assert f"{name} {window.charts['yearly']._money(r1[col])}" in text
        if r1[col] > 0:
            assert f"{name} \u2212" not in text


def test_yearly_legend_hides_a_line_that_is_zero_every_year(window):
    from copy import deepcopy

    y = window.charts["yearly"]
    result = deepcopy(window.result)
    for r in result["yearly"]:
        r["revenue"] = 0.0
    y.show_result(result, window.result_scenario)
    assert "revenue" not in y.data["legend"] and not y.bars["revenue"].isVisible()
    for r in result["yearly"][1:]:
        r["revenue"] = 1000.0
    y.show_result(result, window.result_scenario)
    assert "revenue" in y.data["legend"] and y.bars["revenue"].isVisible()


def test_cycle_map_titles_name_equivalent_full_cycles(window):
    c = window.charts["cycles"]
    rows = window.result["yearly"]
    cm = window.result["cycle_map"]
    # the engine's totals (the window adds nothing up): they agree with the yearly rows and the map
    assert cm["efc_total"] == pytest.approx(sum(r["efc"] for r in rows), rel=1e-12)
    assert cm["cycles_total"] == pytest.approx(np.asarray(cm["v2g"]).sum(), rel=1e-12) and cm["years"] == 15
    first, second, third = c.data["titles"]["v2g"]
    assert first == "With V2G/V2H"
    assert second == f"{c_number(cm['efc_total'])} equivalent full cycles in 15 years"
    assert third == f"{c_number(cm['cycles_total'])} rainflow cycles of all sizes"
    assert "equivalent full cycles" in c.p_v2g.titleLabel.text
    base = c.data["titles"]["baseline"]
    assert base[1] == f"{c_number(cm['efc_total_baseline'])} equivalent full cycles in 15 years"
    # a result without the totals: the heading only, no invented figure
    from copy import deepcopy

    partial = deepcopy(window.result)
    for key in ("efc_total", "efc_total_baseline", "cycles_total", "cycles_total_baseline"):
        partial["cycle_map"].pop(key)
    c.show_result(partial, window.result_scenario)
    assert c.data["titles"]["v2g"] == ["With V2G/V2H"] and "equivalent" not in c.p_v2g.titleLabel.text
    assert "rainflow" not in c.p_v2g.titleLabel.text


def c_number(v):
    from app import format as fmt

    return fmt.number(v, 0)


def test_customer_header_adds_no_second_honorific(window):
    window.apply_branding("", "Tanaka")
    assert window.customer_label.text() == "Prepared for Tanaka"
    try:
        _switch(window, "ja")
        window.apply_branding("", "山田 太郎")
        assert window.customer_label.text() == "山田 太郎 様"
        window.apply_branding("", "山田 太郎 様")
        assert window.customer_label.text() == "山田 太郎 様"
        window.apply_branding("", "株式会社ヨコハマ 御中")
        assert window.customer_label.text() == "株式会社ヨコハマ 御中"
    finally:
        _reset_language()


def test_compare_overlay_has_a_legend_and_the_current_scenario_on_top(window, qtbot):
    from PySide6.QtCore import Qt

    window.quick_compare()
    qtbot.waitUntil(lambda: all(v["result"] is not None for v in window.variants), timeout=RESULT_TIMEOUT)
    cv = window.compare
    assert [cv.legend.text(f"col{i}") for i in range(4)] == cv.data["names"]
    assert cv.data["z"][0] > max(cv.data["z"][1:])
    for cash, soh in cv.curves[1:]:
        assert cv.curves[0][0].zValue() > cash.zValue() and cv.curves[0][1].zValue() > soh.zValue()
    assert cv.curves[0][0].opts["pen"].style() == Qt.PenStyle.SolidLine
    assert all(c.opts["pen"].style() == Qt.PenStyle.DashLine for c, _ in cv.curves[1:])
    # an identical variant is drawn wider underneath, so it still shows around the current line
    assert all(c.opts["pen"].widthF() > cv.curves[0][0].opts["pen"].widthF() for c, _ in cv.curves[1:])


def test_typical_day_shows_driving_apart_from_discharging(window):
    day = window.charts["day"]
    day.set_day("winter", "weekday")
    profile = window.result["typical_days"]["winter_weekday"]
    plugged = np.asarray(profile["plugged"], dtype=float) > 0.5
    away = ~plugged
    assert away.any() and np.array_equal(day.data["away"], away)
    t = np.asarray(profile["time_h"])
    step = t[1] - t[0]
    first = int(np.argmax(away))
    assert day.data["away_hours"][0][0] == pytest.approx(t[first])
    assert day.data["away_hours"][0][1] == pytest.approx(t[first + int(away[first:].argmin())] if not away[-1]
                                                         else t[-1] + step)
    assert all(r.isVisible() for r in day.away_regions[0][:len(day.data["away_hours"])])
    # the battery line has no values while the car is away; driving is its own series there
    bx, by = day.kw_curves["battery_kw"].getData()
    dx, dy = day.kw_curves["driving"].getData()
    mid = t[first] + step / 2
    assert np.isnan(by[(bx > t[first]) & (bx < t[first] + step)]).all()
    assert np.allclose(dy[(dx > t[first]) & (dx < t[first] + step)], -np.asarray(profile["drive_kw"])[first])
    assert {"away", "driving", "battery_kw"} <= set(day.data["legend"])
    assert "car away" in day.readout_at(mid) and "driving uses" in day.readout_at(mid)
    # the reserve is named in the legend, not written over the charge curve
    assert getattr(day.reserve_line, "label", None) is None
    assert day.legend.text("reserve") == "Reserve 30 %"
    # read-outs use the real minus sign, as the KPI cards do
    neg = [x for x, v in zip(t, profile["battery_kw"]) if v < -0.05 and plugged[list(t).index(x)]]
    text = day.readout_at(neg[0] + 0.01)
    assert "\u2212" in text and "-" not in text.replace("kWh", "")
    home = window.result["typical_days"]["winter_weekday"]
    assert "load_kw" not in home or "load_kw" in day.data["legend"]


def test_objects_made_at_start_up_are_kept_out_of_full_collections(window):
    """After the first result the start-up objects are frozen (app.main_window._freeze_startup_objects):
    a full garbage collection no longer walks the ~160,000 Qt, pyqtgraph and numba objects."""
    import gc

    assert window.first_result_seconds is not None
    assert gc.get_freeze_count() > 50000
    tracked = len(gc.get_objects())
    assert tracked < gc.get_freeze_count()          # what a collection still traverses


def test_the_results_notes_stay_on_the_status_line_after_a_language_switch(window, qtbot):
    """The demo's result carries notes (the subsidy's application period): switching the language
    for the customer shows them again in the new language instead of a bare "Ready"."""
    warnings = window.result["warnings"]
    assert warnings and warnings[0] in window.status_text
    try:
        _switch(window, "ja")
        assert window.result["warnings_ja"][0] in window.status_text
        window.toggle_presentation(True)
        assert window.result["warnings_ja"][0] in window.status_text
    finally:
        window.toggle_presentation(False)
        _reset_language()


def test_superseded_computation_never_overwrites_the_newer_result_in_the_window(qtbot, tmp_path):
    """Window level: an edit whose computation is slow, then a newer edit; the slow one's result is
    dropped, the window ends on the newer inputs and never shows the older figures after them."""
    import time as _time

    from app.kpis import kpi_texts
    from app.main_window import MainWindow
    from app.worker import SimulationRunner, default_simulate

    def simulate(scenario):
        if scenario.charger.price == 111000:
            _time.sleep(1.0)              # the older edit: still computing when the newer one comes
        return default_simulate(scenario)

    runner = SimulationRunner(simulate=simulate, debounce_ms=0)
    w = MainWindow(settings=Settings(str(tmp_path / "s.ini")), dialogs=ScriptedDialogs(), runner=runner,
                   autosave=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.load_demo()
    shown = []
    w.resultShown.connect(lambda rid: shown.append(w.result_scenario.charger.price))
    w.inputs.set_field("charger.price", 111000)
    qtbot.waitUntil(lambda: runner.is_busy("main"), timeout=5000)
    w.inputs.set_field("charger.price", 222000)
    assert runner.wait_idle(RESULT_TIMEOUT)
    qtbot.wait(50)
    assert shown == [222000] and runner.dropped >= 1
    assert w.result_scenario.charger.price == 222000 == w.scenario.charger.price
    fresh = default_simulate(w.scenario)
    assert w.kpis.text("net") == kpi_texts(fresh, "en")["net"][0]
    assert np.allclose(w.charts["cashflow"].curve.getData()[1], [r["cumulative_cash_flow"] for r in fresh["yearly"]])
    w.runner.shutdown(5000)


def test_cashflow_chart_says_nothing_to_recover_for_payback_zero(window):
    from copy import deepcopy

    chart = window.charts["cashflow"]
    result = deepcopy(window.result)
    result["summary"]["simple_payback_years"] = 0.0
    chart.show_result(result, window.result_scenario)
    assert chart.label.textItem.toPlainText() == "Nothing to recover: never below zero"
    assert "0.0" not in chart.label.textItem.toPlainText()


def test_preset_in_another_currency_is_explained_in_the_ui_language(make_window, qtbot):
    """A GBP tariff in a yen scenario is not applied, and the status line says so in Japanese (the
    note used to arrive as its English text); the message stays beside the next result's notes."""
    w = make_window(lang="ja")
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.load_demo()
    before = w.scenario.tariff.preset_id
    w.inputs._preset_chosen("tariffs", "uk_octopus_intelligent_go")   # nothing changes: no new computation
    assert w.scenario.tariff.preset_id == before
    assert "適用していません" in w.status_text and "prices are in" not in w.status_text
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):   # an unrelated edit: the message has gone
        w.inputs.set_field("home.pv_kwp", 5.5)
    assert "適用していません" not in w.status_text
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.inputs._preset_chosen("chargers", "us_wallbox_quasar2")   # applied, its USD price not copied
    assert "金額はコピーしていません" in w.status_text


def test_small_status_and_legend_details(window, qtbot):
    from app.compare import ROWS

    # negative wear years are drawn above 0 as a gain: the legend says what that means
    yearly = window.charts["yearly"]
    wear = [r["wear_cost"] for r in window.result["yearly"][1:]]
    if any(w < 0 for w in wear):
        assert yearly.legend.text("wear_cost") == "Battery wear (above 0: less than without V2G/V2H)"
    # no variants: no empty row of "Remove" buttons under the comparison table
    assert window.compare.table.isRowHidden(len(ROWS))
    # an invalid value fixed again: the result's notes come back (not a bare "Ready")
    note = window.result["warnings"][0]
    window.inputs.set_field("participation.reserve_soc", 95)
    assert not window.inputs.valid and note not in window.status_text
    window.inputs.set_field("participation.reserve_soc", 30)
    qtbot.waitUntil(lambda: note in window.status_text, timeout=RESULT_TIMEOUT)
    # the red "at most 4" message does not outlive the removal of a variant
    window.quick_compare()
    window.duplicate_as_variant()
    assert "At most" in window.status_text
    window.remove_variant(0)
    assert "At most" not in window.status_text


def test_the_shipped_japanese_example_opens_with_its_japanese_name(make_window, qtbot):
    from models.paths import resources_dir

    w = make_window(lang="ja")
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        assert w.open_path(str(resources_dir() / "examples" / "jp_demo_sotsu_fit_v2h.v2g.json"), ask=False)
    assert w.scenario.name == sc.DEMO_TEXTS["ja"][0] and not w.dirty
