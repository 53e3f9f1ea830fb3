"""Shipped presets: sources and dates, applying them, user presets, the demo from presets."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from models import presets as pr
from models import scenario as sc

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_KINDS = ("vehicles", "chargers", "subsidies", "tariffs", "load_profiles", "pv_profiles", "climates")


@pytest.mark.parametrize("kind", SHIPPED_KINDS)
def test_every_preset_has_source_date_confidence(kind):
    items = pr.shipped(kind)
    assert items
    for p in items:
        assert p.source and p.as_of and p.confidence in ("verified", "uncertain"), p.id
        assert len(p.as_of) == 10
        assert "⚠" not in p.source and "✅" not in p.source, f"{p.id}: status marks belong in the research notes"
        if p.confidence == "uncertain":
            assert p.data.get("notes"), f"{p.id}: an uncertain preset must say in its notes what to confirm"


def test_every_shipped_source_has_a_japanese_citation():
    """The Japanese UI and report show each shipped preset's source in Japanese (own text as typed)."""
    table = json.loads((ROOT / "resources" / "translations" / pr.SOURCES_JA_FILE).read_text(encoding="utf-8"))
    sources = {p.source for kind in SHIPPED_KINDS for p in pr.shipped(kind)}
    missing = sorted(sources - set(table))
    assert not missing, f"add Japanese citations for: {missing}"
    assert not sorted(set(table) - sources), "citations of presets no longer shipped"
    for en, ja in table.items():
        assert ja and ja != en and any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in ja), en
        assert pr.source_text(en, "ja") == ja and pr.source_text(en, "en") == en
    assert pr.source_text("My own notes", "ja") == "My own notes"
    demo = sc.demo("ja")
    assert pr.source_text(demo.tariff.source, "ja") == table[demo.tariff.source]   # the scenario's copy too


def test_every_shipped_note_has_a_japanese_translation():
    """The dealer notes in the picker tooltips are Japanese in the Japanese UI (numbers kept)."""
    table = json.loads((ROOT / "resources" / "translations" / pr.NOTES_JA_FILE).read_text(encoding="utf-8"))
    notes = {p.data["notes"].strip() for kind in SHIPPED_KINDS for p in pr.shipped(kind) if p.data.get("notes")}
    missing = sorted(notes - set(table))
    assert not missing, f"add Japanese notes for: {missing}"
    assert not sorted(set(table) - notes), "notes of presets no longer shipped"
    for en, ja in table.items():
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in ja), en
        for number in re.findall(r"\d[\d,.]*\d|\d", en):   # every figure of the English survives
            assert number in ja, (number, en)
        assert pr.notes_text(en, "ja") == ja and pr.notes_text(en, "en") == en
    assert pr.notes_text("Bought at the 2026 show", "ja") == "Bought at the 2026 show"


def test_minimum_preset_counts():
    assert len(pr.shipped("vehicles")) >= 10
    assert len(pr.shipped("chargers")) >= 6
    ids = {p.id for p in pr.shipped("tariffs")}
    for needed in ("jp_tepco_smartlife_s", "jp_chubu_smartlife", "jp_kepco_hapie_time", "jp_jepx_fy2024_tokyo",
                   "jp_jepx_fy2024_kansai", "jp_jepx_fy2024_kyushu", "uk_octopus_intelligent_go", "uk_agile_like",
                   "us_pge_ev2a_elrp", "nl_dynamic_example"):
        assert needed in ids
    sub = {p.id for p in pr.shipped("subsidies")}
    assert {"jp_cev_v2h_fy2024", "jp_cev_v2h_fy2025", "jp_tokyo_v2h_fy2025"} <= sub
    assert pr.get("subsidies", "jp_tokyo_v2h_fy2025").confidence == "uncertain"


@pytest.mark.parametrize("kind", ("vehicles", "chargers", "tariffs", "load_profiles", "pv_profiles"))
def test_every_preset_applies_to_a_valid_scenario(kind):
    for p in pr.shipped(kind):
        base = sc.from_dict({"currency": p.currency or "JPY", "country": p.country or "JP",
                             "charger": {"subsidy": 0.0, "subsidy_preset_id": ""}})
        s, warnings = pr.apply(base, kind, p)
        assert isinstance(s, sc.Scenario) and warnings == []


