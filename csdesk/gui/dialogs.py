"""The create/edit dialogs. Each builds its Designer form, fills it, and saves through the core.

A rule broken on Save (csdesk.core.errors.ValidationError) is shown in the
dialog's error line in plain words, the offending field gets the focus, and
the dialog stays open with everything typed kept.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from csdesk.core import commlog, directory, portfolio, workflow, workitems
from csdesk.core.db import Database
from csdesk.core.enums import (
    Category,
    Channel,
    Direction,
    Health,
    ItemType,
    LifecycleStage,
    Priority,
    Role,
    Status,
)
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.validation import clean_text
from csdesk.gui.forms.ui_account_dialog import Ui_AccountDialog
from csdesk.gui.forms.ui_admin_dialog import Ui_AdminDialog
from csdesk.gui.forms.ui_colleague_dialog import Ui_ColleagueDialog
from csdesk.gui.forms.ui_department_dialog import Ui_DepartmentDialog
from csdesk.gui.forms.ui_follow_up_dialog import Ui_FollowUpDialog
from csdesk.gui.forms.ui_message_dialog import Ui_MessageDialog
from csdesk.gui.forms.ui_quick_log_dialog import Ui_QuickLogDialog
from csdesk.gui.forms.ui_task_dialog import Ui_TaskDialog
from csdesk.gui.widgets import (
    NONE_LABEL,
    checked_data,
    fill_checklist,
    fill_combo,
    select_data,
    set_checked,
)


class FormDialog(QDialog):
    """Base of every edit dialog: Save validates through the core, errors stay in the dialog."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.saved_id: int | None = None

    def _wire(self, ui: Any) -> None:
        self._ui = ui
        ui.buttonBox.accepted.connect(self._on_save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.errorLabel.setVisible(False)

    def field_widgets(self) -> dict[str, QWidget]:
        return {}

    def save(self) -> int:
        raise NotImplementedError

    @property
    def error_text(self) -> str:
        label = self._ui.errorLabel
        return str(label.text()) if not label.isHidden() else ""

    def show_error(self, text: str, field: str = "") -> None:
        self._ui.errorLabel.setText(text)
        self._ui.errorLabel.setVisible(True)
        widget = self.field_widgets().get(field)
        if widget is not None:
            widget.setFocus()

    def _on_save(self) -> None:
        try:
            self.saved_id = self.save()
        except ValidationError as exc:
            self.show_error(exc.message, exc.field)
            return
        except KnownError as exc:
            self.show_error(exc.message)
            return
        self.accept()


def _colleague_choices(db: Database) -> list[tuple[int, str]]:
    return [(c.id, c.name) for c in directory.list_colleagues(db)]


def _enum_choices(enum: Any) -> list[tuple[Any, str]]:
    return [(m, m.label) for m in enum]


# Qt keeps a StrEnum put in a combo as a plain str: the dialogs turn it back
# into its enum when they read it (Status(...), Priority(...)).

# ------------------------------------------------------------------ account


class AccountDialog(FormDialog):
    def __init__(self, db: Database, account_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.account_id = db, account_id
        self.ui = Ui_AccountDialog()
        self.ui.setupUi(self)
        self._wire(self.ui)
        ui = self.ui
        self.setWindowTitle("New account" if account_id is None else "Edit account")
        fill_combo(
            ui.parentCombo,
            [(i, n) for i, n in portfolio.account_choices(db) if i != account_id],
            none_label="— not part of a franchise —",
        )
        fill_combo(ui.stageCombo, _enum_choices(LifecycleStage))
        fill_combo(ui.healthCombo, _enum_choices(Health))
        people = _colleague_choices(db)
        fill_combo(ui.amCombo, people, NONE_LABEL)
        fill_combo(ui.rmCombo, people, NONE_LABEL)
        ui.noRenewalCheck.toggled.connect(lambda on: ui.renewalEdit.setEnabled(not on))
        ui.renewalEdit.setDate(QDate.currentDate().addYears(1))
        self.products = portfolio.list_products(db)
        table = ui.productsTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["Product module", "Bought", "In use"])
        table.setRowCount(len(self.products))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, p in enumerate(self.products):
            name = QTableWidgetItem(p.name + (" (paid extra)" if p.is_paid_extra else ""))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, name)
            for col in (1, 2):
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                cell.setCheckState(Qt.CheckState.Unchecked)
                table.setItem(row, col, cell)
        if account_id is not None:
            self._load(account_id)
        else:
            ui.noRenewalCheck.setChecked(True)

    def _load(self, account_id: int) -> None:
        a = portfolio.get_account(self.db, account_id).account
        ui = self.ui
        ui.nameEdit.setText(a.name)
        ui.externalIdEdit.setText(a.external_id or "")
        select_data(ui.parentCombo, a.parent_id)
        ui.seatsSpin.setValue(a.paid_seats)
        select_data(ui.stageCombo, a.lifecycle_stage)
        select_data(ui.healthCombo, a.health)
        if a.renewal_date is None:
            ui.noRenewalCheck.setChecked(True)
        else:
            ui.noRenewalCheck.setChecked(False)
            ui.renewalEdit.setDate(QDate(a.renewal_date))
        select_data(ui.amCombo, a.account_manager_id)
        select_data(ui.rmCombo, a.regional_manager_id)
        ui.websiteEdit.setText(a.website)
        ui.notesEdit.setPlainText(a.notes)
        links = {link.product_id: link for link in a.products}
        for row, p in enumerate(self.products):
            link = links.get(p.id)
            if link is not None:
                for col, on in ((1, link.bought), (2, link.in_use)):
                    item = ui.productsTable.item(row, col)
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "name": ui.nameEdit,
            "external_id": ui.externalIdEdit,
            "parent": ui.parentCombo,
            "paid_seats": ui.seatsSpin,
            "website": ui.websiteEdit,
            "notes": ui.notesEdit,
        }

    def save(self) -> int:
        ui = self.ui
        products = []
        for row, p in enumerate(self.products):
            bought = ui.productsTable.item(row, 1).checkState() == Qt.CheckState.Checked
            used = ui.productsTable.item(row, 2).checkState() == Qt.CheckState.Checked
            if bought or used:
                products.append(portfolio.ProductInput(p.id, bought=bought or used, in_use=used))
        renewal: dt.date | None = None
        if not ui.noRenewalCheck.isChecked():
            renewal = ui.renewalEdit.date().toPython()  # type: ignore[assignment]
        return portfolio.save_account(
            self.db,
            portfolio.AccountInput(
                id=self.account_id,
                name=ui.nameEdit.text(),
                external_id=ui.externalIdEdit.text(),
                parent_id=ui.parentCombo.currentData(),
                paid_seats=ui.seatsSpin.value(),
                stage=LifecycleStage(ui.stageCombo.currentData()),
                health=Health(ui.healthCombo.currentData()),
                renewal_date=renewal,
                account_manager_id=ui.amCombo.currentData(),
                regional_manager_id=ui.rmCombo.currentData(),
                website=ui.websiteEdit.text(),
                notes=ui.notesEdit.toPlainText(),
                products=products,
            ),
        )


