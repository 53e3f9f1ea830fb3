"""``v2g-calc`` verbs and exit codes (0 ok, 2 invalid input, 1 internal error)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from models import scenario as sc

ROOT = Path(__file__).resolve().parents[1]


def _bad_file(tmp_path):
    d = sc.to_dict(sc.demo())
    d["vehicle"]["capacity_kwh"] = 0
    d["participation"]["reserve_soc"] = 1.5
    d["tariff"]["export_price_per_kwh"] = "eight"
    path = tmp_path / "bad.v2g.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    return path


def test_validate_three_bad_fields_exit_2(tmp_path, capsys):
    path = _bad_file(tmp_path)
    assert cli.main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    for field in ("vehicle.capacity_kwh", "participation.reserve_soc", "tariff.export_price_per_kwh"):
        assert field in err
    assert "3 problem" in err and "Traceback" not in err


def test_validate_japanese(tmp_path, capsys):
    path = _bad_file(tmp_path)
    assert cli.main(["validate", str(path), "--lang", "ja"]) == 2
    err = capsys.readouterr().err
    assert "3 件の問題" in err and "許容範囲" in err


def test_validate_ok(tmp_path, capsys):
    path = tmp_path / "demo.v2g.json"
    assert cli.main(["init", str(path)]) == 0
    assert cli.main(["validate", str(path)]) == 0
    assert "valid scenario" in capsys.readouterr().out


def test_init_refuses_overwrite(tmp_path, capsys):
    path = tmp_path / "demo.v2g.json"
    path.write_text("keep me", encoding="utf-8")
    assert cli.main(["init", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "keep me"
    assert "--force" in capsys.readouterr().err
    assert cli.main(["init", str(path), "--force"]) == 0
    assert sc.load(path) == sc.demo()


def test_run_demo_json(tmp_path, capsys):
    out = tmp_path / "r.json"
    assert cli.main(["run", "--demo", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["status"] in ("complete", "partial")
    assert data["summary"]["currency"] == "JPY"
    text = capsys.readouterr().out
    assert "Net present value" in text
    if data["status"] == "partial":
        assert "not available" in text


def test_run_bad_inputs(tmp_path, capsys):
    assert cli.main(["run", str(_bad_file(tmp_path))]) == 2
    assert cli.main(["run"]) == 2
    assert cli.main(["run", str(tmp_path / "missing.v2g.json")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_usage_error_exit_2():
    with pytest.raises(SystemExit) as e:
        cli.main(["run", "--lang", "fr", "--demo"])
    assert e.value.code == 2


def test_internal_error_exit_1(monkeypatch, capsys):
    import models

    def boom(s):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(models, "simulate", boom)
    assert cli.main(["run", "--demo"]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err and "kaboom" in err and "Traceback" not in err


def test_console_script_end_to_end(tmp_path):
    """The installed entry point behaves like ``cli.main`` (no traceback, exit 2)."""
    exe = Path(sys.executable).with_name("v2g-calc")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "app.cli"]
    out = subprocess.run(cmd + ["validate", str(_bad_file(tmp_path))], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 2 and "vehicle.capacity_kwh" in out.stderr and "Traceback" not in out.stderr
