"""GUI support pieces: latest-wins runner, settings registry, formatting, error hook,
report export wiring, stretched-string layout check."""
import sys
import threading
import time

import pytest

from app.dialogs import ScriptedDialogs
from app.settings import OPTIONS, Settings
from models.paths import resources_dir


# ------------------------------------------------------------------ runner
def _fake_runner(qtbot, delays):
    from app.worker import SimulationRunner

    calls = []

    def simulate(payload):
        calls.append(payload)
        time.sleep(delays.get(payload, 0.0))
        return {"payload": payload}

    r = SimulationRunner(simulate=simulate, debounce_ms=0, threads=2)
    return r, calls


def test_superseded_result_never_overwrites_newer(qtbot):
    r, calls = _fake_runner(qtbot, {"old": 0.4, "new": 0.0})
    got = []
    r.resultReady.connect(lambda ch, rid, payload, result: got.append(result["payload"]))
    r.request("main", "old", delay_ms=0)
    qtbot.waitUntil(lambda: calls == ["old"], timeout=5000)  # "old" is running
    r.request("main", "new", delay_ms=0)
    assert r.wait_idle(10000)
    assert got == ["new"]
    assert calls == ["old", "new"] and r.dropped == 1


def test_pending_requests_coalesce_to_the_newest(qtbot):
    r, calls = _fake_runner(qtbot, {"a": 0.3})
    got = []
    r.resultReady.connect(lambda ch, rid, payload, result: got.append(payload))
    r.request("main", "a", delay_ms=0)
    qtbot.waitUntil(lambda: calls == ["a"], timeout=5000)
    for p in ("b", "c", "d"):
        r.request("main", p, delay_ms=0)
    assert r.wait_idle(10000)
    assert calls == ["a", "d"] and got == ["d"]


def test_burst_starts_at_once_then_coalesces(qtbot):
    """An idle channel starts at once; edits during the run merge into one follow-up run."""
    r, calls = _fake_runner(qtbot, {"x1": 0.2})
    r.debounce_ms = 60
    got = []
    r.resultReady.connect(lambda ch, rid, payload, result: got.append(payload))
    for p in ("x1", "x2", "x3"):
        r.request("main", p)
    assert calls[:1] == ["x1"] or r.is_busy("main")
    assert r.wait_idle(10000)
    assert calls == ["x1", "x3"] and got == ["x3"]


def test_channels_are_independent_and_errors_reported(qtbot):
    from app.worker import SimulationRunner

    def simulate(payload):
        if payload == "boom":
            raise RuntimeError("kaput")
        return payload

    r = SimulationRunner(simulate=simulate, debounce_ms=0)
    failed, done = [], []
    r.failed.connect(lambda ch, rid, err: failed.append((ch, err)))
    r.resultReady.connect(lambda ch, rid, payload, result: done.append((ch, result)))
    r.request("main", "ok", delay_ms=0)
    r.request("variant:1", "boom", delay_ms=0)
    assert r.wait_idle(5000)
    assert done == [("main", "ok")]
    assert failed[0][0] == "variant:1" and "kaput" in failed[0][1]


@pytest.mark.parametrize("engine_process", ["1", "0"])
def test_gui_thread_stays_responsive_during_simulation(qtbot, monkeypatch, engine_process):
    """A real simulate() runs (in the engine process, or with it off in the pool's threads) while
    the GUI thread keeps processing timers."""
    from PySide6.QtCore import QTimer

    monkeypatch.setenv("V2G_ENGINE_PROCESS", engine_process)

    from app import engine
    from app.worker import SimulationRunner
    from models import scenario as sc

    engine.clear_energy_cache()   # a real energy run, not a reused one (here and in the engine process)
    r = SimulationRunner(debounce_ms=0)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    with qtbot.waitSignal(r.resultReady, timeout=60000):
        r.request("main", sc.demo(), delay_ms=0)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) >= 2 and max(gaps) < 1.5  # the window keeps serving events (typically < 0.2 s gaps)


