"""Trajectories vs NREL BLAST-Lite 1.1.1 on constructed duty cycles (fixed-SoC mode).

Fixture: tests/fixtures/ageing/blast_trajectories.json (BLAST-Lite's q on its own t_days axis,
one year of hourly input repeated to 15 years, is_conserve_energy_throughput=False).
docs/validation.md tabulates these differences and explains each by its cause.
"""
import json
from pathlib import Path

import numpy as np
import pytest

from models.ageing import CELL_IDS, simulate_cell

FX = json.loads((Path(__file__).parent / "fixtures" / "ageing" / "blast_trajectories.json").read_text())
YEARS = np.arange(1, 16)
CASES = [c["id"] for c in FX["cases"]]


def ours(cid, case_id, mode):
    case = next(c for c in FX["cases"] if c["id"] == case_id)
    pattern = FX["day_patterns"][case["pattern"]]
    t = np.arange(8760) * 3600.0
    soc = np.tile(np.asarray(pattern, dtype=float), 365)
    tr = simulate_cell(cid, t, soc, np.full(8760, case["temp_c"]), years=15, c_rate_mode=mode)
    idx = [int(np.argmin(np.abs(tr.t_years - y))) for y in YEARS]
    assert np.allclose(tr.t_years[idx], YEARS)
    return tr.soh[idx]


def blast(cid, case_id):
    r = FX["results"][cid][case_id]
    assert r["t_years_end"] > 15.0
    return np.interp(YEARS, FX["t_years"], r["q"])


def test_fixture_provenance():
    assert FX["versions"]["blast-lite"] == "1.1.1"
    assert set(FX["results"]) == set(CELL_IDS)
    assert "is_conserve_energy_throughput=False" in FX["input"]


# BLAST-compatible mode: day-average C-rate, day-mean SoC/T for cycle stress, trapezoid rule.
# Limit 0.1 pp; the DENSO V2G cases reach 0.105 pp because BLAST's charging C-rate is a
# trapezoid average whose end weights depend on where its drifting 25-sample chunks cut the
# charging run (0.0941C on average vs 0.092C = charge / charging time), see docs/validation.md.
BLAST_MODE_LIMIT_PP = {("nmc622_gr_denso50ah", "commuter_v2g_25c"): 0.12,
                       ("nmc622_gr_denso50ah", "commuter_v2g_35c"): 0.12}


@pytest.mark.parametrize("cid", CELL_IDS)
@pytest.mark.parametrize("case_id", CASES)
def test_blast_mode_matches_blast(cid, case_id):
    diff_pp = 100 * (ours(cid, case_id, "blast") - blast(cid, case_id))
    assert np.max(np.abs(diff_pp)) <= BLAST_MODE_LIMIT_PP.get((cid, case_id), 0.1)


@pytest.mark.parametrize("cid", CELL_IDS)
@pytest.mark.parametrize("case_id", CASES)
def test_physical_mode_vs_blast(cid, case_id):
    diff_pp = 100 * (ours(cid, case_id, "physical") - blast(cid, case_id))
    if case_id.startswith("cal"):
        assert np.max(np.abs(diff_pp)) <= 0.02          # calendar only: same closed form
    elif cid == "lfp_gr_250ah":
        # the only model with a strong C-rate term: physical C (0.075-0.2C while current flows)
        # instead of BLAST's day average incl. rests (0.013-0.064C) -> more cycling fade
        assert np.all(diff_pp < 0)
        assert np.max(np.abs(diff_pp)) <= 3.0
    else:
        assert np.max(np.abs(diff_pp)) <= 0.4


@pytest.mark.parametrize("cid", ["nmc111_gr_kokam75ah", "lfp_gr_sony3ah"])
@pytest.mark.parametrize("case_id", CASES)
def test_resistance_growth_matches_blast(cid, case_id):
    """Relative DC resistance (Kokam: max(LLI, LAM) law; Sony: Naumann linear laws), BLAST-compatible mode."""
    case = next(c for c in FX["cases"] if c["id"] == case_id)
    pattern = FX["day_patterns"][case["pattern"]]
    t = np.arange(8760) * 3600.0
    soc = np.tile(np.asarray(pattern, dtype=float), 365)
    tr = simulate_cell(cid, t, soc, np.full(8760, case["temp_c"]), years=15, c_rate_mode="blast")
    ours_r = np.array([tr.resistance[int(np.argmin(np.abs(tr.t_years - y)))] for y in YEARS])
    ref = np.interp(YEARS, FX["t_years"], FX["results"][cid][case_id]["r"])
    np.testing.assert_allclose(ours_r, ref, rtol=1e-3)
