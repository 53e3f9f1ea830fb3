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
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (QComboBox, QGraphicsItem, QHBoxLayout, QLabel, QLayout, QSizePolicy, QVBoxLayout,
                               QWidget)

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
BROWN = "#8a5a2b"
PINK = "#bf3989"
VARIANT_COLOURS = ("#1f6feb", "#d97706", "#2da44e", "#8250df")



class NumberAxis(pg.AxisItem):
    """Plain number ticks with the real minus sign (U+2212), as in the read-outs and KPI cards."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (Qt naming)
        return [t.replace("-", fmt.MINUS) for t in super().tickStrings(values, scale, spacing)]


class MoneyAxis(pg.AxisItem):
    """Axis whose ticks are money amounts in the unit of the axis label (万円 in Japanese, see app/format.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.currency, self.lang = "JPY", "en"

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (Qt naming)
        top = max((abs(float(r)) for r in self.range), default=0.0) * scale
        return [fmt.axis_money(v * scale, self.currency, self.lang, spacing * scale, magnitude=top or None)
                for v in values]


class PercentAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [f"{v:g}".replace("-", fmt.MINUS) for v in values]


def nice_ticks(lo: float, hi: float, most: int = 5) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5, 5 x 10^k) inside [lo, hi]: as many as possible up to
    ``most``, and at least two whenever the range allows (a short axis never shows a single tick)."""
    span = float(hi - lo)
    if not (math.isfinite(span) and span > 0):
        return [float(lo)] if math.isfinite(lo) else []

    def count(step):
        first = math.ceil(lo / step - 1e-9) * step
        return max(0, int((hi - first) / step + 1e-9) + 1)

    def ticks(step):
        first = math.ceil(lo / step - 1e-9) * step
        return [round(first + i * step, 10) for i in range(count(step))]

    mag = 10.0 ** math.floor(math.log10(span))
    steps = [m * mag * f for f in (0.01, 0.1, 1.0, 10.0) for m in (1, 2, 2.5, 5)]
    best_step = steps[-1]
    for step in steps:  # smallest step (most ticks) that respects ``most`` (counted, not listed)
        n = count(step)
        if n <= max(2, most):
            if n >= 2 or count(best_step) < 2:
                best_step = step
            break
        best_step = step
    best = ticks(best_step)
    if len(best) > max(2, most):  # only a finer step gives two ticks: keep every k-th (still evenly spaced)
        k = int(math.ceil((len(best) - 1) / (max(2, most) - 1)))
        best = best[::k]
    return best


def _adaptive_ticks(plot: pg.PlotItem, label, font_pt: float, fit: tuple[float, float] | None = None) -> None:
    """Round ticks on the left axis, as many as the plot's height allows and at least two, so a low
    plot never shows a single tick.  The owning chart calls :func:`_update_ticks` again when the plot
    is resized or its range changes (``ChartBase._watch_ticks``).

    pyqtgraph drops a tick label that would stick out of the plot, so the ticks are chosen inside the
    view less half a label at each end; with ``fit=(lo, hi)`` the view range is set instead, to the
    ticks covering lo..hi plus half a label (for a plot that needs its zero labelled, e.g. prices).
    """
    plot.getAxis("left").setStyle(textFillLimits=[(0, 0.95)])
    plot._adaptive = (label, font_pt, fit)
    _update_ticks(plot)


def _update_ticks(plot: pg.PlotItem) -> None:
    if getattr(plot, "_adaptive", None) is None:
        return
    label, font_pt, fit = plot._adaptive
    height = float(plot.vb.height())
    text_px = font_pt * 96 / 72 * 1.2  # one tick label, with some air
    most = min(6, max(2, int(0.85 * height / text_px))) if height > 0 else 5
    half = 0.5 * text_px / height if height > 2 * text_px else 0.0  # half a label, as a fraction of the view
    if fit is not None:
        ticks = nice_ticks(min(fit), max(fit), most)
        lo, hi = min(ticks[0], fit[0]), max(ticks[-1], fit[1])
        pad = (hi - lo) * half / max(1e-9, 1 - 2 * half)
        if getattr(plot, "_fitted", None) != (lo - pad, hi + pad):
            plot._fitted = (lo - pad, hi + pad)
            plot.setYRange(lo - pad, hi + pad, padding=0)  # emits the range signal again: then a no-op
    else:
        lo, hi = plot.vb.viewRange()[1]
        m = (hi - lo) * half
        ticks = nice_ticks(lo + m, hi - m, most)
    if getattr(plot, "_ticks", None) != ticks:
        plot.getAxis("left").setTicks([[(v, label(v)) for v in ticks]])
        plot._ticks = ticks


def _plain_tick(v: float) -> str:
    return f"{v:g}".replace("-", fmt.MINUS)


def _signed_tick(v: float) -> str:
    return fmt.signed(v, 0 if float(v).is_integer() else 1)


def set_axis_label(plot, side: str, text: str) -> None:
    """``plot.setLabel(side, text)`` only when the text changes: pyqtgraph lays the label out as
    rich text, a visible part of every redraw otherwise."""
    shown = plot.__dict__.setdefault("_v2g_labels", {})
    if shown.get(side) != text:
        plot.setLabel(side, text)
        shown[side] = text


def _style_plot(plot: pg.PlotItem, font_pt: float):
    """White-background plot the customer cannot drag or zoom by accident."""
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.setMouseEnabled(x=False, y=False)
    font = QFont()
    font.setPointSizeF(font_pt)
    for name in ("left", "bottom", "right", "top"):
        ax = plot.getAxis(name)
        ax.setTickFont(font)
        ax.setStyle(tickTextOffset=4)
        ax.label.setFont(font)
        # the ticks are written by our own formatters: pyqtgraph's automatic SI scaling would only add a
        # wrong "(x0.001)" to the label of a small-valued axis (a £/kWh price)
        ax.enableAutoSIPrefix(False)
        # tick texts and grid lines replayed on every redraw were a third of the paint time: keep them
        # as a pixmap until the axis changes (pyqtgraph calls update() then, which drops the pixmap)
        ax.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    plot.setMenuEnabled(False)
    plot.hideButtons()


# ---------------------------------------------------------------------------
class FlowLayout(QLayout):
    """Left-to-right layout that wraps onto the next line (Qt's flow layout example)."""

    def __init__(self, parent=None, hspacing: int = 14, vspacing: int = 2):
        super().__init__(parent)
        self._items: list = []
        self._h, self._v = hspacing, vspacing
        self._heights: dict[int, int] = {}   # width -> height, until the next invalidate()
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item):  # noqa: N802
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, i):  # noqa: N802
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i):  # noqa: N802
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        # Qt asks many times per layout pass; the answer changes only when an item does, and
        # then Qt calls invalidate() (as in Qt's own QBoxLayout, which caches it the same way)
        h = self._heights.get(width)
        if h is None:
            h = self._heights[width] = self._do_layout(QRect(0, 0, width, 0), apply=False)
        return h

    def invalidate(self):
        self._heights = {}
        super().invalidate()

    def setGeometry(self, rect):  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self):  # noqa: N802
        return self.minimumSize()

    def minimumSize(self):  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _do_layout(self, rect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_h = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_h > 0:
                x, y, line_h = area.x(), y + line_h + self._v, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._h
            line_h = max(line_h, hint.height())
        return y + line_h - rect.y() + m.bottom()


def _swatch(kind: str, colour, font_pt: float, width: float = 2.0, style=Qt.PenStyle.SolidLine,
            symbol: str | None = None) -> QPixmap:
    """Small legend sample: a line (``line``), a filled box (``box``) or a shaded band (``band``)."""
    screen = QGuiApplication.primaryScreen()
    dpr = screen.devicePixelRatio() if screen is not None else 1.0
    h = max(10, int(round(font_pt * 1.25)))
    w = int(round(h * 2.4))
    pix = QPixmap(int(w * dpr), int(h * dpr))
    pix.setDevicePixelRatio(dpr)
    pix.fill(Qt.GlobalColor.transparent)
    qp = QPainter(pix)
    qp.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = QColor(colour)
    if kind == "box":
        qp.fillRect(QRectF(w * 0.2, h * 0.15, w * 0.6, h * 0.7), c)
    elif kind == "band":
        qp.fillRect(QRectF(w * 0.1, 0, w * 0.8, h), c)
        edge = QColor(c)
        edge.setAlpha(min(255, c.alpha() * 3))
        qp.setPen(QPen(edge, 1))
        qp.drawRect(QRectF(w * 0.1, 0.5, w * 0.8, h - 1))
    else:
        pen = QPen(c, min(width, 3.0))  # thinner than on the chart, so a dash pattern fits the sample
        pen.setStyle(style)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        qp.setPen(pen)
        qp.drawLine(QPointF(1, h / 2), QPointF(w - 1, h / 2))
        if symbol:
            qp.setPen(Qt.PenStyle.NoPen)
            qp.setBrush(c)
            r = h * 0.28
            if symbol == "d":
                qp.drawPolygon(QPolygonF([QPointF(w / 2, h / 2 - r * 1.3), QPointF(w / 2 + r, h / 2),
                                          QPointF(w / 2, h / 2 + r * 1.3), QPointF(w / 2 - r, h / 2)]))
            else:
                qp.drawEllipse(QPointF(w / 2, h / 2), r, r)
    qp.end()
    return pix


class Legend(QWidget):
    """A legend row outside the plot area (it never covers data); wraps onto more lines when narrow.

    ``entries[key]`` is the QWidget of one entry; ``set_shown(key, bool)`` hides an entry (e.g. a
    series that is zero in every year).
    """

    def __init__(self, font_pt: float, parent=None):
        super().__init__(parent)
        self.font_pt = font_pt
        self.entries: dict[str, QWidget] = {}
        self._texts: dict[str, QLabel] = {}
        self.flow = FlowLayout(self, hspacing=int(round(font_pt * 1.4)), vspacing=1)
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    def add(self, key: str, text: str, kind: str, colour, width: float = 2.0, style=Qt.PenStyle.SolidLine,
            symbol: str | None = None) -> QWidget:
        entry = QWidget()
        lay = QHBoxLayout(entry)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        icon = QLabel()
        icon.setPixmap(_swatch(kind, colour, self.font_pt, width, style, symbol))
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("color: #24364f;")
        lay.addWidget(icon)
        lay.addWidget(label)
        self.flow.addWidget(entry)
        self.entries[key] = entry
        self._texts[key] = label
        return entry

    def set_text(self, key: str, text: str) -> None:
        self._texts[key].setText(text)
        self.flow.invalidate()

    def text(self, key: str) -> str:
        return self._texts[key].text()

    def set_shown(self, key: str, shown: bool) -> None:
        self.entries[key].setVisible(shown)
        self.flow.invalidate()

    def shown(self) -> list[str]:
        return [k for k, e in self.entries.items() if not e.isHidden()]

    def clear(self) -> None:
        for key in list(self.entries):
            e = self.entries.pop(key)
            self.flow.removeWidget(e)
            e.deleteLater()
        self._texts.clear()


class ReadoutLabel(QLabel):
    """The read-out line above a chart: wraps onto a second line, and text longer than two lines is
    cut with "…" (the whole text is then the tooltip).  Its height is always two lines, so hovering
    never makes the chart jump."""

    LINES = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(10)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        m = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.LINES + m.top() + m.bottom() + 2)

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
            self._relayout()

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text or ""
        self._relayout()

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return super().text() != self._full

    def _lines_needed(self, text: str, width: int) -> int:
        fm = self.fontMetrics()
        r = fm.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), text)
        return int(math.ceil(r.height() / max(1, fm.lineSpacing()) - 0.2))

    def _relayout(self) -> None:
        text = self._full
        width = self.contentsRect().width()
        if width <= 20 or not text or self._lines_needed(text, width) <= self.LINES:
            shown = text
        else:  # longest prefix that fits two lines, with an ellipsis
            lo, hi = 0, len(text)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self._lines_needed(text[:mid].rstrip() + "\u2026", width) <= self.LINES:
                    lo = mid
                else:
                    hi = mid - 1
            shown = text[:lo].rstrip() + "\u2026"
        super().setText(shown)
        self.setToolTip(text if shown != text else "")

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._relayout()


