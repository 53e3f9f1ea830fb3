"""Scenario: every input of one V2G/V2H case, as typed dataclasses.

Units are in the field names (``capacity_kwh``, ``power_kw``,
``price_per_kwh``); money is a plain float in the scenario's ``currency``.
Every field declares a default, an allowed range (or set of choices) and a
one-line help text in English and Japanese (:func:`field_info`).

SoC everywhere is a fraction of the **current** usable capacity (what the car
displays): usable kWh now = ``vehicle.capacity_kwh`` x SoH.

Files are JSON (``*.v2g.json``).  A scenario embeds the data it uses (tariff,
load and PV profiles, climate) together with the preset id and ``as_of`` date
they came from, so results never change when presets are updated.

Public API
----------
``load(path)``, ``save(scenario, path)`` (atomic), ``demo()``,
``from_dict(data)``, ``to_dict(scenario)``, ``validate_dict(data)``.
Validation reports **every** problem at once as :class:`Problem` objects
(JSON path, value, allowed range/type, message in English and Japanese).
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import datetime as _dt
import difflib
import json
import math
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from .atomic import atomic_write_text  # noqa: F401  (re-exported: models.scenario.atomic_write_text)
from .messages import DAYTYPE_NAMES, MONTHS_EN, MONTHS_JA, TYPE_NAMES, format_message

SCHEMA_VERSION = 1
FILE_SUFFIX = ".v2g.json"
#: Largest scenario file accepted (embedded price series of 25 years at
#: 30-minute resolution are about 5 MB of JSON).
MAX_FILE_BYTES = 50 * 1024 * 1024

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
COUNTRIES = ("JP", "GB", "US", "NL", "DE", "FR", "none")

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_WINDOW_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


# --------------------------------------------------------------------------
# field declarations
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldInfo:
    """What the GUI, the validator and the docs need to know about a field."""

    name: str
    unit: str = ""
    lo: float | None = None
    hi: float | None = None
    choices: tuple | None = None
    kind: str = ""  # "", "time", "window", "date", "datetime", "currency", "country", "days", "months"
    length: int | None = None  # exact list length
    min_length: int | None = None
    max_length: int | None = None
    help_en: str = ""
    help_ja: str = ""

    def range_text(self) -> str:
        if self.choices:
            return " | ".join(str(c) for c in self.choices)
        if self.lo is not None and self.hi is not None:
            return f"{self.lo:g} to {self.hi:g}{(' ' + self.unit) if self.unit else ''}"
        return ""


def fld(default=dataclasses.MISSING, *, factory=None, unit="", lo=None, hi=None, choices=None,
        kind="", length=None, min_length=None, max_length=None, en="", ja=""):
    meta = {"info": dict(unit=unit, lo=lo, hi=hi, choices=tuple(choices) if choices else None,
                         kind=kind, length=length, min_length=min_length, max_length=max_length,
                         help_en=en, help_ja=ja)}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def field_info(cls_or_obj, name: str) -> FieldInfo:
    """Declared unit, range and help text of one field of a scenario group."""
    cls = cls_or_obj if isinstance(cls_or_obj, type) else type(cls_or_obj)
    for f in fields(cls):
        if f.name == name:
            return FieldInfo(name=name, **f.metadata.get("info", {}))
    raise KeyError(f"{cls.__name__} has no field {name!r}")


def _all_months():
    return list(range(1, 13))


def _all_days():
    return list(DAY_NAMES)


# --------------------------------------------------------------------------
# groups
# --------------------------------------------------------------------------
@dataclass
class Vehicle:
    preset_id: str = fld("leaf_40", en="Vehicle preset this data came from", ja="車種プリセット")
    name: str = fld("Nissan Leaf 40 kWh", en="Vehicle name shown to the customer", ja="車種名")
    capacity_kwh: float = fld(37.0, unit="kWh", lo=5.0, hi=250.0,
                              en="Usable battery energy when new (beginning of life)",
                              ja="新車時の使用可能な電池容量")
    cell_model: str = fld("nmc622_gr_denso50ah",
                          choices=("nmc111_gr_kokam75ah", "nmc622_gr_denso50ah", "lfp_gr_250ah",
                                   "nca_gr_panasonic3ah", "lfp_gr_sony3ah"),
                          en="Cell ageing model used for this battery",
                          ja="電池劣化モデル (セル)")
    pack_factor: float = fld(1.2, lo=1.0, hi=2.0,
                             en="Multiplies cell losses, because packs age faster than single cells "
                                "(NREL: pack life is typically 20-30 % shorter)",
                             ja="セルの劣化に掛ける係数 (パックは単セルより早く劣化; NREL によると寿命は通常 20～30 % 短い)")
    initial_soh: float = fld(1.0, lo=0.5, hi=1.0,
                             en="Battery health at the start; a new battery is 100 %",
                             ja="開始時の電池健全度 (新品 = 100 %)")
    eol_soh: float = fld(0.80, lo=0.4, hi=0.95,
                         en="Health at which the pack counts as worn out (end of first life)",
                         ja="電池の寿命と見なす健全度")
    pack_replacement_cost: float = fld(870000.0, unit="currency", lo=0.0, hi=1e9,
                                       en="Cost of a replacement pack including labour",
                                       ja="交換用電池パックの費用 (工賃込み)")
    warranty_years: float = fld(8.0, unit="years", lo=0.0, hi=20.0,
                                en="Battery warranty period", ja="電池保証期間")
    warranty_km: float = fld(160000.0, unit="km", lo=0.0, hi=1e6,
                             en="Battery warranty distance", ja="電池保証走行距離")
    warranty_soh: float = fld(0.70, lo=0.0, hi=1.0,
                              en="Health the warranty guarantees", ja="保証される電池健全度")
    cycle_life: float = fld(2000.0, unit="cycles", lo=100.0, hi=20000.0,
                            en="Rated full cycles (for throughput wear cost)",
                            ja="定格サイクル寿命 (スループット方式の劣化費用用)")
    cycle_life_dod: float = fld(0.8, lo=0.1, hi=1.0,
                                en="Depth of discharge at which the cycle life is rated",
                                ja="サイクル寿命の定格放電深度")


@dataclass
class Driving:
    weekday_km: float = fld(15.0, unit="km", lo=0.0, hi=1000.0,
                            en="Distance driven on a weekday", ja="平日の走行距離")
    weekend_km: float = fld(60.0, unit="km", lo=0.0, hi=1000.0,
                            en="Distance driven on a weekend day or holiday", ja="休日の走行距離")
    weekday_departure: str = fld("10:00", kind="time", en="Weekday departure time", ja="平日の出発時刻")
    weekday_return: str = fld("11:30", kind="time", en="Weekday return time", ja="平日の帰宅時刻")
    weekend_departure: str = fld("09:00", kind="time", en="Weekend departure time", ja="休日の出発時刻")
    weekend_return: str = fld("17:00", kind="time", en="Weekend return time", ja="休日の帰宅時刻")
    kwh_per_km: float = fld(0.15, unit="kWh/km", lo=0.05, hi=1.0,
                            en="Energy used per km from the battery", ja="1 km あたりの消費電力量")
    monthly_consumption_factor: list[float] = fld(
        factory=lambda: [1.25, 1.25, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 1.0, 1.25],
        lo=0.5, hi=2.0, length=12,
        en="Energy-per-km multiplier for each month, Jan to Dec (heating, cooling)",
        ja="月別の電費補正係数 (1～12 月; 暖房・冷房)")
    monthly_distance_factor: list[float] = fld(
        factory=lambda: [1.0] * 12, lo=0.0, hi=3.0, length=12,
        en="Distance multiplier for each month, Jan to Dec (holidays, seasons)",
        ja="月別の走行距離補正係数 (1～12 月)")


@dataclass
class LoadProfile:
    preset_id: str = fld("jp_household_gas_4p", en="Load-shape preset", ja="負荷形状プリセット")
    as_of: str = fld("2026-11-29", kind="date", en="Date of the preset data", ja="プリセットデータの日付")
    source: str = fld("", en="Where the data came from", ja="データの出典")
    confidence: str = fld("uncertain", choices=("verified", "uncertain"),
                          en="verified = read in a source; uncertain = example, confirm",
                          ja="verified = 出典確認済み / uncertain = 例示値 (要確認)")
    weekday_shape: list[float] = fld(factory=lambda: [1.0] * 24, lo=0.0, hi=1000.0, length=24,
                                     en="Relative household use per hour on weekdays (0-23 h)",
                                     ja="平日の時間別使用割合 (0～23 時)")
    weekend_shape: list[float] = fld(factory=lambda: [1.0] * 24, lo=0.0, hi=1000.0, length=24,
                                     en="Relative household use per hour on weekends and holidays",
                                     ja="休日の時間別使用割合")
    monthly_share: list[float] = fld(factory=lambda: [1.0] * 12, lo=0.0, hi=1000.0, length=12,
                                     en="Relative household use per month, Jan to Dec",
                                     ja="月別の使用割合 (1～12 月)")
    hourly_kwh: list[float] | None = fld(None, lo=0.0, hi=1000.0, min_length=8760, max_length=8784,
                                         en="Imported hourly household use for a full year (kWh per hour); "
                                            "replaces the shapes when present",
                                         ja="取り込んだ 1 年分の時間別使用量 (kWh); ある場合は形状より優先")


@dataclass
class PvProfile:
    preset_id: str = fld("jp_tokyo_south30", en="PV-yield preset", ja="太陽光発電量プリセット")
    as_of: str = fld("2026-11-29", kind="date", en="Date of the preset data", ja="プリセットデータの日付")
    source: str = fld("", en="Where the data came from", ja="データの出典")
    confidence: str = fld("uncertain", choices=("verified", "uncertain"),
                          en="verified = read in a source; uncertain = example, confirm",
                          ja="verified = 出典確認済み / uncertain = 例示値 (要確認)")
    monthly_kwh_per_kwp: list[float] = fld(factory=lambda: [100.0] * 12, unit="kWh/kWp", lo=0.0, hi=300.0,
                                           length=12, en="PV energy per kWp in each month, Jan to Dec",
                                           ja="1 kWp あたりの月別発電量 (1～12 月)")
    hourly_shape: list[list[float]] = fld(factory=lambda: [[0.0] * 6 + [1.0] * 12 + [0.0] * 6 for _ in range(12)],
                                          lo=0.0, hi=1.0, length=12,
                                          en="Share of each month's daily PV energy per hour (12 rows of 24)",
                                          ja="月別・時間別の発電割合 (12 行 x 24 時間)")
    hourly_kw_per_kwp: list[float] | None = fld(None, lo=0.0, hi=1.5, min_length=8760, max_length=8784,
                                                en="Imported hourly PV output for a full year (kW per kWp)",
                                                ja="取り込んだ 1 年分の時間別発電量 (kW/kWp)")


@dataclass
class Climate:
    preset_id: str = fld("tokyo", en="Climate preset (city)", ja="気候プリセット (都市)")
    as_of: str = fld("2026-11-29", kind="date", en="Date of the preset data", ja="プリセットデータの日付")
    source: str = fld("", en="Where the data came from", ja="データの出典")
    confidence: str = fld("verified", choices=("verified", "uncertain"),
                          en="verified = read in a source; uncertain = example, confirm",
                          ja="verified = 出典確認済み / uncertain = 例示値 (要確認)")
    mean_c: list[float] = fld(factory=lambda: [15.0] * 12, unit="°C", lo=-40.0, hi=50.0, length=12,
                              en="Monthly mean temperature, Jan to Dec", ja="月平均気温 (1～12 月)")
    max_c: list[float] = fld(factory=lambda: [20.0] * 12, unit="°C", lo=-40.0, hi=55.0, length=12,
                             en="Monthly mean daily maximum", ja="月平均の日最高気温")
    min_c: list[float] = fld(factory=lambda: [10.0] * 12, unit="°C", lo=-50.0, hi=50.0, length=12,
                             en="Monthly mean daily minimum", ja="月平均の日最低気温")
    hourly_temp_c: list[float] | None = fld(None, unit="°C", lo=-50.0, hi=60.0, min_length=8760, max_length=8784,
                                            en="Imported hourly air temperature for a full year",
                                            ja="取り込んだ 1 年分の時間別気温")


@dataclass
class Home:
    annual_load_kwh: float = fld(4500.0, unit="kWh/year", lo=0.0, hi=100000.0,
                                 en="Household electricity use per year (without the car)",
                                 ja="家庭の年間電力使用量 (EV 充電を除く)")
    load_profile: LoadProfile = fld(factory=LoadProfile, en="Household load shape", ja="家庭の負荷形状")
    pv_kwp: float = fld(4.0, unit="kWp", lo=0.0, hi=100.0, en="Solar PV size", ja="太陽光発電の容量")
    pv_profile: PvProfile = fld(factory=PvProfile, en="Solar yield profile", ja="太陽光発電プロファイル")
    climate: Climate = fld(factory=Climate, en="Local climate (temperatures)", ja="気候 (気温)")


@dataclass
class Charging:
    strategy: str = fld("solar_first", choices=("immediate", "cheapest", "solar_first"),
                        en="When the car charges: as soon as it is plugged in, in the cheapest hours before it "
                           "leaves, or with surplus solar first and the rest in the cheapest hours",
                        ja="充電のしかた: 接続したらすぐ、出発までの安い時間帯、または余剰太陽光を優先し残りを安い時間帯")
    target_soc: float = fld(0.90, lo=0.2, hi=1.0, en="Charge up to this state of charge",
                            ja="この充電率まで充電")


@dataclass
class Participation:
    mode: str = fld("v2h", choices=("none", "v2h", "v2g", "v2h+v2g"),
                    en="What the car's battery may do: nothing, supply the home (V2H), export to the grid "
                       "(V2G), or both (the home first)",
                    ja="電池の放電先: 放電なし、家庭へ給電 (V2H)、系統へ放電 (V2G)、または両方 (家庭を優先)")
    days: list[str] = fld(factory=_all_days, kind="days", min_length=0, max_length=7,
                          choices=DAY_NAMES, en="Days on which the car may discharge",
                          ja="放電してよい曜日")
    windows: list[str] = fld(factory=lambda: ["17:00-01:00"], kind="window", min_length=0, max_length=12,
                             en="Discharge windows HH:MM-HH:MM (may cross midnight)",
                             ja="放電時間帯 HH:MM-HH:MM (日付をまたいでも可)")
    power_kw: float = fld(6.0, unit="kW", lo=0.0, hi=350.0, en="Discharge power offered",
                          ja="放電電力")
    reserve_soc: float = fld(0.30, lo=0.0, hi=1.0,
                             en="Never discharge below this state of charge (also the backup reserve)",
                             ja="これ以下には放電しない充電率 (非常用の残量も兼ねる)")
    departure_soc_min: float = fld(0.80, lo=0.0, hi=1.0,
                                   en="State of charge guaranteed at departure when physically possible",
                                   ja="出発時に確保する充電率 (物理的に可能な場合)")
    max_discharge_kwh_per_day: float = fld(200.0, unit="kWh/day", lo=0.0, hi=1000.0,
                                           en="Cap on energy delivered per day at the charger (AC)",
                                           ja="1 日あたりの放電量の上限 (AC 側)")
    only_when_profitable: bool = fld(True,
                                     en="Discharge only when it pays: a kWh delivered must be worth more than "
                                        "recharging it at the cheapest chance in the next 24 hours, after the "
                                        "charging and discharging losses, plus the margin below",
                                     ja="得になるときだけ放電: 放電した 1 kWh の価値が、充放電の損失を含めて今後 "
                                        "24 時間で最も安く充電し直す費用と下の上乗せ額の合計を上回るときだけ放電します")
    min_margin_per_kwh: float = fld(0.0, unit="currency/kWh", lo=-1000.0, hi=1000.0,
                                    en="Extra amount each kWh discharged must earn over its recharge cost, "
                                       "for example an allowance for battery wear",
                                    ja="放電 1 kWh ごとに充電し直す費用より多く得るべき金額 (電池劣化分の上乗せなど)")


@dataclass
class Charger:
    preset_id: str = fld("jp_nichicon_evps_std", en="Charger preset", ja="充放電器プリセット")
    name: str = fld("Nichicon EV Power Station (standard)", en="Charger name", ja="充放電器の名称")
    price: float = fld(498000.0, unit="currency", lo=0.0, hi=1e9, en="Equipment price", ja="機器価格")
    installation: float = fld(250000.0, unit="currency", lo=0.0, hi=1e9, en="Installation cost",
                              ja="設置工事費")
    subsidy: float = fld(399000.0, unit="currency", lo=0.0, hi=1e9, en="Subsidy received (amount)",
                         ja="補助金額")
    subsidy_preset_id: str = fld("jp_cev_v2h_fy2025", en="Subsidy preset the amount came from",
                                 ja="補助金プリセット")
    charge_kw: float = fld(6.0, unit="kW", lo=0.5, hi=350.0, en="Maximum charging power (AC)",
                           ja="最大充電電力 (AC)")
    discharge_kw: float = fld(6.0, unit="kW", lo=0.0, hi=350.0, en="Maximum discharging power (AC)",
                              ja="最大放電電力 (AC)")
    charge_efficiency: float = fld(0.92, lo=0.5, hi=1.0, en="Share of grid energy that reaches the battery",
                                   ja="充電効率 (系統から電池へ)")
    discharge_efficiency: float = fld(0.92, lo=0.5, hi=1.0,
                                      en="Share of battery energy that reaches the home or grid",
                                      ja="放電効率 (電池から家庭・系統へ)")
    standby_w: float = fld(30.0, unit="W", lo=0.0, hi=500.0, en="Standby consumption of the charger",
                           ja="待機電力")
    lifetime_years: float = fld(15.0, unit="years", lo=1.0, hi=40.0,
                                en="Charger life; it is replaced when this ends within the horizon",
                                ja="充放電器の寿命 (期間内に尽きると交換)")
    om_per_year: float = fld(0.0, unit="currency/year", lo=0.0, hi=1e8, en="Operation and maintenance per year",
                             ja="年間の保守費用")
    plain_charger_price: float = fld(0.0, unit="currency", lo=0.0, hi=1e9,
                                     en="Price of the ordinary charger the customer would buy anyway",
                                     ja="通常の充電器を購入した場合の価格")
    incremental_cost: bool = fld(False, en="Count only the extra cost over an ordinary charger",
                                 ja="通常の充電器との差額のみを費用に計上")


@dataclass
class TouPeriod:
    months: list[int] = fld(factory=_all_months, kind="months", lo=1, hi=12, min_length=1, max_length=12,
                            en="Months the price applies to (1-12)", ja="適用月 (1～12)")
    days: str = fld("all", choices=("all", "weekday", "weekend_holiday"),
                    en="Day types the price applies to", ja="適用する曜日区分")
    start: str = fld("00:00", kind="time", en="Start time (local)", ja="開始時刻")
    end: str = fld("00:00", kind="time", en="End time (local); equal to start = all day",
                   ja="終了時刻 (開始と同じなら終日)")
    price_per_kwh: float = fld(30.0, unit="currency/kWh", lo=-1000.0, hi=1000.0, en="Energy price",
                               ja="電力量単価")


@dataclass
class PriceSeries:
    preset_id: str = fld("", en="Price-series preset or import file", ja="価格系列のプリセットまたは取込元")
    source: str = fld("", en="Where the series came from", ja="価格系列の出典")
    as_of: str = fld("2026-11-29", kind="date", en="Date of the data", ja="データの日付")
    area: str = fld("", en="Market area (e.g. Tokyo)", ja="エリア (例: 東京)")
    start: str = fld("2024-04-01T00:00", kind="datetime", en="Local time of the first value",
                     ja="最初の値の日時 (現地時間)")
    step_minutes: int = fld(30, choices=(15, 30, 60), en="Spacing of the values", ja="値の間隔 (分)")
    values_per_kwh: list[float] = fld(factory=list, unit="currency/kWh", lo=-1000.0, hi=10000.0,
                                      min_length=1, max_length=25 * 366 * 96,
                                      en="Prices; the series repeats when shorter than the horizon",
                                      ja="価格; 期間より短い場合は繰り返し")
    use_for_import: bool = fld(False, en="Import price follows the series", ja="購入単価を系列に連動")
    use_for_export: bool = fld(True, en="Export price follows the series", ja="売電単価を系列に連動")
    import_multiplier: float = fld(1.0, lo=0.0, hi=10.0, en="Import price = series x this + adder",
                                   ja="購入単価 = 系列 x 係数 + 加算額")
    import_adder_per_kwh: float = fld(0.0, unit="currency/kWh", lo=-1000.0, hi=1000.0,
                                      en="Added to the series for the import price", ja="購入単価への加算額")
    export_multiplier: float = fld(1.0, lo=0.0, hi=10.0, en="Export price = series x this + adder",
                                   ja="売電単価 = 系列 x 係数 + 加算額")
    export_adder_per_kwh: float = fld(0.0, unit="currency/kWh", lo=-1000.0, hi=1000.0,
                                      en="Added to the series for the export price", ja="売電単価への加算額")


@dataclass
class Tariff:
    preset_id: str = fld("jp_tepco_smartlife_s", en="Tariff preset", ja="料金プランのプリセット")
    as_of: str = fld("2025-06-01", kind="date", en="Date the prices were valid", ja="料金の適用日")
    name: str = fld("TEPCO Smart Life S", en="Tariff name", ja="料金プラン名")
    source: str = fld("", en="Where the prices came from", ja="料金の出典")
    confidence: str = fld("verified", choices=("verified", "uncertain"),
                          en="verified = read in a source; uncertain = example, confirm",
                          ja="verified = 出典確認済み / uncertain = 例示値 (要確認)")
    import_periods: list[TouPeriod] = fld(factory=lambda: [TouPeriod()], min_length=1, max_length=400,
                                          en="Time-of-use import prices; the first matching period wins",
                                          ja="時間帯別の購入単価 (最初に一致した行を適用)")
    add_on_per_kwh: float = fld(0.0, unit="currency/kWh", lo=-100.0, hi=100.0,
                                en="Added to every kWh bought (levies, fuel-cost adjustment)",
                                ja="購入 1 kWh ごとの加算額 (再エネ賦課金・燃料費調整など)")
    export_price_per_kwh: float = fld(0.0, unit="currency/kWh", lo=-100.0, hi=1000.0,
                                      en="Price paid for exported energy (flat)", ja="売電単価 (一律)")
    export_periods: list[TouPeriod] = fld(factory=list, min_length=0, max_length=400,
                                          en="Time-of-use export prices (replace the flat price when given)",
                                          ja="時間帯別の売電単価 (指定時は一律単価より優先)")
    v2g_payment_per_kwh: float = fld(0.0, unit="currency/kWh", lo=0.0, hi=1000.0,
                                     en="Programme payment per kWh discharged to the grid",
                                     ja="系統への放電 1 kWh あたりのプログラム報酬")
    availability_per_kw_year: float = fld(0.0, unit="currency/kW-year", lo=0.0, hi=1e6,
                                          en="Availability (capacity) payment per kW per year",
                                          ja="1 kW・1 年あたりの待機 (容量) 報酬")
    availability_per_kw_hour: float = fld(0.0, unit="currency/kW-h", lo=0.0, hi=1000.0,
                                          en="Availability payment per kW per hour plugged in inside the windows",
                                          ja="放電時間帯に接続している 1 kW・1 時間あたりの待機報酬")
    event_payment_per_kwh: float = fld(0.0, unit="currency/kWh", lo=0.0, hi=10000.0,
                                       en="Payment per kWh delivered during grid events",
                                       ja="需給ひっ迫イベント時の放電 1 kWh あたりの報酬")
    event_hours_per_year: float = fld(0.0, unit="h/year", lo=0.0, hi=8760.0,
                                      en="Event hours called per year", ja="年間のイベント時間")
    event_window: str = fld("16:00-21:00", kind="window", en="Time window in which events are called",
                            ja="イベントが発生する時間帯")
    event_months: list[int] = fld(factory=lambda: [5, 6, 7, 8, 9, 10], kind="months", lo=1, hi=12,
                                  min_length=0, max_length=12, en="Months in which events are called",
                                  ja="イベントが発生する月")
    fixed_payment_per_year: float = fld(0.0, unit="currency/year", lo=0.0, hi=1e8,
                                        en="Fixed programme credit per year", ja="年間の固定プログラム報酬")
    ev_charging_free: bool = fld(False, en="The programme pays for the car's charging",
                                 ja="プログラムが EV の充電代を負担")
    price_series: PriceSeries | None = fld(None, en="Optional wholesale-linked price series",
                                           ja="任意: 市場連動の価格系列")
    escalation_import: float = fld(0.0, unit="1/year", lo=-0.2, hi=0.3,
                                   en="Yearly change of import prices, e.g. 2 % = prices rise 2 % a year",
                                   ja="購入単価の年間変化率 (例: 2 % = 毎年 2 % 上昇)")
    escalation_export: float = fld(0.0, unit="1/year", lo=-0.2, hi=0.3,
                                   en="Yearly change of export prices and payments",
                                   ja="売電単価・報酬の年間変化率")


@dataclass
class Finance:
    discount_rate: float = fld(0.03, unit="1/year", lo=-0.05, hi=0.5, en="Discount rate for NPV",
                               ja="正味現在価値の割引率")
    wear_method: str = fld("marginal", choices=("marginal", "throughput", "eol_shift"),
                           en="How battery wear is priced: the extra ageing compared with no V2G (marginal), "
                              "the energy cycled through the battery (throughput, Kempton & Tomić), or an earlier "
                              "pack replacement",
                           ja="電池劣化費用の算定方法: V2G なしとの劣化の差 (限界)、充放電した電力量 (スループット)、"
                              "または電池交換の前倒し")


@dataclass
class Ageing:
    uncertainty_sigma: float = fld(0.15, lo=0.0, hi=0.5,
                                   en="How uncertain the speed of ageing is (one standard deviation; 15 % is the "
                                      "usual value in NREL's models); the shaded band on the battery chart",
                                   ja="劣化の速さの不確かさ (標準偏差; NREL のモデルでは通常 15 %)。電池の健全度グラフの帯")


@dataclass
class Scenario:
    schema_version: int = fld(SCHEMA_VERSION, lo=1, hi=SCHEMA_VERSION, en="File format version",
                              ja="ファイル形式のバージョン")
    name: str = fld("New scenario", en="Scenario name", ja="シナリオ名")
    notes: str = fld("", en="Free notes", ja="メモ")
    start_date: str = fld("2026-04-01", kind="date",
                          en="First day simulated; weekdays, holidays and seasons follow it",
                          ja="シミュレーション開始日 (曜日・祝日・季節の基準)")
    horizon_years: int = fld(15, unit="years", lo=5, hi=25, en="Years simulated and evaluated",
                             ja="評価期間 (年)")
    step_minutes: int = fld(15, unit="min", choices=(5, 15, 30, 60), en="Simulation time step",
                            ja="計算の時間刻み (分)")
    currency: str = fld("JPY", kind="currency", en="Currency of every amount (ISO code)",
                        ja="金額の通貨 (ISO コード)")
    country: str = fld("JP", kind="country", choices=COUNTRIES,
                       en="Country whose public holidays count as days off", ja="祝日カレンダーの国")
    vehicle: Vehicle = fld(factory=Vehicle, en="Vehicle and battery", ja="車両と電池")
    driving: Driving = fld(factory=Driving, en="Driving", ja="走行")
    home: Home = fld(factory=Home, en="Home and solar", ja="住宅と太陽光")
    charging: Charging = fld(factory=Charging, en="Charging", ja="充電")
    participation: Participation = fld(factory=Participation, en="V2G/V2H participation", ja="V2G/V2H 参加条件")
    charger: Charger = fld(factory=Charger, en="Charger", ja="充放電器")
    tariff: Tariff = fld(factory=Tariff, en="Tariff", ja="料金プラン")
    finance: Finance = fld(factory=Finance, en="Finance", ja="財務")
    ageing: Ageing = fld(factory=Ageing, en="Battery ageing", ja="電池劣化")



# --------------------------------------------------------------------------
# problems
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One validation problem: JSON path, offending value, allowed range, messages."""

    path: str
    value: Any
    code: str
    expected: str = ""
    params: tuple = ()

    def message(self, lang: str = "en") -> str:
        return format_message(self.code, lang, self.path, self.value, dict(self.params))

    def to_dict(self) -> dict:
        return {"path": self.path, "value": _jsonable(self.value), "expected": self.expected,
                "code": self.code, "message_en": self.message("en"), "message_ja": self.message("ja")}


