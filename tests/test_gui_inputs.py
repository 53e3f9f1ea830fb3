"""Input panel details (pytest-qt, offscreen): presets that go stale, the subsidy rule following the
price, table-cell errors, long choices, the price-check fields."""
import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.inputs import InputPanel
from models import presets as P
from models import scenario as sc


@pytest.fixture
def panel(qtbot):
    p = InputPanel("en")
    qtbot.addWidget(p)
    p.resize(370, 760)
    p.show()
    p.set_scenario(sc.demo())
    return p


def test_preset_caption_says_which_values_were_changed(panel):
    picker = panel.pickers["chargers"]
    assert picker.edited == []
    assert "Changed since chosen" not in picker.caption.text()
    panel.set_field("charger.price", 398000)
    assert picker.edited == ["Charger price"]
    assert "Changed since chosen: Charger price" in picker.caption.text()
    # typing the preset's own value back clears the mark
    panel.set_field("charger.price", 498000)
    assert picker.edited == [] and "Changed since chosen" not in picker.caption.text()


def test_subsidy_follows_the_price_when_it_is_the_rules_amount(panel, qtbot):
    rule = next(p for p in P.all_presets("subsidies") if p.id == "jp_cev_v2h_fy2025").data["rule"]
    with qtbot.waitSignal(panel.notice, timeout=2000) as blocker:
        panel.set_field("charger.price", 398000)
    expected = round(P.subsidy_amount(rule, 398000, 250000), 2)
    assert panel.form_dict()["charger"]["subsidy"] == pytest.approx(expected)
    assert expected != 399000
    assert "Subsidy recalculated" in blocker.args[0]
    assert panel.pickers["subsidies"].edited == []   # still exactly what the rule gives


def test_an_own_subsidy_amount_is_kept(panel):
    panel.set_field("charger.subsidy", 300000)
    panel.set_field("charger.price", 398000)
    assert panel.form_dict()["charger"]["subsidy"] == 300000
    assert panel.pickers["subsidies"].edited == ["Subsidy"]


def test_follow_subsidy_rules():
    d = sc.to_dict(sc.demo())
    e = copy.deepcopy(d)
    assert P.follow_subsidy(d, e) is None                       # nothing changed
    e["charger"]["price"] = 398000
    assert P.follow_subsidy(d, e) is not None
    e["charger"]["subsidy"] = 100000
    assert P.follow_subsidy(d, e) is None                       # the subsidy was edited too
    own = copy.deepcopy(d)
    own["charger"]["subsidy"] = 123456
    moved = copy.deepcopy(own)
    moved["charger"]["price"] = 398000
    assert P.follow_subsidy(own, moved) is None                 # an own amount is never replaced
    bad = copy.deepcopy(d)
    bad["charger"]["price"] = "abc"
    assert P.follow_subsidy(d, bad) is None                     # invalid input: the validator explains


def test_table_cell_out_of_range_names_row_and_limits(panel):
    ed = panel.editors["tariff.import_periods"]
    ed.table.item(0, 0).setText("13")
    err = panel.error_text("tariff.import_periods")
    assert "Row 1" in err and "1 – 12" in err, err


def test_long_choices_get_the_whole_width(panel):
    for path in ("vehicle.cell_model", "charging.strategy"):
        combo = panel.editors[path]
        assert isinstance(combo, QComboBox)
        width = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        assert combo.width() >= width, path


def test_preset_combo_shows_the_name_and_the_caption_the_date(panel):
    picker = panel.pickers["vehicles"]
    p = next(x for x in picker.presets if x.id == "leaf_40")
    assert picker.combo.currentText() == p.name
    assert p.as_of in picker.caption.text()


def test_price_check_fields_are_in_the_participation_section(panel):
    assert panel.field_section["participation.only_when_profitable"] == "participation"
    assert panel.field_section["participation.min_margin_per_kwh"] == "participation"
    panel.set_field("participation.min_margin_per_kwh", 2.5)
    assert panel.form_dict()["participation"]["min_margin_per_kwh"] == 2.5
    panel.set_field("participation.only_when_profitable", False)
    assert panel.form_dict()["participation"]["only_when_profitable"] is False
    assert "yen" not in panel.unit_labels["participation.min_margin_per_kwh"].text().lower()
    assert panel.unit_labels["participation.min_margin_per_kwh"].text() == "¥/kWh"


def test_time_step_and_country_have_readable_choices(panel):
    step = panel.editors["step_minutes"]
    assert [step.itemText(i) for i in range(step.count())] == ["5 minutes", "15 minutes", "30 minutes", "1 hour"]
    country = panel.editors["country"]
    assert country.itemText(country.findData("JP")) == "Japan"


def test_ranges_have_thousands_separators():
    from app import fields as F

    assert F.display_range("charger.price", "JPY", "en") == "0 – 1,000,000,000 ¥"
    assert F.display_range("charger.price", "JPY", "ja") == "0 – 1,000,000,000 円"
    assert F.display_range("vehicle.capacity_kwh", "JPY", "en") == "5 – 250 kWh"


def test_closed_subsidy_programme_is_flagged(panel):
    picker = panel.pickers["subsidies"]
    p = next(x for x in picker.presets if x.id == "jp_cev_v2h_fy2025")
    assert p.valid_until and picker.expired                    # the demo starts 2026-04-01
    assert p.valid_until in picker.caption.text() and "Applications closed" in picker.caption.text()
    panel.set_field("start_date", "2025-08-01")
    assert not picker.expired and "Applications closed" not in picker.caption.text()


def test_preset_tooltip_carries_the_dealer_notes(panel):
    picker = panel.pickers["chargers"]
    p = next(x for x in picker.presets if x.id == "jp_nichicon_evps_std")
    notes = p.data.get("notes", "")
    assert notes and notes in picker.toolTip()


def test_japanese_preset_tooltip_carries_the_dealer_notes_in_japanese(qtbot):
    panel = InputPanel("ja")
    qtbot.addWidget(panel)
    panel.set_scenario(sc.demo("ja"))
    picker = panel.pickers["chargers"]
    p = next(x for x in picker.presets if x.id == "jp_nichicon_evps_std")
    notes = p.data["notes"].strip()
    ja = P.notes_text(notes, "ja")
    assert ja != notes and ja in picker.toolTip() and notes not in picker.toolTip()
    idx = picker.combo.findData(p.id)
    assert ja in picker.combo.itemData(idx, Qt.ItemDataRole.ToolTipRole)


def test_a_top_up_subsidy_shows_the_closed_period_of_the_programme_it_stacks_on(panel):
    panel._preset_chosen("subsidies", "jp_tokyo_v2h_fy2025")
    picker = panel.pickers["subsidies"]
    assert picker.combo.currentData() == "jp_tokyo_v2h_fy2025"
    assert picker.expired and "2025-09-30" in picker.caption.text()   # the national CEV part closed
    assert "2025-09-30" in picker.toolTip()
