"""Input panel: the scenario as a form in six sections, with preset pickers and inline errors.

Every edit rebuilds the scenario dict from the form and validates it with
:func:`models.scenario.from_dict`.  When it is valid the panel emits
:attr:`InputPanel.scenarioEdited`; when it is not, every problem is shown at
its field (problem paths are mapped to editors) and nothing is emitted, so the
charts keep the last valid result until the value is fixed.
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QScrollArea, QSizePolicy, QToolBox, QToolButton, QVBoxLayout, QWidget)

from app import fields as F
from app import format as fmt
from models import presets as P
from models.price_import import area_name
from models import scenario as sc

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

ERROR_STYLE = "color: #b3261e;"
INVALID_EDIT_STYLE = "border: 2px solid #b3261e; border-radius: 3px; background: #fff4f3;"



class DaysEditor(QWidget):
    """Seven toggle buttons, Monday to Sunday."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for day in sc.DAY_NAMES:
            b = QToolButton()
            b.setText(F.day_label(day))
            b.setCheckable(True)
            b.setAutoRaise(False)
            b.setStyleSheet("QToolButton { padding: 2px 3px; } QToolButton:checked { background: #1f6feb; "
                            "color: white; border-radius: 3px; }")
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setMinimumWidth(24)
            b.toggled.connect(self.changed)
            lay.addWidget(b)
            self.buttons[day] = b

    def value(self) -> list[str]:
        return [d for d in sc.DAY_NAMES if self.buttons[d].isChecked()]

    def set_value(self, days) -> None:
        for d, b in self.buttons.items():
            b.blockSignals(True)
            b.setChecked(d in days)
            b.blockSignals(False)


_SYMBOLS = str.maketrans({"\u2705": "\u2713", "\u274c": "\u2717", "\u2714": "\u2713", "\ufe0f": None})


class PeriodsEditor(QWidget):
    """Editable time-of-use table: months, day type, from, to, price per kWh (first matching row wins)."""

    changed = Signal()
    DAYS = ("all", "weekday", "weekend_holiday")

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            translate("InputPanel", "Months"), translate("InputPanel", "Days"), translate("InputPanel", "From"),
            translate("InputPanel", "To"), translate("InputPanel", "Price/kWh")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        hh = self.table.horizontalHeader()
        for col in (0, 2, 3, 4):  # months, times and price fit their contents; the day type takes the rest
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(190)
        self.table.itemChanged.connect(lambda *_: self.changed.emit())
        lay.addWidget(self.table)
        buttons = QHBoxLayout()
        add = QToolButton()
        add.setText(translate("InputPanel", "Add row"))
        add.clicked.connect(self.add_row)
        remove = QToolButton()
        remove.setText(translate("InputPanel", "Remove row"))
        remove.clicked.connect(self.remove_row)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        lay.addLayout(buttons)

    @staticmethod
    def _months_text(months) -> str:
        months = sorted(months)
        return translate("InputPanel", "all") if months == list(range(1, 13)) else ",".join(map(str, months))

    @staticmethod
    def _parse_months(text: str):
        text = text.strip().replace("、", ",").replace("，", ",")
        if text in ("", translate("InputPanel", "all"), "all"):
            return list(range(1, 13))
        out = []
        for part in text.split(","):
            part = part.strip()
            if "-" in part:
                a, _, b = part.partition("-")
                try:
                    out.extend(range(int(a), int(b) + 1))
                except ValueError:
                    return part  # shown as a problem by the validator
            elif part:
                try:
                    out.append(int(part))
                except ValueError:
                    return part
        return out

    def _days_combo(self, value: str) -> QComboBox:
        combo = QComboBox()
        for d in self.DAYS:
            combo.addItem(F.choice_label("tariff.import_periods.days", d), d)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
        return combo

    def _put_row(self, r: int, period: dict) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        self.table.setItem(r, 0, QTableWidgetItem(self._months_text(period.get("months", range(1, 13)))))
        self.table.setCellWidget(r, 1, self._days_combo(period.get("days", "all")))
        self.table.setItem(r, 2, QTableWidgetItem(period.get("start", "00:00")))
        self.table.setItem(r, 3, QTableWidgetItem(period.get("end", "00:00")))
        self.table.setItem(r, 4, QTableWidgetItem(F.format_number(period.get("price_per_kwh", 0.0))))

    def set_value(self, periods) -> None:
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for r, period in enumerate(periods or []):
                self.table.insertRow(r)
                self._put_row(r, period)
        finally:
            self.table.blockSignals(False)

    def value(self) -> list[dict]:
        rows = []
        for r in range(self.table.rowCount()):
            cell = lambda c: (self.table.item(r, c).text() if self.table.item(r, c) else "")  # noqa: E731
            price = F.parse_number(cell(4))
            combo = self.table.cellWidget(r, 1)
            rows.append({"months": self._parse_months(cell(0)), "days": combo.currentData() if combo else "all",
                         "start": cell(2).strip(), "end": cell(3).strip(),
                         "price_per_kwh": price if price is not None else cell(4)})
        return rows

    def add_row(self) -> None:
        r = self.table.rowCount()
        last = self.value()[-1] if r else {"start": "00:00", "end": "00:00", "price_per_kwh": 30.0}
        self.table.blockSignals(True)
        self.table.insertRow(r)
        self._put_row(r, dict(last))
        self.table.blockSignals(False)
        self.changed.emit()

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            r = self.table.rowCount() - 1
        if r >= 0:
            self.table.removeRow(r)
            self.changed.emit()