class ChartBase(QWidget):
    """Read-out line, legend row and a pyqtgraph area.

    Plot items are created once and updated with ``setData`` on every result
    (much cheaper than clearing and re-adding them); when the data a chart
    needs is missing, its items are hidden and "not available" is shown.
    Legends are a row of widgets above the plots (``self.legend``), so they never cover data.
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
        self.readout = ReadoutLabel()
        self.readout.setStyleSheet("color: #24364f;")
        self.readout.setText(" ")
        self.top.addWidget(self.readout, 1)
        lay.addLayout(self.top)
        self.legend = Legend(font_pt * 0.95)
        lay.addWidget(self.legend)
        self.area = pg.GraphicsLayoutWidget()
        self.area.setBackground("w")
        lay.addWidget(self.area, 1)

    def _watch_ticks(self, *plots) -> None:
        """Recompute the adaptive ticks of ``plots`` when they are resized or re-ranged (bound method
        slots, no lambdas: PySide disconnects them cleanly when the chart is deleted)."""
        self._tick_plots = getattr(self, "_tick_plots", ()) + tuple(plots)
        for p in plots:
            p.vb.sigResized.connect(self._refresh_ticks)
            p.vb.sigYRangeChanged.connect(self._refresh_ticks)

    def _refresh_ticks(self, *args) -> None:
        try:
            for p in self._tick_plots:
                _update_ticks(p)
        except RuntimeError:  # a plot already deleted (window being destroyed): nothing to update
            pass

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
        self.legend.setVisible(available)
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


class _TitleLabel(pg.LabelItem):
    """Plot title that may span several lines and never forces the plot wider than the window
    (pyqtgraph's LabelItem resets its minimum width to the text width on every resize)."""

    def updateMin(self):  # noqa: N802 (pyqtgraph naming)
        try:
            bounds = self.itemRect()
        except RuntimeError:  # the text item is already deleted (window being destroyed)
            return
        self.setMinimumWidth(40)
        self.setMinimumHeight(bounds.height())
        self._sizeHint = {Qt.SizeHint.MinimumSize: (40, bounds.height()),
                          Qt.SizeHint.PreferredSize: (bounds.width(), bounds.height()),
                          Qt.SizeHint.MaximumSize: (-1, -1), Qt.SizeHint.MinimumDescent: (0, 0)}
        self.updateGeometry()


def _use_title_label(plot: pg.PlotItem) -> None:
    """Replace the plot's title item by a :class:`_TitleLabel` (same place in the plot's layout)."""
    old = plot.titleLabel
    plot.layout.removeItem(old)
    old.setVisible(False)
    new = _TitleLabel("", size="11pt")
    new.setParentItem(plot)
    plot.layout.addItem(new, 0, 1)
    plot.titleLabel = new


def _fit_title(plot: pg.PlotItem) -> None:
    """pyqtgraph gives a title one 30 px row; a title of several lines gets the height it needs."""
    h = int(math.ceil(plot.titleLabel.item.boundingRect().height())) + 2
    plot.titleLabel.setMaximumHeight(h)
    plot.layout.setRowFixedHeight(0, h)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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

    #: room above 100 % (fraction of the shown range) for the "Warranty ends" label, so it never
    #: touches a curve (health never exceeds 100 %) nor the x axis
    HEADROOM = 0.12

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        p = self.plot = self.area.addPlot(enableMenu=False,
                                          axisItems={"left": PercentAxis("left"), "bottom": NumberAxis("bottom")})
        _style_plot(p, font_pt)
        p.setLabel("left", translate("Charts", "Battery health (%)"))
        p.setLabel("bottom", translate("Charts", "Years"))
        self.band_lo = self._add(p, pg.PlotCurveItem([], [], pen=pg.mkPen(None)))
        self.band_hi = self._add(p, pg.PlotCurveItem([], [], pen=pg.mkPen(None)))
        self.band = self._add(p, pg.FillBetweenItem(self.band_lo, self.band_hi, brush=pg.mkBrush(31, 111, 235, 45)))
        self.curve_base = self._add(p, pg.PlotCurveItem([], [], pen=pg.mkPen(GREY, width=3,
                                                                           style=Qt.PenStyle.DashLine)))
        self.curve = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(BLUE, width=4), symbol="o", symbolSize=6,
                                                  symbolBrush=BLUE, symbolPen=None))
        # the dashed "without" line on top: when both runs age alike it would vanish under the blue one
        self.curve_base.setZValue(self.curve.zValue() + 1)
        self.legend.add("with", translate("Charts", "With V2G/V2H"), "line", BLUE, 4, symbol="o")
        self.legend.add("without", translate("Charts", "Without V2G/V2H"), "line", GREY, 3, Qt.PenStyle.DashLine)
        self.legend.add("band", translate("Charts", "Uncertainty range"), "band", QColor(31, 111, 235, 60))
        self.eol_line = self._add(p, _hline(ORANGE))
        self.warranty_line = self._add(p, _hline(RED))
        self.age_line = self._add(p, pg.InfiniteLine(pos=0, angle=90,
                                                     pen=pg.mkPen("#444", width=2, style=Qt.PenStyle.DashLine)))
        self.age_label = pg.TextItem("", color="#333", anchor=(0, 0))
        self.age_label.setFont(self._font(0.95))
        self._add(p, self.age_label)
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
        self.legend.set_shown("band", band is not None)
        ymin = min(np.nanmin(self.data.get("soh_low", self.data["soh"])), 100 * v.warranty_soh) - 4
        ymin = max(0.0, ymin)
        top = max(100.0, float(np.nanmax(self.data.get("soh_high", self.data["soh"]))))
        ytop = top + self.HEADROOM * (top - ymin) / (1 - self.HEADROOM)
        self.plot.setYRange(ymin, ytop, padding=0)
        self.plot.setXRange(0, x[-1], padding=0.02)
        show_age = bool(0 < v.warranty_years <= x[-1])
        self.age_line.setVisible(show_age)
        self.age_label.setVisible(show_age)
        if show_age:
            self.age_line.setValue(v.warranty_years)
            # in the headroom above 100 %, on the side of the line that has room
            right_side = v.warranty_years <= 0.62 * x[-1]
            self.age_label.setAnchor((-0.03, 0) if right_side else (1.03, 0))
            self.age_label.setText(translate("Charts", "Warranty ends (%1 years)")
                                   .replace("%1", f"{v.warranty_years:g}"))
            self.age_label.setPos(v.warranty_years, ytop)
            self.data["warranty_years"] = v.warranty_years
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
        p = self.plot = self.area.addPlot(enableMenu=False,
                                          axisItems={"left": self.axis, "bottom": NumberAxis("bottom")})
        _style_plot(p, font_pt)
        p.setLabel("bottom", translate("Charts", "Years"))
        self._add(p, pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1.5)))
        self.zero = self._add(p, pg.PlotCurveItem([], [], pen=pg.mkPen(None)))
        self.pos = self._add(p, pg.PlotCurveItem([], [], pen=pg.mkPen(None)))
        self.neg = self._add(p, pg.PlotCurveItem([], [], pen=pg.mkPen(None)))
        self._add(p, pg.FillBetweenItem(self.zero, self.pos, brush=pg.mkBrush(45, 164, 78, 60)))
        self._add(p, pg.FillBetweenItem(self.zero, self.neg, brush=pg.mkBrush(207, 34, 46, 45)))
        self.curve = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen(BLUE, width=4), symbol="o", symbolSize=7,
                                                  symbolBrush=BLUE, symbolPen=None))
        # the payback point, readable from two metres: a large star with a dark outline above the line
        self.marker = self._add(p, pg.ScatterPlotItem([], [], size=30, brush=pg.mkBrush(GREEN),
                                                      pen=pg.mkPen("#0b2545", width=2), symbol="star"))
        self.marker.setZValue(10)
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
        set_axis_label(self.plot, "left", translate("Charts", "Cumulative cash flow (%1)")
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
                # the curve rises through the point: above it on the left and below it on the right are
                # free (the text is never crossed by the line); the left side unless the point is early
                self.label.setAnchor((1.0, 1.15) if pb >= 0.35 * x[-1] else (0.0, -0.15))
                self.label.setText(translate("Charts", "Nothing to recover: never below zero") if pb == 0.0 else
                                   translate("Charts", "Pays back after %1 years").replace("%1", fmt.number(pb, 1)))
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
        p = self.plot = self.area.addPlot(enableMenu=False,
                                          axisItems={"left": self.axis, "bottom": NumberAxis("bottom")})
        _style_plot(p, font_pt)
        p.setLabel("bottom", translate("Charts", "Year of operation (purchase in year 0 not shown)"))
        self.bars = {}
        for col, _, colour, text in YEARLY_PARTS:
            bars = pg.BarGraphItem(x=[0], y0=[0], height=[0], width=0.7, brush=pg.mkBrush(colour),
                                   pen=pg.mkPen("w", width=0.5))
            self.bars[col] = self._add(p, bars)
            self.legend.add(col, translate("Charts", text), "box", colour)
        self.net_curve = self._add(p, pg.PlotDataItem([], [], pen=pg.mkPen("#111", width=3), symbol="d", symbolSize=9,
                                                      symbolBrush="#111", symbolPen=None))
        self.legend.add("net", translate("Charts", "Net per year"), "line", "#111", 3, symbol="d")
        self._add(p, pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1)))
        self._hook_hover(p, cursor=True)

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
        set_axis_label(self.plot, "left", translate("Charts", "Per year (%1)")
                       .replace("%1", fmt.money_unit_label(cur, self.lang)))
        x = cols["year"][1:]
        up = np.zeros_like(x)
        down = np.zeros_like(x)
        # parts: signed contribution to the net (bars); values: the column as the engine gives it
        # (a cost is a positive amount; the read-out shows these, the label already says "cost")
        self.data = {"x": x, "parts": {}, "values": {}}
        self._set_available(True)
        for col, sign, _, _ in YEARLY_PARTS:
            bars = self.bars[col]
            if col in cols:
                v = cols[col][1:]
            elif rows and col in rows[0]:
                v = np.array([np.nan if r[col] is None else r[col] for r in rows[1:]], dtype=float)
            else:
                bars.setVisible(False)
                self.legend.set_shown(col, False)
                continue
            contrib = sign * np.nan_to_num(v)
            drawn = bool(np.any(contrib))
            if col == "wear_cost":   # negative wear (the battery ages less than without V2G/V2H) is a gain
                self.legend.set_text(col, translate("Charts", "Battery wear (above 0: less than without V2G/V2H)")
                                     if np.any(contrib > 0) else translate("Charts", "Battery wear"))
            bars.setVisible(drawn)
            self.legend.set_shown(col, drawn)  # a line that is zero in every year is not in the legend
            if col in ("other_costs", "capex") and not drawn:
                continue
            pos = np.where(contrib > 0, contrib, 0.0)
            neg = np.where(contrib < 0, contrib, 0.0)
            bars.setOpts(x=np.concatenate([x, x]), y0=np.concatenate([up, down]),
                         height=np.concatenate([pos, neg]), width=0.7)
            up += pos
            down += neg
            self.data["parts"][col] = contrib
            self.data["values"][col] = np.nan_to_num(v)
        self.data["legend"] = self.legend.shown()
        net = cols["net_cash_flow"][1:]
        self.data["net"] = net
        self.net_curve.setData(x, net)
        self.plot.setXRange(0.4, x[-1] + 0.6, padding=0)
        lo = float(min(np.nanmin(down), np.nanmin(net), 0))
        hi = float(max(np.nanmax(up), np.nanmax(net), 0))
        pad = 0.06 * (hi - lo or 1.0)
        self.plot.setYRange(lo - pad, hi + pad, padding=0)
        self.readout.setText(self.readout_at(1))

    def readout_at(self, x, y=None, plot=None):
        if not self.available:
            return ""
        xs = self.data["x"]
        i = int(np.clip(round(x) - 1, 0, len(xs) - 1))
        names = {c: translate("Charts", t) for c, _, _, t in YEARLY_PARTS}
        sep = "、" if self.lang == "ja" else ", "
        parts = sep.join(f"{names[c]} {self._money(v[i])}" for c, v in self.data["values"].items())
        return translate("Charts", "Year %1: net %2 (%3)").replace("%1", str(int(xs[i]))).replace(
            "%2", self._money(self.data["net"][i])).replace("%3", parts)


