"""Unexpected errors: logged to a file, shown as a friendly dialog, never as a raw traceback.

:func:`install` sets ``sys.excepthook`` (exceptions escaping Qt slots land
there) and ``threading.excepthook``.  The log is
``models.paths.user_log_dir()/v2g-calculator.log`` (rotated at 1 MB).
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path

from models.paths import user_log_dir

log = logging.getLogger("v2g")
_state = {"log_path": None, "showing": False, "dialogs": None, "parent": None}


def log_path() -> Path:
    return Path(_state["log_path"] or (user_log_dir() / "v2g-calculator.log"))


def setup_logging() -> Path:
    """Log INFO and above to the user log file (idempotent)."""
    path = log_path()
    if _state["log_path"] is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                           encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            log.addHandler(handler)
        except OSError:  # read-only profile: log to stderr only
            log.addHandler(logging.StreamHandler())
        log.setLevel(logging.INFO)
        _state["log_path"] = str(path)
    return path


def report(exc_type, exc, tb, where: str = "") -> None:
    """Log one exception and show it in the error dialog (not re-entrant)."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error%s\n%s", f" in {where}" if where else "", details)
    if _state["showing"]:
        return
    dialogs = _state["dialogs"]
    if dialogs is None:
        print(details, file=sys.stderr)
        return
    _state["showing"] = True
    try:
        _rescue(_state["parent"])   # the dialog says the scenario is autosaved: make it true now
        summary = f"{exc_type.__name__}: {exc}"[:300]
        dialogs.unexpected_error(_state["parent"], summary, details, str(log_path()))
    finally:
        _state["showing"] = False


def _rescue(window) -> None:
    """Write the window's autosave (``write_autosave``, if it has one) before the error dialog;
    a failure here is logged, never raised from the error path."""
    save = getattr(window, "write_autosave", None)
    if callable(save):
        try:
            save()
        except Exception:
            log.exception("autosave after the unexpected error failed")


def _excepthook(exc_type, exc, tb):
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def _thread_hook(args):
    log.error("unexpected error in thread %s\n%s", getattr(args.thread, "name", "?"),
              "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))


def install(dialogs, parent=None) -> None:
    """Route unexpected exceptions to ``dialogs.unexpected_error`` and the log file."""
    setup_logging()
    _state["dialogs"] = dialogs
    _state["parent"] = parent
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook


def set_parent(parent) -> None:
    _state["parent"] = parent
