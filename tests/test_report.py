"""Excel report: sheets, native charts with cached values equal to the results, formatting, PDF render."""
import json
import shutil
import subprocess
import sys
import zipfile

import openpyxl
import pytest

import models
from app import cli
from app.report import ReportFileLockedError, write_report
from models import scenario as sc

SHEETS = {"en": ["Summary", "Cash flow", "Battery", "Inputs", "Tariff", "Notes"],
          "ja": ["概要", "キャッシュフロー", "電池", "入力条件", "料金", "注記"]}


@pytest.fixture(scope="module")
def demo_result():
    s = sc.demo()
    return s, models.simulate(s).to_dict()


@pytest.fixture(scope="module", params=["en", "ja"])
def report(request, demo_result, tmp_path_factory):
    s, r = demo_result
    path = tmp_path_factory.mktemp(f"rep_{request.param}") / "report.xlsx"
    write_report(r, s, path, lang=request.param, dealer_name="Sample Motors", customer_name="Tanaka")
    return request.param, path, s, r


def _charts(path):
    wb = openpyxl.load_workbook(path)
    return wb, [(ws.title, ch) for ws in wb.worksheets for ch in ws._charts]


def test_sheets_and_chart_count(report):
    lang, path, s, r = report
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS[lang]
    # three native charts in the package: cumulative cash flow, yearly revenue vs wear, SoH
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3


def test_chart_caches_equal_results(report):
    """Every series carries cached values (previews that do not recalculate) equal to the results."""
    lang, path, s, r = report
    n = s.horizon_years
    rows = r["yearly"]
    import xml.etree.ElementTree as ET

    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    with zipfile.ZipFile(path) as z:
        xmls = [ET.fromstring(z.read(name)) for name in sorted(z.namelist()) if name.startswith("xl/charts/chart")]
    seen = 0
    for root in xmls:
        for ser in root.iter(f"{{{ns['c']}}}ser"):
            val = ser.find("c:val/c:numRef/c:numCache", ns)
            cat = ser.find("c:cat/c:numRef/c:numCache", ns)
            tx = ser.find("c:tx/c:strRef/c:strCache", ns)
            assert val is not None and cat is not None and tx is not None
            count = int(val.find("c:ptCount", ns).get("val"))
            pts = [float(p.find("c:v", ns).text) for p in val.findall("c:pt", ns)]
            years = [int(float(p.find("c:v", ns).text)) for p in cat.findall("c:pt", ns)]
            assert len(pts) == count
            assert count in (n + 1, n)  # per-year series 0..N, bars of operating years 1..N
            assert years == list(range(n + 1 - count, n + 1))
            ref = ser.find("c:val/c:numRef/c:f", ns).text
            # find which results column this series is by matching values
            cols = [k for k in rows[0] if all(abs(rows[y][k] - v) <= 1e-9 * max(1, abs(v))
                                              for y, v in zip(years, pts))] if rows else []
            assert cols or all(abs(v - s.vehicle.warranty_soh) < 1e-12 for v in pts), ref
            seen += 1
    assert seen >= 9


def test_numbers_equal_results(report):
    lang, path, s, r = report
    wb = openpyxl.load_workbook(path)
    cf = wb[SHEETS[lang][1]]
    # header row 4, years 0..N in rows 5..N+5
    header = [c.value for c in cf[4]]
    rows = r["yearly"]
    for i, row in enumerate(rows):
        assert cf.cell(row=5 + i, column=1).value == row["year"]
        for j in range(2, len(header) + 1):
            v = cf.cell(row=5 + i, column=j).value
            assert v is not None
        # Excel keeps 15 significant digits: equal within 1e-12 relative
        assert cf.cell(row=5 + i, column=2).value == pytest.approx(row["revenue"], rel=1e-12, abs=1e-9)
        assert cf.cell(row=5 + i, column=8).value == pytest.approx(row["net_cash_flow"], rel=1e-12)
        assert cf.cell(row=5 + i, column=9).value == pytest.approx(row["cumulative_cash_flow"], rel=1e-12)
    total_row = 5 + len(rows)
    assert cf.cell(row=total_row, column=8).value == pytest.approx(r["summary"]["total_net"])
    assert cf.cell(row=total_row + 2, column=4).value == pytest.approx(r["summary"]["npv"])
    summary = wb[SHEETS[lang][0]]
    values = [c.value for c in summary["B"] if isinstance(c.value, float)]
    for key in ("total_net", "npv", "soh_at_warranty", "soh_at_warranty_baseline", "wear_cost_per_kwh_discharged"):
        assert any(v == pytest.approx(r["summary"][key], rel=1e-12) for v in values), key
    batt = wb[SHEETS[lang][2]]
    for i, row in enumerate(rows):
        assert batt.cell(row=5 + i, column=2).value == pytest.approx(row["soh"], rel=1e-12)
        assert batt.cell(row=5 + i, column=5).value == pytest.approx(row["soh_baseline"], rel=1e-12)