# ---------------------------------------------------------------- settings
def test_settings_defaults_types_and_recent(tmp_path):
    s = Settings(str(tmp_path / "s.ini"))
    for key, opt in OPTIONS.items():
        assert s.get(key) == opt.default
    s.set("compute/debounce_ms", 45)
    s.set("branding/dealer_name", "横浜EVモータース")
    for i in range(12):
        s.add_recent(f"/tmp/f{i}.v2g.json")
    s.add_recent("/tmp/f5.v2g.json")
    s.sync()
    s2 = Settings(str(tmp_path / "s.ini"))
    assert s2.get("compute/debounce_ms") == 45
    assert s2.get("branding/dealer_name") == "横浜EVモータース"
    recent = s2.get("files/recent")
    assert recent[0] == "/tmp/f5.v2g.json" and len(recent) == 8 and len(set(recent)) == 8
    s2.add_recent("/only/one")
    assert (tmp_path / "s.ini").read_text(encoding="utf-8").count("[") >= 1


def test_settings_bad_value_falls_back_to_default(tmp_path):
    ini = tmp_path / "s.ini"
    ini.write_text("[compute]\ndebounce_ms=lots\n[ui]\npresentation_scale=big\n", encoding="utf-8")
    s = Settings(str(ini))
    assert s.get("compute/debounce_ms") == OPTIONS["compute/debounce_ms"].default
    assert s.get("ui/presentation_scale") == OPTIONS["ui/presentation_scale"].default


# ---------------------------------------------------------------- formatting
def test_money_formats(qapp):
    from app import format as fmt

    assert fmt.money(-373028.4, "JPY", "en") == "\u2212\u2060¥373,028"
    assert fmt.money(-373028.4, "JPY", "ja") == "\u2212\u206037.3万円"
    assert fmt.money(9800, "JPY", "ja") == "9,800円"
    assert fmt.money(6.51, "JPY", "ja", per="kWh") == "6.5 円/kWh"
    assert fmt.money(1234.4, "GBP", "en") == "£1,234"
    assert fmt.money(12.5, "EUR", "en") == "€12.50"



def test_money_axis_ticks_are_in_the_unit_of_the_axis_label(qapp):
    """Ticks are plain numbers in the unit the axis label names: (万円) over −35, never "−35万"."""
    from app import format as fmt

    assert fmt.money_unit_label("JPY", "ja") == "万円"
    assert fmt.axis_money(-350_000, "JPY", "ja", 50_000) == "\u221235"
    assert fmt.axis_money(-2_000_000, "JPY", "ja") == "\u2212200"
    assert fmt.axis_money(25_000, "JPY", "ja", 5_000) == "2.5"
    assert fmt.axis_money(0, "JPY", "ja", 50_000) == "0"
    for v in (-400_000, -150_000, 5_000, 1_234_567):
        assert "万" not in fmt.axis_money(v, "JPY", "ja", 50_000)
    # English: ¥ in the label, k / M multipliers on the ticks, one unit per axis (from the spacing)
    assert fmt.money_unit_label("JPY", "en") == "¥"
    assert fmt.axis_money(-350_000, "JPY", "en", 50_000) == "\u2212350k"
    assert fmt.axis_money(-1_500_000, "JPY", "en", 500_000) == "\u22121.5M"
    assert fmt.axis_money(-500_000, "JPY", "en", 500_000) == "\u22120.5M"
    assert fmt.price_unit_label("JPY", "ja") == "円" and fmt.price_unit_label("GBP", "en") == "£"
    assert fmt.signed(-1.04, 1) == "\u22121.0" and fmt.signed(-0.04, 1) == "0.0" and fmt.signed(2, 0) == "2"
    # the major (100k apart) and minor (50k apart) tick levels of one axis share its unit
    from app.charts import MoneyAxis

    ax = MoneyAxis("left")
    ax.currency, ax.lang = "JPY", "en"
    ax.setRange(-380_000, 20_000)
    major = ax.tickStrings([-300_000, -200_000, -100_000], 1.0, 100_000)
    minor = ax.tickStrings([-350_000, -250_000, -150_000, -50_000], 1.0, 50_000)
    assert major == ["\u2212300k", "\u2212200k", "\u2212100k"]
    assert minor == ["\u2212350k", "\u2212250k", "\u2212150k", "\u221250k"]
    ax.setRange(-2_500_000, 0)
    assert ax.tickStrings([-2_000_000, -1_000_000], 1.0, 1_000_000) == ["\u22122M", "\u22121M"]
    assert ax.tickStrings([-1_500_000, -500_000], 1.0, 500_000) == ["\u22121.5M", "\u22120.5M"]


