"""Presets: vehicles, chargers, subsidies, tariffs, load and PV profiles, climates.

Shipped presets live in ``resources/presets/<kind>.json`` (written by
``build/make_presets.py`` from the research notes, ``climates.json`` included).
Every preset carries ``source``, ``as_of`` and ``confidence`` ("verified" =
every number read in a source; "uncertain" = contains example values the
dealer must confirm); the app shows them.  ``source`` is the customer-facing
citation (publisher, document, date); the dealer-facing caveats are in
``data["notes"]``.  Subsidies may carry their application period as
``valid_from`` / ``valid_until`` (ISO dates, "" = unknown); see :func:`expired`.

User presets live in ``<user data folder>/presets/<kind>.json`` and never
overwrite shipped ones: saving a user preset under a shipped id is refused.
A broken user file never stops the app: it is skipped and reported in
:func:`load_problems`.

Applying a preset copies its data **into** the scenario (with the preset id
and date), so a scenario file keeps its numbers when presets change.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as _dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from . import scenario as sc
from .messages import Note
from .paths import resources_dir, user_data_dir

KINDS = ("vehicles", "chargers", "subsidies", "tariffs", "load_profiles", "pv_profiles", "climates")
CONFIDENCES = ("verified", "uncertain")


class PresetError(ValueError):
    pass


@dataclass
class Preset:
    kind: str
    id: str
    name: str
    name_ja: str
    source: str
    as_of: str
    confidence: str
    data: dict
    origin: str = "shipped"  # or "user"
    currency: str | None = None
    country: str | None = None
    valid_until: str = ""  # last day applications are accepted (ISO date, subsidies); "" = not known

    def display_name(self, lang: str = "en") -> str:
        """The name in ``lang`` (Japanese when the preset has one)."""
        return self.name_ja if lang == "ja" and self.name_ja else self.name

    def label(self, lang: str = "en") -> str:
        name = self.display_name(lang)
        mark = "" if self.confidence == "verified" else (" (要確認)" if lang == "ja" else " (example values)")
        return f"{name} [{self.as_of}]{mark}"


_cache: dict[tuple, object] = {}   # ("shipped", kind): presets; ("user", kind): (file stamp, presets)
_problems: list[str] = []


def _parse(kind: str, entry: dict, origin: str) -> Preset:
    for key in ("id", "source", "as_of", "confidence"):
        if not isinstance(entry.get(key), str) or not entry.get(key):
            raise PresetError(f"{kind}: preset {entry.get('id', '?')!r} lacks '{key}'")
    if entry["confidence"] not in CONFIDENCES:
        raise PresetError(f"{kind}: preset {entry['id']!r}: confidence must be one of {CONFIDENCES}")
    valid_until = entry.get("valid_until") or ""
    if valid_until:
        try:
            _dt.date.fromisoformat(str(valid_until))
        except ValueError:
            raise PresetError(f"{kind}: preset {entry['id']!r}: valid_until must be an ISO date (YYYY-MM-DD), "
                              f"got {valid_until!r}") from None
    name = entry.get("name") or entry.get("name_en") or entry["id"]
    return Preset(kind=kind, id=entry["id"], name=name, name_ja=entry.get("name_ja", ""), source=entry["source"],
                  as_of=entry["as_of"], confidence=entry["confidence"], data=entry, origin=origin,
                  currency=entry.get("currency"), country=entry.get("country"),
                  valid_until=str(valid_until))


def _read(path: Path, kind: str, origin: str) -> list[Preset]:
    if not path.exists():
        return []
    try:
        raw = sc.read_json_file(path, max_bytes=20 * 1024 * 1024)
        entries = raw["presets"] if isinstance(raw, dict) else raw
        if not isinstance(entries, list):
            raise PresetError(f"{path}: expected a list of presets")
        return [_parse(kind, e, origin) for e in entries]
    except (sc.ScenarioError, PresetError, KeyError, TypeError) as exc:
        if origin == "shipped":
            raise
        _problems.append(f"{path}: skipped ({exc})")
        return []


SOURCES_JA_FILE = "preset_sources_ja.json"   # in resources/translations/
NOTES_JA_FILE = "preset_notes_ja.json"       # in resources/translations/


@functools.lru_cache(maxsize=2)
def _table_ja(filename: str) -> dict[str, str]:
    """An English -> Japanese text table from ``resources/translations`` (empty when unreadable)."""
    try:
        with open(resources_dir() / "translations" / filename, encoding="utf-8") as fh:
            table = json.load(fh)
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in table.items()} if isinstance(table, dict) else {}


def source_text(source: str, lang: str = "en") -> str:
    """A shipped preset's source citation in the UI language.

    The presets carry their ``source`` in English (the scenario sections that copy it as well);
    ``resources/translations/preset_sources_ja.json`` maps each shipped source to Japanese
    (``tests/test_presets.py`` checks that every shipped source has an entry).  A source the
    user typed or edited is shown as it is.
    """
    if lang != "ja" or not source:
        return source
    return _table_ja(SOURCES_JA_FILE).get(source, source)


def notes_text(notes: str, lang: str = "en") -> str:
    """A shipped preset's notes for the dealer (what is estimated, what to confirm) in the UI language,
    from ``resources/translations/preset_notes_ja.json``; notes of the user's own presets as written."""
    if lang != "ja" or not notes:
        return notes
    return _table_ja(NOTES_JA_FILE).get(notes, notes)


