"""Price-series import: JEPX spot_summary and timestamp,price, with clear errors."""
import datetime as dt

import pytest

from models import price_import as pi
from models import scenario as sc

HEADER = ("受渡日,時刻コード,売り入札量(kWh),買い入札量(kWh),約定総量(kWh),システムプライス(円/kWh),"
          "エリアプライス北海道(円/kWh),エリアプライス東北(円/kWh),エリアプライス東京(円/kWh),"
          "エリアプライス中部(円/kWh),エリアプライス北陸(円/kWh),エリアプライス関西(円/kWh),"
          "エリアプライス中国(円/kWh),エリアプライス四国(円/kWh),エリアプライス九州(円/kWh),"
          "売りブロック入札総量(kWh),売りブロック約定総量(kWh),買いブロック入札総量(kWh),買いブロック約定総量(kWh)")


def jepx_rows(days=2, start=dt.date(2024, 4, 1)):
    rows = []
    for d in range(days):
        day = start + dt.timedelta(days=d)
        for slot in range(1, 49):
            tokyo = 10 + slot / 10 + d
            rows.append(f"{day:%Y/%m/%d},{slot},19499550,13094050,10474250,8.57,9.02,9.02,{tokyo:.2f},"
                        f"9.02,7.15,7.15,7.15,7.15,7.15,6026600,413850,1120800,1120800")
    return rows