def _plain_source(text: str) -> str:
    """Preset source text with emoji marks replaced by symbols the bundled font has."""
    return text.translate(_SYMBOLS)


class PresetPicker(QWidget):
    """Combo box of presets of one kind, with the chosen preset's source and date underneath."""

    chosen = Signal(str, str)  # kind, preset id

    def __init__(self, kind: str, lang: str, parent=None):
        super().__init__(parent)
        self.kind, self.lang = kind, lang
        self.presets = P.all_presets(kind)
        self.edited: list[str] = []   # labels of the preset's fields changed since it was chosen
        self.expired = False          # a subsidy whose applications closed before the scenario's start
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)
        for p in self.presets:  # the name only: date, "example values" and source are in the caption
            self.combo.addItem(p.display_name(lang), p.id)
            self.combo.setItemData(self.combo.count() - 1, self._tooltip(p), Qt.ItemDataRole.ToolTipRole)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        # 85 % of the panel's font: grows with the presentation-mode fonts
        self.caption.setStyleSheet(f"color: #5b6b82; font-size: {0.85 * self.font().pointSizeF():.1f}pt;")
        lay.addWidget(self.combo)
        lay.addWidget(self.caption)
        self.combo.activated.connect(self._activated)

    def _tooltip(self, p) -> str:
        conf = translate("InputPanel", "verified in the source") if p.confidence == "verified" else \
            translate("InputPanel", "contains example values: confirm with the customer")
        text = translate("InputPanel", "Source: %1\nAs of: %2\n%3").replace(
            "%1", _plain_source(P.source_text(p.source, self.lang))).replace("%2", p.as_of).replace("%3", conf)
        notes = P.notes_text(str(p.data.get("notes", "") or "").strip(), self.lang)   # the dealer's caveats
        if notes:
            text += "\n\n" + translate("InputPanel", "Notes for the dealer: %1").replace("%1", notes)
        for x in P.subsidy_parts(p):   # a top-up: the period of each programme it stacks on as well
            if x.valid_until:
                until = translate("InputPanel", "Applications accepted until %1").replace("%1", x.valid_until)
                text += "\n" + (until if x is p else f"{x.display_name(self.lang)}: {until}")
        return text

    def set_current(self, preset_id: str, edited: list[str] | None = None, on_date: str = "") -> None:
        """Show ``preset_id``; ``edited``: labels of the fields changed since it was applied;
        ``on_date``: the scenario's start, to flag a subsidy whose applications closed before it."""
        self.combo.blockSignals(True)
        idx = self.combo.findData(preset_id)
        custom = self.combo.findData("__custom__")
        if idx < 0:
            if custom < 0:
                self.combo.insertItem(0, translate("InputPanel", "Own values"), "__custom__")
            idx = 0
        elif custom >= 0 and custom != idx:
            self.combo.removeItem(custom)
            idx = self.combo.findData(preset_id)
        self.combo.setCurrentIndex(idx)
        self.combo.blockSignals(False)
        p = next((x for x in self.presets if x.id == preset_id), None)
        self.edited = list(edited or []) if p is not None else []
        # a top-up is closed when a programme it stacks on is (Tokyo on the national CEV subsidy)
        closed = None
        try:
            if p is not None and on_date:
                closed = next((x for x in P.subsidy_parts(p) if P.expired(x, on_date)), None)
        except P.PresetError:  # a start date that is not a date yet: the validator explains
            closed = None
        self.expired = closed is not None
        if p is None:
            self.caption.setText(translate("InputPanel", "Values entered by hand"))
            self.setToolTip("")
        else:
            mark = ("\u2713 " + translate("InputPanel", "verified") if p.confidence == "verified"
                    else "\u26a0 " + translate("InputPanel", "example values"))
            source = _plain_source(P.source_text(p.source, self.lang))
            src = source if len(source) <= 70 else source[:67] + "\u2026"
            text = (translate("InputPanel", "As of %1 · %2 · Source: %3")
                    .replace("%1", p.as_of).replace("%2", mark).replace("%3", src))
            if self.edited:
                text = translate("InputPanel", "Changed since chosen: %1").replace("%1", ", ".join(self.edited)) \
                    + "\n" + text
            if self.expired:
                text = "\u26a0 " + translate(
                    "InputPanel", "Applications closed on %1, before the start date: check the current programme"
                ).replace("%1", closed.valid_until) + "\n" + text
            self.caption.setText(text)
            self.setToolTip(self._tooltip(p))

    def _activated(self, index: int) -> None:
        pid = self.combo.itemData(index)
        if pid and pid != "__custom__":
            self.chosen.emit(self.kind, pid)