def expired(preset: Preset, on_date: str) -> bool:
    """True when ``preset`` has a ``valid_until`` date and ``on_date`` (ISO date, or the date part of an ISO
    date-time) is after it; False when no end date is known."""
    until = (getattr(preset, "valid_until", "") or "").strip()
    if not until:
        return False
    day = str(on_date).strip()[:10]
    try:
        return _dt.date.fromisoformat(day) > _dt.date.fromisoformat(until)
    except ValueError as exc:
        raise PresetError(f"expired(): not an ISO date ({exc})") from None


def user_presets_dir() -> Path:
    return user_data_dir() / "presets"


def shipped(kind: str) -> list[Preset]:
    _check_kind(kind)
    key = ("shipped", kind)
    if key not in _cache:
        _cache[key] = _read(resources_dir() / "presets" / f"{kind}.json", kind, "shipped")
    return list(_cache[key])


def user(kind: str) -> list[Preset]:
    """The user's presets of ``kind``, read again only when the file changed (size or time)."""
    _check_kind(kind)
    path = user_presets_dir() / f"{kind}.json"
    try:
        st = path.stat()
        stamp = (str(path), st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (str(path), None, None)
    key = ("user", kind)
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return list(hit[1])
    got = _read(path, kind, "user")
    _cache[key] = (stamp, got)
    return list(got)


def all_presets(kind: str) -> list[Preset]:
    """Shipped presets first, then the user's (a user preset never shadows a shipped id)."""
    ship = shipped(kind)
    ids = {p.id for p in ship}
    return ship + [p for p in user(kind) if p.id not in ids]


def get(kind: str, preset_id: str) -> Preset:
    for p in all_presets(kind):
        if p.id == preset_id:
            return p
    raise PresetError(f"no {kind} preset with id {preset_id!r}")


def load_problems() -> list[str]:
    """User preset files that were skipped (plain strings for the GUI's status line)."""
    return list(_problems)


def save_user_preset(kind: str, entry: dict) -> Path:
    """Add or replace one user preset atomically; refuses shipped ids."""
    _check_kind(kind)
    preset = _parse(kind, entry, "user")
    if preset.id in {p.id for p in shipped(kind)}:
        raise PresetError(f"{preset.id!r} is a shipped preset id; choose another id for your own preset")
    folder = user_presets_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}.json"
    existing = [p.data for p in user(kind) if p.id != preset.id]
    sc.atomic_write_text(path, json.dumps({"schema": 1, "presets": existing + [entry]}, ensure_ascii=False,
                                          indent=1) + "\n")
    _cache.pop(("user", kind), None)   # read again even if the file system's clock is coarse
    return path


