"""KPI cards: what do I earn, what does it cost my battery, when does the charger pay back.

:func:`kpi_texts` turns a result's ``summary`` into display strings; a key the
engine did not compute is shown as "not available", never invented.
"""
from __future__ import annotations

import re

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app import format as fmt

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

KPI_KEYS = ("payback", "net", "npv", "warranty", "wear", "unmet")
COLOURS = {"good": "#1a7f37", "bad": "#b3261e", "neutral": "#0b2545", "na": "#8a94a6"}



def captions(summary: dict) -> dict[str, str]:
    n = summary.get("horizon_years")
    return {
        "payback": translate("Kpis", "Charger pays back after"),
        "net": (translate("Kpis", "Net gain over %1 years").replace("%1", str(n)) if n
                else translate("Kpis", "Net gain over the period")),
        "npv": translate("Kpis", "Net present value"),
        "warranty": translate("Kpis", "Battery health at warranty end: with / without V2G/V2H"),
        "wear": translate("Kpis", "Battery wear cost per kWh discharged"),
        "unmet": translate("Kpis", "Driving energy the car could not supply"),
    }


def kpi_texts(result: dict | None, lang: str) -> dict[str, tuple[str, str]]:
    """key -> (text, state) with state in good / bad / neutral / na."""
    s = (result or {}).get("summary", {})
    na = (translate("Kpis", "not available"), "na")
    cur = s.get("currency", "")
    out: dict[str, tuple[str, str]] = {}
    n = s.get("horizon_years")
    if "simple_payback_years" in s:
        v = s["simple_payback_years"]
        if v is None:
            out["payback"] = (translate("Kpis", "not within %1 years").replace("%1", str(n)), "bad")
        elif v == 0.0:   # the cumulative cash flow is never negative (nothing spent, or fully subsidised)
            out["payback"] = (translate("Kpis", "nothing to recover"), "good")
        else:
            out["payback"] = (translate("Kpis", "%1 years").replace("%1", fmt.number(v, 1)), "good")
    else:
        out["payback"] = na
    for key, card in (("total_net", "net"), ("npv", "npv")):
        if key in s and cur:
            v = s[key]
            out[card] = (fmt.money(v, cur, lang), "good" if v >= 0 else "bad")
        else:
            out[card] = na
    if "soh_at_warranty" in s and "soh_at_warranty_baseline" in s:
        text = f"{fmt.percent(s['soh_at_warranty'])} / {fmt.percent(s['soh_at_warranty_baseline'])}"
        ok = s.get("warranty_ok")
        out["warranty"] = (text, "neutral" if ok is None else ("good" if ok else "bad"))
    else:
        out["warranty"] = na
    if "wear_cost_per_kwh_discharged" in s and cur:
        v = s["wear_cost_per_kwh_discharged"]
        if v is None:  # the car discharged nothing: no kWh to divide by (results contract)
            out["wear"] = (translate("Kpis", "no discharging"), "na")
        else:
            text = fmt.money(v, cur, lang, per="kWh")
            if v < 0:   # the battery ages more slowly than without V2G/V2H: say so on the card itself
                text = translate("Kpis", "%1 (less wear)").replace("%1", text)
            out["wear"] = (text, "good" if v < 0 else "neutral")
    else:
        out["wear"] = na
    if "unmet_driving_kwh_total" in s:
        v = s["unmet_driving_kwh_total"]
        out["unmet"] = ((translate("Kpis", "none"), "good") if v < 0.5 else (f"{fmt.number(v, 0)} kWh", "bad"))
    else:
        out["unmet"] = na
    return out


class FitLabel(QLabel):
    """One-line label that shrinks its font (down to ``min_pt``) rather than wrap, clip or widen the window."""

    def __init__(self, point_size: float, min_pt: float = 9.0, parent=None):
        super().__init__(parent)
        self.point_size, self.min_pt = point_size, min_pt
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(text)
        self._fit()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        f = QFont(self.font())
        size = self.point_size
        room = max(10, self.width() - 4)
        f.setPointSizeF(size)
        while size > self.min_pt and QFontMetrics(f).horizontalAdvance(self.text()) > room:
            size -= 0.5
            f.setPointSizeF(size)
        if abs(self.font().pointSizeF() - size) > 0.01:
            self.setFont(f)

    def sizeHint(self) -> QSize:  # noqa: N802
        f = QFont(self.font())
        f.setPointSizeF(self.point_size)
        fm = QFontMetrics(f)
        return QSize(fm.horizontalAdvance(self.text()) + 4, fm.height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self.sizeHint().height())