class ScenarioError(ValueError):
    """Raised by :func:`load` / :func:`from_dict` with every problem found."""

    def __init__(self, problems: list[Problem], source: str = ""):
        self.problems = list(problems)
        self.source = source
        first = self.problems[0].message("en") if self.problems else "invalid scenario"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)

    def messages(self, lang: str = "en") -> list[str]:
        return [p.message(lang) for p in self.problems]

    def __reduce__(self):  # picklable with its problems (the window's engine process, app.engine)
        return (ScenarioError, (self.problems, self.source))


def _jsonable(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)[:80]


def _short_int(value):
    """A huge integer as ``1e+N`` text (messages stay short; ints over 4,300 digits cannot even be
    turned into text); other values unchanged."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"{'-' if value < 0 else ''}1e+{int(value.bit_length() * 0.30103)}"
    return value


def _p(problems, path, value, code, expected="", **params):
    value = _short_int(value)
    params = {k: _short_int(v) for k, v in params.items()}
    problems.append(Problem(path=path, value=value, code=code, expected=expected,
                            params=tuple(sorted(params.items()))))


# --------------------------------------------------------------------------
# parsing helpers
# --------------------------------------------------------------------------
def parse_time(text: str) -> int:
    """``"HH:MM"`` -> minutes after midnight (raises ``ValueError``)."""
    m = _TIME_RE.match(text)
    if not m:
        raise ValueError(f"not a time HH:MM: {text!r}")
    return int(m.group(1)) * 60 + int(m.group(2))


def parse_window(text: str) -> tuple[int, int]:
    """``"HH:MM-HH:MM"`` -> (start, end) minutes; end <= start means it crosses midnight."""
    m = _WINDOW_RE.match(text)
    if not m:
        raise ValueError(f"not a window HH:MM-HH:MM: {text!r}")
    return int(m.group(1)) * 60 + int(m.group(2)), int(m.group(3)) * 60 + int(m.group(4))


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _finite(v) -> bool:
    """``math.isfinite`` that calls an integer beyond the float range not finite (no OverflowError)."""
    try:
        return math.isfinite(v)
    except OverflowError:
        return False


def _type_name(key: str, lang: str) -> str:
    en, ja = TYPE_NAMES[key]
    return en if lang == "en" else ja


def _wrong_type(problems, path, value, key):
    _p(problems, path, value, "wrong_type", expected=TYPE_NAMES[key][0],
       expected_en=_type_name(key, "en"), expected_ja=_type_name(key, "ja"))


def _check_scalar(problems, path, value, tp, info: FieldInfo):
    """Validate one scalar; returns the converted value or None when invalid."""
    if tp is float:
        if not _is_number(value):
            _wrong_type(problems, path, value, "number")
            return None
        try:
            value = float(value)
        except OverflowError:   # an integer beyond the float range (a JSON file may hold one)
            _p(problems, path, value, "not_finite")
            return None
        if not math.isfinite(value):
            _p(problems, path, value, "not_finite")
            return None
    elif tp is int:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            _wrong_type(problems, path, value, "integer")
            return None
    elif tp is bool:
        if not isinstance(value, bool):
            _wrong_type(problems, path, value, "bool")
            return None
        return value
    elif tp is str:
        if not isinstance(value, str):
            _wrong_type(problems, path, value, "text")
            return None
        if len(value) > 10000:
            _p(problems, path, value[:20], "bad_length_range", lo=0, hi=10000, got=len(value))
            return None
    if info.choices and info.kind not in ("days",) and value not in info.choices:
        if info.kind == "country":
            _p(problems, path, value, "bad_country", expected=" | ".join(info.choices),
               choices=", ".join(info.choices))
        else:
            _p(problems, path, value, "not_choice", expected=" | ".join(map(str, info.choices)),
               choices=", ".join(map(str, info.choices)))
        return None
    if tp in (float, int) and info.lo is not None and info.hi is not None:
        if not (info.lo <= value <= info.hi):
            unit = f" {info.unit}" if info.unit and info.unit != "currency" else ""
            _p(problems, path, value, "out_of_range", expected=f"{info.lo:g}..{info.hi:g}",
               lo=f"{info.lo:g}", hi=f"{info.hi:g}", unit=unit)
            return None
    if tp is str and info.kind:
        ok = True
        if info.kind == "time":
            ok = bool(_TIME_RE.match(value))
            code = "bad_time"
        elif info.kind == "window":
            ok = bool(_WINDOW_RE.match(value))
            code = "bad_window"
        elif info.kind == "date":
            code = "bad_date"
            try:
                _dt.date.fromisoformat(value)
                ok = len(value) == 10
            except ValueError:
                ok = False
        elif info.kind == "datetime":
            code = "bad_datetime"
            try:
                _dt.datetime.fromisoformat(value)
            except ValueError:
                ok = False
        elif info.kind == "currency":
            code = "bad_currency"
            ok = bool(_CURRENCY_RE.match(value))
        if not ok:
            _p(problems, path, value, code, expected=info.kind)
            return None
    return value


def _unwrap_optional(tp):
    origin = get_origin(tp)
    if origin is not None and type(None) in get_args(tp):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return inner[0], True
    return tp, False


_HINTS: dict[type, dict] = {}


def _hints(cls):
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _build(cls, data, path: str, problems: list[Problem]):
    """Build dataclass ``cls`` from ``data``; append problems; never raises."""
    if not isinstance(data, dict):
        _p(problems, path or "$", data, "not_object", expected="object")
        return cls()
    names = [f.name for f in fields(cls)]
    for key in data:
        if key not in names:
            close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
            _p(problems, f"{path}.{key}" if path else str(key), key, "unknown_key",
               expected=" | ".join(names),
               suggestion_en=f" (did you mean '{close[0]}'?)" if close else "",
               suggestion_ja=f" ('{close[0]}' ではありませんか?)" if close else "")
    kwargs = {}
    hints = _hints(cls)
    for f in fields(cls):
        if f.name not in data:
            continue
        sub = f"{path}.{f.name}" if path else f.name
        value = data[f.name]
        tp, optional = _unwrap_optional(hints[f.name])
        info = FieldInfo(name=f.name, **f.metadata.get("info", {}))
        if value is None:
            if optional:
                kwargs[f.name] = None
            else:
                _wrong_type(problems, sub, value, _kind_key(tp))
            continue
        converted = _convert(tp, value, sub, info, problems)
        if converted is not _INVALID:
            kwargs[f.name] = converted
    return cls(**kwargs)


_INVALID = object()


def _kind_key(tp) -> str:
    if dataclasses.is_dataclass(tp):
        return "object"
    if get_origin(tp) is list:
        return "list"
    return {float: "number", int: "integer", str: "text", bool: "bool"}.get(tp, "text")


def _convert(tp, value, path, info: FieldInfo, problems):
    if dataclasses.is_dataclass(tp):
        before = len(problems)
        obj = _build(tp, value, path, problems)
        return obj if len(problems) == before or isinstance(value, dict) else _INVALID
    if get_origin(tp) is list:
        (item_tp,) = get_args(tp)
        if not isinstance(value, list):
            _wrong_type(problems, path, value, "list")
            return _INVALID
        n = len(value)
        if info.length is not None and n != info.length:
            _p(problems, path, n, "bad_length", expected=f"{info.length} values", n=info.length, got=n)
            return _INVALID
        lo_n = info.min_length if info.min_length is not None else 0
        hi_n = info.max_length if info.max_length is not None else 10 ** 9
        if not (lo_n <= n <= hi_n):
            if lo_n == 1 and n == 0:
                _p(problems, path, value, "empty_list", expected=">= 1 entry")
            else:
                _p(problems, path, n, "bad_length_range", expected=f"{lo_n}..{hi_n} values",
                   lo=lo_n, hi=hi_n, got=n)
            return _INVALID
        if item_tp is float and n > 1000:
            return _convert_float_array(value, path, info, problems)
        out = []
        ok = True
        item_info = info
        if get_origin(item_tp) is list:  # nested list (PV hourly shape rows)
            item_info = dataclasses.replace(info, length=24, min_length=None, max_length=None)
        nested = dataclasses.is_dataclass(item_tp) or get_origin(item_tp) is list
        scalar_info = None if nested else _item_info(info)
        for i, item in enumerate(value):
            conv = _convert(item_tp, item, f"{path}[{i}]", item_info, problems) if nested \
                else _check_scalar(problems, f"{path}[{i}]", item, item_tp, scalar_info)
            if conv is None or conv is _INVALID:
                ok = False
            else:
                out.append(conv)
        if ok and info.kind in ("days", "months"):
            seen = set()
            for i, item in enumerate(out):
                if item in seen:
                    _p(problems, f"{path}[{i}]", item, "duplicate")
                    ok = False
                seen.add(item)
        return out if ok else _INVALID
    conv = _check_scalar(problems, path, value, tp, info)
    return _INVALID if conv is None else conv


@functools.lru_cache(maxsize=256)
def _item_info(info: FieldInfo) -> FieldInfo:
    kind = info.kind
    if kind == "days":
        return dataclasses.replace(info, kind="", lo=None, hi=None)
    if kind == "months":
        return dataclasses.replace(info, kind="", choices=None)
    return dataclasses.replace(info, length=None, min_length=None, max_length=None)


def _convert_float_array(value, path, info, problems):
    """Fast path for long embedded series; reports at most 20 bad entries.

    A list of plain ints and floats is checked with numpy (finite, inside [lo, hi]): 175,200
    values in ~15 ms instead of ~110 ms; anything else (a bool, a string, a value out of range)
    goes through the per-value check, which names the bad entries."""
    if isinstance(value, list) and set(map(type, value)) <= {float, int}:
        import numpy as np

        try:
            arr = np.array(value, dtype=np.float64)
        except OverflowError:   # an int too large for a float: reported below
            arr = None
        if arr is not None and np.isfinite(arr).all() and (
                info.lo is None or (bool((arr >= info.lo).all()) and bool((arr <= info.hi).all()))):
            return arr.tolist()
    out = []
    bad = 0
    for i, item in enumerate(value):
        if _is_number(item) and _finite(item) and \
                (info.lo is None or info.lo <= item <= info.hi):
            out.append(float(item))
            continue
        bad += 1
        if bad <= 20:
            _check_scalar(problems, f"{path}[{i}]", item, float, _item_info(info))
    return out if bad == 0 else _INVALID


# --------------------------------------------------------------------------
# cross-field checks
# --------------------------------------------------------------------------
def tou_price_grid(periods: list[TouPeriod]) -> tuple:
    """Return (price[12, 2, 1440], covered[12, 2, 1440]) minute grid; first match wins.

    Axis 1 is the day type: 0 = weekday, 1 = weekend/holiday.  The arrays are
    read-only and shared by calls with equal periods (every edit validates the
    tariff again).
    """
    key = tuple((str(p.start), str(p.end), str(p.days), tuple(p.months), float(p.price_per_kwh))
                for p in periods)
    return _tou_grid(key)


@functools.lru_cache(maxsize=16)
def _tou_grid(periods: tuple) -> tuple:
    """:func:`tou_price_grid` of ``(start, end, days, months, price)`` tuples."""
    import numpy as np

    price = np.zeros((12, 2, 1440))
    covered = np.zeros((12, 2, 1440), dtype=bool)
    for start, end, days, months, price_per_kwh in periods:
        try:
            a, b = parse_time(start), parse_time(end)
        except ValueError:
            continue
        minutes = np.zeros(1440, dtype=bool)
        if a == b:
            minutes[:] = True
        elif a < b:
            minutes[a:b] = True
        else:
            minutes[a:] = True
            minutes[:b] = True
        dts = {"all": (0, 1), "weekday": (0,), "weekend_holiday": (1,)}[days]
        for m in months:
            for d in dts:
                new = minutes & ~covered[m - 1, d]
                price[m - 1, d, new] = price_per_kwh
                covered[m - 1, d] |= new
    price.setflags(write=False)
    covered.setflags(write=False)
    return price, covered


def _check_periods(problems, path, periods):
    _, covered = tou_price_grid(periods)
    for m in range(12):
        for d, dname in enumerate(("weekday", "weekend_holiday")):
            gaps = (~covered[m, d]).nonzero()[0]
            if len(gaps):
                t = int(gaps[0])
                en, ja = DAYTYPE_NAMES[dname]
                _p(problems, path, None, "tariff_gap", month_en=MONTHS_EN[m], month_ja=MONTHS_JA[m],
                   daytype_en=en, daytype_ja=ja, time=f"{t // 60:02d}:{t % 60:02d}")
                return  # one gap message per table is enough to act on


def _cross_checks(s: Scenario, problems: list[Problem]):
    d = s.driving
    for kind in ("weekday", "weekend"):
        dep, ret = getattr(d, f"{kind}_departure"), getattr(d, f"{kind}_return")
        try:
            if parse_time(ret) <= parse_time(dep):
                _p(problems, f"driving.{kind}_return", ret, "trip_order", ret=ret, dep=dep)
        except ValueError:
            pass
    p = s.participation
    if p.reserve_soc > s.charging.target_soc:
        _p(problems, "participation.reserve_soc", p.reserve_soc, "soc_order",
           other_path="charging.target_soc", other=s.charging.target_soc)
    if p.departure_soc_min > s.charging.target_soc:
        _p(problems, "participation.departure_soc_min", p.departure_soc_min, "soc_order",
           other_path="charging.target_soc", other=s.charging.target_soc)
    if s.vehicle.eol_soh >= s.vehicle.initial_soh:
        _p(problems, "vehicle.eol_soh", s.vehicle.eol_soh, "eol_order", other=s.vehicle.initial_soh)
    c = s.charger
    if c.subsidy > c.price + c.installation:
        _p(problems, "charger.subsidy", c.subsidy, "subsidy_too_large", other=c.price + c.installation)
    if s.tariff.import_periods:
        _check_periods(problems, "tariff.import_periods", s.tariff.import_periods)
    if s.tariff.export_periods:
        _check_periods(problems, "tariff.export_periods", s.tariff.export_periods)
    prof = s.home.load_profile
    for shape in ("weekday_shape", "weekend_shape", "monthly_share"):
        if sum(getattr(prof, shape)) <= 0 and prof.hourly_kwh is None and s.home.annual_load_kwh > 0:
            _p(problems, f"home.load_profile.{shape}", None, "shape_sum")
    pv = s.home.pv_profile
    for m, row in enumerate(pv.hourly_shape):
        if sum(row) <= 0 and pv.monthly_kwh_per_kwp[m] > 0 and pv.hourly_kw_per_kwp is None:
            _p(problems, f"home.pv_profile.hourly_shape[{m}]", None, "shape_sum")


#: element types of a list that :func:`copy_data` copies with ``list.copy`` (immutable values)
_ATOMIC_TYPES = frozenset({float, int, str, bool, type(None)})


def copy_data(value):
    """A deep copy of JSON-like scenario data (dicts, lists, numbers, strings, None).

    Same result as :func:`copy.deepcopy` for such data, but a list holding only immutable
    values (a long embedded price series) is copied with ``list.copy`` instead of value by
    value: 175,200 prices take ~7 ms instead of ~70 ms.  Dataclasses and other objects are
    handed to :func:`copy.deepcopy`.
    """
    kind = type(value)
    if kind is dict:
        return {k: copy_data(v) for k, v in value.items()}
    if kind is list:
        if set(map(type, value)) <= _ATOMIC_TYPES:
            return value.copy()
        return [copy_data(v) for v in value]
    if kind in _ATOMIC_TYPES:
        return value
    return copy.deepcopy(value)


def to_dict(scenario: Scenario) -> dict:
    """Plain JSON-ready dict (every field written, defaults included).

    Like :func:`dataclasses.asdict`, but lists of plain values are copied whole (see
    :func:`copy_data`)."""
    return _as_data(scenario)


def _as_data(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _as_data(getattr(value, f.name)) for f in fields(value)}
    if type(value) in (list, tuple) and not set(map(type, value)) <= _ATOMIC_TYPES:
        return type(value)(_as_data(v) for v in value)   # e.g. the time-of-use periods
    if type(value) is dict:
        return {k: _as_data(v) for k, v in value.items()}
    return copy_data(value)   # plain values, and lists of them copied whole


# --------------------------------------------------------------------------
# migrations
# --------------------------------------------------------------------------
#: version n -> function(dict) -> dict of version n + 1
MIGRATIONS: dict[int, Any] = {}


def migrate(data: dict) -> dict:
    """Bring an older file's dict up to :data:`SCHEMA_VERSION` (data is copied)."""
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        return data
    out = copy_data(data)
    while version < SCHEMA_VERSION:
        out = MIGRATIONS[version](out)
        version += 1
        out["schema_version"] = version
    return out


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------
def validate_dict(data, source: str = "$") -> list[Problem]:
    """Every problem of a scenario dict (empty list when valid)."""
    _, problems = _from_dict(data)
    return problems


