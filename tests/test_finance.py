"""Finance functions against hand-computed cases and the research notes' worked examples."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import finance as fi


def test_npv_hand():
    # -1000 + 500/1.1 + 600/1.21 = -1000 + 454.5454... + 495.8677... = -49.5867...
    assert fi.npv(0.10, [-1000, 500, 600]) == pytest.approx(-49.586776859504, abs=1e-9)
    assert fi.npv(0.0, [-1000, 500, 600]) == 100.0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=26))
def test_npv_at_zero_is_sum(flows):
    assert fi.npv(0.0, flows) == pytest.approx(math.fsum(flows), abs=1e-6)


def test_irr_hand():
    # -100 + 110/(1+r) = 0 -> r = 0.10
    assert fi.irr([-100, 110]) == pytest.approx(0.10, abs=1e-12)
    # -1000, 500, 600: (1+r)^2 * 1000 = 500 (1+r) + 600 -> 1+r = (500 + sqrt(500^2 + 4*1000*600)) / 2000
    expected = (500 + math.sqrt(500 ** 2 + 4 * 1000 * 600)) / 2000 - 1
    assert fi.irr([-1000, 500, 600]) == pytest.approx(expected, abs=1e-12)
    assert fi.npv(fi.irr([-1000, 300, 400, 500]), [-1000, 300, 400, 500]) == pytest.approx(0.0, abs=1e-8)


def test_irr_none_cases():
    assert fi.irr([-100, -10, -5]) is None          # no sign change
    assert fi.irr([100, 10]) is None
    assert fi.irr([0, 0, 0]) is None
    # two roots: -100 + 230/(1+r) - 132/(1+r)^2 = 0 -> (1+r) in {1.1, 1.2}
    assert fi.irr_roots([-100, 230, -132]) == pytest.approx([0.1, 0.2], abs=1e-10)
    assert fi.irr([-100, 230, -132]) is None
    # root outside (-0.99, 10): -1 + 20/(1+r) -> r = 19
    assert fi.irr([-1, 20]) is None


def test_simple_payback_hand():
    # cumulative: -1000, -600, -200, +200 -> crossing in year 3 at 2 + 200/400 = 2.5
    assert fi.simple_payback([-1000, 400, 400, 400]) == 2.5
    assert fi.simple_payback([-1000, 100, 100]) is None
    assert fi.simple_payback([0, 10]) == 0.0
    assert fi.simple_payback([500, -100]) == 0.0


def test_payback_exactly_in_final_year_counts():
    # SAM reports this as "never"; we report 3.0
    assert fi.simple_payback([-900, 300, 300, 300]) == 3.0
    assert fi.simple_payback([-900, 300, 300, 200]) is None


def test_payback_first_crossing_only():
    # crosses in year 2 (1 + 500/600), then dips below zero again with a replacement
    assert fi.simple_payback([-1000, 500, 600, -1000, 100]) == pytest.approx(1 + 500 / 600)


def test_discounted_payback_hand():
    flows = [-1000, 600, 600]
    d = [-1000, 600 / 1.1, 600 / 1.21]  # -1000, 545.45, 495.87 -> cum -454.55, +41.32
    expected = 1 + (1000 - d[1]) / d[2]
    assert fi.discounted_payback(0.10, flows) == pytest.approx(expected, abs=1e-12)
    assert fi.discounted_payback(0.0, flows) == fi.simple_payback(flows)


@settings(max_examples=150, deadline=None)
@given(st.floats(1.0, 1e6), st.lists(st.floats(-1e4, 1e5), min_size=1, max_size=25))
def test_cumulative_crosses_zero_at_payback(capex, rest):
    flows = [-capex] + rest
    pb = fi.simple_payback(flows)
    cum = [math.fsum(flows[: k + 1]) for k in range(len(flows))]
    if pb is None:
        assert all(c < 0 for c in cum)
    else:
        k = math.ceil(pb) if pb > 0 else 0
        assert cum[k] >= -1e-6 * capex
        assert all(c < 0 for c in cum[:k])
        # linear interpolation: cum at pb is zero
        if k >= 1 and flows[k] != 0:
            assert cum[k - 1] + (pb - (k - 1)) * flows[k] == pytest.approx(0.0, abs=1e-6 * capex)


def test_example_a_jp_tou_arbitrage():
    # TEPCO Smart Life S: buy 27.86 (01-06 h), avoid 35.76; levy 3.98 on both; eta_rt 0.85
    margin = fi.arbitrage_margin_per_kwh(27.86, 35.76, 0.85, add_on_per_kwh=3.98)
    assert margin == pytest.approx(2.28, abs=0.005)
    # the notes' 2.98 ignores the levy on the loss kWh
    assert fi.arbitrage_margin_per_kwh(27.86, 35.76, 0.85) == pytest.approx(2.98, abs=0.005)
    # wear for a 40 kWh (gross) pack, 870k yen, DoD 0.8: 18.1 / 13.6 / 9.1 / 6.8 yen/kWh
    for cycles, expected in ((1500, 18.1), (2000, 13.6), (3000, 9.1), (4000, 6.8)):
        assert fi.throughput_wear_per_kwh(870000, cycles, 40, 0.8) == pytest.approx(expected, abs=0.05)
    assert margin - fi.throughput_wear_per_kwh(870000, 4000, 40, 0.8) < 0  # net negative


def test_example_b_pv_surplus_v2h():
    value = 35.76 + 3.98
    opportunity = 8.5 / 0.85
    net = value - opportunity - fi.throughput_wear_per_kwh(870000, 2000, 40, 0.8)
    assert net == pytest.approx(16.1, abs=0.05)
    assert 3000 * net == pytest.approx(48_000, rel=0.02)


def test_example_c_uk_octopus_go():
    margin = fi.arbitrage_margin_per_kwh(7.0, 27.0, 0.85)
    assert margin == pytest.approx(18.8, abs=0.05)
    wear = 8000 * 100 / 90000  # pence per kWh
    assert wear == pytest.approx(8.9, abs=0.02)
    assert margin - wear == pytest.approx(9.9, abs=0.05)
    assert 2500 * (margin - wear) / 100 == pytest.approx(250, abs=5)


def test_example_d_kempton_tomic_regulation():
    y = fi.kempton_tomic_annual(
        power_kw=7, hours_plugged_per_year=16 * 365, capacity_price_per_kw_h=0.02, dispatch_to_contract=0.10,
        energy_price_per_kwh=0.04, purchase_price_per_kwh=0.04, round_trip_efficiency=0.85, pack_kwh=60,
        pack_price_per_kwh=150, labour_cost=1000, cycle_life=2000, cycle_life_dod=0.8, equipment_cost=3000,
        discount_rate=0.07, equipment_years=10)
    assert y.energy_dispatched_kwh == pytest.approx(4088)
    assert y.revenue == pytest.approx(981, abs=0.5)
    assert y.wear_per_kwh == pytest.approx(0.104, abs=0.0005)
    assert y.energy_cost == pytest.approx(618, abs=0.5)
    assert y.annualised_capital == pytest.approx(427, abs=0.5)
    assert y.net == pytest.approx(-64, abs=0.5)