def write(tmp_path, name, lines, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return p


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_jepx_reads_tokyo(tmp_path, encoding):
    p = write(tmp_path, "spot_summary_2024.csv", [HEADER] + jepx_rows(), encoding)
    s = pi.read_price_file(p, area="tokyo")
    assert isinstance(s, sc.PriceSeries)
    assert s.step_minutes == 30 and s.start == "2024-04-01T00:00" and len(s.values_per_kwh) == 96
    assert s.values_per_kwh[0] == 10.1 and s.values_per_kwh[48] == 11.1
    assert s.as_of == "2024-04-02"      # the date of the data (its last value), not the day of the import
    assert pi.area_name(s.area, "ja") == "東京" and pi.area_name(s.area) == "Tokyo"
    # embeds into a valid scenario
    d = sc.to_dict(sc.demo())
    import dataclasses

    d["tariff"]["price_series"] = dataclasses.asdict(s)
    assert sc.validate_dict(d) == []


def test_jepx_missing_interval_and_duplicate(tmp_path):
    rows = jepx_rows()
    del rows[10]                 # 2024/04/01 slot 11 missing
    rows.insert(60, rows[59])    # a duplicated slot on day 2
    p = write(tmp_path, "s.csv", [HEADER] + rows)
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(p)
    codes = [pr.code for pr in e.value.problems]
    assert codes == ["gap", "duplicate"]
    msgs = e.value.messages("en")
    assert "row 12" in msgs[0] and "1 interval" in msgs[0] and "2024-04-01 05:30" in msgs[0]
    assert "appears twice" in msgs[1]
    assert "欠落" in e.value.messages("ja")[0]


def test_jepx_text_in_numbers_names_row_and_column(tmp_path):
    rows = jepx_rows()
    rows[4] = rows[4].replace(",10.50,", ",n/a,")
    p = write(tmp_path, "s.csv", [HEADER] + rows)
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(p)
    (msg,) = e.value.messages("en")
    assert "row 6" in msg and "エリアプライス東京" in msg and "'n/a'" in msg


def test_jepx_bad_slot_and_area(tmp_path):
    rows = jepx_rows()
    rows[0] = rows[0].replace("2024/04/01,1,", "2024/04/01,49,", 1)
    p = write(tmp_path, "s.csv", [HEADER] + rows)
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(p)
    assert e.value.problems[0].code == "bad_slot"
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(write(tmp_path, "t.csv", [HEADER] + jepx_rows()), area="mars")
    assert e.value.problems[0].code == "bad_area"


def test_empty_and_unknown_and_encoding(tmp_path):
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(write(tmp_path, "e.csv", [""]))
    assert e.value.problems[0].code == "empty"
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(write(tmp_path, "u.csv", ["a,b", "1,2"]))
    assert e.value.problems[0].code == "unknown_format"
    bad = tmp_path / "b.csv"
    bad.write_bytes(b"timestamp,price\n\xff\xfe\xfa\x80\x81,1\n")
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(bad)
    assert e.value.problems[0].code in ("encoding", "bad_timestamp")


def simple_rows(n=48, step=60, start=dt.datetime(2024, 1, 1), fmt="%Y-%m-%dT%H:%M", price=lambda i: 20 + i % 24):
    return [f"{(start + dt.timedelta(minutes=step * i)).strftime(fmt)},{price(i)}" for i in range(n)]


def test_simple_local(tmp_path):
    p = write(tmp_path, "p.csv", ["timestamp,price_per_kwh"] + simple_rows())
    s = pi.read_price_file(p, country="GB")
    assert s.step_minutes == 60 and s.start == "2024-01-01T00:00" and len(s.values_per_kwh) == 48


def test_simple_utc_offsets_convert_to_local_standard_time(tmp_path):
    rows = simple_rows(fmt="%Y-%m-%dT%H:%MZ", start=dt.datetime(2023, 12, 31, 15))
    s = pi.read_price_file(write(tmp_path, "p.csv", ["timestamp,price"] + rows), country="JP")
    assert s.start == "2024-01-01T00:00"  # 15:00 UTC = 00:00 JST


def test_simple_per_mwh_and_units(tmp_path):
    s = pi.read_price_file(write(tmp_path, "m.csv", ["timestamp,price_per_mwh"] +
                                 simple_rows(price=lambda i: 85.0)), country="NL")
    assert s.values_per_kwh[0] == pytest.approx(0.085)
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(write(tmp_path, "w.csv", ["timestamp,price"] + simple_rows(price=lambda i: 950)))
    assert e.value.problems[0].code == "units" and "price_per_mwh" in e.value.messages("en")[0]


def test_simple_dst_duplicate_and_gap(tmp_path):
    # UK autumn change: local 01:00 appears twice; spring: 01:00 skipped
    rows = simple_rows(n=30, start=dt.datetime(2024, 10, 26, 0))
    rows.insert(26, rows[25])
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(write(tmp_path, "d.csv", ["timestamp,price"] + rows), country="GB")
    msg = e.value.messages("en")[0]
    assert "appears twice" in msg and "daylight-saving" in msg
    rows = simple_rows(n=30, start=dt.datetime(2024, 3, 30, 0))
    del rows[25]
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(write(tmp_path, "g.csv", ["timestamp,price"] + rows), country="GB")
    assert e.value.problems[0].code == "gap" and "daylight-saving" in e.value.messages("en")[0]


def test_simple_bad_timestamp_and_too_short(tmp_path):
    rows = simple_rows()
    rows[3] = "yesterday,20"
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(write(tmp_path, "t.csv", ["timestamp,price"] + rows))
    assert e.value.problems[0].code == "bad_timestamp" and "row 5" in e.value.messages("en")[0]
    with pytest.raises(pi.PriceImportError) as e:
        pi.read_price_file(write(tmp_path, "s.csv", ["timestamp,price"] + simple_rows(n=5)))
    assert e.value.problems[0].code == "too_short"


def test_xlsx(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["timestamp", "price"])
    for i in range(48):
        ws.append([dt.datetime(2024, 5, 1) + dt.timedelta(minutes=30 * i), 12.5])
    path = tmp_path / "p.xlsx"
    wb.save(path)
    s = pi.read_price_file(path)
    assert s.step_minutes == 30 and len(s.values_per_kwh) == 48 and s.start == "2024-05-01T00:00"
    bogus = tmp_path / "bogus.xlsx"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(pi.PriceImportError):
        pi.read_price_file(bogus)


def test_embed_and_cli(tmp_path, capsys):
    from app import cli

    scen = tmp_path / "s.v2g.json"
    sc.save(sc.demo(), scen)
    prices = write(tmp_path, "spot_summary_2024.csv", [HEADER] + jepx_rows(days=3))
    assert cli.main(["import-prices", str(scen), str(prices), "--area", "tokyo", "--use", "both",
                     "--import-adder", "15"]) == 0
    s = sc.load(scen)
    ps = s.tariff.price_series
    assert ps.area == "tokyo" and len(ps.values_per_kwh) == 144 and ps.use_for_import and ps.use_for_export
    assert ps.import_adder_per_kwh == 15.0 and "JEPX" in ps.source
    # the simulation follows the series: export price of the first step = first value
    from models.energy import build_timeline

    tl = build_timeline(s)
    # the demo starts on 1 April like the FY2024 file, so its first step takes the series' first value
    assert tl.export_price_per_kwh[0] == ps.values_per_kwh[0] == 10.1
    assert tl.import_price_per_kwh[0] == pytest.approx(ps.values_per_kwh[0] + 15 + s.tariff.add_on_per_kwh)
    # a bad file: exit 2, the scenario is untouched, messages name row and column
    before = scen.read_bytes()
    bad_rows = jepx_rows()
    bad_rows[3] = bad_rows[3].replace(",10.40,", ",abc,")
    bad = write(tmp_path, "bad.csv", [HEADER] + bad_rows)
    assert cli.main(["import-prices", str(scen), str(bad), "--lang", "ja"]) == 2
    err = capsys.readouterr().err
    assert "5 行目" in err and "abc" in err
    assert scen.read_bytes() == before


def test_embed_rejects_unknown_use():
    s = sc.demo()
    series = sc.PriceSeries(values_per_kwh=[10.0] * 48)
    with pytest.raises(ValueError):
        pi.embed(s, series, use="sometimes")
    new = pi.embed(s, series)
    assert new.tariff.price_series.use_for_export and not new.tariff.price_series.use_for_import
    assert s.tariff.price_series is None
