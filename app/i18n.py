"""Qt Linguist translations: English source strings, Japanese ``app_ja.qm``.

``resources/translations/app_ja.ts`` is the source; ``build/translations.py``
compiles it to ``app_ja.qm`` with ``pyside6-lrelease``.  Qt's own strings
(standard buttons) come from ``qtbase_<lang>.qm`` shipped with PySide6.
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from models.paths import resources_dir

_installed: list[QTranslator] = []


def install(app, lang: str) -> bool:
    """Install translators for ``lang``; returns True when the app catalogue was found."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English,
                               QLocale.Country.Japan if lang == "ja" else QLocale.Country.UnitedStates))
    if lang == "en":
        return True
    found = False
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    app_tr = QTranslator(app)
    if app_tr.load(f"app_{lang}", str(resources_dir() / "translations")):
        app.installTranslator(app_tr)
        _installed.append(app_tr)
        found = True
    return found
