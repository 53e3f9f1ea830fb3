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
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import format as fmt

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

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
        return [fmt.axis_money(v * scale, self.currency, self.lang, spacing * scale) for v in values]


class PercentAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [f"{v:g}" for v in values]


def _style_plot(plot: pg.PlotItem, font_pt: float):
    """White-background plot the customer cannot drag or zoom by accident."""
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.setMouseEnabled(x=False, y=False)
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
    """Title line, read-out line and a pyqtgraph area.

    Plot items are created once and updated with ``setData`` on every result
    (much cheaper than clearing and re-adding them); when the data a chart
    needs is missing, its items are hidden and "not available" is shown.
    """

    def __init__(self, lang: str, font_pt: float = 10.0, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.font_pt = font_pt
        self.data: dict = {}
        self.result: dict | None = None
        self.scenario = None
        self.available = False
        self._items: list = []      # data items hidden when not available
        self._na_texts: list = []
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

    def _currency(self) -> str:
        return (self.result or {}).get("summary", {}).get("currency", getattr(self.scenario, "currency", "JPY"))

    def _money(self, v: float) -> str:
        return fmt.money(v, self._currency(), self.lang)

    def _font(self, factor=1.0, bold=False) -> QFont:
        f = QFont()
        f.setPointSizeF(self.font_pt * factor)
        f.setBold(bold)
        return f

    def _add(self, plot: pg.PlotItem, item):
        plot.addItem(item)
        self._items.append(item)
        return item

    def _hook_hover(self, plot: pg.PlotItem, cursor: bool = False):
        line = None
        if cursor:  # a thin vertical line at the point being read out
            line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#8a94a6", width=1, style=Qt.PenStyle.DashLine))
            plot.addItem(line, ignoreBounds=True)
            line.hide()
        na = pg.TextItem(translate("Charts", "not available"), color="#8a94a6", anchor=(0.5, 0.5))
        na.setFont(self._font(1.4))
        plot.addItem(na, ignoreBounds=True)
        na.hide()
        self._na_texts.append((plot, na))

        def moved(pos):
            if not self.available or not plot.sceneBoundingRect().contains(pos):
                return
            p = plot.vb.mapSceneToView(pos)
            text = self.readout_at(p.x(), p.y(), plot)
            if text:
                self.readout.setText(text)
                if line is not None:
                    line.setValue(round(p.x()))
                    line.show()

        plot.scene().sigMouseMoved.connect(moved)

    def _set_available(self, available: bool) -> None:
        self.available = available
        for item in self._items:
            item.setVisible(available)
        for plot, na in self._na_texts:
            na.setVisible(not available)
            if not available:
                plot.setXRange(0, 1, padding=0)
                plot.setYRange(0, 1, padding=0)
                na.setPos(0.5, 0.5)
        if not available:
            self.data = {}
            self.readout.setText(translate("Charts", "This figure is not available for this scenario."))

    def readout_at(self, x: float, y: float | None = None, plot=None) -> str:
        return ""

    def show_result(self, result: dict, scenario) -> None:
        raise NotImplementedError


def _yearly(result: dict, *cols) -> dict | None:
    rows = result.get("yearly") or []
    if not rows or any(c not in rows[0] for c in cols):
        return None
    return {c: np.array([np.nan if r[c] is None else r[c] for r in rows], dtype=float) for c in cols}


def _step_xy(edges, values):
    """Staircase outline of a step series (value held from edges[i] to edges[i+1]), without end drops."""
    x = np.repeat(edges, 2)[1:-1]
    y = np.repeat(values, 2)
    return x, y


def _hline(colour, style=Qt.PenStyle.DotLine, position=0.12, anchors=((0, 1), (0, 1))):
    return pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(colour, width=2, style=style), label=" ",
                           labelOpts={"position": position, "color": colour, "anchors": list(anchors)})


