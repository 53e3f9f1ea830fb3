"""Which scenario fields the input panel shows, in which section, with which label and unit.

Help text, range and choices come from the scenario metadata
(:func:`models.scenario.field_info`); this module adds only what a form
needs on top: a short translated label, the section, percent display for
fractions and readable names for choices.
"""
from __future__ import annotations

import functools
import math
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app import format as fmt
from models import scenario as sc


def _t(ctx_text: str) -> str:  # runtime lookup of a string marked below with QT_TRANSLATE_NOOP
    return QCoreApplication.translate("Fields", ctx_text)


#: section id -> (title, preset kinds, field paths)
SECTIONS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "vehicle": (QT_TRANSLATE_NOOP("Fields", "Vehicle & battery"), ("vehicles",), (
        "vehicle.capacity_kwh", "vehicle.initial_soh", "vehicle.eol_soh", "vehicle.warranty_years",
        "vehicle.warranty_km", "vehicle.warranty_soh", "vehicle.pack_replacement_cost", "vehicle.cell_model",
        "vehicle.pack_factor", "vehicle.cycle_life", "vehicle.cycle_life_dod", "ageing.uncertainty_sigma")),
    "driving": (QT_TRANSLATE_NOOP("Fields", "Driving"), (), (
        "driving.weekday_km", "driving.weekend_km", "driving.weekday_departure", "driving.weekday_return",
        "driving.weekend_departure", "driving.weekend_return", "driving.kwh_per_km",
        "driving.monthly_consumption_factor", "driving.monthly_distance_factor", "charging.strategy",
        "charging.target_soc")),
    "home": (QT_TRANSLATE_NOOP("Fields", "Home & solar"), ("load_profiles", "pv_profiles", "climates"), (
        "home.annual_load_kwh", "home.pv_kwp")),
    "participation": (QT_TRANSLATE_NOOP("Fields", "V2G/V2H participation"), (), (
        "participation.mode", "participation.days", "participation.windows", "participation.power_kw",
        "participation.reserve_soc", "participation.departure_soc_min",
        "participation.max_discharge_kwh_per_day", "participation.only_when_profitable",
        "participation.min_margin_per_kwh")),
    "tariff": (QT_TRANSLATE_NOOP("Fields", "Tariff"), ("tariffs",), (
        "tariff.import_periods", "tariff.export_periods", "tariff.add_on_per_kwh", "tariff.export_price_per_kwh", "tariff.v2g_payment_per_kwh",
        "tariff.availability_per_kw_year", "tariff.availability_per_kw_hour", "tariff.event_payment_per_kwh",
        "tariff.event_hours_per_year", "tariff.event_window", "tariff.event_months", "tariff.fixed_payment_per_year",
        "tariff.ev_charging_free", "tariff.escalation_import", "tariff.escalation_export")),
    "charger": (QT_TRANSLATE_NOOP("Fields", "Charger & finance"), ("chargers", "subsidies"), (
        "charger.price", "charger.installation", "charger.subsidy", "charger.charge_kw", "charger.discharge_kw",
        "charger.charge_efficiency", "charger.discharge_efficiency", "charger.standby_w",
        "charger.lifetime_years", "charger.om_per_year", "charger.plain_charger_price",
        "charger.incremental_cost", "finance.discount_rate", "finance.wear_method", "horizon_years",
        "start_date", "step_minutes", "currency", "country")),
}

