"""Dealer branding dialog: dealer name, logo and customer name (header and reports)."""
from __future__ import annotations

import os

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)


class BrandingDialog(QDialog):
    def __init__(self, settings, dialogs, parent=None):
        super().__init__(parent)
        self.settings, self.dialogs = settings, dialogs
        self.setWindowTitle(self.tr("Dealer branding"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.dealer = QLineEdit(settings.get("branding/dealer_name"))
        self.customer = QLineEdit(settings.get("branding/customer_name"))
        self.logo = QLineEdit(settings.get("branding/logo_path"))
        self.logo.setPlaceholderText(self.tr("PNG or JPEG file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.logo.clear)
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.logo, 1)
        rl.addWidget(browse)
        rl.addWidget(clear)
        form.addRow(self.tr("Dealer name"), self.dealer)
        form.addRow(self.tr("Dealer logo"), row)
        form.addRow(self.tr("Customer name"), self.customer)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self):
        folder = os.path.dirname(self.logo.text()) if self.logo.text() else ""
        path = self.dialogs.image_file(self, folder)
        if path:
            self.logo.setText(path)

    def accept(self):
        self.settings.set("branding/dealer_name", self.dealer.text().strip())
        self.settings.set("branding/customer_name", self.customer.text().strip())
        self.settings.set("branding/logo_path", self.logo.text().strip())
        super().accept()
