"""AgeingStepper / simulate_cell: closed forms, chunking invariance, API rules."""
import math

import numpy as np
import pytest

from models.ageing import CELL_IDS, AgeingStepper, simulate_cell, ua_graphite_v
from models.ageing import rates as R

DAY = 86400.0
YEAR = 365 * DAY


def hourly(days, pattern, temp_c=25.0):
    t = np.arange(24 * days) * 3600.0
    soc = np.tile(np.asarray(pattern, dtype=float), days)
    return t, soc, np.full(t.shape, float(temp_c))


COMMUTER_V2G = ([0.44, 0.54, 0.64, 0.74] + [0.8] * 4 + [0.72] * 10
                + [0.64, 0.565, 0.49, 0.415, 0.34, 0.34])


def random_profile(rng, days, step_s=3600.0):
    n = int(days * DAY / step_s)
    t = np.arange(n) * step_s
    soc = np.clip(np.cumsum(rng.normal(0, 0.04, n)) % 2.0, 0, 2)
    soc = np.where(soc > 1, 2 - soc, soc)
    temp = 20 + 10 * np.sin(2 * np.pi * t / (30 * DAY)) + rng.normal(0, 1, n)
    return t, soc, temp


# ------------------------------------------------------------------ closed forms
@pytest.mark.parametrize("soc", [0.5, 0.9])
@pytest.mark.parametrize("temp_c", [10.0, 25.0, 40.0])
def test_calendar_closed_form(soc, temp_c):
    t, s, tc = hourly(1, [soc] * 24, temp_c)
    tk = temp_c + 273.15
    ua = ua_graphite_v(soc)
    k = {"nmc111_gr_kokam75ah": (R.kokam_q1(tk, ua), 0.357),
         "nmc622_gr_denso50ah": (R.denso_b1t(tk, soc), 0.5),
         "lfp_gr_250ah": (R.lfp250_kcal(tk, ua), 0.526),
         "nca_gr_panasonic3ah": (R.nca_kcal(tk, soc), 0.512)}
    days = np.array([365, 3650])
    for cid, (kk, p) in k.items():
        tr = simulate_cell(cid, t, s, tc, years=10)
        got = tr.loss_calendar[np.searchsorted(tr.t_years, days / 365 - 1e-12)]
        np.testing.assert_allclose(got, kk * days ** p, rtol=1e-9)
        assert np.all(tr.loss_cycle == 0)
        once = simulate_cell(cid, t, s, tc)     # 23 hours: an incomplete day (reported provisionally)
        assert once.loss_calendar[-1] == pytest.approx(kk * (23 / 24), rel=1e-9)
        two = simulate_cell(cid, np.r_[t, 86400.0], np.r_[s, soc], np.r_[tc, temp_c])   # 24 hours
        assert two.loss_calendar[-1] == pytest.approx(kk, rel=1e-9)
    # Sony: sigmoid in time, 2 q1 (1/2 - 1/(1 + exp((q2 t)^q3)))
    tr = simulate_cell("lfp_gr_sony3ah", t, s, tc, years=10)
    q1, q3 = R.sony_q1(tk, ua), R.sony_q3(tk, ua)
    want = 2 * q1 * (0.5 - 1 / (1 + np.exp((R.SONY_Q2_PER_DAY * days) ** q3)))
    got = tr.loss_calendar[np.searchsorted(tr.t_years, days / 365 - 1e-12)]
    np.testing.assert_allclose(got, want, rtol=1e-7)


def test_cycle_closed_form_kokam():
    """Constant daily cycle: loss_cycle = q3 * EFC^0.778 with EFC in nominal units (x SoH)."""
    pattern = [1.0] * 8 + [0.8, 0.6, 0.4, 0.2] + [0.2] * 6 + [0.4, 0.6, 0.8] + [1.0] * 3
    t, s, tc = hourly(1, pattern, 25.0)
    tr = simulate_cell("nmc111_gr_kokam75ah", t, s, tc, years=5)
    q3 = R.kokam_q3(298.15, 0.8)
    np.testing.assert_allclose(tr.loss_cycle[1:], q3 * tr.efc[1:] ** 0.778, rtol=1e-9)
    # EFC: 0.8 per day, scaled by the SoH when each cycle ran (fewer than 0.8/day)
    assert 0.8 * 365 * 5 * tr.soh[-1] < tr.efc[-1] < 0.8 * 365 * 5


# ------------------------------------------------------------------ chunking
def _state(st):
    return np.array([st.t_years, st.soh, st.soh_low, st.soh_high, st.loss_calendar, st.loss_cycle,
                     st.efc, st.loss_lam])


