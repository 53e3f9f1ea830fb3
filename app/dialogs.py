"""Every modal question the window asks goes through :class:`Dialogs`.

Tests (and the offscreen screenshot/benchmark runs) pass a :class:`ScriptedDialogs`
instead, so a modal dialog can never block an automated run.
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

FILE_FILTER_SCENARIO = "V2G scenario (*.v2g.json *.json)"
FILE_FILTER_REPORT = "Excel workbook (*.xlsx)"



class Dialogs:
    """Real Qt dialogs."""

    def info(self, parent, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warning(self, parent, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def unsaved_changes(self, parent, name: str) -> str:
        """Return "save", "discard" or "cancel"."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "Unsaved changes"))
        box.setText(QCoreApplication.translate("Dialogs", "Save the changes to \u201c%1\u201d?").replace("%1", name))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def recover(self, parent, when: str) -> bool:
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("Dialogs", "Recover unsaved scenario"),
            QCoreApplication.translate("Dialogs", "The app was closed without saving a scenario (last change "
                                                  "%1). Recover it?").replace("%1", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def open_file(self, parent, folder: str) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("Dialogs", "Open scenario"),
                                              folder, FILE_FILTER_SCENARIO)
        return path

    def save_file(self, parent, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Dialogs", "Save scenario"),
                                              suggested, FILE_FILTER_SCENARIO)
        return path

    def report_file(self, parent, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Dialogs", "Export report"),
                                              suggested, FILE_FILTER_REPORT)
        return path

    def price_file(self, parent, folder: str) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("Dialogs", "Import price series"),
                                              folder, "Price series (*.csv *.xlsx)")
        return path

    def choose(self, parent, title: str, label: str, items: list[str], current: int = 0) -> int | None:
        """Index of the chosen item, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getItem(parent, title, label, items, current, False)
        return items.index(text) if ok and text in items else None

    def number(self, parent, title: str, label: str, value: float, lo: float, hi: float,
               decimals: int = 2) -> float | None:
        """A number typed by the dealer (``value`` proposed, ``lo``..``hi``), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        got, ok = QInputDialog.getDouble(parent, title, label, value, lo, hi, decimals)
        return float(got) if ok else None

    def image_file(self, parent, folder: str) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("Dialogs", "Choose logo"),
                                              folder, "Images (*.png *.jpg *.jpeg *.bmp)")
        return path

    def file_locked(self, parent, path: str) -> str:
        """Report a locked report file; return "retry", "rename" or "cancel"."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "File is in use"))
        box.setText(QCoreApplication.translate(
            "Dialogs", "\u201c%1\u201d is open in another program (for example Excel), so it cannot be "
                       "replaced. Close it there and choose Retry, or save under another name.").replace("%1", path))
        retry = box.addButton(QCoreApplication.translate("Dialogs", "Retry"), QMessageBox.ButtonRole.AcceptRole)
        rename = box.addButton(QCoreApplication.translate("Dialogs", "Save as another name\u2026"),
                               QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(retry)
        box.exec()
        clicked = box.clickedButton()
        return "retry" if clicked is retry else "rename" if clicked is rename else "cancel"

    def unexpected_error(self, parent, summary: str, details: str, log_path: str) -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "Something went wrong"))
        box.setText(QCoreApplication.translate(
            "Dialogs", "Sorry, something unexpected happened. Your scenario is kept and autosaved; you can "
                       "carry on working.") + "\n\n" + summary)
        box.setInformativeText(QCoreApplication.translate("Dialogs", "Details were written to %1").replace(
            "%1", log_path))
        box.setDetailedText(details)
        copy = QPushButton(QCoreApplication.translate("Dialogs", "Copy details"))
        box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        copy.clicked.disconnect()  # keep the box open after copying
        copy.clicked.connect(lambda: QApplication.clipboard().setText(f"{summary}\n\n{details}"))
        box.exec()


class ScriptedDialogs(Dialogs):
    """Non-blocking stand-in: records every call and answers from ``answers``."""

    def __init__(self, **answers):
        self.answers = {"unsaved_changes": "discard", "recover": False, "open_file": "", "save_file": "",
                        "report_file": "", "image_file": "", "file_locked": "cancel", "price_file": "",
                        "choose": None}
        self.answers.update(answers)
        self.calls: list[tuple] = []

    def _answer(self, name, *args):
        self.calls.append((name, *args))
        value = self.answers.get(name)
        if isinstance(value, list):  # a queue of answers
            return value.pop(0) if value else None
        return value

    def info(self, parent, title, text):
        self._answer("info", title, text)

    def warning(self, parent, title, text, details=""):
        self._answer("warning", title, text, details)

    def unsaved_changes(self, parent, name):
        return self._answer("unsaved_changes", name)

    def recover(self, parent, when):
        return bool(self._answer("recover", when))

    def open_file(self, parent, folder):
        return self._answer("open_file", folder) or ""

    def save_file(self, parent, suggested):
        return self._answer("save_file", suggested) or ""

    def report_file(self, parent, suggested):
        return self._answer("report_file", suggested) or ""

    def image_file(self, parent, folder):
        return self._answer("image_file", folder) or ""

    def price_file(self, parent, folder):
        return self._answer("price_file", folder) or ""

    def choose(self, parent, title, label, items, current=0):
        return self._answer("choose", title, label, items)

    def number(self, parent, title, label, value, lo, hi, decimals=2):
        """The scripted number; none given (or the queue used up): OK on the proposed value;
        "cancel": cancelled."""
        got = self._answer("number", title, label, value)
        if got == "cancel":
            return None
        return value if got is None else float(got)

    def file_locked(self, parent, path):
        return self._answer("file_locked", path) or "cancel"

    def unexpected_error(self, parent, summary, details, log_path):
        self._answer("unexpected_error", summary, details, log_path)