def test_translations_help_writes_nothing(tmp_path):
    """``build/translations.py --help`` prints the usage; it never regenerates the catalogue."""
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    ts = root / "resources" / "translations" / "app_ja.ts"
    qm = ts.with_suffix(".qm")
    before = (ts.stat().st_mtime_ns, qm.stat().st_mtime_ns, ts.read_bytes())
    for args in (["--help"], ["-h"], ["--bogus"]):
        out = subprocess.run([sys.executable, "build/translations.py", *args], cwd=root, capture_output=True,
                             text=True, timeout=60, env={**os.environ})
        assert "usage:" in out.stdout + out.stderr
        assert out.returncode == (0 if args != ["--bogus"] else 2)
    assert (ts.stat().st_mtime_ns, qm.stat().st_mtime_ns, ts.read_bytes()) == before


# ---------------------------------------------------------------- errors
def test_unexpected_error_goes_to_dialog_and_log(tmp_path, monkeypatch):
    from app import errors

    monkeypatch.setitem(errors._state, "log_path", None)
    monkeypatch.setattr(errors, "user_log_dir", lambda: tmp_path)
    old_hook = sys.excepthook
    dialogs = ScriptedDialogs()

    class Window:   # the dialog promises an autosave: it is written before the dialog shows
        saved = 0

        def write_autosave(self):
            assert not dialogs.calls
            Window.saved += 1

    try:
        errors.install(dialogs, Window())
        try:
            raise ZeroDivisionError("bad maths")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old_hook
        threading.excepthook = threading.__excepthook__
        for h in list(errors.log.handlers):
            errors.log.removeHandler(h)
            h.close()
        errors._state.update(log_path=None, dialogs=None)
    kind, summary, details, log_path = dialogs.calls[-1]
    assert kind == "unexpected_error" and "ZeroDivisionError: bad maths" in summary
    assert Window.saved == 1
    assert "Traceback" in details
    assert "bad maths" in (tmp_path / "v2g-calculator.log").read_text(encoding="utf-8")


# ---------------------------------------------------------------- report export
class _Locked(Exception):
    pass


