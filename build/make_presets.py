"""Write the shipped presets ``resources/presets/*.json`` from the research notes.

    python build/make_presets.py           # rewrite the files (and resources/examples/*.v2g.json)
    python build/make_presets.py --check   # exit 1 if the files differ from this script

Every number below comes from ``../shared/research`` (economics.md, profiles.md);
the comment above each preset says where.  ``confidence`` is "verified" only when
every number of the preset was read in a source (✅ in the notes); anything
recalled or estimated (⚠️) makes the preset "uncertain", and the app shows it as
an example value the dealer must confirm.

Each preset carries two texts:

* ``source`` - the customer-facing citation shown under the preset picker and in
  the report: who published the figures, which document, its date (only
  publishers the research notes give; otherwise an honest "Example values" or
  "Illustrative profile (assumption)").  No internal file names, markers or
  tool versions (:func:`check_texts` enforces this).
* ``notes`` - the dealer-facing caveats: what is estimated or assumed, what must
  be confirmed, where a figure was read.

The scenario sections that keep a copy of the source (tariff, load and PV
profile, climate) get the same clean ``source``.  Subsidies also carry their
application period as ``valid_from`` / ``valid_until`` (ISO dates, "" when the
notes give none).  ``climates.json`` (read by ``models/climate.py``) is written
here too, from profiles.md section 1.
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

#: Text that must never reach a customer-facing ``source`` (internal references, status marks,
#: "from memory", tool versions); ``notes`` may not carry the first three groups either.
FORBIDDEN_IN_SOURCE = ("economics.md", "profiles.md", "§", "✅", "⚠", "from memory", "pvlib", "0.16.1")
FORBIDDEN_IN_NOTES = ("economics.md", "profiles.md", "§", "✅", "⚠")


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
# economics.md §3.5: retail replacement incl. labour 2-3x the pack price, 200-300 USD/kWh or
# 25,000-35,000 yen/kWh - our estimate from the BNEF and Nissan rows (⚠️).
EST_JP = "replacement cost estimated (BNEF 2024 and Nissan pack prices)"
EST = "replacement cost estimated (BNEF 2024 pack prices)"


def est_note(per_kwh: str) -> str:
    return (f"Replacement cost is our estimate: {per_kwh} per usable kWh including labour (2-3 times the BNEF "
            "2024 average EV pack price of 97 USD/kWh, i.e. about 200-300 USD or 25,000-35,000 yen per kWh); ask "
            "the workshop for a quote.")


EST_JP_NOTE = est_note("30,000 yen")

VEHICLES = [
    # economics.md §3.4 (Nichicon/Denso lists ✅, cielista.com 30 kWh warranty terms ✅, usable 37 ⚠️, NMC ⚠️),
    # §3.5 (Nissan 2018 pack 820,000 yen ✅ + 50,000 labour ⚠️); profiles.md §6 (WLTC ⚠️, EPA 0.187 ✅)
    vehicle("leaf_40", "Nissan Leaf 40 kWh", "日産 リーフ 40 kWh", capacity_kwh=37.0, cell_model=NMC, kwh_per_km=0.15,
            pack_cost=870000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0, warranty_soh=0.70,
            source="Nissan pack prices (2018) and battery warranty terms; Nichicon and Denso V2H lists",
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO); UK/US V2G",
            notes="Replacement cost 870,000 yen = Nissan's 2018 list price for a new 40 kWh pack (820,000 yen, "
                  "pack only) plus an estimated 50,000 yen labour; ask for a current quote. Usable capacity 37 kWh "
                  "is an estimate (40 kWh gross); NMC cells assumed. Warranty 8 years/160,000 km, at least 9 of 12 "
                  "capacity segments (terms read for the 30 kWh Leaf). Energy use 0.15 kWh/km: Japanese WLTC "
                  "figure about 155 Wh/km (recalled, not checked); the 2018 EPA rating is 0.187 kWh/km from the "
                  "grid."),
    # §3.4: Denso list ✅, 62/59 kWh ⚠️, NMC ⚠️, warranty as Leaf 40; energy use: no source
    vehicle("leaf_62", "Nissan Leaf e+ 62 kWh", "日産 リーフ e+ 62 kWh", capacity_kwh=59.0, cell_model=NMC,
            kwh_per_km=0.16, pack_cost=1770000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="Denso V2H compatibility list; Nissan warranty terms; " + EST_JP,
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO)",
            notes="Capacity 62 kWh gross / 59 kWh usable is not confirmed in a source; NMC cells assumed. "
                  "Warranty as for the Leaf 40 kWh (8 years/160,000 km). Energy use 0.16 kWh/km is an "
                  "assumption. " + EST_JP_NOTE),
    # §3.4: 20 kWh on Nichicon/Denso lists ✅, chemistry ⚠️, warranty ⚠️; profiles.md §6 WLTC 124 Wh/km ⚠️
    vehicle("sakura", "Nissan Sakura", "日産 サクラ", capacity_kwh=20.0, cell_model=NMC, kwh_per_km=0.13,
            pack_cost=600000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0, warranty_soh=0.70,
            source="Nichicon and Denso V2H compatibility lists; " + EST_JP,
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO)",
            notes="Battery 20 kWh as on the V2H compatibility lists; NMC cells assumed. Warranty 8 years/160,000 "
                  "km, 70 % assumed like the Leaf (not confirmed). Energy use 0.13 kWh/km: WLTC about 124 Wh/km "
                  "(recalled, not checked), real-world planning value 0.13-0.15. " + EST_JP_NOTE),
    # §3.4: 66 kWh gross on Nichicon/Denso lists ✅, usable ⚠️, NMC ⚠️, warranty ⚠️; profiles.md §6 ⚠️
    vehicle("ariya_b6", "Nissan Ariya B6 (66 kWh)", "日産 アリア B6", capacity_kwh=63.0, cell_model=NMC,
            kwh_per_km=0.18, pack_cost=1890000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="Nichicon and Denso V2H compatibility lists (66 kWh gross); " + EST_JP,
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO)",
            notes="Usable capacity 63 kWh is an estimate (66 kWh gross); NMC cells assumed. Warranty 8 years/"
                  "160,000 km, 70 % assumed (not confirmed). Energy use 0.18 kWh/km: real-world planning value "
                  "0.18-0.20 (our judgement); WLTC about 166 Wh/km (recalled, not checked). " + EST_JP_NOTE),
    # §3.4: V2H model in the MC Retail pilot ✅; capacities ⚠️ (20 kWh 2021 / 22.7 kWh 2024), NMC ⚠️
    vehicle("outlander_phev", "Mitsubishi Outlander PHEV (20 kWh)", "三菱 アウトランダー PHEV", capacity_kwh=20.0,
            cell_model=NMC, kwh_per_km=0.20, pack_cost=600000.0, currency="JPY", warranty_years=8.0,
            warranty_km=160000.0, warranty_soh=0.70,
            source="Example values; V2H use as in the Mitsubishi Motors / MC Retail Energy pilot (2025)",
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H (CHAdeMO)",
            notes="Plug-in hybrid: only electric driving is modelled. Battery 20 kWh (2021 model; the 2024 model "
                  "has about 22.7 kWh) is not confirmed in a source; NMC cells assumed. Warranty 8 years/160,000 "
                  "km, 70 % and energy use 0.20 kWh/km are assumptions. " + EST_JP_NOTE),
    # §3.4: on V2H maker lists (mineneclub) ✅; 71.4 kWh gross ⚠️, usable ⚠️, JP warranty 10 y/200,000 km ⚠️
    vehicle("bz4x", "Toyota bZ4X (FWD)", "トヨタ bZ4X (FWD)", capacity_kwh=64.0, cell_model=NMC, kwh_per_km=0.15,
            pack_cost=1920000.0, currency="JPY", warranty_years=10.0, warranty_km=200000.0, warranty_soh=0.70,
            source="Example values; V2H: Japanese V2H maker compatibility lists", as_of="2025-06-01",
            confidence="uncertain", v2h="JP V2H (CHAdeMO)",
            notes="Battery 71.4 kWh gross (FWD) and 64 kWh usable are not confirmed in a source; NMC cells "
                  "assumed. Japanese warranty 10 years/200,000 km, 70 % recalled, not checked. Energy use 0.15 "
                  "kWh/km is an assumption. " + EST_JP_NOTE),
    # §3.4: JP V2H maker lists ✅, Utrecht car sharing (thedriven.io) ✅; capacity and warranty ⚠️
    vehicle("ioniq5", "Hyundai Ioniq 5 (77.4 kWh)", "ヒョンデ IONIQ 5", capacity_kwh=74.0, cell_model=NMC,
            kwh_per_km=0.17, pack_cost=2220000.0, currency="JPY", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="Example values; V2H: Japanese V2H maker compatibility lists",
            as_of="2025-06-01", confidence="uncertain", v2h="JP V2H; V2G car sharing in Utrecht",
            notes="Battery 77.4 kWh gross / 74 kWh usable (versions with 58, 72.6 and 84 kWh exist) and warranty "
                  "8 years/160,000 km, 70 % are not confirmed in a source. Energy use 0.17 kWh/km is an "
                  "assumption. V2G car sharing with the Ioniq 5 runs in Utrecht (We Drive Solar, 2022). "
                  + EST_JP_NOTE),
    # §3.4: 82/77 kWh, warranty, V2H in Germany all ⚠️; §3.5 replacement ⚠️ estimate
    vehicle("id4", "Volkswagen ID.4 (77 kWh)", "フォルクスワーゲン ID.4", capacity_kwh=77.0, cell_model=NMC,
            kwh_per_km=0.18, pack_cost=19250.0, currency="EUR", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="Example values; " + EST, as_of="2025-06-01", confidence="uncertain",
            v2h="V2H in Germany with HEMS (not confirmed)",
            notes="Battery 82 kWh gross / 77 kWh usable, warranty 8 years/160,000 km, 70 %, energy use 0.18 "
                  "kWh/km and V2H in Germany (DC bidirectional with a home energy manager) are not confirmed in "
                  "a source. " + est_note("250 EUR")),
    # §3.4: 57.5 kWh usable ⚠️, warranty ⚠️; profiles.md §6 EPA 132 MPGe (lowcarb.style citing energy.gov) ✅
    vehicle("tesla_m3_lfp", "Tesla Model 3 RWD (LFP)", "テスラ モデル3 RWD (LFP)", capacity_kwh=57.5, cell_model=LFP,
            kwh_per_km=0.158, pack_cost=14375.0, currency="USD", warranty_years=8.0, warranty_km=160000.0,
            warranty_soh=0.70, source="EPA rating 132 MPGe (energy.gov, 2022); other values are examples",
            as_of="2025-06-01", confidence="uncertain", v2h="none on Model 3 (for comparison)", cycle_life=3000.0,
            notes="Battery about 60 kWh gross / 57.5 kWh usable (LFP) and warranty 8 years/160,000 km, 70 % are "
                  "not confirmed in a source. Cycle life 3,000 cycles for LFP is an assumption. The Model 3 has "
                  "no V2H: shown for comparison only. " + est_note("250 USD")),
    # §3.4: 131 kWh ER, V2H 9.6 kW (cnprosperity/maniinsu quoting Ford) ✅; warranty ⚠️; energy use ⚠️
    vehicle("f150_lightning_er", "Ford F-150 Lightning (Extended Range)", "フォード F-150 ライトニング (ER)",
            capacity_kwh=131.0, cell_model=NMC, kwh_per_km=0.30, pack_cost=32750.0, currency="USD",
            warranty_years=8.0, warranty_km=160934.0, warranty_soh=0.70,
            source="Ford: 131 kWh Extended Range battery, 9.6 kW Intelligent Backup Power", as_of="2025-06-01",
            confidence="uncertain", v2h="US V2H (Intelligent Backup Power, 9.6 kW)",
            notes="Battery and V2H power read on pages quoting Ford. Warranty 8 years/100,000 miles, 70 % is not "
                  "confirmed in a source. Energy use 0.30 kWh/km is an estimate. " + est_note("250 USD")),
    # §3.4: 60.5 kWh usable (octopusev.com T&C) ✅; warranty, energy use, replacement ⚠️
    vehicle("byd_dolphin", "BYD Dolphin (60.5 kWh)", "BYD ドルフィン", capacity_kwh=60.5, cell_model=LFP,
            kwh_per_km=0.16, pack_cost=12100.0, currency="GBP", warranty_years=8.0, warranty_km=200000.0,
            warranty_soh=0.70, source="Octopus Electric Vehicles V2G lease terms (60.5 kWh usable)",
            as_of="2025-06-01", confidence="uncertain", v2h="UK V2G lease bundle; JP V2H", cycle_life=3000.0,
            notes="Warranty 8 years/200,000 km, 70 % and energy use 0.16 kWh/km are estimates. LFP (Blade) cells; "
                  "cycle life 3,000 cycles is an assumption. " + est_note("200 GBP")),
    # §3.4: 76-100 kWh and US V2H with Wallbox Quasar 2 (vaielettrico 2025-03) ✅; usable, warranty ⚠️
    vehicle("kia_ev9", "Kia EV9 (99.8 kWh)", "キア EV9", capacity_kwh=96.0, cell_model=NMC, kwh_per_km=0.22,
            pack_cost=24000.0, currency="USD", warranty_years=10.0, warranty_km=160934.0, warranty_soh=0.70,
            source="vaielettrico.it (2025-03): 76-100 kWh battery, US V2H with Wallbox Quasar 2",
            as_of="2025-06-01", confidence="uncertain", v2h="US V2H with Wallbox Quasar 2",
            notes="Usable 96 kWh (99.8 kWh gross) is an estimate. US warranty 10 years/100,000 miles, 70 % "
                  "recalled, not checked. Energy use 0.22 kWh/km is an estimate. " + est_note("250 USD")),
]


def charger(id_, name, name_ja, *, price, currency, charge_kw, discharge_kw, source, as_of, confidence,
            installation=0.0, standby_w=30.0, eff=0.92, lifetime_years=15.0, notes=""):
    return {"id": id_, "name": name, "name_ja": name_ja, "source": source, "as_of": as_of,
            "confidence": confidence, "currency": currency, "notes": notes,
            "charger": {"preset_id": id_, "name": name, "price": price, "installation": installation,
                        "charge_kw": charge_kw, "discharge_kw": discharge_kw, "charge_efficiency": eff,
                        "discharge_efficiency": eff, "standby_w": standby_w, "lifetime_years": lifetime_years}}


# economics.md §3.2: Schram et al. 2020 field mean 0.87 ✅; standby 30 W ⚠️ (owner measured ~50 W, niitsu-gumi)
EFF_NOTE = ("Efficiency 0.92 each way (round trip 0.85); a Dutch field test (Schram et al. 2020) measured 0.87 on "
            "average (0.79-0.88), less at low temperature and low current. Standby 30 W is an assumption: one owner "
            "measured about 50 W drawn from the grid while discharging, and losses were much higher at low "
            "household loads. Lifetime 15 years is an assumption.")
INSTALL_NOTE = "Installation {amount} is an example (typical 200,000-400,000 yen): use the installer's quote. "
CHARGERS = [
    # economics.md §3.1: 498,000 yen (3.7 m, tax excl.) no-wall.co.jp ✅; installation 200-400k typical ⚠️
    charger("jp_nichicon_evps_std", "Nichicon EV Power Station (standard, 6 kW)", "ニチコン EVパワー・ステーション スタンダード",
            price=498000.0, installation=250000.0, currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="Nichicon list price, 3.7 m cable, tax excl. (no-wall.co.jp); installation: example",
            as_of="2025-06-01", confidence="uncertain",
            notes=INSTALL_NOTE.format(amount="250,000 yen") + "The 7.5 m cable version lists at 548,000 yen. "
                  + EFF_NOTE),
    # §3.1: 898,000 yen list (no-wall.co.jp) ✅; installation ⚠️
    charger("jp_nichicon_evps_premium", "Nichicon EV Power Station (premium, 6 kW)", "ニチコン EVパワー・ステーション プレミアム",
            price=898000.0, installation=250000.0, currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="Nichicon list price (no-wall.co.jp); installation: example",
            as_of="2025-06-01", confidence="uncertain", notes=INSTALL_NOTE.format(amount="250,000 yen") + EFF_NOTE),
    # §3.1: integrated type 1,300,000 yen, PCS 5.9 kW example (no-wall.co.jp, esco-miraiz.co.jp) ✅; install ⚠️
    charger("jp_nichicon_tribrid", "Nichicon Tribrid (PV + battery + V2H)", "ニチコン トライブリッド",
            price=1300000.0, installation=300000.0, currency="JPY", charge_kw=5.9, discharge_kw=5.9,
            source="Nichicon list price, integrated type (no-wall.co.jp, esco-miraiz.co.jp); installation: example",
            as_of="2025-06-01", confidence="uncertain",
            notes="Price of the integrated type; the separate type lists at 1,500,000 yen (3.5 m) / 1,600,000 yen "
                  "(7.5 m). 5.9 kW is the power-conditioner rating of one example configuration. "
                  + INSTALL_NOTE.format(amount="300,000 yen") + EFF_NOTE),
    # §3.1: 1,100,000 yen list (no-wall.co.jp, am.denso.com) ✅; installation ⚠️
    charger("jp_denso_v2h", "Denso V2H charger (DNEVC-D6075)", "デンソー V2H-充放電器", price=1100000.0,
            installation=250000.0, currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="Denso list price (no-wall.co.jp, am.denso.com); installation: example",
            as_of="2025-06-01", confidence="uncertain", notes=INSTALL_NOTE.format(amount="250,000 yen") + EFF_NOTE),
    # §3.1: 1,760,000 yen list (no-wall.co.jp) ✅; installation ⚠️
    charger("jp_panasonic_eneplat_v2h", "Panasonic eneplat V2H stand", "パナソニック eneplat V2Hスタンド",
            price=1760000.0, installation=250000.0, currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="Panasonic list price (no-wall.co.jp); installation: example",
            as_of="2025-06-01", confidence="uncertain", notes=INSTALL_NOTE.format(amount="250,000 yen") + EFF_NOTE),
    # §3.1: 750,000 yen list (no-wall.co.jp) ✅; power not given, installation ⚠️
    charger("jp_toko_takaoka_v2h", "Toko Takaoka V2H", "東光高岳 V2H", price=750000.0, installation=250000.0,
            currency="JPY", charge_kw=6.0, discharge_kw=6.0,
            source="Toko Takaoka list price (no-wall.co.jp); power and installation: examples",
            as_of="2025-06-01", confidence="uncertain",
            notes="Charge and discharge power 6 kW is assumed (not given in the source). "
                  + INSTALL_NOTE.format(amount="250,000 yen") + EFF_NOTE),
    # §3.1: US$6,440 pre-order 2025-03, 11.5 kW (vaielettrico.it) ✅; installation ⚠️
    charger("us_wallbox_quasar2", "Wallbox Quasar 2 (11.5 kW, CCS1)", "Wallbox Quasar 2", price=6440.0,
            installation=1500.0, currency="USD", charge_kw=11.5, discharge_kw=11.5,
            source="vaielettrico.it (2025-03): US$6,440 pre-order price, 11.5 kW; installation: example",
            as_of="2025-03-01", confidence="uncertain",
            notes="Installation 1,500 USD is an example: use the installer's quote. " + EFF_NOTE),
    # §3.1: 7.4 kW (electrive.com 2020-01) ✅; about US$4,000 expected in 2020 ⚠️; G99; installation ⚠️
    charger("uk_wallbox_quasar1", "Wallbox Quasar (7.4 kW, CHAdeMO)", "Wallbox Quasar", price=3200.0,
            installation=800.0, currency="GBP", charge_kw=7.4, discharge_kw=7.4,
            source="electrive.com (2020-01): 7.4 kW; price and installation: examples", as_of="2024-06-01",
            confidence="uncertain",
            notes="Price 3,200 GBP is an example based on the roughly US$4,000 expected in 2020: confirm the current "
                  "price. G99 export permission from the network operator is needed. Installation 800 GBP is an "
                  "example: use the installer's quote. " + EFF_NOTE),
    # §3.1: $1,310 + Sunrun HIS $3,895, 80 A, export 9.6 kW (slashgear, thewattcar 2022-05, cnprosperity) ✅;
    # installation ⚠️ (MotorTrend all-in quote $17,340)
    charger("us_ford_csp", "Ford Charge Station Pro + Home Integration System", "Ford Charge Station Pro",
            price=5205.0, installation=3000.0, currency="USD", charge_kw=19.2, discharge_kw=9.6,
            source="Ford and Sunrun prices: Charge Station Pro $1,310 + Home Integration System $3,895 (2022)",
            as_of="2022-05-01", confidence="uncertain",
            notes="80 A charging (19.2 kW); the F-150 Lightning exports up to 9.6 kW. The Charge Station Pro was "
                  "free with the Extended Range truck. Installation 3,000 USD is an example: a MotorTrend all-in "
                  "quote was $17,340 including panel upgrades; use the installer's quote. " + EFF_NOTE),
]

SUBSIDIES = [
    # economics.md §3.3: FY2024 rule (kaden.watch.impress 2024-05-22, info-meidens, ev-ecohome) ✅;
    # rounds 2024-06-20 to 07-17 and from 2024-08-19, closed 2024-09-30
    {"id": "jp_cev_v2h_fy2024", "name": "Japan CEV subsidy for V2H, FY2024", "name_ja": "CEV補助金 V2H (2024年度)",
     "currency": "JPY", "country": "JP", "as_of": "2024-05-22", "confidence": "verified",
     "source": "National CEV subsidy for V2H, FY2024 rules, as reported by Impress Kaden Watch (2024-05-22)",
     "notes": "Homes: 1/3 of the equipment price up to 300,000 yen plus the works up to 150,000 yen (at most "
              "450,000 yen). Applications in two rounds, 2024-06-20 to 2024-07-17 and from 2024-08-19; closed "
              "2024-09-30. For reference only: this programme has ended.",
     "valid_from": "2024-06-20", "valid_until": "2024-09-30",
     "rule": {"equipment_share": 1 / 3, "equipment_cap": 300000.0, "works_share": 1.0, "works_cap": 150000.0}},
    # §3.3: FY2025 rule, applications 2025-07-25 to 2025-09-30 (universe-co.com, ecodenchi.com 2025-08) ✅;
    # conditions (ji-jifamily.com) ✅; FY2026 not found ⚠️
    {"id": "jp_cev_v2h_fy2025", "name": "Japan CEV subsidy for V2H, FY2025", "name_ja": "CEV補助金 V2H (2025年度)",
     "currency": "JPY", "country": "JP", "as_of": "2025-08-01", "confidence": "verified",
     "source": "National CEV subsidy for V2H, FY2025 rules, as reported by universe-co.com and ecodenchi.com "
               "(2025-08)",
     "notes": "1/2 of the equipment price up to 500,000 yen plus the works up to 150,000 yen (at most 650,000 "
              "yen). Applications 2025-07-25 to 2025-09-30, first come, first served. Condition: agree to share "
              "the V2H location with national and local government and to cooperate in disasters. The FY2026 "
              "programme was not found: check before quoting.",
     "valid_from": "2025-07-25", "valid_until": "2025-09-30",
     "rule": {"equipment_share": 0.5, "equipment_cap": 500000.0, "works_share": 1.0, "works_cap": 150000.0}},
    # §3.3: Tokyo FY2025 (shigyo.co.jp 2025-07 ✅, cap shown as 50,000 - likely a typo ⚠️; tokyo.n-salt.net ✅);
    # no application period in the notes
    # The amount is the national CEV subsidy plus Tokyo's top-up ("stacks_on"): choosing it keeps the
    # national part instead of replacing it with the top-up alone.
    {"id": "jp_tokyo_v2h_fy2025", "name": "Tokyo V2H top-up + national CEV subsidy, FY2025 (uncertain)",
     "name_ja": "東京都 V2H 補助 + 国の CEV 補助金 (2025年度, 要確認)",
     "currency": "JPY", "country": "JP", "as_of": "2025-07-01", "confidence": "uncertain",
     "source": "Tokyo Metropolitan Government V2H programme for detached houses, FY2025, as reported by "
               "shigyo.co.jp (2025-07)",
     "notes": "Rule: 1/2 of (equipment + works) minus the national subsidy, at most 500,000 yen. The cap is "
              "uncertain: the source page shows 50,000 yen, probably a typo for 500,000. Households with "
              "qualifying PV and an EV or PHEV may claim the full cost (cap up to about 1,000,000 yen, "
              "unconfirmed); not modelled. The application period is not known to us. Confirm with the Tokyo "
              "programme before quoting.",
     "valid_from": "", "valid_until": "",
     "rule": {"combined_share": 0.5, "combined_cap": 500000.0, "minus_national": True,
              "stacks_on": "jp_cev_v2h_fy2025"}},
]


def period(start, end, price, months=None, days="all"):
    return {"months": months or ALL_MONTHS, "days": days, "start": start, "end": end, "price_per_kwh": price}


def tariff(id_, name, name_ja, *, currency, country, import_periods, source, as_of, confidence, notes, add_on=0.0,
           export=0.0, export_periods=None, **extra):
    # the scenario's copy (tariff.source) carries the same customer-facing source; notes stay in the preset
    t = {"preset_id": id_, "as_of": as_of, "name": name, "source": source, "confidence": confidence,
         "import_periods": import_periods, "add_on_per_kwh": add_on, "export_price_per_kwh": export,
         "export_periods": export_periods or []}
    t.update(extra)
    return {"id": id_, "name": name, "name_ja": name_ja, "currency": currency, "country": country,
            "source": source, "as_of": as_of, "confidence": confidence, "notes": notes, "tariff": t}


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


JP_TARIFF_NOTE = ("Basic charge not modelled (it does not change with V2H). Fuel-cost adjustment not included: it "
                  "changes monthly and can be negative; add it to the add-on if wanted. Renewable energy levy "
                  "3.98 yen/kWh for May 2025 to April 2026.")
TARIFFS = [
    # economics.md §2.1.1: silvergrowthstudio.jp (2025) and yonmas/SMM3 calc_charge.py (2024-04 rates) ✅;
    # levy FY2025 3.98 (silvergrowthstudio.jp) ✅; §2.1.2 卒FIT TEPCO EP 8.5 (solar-generation.net) ✅
    tariff("jp_tepco_smartlife_s", "TEPCO Smart Life S", "東京電力EP スマートライフS", currency="JPY", country="JP",
           import_periods=[period("06:00", "01:00", 35.76), period("01:00", "06:00", 27.86)], add_on=LEVY, export=8.5,
           source="TEPCO Energy Partner, Smart Life S rates (2024-04); renewable energy levy FY2025; TEPCO "
                  "post-FIT buy-back rate",
           notes="35.76 yen/kWh 06:00-01:00 and 27.86 yen/kWh 01:00-06:00, read on silvergrowthstudio.jp (2025) "
                 "and in the 2024-04 rate table of a public smart-meter tool. Post-FIT buy-back 8.5 yen/kWh "
                 "(solar-generation.net). " + JP_TARIFF_NOTE,
           as_of="2025-06-01", confidence="verified"),
    # §2.1.1: SMM3 (2024-04) ✅; levy ✅; §2.1.2 卒FIT 中部電力 7.0 (Nikkei BP 2019-06) ✅
    tariff("jp_chubu_smartlife", "Chubu Miraiz Smart Life Plan", "中部電力ミライズ スマートライフプラン", currency="JPY",
           country="JP",
           import_periods=[period("10:00", "17:00", 38.80, days="weekday"), period("08:00", "22:00", 28.61),
                           period("22:00", "08:00", 16.52)], add_on=LEVY, export=7.0,
           source="Chubu Electric Power Miraiz, Smart Life Plan rates (2024-04); renewable energy levy FY2025; "
                  "Chubu post-FIT buy-back rate",
           notes="Day 10:00-17:00 on weekdays 38.80 yen, Home 08:00-10:00 and 17:00-22:00 (weekends 08:00-22:00) "
                 "28.61 yen, Night 22:00-08:00 16.52 yen, read in the 2024-04 rate table of a public smart-meter "
                 "tool. Post-FIT buy-back 7.0 yen/kWh (Nikkei BP, 2019-06). " + JP_TARIFF_NOTE,
           as_of="2024-04-01", confidence="verified"),
    # §2.1.1: kepco.jp/d-ryokin2021 ✅; §2.1.2 卒FIT 関西電力 8.0 (Nikkei BP 2019) ✅
    tariff("jp_kepco_hapie_time", "Kansai Hapi e-Time (legacy)", "関西電力 はぴeタイム (旧プラン)", currency="JPY",
           country="JP",
           import_periods=[period("10:00", "17:00", 28.96, months=[7, 8, 9], days="weekday"),
                           period("10:00", "17:00", 26.33, days="weekday"),
                           period("07:00", "23:00", 22.89), period("23:00", "07:00", 15.20)],
           add_on=LEVY, export=8.0,
           source="Kansai Electric Power, Hapi e-Time rates from 2022-07-01 (kepco.jp); renewable energy levy "
                  "FY2025; KEPCO post-FIT buy-back rate",
           notes="Day (weekdays 10:00-17:00) 28.96 yen in July-September, 26.33 yen otherwise; Living 22.89 yen; "
                 "Night 23:00-07:00 15.20 yen. Legacy plan, closed to new customers since 2019-04; prices of the "
                 "current Hapi e-Time R were not found. Post-FIT buy-back 8.0 yen/kWh (Nikkei BP, 2019). "
                 + JP_TARIFF_NOTE,
           as_of="2022-07-01", confidence="verified"),
]
# §2.1.6: JEPX FY2024 hourly means computed from JEPX spot_summary (dlxiii/jepx_scraper mirror, 2025-08-03) ✅;
# the retail adder is an example ⚠️; export at spot = market-linked buy-back example ⚠️
for area, name_ja in (("tokyo", "東京"), ("kansai", "関西"), ("kyushu", "九州")):
    TARIFFS.append(tariff(
        f"jp_jepx_fy2024_{area}", f"JEPX-linked example, {area.title()} area (FY2024 hourly profile)",
        f"市場連動型の例 ({name_ja}エリア, 2024年度の時間別平均)", currency="JPY", country="JP",
        import_periods=hourly_periods(JEPX_FY2024[area], JEPX_RETAIL_ADDER), add_on=LEVY,
        export_periods=hourly_periods(JEPX_FY2024[area]), export=SOTSU_FIT[area],
        source=f"JEPX day-ahead spot prices FY2024, {area.title()} area (hourly means by season); retail "
               "adder: example",
        notes="Hourly means computed by us from the JEPX spot price files (public mirror, snapshot 2025-08-03); "
              "seasons: summer July-September, winter December-February, the rest shoulder. Import price = spot "
              f"+ {JEPX_RETAIL_ADDER:g} yen/kWh for network and retail charges, an example not taken from a "
              "source: confirm with the retailer. Plus the renewable energy levy 3.98 yen/kWh. Export at the "
              "spot price is an example of a market-linked buy-back. A real price year can be imported with "
              "File > Import prices.",
        as_of="2025-03-31", confidence="uncertain"))

# Octopus Agile-like: profiles.md §4b formula (wholesale x 2.2 + 12 p in 16-19 h, x 1.05 VAT, cap 35 p) applied
# to an illustrative wholesale shape (p/kWh) - ⚠️ not a published price series.
_UK_WHOLESALE = [7.0, 6.5, 6.2, 6.0, 6.0, 6.3, 7.5, 9.0, 9.5, 8.5, 7.5, 7.0, 6.5, 6.5, 7.0, 8.0, 10.0, 12.0, 12.5,
                 11.0, 9.5, 8.5, 8.0, 7.5]
_AGILE = [round(min(35.0, (w * 2.2 + (12.0 if 16 <= h < 19 else 0.0)) * 1.05) / 100, 4)
          for h, w in enumerate(_UK_WHOLESALE)]
TARIFFS += [
    # economics.md §2.2: off-peak 7.0 p 23:30-05:30 (whatcar.com 2024-08-05) ✅; peak ~27-30 p regional ⚠️;
    # 6 h cap from Jan 2026 (octopus.energy/intelligent-faqs, gaukmotorbuzz) ✅; Outgoing 15 p (griffiths.me 2023) ✅
    tariff("uk_octopus_intelligent_go", "Octopus Intelligent Octopus Go + Outgoing", "Octopus Intelligent Go (英国)",
           currency="GBP", country="GB",
           import_periods=[period("23:30", "05:30", 0.07), period("05:30", "23:30", 0.27)], export=0.15,
           source="Octopus Energy, Intelligent Octopus Go off-peak rate (What Car?, 2024-08-05); Outgoing export "
                  "rate (2023)",
           notes="Peak rate about 27 p is an example: it varies by region (about 27-30 p); use the customer's "
                 "bill. Off-peak 7.0 p from 23:30 to 05:30 (earlier 7.5 p); from January 2026 the smart-charging "
                 "off-peak is capped at 6 hours per 24 hours. Export 15 p/kWh is the Outgoing rate from "
                 "September 2023 (griffiths.me).",
           as_of="2024-08-05", confidence="uncertain"),
    # §2.2: Power Pack terms (octopus.energy/power-pack, motortradernews 2024) ✅; import and export examples ⚠️
    tariff("uk_octopus_power_pack_style", "V2G bundle, Octopus Power Pack style", "V2G 一体型プラン (Octopus Power Pack 型)",
           currency="GBP", country="GB", import_periods=[period("00:00", "00:00", 0.245)], export=0.15,
           ev_charging_free=True,
           source="Octopus Energy, Power Pack V2G bundle (octopus.energy; Motor Trader News, 2024); prices: "
                  "examples",
           notes="EV charging is free and Octopus schedules the V2G export; needs a Wallbox Quasar 1 charger, a "
                 "compatible EV, a smart meter, G99 export permission and about six hours plugged in a day. The "
                 "import price (about 24.5 p, like Flexible Octopus) and the export price 15 p are examples: "
                 "confirm. A beta add-on, not compatible with Tracker, Agile or Intelligent Octopus.",
           as_of="2024-06-01", confidence="uncertain"),
    # profiles.md §4b: Agile formula (Johnr24/outgoing_agile_predict) ✅ on an illustrative wholesale shape ⚠️
    tariff("uk_agile_like", "Agile-like dynamic profile (illustrative)", "Agile 型の変動料金 (例示)", currency="GBP",
           country="GB", import_periods=[period(f"{h:02d}:00", f"{(h + 1) % 24:02d}:00", p) for h, p in enumerate(_AGILE)],
           export=0.15,
           source="Illustrative profile (assumption): original Octopus Agile price formula on an assumed "
                  "wholesale shape",
           notes="Not a published price series. The original Agile formula (wholesale price x a regional "
                 "multiplier of 2.0-2.4, here 2.2; plus 11-14 p from 16:00 to 19:00, here 12 p; plus 5 % VAT; "
                 "cap 35 p) is applied to an assumed wholesale price shape. Today's Agile can go negative and is "
                 "capped at 1 GBP/kWh. Export 15 p is an example. Import a real series with File > Import prices.",
           as_of="2024-06-01", confidence="uncertain"),
    # economics.md §2.3: EV2-A windows (rateatlas.org) ✅; prices from a third-party 2026 dashboard ⚠️; partial
    # peak and export ⚠️; ELRP 2 USD/kWh, 16-21 h, May-Oct, 20-60 h (enphase.com ✅; sunset/3 h window ⚠️)
    tariff("us_pge_ev2a_elrp", "PG&E EV2-A with ELRP events", "PG&E EV2-A + ELRP (米国)", currency="USD",
           country="US",
           import_periods=[period("16:00", "21:00", 0.54, months=[6, 7, 8, 9]), period("16:00", "21:00", 0.41),
                           period("15:00", "16:00", 0.44, months=[6, 7, 8, 9]),
                           period("21:00", "00:00", 0.44, months=[6, 7, 8, 9]), period("15:00", "16:00", 0.39),
                           period("21:00", "00:00", 0.39), period("00:00", "15:00", 0.23)],
           export=0.05, event_payment_per_kwh=2.0, event_hours_per_year=30.0, event_window="16:00-21:00",
           event_months=[5, 6, 7, 8, 9, 10],
           source="PG&E EV2-A time windows (rateatlas.org); prices from a third-party dashboard (2026); ELRP "
                  "terms (Enphase)",
           notes="Refresh the prices from the PG&E tariff sheet before quoting: summer peak 54 c, winter peak 41 c "
                 "and off-peak 23 c come from a third-party dashboard (2026); the partial-peak prices (44 c "
                 "summer, 39 c winter) and the 5 c export price are our examples, and the partial-peak hours "
                 "(15-16 h and 21-24 h) are inferred. ELRP pays 2 USD/kWh of load reduction in events 16:00-21:00, "
                 "May-October, 20-60 event hours per season (30 assumed here); the residential sub-group may have "
                 "ended after 2025 and aggregator windows may be shorter: check eligibility.",
           as_of="2026-01-01", confidence="uncertain"),
]
# NL dynamic (economics.md §2.4, eniris.com 2025): (spot + 2.48 c surcharge + 10.88 c energy tax) x 1.21 VAT ✅; spot
# shape from a sunny-day snapshot (dayaheadmarket.eu) ✅ (00-08 h 7-10 c, 10-14 h about 0 c, 19-21 h 10.5 c); other
# hours interpolated ⚠️; net metering ends 2027 ⚠️.
_NL_SPOT_C = [9.0, 8.5, 8.0, 7.5, 7.5, 8.0, 9.0, 10.0, 6.0, 3.0, 0.5, 0.0, 0.0, 0.0, 1.0, 3.0, 6.0, 8.5, 10.0,
              10.4, 10.6, 10.0, 9.5, 9.0]
TARIFFS.append(tariff(
    "nl_dynamic_example", "Dutch dynamic tariff (example day)", "オランダの変動料金 (例)", currency="EUR", country="NL",
    import_periods=[period(f"{h:02d}:00", f"{(h + 1) % 24:02d}:00", round((c + 2.48 + 10.88) * 1.21 / 100, 4))
                    for h, c in enumerate(_NL_SPOT_C)],
    export_periods=[period(f"{h:02d}:00", f"{(h + 1) % 24:02d}:00", round(c / 100, 4)) for h, c in enumerate(_NL_SPOT_C)],
    source="Energy tax 2025, Tibber surcharge (2025-04) and VAT (eniris.com); EPEX NL example day "
           "(dayaheadmarket.eu)",
    notes="One example day, not a year of prices: the spot shape is from a single sunny-day snapshot (undated), "
          "with the hours in between interpolated. Import = (spot + 2.48 c supplier surcharge + 10.88 c energy "
          "tax) x 1.21 VAT. Export at the spot price; net metering (salderingsregeling) is expected to end on "
          "1 January 2027 (not re-checked). Import a real series with File > Import prices.",
    as_of="2025-04-01", confidence="uncertain"))


def load_profile(id_, name, name_ja, weekday, weekend, monthly, source, confidence, notes):
    return {"id": id_, "name": name, "name_ja": name_ja, "source": source, "as_of": RESEARCH_DATE,
            "confidence": confidence, "notes": notes,
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
ENEGAERU_NOTE = ("Monthly shares from the Enegaeru FAQ figures for a 4-person gas + electric household (about "
                 "4,470 kWh/yr, 2024-25); the FAQ says they were estimated with AI from the Ministry of the "
                 "Environment household CO2 survey (FY2021), so they are not measurements.")
LOAD_PROFILES = [
    # profiles.md §3b: shape = assumption from qualitative measurements (green2050 blog) ⚠️; monthly kWh from the
    # エネがえる FAQ ✅, which says they were AI-estimated from 環境省 statistics ⚠️
    load_profile("jp_household_gas_4p", "Japan, 4-person household with gas", "日本 4人世帯 (ガス併用)",
                 JP_GAS_HOUSEHOLD_SHAPE, JP_GAS_HOUSEHOLD_SHAPE, [float(v) for v in JP_4P_MONTHLY_KWH],
                 "Illustrative profile (assumption); monthly shares: Enegaeru FAQ, 4-person household", "uncertain",
                 "The hourly shape is an assumption built from qualitative Japanese measurements (green2050 blog: "
                 "morning peak at 7-8 h, largest peak about 20 h), not from a data set; weekends use the weekday "
                 "shape. " + ENEGAERU_NOTE + " Scale to the household's own annual use."),
    # §3b: indicative オール電化 shape ⚠️; monthly shares as the gas household ⚠️; 6,000-8,000 kWh/yr ⚠️
    load_profile("jp_household_all_electric", "Japan, all-electric household", "日本 オール電化世帯",
                 _ALL_ELECTRIC, _ALL_ELECTRIC, [float(v) for v in JP_4P_MONTHLY_KWH],
                 "Illustrative profile (assumption): all-electric home with night-time water heating", "uncertain",
                 "The hourly shape is an assumption (heat-pump water heating 1-5 h), not from a data set. Monthly "
                 "shares are reused from the 4-person gas household (Enegaeru FAQ, estimated figures). A typical "
                 "all-electric 4-person home uses about 6,000-8,000 kWh/yr (recalled, not checked): set the "
                 "annual use from the customer's bills."),
    # §3a: Elexon PC1 (bluedotthinking/domestic-energy-bill-reduction-app ProfileClass1.csv) ✅
    load_profile("uk_elexon_pc1", "UK domestic (Elexon Profile Class 1)", "英国 家庭 (Elexon PC1)", _PC1_WD, _PC1_WE,
                 _PC1_MONTHLY, "Elexon Profile Class 1 (domestic unrestricted) load profile", "verified",
                 "Spring weekday and weekend hourly shares; the seasonal kWh per day are used as monthly weights "
                 "(autumn months use the spring value). Read in a public copy of the Elexon table. Scale to the "
                 "household's own annual use (Ofgem's typical medium use is about 2,700 kWh/yr, recalled)."),
    # §3c: no sourced US hourly table ⚠️
    load_profile("us_generic_evening_peak", "US household, generic evening peak (assumption)",
                 "米国 家庭 (夕方ピークの仮定)", JP_GAS_HOUSEHOLD_SHAPE, JP_GAS_HOUSEHOLD_SHAPE,
                 [1.1, 1.0, 0.95, 0.9, 0.95, 1.1, 1.3, 1.3, 1.15, 0.95, 0.95, 1.1],
                 "Illustrative profile (assumption); no published US hourly table used", "uncertain",
                 "No sourced US hourly table: the Japanese evening-peak shape is reused and the monthly weights "
                 "add summer cooling, both assumptions. Import NREL ResStock / End-Use Load Profiles data for the "
                 "customer's area when available. A typical California home uses about 6,000-6,600 kWh/yr "
                 "(recalled, not checked)."),
]


def _shift(row, hours):
    return row[hours:] + row[:hours]


def pv_profile(id_, name, name_ja, clear_sky, factor, shapes, source, notes):
    monthly = [round(c * f, 1) for c, f in zip(clear_sky, factor)]
    return {"id": id_, "name": name, "name_ja": name_ja, "source": source, "as_of": RESEARCH_DATE,
            "confidence": "uncertain", "notes": notes,
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
# profiles.md §2a clear-sky kWh/kWp computed with pvlib (south 30°) ✅ x all-sky factor of §2b ⚠️ (typical annual
# yields from memory); hourly shares of §2c ✅ (clear sky) interpolated between months
PV_SRC = "Calculated clear-sky yield ({city}, south 30°) reduced by an estimated weather factor"
PV_NOTE = ("Monthly yield = clear-sky yield computed with the open-source pvlib library (south, 30° tilt, 14 % "
           "system losses) x a weather factor of {factors} by month ({weather}), estimated from typical published "
           "annual yields of {typical} kWh/kWp (recalled, not checked); this preset gives about {annual:,.0f} "
           "kWh/kWp a year. Hourly shares: {shape}. Replace with the installer's simulation or a {tools} monthly "
           "export when available.")


def pv(id_, name, name_ja, clear_sky, factor, shapes, *, city, weather, typical, shape, tools):
    annual = sum(round(c * f, 1) for c, f in zip(clear_sky, factor))
    notes = PV_NOTE.format(factors=f"{min(factor):.2f}-{max(factor):.2f}", weather=weather, typical=typical,
                           annual=annual, shape=shape, tools=tools)
    return pv_profile(id_, name, name_ja, clear_sky, factor, shapes, PV_SRC.format(city=city), notes)


JP_WEATHER = "lower in the rainy season June-July and in September"
JP_TOOLS = "PVGIS, NREL PVWatts or NEDO METPV-20"
PV_PROFILES = [
    pv("jp_tokyo_south30", "Tokyo, south 30°", "東京 南向き30°", TOKYO_CLEAR_SKY_KWH_PER_KWP,
       TOKYO_ALL_SKY_FACTOR, tokyo_hourly_pv_shape(), city="Tokyo", weather=JP_WEATHER, typical="1,100-1,250",
       shape="computed clear-sky shares for Tokyo in January, April, July and October, interpolated between "
             "months", tools=JP_TOOLS),
    pv("jp_osaka_south30", "Osaka, south 30°", "大阪 南向き30°",
       [146, 148, 174, 171, 172, 164, 166, 164, 156, 153, 138, 138], TOKYO_ALL_SKY_FACTOR,
       tokyo_hourly_pv_shape(), city="Osaka", weather=JP_WEATHER + "; Tokyo's factors reused for Osaka",
       typical="1,100-1,250",
       shape="the Tokyo shares are used for Osaka (an approximation), interpolated between months",
       tools=JP_TOOLS),
    pv("uk_london_south30", "London, south 30°", "ロンドン 南向き30°",
       [69, 89, 129, 158, 180, 174, 174, 164, 136, 111, 73, 58],
       [0.42, 0.50, 0.60, 0.66, 0.68, 0.68, 0.68, 0.66, 0.62, 0.55, 0.45, 0.40],
       _two_season_shapes(_LONDON_JAN, _LONDON_JUL_GMT), city="London", weather="lowest November-February",
       typical="900-980", shape="computed clear-sky shares for London in January and July (GMT), blended "
                                "between the two for the other months", tools="PVGIS"),
    pv("us_los_angeles_south30", "Los Angeles, south 30°", "ロサンゼルス 南向き30°",
       [130, 133, 160, 160, 168, 161, 165, 162, 154, 144, 128, 124],
       [0.90, 0.90, 0.90, 0.90, 0.85, 0.82, 0.92, 0.93, 0.92, 0.90, 0.90, 0.90],
       _two_season_shapes(_PHOENIX_JAN, _PHOENIX_JUL), city="Los Angeles",
       weather="lower in May-June, the 'June gloom'", typical="1,550-1,700",
       shape="the computed clear-sky shares for Phoenix in January and July are used for Los Angeles (an "
             "approximation), blended between the two for the other months", tools="NREL PVWatts"),
]


def climate(id_, name_en, name_ja, station, mean_c, max_c, min_c, row_confidence, source, notes):
    conf = "verified" if set(row_confidence.values()) == {"verified"} else "uncertain"
    return {"id": id_, "name_en": name_en, "name_ja": name_ja, "station": station, "mean_c": mean_c,
            "max_c": max_c, "min_c": min_c, "source": source, "as_of": RESEARCH_DATE, "confidence": conf,
            "notes": notes, "row_confidence": dict(row_confidence)}


_V = "verified"
_U = "uncertain"
ALL_V = {"mean_c": _V, "max_c": _V, "min_c": _V}
MEAN_V = {"mean_c": _V, "max_c": _U, "min_c": _U}
ALL_U = {"mean_c": _U, "max_c": _U, "min_c": _U}
JMA = "Japan Meteorological Agency, 1991-2020 normals ({city})"
JMA_CHECK = "JMA's 過去の気象データ検索 → 平年値 (1991-2020) table"
JMA_MEAN_ONLY = ("The monthly mean is from a public transcription of the JMA 1991-2020 normals{extra}. The daily "
                 "maximum and minimum were recalled, not read in a source: check them against " + JMA_CHECK
                 + " before quoting.")
# profiles.md §1 (✅ / ⚠️ per row); Phoenix from Wikipedia "Climate of Phoenix" (whole °F converted) ✅
CLIMATES = [
    climate("tokyo", "Tokyo", "東京", "JMA 47662 Tokyo",
            [5.4, 6.1, 9.4, 14.3, 18.8, 21.9, 25.7, 26.9, 23.3, 18.0, 12.5, 7.7],
            [9.8, 10.9, 14.2, 19.4, 23.6, 26.1, 29.9, 31.3, 27.5, 21.9, 16.7, 12.0],
            [1.2, 2.1, 5.0, 9.8, 14.6, 18.5, 22.4, 23.5, 20.3, 14.8, 8.8, 3.8], ALL_V, JMA.format(city="Tokyo"),
            "Mean, daily maximum and daily minimum as transcribed from the JMA normals in several public code "
            "repositories (identical values)."),
    climate("osaka", "Osaka", "大阪", "JMA 47772 Osaka",
            [6.2, 6.6, 9.8, 15.3, 20.2, 23.8, 27.7, 29.0, 25.2, 19.5, 13.8, 8.7],
            [9.7, 10.5, 14.1, 19.9, 25.0, 28.0, 31.8, 33.7, 29.7, 23.8, 17.7, 12.2],
            [3.0, 3.1, 5.9, 10.8, 15.9, 20.2, 24.3, 25.3, 21.6, 15.9, 10.3, 5.4], MEAN_V,
            JMA.format(city="Osaka") + "; max/min approximate",
            JMA_MEAN_ONLY.format(extra=" (a second transcription differs by at most 0.2 K)")),
    climate("nagoya", "Nagoya", "名古屋", "JMA 47636 Nagoya",
            [4.8, 5.5, 9.2, 14.6, 19.4, 23.0, 26.9, 28.2, 24.5, 18.6, 12.6, 7.2],
            [9.6, 10.9, 14.8, 20.4, 25.0, 28.0, 31.8, 33.6, 29.5, 23.7, 17.6, 12.0],
            [0.8, 1.1, 4.2, 9.0, 14.2, 18.7, 22.9, 24.0, 20.5, 14.3, 8.1, 2.9], MEAN_V,
            JMA.format(city="Nagoya") + "; max/min approximate", JMA_MEAN_ONLY.format(extra="")),
    climate("fukuoka", "Fukuoka", "福岡", "JMA 47807 Fukuoka",
            [6.9, 7.8, 10.8, 15.4, 19.9, 23.3, 27.4, 28.4, 24.7, 19.6, 14.2, 9.1],
            [10.2, 11.4, 14.8, 19.8, 24.4, 27.1, 31.1, 32.5, 28.6, 23.6, 18.0, 12.6],
            [3.8, 4.4, 7.0, 11.2, 15.8, 20.1, 24.4, 25.1, 21.5, 15.9, 10.5, 5.7], MEAN_V,
            JMA.format(city="Fukuoka") + "; max/min approximate", JMA_MEAN_ONLY.format(extra="")),
    climate("sapporo", "Sapporo", "札幌", "JMA 47412 Sapporo",
            [-3.2, -2.7, 1.1, 7.3, 13.0, 17.0, 21.1, 22.3, 18.6, 12.1, 5.2, -0.9],
            [-0.6, 0.1, 4.0, 11.5, 17.3, 21.1, 24.9, 26.4, 22.8, 16.4, 8.7, 2.0],
            [-6.0, -5.6, -1.9, 3.3, 8.8, 13.4, 17.9, 19.1, 14.2, 7.5, 1.8, -3.6], ALL_V,
            JMA.format(city="Sapporo"), "Values as cited from the JMA normals in public repository code."),
    climate("naha", "Naha", "那覇", "JMA 47936 Naha",
            [17.3, 17.5, 19.1, 21.5, 24.2, 27.2, 29.1, 29.0, 27.9, 25.5, 22.5, 19.0],
            [19.8, 20.2, 21.8, 24.3, 27.0, 29.8, 31.9, 31.8, 30.6, 28.1, 25.0, 21.6],
            [14.6, 14.8, 16.6, 19.3, 22.1, 25.2, 26.8, 26.6, 25.5, 23.1, 19.9, 16.3], ALL_V,
            JMA.format(city="Naha"), "Values as cited from the JMA normals in public repository code."),
    climate("london", "London", "ロンドン", "Met Office, London Heathrow",
            [5.6, 5.8, 7.9, 10.4, 13.6, 16.7, 19.0, 18.7, 16.0, 12.3, 8.5, 5.9],
            [8.4, 9.0, 11.7, 15.0, 18.4, 21.6, 23.9, 23.3, 20.3, 15.8, 11.6, 8.8],
            [2.7, 2.6, 4.0, 5.8, 8.9, 11.9, 14.1, 14.0, 11.6, 8.8, 5.3, 3.0], ALL_U,
            "Met Office UK climate averages 1991-2020, London Heathrow (approximate values)",
            "All three rows were recalled, not read in a source: verify against the Met Office UK climate "
            "averages table for Heathrow before quoting."),
    climate("amsterdam", "Amsterdam", "アムステルダム", "KNMI, Amsterdam Schiphol",
            [3.9, 4.1, 6.5, 9.6, 13.2, 15.9, 18.0, 17.8, 15.0, 11.3, 7.5, 4.6],
            [6.5, 7.3, 10.5, 14.4, 17.9, 20.6, 22.8, 22.6, 19.4, 15.0, 10.4, 7.1],
            [1.0, 0.8, 2.5, 4.6, 7.9, 10.8, 13.1, 12.8, 10.5, 7.6, 4.6, 1.9], ALL_U,
            "KNMI climate table 1991-2020, Amsterdam Schiphol (approximate values)",
            "All three rows were recalled, not read in a source: verify against the KNMI klimaattabel for "
            "Schiphol 1991-2020 before quoting (a public repository lists other monthly means, 3.4 ... 4.2, "
            "probably for De Bilt)."),
    climate("los_angeles", "Los Angeles", "ロサンゼルス", "NOAA NCEI, Los Angeles Intl. (USW00023174)",
            [14.0, 14.3, 15.2, 16.5, 17.9, 19.6, 21.4, 22.0, 21.5, 19.6, 16.7, 14.1],
            [18.8, 18.7, 19.3, 20.4, 21.3, 22.9, 24.7, 25.5, 25.3, 23.8, 21.6, 18.8],
            [9.2, 10.0, 11.1, 12.5, 14.4, 16.2, 18.0, 18.4, 17.7, 15.3, 11.8, 9.3], ALL_U,
            "NOAA NCEI US Climate Normals 1991-2020, Los Angeles Intl. (approximate values)",
            "All rows were recalled, not read in a source; the mean is (max + min)/2. Verify against the NOAA "
            "NCEI normals for station USW00023174 before quoting."),
    climate("phoenix", "Phoenix", "フェニックス", "NOAA, Phoenix Sky Harbor (USW00023183)",
            [13.9, 15.6, 19.2, 23.1, 28.1, 33.1, 35.6, 34.7, 31.7, 25.3, 18.6, 13.1],
            [20.0, 21.7, 25.6, 30.0, 35.0, 40.0, 41.7, 40.6, 37.8, 31.7, 25.0, 18.9],
            [7.8, 9.4, 12.8, 16.1, 21.1, 26.1, 29.4, 28.9, 25.6, 18.9, 12.2, 7.2], ALL_V,
            "NOAA normals for Phoenix Sky Harbor, as charted in Wikipedia's 'Climate of Phoenix'",
            "Read in a web copy of the Wikipedia article's climate chart (whole °F, converted to °C); the "
            "monthly mean is derived as (max + min)/2."),
]
CLIMATES_DESCRIPTION = (
    "Monthly climate normals (Jan..Dec, degC) for the battery temperature model, written by "
    "build/make_presets.py. confidence: 'verified' = every row read in (or derived from) the named source; "
    "'uncertain' = at least one row recalled or from a secondary source, confirm before quoting (see notes).")


def check_texts(kind: str, presets: list[dict]) -> None:
    """Refuse internal references, status marks or "from memory" in customer texts; caveats for uncertain presets."""
    for p in presets:
        for bad in FORBIDDEN_IN_SOURCE:
            if bad.lower() in p["source"].lower():
                raise SystemExit(f"{kind}/{p['id']}: source contains {bad!r}: {p['source']}")
        for bad in FORBIDDEN_IN_NOTES:
            if bad in p.get("notes", ""):
                raise SystemExit(f"{kind}/{p['id']}: notes contain {bad!r}")
        if p["confidence"] == "uncertain" and not p.get("notes", "").strip():
            raise SystemExit(f"{kind}/{p['id']}: an uncertain preset needs notes (what to confirm)")
        for section in ("tariff", "load_profile", "pv_profile"):
            if section in p and p[section].get("source") != p["source"]:
                raise SystemExit(f"{kind}/{p['id']}: {section}.source differs from the preset's source")


def build() -> dict[str, dict]:
    head = {"schema": 1, "generated_by": "build/make_presets.py", "research_date": RESEARCH_DATE}
    kinds = {"vehicles": VEHICLES, "chargers": CHARGERS, "subsidies": SUBSIDIES, "tariffs": TARIFFS,
             "load_profiles": LOAD_PROFILES, "pv_profiles": PV_PROFILES, "climates": CLIMATES}
    for kind, presets in kinds.items():
        check_texts(kind, presets)
    out = {f"{kind}.json": {**head, "presets": presets} for kind, presets in kinds.items()}
    out["climates.json"] = {**head, "description": CLIMATES_DESCRIPTION, "presets": CLIMATES}
    return out


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
        # margin: the wear per kWh discharged (GBP 0.043) rounded up, so discharging also pays for the wear
        participation={"mode": "v2g", "days": list(sc.DAY_NAMES), "windows": ["16:00-19:00"], "power_kw": 7.0,
                       "reserve_soc": 0.35, "departure_soc_min": 0.8, "max_discharge_kwh_per_day": 200.0,
                       "min_margin_per_kwh": 0.05},
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
        # margin: the wear per kWh discharged (USD 0.085) rounded up
        participation={"mode": "v2h", "days": list(sc.DAY_NAMES), "windows": ["16:00-21:00"], "power_kw": 11.5,
                       "reserve_soc": 0.3, "departure_soc_min": 0.8, "max_discharge_kwh_per_day": 200.0,
                       "min_margin_per_kwh": 0.09},
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
