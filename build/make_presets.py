"""Write the shipped presets ``resources/presets/*.json`` from the research notes.

    python build/make_presets.py           # rewrite the files
    python build/make_presets.py --check   # exit 1 if the files differ from this script

Every number below comes from ``../shared/research`` (economics.md, profiles.md)
with its source and date.  ``confidence`` is "verified" only when every number
of the preset was read in a source (✅ in the notes); anything recalled or
estimated (⚠️) makes the preset "uncertain", and the app shows it as an
example value the dealer must confirm.  (``climates.json`` is written by the
ageing work, ``models/climate.py``.)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "presets"
sys.path.insert(0, str(ROOT))

from models.demo_data import (JP_4P_MONTHLY_KWH, JP_GAS_HOUSEHOLD_SHAPE,  # noqa: E402
                              TOKYO_ALL_SKY_FACTOR, TOKYO_CLEAR_SKY_KWH_PER_KWP, tokyo_hourly_pv_shape)

ALL_MONTHS = list(range(1, 13))
RESEARCH_DATE = "2026-11-29"


def vehicle(id_, name, name_ja, *, capacity_kwh, cell_model, kwh_per_km, pack_cost, currency, warranty_years,
            warranty_km, warranty_soh, source, as_of, confidence, notes="", cycle_life=2000.0, v2h=""):
    return {
        "id": id_, "name": name, "name_ja": name_ja, "source": source, "as_of": as_of, "confidence": confidence,
        "notes": notes, "currency": currency, "bidirectional": v2h, "kwh_per_km": kwh_per_km,
        "vehicle": {"preset_id": id_, "name": name, "capacity_kwh": capacity_kwh, "cell_model": cell_model,
                    "pack_replacement_cost": pack_cost, "warranty_years": warranty_years,
                    "warranty_km": warranty_km, "warranty_soh": warranty_soh, "cycle_life": cycle_life,
                    "cycle_life_dod": 0.8},
    }


NMC, LFP, NCA = "nmc622_gr_denso50ah", "lfp_gr_250ah", "nca_gr_panasonic3ah"
EST_JP = "replacement cost estimated at 30,000 yen per usable kWh incl. labour (economics.md §3.5, ⚠️ estimate)"

VEHICLES = [
    vehicle("leaf_40", "Nissan Leaf 40 kWh", "日産 リーフ 40 kWh", capacity_kwh=37.0, cell_model=NMC, kwh_per_km=0.15,
            pack_cost=870000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0, warranty_soh=0.70,
            source="economics.md §3.4/§3.5: Nichicon & Denso V2H lists; Nissan 2018 pack price 820,000 yen "
                   "+ 50,000 labour (⚠️); usable 37 kWh (⚠️); warranty 8 y/160,000 km, 9 of 12 segments",
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO); UK/US V2G",
            notes="WLTC about 155 Wh/km (⚠️); EPA 0.187 kWh/km grid-to-wheel"),
    vehicle("leaf_62", "Nissan Leaf e+ 62 kWh", "日産 リーフ e+ 62 kWh", capacity_kwh=59.0, cell_model=NMC,
            kwh_per_km=0.16, pack_cost=1770000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="economics.md §3.4 (62/59 kWh ⚠️); " + EST_JP, as_of="2025-06-01",
            confidence="uncertain", v2h="JP V2H (CHAdeMO)"),
    vehicle("sakura", "Nissan Sakura", "日産 サクラ", capacity_kwh=20.0, cell_model=NMC, kwh_per_km=0.13,
            pack_cost=600000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0, warranty_soh=0.70,
            source="economics.md §3.4 (20 kWh; warranty ⚠️); profiles.md §6 WLTC 124 Wh/km (⚠️); " + EST_JP,
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO)"),
    vehicle("ariya_b6", "Nissan Ariya B6 (66 kWh)", "日産 アリア B6", capacity_kwh=63.0, cell_model=NMC,
            kwh_per_km=0.18, pack_cost=1890000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="economics.md §3.4 (66 kWh gross; usable ⚠️); profiles.md §6; " + EST_JP,
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO)"),
    vehicle("outlander_phev", "Mitsubishi Outlander PHEV (20 kWh)", "三菱 アウトランダー PHEV", capacity_kwh=20.0,
            cell_model=NMC, kwh_per_km=0.20, pack_cost=600000.0, currency="JPY", warranty_years=8.0,
            warranty_km=160000.0, warranty_soh=0.70,
            source="economics.md §3.4 (20 kWh 2021 model ⚠️); " + EST_JP, as_of="2025-06-01",
            confidence="uncertain", v2h="JP V2H (CHAdeMO)", notes="Plug-in hybrid: only electric driving is modelled"),
    vehicle("bz4x", "Toyota bZ4X (FWD)", "トヨタ bZ4X (FWD)", capacity_kwh=64.0, cell_model=NMC, kwh_per_km=0.15,
            pack_cost=1920000.0, currency="JPY", warranty_years=10.0, warranty_km=200000.0, warranty_soh=0.70,
            source="economics.md §3.4 (71.4 kWh gross ⚠️, usable ⚠️; JP warranty 10 y/200,000 km, 70 % ⚠️); "
                   + EST_JP, as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO)"),
    vehicle("ioniq5", "Hyundai Ioniq 5 (77.4 kWh)", "ヒョンデ IONIQ 5", capacity_kwh=74.0, cell_model=NMC,
            kwh_per_km=0.17, pack_cost=2220000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="economics.md §3.4 (capacity and warranty ⚠️); " + EST_JP,
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H; V2G car sharing in Utrecht"),
    vehicle("id4", "Volkswagen ID.4 (77 kWh)", "フォルクスワーゲン ID.4", capacity_kwh=77.0, cell_model=NMC,
            kwh_per_km=0.18, pack_cost=19250.0, currency="EUR", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="economics.md §3.4 (82/77 kWh, warranty ⚠️); replacement 250 EUR/kWh "
                                      "(⚠️ estimate, §3.5)", as_of="2025-06-01", confidence="uncertain",
            v2h="V2H in Germany with HEMS (⚠️)"),
    vehicle("tesla_m3_lfp", "Tesla Model 3 RWD (LFP)", "テスラ モデル3 RWD (LFP)", capacity_kwh=57.5, cell_model=LFP,
            kwh_per_km=0.158, pack_cost=14375.0, currency="USD", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="economics.md §3.4 (57.5 kWh usable ⚠️); profiles.md §6 EPA 132 MPGe = "
                                      "0.158 kWh/km ✅; replacement 250 USD/kWh (⚠️ estimate)",
            as_of="2025-06-01", confidence="uncertain", v2h="none on Model 3 (for comparison)", cycle_life=3000.0),
    vehicle("f150_lightning_er", "Ford F-150 Lightning (Extended Range)", "フォード F-150 ライトニング (ER)",
            capacity_kwh=131.0, cell_model=NMC, kwh_per_km=0.30, pack_cost=32750.0, currency="USD",
            warranty_years=8.0, warranty_km=160934.0, warranty_soh=0.70,
            source="economics.md §3.4: 131 kWh ER, V2H 9.6 kW (Ford) ✅; warranty 8 y/100,000 mi, 70 % (⚠️); "
                   "energy use and replacement 250 USD/kWh (⚠️ estimates)", as_of="2025-06-01",
            confidence="uncertain", v2h="US V2H (Intelligent Backup Power, 9.6 kW)"),
    vehicle("byd_dolphin", "BYD Dolphin (60.5 kWh)", "BYD ドルフィン", capacity_kwh=60.5, cell_model=LFP,
            kwh_per_km=0.16, pack_cost=12100.0, currency="GBP", warranty_years=8.0, warranty_km=200000.0,
            warranty_soh=0.70, source="economics.md §3.4: 60.5 kWh usable (Octopus T&C) ✅; warranty, energy "
                                      "use and replacement 200 GBP/kWh (⚠️ estimates)",
            as_of="2025-06-01", confidence="uncertain", v2h="UK V2G lease bundle; JP V2H", cycle_life=3000.0),
    vehicle("kia_ev9", "Kia EV9 (99.8 kWh)", "キア EV9", capacity_kwh=96.0, cell_model=NMC, kwh_per_km=0.22,
            pack_cost=24000.0, currency="USD", warranty_years=10.0, warranty_km=160934.0, warranty_soh=0.70,
            source="economics.md §3.4: 76-100 kWh ✅, V2H with Wallbox Quasar 2 (US) ✅; usable, warranty, "
                   "energy use and replacement 250 USD/kWh (⚠️)", as_of="2025-06-01", confidence="uncertain",
            v2h="US V2H with Wallbox Quasar 2"),
]


def charger(id_, name, name_ja, *, price, currency, charge_kw, discharge_kw, source, as_of, confidence,
            installation=0.0, standby_w=30.0, eff=0.92, lifetime_years=15.0, notes=""):
    return {"id": id_, "name": name, "name_ja": name_ja, "source": source, "as_of": as_of,
            "confidence": confidence, "currency": currency, "notes": notes,
            "charger": {"preset_id": id_, "name": name, "price": price, "installation": installation,
                        "charge_kw": charge_kw, "discharge_kw": discharge_kw, "charge_efficiency": eff,
                        "discharge_efficiency": eff, "standby_w": standby_w, "lifetime_years": lifetime_years}}


EFF_NOTE = ("efficiency 0.92 each way (round trip 0.85, Schram et al. 2020 field mean 0.87 ✅), standby 30 W "
            "(⚠️ assumption; owners measured about 50 W while discharging, economics.md §3.2)")
CHARGERS = [
    charger("jp_nichicon_evps_std", "Nichicon EV Power Station (standard, 6 kW)", "ニチコン EVパワー・ステーション スタンダード",
            price=498000.0, installation=250000.0, currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="economics.md §3.1: list price 498,000 yen (3.7 m cable, tax excl.) ✅; installation "
                   "250,000 yen example (typical 200,000-400,000) ⚠️; " + EFF_NOTE,
            as_of="2025-06-01", confidence="uncertain"),
    charger("jp_nichicon_evps_premium", "Nichicon EV Power Station (premium, 6 kW)", "ニチコン EVパワー・ステーション プレミアム",
            price=898000.0, installation=250000.0, currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="economics.md §3.1: list 898,000 yen ✅; installation example ⚠️; " + EFF_NOTE,
            as_of="2025-06-01", confidence="uncertain"),
    charger("jp_nichicon_tribrid", "Nichicon Tribrid (PV + battery + V2H)", "ニチコン トライブリッド",
            price=1300000.0, installation=300000.0, currency="JPY", charge_kw=5.9, discharge_kw=5.9,
            source="economics.md §3.1: integrated type 1,300,000 yen ✅, PCS 5.9 kW (example) ✅; installation ⚠️; "
                   + EFF_NOTE, as_of="2025-06-01", confidence="uncertain"),
    charger("jp_denso_v2h", "Denso V2H charger (DNEVC-D6075)", "デンソー V2H-充放電器", price=1100000.0,
            installation=250000.0, currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="economics.md §3.1: list 1,100,000 yen ✅; installation ⚠️; " + EFF_NOTE,
            as_of="2025-06-01", confidence="uncertain"),
    charger("jp_panasonic_eneplat_v2h", "Panasonic eneplat V2H stand", "パナソニック eneplat V2Hスタンド",
            price=1760000.0, installation=250000.0, currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="economics.md §3.1: list 1,760,000 yen ✅; installation ⚠️; " + EFF_NOTE,
            as_of="2025-06-01", confidence="uncertain"),
    charger("jp_toko_takaoka_v2h", "Toko Takaoka V2H", "東光高岳 V2H", price=750000.0, installation=250000.0,
            currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="economics.md §3.1: list 750,000 yen ✅; power and installation ⚠️; " + EFF_NOTE,
            as_of="2025-06-01", confidence="uncertain"),
    charger("us_wallbox_quasar2", "Wallbox Quasar 2 (11.5 kW, CCS1)", "Wallbox Quasar 2", price=6440.0,
            installation=1500.0, currency="USD", charge_kw=11.5, discharge_kw=11.5,
            source="economics.md §3.1: US$6,440 pre-order 2025-03 ✅, 11.5 kW ✅; installation ⚠️; " + EFF_NOTE,
            as_of="2025-03-01", confidence="uncertain"),
    charger("uk_wallbox_quasar1", "Wallbox Quasar (7.4 kW, CHAdeMO)", "Wallbox Quasar", price=3200.0,
            installation=800.0, currency="GBP", charge_kw=7.4, discharge_kw=7.4,
            source="economics.md §3.1: 7.4 kW ✅; about US$4,000 expected in 2020 ⚠️ (3,200 GBP here); G99 "
                   "export permission needed; installation ⚠️; " + EFF_NOTE, as_of="2024-06-01",
            confidence="uncertain"),
    charger("us_ford_csp", "Ford Charge Station Pro + Home Integration System", "Ford Charge Station Pro",
            price=5205.0, installation=3000.0, currency="USD", charge_kw=19.2, discharge_kw=9.6,
            source="economics.md §3.1: Charge Station Pro $1,310 + Sunrun HIS $3,895 ✅; 80 A, export 9.6 kW ✅; "
                   "installation ⚠️ (MotorTrend all-in quote $17,340 incl. panel upgrades); " + EFF_NOTE,
            as_of="2022-05-01", confidence="uncertain"),
]

SUBSIDIES = [
    {"id": "jp_cev_v2h_fy2024", "name": "Japan CEV subsidy for V2H, FY2024", "name_ja": "CEV補助金 V2H (2024年度)",
     "currency": "JPY", "country": "JP", "as_of": "2024-05-22", "confidence": "verified",
     "source": "economics.md §3.3: 1/3 of equipment up to 300,000 yen + works up to 150,000 yen (max 450,000); "
               "kaden.watch.impress 2024-05-22 ✅",
     "rule": {"equipment_share": 1 / 3, "equipment_cap": 300000.0, "works_share": 1.0, "works_cap": 150000.0}},
    {"id": "jp_cev_v2h_fy2025", "name": "Japan CEV subsidy for V2H, FY2025", "name_ja": "CEV補助金 V2H (2025年度)",
     "currency": "JPY", "country": "JP", "as_of": "2025-08-01", "confidence": "verified",
     "source": "economics.md §3.3: 1/2 of equipment up to 500,000 yen + works up to 150,000 yen (max 650,000); "
               "applications 2025-07-25 to 2025-09-30; universe-co.com, ecodenchi.com 2025-08 ✅",
     "rule": {"equipment_share": 0.5, "equipment_cap": 500000.0, "works_share": 1.0, "works_cap": 150000.0}},
    {"id": "jp_tokyo_v2h_fy2025", "name": "Tokyo V2H top-up, FY2025 (uncertain)", "name_ja": "東京都 V2H 補助 (2025年度, 要確認)",
     "currency": "JPY", "country": "JP", "as_of": "2025-07-01", "confidence": "uncertain",
     "source": "economics.md §3.3: 1/2 of (equipment + works) minus the national subsidy, cap 500,000 yen ⚠️ "
               "(shigyo.co.jp 2025-07; the page shows 50,000, probably a typo); confirm with the Tokyo programme",
     "rule": {"combined_share": 0.5, "combined_cap": 500000.0, "minus_national": True}},
]


def period(start, end, price, months=None, days="all"):
    return {"months": months or ALL_MONTHS, "days": days, "start": start, "end": end, "price_per_kwh": price}


def tariff(id_, name, name_ja, *, currency, country, import_periods, source, as_of, confidence, add_on=0.0,
           export=0.0, export_periods=None, **extra):
    t = {"preset_id": id_, "as_of": as_of, "name": name, "source": source, "confidence": confidence,
         "import_periods": import_periods, "add_on_per_kwh": add_on, "export_price_per_kwh": export,
         "export_periods": export_periods or []}
    t.update(extra)
    return {"id": id_, "name": name, "name_ja": name_ja, "currency": currency, "country": country,
            "source": source, "as_of": as_of, "confidence": confidence, "tariff": t}


LEVY = 3.98  # 再エネ賦課金 FY2025 (May 2025 - Apr 2026), economics.md §2.1.1 ✅

# economics.md §2.1.6: JEPX FY2024 hourly means (yen/kWh), seasons summer Jul-Sep, winter Dec-Feb, shoulder rest.
JEPX_FY2024 = {
    "tokyo": {
        "summer": [13.2, 12.8, 12.5, 12.5, 12.5, 12.4, 12.5, 12.5, 12.9, 14.6, 14.4, 15.0, 14.4, 16.3, 17.3, 18.9,
                   20.4, 20.4, 20.1, 19.0, 17.7, 15.9, 15.0, 13.2],
        "winter": [13.7, 13.3, 13.1, 13.0, 13.2, 13.8, 15.6, 16.6, 14.9, 13.8, 11.7, 10.7, 9.8, 11.0, 12.0, 13.4,
                   15.8, 17.0, 17.1, 16.8, 16.4, 15.6, 15.2, 14.1],
        "shoulder": [12.3, 11.9, 11.9, 12.1, 12.4, 12.4, 12.2, 11.1, 10.7, 11.0, 10.3, 10.0, 9.2, 10.8, 12.0, 13.4,
                     15.1, 16.3, 16.9, 16.4, 15.2, 13.8, 13.4, 12.5],
    },
    "kansai": {
        "summer": [11.6, 11.0, 10.7, 10.9, 10.9, 11.1, 10.9, 10.7, 11.5, 13.2, 12.6, 12.9, 11.4, 13.9, 15.3, 17.0,
                   20.0, 21.4, 21.9, 19.5, 17.3, 15.5, 13.8, 11.7],
        "winter": [10.8, 10.5, 10.9, 11.3, 11.3, 11.6, 13.7, 15.2, 14.7, 13.7, 11.0, 9.5, 8.0, 9.7, 10.5, 11.8,
                   14.0, 16.2, 16.4, 16.0, 15.6, 14.6, 13.1, 11.4],
        "shoulder": [9.8, 9.4, 9.7, 10.4, 10.7, 11.0, 10.6, 8.7, 8.5, 8.3, 7.2, 6.8, 5.5, 7.3, 8.3, 9.8, 11.7, 13.7,
                     14.8, 14.1, 13.2, 12.1, 11.0, 9.8],
    },
    "kyushu": {
        "summer": [11.5, 10.8, 10.4, 10.5, 10.7, 10.9, 10.5, 9.9, 10.6, 11.2, 10.3, 9.8, 9.0, 10.7, 12.1, 14.3,
                   18.6, 21.1, 21.9, 19.4, 17.3, 15.5, 13.8, 11.6],
        "winter": [10.7, 10.3, 10.8, 11.1, 11.1, 11.5, 13.4, 15.0, 14.0, 11.8, 8.5, 6.4, 4.5, 5.5, 6.9, 9.5, 12.4,
                   15.9, 16.3, 15.9, 15.5, 14.5, 13.0, 11.3],
        "shoulder": [9.7, 9.2, 9.6, 10.3, 10.6, 10.8, 10.3, 8.5, 7.7, 6.8, 5.6, 5.0, 3.9, 5.4, 6.6, 8.4, 11.0, 13.3,
                     14.7, 13.9, 13.0, 12.0, 10.9, 9.7],
    },
}
SEASON_MONTHS = {"summer": [7, 8, 9], "winter": [12, 1, 2], "shoulder": [3, 4, 5, 6, 10, 11]}
JEPX_RETAIL_ADDER = 15.0  # ⚠️ example: network + retail charges on top of the spot price, not from a source
SOTSU_FIT = {"tokyo": 8.5, "kansai": 8.0, "kyushu": 7.0}


def hourly_periods(table: dict, adder: float = 0.0) -> list:
    rows = []
    for season, prices in table.items():
        for h, p in enumerate(prices):
            rows.append(period(f"{h:02d}:00", f"{(h + 1) % 24:02d}:00", round(p + adder, 2), SEASON_MONTHS[season]))
    return rows


TARIFFS = [
    tariff("jp_tepco_smartlife_s", "TEPCO Smart Life S", "東京電力EP スマートライフS", currency="JPY", country="JP",
           import_periods=[period("06:00", "01:00", 35.76), period("01:00", "06:00", 27.86)], add_on=LEVY, export=8.5,
           source="economics.md §2.1.1: 35.76 yen 06:00-01:00, 27.86 yen 01:00-06:00 (silvergrowthstudio.jp 2025; "
                  "SMM3 2024-04) ✅; 再エネ賦課金 FY2025 3.98 yen/kWh ✅; 卒FIT TEPCO EP 8.5 yen/kWh ✅; basic "
                  "charge not modelled (unchanged by V2H)", as_of="2025-06-01", confidence="verified"),
    tariff("jp_chubu_smartlife", "Chubu Miraiz Smart Life Plan", "中部電力ミライズ スマートライフプラン", currency="JPY",
           country="JP",
           import_periods=[period("10:00", "17:00", 38.80, days="weekday"), period("08:00", "22:00", 28.61),
                           period("22:00", "08:00", 16.52)], add_on=LEVY, export=7.0,
           source="economics.md §2.1.1: デイ 10-17 weekdays 38.80, @ホーム 08-10 & 17-22 (weekends 08-22) 28.61, "
                  "ナイト 22-08 16.52 yen (SMM3 2024-04) ✅; levy FY2025 ✅; 卒FIT 中部電力 7.0 ✅",
           as_of="2024-04-01", confidence="verified"),
    tariff("jp_kepco_hapie_time", "Kansai Hapi e-Time (legacy)", "関西電力 はぴeタイム (旧プラン)", currency="JPY",
           country="JP",
           import_periods=[period("10:00", "17:00", 28.96, months=[7, 8, 9], days="weekday"),
                           period("10:00", "17:00", 26.33, days="weekday"),
                           period("07:00", "23:00", 22.89), period("23:00", "07:00", 15.20)],
           add_on=LEVY, export=8.0,
           source="economics.md §2.1.1: kepco.jp (from 2022-07-01) デイ summer 28.96 / other 26.33 (weekdays 10-17), "
                  "リビング 22.89, ナイト 15.20 yen ✅; closed to new customers since 2019-04; levy FY2025 ✅; "
                  "卒FIT 関西電力 8.0 ✅", as_of="2022-07-01", confidence="verified"),
]
for area, name_ja in (("tokyo", "東京"), ("kansai", "関西"), ("kyushu", "九州")):
    TARIFFS.append(tariff(
        f"jp_jepx_fy2024_{area}", f"JEPX-linked example, {area.title()} area (FY2024 hourly profile)",
        f"市場連動型の例 ({name_ja}エリア, 2024年度の時間別平均)", currency="JPY", country="JP",
        import_periods=hourly_periods(JEPX_FY2024[area], JEPX_RETAIL_ADDER), add_on=LEVY,
        export_periods=hourly_periods(JEPX_FY2024[area]), export=SOTSU_FIT[area],
        source=f"economics.md §2.1.6: JEPX FY2024 hourly means by season, {area} area, computed from JEPX "
               f"spot_summary data ✅; import = spot + {JEPX_RETAIL_ADDER:g} yen/kWh retail/network adder (⚠️ example, "
               "confirm with the retailer) + levy; export at the spot price (⚠️ market-linked buy-back example)",
        as_of="2025-03-31", confidence="uncertain"))

# Octopus Agile-like: profiles.md §4b formula (wholesale x 2.2 + 12 p in 16-19 h, x 1.05 VAT, cap 35 p) applied
# to an illustrative wholesale shape (p/kWh) - ⚠️ not a published price series.
_UK_WHOLESALE = [7.0, 6.5, 6.2, 6.0, 6.0, 6.3, 7.5, 9.0, 9.5, 8.5, 7.5, 7.0, 6.5, 6.5, 7.0, 8.0, 10.0, 12.0, 12.5,
                 11.0, 9.5, 8.5, 8.0, 7.5]
_AGILE = [round(min(35.0, (w * 2.2 + (12.0 if 16 <= h < 19 else 0.0)) * 1.05) / 100, 4)
          for h, w in enumerate(_UK_WHOLESALE)]
TARIFFS += [
    tariff("uk_octopus_intelligent_go", "Octopus Intelligent Octopus Go + Outgoing", "Octopus Intelligent Go (英国)",
           currency="GBP", country="GB",
           import_periods=[period("23:30", "05:30", 0.07), period("05:30", "23:30", 0.27)], export=0.15,
           source="economics.md §2.2: off-peak 7.0 p 23:30-05:30 (whatcar.com 2024-08) ✅; peak about 27 p "
                  "(regional, ⚠️); Outgoing export 15 p (2023) ✅", as_of="2024-08-05", confidence="uncertain"),
    tariff("uk_octopus_power_pack_style", "V2G bundle, Octopus Power Pack style", "V2G 一体型プラン (Octopus Power Pack 型)",
           currency="GBP", country="GB", import_periods=[period("00:00", "00:00", 0.245)], export=0.15,
           ev_charging_free=True,
           source="economics.md §2.2: Power Pack - EV charging free, Octopus schedules V2G export, needs Wallbox "
                  "Quasar 1, G99 and about six hours plugged in a day ✅; import (Flexible Octopus about 24.5 p) "
                  "and export 15 p are examples ⚠️", as_of="2024-06-01", confidence="uncertain"),
    tariff("uk_agile_like", "Agile-like dynamic profile (illustrative)", "Agile 型の変動料金 (例示)", currency="GBP",
           country="GB", import_periods=[period(f"{h:02d}:00", f"{(h + 1) % 24:02d}:00", p) for h, p in enumerate(_AGILE)],
           export=0.15, source="profiles.md §4b: original Agile formula (wholesale x 2.0-2.4 + 11-14 p at "
                               "16-19 h, +5 % VAT, cap) ✅ applied to an illustrative wholesale shape ⚠️; import a "
                               "real series with File > Import prices", as_of="2024-06-01", confidence="uncertain"),
    tariff("us_pge_ev2a_elrp", "PG&E EV2-A with ELRP events", "PG&E EV2-A + ELRP (米国)", currency="USD",
           country="US",
           import_periods=[period("16:00", "21:00", 0.54, months=[6, 7, 8, 9]), period("16:00", "21:00", 0.41),
                           period("15:00", "16:00", 0.44, months=[6, 7, 8, 9]),
                           period("21:00", "00:00", 0.44, months=[6, 7, 8, 9]), period("15:00", "16:00", 0.39),
                           period("21:00", "00:00", 0.39), period("00:00", "15:00", 0.23)],
           export=0.05, event_payment_per_kwh=2.0, event_hours_per_year=30.0, event_window="16:00-21:00",
           event_months=[5, 6, 7, 8, 9, 10],
           source="economics.md §2.3: EV2-A windows (peak 16-21, off-peak 00-15) ✅ (rateatlas.org); prices "
                  "summer peak 54 c, winter 41 c, off-peak 23 c (third-party 2026 dashboard ⚠️), partial peak and "
                  "export 5 c ⚠️; ELRP 2 USD/kWh, 16-21 h, May-Oct, 20-60 event hours (30 here) ⚠️ - refresh from "
                  "the PG&E tariff sheet", as_of="2026-01-01", confidence="uncertain"),
]
# NL dynamic (economics.md §2.4): (spot + 2.48 c surcharge + 10.88 c energy tax) x 1.21 VAT ✅; spot shape from a
# sunny-day snapshot ✅ (00-08 h 7-10 c, 10-14 h about 0 c, 19-21 h 10.5 c); other hours interpolated ⚠️.
_NL_SPOT_C = [9.0, 8.5, 8.0, 7.5, 7.5, 8.0, 9.0, 10.0, 6.0, 3.0, 0.5, 0.0, 0.0, 0.0, 1.0, 3.0, 6.0, 8.5, 10.0,
              10.4, 10.6, 10.0, 9.5, 9.0]
TARIFFS.append(tariff(
    "nl_dynamic_example", "Dutch dynamic tariff (example day)", "オランダの変動料金 (例)", currency="EUR", country="NL",
    import_periods=[period(f"{h:02d}:00", f"{(h + 1) % 24:02d}:00", round((c + 2.48 + 10.88) * 1.21 / 100, 4))
                    for h, c in enumerate(_NL_SPOT_C)],
    export_periods=[period(f"{h:02d}:00", f"{(h + 1) % 24:02d}:00", round(c / 100, 4)) for h, c in enumerate(_NL_SPOT_C)],
    source="economics.md §2.4: energy tax 0.1088 EUR/kWh ex VAT (2025) ✅, supplier surcharge 2.48 c (Tibber, "
           "Apr 2025) ✅, VAT 21 % ✅, spot shape from one sunny-day snapshot ✅ with hours in between ⚠️; export at "
           "spot (net metering ends 2027 ⚠️)", as_of="2025-04-01", confidence="uncertain"))


def load_profile(id_, name, name_ja, weekday, weekend, monthly, source, confidence):
    return {"id": id_, "name": name, "name_ja": name_ja, "source": source, "as_of": RESEARCH_DATE,
            "confidence": confidence,
            "load_profile": {"preset_id": id_, "as_of": RESEARCH_DATE, "source": source, "confidence": confidence,
                             "weekday_shape": weekday, "weekend_shape": weekend, "monthly_share": monthly,
                             "hourly_kwh": None}}


_ALL_ELECTRIC = [3.4, 6.3, 7.5, 7.5, 6.3, 2.9, 3.1, 4.1, 3.9, 2.9, 2.5, 2.5, 2.9, 2.6, 2.5, 2.7, 3.1, 4.1, 5.1, 5.7,
                 5.9, 5.3, 4.1, 3.1]
# profiles.md §3a Elexon PC1, spring weekday/weekend shares (%), seasonal kWh/day as monthly weights
_PC1_WD = [2.8, 2.2, 2.0, 2.0, 2.0, 2.1, 3.2, 4.6, 4.8, 4.4, 4.1, 3.9, 4.3, 3.9, 3.8, 4.0, 5.1, 6.1, 5.9, 5.9, 6.4,
           6.7, 5.9, 4.2]
_PC1_WE = [3.0, 2.4, 2.0, 1.8, 1.8, 1.9, 2.3, 3.2, 4.2, 4.8, 5.0, 5.3, 5.6, 4.9, 4.3, 4.3, 4.9, 5.6, 5.5, 5.6, 6.1,
           6.1, 5.3, 4.0]
_PC1_MONTHLY = [12.29, 12.29, 9.73, 9.73, 9.73, 8.87, 8.87, 8.87, 9.73, 9.73, 12.29, 12.29]
LOAD_PROFILES = [
    load_profile("jp_household_gas_4p", "Japan, 4-person household with gas", "日本 4人世帯 (ガス併用)",
                 JP_GAS_HOUSEHOLD_SHAPE, JP_GAS_HOUSEHOLD_SHAPE, [float(v) for v in JP_4P_MONTHLY_KWH],
                 "Shape: assumption from qualitative JP measurements (green2050 blog); monthly "
                 "shares: エネがえる FAQ 4-person household (AI-estimated from 環境省 statistics)", "uncertain"),
    load_profile("jp_household_all_electric", "Japan, all-electric household", "日本 オール電化世帯",
                 _ALL_ELECTRIC, _ALL_ELECTRIC, [float(v) for v in JP_4P_MONTHLY_KWH],
                 "profiles.md §3b indicative オール電化 shape (water heating 1-5 h) ⚠️ assumption; monthly shares "
                 "as the 4-person household ⚠️; typical 6,000-8,000 kWh/yr ⚠️", "uncertain"),
    load_profile("uk_elexon_pc1", "UK domestic (Elexon Profile Class 1)", "英国 家庭 (Elexon PC1)", _PC1_WD, _PC1_WE,
                 _PC1_MONTHLY, "profiles.md §3a: Elexon PC1 hourly shares (spring weekday/weekend) and seasonal "
                               "kWh/day as monthly weights ✅; scale to the household's own annual kWh", "verified"),
    load_profile("us_generic_evening_peak", "US household, generic evening peak (assumption)",
                 "米国 家庭 (夕方ピークの仮定)", JP_GAS_HOUSEHOLD_SHAPE, JP_GAS_HOUSEHOLD_SHAPE,
                 [1.1, 1.0, 0.95, 0.9, 0.95, 1.1, 1.3, 1.3, 1.15, 0.95, 0.95, 1.1],
                 "profiles.md §3c: no sourced US hourly table; evening-peak shape reused as an assumption ⚠️, "
                 "summer cooling weighting ⚠️; import NREL ResStock data when available", "uncertain"),
]


def _shift(row, hours):
    return row[hours:] + row[:hours]


def pv_profile(id_, name, name_ja, clear_sky, factor, shapes, source):
    monthly = [round(c * f, 1) for c, f in zip(clear_sky, factor)]
    return {"id": id_, "name": name, "name_ja": name_ja, "source": source, "as_of": RESEARCH_DATE,
            "confidence": "uncertain",
            "pv_profile": {"preset_id": id_, "as_of": RESEARCH_DATE, "source": source, "confidence": "uncertain",
                           "monthly_kwh_per_kwp": monthly, "hourly_shape": shapes, "hourly_kw_per_kwp": None}}


def _two_season_shapes(jan5_19, jul5_19):
    """12 rows: cosine blend between the January and July shapes (hours 5-19)."""
    import math

    rows = []
    for m in range(12):
        w = 0.5 - 0.5 * math.cos(2 * math.pi * m / 12)  # 0 in Jan, 1 in Jul
        mid = [(1 - w) * a + w * b for a, b in zip(jan5_19, jul5_19)]
        total = sum(mid)
        rows.append([0.0] * 5 + [round(v / total, 6) for v in mid] + [0.0] * 4)
    return rows


_LONDON_JAN = [0, 0, 0, .013, .086, .152, .187, .195, .177, .130, .056, .004, 0, 0, 0]
# profiles.md gives London July on the BST clock; shift one hour earlier to GMT (standard time)
_LONDON_JUL_GMT = _shift([.001, .006, .022, .048, .073, .094, .109, .117, .119, .114, .102, .084, .061, .035, .012], 1)
_PHOENIX_JAN = [0, 0, .002, .043, .089, .119, .138, .145, .143, .130, .106, .068, .017, 0, 0]
_PHOENIX_JUL = [0, .005, .029, .061, .088, .109, .121, .127, .124, .114, .097, .072, .041, .011, .001]
PV_SRC = ("profiles.md §2a clear-sky kWh/kWp (pvlib 0.16.1, south 30°) ✅ x all-sky factor of §2b ⚠️; hourly "
          "shares of §2c ✅ ({shape}) interpolated between months")
PV_PROFILES = [
    pv_profile("jp_tokyo_south30", "Tokyo, south 30°", "東京 南向き30°", TOKYO_CLEAR_SKY_KWH_PER_KWP,
               TOKYO_ALL_SKY_FACTOR, tokyo_hourly_pv_shape(), PV_SRC.format(shape="Tokyo Jan/Apr/Jul/Oct")),
    pv_profile("jp_osaka_south30", "Osaka, south 30°", "大阪 南向き30°",
               [146, 148, 174, 171, 172, 164, 166, 164, 156, 153, 138, 138], TOKYO_ALL_SKY_FACTOR,
               tokyo_hourly_pv_shape(), PV_SRC.format(shape="Tokyo shape used for Osaka ⚠️")),
    pv_profile("uk_london_south30", "London, south 30°", "ロンドン 南向き30°",
               [69, 89, 129, 158, 180, 174, 174, 164, 136, 111, 73, 58],
               [0.42, 0.50, 0.60, 0.66, 0.68, 0.68, 0.68, 0.66, 0.62, 0.55, 0.45, 0.40],
               _two_season_shapes(_LONDON_JAN, _LONDON_JUL_GMT), PV_SRC.format(shape="London Jan/Jul")),
    pv_profile("us_los_angeles_south30", "Los Angeles, south 30°", "ロサンゼルス 南向き30°",
               [130, 133, 160, 160, 168, 161, 165, 162, 154, 144, 128, 124],
               [0.90, 0.90, 0.90, 0.90, 0.85, 0.82, 0.92, 0.93, 0.92, 0.90, 0.90, 0.90],
               _two_season_shapes(_PHOENIX_JAN, _PHOENIX_JUL), PV_SRC.format(shape="Phoenix shape used ⚠️")),
]


def build() -> dict[str, dict]:
    head = {"schema": 1, "generated_by": "build/make_presets.py", "research_date": RESEARCH_DATE}
    return {
        "vehicles.json": {**head, "presets": VEHICLES},
        "chargers.json": {**head, "presets": CHARGERS},
        "subsidies.json": {**head, "presets": SUBSIDIES},
        "tariffs.json": {**head, "presets": TARIFFS},
        "load_profiles.json": {**head, "presets": LOAD_PROFILES},
        "pv_profiles.json": {**head, "presets": PV_PROFILES},
    }


EXAMPLES = ROOT / "resources" / "examples"


def _example(name, currency, country, presets_, **inputs):
    """A scenario built from presets plus the household's own inputs (keys: group -> dict)."""
    from models import presets as pr
    from models import scenario as sc

    s = sc.Scenario(name=name, currency=currency, country=country,
                    charger=sc.Charger(subsidy=0.0, subsidy_preset_id=""))
    for kind, pid in presets_:
        s, warnings = pr.apply(s, kind, pid)
        if warnings:
            raise SystemExit(f"{name}: {warnings}")
    d = sc.to_dict(s)
    for group, values in inputs.items():
        if isinstance(values, dict):
            d[group].update(values)
        else:
            d[group] = values
    return sc.to_dict(sc.from_dict(d))


