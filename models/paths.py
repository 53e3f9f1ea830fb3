"""Where shipped resources and per-user folders are (no Qt: platformdirs)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "V2GCalculator"


def env_switch(name: str, default: bool = True) -> bool:
    """An on/off environment setting such as ``V2G_THREADS``: ``0``/``false``/``no``/``off`` turn it off,
    ``1``/``true``/``yes``/``on`` on; unset or anything else gives ``default``."""
    value = os.environ.get(name, "").strip().lower()
    if value in ("0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    return default


def resources_dir() -> Path:
    """Folder holding ``presets/``, ``examples/``, ``fonts/``, ``icons/``, ``translations/``.

    Source checkout / editable install: ``<repo>/resources``.  Frozen app
    (PyInstaller): ``<sys._MEIPASS>/resources``.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def user_data_dir() -> Path:
    """Per-user data folder (user presets, autosave)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
