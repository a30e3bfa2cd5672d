"""The import wizard: file and format, column mapping, a dry run with every error, then the import.

All the work is the core's (csdesk.core.imports); the wizard only asks and
shows. The dry run reads the whole file, so what the preview page promises is
what the import does; the import itself runs off the GUI thread with progress
and cancel, in one transaction (nothing is written if it fails or is cancelled).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
    QWizard,
)

from csdesk.core.db import Database
from csdesk.core.errors import KnownError
from csdesk.core.imports import base
from csdesk.core.imports.all import load_all
from csdesk.core.progress import Cancelled, Progress
from csdesk.gui import messages
from csdesk.gui.forms.ui_import_wizard import Ui_ImportWizard
from csdesk.gui.table_model import Column, RowTableModel
from csdesk.gui.widgets import fill_combo, setup_table
from csdesk.gui.worker import TaskHandle, run_task

KINDS = {
    "accounts": "Accounts (Salesforce report)",
    "tickets": "Tickets (Jira Service Desk export)",
    "tasks": "Tasks (Teamwork export)",
    "directory": "Directory (team contact sheet)",
}
AUTO = "auto"
NOT_MAPPED = -1


class ImportWizard(QWizard):
    FILE, MAPPING, PREVIEW, RUN = range(4)

    def __init__(self, db: Database, parent: QWidget | None = None, kind: str = "accounts") -> None:
        super().__init__(parent)
        load_all()
        self.db = db
        self.ui = Ui_ImportWizard()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        fill_combo(ui.kindCombo, KINDS.items())
        ui.kindCombo.setCurrentIndex(list(KINDS).index(kind))
        ui.kindCombo.currentIndexChanged.connect(self._fill_formats)
        ui.browseButton.clicked.connect(self.browse)
        ui.cancelImportButton.clicked.connect(self.cancel_import)
        ui.cancelImportButton.setEnabled(False)
        self._fill_formats()
        self.importer: base.Importer | None = None
        self.parsed: base.ParsedFile | None = None
        self.mapping: base.Mapping_ = {}
        self.dry: base.ImportResult | None = None
        self.result: base.ImportResult | None = None
        self.handle: TaskHandle | None = None
        self.imported = False
        self.preview_model: RowTableModel[dict[str, str]] = RowTableModel([])
        ui.previewTable.setModel(self.preview_model)
        setup_table(ui.previewTable)
        table = ui.mappingTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["Field", "Column in the file", "First value"])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 220)
        table.setColumnWidth(1, 260)
        self.resize(880, 640)

    # ---------------------------------------------------------------- file

    def _fill_formats(self) -> None:
        kind = self.ui.kindCombo.currentData()
        formats = sorted(f for k, f in base.REGISTRY if k == kind)
        fill_combo(
            self.ui.formatCombo, [(AUTO, "Recognise automatically"), *((f, f) for f in formats)]
        )

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import from", str(Path.home()), "CSV files (*.csv);;All files (*)"
        )
        if name:
            self.ui.fileEdit.setText(name)

    def _load_file(self) -> bool:
        ui = self.ui
        path = Path(ui.fileEdit.text().strip()).expanduser()
        kind, fmt = ui.kindCombo.currentData(), ui.formatCombo.currentData()
        try:
            if not ui.fileEdit.text().strip():
                raise KnownError("Choose the file to import.")
            probe = (
                base.importer_for(kind, fmt)
                if fmt != AUTO
                else next(f() for (k, _), f in base.REGISTRY.items() if k == kind)
            )
            parsed = probe.read(path)
            importer = probe if fmt != AUTO else base.detect(kind, parsed.headers)
            if importer is not probe:
                parsed = importer.read(path)
        except KnownError as exc:
            ui.detectedLabel.setText(f"<span style='color:#8c1d18'>{exc.message}</span>")
            return False
        self.importer, self.parsed, self.path = importer, parsed, path
        ui.detectedLabel.setText(
            f"{importer.label or importer.format}: {len(parsed.rows)} rows, {len(parsed.headers)} "
            f"columns ({parsed.encoding})."
        )
        return True

    # ------------------------------------------------------------- mapping

    def _fill_mapping(self) -> None:
        assert self.importer is not None and self.parsed is not None
        parsed, importer = self.parsed, self.importer
        guess = base.remembered_mapping(
            self.db, importer, parsed.headers
        ) or importer.guess_mapping(parsed.headers)
        table = self.ui.mappingTable
        table.setRowCount(len(importer.fields))
        first = parsed.rows[0] if parsed.rows else []
        for row, spec in enumerate(importer.fields):
            label = QTableWidgetItem(spec.label + (" *" if spec.required else ""))
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            label.setData(Qt.ItemDataRole.UserRole, spec.name)
            table.setItem(row, 0, label)
            combo = QComboBox()
            combo.addItem("— not in the file —", NOT_MAPPED)
            for i, header in enumerate(parsed.headers):
                combo.addItem(f"{header}  (column {i + 1})", i)
            chosen = guess.get(spec.name) or []
            if chosen:
                combo.setCurrentIndex(combo.findData(chosen[0]))
            combo.currentIndexChanged.connect(lambda _=0, r=row: self._show_first(r))
            table.setCellWidget(row, 1, combo)
            table.setItem(row, 2, QTableWidgetItem(""))
            self._show_first(row, first)

    def _show_first(self, row: int, first: list[str] | None = None) -> None:
        assert self.parsed is not None
        cells = first if first is not None else (self.parsed.rows[0] if self.parsed.rows else [])
        combo = self.ui.mappingTable.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        i = combo.currentData()
        value = cells[i] if isinstance(i, int) and 0 <= i < len(cells) else ""
        item = QTableWidgetItem(value.replace("\n", " ")[:120])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.ui.mappingTable.setItem(row, 2, item)

    def mapping_from_table(self) -> base.Mapping_:
        assert self.importer is not None and self.parsed is not None
        headers = self.parsed.headers
        mapping: base.Mapping_ = {}
        for row, spec in enumerate(self.importer.fields):
            combo = self.ui.mappingTable.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            i = combo.currentData()
            if i is None or i == NOT_MAPPED:
                mapping[spec.name] = []  # deliberately not imported (remembered as such)
                continue
            # repeated columns (Jira's Watchers, Comment...) are all read for a multi field
            mapping[spec.name] = (
                [j for j, h in enumerate(headers) if h == headers[i]] if spec.multi else [i]
            )
        return mapping

    # ------------------------------------------------------------- preview

    def _dry_run(self) -> None:
        assert self.importer is not None and self.parsed is not None
        ui = self.ui
        rows = base.preview(self.importer, self.parsed, self.mapping)
        self.preview_model.columns = [
            Column(f.label, lambda r, n=f.name: r.get(n, ""))
            for f in self.importer.fields
            if f.name in self.mapping
        ]
        self.preview_model.set_rows(rows)
        for col in range(len(self.preview_model.columns)):
            ui.previewTable.setColumnWidth(col, 220 if col == 0 else 120)
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            self.dry = base.run_import(
                self.db, self.importer, self.path, self.mapping, dry_run=True, parsed=self.parsed
            )
        except KnownError as exc:
            self.dry = None
            ui.dryRunLabel.setText(exc.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        ui.errorsList.clear()
        for e in self.dry.errors:
            ui.errorsList.addItem(str(e))
        for note in self.dry.notes:
            ui.errorsList.addItem(f"Note: {note}")
        ui.dryRunLabel.setText(
            f"<b>{self.dry.summary()}</b>"
            + (
                "<br>Fix the file (or the mapping) and try again: an import is all or nothing."
                if self.dry.errors
                else "<br>Press Next to import."
            )
        )

    # ----------------------------------------------------------------- run

    def _start(self) -> None:
        assert self.importer is not None and self.parsed is not None
        ui = self.ui
        importer, path, mapping, parsed = self.importer, self.path, self.mapping, self.parsed
        ui.progressBar.setRange(0, max(len(parsed.rows), 1))
        ui.cancelImportButton.setEnabled(True)
        ui.resultLabel.setText("Importing…")

        def work(progress: Progress) -> base.ImportResult:
            return base.run_import(
                self.db, importer, path, mapping, progress=progress, parsed=parsed
            )

        self.handle = run_task(
            work,
            on_result=self._finished,
            on_error=self._failed,
            on_progress=lambda done, total: ui.progressBar.setValue(done),
        )

    def cancel_import(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.ui.resultLabel.setText("Cancelling…")

    def _finished(self, result: base.ImportResult) -> None:
        self.result, self.handle = result, None
        self.imported = result.written
        ui = self.ui
        ui.cancelImportButton.setEnabled(False)
        ui.progressBar.setValue(ui.progressBar.maximum())
        ui.resultLabel.setText(f"<b>{result.summary()}</b>")
        ui.notesList.clear()
        for line in [*map(str, result.errors), *result.notes]:
            ui.notesList.addItem(line)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self.ui.cancelImportButton.setEnabled(False)
        if isinstance(exc, Cancelled):
            self.ui.resultLabel.setText("Cancelled: nothing was imported.")
        elif isinstance(exc, KnownError):
            self.ui.resultLabel.setText(exc.message)
        else:
            raise exc
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    # ------------------------------------------------------- QWizard hooks

    def validateCurrentPage(self) -> bool:
        page = self.currentId()
        if page == self.FILE:
            return self._load_file()
        if page == self.MAPPING:
            assert self.importer is not None and self.parsed is not None
            mapping = self.mapping_from_table()
            try:
                self.importer.check_mapping(mapping, self.parsed.headers)
            except KnownError as exc:
                messages.error(self, "Some columns are missing", exc.message)
                return False
            self.mapping = mapping
            return True
        if page == self.PREVIEW:
            return self.dry is not None and self.dry.ok
        if page == self.RUN:
            return self.handle is None
        return True

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == self.MAPPING:
            self._fill_mapping()
        elif page_id == self.PREVIEW:
            self._dry_run()
        elif page_id == self.RUN:
            self._start()

    def reject(self) -> None:
        if self.handle is not None:  # closing while importing cancels; nothing is written
            self.handle.cancel()
            self.handle.done.wait(30)
        super().reject()
