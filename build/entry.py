"""Entry script of the frozen app (PyInstaller, see build/app.spec).

The frozen executable accepts exactly the flags of ``python -m app``
(``--self-test``, ``--screenshot``, ``--lang``, a scenario path, ...) because it
calls :func:`app.main.main` with the same ``sys.argv``.  ``--self-test`` runs
:func:`app.selftest.run` (imports, numba kernels, demo simulation, Excel
report), which also writes its report to a log file because a windowed Windows
build has no console.
"""
import multiprocessing
import os
import sys


def _console_streams() -> None:
    """A windowed Windows/macOS build may start without stdout/stderr: give them a sink."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def main() -> int:
    _console_streams()               # also for the engine process (app.engine), which may print a warning
    multiprocessing.freeze_support()  # the engine process starts here and never returns
    argv = sys.argv[1:]
    if argv == ["--self-test"]:
        # Same behaviour as ``python -m app --self-test`` once app.main delegates to
        # app.selftest; calling it directly keeps the frozen check complete either way.
        from app import selftest

        return selftest.run()
    from app.main import main as app_main

    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