# -------------------------------------------------------------------- admin


class AdminDialog(FormDialog):
    def __init__(
        self,
        db: Database,
        account_id: int,
        admin_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.account_id, self.admin_id = db, account_id, admin_id
        self.ui = Ui_AdminDialog()
        self.ui.setupUi(self)
        self._wire(self.ui)
        self.setWindowTitle("New customer admin" if admin_id is None else "Edit customer admin")
        if admin_id is not None:
            a = portfolio.get_admin(db, admin_id)
            self.ui.nameEdit.setText(a.name)
            self.ui.titleEdit.setText(a.title)
            self.ui.emailEdit.setText(a.email)
            self.ui.phoneEdit.setText(a.phone)
            self.ui.primaryCheck.setChecked(a.is_primary)
            self.ui.notesEdit.setPlainText(a.notes)

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "name": ui.nameEdit,
            "email": ui.emailEdit,
            "phone": ui.phoneEdit,
            "title": ui.titleEdit,
        }

    def save(self) -> int:
        ui = self.ui
        return portfolio.save_admin(
            self.db,
            portfolio.AdminInput(
                id=self.admin_id,
                account_id=self.account_id,
                name=ui.nameEdit.text(),
                title=ui.titleEdit.text(),
                email=ui.emailEdit.text(),
                phone=ui.phoneEdit.text(),
                is_primary=ui.primaryCheck.isChecked(),
                notes=ui.notesEdit.toPlainText(),
            ),
        )


# ---------------------------------------------------------------- colleague