def test_subsidy_rules():
    fy25 = pr.get("subsidies", "jp_cev_v2h_fy2025").data["rule"]
    assert pr.subsidy_amount(fy25, 498000, 250000) == 399000
    assert pr.subsidy_amount(fy25, 1_760_000, 400000) == 650000
    fy24 = pr.get("subsidies", "jp_cev_v2h_fy2024").data["rule"]
    assert pr.subsidy_amount(fy24, 498000, 250000) == pytest.approx(166000 + 150000)
    tokyo = pr.get("subsidies", "jp_tokyo_v2h_fy2025").data["rule"]
    national = pr.subsidy_amount(fy25, 1_100_000, 250000)
    assert national == 650000
    assert pr.subsidy_amount(tokyo, 1_100_000, 250000, national=national) == pytest.approx(25000)
    assert pr.subsidy_amount(tokyo, 498000, 250000, national=399000) == 0.0  # never negative


def test_charger_change_recomputes_subsidy():
    s, warnings = pr.apply(sc.demo(), "chargers", "jp_denso_v2h")
    assert warnings == [] and s.charger.subsidy == 500000 + 150000


def test_currency_mismatch_copies_no_money():
    s, warnings = pr.apply(sc.demo(), "vehicles", "tesla_m3_lfp")
    assert warnings and "USD" in warnings[0]
    assert s.vehicle.pack_replacement_cost == sc.demo().vehicle.pack_replacement_cost
    assert s.vehicle.cell_model == "lfp_gr_250ah"


def test_tariff_tables_cover_every_hour():
    for p in pr.shipped("tariffs"):
        t = sc.from_dict({"tariff": p.data["tariff"], "currency": p.currency, "country": p.country}).tariff
        _, covered = sc.tou_price_grid(t.import_periods)
        assert covered.all(), p.id


def test_jepx_profile_values():
    t = pr.get("tariffs", "jp_jepx_fy2024_tokyo").data["tariff"]
    price, _ = sc.tou_price_grid([sc.TouPeriod(**x) for x in t["export_periods"]])
    assert price[7, 0, 18 * 60] == 20.1      # August 18:00, Tokyo summer
    assert price[0, 1, 12 * 60] == 9.8       # January 12:00, Tokyo winter


def test_user_presets_never_overwrite_shipped(tmp_path, monkeypatch):
    monkeypatch.setattr(pr, "user_presets_dir", lambda: tmp_path / "presets")
    with pytest.raises(pr.PresetError):
        pr.save_user_preset("chargers", {**pr.get("chargers", "jp_denso_v2h").data})
    mine = {**pr.get("chargers", "jp_denso_v2h").data, "id": "my_denso_discount", "name": "Denso (our price)"}
    mine["charger"] = {**mine["charger"], "price": 900000.0, "preset_id": "my_denso_discount"}
    path = pr.save_user_preset("chargers", mine)
    assert path.exists()
    assert pr.get("chargers", "my_denso_discount").origin == "user"
    assert pr.get("chargers", "jp_denso_v2h").data["charger"]["price"] == 1100000.0
    # a broken user file is skipped, never fatal
    (tmp_path / "presets" / "tariffs.json").write_text("{broken", encoding="utf-8")
    assert [p.origin for p in pr.all_presets("tariffs")] == ["shipped"] * len(pr.shipped("tariffs"))
    assert any("tariffs.json" in m for m in pr.load_problems())


