"""Import wholesale price series (JEPX ``spot_summary``, ``timestamp,price``) into a scenario.

Two formats, CSV or XLSX (first sheet):

* **JEPX spot_summary_<FY>.csv** (``../shared/research/profiles.md`` §4a):
  header ``受渡日,時刻コード,...,システムプライス(円/kWh),エリアプライス東京(円/kWh),...``;
  date ``YYYY/MM/DD``; slot code 1..48 where slot n = 00:00 + 30 (n - 1) min
  JST; prices in yen/kWh.  Encoding UTF-8 (with or without BOM) as served
  since 2025, or Shift_JIS/cp932 as in older files.
* **timestamp,price**: ISO 8601 timestamps, one column named ``price`` or
  ``price_per_kwh`` (currency/kWh) or ``price_per_mwh`` (divided by 1000).
  Timestamps without an offset are local standard time of the scenario;
  with an offset (``Z``, ``+09:00``) they are converted to the scenario's
  local **standard** time (the simulation clock has no daylight-saving
  shifts).  Local timestamps that repeat or skip an hour (a DST change) are
  rejected with a message that says so.

The series must be regular (one step of 15, 30 or 60 minutes), complete
(no missing intervals) and without duplicates.  Every problem is reported
with its row and column, in English and Japanese; nothing is imported
unless the whole file is valid.  The result is a
:class:`models.scenario.PriceSeries` to embed in ``scenario.tariff``.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from .scenario import PriceSeries

MAX_IMPORT_BYTES = 60 * 1024 * 1024
MAX_PROBLEMS = 25

JEPX_DATE, JEPX_SLOT = "受渡日", "時刻コード"
JEPX_AREAS = {
    "system": "システムプライス(円/kWh)",
    "hokkaido": "エリアプライス北海道(円/kWh)",
    "tohoku": "エリアプライス東北(円/kWh)",
    "tokyo": "エリアプライス東京(円/kWh)",
    "chubu": "エリアプライス中部(円/kWh)",
    "hokuriku": "エリアプライス北陸(円/kWh)",
    "kansai": "エリアプライス関西(円/kWh)",
    "chugoku": "エリアプライス中国(円/kWh)",
    "shikoku": "エリアプライス四国(円/kWh)",
    "kyushu": "エリアプライス九州(円/kWh)",
}

#: the areas' names for people (English, Japanese)
JEPX_AREA_NAMES = {
    "system": ("System price (all Japan)", "システムプライス (全国)"), "hokkaido": ("Hokkaido", "北海道"),
    "tohoku": ("Tohoku", "東北"), "tokyo": ("Tokyo", "東京"), "chubu": ("Chubu", "中部"),
    "hokuriku": ("Hokuriku", "北陸"), "kansai": ("Kansai", "関西"), "chugoku": ("Chugoku", "中国"),
    "shikoku": ("Shikoku", "四国"), "kyushu": ("Kyushu", "九州"),
}


def area_name(area: str, lang: str = "en") -> str:
    """A JEPX area id ("tokyo") as shown to people ("Tokyo" / 「東京」); other texts as they are."""
    names = JEPX_AREA_NAMES.get(area)
    return (names[1] if lang == "ja" else names[0]) if names else area


#: Standard-time UTC offset (hours) of each supported country (no DST).
STANDARD_UTC_OFFSET_H = {"JP": 9, "GB": 0, "US": -8, "NL": 1, "DE": 1, "FR": 1, "none": 0}

_MSG = {
    "empty": ("the file is empty", "ファイルが空です"),
    "too_large": ("the file is {size_mb:.0f} MB; the limit is {limit_mb:.0f} MB",
                  "ファイルサイズが {size_mb:.0f} MB です。上限は {limit_mb:.0f} MB です"),
    "encoding": ("the file is neither UTF-8 nor Shift_JIS text",
                 "ファイルが UTF-8 でも Shift_JIS でもありません"),
    "unknown_format": ("unknown format: expected the JEPX spot_summary header (受渡日,時刻コード,...) "
                       "or a 'timestamp,price' header; found {header}",
                       "形式が不明です: JEPX spot_summary の見出し (受渡日,時刻コード,...) か "
                       "'timestamp,price' の見出しが必要ですが、{header} でした"),
    "missing_column": ("column '{column}' is missing", "列 '{column}' がありません"),
    "bad_area": ("area '{area}' is not one of {areas}", "エリア '{area}' は次のいずれでもありません: {areas}"),
    "not_number": ("row {row}, column '{column}': '{text}' is not a number",
                   "{row} 行目、列 '{column}': '{text}' は数値ではありません"),
    "bad_date": ("row {row}, column '{column}': '{text}' is not a date YYYY/MM/DD",
                 "{row} 行目、列 '{column}': '{text}' は YYYY/MM/DD 形式の日付ではありません"),
    "bad_slot": ("row {row}, column '{column}': slot code '{text}' must be 1 to 48",
                 "{row} 行目、列 '{column}': 時刻コード '{text}' は 1～48 でなければなりません"),
    "bad_timestamp": ("row {row}, column '{column}': '{text}' is not an ISO 8601 date and time",
                      "{row} 行目、列 '{column}': '{text}' は ISO 8601 形式の日時ではありません"),
    "mixed_offsets": ("row {row}: timestamps mix local times and UTC offsets",
                      "{row} 行目: 現地時刻と UTC オフセット付きの時刻が混在しています"),
    "duplicate": ("row {row}: {when} appears twice{dst_en}", "{row} 行目: {when} が重複しています{dst_ja}"),
    "gap": ("row {row}: {missing} interval(s) missing between {before} and {when}{dst_en}",
            "{row} 行目: {before} と {when} の間に {missing} 区間の欠落があります{dst_ja}"),
    "not_increasing": ("row {row}: {when} is earlier than the row before ({before})",
                       "{row} 行目: {when} が前の行 ({before}) より前です"),
    "irregular": ("row {row}: step of {minutes} minutes; a series must use 15, 30 or 60 minutes",
                  "{row} 行目: 間隔が {minutes} 分です。15・30・60 分のいずれかでなければなりません"),
    "units": ("column '{column}': a median of {median:.1f} per kWh looks like prices per MWh; "
              "name the column 'price_per_mwh' to convert them",
              "列 '{column}': 中央値 {median:.1f}/kWh は MWh 単価のようです。変換するには列名を 'price_per_mwh' にしてください"),
    "too_short": ("only {n} value(s); at least one day is needed", "値が {n} 個しかありません。1 日分以上必要です"),
    "too_many": ("... and {n} more problems", "... ほか {n} 件の問題"),
}


@dataclass
class ImportProblem:
    code: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        en, ja = _MSG[self.code]
        p = dict(self.params)
        p.setdefault("dst_en", "")
        p.setdefault("dst_ja", "")
        return (ja if lang == "ja" else en).format(**p)


class PriceImportError(ValueError):
    """Every problem found in a price file (nothing was imported)."""

    def __init__(self, source: str, problems: list[ImportProblem]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + problems[0].message("en") +
                         (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))

    def messages(self, lang: str = "en") -> list[str]:
        return [f"{self.source}: {p.message(lang)}" for p in self.problems]

    def __reduce__(self):  # picklable with its problems (the window's engine process, app.engine)
        return (PriceImportError, (self.source, self.problems))


# --------------------------------------------------------------------------
# reading rows
# --------------------------------------------------------------------------
def _decode(raw: bytes) -> str:
    for enc in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("utf-8", raw[:1], 0, 1, "neither UTF-8 nor cp932")


def _rows_from_file(path: Path) -> list[list[str]]:
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise PriceImportError(str(path), [ImportProblem("too_large", {"size_mb": size / 1e6,
                                                                        "limit_mb": MAX_IMPORT_BYTES / 1e6})])
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # corrupt zip, not a workbook
            raise PriceImportError(str(path), [ImportProblem("unknown_format", {"header": type(exc).__name__})])
        try:
            ws = wb.worksheets[0]
            rows = []
            for r in ws.iter_rows(values_only=True):
                rows.append(["" if v is None else (v.isoformat() if isinstance(v, (_dt.datetime, _dt.date))
                                                     else str(v)) for v in r])
        finally:
            wb.close()
        return rows
    raw = path.read_bytes()
    try:
        text = _decode(raw)
    except UnicodeDecodeError:
        raise PriceImportError(str(path), [ImportProblem("encoding")]) from None
    return list(csv.reader(io.StringIO(text)))


def _number(text: str):
    t = text.strip().replace(",", "")
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------
def read_price_file(path, *, area: str = "tokyo", country: str = "JP", as_of: str | None = None) -> PriceSeries:
    """Read a JEPX or ``timestamp,price`` file into a :class:`PriceSeries`.

    Raises :class:`PriceImportError` listing every problem (row and column).
    """
    p = Path(path)
    try:
        rows = _rows_from_file(p)
    except OSError as exc:
        raise PriceImportError(str(p), [ImportProblem("unknown_format", {"header": exc.strerror or str(exc)})])
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise PriceImportError(str(p), [ImportProblem("empty")])
    header = [c.strip() for c in rows[0]]
    if header and header[0] == JEPX_DATE:
        series = _parse_jepx(str(p), header, rows[1:], area)
    elif any(h.lower() in ("timestamp", "time", "datetime") for h in header):
        series = _parse_simple(str(p), header, rows[1:], country)
    else:
        raise PriceImportError(str(p), [ImportProblem("unknown_format", {"header": ",".join(header)[:80]})])
    series.preset_id = f"import:{p.name}"
    series.as_of = as_of or _last_date(series)
    return series


def _last_date(series: PriceSeries) -> str:
    """The date of a series' last value ("the date of the data"), today's when it cannot be told."""
    try:
        first = _dt.datetime.fromisoformat(series.start)
        last = first + _dt.timedelta(minutes=series.step_minutes * (len(series.values_per_kwh) - 1))
        return last.date().isoformat()
    except (TypeError, ValueError, OverflowError):
        return _dt.date.today().isoformat()


def sniff(path) -> str | None:
    """"jepx", "simple" or None (unknown) from the file's header, without validating the rest."""
    p = Path(path)
    try:
        if p.suffix.lower() in (".xlsx", ".xlsm"):
            rows = _rows_from_file(p)
        else:  # the header is enough: read the first 64 KiB, not the whole file
            with open(p, "rb") as fh:
                head = fh.read(65536)
            rows = list(csv.reader(io.StringIO(_decode(head.split(b"\n", 1)[0]))))
    except (OSError, PriceImportError, UnicodeDecodeError):
        return None
    for r in rows:
        if any(c.strip() for c in r):
            header = [c.strip() for c in r]
            if header[0] == JEPX_DATE:
                return "jepx"
            if any(h.lower() in ("timestamp", "time", "datetime") for h in header):
                return "simple"
            return None
    return None


