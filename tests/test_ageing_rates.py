"""Rate functions and graphite potential vs NREL BLAST-Lite 1.1.1's own rate functions.

Fixture: tests/fixtures/ageing/blast_rates.json, generated once by
tests/fixtures/ageing/make_blast_fixtures.py in a throw-away venv (versions recorded in it).
"""
import json
from pathlib import Path

import numpy as np
import pytest

from models.ageing import CELL_IDS, CELLS, DEFAULT_PACK_FACTOR, get_cell, ua_graphite_v
from models.ageing import kernel as K
from models.ageing import rates as R

FX = json.loads((Path(__file__).parent / "fixtures" / "ageing" / "blast_rates.json").read_text())
RTOL = 1e-6


def _v(f):
    return np.vectorize(f, otypes=[float])


def _trapz_avg(y, t):
    y = np.asarray(y, dtype=float)
    t = np.asarray(t, dtype=float)
    return float(np.sum(0.5 * (y[1:] + y[:-1]) * np.diff(t)) / (t[-1] - t[0]))


def _mine(cid, case):
    """Our rates for one fixture case, with BLAST-Lite's stress definitions."""
    t = np.asarray(case["t_s"])
    tk = np.asarray(case["temp_c"]) + 273.15
    soc = np.asarray(case["soc"])
    ua = ua_graphite_v(soc)
    dod, c, cchg = case["dod"], case["crate"], case["cchg"]
    if cid == "nmc111_gr_kokam75ah":
        return {"q1": _trapz_avg(_v(R.kokam_q1)(tk, ua), t),
                "q3": _trapz_avg(_v(R.kokam_q3)(tk, np.full_like(tk, dod)), t),
                "q5": _trapz_avg(_v(R.kokam_q5)(tk, np.full_like(tk, dod), np.full_like(tk, soc.mean())), t)}
    if cid == "nmc622_gr_denso50ah":
        tm, sm = tk.mean(), soc.mean()
        crate = cchg if cchg != 0 else c
        return {"b1t": R.denso_b1t(tm, sm), "b1N": R.denso_b1n(tm, dod, crate, sm)}
    if cid == "lfp_gr_250ah":
        return {"kcal": _trapz_avg(_v(R.lfp250_kcal)(tk, ua), t),
                "kcyc": _trapz_avg(_v(R.lfp250_kcyc)(tk, np.full_like(tk, dod), np.full_like(tk, c)), t)}
    if cid == "nca_gr_panasonic3ah":
        return {"k_cal": _trapz_avg(_v(R.nca_kcal)(tk, soc), t),
                "k_cyc": _trapz_avg(_v(R.nca_kcyc)(tk, np.full_like(tk, dod), np.full_like(tk, c)), t)}
    if cid == "lfp_gr_sony3ah":
        return {"q1": _trapz_avg(_v(R.sony_q1)(tk, ua), t), "q3": _trapz_avg(_v(R.sony_q3)(tk, ua), t),
                "q5": R.sony_q5(dod, c),
                "r_kcal": _trapz_avg(_v(R.sony_r_cal_temp)(tk), t) * _trapz_avg(_v(R.sony_r_cal_soc)(soc), t),
                "r_kcyc": R.sony_r_cyc(dod, c)}
    raise AssertionError(cid)


def test_fixture_records_versions():
    assert FX["versions"]["blast-lite"] == "1.1.1"
    assert set(FX["rates"]) == set(CELL_IDS)


def test_ua_matches_blast():
    soc = np.asarray(FX["ua"]["soc"])
    np.testing.assert_allclose(ua_graphite_v(soc), FX["ua"]["ua_v"], rtol=1e-12, atol=0)


def test_ua_printed_values():
    # research notes (degradation.md 1.3): SoC 0 -> 0.684, 0.5 -> 0.1233, 1.0 -> 0.086 V
    assert ua_graphite_v(0.0) == pytest.approx(0.684, abs=5e-4)
    assert ua_graphite_v(0.5) == pytest.approx(0.1233, abs=5e-5)
    assert ua_graphite_v(0.9) == pytest.approx(0.0882, abs=5e-5)
    assert ua_graphite_v(1.0) == pytest.approx(0.086, abs=5e-4)