@pytest.mark.parametrize("cid", CELL_IDS)
@pytest.mark.parametrize("mode", ["physical", "blast"])
def test_chunking_invariance(cid, mode):
    rng = np.random.default_rng(7)
    t, s, tc = random_profile(rng, 40, 1800.0)
    whole = AgeingStepper(cid, c_rate_mode=mode, pack_factor=1.2)
    whole.advance(t, s, tc)
    ref = _state(whole)
    for trial in range(3):
        cuts = np.sort(rng.choice(np.arange(1, t.size), size=rng.integers(1, 60), replace=False))
        st = AgeingStepper(cid, c_rate_mode=mode, pack_factor=1.2)
        for a, b in zip(np.r_[0, cuts], np.r_[cuts, t.size]):
            st.advance(t[a:b], s[a:b], tc[a:b])
        np.testing.assert_allclose(_state(st), ref, rtol=1e-12, atol=1e-15)
        assert sorted(st.warnings) == sorted(whole.warnings)
    # one sample at a time for the first days, then the rest
    st = AgeingStepper(cid, c_rate_mode=mode, pack_factor=1.2)
    for i in range(100):
        st.advance(t[i:i + 1], s[i:i + 1], tc[i:i + 1])
    st.advance(t[100:], s[100:], tc[100:])
    np.testing.assert_allclose(_state(st), ref, rtol=1e-12, atol=1e-15)


def test_daily_and_yearly_chunks_agree_over_years():
    t, s, tc = hourly(365 * 3, COMMUTER_V2G, 30.0)
    a = AgeingStepper("lfp_gr_250ah")
    for y in range(3):
        sl = slice(y * 8760, (y + 1) * 8760)
        a.advance(t[sl], s[sl], tc[sl])
    b = AgeingStepper("lfp_gr_250ah")
    for d in range(365 * 3):
        sl = slice(d * 24, (d + 1) * 24)
        b.advance(t[sl], s[sl], tc[sl])
    np.testing.assert_allclose(_state(a), _state(b), rtol=1e-12)


def test_copy_is_independent():
    t, s, tc = hourly(20, COMMUTER_V2G)
    st = AgeingStepper("nmc111_gr_kokam75ah")
    st.advance(t[:240], s[:240], tc[:240])
    cp = st.copy()
    st.advance(t[240:], s[240:], tc[240:])
    cp2 = cp.copy()
    cp.advance(t[240:], s[240:], tc[240:])
    np.testing.assert_allclose(_state(cp), _state(st), rtol=1e-14)
    assert cp2.t_years == pytest.approx(239 / 24 / 365)


# ------------------------------------------------------------------ API rules
def test_bands_and_scalar():
    t, s, tc = hourly(1, COMMUTER_V2G, 25.0)
    tr = simulate_cell("nca_gr_panasonic3ah", t, s, tc, years=10, uncertainty_sigma=0.15)
    assert np.all(tr.soh_low[1:] < tr.soh[1:]) and np.all(tr.soh[1:] < tr.soh_high[1:])
    loss = 1 - tr.soh[-1]
    assert (1 - tr.soh_low[-1]) / loss == pytest.approx(1.15, rel=0.01)
    assert (1 - tr.soh_high[-1]) / loss == pytest.approx(0.85, rel=0.01)
    tr2 = simulate_cell("nca_gr_panasonic3ah", t, s, tc, years=10, degradation_scalar=2.0)
    assert tr2.loss_calendar[-1] == pytest.approx(2 * tr.loss_calendar[-1], rel=1e-12)


def test_pack_factor():
    t, s, tc = hourly(1, [0.9] * 24, 30.0)
    cell = simulate_cell("lfp_gr_250ah", t, s, tc, years=8)
    pack = simulate_cell("lfp_gr_250ah", t, s, tc, years=8, pack_factor=1.2)
    assert 1 - pack.soh[-1] == pytest.approx(1.2 * (1 - cell.soh[-1]), rel=1e-12)


def test_kokam_soh_is_min_of_lli_and_lam():
    # five full 100 % cycles a day at 10 degC reach the LAM knee (q5 ~ 4300 EFC) within 3 years
    pattern = [1.0] * 4 + [0.5, 0.0, 0.5, 1.0] * 5
    t, s, tc = hourly(1, pattern, 10.0)
    assert AgeingStepper("nmc111_gr_kokam75ah").loss_lam == pytest.approx(1e-8, rel=1e-6)   # BLAST-Lite initial state
    tr = simulate_cell("nmc111_gr_kokam75ah", t, s, tc, years=3)
    lli = 1 - tr.loss_calendar - tr.loss_cycle
    assert np.all(tr.soh <= lli + 1e-12)
    assert tr.soh[-1] < lli[-1] - 0.01      # LAM-limited at the end
    assert tr.soh[1] == pytest.approx(lli[1], abs=1e-12)   # LLI-limited early


