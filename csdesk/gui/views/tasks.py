"""Tasks & Tickets: one table filtered in SQL as you type."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from csdesk.core import workitems
from csdesk.core.db import Database
from csdesk.core.enums import ItemType
from csdesk.core.errors import KnownError
from csdesk.core.models import utcnow
from csdesk.core.workitems import ItemRow
from csdesk.gui import messages
from csdesk.gui.dialogs import TaskDialog
from csdesk.gui.forms.ui_tasks_view import Ui_TasksView
from csdesk.gui.table_model import Column, RowTableModel
from csdesk.gui.widgets import fill_combo, selected_row, setup_table

OVERDUE = "#b3261e"
STALE = "#9a6700"


class TasksView(QWidget):
    title = "Tasks & Tickets"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ui = Ui_TasksView()
        self.ui.setupUi(self)
        ui = self.ui
        self.model: RowTableModel[ItemRow] = RowTableModel(
            [
                Column("Type", lambda r: r.item_type),
                Column("Key", lambda r: r.external_key),
                Column("Title", lambda r: r.title),
                Column("Account", lambda r: r.account),
                Column("Status", lambda r: r.status),
                Column("Priority", lambda r: r.priority),
                Column("Due", lambda r: r.due_at),
                Column("Assignees", lambda r: r.assignees),
            ],
            highlight=self._highlight,
        )
        ui.itemsTable.setModel(self.model)
        setup_table(ui.itemsTable, stretch_column=2)
        for col, width in enumerate((66, 76, 260, 160, 178, 70, 126, 150)):
            ui.itemsTable.setColumnWidth(col, width)
        fill_combo(
            ui.typeCombo,
            [(None, "Tasks and tickets"), (ItemType.TASK, "Tasks"), (ItemType.TICKET, "Tickets")],
        )
        ui.searchEdit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self.refresh)
        ui.searchEdit.textChanged.connect(self._search_timer.start)
        ui.typeCombo.currentIndexChanged.connect(self.refresh)
        ui.openOnlyCheck.toggled.connect(self.refresh)
        ui.itemsTable.doubleClicked.connect(self.edit_item)
        ui.itemsTable.selectionModel().selectionChanged.connect(self._update_buttons)
        ui.newButton.clicked.connect(self.new_item)
        ui.editButton.clicked.connect(self.edit_item)
        ui.deleteButton.clicked.connect(self.delete_item)
        self.refresh()

    def _highlight(self, row: ItemRow) -> str | None:
        now = self._now
        if row.is_overdue(now):
            return OVERDUE
        if row.is_stale(now):
            return STALE
        return None

    def refresh(self) -> None:
        self._now = utcnow()
        rows = workitems.list_items(
            self.db,
            search=self.ui.searchEdit.text(),
            open_only=self.ui.openOnlyCheck.isChecked(),
            item_type=self.ui.typeCombo.currentData(),
        )
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.is_overdue(self._now))
        stale = sum(1 for r in rows if r.is_stale(self._now))
        self.ui.countLabel.setText(
            f"{len(rows)} shown · {overdue} overdue (red) · {stale} tickets not followed up "
            "for 48 hours (amber)"
        )
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        has = self.selected_item() is not None
        self.ui.editButton.setEnabled(has)
        self.ui.deleteButton.setEnabled(has)

    def selected_item(self) -> ItemRow | None:
        i = selected_row(self.ui.itemsTable)
        return None if i is None else self.model.row(i)

    def new_item(self) -> None:
        dialog = TaskDialog(self.db, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_item(self, *_: object) -> None:
        row = self.selected_item()
        if row is None:
            return
        dialog = TaskDialog(self.db, row.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_item(self) -> None:
        row = self.selected_item()
        if row is None:
            return
        if not messages.confirm(
            self,
            "Delete",
            f"Delete “{row.title}” and its history? This cannot be undone.",
            "Delete",
        ):
            return
        try:
            workitems.delete_item(self.db, row.id)
        except KnownError as exc:
            messages.show_known(self, exc)
        self.refresh()
