"""Load the bundled Japanese font (Noto Sans CJK JP subset, OFL) at start-up.

Shipping the font makes Japanese render identically on every OS and in CI
(../shared/research/feasibility.md §2b).
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

from PySide6.QtGui import QFont, QFontDatabase

from models.paths import resources_dir

APP_FONT_FAMILY = "Noto Sans CJK JP"
_loaded: list[str] = []


def load_fonts(app=None, point_size: float | None = None) -> list[str]:
    """Register every font in ``resources/fonts`` and make the CJK family the app font."""
    if not _loaded:
        for path in sorted((resources_dir() / "fonts").glob("*.[ot]tf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    if app is not None and APP_FONT_FAMILY in _loaded:
        font = QFont(APP_FONT_FAMILY)
        font.setPointSizeF(point_size or max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    return list(dict.fromkeys(_loaded))
