"""Chart tabs (pyqtgraph, white background) with hover read-outs.

Every chart draws only what is in the results contract (``Result.to_dict()``);
when a key it needs is missing it shows "not available" instead.  Each chart
keeps the arrays it plotted in ``self.data`` (tests assert on them, not on
pixels) and offers ``readout_at(x, y=None)`` which returns the hover text.
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import format as fmt

pg.setConfigOptions(antialias=True, background="w", foreground="#222", imageAxisOrder="row-major")

BLUE = "#1f6feb"
GREY = "#7d8794"
GREEN = "#2da44e"
RED = "#cf222e"
ORANGE = "#d97706"
PURPLE = "#8250df"
TEAL = "#0e9aa7"
VARIANT_COLOURS = ("#1f6feb", "#d97706", "#2da44e", "#8250df")



class MoneyAxis(pg.AxisItem):
    """Axis whose ticks are money amounts (万 in Japanese)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.currency, self.lang = "JPY", "en"

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (Qt naming)
        return [fmt.axis_money(v * scale, self.currency, self.lang) for v in values]


class PercentAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [f"{v:g}" for v in values]


def _style_plot(plot: pg.PlotItem, font_pt: float):
    plot.showGrid(x=True, y=True, alpha=0.25)
    font = QFont()
    font.setPointSizeF(font_pt)
    for name in ("left", "bottom", "right"):
        ax = plot.getAxis(name)
        ax.setTickFont(font)
        ax.setStyle(tickTextOffset=4)
        ax.label.setFont(font)
    plot.setMenuEnabled(False)
    plot.hideButtons()


