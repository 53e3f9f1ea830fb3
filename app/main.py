"""Entry point of the desktop app (``python -m app``, ``v2g-calculator``).

    python -m app [SCENARIO] [--scenario FILE] [--lang en|ja]
    python -m app --screenshot PATH [--lang en|ja] [--scenario FILE] [--tab NAME]
    python -m app --self-test

``--screenshot`` renders the main window offscreen (1280 x 800) to PATH and
exits; ``--self-test`` imports everything, simulates the demo and exits 0 on
success (used on the frozen app as well).
"""
from __future__ import annotations

import argparse
import os
import sys

TAB_NAMES = ("health", "cashflow", "yearly", "day", "cycles", "compare")


def parse_args(argv):
    p = argparse.ArgumentParser(prog="v2g-calculator", description="V2G Calculator")
    p.add_argument("scenario_pos", nargs="?", metavar="SCENARIO", help="scenario file to open")
    p.add_argument("--scenario", help="scenario file to open")
    p.add_argument("--lang", choices=("en", "ja"), default=None, help="user-interface language")
    p.add_argument("--screenshot", metavar="PATH", help="render the window to PATH offscreen and exit")
    p.add_argument("--tab", choices=TAB_NAMES, default=None, help="chart tab shown in the screenshot")
    p.add_argument("--self-test", action="store_true", help="check the installation and exit")
    p.add_argument("--warm-up", action="store_true",
                   help="compile the calculation engine into the user cache and exit (run at install time)")
    return p.parse_args(argv)


def self_test() -> int:
    """Full installation check (imports, numba kernels, demo, Excel report); see :mod:`app.selftest`."""
    from app import selftest

    return selftest.run()


def warm_up() -> int:
    """Fill the numba cache so that the first start of the window is fast; 0 on success."""
    try:
        import models
        from models import _jit

        seconds = models.warm_up()
    except Exception as exc:  # report, never crash
        print(f"warm-up failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    where = _jit.CACHE_DIR if _jit.CACHE else "no cache (folder not writable)"
    print(f"calculation engine ready in {seconds:.1f} s ({where})")
    return 0


def _default_lang(settings) -> str:
    lang = settings.get("ui/language")
    if lang in ("en", "ja"):
        return lang
    from PySide6.QtCore import QLocale

    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return self_test()
    if args.warm_up:
        return warm_up()
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The engine process starts first: its imports and kernel loads then run on the second core
    # while this process builds the window (app.engine).
    from app import engine

    if engine.enabled():
        engine.shared()  # None (logged) when no process can be started: then computed in this one

    from PySide6.QtWidgets import QApplication

    from app import errors, i18n
    from app.fonts import load_fonts
    from app.settings import APPLICATION, ORGANIZATION, Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    load_fonts(app)
    settings = Settings()
    lang = args.lang or _default_lang(settings)
    i18n.install(app, lang)

    from app.dialogs import Dialogs, ScriptedDialogs
    from app.worker import SimulationRunner

    screenshot = bool(args.screenshot)
    scenario_path = args.scenario or args.scenario_pos
    if screenshot and scenario_path:  # a screenshot of the demo instead of the asked-for file would mislead
        from models import scenario as sc

        try:
            sc.load(scenario_path)
        except sc.ScenarioError as err:
            print("\n".join(err.messages(lang)), file=sys.stderr)
            return 4
    # Start the first computation before the window is built (imports, numba cache load and the
    # simulation then overlap with building the widgets); the window adopts the running request.
    runner = SimulationRunner(debounce_ms=settings.get("compute/debounce_ms"))
    first = _first_scenario(scenario_path, offer_recovery=not screenshot, lang=lang)
    if first is not None:
        runner.request("main", first[0], delay_ms=0)

    from app.main_window import MainWindow

    dialogs = ScriptedDialogs() if screenshot else Dialogs()
    errors.install(dialogs)
    window = MainWindow(lang=lang, settings=settings, dialogs=dialogs, runner=runner, autosave=not screenshot)
    errors.set_parent(window)
    window.warm_up_after_first_result = not screenshot
    window.build_tabs_after_result = not screenshot
    _set_icon(app, window)
    if first is not None:
        window.set_scenario(first[0], first[1], request=False)
        window._restore_variants(first[2])
        if first[1]:
            window._remember_file(first[1])
    elif scenario_path:
        window.open_path(scenario_path, ask=False)  # shows the file's problems, falls back to the demo
    elif not window.check_recovery():
        window.load_demo()
    if args.tab:
        window.show_tab(args.tab)
    if screenshot:
        return _screenshot(app, window, args.screenshot)
    geometry = settings.get("window/geometry")
    if geometry:
        from PySide6.QtCore import QByteArray

        window.restoreGeometry(QByteArray(geometry))
    else:
        window.resize(1280, 800)
    window.show()
    return app.exec()


def _first_scenario(path, offer_recovery: bool, lang: str = "en"):
    """(scenario, path, compared variants) to compute at once, or None when the window must decide
    (a bad file or a broken comparison in it, recovery)."""
    from models import scenario as sc

    if path:
        try:
            scenario, variants, problems = sc.load_with_comparison(path)
        except Exception:
            return None
        return None if problems else (scenario, str(path), variants)
    if offer_recovery:
        from app.settings import autosave_dir

        if (autosave_dir() / "autosave.json").exists():
            return None
    return sc.demo(lang), None, []


def _set_icon(app, window) -> None:
    from PySide6.QtGui import QIcon

    from models.paths import resources_dir

    icon_path = resources_dir() / "icons" / "v2g-calculator-256.png"
    if icon_path.exists():
        icon = QIcon(str(icon_path))
        app.setWindowIcon(icon)
        window.setWindowIcon(icon)


def _screenshot(app, window, path: str) -> int:
    """Render the window offscreen once real results are shown, save it to ``path``."""
    window.resize(1280, 800)
    window.show()
    if not window.wait_for_result(180000):
        print("no result within 180 s; the screenshot would not show computed figures", file=sys.stderr)
        return 3
    if window.current_tab() == "compare" and not window.variants:
        window.quick_compare()
        window.wait_for_result(180000)
    for _ in range(10):
        app.processEvents()
    ok = window.grab().save(path)
    if not ok:
        print(f"{path}: could not write the image", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
