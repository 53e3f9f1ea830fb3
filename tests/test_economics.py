"""Money: the demo's year 1 by hand, cash flows add up, summary equals the yearly rows."""
import copy
import math

import numpy as np
import pytest

import models
from models import economics as ec
from models import finance as fi
from models import scenario as sc
from models.energy import simulate_energy


@pytest.fixture(scope="module")
def demo_run():
    s = sc.demo()
    energy = simulate_energy(s)
    return s, energy, ec.compute_money(s, energy), models.simulate(s, energy=energy).to_dict()


def test_demo_year1_by_hand(demo_run):
    """TEPCO Smart Life S: V2H 17:00-01:00 lies in the 35.76 yen period; extra grid charging in 01:00-06:00."""
    s, e, m, _ = demo_run
    v, b = e.energy["v2g"], e.energy["baseline"]
    peak, night, levy, export = 35.76, 27.86, 3.98, 8.5
    to_home = v["energy_to_home_kwh"][1]
    extra_pv_into_car = v["energy_charged_pv_kwh"][1] - b["energy_charged_pv_kwh"][1]
    extra_grid_into_car = v["energy_charged_grid_kwh"][1] - b["energy_charged_grid_kwh"][1]
    # savings = purchases avoided at the peak price incl. levy - PV export income given up
    assert m.yearly["savings"][1] == pytest.approx(to_home * (peak + levy) - extra_pv_into_car * export, rel=1e-9)
    # the extra grid charging happens at the night price (solar_first tops up in the cheapest steps)
    assert m.yearly["charging_cost"][1] == pytest.approx(extra_grid_into_car * (night + levy), rel=1e-9)
    assert m.yearly["revenue"][1] == 0.0  # V2H only, no programme
    assert m.yearly["capex"][0] == 498000 + 250000 - 399000
    # marginal wear: growth of the SoH gap x 870,000 / 0.2
    gap1 = e.soh["baseline"]["soh"][1] - e.soh["v2g"]["soh"][1]
    assert m.yearly["wear_cost_marginal"][1] == pytest.approx(gap1 * 870000 / 0.2, rel=1e-12)
    # throughput wear: 870,000 / (2000 x 37 x 0.8) per kWh discharged
    assert m.yearly["wear_cost_throughput"][1] == pytest.approx(to_home * 870000 / (2000 * 37 * 0.8), rel=1e-12)
    net1 = m.yearly["savings"][1] - m.yearly["charging_cost"][1] - m.yearly["wear_cost_marginal"][1]
    assert m.yearly["net_cash_flow"][1] == pytest.approx(net1, rel=1e-12)
    # plausibility of the flows themselves: evening household use 17:00-01:00 is about 2,000 kWh a
    # year, but with the demo's 6 yen margin only energy that the PV surplus puts back pays
    # (8.5 / 0.92^2 + 6 < 39.74 yen; a grid refill at 31.84 / 0.92^2 + 6 = 43.6 yen does not)
    assert 200 < to_home < 1200
    assert 0 < extra_pv_into_car < 2000


def test_cash_flows_add_up(demo_run):
    _, _, _, d = demo_run
    rows = d["yearly"]
    cum = 0.0
    for r in rows:
        net = r["revenue"] + r["savings"] - r["charging_cost"] - r["wear_cost"] - r["other_costs"] - r["capex"]
        assert r["net_cash_flow"] == pytest.approx(net, abs=1e-6)
        cum += r["net_cash_flow"]
        assert r["cumulative_cash_flow"] == pytest.approx(cum, abs=1e-6)
    assert rows[0]["year"] == 0 and rows[-1]["year"] == 15 and len(rows) == 16


def test_summary_equals_rows(demo_run):
    s, _, _, d = demo_run
    rows = d["yearly"]
    net = [r["net_cash_flow"] for r in rows]
    sm = d["summary"]
    assert sm["total_net"] == pytest.approx(math.fsum(net))
    assert sm["npv"] == pytest.approx(fi.npv(0.03, net))
    assert sm["wear_cost_total"] == pytest.approx(math.fsum(r["wear_cost"] for r in rows))
    assert sm["soh_end"] == rows[-1]["soh"] and sm["soh_end_baseline"] == rows[-1]["soh_baseline"]
    assert sm["simple_payback_years"] == fi.simple_payback(net)
    assert sm["discounted_payback_years"] == fi.discounted_payback(0.03, net)
    dis = math.fsum(r["energy_to_home_kwh"] + r["energy_exported_kwh"] for r in rows)
    assert sm["wear_cost_per_kwh_discharged"] == pytest.approx(sm["wear_cost_total"] / dis)
    assert sm["remaining_capacity_kwh_end"] == pytest.approx(37.0 * rows[-1]["soh"])
    assert d["status"] == "complete"