class ColleagueDialog(FormDialog):
    def __init__(
        self, db: Database, colleague_id: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.colleague_id = db, colleague_id
        self.ui = Ui_ColleagueDialog()
        self.ui.setupUi(self)
        self._wire(self.ui)
        self.setWindowTitle("New colleague" if colleague_id is None else "Edit colleague")
        fill_combo(
            self.ui.departmentCombo,
            [(d.id, d.name) for d in directory.list_departments(db)],
            NONE_LABEL,
        )
        roles: set[Role] = set()
        if colleague_id is not None:
            c = directory.get_colleague(db, colleague_id)
            self.ui.nameEdit.setText(c.name)
            self.ui.titleEdit.setText(c.title)
            self.ui.emailEdit.setText(c.email)
            self.ui.phoneEdit.setText(c.phone)
            select_data(self.ui.departmentCombo, c.department_id)
            self.ui.notesEdit.setPlainText(c.notes)
            roles = c.role_set
        fill_checklist(self.ui.rolesList, _enum_choices(Role), roles)

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "name": ui.nameEdit,
            "email": ui.emailEdit,
            "phone": ui.phoneEdit,
            "roles": ui.rolesList,
        }

    def save(self) -> int:
        ui = self.ui
        return directory.save_colleague(
            self.db,
            directory.ColleagueInput(
                id=self.colleague_id,
                name=ui.nameEdit.text(),
                title=ui.titleEdit.text(),
                email=ui.emailEdit.text(),
                phone=ui.phoneEdit.text(),
                department_id=ui.departmentCombo.currentData(),
                roles={Role(r) for r in checked_data(ui.rolesList)},
                notes=ui.notesEdit.toPlainText(),
            ),
        )


# --------------------------------------------------------------- department


class DepartmentDialog(FormDialog):
    def __init__(
        self, db: Database, department_id: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.department_id = db, department_id
        self.ui = Ui_DepartmentDialog()
        self.ui.setupUi(self)
        self._wire(self.ui)
        self.setWindowTitle("New department" if department_id is None else "Edit department")
        table = self.ui.contactsTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["Contact", "Primary", "Routing note (what to send them)"])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 170)
        fill_combo(self.ui.colleagueCombo, _colleague_choices(db))
        self.ui.addContactButton.clicked.connect(self.add_selected_contact)
        self.ui.removeContactButton.clicked.connect(self.remove_current_contact)
        if department_id is not None:
            d = directory.get_department(db, department_id)
            self.ui.nameEdit.setText(d.name)
            self.ui.descriptionEdit.setText(d.description)
            self.ui.routingEdit.setPlainText(d.routing_notes)
            for c in d.contacts:
                self.add_contact(c.colleague_id, c.name, c.is_primary, c.routing_note)

    def add_contact(self, colleague_id: int, name: str, primary: bool, note: str = "") -> None:
        table = self.ui.contactsTable
        for row in range(table.rowCount()):
            if table.item(row, 0).data(Qt.ItemDataRole.UserRole) == colleague_id:
                return
        row = table.rowCount()
        table.insertRow(row)
        who = QTableWidgetItem(name)
        who.setData(Qt.ItemDataRole.UserRole, colleague_id)
        who.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        table.setItem(row, 0, who)
        flag = QTableWidgetItem()
        flag.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        flag.setCheckState(Qt.CheckState.Checked if primary else Qt.CheckState.Unchecked)
        table.setItem(row, 1, flag)
        table.setItem(row, 2, QTableWidgetItem(note))

    def add_selected_contact(self) -> None:
        combo = self.ui.colleagueCombo
        if combo.currentData() is not None:
            first = self.ui.contactsTable.rowCount() == 0
            self.add_contact(combo.currentData(), combo.currentText(), primary=first)

    def remove_current_contact(self) -> None:
        row = self.ui.contactsTable.currentRow()
        if row >= 0:
            self.ui.contactsTable.removeRow(row)

    def field_widgets(self) -> dict[str, QWidget]:
        return {"name": self.ui.nameEdit, "contacts": self.ui.colleagueCombo}

    def save(self) -> int:
        table = self.ui.contactsTable
        contacts = [
            directory.ContactInput(
                colleague_id=table.item(row, 0).data(Qt.ItemDataRole.UserRole),
                is_primary=table.item(row, 1).checkState() == Qt.CheckState.Checked,
                routing_note=table.item(row, 2).text() if table.item(row, 2) else "",
            )
            for row in range(table.rowCount())
        ]
        return directory.save_department(
            self.db,
            directory.DepartmentInput(
                id=self.department_id,
                name=self.ui.nameEdit.text(),
                description=self.ui.descriptionEdit.text(),
                routing_notes=self.ui.routingEdit.toPlainText(),
                contacts=contacts,
            ),
        )