# ---------------------------------------------------------------------------
SEASON_NAMES = (("winter", QT_TRANSLATE_NOOP("Charts", "Winter")), ("spring", QT_TRANSLATE_NOOP("Charts", "Spring")),
                ("summer", QT_TRANSLATE_NOOP("Charts", "Summer")), ("autumn", QT_TRANSLATE_NOOP("Charts", "Autumn")))
DAYTYPE_NAMES = (("weekday", QT_TRANSLATE_NOOP("Charts", "Weekday")),
                 ("weekend", QT_TRANSLATE_NOOP("Charts", "Weekend / holiday")))
DAY_SERIES = (  # key in the day profile ("driving": drive_kw), colour, width, legend text, hidden when all zero
    ("battery_kw", BLUE, 3, QT_TRANSLATE_NOOP("Charts", "Car battery (+ charge / − discharge)"), False),
    ("driving", BROWN, 3, QT_TRANSLATE_NOOP("Charts", "Driving"), True),
    ("pv_kw", "#e3b505", 2, QT_TRANSLATE_NOOP("Charts", "Solar"), True),
    ("load_kw", GREY, 2, QT_TRANSLATE_NOOP("Charts", "Home use"), False),
    ("home_kw", GREEN, 2, QT_TRANSLATE_NOOP("Charts", "Car → home (V2H)"), True),
    ("export_kw", PINK, 2, QT_TRANSLATE_NOOP("Charts", "Car → grid (V2G)"), True),
    ("grid_kw", RED, 2, QT_TRANSLATE_NOOP("Charts", "Grid (+ buy / − sell)"), False),
)
AWAY_BRUSH = (125, 135, 148, 45)