class ChartBase(QWidget):
    """Title line, read-out line and a pyqtgraph area."""

    def __init__(self, lang: str, font_pt: float = 10.0, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.font_pt = font_pt
        self.data: dict = {}
        self.result: dict | None = None
        self.scenario = None
        self.available = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(2)
        self.top = QHBoxLayout()
        self.readout = QLabel(" ")
        self.readout.setStyleSheet("color: #24364f;")
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        self.readout.setMinimumWidth(10)
        self.top.addWidget(self.readout, 1)
        lay.addLayout(self.top)
        self.area = pg.GraphicsLayoutWidget()
        self.area.setBackground("w")
        lay.addWidget(self.area, 1)
        self._hover_proxy = None

    def _currency(self) -> str:
        return (self.result or {}).get("summary", {}).get("currency", getattr(self.scenario, "currency", "JPY"))

    def _money(self, v: float) -> str:
        return fmt.money(v, self._currency(), self.lang)

    def _hook_hover(self, plot: pg.PlotItem):
        def moved(pos):
            if not self.available or not plot.sceneBoundingRect().contains(pos):
                return
            p = plot.vb.mapSceneToView(pos)
            text = self.readout_at(p.x(), p.y(), plot)
            if text:
                self.readout.setText(text)

        plot.scene().sigMouseMoved.connect(moved)

    def _not_available(self, plot: pg.PlotItem, what: str = ""):
        plot.clear()
        text = pg.TextItem(QCoreApplication.translate("Charts", "not available") + (f": {what}" if what else ""), color="#8a94a6",
                           anchor=(0.5, 0.5))
        f = QFont()
        f.setPointSizeF(self.font_pt * 1.4)
        text.setFont(f)
        plot.addItem(text)
        text.setPos(0.5, 0.5)
        plot.setXRange(0, 1)
        plot.setYRange(0, 1)
        self.available = False
        self.readout.setText(QCoreApplication.translate("Charts", "This figure is not available for this scenario."))

    def readout_at(self, x: float, y: float | None = None, plot=None) -> str:
        return ""

    def show_result(self, result: dict, scenario) -> None:
        raise NotImplementedError


def _yearly(result: dict, *cols) -> dict | None:
    rows = result.get("yearly") or []
    if not rows or any(c not in rows[0] for c in cols):
        return None
    return {c: np.array([np.nan if r[c] is None else r[c] for r in rows], dtype=float) for c in cols}


# ---------------------------------------------------------------------------
class HealthChart(ChartBase):
    """Battery health over the years with and without V2G, ±1σ band, 80 % / 70 % lines, warranty age."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.plot = self.area.addPlot(axisItems={"left": PercentAxis("left")})
        _style_plot(self.plot, font_pt)
        self.plot.setLabel("left", QCoreApplication.translate("Charts", "Battery health (%)"))
        self.plot.setLabel("bottom", QCoreApplication.translate("Charts", "Years"))
        self.plot.setMouseEnabled(x=False, y=False)
        self._hook_hover(self.plot)

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        plot = self.plot
        cols = _yearly(result, "year", "soh", "soh_baseline")
        if cols is None:
            self._not_available(plot)
            return
        plot.clear()
        if plot.legend is None:
            plot.addLegend(offset=(-10, 10), labelTextSize=f"{self.font_pt:.0f}pt")
        plot.legend.clear()
        x = cols["year"]
        band = _yearly(result, "soh_low", "soh_high")
        self.data = {"x": x, "soh": cols["soh"] * 100, "soh_baseline": cols["soh_baseline"] * 100}
        if band is not None:
            lo = pg.PlotDataItem(x, band["soh_low"] * 100, pen=pg.mkPen(None))
            hi = pg.PlotDataItem(x, band["soh_high"] * 100, pen=pg.mkPen(None))
            fill = pg.FillBetweenItem(lo, hi, brush=pg.mkBrush(31, 111, 235, 45))
            plot.addItem(lo)
            plot.addItem(hi)
            plot.addItem(fill)
            sample = pg.PlotDataItem([], [], pen=pg.mkPen(None), fillLevel=0, fillBrush=pg.mkBrush(31, 111, 235, 60))
            plot.legend.addItem(sample, QCoreApplication.translate("Charts", "Uncertainty range"))
            self.data.update(soh_low=band["soh_low"] * 100, soh_high=band["soh_high"] * 100)
        self.curve_base = plot.plot(x, self.data["soh_baseline"], pen=pg.mkPen(GREY, width=3, style=Qt.PenStyle.DashLine),
                                    name=QCoreApplication.translate("Charts", "Without V2G/V2H"))
        self.curve = plot.plot(x, self.data["soh"], pen=pg.mkPen(BLUE, width=4), symbol="o", symbolSize=6,
                               symbolBrush=BLUE, symbolPen=None, name=QCoreApplication.translate("Charts", "With V2G/V2H"))
        v = scenario.vehicle
        lines = [(v.eol_soh, QCoreApplication.translate("Charts", "End of life %1 %").replace("%1", f"{100 * v.eol_soh:g}"), ORANGE),
                 (v.warranty_soh, QCoreApplication.translate("Charts", "Warranty limit %1 %").replace("%1", f"{100 * v.warranty_soh:g}"), RED)]
        for y, text, colour in lines:
            line = pg.InfiniteLine(pos=100 * y, angle=0, pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DotLine),
                                   label=text, labelOpts={"position": 0.12, "color": colour, "anchors": [(0, 1), (0, 1)]})
            plot.addItem(line)
        self.data["limits"] = [100 * v.eol_soh, 100 * v.warranty_soh]
        if 0 < v.warranty_years <= x[-1]:
            wl = pg.InfiniteLine(pos=v.warranty_years, angle=90, pen=pg.mkPen("#444", width=2, style=Qt.PenStyle.DashLine),
                                 label=QCoreApplication.translate("Charts", "Warranty ends (%1 years)").replace("%1", f"{v.warranty_years:g}"),
                                 labelOpts={"position": 0.08, "color": "#444", "anchors": [(0, 0), (0, 0)]})
            plot.addItem(wl)
            self.data["warranty_years"] = v.warranty_years
        ymin = min(np.nanmin(self.data.get("soh_low", self.data["soh"])), 100 * v.warranty_soh) - 4
        plot.setYRange(max(0.0, ymin), 101, padding=0)
        plot.setXRange(0, x[-1], padding=0.02)
        self.available = True
        self.readout.setText(self.readout_at(x[-1]))

    def readout_at(self, x, y=None, plot=None):
        if not self.available:
            return ""
        xs = self.data["x"]
        i = int(np.clip(round(x), 0, len(xs) - 1))
        text = QCoreApplication.translate("Charts", "Year %1: with V2G/V2H %2 %, without %3 %").replace("%1", str(int(xs[i]))) \
            .replace("%2", fmt.number(self.data["soh"][i], 1)).replace("%3", fmt.number(self.data["soh_baseline"][i], 1))
        if "soh_low" in self.data:
            text += QCoreApplication.translate("Charts", " (range %1–%2 %)").replace("%1", fmt.number(self.data["soh_low"][i], 1)) \
                .replace("%2", fmt.number(self.data["soh_high"][i], 1))
        return text


# ---------------------------------------------------------------------------
class CashflowChart(ChartBase):
    """Cumulative cash flow with the payback point."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.axis = MoneyAxis("left")
        self.plot = self.area.addPlot(axisItems={"left": self.axis})
        _style_plot(self.plot, font_pt)
        self.plot.setLabel("bottom", QCoreApplication.translate("Charts", "Years"))
        self.plot.setMouseEnabled(x=False, y=False)
        self._hook_hover(self.plot)

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        plot = self.plot
        cols = _yearly(result, "year", "cumulative_cash_flow")
        s = result.get("summary", {})
        if cols is None:
            self._not_available(plot)
            return
        plot.clear()
        cur = self._currency()
        self.axis.currency, self.axis.lang = cur, self.lang
        plot.setLabel("left", QCoreApplication.translate("Charts", "Cumulative cash flow (%1)").replace("%1", fmt.money_unit_label(cur, self.lang)))
        x, y = cols["year"], cols["cumulative_cash_flow"]
        self.data = {"x": x, "cumulative": y}
        plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1.5)))
        zero = pg.PlotDataItem(x, np.zeros_like(y), pen=pg.mkPen(None))
        curve_pos = pg.PlotDataItem(x, np.maximum(y, 0), pen=pg.mkPen(None))
        curve_neg = pg.PlotDataItem(x, np.minimum(y, 0), pen=pg.mkPen(None))
        for c, brush in ((curve_pos, (45, 164, 78, 60)), (curve_neg, (207, 34, 46, 45))):
            plot.addItem(c)
            plot.addItem(pg.FillBetweenItem(zero, c, brush=pg.mkBrush(*brush)))
        self.curve = plot.plot(x, y, pen=pg.mkPen(BLUE, width=4), symbol="o", symbolSize=7, symbolBrush=BLUE,
                               symbolPen=None)
        self.marker = None
        f = QFont()
        f.setPointSizeF(self.font_pt * 1.25)
        f.setBold(True)
        if "simple_payback_years" in s:
            pb = s["simple_payback_years"]
            self.data["payback"] = pb
            if pb is not None:
                self.marker = pg.ScatterPlotItem([pb], [0.0], size=18, brush=pg.mkBrush(GREEN),
                                                 pen=pg.mkPen("w", width=2), symbol="star")
                plot.addItem(self.marker)
                label = pg.TextItem(QCoreApplication.translate("Charts", "Pays back after %1 years").replace("%1", fmt.number(pb, 1)), color=GREEN,
                                    anchor=(0.5, 1.3))
                label.setFont(f)
                plot.addItem(label)
                label.setPos(pb, 0.0)
                self.data["payback_point"] = (pb, 0.0)
            else:
                label = pg.TextItem(QCoreApplication.translate("Charts", "Does not pay back within %1 years").replace("%1", str(int(x[-1]))),
                                    color=RED, anchor=(1.0, 0.0))
                label.setFont(f)
                plot.addItem(label)
                label.setPos(x[-1], max(0.0, float(np.nanmax(y))))
        plot.setXRange(0, x[-1], padding=0.03)
        lo, hi = float(np.nanmin(np.append(y, 0))), float(np.nanmax(np.append(y, 0)))
        pad = 0.12 * (hi - lo or 1.0)
        plot.setYRange(lo - pad, hi + pad, padding=0)
        self.available = True
        self.readout.setText(self.readout_at(x[-1]))

    def readout_at(self, x, y=None, plot=None):
        if not self.available:
            return ""
        xs = self.data["x"]
        i = int(np.clip(round(x), 0, len(xs) - 1))
        return QCoreApplication.translate("Charts", "After year %1: %2 in total").replace("%1", str(int(xs[i]))).replace(
            "%2", self._money(self.data["cumulative"][i]))


