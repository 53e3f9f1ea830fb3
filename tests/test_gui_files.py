"""Main window and files (pytest-qt, offscreen): the comparison saved with the scenario and in the
autosave, the report's comparison sheet, the demo in the UI language, notices in the status line."""
import json

import openpyxl
import pytest

from app.dialogs import ScriptedDialogs
from app.settings import Settings
from models import scenario as sc

RESULT_TIMEOUT = 60000


@pytest.fixture
def window(qtbot, tmp_path):
    from app.main_window import MainWindow

    w = MainWindow(lang="en", settings=Settings(str(tmp_path / "settings.ini")), dialogs=ScriptedDialogs(),
                   autosave=True)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.load_demo()
    yield w
    w.dirty = False
    w.runner.shutdown(5000)
    w.remove_autosave()


def _wait_variants(qtbot, w):
    qtbot.waitUntil(lambda: all(v["result"] is not None for v in w.variants), timeout=RESULT_TIMEOUT)


def test_saved_comparison_reopens_with_its_variants(window, qtbot, tmp_path):
    w = window
    w.quick_compare()
    w.duplicate_as_variant() if len(w.variants) < 3 else None
    _wait_variants(qtbot, w)
    kinds = [v["kind"] for v in w.variants]
    path = str(tmp_path / "with-variants.v2g.json")
    assert w._save_to(path)
    data = json.loads(open(path, encoding="utf-8").read())
    assert [e["kind"] for e in data["comparison"]] == kinds
    w.clear_variants()
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        assert w.open_path(path, ask=False)
    assert [v["kind"] for v in w.variants] == kinds
    _wait_variants(qtbot, w)
    assert [v["scenario"].participation.mode for v in w.variants] == ["none", "v2h", "v2h+v2g"]
    # the compare table shows them again
    assert w.compare.data["names"][1:] == w.variant_names()


def test_a_copy_keeps_its_saved_name_and_a_bad_entry_is_reported(window, qtbot, tmp_path):
    w = window
    d = sc.to_dict(w.scenario)
    d["comparison"] = [{"label": "Bigger PV", "kind": "copy", "changes": {"home.pv_kwp": 8.0}},
                       {"label": "Broken", "kind": "copy", "changes": {"vehicle.capacity_kwh": -5}}]
    path = tmp_path / "hand.v2g.json"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        assert w.open_path(str(path), ask=False)
    assert w.variant_names() == ["Bigger PV"]
    assert w.variants[0]["scenario"].home.pv_kwp == 8.0
    assert "could not be read" in w.status_text and "capacity_kwh" in w.status_text


def test_autosave_keeps_the_comparison(window, qtbot):
    w = window
    w.quick_compare()
    w.dirty = True
    target = w.write_autosave()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [e["kind"] for e in data["comparison"]] == ["none", "v2h", "v2h+v2g"]
    w.clear_variants()
    w.dialogs.answers["recover"] = True
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        assert w.check_recovery()
    assert [v["kind"] for v in w.variants] == ["none", "v2h", "v2h+v2g"]


def test_report_has_the_comparison_sheet_with_the_on_screen_figures(window, qtbot, tmp_path):
    w = window
    w.quick_compare()
    _wait_variants(qtbot, w)
    path = str(tmp_path / "report.xlsx")
    w.dialogs.answers["report_file"] = path
    assert w.export_report()
    wb = openpyxl.load_workbook(path)
    ws = wb["Comparison"]
    headers = [ws.cell(row=3, column=j).value for j in range(3, 6)]
    assert headers == w.variant_names()
    net_row = next(r for r in range(4, 14) if str(ws.cell(row=r, column=1).value).startswith("Net over"))
    for j, v in enumerate(w.variants, start=3):
        assert ws.cell(row=net_row, column=j).value == pytest.approx(v["result"]["summary"]["total_net"])


def test_demo_follows_the_language(window, qtbot):
    w = window
    assert w.scenario.name == sc.DEMO_TEXTS["en"][0]
    w.set_language("ja")
    assert w.scenario.name == sc.DEMO_TEXTS["ja"][0] and w.scenario.notes == sc.DEMO_TEXTS["ja"][1]
    assert sc.DEMO_TEXTS["ja"][0] in w.windowTitle()
    # a name of the dealer's own is never touched
    w.inputs.set_field("name", "Tanaka, Leaf 40")
    w.set_language("en")
    assert w.scenario.name == "Tanaka, Leaf 40"
    w.set_language("en")


def test_subsidy_recalculation_is_announced(window, qtbot):
    w = window
    with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
        w.inputs.set_field("charger.price", 398000)
    assert "Subsidy recalculated" in w.status_text or "Subsidy recalculated" in w.status_label.toolTip()


def test_long_status_is_shortened_with_the_whole_text_in_the_tooltip(window):
    w = window
    text = "A very long note. " * 40
    w._set_status(text)
    assert w.status_label.toolTip() == text
    assert w.status_label.text().endswith("…")
    assert w.status_label.fontMetrics().horizontalAdvance(w.status_label.text()) <= w.width()
