"""The communication log (R12): every logged conversation, searchable, filterable, exportable."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from csdesk.core import commlog, portfolio
from csdesk.core.commlog import LogFilter, LogRow
from csdesk.core.db import Database
from csdesk.core.enums import Channel, Direction
from csdesk.core.errors import KnownError
from csdesk.gui import messages
from csdesk.gui.dialogs import QuickLogDialog
from csdesk.gui.forms.ui_log_view import Ui_LogView
from csdesk.gui.table_model import Column, RowTableModel
from csdesk.gui.widgets import fill_combo, select_data, selected_row, setup_table

DEFAULT_DAYS = 90


class LogView(QWidget):
    title = "Log"

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load=False``: the main window fills the view when it is first shown."""
        super().__init__(parent)
        self.db = db
        self.ui = Ui_LogView()
        self.ui.setupUi(self)
        ui = self.ui
        self.model: RowTableModel[LogRow] = RowTableModel(
            [
                Column("When", lambda r: r.occurred_at),
                Column("Channel", lambda r: r.channel),
                Column("Direction", lambda r: r.direction),
                Column("Account", lambda r: r.account),
                Column("With", lambda r: r.counterpart),
                Column("Summary", lambda r: r.summary.replace("\n", " ")),
                Column("Item", lambda r: r.item_key),
            ]
        )
        ui.logTable.setModel(self.model)
        setup_table(ui.logTable, stretch_column=5)
        for col, width in enumerate((120, 110, 80, 170, 150, 300, 80)):
            ui.logTable.setColumnWidth(col, width)
        fill_combo(ui.channelCombo, [(c, c.label) for c in Channel], "All channels")
        fill_combo(ui.directionCombo, [(d, d.label) for d in Direction], "Both directions")
        today = QDate.currentDate()
        ui.sinceEdit.setDate(today.addDays(-DEFAULT_DAYS))
        ui.untilEdit.setDate(today)
        ui.searchEdit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        ui.searchEdit.textChanged.connect(self._timer.start)
        for combo in (ui.accountCombo, ui.channelCombo, ui.directionCombo):
            combo.currentIndexChanged.connect(self.refresh)
        ui.sinceEdit.dateChanged.connect(self.refresh)
        ui.untilEdit.dateChanged.connect(self.refresh)
        ui.logTable.selectionModel().selectionChanged.connect(self._show_summary)
        ui.newButton.clicked.connect(self.new_entry)
        ui.deleteButton.clicked.connect(self.delete_entry)
        ui.exportButton.clicked.connect(self.export)
        if load:
            self.refresh()

    def _fill_accounts(self) -> None:
        combo = self.ui.accountCombo
        keep = combo.currentData()
        combo.blockSignals(True)
        fill_combo(combo, portfolio.account_choices(self.db), "All accounts")
        select_data(combo, keep)
        combo.blockSignals(False)

    def current_filter(self) -> LogFilter:
        ui = self.ui
        channel = ui.channelCombo.currentData()
        direction = ui.directionCombo.currentData()
        since: dt.date = ui.sinceEdit.date().toPython()  # type: ignore[assignment]
        until: dt.date = ui.untilEdit.date().toPython()  # type: ignore[assignment]
        return LogFilter(
            search=ui.searchEdit.text(),
            account_id=ui.accountCombo.currentData(),
            channel=None if channel is None else Channel(channel),
            direction=None if direction is None else Direction(direction),
            since=since,
            until=until,
        )

    def refresh(self) -> None:
        self._fill_accounts()
        rows = commlog.list_entries(self.db, self.current_filter())
        self.model.set_rows(rows)
        self.ui.countLabel.setText(f"{len(rows)} conversations")
        self._show_summary()

    def selected(self) -> LogRow | None:
        i = selected_row(self.ui.logTable)
        return None if i is None else self.model.row(i)

    def _show_summary(self, *_: object) -> None:
        row = self.selected()
        self.ui.deleteButton.setEnabled(row is not None)
        if row is None:
            self.ui.summaryView.setHtml("<i>Select a conversation to read it in full.</i>")
            return
        head = f"{row.occurred_at.astimezone():%a %d %b %Y %H:%M} · {row.channel.label} · {row.direction.label}"
        who = " · ".join(p for p in (row.account, row.counterpart, row.item_text) if p)
        self.ui.summaryView.setHtml(
            f"<b>{html.escape(head)}</b><br>{html.escape(who)}"
            f"<p>{html.escape(row.summary).replace(chr(10), '<br>')}</p>"
        )

    def new_entry(self) -> None:
        dialog = QuickLogDialog(self.db, account_id=self.ui.accountCombo.currentData(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_entry(self) -> None:
        row = self.selected()
        if row is None:
            return
        if messages.confirm(self, "Delete", "Delete this logged conversation?", "Delete"):
            try:
                commlog.delete_entry(self.db, row.id)
            except KnownError as exc:
                messages.show_known(self, exc)
            self.refresh()

    def export(self) -> None:
        from csdesk.gui.export_dialog import ExportDialog

        account = self.ui.accountCombo.currentText() if self.ui.accountCombo.currentData() else ""
        ExportDialog(
            self.db, kind="log", account=account, since=self.current_filter().since, parent=self
        ).exec()
