"""Embedded data of the pinned demo scenario (until it is rebuilt from presets).

Every number is taken from ``../shared/research`` (economics.md, profiles.md);
status markers there become ``confidence`` here ("verified" = read in a source,
"uncertain" = example value the dealer must confirm).
"""
from __future__ import annotations

# profiles.md §1: JMA 1991-2020 normals, Tokyo (47662), transcribed in public repos.
TOKYO_MEAN_C = [5.4, 6.1, 9.4, 14.3, 18.8, 21.9, 25.7, 26.9, 23.3, 18.0, 12.5, 7.7]
TOKYO_MAX_C = [9.8, 10.9, 14.2, 19.4, 23.6, 26.1, 29.9, 31.3, 27.5, 21.9, 16.7, 12.0]
TOKYO_MIN_C = [1.2, 2.1, 5.0, 9.8, 14.6, 18.5, 22.4, 23.5, 20.3, 14.8, 8.8, 3.8]

# profiles.md §2a: clear-sky kWh/kWp (pvlib, south 30°) and §2b all-sky factor
# (0.60-0.65 for Tokyo, lower in the rainy season Jun-Jul and in Sep).
TOKYO_CLEAR_SKY_KWH_PER_KWP = [145, 147, 174, 172, 174, 166, 168, 166, 156, 153, 137, 137]
TOKYO_ALL_SKY_FACTOR = [0.68, 0.66, 0.62, 0.63, 0.64, 0.52, 0.56, 0.64, 0.54, 0.58, 0.62, 0.66]

# profiles.md §2c: Tokyo clear-sky hourly shares for hours 5..19 (Jan, Apr, Jul, Oct).
_TOKYO_SHAPE_5_19 = {
    1: [0, 0, .029, .081, .114, .135, .145, .145, .134, .112, .078, .026, 0, 0, 0],
    4: [.001, .022, .056, .086, .108, .122, .128, .127, .118, .101, .076, .044, .011, 0, 0],
    7: [.004, .024, .054, .082, .104, .119, .125, .125, .116, .101, .077, .048, .019, .003, 0],
    10: [0, .013, .056, .094, .120, .135, .141, .137, .123, .099, .063, .019, 0, 0, 0],
}

# profiles.md §3b: indicative Japanese gas-household weekday shape (assumption, ⚠️)
# and 4-person monthly kWh (エネがえる FAQ, ⚠️ AI-estimated from 環境省 statistics).
JP_GAS_HOUSEHOLD_SHAPE = [2.6, 2.3, 2.2, 2.1, 2.1, 2.4, 3.6, 5.1, 4.9, 3.9, 3.5, 3.5,
                          3.9, 3.5, 3.4, 3.6, 4.1, 5.3, 6.7, 7.4, 7.4, 7.0, 5.6, 3.9]
JP_4P_MONTHLY_KWH = [420, 400, 370, 350, 330, 340, 380, 390, 370, 350, 360, 410]


def tokyo_hourly_pv_shape() -> list[list[float]]:
    """12 x 24 hourly shares: the four computed months, linear in between, each row sums to 1."""
    anchors = [1, 4, 7, 10, 13]
    rows = []
    for month in range(1, 13):
        lo = max(a for a in anchors if a <= month)
        hi = min(a for a in anchors if a >= month)
        w = 0.0 if hi == lo else (month - lo) / (hi - lo)
        a = _TOKYO_SHAPE_5_19[lo if lo <= 12 else 1]
        b = _TOKYO_SHAPE_5_19[hi if hi <= 12 else 1]
        mid = [(1 - w) * x + w * y for x, y in zip(a, b)]
        total = sum(mid)
        row = [0.0] * 5 + [round(v / total, 6) for v in mid] + [0.0] * 4
        rows.append(row)
    return rows