# ---------------------------------------------------------------------------
YEARLY_PARTS = (  # column, sign, colour, label
    ("revenue", 1, GREEN, QT_TRANSLATE_NOOP("Charts", "Revenue")),
    ("savings", 1, TEAL, QT_TRANSLATE_NOOP("Charts", "Savings on the bill")),
    ("charging_cost", -1, ORANGE, QT_TRANSLATE_NOOP("Charts", "Extra charging cost")),
    ("wear_cost", -1, RED, QT_TRANSLATE_NOOP("Charts", "Battery wear")),
    ("other_costs", -1, PURPLE, QT_TRANSLATE_NOOP("Charts", "Maintenance")),
    ("capex", -1, GREY, QT_TRANSLATE_NOOP("Charts", "Charger replacement")),
)


class YearlyChart(ChartBase):
    """Yearly revenue, savings, charging cost and wear cost as stacked bars, with the net line."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.axis = MoneyAxis("left")
        self.plot = self.area.addPlot(axisItems={"left": self.axis})
        _style_plot(self.plot, font_pt)
        self.plot.setLabel("bottom", QCoreApplication.translate("Charts", "Year of operation (purchase in year 0 not shown)"))
        self.plot.setMouseEnabled(x=False, y=False)
        self._hook_hover(self.plot)

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        plot = self.plot
        needed = [c for c, *_ in YEARLY_PARTS[:4]] + ["year", "net_cash_flow"]
        cols = _yearly(result, *needed)
        if cols is None:
            self._not_available(plot)
            return
        extra = {c: _yearly(result, c) for c, *_ in YEARLY_PARTS[4:]}
        plot.clear()
        if plot.legend is None:
            plot.addLegend(offset=(10, 10), labelTextSize=f"{self.font_pt:.0f}pt", colCount=3)
        plot.legend.clear()
        cur = self._currency()
        self.axis.currency, self.axis.lang = cur, self.lang
        plot.setLabel("left", QCoreApplication.translate("Charts", "Per year (%1)").replace("%1", fmt.money_unit_label(cur, self.lang)))
        x = cols["year"][1:]
        up = np.zeros_like(x)
        down = np.zeros_like(x)
        self.data = {"x": x, "parts": {}}
        width = 0.7
        for col, sign, colour, text in YEARLY_PARTS:
            if col in cols:
                v = cols[col][1:]
            elif extra.get(col) is not None:
                v = extra[col][col][1:]
            else:
                continue
            contrib = sign * np.nan_to_num(v)
            if col in ("other_costs", "capex") and not np.any(contrib):
                continue
            pos = np.where(contrib > 0, contrib, 0.0)
            neg = np.where(contrib < 0, contrib, 0.0)
            bars = pg.BarGraphItem(x=np.concatenate([x, x]), y0=np.concatenate([up, down]),
                                   height=np.concatenate([pos, neg]), width=width, brush=pg.mkBrush(colour),
                                   pen=pg.mkPen("w", width=0.5))
            plot.addItem(bars)
            plot.legend.addItem(bars, QCoreApplication.translate("Charts", text))
            up += pos
            down += neg
            self.data["parts"][col] = contrib
        net = cols["net_cash_flow"][1:]
        self.data["net"] = net
        self.net_curve = plot.plot(x, net, pen=pg.mkPen("#111", width=3), symbol="d", symbolSize=9,
                                   symbolBrush="#111", symbolPen=None, name=QCoreApplication.translate("Charts", "Net per year"))
        plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1)))
        plot.setXRange(0.4, x[-1] + 0.6, padding=0)
        lo = float(min(np.nanmin(down), np.nanmin(net), 0))
        hi = float(max(np.nanmax(up), np.nanmax(net), 0))
        pad = 0.08 * (hi - lo or 1.0)
        plot.setYRange(lo - pad, hi + 3.5 * pad, padding=0)
        self.available = True
        self.readout.setText(self.readout_at(1))

    def readout_at(self, x, y=None, plot=None):
        if not self.available:
            return ""
        xs = self.data["x"]
        i = int(np.clip(round(x) - 1, 0, len(xs) - 1))
        names = {c: QCoreApplication.translate("Charts", t) for c, _, _, t in YEARLY_PARTS}
        parts = ", ".join(f"{names[c]} {self._money(v[i])}" for c, v in self.data["parts"].items())
        return QCoreApplication.translate("Charts", "Year %1: net %2 (%3)").replace("%1", str(int(xs[i]))).replace(
            "%2", self._money(self.data["net"][i])).replace("%3", parts)


# ---------------------------------------------------------------------------
SEASON_NAMES = (("winter", QT_TRANSLATE_NOOP("Charts", "Winter")), ("spring", QT_TRANSLATE_NOOP("Charts", "Spring")),
                ("summer", QT_TRANSLATE_NOOP("Charts", "Summer")), ("autumn", QT_TRANSLATE_NOOP("Charts", "Autumn")))
DAYTYPE_NAMES = (("weekday", QT_TRANSLATE_NOOP("Charts", "Weekday")),
                 ("weekend", QT_TRANSLATE_NOOP("Charts", "Weekend / holiday")))


class DayChart(ChartBase):
    """A typical day: SoC, charge/discharge power and price; season and day type selectable."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.season = QComboBox()
        for key, name in SEASON_NAMES:
            self.season.addItem(QCoreApplication.translate("Charts", name), key)
        self.daytype = QComboBox()
        for key, name in DAYTYPE_NAMES:
            self.daytype.addItem(QCoreApplication.translate("Charts", name), key)
        self.top.insertWidget(0, self.season)
        self.top.insertWidget(1, self.daytype)
        self.season.currentIndexChanged.connect(self._redraw)
        self.daytype.currentIndexChanged.connect(self._redraw)
        self.p_soc = self.area.addPlot(row=0, col=0)
        self.p_kw = self.area.addPlot(row=1, col=0)
        self.p_price = self.area.addPlot(row=2, col=0)
        self.area.ci.layout.setRowStretchFactor(0, 3)
        self.area.ci.layout.setRowStretchFactor(1, 3)
        self.area.ci.layout.setRowStretchFactor(2, 2)
        for p in (self.p_soc, self.p_kw, self.p_price):
            _style_plot(p, font_pt)
            p.setMouseEnabled(x=False, y=False)
            p.getAxis("left").setWidth(int(4.5 * font_pt + 22))
            self._hook_hover(p)
        self.p_kw.setXLink(self.p_soc)
        self.p_price.setXLink(self.p_soc)
        self.p_soc.setLabel("left", QCoreApplication.translate("Charts", "Charge (%)"))
        self.p_kw.setLabel("left", "kW")
        self.p_price.setLabel("bottom", QCoreApplication.translate("Charts", "Hour of day"))

    def key(self) -> str:
        return f"{self.season.currentData()}_{self.daytype.currentData()}"

    def set_day(self, season: str, daytype: str) -> None:
        self.season.setCurrentIndex(self.season.findData(season))
        self.daytype.setCurrentIndex(self.daytype.findData(daytype))

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        self._redraw()

    def _redraw(self, *args):
        if self.result is None:
            return
        days = self.result.get("typical_days") or {}
        day = days.get(self.key())
        if not day or "time_h" not in day:
            for p in (self.p_soc, self.p_kw, self.p_price):
                self._not_available(p)
            return
        t = np.asarray(day["time_h"], dtype=float)
        step = float(t[1] - t[0]) if len(t) > 1 else 0.25
        edges = np.append(t, t[-1] + step)  # step series: value holds over each step
        self.data = {"key": self.key(), "t": t}
        for p in (self.p_soc, self.p_kw, self.p_price):
            p.clear()
            if p.legend is not None:
                p.legend.clear()
        if "soc" in day:
            soc = np.asarray(day["soc"], dtype=float) * 100
            self.data["soc"] = soc
            self.p_soc.plot(edges, soc, stepMode="center", pen=pg.mkPen(BLUE, width=3), fillLevel=0,
                            brush=pg.mkBrush(31, 111, 235, 40))
            if self.scenario is not None:
                r = 100 * self.scenario.participation.reserve_soc
                self.p_soc.addItem(pg.InfiniteLine(pos=r, angle=0, pen=pg.mkPen(ORANGE, width=1.5, style=Qt.PenStyle.DotLine),
                                                   label=QCoreApplication.translate("Charts", "Reserve %1 %").replace("%1", f"{r:g}"),
                                                   labelOpts={"position": 0.05, "color": ORANGE,
                                                              "anchors": [(0, 1), (0, 1)]}))
            self.p_soc.setYRange(0, 100, padding=0.02)
        if self.p_kw.legend is None:
            self.p_kw.addLegend(offset=(-5, 5), labelTextSize=f"{self.font_pt * 0.9:.0f}pt", colCount=4)
        for key, colour, text in (
                ("battery_kw", BLUE, QT_TRANSLATE_NOOP("Charts", "Car battery (+ charge / − discharge)")),
                ("pv_kw", "#e3b505", QT_TRANSLATE_NOOP("Charts", "Solar")),
                ("home_kw", GREY, QT_TRANSLATE_NOOP("Charts", "Home use")),
                ("grid_kw", RED, QT_TRANSLATE_NOOP("Charts", "Grid (+ buy / − sell)"))):
            if key in day:
                v = np.asarray(day[key], dtype=float)
                self.data[key] = v
                self.p_kw.plot(edges, v, stepMode="center", pen=pg.mkPen(colour, width=3 if key == "battery_kw" else 2),
                               name=QCoreApplication.translate("Charts", text))
        self.p_kw.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1)))
        if "price" in day:
            price = np.asarray(day["price"], dtype=float)
            self.data["price"] = price
            cur = self._currency()
            unit = fmt.money_unit_label(cur, self.lang)
            unit = "円" if unit == "万円" else unit
            self.p_price.setLabel("left", QCoreApplication.translate("Charts", "Price (%1/kWh)").replace("%1", unit))
            self.p_price.plot(edges, price, stepMode="center", pen=pg.mkPen(PURPLE, width=2.5), fillLevel=0,
                              brush=pg.mkBrush(130, 80, 223, 35))
        for p in (self.p_soc, self.p_kw, self.p_price):
            p.setXRange(0, 24, padding=0.0)
            p.getAxis("bottom").setTicks([[(h, f"{h}") for h in range(0, 25, 3)]])
        self.available = True
        self.readout.setText(self.readout_at(18.0))

    def readout_at(self, x, y=None, plot=None):
        if not self.available or "t" not in self.data:
            return ""
        t = self.data["t"]
        i = int(np.clip(np.searchsorted(t, x, side="right") - 1, 0, len(t) - 1))
        hh, mm = int(t[i]), int(round((t[i] % 1) * 60))
        parts = [f"{hh:02d}:{mm:02d}"]
        if "soc" in self.data:
            parts.append(QCoreApplication.translate("Charts", "charge %1 %").replace("%1", fmt.number(self.data["soc"][i], 0)))
        if "battery_kw" in self.data:
            parts.append(QCoreApplication.translate("Charts", "car %1 kW").replace("%1", fmt.number(self.data["battery_kw"][i], 1)))
        if "grid_kw" in self.data:
            parts.append(QCoreApplication.translate("Charts", "grid %1 kW").replace("%1", fmt.number(self.data["grid_kw"][i], 1)))
        if "price" in self.data:
            parts.append(QCoreApplication.translate("Charts", "price %1").replace("%1", fmt.money(self.data["price"][i], self._currency(), self.lang,
                                                                  per="kWh")))
        return ",  ".join(parts)