def _check_kind(kind: str):
    if kind not in KINDS:
        raise PresetError(f"unknown preset kind {kind!r}; one of {KINDS}")


# ---------------------------------------------------------------------------
# applying presets to a scenario
# ---------------------------------------------------------------------------
def subsidy_amount(rule: dict, price: float, installation: float, national: float = 0.0) -> float:
    """Subsidy from a rule: ``min(share x equipment, cap) + min(share x works, cap)``, or a combined rule."""
    if "combined_share" in rule:
        amount = rule["combined_share"] * (price + installation) - (national if rule.get("minus_national") else 0.0)
        return max(0.0, min(amount, rule["combined_cap"]))
    return min(rule["equipment_share"] * price, rule["equipment_cap"]) + \
        min(rule["works_share"] * installation, rule["works_cap"])


def rule_subsidy(sub: Preset, price: float, installation: float) -> float:
    """The amount a subsidy preset's rule gives for this price and installation (to the yen/cent).

    A top-up that stacks on a national programme (``rule["stacks_on"]``, e.g. Tokyo's V2H subsidy,
    "1/2 of the cost minus the national subsidy") gives the national amount plus the top-up, so
    choosing it never drops the national part.
    """
    parts = subsidy_parts(sub)
    amount = subsidy_amount(parts[-1].data["rule"], price, installation)   # the programme at the bottom
    for top in reversed(parts[:-1]):   # each top-up on what the programmes below it pay
        amount += subsidy_amount(top.data["rule"], price, installation, national=amount)
    return round(amount, 2)


#: at most this many programmes stacked on each other (a ward on a prefecture on the nation)
MAX_STACKED_SUBSIDIES = 4


def subsidy_parts(sub: Preset) -> list[Preset]:
    """``sub`` and the programmes it stacks on (``rule["stacks_on"]``), top first: ``[tokyo, cev]``;
    ``[sub]`` for any preset without such a rule (every kind but a stacking subsidy).

    The chain ends at a programme that stacks on nothing, an unknown one, one already in the chain
    (user presets naming each other: no endless loop) or after :data:`MAX_STACKED_SUBSIDIES`."""
    parts = [sub]
    while len(parts) < MAX_STACKED_SUBSIDIES:
        base = (parts[-1].data.get("rule") or {}).get("stacks_on")
        if not base or any(p.id == base for p in parts):
            break
        try:
            parts.append(get("subsidies", base))
        except PresetError:   # a user preset naming an unknown programme: the ones found so far
            break
    return parts


def apply(s: sc.Scenario, kind: str, preset: Preset | str) -> tuple[sc.Scenario, list[str]]:
    """Return a new scenario with ``preset`` applied, and plain-text warnings."""
    d = sc.to_dict(s)
    warnings = _apply_to_dict(d, kind, preset)
    return sc.from_dict(d), warnings


