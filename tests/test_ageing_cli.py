"""``degrade`` sub-command (app.cli_degrade) and the profile CSV reader (models.ageing.profile_io)."""
import argparse
import csv
import io

import numpy as np
import pytest

from app import cli_degrade
from models.ageing import ProfileError, read_profile, simulate_cell

PATTERN = [0.8] * 8 + [0.72] * 10 + [0.64, 0.74] + [0.8] * 4


def parse(argv):
    parser = argparse.ArgumentParser(prog="v2g-calc")
    sub = parser.add_subparsers(dest="command")
    cli_degrade.add_parser(sub)
    return parser.parse_args(argv)


def write_profile(path, rows, header="time_s,soc,temp_c"):
    path.write_text(header + "\n" + "".join(",".join(str(v) for v in r) + "\n" for r in rows),
                    encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path):
    t = np.arange(48) * 3600.0
    soc = np.tile(PATTERN, 2)
    return write_profile(tmp_path / "p.csv", [(a, b, 25.0) for a, b in zip(t, soc)])


def test_degrade_writes_yearly_rows(good, tmp_path, capsys):
    out = tmp_path / "out.csv"
    args = parse(["degrade", str(good), "--cell", "lfp_gr_250ah", "--years", "4", "--out", str(out)])
    assert cli_degrade.run(args) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["t_years", "soh", "loss_calendar", "loss_cycle", "efc"]
    assert [float(r["t_years"]) for r in rows] == [0.0, 1.0, 2.0, 3.0, 4.0]
    soh = [float(r["soh"]) for r in rows]
    assert soh[0] == 1.0 and all(a > b for a, b in zip(soh, soh[1:]))
    # same numbers as the library
    t, s, tc = read_profile(good)
    tr = simulate_cell("lfp_gr_250ah", t, s, tc, years=4)
    assert soh[-1] == pytest.approx(tr.soh[-1], abs=1e-8)
    assert "warning:" in capsys.readouterr().err        # shallow cycles vs the tested DoD


def test_degrade_stdout_without_out(good, capsys):
    assert cli_degrade.run(parse(["degrade", str(good), "--cell", "nmc111_gr_kokam75ah", "--years", "2"])) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "t_years,soh,loss_calendar,loss_cycle,efc"
    assert len(lines) == 4


def test_degrade_once_without_years(good, capsys):
    assert cli_degrade.run(parse(["degrade", str(good), "--cell", "nca_gr_panasonic3ah"])) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3          # t = 0 and the end (47 h), no whole year inside
    assert float(lines[-1].split(",")[0]) == pytest.approx(47 / 24 / 365, abs=1e-6)


@pytest.mark.parametrize("content, row, column", [
    ("time_s,soc\n0,0.5\n3600,0.5\n", 1, "temp_c"),                        # missing column
    ("time_s,soc,temp_c\n0,0.5,25\n0,0.6,25\n", 3, "time_s"),              # non-increasing time
    ("time_s,soc,temp_c\n0,0.5,25\n3600,1.5,25\n", 3, "soc"),              # SoC outside [0, 1]
    ("time_s,soc,temp_c\n0,0.5,25\n3600,nan,25\n", 3, "soc"),              # NaN
    ("time_s,soc,temp_c\n0,0.5,25\n3600,0.4,warm\n", 3, "temp_c"),         # text in numbers
    ("time_s,soc,temp_c\n0,0.5,25\n3600,0.4\n", 3, "temp_c"),              # short row
    ("time_s,soc,temp_c\n0,-0.1,25\n3600,0.4,25\n", 2, "soc"),
])
def test_bad_profiles_exit_2_naming_row_and_column(tmp_path, capsys, content, row, column):
    p = tmp_path / "bad.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError) as ei:
        read_profile(p)
    assert ei.value.row == row and ei.value.column == column
    assert cli_degrade.run(parse(["degrade", str(p), "--cell", "lfp_gr_250ah"])) == 2
    err = capsys.readouterr().err
    assert f"row {row}" in err and repr(column) in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content, needle", [
    ("", "empty"),
    ("\n\n", "empty"),
    ("time_s,soc,temp_c\n", "at least 2 data rows"),
])
def test_empty_profiles_exit_2(tmp_path, capsys, content, needle):
    p = tmp_path / "e.csv"
    p.write_text(content, encoding="utf-8")
    assert cli_degrade.run(parse(["degrade", str(p), "--cell", "lfp_gr_250ah"])) == 2
    assert needle in capsys.readouterr().err


def test_missing_file_and_unwritable_output(tmp_path, good, capsys):
    assert cli_degrade.run(parse(["degrade", str(tmp_path / "nope.csv"), "--cell", "lfp_gr_250ah"])) == 2
    assert "cannot read" in capsys.readouterr().err
    out = tmp_path / "no_such_dir" / "out.csv"
    assert cli_degrade.run(parse(["degrade", str(good), "--cell", "lfp_gr_250ah", "--out", str(out)])) == 2
    assert "cannot write" in capsys.readouterr().err


def test_bom_extra_columns_and_column_order(tmp_path):
    p = tmp_path / "b.csv"
    p.write_bytes("\ufeffnote,temp_c,soc,time_s\nx,25,0.5,0\ny,26,0.6,3600\n".encode("utf-8"))
    t, s, tc = read_profile(p)
    assert list(t) == [0.0, 3600.0] and list(s) == [0.5, 0.6] and list(tc) == [25.0, 26.0]


def test_argument_errors_are_usage_errors(good):
    with pytest.raises(SystemExit) as ei:
        parse(["degrade", str(good), "--cell", "unknown"])
    assert ei.value.code == 2
    with pytest.raises(SystemExit):
        parse(["degrade", str(good), "--cell", "lfp_gr_250ah", "--years", "-1"])


def test_wired_into_main_cli(good, capsys):
    from app.cli import main
    assert main(["degrade", str(good), "--cell", "lfp_gr_sony3ah", "--years", "1"]) == 0
    assert capsys.readouterr().out.startswith("t_years,soh")


def test_pack_factor_and_mode_options(good, capsys):
    assert cli_degrade.run(parse(["degrade", str(good), "--cell", "lfp_gr_250ah", "--years", "2"])) == 0
    cell = capsys.readouterr().out.strip().splitlines()[-1].split(",")
    assert cli_degrade.run(parse(["degrade", str(good), "--cell", "lfp_gr_250ah", "--years", "2",
                                  "--pack-factor", "1.2", "--c-rate-mode", "blast"])) == 0
    pack = capsys.readouterr().out.strip().splitlines()[-1].split(",")
    assert 1 - float(pack[1]) > 1.15 * (1 - float(cell[1]))      # pack factor applied to the loss
    with pytest.raises(SystemExit):
        parse(["degrade", str(good), "--cell", "lfp_gr_250ah", "--pack-factor", "0.5"])
