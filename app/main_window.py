"""Main window: header with dealer branding, inputs, KPI cards, chart tabs and comparison.

The window shows only what :func:`models.simulate` returns (the results
contract); a key the engine has not computed is shown as "not available".
Every edit is recomputed in the background (:class:`app.worker.SimulationRunner`);
the newest result is swapped in whole, so the window never blocks and never
shows a mix of old and new figures.

Modal questions go through ``self.dialogs`` (:class:`app.dialogs.Dialogs`),
which tests replace with :class:`app.dialogs.ScriptedDialogs`.
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

import dataclasses
import datetime as _dt
import gc
import json
import logging
import os
import re
import time
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPixmap
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QMainWindow, QMenuBar, QSplitter, QStatusBar,
                               QTabWidget, QToolButton, QVBoxLayout, QWidget)

from app import fields as F
from app import format as fmt
from app.charts import CashflowChart, CycleChart, DayChart, HealthChart, YearlyChart
from app.compare import MAX_COLUMNS, CompareView
from app.dialogs import Dialogs
from app.inputs import InputPanel
from app.kpis import ClampedLabel, KpiPanel
from app.settings import Settings, autosave_dir
from app.worker import SimulationRunner
from models import scenario as sc
from models.messages import translate as translate_note

log = logging.getLogger("v2g.window")
BASE_FONT_PT = 10.0
#: participation modes of "Compare without charger / V2H only / V2H + V2G" (labelled by MainWindow.variant_label)
QUICK_COMPARE_MODES = ("none", "v2h", "v2h+v2g")
#: charger costs set to 0 in the quick comparison's "Without charger" column: the customer buys no
#: bidirectional charger, so that column is the reference (no cost, no revenue, the baseline battery)
NO_CHARGER_COSTS = ("price", "installation", "subsidy", "om_per_year", "plain_charger_price")
#: honorifics a dealer may type after a customer's name; the header then adds none of its own
HONORIFICS = ("様", "さま", "殿", "御中", "先生")
#: presentation mode: tab titles grow at most this much (all six must fit 1280 px without "…")
TAB_SCALE_MAX = 1.15


def report_module():
    """``app.report`` when it offers ``write_report``, else None (the export action is then disabled)."""
    try:
        import app.report as report
    except Exception:  # not written yet, or broken: never stop the window
        return None
    return report if callable(getattr(report, "write_report", None)) else None


CHART_CLASSES = {"health": HealthChart, "cashflow": CashflowChart, "yearly": YearlyChart, "day": DayChart,
                 "cycles": CycleChart}


class LazyCharts(Mapping):
    """The chart of each tab by name, built on first use.

    Each chart tab holds a page widget; ``charts[name]`` builds the chart into its page when it
    does not exist yet (and shows the window's current result on it), so every chart can always
    be reached by name.  :meth:`built` lists the charts that exist, :meth:`build_one` builds the
    next missing one.
    """

    def __init__(self, window, specs: dict):
        self._window, self._specs = window, specs
        self._charts: dict = {}
        self._pages: dict = {}

    def page(self, name: str) -> QWidget:
        if name not in self._pages:
            page = QWidget()
            lay = QVBoxLayout(page)
            lay.setContentsMargins(0, 0, 0, 0)
            self._pages[name] = page
        return self._pages[name]

    def __getitem__(self, name):
        chart = self._charts.get(name)
        if chart is None:
            cls, font_pt = self._specs[name]      # KeyError for an unknown name, as a dict
            chart = self._charts[name] = cls(self._window.lang, font_pt)
            self.page(name).layout().addWidget(chart)
            self._window._chart_built(chart)
        return chart

    def __iter__(self):
        return iter(self._specs)

    def __len__(self):
        return len(self._specs)

    def built(self) -> list:
        return list(self._charts.values())

    def built_chart(self, name: str):
        return self._charts.get(name)

    def all_built(self) -> bool:
        return len(self._charts) == len(self._specs)

    def build_one(self) -> bool:
        """Build the next chart not built yet; True while more are missing."""
        for name in self._specs:
            if name not in self._charts:
                self[name]
                break
        return not self.all_built()


def _demo_texts_in(scenario, lang: str):
    """``scenario`` with the demo's name and notes in ``lang`` when it carries them in another language
    (the same object when it does not): a language switch, or the shipped example saved from the demo."""
    texts = sc.DEMO_TEXTS
    was = next((x for x in texts if x != lang and scenario.name == texts[x][0]), None)
    if was is None or lang not in texts:
        return scenario
    d = sc.to_dict(scenario)
    d["name"] = texts[lang][0]
    if d.get("notes") == texts[was][1]:
        d["notes"] = texts[lang][1]
    return sc.from_dict(d)


def _no_charger_costs(scenario) -> bool:
    """True when a scenario pays nothing for its charger (the quick comparison's reference column; a
    "none" variant saved before that column existed still carries the charger's costs)."""
    c = scenario.charger
    return all(getattr(c, k) == 0.0 for k in NO_CHARGER_COSTS)


def _shortcuts(spec) -> list[QKeySequence]:
    """Key sequences of a standard key, a text like "Ctrl+E", or a tuple of them, first wins, no repeats.

    A tuple gives a fallback where the platform has no binding for the standard key (Windows has
    none for Quit, for instance, so Ctrl+Q is added)."""
    out: list[QKeySequence] = []
    for item in spec if isinstance(spec, tuple) else (spec,):
        keys = (QKeySequence.keyBindings(item) if isinstance(item, QKeySequence.StandardKey)
                else [QKeySequence(item)])
        out += [k for k in keys if not k.isEmpty() and k not in out]
    return out


class MainWindow(QMainWindow):
    TABS = ("health", "cashflow", "yearly", "day", "cycles", "compare")

    #: emitted after a main result has been swapped in and every chart redrawn (request id)
    resultShown = Signal(int)
    #: emitted after the comparison table was refreshed
    compareShown = Signal()

    def __init__(self, lang: str = "en", parent=None, *, settings: Settings | None = None,
                 dialogs: Dialogs | None = None, runner: SimulationRunner | None = None, autosave: bool = True):
        super().__init__(parent)
        self.lang = lang
        self.settings = settings or Settings()
        self.dialogs = dialogs or Dialogs()
        self.runner = runner or SimulationRunner(self, debounce_ms=self.settings.get("compute/debounce_ms"))
        self.runner.setParent(self)
        self.runner.resultReady.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.busyChanged.connect(self._on_busy)
        self.runner.warmedUp.connect(self._on_warmed_up)
        self.scenario: sc.Scenario | None = None
        self.result: dict | None = None
        self.result_scenario: sc.Scenario | None = None
        self.result_rid = 0
        self.path: str | None = None
        self.dirty = False
        self.presentation = False
        self.variants: list[dict] = []
        self._variant_uid = 0
        self._warm_requested = False
        #: load every battery model's kernels in the background after the first result (off for screenshots)
        self.warm_up_after_first_result = True
        #: build the chart tabs not shown once the first result is on screen (off for a screenshot,
        #: which renders one tab and exits; a tab asked for is always built at once)
        self.build_tabs_after_result = True
        self._started = time.perf_counter()
        self.first_result_seconds: float | None = None
        self.timings: list[float] = []
        self._autosave_enabled = autosave
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.timeout.connect(self.write_autosave)
        self.setAcceptDrops(True)
        self.setMinimumSize(1024, 680)
        self._build_ui()
        self._set_status(self.tr("Preparing the calculation engine…"))

    # ================================================================== UI
    def _scale(self) -> float:
        return float(self.settings.get("ui/presentation_scale")) if self.presentation else 1.0

    def _build_ui(self) -> None:
        scale = self._scale()
        font_pt = BASE_FONT_PT * scale
        app = QApplication.instance()
        if app is not None:
            f = app.font()
            f.setPointSizeF(font_pt)
            app.setFont(f)
        self._build_menus()
        central = QWidget()
        self.setCentralWidget(central)
        root = QVBoxLayout(central)
        root.setContentsMargins(8, 6, 8, 4)
        root.setSpacing(6)

        header = QHBoxLayout()
        self.logo = QLabel()
        self.logo.setFixedHeight(int(52 * scale))
        self.dealer_label = QLabel()
        self.dealer_label.setStyleSheet(f"font-size: {13 * scale:.1f}pt; font-weight: bold; color: #24364f;")
        self.title = QLabel(self.tr("V2G Calculator"))
        self.title.setStyleSheet(f"font-size: {17 * scale:.1f}pt; font-weight: bold; color: #0b2545;")
        self.scenario_label = ClampedLabel(lines=2)   # a long name: two lines at most, then "…"
        self.scenario_label.setStyleSheet(f"font-size: {11.5 * scale:.1f}pt; color: #45546b;")
        self.scenario_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.customer_label = QLabel("")
        self.customer_label.setStyleSheet(f"font-size: {12 * scale:.1f}pt; color: #24364f;")
        self.customer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.logo)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.dealer_label)
        header.addLayout(names)
        header.addStretch(1)
        right_names = QVBoxLayout()
        right_names.setSpacing(0)
        right_names.addWidget(self.customer_label)
        right_names.addWidget(self.scenario_label)
        header.addLayout(right_names, 2)
        other = "ja" if self.lang == "en" else "en"
        self.lang_button = QToolButton()
        self.lang_button.setText("日本語" if other == "ja" else "English")
        self.lang_button.setToolTip(self.tr("Switch the language"))
        self.lang_button.setAutoRaise(True)
        self.lang_button.setStyleSheet("QToolButton { color: #1f6feb; padding: 2px 6px; }")
        self.lang_button.clicked.connect(lambda _=False, code=other: self.set_language(code))
        header.addWidget(self.lang_button, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(header)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.inputs = InputPanel(self.lang)
        self.inputs.scenarioEdited.connect(self._on_edited)
        self.inputs.validityChanged.connect(self._on_validity)
        self.inputs.presetApplied.connect(self._on_preset_applied)
        self.inputs.notice.connect(self._on_notice)
        self.splitter.addWidget(self.inputs)
        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.setSpacing(6)
        self.kpis = KpiPanel(self.lang, scale)
        rlay.addWidget(self.kpis)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("chartTabs")
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        if scale != 1.0:
            # tab titles are for the dealer: a little larger than normal, but all six fit 1280 px unelided
            # (in the style sheet: a style sheet on the bar overrides setFont)
            self.tabs.tabBar().setStyleSheet(f"QTabBar {{ font-size: {BASE_FONT_PT * min(scale, TAB_SCALE_MAX):.1f}pt; }}"
                                             " QTabBar::tab { padding: 3px 8px; }")
        # The tab shown is built now; the others right after the first result is on screen (start-up
        # time), or when asked for (a tab clicked, ``self.charts[name]``), whichever comes first.
        self.charts = LazyCharts(self, {name: (cls, font_pt) for name, cls in CHART_CLASSES.items()})
        self.compare = CompareView(self.lang, font_pt)
        self.compare.duplicateRequested.connect(self.duplicate_as_variant)
        self.compare.quickSetRequested.connect(self.quick_compare)
        self.compare.removeRequested.connect(self.remove_variant)
        self.compare.clearRequested.connect(self.clear_variants)
        titles = {"health": self.tr("Battery health"), "cashflow": self.tr("Cash flow & payback"),
                  "yearly": self.tr("Year by year"), "day": self.tr("Typical day"),
                  "cycles": self.tr("Cycle map"), "compare": self.tr("Compare scenarios")}
        for name in self.TABS:
            self.tabs.addTab(self.compare if name == "compare" else self.charts.page(name),
                             titles[name].replace("&", "&&"))
        rlay.addWidget(self.tabs, 1)
        self.charts[self.TABS[0]]   # the first tab (shown unless another one is chosen): built now
        # the comparison table shows these figures for every scenario: the cards make room for it there
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([int(370 * min(scale, 1.15)), 900])
        root.addWidget(self.splitter, 1)

        self.setStatusBar(QStatusBar())  # a rebuild starts with an empty status bar
        self.status_label = QLabel("")
        self.busy_label = QLabel("")
        self.busy_label.setStyleSheet("color: #1f6feb;")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        self._apply_branding()
        self._update_title()

    def _on_tab_changed(self, index: int) -> None:
        name = self.current_tab()
        if name in CHART_CLASSES:
            self.charts[name]    # built when first shown
        self.kpis.setVisible(name != "compare")

    def _chart_built(self, chart) -> None:
        """A chart just built (:class:`LazyCharts`) shows the figures already on screen."""
        if self.result is not None and self.result_scenario is not None:
            chart.show_result(self.result, self.result_scenario)

    def _build_other_tabs_soon(self) -> None:
        """Build the chart tabs not built yet once the result just shown is painted (a posted event,
        handled before a timer that is due later), one per pass of the event loop."""
        if self.build_tabs_after_result and not self.charts.all_built():
            QTimer.singleShot(50, self, self._build_next_chart)  # cancelled with the window

    def _build_next_chart(self) -> None:
        """Build the charts not built yet, one per pass of the event loop (after the first result)."""
        if self.charts.build_one():
            QTimer.singleShot(0, self, self._build_next_chart)

    def _build_menus(self) -> None:
        for a in getattr(self, "_window_actions", []):  # the previous menu bar's actions
            try:
                self.removeAction(a)
            except RuntimeError:  # already deleted
                pass
        mb = QMenuBar()
        self.setMenuBar(mb)  # the old menu bar, its menus and actions are deleted with it
        self.actions: dict[str, QAction] = {}

        def act(key, text, slot, shortcut=None, menu=None, checkable=False):
            a = QAction(text, mb)
            if shortcut is not None:
                a.setShortcuts(_shortcuts(shortcut))
            a.setCheckable(checkable)
            a.triggered.connect(slot)
            self.actions[key] = a
            if menu is not None:
                menu.addAction(a)
            return a

        m = mb.addMenu(self.tr("&File"))
        act("new", self.tr("&New scenario"), self.new_scenario, QKeySequence.StandardKey.New, m)
        act("demo", self.tr("Open the &demo scenario"), self.open_demo, None, m)
        act("open", self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open, m)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        m.addSeparator()
        act("save", self.tr("&Save"), self.save, QKeySequence.StandardKey.Save, m)
        act("save_as", self.tr("Save &as…"), self.save_as, (QKeySequence.StandardKey.SaveAs, "Ctrl+Shift+S"), m)
        act("import_prices", self.tr("&Import price series (JEPX, CSV, Excel)…"), self.import_prices, None, m)
        m.addSeparator()
        export = act("export", self.tr("&Export report…"), self.export_report, QKeySequence("Ctrl+E"), m)
        if report_module() is None:
            export.setEnabled(False)
            export.setToolTip(self.tr("The report module is not installed in this version."))
            export.setStatusTip(export.toolTip())
        m.setToolTipsVisible(True)
        m.addSeparator()
        act("quit", self.tr("&Quit"), self.close, (QKeySequence.StandardKey.Quit, "Ctrl+Q"), m)
        self._fill_recent()

        m = mb.addMenu(self.tr("&Compare"))
        act("duplicate", self.tr("&Duplicate current scenario as variant"), self.duplicate_as_variant,
            QKeySequence("Ctrl+D"), m)
        act("quick_compare", self.tr("Compare &without charger / V2H only / V2H + V2G"), self.quick_compare, None, m)
        act("clear_variants", self.tr("&Remove all variants"), self.clear_variants, None, m)

        m = mb.addMenu(self.tr("&View"))
        act("presentation", self.tr("&Presentation mode"), self.toggle_presentation, QKeySequence("F5"), m,
            checkable=True)
        self.actions["presentation"].setChecked(self.presentation)
        act("show_inputs", self.tr("Show the &inputs"), self.set_inputs_visible, QKeySequence("Ctrl+I"), m,
            checkable=True)
        self.actions["show_inputs"].setChecked(getattr(self, "_inputs_visible", True))
        lang_menu = m.addMenu(self.tr("&Language"))
        group = QActionGroup(mb)
        for code, name in (("en", "English"), ("ja", "日本語")):
            a = act(f"lang_{code}", name, lambda _=False, c=code: self.set_language(c), None, lang_menu, True)
            a.setChecked(code == self.lang)
            group.addAction(a)
        m.addSeparator()
        tab_actions = []
        for i, name in enumerate(self.TABS):
            a = QAction(mb, shortcut=QKeySequence(f"Ctrl+{i + 1}"))
            a.triggered.connect(lambda _=False, n=name: self.show_tab(n))
            tab_actions.append(a)

        m = mb.addMenu(self.tr("&Settings"))
        act("branding", self.tr("Dealer &branding…"), self.edit_branding, None, m)

        m = mb.addMenu(self.tr("&Help"))
        act("about", self.tr("&About V2G Calculator"), self.about, (QKeySequence.StandardKey.HelpContents, "F1"), m)
        # Shortcuts of actions that live only in a hidden menu bar do not fire: the window carries them
        # too, so F5, Ctrl+S … keep working in presentation mode, where the menu bar is hidden.
        self._window_actions = list(self.actions.values()) + tab_actions
        self.addActions(self._window_actions)
        mb.setVisible(not self.presentation)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.get("files/recent") if p]
        for path in recent:
            a = self.recent_menu.addAction(Path(path).name)
            a.setToolTip(path)
            a.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        self.recent_menu.setEnabled(bool(recent))

    def _rebuild_ui(self) -> None:
        """Rebuild every widget (language or presentation change), keeping the state."""
        tab = self.current_tab()
        section = self.inputs.toolbox.currentIndex() if hasattr(self, "inputs") else 0
        day = None
        old_day = self.charts.built_chart("day") if hasattr(self, "charts") else None
        if old_day is not None:
            day = (old_day.season.currentData(), old_day.daytype.currentData())
        old = self.centralWidget()
        self._build_ui()
        if old is not None:
            old.deleteLater()
        if self.scenario is not None:
            self.inputs.set_scenario(self.scenario)
        self.inputs.setVisible(getattr(self, "_inputs_visible", True))
        self.inputs.toolbox.setCurrentIndex(section)
        if day:
            self.charts["day"].set_day(*day)
        self._show_result()
        self._refresh_compare()
        self.show_tab(tab)
        if self.result is not None:
            self._build_other_tabs_soon()
        if self.result is None:   # otherwise _show_result has just shown the result's notes again
            self._set_status(self.tr("Preparing the calculation engine…"))

    # ============================================================ scenario
    def load_demo(self) -> None:
        self.clear_variants()
        self.set_scenario(sc.demo(self.lang), None)

    def _localize_demo_name(self) -> None:
        """After a language switch, the demo's own name and notes follow the language (nothing else)."""
        if self.scenario is None:
            return
        renamed = _demo_texts_in(self.scenario, self.lang)
        if renamed is self.scenario:
            return
        if self.result_scenario is not None and _same_numbers(self.result_scenario, renamed):
            self.result_scenario = renamed
        self.scenario = renamed

    def set_scenario(self, scenario: sc.Scenario, path: str | None, dirty: bool = False,
                     request: bool = True) -> None:
        """Show ``scenario``; ``request=False`` when its computation was already requested on the runner."""
        self.scenario = scenario
        self.path = path
        self.dirty = dirty
        self.inputs.set_scenario(scenario)
        self._update_title()
        if request:
            self.runner.request("main", scenario, delay_ms=0)
        self._refresh_compare()

    def _on_edited(self, scenario: sc.Scenario) -> None:
        only_text = self.scenario is not None and _same_numbers(self.scenario, scenario)
        self.scenario = scenario
        self.dirty = True
        self._update_title()
        if only_text and self.result is not None and not self.runner.is_busy("main"):
            self.result_scenario = scenario  # only the name or notes changed: the figures stay valid
        else:
            self.runner.request("main", scenario)
        if self._autosave_enabled:
            self._autosave_timer.start(1000 * max(1, int(self.settings.get("autosave/interval_s"))))

    def _on_validity(self, valid: bool) -> None:
        if not valid:
            self._set_status(self.tr("Please correct the marked value; the figures show the last valid inputs."),
                             error=True)
        elif self.result is not None:
            self._show_result_status()   # the result's notes again (the inputs are back to what it was made of)
        else:
            self._set_status("")

    def _on_preset_applied(self, kind: str, warnings: list) -> None:
        """Emitted after the edit it belongs to: when that edit started a computation, the message
        stays beside the coming result's notes; when nothing changed (a preset that was not applied),
        it is shown now and goes with the next message."""
        if not warnings:
            return
        text = " ".join(translate_note(w, self.lang) for w in warnings)
        if self.runner.is_busy("main"):
            self._on_notice(text, error=True)
        else:
            self._set_status(text, error=True)

    def _on_notice(self, text: str, error: bool = False) -> None:
        """A message that stays in the status line together with the next result's notes."""
        self._notice = (text, error)
        self._set_status(text, error=error)

    def _update_title(self) -> None:
        name = self.scenario.name if self.scenario else ""
        self.scenario_label.setText(name)
        self.setWindowTitle(f"{name}{' *' if self.dirty else ''} — {self.tr('V2G Calculator')}")

    # ============================================================= results
    def _on_result(self, channel: str, rid: int, scenario, result) -> None:
        if channel == "main":
            t0 = time.perf_counter()
            self.result, self.result_scenario, self.result_rid = result, scenario, rid
            self._show_result()
            self._build_other_tabs_soon()
            if self.first_result_seconds is None:
                self.first_result_seconds = time.perf_counter() - self._started
                _freeze_startup_objects()
                if not self._warm_requested and self.warm_up_after_first_result:
                    self._warm_requested = True
                    QTimer.singleShot(200, self, self._start_warm_up)
            self.timings.append(time.perf_counter() - t0)
            self._refresh_compare()
            self.resultShown.emit(rid)
        elif channel.startswith("variant:"):
            uid = int(channel.split(":", 1)[1])
            for v in self.variants:
                if v["uid"] == uid:
                    v["result"], v["failed"] = result, False
            self._refresh_compare()

    def _show_result(self) -> None:
        result, scenario = self.result, self.result_scenario
        self.kpis.show_result(result, pending=result is None)
        if result is None or scenario is None:
            return
        for chart in self.charts.built():
            chart.show_result(result, scenario)
        self._show_result_status(consume_notice=True)

    def _show_result_status(self, consume_notice: bool = False) -> None:
        """The status line for the result on screen: its notes, after a pending notice (which a new
        result consumes; a status refresh between results keeps it for the coming result)."""
        result = self.result
        if result is None:
            return
        if result.get("status") != "complete":
            self._set_status(self.tr("Some figures are not available in this version."))
        elif self.inputs.valid:
            # the engine gives its notes in both languages (warnings_ja in the same order)
            warnings = (result.get("warnings_ja") if self.lang == "ja" and "warnings_ja" in result
                        else result.get("warnings")) or []
            text = (self.tr("Ready") if not warnings else
                    self.tr("Ready. Note: %1").replace("%1", " ".join(warnings[:2])))
            notice, error = getattr(self, "_notice", None) or ("", False)
            if consume_notice:
                self._notice = None   # shown with this result, replaced by the next one
            self._set_status(f"{notice} \u2014 {text}" if notice else text, error=error)

    def _on_failed(self, channel: str, rid: int, error: str) -> None:
        first = error.splitlines()[0] if error else ""
        if first.startswith("EngineStopped"):   # app.engine: the engine process ended (it restarts)
            first = self.tr("the calculation engine stopped; the next change starts it again")
        if channel == "main":  # never leave figures of other inputs on screen
            self.result = None
            self.kpis.show_result(None)
            for chart in self.charts.built():
                chart._set_available(False)
        elif channel.startswith("variant:"):
            uid = int(channel.split(":", 1)[1])
            for v in self.variants:
                if v["uid"] == uid:
                    v["failed"] = True
            self._refresh_compare()
        self._set_status(self.tr("The calculation failed: %1").replace("%1", first), error=True)

    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Calculating…") if busy else
                                self.tr("Preparing the other battery models…") if getattr(self, "_warming", False)
                                else "")

    def _start_warm_up(self) -> None:
        """Compile/load the kernels of every battery model in the background (a later model change is then fast)."""
        self._warming = True
        if not self.runner.is_busy():
            self.busy_label.setText(self.tr("Preparing the other battery models…"))
        self.runner.warm_up()

    def _on_warmed_up(self, seconds: float) -> None:
        if seconds >= 0:
            log.info("kernels warmed up in %.2f s", seconds)
        self._warming = False
        if not self.runner.is_busy():
            self.busy_label.setText("")
        _freeze_startup_objects()   # the compiled kernels' objects too

    def wait_for_result(self, timeout_ms: int = 120000) -> bool:
        """Process events until the main channel is idle and a result is shown (scripts, screenshot)."""
        ok = self.runner.wait_idle(timeout_ms)
        QCoreApplication.processEvents()
        return ok and self.result is not None

    # ============================================================ compare
    def duplicate_as_variant(self) -> None:
        if self.scenario is None:
            return
        if len(self.variants) >= MAX_COLUMNS - 1:
            self._set_status(self.tr("At most %1 scenarios can be compared; remove one first.")
                             .replace("%1", str(MAX_COLUMNS)), error=True)
            return
        # numbers only go up, and a name already shown (a saved label from a file) is skipped, so
        # removing "Variant 1" and copying again never gives two "Variant 2"
        number = max((v.get("number") or 0 for v in self.variants if v["kind"] == "copy"), default=0) + 1
        shown = set(self.variant_names())
        while self.tr("Variant %1").replace("%1", str(number)) in shown:
            number += 1
        self._add_variant("copy", self.scenario, number=number)
        self.show_tab("compare")

    def quick_compare(self) -> None:
        if self.scenario is None:
            return
        self.clear_variants()
        for mode in QUICK_COMPARE_MODES:
            d = sc.to_dict(self.scenario)
            d["participation"]["mode"] = mode
            if mode == "none":   # the reference: no bidirectional charger bought, nothing spent
                d["charger"].update({k: 0.0 for k in NO_CHARGER_COSTS}, subsidy_preset_id="")
            self._add_variant(mode, sc.from_dict(d))
        self.show_tab("compare")

    def variant_label(self, v: dict, plain: bool = False) -> str:
        """Name of a variant in the current UI language, made from its ``kind`` at display time (so a
        language switch re-labels it): the participation mode of a quick comparison, or ``copy`` with
        its number (kinds as in ``models.scenario.VARIANT_KINDS``)."""
        none = self.tr("Without charger") if _no_charger_costs(v["scenario"]) else self.tr("No V2G")
        names = {"none": none, "v2h": self.tr("V2H only"), "v2g": self.tr("V2G only"),
                 "v2h+v2g": self.tr("V2H + V2G")}
        if v.get("label") and v["kind"] == "copy":   # a copy read from a file keeps its saved name
            name = v["label"]
        else:
            name = names.get(v["kind"]) or self.tr("Variant %1").replace("%1", str(v.get("number") or ""))
        return name + ("" if plain or not v.get("failed") else " \u26a0")

    def variant_names(self) -> list[str]:
        return [self.variant_label(v) for v in self.variants]

    def _add_variant(self, kind: str, scenario: sc.Scenario, number: int | None = None, label: str = "") -> None:
        """``kind``: "copy" (``number`` N is shown as "Variant N") or the participation mode of a quick
        comparison; the label is made at display time (:meth:`variant_label`)."""
        self._variant_uid += 1
        v = {"uid": self._variant_uid, "kind": kind, "number": number, "scenario": scenario, "result": None,
             "failed": False, "label": label}
        self.variants.append(v)
        if scenario is self.result_scenario and self.result is not None:
            v["result"] = self.result
        else:
            self.runner.request(f"variant:{v['uid']}", scenario, delay_ms=0)
        self._refresh_compare()

    def remove_variant(self, index: int) -> None:
        if 0 <= index < len(self.variants):
            v = self.variants.pop(index)
            self.runner.cancel(f"variant:{v['uid']}")
            self._refresh_compare()
            if self.result is not None and self.inputs.valid and not self.runner.is_busy("main"):
                self._show_result_status()   # not a stale "at most 4 scenarios" message after a removal

    def clear_variants(self) -> None:
        for v in self.variants:
            self.runner.cancel(f"variant:{v['uid']}")
        self.variants.clear()
        self._refresh_compare()

    def _refresh_compare(self) -> None:
        if not hasattr(self, "compare"):
            return
        cols = [(self.tr("Current scenario"), self.result)]
        cols += [(self.variant_label(v), v["result"]) for v in self.variants]
        self.compare.set_columns(cols)
        self.compareShown.emit()

    # ============================================================== files
    def _maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to replace the scenario."""
        if not self.dirty or self.scenario is None:
            return True
        answer = self.dialogs.unsaved_changes(self, self.scenario.name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_scenario(self) -> None:
        if not self._maybe_save():
            return
        self.set_scenario(sc.Scenario(name=self.tr("New scenario")), None)

    def open_demo(self) -> None:
        if self._maybe_save():
            self.load_demo()

    def open_dialog(self) -> None:
        if not self._maybe_save():
            return
        path = self.dialogs.open_file(self, self.settings.get("files/last_dir"))
        if path:
            self.open_path(path, ask=False)

    def _open_recent(self, path: str) -> None:
        self.open_path(path)

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Open a scenario file; a bad file never replaces the current scenario."""
        if ask and not self._maybe_save():
            return False
        try:
            scenario, variants, variant_problems = sc.load_with_comparison(path)
        except sc.ScenarioError as err:
            msgs = F.problem_messages(err.problems, self.lang)
            shown = "\n".join(msgs[:12]) + ("\n…" if len(msgs) > 12 else "")
            self.dialogs.warning(self, self.tr("Cannot open scenario"),
                                 self.tr("“%1” could not be opened, so the current scenario is kept.\n\n%2")
                                 .replace("%1", Path(path).name).replace("%2", shown), "\n".join(msgs))
            if self.scenario is None:
                self.load_demo()
            return False
        except Exception as exc:  # unexpected: report, keep the current scenario
            log.exception("opening %s", path)
            self.dialogs.warning(self, self.tr("Cannot open scenario"),
                                 self.tr("“%1” could not be opened, so the current scenario is kept.\n\n%2")
                                 .replace("%1", Path(path).name).replace("%2", str(exc)))
            if self.scenario is None:
                self.load_demo()
            return False
        self.clear_variants()
        # a file holding the demo's own name (the shipped Japanese example) shows it in the UI language
        self.set_scenario(_demo_texts_in(scenario, self.lang), str(path))
        self._restore_variants(variants)
        self._remember_file(str(path))
        if variant_problems:
            self._on_notice(self.tr("Opened %1; %2 compared scenario(s) could not be read: %3")
                            .replace("%1", str(path)).replace("%2", str(len({p.path.split(".")[0]
                                                                               for p in variant_problems})))
                            .replace("%3", variant_problems[0].message(self.lang)), error=True)
        else:
            self._on_notice(self.tr("Opened %1").replace("%1", str(path)))   # stays beside the result's notes
        return True

    def _restore_variants(self, variants) -> None:
        """Variants read from a file: their saved label is kept as it was written."""
        for i, v in enumerate(variants[:MAX_COLUMNS - 1]):
            self._add_variant(v.kind, v.scenario, number=i + 1 if v.kind == "copy" else None, label=v.label)

    def comparison_for_file(self) -> list:
        """The variants as :class:`models.scenario.Variant` (label in the current language)."""
        return [sc.Variant(label=self.variant_label(v, plain=True), kind=v["kind"], scenario=v["scenario"])
                for v in self.variants]

    def _remember_file(self, path: str) -> None:
        self.settings.add_recent(os.path.abspath(path))
        self.settings.set("files/last_dir", os.path.dirname(os.path.abspath(path)))
        self._fill_recent()

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        if self.scenario is None:
            return False
        folder = self.settings.get("files/last_dir") or str(Path.home())
        suggested = os.path.join(folder, _safe_name(self.scenario.name) + sc.FILE_SUFFIX)
        path = self.dialogs.save_file(self, suggested)
        if not path:
            return False
        if not path.endswith(".json"):
            path += sc.FILE_SUFFIX
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            sc.save(self.scenario, path, comparison=self.comparison_for_file())
        except sc.ScenarioError as err:
            self.dialogs.warning(self, self.tr("Cannot save"), "\n".join(err.messages(self.lang)[:12]))
            return False
        except OSError as exc:
            self.dialogs.warning(self, self.tr("Cannot save"),
                                 self.tr("“%1” could not be written: %2").replace("%1", path)
                                 .replace("%2", exc.strerror or str(exc)))
            return False
        self.path = path
        self.dirty = False
        self._update_title()
        self._remember_file(path)
        self.remove_autosave()
        self._set_status(self.tr("Saved %1").replace("%1", path))
        return True

    # drag and drop -------------------------------------------------------
    def dragEnterEvent(self, event):  # noqa: N802 (Qt naming)
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(".json") for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):  # noqa: N802
        for u in event.mimeData().urls():
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".json"):
                event.acceptProposedAction()
                QTimer.singleShot(0, self, lambda p=u.toLocalFile(): self.open_path(p))
                return
        event.ignore()

    # autosave --------------------------------------------------------------
    def write_autosave(self) -> Path | None:
        if not self._autosave_enabled or self.scenario is None or not self.dirty:
            return None
        folder = autosave_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            scenario = sc.to_dict(self.scenario)
            data = {"path": self.path, "saved_at": _dt.datetime.now().isoformat(timespec="seconds"),
                    "scenario": scenario,
                    sc.COMPARISON_KEY: sc.comparison_entries(scenario, self.comparison_for_file())}
            target = folder / "autosave.json"
            sc.atomic_write_text(target, json.dumps(data, ensure_ascii=False) + "\n")
            return target
        except (OSError, ValueError) as exc:
            log.warning("autosave failed: %s", exc)
            return None

    def remove_autosave(self) -> None:
        try:
            (autosave_dir() / "autosave.json").unlink(missing_ok=True)
        except OSError:
            pass

    def check_recovery(self) -> bool:
        """Offer to recover an autosaved scenario left by a crash; True when one was restored."""
        target = autosave_dir() / "autosave.json"
        if not target.exists():
            return False
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
            scenario = sc.from_dict(data["scenario"])
            variants, _ = sc.load_comparison({sc.COMPARISON_KEY: data.get(sc.COMPARISON_KEY)}, scenario)
        except Exception as exc:  # unreadable autosave: drop it
            log.warning("autosave not usable: %s", exc)
            self.remove_autosave()
            return False
        if not self.dialogs.recover(self, str(data.get("saved_at", "")).replace("T", " ")):
            self.remove_autosave()
            return False
        self.clear_variants()
        self.set_scenario(scenario, data.get("path"), dirty=True)
        self._restore_variants(variants)
        self._set_status(self.tr("Recovered the unsaved scenario."))
        return True

    # report ----------------------------------------------------------------
    def import_prices(self) -> bool:
        """Embed a wholesale price series (JEPX spot_summary or timestamp,price) into the tariff."""
        from models import price_import as pi

        path = self.dialogs.price_file(self, self.settings.get("files/last_dir"))
        if not path:
            return False
        area = "tokyo"
        if pi.sniff(path) == "jepx":
            areas = list(pi.JEPX_AREAS)
            idx = self.dialogs.choose(self, self.tr("Import price series"), self.tr("JEPX area"),
                                      [pi.area_name(a, self.lang) for a in areas], areas.index("tokyo"))
            if idx is None:
                return False
            area = areas[idx]
        uses = [self.tr("Export price follows the series"), self.tr("Import price follows the series"),
                self.tr("Both follow the series")]
        idx = self.dialogs.choose(self, self.tr("Import price series"), self.tr("Use the series for"), uses, 0)
        if idx is None:
            return False
        try:
            series = pi.read_price_file(path, area=area, country=self.scenario.country)
            adder = 0.0
            if pi.USES[idx] in ("import", "both"):
                # a market-linked plan sells at the wholesale price plus its own margin (the levies are
                # the tariff's add-on, counted on top): without it bought energy would look far too cheap.
                # Asked once the file has been read; a re-import proposes the margin already set.
                old = self.scenario.tariff.price_series
                unit = fmt.price_unit_label(self.scenario.currency, self.lang)
                adder = self.dialogs.number(
                    self, self.tr("Import price series"),
                    self.tr("Retail margin the plan adds to the wholesale price (%1/kWh; levies are added "
                            "separately as the tariff's add-on)").replace("%1", unit),
                    old.import_adder_per_kwh if old is not None else 0.0, -100.0, 1000.0, 2)
                if adder is None:
                    return False
            new = pi.embed(self.scenario, series, use=pi.USES[idx], import_adder_per_kwh=adder)
        except pi.PriceImportError as err:
            self.dialogs.warning(self, self.tr("Cannot import the price series"),
                                 "\n".join(err.messages(self.lang)[:15]), "\n".join(err.messages("en")))
            return False
        except sc.ScenarioError as err:
            self.dialogs.warning(self, self.tr("Cannot import the price series"),
                                 "\n".join(err.messages(self.lang)[:15]))
            return False
        self.set_scenario(new, self.path, dirty=True)
        # a notice: it stays in the status line beside the new result's notes
        self._on_notice(self.tr("Imported %1 prices from %2").replace("%1", f"{len(series.values_per_kwh):,}")
                        .replace("%2", Path(path).name))
        return True

    def export_report(self) -> bool:
        report = report_module()
        if report is None:
            return False
        if self.result is None or self.result_scenario is None:
            self.dialogs.info(self, self.tr("Export report"), self.tr("Please wait until the figures are calculated."))
            return False
        folder = self.settings.get("report/folder") or self.settings.get("files/last_dir") or str(Path.home())
        suggested = os.path.join(folder, _safe_name(self.result_scenario.name) + ".xlsx")
        path = self.dialogs.report_file(self, suggested)
        locked_error = getattr(report, "ReportFileLockedError", None)
        while path:
            try:
                written = report.write_report(
                    self.result, self.result_scenario, path, lang=self.lang,
                    dealer_name=self.settings.get("branding/dealer_name"),
                    customer_name=self.settings.get("branding/customer_name"),
                    logo_path=self.settings.get("branding/logo_path") or None,
                    comparison=[(self.variant_label(v, plain=True), v["scenario"], v["result"])
                                for v in self.variants] or None)
            except Exception as exc:
                if locked_error is not None and isinstance(exc, locked_error):
                    choice = self.dialogs.file_locked(self, path)
                    if choice == "retry":
                        continue
                    if choice == "rename":
                        path = self.dialogs.report_file(self, path)
                        continue
                    return False
                log.exception("report export failed")
                self.dialogs.warning(self, self.tr("Export report"),
                                     self.tr("The report could not be written: %1").replace("%1", str(exc)))
                return False
            self.settings.set("report/folder", os.path.dirname(os.path.abspath(str(written))))
            self._set_status(self.tr("Report saved: %1").replace("%1", str(written)))
            return True
        return False

    # ======================================================= view & settings
    def current_tab(self) -> str:
        return self.TABS[self.tabs.currentIndex()] if hasattr(self, "tabs") else "health"

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(self.TABS.index(name))

    def set_language(self, lang: str) -> None:
        from app import i18n

        if lang == self.lang:
            return
        app = QApplication.instance()
        i18n.install(app, lang)
        self.lang = lang
        self.settings.set("ui/language", lang)
        self._localize_demo_name()
        self._rebuild_ui()
        self._update_title()

    def retranslate(self) -> None:
        """Rebuild the widgets with the installed translators (language or test translator changed)."""
        self._rebuild_ui()

    def toggle_presentation(self, on: bool | None = None) -> None:
        self.presentation = (not self.presentation) if on is None or not isinstance(on, bool) else on
        if self.presentation:
            self.showFullScreen()
        else:
            self.showNormal()
        self._rebuild_ui()

    def set_inputs_visible(self, visible: bool) -> None:
        """Hide the input panel to give the charts the whole width (e.g. while presenting)."""
        self._inputs_visible = bool(visible)
        self.inputs.setVisible(self._inputs_visible)
        self.actions["show_inputs"].setChecked(self._inputs_visible)

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.presentation:
            self.toggle_presentation(False)
            return
        super().keyPressEvent(event)

    def edit_branding(self) -> None:
        from app.branding import BrandingDialog

        dlg = BrandingDialog(self.settings, self.dialogs, self)
        if dlg.exec():
            self._apply_branding()

    def apply_branding(self, dealer: str, customer: str, logo: str = "") -> None:
        self.settings.set("branding/dealer_name", dealer)
        self.settings.set("branding/customer_name", customer)
        self.settings.set("branding/logo_path", logo)
        self._apply_branding()

    def _apply_branding(self) -> None:
        dealer = self.settings.get("branding/dealer_name")
        customer = self.settings.get("branding/customer_name")
        logo = self.settings.get("branding/logo_path")
        self.dealer_label.setText(dealer)
        self.dealer_label.setVisible(bool(dealer))
        self.customer_label.setText(self.prepared_for(customer))
        self.customer_label.setVisible(bool(customer))
        pix = QPixmap(logo) if logo else QPixmap()
        if not pix.isNull():
            self.logo.setPixmap(pix.scaledToHeight(self.logo.height(), Qt.TransformationMode.SmoothTransformation))
            self.logo.show()
        else:
            self.logo.clear()
            self.logo.hide()

    def prepared_for(self, customer: str) -> str:
        """Header line for the customer; a name that already ends with an honorific (「山田 太郎 様」)
        gets none added (the Japanese "Prepared for %1" is 「%1 様」)."""
        customer = (customer or "").strip()
        if not customer:
            return ""
        if customer.endswith(HONORIFICS):
            return self.tr("Prepared for %1", "the name already ends with an honorific such as 様").replace(
                "%1", customer)
        return self.tr("Prepared for %1").replace("%1", customer)

    def about(self) -> None:
        from models import __version__

        self.dialogs.info(self, self.tr("About V2G Calculator"),
                          self.tr("V2G Calculator %1\nLifetime V2G/V2H revenue, battery wear and charger payback.\n"
                                  "Figures are estimates from the inputs shown; presets marked as example values "
                                  "must be confirmed.").replace("%1", __version__))

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_text = text
        self.status_label.setToolTip(text)
        self.status_label.setStyleSheet("color: #b3261e;" if error else "")
        self._fit_status()

    def _fit_status(self) -> None:
        """One line; a longer text ends in "…" (the whole of it is in the tooltip)."""
        text = getattr(self, "status_text", "")
        width = max(200, self.width() - 40)
        shown = self.status_label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
        self.status_label.setText(shown)

    def resizeEvent(self, event):  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if hasattr(self, "status_label"):
            self._fit_status()

    def closeEvent(self, event):  # noqa: N802
        if not self._maybe_save():
            event.ignore()
            return
        self.runner.shutdown(3000)
        self.remove_autosave()
        if not self.presentation:
            self.settings.set("window/geometry", bytes(self.saveGeometry().data()))
        self.settings.sync()
        event.accept()


def _freeze_startup_objects() -> None:
    """Exclude the objects made so far (Qt wrappers, pyqtgraph, numba's compiler: about 160,000) from
    Python's garbage collector.  A full collection traverses them all and took about 155 ms on a
    2-core machine, a stall of the window whenever it fell into an edit; they live as long as the
    app anyway.  (``gc.freeze`` itself costs nothing; nothing is collected here.)"""
    gc.freeze()


def _same_numbers(a: sc.Scenario, b: sc.Scenario) -> bool:
    """True when two scenarios differ at most in name and notes (dataclass equality: scenarios hold
    only numbers, strings and lists of them, and validated numbers are finite)."""
    return dataclasses.replace(a, name="", notes="") == dataclasses.replace(b, name="", notes="")


def _safe_name(name: str) -> str:
    # "Demo: house" -> "Demo house", not "Demo_ house"
    cleaned = re.sub(r'\s*[\\/:*?"<>|\r\n\t]+\s*', lambda m: " " if m.group(0).strip() == ":" else "_", name)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ._") or "scenario"
    return cleaned[:80]