def _run(mutate):
    d = sc.to_dict(sc.demo())
    mutate(d)
    s = sc.from_dict(d)
    return models.simulate(s).to_dict()


def test_mode_none_adds_no_money_but_capex():
    d = _run(lambda d: d["participation"].update(mode="none"))
    for r in d["yearly"][1:]:
        for col in ("revenue", "savings", "charging_cost", "wear_cost", "wear_cost_marginal",
                    "wear_cost_throughput", "wear_cost_eol_shift"):
            assert r[col] == pytest.approx(0.0, abs=1e-6), col
    assert d["summary"]["total_net"] == pytest.approx(-349000.0)
    assert d["summary"]["simple_payback_years"] is None


def test_incremental_cost_and_replacement():
    def mutate(d):
        d["charger"].update(incremental_cost=True, plain_charger_price=100000.0, lifetime_years=6.0, om_per_year=5000)
    d = _run(mutate)
    capex = [r["capex"] for r in d["yearly"]]
    assert capex[0] == 498000 - 100000 + 250000 - 399000
    assert capex[7] == 398000 and capex[13] == 398000
    assert sum(1 for c in capex[1:] if c) == 2
    assert all(r["other_costs"] == 5000 for r in d["yearly"][1:]) and d["yearly"][0]["other_costs"] == 0


def test_programme_payments_and_free_charging():
    def mutate(d):
        d["participation"].update(mode="v2g", windows=["16:00-21:00"])
        d["tariff"].update(v2g_payment_per_kwh=5.0, availability_per_kw_year=1000.0, fixed_payment_per_year=12000.0,
                           event_payment_per_kwh=100.0, event_hours_per_year=10.0, ev_charging_free=True)
    d = _run(mutate)
    y1 = d["yearly"][1]
    exported = y1["energy_exported_kwh"]
    assert exported > 0
    programme = 5.0 * exported + 1000.0 * 6.0 + 12000.0
    assert y1["revenue"] > exported * 8.5 + programme  # plus event payments
    assert y1["charging_cost"] < 0  # the programme pays the car's charging
    assert any("Event payments are estimated" in w for w in d["warnings"])


def test_escalation_applies_from_year_2():
    base = _run(lambda d: None)
    esc = _run(lambda d: d["tariff"].update(escalation_import=0.02, escalation_export=0.02))
    assert esc["yearly"][1]["savings"] == pytest.approx(base["yearly"][1]["savings"])
    assert esc["yearly"][3]["savings"] == pytest.approx(base["yearly"][3]["savings"] * 1.02 ** 2)


def test_eol_time_and_extrapolation():
    years = np.arange(6.0)
    soh = np.array([1.0, 0.95, 0.9, 0.85, 0.79, 0.75])
    assert ec._eol_time(years, soh, 0.80) == pytest.approx(3 + 0.05 / 0.06)
    # not reached: extrapolate the last three years' slope (-0.0333/yr) from 0.9 at year 5
    soh2 = np.array([1.0, 0.98, 0.96, 0.94, 0.92, 0.9])
    assert ec._eol_time(years, soh2, 0.80) == pytest.approx(5 + 0.1 / 0.02)
    assert math.isinf(ec._eol_time(years, np.ones(6), 0.8))
    assert ec._soh_at(years, soh2, 2.5) == pytest.approx(0.95)
    assert ec._soh_at(years, soh2, 7.0) == pytest.approx(0.86)


def test_worked_year_doc_is_current():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "build/gen_worked_year.py", "--check"], cwd=root, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize("wear, margin, currency, wear_text, suggest_text", [
    (0.0427, 0.04, "GBP", "£0.043", "£0.05"),    # the wear never reads the same as the margin it exceeds
    (0.0427, 0.0, "GBP", "£0.04", "£0.05"),      # the advice is rounded up, so following it covers the wear
    (5.93, 5.9, "JPY", "¥5.93", "¥6.0"),
    (12.01, 0.0, "JPY", "¥12.0", "¥12.1"),
])
def test_wear_above_margin_note_reads_consistently(wear, margin, currency, wear_text, suggest_text):
    from models.economics import wear_above_margin_note

    text = wear_above_margin_note(wear, margin, currency).text("en")
    assert f"costs {wear_text} per kWh" in text and f"about {suggest_text} to discharge" in text
    ja = wear_above_margin_note(wear, margin, currency).text("ja")
    assert ("円" in ja) == (currency == "JPY")