def _away_steps(day: dict, n: int) -> np.ndarray:
    """Steps of the shown day when the car is away, from the day profile (``plugged`` = 0, or driving
    power > 0); all False when the profile has neither series."""
    if "plugged" in day:
        return np.asarray(day["plugged"], dtype=float)[:n] < 0.5
    if "drive_kw" in day:
        return np.asarray(day["drive_kw"], dtype=float)[:n] > 0
    return np.zeros(n, dtype=bool)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) index pairs of the True runs of ``mask``."""
    m = np.concatenate([[False], np.asarray(mask, dtype=bool), [False]])
    edges = np.flatnonzero(np.diff(m.astype(np.int8)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2])]


class DayChart(ChartBase):
    """A typical day: SoC, charge/discharge power and price; season and day type selectable.

    While the car is away (grey band) the battery only drives: that part of the battery series is
    drawn as its own "Energy used for driving" series, so driving never looks like V2G/V2H discharge.
    """

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.season = QComboBox()
        for key, name in SEASON_NAMES:
            self.season.addItem(translate("Charts", name), key)
        self.daytype = QComboBox()
        for key, name in DAYTYPE_NAMES:
            self.daytype.addItem(translate("Charts", name), key)
        self.top.insertWidget(0, self.season, 0, Qt.AlignmentFlag.AlignTop)
        self.top.insertWidget(1, self.daytype, 0, Qt.AlignmentFlag.AlignTop)
        self.season.currentIndexChanged.connect(self._redraw)
        self.daytype.currentIndexChanged.connect(self._redraw)
        self.p_soc = self.area.addPlot(row=0, col=0, enableMenu=False, axisItems={"bottom": NumberAxis("bottom")})
        self.p_kw = self.area.addPlot(row=1, col=0, enableMenu=False,
                                      axisItems={"left": NumberAxis("left"), "bottom": NumberAxis("bottom")})
        self.p_price = self.area.addPlot(row=2, col=0, enableMenu=False,
                                         axisItems={"left": NumberAxis("left"), "bottom": NumberAxis("bottom")})
        self.area.ci.layout.setRowStretchFactor(0, 3)
        self.area.ci.layout.setRowStretchFactor(1, 3)
        self.area.ci.layout.setRowStretchFactor(2, 2)
        self.plots = (self.p_soc, self.p_kw, self.p_price)
        for p in self.plots:
            _style_plot(p, font_pt)
            p.getAxis("left").setWidth(int(4.5 * font_pt + 22))
            p.setXRange(0, 24, padding=0.0)
            p.getAxis("bottom").setTicks([[(h, f"{h}") for h in range(0, 25, 3)]])
        for p in self.plots[:2]:  # the hours are written once, under the price plot (the x axes are linked)
            p.getAxis("bottom").setStyle(showValues=False)
            p.getAxis("bottom").setHeight(6)
        _adaptive_ticks(self.p_soc, _plain_tick, font_pt)
        _adaptive_ticks(self.p_kw, _signed_tick, font_pt)
        self._watch_ticks(*self.plots)
        self.p_kw.setXLink(self.p_soc)
        self.p_price.setXLink(self.p_soc)
        self.p_soc.setLabel("left", translate("Charts", "Charge (%)"))
        self.p_kw.setLabel("left", "kW")
        self.p_price.setLabel("bottom", translate("Charts", "Hour of day"))
        # "car away" bands, one per plot (a day has at most a few trips)
        self.away_regions: list[list] = [[] for _ in self.plots]
        self.legend.add("reserve", translate("Charts", "Reserve %1 %").replace("%1", "30"), "line", ORANGE, 2,
                        Qt.PenStyle.DotLine)
        self.legend.add("away", translate("Charts", "Car away"), "band", QColor(*AWAY_BRUSH[:3], 90))
        # fill and outline are separate items so the outline has no vertical drop to 0 at midnight
        self.soc_fill = self._add(self.p_soc, pg.PlotCurveItem([0, 1], [0], stepMode="center", pen=pg.mkPen(None),
                                                               fillLevel=0, brush=pg.mkBrush(31, 111, 235, 40)))
        self.soc_curve = self._add(self.p_soc, pg.PlotCurveItem([0.5], [0], pen=pg.mkPen(BLUE, width=3)))
        # the reserve line has no label on the chart (it would sit on the charge curve): the legend names it
        self.reserve_line = self._add(self.p_soc, pg.InfiniteLine(pos=0, angle=0,
                                                                  pen=pg.mkPen(ORANGE, width=2,
                                                                               style=Qt.PenStyle.DotLine)))
        self.kw_curves = {}
        for key, colour, width, text, _ in DAY_SERIES:
            c = self._add(self.p_kw, pg.PlotCurveItem([], [], pen=pg.mkPen(colour, width=width), connect="finite"))
            self.legend.add(key, translate("Charts", text), "line", colour, width)
            self.kw_curves[key] = c
        self.kw_curves["battery_kw"].setZValue(5)
        self.kw_curves["driving"].setZValue(5)
        self._add(self.p_kw, pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1)))
        self.price_fill = self._add(self.p_price, pg.PlotCurveItem([0, 1], [0], stepMode="center", pen=pg.mkPen(None),
                                                                   fillLevel=0, brush=pg.mkBrush(130, 80, 223, 35)))
        self.price_curve = self._add(self.p_price, pg.PlotCurveItem([0.5], [0], pen=pg.mkPen(PURPLE, width=2.5)))
        for p in self.plots:
            self._hook_hover(p)

    def key(self) -> str:
        return f"{self.season.currentData()}_{self.daytype.currentData()}"

    def set_day(self, season: str, daytype: str) -> None:
        self.season.setCurrentIndex(self.season.findData(season))
        self.daytype.setCurrentIndex(self.daytype.findData(daytype))

    def show_result(self, result, scenario):
        self.result, self.scenario = result, scenario
        self._redraw()

    def _set_away(self, runs: list[tuple[float, float]]) -> None:
        for k, plot in enumerate(self.plots):
            regions = self.away_regions[k]
            while len(regions) < len(runs):
                r = pg.LinearRegionItem(values=(0, 0), movable=False, brush=pg.mkBrush(*AWAY_BRUSH),
                                        pen=pg.mkPen(None))
                r.setZValue(-5)
                plot.addItem(r, ignoreBounds=True)
                regions.append(r)
            for i, r in enumerate(regions):
                if i < len(runs):
                    r.setRegion(runs[i])
                    r.show()
                else:
                    r.hide()

    def _set_available(self, available: bool) -> None:
        super()._set_available(available)
        if not available:
            self._set_away([])

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
        show_reserve = self.scenario is not None
        if show_reserve:
            r = 100 * self.scenario.participation.reserve_soc
            self.reserve_line.setValue(r)
            self.legend.set_text("reserve", translate("Charts", "Reserve %1 %").replace("%1", f"{r:g}"))
            self.data["reserve"] = r
        self.reserve_line.setVisible(show_reserve)
        self.legend.set_shown("reserve", show_reserve)
        self.p_soc.setYRange(0, 100, padding=0.02)
        away = _away_steps(day, len(t))
        self.data["away"] = away
        runs = [(float(edges[a]), float(edges[b])) for a, b in _runs(away)]
        self.data["away_hours"] = runs
        self._set_away(runs)
        self.legend.set_shown("away", bool(runs))
        # while the car is away the battery only drives: that part is its own "Driving" series, never
        # drawn as the charge / discharge line (so it cannot be mistaken for V2G/V2H discharging)
        shown = {}
        if "battery_kw" in day:
            batt = np.asarray(day["battery_kw"], dtype=float)
            self.data["battery_kw"] = batt
            shown["battery_kw"] = np.where(away, np.nan, batt)
            if "drive_kw" in day:
                drive = -np.asarray(day["drive_kw"], dtype=float)
            else:
                drive = np.where(away, batt, 0.0)
            if runs:
                self.data["driving_kw"] = drive
                shown["driving"] = np.where(away | (drive != 0), drive, np.nan)
        for key in ("pv_kw", "load_kw", "home_kw", "export_kw", "grid_kw"):
            if key in day:
                self.data[key] = shown[key] = np.asarray(day[key], dtype=float)
        for key, _, _, _, hide_zero in DAY_SERIES:
            curve = self.kw_curves[key]
            has = key in shown and not (hide_zero and not np.any(np.nan_to_num(shown[key])))
            if has:
                curve.setData(*_step_xy(edges, shown[key]))
            curve.setVisible(has)
            self.legend.set_shown(key, has)
        self.data["legend"] = self.legend.shown()
        if "price" in day:
            price = np.asarray(day["price"], dtype=float)
            self.data["price"] = price
            cur = self._currency()
            # the unit only (like "kW" above): a longer label runs past this short plot into the next
            set_axis_label(self.p_price, "left", f"{fmt.price_unit_label(cur, self.lang)}/kWh")
            self.price_fill.setData(edges, price)
            self.price_curve.setData(*_step_xy(edges, price))
            lo = min(0.0, float(np.nanmin(price)))
            hi = max(float(np.nanmax(price)), lo + 1e-6)
            _adaptive_ticks(self.p_price, _signed_tick, self.font_pt, fit=(lo, hi))
        self.price_curve.setVisible("price" in day)
        self.price_fill.setVisible("price" in day)
        for p in self.plots:
            p.setXRange(0, 24, padding=0.0)
        self.readout.setText(self.readout_at(18.0))

    def readout_at(self, x, y=None, plot=None):
        if not self.available or "t" not in self.data:
            return ""
        t = self.data["t"]
        i = int(np.clip(np.searchsorted(t, x, side="right") - 1, 0, len(t) - 1))
        hh, mm = int(t[i]), int(round((t[i] % 1) * 60))
        parts = [f"{hh:02d}:{mm:02d}"]
        kw = (lambda v: fmt.signed(v, 1))
        if "soc" in self.data:
            parts.append(translate("Charts", "charge %1 %").replace("%1", fmt.number(self.data["soc"][i], 0)))
        away = bool(self.data.get("away", np.zeros(len(t), bool))[i])
        if away and "driving_kw" in self.data:
            parts.append(translate("Charts", "car away: driving uses %1 kW").replace(
                "%1", fmt.number(abs(self.data["driving_kw"][i]), 1)))
        elif "battery_kw" in self.data:
            parts.append(translate("Charts", "car %1 kW").replace("%1", kw(self.data["battery_kw"][i])))
        for key, text in (("home_kw", translate("Charts", "car → home %1 kW")),
                          ("export_kw", translate("Charts", "car → grid %1 kW"))):
            if key in self.data and np.any(self.data[key]) and not away:
                parts.append(text.replace("%1", fmt.number(self.data[key][i], 1)))
        if "grid_kw" in self.data:
            parts.append(translate("Charts", "grid %1 kW").replace("%1", kw(self.data["grid_kw"][i])))
        if "price" in self.data:
            parts.append(translate("Charts", "price %1").replace(
                "%1", fmt.money(self.data["price"][i], self._currency(), self.lang, per="kWh")))
        return ("、" if self.lang == "ja" else ",  ").join(parts)


# ---------------------------------------------------------------------------
class CycleChart(ChartBase):
    """Rainflow cycles by depth x mean SoC, with and without V2G, on one colour scale."""

    def __init__(self, lang, font_pt=10.0, parent=None):
        super().__init__(lang, font_pt, parent)
        self.p_v2g = self.area.addPlot(row=0, col=0, enableMenu=False)
        self.p_base = self.area.addPlot(row=0, col=1, enableMenu=False)
        for p in (self.p_v2g, self.p_base):
            _style_plot(p, font_pt)
            _use_title_label(p)
            p.setLabel("bottom", translate("Charts", "Cycle depth (% of capacity)"))
            p.setLabel("left", translate("Charts", "Mean charge (%)"))
        self.p_base.setYLink(self.p_v2g)
        self.p_base.setXLink(self.p_v2g)
        self.img_v2g = self._add(self.p_v2g, pg.ImageItem())
        self.img_base = self._add(self.p_base, pg.ImageItem())
        self.cmap = pg.colormap.get("viridis")
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=self.cmap, interactive=False, width=14,
                                   label=translate("Charts", "Rainflow cycles per square (log scale)"))
        # inside the second plot's layout (as pyqtgraph intends: an item added to the GraphicsLayout
        # itself stays owned by Python and crashes the interpreter at exit)
        self.bar.setImageItem([self.img_v2g, self.img_base], insert_in=self.p_base)
        self._bar_font = self._font(0.9)
        self.bar.axis.setTickFont(self._bar_font)
        self.bar.getAxis("left").label.setFont(self._bar_font)
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
        # Titles: the equivalent full cycles of the engine's yearly rows (what a rated cycle life is
        # counted in), and the rainflow count of the map, named as such (it counts every small wiggle).
        # the totals come with the map (results contract); a total the engine did not give is left out
        efc_total = {"v2g": cm.get("efc_total"), "baseline": cm.get("efc_total_baseline")}
        cycles_total = {"v2g": cm.get("cycles_total"), "baseline": cm.get("cycles_total_baseline")}
        self.data["efc_total"] = efc_total
        years = cm.get("years")
        self.data["titles"] = {}
        # image rows = mean SoC (y), columns = depth (x)
        for img, counts, plot, run, head in (
                (self.img_v2g, v2g, self.p_v2g, "v2g", translate("Charts", "With V2G/V2H")),
                (self.img_base, base, self.p_base, "baseline", translate("Charts", "Without V2G/V2H"))):
            shown = np.where(counts.T > 0, np.log10(1 + counts.T), np.nan)  # no cycles: transparent (white)
            img.setImage(shown, autoLevels=False, levels=(0, vmax))
            img.setRect(QRectF(de[0], me[0], de[-1] - de[0], me[-1] - me[0]))
            lines = [head]
            if efc_total[run] is not None and years is not None:
                lines.append(translate("Charts", "%1 equivalent full cycles in %2 years").replace(
                    "%1", fmt.number(efc_total[run], 0)).replace("%2", str(years)))
            rainflow = None
            if cycles_total[run] is not None:
                rainflow = translate("Charts", "%1 rainflow cycles of all sizes").replace(
                    "%1", fmt.number(cycles_total[run], 0))
            self.data["titles"][run] = lines + ([rainflow] if rainflow else [])
            small = f"font-size:{self.font_pt * 0.85:.1f}pt; color:#5b6b82"
            html = f"<b>{_html(lines[0])}</b>"
            if len(lines) == 2:
                html += f"<br><span style='font-size:{self.font_pt * 0.95:.1f}pt'>{_html(lines[1])}</span>"
            if rainflow:
                html += f"<br><span style='{small}'>{_html(rainflow)}</span>"
            plot.setTitle(html, size=f"{self.font_pt:.1f}pt")
            _fit_title(plot)
            plot.setXRange(de[0], de[-1], padding=0)
            plot.setYRange(me[0], me[-1], padding=0)
        self.bar.setLevels((0, vmax))
        ticks = [(math.log10(1 + v), fmt.number(v, 0)) for v in (1, 10, 100, 1000, 10000, 100000)
                 if math.log10(1 + v) <= vmax * 1.001]
        self.bar.axis.setTicks([ticks])
        # room for the longest tick label ("1,000"), so none is cut at the window edge
        fm = QFontMetrics(self._bar_font)
        self.bar.axis.setWidth(int(max([fm.horizontalAdvance(t) for _, t in ticks] + [10]) + 16))
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
            "Charts", "Depth %1–%2 %, mean charge %3–%4 %: %5 rainflow cycles with V2G/V2H, %6 without").replace(
            "%1", f"{de[i]:g}").replace("%2", f"{de[i + 1]:g}").replace("%3", f"{me[j]:g}").replace(
            "%4", f"{me[j + 1]:g}").replace("%5", fmt.number(self.data["v2g"][i, j], 0)).replace(
            "%6", fmt.number(self.data["baseline"][i, j], 0))