def test_formatting_and_print_setup(report):
    lang, path, s, r = report
    wb = openpyxl.load_workbook(path)
    assert {"v2g_money", "v2g_percent", "v2g_kwh", "v2g_header", "v2g_title"} <= set(wb.named_styles)
    cf = wb[SHEETS[lang][1]]
    assert cf.freeze_panes == "B5"
    assert cf.cell(row=6, column=3).number_format == "#,##0"
    assert cf.page_setup.orientation == "landscape" and int(cf.page_setup.paperSize) == int(cf.PAPERSIZE_A4)
    assert cf.sheet_properties.pageSetUpPr.fitToPage and cf.page_setup.fitToWidth == 1
    assert cf.print_title_rows == "$4:$4"
    assert "Sample Motors" in cf.oddHeader.center.text and "&P" in cf.oddFooter.right.text
    batt = wb[SHEETS[lang][2]]
    assert batt.cell(row=6, column=2).number_format == "0.0%"
    assert batt.cell(row=6, column=10).number_format == '#,##0 "kWh"'
    for name in ("capacity_kwh", "charger_price", "subsidy", "discount_rate", "pack_replacement_cost"):
        assert name in wb.defined_names
    dest = wb.defined_names["capacity_kwh"].destinations
    (title, coord), = list(dest)
    assert wb[title][coord.replace("$", "")].value == s.vehicle.capacity_kwh


@pytest.mark.skipif(not sys.platform.startswith("linux") and not shutil.which("soffice"),
                    reason="LibreOffice is installed by build/setup.sh on Linux only (the Windows/macOS "
                           "release runners do not have it)")
def test_pdf_render_with_libreoffice(report, tmp_path):
    """The workbook converts to PDF headless (LibreOffice is installed by build/setup.sh and .ci/run)."""
    lang, path, s, r = report
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (libreoffice-calc-nogui) is required on Linux: run bash build/setup.sh"
    out = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                          "pdf", "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "report.pdf"
    assert out.returncode == 0 and pdf.exists() and pdf.stat().st_size > 20000, out.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
    pages = int([l for l in info.stdout.splitlines() if l.startswith("Pages:")][0].split()[1])
    assert pages >= 6  # one page or more per sheet


def test_locked_target_is_reported(demo_result, tmp_path):
    s, r = demo_result
    target = tmp_path / "open.xlsx"
    target.write_bytes(b"old content")
    (tmp_path / ".~lock.open.xlsx#").write_text("locked by LibreOffice", encoding="utf-8")
    with pytest.raises(ReportFileLockedError) as e:
        write_report(r, s, target)
    assert "open in another program" in str(e.value) and "開かれています" in e.value.message("ja")
    assert target.read_bytes() == b"old content"