# --------------------------------------------------------------------- task


def _to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(value.astimezone().replace(tzinfo=None))


class TaskDialog(FormDialog):
    def __init__(
        self,
        db: Database,
        item_id: int | None = None,
        account_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.item_id = db, item_id
        self.ui = Ui_TaskDialog()
        self.ui.setupUi(self)
        self._wire(self.ui)
        ui = self.ui
        self.setWindowTitle("New task or ticket" if item_id is None else "Edit task or ticket")
        fill_combo(ui.typeCombo, _enum_choices(ItemType))
        fill_combo(ui.accountCombo, portfolio.account_choices(db), NONE_LABEL)
        self.kinds = workitems.list_kinds(db)
        fill_combo(
            ui.kindCombo,
            [(k.id, f"{k.name} ({_hours_text(k.default_due_hours)})") for k in self.kinds],
            "— general (48 hours) —",
        )
        fill_combo(ui.statusCombo, _enum_choices(Status))
        fill_combo(ui.priorityCombo, _enum_choices(Priority))
        fill_combo(ui.categoryCombo, _enum_choices(Category))
        self.departments = {d.id: d for d in directory.list_departments(db)}
        fill_combo(
            ui.departmentCombo,
            [(d.id, d.name) for d in self.departments.values()],
            NONE_LABEL,
        )
        people = _colleague_choices(db)
        fill_combo(ui.amCombo, people, NONE_LABEL)
        fill_combo(ui.rmCombo, people, NONE_LABEL)
        ui.dueEdit.setDateTime(_to_qdatetime(workitems.default_due(db, None)))
        if item_id is None:
            defaults = workitems.default_assignee_ids(db)
            fill_checklist(ui.assigneesList, people, defaults)
            fill_checklist(ui.followersList, people, defaults)
            fill_checklist(ui.channelsList, _enum_choices(Channel))
            select_data(ui.accountCombo, account_id)
            select_data(ui.priorityCombo, Priority.MEDIUM)
            select_data(ui.categoryCombo, Category.GENERAL)
        else:
            self._load(item_id, people)
        ui.departmentCombo.currentIndexChanged.connect(self._department_changed)
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        ui.amCombo.currentIndexChanged.connect(self._managers_changed)
        ui.rmCombo.currentIndexChanged.connect(self._managers_changed)
        ui.accountCombo.currentIndexChanged.connect(self._account_changed)
        self._show_routing()
        self._managers_changed()

    def _load(self, item_id: int, people: list[tuple[int, str]]) -> None:
        ui = self.ui
        it = workitems.get_item(self.db, item_id)
        select_data(ui.typeCombo, it.item_type)
        ui.titleEdit.setText(it.title)
        select_data(ui.accountCombo, it.account_id)
        select_data(ui.kindCombo, it.kind_id)
        # Only the moves the state machine allows are offered (the core checks again).
        fill_combo(
            ui.statusCombo,
            _enum_choices([it.status, *workflow.allowed_targets(it.item_type, it.status)]),
        )
        select_data(ui.statusCombo, it.status)
        select_data(ui.priorityCombo, it.priority)
        select_data(ui.categoryCombo, it.category)
        if it.due_at is not None:
            ui.dueEdit.setDateTime(_to_qdatetime(it.due_at))
        ui.descriptionEdit.setPlainText(it.description)
        select_data(ui.departmentCombo, it.department_id)
        fill_checklist(ui.assigneesList, people, [c.id for c in it.assignees])
        fill_checklist(ui.followersList, people, [c.id for c in it.followers])
        fill_checklist(ui.channelsList, _enum_choices(Channel), [Channel(c) for c in it.channels])
        ui.externalKeyEdit.setText(it.external_key or "")
        ui.externalUrlEdit.setText(it.external_url)
        select_data(ui.amCombo, it.account_manager_id)
        select_data(ui.rmCombo, it.regional_manager_id)

    def _show_routing(self) -> None:
        dep = self.departments.get(self.ui.departmentCombo.currentData())
        if dep is None or not dep.contacts:
            self.ui.routingLabel.setText("")
            return
        lines = [
            f"<b>{html.escape(c.name)}</b>{' (primary)' if c.is_primary else ''}"
            + (f" — {html.escape(c.routing_note)}" if c.routing_note else "")
            for c in dep.contacts
        ]
        notes = f"<br><i>{html.escape(dep.routing_notes)}</i>" if dep.routing_notes else ""
        self.ui.routingLabel.setText("Who to contact: " + "; ".join(lines) + notes)

    def _department_changed(self) -> None:
        """R1: naming a department suggests its primary contact as an assignee."""
        self._show_routing()
        dep = self.departments.get(self.ui.departmentCombo.currentData())
        if dep is not None and dep.primary is not None:
            set_checked(self.ui.assigneesList, [dep.primary.colleague_id])

    def _account_changed(self) -> None:
        """A ticket's AM and RM come from the account (Salesforce holds them there, seed 003)."""
        account_id = self.ui.accountCombo.currentData()
        if account_id is None or self.ui.amCombo.currentData() is not None:
            return
        a = portfolio.get_account(self.db, account_id).account
        select_data(self.ui.amCombo, a.account_manager_id)
        select_data(self.ui.rmCombo, a.regional_manager_id)

    def _managers_changed(self) -> None:
        """R6: when the AM is also the RM, the RM field takes the fallback, and the form says so."""
        note = ""
        try:
            with self.db.session() as s:
                rm, note = workflow.resolve_regional_manager(
                    s, self.ui.amCombo.currentData(), self.ui.rmCombo.currentData()
                )
        except ValidationError as exc:
            self.ui.escalationNote.setText(exc.message)
            return
        if note:
            self.ui.rmCombo.blockSignals(True)
            select_data(self.ui.rmCombo, rm)
            self.ui.rmCombo.blockSignals(False)
        self.ui.escalationNote.setText(note)

    def _kind_changed(self) -> None:
        """R3: the kind carries its default duration; new items take it."""
        if self.item_id is None:
            due = workitems.default_due(self.db, self.ui.kindCombo.currentData())
            self.ui.dueEdit.setDateTime(_to_qdatetime(due))

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "title": ui.titleEdit,
            "assignees": ui.assigneesList,
            "external_url": ui.externalUrlEdit,
            "external_key": ui.externalKeyEdit,
            "account_manager": ui.amCombo,
            "regional_manager": ui.rmCombo,
            "status": ui.statusCombo,
            "description": ui.descriptionEdit,
        }

    def show_error(self, text: str, field: str = "") -> None:
        tab = {"assignees": 1, "external_url": 2, "external_key": 2, "account_manager": 2}.get(
            field
        )
        if tab is not None:
            self.ui.tabs.setCurrentIndex(tab)
        super().show_error(text, field)

    def save(self) -> int:
        ui = self.ui
        due: dt.datetime = ui.dueEdit.dateTime().toPython().astimezone()  # type: ignore[attr-defined]
        return workitems.save_item(
            self.db,
            workitems.ItemInput(
                id=self.item_id,
                item_type=ItemType(ui.typeCombo.currentData()),
                title=ui.titleEdit.text(),
                description=ui.descriptionEdit.toPlainText(),
                account_id=ui.accountCombo.currentData(),
                department_id=ui.departmentCombo.currentData(),
                kind_id=ui.kindCombo.currentData(),
                status=Status(ui.statusCombo.currentData()),
                priority=Priority(ui.priorityCombo.currentData()),
                category=Category(ui.categoryCombo.currentData()),
                channels=[Channel(c) for c in checked_data(ui.channelsList)],
                external_url=ui.externalUrlEdit.text(),
                external_key=ui.externalKeyEdit.text(),
                assignee_ids=checked_data(ui.assigneesList),
                follower_ids=checked_data(ui.followersList),
                account_manager_id=ui.amCombo.currentData(),
                regional_manager_id=ui.rmCombo.currentData(),
                due_at=due,
            ),
        )


