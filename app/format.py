"""Numbers and money for display, through QLocale (yen without decimals).

Japanese: large yen amounts in 万円 (the unit a dealer quotes), e.g. ``−37.3万円``;
English: ``−¥373,028`` (negative amounts with the real minus sign U+2212).  Axis ticks are plain
numbers in the unit named by the axis label (:func:`money_unit_label`).  Other currencies: the ISO code with two decimals
(``-1,234.50 GBP``).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QLocale

from models.messages import CURRENCY_SYMBOLS as SYMBOLS  # one table for models and app


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


MINUS = "\u2212"  # the real minus sign, as on the KPI cards (never a hyphen)


def signed(value: float, decimals: int = 0) -> str:
    """A plain number with the real minus sign U+2212 (read-outs: ``−1.9``)."""
    v = float(value)
    text = number(abs(v), decimals)
    # "-0.0" after rounding is shown as 0, never with a sign
    return f"{MINUS}{text}" if v < 0 and text.strip("0.,") else text


def axis_money(value: float, currency: str, lang: str, spacing: float | None = None,
               magnitude: float | None = None) -> str:
    """Short money for axis ticks, in the unit of :func:`money_unit_label` (shown in the axis label).

    Japanese yen: plain numbers in 万円 (``−35``, ``2.5``) under a label that says (万円), so the tick
    never repeats the unit; otherwise ``−120k`` / ``1.2M`` under (¥), (£) ….  ``spacing`` (distance
    between ticks) gives all ticks of an axis the same number of decimals; ``magnitude`` (the largest
    absolute value the axis shows) picks one k/M unit for all its tick levels (pyqtgraph asks for the
    major and the minor ticks separately, with different spacings).
    """
    v = float(value)
    step = abs(spacing) if spacing else abs(v)
    if abs(v) < 1e-9 * max(step, 1.0):
        return "0"
    if currency == "JPY" and lang == "ja":
        unit = 10_000.0
    elif magnitude:  # one unit for the whole axis, from the largest value it shows
        m = abs(magnitude)
        unit = 1e6 if m >= 1e6 else 1e3 if m >= 1e4 else 1.0
    elif spacing:  # otherwise from the distance between ticks
        unit = 1e6 if step >= 1e5 else 1e3 if step >= 1e3 else 1.0
    else:
        unit = 1e6 if abs(v) >= 1e6 else 1e3 if abs(v) >= 1e4 else 1.0
    suffix = "" if unit == 10_000.0 else {1e6: "M", 1e3: "k", 1.0: ""}[unit]
    scaled_step = step / unit
    decimals = 0 if scaled_step >= 1 or scaled_step <= 0 else min(3, int(math.ceil(-math.log10(scaled_step) - 1e-9)))
    text = signed(v / unit, decimals)
    return "0" if not text.strip("0.,") else text + suffix


def money_unit_label(currency: str, lang: str) -> str:
    """Axis unit for :func:`axis_money` values: (万円) in Japanese, otherwise the currency symbol."""
    if currency == "JPY" and lang == "ja":
        return "万円"
    return SYMBOLS.get(currency, currency)


def price_unit_label(currency: str, lang: str) -> str:
    """Unit of a per-kWh price axis: 円 in Japanese, otherwise the currency symbol (``円/kWh``, ``¥/kWh``)."""
    if currency == "JPY" and lang == "ja":
        return "円"
    return SYMBOLS.get(currency, currency)


def percent(fraction: float, decimals: int = 1) -> str:
    return f"{number(100.0 * float(fraction), decimals)} %"


def years(value: float, lang: str) -> str:
    return f"{number(value, 1)} 年" if lang == "ja" else f"{number(value, 1)} years"