def _apply_to_dict(d: dict, kind: str, preset: Preset | str) -> list[str]:
    """:func:`apply` on a scenario dict, in place and not validated; returns the warnings."""
    p = get(kind, preset) if isinstance(preset, str) else preset
    warnings: list[str] = []
    currency = d.get("currency")
    if p.currency and p.currency != currency and kind in ("vehicles", "chargers", "subsidies", "tariffs"):
        # vehicles and chargers are applied without their amounts; a tariff or subsidy is nothing but amounts
        code = "preset_currency" if kind in ("vehicles", "chargers") else "preset_currency_skipped"
        warnings.append(Note(code, name=p.name, preset_currency=p.currency, currency=currency))
        same_currency = False
    else:
        same_currency = True
    if kind == "vehicles":
        v = dict(p.data["vehicle"])
        if not same_currency:
            v.pop("pack_replacement_cost", None)
        d["vehicle"].update(v)
        if "kwh_per_km" in p.data:
            d["driving"]["kwh_per_km"] = p.data["kwh_per_km"]
    elif kind == "chargers":
        c = dict(p.data["charger"])
        if not same_currency:
            for k in ("price", "installation"):
                c.pop(k, None)
        d["charger"].update(c)
        ch = d["charger"]
        sub_id = ch.get("subsidy_preset_id")
        sub = next((x for x in all_presets("subsidies") if x.id == sub_id), None) if sub_id else None
        if sub is not None and sub.currency == currency and same_currency:
            ch["subsidy"] = rule_subsidy(sub, ch["price"], ch["installation"])
        elif ch["subsidy"] > ch["price"] + ch["installation"]:
            warnings.append(Note("preset_subsidy_reset", name=p.name, subsidy=f"{ch['subsidy']:,.0f}"))
            ch["subsidy"], ch["subsidy_preset_id"] = 0.0, ""
    elif kind == "subsidies":
        if same_currency:
            ch = d["charger"]
            d["charger"]["subsidy"] = rule_subsidy(p, ch["price"], ch["installation"])
            d["charger"]["subsidy_preset_id"] = p.id
    elif kind == "tariffs":
        if same_currency:
            t = dataclasses.asdict(sc.Tariff())
            t.update(copy.deepcopy(p.data["tariff"]))
            d["tariff"] = t
            if p.country:
                d["country"] = p.country
    elif kind == "load_profiles":
        d["home"]["load_profile"] = copy.deepcopy(p.data["load_profile"])
    elif kind == "pv_profiles":
        d["home"]["pv_profile"] = copy.deepcopy(p.data["pv_profile"])
    elif kind == "climates":
        c = p.data
        d["home"]["climate"] = {"preset_id": p.id, "as_of": p.as_of, "source": p.source,
                                "confidence": p.confidence, "mean_c": list(c["mean_c"]), "max_c": list(c["max_c"]),
                                "min_c": list(c["min_c"]), "hourly_temp_c": None}
    return warnings