def _hours_text(hours: int) -> str:
    return f"{hours} hours" if hours < 72 or hours % 24 else f"{hours // 24} days"


# ---------------------------------------------------------------- follow-up


class FollowUpDialog(FormDialog):
    """R4: record a follow-up - when, through which channel, and what was said."""

    def __init__(self, db: Database, item_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.item_id = db, item_id
        self.ui = Ui_FollowUpDialog()
        self.ui.setupUi(self)
        self._wire(self.ui)
        item = workitems.get_item(db, item_id)
        key = f"{item.external_key} · " if item.external_key else ""
        self.ui.itemLabel.setText(f"<b>{html.escape(key + item.title)}</b>")
        fill_combo(self.ui.channelCombo, _enum_choices(Channel))
        preferred = Channel(item.channels[0]) if item.channels else Channel.TASK_TOOL
        select_data(self.ui.channelCombo, preferred)
        self.ui.whenEdit.setDateTime(QDateTime.currentDateTime())

    def field_widgets(self) -> dict[str, QWidget]:
        return {"note": self.ui.noteEdit}

    def save(self) -> int:
        when: dt.datetime = self.ui.whenEdit.dateTime().toPython().astimezone()  # type: ignore[attr-defined]
        if when > dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5):
            raise ValidationError("A follow-up cannot be in the future.", "note")
        workflow.follow_up(
            self.db,
            self.item_id,
            Channel(self.ui.channelCombo.currentData()),
            clean_text(self.ui.noteEdit.toPlainText(), "note", "Note", 5000),
            now=when,
        )
        return self.item_id