def build_examples() -> dict[str, dict]:
    from models import presets as pr
    from models import scenario as sc

    pr._cache.clear()
    uk = _example(
        "UK: V2G with an Octopus Power Pack style bundle (BYD Dolphin, Wallbox Quasar)", "GBP", "GB",
        [("vehicles", "byd_dolphin"), ("chargers", "uk_wallbox_quasar1"), ("tariffs", "uk_octopus_power_pack_style"),
         ("load_profiles", "uk_elexon_pc1"), ("pv_profiles", "uk_london_south30"), ("climates", "london")],
        notes="Example for dealers in the UK: the programme pays the car's charging and schedules export in the "
              "16:00-19:00 peak; export price and import price are examples to confirm.",
        start_date="2026-04-01", horizon_years=10, step_minutes=15,
        driving={"weekday_km": 40.0, "weekend_km": 50.0, "weekday_departure": "08:00", "weekday_return": "18:00",
                 "weekend_departure": "10:00", "weekend_return": "16:00",
                 "monthly_consumption_factor": [1.25, 1.25, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.2, 1.25]},
        home={"annual_load_kwh": 2700.0, "pv_kwp": 0.0},
        charging={"strategy": "cheapest", "target_soc": 0.9},
        participation={"mode": "v2g", "days": list(sc.DAY_NAMES), "windows": ["16:00-19:00"], "power_kw": 7.0,
                       "reserve_soc": 0.35, "departure_soc_min": 0.8, "max_discharge_kwh_per_day": 200.0},
        finance={"discount_rate": 0.06, "wear_method": "marginal"})
    us = _example(
        "US: PG&E EV2-A with ELRP event payments (Kia EV9, Wallbox Quasar 2)", "USD", "US",
        [("vehicles", "kia_ev9"), ("chargers", "us_wallbox_quasar2"), ("tariffs", "us_pge_ev2a_elrp"),
         ("load_profiles", "us_generic_evening_peak"), ("pv_profiles", "us_los_angeles_south30"),
         ("climates", "los_angeles")],
        notes="Example for dealers in California: V2H in the 16:00-21:00 peak, paid 2 USD/kWh for load reduction "
              "during ELRP events; prices must be refreshed from the PG&E tariff sheet.",
        start_date="2026-05-01", horizon_years=15, step_minutes=15,
        driving={"weekday_km": 45.0, "weekend_km": 40.0, "weekday_departure": "07:30", "weekday_return": "17:30",
                 "weekend_departure": "11:00", "weekend_return": "15:00"},
        home={"annual_load_kwh": 6000.0, "pv_kwp": 5.0},
        charging={"strategy": "cheapest", "target_soc": 0.9},
        participation={"mode": "v2h", "days": list(sc.DAY_NAMES), "windows": ["16:00-21:00"], "power_kw": 11.5,
                       "reserve_soc": 0.3, "departure_soc_min": 0.8, "max_discharge_kwh_per_day": 200.0},
        finance={"discount_rate": 0.07, "wear_method": "marginal"})
    jp = sc.to_dict(sc.demo())
    return {"uk_v2g_power_pack.v2g.json": uk, "us_pge_ev2a_elrp.v2g.json": us, "jp_demo_sotsu_fit_v2h.v2g.json": jp}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    OUT.mkdir(parents=True, exist_ok=True)
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    stale = []
    outputs = {OUT / name: data for name, data in build().items()}
    for path, data in outputs.items():
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    for name, data in build_examples().items():
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        path = EXAMPLES / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"{name} is out of date: run python build/make_presets.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