def test_clipping_warns():
    t, s, tc = hourly(1, [1.0, 0.0] * 12, 55.0)
    tr = simulate_cell("nca_gr_panasonic3ah", t, s, tc, years=25, pack_factor=2.0)
    assert tr.soh.min() == 0.0 and tr.soh.max() <= 1.0
    assert any("clipped" in w for w in tr.warnings)


def test_used_pack_starts_at_its_soh_and_fades_slower():
    t, s, tc = hourly(365, COMMUTER_V2G, 25.0)
    new = simulate_cell("nmc111_gr_kokam75ah", t, s, tc, years=10)
    st = AgeingStepper("nmc111_gr_kokam75ah", initial_soh=0.9)
    assert st.soh == st.soh_low == st.soh_high == 0.9   # before the first chunk
    used = simulate_cell("nmc111_gr_kokam75ah", t, s, tc, years=10, initial_soh=0.9)
    assert used.soh[0] == 0.9 and np.all(np.diff(used.soh) <= 0)
    # first year of the used pack loses less than the first year of a new one
    assert 0.9 - used.soh[1] < 1 - new.soh[1]
    assert used.soh[1] < 0.9
    for b in (used.soh_low, used.soh_high):
        assert b[1] < 0.9


def test_used_pack_prior_age_reproduces_soh():
    t, s, tc = hourly(365, COMMUTER_V2G, 25.0)
    for cid in CELL_IDS:
        st = AgeingStepper(cid, initial_soh=0.88, pack_factor=1.2)
        st.advance(t[:2], s[:2], tc[:2])      # one hour: SoH ~ initial
        assert st.soh == pytest.approx(0.88, abs=2e-4), cid
        assert st.prior_age_years > 0


def test_warnings_outside_validity():
    t, s, tc = hourly(2, [0.5] * 24, 50.0)
    st = AgeingStepper("lfp_gr_250ah")
    st.advance(t, s, tc)
    assert any("above" in w and "45" in w for w in st.warnings)
    assert len(st.warnings) == len(set(st.warnings))
    st.advance(t + 2 * DAY, s, tc)
    assert len(st.warnings) == len(set(st.warnings))
    t2, s2, tc2 = hourly(2, [0.9, 0.1] * 12, 25.0)       # 0.8/h: fast charge for LFP 250 Ah
    st = AgeingStepper("lfp_gr_250ah")
    st.advance(t2, s2, tc2)
    assert any("Charging up to" in w for w in st.warnings)


@pytest.mark.parametrize("bad, match", [
    (dict(soc=[0.5, 1.2]), "soc must be a fraction"),
    (dict(time_s=[0.0, 0.0]), "strictly increasing"),
    (dict(temp_c=[25.0, float("nan")]), "non-finite"),
    (dict(soc=[0.5]), "same length"),
])
def test_advance_rejects_bad_input(bad, match):
    args = dict(time_s=[0.0, 3600.0], soc=[0.5, 0.6], temp_c=[25.0, 25.0])
    args.update(bad)
    st = AgeingStepper("lfp_gr_250ah")
    with pytest.raises(ValueError, match=match):
        st.advance(np.asarray(args["time_s"]), np.asarray(args["soc"]), np.asarray(args["temp_c"]))


def test_time_must_continue():
    st = AgeingStepper("lfp_gr_250ah")
    st.advance(np.array([0.0, 3600.0]), np.array([0.5, 0.5]), np.array([25.0, 25.0]))
    with pytest.raises(ValueError, match="continue"):
        st.advance(np.array([3600.0]), np.array([0.5]), np.array([25.0]))


def test_constructor_validation():
    with pytest.raises(ValueError):
        AgeingStepper("lfp_gr_250ah", pack_factor=0.9)
    with pytest.raises(ValueError):
        AgeingStepper("lfp_gr_250ah", c_rate_mode="fast")
    with pytest.raises(ValueError):
        AgeingStepper("lfp_gr_250ah", initial_soh=0.0)
    with pytest.raises(ValueError, match="valid ids"):
        AgeingStepper("x")