#: scenario fields each preset kind sets (``models.presets.apply``), so its "changed since" marks
#: read them (with the currency and the start date)
_PICKER_READS = {
    "vehicles": ("vehicle", "driving.kwh_per_km"), "chargers": ("charger",), "subsidies": ("charger",),
    "tariffs": ("tariff", "country"), "load_profiles": ("home.load_profile",),
    "pv_profiles": ("home.pv_profile",), "climates": ("home.climate",),
}


class InputPanel(QWidget):
    """The editable scenario (see module docstring)."""

    scenarioEdited = Signal(object)      # a valid Scenario after an edit
    validityChanged = Signal(bool)       # False while the form has problems
    # kind, warnings: models.messages.Note objects (a Python list: Qt's list conversion would turn these
    # str subclasses into plain English strings) or plain text
    presetApplied = Signal(str, object)
    notice = Signal(str)                 # information for the status line (e.g. subsidy recalculated)

    def __init__(self, lang: str = "en", parent=None):
        super().__init__(parent)
        self.lang = lang
        self._base: dict | None = None
        self._currency = "JPY"
        self._valid = True
        self._loading = False
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.unit_labels: dict[str, QLabel] = {}
        self.pickers: dict[str, PresetPicker] = {}
        self._picker_inputs: dict[str, tuple] = {}   # kind -> what its marks were made from
        self.problems: list[sc.Problem] = []

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        name_row = QHBoxLayout()
        name_label = QLabel(F.label("name"))
        self.name_edit = QLineEdit()
        self.name_edit.setToolTip(sc.field_info(sc.Scenario, "name").help_ja if lang == "ja"
                                  else sc.field_info(sc.Scenario, "name").help_en)
        self.name_edit.textEdited.connect(self._edited)
        self.editors["name"] = self.name_edit
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        root.addLayout(name_row)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        root.addWidget(self.general_error)

        self.toolbox = QToolBox()
        self.toolbox.setObjectName("inputSections")
        self.section_index: dict[str, int] = {}
        self.field_section: dict[str, str] = {}
        for sid, (_, kinds, paths) in F.SECTIONS.items():
            page = self._build_section(sid, kinds, paths)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self.section_index[sid] = self.toolbox.addItem(scroll, F.section_title(sid).replace("&", "&&"))
        root.addWidget(self.toolbox, 1)
        self.setMinimumWidth(300)

    # ------------------------------------------------------------ building
    def _build_section(self, sid: str, kinds, paths) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(0, 1)
        row = 0
        for kind in kinds:
            picker = PresetPicker(kind, self.lang)
            if not picker.presets:
                picker.deleteLater()
                continue
            picker.chosen.connect(self._preset_chosen)
            self.pickers[kind] = picker
            title = QLabel(F.preset_title(kind))
            title.setStyleSheet("font-weight: bold;")
            grid.addWidget(title, row, 0, 1, 3)
            grid.addWidget(picker, row + 1, 0, 1, 3)
            row += 2
            if kind == "tariffs":  # the plan's time-of-use prices, read-only (edited through presets)
                self.tariff_summary = QLabel()
                self.tariff_summary.setWordWrap(True)
                self.tariff_summary.setStyleSheet("color: #24364f; background: #f4f7fb; border: 1px solid #d5dde8; "
                                                  "border-radius: 4px; padding: 3px;")
                grid.addWidget(self.tariff_summary, row, 0, 1, 3)
                row += 1
        for path in paths:
            self.field_section[path] = sid
            editor = self._make_editor(path)
            lab = QLabel(F.label(path))
            lab.setWordWrap(True)
            lab.setBuddy(editor)
            tip = self._tooltip(path)
            lab.setToolTip(tip)
            editor.setToolTip(tip)
            if isinstance(editor, (DaysEditor, PeriodsEditor)) or path in F.NUMBER_LISTS:  # whole width, own row
                grid.addWidget(lab, row, 0, 1, 3)
                row += 1
                grid.addWidget(editor, row, 0, 1, 3)
            elif isinstance(editor, QComboBox) and self._long_choices(editor):
                grid.addWidget(lab, row, 0, 1, 3)   # the choices need the whole width: own row
                row += 1
                grid.addWidget(editor, row, 0, 1, 3)
            elif isinstance(editor, QComboBox):
                grid.addWidget(lab, row, 0)
                grid.addWidget(editor, row, 1, 1, 2)
            else:
                grid.addWidget(lab, row, 0)
                unit = QLabel("")
                unit.setStyleSheet("color: #5b6b82;")
                unit.setMinimumWidth(24)
                self.unit_labels[path] = unit
                grid.addWidget(editor, row, 1)
                grid.addWidget(unit, row, 2)
            err = QLabel()
            err.setWordWrap(True)
            err.setStyleSheet(ERROR_STYLE)
            err.hide()
            self.error_labels[path] = err
            grid.addWidget(err, row + 1, 0, 1, 3)
            row += 2
        grid.setRowStretch(row, 1)
        return page

    #: widest choice text (pixels) that fits the field column next to its label
    CHOICE_FIT_PX = 115   # the field column is about 150 px, the drop-down arrow and padding take ~30

    def _long_choices(self, combo: QComboBox) -> bool:
        from PySide6.QtGui import QFontMetrics

        fm = QFontMetrics(combo.font())
        return max((fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0) \
            > self.CHOICE_FIT_PX

    def _tooltip(self, path: str) -> str:
        fi = F.info(path)
        text = fi.help_ja if self.lang == "ja" else fi.help_en
        rng = F.display_range(path, self._currency, self.lang)
        if rng:
            text += "\n" + translate("InputPanel", "Allowed: %1").replace("%1", rng)
        return text

    def _make_editor(self, path: str) -> QWidget:
        fi = F.info(path)
        tp = F.field_type(path)
        if path == "participation.days":
            ed = DaysEditor()
            ed.changed.connect(self._edited)
        elif path in ("tariff.import_periods", "tariff.export_periods"):
            ed = PeriodsEditor()
            ed.changed.connect(self._edited)
        elif fi.choices and tp is not list:
            ed = QComboBox()
            for c in fi.choices:
                ed.addItem(F.choice_label(path, c), c)
            ed.currentIndexChanged.connect(self._edited)
        elif tp is bool:
            ed = QCheckBox()
            ed.toggled.connect(self._edited)
        else:
            ed = QLineEdit()
            if tp in (float, int):
                ed.setAlignment(Qt.AlignmentFlag.AlignRight)
            elif fi.kind == "time":
                ed.setPlaceholderText("HH:MM")
            elif fi.kind == "window":
                ed.setPlaceholderText("HH:MM-HH:MM, …")
            elif fi.kind == "date":
                ed.setPlaceholderText("YYYY-MM-DD")
            ed.textEdited.connect(self._edited)
        ed.setObjectName(f"field:{path}")
        if isinstance(ed, QLineEdit) and path in F.NUMBER_LISTS:
            ed.setMinimumWidth(130)
            ed.setPlaceholderText("1, 1, 1, …")
        elif isinstance(ed, QLineEdit):
            ed.setFixedWidth(96 if tp in (float, int) else 130)
        elif isinstance(ed, QComboBox):
            ed.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            ed.setMinimumContentsLength(13)
            ed.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.editors[path] = ed
        return ed

    # -------------------------------------------------------------- values
    def set_scenario(self, scenario: sc.Scenario) -> None:
        """Show ``scenario`` (no signals); clears every error."""
        self._base = sc.to_dict(scenario)
        currency_changed = scenario.currency != self._currency
        self._currency = scenario.currency
        self._loading = True
        try:
            for path, ed in self.editors.items():
                self._set_editor(path, ed, F.get_value(self._base, path))
            for path, unit in self.unit_labels.items():
                unit.setText(F.unit_text(path, self._currency, self.lang))
            if currency_changed:  # ranges in the tooltips name the currency
                for path, ed in self.editors.items():
                    if path != "name":
                        ed.setToolTip(self._tooltip(path))
            self._picker_inputs.clear()   # a new scenario: every picker afresh
            self._refresh_pickers(self._base)
            if getattr(self, "tariff_summary", None) is not None:
                text = self._tariff_text(self._base["tariff"])
                self.tariff_summary.setText(text)
                self.tariff_summary.setVisible(bool(text))
        finally:
            self._loading = False
        self.name_edit.setCursorPosition(0)
        self._show_problems([])
        self._set_valid(True)

    def _set_editor(self, path, ed, value):
        ed.blockSignals(True)
        try:
            if isinstance(ed, (DaysEditor, PeriodsEditor)):
                ed.set_value(value)
            elif isinstance(ed, QComboBox):
                ed.setCurrentIndex(max(0, ed.findData(value)))
            elif isinstance(ed, QCheckBox):
                ed.setChecked(bool(value))
            elif path == "participation.windows":
                ed.setText(", ".join(value))
            elif path in F.NUMBER_LISTS:
                ed.setText(F.format_number_list(value))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                ed.setText(F.format_number(value, path in F.PERCENT, group=True))
            else:
                ed.setText("" if value is None else str(value))
        finally:
            ed.blockSignals(False)

    def editor_value(self, path: str):
        ed = self.editors[path]
        if isinstance(ed, (DaysEditor, PeriodsEditor)):
            return ed.value()
        if isinstance(ed, QComboBox):
            return ed.currentData()
        if isinstance(ed, QCheckBox):
            return ed.isChecked()
        text = ed.text()
        if path == "participation.windows":
            return [w.strip() for w in re.split(r"[,、;]", text) if w.strip()]
        if path in F.NUMBER_LISTS:
            return F.parse_number_list(text, integer=path == "tariff.event_months")
        tp = F.field_type(path)
        if tp in (float, int):
            return F.parse_number(text, integer=tp is int, percent=path in F.PERCENT)
        return text.strip() if path != "name" else text

    def form_dict(self) -> dict:
        data = sc.copy_data(self._base) if self._base is not None else sc.to_dict(sc.Scenario())
        for path in self.editors:
            F.set_value(data, path, self.editor_value(path))
        return data

    def set_field(self, path: str, value) -> None:
        """Set one field as if the user typed it (tests, benchmark); numbers in the units shown (percent)."""
        ed = self.editors[path]
        if isinstance(ed, QLineEdit) and not isinstance(value, str):
            value = F.format_number(value)  # as typed, in the units shown
        if isinstance(ed, QLineEdit):
            ed.setText(value)
            self._edited()
        else:
            self._set_editor(path, ed, value)
            self._edited()

    def _tariff_text(self, t: dict) -> str:
        """The market-linked price series, if any (the time-of-use periods are edited in their tables)."""
        ps = t.get("price_series")
        if not ps:
            return ""
        text = translate("InputPanel", "Market-linked price series: %1 (as of %2)") \
            .replace("%1", area_name(ps.get("area") or "", self.lang) or ps.get("preset_id") or "") \
            .replace("%2", ps.get("as_of", ""))
        if ps.get("use_for_import"):   # the time-of-use import table below is then not used
            margin = fmt.money(float(ps.get("import_adder_per_kwh") or 0.0), self._currency, self.lang, per="kWh")
            factor = float(ps.get("import_multiplier", 1.0) or 0.0)
            series = translate("InputPanel", "series") if factor == 1.0 else \
                translate("InputPanel", "series × %1").replace("%1", f"{factor:g}")
            text += "\n" + translate("InputPanel", "Import price = %1 + %2 margin + the add-on; the "
                                                    "time-of-use import prices are not used.") \
                .replace("%1", series).replace("%2", margin)
        return text

    def _refresh_pickers(self, data: dict) -> None:
        """Each picker shows its preset and which of the preset's values were changed since.

        A picker whose inputs (:data:`_PICKER_READS`, the currency, the start date) are what they
        were at its last refresh is left as it is: most edits touch one section only."""
        for kind, picker in self.pickers.items():
            pid = F.get_value(data, F.PRESET_ID_PATHS[kind])
            key = (pid, data.get("currency"), data.get("start_date"),
                   [F.get_value(data, path) for path in _PICKER_READS[kind]])
            if self._picker_inputs.get(kind) == key:
                continue
            self._picker_inputs[kind] = sc.copy_data(key)
            edited: list[str] = []
            if any(p.id == pid for p in picker.presets):
                try:
                    paths = P.edited_fields(data, kind, pid)
                except (KeyError, TypeError, ValueError, P.PresetError):
                    paths = []
                edited = list(dict.fromkeys(F.label(x) if x in F.LABELS else
                                            translate("InputPanel", "profile values") for x in paths))
            picker.set_current(pid, edited, str(data.get("start_date", "")))

    # ------------------------------------------------------------- editing
    def _edited(self, *args) -> None:
        if self._loading:
            return
        data = self.form_dict()
        subsidy = P.follow_subsidy(self._base, data) if self._base is not None else None
        if subsidy is not None:  # the subsidy rule follows the new price (the amount was the rule's)
            data["charger"]["subsidy"] = subsidy
            self._set_editor("charger.subsidy", self.editors["charger.subsidy"], subsidy)
        try:
            scenario = sc.from_dict(data)
        except sc.ScenarioError as err:
            self._show_problems(err.problems)
            self._set_valid(False)
            return
        self._base = data
        self._show_problems([])
        self._set_valid(True)
        if subsidy is not None:
            self.notice.emit(translate("InputPanel", "Subsidy recalculated for the new price: %1").replace(
                "%1", fmt.money(subsidy, self._currency, self.lang, compact=False)))
        self.scenarioEdited.emit(scenario)    # the computation starts now; the pickers' marks meanwhile
        self._refresh_pickers(data)

    def _set_valid(self, valid: bool) -> None:
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)

    @property
    def valid(self) -> bool:
        return self._valid

    def _preset_chosen(self, kind: str, preset_id: str) -> None:
        base = self._base if self._valid else None
        try:
            current = sc.from_dict(base if base is not None else self.form_dict())
        except sc.ScenarioError:
            current = sc.from_dict(self._base)
        try:
            new, warnings = P.apply(current, kind, preset_id)
        except (P.PresetError, sc.ScenarioError) as exc:
            self.presetApplied.emit(kind, [str(exc)])
            return
        self.set_scenario(new)
        self.scenarioEdited.emit(new)          # first: the window starts the computation (if anything changed)
        self.presetApplied.emit(kind, warnings)

    # -------------------------------------------------------------- errors
    @staticmethod
    def field_of(problem_path: str) -> str:
        path = re.sub(r"\[\d+\]", "", problem_path)
        for table in ("tariff.import_periods", "tariff.export_periods"):
            if path.startswith(table):  # a cell of a time-of-use table: shown under the table
                return table
        return path

    def _inline(self, p: sc.Problem) -> str:
        path = self.field_of(p.path)
        params = dict(p.params)
        if p.code == "out_of_range" and path in self.editors:
            rng = F.display_range(path, self._currency, self.lang)
            if rng:
                return translate("InputPanel", "Allowed: %1").replace("%1", rng)
            # a cell of a table (time-of-use prices): the row and the limits of that column
            lo, hi = params.get("lo"), params.get("hi")
            unit = str(params.get("unit", "")).replace("currency", F.currency_unit(self._currency, self.lang))
            try:
                limits = f"{F.format_number(float(lo))} – {F.format_number(float(hi))}{unit}"
            except (TypeError, ValueError):
                limits = ""
            row = re.search(r"\[(\d+)\]", p.path)
            if row and limits:
                return translate("InputPanel", "Row %1: allowed %2").replace(
                    "%1", str(int(row.group(1)) + 1)).replace("%2", limits)
            # otherwise the engine's own message (below)
        if p.code == "wrong_type" and F.field_type(path) in (float, int):
            return (translate("InputPanel", "Enter a number") if F.field_type(path) is float
                    else translate("InputPanel", "Enter a whole number"))
        if p.code == "soc_order":
            other = params.get("other_path", "")
            val = params.get("other", "")
            shown = F.format_number(val, other in F.PERCENT) + (" %" if other in F.PERCENT else "")
            return translate("InputPanel", "Must not be above \u201c%1\u201d (%2)") \
                .replace("%1", F.label(other)).replace("%2", shown)
        if p.code == "eol_order":
            return translate("InputPanel", "Must be below the battery health today (%1 %)").replace(
                "%1", F.format_number(params.get("other", 1.0), True))
        if p.code == "subsidy_too_large":
            return translate("InputPanel", "The subsidy is larger than price plus installation (%1)") \
                .replace("%1", fmt.money(float(params.get("other", 0.0)), self._currency, self.lang, compact=False))
        msg = p.message(self.lang)
        prefix = f"{p.path}: "
        return msg[len(prefix):] if msg.startswith(prefix) else msg

    def _show_problems(self, problems) -> None:
        self.problems = list(problems)
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for p in problems:
            path = self.field_of(p.path)
            if path in self.editors:
                by_field.setdefault(path, []).append(self._inline(p))
            else:
                general.append(p.message(self.lang))
        for path, ed in self.editors.items():
            msgs = by_field.get(path)
            ed.setStyleSheet(INVALID_EDIT_STYLE if msgs and isinstance(ed, QLineEdit) else "")
            lab = self.error_labels.get(path)
            if lab is not None:
                lab.setText("\n".join(dict.fromkeys(msgs)) if msgs else "")
                lab.setVisible(bool(msgs))
        if "name" in by_field:
            general = by_field["name"] + general
        self.general_error.setText("\n".join(general[:6]))
        self.general_error.setVisible(bool(general))
        if by_field:  # open the section of the first problem so the dealer sees it
            first = next(iter(by_field))
            sid = self.field_section.get(first)
            if sid is not None and self.toolbox.currentIndex() != self.section_index[sid]:
                self.toolbox.setCurrentIndex(self.section_index[sid])

    def error_text(self, path: str) -> str:
        lab = self.error_labels.get(path)
        return lab.text() if lab is not None and not lab.isHidden() else ""
