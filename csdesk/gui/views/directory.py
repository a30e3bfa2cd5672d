"""Directory: departments with contacts and routing notes (R1), colleagues with roles."""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from csdesk.core import directory
from csdesk.core.db import Database
from csdesk.core.directory import ColleagueRow, DepartmentRow
from csdesk.core.errors import HasOpenWorkError, KnownError
from csdesk.gui import messages
from csdesk.gui.dialogs import ColleagueDialog, DepartmentDialog
from csdesk.gui.forms.ui_directory_view import Ui_DirectoryView
from csdesk.gui.table_model import Column, RowTableModel
from csdesk.gui.widgets import selected_row, setup_table


class DirectoryView(QWidget):
    title = "Directory"

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load=False``: the main window fills the view when it is first shown."""
        super().__init__(parent)
        self.db = db
        self.ui = Ui_DirectoryView()
        self.ui.setupUi(self)
        ui = self.ui
        self.departments: RowTableModel[DepartmentRow] = RowTableModel(
            [
                Column("Department", lambda d: d.name),
                Column("Primary contact", lambda d: d.primary.name if d.primary else "—"),
                Column("Contacts", lambda d: len(d.contacts), align_right=True),
            ]
        )
        ui.departmentsTable.setModel(self.departments)
        setup_table(ui.departmentsTable, stretch_column=0)
        ui.departmentsTable.setColumnWidth(1, 140)
        ui.departmentsTable.setColumnWidth(2, 70)
        self.colleagues: RowTableModel[ColleagueRow] = RowTableModel(
            [
                Column("Name", lambda c: c.name),
                Column("Roles", lambda c: c.roles_text),
                Column("Department", lambda c: c.department),
                Column("Email", lambda c: c.email),
                Column("Phone", lambda c: c.phone),
                Column(
                    "Open", lambda c: c.open_items, align_right=True, tooltip="Open items assigned"
                ),
            ]
        )
        ui.colleaguesTable.setModel(self.colleagues)
        setup_table(ui.colleaguesTable)
        for col, width in enumerate((140, 170, 130, 230, 120, 50)):
            ui.colleaguesTable.setColumnWidth(col, width)
        ui.splitter.setSizes([390, 690])
        ui.colleagueSearchEdit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh_colleagues)
        ui.colleagueSearchEdit.textChanged.connect(self._search_timer.start)

        ui.departmentsTable.selectionModel().selectionChanged.connect(self.show_department)
        ui.departmentsTable.doubleClicked.connect(self.edit_department)
        ui.colleaguesTable.doubleClicked.connect(self.edit_colleague)
        ui.colleaguesTable.selectionModel().selectionChanged.connect(self._update_buttons)
        ui.newDepartmentButton.clicked.connect(self.new_department)
        ui.editDepartmentButton.clicked.connect(self.edit_department)
        ui.deleteDepartmentButton.clicked.connect(self.delete_department)
        ui.newColleagueButton.clicked.connect(self.new_colleague)
        ui.editColleagueButton.clicked.connect(self.edit_colleague)
        ui.deleteColleagueButton.clicked.connect(self.delete_colleague)
        if load:
            self.refresh()

    def refresh(self) -> None:
        self.refresh_departments()
        self.refresh_colleagues()

    def refresh_departments(self, select_id: int | None = None) -> None:
        current = self.selected_department()
        keep = select_id if select_id is not None else (current.id if current else None)
        self.departments.set_rows(directory.list_departments(self.db))
        index = next((i for i, d in enumerate(self.departments.rows) if d.id == keep), 0)
        if self.departments.rows:
            self.ui.departmentsTable.selectRow(index)
        self.show_department()

    def refresh_colleagues(self) -> None:
        self.colleagues.set_rows(
            directory.list_colleagues(self.db, self.ui.colleagueSearchEdit.text())
        )
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        has = self.selected_colleague() is not None
        self.ui.editColleagueButton.setEnabled(has)
        self.ui.deleteColleagueButton.setEnabled(has)
        dep = self.selected_department() is not None
        self.ui.editDepartmentButton.setEnabled(dep)
        self.ui.deleteDepartmentButton.setEnabled(dep)

    def selected_department(self) -> DepartmentRow | None:
        i = selected_row(self.ui.departmentsTable)
        return None if i is None else self.departments.row(i)

    def selected_colleague(self) -> ColleagueRow | None:
        i = selected_row(self.ui.colleaguesTable)
        return None if i is None else self.colleagues.row(i)

    def show_department(self, *_: object) -> None:
        d = self.selected_department()
        self._update_buttons()
        if d is None:
            self.ui.departmentDetail.setHtml(
                "<p>No department selected.</p>"
                if self.departments.rows
                else "<p>No departments yet. Add your colleagues first, then the departments "
                "with who to contact in each.</p>"
            )
            return
        parts = [f"<h3>{html.escape(d.name)}</h3>"]
        if d.description:
            parts.append(f"<p>{html.escape(d.description)}</p>")
        parts.append("<ul>")
        for c in d.contacts:
            who = f"<b>{html.escape(c.name)}</b>" + (" (primary)" if c.is_primary else "")
            if c.email:
                who += f" &lt;{html.escape(c.email)}&gt;"
            if c.routing_note:
                who += f" — {html.escape(c.routing_note)}"
            parts.append(f"<li>{who}</li>")
        parts.append("</ul>")
        if d.routing_notes:
            parts.append(f"<p><i>Routing:</i> {html.escape(d.routing_notes)}</p>")
        self.ui.departmentDetail.setHtml("".join(parts))

    # ------------------------------------------------------------- actions

    def new_department(self) -> None:
        dialog = DepartmentDialog(self.db, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh_departments(dialog.saved_id)

    def edit_department(self, *_: object) -> None:
        d = self.selected_department()
        if d is None:
            return
        dialog = DepartmentDialog(self.db, d.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_department(self) -> None:
        d = self.selected_department()
        if d is None:
            return
        if messages.confirm(
            self,
            "Delete department",
            f"Delete the department “{d.name}”? Its contacts stay in the directory; "
            "tasks that named it keep their assignees.",
            "Delete",
        ):
            directory.delete_department(self.db, d.id)
            self.refresh()

    def new_colleague(self) -> None:
        dialog = ColleagueDialog(self.db, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_colleague(self, *_: object) -> None:
        c = self.selected_colleague()
        if c is None:
            return
        dialog = ColleagueDialog(self.db, c.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_colleague(self) -> None:
        """Never silent: open work is named and must be handed to someone first (R2)."""
        c = self.selected_colleague()
        if c is None:
            return
        if not messages.confirm(
            self, "Delete colleague", f"Delete {c.name} from the directory?", "Delete"
        ):
            return
        try:
            directory.delete_colleague(self.db, c.id)
        except HasOpenWorkError as exc:
            others = [o for o in self.colleagues.rows if o.id != c.id]
            if not others:
                messages.show_known(self, exc)
                return
            choice = messages.choose(
                self,
                "Reassign open work",
                exc.message + "\n\nWho should take over these items?",
                [o.name for o in others],
            )
            if choice is None:
                return
            target = next(o for o in others if o.name == choice)
            try:
                directory.delete_colleague(self.db, c.id, reassign_to=target.id)
            except KnownError as again:
                messages.show_known(self, again)
        except KnownError as exc:
            messages.show_known(self, exc)
        self.refresh()
