"""Scenario comparison: the current scenario and up to three variants side by side.

The main window owns the variants (scenario + latest result each) and
recomputes them through the runner; this widget only shows KPIs in a table
and overlays the cumulative cash flow and the battery health curves.
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSizePolicy,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app import format as fmt
from app.charts import VARIANT_COLOURS, Legend, MoneyAxis, NumberAxis, PercentAxis, _style_plot, _yearly
from app.kpis import COLOURS, kpi_texts

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

MAX_COLUMNS = 4



ROWS = ("payback", "net", "npv", "warranty", "soh_end", "wear_total", "unmet")


#: where a comparison cell or column title may be broken onto two lines, best first: before a
#: parenthesis, after a space, after the Japanese particles of "N 年以内に / 回収できず".  Japanese has
#: no spaces, so Qt's own wrapping may break inside a word ("回収で / きず"); a cell that is too wide
#: is broken at the candidate that gives the shorter longer line instead.
_BREAK_BEFORE = ("（", " (")
_BREAK_AFTER = ("以内に", "、", " ")


def break_to_fit(text: str, fm, width: int) -> str:
    """``text`` as it is when it fits in ``width`` pixels of font metrics ``fm``, otherwise on two lines
    at the preferred break (:data:`_BREAK_BEFORE`, :data:`_BREAK_AFTER`) whose longer line is shortest;
    as it is when it has no such point (Qt then wraps it)."""
    if "\n" in text or fm.horizontalAdvance(text) <= width:
        return text
    cuts = []
    for mark in _BREAK_BEFORE:
        i = text.find(mark)
        if i > 0:
            cuts.append((i, i + (1 if mark.startswith(" ") else 0)))
    for mark in _BREAK_AFTER:
        start = 0
        while (i := text.find(mark, start)) >= 0:
            end = i + len(mark)
            if 0 < end < len(text):
                cuts.append((end - (1 if mark == " " else 0), end))
            start = i + 1
    if not cuts:
        return text
    best = min(cuts, key=lambda c: max(fm.horizontalAdvance(text[:c[0]].rstrip()),
                                       fm.horizontalAdvance(text[c[1]:].lstrip())))
    return text[:best[0]].rstrip() + "\n" + text[best[1]:].lstrip()


class _KpiTable(QTableWidget):
    """The KPI table; its size hint is the height that shows every row (``content_height``)."""

    content_height = 0

    def sizeHint(self):  # noqa: N802 (Qt naming)
        hint = super().sizeHint()
        return QSize(hint.width(), self.content_height or hint.height())


class CompareView(QWidget):
    duplicateRequested = Signal()
    quickSetRequested = Signal()
    removeRequested = Signal(int)   # variant index (0-based, excluding "current")
    clearRequested = Signal()

    def __init__(self, lang: str, font_pt: float = 10.0, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.font_pt = font_pt
        self.columns: list[tuple[str, dict | None]] = []
        self.curves: list[tuple] = []  # (cash-flow item, health item) per column, for tests
        self.data: dict = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        buttons = QHBoxLayout()
        self.dup_button = QPushButton(translate("Compare", "Duplicate current as variant"))
        self.dup_button.setToolTip(translate("Compare", "Keep a copy of the current inputs to compare with (Ctrl+D)"))
        self.quick_button = QPushButton(translate("Compare", "Compare without charger / V2H only / V2H + V2G"))
        self.quick_button.setToolTip(translate(
            "Compare", "Replace the variants with the current scenario without discharging, "
                       "with V2H only and with V2H + V2G"))
        self.clear_button = QPushButton(translate("Compare", "Remove all variants"))
        self.dup_button.clicked.connect(self.duplicateRequested)
        self.quick_button.clicked.connect(self.quickSetRequested)
        self.clear_button.clicked.connect(self.clearRequested)
        for b in (self.dup_button, self.quick_button, self.clear_button):
            # long translations may be clipped but never widen the window; the tooltip has the full text
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            b.setMinimumWidth(60)
            if not b.toolTip():
                b.setToolTip(b.text())
            # room shared in proportion to the texts, so the longest one is not the one cut off
            buttons.addWidget(b, max(1, b.sizeHint().width()))
        lay.addLayout(buttons)
        body = QVBoxLayout()
        body.setSpacing(4)
        lay.addLayout(body, 1)
        self.table = _KpiTable(len(ROWS) + 1, 1)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalHeaderLabels(self._row_names() + [""])
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # all rows are shown whenever the window has the room (presentation mode at 1280 x 800 included);
        # only a window too small for them gets a scroll bar instead of hiding rows
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setMinimumHeight(int(4 * font_pt + 40))
        body.addWidget(self.table, 0)
        self.legend = Legend(font_pt * 0.95)
        body.addWidget(self.legend, 0)
        self.area = pg.GraphicsLayoutWidget()
        self.area.setBackground("w")
        self.area.setMinimumHeight(int(12 * font_pt + 40))
        self.axis = MoneyAxis("left")
        self.p_cash = self.area.addPlot(row=0, col=0, enableMenu=False,
                                        axisItems={"left": self.axis, "bottom": NumberAxis("bottom")})
        self.p_soh = self.area.addPlot(row=0, col=1, enableMenu=False,
                                       axisItems={"left": PercentAxis("left"), "bottom": NumberAxis("bottom")})
        for p in (self.p_cash, self.p_soh):
            _style_plot(p, font_pt)
        # titles above the plots instead of rotated axis labels: readable even when the plots are low
        self._title_size = f"{font_pt:.1f}pt"
        self.p_soh.setTitle(translate("Compare", "Battery health (%)"), size=self._title_size)
        self.p_cash.setTitle(translate("Compare", "Cumulative (%1)").replace("%1", fmt.money_unit_label("JPY", lang)),
                             size=self._title_size)
        self.p_soh.setLabel("bottom", translate("Compare", "Years"))
        self.p_cash.setLabel("bottom", translate("Compare", "Years"))
        self.p_cash.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1)))
        # one (cash flow, health) curve pair per column, made once and given new data on every result
        # (creating plot items is what made the comparison slow to redraw)
        self._pairs: list[tuple] = []
        self._cash_unit = None
        self.hint = QLabel(translate(
            "Compare", "Tip: duplicate the current scenario, then change the inputs: the copy stays here "
                               "for comparison."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5b6b82;")
        body.addWidget(self.area, 1)
        lay.addWidget(self.hint)

    def _row_names(self) -> list[str]:
        return [translate("Compare", "Pays back after"), translate("Compare", "Net gain"),
                translate("Compare", "Net present value"), translate("Compare", "Health at warranty end"),
                translate("Compare", "Health at the end"), translate("Compare", "Battery wear cost"),
                translate("Compare", "Driving energy missing")]

    @staticmethod
    def pen_for(col: int):
        """Column 0 (the current scenario): solid, drawn on top; variants: wider dashed lines underneath,
        so a variant identical to the current scenario still shows as a dashed edge around it."""
        colour = VARIANT_COLOURS[col % len(VARIANT_COLOURS)]
        if col == 0:
            return colour, 3.0, Qt.PenStyle.SolidLine
        return colour, 5.5, Qt.PenStyle.DashLine

    def set_columns(self, columns: list[tuple[str, dict | None]]) -> None:
        """``columns``: (name, result or None while computing); the first is the current scenario."""
        self.columns = columns[:MAX_COLUMNS]
        n = len(self.columns)
        self.table.clearContents()
        self.table.setColumnCount(n)
        self.table.setRowHidden(len(ROWS), n <= 1)   # the row of "Remove" buttons: only with variants
        self.table.setHorizontalHeaderLabels([name for name, _ in self.columns])
        self.data = {"names": [c[0] for c in self.columns], "cumulative": [], "soh": [], "cells": [], "z": []}
        while len(self._pairs) < n:
            self._pairs.append((self.p_cash.plot([], []), self.p_soh.plot([], [])))
        for cash_item, soh_item in self._pairs[n:]:
            cash_item.setData([], [])
            soh_item.setData([], [])
            cash_item.setVisible(False)
            soh_item.setVisible(False)
        self.legend.clear()
        self.curves: list[tuple] = []
        cur = None
        for col, (name, result) in enumerate(self.columns):
            cells = self._cells(result)
            self.data["cells"].append([t for t, _ in cells])
            for row, (text, state) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, text)   # the text before _break_cells
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setForeground(QBrush(QColor(COLOURS.get(state, "#0b2545"))))
                f = item.font()
                f.setBold(row < 3)
                item.setFont(f)
                self.table.setItem(row, col, item)
            if col > 0:
                b = QPushButton(translate("Compare", "Remove"))
                b.clicked.connect(lambda _=False, i=col - 1: self.removeRequested.emit(i))
                self.table.setCellWidget(len(ROWS), col, b)
            colour, width, style = self.pen_for(col)
            if n > 1:
                self.legend.add(f"col{col}", name, "line", colour, width, style)
            items = self._pairs[col]
            if result is None:
                for item in items:
                    item.setData([], [])
                    item.setVisible(False)
                self.data["cumulative"].append(None)
                self.data["soh"].append(None)
                self.curves.append((None, None))
                continue
            cur = result.get("summary", {}).get("currency", cur)
            cash = _yearly(result, "year", "cumulative_cash_flow")
            soh = _yearly(result, "year", "soh")
            pen = pg.mkPen(colour, width=width, style=style)
            self.data["cumulative"].append(None if cash is None else cash["cumulative_cash_flow"])
            self.data["soh"].append(None if soh is None else soh["soh"] * 100)
            z = 10 if col == 0 else 5 - col  # the current scenario on top
            pair = [None, None]
            for i, (item, xy) in enumerate(zip(items, (
                    None if cash is None else (cash["year"], cash["cumulative_cash_flow"]),
                    None if soh is None else (soh["year"], soh["soh"] * 100)))):
                if xy is None:
                    item.setData([], [])
                    item.setVisible(False)
                    continue
                item.setData(xy[0], xy[1], pen=pen)
                item.setZValue(z)
                item.setVisible(True)
                pair[i] = item
            self.curves.append(tuple(pair))
            self.data["z"].append(z)
        self.legend.setVisible(n > 1)
        for col in range(n):
            head = self.table.horizontalHeaderItem(col)
            if head is not None:
                head.setForeground(QBrush(QColor(VARIANT_COLOURS[col % len(VARIANT_COLOURS)])))
                f = head.font()
                f.setBold(True)
                head.setFont(f)
                head.setData(Qt.ItemDataRole.UserRole, head.text())
        self._break_cells()
        self.table.resizeRowsToContents()
        self._fit_table()
        if cur:
            self.axis.currency, self.axis.lang = cur, self.lang
            if self._cash_unit != (cur, self.lang):   # setTitle lays out rich text: only when it changes
                self._cash_unit = (cur, self.lang)
                self.p_cash.setTitle(translate("Compare", "Cumulative (%1)")
                                     .replace("%1", fmt.money_unit_label(cur, self.lang)), size=self._title_size)
        self.quick_button.setEnabled(True)
        self.dup_button.setEnabled(n < MAX_COLUMNS)
        self.clear_button.setEnabled(n > 1)
        self.hint.setVisible(n <= 1)

    def table_content_height(self) -> int:
        """Height that shows the header and every row of the table."""
        t = self.table
        return (t.horizontalHeader().height() + 2 * t.frameWidth()
                + sum(t.rowHeight(r) for r in range(t.rowCount())))

    def _fit_table(self) -> None:
        self.table.content_height = self.table_content_height()
        self.table.setMaximumHeight(self.table.content_height)
        self.table.updateGeometry()

    def _break_cells(self) -> None:
        """Cells and column titles too wide for their column go onto two lines at a sensible point
        (:func:`break_to_fit`); run again whenever the columns change width."""
        t = self.table
        for col in range(t.columnCount()):
            width = max(20, t.columnWidth(col) - 12)   # the cell's padding
            head = t.horizontalHeaderItem(col)
            for item in [head] + [t.item(r, col) for r in range(t.rowCount())]:
                if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
                    continue
                font = item.font() if item.data(Qt.ItemDataRole.FontRole) is not None else \
                    (t.horizontalHeader() if item is head else t).font()
                shown = break_to_fit(str(item.data(Qt.ItemDataRole.UserRole)), QFontMetrics(font), width)
                if shown != item.text():
                    item.setText(shown)

    def resizeEvent(self, event):  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._break_cells()
        # wrapped cells change height with the column width
        self.table.resizeRowsToContents()
        if self.table_content_height() != self.table.content_height:
            self._fit_table()

    def all_rows_visible(self) -> bool:
        """True when the table shows every row without scrolling (tests, presentation mode)."""
        return self.table.height() >= self.table_content_height() and not self.table.verticalScrollBar().isVisible()

    def _cells(self, result) -> list[tuple[str, str]]:
        if result is None:
            return [(translate("Compare", "computing…"), "na")] * len(ROWS)
        k = kpi_texts(result, self.lang)
        s = result.get("summary", {})
        na = (translate("Kpis", "not available"), "na")
        cur = s.get("currency", "")
        rows = [k["payback"], k["net"], k["npv"],
                (fmt.percent(s["soh_at_warranty"]), "neutral") if "soh_at_warranty" in s else na,
                (fmt.percent(s["soh_end"]), "neutral") if "soh_end" in s else na,
                (fmt.money(s["wear_cost_total"], cur, self.lang), "neutral") if "wear_cost_total" in s and cur else na,
                k["unmet"]]
        return rows
