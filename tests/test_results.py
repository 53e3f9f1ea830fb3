"""Results contract: keys, partial results and the demo pipeline."""
import json

import pytest

import models
from models import results as rs
from models import scenario as sc


def test_partial_leaves_keys_out():
    r = rs.Result(status="partial", summary={"currency": "JPY"})
    d = r.to_dict()
    assert d["summary"] == {"currency": "JPY"} and "yearly" not in d


def test_none_only_where_documented():
    rs.Result(summary={"simple_payback_years": None})  # "not within the horizon"
    with pytest.raises(ValueError):
        rs.Result(summary={"npv": None})


def test_unknown_keys_rejected():
    with pytest.raises(ValueError):
        rs.Result(summary={"profit": 1.0})
    with pytest.raises(ValueError):
        rs.Result(yearly={"year": [0, 1], "bogus": [1, 2]})
    with pytest.raises(ValueError):
        rs.Result(yearly={"year": [0, 1], "soh": [1.0]})
    with pytest.raises(ValueError):
        rs.Result(status="done")


def test_complete_requires_everything():
    with pytest.raises(ValueError):
        rs.Result(status="complete", summary={"currency": "JPY"})


def test_yearly_rows():
    r = rs.Result(yearly={"year": [0, 1, 2], "soh": [1.0, 0.98, 0.965]})
    assert r.to_dict()["yearly"][2] == {"year": 2, "soh": 0.965}


def test_simulate_demo_obeys_contract():
    result = models.simulate(sc.demo())
    d = result.to_dict()
    json.dumps(d)
    assert d["status"] in rs.STATUSES
    assert set(d["summary"]) <= set(rs.SUMMARY_KEYS)
    assert d["summary"]["currency"] == "JPY" and d["summary"]["horizon_years"] == 15
    if d["status"] == "partial":
        assert d["warnings"]


def test_docs_list_every_key():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "results.md").read_text(encoding="utf-8")
    for key in rs.SUMMARY_KEYS + rs.YEARLY_COLUMNS:
        assert f"`{key}`" in text, key


def test_warnings_come_in_japanese_too():
    """Every warning of a result has its Japanese text at the same position (warnings_ja)."""
    import pickle

    from models import scenario as sc
    from models.messages import NOTES, Note

    d = sc.to_dict(sc.demo())
    d["participation"]["min_margin_per_kwh"] = 0.0           # wear above the margin: a warning
    d["vehicle"]["capacity_kwh"] = 10.0                       # unmet driving: another one
    d["driving"]["weekend_km"] = 200.0
    r = models.simulate(sc.from_dict(d)).to_dict()
    assert len(r["warnings"]) >= 2 and len(r["warnings_ja"]) == len(r["warnings"])
    for en, ja in zip(r["warnings"], r["warnings_ja"]):
        assert en != ja and any("\u3040" <= ch <= "\u30ff" for ch in ja), ja   # kana in the Japanese text
    # every note renders in both languages with the parameters its English template uses
    for code, table in NOTES.items():
        import string

        names = {f for _, f, _, _ in string.Formatter().parse(table["en"]) if f}
        names_ja = {f for _, f, _, _ in string.Formatter().parse(table["ja"]) if f}
        params = {n: "1" for n in names | names_ja}
        note = Note(code, **params)
        assert note.text("ja") != str(note) and "{" not in note.text("ja")
        assert pickle.loads(pickle.dumps(note)).text("ja") == note.text("ja")