def test_presets_match_their_generator():
    out = subprocess.run([sys.executable, "build/make_presets.py", "--check"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stdout


def test_demo_is_built_from_presets():
    s = sc.demo()
    assert s == pr.demo_from_presets()
    assert s.vehicle.preset_id == "leaf_40" and s.charger.preset_id == "jp_nichicon_evps_std"
    assert s.tariff.preset_id == "jp_tepco_smartlife_s" and s.home.climate.preset_id == "tokyo"
    assert s.charger.subsidy_preset_id == "jp_cev_v2h_fy2025" and s.charger.subsidy == 399000


@pytest.mark.parametrize("name", ["uk_v2g_power_pack.v2g.json", "us_pge_ev2a_elrp.v2g.json",
                                  "jp_demo_sotsu_fit_v2h.v2g.json"])
def test_examples_load(name):
    s = sc.load(ROOT / "resources" / "examples" / name)
    assert s.tariff.source and s.vehicle.preset_id


def test_uk_and_us_examples_use_their_programmes():
    uk = sc.load(ROOT / "resources" / "examples" / "uk_v2g_power_pack.v2g.json")
    assert uk.currency == "GBP" and uk.country == "GB" and uk.participation.mode == "v2g"
    assert uk.tariff.ev_charging_free
    us = sc.load(ROOT / "resources" / "examples" / "us_pge_ev2a_elrp.v2g.json")
    assert us.currency == "USD" and us.tariff.event_payment_per_kwh == 2.0 and us.tariff.event_window == "16:00-21:00"


def test_tokyo_top_up_keeps_the_national_subsidy():
    """Tokyo pays 1/2 of the cost minus the national subsidy (at most 500,000 yen) on top of it:
    choosing it gives national + top-up, never the top-up in place of the national amount."""
    tokyo, cev = pr.get("subsidies", "jp_tokyo_v2h_fy2025"), pr.get("subsidies", "jp_cev_v2h_fy2025")
    assert pr.subsidy_parts(tokyo) == [tokyo, cev]
    assert pr.rule_subsidy(tokyo, 1_100_000, 250_000) == pr.rule_subsidy(cev, 1_100_000, 250_000) + 25_000
    assert pr.rule_subsidy(tokyo, 498_000, 250_000) == 399_000        # the top-up is 0 here, the national stays
    s, _ = pr.apply(sc.demo(), "subsidies", "jp_tokyo_v2h_fy2025")
    assert s.charger.subsidy == pr.rule_subsidy(tokyo, s.charger.price, s.charger.installation) >= 399_000
    # the national part's closed application period is reported for the stacked subsidy too
    import models

    notes = models.simulate(s).warnings
    assert any("CEV" in n and "2025-09-30" in n for n in notes)


def test_user_subsidies_stacking_on_each_other_never_loop(tmp_path, monkeypatch):
    """Two user presets naming each other in ``stacks_on``: a finite chain, an amount, no RecursionError;
    a three-level chain (a ward on Tokyo on the nation) adds every level."""
    monkeypatch.setattr(pr, "user_presets_dir", lambda: tmp_path / "presets")
    tokyo = pr.get("subsidies", "jp_tokyo_v2h_fy2025").data
    for me, other in (("my_a", "my_b"), ("my_b", "my_a")):
        pr.save_user_preset("subsidies", {**tokyo, "id": me, "name": me,
                                          "rule": {**tokyo["rule"], "stacks_on": other}})
    a = pr.get("subsidies", "my_a")
    assert [p.id for p in pr.subsidy_parts(a)] == ["my_a", "my_b"]
    assert pr.rule_subsidy(a, 1_100_000, 250_000) >= 0
    s, _ = pr.apply(sc.demo(), "subsidies", "my_a")
    assert s.charger.subsidy == pr.rule_subsidy(a, s.charger.price, s.charger.installation)
    ward = {**tokyo, "id": "my_ward", "name": "ward", "rule": {"combined_share": 0.1, "combined_cap": 100000.0,
                                                                "stacks_on": "jp_tokyo_v2h_fy2025"}}
    pr.save_user_preset("subsidies", ward)
    w = pr.get("subsidies", "my_ward")
    assert [p.id for p in pr.subsidy_parts(w)] == ["my_ward", "jp_tokyo_v2h_fy2025", "jp_cev_v2h_fy2025"]
    below = pr.rule_subsidy(pr.get("subsidies", "jp_tokyo_v2h_fy2025"), 1_100_000, 250_000)
    assert pr.rule_subsidy(w, 1_100_000, 250_000) == below + 100_000   # 10 % of 1.35 M, capped at 100,000