def test_cli_xlsx(tmp_path, capsys):
    out = tmp_path / "r.xlsx"
    js = tmp_path / "r.json"
    assert cli.main(["run", "--demo", "--xlsx", str(out), "--json", str(js), "--lang", "ja"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == SHEETS["ja"]
    data = json.loads(js.read_text(encoding="utf-8"))
    cf = wb["キャッシュフロー"]
    assert [cf.cell(row=5 + i, column=8).value for i in range(len(data["yearly"]))] == \
        pytest.approx([row["net_cash_flow"] for row in data["yearly"]], rel=1e-12)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_comparison_sheet_equals_each_result(demo_result, tmp_path, lang):
    """With variants, a Comparison sheet shows the same figures as each variant's own result."""
    s, r = demo_result
    variants = []
    for label, mode in (("No V2G", "none"), ("V2H + V2G", "v2h+v2g")):
        d = sc.to_dict(s)
        d["participation"]["mode"] = mode
        vs = sc.from_dict(d)
        variants.append((label, vs, models.simulate(vs).to_dict()))
    variants.append(("Broken", s, None))   # a variant whose computation failed
    path = tmp_path / "cmp.xlsx"
    write_report(r, s, path, lang=lang, comparison=variants)
    wb = openpyxl.load_workbook(path)
    title = {"en": "Comparison", "ja": "シナリオ比較"}[lang]
    assert wb.sheetnames == SHEETS[lang][:3] + [title] + SHEETS[lang][3:]
    ws = wb[title]
    labels = [ws.cell(row=i, column=1).value for i in range(4, 13)]
    net_row = 4 + next(i for i, v in enumerate(labels) if v and ("Net over" in v or "損益合計" in v))
    npv_row = 4 + next(i for i, v in enumerate(labels) if v and ("present value" in v or "正味現在価値" in v))
    results = [r] + [v[2] for v in variants]
    for j, res in enumerate(results, start=2):
        if res is None:
            assert ws.cell(row=net_row, column=j).value in ("could not be computed", "計算できませんでした")
            continue
        assert ws.cell(row=net_row, column=j).value == pytest.approx(res["summary"]["total_net"], rel=1e-12)
        assert ws.cell(row=npv_row, column=j).value == pytest.approx(res["summary"]["npv"], rel=1e-12)
    # the no-discharge variant has no per-kWh wear: said in words, not a zero
    wear_row = 4 + next(i for i, v in enumerate(labels) if v and ("per kWh" in v or "1 kWh" in v))
    assert ws.cell(row=wear_row, column=3).value in ("no discharging", "放電なし")
    # without variants there is no comparison sheet
    write_report(r, s, tmp_path / "plain.xlsx", lang=lang)
    assert title not in openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames


def test_long_assumption_lines_get_a_taller_row(report):
    """Spreadsheet programs do not grow a row for wrapped text: a long assumption gets its lines."""
    lang, path, s, r = report
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = [row for row in range(1, ws.max_row + 1)
            if isinstance(ws.cell(row=row, column=2).value, str) and len(ws.cell(row=row, column=2).value) > 60]
    assert rows
    for row in rows:
        assert ws.cell(row=row, column=2).alignment.wrap_text
        assert (ws.row_dimensions[row].height or 15) >= 30, (row, ws.cell(row=row, column=2).value)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_nothing_to_recover_is_said_in_words(tmp_path, lang):
    """A scenario that spends nothing (payback 0): the report, the CLI and the cash-flow chart say
    there is nothing to recover instead of "pays back after 0.0 years"."""
    d = sc.to_dict(sc.demo())
    d["participation"]["mode"] = "none"
    d["charger"].update(price=0.0, installation=0.0, subsidy=0.0, subsidy_preset_id="")
    s = sc.from_dict(d)
    r = models.simulate(s).to_dict()
    assert r["summary"]["simple_payback_years"] == 0.0
    path = write_report(r, s, tmp_path / "zero.xlsx", lang=lang)
    cells = [c.value for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    words = {"en": "nothing to recover", "ja": "回収する費用なし"}[lang]
    assert any(words in v for v in cells)
    assert not any("0.0 years" in v or "0.0 年" in v for v in cells)
    conclusion = {"en": "no cost to recover", "ja": "回収する費用がありません"}[lang]
    assert any(conclusion in v for v in cells)
    assert "0 (" in cli._format_value("simple_payback_years", 0.0, "JPY", lang)


def test_key_figures_show_their_currency(report):
    """Stand-alone amounts on the summary sheet carry the currency (円 / ¥), per-kWh ones "/kWh"."""
    lang, path, s, r = report
    ws = openpyxl.load_workbook(path)[SHEETS[lang][0]]
    money = [c for row in ws.iter_rows() for c in row if c.style == "v2g_money_big" and isinstance(c.value, float)]
    assert len(money) >= 4
    sign = "円" if lang == "ja" else "¥"
    assert all(sign in c.number_format for c in money)
    assert any(c.value == pytest.approx(r["summary"]["total_net"]) and "/kWh" not in c.number_format for c in money)
    assert any("/kWh" in c.number_format for c in money)


def test_price_dates_and_the_tariff_name_in_the_report_language(report):
    lang, path, s, r = report
    wb = openpyxl.load_workbook(path)
    notes = [c.value for row in wb[SHEETS[lang][5]].iter_rows() for c in row if isinstance(c.value, str)]
    disclaimer = next(v for v in notes if "2025-06-01" in v)
    assert s.home.load_profile.as_of not in disclaimer      # a profile's date is not a price date
    title = wb[SHEETS[lang][4]]["A1"].value
    from models import presets as P

    assert title.startswith(P.get("tariffs", s.tariff.preset_id).display_name(lang))


def test_print_layout_keeps_charts_and_notes_on_their_pages(report):
    """The yearly chart starts a page of its own (not split under the repeated header row) and the
    notes column is no wider than an A4 portrait page (LibreOffice does not shrink it to fit)."""
    lang, path, s, r = report
    wb = openpyxl.load_workbook(path)
    cf = wb[SHEETS[lang][1]]
    (chart,) = cf._charts
    anchor_row = chart.anchor._from.row + 1          # 0-based in the drawing
    assert [b.id for b in cf.row_breaks.brk] == [anchor_row - 1]
    notes = wb[SHEETS[lang][5]]
    assert notes.column_dimensions["A"].width <= 75 and notes.page_setup.orientation == "portrait"


def test_japanese_inputs_sheet_speaks_japanese(demo_result, tmp_path):
    """Units, shipped sources and preset names of the Inputs sheet in a Japanese report."""
    s, r = demo_result
    path = write_report(r, s, tmp_path / "ja.xlsx", lang="ja")
    ws = openpyxl.load_workbook(path)[SHEETS["ja"][3]]
    rows = {ws.cell(row=i, column=1).value: (ws.cell(row=i, column=2).value, ws.cell(row=i, column=3).value)
            for i in range(4, ws.max_row + 1)}
    from models import presets as P

    assert rows["horizon_years"][1] == "年" and rows["charger.price"][1] == "円"
    assert rows["vehicle.cycle_life"][1] == "回"
    assert rows["home.climate.source"][0] == P.source_text(s.home.climate.source, "ja") != s.home.climate.source
    assert rows["charger.name"][0] == P.get("chargers", s.charger.preset_id).display_name("ja")
