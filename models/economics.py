"""Money: yearly cash flows (scenario - baseline), battery wear three ways, KPIs.

Input: the scenario and the :class:`models.energy.EnergyResult` of the V2G
run and the baseline (same car, same driving, same charging strategy, no
discharging).  Every money column is the difference V2G run - baseline, i.e.
what participation adds.  Worked year: ``docs/economics.md``.

Yearly lines (k = 1..N; row 0 is the purchase):

* ``revenue`` = export income of the car's discharge to the grid
  (``car_export_value``) + programme payments: per kWh exported, availability
  per kW-year and per kW-hour plugged in inside the windows, event payments,
  fixed credit.  Export prices and payments escalate with
  ``tariff.escalation_export``.
* ``savings`` = reduction of the household's purchases other than the car's
  charging (import price incl. add-ons, escalated with
  ``escalation_import``), net of the PV export income given up (PV stored in
  the car instead of sold).
* ``charging_cost`` = change in what the car's charging from the grid costs
  (standby energy included; zero in the V2G run when the programme pays for
  charging, ``tariff.ev_charging_free``).
  By construction ``savings + revenue_energy - charging_cost`` equals the
  change of the household's electricity bill (import cost - export income).
* ``wear_cost`` (method chosen by ``finance.wear_method``), and all three:
  (a) ``wear_cost_marginal`` = growth of (SoH_baseline - SoH_V2G) in the year
  x ``pack_replacement_cost`` / (1 - ``eol_soh``);
  (b) ``wear_cost_throughput`` = Kempton & Tomić ``c_bat / (L_c E_s DoD)`` x
  kWh discharged at the charger (to grid and home);
  (c) ``wear_cost_eol_shift`` = present value at the discount rate of moving
  the pack replacement from the baseline's end-of-life time to the V2G run's
  (trajectories extrapolated linearly from their last three years when end
  of life falls beyond the horizon), spread as an equal annuity over years
  1..N so that its NPV equals that present value.
  Wear may be negative (V2G lowering the parked SoC slows calendar ageing):
  it is shown, never clipped.
* ``capex`` = charger + installation - subsidy in year 0 (only the extra over
  ``plain_charger_price`` when ``incremental_cost``), plus the charger price
  again in the year after its lifetime ends inside the horizon.
* ``other_costs`` = O&M per year.
* ``net_cash_flow`` = revenue + savings - charging_cost - wear_cost -
  other_costs - capex; ``cumulative_cash_flow`` its running sum.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import finance
from .messages import Note, money_per_kwh, per_kwh_decimals
from .scenario import Scenario, parse_window
from .tariff import escalation_factors

@dataclass
class Money:
    yearly: dict[str, np.ndarray]
    summary: dict
    warnings: list[str] = field(default_factory=list)
    #: extra detail for reports and docs (revenue split, EOL years)
    detail: dict = field(default_factory=dict)


def _discharge_power_kw(s: Scenario) -> float:
    return min(s.participation.power_kw, s.charger.discharge_kw)


def _event_plugged_fraction(s: Scenario, energy) -> float:
    """Share of event-window steps (in event months) of year 1 in which the car is plugged in.

    Event programmes such as California's ELRP pay for incremental export *or* load reduction, so
    V2H and V2G both earn them.
    """
    t = s.tariff
    if t.event_hours_per_year <= 0 or t.event_payment_per_kwh <= 0 or not t.event_months:
        return 0.0
    tl = energy.timeline
    spd = tl.steps_per_day
    a, b = parse_window(t.event_window)
    minutes = np.arange(spd) * s.step_minutes
    in_win = (minutes >= a) & (minutes < b) if a < b else (minutes >= a) | (minutes < b)
    n_days = min(365, tl.n_days)
    day_ok = np.isin(np.asarray(tl.day_month[:n_days]), t.event_months)
    mask = (day_ok[:, None] & in_win[None, :]).ravel()
    plugged = np.asarray(tl.plugged[: n_days * spd], dtype=bool)
    return float(plugged[mask].mean()) if mask.any() else 0.0


def _tail_slope(soh: np.ndarray) -> float:
    """SoH change per year over the last three years (fewer when the horizon is shorter); 0 for one point."""
    back = min(3, len(soh) - 1)
    return float((soh[-1] - soh[-1 - back]) / back) if back > 0 else 0.0


def _eol_time(years: np.ndarray, soh: np.ndarray, eol: float) -> float:
    """Fractional year at which ``soh`` first reaches ``eol``; linear extrapolation beyond; inf if never."""
    below = np.nonzero(soh <= eol)[0]
    if below.size:
        k = int(below[0])
        if k == 0:
            return 0.0
        s0, s1 = soh[k - 1], soh[k]
        return float(years[k - 1] + (s0 - eol) / (s0 - s1)) if s0 != s1 else float(years[k])
    slope = _tail_slope(soh)
    if slope >= 0:
        return math.inf
    return float(years[-1] + (soh[-1] - eol) / (-slope))


def _soh_at(years: np.ndarray, soh: np.ndarray, age: float) -> float:
    if age <= years[-1]:
        return float(np.interp(age, years, soh))
    return float(max(0.0, soh[-1] + _tail_slope(soh) * (age - years[-1])))


def wear_above_margin_note(wear_per_kwh: float, margin_per_kwh: float, currency: str) -> Note:
    """The note that the wear per kWh discharged exceeds the required margin.

    The suggested margin is the wear rounded *up* at the usual precision (so following the advice
    does cover the wear), and the wear is shown with as many decimals (up to 4) as it takes to
    differ from the margin: never "wear £0.04 is more than the margin of £0.04"."""
    d = per_kwh_decimals(wear_per_kwh)
    suggest = math.ceil(round(wear_per_kwh * 10 ** d, 9)) / 10 ** d
    shown = d
    while shown < 4 and round(wear_per_kwh, shown) <= round(margin_per_kwh, shown):
        shown += 1
    return Note("wear_above_margin", **money_per_kwh(wear_per_kwh, currency, "wear", decimals=shown),
                **money_per_kwh(margin_per_kwh, currency, "margin"),
                **money_per_kwh(suggest, currency, "suggest", decimals=d))


def compute_money(s: Scenario, energy) -> Money:
    """Yearly money columns and summary KPIs from the energy (and ageing) result."""
    warnings: list[str] = []
    n = s.horizon_years
    years = np.arange(n + 1, dtype=np.float64)
    fv, fb = energy.flows["v2g"], energy.flows["baseline"]
    t = s.tariff
    esc_i = escalation_factors(t.escalation_import, n)
    esc_e = escalation_factors(t.escalation_export, n)
    mode = s.participation.mode
    v2g_on = mode in ("v2g", "v2h+v2g")
    yr = years >= 1

    # --- energy money (prices of the timeline x escalation) ------------------
    car_cost_v = np.zeros(n + 1) if t.ev_charging_free and mode != "none" else fv["car_charge_grid_cost"]
    charging_cost = (car_cost_v - fb["car_charge_grid_cost"]) * esc_i
    non_car_import_v = fv["household_import_cost"] - fv["car_charge_grid_cost"]
    non_car_import_b = fb["household_import_cost"] - fb["car_charge_grid_cost"]
    pv_export_v = fv["household_export_value"] - fv["car_export_value"]
    pv_export_b = fb["household_export_value"] - fb["car_export_value"]
    savings = (non_car_import_b - non_car_import_v) * esc_i - (pv_export_b - pv_export_v) * esc_e
    export_income = (fv["car_export_value"] - fb["car_export_value"]) * esc_e

    # --- programme payments --------------------------------------------------
    p_kw = _discharge_power_kw(s)
    pay_kwh = t.v2g_payment_per_kwh * (fv["car_export_kwh"] - fb["car_export_kwh"]) * esc_e
    avail_year = np.where(yr & v2g_on, t.availability_per_kw_year * p_kw, 0.0) * esc_e
    avail_hour = (t.availability_per_kw_hour * p_kw * fv["window_plugged_h"] if v2g_on
                  else np.zeros(n + 1)) * esc_e
    event_kwh = 0.0
    participates = mode != "none"
    if participates and t.event_hours_per_year > 0 and t.event_payment_per_kwh > 0:
        frac = _event_plugged_fraction(s, energy)
        event_kwh = t.event_hours_per_year * p_kw * frac
        warnings.append(Note("event_estimate", hours=f"{t.event_hours_per_year:g}", kw=f"{p_kw:g}",
                             plugged_pct=f"{100 * frac:.0f} %", kwh=f"{event_kwh:,.0f}"))
    events = np.where(yr, t.event_payment_per_kwh * event_kwh, 0.0) * esc_e
    fixed = np.where(yr & (mode != "none"), t.fixed_payment_per_year, 0.0) * esc_e
    revenue = export_income + pay_kwh + avail_year + avail_hour + events + fixed

    # --- capex, O&M ------------------------------------------------------------
    c = s.charger
    if c.subsidy > 0 and c.subsidy_preset_id:
        from . import presets

        try:
            for sub in presets.subsidy_parts(presets.get("subsidies", c.subsidy_preset_id)):
                if presets.expired(sub, s.start_date):   # a top-up's national part has its own period
                    warnings.append(Note("subsidy_closed", name=sub.name, name_ja=sub.name_ja or sub.name,
                                         until=sub.valid_until, start=s.start_date))
        except presets.PresetError:  # an own or unknown subsidy: nothing known about its period
            pass
    equipment = c.price - (c.plain_charger_price if c.incremental_cost else 0.0)
    capex = np.zeros(n + 1)
    capex[0] = equipment + c.installation - c.subsidy
    life = c.lifetime_years
    k = 1
    while k * life < n - 1e-9:
        row = int(math.floor(k * life + 1e-9)) + 1
        if row <= n:
            capex[row] += equipment
        k += 1
    other = np.where(yr, c.om_per_year, 0.0)

    # --- wear -----------------------------------------------------------------
    v = s.vehicle
    dis_kwh = energy.energy["v2g"]["energy_exported_kwh"] + energy.energy["v2g"]["energy_to_home_kwh"]
    dis_kwh_b = energy.energy["baseline"]["energy_exported_kwh"] + energy.energy["baseline"]["energy_to_home_kwh"]
    c_d = finance.throughput_wear_per_kwh(v.pack_replacement_cost, v.cycle_life, v.capacity_kwh, v.cycle_life_dod)
    wear_thr = c_d * (dis_kwh - dis_kwh_b)
    have_soh = bool(energy.soh)
    if have_soh:
        sv = energy.soh["v2g"]["soh"]
        sb = energy.soh["baseline"]["soh"]
    detail: dict = {"throughput_wear_per_kwh": c_d, "event_kwh_per_year": event_kwh,
                    "revenue_export": export_income, "revenue_programme": revenue - export_income}
    if have_soh:
        gap = sb - sv
        wear_marg = np.zeros(n + 1)
        wear_marg[1:] = np.diff(gap) * v.pack_replacement_cost / (1.0 - v.eol_soh)
        t_eol_v = _eol_time(years, sv, v.eol_soh)
        t_eol_b = _eol_time(years, sb, v.eol_soh)
        d = s.finance.discount_rate
        pv_v = 0.0 if math.isinf(t_eol_v) else (1.0 + d) ** (-t_eol_v)
        pv_b = 0.0 if math.isinf(t_eol_b) else (1.0 + d) ** (-t_eol_b)
        pv_shift = v.pack_replacement_cost * (pv_v - pv_b)
        wear_eol = np.where(yr, pv_shift * finance.capital_recovery_factor(d, n), 0.0)
        detail.update({"eol_year_v2g": t_eol_v, "eol_year_baseline": t_eol_b, "eol_shift_present_value": pv_shift})
        wear_all = {"marginal": wear_marg, "throughput": wear_thr, "eol_shift": wear_eol}
        wear = wear_all[s.finance.wear_method]
    else:
        wear_marg = wear_eol = None
        wear = wear_thr if s.finance.wear_method == "throughput" else None

    yearly = {"revenue": revenue, "savings": savings, "charging_cost": charging_cost,
              "wear_cost_throughput": wear_thr, "capex": capex, "other_costs": other}
    if have_soh:
        yearly["wear_cost_marginal"] = wear_marg
        yearly["wear_cost_eol_shift"] = wear_eol
    summary: dict = {}
    if wear is not None:
        net = revenue + savings - charging_cost - wear - other - capex
        yearly.update({"wear_cost": wear, "net_cash_flow": net, "cumulative_cash_flow": np.cumsum(net)})
        flows = net.tolist()
        rate = s.finance.discount_rate
        roots = finance.irr_roots(flows)
        if len(roots) > 1:
            warnings.append(Note("irr_not_unique", roots=", ".join(f"{100 * r:.1f} %" for r in roots)))
        summary.update({
            "npv": finance.npv(rate, flows), "irr": roots[0] if len(roots) == 1 else None,
            "simple_payback_years": finance.simple_payback(flows),
            "discounted_payback_years": finance.discounted_payback(rate, flows),
            "total_net": math.fsum(flows), "wear_cost_total": math.fsum(wear.tolist()),
        })
        total_dis = math.fsum(dis_kwh.tolist())
        if total_dis > 0:
            # net of the energy bought to refill the car: what one kWh discharged earns before wear
            summary["revenue_per_kwh_discharged"] = math.fsum((revenue + savings - charging_cost).tolist()) / total_dis
            summary["wear_cost_per_kwh_discharged"] = summary["wear_cost_total"] / total_dis
            eta = c.charge_efficiency * c.discharge_efficiency
            cheapest = float(np.min(energy.timeline.import_price_per_kwh))
            capex_per_kwh = (math.fsum(capex.tolist())) / total_dis
            summary["breakeven_spread_per_kwh"] = (cheapest * (1.0 / eta - 1.0)
                                                   + summary["wear_cost_per_kwh_discharged"] + capex_per_kwh)
            p = s.participation
            w = summary["wear_cost_per_kwh_discharged"]
            if p.only_when_profitable and w - p.min_margin_per_kwh > 0.05 * abs(w):   # clearly above the margin
                warnings.append(wear_above_margin_note(w, p.min_margin_per_kwh, s.currency))
        else:
            # None = undefined: the car delivered no energy to divide by (results contract)
            warnings.append(Note("no_discharge"))
            summary["revenue_per_kwh_discharged"] = None
            summary["wear_cost_per_kwh_discharged"] = None
            summary["breakeven_spread_per_kwh"] = None
    # --- battery and warranty ---------------------------------------------------
    if have_soh:
        km = fv["driven_km"]
        cum_km = np.cumsum(km)
        if cum_km[-1] >= v.warranty_km and v.warranty_km > 0:
            age_km = float(np.interp(v.warranty_km, cum_km, years))
        else:
            last = km[-1] if km[-1] > 0 else 0.0
            age_km = years[-1] + (v.warranty_km - cum_km[-1]) / last if last > 0 else math.inf
        age = min(v.warranty_years, age_km)
        if age > n:
            warnings.append(Note("warranty_beyond_horizon", age=f"{age:.1f}"))
        summary["soh_at_warranty"] = _soh_at(years, sv, age)
        summary["soh_at_warranty_baseline"] = _soh_at(years, sb, age)
        summary["warranty_ok"] = bool(summary["soh_at_warranty"] >= v.warranty_soh)
        if not summary["warranty_ok"]:
            below_b = summary["soh_at_warranty_baseline"] < v.warranty_soh
            warnings.append(Note("below_warranty_anyway" if below_b else "below_warranty",
                                 limit_pct=f"{100 * v.warranty_soh:.0f} %"))
        summary["soh_end"] = float(sv[-1])
        summary["soh_end_baseline"] = float(sb[-1])
        cap_end = v.capacity_kwh * float(sv[-1])
        summary["remaining_capacity_kwh_end"] = cap_end
        mean_factor = float(np.mean(s.driving.monthly_consumption_factor))
        summary["remaining_range_km_end"] = cap_end / (s.driving.kwh_per_km * mean_factor)
        detail["warranty_age_years"] = age
    summary["unmet_driving_kwh_total"] = float(math.fsum(energy.energy["v2g"]["unmet_driving_kwh"].tolist()))
    return Money(yearly=yearly, summary=summary, warnings=warnings, detail=detail)
