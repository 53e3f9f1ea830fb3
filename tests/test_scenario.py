"""Scenario schema: defaults, ranges, validation messages, load/save."""
import copy
import json
import math
import os

import pytest

from models import scenario as sc


def _paths(problems):
    return [p.path for p in problems]


def _set(d, path, value):
    if path.startswith("tariff.price_series.") and d["tariff"]["price_series"] is None:
        import dataclasses

        d["tariff"]["price_series"] = dataclasses.asdict(sc.PriceSeries(values_per_kwh=[10.0]))
    keys = path.split(".")
    for k in keys[:-1]:
        d = d[k]
    d[keys[-1]] = value


def test_demo_is_valid_and_pinned():
    s = sc.demo()
    assert s.start_date == "2026-04-01" and s.horizon_years == 15 and s.step_minutes == 15
    assert s.currency == "JPY"
    assert s.vehicle.capacity_kwh == 37.0 and s.vehicle.cell_model == "nmc622_gr_denso50ah"
    assert s.vehicle.pack_replacement_cost == 870000 and s.vehicle.warranty_soh == 0.70
    assert (s.driving.weekday_km, s.driving.weekend_km, s.driving.kwh_per_km) == (15, 60, 0.15)
    assert s.driving.monthly_consumption_factor[0] == 1.25 and s.driving.monthly_consumption_factor[6] == 1.10
    assert s.home.annual_load_kwh == 4500 and s.home.pv_kwp == 4.0
    assert s.charging.strategy == "solar_first" and s.charging.target_soc == 0.9
    p = s.participation
    assert (p.mode, p.windows, p.power_kw, p.reserve_soc, p.departure_soc_min) == \
        ("v2h", ["17:00-01:00"], 6.0, 0.3, 0.8)
    c = s.charger
    assert (c.price, c.installation, c.subsidy) == (498000, 250000, 399000)
    # FY2025 national subsidy: 1/2 of equipment up to 500,000 + works up to 150,000
    assert c.subsidy == min(0.5 * c.price, 500000) + min(c.installation, 150000)
    prices = sorted(per.price_per_kwh for per in s.tariff.import_periods)
    assert prices == [27.86, 35.76]
    assert s.tariff.add_on_per_kwh == 3.98 and s.tariff.export_price_per_kwh == 8.5
    assert s.finance.discount_rate == 0.03 and s.finance.wear_method == "marginal"
    # every embedded profile names its preset and date
    for prof in (s.home.load_profile, s.home.pv_profile, s.home.climate):
        assert prof.preset_id and prof.as_of and prof.source


def test_round_trip(tmp_path):
    s = sc.demo()
    path = tmp_path / "demo.v2g.json"
    sc.save(s, path)
    again = sc.load(path)
    assert again == s
    assert sc.to_dict(again) == sc.to_dict(s)


def test_missing_keys_take_defaults():
    s = sc.from_dict({"name": "minimal"})
    assert s.name == "minimal" and s.vehicle.capacity_kwh == sc.Vehicle().capacity_kwh


NUMERIC = [(path, info, tp) for path, info, tp in sc.iter_fields()
           if tp in (float, int) and info.lo is not None and not info.choices and path != "schema_version"]


@pytest.mark.parametrize("path,info,tp", NUMERIC, ids=[p for p, _, _ in NUMERIC])
def test_each_numeric_field_range(path, info, tp, demo_dict):
    step = 1 if tp is int else max(1e-6, 1e-3 * (info.hi - info.lo))
    for bad in (info.lo - step, info.hi + step):
        d = copy.deepcopy(demo_dict)
        _set(d, path, tp(bad) if tp is int else bad)
        problems = sc.validate_dict(d)
        assert [p.code for p in problems if p.path == path] == ["out_of_range"], (path, bad, problems)
        msg = [p for p in problems if p.path == path][0].message("en")
        assert f"{info.lo:g}" in msg and f"{info.hi:g}" in msg
    for good in (info.lo, info.hi):
        d = copy.deepcopy(demo_dict)
        _set(d, path, tp(good))
        assert not [p for p in sc.validate_dict(d) if p.path == path and p.code == "out_of_range"]


CHOICES = [(path, info) for path, info, tp in sc.iter_fields() if info.choices and tp in (str, int)]


@pytest.mark.parametrize("path,info", CHOICES, ids=[p for p, _ in CHOICES])
def test_each_choice_field(path, info, demo_dict):
    d = copy.deepcopy(demo_dict)
    _set(d, path, "not-a-choice" if isinstance(info.choices[0], str) else 7)
    problems = [p for p in sc.validate_dict(d) if p.path == path]
    assert problems and problems[0].code in ("not_choice", "bad_country")