# ---------------------------------------------------------------------------
class CycleChart(ChartBase):
    """Rainflow cycles by depth x mean SoC, with and without V2G, on one colour scale."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.p_v2g = self.area.addPlot(row=0, col=0)
        self.p_base = self.area.addPlot(row=0, col=1)
        for p in (self.p_v2g, self.p_base):
            _style_plot(p, font_pt)
            p.setMouseEnabled(x=False, y=False)
            p.setLabel("bottom", QCoreApplication.translate("Charts", "Cycle depth (% of capacity)"))
            p.setLabel("left", QCoreApplication.translate("Charts", "Mean charge (%)"))
            self._hook_hover(p)
        self.p_base.setYLink(self.p_v2g)
        self.p_base.setXLink(self.p_v2g)
        self.img_v2g = pg.ImageItem()
        self.img_base = pg.ImageItem()
        self.p_v2g.addItem(self.img_v2g)
        self.p_base.addItem(self.img_base)
        self.cmap = pg.colormap.get("viridis")
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=self.cmap, interactive=False, width=14,
                                   label=QCoreApplication.translate("Charts", "Cycles (log scale)"))
        self.bar.setImageItem([self.img_v2g, self.img_base], insert_in=self.p_base)

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        cm = result.get("cycle_map") or {}
        if not all(k in cm for k in ("depth_edges", "mean_edges", "v2g", "baseline")):
            for p in (self.p_v2g, self.p_base):
                self._not_available(p)
            return
        de = np.asarray(cm["depth_edges"], dtype=float) * 100
        me = np.asarray(cm["mean_edges"], dtype=float) * 100
        v2g = np.asarray(cm["v2g"], dtype=float)       # [depth, mean]
        base = np.asarray(cm["baseline"], dtype=float)
        self.data = {"depth_edges": de, "mean_edges": me, "v2g": v2g, "baseline": base}
        vmax = float(np.log10(1 + max(v2g.max(initial=0), base.max(initial=0)))) or 1.0
        # image rows = mean SoC (y), columns = depth (x)
        for img, counts, plot, title in ((self.img_v2g, v2g, self.p_v2g, QCoreApplication.translate("Charts", "With V2G/V2H: %1 cycles")),
                                         (self.img_base, base, self.p_base, QCoreApplication.translate("Charts", "Without V2G/V2H: %1 cycles"))):
            img.setImage(np.log10(1 + counts.T), autoLevels=False, levels=(0, vmax))
            img.setRect(QRectF(de[0], me[0], de[-1] - de[0], me[-1] - me[0]))
            plot.setTitle(title.replace("%1", fmt.number(counts.sum(), 0)), size=f"{self.font_pt * 1.1:.0f}pt")
            plot.setXRange(de[0], de[-1], padding=0)
            plot.setYRange(me[0], me[-1], padding=0)
            if img.scene() is None:
                plot.addItem(img)
        self.bar.setLevels((0, vmax))
        ticks = [(math.log10(1 + v), fmt.number(v, 0)) for v in (1, 10, 100, 1000, 10000, 100000)
                 if math.log10(1 + v) <= vmax * 1.001]
        self.bar.axis.setTicks([ticks])
        self.available = True
        self.readout.setText(QCoreApplication.translate("Charts", "Point at a square to see how many cycles of that depth and mean charge occur "
                                 "over the whole period."))

    def readout_at(self, x, y=None, plot=None):
        if not self.available or y is None:
            return ""
        de, me = self.data["depth_edges"], self.data["mean_edges"]
        i = int(np.searchsorted(de, x, side="right") - 1)
        j = int(np.searchsorted(me, y, side="right") - 1)
        if not (0 <= i < len(de) - 1 and 0 <= j < len(me) - 1):
            return ""
        return QCoreApplication.translate("Charts", "Depth %1–%2 %, mean charge %3–%4 %: %5 cycles with V2G/V2H, %6 without").replace(
            "%1", f"{de[i]:g}").replace("%2", f"{de[i + 1]:g}").replace("%3", f"{me[j]:g}").replace(
            "%4", f"{me[j + 1]:g}").replace("%5", fmt.number(self.data["v2g"][i, j], 0)).replace(
            "%6", fmt.number(self.data["baseline"][i, j], 0))

    def _not_available(self, plot, what=""):
        for img in (self.img_v2g, self.img_base):
            img.clear()
        super()._not_available(plot, what)