def test_simulate_cell_rows_and_repetition():
    t, s, tc = hourly(10, COMMUTER_V2G, 25.0)
    tr = simulate_cell("lfp_gr_250ah", t, s, tc, years=3)
    for y in (0, 1, 2, 3):
        assert np.any(np.isclose(tr.t_years, y, atol=1e-9)), y
    assert tr.t_years[-1] == pytest.approx(3.0)
    once = simulate_cell("lfp_gr_250ah", t, s, tc)
    assert once.t_years[-1] == pytest.approx((t[-1] - t[0]) / YEAR)
    # repeating the 10-day series equals feeding the repeated series explicitly
    reps = 4
    tt = np.concatenate([t + k * 10 * DAY for k in range(reps)])
    explicit = simulate_cell("lfp_gr_250ah", tt, np.tile(s, reps), np.tile(tc, reps))
    short = simulate_cell("lfp_gr_250ah", t, s, tc, years=5 / 365)      # shorter than the series
    assert short.t_years[-1] == pytest.approx(5 / 365)
    rep = simulate_cell("lfp_gr_250ah", t, s, tc, years=tt[-1] / YEAR)
    assert rep.soh[-1] == pytest.approx(explicit.soh[-1], abs=1e-12)
    assert rep.efc[-1] == pytest.approx(explicit.efc[-1], rel=1e-12)


def test_resistance_growth_where_modelled():
    t, s, tc = hourly(1, COMMUTER_V2G, 35.0)
    for cid in CELL_IDS:
        tr = simulate_cell(cid, t, s, tc, years=5)
        if cid in ("nmc111_gr_kokam75ah", "lfp_gr_sony3ah"):
            assert tr.resistance[0] == pytest.approx(1.0, abs=0.02)
            assert np.all(np.diff(tr.resistance) >= -1e-12) and tr.resistance[-1] > 1.01
        else:
            assert np.all(np.isnan(tr.resistance))


def test_warm_up_runs():
    from models.ageing import warm_up
    warm_up()
    assert math.isfinite(AgeingStepper("lfp_gr_sony3ah").soh)


@pytest.mark.parametrize("cid", CELL_IDS)
def test_chunking_invariance_on_an_ev_year(cid):
    """Realistic EV SoC (commutes, V2G, night charging), 15-min steps: years, days, 7-sample chunks."""
    from bench._soc_profile import soc_profile

    n = 365 * 96
    soc = soc_profile(365, dt_min=15, seed=3)[:n]
    t = np.arange(n) * 900.0
    temp = 18 + 8 * np.sin(2 * np.pi * t / YEAR) + 4 * np.sin(2 * np.pi * t / DAY)
    whole = AgeingStepper(cid, pack_factor=1.2)
    whole.advance(t, soc, temp)
    for per in (96, 7):
        st = AgeingStepper(cid, pack_factor=1.2)
        for a in range(0, n, per):
            st.advance(t[a:a + per], soc[a:a + per], temp[a:a + per])
        np.testing.assert_allclose(_state(st), _state(whole), rtol=1e-12, atol=1e-15)


def test_model_specific_warnings():
    t, s, tc = hourly(3, [0.0] * 24, 25.0)            # stored empty: DENSO fit turns negative
    st = AgeingStepper("nmc622_gr_denso50ah")
    st.advance(t, s, tc)
    assert st.loss_calendar == 0.0
    assert any("near 0 % SoC" in w for w in st.warnings)
    t, s, tc = hourly(3, [1.0, 0.0] * 12, 25.0)       # 12 full cycles a day (1C): lab regime
    st = AgeingStepper("lfp_gr_sony3ah")
    st.advance(t, s, tc)
    assert any("break-in" in w for w in st.warnings)
    st = AgeingStepper("nmc111_gr_kokam75ah")
    st.advance(*hourly(3, COMMUTER_V2G, -20.0))
    assert any("below" in w for w in st.warnings) and any("Cycling at" in w for w in st.warnings)


def test_constant_first_chunk_then_cycles():
    """A series that starts constant keeps its first sample as an open reversal (rainflow policy)."""
    from models.ageing import AgeingStepper

    soc = np.array([0.5, 0.5, 0.5, 0.5, 0.6, 0.4, 0.55])
    t = np.arange(soc.size) * 900.0
    temp = np.full(soc.size, 25.0)
    chunked = AgeingStepper("nmc622_gr_denso50ah")
    chunked.advance(t[:3], soc[:3], temp[:3])
    chunked.advance(t[3:], soc[3:], temp[3:])
    whole = AgeingStepper("nmc622_gr_denso50ah")
    whole.advance(t, soc, temp)
    assert chunked.soh == pytest.approx(whole.soh, abs=1e-12)
    assert chunked.efc == pytest.approx(whole.efc, abs=1e-12)