class ClampedLabel(QLabel):
    """At most ``lines`` lines, broken after a space or 「、」 (a number stays with its unit: "6 kW"),
    the last line elided with "…"; the whole text is in the tooltip and in :meth:`full_text`.
    Never widens the window (its width comes from the layout)."""

    _UNIT_SPACE = re.compile(r"(\d)\s+(?=[A-Za-z%°¥$£€円])")

    def __init__(self, lines: int = 2, parent=None):
        super().__init__(parent)
        self._full, self._lines = "", lines
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        self._full = str(text)
        self.setToolTip(self._full)
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def wrapped(self, width: int) -> list[str]:
        """The lines shown at ``width`` pixels."""
        fm = self.fontMetrics()
        text = self._UNIT_SPACE.sub("\\1\u00a0", self._full)
        tokens = re.findall(r"[^ 、]+[ 、]*|[ 、]+", text) or [""]
        pieces = []   # a token wider than a line (Japanese has no spaces) is cut between characters
        for tok in tokens:
            if fm.horizontalAdvance(tok.rstrip()) <= width:
                pieces.append(tok)
                continue
            cur = ""
            for ch in tok:
                if cur and fm.horizontalAdvance(cur + ch) > width:
                    pieces.append(cur)
                    cur = ch
                else:
                    cur += ch
            pieces.append(cur)
        lines = [""]
        for piece in pieces:
            if lines[-1] and fm.horizontalAdvance((lines[-1] + piece).rstrip()) > width \
                    and len(lines) < self._lines:
                lines.append(piece)
            else:   # on the last line the rest is kept, then elided
                lines[-1] += piece
        return [fm.elidedText(x.rstrip(), Qt.TextElideMode.ElideRight, width) for x in lines]

    def _fit(self) -> None:
        shown = "\n".join(self.wrapped(max(40, self.width() - 4)))
        if shown != super().text():
            super().setText(shown)

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        return QSize(min(fm.horizontalAdvance(self._full), 480) + 4, fm.height() * self._lines + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self.fontMetrics().height() + 2)


class KpiCard(QFrame):
    """A large value with a caption, readable from two metres away."""

    def __init__(self, key: str, scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.key = key
        self.scale = scale
        self.setObjectName("kpiCard")
        self.setStyleSheet("#kpiCard { background: #f4f7fb; border: 1px solid #c9d4e3; border-radius: 8px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(2)
        self.caption = QLabel("")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: #45546b; font-size: {10.5 * scale:.1f}pt;")
        self.value = FitLabel(19 * scale)
        f = self.value.font()
        f.setBold(True)
        self.value.setFont(f)
        lay.addWidget(self.caption)
        lay.addStretch(1)
        lay.addWidget(self.value)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.state = "na"

    def set_value(self, text: str, state: str) -> None:
        self.state = state
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {COLOURS[state]};")


class KpiPanel(QWidget):
    def __init__(self, lang: str, scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.lang = lang
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.cards = {k: KpiCard(k, scale) for k in KPI_KEYS}
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        for c in range(3):
            grid.setColumnStretch(c, 1)
        self.show_result(None, pending=True)

    def show_result(self, result: dict | None, pending: bool = False) -> None:
        """Show ``result``; ``pending`` (no result yet, first computation running) shows "…" instead of
        "not available"."""
        caps = captions((result or {}).get("summary", {}))
        for key, (text, state) in kpi_texts(result, self.lang).items():
            self.cards[key].caption.setText(caps[key])
            if pending and result is None:
                text, state = "…", "na"
            self.cards[key].set_value(text, state)
        tips = {
            "payback": translate(
                "Kpis", "When the money earned and saved with V2G/V2H has paid for the charger (net of subsidy)."),
            "net": translate(
                "Kpis", "Revenue and savings minus extra charging cost, battery wear, maintenance and the charger, "
                        "added up over the whole period, compared with the same car without V2G/V2H."),
            "npv": translate(
                "Kpis", "The net gain with future money discounted at the discount rate (what it is worth today)."),
            "warranty": translate(
                "Kpis", "Battery health when the battery warranty ends, with and without V2G/V2H. Green: still above "
                        "the health the warranty guarantees."),
            "wear": translate(
                "Kpis", "Cost of the extra battery ageing divided by the energy the car delivered to the home and "
                        "the grid. A negative value means the battery ages more slowly than without V2G/V2H: "
                        "discharging lowers the average charge level, which slows calendar ageing more than the "
                        "extra cycling adds."),
            "unmet": translate(
                "Kpis", "Energy needed for driving that the battery could not provide (the car would have needed "
                        "a public charger)."),
        }
        for key, tip in tips.items():
            self.cards[key].setToolTip(tip)

    def text(self, key: str) -> str:
        return self.cards[key].value.text()