LABELS = {
    "name": QT_TRANSLATE_NOOP("Fields", "Scenario name"),
    "vehicle.capacity_kwh": QT_TRANSLATE_NOOP("Fields", "Usable battery capacity"),
    "vehicle.initial_soh": QT_TRANSLATE_NOOP("Fields", "Battery health today"),
    "vehicle.eol_soh": QT_TRANSLATE_NOOP("Fields", "Worn-out at health"),
    "vehicle.warranty_years": QT_TRANSLATE_NOOP("Fields", "Battery warranty"),
    "vehicle.warranty_km": QT_TRANSLATE_NOOP("Fields", "Warranty distance"),
    "vehicle.warranty_soh": QT_TRANSLATE_NOOP("Fields", "Guaranteed health"),
    "vehicle.pack_replacement_cost": QT_TRANSLATE_NOOP("Fields", "Replacement pack cost"),
    "vehicle.cell_model": QT_TRANSLATE_NOOP("Fields", "Cell ageing model"),
    "vehicle.pack_factor": QT_TRANSLATE_NOOP("Fields", "Pack ageing factor"),
    "vehicle.cycle_life": QT_TRANSLATE_NOOP("Fields", "Rated cycle life"),
    "vehicle.cycle_life_dod": QT_TRANSLATE_NOOP("Fields", "Cycle-life depth"),
    "ageing.uncertainty_sigma": QT_TRANSLATE_NOOP("Fields", "Ageing uncertainty (1σ)"),
    "driving.weekday_km": QT_TRANSLATE_NOOP("Fields", "Weekday distance"),
    "driving.weekend_km": QT_TRANSLATE_NOOP("Fields", "Weekend distance"),
    "driving.weekday_departure": QT_TRANSLATE_NOOP("Fields", "Weekday departure"),
    "driving.weekday_return": QT_TRANSLATE_NOOP("Fields", "Weekday return"),
    "driving.weekend_departure": QT_TRANSLATE_NOOP("Fields", "Weekend departure"),
    "driving.weekend_return": QT_TRANSLATE_NOOP("Fields", "Weekend return"),
    "driving.kwh_per_km": QT_TRANSLATE_NOOP("Fields", "Energy use"),
    "charging.strategy": QT_TRANSLATE_NOOP("Fields", "Charging strategy"),
    "charging.target_soc": QT_TRANSLATE_NOOP("Fields", "Charge up to"),
    "home.annual_load_kwh": QT_TRANSLATE_NOOP("Fields", "Household use"),
    "home.pv_kwp": QT_TRANSLATE_NOOP("Fields", "Solar PV size"),
    "participation.mode": QT_TRANSLATE_NOOP("Fields", "Discharge mode"),
    "participation.days": QT_TRANSLATE_NOOP("Fields", "Discharge days"),
    "participation.windows": QT_TRANSLATE_NOOP("Fields", "Discharge hours"),
    "driving.monthly_consumption_factor": QT_TRANSLATE_NOOP("Fields", "Energy-use factor, Jan to Dec"),
    "driving.monthly_distance_factor": QT_TRANSLATE_NOOP("Fields", "Distance factor, Jan to Dec"),
    "tariff.event_months": QT_TRANSLATE_NOOP("Fields", "Event months"),
    "step_minutes": QT_TRANSLATE_NOOP("Fields", "Time step"),
    "currency": QT_TRANSLATE_NOOP("Fields", "Currency"),
    "country": QT_TRANSLATE_NOOP("Fields", "Public holidays of"),
    "participation.power_kw": QT_TRANSLATE_NOOP("Fields", "Discharge power"),
    "participation.reserve_soc": QT_TRANSLATE_NOOP("Fields", "Backup reserve"),
    "participation.departure_soc_min": QT_TRANSLATE_NOOP("Fields", "Charge at departure"),
    "participation.max_discharge_kwh_per_day": QT_TRANSLATE_NOOP("Fields", "Daily discharge cap"),
    "participation.only_when_profitable": QT_TRANSLATE_NOOP("Fields", "Discharge only when it pays"),
    "participation.min_margin_per_kwh": QT_TRANSLATE_NOOP("Fields", "Minimum margin per kWh"),
    "tariff.import_periods": QT_TRANSLATE_NOOP("Fields", "Import prices by time of day"),
    "tariff.export_periods": QT_TRANSLATE_NOOP("Fields", "Export prices by time of day (empty = flat price)"),
    "tariff.add_on_per_kwh": QT_TRANSLATE_NOOP("Fields", "Levies per kWh bought"),
    "tariff.price_series": QT_TRANSLATE_NOOP("Fields", "Market-linked price series"),
    "tariff.export_price_per_kwh": QT_TRANSLATE_NOOP("Fields", "Export price"),
    "tariff.v2g_payment_per_kwh": QT_TRANSLATE_NOOP("Fields", "V2G payment per kWh"),
    "tariff.availability_per_kw_year": QT_TRANSLATE_NOOP("Fields", "Availability per kW-year"),
    "tariff.availability_per_kw_hour": QT_TRANSLATE_NOOP("Fields", "Availability per kW-hour"),
    "tariff.event_payment_per_kwh": QT_TRANSLATE_NOOP("Fields", "Event payment"),
    "tariff.event_hours_per_year": QT_TRANSLATE_NOOP("Fields", "Event hours"),
    "tariff.event_window": QT_TRANSLATE_NOOP("Fields", "Event hours of day"),
    "tariff.fixed_payment_per_year": QT_TRANSLATE_NOOP("Fields", "Fixed credit"),
    "tariff.ev_charging_free": QT_TRANSLATE_NOOP("Fields", "Free car charging"),
    "tariff.escalation_import": QT_TRANSLATE_NOOP("Fields", "Import price trend"),
    "tariff.escalation_export": QT_TRANSLATE_NOOP("Fields", "Export price trend"),
    "charger.price": QT_TRANSLATE_NOOP("Fields", "Charger price"),
    "charger.installation": QT_TRANSLATE_NOOP("Fields", "Installation"),
    "charger.subsidy": QT_TRANSLATE_NOOP("Fields", "Subsidy"),
    "charger.charge_kw": QT_TRANSLATE_NOOP("Fields", "Charging power"),
    "charger.discharge_kw": QT_TRANSLATE_NOOP("Fields", "Discharging power"),
    "charger.charge_efficiency": QT_TRANSLATE_NOOP("Fields", "Charging efficiency"),
    "charger.discharge_efficiency": QT_TRANSLATE_NOOP("Fields", "Discharging efficiency"),
    "charger.standby_w": QT_TRANSLATE_NOOP("Fields", "Standby power"),
    "charger.lifetime_years": QT_TRANSLATE_NOOP("Fields", "Charger life"),
    "charger.om_per_year": QT_TRANSLATE_NOOP("Fields", "Maintenance"),
    "charger.plain_charger_price": QT_TRANSLATE_NOOP("Fields", "Ordinary charger price"),
    "charger.incremental_cost": QT_TRANSLATE_NOOP("Fields", "Count extra cost only"),
    "finance.discount_rate": QT_TRANSLATE_NOOP("Fields", "Discount rate"),
    "finance.wear_method": QT_TRANSLATE_NOOP("Fields", "Wear-cost method"),
    "horizon_years": QT_TRANSLATE_NOOP("Fields", "Years evaluated"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Start date"),
}

PRESET_TITLES = {
    "vehicles": QT_TRANSLATE_NOOP("Fields", "Vehicle"),
    "chargers": QT_TRANSLATE_NOOP("Fields", "Charger"),
    "subsidies": QT_TRANSLATE_NOOP("Fields", "Subsidy programme"),
    "tariffs": QT_TRANSLATE_NOOP("Fields", "Electricity plan"),
    "load_profiles": QT_TRANSLATE_NOOP("Fields", "Household type"),
    "pv_profiles": QT_TRANSLATE_NOOP("Fields", "Solar location"),
    "climates": QT_TRANSLATE_NOOP("Fields", "Climate"),
}

#: where a preset kind records the id it came from
PRESET_ID_PATHS = {
    "vehicles": "vehicle.preset_id", "chargers": "charger.preset_id", "subsidies": "charger.subsidy_preset_id",
    "tariffs": "tariff.preset_id", "load_profiles": "home.load_profile.preset_id",
    "pv_profiles": "home.pv_profile.preset_id", "climates": "home.climate.preset_id",
}

CHOICE_LABELS = {
    "tariff.import_periods.days": {"all": QT_TRANSLATE_NOOP("Fields", "every day"),
                                   "weekday": QT_TRANSLATE_NOOP("Fields", "weekdays"),
                                   "weekend_holiday": QT_TRANSLATE_NOOP("Fields", "weekends and holidays")},
    "participation.mode": {
        "none": QT_TRANSLATE_NOOP("Fields", "No discharging"),
        "v2h": QT_TRANSLATE_NOOP("Fields", "V2H: supply the home"),
        "v2g": QT_TRANSLATE_NOOP("Fields", "V2G: export to the grid"),
        "v2h+v2g": QT_TRANSLATE_NOOP("Fields", "V2H + V2G"),
    },
    "charging.strategy": {
        "immediate": QT_TRANSLATE_NOOP("Fields", "As soon as plugged in"),
        "cheapest": QT_TRANSLATE_NOOP("Fields", "Cheapest hours"),
        "solar_first": QT_TRANSLATE_NOOP("Fields", "Solar first, then cheapest"),
    },
    "finance.wear_method": {
        "marginal": QT_TRANSLATE_NOOP("Fields", "Extra ageing (marginal)"),
        "throughput": QT_TRANSLATE_NOOP("Fields", "Energy throughput"),
        "eol_shift": QT_TRANSLATE_NOOP("Fields", "Earlier replacement"),
    },
    "step_minutes": {5: QT_TRANSLATE_NOOP("Fields", "5 minutes"), 15: QT_TRANSLATE_NOOP("Fields", "15 minutes"),
                     30: QT_TRANSLATE_NOOP("Fields", "30 minutes"), 60: QT_TRANSLATE_NOOP("Fields", "1 hour")},
    "country": {"JP": QT_TRANSLATE_NOOP("Fields", "Japan"), "GB": QT_TRANSLATE_NOOP("Fields", "United Kingdom"),
                "US": QT_TRANSLATE_NOOP("Fields", "United States"), "NL": QT_TRANSLATE_NOOP("Fields", "Netherlands"),
                "DE": QT_TRANSLATE_NOOP("Fields", "Germany"), "FR": QT_TRANSLATE_NOOP("Fields", "France"),
                "none": QT_TRANSLATE_NOOP("Fields", "No public holidays")},
    "vehicle.cell_model": {
        "nmc111_gr_kokam75ah": "NMC111 (Kokam 75 Ah)",
        "nmc622_gr_denso50ah": "NMC622 (Denso 50 Ah)",
        "lfp_gr_250ah": "LFP (250 Ah)",
        "nca_gr_panasonic3ah": "NCA (Panasonic)",
        "lfp_gr_sony3ah": "LFP (Sony)",
    },
}

DAY_LABELS = {
    "mon": QT_TRANSLATE_NOOP("Fields", "Mon"), "tue": QT_TRANSLATE_NOOP("Fields", "Tue"),
    "wed": QT_TRANSLATE_NOOP("Fields", "Wed"), "thu": QT_TRANSLATE_NOOP("Fields", "Thu"),
    "fri": QT_TRANSLATE_NOOP("Fields", "Fri"), "sat": QT_TRANSLATE_NOOP("Fields", "Sat"),
    "sun": QT_TRANSLATE_NOOP("Fields", "Sun"),
}

UNITS = {
    "years": QT_TRANSLATE_NOOP("Fields", "years"),
    "cycles": QT_TRANSLATE_NOOP("Fields", "cycles"),
    "kWh/year": QT_TRANSLATE_NOOP("Fields", "kWh/year"),
    "kWh/day": QT_TRANSLATE_NOOP("Fields", "kWh/day"),
    "h/year": QT_TRANSLATE_NOOP("Fields", "h/year"),
}

#: fractions shown as percent (value x 100)
PERCENT = {
    "vehicle.initial_soh", "vehicle.eol_soh", "vehicle.warranty_soh", "vehicle.cycle_life_dod",
    "ageing.uncertainty_sigma", "charging.target_soc", "participation.reserve_soc",
    "participation.departure_soc_min", "charger.charge_efficiency", "charger.discharge_efficiency",
    "tariff.escalation_import", "tariff.escalation_export", "finance.discount_rate",
}


def label(path: str) -> str:
    return _t(LABELS.get(path, path))


def problem_messages(problems, lang: str) -> list[str]:
    """Validation problems for a dealer: each message starts with the field's label as the form shows
    it, the file's path after it in brackets ("Backup reserve (participation.reserve_soc): 2.0 is
    outside …"); problems of paths the form has no label for are shown as the engine words them."""
    out = []
    for p in problems:
        text = p.message(lang)
        base = re.sub(r"\[\d+\]", "", p.path)
        if base in LABELS and text.startswith(p.path + ":"):
            text = f"{label(base)} ({p.path}):{text[len(p.path) + 1:]}"
        out.append(text)
    return out


def section_title(section: str) -> str:
    return _t(SECTIONS[section][0])


def preset_title(kind: str) -> str:
    return _t(PRESET_TITLES[kind])


def choice_label(path: str, value) -> str:
    names = CHOICE_LABELS.get(path, {})
    return _t(names[value]) if value in names else str(value)


def day_label(day: str) -> str:
    return _t(DAY_LABELS[day])


@functools.lru_cache(maxsize=None)
def group_class(path: str):
    """Dataclass holding the field at ``path`` and the field name."""
    parts = path.split(".")
    cls = sc.Scenario
    from typing import get_type_hints

    for part in parts[:-1]:
        tp = get_type_hints(cls)[part]
        tp, _ = sc._unwrap_optional(tp)
        cls = tp
    return cls, parts[-1]


@functools.lru_cache(maxsize=None)
def info(path: str) -> sc.FieldInfo:
    cls, name = group_class(path)
    return sc.field_info(cls, name)


@functools.lru_cache(maxsize=None)
def field_type(path: str):
    from typing import get_type_hints

    cls, name = group_class(path)
    tp, _ = sc._unwrap_optional(get_type_hints(cls)[name])
    return tp


def unit_text(path: str, currency: str, lang: str) -> str:
    """Unit as shown next to the field, in the UI language."""
    if path in PERCENT:
        return "%/年" if lang == "ja" and info(path).unit == "1/year" else \
            "%/year" if info(path).unit == "1/year" else "%"
    unit = info(path).unit
    if path == "vehicle.pack_factor":
        return "×"
    cur = currency_unit(currency, lang)
    if unit.startswith("currency"):
        rest = unit[len("currency"):]
        if lang == "ja":
            rest = {"/year": "/年", "/kW-year": "/kW・年", "/kW-h": "/kW・時間"}.get(rest, rest)
        return cur + rest
    return _t(UNITS[unit]) if unit in UNITS else unit


def currency_unit(currency: str, lang: str) -> str:
    """Unit of a money field: 円 in Japanese for yen, else the currency sign (¥, £, $, €) or the ISO code
    (the same unit as the charts' price axes)."""
    return fmt.price_unit_label(currency, lang)


def get_value(data: dict, path: str):
    node = data
    for part in path.split("."):
        node = node[part]
    return node


def set_value(data: dict, path: str, value) -> None:
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value


def format_number(value, percent: bool = False, group: bool = False) -> str:
    """Locale-neutral text for an edit field; ``group`` adds thousands separators to whole numbers
    from 10,000 (``parse_number`` accepts them)."""
    if value is None or isinstance(value, bool):
        return ""
    v = float(value) * (100.0 if percent else 1.0)
    if not math.isfinite(v):
        return str(v)
    if abs(v - round(v)) < 1e-9 * max(1.0, abs(v)):
        n = int(round(v))
        return f"{n:,}" if group and abs(n) >= 10_000 else str(n)
    return f"{v:.6g}" if abs(v) >= 1e-4 else f"{v:.3g}"


#: list fields typed as comma-separated numbers
NUMBER_LISTS = ("driving.monthly_consumption_factor", "driving.monthly_distance_factor", "tariff.event_months")


def format_number_list(values) -> str:
    return ", ".join(format_number(v) for v in values)


def parse_number_list(text: str, integer: bool = False):
    """Numbers separated by commas (or Japanese 、); a part that is not a number is kept for the validator."""
    import re

    parts = [p for p in re.split(r"[,、，;]", text) if p.strip()]
    return [parse_number(p, integer=integer) for p in parts]


def parse_number(text: str, integer: bool = False, percent: bool = False):
    """Number typed by the user, or the raw text when it is not one (the validator then explains)."""
    raw = text.strip().replace(",", "").replace("\u3000", "").replace(" ", "")
    raw = raw.translate(str.maketrans("０１２３４５６７８９．－", "0123456789.-"))  # full-width (IME)
    try:
        v = float(raw)
    except ValueError:
        return text
    if not math.isfinite(v):
        return text
    if percent:
        v = round(v / 100.0, 12)
    if integer and v.is_integer():
        return int(v)
    return v


def display_range(path: str, currency: str, lang: str) -> str:
    """Allowed range in the units shown, e.g. ``5 – 250 kWh``, ``0 – 1,000,000,000 円``; "" without one."""
    fi = info(path)
    if fi.choices:
        return ""
    if fi.lo is None or fi.hi is None:
        return ""
    k = 100.0 if path in PERCENT else 1.0
    unit = unit_text(path, currency, lang)
    return f"{_range_number(fi.lo * k)} – {_range_number(fi.hi * k)} {unit}".strip()


def _range_number(v: float) -> str:
    """A range limit with thousands separators (1,000,000,000)."""
    if abs(v - round(v)) < 1e-9 * max(1.0, abs(v)):
        return f"{int(round(v)):,}"
    return format_number(v)