def demo_dict() -> dict:
    """The demo scenario of issue 2 as a plain dict (validated by ``models.scenario.demo``)."""
    pv_monthly = [round(c * f, 1) for c, f in zip(TOKYO_CLEAR_SKY_KWH_PER_KWP, TOKYO_ALL_SKY_FACTOR)]
    return {
        "schema_version": 1,
        "name": "Demo: 卒FIT household near Tokyo, Leaf 40 kWh + 6 kW V2H",
        "notes": "Example values; prices as of 2025. Installation cost is an example value.",
        "start_date": "2026-04-01",
        "horizon_years": 15,
        "step_minutes": 15,
        "currency": "JPY",
        "country": "JP",
        "vehicle": {
            "preset_id": "leaf_40", "name": "Nissan Leaf 40 kWh", "capacity_kwh": 37.0,
            "cell_model": "nmc622_gr_denso50ah", "pack_factor": 1.2, "initial_soh": 1.0,
            "eol_soh": 0.80, "pack_replacement_cost": 870000.0, "warranty_years": 8.0,
            "warranty_km": 160000.0, "warranty_soh": 0.70, "cycle_life": 2000.0, "cycle_life_dod": 0.8,
        },
        "driving": {
            "weekday_km": 15.0, "weekend_km": 60.0,
            "weekday_departure": "10:00", "weekday_return": "11:30",
            "weekend_departure": "09:00", "weekend_return": "17:00",
            "kwh_per_km": 0.15,
            "monthly_consumption_factor": [1.25, 1.25, 1.0, 1.0, 1.0, 1.0, 1.10, 1.10, 1.0, 1.0, 1.0, 1.25],
            "monthly_distance_factor": [1.0] * 12,
        },
        "home": {
            "annual_load_kwh": 4500.0,
            "load_profile": {
                "preset_id": "jp_household_gas_4p", "as_of": "2026-11-29",
                "source": "Shape: assumption from qualitative JP measurements (green2050 blog); monthly "
                          "shares: エネがえる FAQ 4-person household (AI-estimated from 環境省 statistics)",
                "confidence": "uncertain",
                "weekday_shape": JP_GAS_HOUSEHOLD_SHAPE, "weekend_shape": JP_GAS_HOUSEHOLD_SHAPE,
                "monthly_share": [float(v) for v in JP_4P_MONTHLY_KWH], "hourly_kwh": None,
            },
            "pv_kwp": 4.0,
            "pv_profile": {
                "preset_id": "jp_tokyo_south30", "as_of": "2026-11-29",
                "source": "Clear-sky yield computed with pvlib 0.16.1 (Ineichen, Hay-Davies, south 30°) x "
                          "all-sky factor 0.52-0.68 (typical 1,100-1,250 kWh/kWp/yr for Tokyo)",
                "confidence": "uncertain",
                "monthly_kwh_per_kwp": pv_monthly, "hourly_shape": tokyo_hourly_pv_shape(),
                "hourly_kw_per_kwp": None,
            },
            "climate": {
                "preset_id": "tokyo", "as_of": "2026-11-29",
                "source": "JMA 1991-2020 normals, Tokyo (47662)", "confidence": "verified",
                "mean_c": TOKYO_MEAN_C, "max_c": TOKYO_MAX_C, "min_c": TOKYO_MIN_C, "hourly_temp_c": None,
            },
        },
        "charging": {"strategy": "solar_first", "target_soc": 0.90},
        "participation": {
            "mode": "v2h", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            "windows": ["17:00-01:00"], "power_kw": 6.0, "reserve_soc": 0.30,
            "departure_soc_min": 0.80, "max_discharge_kwh_per_day": 200.0,
        },
        "charger": {
            "preset_id": "jp_nichicon_evps_std", "name": "Nichicon EV Power Station (standard, 6 kW)",
            "price": 498000.0, "installation": 250000.0, "subsidy": 399000.0,
            "subsidy_preset_id": "jp_cev_v2h_fy2025", "charge_kw": 6.0, "discharge_kw": 6.0,
            "charge_efficiency": 0.92, "discharge_efficiency": 0.92, "standby_w": 30.0,
            "lifetime_years": 15.0, "om_per_year": 0.0, "plain_charger_price": 0.0,
            "incremental_cost": False,
        },
        "tariff": {
            "preset_id": "jp_tepco_smartlife_s", "as_of": "2025-06-01",
            "name": "TEPCO スマートライフS", "confidence": "verified",
            "source": "silvergrowthstudio.jp (2025); 再エネ賦課金 FY2025 3.98 yen/kWh; 卒FIT TEPCO EP 8.5 yen/kWh",
            "import_periods": [
                {"months": list(range(1, 13)), "days": "all", "start": "06:00", "end": "01:00",
                 "price_per_kwh": 35.76},
                {"months": list(range(1, 13)), "days": "all", "start": "01:00", "end": "06:00",
                 "price_per_kwh": 27.86},
            ],
            "add_on_per_kwh": 3.98, "export_price_per_kwh": 8.5, "export_periods": [],
            "v2g_payment_per_kwh": 0.0, "availability_per_kw_year": 0.0, "availability_per_kw_hour": 0.0,
            "event_payment_per_kwh": 0.0, "event_hours_per_year": 0.0, "event_window": "16:00-21:00",
            "event_months": [5, 6, 7, 8, 9, 10], "fixed_payment_per_year": 0.0, "ev_charging_free": False,
            "price_series": None, "escalation_import": 0.0, "escalation_export": 0.0,
        },
        "finance": {"discount_rate": 0.03, "wear_method": "marginal"},
        "ageing": {"uncertainty_sigma": 0.15},
    }