class MessageDialog(QDialog):
    """Shows a message drafted from a template, ready to copy."""

    def __init__(
        self, title: str, intro: str, subject: str, body: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ui = Ui_MessageDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.introLabel.setText(intro)
        self.ui.subjectEdit.setText(subject)
        self.ui.bodyEdit.setPlainText(body)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.copyButton.clicked.connect(self.copy)

    def copy(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.clipboard().setText(
            f"{self.ui.subjectEdit.text()}\n\n{self.ui.bodyEdit.toPlainText()}"
        )
        self.ui.copyButton.setText("Copied")


# ---------------------------------------------------------------- quick log


class QuickLogDialog(FormDialog):
    """R12: log an email, call, chat, meeting... as communication proof, from anywhere (Ctrl+L)."""

    def __init__(
        self,
        db: Database,
        account_id: int | None = None,
        item_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.ui = Ui_QuickLogDialog()
        self.ui.setupUi(self)
        self._wire(self.ui)
        ui = self.ui
        fill_combo(ui.accountCombo, portfolio.account_choices(db), NONE_LABEL)
        fill_combo(
            ui.channelCombo, _enum_choices([c for c in Channel if c is not Channel.TASK_TOOL])
        )
        fill_combo(ui.directionCombo, _enum_choices(Direction))
        select_data(ui.directionCombo, Direction.OUTBOUND)
        select_data(ui.channelCombo, Channel.CALL)
        ui.whenEdit.setDateTime(QDateTime.currentDateTime())
        ui.accountCombo.currentIndexChanged.connect(self._account_changed)
        if item_id is not None and account_id is None:
            account_id = workitems.get_item(db, item_id).account_id
        select_data(ui.accountCombo, account_id)
        self._account_changed()
        select_data(ui.itemCombo, item_id)

    def _account_changed(self) -> None:
        ui = self.ui
        account_id = ui.accountCombo.currentData()
        typed = ui.counterpartCombo.currentText()
        ui.counterpartCombo.clear()
        items: list[tuple[int, str]] = []
        if account_id is not None:
            a = portfolio.get_account(self.db, account_id).account
            for admin in a.admins:
                ui.counterpartCombo.addItem(
                    f"{admin.name} <{admin.email}>" if admin.email else admin.name, admin.id
                )
            items = [
                (r.id, f"{r.external_key or '#' + str(r.id)} · {r.title}")
                for r in workitems.list_items(self.db, open_only=True, account_id=account_id)
            ]
        ui.counterpartCombo.setEditText(typed)
        fill_combo(ui.itemCombo, items, "— no linked item —")

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "summary": ui.summaryEdit,
            "account": ui.accountCombo,
            "account_id": ui.accountCombo,
            "item": ui.itemCombo,
            "item_id": ui.itemCombo,
            "occurred_at": ui.whenEdit,
            "counterpart": ui.counterpartCombo,
        }

    def save(self) -> int:
        ui = self.ui
        text = ui.counterpartCombo.currentText().strip()
        index = ui.counterpartCombo.findText(text)
        admin_id = ui.counterpartCombo.itemData(index) if index >= 0 else None
        when: dt.datetime = ui.whenEdit.dateTime().toPython().astimezone()  # type: ignore[attr-defined]
        return commlog.save_entry(
            self.db,
            commlog.LogInput(
                channel=Channel(ui.channelCombo.currentData()),
                summary=ui.summaryEdit.toPlainText(),
                account_id=ui.accountCombo.currentData(),
                admin_id=admin_id,
                item_id=ui.itemCombo.currentData(),
                counterpart=text,
                direction=Direction(ui.directionCombo.currentData()),
                occurred_at=when,
            ),
        )
