"""Scenario comparison: the current scenario and up to three variants side by side.

The main window owns the variants (scenario + latest result each) and
recomputes them through the runner; this widget only shows KPIs in a table
and overlays the cumulative cash flow and the battery health curves.
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSizePolicy,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app import format as fmt
from app.charts import VARIANT_COLOURS, MoneyAxis, PercentAxis, _style_plot, _yearly
from app.kpis import COLOURS, kpi_texts

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

MAX_COLUMNS = 4



ROWS = ("payback", "net", "npv", "warranty", "soh_end", "wear_total", "unmet")


class CompareView(QWidget):
    duplicateRequested = Signal()
    quickSetRequested = Signal()
    removeRequested = Signal(int)   # variant index (0-based, excluding "current")
    clearRequested = Signal()

    def __init__(self, lang: str, font_pt: float = 10.0, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.columns: list[tuple[str, dict | None]] = []
        self.data: dict = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        buttons = QHBoxLayout()
        self.dup_button = QPushButton(translate("Compare", "Duplicate current as variant"))
        self.dup_button.setToolTip(translate("Compare", "Keep a copy of the current inputs to compare with (Ctrl+D)"))
        self.quick_button = QPushButton(translate("Compare", "Compare No V2G / V2H only / V2G"))
        self.quick_button.setToolTip(translate(
            "Compare", "Replace the variants with the current scenario without discharging, "
                                         "with V2H only and with V2G only"))
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
            buttons.addWidget(b)
        lay.addLayout(buttons)
        body = QVBoxLayout()
        lay.addLayout(body, 1)
        self.table = QTableWidget(len(ROWS) + 1, 1)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalHeaderLabels(self._row_names() + [""])
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(self.table, 0)
        self.area = pg.GraphicsLayoutWidget()
        self.area.setBackground("w")
        self.axis = MoneyAxis("left")
        self.p_cash = self.area.addPlot(row=0, col=0, axisItems={"left": self.axis})
        self.p_soh = self.area.addPlot(row=0, col=1, axisItems={"left": PercentAxis("left")})
        for p in (self.p_cash, self.p_soh):
            _style_plot(p, font_pt)
        self.p_soh.setLabel("left", translate("Compare", "Battery health (%)"))
        self.p_soh.setLabel("bottom", translate("Compare", "Years"))
        self.p_cash.setLabel("bottom", translate("Compare", "Years"))
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

    def set_columns(self, columns: list[tuple[str, dict | None]]) -> None:
        """``columns``: (name, result or None while computing); the first is the current scenario."""
        self.columns = columns[:MAX_COLUMNS]
        n = len(self.columns)
        self.table.clearContents()
        self.table.setColumnCount(n)
        self.table.setHorizontalHeaderLabels([name for name, _ in self.columns])
        self.data = {"names": [c[0] for c in self.columns], "cumulative": [], "soh": [], "cells": []}
        self.p_cash.clear()
        self.p_soh.clear()
        cur = None
        for col, (name, result) in enumerate(self.columns):
            cells = self._cells(result)
            self.data["cells"].append([t for t, _ in cells])
            for row, (text, state) in enumerate(cells):
                item = QTableWidgetItem(text)
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
            colour = VARIANT_COLOURS[col % len(VARIANT_COLOURS)]
            if result is None:
                self.data["cumulative"].append(None)
                self.data["soh"].append(None)
                continue
            cur = result.get("summary", {}).get("currency", cur)
            cash = _yearly(result, "year", "cumulative_cash_flow")
            soh = _yearly(result, "year", "soh")
            pen = pg.mkPen(colour, width=4 if col == 0 else 3,
                           style=Qt.PenStyle.SolidLine if col == 0 else Qt.PenStyle.DashLine)
            self.data["cumulative"].append(None if cash is None else cash["cumulative_cash_flow"])
            self.data["soh"].append(None if soh is None else soh["soh"] * 100)
            if cash is not None:
                self.p_cash.plot(cash["year"], cash["cumulative_cash_flow"], pen=pen)
            if soh is not None:
                self.p_soh.plot(soh["year"], soh["soh"] * 100, pen=pen)
        for col in range(n):
            head = self.table.horizontalHeaderItem(col)
            if head is not None:
                head.setForeground(QBrush(QColor(VARIANT_COLOURS[col % len(VARIANT_COLOURS)])))
                f = head.font()
                f.setBold(True)
                head.setFont(f)
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 4 + sum(self.table.rowHeight(r)
                                                                   for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)
        if cur:
            self.axis.currency, self.axis.lang = cur, self.lang
            self.p_cash.setLabel("left", translate("Compare", "Cumulative (%1)")
                                 .replace("%1", fmt.money_unit_label(cur, self.lang)))
        self.p_cash.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333", width=1)))
        self.quick_button.setEnabled(True)
        self.dup_button.setEnabled(n < MAX_COLUMNS)
        self.clear_button.setEnabled(n > 1)
        self.hint.setVisible(n <= 1)

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