def test_every_field_has_help_text_in_both_languages():
    for path, info, _ in sc.iter_fields():
        assert info.help_en and info.help_ja, path


def test_three_bad_fields_reported_at_once(demo_dict):
    d = copy.deepcopy(demo_dict)
    d["vehicle"]["capacity_kwh"] = 0
    d["driving"]["weekday_departure"] = "25:00"
    d["charger"]["price"] = "expensive"
    problems = sc.validate_dict(d)
    assert set(_paths(problems)) == {"vehicle.capacity_kwh", "driving.weekday_departure", "charger.price"}
    for p in problems:
        assert p.message("en") and p.message("ja") and p.message("en") != p.message("ja")


def test_unknown_key_suggests(demo_dict):
    d = copy.deepcopy(demo_dict)
    d["vehicle"]["capacity_kw"] = 40
    (p,) = sc.validate_dict(d)
    assert p.path == "vehicle.capacity_kw" and p.code == "unknown_key"
    assert "capacity_kwh" in p.message("en") and "capacity_kwh" in p.message("ja")


def test_tariff_gap_is_reported(demo_dict):
    d = copy.deepcopy(demo_dict)
    d["tariff"]["import_periods"] = d["tariff"]["import_periods"][:1]  # 01:00-06:00 uncovered
    (p,) = sc.validate_dict(d)
    assert p.code == "tariff_gap" and "01:00" in p.message("en") and "01:00" in p.message("ja")


def test_cross_checks(demo_dict):
    d = copy.deepcopy(demo_dict)
    d["driving"]["weekend_return"] = "08:00"
    d["charging"]["target_soc"] = 0.5
    d["charger"]["subsidy"] = 10_000_000
    codes = {(p.path, p.code) for p in sc.validate_dict(d)}
    assert ("driving.weekend_return", "trip_order") in codes
    assert ("participation.departure_soc_min", "soc_order") in codes
    assert ("charger.subsidy", "subsidy_too_large") in codes


def test_list_checks(demo_dict):
    d = copy.deepcopy(demo_dict)
    d["driving"]["monthly_consumption_factor"] = [1.0] * 11
    d["participation"]["days"] = ["mon", "mon"]
    d["participation"]["windows"] = ["17:00-1:00"]
    d["tariff"]["import_periods"][0]["months"] = [0, 13]
    got = {(p.path, p.code) for p in sc.validate_dict(d)}
    assert ("driving.monthly_consumption_factor", "bad_length") in got
    assert ("participation.days[1]", "duplicate") in got
    assert ("participation.windows[0]", "bad_window") in got
    assert ("tariff.import_periods[0].months[0]", "out_of_range") in got
    assert ("tariff.import_periods[0].months[1]", "out_of_range") in got


def test_types_are_strict(demo_dict):
    d = copy.deepcopy(demo_dict)
    d["horizon_years"] = 15.5
    d["charger"]["incremental_cost"] = "yes"
    d["vehicle"]["capacity_kwh"] = True
    got = {(p.path, p.code) for p in sc.validate_dict(d)}
    assert got == {("horizon_years", "wrong_type"), ("charger.incremental_cost", "wrong_type"),
                   ("vehicle.capacity_kwh", "wrong_type")}


def test_schema_version_zero_rejected(demo_dict):
    d = copy.deepcopy(demo_dict)
    d["schema_version"] = 0
    assert [p.code for p in sc.validate_dict(d)] == ["out_of_range"]


def test_newer_schema_rejected(demo_dict):
    d = copy.deepcopy(demo_dict)
    d["schema_version"] = sc.SCHEMA_VERSION + 1
    (p,) = sc.validate_dict(d)
    assert p.code == "newer_schema"