# ---------------------------------------------------------------------------
class HealthChart(ChartBase):
    """Battery health over the years with and without V2G, ±1σ band, 80 % / 70 % lines, warranty age."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        p = self.plot = self.area.addPlot(axisItems={"left": PercentAxis("left")})
        _style_plot(p, font_pt)
        p.setLabel("left", translate("Charts", "Battery health (%)"))
        p.setLabel("bottom", translate("Charts", "Years"))
        legend = p.addLegend(offset=(-10, 10), labelTextSize=f"{font_pt:.0f}pt")
        self.band_lo = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(None)))
        self.band_hi = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(None)))
        self.band = self._add(p, pg.FillBetweenItem(self.band_lo, self.band_hi, brush=pg.mkBrush(31, 111, 235, 45)))
        sample = pg.PlotDataItem([], [], pen=pg.mkPen(None), fillLevel=0, fillBrush=pg.mkBrush(31, 111, 235, 60))
        legend.addItem(sample, translate("Charts", "Uncertainty range"))
        self.curve_base = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(GREY, width=3, style=Qt.PenStyle.DashLine)))
        self.curve = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(BLUE, width=4), symbol="o", symbolSize=6,
                                                  symbolBrush=BLUE, symbolPen=None))
        legend.addItem(self.curve_base, translate("Charts", "Without V2G/V2H"))
        legend.addItem(self.curve, translate("Charts", "With V2G/V2H"))
        self.eol_line = self._add(p, _hline(ORANGE))
        self.warranty_line = self._add(p, _hline(RED))
        self.age_line = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#444", width=2, style=Qt.PenStyle.DashLine),
                                        label=" ", labelOpts={"position": 0.08, "color": "#444",
                                                              "anchors": [(0, 0), (0, 0)]})
        self._add(p, self.age_line)
        self._hook_hover(p, cursor=True)

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        cols = _yearly(result, "year", "soh", "soh_baseline")
        if cols is None:
            self._set_available(False)
            return
        x = cols["year"]
        band = _yearly(result, "soh_low", "soh_high")
        self.data = {"x": x, "soh": cols["soh"] * 100, "soh_baseline": cols["soh_baseline"] * 100}
        if band is not None:
            self.data.update(soh_low=band["soh_low"] * 100, soh_high=band["soh_high"] * 100)
            self.band_lo.setData(x, self.data["soh_low"])
            self.band_hi.setData(x, self.data["soh_high"])
        self.curve_base.setData(x, self.data["soh_baseline"])
        self.curve.setData(x, self.data["soh"])
        v = scenario.vehicle
        self.eol_line.setValue(100 * v.eol_soh)
        self.eol_line.label.setFormat(translate("Charts", "End of life %1 %").replace("%1", f"{100 * v.eol_soh:g}"))
        self.warranty_line.setValue(100 * v.warranty_soh)
        self.warranty_line.label.setFormat(translate("Charts", "Warranty limit %1 %")
                                           .replace("%1", f"{100 * v.warranty_soh:g}"))
        self.data["limits"] = [100 * v.eol_soh, 100 * v.warranty_soh]
        self._set_available(True)
        self.band.setVisible(band is not None)
        show_age = bool(0 < v.warranty_years <= x[-1])
        self.age_line.setVisible(show_age)
        if show_age:
            self.age_line.setValue(v.warranty_years)
            self.age_line.label.setFormat(translate("Charts", "Warranty ends (%1 years)")
                                          .replace("%1", f"{v.warranty_years:g}"))
            self.data["warranty_years"] = v.warranty_years
        ymin = min(np.nanmin(self.data.get("soh_low", self.data["soh"])), 100 * v.warranty_soh) - 4
        self.plot.setYRange(max(0.0, ymin), 101, padding=0)
        self.plot.setXRange(0, x[-1], padding=0.02)
        self.readout.setText(self.readout_at(x[-1]))

    def readout_at(self, x, y=None, plot=None):
        if not self.available:
            return ""
        xs = self.data["x"]
        i = int(np.clip(round(x), 0, len(xs) - 1))
        text = translate("Charts", "Year %1: with V2G/V2H %2 %, without %3 %").replace("%1", str(int(xs[i]))) \
            .replace("%2", fmt.number(self.data["soh"][i], 1)) \
            .replace("%3", fmt.number(self.data["soh_baseline"][i], 1))
        if "soh_low" in self.data:
            text += translate("Charts", " (range %1–%2 %)").replace("%1", fmt.number(self.data["soh_low"][i], 1)) \
                .replace("%2", fmt.number(self.data["soh_high"][i], 1))
        return text


# ---------------------------------------------------------------------------
class CashflowChart(ChartBase):
    """Cumulative cash flow with the payback point."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.axis = MoneyAxis("left")
        p = self.plot = self.area.addPlot(axisItems={"left": self.axis})
        _style_plot(p, font_pt)
        p.setLabel("bottom", translate("Charts", "Years"))
        self._add(p, pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1.5)))
        self.zero = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(None)))
        self.pos = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(None)))
        self.neg = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(None)))
        self._add(p, pg.FillBetweenItem(self.zero, self.pos, brush=pg.mkBrush(45, 164, 78, 60)))
        self._add(p, pg.FillBetweenItem(self.zero, self.neg, brush=pg.mkBrush(207, 34, 46, 45)))
        self.curve = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(BLUE, width=4), symbol="o", symbolSize=7,
                                                  symbolBrush=BLUE, symbolPen=None))
        self.marker = self._add(p, pg.ScatterPlotItem([], [], size=18, brush=pg.mkBrush(GREEN),
                                                      pen=pg.mkPen("w", width=2), symbol="star"))
        self.label = pg.TextItem("", color=GREEN, anchor=(0.5, 1.3))
        self.label.setFont(self._font(1.25, bold=True))
        self._add(p, self.label)
        self._hook_hover(p, cursor=True)

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        cols = _yearly(result, "year", "cumulative_cash_flow")
        s = result.get("summary", {})
        if cols is None:
            self._set_available(False)
            return
        cur = self._currency()
        self.axis.currency, self.axis.lang = cur, self.lang
        self.plot.setLabel("left", translate("Charts", "Cumulative cash flow (%1)")
                           .replace("%1", fmt.money_unit_label(cur, self.lang)))
        x, y = cols["year"], cols["cumulative_cash_flow"]
        self.data = {"x": x, "cumulative": y}
        self.zero.setData(x, np.zeros_like(y))
        self.pos.setData(x, np.maximum(y, 0))
        self.neg.setData(x, np.minimum(y, 0))
        self.curve.setData(x, y)
        self._set_available(True)
        self.marker.setData([], [])
        self.label.setText("")
        if "simple_payback_years" in s:
            pb = s["simple_payback_years"]
            self.data["payback"] = pb
            if pb is not None:
                self.marker.setData([pb], [0.0])
                self.label.setColor(GREEN)
                self.label.setAnchor((0.5, 1.3))
                self.label.setText(translate("Charts", "Pays back after %1 years").replace("%1", fmt.number(pb, 1)))
                self.label.setPos(pb, 0.0)
                self.data["payback_point"] = (pb, 0.0)
            else:
                self.label.setColor(RED)
                self.label.setAnchor((1.0, 0.0))
                self.label.setText(translate("Charts", "Does not pay back within %1 years")
                                   .replace("%1", str(int(x[-1]))))
                self.label.setPos(x[-1], max(0.0, float(np.nanmax(y))))
        self.plot.setXRange(0, x[-1], padding=0.03)
        lo, hi = float(np.nanmin(np.append(y, 0))), float(np.nanmax(np.append(y, 0)))
        pad = 0.12 * (hi - lo or 1.0)
        self.plot.setYRange(lo - pad, hi + pad, padding=0)
        self.readout.setText(self.readout_at(x[-1]))

    def readout_at(self, x, y=None, plot=None):
        if not self.available:
            return ""
        xs = self.data["x"]
        i = int(np.clip(round(x), 0, len(xs) - 1))
        return translate("Charts", "After year %1: %2 in total").replace("%1", str(int(xs[i]))).replace(
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
        p = self.plot = self.area.addPlot(axisItems={"left": self.axis})
        _style_plot(p, font_pt)
        p.setLabel("bottom", translate("Charts", "Year of operation (purchase in year 0 not shown)"))
        self.legend = p.addLegend(offset=(10, 10), labelTextSize=f"{font_pt:.0f}pt", colCount=3)
        self.bars = {}
        for col, _, colour, _text in YEARLY_PARTS:
            bars = pg.BarGraphItem(x=[0], y0=[0], height=[0], width=0.7, brush=pg.mkBrush(colour),
                                   pen=pg.mkPen("w", width=0.5))
            self.bars[col] = self._add(p, bars)
        self._in_legend: list[str] = []
        self.net_curve = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen("#111", width=3), symbol="d", symbolSize=9,
                                                      symbolBrush="#111", symbolPen=None))
        self._add(p, pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1)))
        self._hook_hover(p, cursor=True)

    def _set_legend(self, cols: list[str]) -> None:
        if cols == self._in_legend:
            return
        self.legend.clear()
        names = {c: t for c, _, _, t in YEARLY_PARTS}
        for c in cols:
            self.legend.addItem(self.bars[c], translate("Charts", names[c]))
        self.legend.addItem(self.net_curve, translate("Charts", "Net per year"))
        self._in_legend = cols

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        needed = [c for c, *_ in YEARLY_PARTS[:4]] + ["year", "net_cash_flow"]
        cols = _yearly(result, *needed)
        if cols is None:
            self._set_available(False)
            return
        rows = result.get("yearly") or []
        cur = self._currency()
        self.axis.currency, self.axis.lang = cur, self.lang
        self.plot.setLabel("left", translate("Charts", "Per year (%1)")
                           .replace("%1", fmt.money_unit_label(cur, self.lang)))
        x = cols["year"][1:]
        up = np.zeros_like(x)
        down = np.zeros_like(x)
        self.data = {"x": x, "parts": {}}
        shown = []
        self._set_available(True)
        for col, sign, _, _ in YEARLY_PARTS:
            bars = self.bars[col]
            if col in cols:
                v = cols[col][1:]
            elif rows and col in rows[0]:
                v = np.array([np.nan if r[col] is None else r[col] for r in rows[1:]], dtype=float)
            else:
                bars.setVisible(False)
                continue
            contrib = sign * np.nan_to_num(v)
            if col in ("other_costs", "capex") and not np.any(contrib):
                bars.setVisible(False)
                continue
            pos = np.where(contrib > 0, contrib, 0.0)
            neg = np.where(contrib < 0, contrib, 0.0)
            bars.setOpts(x=np.concatenate([x, x]), y0=np.concatenate([up, down]),
                         height=np.concatenate([pos, neg]), width=0.7)
            up += pos
            down += neg
            self.data["parts"][col] = contrib
            shown.append(col)
        self._set_legend(shown)
        net = cols["net_cash_flow"][1:]
        self.data["net"] = net
        self.net_curve.setData(x, net)
        self.plot.setXRange(0.4, x[-1] + 0.6, padding=0)
        lo = float(min(np.nanmin(down), np.nanmin(net), 0))
        hi = float(max(np.nanmax(up), np.nanmax(net), 0))
        pad = 0.08 * (hi - lo or 1.0)
        self.plot.setYRange(lo - pad, hi + 3.5 * pad, padding=0)
        self.readout.setText(self.readout_at(1))

    def readout_at(self, x, y=None, plot=None):
        if not self.available:
            return ""
        xs = self.data["x"]
        i = int(np.clip(round(x) - 1, 0, len(xs) - 1))
        names = {c: translate("Charts", t) for c, _, _, t in YEARLY_PARTS}
        sep = "、" if self.lang == "ja" else ", "
        parts = sep.join(f"{names[c]} {self._money(v[i])}" for c, v in self.data["parts"].items())
        return translate("Charts", "Year %1: net %2 (%3)").replace("%1", str(int(xs[i]))).replace(
            "%2", self._money(self.data["net"][i])).replace("%3", parts)


