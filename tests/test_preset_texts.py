"""Preset texts: a clean customer-facing ``source``, the caveats in ``notes``; subsidy application periods."""
import json
from pathlib import Path

import pytest

from models import climate as C
from models import presets as pr
from models import scenario as sc

ROOT = Path(__file__).resolve().parents[1]
#: internal references, status marks and working notes that must never reach a customer
FORBIDDEN = ("economics.md", "profiles.md", "§", "✅", "⚠", "from memory")
#: presets read entirely in a source; any other preset must stay "uncertain" (no silent upgrade)
VERIFIED = {
    "subsidies": {"jp_cev_v2h_fy2024", "jp_cev_v2h_fy2025"},
    "tariffs": {"jp_tepco_smartlife_s", "jp_chubu_smartlife", "jp_kepco_hapie_time"},
    "load_profiles": {"uk_elexon_pc1"},
    "climates": {"tokyo", "sapporo", "naha", "phoenix"},
}


def _all_shipped():
    for kind in pr.KINDS:
        for p in pr.shipped(kind):
            yield kind, p


def test_sources_are_clean_citations():
    bad = [(k, p.id, word) for k, p in _all_shipped() for word in FORBIDDEN if word.lower() in p.source.lower()]
    assert bad == []
    for kind, p in _all_shipped():
        assert p.source.strip() and "pvlib" not in p.source and "0.16" not in p.source, (kind, p.id)


def test_uncertain_presets_say_what_to_confirm():
    for kind, p in _all_shipped():
        notes = p.data.get("notes", "")
        assert isinstance(notes, str), (kind, p.id)
        if p.confidence == "uncertain":
            assert notes.strip(), f"{kind}/{p.id}: uncertain preset without notes"
        for word in ("economics.md", "profiles.md", "§", "✅", "⚠"):
            assert word not in notes, (kind, p.id, word)


def test_confidence_is_never_upgraded():
    for kind, p in _all_shipped():
        expected = "verified" if p.id in VERIFIED.get(kind, set()) else "uncertain"
        assert p.confidence == expected, (kind, p.id)


def test_recalled_figures_stay_uncertain_and_are_named_in_notes():
    osaka = pr.get("climates", "osaka")
    assert osaka.confidence == "uncertain" and "recalled" in osaka.data["notes"]
    assert "Japan Meteorological Agency" in osaka.source
    assert C.get_preset("osaka").notes == osaka.data["notes"]
    tokyo_load = pr.get("load_profiles", "jp_household_gas_4p")
    assert "AI" in tokyo_load.data["notes"] and "AI" not in tokyo_load.source
    charger = pr.get("chargers", "jp_nichicon_evps_std")
    assert "Installation 250,000 yen is an example" in charger.data["notes"]
    assert "Standby 30 W is an assumption" in charger.data["notes"]


@pytest.mark.parametrize("kind,section", [("tariffs", "tariff"), ("load_profiles", "load_profile"),
                                          ("pv_profiles", "pv_profile")])
def test_scenario_copies_carry_the_clean_source(kind, section):
    for p in pr.shipped(kind):
        assert p.data[section]["source"] == p.source, p.id
        assert "notes" not in p.data[section]          # the scenario section has no notes field
        base = sc.from_dict({"currency": p.currency or "JPY", "country": p.country or "JP",
                             "charger": {"subsidy": 0.0, "subsidy_preset_id": ""}})
        s, _ = pr.apply(base, kind, p)
        copy = {"tariffs": lambda x: x.tariff, "load_profiles": lambda x: x.home.load_profile,
                "pv_profiles": lambda x: x.home.pv_profile}[kind](s)
        assert copy.source == p.source


def test_climate_copy_carries_the_clean_source():
    for p in pr.shipped("climates"):
        s, _ = pr.apply(sc.demo(), "climates", p)
        assert s.home.climate.source == p.source


@pytest.mark.parametrize("name", ["uk_v2g_power_pack.v2g.json", "us_pge_ev2a_elrp.v2g.json",
                                  "jp_demo_sotsu_fit_v2h.v2g.json"])
def test_examples_show_clean_sources(name):
    s = sc.load(ROOT / "resources" / "examples" / name)
    for text in (s.tariff.source, s.home.load_profile.source, s.home.pv_profile.source, s.home.climate.source):
        assert text and not any(w.lower() in text.lower() for w in FORBIDDEN), text


def test_subsidy_application_periods():
    periods = {p.id: (p.data["valid_from"], p.data["valid_until"], p.valid_until) for p in pr.shipped("subsidies")}
    assert periods["jp_cev_v2h_fy2025"] == ("2025-07-25", "2025-09-30", "2025-09-30")
    assert periods["jp_cev_v2h_fy2024"] == ("2024-06-20", "2024-09-30", "2024-09-30")
    assert periods["jp_tokyo_v2h_fy2025"] == ("", "", "")   # the notes give no period


def test_expired():
    fy25 = pr.get("subsidies", "jp_cev_v2h_fy2025")
    assert not pr.expired(fy25, "2025-07-25")
    assert not pr.expired(fy25, "2025-09-30")            # the last day still counts
    assert pr.expired(fy25, "2025-10-01")
    assert pr.expired(fy25, "2026-04-01T00:00")          # date-times compare by their date
    assert not pr.expired(pr.get("subsidies", "jp_tokyo_v2h_fy2025"), "2030-01-01")   # no end date known
    assert pr.get("chargers", "jp_denso_v2h").valid_until == ""
    assert not pr.expired(pr.get("chargers", "jp_denso_v2h"), "2030-01-01")
    with pytest.raises(pr.PresetError):
        pr.expired(fy25, "next week")


def test_demo_keeps_its_pinned_subsidy():
    s = sc.demo()
    assert s.charger.subsidy_preset_id == "jp_cev_v2h_fy2025"
    assert pr.expired(pr.get("subsidies", s.charger.subsidy_preset_id), s.start_date)   # the GUI warns about it


def test_user_preset_with_a_bad_end_date_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(pr, "user_presets_dir", lambda: tmp_path / "presets")
    mine = {**pr.get("subsidies", "jp_cev_v2h_fy2025").data, "id": "my_city_v2h", "valid_until": "2027-03-31"}
    pr.save_user_preset("subsidies", mine)
    assert pr.get("subsidies", "my_city_v2h").valid_until == "2027-03-31"
    with pytest.raises(pr.PresetError, match="valid_until"):
        pr.save_user_preset("subsidies", {**mine, "id": "broken", "valid_until": "end of March"})
    path = tmp_path / "presets" / "subsidies.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["presets"].append({**mine, "id": "broken", "valid_until": "end of March"})
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "my_city_v2h" not in {p.id for p in pr.all_presets("subsidies")}   # the whole broken file is skipped
    assert any("valid_until" in m for m in pr.load_problems())