def _differs(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a != b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) > 1e-9 * max(1.0, abs(float(a)), abs(float(b)))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) != len(b) or any(_differs(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return set(a) != set(b) or any(_differs(a[k], b[k]) for k in a)
    return a != b


def edited_fields(data: dict, kind: str, preset: Preset | str) -> list[str]:
    """Paths of the fields in scenario dict ``data`` that no longer hold what ``preset`` set.

    Empty when the scenario still carries the preset's values (money amounts are
    compared only when the currencies match, as :func:`apply` copies them only then).
    """
    p = get(kind, preset) if isinstance(preset, str) else preset
    same_currency = not p.currency or p.currency == data.get("currency")
    money = {"pack_replacement_cost", "price", "installation"}
    out: list[str] = []

    def compare(section: str, values: dict, skip=()):
        for key, value in values.items():
            if key in skip or (key in money and not same_currency) or key not in data[section]:
                continue
            if _differs(data[section][key], value):
                out.append(f"{section}.{key}")

    if kind == "vehicles":
        compare("vehicle", p.data["vehicle"])
        if "kwh_per_km" in p.data and _differs(data["driving"]["kwh_per_km"], p.data["kwh_per_km"]):
            out.append("driving.kwh_per_km")
    elif kind == "chargers":
        compare("charger", p.data["charger"], skip=("subsidy", "subsidy_preset_id"))
    elif kind == "subsidies" and same_currency:
        ch = data["charger"]
        if _differs(ch["subsidy"], rule_subsidy(p, ch["price"], ch["installation"])):
            out.append("charger.subsidy")
    elif kind == "tariffs" and same_currency:
        compare("tariff", p.data["tariff"])
        # an imported wholesale series the preset does not have changes the prices too
        if data["tariff"].get("price_series") and not p.data["tariff"].get("price_series") \
                and "tariff.price_series" not in out:
            out.append("tariff.price_series")
    elif kind in ("load_profiles", "pv_profiles"):
        key = "load_profile" if kind == "load_profiles" else "pv_profile"
        for k, v in p.data[key].items():
            if k in data["home"][key] and _differs(data["home"][key][k], v):
                out.append(f"home.{key}.{k}")
    elif kind == "climates":
        for k in ("mean_c", "max_c", "min_c"):
            if _differs(data["home"]["climate"][k], p.data[k]):
                out.append(f"home.climate.{k}")
    return out


def follow_subsidy(before: dict, after: dict) -> float | None:
    """The subsidy amount to set after an edit of the charger price or installation, or None.

    When the scenario's subsidy still is what its subsidy preset's rule gave for the old price and
    installation (the user had not typed an amount of their own) and the subsidy itself was not
    edited, the rule is applied again to the new price and installation.  Otherwise None (keep the
    amount).
    """
    b, a = before.get("charger", {}), after.get("charger", {})
    sub_id = a.get("subsidy_preset_id")
    if not sub_id or sub_id != b.get("subsidy_preset_id"):
        return None
    if not any(_differs(b.get(k), a.get(k)) for k in ("price", "installation")):
        return None
    if _differs(b.get("subsidy"), a.get("subsidy")):
        return None
    try:
        sub = get("subsidies", sub_id)
        if sub.currency and sub.currency != after.get("currency"):
            return None
        old = rule_subsidy(sub, float(b["price"]), float(b["installation"]))
        new = rule_subsidy(sub, float(a["price"]), float(a["installation"]))
    except (PresetError, KeyError, TypeError, ValueError):
        return None
    if _differs(b.get("subsidy"), old) or not _differs(new, a.get("subsidy")):
        return None
    return new


def demo_from_presets(lang: str = "en") -> sc.Scenario:
    """Rebuild the pinned demo from presets plus the customer's own inputs (driving, home, participation)."""
    name, notes = sc.DEMO_TEXTS.get(lang, sc.DEMO_TEXTS["en"])
    d = sc.to_dict(sc.Scenario(name=name, notes=notes, start_date="2026-04-01", horizon_years=15, step_minutes=15,
                               currency="JPY", country="JP"))
    for kind, pid in (("vehicles", "leaf_40"), ("chargers", "jp_nichicon_evps_std"),
                      ("subsidies", "jp_cev_v2h_fy2025"), ("tariffs", "jp_tepco_smartlife_s"),
                      ("load_profiles", "jp_household_gas_4p"), ("pv_profiles", "jp_tokyo_south30"),
                      ("climates", "tokyo")):
        warnings = _apply_to_dict(d, kind, pid)   # validated once, at the end (start-up time)
        assert not warnings, warnings
    d["vehicle"].update({"pack_factor": 1.2, "initial_soh": 1.0, "eol_soh": 0.80, "cycle_life": 2000.0,
                         "cycle_life_dod": 0.8})
    d["driving"].update({"weekday_km": 15.0, "weekend_km": 60.0, "weekday_departure": "10:00",
                         "weekday_return": "11:30", "weekend_departure": "09:00", "weekend_return": "17:00",
                         "monthly_consumption_factor": [1.25, 1.25, 1.0, 1.0, 1.0, 1.0, 1.10, 1.10, 1.0, 1.0, 1.0,
                                                        1.25],
                         "monthly_distance_factor": [1.0] * 12})
    d["home"].update({"annual_load_kwh": 4500.0, "pv_kwp": 4.0})
    d["charging"] = {"strategy": "solar_first", "target_soc": 0.90}
    d["participation"] = {"mode": "v2h", "days": list(sc.DAY_NAMES), "windows": ["17:00-01:00"], "power_kw": 6.0,
                          "reserve_soc": 0.30, "departure_soc_min": 0.80, "max_discharge_kwh_per_day": 200.0,
                          # discharge only when a kWh earns its recharge cost plus about the battery wear
                          # this model computes for this car (docs/economics.md, "Demo")
                          "only_when_profitable": True, "min_margin_per_kwh": 6.0}
    d["charger"].update({"om_per_year": 0.0, "plain_charger_price": 0.0, "incremental_cost": False})
    d["finance"] = {"discount_rate": 0.03, "wear_method": "marginal"}
    d["ageing"] = {"uncertainty_sigma": 0.15}
    return sc.from_dict(d)