def test_load_errors(tmp_path):
    bad_json = tmp_path / "a.v2g.json"
    bad_json.write_text("{ not json", encoding="utf-8")
    with pytest.raises(sc.ScenarioError) as e:
        sc.load(bad_json)
    assert e.value.problems[0].code == "not_json"
    nan = tmp_path / "b.v2g.json"
    nan.write_text('{"horizon_years": NaN}', encoding="utf-8")
    with pytest.raises(sc.ScenarioError) as e:
        sc.load(nan)
    assert e.value.problems[0].code == "not_json"
    latin = tmp_path / "c.v2g.json"
    latin.write_bytes('{"name": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(sc.ScenarioError) as e:
        sc.load(latin)
    assert e.value.problems[0].code == "not_utf8"
    with pytest.raises(sc.ScenarioError) as e:
        sc.load(tmp_path / "missing.v2g.json")
    assert e.value.problems[0].code == "cannot_read"
    top_list = tmp_path / "d.v2g.json"
    top_list.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(sc.ScenarioError) as e:
        sc.load(top_list)
    assert e.value.problems[0].code == "not_object"


def test_size_limit(tmp_path):
    big = tmp_path / "big.v2g.json"
    big.write_text(json.dumps({"notes": "x" * 5000}), encoding="utf-8")
    with pytest.raises(sc.ScenarioError) as e:
        sc.read_json_file(big, max_bytes=1000)
    p = e.value.problems[0]
    assert p.code == "file_too_large" and "MB" in p.message("en")


def test_save_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "s.v2g.json"
    sc.save(sc.demo(), path)
    before = path.read_bytes()
    changed = sc.from_dict({**sc.to_dict(sc.demo()), "name": "changed"})

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        sc.save(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.v2g.json"]  # no temp file left behind


def test_save_refuses_invalid(tmp_path):
    s = sc.demo()
    s.vehicle.capacity_kwh = -5.0
    with pytest.raises(sc.ScenarioError):
        sc.save(s, tmp_path / "x.v2g.json")
    assert not (tmp_path / "x.v2g.json").exists()


def test_tou_grid_first_match_wins():
    periods = [sc.TouPeriod(start="06:00", end="01:00", price_per_kwh=35.76),
               sc.TouPeriod(start="01:00", end="06:00", price_per_kwh=27.86),
               sc.TouPeriod(start="00:00", end="00:00", price_per_kwh=99.0)]
    price, covered = sc.tou_price_grid(periods)
    assert covered.all()
    assert price[0, 0, 0] == 35.76 and price[0, 0, 60] == 27.86 and price[5, 1, 359] == 27.86
    assert price[11, 1, 360] == 35.76 and (price != 99.0).all()


def test_scenario_docs_up_to_date():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "build/gen_docs.py", "--check"], cwd=root, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


# ---------------------------------------------------------------- saved comparison
def _mode(s, mode):
    d = sc.to_dict(s)
    d["participation"]["mode"] = mode
    return sc.from_dict(d)


def test_comparison_round_trip_stores_only_the_changes(tmp_path):
    s = sc.demo()
    cheaper = sc.to_dict(s)
    cheaper["charger"]["price"] = 300000.0
    cheaper["home"]["pv_kwp"] = 6.0
    variants = [sc.Variant("No V2G", "none", _mode(s, "none")),
                sc.Variant("Cheaper charger", "copy", sc.from_dict(cheaper))]
    path = tmp_path / "cmp.v2g.json"
    sc.save(s, path, variants)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["comparison"] == [
        {"label": "No V2G", "kind": "none", "changes": {"participation.mode": "none"}},
        {"label": "Cheaper charger", "kind": "copy", "changes": {"charger.price": 300000.0, "home.pv_kwp": 6.0}}]
    main, got, problems = sc.load_with_comparison(path)
    assert problems == [] and main == s
    assert [(v.label, v.kind) for v in got] == [("No V2G", "none"), ("Cheaper charger", "copy")]
    assert got[0].scenario == variants[0].scenario and got[1].scenario == variants[1].scenario
    assert sc.load(path) == s                      # plain load ignores the comparison


def test_broken_comparison_entries_are_reported_not_fatal(tmp_path):
    s = sc.demo()
    data = sc.to_dict(s)
    data["comparison"] = [
        {"label": "ok", "kind": "v2h+v2g", "changes": {"participation.mode": "v2h+v2g"}},
        {"label": "bad value", "kind": "copy", "changes": {"vehicle.capacity_kwh": 9999}},
        {"label": "", "kind": "copy", "changes": {}},
    ]
    path = tmp_path / "broken.v2g.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    main, got, problems = sc.load_with_comparison(path)
    assert main == s
    assert [v.label for v in got] == ["ok"]
    paths = [p.path for p in problems]
    assert paths == ["comparison[1].changes.vehicle.capacity_kwh", "comparison[2].label"]
    assert all(p.message("ja") for p in problems)
    # a path that leads nowhere, and more than three variants
    data["comparison"] = [{"label": "bad path", "kind": "copy", "changes": {"vehicle.nope.deeper": 1}}] * 4
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _, got, problems = sc.load_with_comparison(path)
    assert got == []
    assert [p.path for p in problems] == [f"comparison[{i}].changes.vehicle.nope.deeper" for i in range(3)] \
        + ["comparison"]


def test_changes_and_apply_changes_are_inverse():
    a = sc.to_dict(sc.demo())
    b = sc.to_dict(_mode(sc.demo(), "v2g"))
    b["tariff"]["import_periods"][0]["price_per_kwh"] = 40.0
    diff = sc.changes(a, b)
    assert set(diff) == {"participation.mode", "tariff.import_periods"}   # lists compared whole
    assert sc.apply_changes(a, diff) == b
    assert sc.changes(a, a) == {}
