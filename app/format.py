"""Numbers and money for display, through QLocale (yen without decimals).

Japanese: large yen amounts in 万円 (the unit a dealer quotes), e.g. ``-37.3万円``;
English: ``-¥373,028``.  Other currencies: the ISO code with two decimals
(``-1,234.50 GBP``).
"""
from __future__ import annotations

from PySide6.QtCore import QLocale

SYMBOLS = {"JPY": "¥", "USD": "$", "GBP": "£", "EUR": "€"}


def _loc() -> QLocale:
    loc = QLocale()
    if loc.language() == QLocale.Language.C:  # no UI language installed (scripts, tests): English digits
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return loc


def number(value: float, decimals: int = 0) -> str:
    return _loc().toString(float(value), "f", decimals)


def money(value: float, currency: str, lang: str, *, compact: bool = True, per: str = "") -> str:
    """Money for a KPI card or a table cell; ``per`` is a unit suffix such as ``kWh``."""
    v = float(value)
    neg = v < 0
    a = abs(v)
    sign = "\u2212\u2060" if neg else ""  # minus + word joiner: never wrapped away from the number
    if currency == "JPY":
        if per:
            text = number(a, 1 if a < 100 else 0)
            return f"{sign}{text} 円/{per}" if lang == "ja" else f"{sign}¥{text}/{per}"
        if lang == "ja":
            if compact and a >= 10_000:
                return f"{sign}{number(a / 10_000, 1)}万円"
            return f"{sign}{number(a, 0)}円"
        return f"{sign}¥{number(a, 0)}"
    sym = SYMBOLS.get(currency)
    text = number(a, 2 if (per or a < 1000) else 0)
    core = f"{sym}{text}" if sym else f"{text} {currency}"
    return f"{sign}{core}" + (f"/{per}" if per else "")


def axis_money(value: float, currency: str, lang: str, spacing: float | None = None) -> str:
    """Short money for axis ticks (``spacing``: distance between ticks, for a common number of decimals)."""
    v = float(value)
    if abs(v) < 1e-9:
        return "0"
    if currency == "JPY" and lang == "ja":
        step = abs(spacing) if spacing else abs(v)
        return f"{number(v / 10_000, 0 if step >= 10_000 or v == 0 else 1)}万"
    a = abs(v)
    if a >= 1e6:
        return f"{number(v / 1e6, 1)}M"
    if a >= 1e4:
        return f"{number(v / 1e3, 0)}k"
    return number(v, 0)


def money_unit_label(currency: str, lang: str) -> str:
    """Axis unit for :func:`axis_money` values."""
    if currency == "JPY" and lang == "ja":
        return "万円"
    return SYMBOLS.get(currency, currency)


def percent(fraction: float, decimals: int = 1) -> str:
    return f"{number(100.0 * float(fraction), decimals)} %"


def years(value: float, lang: str) -> str:
    return f"{number(value, 1)} 年" if lang == "ja" else f"{number(value, 1)} years"