def _finish(source, problems):
    if problems:
        if len(problems) > MAX_PROBLEMS:
            extra = len(problems) - MAX_PROBLEMS
            problems = problems[:MAX_PROBLEMS] + [ImportProblem("too_many", {"n": extra})]
        raise PriceImportError(source, problems)


def _parse_jepx(source, header, rows, area) -> PriceSeries:
    problems: list[ImportProblem] = []
    if area not in JEPX_AREAS:
        raise PriceImportError(source, [ImportProblem("bad_area", {"area": area, "areas": ", ".join(JEPX_AREAS)})])
    col_name = JEPX_AREAS[area]
    for needed in (JEPX_SLOT, col_name):
        if needed not in header:
            problems.append(ImportProblem("missing_column", {"column": needed}))
    _finish(source, problems)
    i_date, i_slot, i_price = 0, header.index(JEPX_SLOT), header.index(col_name)
    stamps, values = [], []
    for k, r in enumerate(rows, start=2):  # row 1 is the header
        r = r + [""] * (len(header) - len(r))
        d_text, s_text, v_text = r[i_date].strip(), r[i_slot].strip(), r[i_price].strip()
        try:
            day = _dt.datetime.strptime(d_text, "%Y/%m/%d")
        except ValueError:
            problems.append(ImportProblem("bad_date", {"row": k, "column": JEPX_DATE, "text": d_text}))
            continue
        slot = _number(s_text)
        if slot is None or not slot.is_integer() or not 1 <= slot <= 48:
            problems.append(ImportProblem("bad_slot", {"row": k, "column": JEPX_SLOT, "text": s_text}))
            continue
        v = _number(v_text)
        if v is None:
            problems.append(ImportProblem("not_number", {"row": k, "column": col_name, "text": v_text}))
            continue
        stamps.append((k, day + _dt.timedelta(minutes=30 * (int(slot) - 1))))
        values.append(v)
    _finish(source, problems)
    _check_regular(source, stamps, 30, dst=False)
    if len(values) < 48:
        raise PriceImportError(source, [ImportProblem("too_short", {"n": len(values)})])
    return PriceSeries(source=f"JEPX spot_summary ({Path(source).name}), {col_name}", area=area,
                       start=stamps[0][1].strftime("%Y-%m-%dT%H:%M"), step_minutes=30, values_per_kwh=values,
                       use_for_import=False, use_for_export=True)


