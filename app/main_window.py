"""Main window shell: header, input summary, KPI cards and chart tabs.

The window shows only what :func:`models.simulate` returns (the results
contract); a key the engine has not computed is shown as "not available".
The full dealer UI (editable inputs, live charts, comparison) builds on this
shell (issue 7).
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QMainWindow, QMessageBox,
                               QSizePolicy, QTabWidget, QVBoxLayout, QWidget)

import models
from models import scenario as sc

pg.setConfigOptions(antialias=True, background="w", foreground="k")


class KpiCard(QFrame):
    """A large value with a caption, readable from two metres away."""

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#kpiCard { background: #f4f7fb; border: 1px solid #c9d4e3; border-radius: 8px; }")
        lay = QVBoxLayout(self)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #45546b; font-size: 11pt;")
        self.value = QLabel("")
        self.value.setStyleSheet("color: #0b2545; font-size: 20pt; font-weight: bold;")
        self.value.setWordWrap(True)
        lay.addWidget(self.caption)
        lay.addWidget(self.value)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_value(self, text: str, available: bool = True):
        self.value.setText(text)
        self.value.setStyleSheet(
            "font-size: 20pt; font-weight: bold; color: %s;" % ("#0b2545" if available else "#8a94a6"))


class MainWindow(QMainWindow):
    TABS = ("health", "cashflow", "yearly", "day", "cycles", "compare")

    def __init__(self, lang: str = "en", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.scenario: sc.Scenario | None = None
        self.result = None
        self.path: str | None = None
        self.setWindowTitle(self.tr("V2G Calculator"))
        central = QWidget()
        self.setCentralWidget(central)
        root = QVBoxLayout(central)

        header = QHBoxLayout()
        self.title = QLabel(self.tr("V2G Calculator"))
        self.title.setStyleSheet("font-size: 18pt; font-weight: bold; color: #0b2545;")
        self.scenario_label = QLabel("")
        self.scenario_label.setStyleSheet("font-size: 12pt; color: #45546b;")
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.scenario_label)
        root.addLayout(header)

        body = QHBoxLayout()
        root.addLayout(body, 1)
        self.inputs = QLabel("")
        self.inputs.setTextFormat(Qt.TextFormat.RichText)
        self.inputs.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.inputs.setWordWrap(True)
        self.inputs.setMinimumWidth(330)
        self.inputs.setMaximumWidth(400)
        self.inputs.setStyleSheet("font-size: 10pt;")
        body.addWidget(self.inputs)

        right = QVBoxLayout()
        body.addLayout(right, 1)
        kpis = QGridLayout()
        self.cards = {
            "payback": KpiCard(self.tr("Payback")),
            "net": KpiCard(self.tr("Net over the horizon")),
            "npv": KpiCard(self.tr("Net present value")),
            "warranty": KpiCard(self.tr("Battery health at warranty age (with / without V2G)")),
            "wear": KpiCard(self.tr("Battery wear cost per kWh discharged")),
            "unmet": KpiCard(self.tr("Unmet driving energy")),
        }
        for i, card in enumerate(self.cards.values()):
            kpis.addWidget(card, i // 3, i % 3)
        right.addLayout(kpis)

        self.tabs = QTabWidget()
        self.plots: dict[str, pg.PlotWidget] = {}
        titles = {
            "health": self.tr("Battery health"), "cashflow": self.tr("Cumulative cash flow"),
            "yearly": self.tr("Yearly revenue and wear"), "day": self.tr("Typical day"),
            "cycles": self.tr("Cycle map"), "compare": self.tr("Scenario comparison"),
        }
        for name in self.TABS:
            plot = pg.PlotWidget()
            plot.showGrid(x=True, y=True, alpha=0.3)
            self.plots[name] = plot
            self.tabs.addTab(plot, titles[name])
        right.addWidget(self.tabs, 1)
        self.status_label = QLabel("")
        self.statusBar().addWidget(self.status_label, 1)

    # ------------------------------------------------------------------ data
    def load_demo(self):
        self.set_scenario(sc.demo(), None)

    def open_path(self, path: str) -> bool:
        try:
            scenario = sc.load(path)
        except sc.ScenarioError as err:
            text = "\n".join(err.messages(self.lang)[:20])
            QMessageBox.warning(self, self.tr("Cannot open scenario"), text)
            if self.scenario is None:
                self.load_demo()
            return False
        self.set_scenario(scenario, path)
        return True

    def set_scenario(self, scenario: sc.Scenario, path: str | None):
        self.scenario = scenario
        self.path = path
        self.scenario_label.setText(scenario.name)
        self.inputs.setText(self._inputs_html(scenario))
        self.result = models.simulate(scenario).to_dict()
        self._show_result()

    def show_tab(self, name: str):
        self.tabs.setCurrentIndex(self.TABS.index(name))

    # ------------------------------------------------------------- display
    def _na(self) -> str:
        return self.tr("not available")

    def _money(self, value: float) -> str:
        from PySide6.QtCore import QLocale

        cur = (self.result or {}).get("summary", {}).get("currency", "")
        decimals = 0 if cur == "JPY" else 2
        return f"{QLocale().toString(float(value), 'f', decimals)} {cur}"

    def _show_result(self):
        s = (self.result or {}).get("summary", {})
        n = s.get("horizon_years", "")
        if "simple_payback_years" in s:
            v = s["simple_payback_years"]
            self.cards["payback"].set_value(
                self.tr("not within %1 years").replace("%1", str(n)) if v is None
                else self.tr("%1 years").replace("%1", f"{v:.1f}"))
        else:
            self.cards["payback"].set_value(self._na(), False)
        for key, card in (("total_net", "net"), ("npv", "npv")):
            if key in s:
                self.cards[card].set_value(self._money(s[key]))
            else:
                self.cards[card].set_value(self._na(), False)
        if "soh_at_warranty" in s and "soh_at_warranty_baseline" in s:
            self.cards["warranty"].set_value(
                f"{100 * s['soh_at_warranty']:.1f} % / {100 * s['soh_at_warranty_baseline']:.1f} %")
        else:
            self.cards["warranty"].set_value(self._na(), False)
        if "wear_cost_per_kwh_discharged" in s:
            self.cards["wear"].set_value(self._money(s["wear_cost_per_kwh_discharged"]) + "/kWh")
        else:
            self.cards["wear"].set_value(self._na(), False)
        if "unmet_driving_kwh_total" in s:
            self.cards["unmet"].set_value(f"{s['unmet_driving_kwh_total']:.0f} kWh")
        else:
            self.cards["unmet"].set_value(self._na(), False)
        for name, plot in self.plots.items():
            plot.clear()
            if not self.result.get("yearly") and name != "compare":
                text = pg.TextItem(self.tr("Not computed yet in this version"), color="#8a94a6", anchor=(0.5, 0.5))
                plot.addItem(text)
                text.setPos(0.5, 0.5)
        status = self.result.get("status", "")
        self.status_label.setText(
            self.tr("Partial result: some figures are not computed yet.") if status != "complete"
            else self.tr("Ready"))

    def _inputs_html(self, s: sc.Scenario) -> str:
        rows = [
            (self.tr("Vehicle"), f"{s.vehicle.name}, {s.vehicle.capacity_kwh:g} kWh"),
            (self.tr("Driving"), self.tr("%1 km weekdays, %2 km weekends").replace("%1", f"{s.driving.weekday_km:g}")
             .replace("%2", f"{s.driving.weekend_km:g}")),
            (self.tr("Home"), self.tr("%1 kWh/year, %2 kWp solar").replace("%1", f"{s.home.annual_load_kwh:,.0f}")
             .replace("%2", f"{s.home.pv_kwp:g}")),
            (self.tr("Participation"), f"{s.participation.mode}, {', '.join(s.participation.windows)}, "
                                  f"{s.participation.power_kw:g} kW"),
            (self.tr("Charger"), f"{s.charger.name}"),
            (self.tr("Tariff"), f"{s.tariff.name} ({s.tariff.as_of})"),
            (self.tr("Horizon"), self.tr("%1 years from %2").replace("%1", str(s.horizon_years))
             .replace("%2", s.start_date)),
        ]
        body = "".join(f"<tr><td style='padding:3px 8px 3px 0;color:#45546b'><b>{k}</b></td>"
                       f"<td style='padding:3px 0'>{v}</td></tr>" for k, v in rows)
        heading = self.tr("Inputs")
        return f"<h3>{heading}</h3><table>{body}</table>"