def _from_dict(data):
    problems: list[Problem] = []
    if not isinstance(data, dict):
        _p(problems, "$", data, "not_object", expected="object")
        return None, problems
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        _p(problems, "schema_version", version, "newer_schema", other=SCHEMA_VERSION)
        return None, problems
    if isinstance(version, int) and not isinstance(version, bool) and 1 <= version < SCHEMA_VERSION:
        data = migrate(data)
    if COMPARISON_KEY in data:  # the saved comparison is read by load_comparison(), not part of the scenario
        data = {k: v for k, v in data.items() if k != COMPARISON_KEY}
    scenario = _build(Scenario, data, "", problems)
    if not problems:
        _cross_checks(scenario, problems)
    return (scenario if not problems else None), problems


def from_dict(data) -> Scenario:
    """Validated :class:`Scenario` from a plain dict; raises :class:`ScenarioError`."""
    scenario, problems = _from_dict(data)
    if problems:
        raise ScenarioError(problems)
    return scenario


def read_json_file(path, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """Read a JSON data file with size limit and clear :class:`ScenarioError` problems."""
    p = Path(path)
    shown = str(p)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ScenarioError([Problem(shown, None, "cannot_read", params=(("detail", exc.strerror or str(exc)),))],
                            shown) from None
    if size > max_bytes:
        raise ScenarioError([Problem(shown, None, "file_too_large",
                                     params=(("limit_mb", max_bytes / 1e6), ("size_mb", size / 1e6)))], shown)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ScenarioError([Problem(shown, None, "cannot_read", params=(("detail", exc.strerror or str(exc)),))],
                            shown) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError([Problem(shown, None, "not_utf8")], shown) from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ScenarioError([Problem(shown, None, "not_json",
                                     params=(("col", exc.colno), ("detail", exc.msg), ("line", exc.lineno)))],
                            shown) from None
    except (ValueError, RecursionError) as exc:
        raise ScenarioError([Problem(shown, None, "not_json",
                                     params=(("col", 0), ("detail", str(exc)[:80]), ("line", 0)))],
                            shown) from None


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed in scenario files")


def load(path) -> Scenario:
    """Load and validate a ``*.v2g.json`` file; raises :class:`ScenarioError` listing every problem."""
    data = read_json_file(path)
    scenario, problems = _from_dict(data)
    if problems:
        raise ScenarioError(problems, str(path))
    return scenario


def dumps(scenario: Scenario) -> str:
    return json.dumps(to_dict(scenario), ensure_ascii=False, indent=1, allow_nan=False)


def save(scenario: Scenario, path, comparison: list[Variant] | None = None) -> None:
    """Validate and write ``scenario`` to ``path`` atomically (the old file survives any failure).

    ``comparison``: the scenarios compared with it (Compare tab), stored as their differences
    from ``scenario`` under the top-level key ``comparison`` (see :func:`load_comparison`).
    """
    data = to_dict(scenario)
    problems = validate_dict(data)
    if problems:
        raise ScenarioError(problems, str(path))
    if comparison:
        data[COMPARISON_KEY] = comparison_entries(data, comparison)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n")


# --------------------------------------------------------------------------
# saved comparison (variants of the scenario, Compare tab)
# --------------------------------------------------------------------------
COMPARISON_KEY = "comparison"
#: what a variant is: a copy the dealer edited, or the scenario in one participation mode
VARIANT_KINDS = ("copy", "none", "v2h", "v2g", "v2h+v2g")
MAX_VARIANTS = 3


@dataclass
class Variant:
    """One compared scenario: a label, what kind of variant it is, and the full scenario."""

    label: str
    kind: str
    scenario: Scenario


def changes(base: dict, other: dict, prefix: str = "") -> dict[str, Any]:
    """The fields of scenario dict ``other`` that differ from ``base``, as ``{dotted.path: value}``.

    Groups are compared field by field; lists, optional groups that are absent on one side and
    other values are compared whole.
    """
    out: dict[str, Any] = {}
    for key, value in other.items():
        path = f"{prefix}{key}"
        if key not in base:
            out[path] = copy_data(value)
        elif isinstance(value, dict) and isinstance(base[key], dict):
            out.update(changes(base[key], value, path + "."))
        elif value != base[key]:
            out[path] = copy_data(value)
    return out


def apply_changes(base: dict, diff: dict[str, Any]) -> dict:
    """A copy of scenario dict ``base`` with ``diff`` (from :func:`changes`) applied.

    Raises ``KeyError`` naming the path when a path does not lead to a field group of ``base``.
    """
    out = copy_data(base)
    for path, value in diff.items():
        keys = str(path).split(".")
        node = out
        for k in keys[:-1]:
            if not isinstance(node, dict) or not isinstance(node.get(k), dict):
                raise KeyError(path)
            node = node[k]
        if not isinstance(node, dict) or not keys[-1]:
            raise KeyError(path)
        node[keys[-1]] = copy_data(value)
    return out


def comparison_entries(base: dict, comparison: list[Variant]) -> list[dict]:
    """The JSON form of a comparison: label, kind and the changes from ``base`` of each variant."""
    return [{"label": v.label, "kind": v.kind, "changes": changes(base, to_dict(v.scenario))}
            for v in comparison[:MAX_VARIANTS]]


def load_comparison(data: dict, scenario: Scenario) -> tuple[list[Variant], list[Problem]]:
    """The variants saved in scenario file ``data`` (already validated as ``scenario``).

    A broken entry is skipped and its problems returned (paths ``comparison[i]...``), so a bad
    comparison never stops the scenario itself from opening.
    """
    problems: list[Problem] = []
    raw = data.get(COMPARISON_KEY) if isinstance(data, dict) else None
    if raw is None:
        return [], problems
    if not isinstance(raw, list):
        _p(problems, COMPARISON_KEY, raw, "wrong_type", expected="list", expected_en="a list",
           expected_ja="リスト")
        return [], problems
    base = to_dict(scenario)
    out: list[Variant] = []
    for i, entry in enumerate(raw[:MAX_VARIANTS]):
        where = f"{COMPARISON_KEY}[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("changes", {}), dict):
            _p(problems, where, entry, "not_object", expected="object")
            continue
        label = entry.get("label")
        kind = entry.get("kind", "copy")
        if not isinstance(label, str) or not label.strip():
            _p(problems, f"{where}.label", label, "wrong_type", expected="text", expected_en="text",
               expected_ja="文字列")
            continue
        if kind not in VARIANT_KINDS:
            _p(problems, f"{where}.kind", kind, "not_choice", expected=" | ".join(VARIANT_KINDS),
               choices=", ".join(VARIANT_KINDS))
            continue
        try:
            merged = apply_changes(base, entry.get("changes", {}))
        except KeyError as exc:
            _p(problems, f"{where}.changes.{exc.args[0]}", None, "unknown_key", suggestion_en="",
               suggestion_ja="")
            continue
        variant, found = _from_dict(merged)
        if found:
            for p in found:
                problems.append(dataclasses.replace(p, path=f"{where}.changes.{p.path}"))
            continue
        out.append(Variant(label=label.strip(), kind=kind, scenario=variant))
    if len(raw) > MAX_VARIANTS:
        _p(problems, COMPARISON_KEY, len(raw), "bad_length_range", lo=0, hi=MAX_VARIANTS, got=len(raw))
    return out, problems


def load_with_comparison(path) -> tuple[Scenario, list[Variant], list[Problem]]:
    """:func:`load` plus the saved comparison (its problems are returned, not raised)."""
    data = read_json_file(path)
    scenario, problems = _from_dict(data)
    if problems:
        raise ScenarioError(problems, str(path))
    variants, vproblems = load_comparison(data, scenario)
    return scenario, variants, vproblems


#: name and notes of the demo scenario per language (the figures are the same)
DEMO_TEXTS = {
    "en": ("Demo: 卒FIT household near Tokyo, Leaf 40 kWh + 6 kW V2H",
           "Example values; prices as of 2025. Installation cost is an example value."),
    "ja": ("デモ: 東京近郊の卒FIT住宅、リーフ 40 kWh + 6 kW V2H",
           "例示値です。料金は 2025 年時点、設置工事費は例示値です。"),
}


def demo(lang: str = "en") -> Scenario:
    """The pinned demo: a 卒FIT household near Tokyo with a Leaf 40 kWh and a 6 kW V2H unit.

    Built from the shipped presets (vehicle, charger, subsidy, tariff, load and
    PV profiles, climate) plus the household's own inputs; sources of every
    number: ``../shared/research/economics.md`` and ``profiles.md``, see
    ``docs/scenario.md``.  ``lang`` ("en" or "ja") only sets the scenario's name
    and notes.
    """
    from .presets import demo_from_presets

    return demo_from_presets(lang)


def iter_fields(cls=Scenario, prefix: str = ""):
    """Yield ``(path, FieldInfo, type)`` for every leaf field (for docs and range tests)."""
    hints = _hints(cls)
    for f in fields(cls):
        tp, _ = _unwrap_optional(hints[f.name])
        path = f"{prefix}.{f.name}" if prefix else f.name
        if dataclasses.is_dataclass(tp):
            yield from iter_fields(tp, path)
        else:
            yield path, FieldInfo(name=f.name, **f.metadata.get("info", {})), tp