def _parse_simple(source, header, rows, country) -> PriceSeries:
    problems: list[ImportProblem] = []
    lower = [h.lower() for h in header]
    i_ts = next(i for i, h in enumerate(lower) if h in ("timestamp", "time", "datetime"))
    price_cols = [i for i, h in enumerate(lower) if h in ("price", "price_per_kwh", "price_per_mwh")]
    if not price_cols:
        raise PriceImportError(source, [ImportProblem("missing_column", {"column": "price_per_kwh"})])
    i_price = price_cols[0]
    per_mwh = lower[i_price] == "price_per_mwh"
    offset_h = STANDARD_UTC_OFFSET_H.get(country, 0)
    local_std = _dt.timezone(_dt.timedelta(hours=offset_h))
    stamps, values = [], []
    aware_seen = naive_seen = False
    for k, r in enumerate(rows, start=2):
        r = r + [""] * (len(header) - len(r))
        t_text, v_text = r[i_ts].strip(), r[i_price].strip()
        try:
            ts = _dt.datetime.fromisoformat(t_text.replace("Z", "+00:00"))
        except ValueError:
            problems.append(ImportProblem("bad_timestamp", {"row": k, "column": header[i_ts], "text": t_text}))
            continue
        if ts.tzinfo is not None:
            aware_seen = True
            ts = ts.astimezone(local_std).replace(tzinfo=None)
        else:
            naive_seen = True
        if aware_seen and naive_seen:
            problems.append(ImportProblem("mixed_offsets", {"row": k}))
            break
        v = _number(v_text)
        if v is None:
            problems.append(ImportProblem("not_number", {"row": k, "column": header[i_price], "text": v_text}))
            continue
        stamps.append((k, ts))
        values.append(v / 1000.0 if per_mwh else v)
    _finish(source, problems)
    if len(stamps) < 2:
        raise PriceImportError(source, [ImportProblem("too_short", {"n": len(stamps)})])
    step = int((stamps[1][1] - stamps[0][1]).total_seconds() // 60)
    if step not in (15, 30, 60):
        raise PriceImportError(source, [ImportProblem("irregular", {"row": stamps[1][0], "minutes": step})])
    _check_regular(source, stamps, step, dst=naive_seen)
    if len(values) * step < 24 * 60:
        raise PriceImportError(source, [ImportProblem("too_short", {"n": len(values)})])
    if not per_mwh:
        med = sorted(abs(v) for v in values)[len(values) // 2]
        if med > 200.0:
            raise PriceImportError(source, [ImportProblem("units", {"column": header[i_price], "median": med})])
    return PriceSeries(source=f"imported from {Path(source).name}", start=stamps[0][1].strftime("%Y-%m-%dT%H:%M"),
                       step_minutes=step, values_per_kwh=values, use_for_import=False, use_for_export=True)


def _check_regular(source, stamps, step_minutes, dst: bool):
    problems = []
    step = _dt.timedelta(minutes=step_minutes)
    dst_en = " (a daylight-saving change? export the file with UTC offsets such as 2024-03-31T01:00+00:00)" \
        if dst else ""
    dst_ja = " (夏時間の切り替えの可能性があります。UTC オフセット付きの時刻で書き出してください)" if dst else ""
    for (_, a), (k1, b) in zip(stamps, stamps[1:]):
        fmt = "%Y-%m-%d %H:%M"
        if b == a:
            problems.append(ImportProblem("duplicate", {"row": k1, "when": b.strftime(fmt),
                                                        "dst_en": dst_en, "dst_ja": dst_ja}))
        elif b < a:
            problems.append(ImportProblem("not_increasing", {"row": k1, "when": b.strftime(fmt),
                                                             "before": a.strftime(fmt)}))
        elif b - a != step:
            delta = b - a
            if delta % step:
                problems.append(ImportProblem("irregular", {"row": k1, "minutes": int(delta.total_seconds() // 60)}))
            else:
                problems.append(ImportProblem("gap", {"row": k1, "when": b.strftime(fmt), "before": a.strftime(fmt),
                                                      "missing": delta // step - 1, "dst_en": dst_en,
                                                      "dst_ja": dst_ja}))
    _finish(source, problems)


USES = ("export", "import", "both")


def embed(scenario, series: PriceSeries, *, use: str = "export", import_multiplier: float = 1.0,
          import_adder_per_kwh: float = 0.0, export_multiplier: float = 1.0, export_adder_per_kwh: float = 0.0):
    """A new scenario with ``series`` embedded in its tariff (validated; the input is not modified).

    ``use``: "export" (export price follows the series, e.g. a market-linked buy-back),
    "import" (import price = series x multiplier + adder + the tariff's add-on) or "both".
    """
    import dataclasses

    from . import scenario as sc

    if use not in USES:
        raise ValueError(f"use must be one of {USES}")
    ps = dataclasses.replace(series, use_for_import=use in ("import", "both"),
                             use_for_export=use in ("export", "both"), import_multiplier=import_multiplier,
                             import_adder_per_kwh=import_adder_per_kwh, export_multiplier=export_multiplier,
                             export_adder_per_kwh=export_adder_per_kwh)
    d = sc.to_dict(scenario)
    d["tariff"]["price_series"] = dataclasses.asdict(ps)
    return sc.from_dict(d)
