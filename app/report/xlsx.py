"""Excel workbook a dealer hands to the customer (openpyxl, native charts with cached values).

Sheets: Summary, Cash flow, Battery, Inputs, Tariff, Notes (Japanese names
with ``lang="ja"``).  Every number is written as a value taken from the
results dict (``Result.to_dict()``): openpyxl cannot store a formula's cached
result, so formulas would show empty in viewers that do not recalculate.  For
the same reason every chart series carries its cached values
(``numCache``/``strCache``): phone mail previews and Quick Look draw charts
from the cache.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.data_source import (AxDataSource, NumData, NumDataSource, NumRef, NumVal, StrData, StrRef,
                                        StrVal)
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.pagebreak import Break
from openpyxl.workbook.defined_name import DefinedName

from models import __version__
from models import scenario as sc
from models.messages import CURRENCY_SYMBOLS, money_per_kwh
from models.presets import source_text

from . import texts
from .texts import t

FONT = "Noto Sans CJK JP"
NAVY, GREY, LIGHT = "0B2545", "45546B", "EEF2F7"

MONEY_COLS = ("revenue", "savings", "charging_cost", "wear_cost", "capex", "other_costs", "net_cash_flow",
              "cumulative_cash_flow")
WEAR_COLS = ("wear_cost_marginal", "wear_cost_throughput", "wear_cost_eol_shift")
BATTERY_COLS = ("soh", "soh_low", "soh_high", "soh_baseline")
ENERGY_COLS = ("efc", "efc_baseline", "energy_charged_kwh", "energy_charged_grid_kwh", "energy_charged_pv_kwh",
               "energy_driven_kwh", "energy_to_home_kwh", "energy_exported_kwh", "losses_kwh", "unmet_driving_kwh")


#: name fields shown under the preset's Japanese name in a Japanese report (while they hold its name)
_NAME_KINDS = {"vehicle.name": "vehicles", "charger.name": "chargers", "tariff.name": "tariffs"}


def money_format(currency: str) -> str:
    """Amounts in tables whose heading names the currency: yen without decimals, others with two."""
    return "#,##0" if currency == "JPY" else "#,##0.00"


def money_format_shown(currency: str, lang: str, per_kwh: bool = False) -> str:
    """A stand-alone amount (a KPI) with its currency: 円 after the number in Japanese, the sign before
    it in English (the ISO code where there is no sign); per kWh with one decimal for yen, three for
    others (a price per kWh in pounds or dollars is a few pence or cents)."""
    if currency == "JPY":
        num = "#,##0.0" if per_kwh else "#,##0"
        body = f'{num}"円"' if lang == "ja" else f'"¥"{num}'
    else:
        num = "#,##0.000" if per_kwh else "#,##0.00"
        sign = CURRENCY_SYMBOLS.get(currency)
        body = f'"{sign}"{num}' if sign else f'{num}" {currency}"'
    return body + ('"/kWh"' if per_kwh else "")


def _styles(wb: Workbook, currency: str, lang: str = "en") -> None:
    thin = Side(style="thin", color="C9D4E3")

    def add(name, **kw):
        st = NamedStyle(name=name)
        st.font = kw.get("font", Font(name=FONT, size=10))
        if "fmt" in kw:
            st.number_format = kw["fmt"]
        if "fill" in kw:
            st.fill = kw["fill"]
        if "align" in kw:
            st.alignment = kw["align"]
        if kw.get("border"):
            st.border = Border(bottom=thin)
        wb.add_named_style(st)

    add("v2g_title", font=Font(name=FONT, size=18, bold=True, color=NAVY))
    add("v2g_h2", font=Font(name=FONT, size=12, bold=True, color=NAVY))
    add("v2g_header", font=Font(name=FONT, size=10, bold=True, color="FFFFFF"),
        fill=PatternFill("solid", fgColor=NAVY), align=Alignment(horizontal="center", vertical="center",
                                                                  wrap_text=True))
    add("v2g_text", align=Alignment(vertical="top", wrap_text=True))
    add("v2g_label", font=Font(name=FONT, size=10, color=GREY), align=Alignment(vertical="top", wrap_text=True))
    add("v2g_money", fmt=money_format(currency), border=True)
    add("v2g_money_big", font=Font(name=FONT, size=14, bold=True, color=NAVY),
        fmt=money_format_shown(currency, lang))
    add("v2g_percent", fmt="0.0%", border=True)
    add("v2g_percent_big", font=Font(name=FONT, size=14, bold=True, color=NAVY), fmt="0.0%")
    add("v2g_kwh", fmt='#,##0 "kWh"', border=True)
    add("v2g_number", fmt="#,##0.0", border=True)
    add("v2g_year", fmt="0", align=Alignment(horizontal="center"), border=True)
    add("v2g_big", font=Font(name=FONT, size=14, bold=True, color=NAVY))
    add("v2g_total", font=Font(name=FONT, size=10, bold=True), fmt=money_format(currency),
        fill=PatternFill("solid", fgColor=LIGHT))


def _page(ws, dealer: str, title_rows: str | None = None, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    if title_rows:
        ws.print_title_rows = title_rows
    if dealer:
        ws.oddHeader.center.text = dealer.replace("&", "&&")
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.left.text = f"V2G Calculator {__version__}"
    ws.oddFooter.right.text = "&P / &N"


def _num_cache(values, fmt="General") -> NumData:
    return NumData(formatCode=fmt, ptCount=len(values),
                   pt=[NumVal(idx=i, v=float(v)) for i, v in enumerate(values) if v is not None])


def _set_series(series, sheet_title: str, col: int, first_row: int, values, title: str, title_cell: str,
                cat_col: int, categories, fmt="General") -> None:
    """Give ``series`` explicit references plus cached values, categories and title."""
    q = quote_sheetname(sheet_title)
    letter = get_column_letter(col)
    last = first_row + len(values) - 1
    series.val = NumDataSource(numRef=NumRef(f=f"{q}!${letter}${first_row}:${letter}${last}",
                                             numCache=_num_cache(values, fmt)))
    cat_letter = get_column_letter(cat_col)
    series.cat = AxDataSource(numRef=NumRef(f=f"{q}!${cat_letter}${first_row}:${cat_letter}${last}",
                                            numCache=_num_cache(categories, "0")))
    series.tx = SeriesLabel(strRef=StrRef(f=f"{q}!{title_cell}", strCache=StrData(ptCount=1,
                                                                                  pt=[StrVal(idx=0, v=title)])))


def _style_chart(chart, title: str, y_title: str, x_title: str, y_fmt: str) -> None:
    chart.title = title
    chart.y_axis.title = y_title
    chart.x_axis.title = x_title
    chart.y_axis.number_format = y_fmt
    chart.x_axis.delete = False
    chart.x_axis.tickLblPos = "low"  # year labels below the plot even when values are negative
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.height = 8.5
    chart.width = 17.0


def _fmt_money(v: float, currency: str, lang: str) -> str:
    if currency == "JPY":
        return f"{v:,.0f} 円" if lang == "ja" else f"¥{v:,.0f}"
    symbol = {"GBP": "£", "USD": "$", "EUR": "€"}.get(currency, currency + " ")
    return f"{symbol}{v:,.2f}"


def _fmt_pct(v: float) -> str:
    return f"{100 * v:.1f} %"


class _Writer:
    def __init__(self, result: dict, scenario: sc.Scenario, lang: str, dealer: str, customer: str, logo,
                 comparison=None):
        self.comparison = list(comparison or [])   # [(label, scenario, result dict or None)]
        self.r = result
        self.s = scenario
        self.lang = lang
        self.dealer = dealer
        self.customer = customer
        self.logo = logo
        self.cur = scenario.currency
        self.mfmt = money_format(self.cur)
        self.n = scenario.horizon_years
        self.rows = result.get("yearly", [])
        self.summary = result.get("summary", {})
        self.wb = Workbook()
        _styles(self.wb, self.cur, self.lang)

    # --------------------------------------------------------------- helpers
    def _col(self, key):
        return [row.get(key) for row in self.rows]

    def _table(self, ws, top: int, cols: list[str], styles: dict[str, str], constants: dict | None = None) -> int:
        """Write a year table from row ``top`` (header) and return the last data row.

        ``constants``: columns that are not in the results but the same every year (a threshold line).
        """
        constants = constants or {}
        ws.cell(row=top, column=1, value=t("year", self.lang)).style = "v2g_header"
        for j, key in enumerate(cols, start=2):
            ws.cell(row=top, column=j, value=t(key, self.lang)).style = "v2g_header"
        ws.row_dimensions[top].height = 32
        for i, row in enumerate(self.rows):
            r = top + 1 + i
            ws.cell(row=r, column=1, value=row["year"]).style = "v2g_year"
            for j, key in enumerate(cols, start=2):
                value = row.get(key, constants.get(key))
                if value is not None:
                    ws.cell(row=r, column=j, value=value).style = styles.get(key, "v2g_money")
        return top + len(self.rows)

    # ---------------------------------------------------------------- sheets
    def summary_sheet(self):
        lang, s, sm = self.lang, self.s, self.summary
        ws = self.wb.active
        ws.title = texts.sheet("summary", lang)
        ws.sheet_view.showGridLines = False
        ws.column_dimensions["A"].width = 48
        ws.column_dimensions["B"].width = 52
        ws["A1"] = t("title", lang)
        ws["A1"].style = "v2g_title"
        meta = [("prepared_for", self.customer or "—"), ("prepared_by", self.dealer or "—"),
                ("scenario", s.name), ("generated", _dt.date.today().isoformat()),
                ("app", f"V2G Calculator {__version__}")]
        r = 3
        for key, value in meta:
            ws.cell(row=r, column=1, value=t(key, lang)).style = "v2g_label"
            ws.cell(row=r, column=2, value=value).style = "v2g_text"
            r += 1
        r += 1
        ws.cell(row=r, column=1, value=t("kpis", lang)).style = "v2g_h2"
        r += 1
        n = self.n
        rate = _fmt_pct(sm.get("discount_rate", s.finance.discount_rate))
        na = t("not_available", lang)
        payback = self._payback_text(sm)
        irr = sm.get("irr")  # None: no unique rate of return
        per_kwh = self._per_kwh_format()
        # label, value (a number, a text, or absent = not available), style, number format
        kpis = [
            (t("payback", lang), payback, "v2g_big", None),
            (t("net", lang, n=n), sm.get("total_net"), "v2g_money_big", None),
            (t("npv", lang, rate=rate), sm.get("npv"), "v2g_money_big", None),
            (t("irr", lang), na if irr is None else irr, "v2g_percent_big", None),
            (t("soh_warranty", lang), sm.get("soh_at_warranty"), "v2g_percent_big", None),
            (t("soh_warranty_base", lang), sm.get("soh_at_warranty_baseline"), "v2g_percent_big", None),
            (t("wear_per_kwh", lang), self._per_kwh(sm, "wear_cost_per_kwh_discharged"), "v2g_money_big", per_kwh),
            (t("revenue_per_kwh", lang), self._per_kwh(sm, "revenue_per_kwh_discharged"), "v2g_money_big", per_kwh),
            (t("breakeven", lang), self._per_kwh(sm, "breakeven_spread_per_kwh"), "v2g_money_big", per_kwh),
            (t("capacity_end", lang, n=n), sm.get("remaining_capacity_kwh_end"), "v2g_big", '#,##0.0 "kWh"'),
            (t("range_end", lang, n=n), sm.get("remaining_range_km_end"), "v2g_big", '#,##0 "km"'),
            (t("unmet", lang), sm.get("unmet_driving_kwh_total"), "v2g_big", '#,##0 "kWh"'),
        ]
        for label, value, style, number_format in kpis:
            ws.cell(row=r, column=1, value=label).style = "v2g_label"
            cell = ws.cell(row=r, column=2, value=na if value is None else value)
            is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
            cell.style = style if is_number else "v2g_big"
            if is_number and number_format:
                cell.number_format = number_format
            cell.alignment = Alignment(horizontal="left", vertical="center")
            r += 1
        r += 1
        ws.cell(row=r, column=1, value=t("conclusion", lang)).style = "v2g_h2"
        r += 1
        ws.cell(row=r, column=1, value=self.conclusion()).style = "v2g_text"
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        ws.row_dimensions[r].height = 96
        r += 2
        ws.cell(row=r, column=1, value=t("assumptions", lang)).style = "v2g_h2"
        r += 1
        width = ws.column_dimensions["B"].width
        for label, value in self.assumptions():
            ws.cell(row=r, column=1, value=label).style = "v2g_label"
            ws.cell(row=r, column=2, value=value).style = "v2g_text"
            # spreadsheet programs do not grow a row for wrapped text on their own: give it its lines
            chars = sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(value))
            lines = max(1, -(-chars // int(width)))
            if lines > 1:
                ws.row_dimensions[r].height = 15 * lines
            r += 1
        self.summary_chart_anchor = f"A{r + 1}"
        _page(ws, self.dealer, landscape=False)
        ws.freeze_panes = None
        self.summary_ws = ws

    def conclusion(self) -> str:
        lang, sm, s = self.lang, self.summary, self.s
        if "total_net" not in sm or "npv" not in sm:
            return t("not_available", lang)
        money = lambda v: _fmt_money(v, self.cur, lang)  # noqa: E731
        kw = dict(n=self.n, net=money(sm["total_net"]), npv=money(sm["npv"]),
                  rate=_fmt_pct(sm["discount_rate"]), wear=money(sm.get("wear_cost_total", 0.0)))
        pb = sm.get("simple_payback_years")
        if pb is None:
            text = texts.pick(texts.CONCLUSION_NOT, lang, **kw)
        elif pb == 0.0:   # nothing spent (or fully subsidised): nothing to pay back
            text = texts.pick(texts.CONCLUSION_NOTHING_TO_RECOVER, lang, **kw)
        else:
            text = texts.pick(texts.CONCLUSION_PAYS, lang, pb=f"{pb:.1f}", **kw)
        if "soh_at_warranty" in sm:
            text += " " + texts.pick(texts.CONCLUSION_SOH, lang, soh_v=_fmt_pct(sm["soh_at_warranty"]),
                                     soh_b=_fmt_pct(sm["soh_at_warranty_baseline"]),
                                     thr=_fmt_pct(s.vehicle.warranty_soh))
        return text

    def assumptions(self):
        s, lang = self.s, self.lang
        ja = lang == "ja"
        money = lambda v: _fmt_money(v, self.cur, lang)  # noqa: E731
        p = s.participation
        margin = money_per_kwh(p.min_margin_per_kwh, self.cur, "m")["m_ja" if ja else "m"]
        rule = t("only_when_profitable", lang, margin=margin) if p.only_when_profitable else \
            t("always_discharge", lang)
        return [
            ("車両" if ja else "Vehicle", f"{self._name('vehicles', s.vehicle.preset_id, s.vehicle.name)}, "
                                          f"{s.vehicle.capacity_kwh:g} kWh"),
            ("走行" if ja else "Driving",
             (f"平日 {s.driving.weekday_km:g} km、休日 {s.driving.weekend_km:g} km、{s.driving.kwh_per_km:g} kWh/km"
              if ja else f"{s.driving.weekday_km:g} km weekdays, {s.driving.weekend_km:g} km weekends, "
                         f"{s.driving.kwh_per_km:g} kWh/km")),
            ("住宅・太陽光" if ja else "Home and solar",
             (f"年間 {s.home.annual_load_kwh:,.0f} kWh、太陽光 {s.home.pv_kwp:g} kWp" if ja
              else f"{s.home.annual_load_kwh:,.0f} kWh/year, {s.home.pv_kwp:g} kWp solar")),
            ("V2G/V2H 参加" if ja else "Participation",
             f"{t('mode_' + p.mode, lang)}, {', '.join(p.windows) or '—'}, {p.power_kw:g} kW, "
             + (f"最低残量 {p.reserve_soc:.0%}、出発時 {p.departure_soc_min:.0%}、{rule}" if ja else
                f"reserve {p.reserve_soc:.0%}, at departure {p.departure_soc_min:.0%}, {rule}")),
            ("充放電器" if ja else "Charger",
             f"{self._name('chargers', s.charger.preset_id, s.charger.name)}: {money(s.charger.price)} + "
             f"{money(s.charger.installation)} − {money(s.charger.subsidy)}"),
            ("料金プラン" if ja else "Tariff",
             f"{self._name('tariffs', s.tariff.preset_id, s.tariff.name)} ({s.tariff.as_of})"),
            ("割引率・劣化費用の方法" if ja else "Discount rate, wear method",
             f"{s.finance.discount_rate:.1%}, {t('wear_' + s.finance.wear_method, lang)}"),
            ("期間" if ja else "Period", f"{s.start_date}, {s.horizon_years} " + ("年" if ja else "years")),
        ]

    def _name(self, kind: str, preset_id: str, name: str) -> str:
        """The Japanese name of a shipped preset in a Japanese report, when the scenario kept the preset's name."""
        if self.lang != "ja":
            return name
        try:
            from models import presets as P

            p = P.get(kind, preset_id)
        except Exception:  # own values or an unknown preset: the name as entered
            return name
        return p.display_name("ja") if name in (p.name, p.name_ja) else name

    def _payback_text(self, sm: dict) -> str:
        """Payback in words: years, "not within N years" (None), or "not available" (not computed)."""
        if "simple_payback_years" not in sm:
            return t("not_available", self.lang)
        v = sm["simple_payback_years"]
        if v is None:
            return t("not_within", self.lang, n=self.n)
        return t("at_once", self.lang) if v == 0.0 else t("years_fmt", self.lang, v=v)

    def _per_kwh(self, sm: dict, key: str):
        """A per-kWh figure, "no discharging" when it is None (results contract), None when not computed."""
        if key in sm and sm[key] is None:
            return t("no_discharge", self.lang)
        return sm.get(key)

    #: field units in a Japanese report (the others, kW, kWh, km …, are the same in both languages)
    _UNITS_JA = {"years": "年", "cycles": "回", "min": "分", "1/year": "/年", "h/year": "時間/年",
                 "kWh/day": "kWh/日", "kWh/year": "kWh/年", "currency/year": "{cur}/年",
                 "currency/kW-year": "{cur}/kW・年", "currency/kW-h": "{cur}/kW・時"}

    def _unit(self, unit: str) -> str:
        """A field's unit as the report shows it: the scenario's currency (円 in a yen report in
        Japanese) instead of "currency", Japanese unit words in a Japanese report."""
        cur = "円" if self.lang == "ja" and self.cur == "JPY" else self.cur
        if self.lang == "ja" and unit in self._UNITS_JA:
            return self._UNITS_JA[unit].replace("{cur}", cur)
        return cur if unit == "currency" else unit.replace("currency", cur)

    def _per_kwh_format(self) -> str:
        return money_format_shown(self.cur, self.lang, per_kwh=True)

    def cashflow_sheet(self):
        lang = self.lang
        ws = self.wb.create_sheet(texts.sheet("cashflow", lang))
        self.cf_ws = ws
        ws["A1"] = texts.sheet("cashflow", lang)
        ws["A1"].style = "v2g_title"
        ws["A2"] = (f"{self.cur}; 各年の金額は V2G/V2H ありとなしの差" if lang == "ja"
                    else f"{self.cur}; each amount is with V2G/V2H minus without")
        ws["A2"].style = "v2g_label"
        ws["A2"].alignment = Alignment(wrap_text=False)
        cols = list(MONEY_COLS) + list(WEAR_COLS)
        top = 4
        last = self._table(ws, top, cols, {})
        total_row = last + 1
        ws.cell(row=total_row, column=1, value=t("total", lang)).style = "v2g_total"
        for j, key in enumerate(cols, start=2):
            if key == "cumulative_cash_flow":
                continue
            vals = [v for v in self._col(key) if v is not None]
            if len(vals) == len(self.rows):
                ws.cell(row=total_row, column=j, value=sum(vals)).style = "v2g_total"
        sm = self.summary
        r = total_row + 2
        rate = _fmt_pct(sm.get("discount_rate", self.s.finance.discount_rate))
        na, never = t("not_available", lang), t("not_within", lang, n=self.n)
        years_fmt = '0.0 "年"' if lang == "ja" else '0.0 "years"'

        def payback(key):  # absent: not computed; None: not within the horizon; 0: nothing to recover
            v = sm.get(key, na)
            return never if v is None else t("at_once", lang) if v == 0.0 else v

        irr = sm.get("irr")
        for label, value, style, number_format in (
                (t("npv", lang, rate=rate), sm.get("npv", na), "v2g_money", None),
                (t("irr", lang), na if irr is None else irr, "v2g_percent", None),
                (t("payback", lang), payback("simple_payback_years"), None, years_fmt),
                (t("discounted_payback", lang), payback("discounted_payback_years"), None, years_fmt)):
            ws.cell(row=r, column=1, value=label).style = "v2g_label"
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
            cell = ws.cell(row=r, column=4, value=value)
            if not isinstance(value, str):
                if style:
                    cell.style = style
                if number_format:
                    cell.number_format = number_format
            r += 1
        ws.column_dimensions["A"].width = 7
        for j, key in enumerate(cols, start=2):   # 「正味キャッシュフロー」 on one line, not 「…フロ」 + 「ー」
            ws.column_dimensions[get_column_letter(j)].width = 19 if key == "net_cash_flow" else 14
        ws.freeze_panes = ws.cell(row=top + 1, column=2)
        _page(ws, self.dealer, title_rows=f"{top}:{top}")
        self.cf_top = top
        self.cf_cols = cols
        # charts: yearly revenue vs wear (bars, years 1..N) and the net; cumulative cash flow on the summary
        # the chart starts a new page: split over two pages, the repeated header row printed over it
        ws.row_breaks.append(Break(id=r + 1))
        self._chart_yearly(ws, anchor=f"B{r + 2}")
        self._chart_cumulative()

    def _chart_yearly(self, ws, anchor):
        lang = self.lang
        years = self._col("year")
        bar = BarChart()
        bar.type = "col"
        bar.grouping = "clustered"
        first = self.cf_top + 2  # operating years 1..N
        cats = years[1:]
        for key in ("revenue", "savings", "charging_cost", "wear_cost"):
            if key not in self.rows[0]:
                continue
            vals = self._col(key)[1:]
            col = self.cf_cols.index(key) + 2
            ser = Series(Reference(ws, min_col=col, min_row=first, max_row=first + len(vals) - 1))
            title_cell = f"${get_column_letter(col)}${self.cf_top}"
            _set_series(ser, ws.title, col, first, vals, t(key, lang), title_cell, 1, cats, self.mfmt)
            bar.series.append(ser)
        _style_chart(bar, t("chart_yearly", lang), self.cur, t("chart_years", lang), self.mfmt)
        if "net_cash_flow" in self.rows[0]:
            line = LineChart()
            col = self.cf_cols.index("net_cash_flow") + 2
            vals = self._col("net_cash_flow")[1:]
            ser = Series(Reference(ws, min_col=col, min_row=first, max_row=first + len(vals) - 1))
            _set_series(ser, ws.title, col, first, vals, t("net_cash_flow", lang),
                        f"${get_column_letter(col)}${self.cf_top}", 1, cats, self.mfmt)
            ser.marker.symbol = "circle"
            line.series.append(ser)
            bar += line
        bar.width, bar.height = 24.0, 11.0
        ws.add_chart(bar, anchor)

    def _chart_cumulative(self):
        if "cumulative_cash_flow" not in (self.rows[0] if self.rows else {}):
            return
        lang = self.lang
        ws = self.cf_ws
        line = LineChart()
        col = self.cf_cols.index("cumulative_cash_flow") + 2
        first = self.cf_top + 1  # years 0..N
        vals = self._col("cumulative_cash_flow")
        ser = Series(Reference(ws, min_col=col, min_row=first, max_row=first + len(vals) - 1))
        _set_series(ser, ws.title, col, first, vals, t("cumulative_cash_flow", lang),
                    f"${get_column_letter(col)}${self.cf_top}", 1, self._col("year"), self.mfmt)
        ser.marker.symbol = "circle"
        ser.smooth = False
        line.series.append(ser)
        _style_chart(line, t("chart_cum", lang), self.cur, t("chart_years", lang), self.mfmt)
        line.width = 22.0
        line.height = 9.0
        self.summary_ws.add_chart(line, self.summary_chart_anchor)

    def battery_sheet(self):
        lang = self.lang
        ws = self.wb.create_sheet(texts.sheet("battery", lang))
        ws["A1"] = texts.sheet("battery", lang)
        ws["A1"].style = "v2g_title"
        v = self.s.vehicle
        ws["A2"] = f"{self._name('vehicles', v.preset_id, v.name)}, {v.capacity_kwh:g} kWh, {v.cell_model}"
        ws["A2"].style = "v2g_label"
        ws["A2"].alignment = Alignment(wrap_text=False)
        top = 4
        cols = list(BATTERY_COLS) + ["warranty_line"] + list(ENERGY_COLS)
        styles = {k: "v2g_percent" for k in BATTERY_COLS}
        styles.update({k: "v2g_kwh" for k in ENERGY_COLS})
        styles.update({"efc": "v2g_number", "efc_baseline": "v2g_number", "warranty_line": "v2g_percent"})
        last = self._table(ws, top, cols, styles, constants={"warranty_line": self.s.vehicle.warranty_soh})
        ws.column_dimensions["A"].width = 7
        for j in range(2, len(cols) + 2):
            ws.column_dimensions[get_column_letter(j)].width = 13
        ws.freeze_panes = ws.cell(row=top + 1, column=2)
        _page(ws, self.dealer, title_rows=f"{top}:{top}")
        if self.rows and "soh" in self.rows[0]:
            line = LineChart()
            first = top + 1
            years = self._col("year")
            for key in ("soh", "soh_baseline", "soh_low", "soh_high", "warranty_line"):
                col = cols.index(key) + 2
                vals = self._col(key) if key != "warranty_line" else [self.s.vehicle.warranty_soh] * len(years)
                if any(v is None for v in vals):
                    continue
                ser = Series(Reference(ws, min_col=col, min_row=first, max_row=last))
                _set_series(ser, ws.title, col, first, vals, t(key, lang), f"${get_column_letter(col)}${top}", 1,
                            years, "0.0%")
                if key in ("soh_low", "soh_high", "warranty_line"):
                    ser.graphicalProperties.line.dashStyle = "dash"
                    ser.graphicalProperties.line.width = 12700
                else:
                    ser.graphicalProperties.line.width = 28575
                line.series.append(ser)
            _style_chart(line, t("chart_soh", lang), "", t("chart_years", lang), "0%")
            line.y_axis.scaling.max = 1.0
            line.y_axis.scaling.min = max(0.0, round(min(min(self._col("soh_low")), self.s.vehicle.warranty_soh)
                                                     - 0.05, 1))
            line.width, line.height = 24.0, 11.0
            ws.add_chart(line, f"B{last + 3}")
    
    def inputs_sheet(self):
        lang = self.lang
        ws = self.wb.create_sheet(texts.sheet("inputs", lang))
        ws["A1"] = texts.sheet("inputs", lang)
        ws["A1"].style = "v2g_title"
        hdr = [t("field", lang), t("value", lang), t("unit", lang), t("meaning", lang)]
        for j, h in enumerate(hdr, start=1):
            ws.cell(row=3, column=j, value=h).style = "v2g_header"
        data = sc.to_dict(self.s)
        r = 4
        self.input_cells = {}
        for path, info, tp in sc.iter_fields():
            value = data
            for key in path.split("."):
                value = value.get(key) if isinstance(value, dict) else None
            if path.startswith("tariff.") and path != "tariff.name" and not path.startswith("tariff.escalation") \
                    and not path.startswith("tariff.add_on") and not path.startswith("tariff.export_price"):
                continue  # the Tariff sheet lists them
            if isinstance(value, list):
                if len(value) > 24 or (value and isinstance(value[0], list)):
                    value = f"{len(value)} values" if lang == "en" else f"{len(value)} 個の値"
                else:
                    value = ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
            if value is None:
                value = "—"
            elif path.endswith(".source") and isinstance(value, str):
                value = source_text(value, lang)   # a shipped preset's citation in the report's language
            elif path in _NAME_KINDS and isinstance(value, str):
                group = path.split(".")[0]
                value = self._name(_NAME_KINDS[path], data[group].get("preset_id", ""), value)
            ws.cell(row=r, column=1, value=path).style = "v2g_text"
            cell = ws.cell(row=r, column=2, value=value)
            cell.style = "v2g_text"
            if isinstance(value, float) and info.unit == "currency":
                cell.number_format = self.mfmt
            ws.cell(row=r, column=3, value=self._unit(info.unit)).style = "v2g_text"
            ws.cell(row=r, column=4, value=info.help_ja if lang == "ja" else info.help_en).style = "v2g_label"
            self.input_cells[path] = (ws.title, r)
            r += 1
        r += 1
        ws.cell(row=r, column=1, value=t("presets", lang)).style = "v2g_h2"
        r += 1
        for j, h in enumerate((t("preset", lang), t("as_of", lang), t("confidence", lang), t("source", lang)),
                              start=1):
            ws.cell(row=r, column=j, value=h).style = "v2g_header"
        r += 1
        for label, obj in self.preset_rows():
            ws.cell(row=r, column=1, value=label).style = "v2g_text"
            ws.cell(row=r, column=2, value=obj[0]).style = "v2g_text"
            ws.cell(row=r, column=3, value=t(obj[1], lang) if obj[1] in ("verified", "uncertain")
                    else obj[1]).style = "v2g_text"
            ws.cell(row=r, column=4, value=source_text(obj[2], lang)).style = "v2g_label"
            r += 1
        ws.column_dimensions["A"].width = 42
        ws.column_dimensions["B"].width = 30
        ws.column_dimensions["C"].width = 16
        ws.column_dimensions["D"].width = 80
        ws.freeze_panes = "A4"
        _page(ws, self.dealer, title_rows="3:3")
        # defined names for key inputs
        for name, path in (("capacity_kwh", "vehicle.capacity_kwh"), ("pack_replacement_cost",
                                                                      "vehicle.pack_replacement_cost"),
                           ("charger_price", "charger.price"), ("installation", "charger.installation"),
                           ("subsidy", "charger.subsidy"), ("discount_rate", "finance.discount_rate"),
                           ("horizon_years", "horizon_years"), ("pv_kwp", "home.pv_kwp"),
                           ("discharge_power_kw", "participation.power_kw")):
            if path in self.input_cells:
                title, row = self.input_cells[path]
                ref = f"{quote_sheetname(title)}!$B${row}"
                self.wb.defined_names[name] = DefinedName(name, attr_text=ref)

    def preset_rows(self):
        s = self.s
        rows = []
        for label, obj in (("vehicle: " + s.vehicle.preset_id, None), ("charger: " + s.charger.preset_id, None),
                           ("tariff: " + s.tariff.preset_id, (s.tariff.as_of, s.tariff.confidence, s.tariff.source)),
                           ("load: " + s.home.load_profile.preset_id,
                            (s.home.load_profile.as_of, s.home.load_profile.confidence, s.home.load_profile.source)),
                           ("pv: " + s.home.pv_profile.preset_id,
                            (s.home.pv_profile.as_of, s.home.pv_profile.confidence, s.home.pv_profile.source)),
                           ("climate: " + s.home.climate.preset_id,
                            (s.home.climate.as_of, s.home.climate.confidence, s.home.climate.source)),
                           ("subsidy: " + s.charger.subsidy_preset_id, None)):
            if obj is None:
                obj = self._preset_meta(label)
            if obj is not None:
                rows.append((label, obj))
        return rows

    @staticmethod
    def _preset_meta(label):
        from models import presets

        kind = {"vehicle": "vehicles", "charger": "chargers", "subsidy": "subsidies"}[label.split(":")[0]]
        pid = label.split(": ", 1)[1]
        try:
            p = presets.get(kind, pid)
        except Exception:
            return None
        return (p.as_of, p.confidence, p.source)

    def tariff_sheet(self):
        lang, tr = self.lang, self.s.tariff
        ws = self.wb.create_sheet(texts.sheet("tariff", lang))
        ws["A1"] = f"{self._name('tariffs', tr.preset_id, tr.name)} ({tr.as_of})"
        ws["A1"].style = "v2g_title"
        ws["A2"] = source_text(tr.source, lang)
        ws["A2"].style = "v2g_label"
        ws["A2"].alignment = Alignment(wrap_text=False)   # one line over the empty cells to its right
        r = 4
        pfmt = "#,##0.00" if self.cur == "JPY" else "#,##0.0000"

        def table(title, periods):
            nonlocal r
            ws.cell(row=r, column=1, value=title).style = "v2g_h2"
            r += 1
            for j, h in enumerate((t("months", lang), t("days", lang), t("start", lang), t("end", lang),
                                   t("price", lang)), start=1):
                ws.cell(row=r, column=j, value=h).style = "v2g_header"
            r += 1
            for per in periods:
                months = ", ".join(map(str, per.months)) if len(per.months) < 12 else t("all", lang)
                ws.cell(row=r, column=1, value=months).style = "v2g_text"
                ws.cell(row=r, column=2, value=t(per.days, lang)).style = "v2g_text"
                ws.cell(row=r, column=3, value=per.start).style = "v2g_text"
                ws.cell(row=r, column=4, value=per.end).style = "v2g_text"
                c = ws.cell(row=r, column=5, value=per.price_per_kwh)
                c.number_format = pfmt
                r += 1
            r += 1

        table(t("import_prices", lang), tr.import_periods)
        if tr.export_periods:
            table(t("export_prices", lang), tr.export_periods)
        rows = [(t("add_on", lang), tr.add_on_per_kwh), (t("flat_export", lang), tr.export_price_per_kwh)]
        names = {"v2g_payment_per_kwh", "availability_per_kw_year", "availability_per_kw_hour",
                 "event_payment_per_kwh", "event_hours_per_year", "fixed_payment_per_year", "escalation_import",
                 "escalation_export"}
        for f in dataclasses.fields(sc.Tariff):
            if f.name in names:
                info = sc.field_info(sc.Tariff, f.name)
                rows.append((info.help_ja if lang == "ja" else info.help_en, getattr(tr, f.name)))
        ws.cell(row=r, column=1, value=t("programme", lang)).style = "v2g_h2"
        r += 1
        for label, value in rows:
            ws.cell(row=r, column=1, value=label).style = "v2g_label"
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
            c = ws.cell(row=r, column=5, value=value)
            c.number_format = pfmt
            r += 1
        for col, w in zip("ABCDE", (26, 22, 10, 10, 16)):
            ws.column_dimensions[col].width = w
        _page(ws, self.dealer, landscape=False)

    def notes_sheet(self):
        lang, s = self.lang, self.s
        ws = self.wb.create_sheet(texts.sheet("notes", lang))
        ws["A1"] = texts.sheet("notes", lang)
        ws["A1"].style = "v2g_title"
        # as wide as an A4 portrait page between its margins: LibreOffice does not shrink a wider column
        # to the page here (it centred it and cut both sides), so the text is wrapped to the page itself
        ws.column_dimensions["A"].width = 72
        r = 3
        kw = dict(cell=s.vehicle.cell_model, pack_factor=s.vehicle.pack_factor, sigma=s.ageing.uncertainty_sigma,
                  step=s.step_minutes, strategy=s.charging.strategy, n=s.horizon_years, wear=s.finance.wear_method,
                  rate=_fmt_pct(s.finance.discount_rate))
        margin = money_per_kwh(s.participation.min_margin_per_kwh, s.currency, "m")["m_ja" if lang == "ja" else "m"]
        dispatch = texts.pick(texts.DISPATCH_NOTES[bool(s.participation.only_when_profitable)], lang, margin=margin)
        sections = [("notes_models", [texts.pick(p, lang, **kw) for p in texts.NOTES_MODELS] + [dispatch]),
                    ("notes_limits", [texts.pick(p, lang) for p in texts.NOTES_LIMITS]),
                    ("notes_disclaimer", [texts.pick(texts.DISCLAIMER, lang, as_of=self.price_dates())]),
                    ("notes_warnings", list(self.r.get("warnings_ja" if lang == "ja" else "warnings")
                                            or self.r.get("warnings", [])) or [t("none", lang)])]
        for key, paras in sections:
            ws.cell(row=r, column=1, value=t(key, lang)).style = "v2g_h2"
            r += 1
            for para in paras:
                ws.cell(row=r, column=1, value=para).style = "v2g_text"
                ws.row_dimensions[r].height = 15 * max(1, len(para) // (36 if lang == "ja" else 80) + 1)
                r += 1
            r += 1
        _page(ws, self.dealer, landscape=False)

    def price_dates(self) -> str:
        """The dates the money figures were valid (tariff, wholesale series, and the vehicle, charger and
        subsidy presets the scenario still carries): one date, or "first – last"."""
        from models import presets as P

        s = self.s
        dates = [s.tariff.as_of]
        if s.tariff.price_series is not None:
            dates.append(s.tariff.price_series.as_of)
        for kind, pid in (("vehicles", s.vehicle.preset_id), ("chargers", s.charger.preset_id),
                          ("subsidies", s.charger.subsidy_preset_id)):
            if pid:
                try:
                    dates.append(P.get(kind, pid).as_of)
                except Exception:   # own values or an unknown preset: no date of its own
                    pass
        dates = sorted({str(d)[:10] for d in dates if d})
        if not dates:
            return ""
        return dates[0] if len(dates) == 1 else f"{dates[0]}{'〜' if self.lang == 'ja' else ' – '}{dates[-1]}"

    def comparison_sheet(self):
        """The Compare tab as a table: this scenario and each variant side by side (same figures)."""
        lang, n = self.lang, self.n
        ws = self.wb.create_sheet(texts.sheet("comparison", lang))
        ws["A1"] = t("comparison_title", lang)
        ws["A1"].style = "v2g_title"
        ws.column_dimensions["A"].width = 44
        cols = [(t("comparison_current", lang) + ": " + self.s.name, self.s, self.r)] + self.comparison
        na = t("not_available", lang)
        per_kwh = self._per_kwh_format()
        rows = [  # label, value from (scenario, summary), style, number format
            (t("comparison_mode", lang), lambda s_, sm: t("mode_" + s_.participation.mode, lang), "v2g_text", None),
            (t("payback", lang), lambda s_, sm: self._payback_text(sm), "v2g_text", None),
            (t("net", lang, n=n), lambda s_, sm: sm.get("total_net"), "v2g_money", None),
            (t("npv", lang, rate=_fmt_pct(self.s.finance.discount_rate)), lambda s_, sm: sm.get("npv"),
             "v2g_money", None),
            (t("soh_warranty", lang), lambda s_, sm: sm.get("soh_at_warranty"), "v2g_percent", None),
            (t("soh_end", lang, n=n), lambda s_, sm: sm.get("soh_end"), "v2g_percent", None),
            (t("wear_total", lang), lambda s_, sm: sm.get("wear_cost_total"), "v2g_money", None),
            (t("wear_per_kwh", lang), lambda s_, sm: self._per_kwh(sm, "wear_cost_per_kwh_discharged"),
             "v2g_money", per_kwh),
            (t("unmet", lang), lambda s_, sm: sm.get("unmet_driving_kwh_total"), "v2g_number", '#,##0 "kWh"'),
        ]
        ws.cell(row=3, column=1, value="").style = "v2g_header"
        for j, (label, _s, _r) in enumerate(cols, start=2):
            ws.column_dimensions[get_column_letter(j)].width = 26
            c = ws.cell(row=3, column=j, value=label)
            c.style = "v2g_header"
            c.alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[3].height = 44
        for i, (label, getter, style, number_format) in enumerate(rows, start=4):
            ws.cell(row=i, column=1, value=label).style = "v2g_label"
            for j, (_l, scen, res) in enumerate(cols, start=2):
                if res is None:
                    cell = ws.cell(row=i, column=j, value=t("comparison_failed", lang))
                    cell.style = "v2g_text"
                else:
                    value = getter(scen, res.get("summary", {}))
                    cell = ws.cell(row=i, column=j, value=na if value is None else value)
                    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
                    cell.style = style if is_number else "v2g_text"
                    if is_number and number_format:
                        cell.number_format = number_format
                cell.alignment = Alignment(horizontal="right", vertical="top", wrap_text=True)
        _page(ws, self.dealer)

    def build(self) -> Workbook:
        self.summary_sheet()
        self.cashflow_sheet()
        self.battery_sheet()
        if self.comparison:
            self.comparison_sheet()
        self.inputs_sheet()
        self.tariff_sheet()
        self.notes_sheet()
        self.wb.calculation.fullCalcOnLoad = False
        return self.wb


def build_workbook(result: dict, scenario: sc.Scenario, *, lang: str = "en", dealer_name: str = "",
                   customer_name: str = "", logo_path=None, comparison=None) -> Workbook:
    """The report as an in-memory openpyxl workbook.

    ``comparison``: ``[(label, scenario, result dict or None)]`` of the variants on the Compare
    tab; when given, a "Comparison" sheet shows them beside this scenario.
    """
    if lang not in ("en", "ja"):
        raise ValueError("lang must be 'en' or 'ja'")
    writer = _Writer(result, scenario, lang, dealer_name, customer_name, logo_path, comparison)
    wb = writer.build()
    if logo_path:
        try:
            from openpyxl.drawing.image import Image

            img = Image(str(logo_path))
            scale = 60.0 / max(1, img.height)
            img.height, img.width = 60, int(img.width * scale)
            writer.summary_ws.add_image(img, "B1")
        except Exception:  # Pillow missing or a bad image: the report is still useful without the logo
            pass
    return wb