def test_export_report_retry_and_rename(qtbot, tmp_path, monkeypatch):
    import types

    import app.main_window as mw

    written = []
    state = {"locked": 2}

    def write_report(result, scenario, path, *, lang="en", dealer_name="", customer_name="", logo_path=None, comparison=None):
        if state["locked"]:
            state["locked"] -= 1
            raise _Locked(path)
        written.append((path, lang, dealer_name, customer_name))
        return path

    fake = types.SimpleNamespace(write_report=write_report, ReportFileLockedError=_Locked)
    monkeypatch.setattr(mw, "report_module", lambda: fake)
    dialogs = ScriptedDialogs(report_file=[str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx")],
                              file_locked=["retry", "rename"])
    w = mw.MainWindow(settings=Settings(str(tmp_path / "s.ini")), dialogs=dialogs, autosave=False)
    qtbot.addWidget(w)
    assert w.actions["export"].isEnabled()
    with qtbot.waitSignal(w.resultShown, timeout=60000):
        w.load_demo()
    w.apply_branding("Dealer X", "Customer Y")
    assert w.export_report()
    assert written == [(str(tmp_path / "b.xlsx"), "en", "Dealer X", "Customer Y")]
    assert [c[0] for c in dialogs.calls].count("file_locked") == 2
    assert w.settings.get("report/folder") == str(tmp_path)
    w.runner.shutdown()


def test_export_disabled_without_report_module(qtbot, tmp_path, monkeypatch):
    import app.main_window as mw

    monkeypatch.setattr(mw, "report_module", lambda: None)
    w = mw.MainWindow(settings=Settings(str(tmp_path / "s.ini")), dialogs=ScriptedDialogs(), autosave=False)
    qtbot.addWidget(w)
    assert not w.actions["export"].isEnabled()
    assert "not installed" in w.actions["export"].toolTip()
    assert w.actions["export"].shortcut().toString() == "Ctrl+E"


# ------------------------------------------------------- stretched strings
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_layout_survives_doubled_strings(qtbot, tmp_path, lang):
    """TRANS_SCALE-style check: every string twice as long (the English source, or the Japanese
    translation) must still fit a 1280x800 window."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.main_window import MainWindow

    app = QApplication.instance()
    ja = QTranslator()
    if lang == "ja":
        assert ja.load(str(resources_dir() / "translations" / "app_ja.qm"))

    class Doubling(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            if not source or source.startswith("%") or source in ("kW", "%"):
                return None
            text = (ja.translate(context, source, disambiguation, n) if lang == "ja" else "") or source
            return f"{text} {text}"

    tr = Doubling()
    app.installTranslator(tr)
    try:
        w = MainWindow(lang=lang, settings=Settings(str(tmp_path / "s.ini")), dialogs=ScriptedDialogs(),
                       autosave=False)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.resultShown, timeout=60000):
            w.load_demo()
        head = "電池の健全度" if lang == "ja" else "Battery health"
        assert w.tabs.tabText(0) == f"{head} {head}"
        hint = w.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 800, hint
        w.resize(1280, 800)
        w.show()
        qtbot.wait(20)
        assert w.width() <= 1280 and w.height() <= 800
        # KPI values keep their room: the cards are not squeezed below their text height
        for card in w.kpis.cards.values():
            assert card.value.height() >= card.value.fontMetrics().height()
        w.quick_compare()   # the comparison's columns and the header's name as well
        qtbot.waitUntil(lambda: all(v["result"] is not None for v in w.variants), timeout=60000)
        w.show_tab("compare")
        qtbot.wait(20)
        assert w.width() <= 1280 and w.height() <= 800
        assert w.scenario_label.text().count("\n") <= 1
        w.runner.shutdown()
    finally:
        app.removeTranslator(tr)
        i18n.install(app, "en")


def test_export_with_the_real_report_module(qtbot, tmp_path):
    import app.main_window as mw

    if mw.report_module() is None:
        pytest.skip("app.report does not offer write_report yet")
    target = tmp_path / "report.xlsx"
    w = mw.MainWindow(lang="en", settings=Settings(str(tmp_path / "s.ini")),
                      dialogs=ScriptedDialogs(report_file=str(target)), autosave=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.resultShown, timeout=60000):
        w.load_demo()
    w.apply_branding("Yokohama EV Motors", "Tanaka")
    assert w.export_report()
    assert target.exists() and target.stat().st_size > 1000
    assert "Report saved" in w.status_label.text()
    w.runner.shutdown()


def test_standard_shortcuts_with_fallbacks(qtbot, tmp_path):
    import app.main_window as mw

    window = mw.MainWindow(settings=Settings(str(tmp_path / "s.ini")), dialogs=ScriptedDialogs(), autosave=False)
    qtbot.addWidget(window)
    keys = {name: [k.toString() for k in window.actions[name].shortcuts()]
            for name in ("new", "open", "save", "save_as", "quit", "about", "export")}
    assert keys["new"][0] == "Ctrl+N" and keys["open"][0] == "Ctrl+O" and keys["save"][0] == "Ctrl+S"
    assert "Ctrl+Shift+S" in keys["save_as"] and "Ctrl+Q" in keys["quit"] and "F1" in keys["about"]
    assert all(len(v) == len(set(v)) for v in keys.values())   # no key listed twice
    window.runner.shutdown()
