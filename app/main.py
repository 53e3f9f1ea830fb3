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
    return p.parse_args(argv)


def self_test() -> int:
    """Import everything and simulate the demo; return 0 on success."""
    lines = []
    try:
        import models
        from models import scenario as sc

        result = models.simulate(sc.demo())
        lines.append(f"simulate(demo): status={result.status}")
        from app import cli  # noqa: F401

        lines.append("ok")
        print("\n".join(lines))
        return 0
    except Exception as exc:  # report, never crash
        print("\n".join(lines + [f"self-test failed: {type(exc).__name__}: {exc}"]), file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return self_test()
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.fonts import load_fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("V2G Calculator")
    app.setOrganizationName("V2GCalculator")
    load_fonts(app)
    lang = args.lang or "en"
    i18n.install(app, lang)

    from app.main_window import MainWindow

    scenario_path = args.scenario or args.scenario_pos
    window = MainWindow(lang=lang)
    if scenario_path:
        window.open_path(scenario_path)
    else:
        window.load_demo()
    if args.tab:
        window.show_tab(args.tab)
    if args.screenshot:
        window.resize(1280, 800)
        window.show()
        for _ in range(5):
            app.processEvents()
        ok = window.grab().save(args.screenshot)
        if not ok:
            print(f"{args.screenshot}: could not write the image", file=sys.stderr)
            return 2
        print(args.screenshot)
        return 0
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
