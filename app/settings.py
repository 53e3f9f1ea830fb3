"""User settings: an INI file (QSettings) with every key declared once, typed, with a default.

The INI format is used on every OS (not the Windows registry), so a dealer's
settings are one readable file that support can ask for, back up or delete.
Reading a key that was never written returns its declared default; a value
of the wrong type in the file (hand-edited) also falls back to the default,
so a broken settings file never stops the app.

    s = Settings()
    s.get("branding/dealer_name")        # "" until set
    s.set("files/recent", ["a.v2g.json"])
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

from dataclasses import dataclass
from typing import Any

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "V2GCalculator"
APPLICATION = "V2G Calculator"
MAX_RECENT = 8


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    doc: str = ""


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("ui/language", str, "", "en or ja; empty = follow the system language"),
    Option("ui/presentation_scale", float, 1.35, "font scale factor in presentation mode"),
    Option("window/geometry", bytes, b"", "main window geometry (Qt saveGeometry)"),
    Option("window/state", bytes, b"", "main window state (Qt saveState)"),
    Option("files/recent", list, [], "recently opened or saved scenario files, newest first"),
    Option("files/last_dir", str, "", "folder of the last scenario opened or saved"),
    Option("report/folder", str, "", "folder of the last exported report"),
    Option("branding/dealer_name", str, "", "dealer name shown in the header and the report"),
    Option("branding/customer_name", str, "", "customer name shown in the header and the report"),
    Option("branding/logo_path", str, "", "dealer logo (PNG/JPEG) shown in the header and the report"),
    Option("compute/debounce_ms", int, 30, "pause after an edit before recomputing"),
    Option("autosave/interval_s", int, 20, "seconds between autosaves of unsaved changes"),
)}


def autosave_dir() -> Path:
    """Folder of the crash-recovery autosave (inside the per-user data folder)."""
    from models.paths import user_data_dir

    return user_data_dir() / "autosave"


class Settings:
    """Typed access to the app's QSettings (INI format, user scope)."""

    def __init__(self, path: str | None = None):
        if path:
            self._qs = QSettings(path, QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def get(self, key: str):
        opt = OPTIONS[key]
        raw = self._qs.value(key, None)
        if raw is None:
            return _copy(opt.default)
        try:
            return _coerce(opt, raw)
        except (TypeError, ValueError):
            return _copy(opt.default)

    def set(self, key: str, value) -> None:
        opt = OPTIONS[key]
        value = _coerce(opt, value)
        if opt.type is bytes:
            value = QByteArray(value)
        elif opt.type is list:
            value = list(value)
        self._qs.setValue(key, value)

    def reset(self, key: str) -> None:
        self._qs.remove(OPTIONS[key].key)

    def sync(self) -> None:
        self._qs.sync()

    # ------------------------------------------------------------ helpers
    def add_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get("files/recent") if p != path]
        recent.insert(0, path)
        del recent[MAX_RECENT:]
        self.set("files/recent", recent)
        return recent


def _copy(value):
    return list(value) if isinstance(value, list) else value


def _coerce(opt: Option, raw):
    t = opt.type
    if t is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        return bool(raw)
    if t is int:
        return int(raw)
    if t is float:
        return float(raw)
    if t is str:
        if not isinstance(raw, str):
            raise TypeError(f"{opt.key}: expected text")
        return raw
    if t is bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, (bytes, bytearray)):
            return bytes(raw)
        raise TypeError(f"{opt.key}: expected bytes")
    if t is list:
        if raw in ("", None):
            return []
        if isinstance(raw, str):  # QSettings stores a one-element list as a plain string
            return [raw]
        return [str(x) for x in raw]
    raise TypeError(f"{opt.key}: unsupported type {t}")