# ---------------------------------------------------------------------------
SEASON_NAMES = (("winter", QT_TRANSLATE_NOOP("Charts", "Winter")), ("spring", QT_TRANSLATE_NOOP("Charts", "Spring")),
                ("summer", QT_TRANSLATE_NOOP("Charts", "Summer")), ("autumn", QT_TRANSLATE_NOOP("Charts", "Autumn")))
DAYTYPE_NAMES = (("weekday", QT_TRANSLATE_NOOP("Charts", "Weekday")),
                 ("weekend", QT_TRANSLATE_NOOP("Charts", "Weekend / holiday")))
DAY_SERIES = (
    ("battery_kw", BLUE, 3, QT_TRANSLATE_NOOP("Charts", "Car battery (+ charge / − discharge)")),
    ("pv_kw", "#e3b505", 2, QT_TRANSLATE_NOOP("Charts", "Solar")),
    ("home_kw", GREY, 2, QT_TRANSLATE_NOOP("Charts", "Home use")),
    ("grid_kw", RED, 2, QT_TRANSLATE_NOOP("Charts", "Grid (+ buy / − sell)")),
)


class DayChart(ChartBase):
    """A typical day: SoC, charge/discharge power and price; season and day type selectable."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.season = QComboBox()
        for key, name in SEASON_NAMES:
            self.season.addItem(translate("Charts", name), key)
        self.daytype = QComboBox()
        for key, name in DAYTYPE_NAMES:
            self.daytype.addItem(translate("Charts", name), key)
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
            p.getAxis("left").setWidth(int(4.5 * font_pt + 22))
            p.setXRange(0, 24, padding=0.0)
            p.getAxis("bottom").setTicks([[(h, f"{h}") for h in range(0, 25, 3)]])
        self.p_kw.setXLink(self.p_soc)
        self.p_price.setXLink(self.p_soc)
        self.p_soc.setLabel("left", translate("Charts", "Charge (%)"))
        self.p_kw.setLabel("left", "kW")
        self.p_price.setLabel("bottom", translate("Charts", "Hour of day"))
        # fill and outline are separate items so the outline has no vertical drop to 0 at midnight
        self.soc_fill = self._add(self.p_soc, pg.PlotDataItem([0, 1], [0], stepMode="center", pen=pg.mkPen(None),
                                                              fillLevel=0, brush=pg.mkBrush(31, 111, 235, 40)))
        self.soc_curve = self._add(self.p_soc, pg.PlotDataItem([0.5], [0], pen=pg.mkPen(BLUE, width=3)))
        self.reserve_line = self._add(self.p_soc, _hline(ORANGE, position=0.05))
        legend = self.p_kw.addLegend(offset=(-5, 5), labelTextSize=f"{font_pt * 0.9:.0f}pt", colCount=4)
        legend.setBrush(pg.mkBrush(255, 255, 255, 200))
        self.kw_curves = {}
        for key, colour, width, text in DAY_SERIES:
            c = self._add(self.p_kw, pg.PlotDataItem([0, 1], [0], stepMode="center", pen=pg.mkPen(colour, width=width)))
            legend.addItem(c, translate("Charts", text))
            self.kw_curves[key] = c
        self._add(self.p_kw, pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1)))
        self.price_fill = self._add(self.p_price, pg.PlotDataItem([0, 1], [0], stepMode="center", pen=pg.mkPen(None),
                                                                  fillLevel=0, brush=pg.mkBrush(130, 80, 223, 35)))
        self.price_curve = self._add(self.p_price, pg.PlotDataItem([0.5], [0], pen=pg.mkPen(PURPLE, width=2.5)))
        for p in (self.p_soc, self.p_kw, self.p_price):
            self._hook_hover(p)

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
            self._set_available(False)
            return
        t = np.asarray(day["time_h"], dtype=float)
        step = float(t[1] - t[0]) if len(t) > 1 else 0.25
        edges = np.append(t, t[-1] + step)  # step series: value holds over each step
        self.data = {"key": self.key(), "t": t}
        self._set_available(True)
        if "soc" in day:
            soc = np.asarray(day["soc"], dtype=float) * 100
            self.data["soc"] = soc
            self.soc_fill.setData(edges, soc)
            self.soc_curve.setData(*_step_xy(edges, soc))
        self.soc_curve.setVisible("soc" in day)
        self.soc_fill.setVisible("soc" in day)
        if self.scenario is not None:
            r = 100 * self.scenario.participation.reserve_soc
            self.reserve_line.setValue(r)
            self.reserve_line.label.setFormat(translate("Charts", "Reserve %1 %").replace("%1", f"{r:g}"))
        self.p_soc.setYRange(0, 100, padding=0.02)
        for key, *_ in DAY_SERIES:
            curve = self.kw_curves[key]
            if key in day:
                v = np.asarray(day[key], dtype=float)
                self.data[key] = v
                curve.setData(edges, v)
            curve.setVisible(key in day)
        if "price" in day:
            price = np.asarray(day["price"], dtype=float)
            self.data["price"] = price
            cur = self._currency()
            unit = fmt.money_unit_label(cur, self.lang)
            unit = "円" if unit == "万円" else unit
            self.p_price.setLabel("left", translate("Charts", "Price (%1/kWh)").replace("%1", unit))
            self.price_fill.setData(edges, price)
            self.price_curve.setData(*_step_xy(edges, price))
        self.price_curve.setVisible("price" in day)
        self.price_fill.setVisible("price" in day)
        for p in (self.p_soc, self.p_kw, self.p_price):
            p.setXRange(0, 24, padding=0.0)
        self.readout.setText(self.readout_at(18.0))

    def readout_at(self, x, y=None, plot=None):
        if not self.available or "t" not in self.data:
            return ""
        t = self.data["t"]
        i = int(np.clip(np.searchsorted(t, x, side="right") - 1, 0, len(t) - 1))
        hh, mm = int(t[i]), int(round((t[i] % 1) * 60))
        parts = [f"{hh:02d}:{mm:02d}"]
        if "soc" in self.data:
            parts.append(translate("Charts", "charge %1 %").replace("%1", fmt.number(self.data["soc"][i], 0)))
        if "battery_kw" in self.data:
            parts.append(translate("Charts", "car %1 kW").replace("%1", fmt.number(self.data["battery_kw"][i], 1)))
        if "grid_kw" in self.data:
            parts.append(translate("Charts", "grid %1 kW").replace("%1", fmt.number(self.data["grid_kw"][i], 1)))
        if "price" in self.data:
            parts.append(translate("Charts", "price %1").replace(
                "%1", fmt.money(self.data["price"][i], self._currency(), self.lang, per="kWh")))
        return ("、" if self.lang == "ja" else ",  ").join(parts)


# ---------------------------------------------------------------------------
class CycleChart(ChartBase):
    """Rainflow cycles by depth x mean SoC, with and without V2G, on one colour scale."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.p_v2g = self.area.addPlot(row=0, col=0)
        self.p_base = self.area.addPlot(row=0, col=1)
        for p in (self.p_v2g, self.p_base):
            _style_plot(p, font_pt)
            p.setLabel("bottom", translate("Charts", "Cycle depth (% of capacity)"))
            p.setLabel("left", translate("Charts", "Mean charge (%)"))
        self.p_base.setYLink(self.p_v2g)
        self.p_base.setXLink(self.p_v2g)
        self.img_v2g = self._add(self.p_v2g, pg.ImageItem())
        self.img_base = self._add(self.p_base, pg.ImageItem())
        self.cmap = pg.colormap.get("viridis")
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=self.cmap, interactive=False, width=14,
                                   label=translate("Charts", "Cycles (log scale)"))
        self.bar.setImageItem([self.img_v2g, self.img_base], insert_in=self.p_base)
        for p in (self.p_v2g, self.p_base):
            self._hook_hover(p)

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        cm = result.get("cycle_map") or {}
        if not all(k in cm for k in ("depth_edges", "mean_edges", "v2g", "baseline")):
            self._set_available(False)
            for p in (self.p_v2g, self.p_base):
                p.setTitle("")
            return
        de = np.asarray(cm["depth_edges"], dtype=float) * 100
        me = np.asarray(cm["mean_edges"], dtype=float) * 100
        v2g = np.asarray(cm["v2g"], dtype=float)       # [depth, mean]
        base = np.asarray(cm["baseline"], dtype=float)
        self.data = {"depth_edges": de, "mean_edges": me, "v2g": v2g, "baseline": base}
        self._set_available(True)
        vmax = float(np.log10(1 + max(v2g.max(initial=0), base.max(initial=0)))) or 1.0
        # image rows = mean SoC (y), columns = depth (x)
        for img, counts, plot, title in (
                (self.img_v2g, v2g, self.p_v2g, translate("Charts", "With V2G/V2H: %1 cycles")),
                (self.img_base, base, self.p_base, translate("Charts", "Without V2G/V2H: %1 cycles"))):
            shown = np.where(counts.T > 0, np.log10(1 + counts.T), np.nan)  # no cycles: transparent (white)
            img.setImage(shown, autoLevels=False, levels=(0, vmax))
            img.setRect(QRectF(de[0], me[0], de[-1] - de[0], me[-1] - me[0]))
            plot.setTitle(title.replace("%1", fmt.number(counts.sum(), 0)), size=f"{self.font_pt * 1.1:.0f}pt")
            plot.setXRange(de[0], de[-1], padding=0)
            plot.setYRange(me[0], me[-1], padding=0)
        self.bar.setLevels((0, vmax))
        ticks = [(math.log10(1 + v), fmt.number(v, 0)) for v in (1, 10, 100, 1000, 10000, 100000)
                 if math.log10(1 + v) <= vmax * 1.001]
        self.bar.axis.setTicks([ticks])
        self.readout.setText(translate(
            "Charts", "Point at a square to see how many cycles of that depth and mean charge occur "
                      "over the whole period."))

    def readout_at(self, x, y=None, plot=None):
        if not self.available or y is None:
            return ""
        de, me = self.data["depth_edges"], self.data["mean_edges"]
        i = int(np.searchsorted(de, x, side="right") - 1)
        j = int(np.searchsorted(me, y, side="right") - 1)
        if not (0 <= i < len(de) - 1 and 0 <= j < len(me) - 1):
            return ""
        return translate(
            "Charts", "Depth %1–%2 %, mean charge %3–%4 %: %5 cycles with V2G/V2H, %6 without").replace(
            "%1", f"{de[i]:g}").replace("%2", f"{de[i + 1]:g}").replace("%3", f"{me[j]:g}").replace(
            "%4", f"{me[j + 1]:g}").replace("%5", fmt.number(self.data["v2g"][i, j], 0)).replace(
            "%6", fmt.number(self.data["baseline"][i, j], 0))
