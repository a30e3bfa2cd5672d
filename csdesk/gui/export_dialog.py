"""Export from the window: the same exports as `csdesk export`, with a file chooser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from csdesk.core import portfolio
from csdesk.core.db import Database
from csdesk.core.errors import KnownError
from csdesk.gui.widgets import fill_combo, select_data

KIND_LABELS = {
    "accounts": "Accounts (portfolio)",
    "tasks": "Tasks and tickets",
    "log": "Communication log",
    "directory": "Directory",
}
FORMAT_LABELS = {"csv": "CSV (spreadsheet)", "json": "JSON", "vcf": "vCard (address book)"}


class ExportDialog(QDialog):
    """Small enough to build in code: kind, format, account, since, then a file name."""

    def __init__(
        self,
        db: Database,
        kind: str = "accounts",
        account: str = "",
        since: dt.date | None = None,
        parent: QWidget | None = None,
        ask_path: bool = True,
    ) -> None:
        super().__init__(parent)
        from csdesk.core.exports import FORMATS

        self.db, self.ask_path, self.formats = db, ask_path, FORMATS
        self.setWindowTitle("Export")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kindCombo = QComboBox()
        fill_combo(self.kindCombo, KIND_LABELS.items())
        self.formatCombo = QComboBox()
        self.accountCombo = QComboBox()
        fill_combo(
            self.accountCombo, [(n, n) for _, n in portfolio.account_choices(db)], "All accounts"
        )
        self.sinceCheck = QCheckBox("Only since")
        self.sinceEdit = QDateEdit(QDate.currentDate().addDays(-30))
        self.sinceEdit.setCalendarPopup(True)
        self.sinceEdit.setDisplayFormat("yyyy-MM-dd")
        form.addRow("&What", self.kindCombo)
        form.addRow("&Format", self.formatCombo)
        form.addRow("&Account", self.accountCombo)
        form.addRow(self.sinceCheck, self.sinceEdit)
        layout.addLayout(form)
        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.hide()
        self.resultLabel = QLabel()
        self.resultLabel.setWordWrap(True)
        layout.addWidget(self.errorLabel)
        layout.addWidget(self.resultLabel)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Export…")
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.kindCombo.currentIndexChanged.connect(self._kind_changed)
        select_data(self.kindCombo, kind)
        self._kind_changed()
        select_data(self.accountCombo, account or None)
        if since is not None:
            self.sinceCheck.setChecked(True)
            self.sinceEdit.setDate(QDate(since))
        self.exported: Path | None = None

    def _kind_changed(self) -> None:
        kind = self.kindCombo.currentData()
        fill_combo(self.formatCombo, [(f, FORMAT_LABELS[f]) for f in self.formats[kind]])
        scoped = kind in ("accounts", "tasks", "log")
        self.accountCombo.setEnabled(scoped)
        self.sinceCheck.setEnabled(kind in ("tasks", "log"))
        self.sinceEdit.setEnabled(kind in ("tasks", "log"))

    def run(self, path: Path | None = None) -> Path | None:
        from csdesk.core.exports import EXPORTS

        kind, fmt = self.kindCombo.currentData(), self.formatCombo.currentData()
        if path is None:
            if not self.ask_path:
                return None
            name, _ = QFileDialog.getSaveFileName(
                self,
                "Export to",
                str(Path.home() / f"csdesk-{kind}.{fmt}"),
                f"{fmt.upper()} (*.{fmt})",
            )
            if not name:
                return None
            path = Path(name)
        account = self.accountCombo.currentData() if self.accountCombo.isEnabled() else None
        since = None
        if self.sinceCheck.isEnabled() and self.sinceCheck.isChecked():
            since = self.sinceEdit.date().toPython()
        try:
            count = EXPORTS[kind](self.db, path, fmt, account=account, since=since)  # type: ignore[arg-type]
        except KnownError as exc:
            self.errorLabel.setText(exc.message)
            self.errorLabel.show()
            return None
        self.errorLabel.hide()
        self.resultLabel.setText(f"Exported {count} record(s) to {path}.")
        self.exported = path
        return path
