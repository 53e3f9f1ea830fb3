"""App shell: window constructs in both languages, screenshot entry point works."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def window(qtbot, tmp_path):
    from app.dialogs import ScriptedDialogs
    from app.fonts import load_fonts
    from app.main_window import MainWindow
    from app.settings import Settings

    load_fonts()
    w = MainWindow(lang="en", settings=Settings(str(tmp_path / "s.ini")), dialogs=ScriptedDialogs(), autosave=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.resultShown, timeout=60000):
        w.load_demo()
    yield w
    w.runner.shutdown()


def test_window_shows_demo_and_not_available(window):
    assert "Leaf" in window.scenario_label.full_text() or "Tokyo" in window.scenario_label.full_text()
    summary = window.result["summary"]
    if "npv" not in summary:
        assert window.kpis.text("npv") == "not available"
    else:
        assert window.kpis.text("npv") != "not available"
    assert window.tabs.count() == 6


def test_bundled_font_registers():
    from app.fonts import APP_FONT_FAMILY, load_fonts

    families = load_fonts()
    assert APP_FONT_FAMILY in families


def test_japanese_catalogue_translates(qapp):
    from PySide6.QtCore import QCoreApplication

    from app import i18n

    try:
        assert i18n.install(qapp, "ja")
        assert QCoreApplication.translate("MainWindow", "Battery health") == "電池の健全度"
        assert QCoreApplication.translate("Kpis", "Charger pays back after") == "充放電器の投資回収まで"
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "Battery health") == "Battery health"


def test_catalogue_complete():
    out = subprocess.run([sys.executable, "build/translations.py", "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_screenshot_entry_point(tmp_path, lang):
    png = tmp_path / f"shot_{lang}.png"
    out = subprocess.run([sys.executable, "-m", "app", "--screenshot", str(png), "--lang", lang, "--tab", "cashflow"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    from PySide6.QtGui import QImage

    img = QImage(str(png))
    assert img.width() >= 1280 and img.height() >= 800


def test_self_test_entry_point():
    out = subprocess.run([sys.executable, "-m", "app", "--self-test"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "self-test PASS" in out.stdout


def test_screenshot_of_a_bad_scenario_fails_clearly(tmp_path):
    bad = tmp_path / "bad.v2g.json"
    bad.write_text('{"vehicle": 3}', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app", "--screenshot", str(tmp_path / "x.png"), "--scenario", str(bad)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 4 and "vehicle" in out.stderr
    assert not (tmp_path / "x.png").exists()


def test_warm_up_entry_point(tmp_path):
    """--warm-up fills the numba cache folder (install-time compile) and exits 0."""
    import os

    cache = tmp_path / "numba-cache"
    out = subprocess.run([sys.executable, "-m", "app", "--warm-up"], cwd=ROOT, capture_output=True, text=True,
                         timeout=600, env={**os.environ, "NUMBA_CACHE_DIR": str(cache)})
    assert out.returncode == 0, out.stderr
    assert "calculation engine ready" in out.stdout and str(cache) in out.stdout
    assert any(cache.rglob("*.nbi")), "no numba index files were written"


def test_installers_compile_at_install_time():
    nsi = (ROOT / "installer" / "windows" / "v2g-calculator.nsi").read_text(encoding="utf-8")
    assert "--warm-up" in nsi and "$(WarmUpText)" in nsi
    assert "--warm-up" in (ROOT / "build" / "setup.sh").read_text(encoding="utf-8")