@pytest.mark.parametrize("cid", CELL_IDS)
def test_rates_match_blast(cid):
    n = 0
    for case, ref in zip(FX["cases"], FX["rates"][cid]):
        mine = _mine(cid, case)
        for key, val in mine.items():
            assert val == pytest.approx(ref[key], rel=RTOL, abs=1e-300), (cid, key, case)
            n += 1
    assert n >= len(FX["cases"]) * 2


def test_printed_example_rates():
    # degradation.md 1.4 example rates at 25 degC
    t = 298.15
    assert R.kokam_q1(t, ua_graphite_v(0.5)) == pytest.approx(1.233e-3, rel=5e-4)
    assert R.kokam_q1(t, ua_graphite_v(0.9)) == pytest.approx(5.735e-3, rel=5e-4)
    assert R.kokam_q3(t, 0.6) == pytest.approx(9.29e-5, rel=5e-4)
    assert R.kokam_q5(t, 0.6, 0.6 * (1e4 - 6567) / (153 * 30 * 0.6)) == pytest.approx(6567, rel=1e-9)
    assert R.lfp250_kcal(t, ua_graphite_v(0.5)) == pytest.approx(4.95e-4, rel=1e-3)
    assert R.lfp250_kcal(t, ua_graphite_v(0.9)) == pytest.approx(7.52e-4, rel=1e-3)


def test_fast_channels_match_rate_functions():
    """The sweep's tabulated Ua path equals the exact rate functions to 1e-8 relative."""
    socs = np.linspace(0.0, 1.0, 2001)
    temps = np.array([263.15, 283.15, 298.15, 318.15, 333.15])
    for tk in temps:
        for soc in socs:
            ua = ua_graphite_v(soc)
            ch = K._channels.py_func(R.KOKAM, K.UA_TAB, tk, soc)
            assert ch[0] == pytest.approx(R.kokam_q1(tk, ua), rel=1e-8)
            ch = K._channels.py_func(R.LFP250, K.UA_TAB, tk, soc)
            assert ch[0] == pytest.approx(R.lfp250_kcal(tk, ua), rel=1e-8)
            ch = K._channels.py_func(R.NCA, K.UA_TAB, tk, soc)
            assert ch[0] == pytest.approx(R.nca_kcal(tk, soc), rel=1e-12)
            ch = K._channels.py_func(R.SONY, K.UA_TAB, tk, soc)
            assert ch[0] == pytest.approx(R.sony_q1(tk, ua), rel=1e-8)
            assert ch[1] == pytest.approx(R.sony_q3(tk, ua), rel=1e-8)
            assert ch[2] == pytest.approx(R.sony_r_cal_temp(tk), rel=1e-9)
    for tk in np.linspace(173.2, 473.1, 777):
        ch = K._channels.py_func(R.SONY, K.UA_TAB, tk, 0.5)
        assert ch[2] == pytest.approx(R.sony_r_cal_temp(tk), rel=1e-9)


def test_cell_metadata_complete():
    assert CELL_IDS == ("nmc111_gr_kokam75ah", "nmc622_gr_denso50ah", "lfp_gr_250ah",
                        "nca_gr_panasonic3ah", "lfp_gr_sony3ah")
    for cid, cell in CELLS.items():
        assert cell.id == cid
        assert cell.sources and all(isinstance(s, str) and s for s in cell.sources)
        assert cell.description_en and cell.description_ja
        assert cell.description("ja") == cell.description_ja
        lo, hi = cell.validity["temp_c"]
        assert lo < hi
        assert 0 < cell.validity["dod"][0] <= cell.validity["dod"][1] <= 1
        assert cell.validity["max_charge_c"] > 0
    assert DEFAULT_PACK_FACTOR == 1.2
    assert [CELLS[c].code for c in CELL_IDS] == [R.KOKAM, R.DENSO, R.LFP250, R.NCA, R.SONY]
    with pytest.raises(ValueError, match="valid ids"):
        get_cell("nope")
