"""The Directory view: departments with contacts (R1), colleagues, deleting with open work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from csdesk.core import directory, workitems
from csdesk.core.db import Database
from csdesk.core.enums import Role
from csdesk.gui.dialogs import ColleagueDialog, DepartmentDialog
from csdesk.gui.views.directory import DirectoryView
from csdesk.gui.widgets import select_data, set_checked
from tests.gui.conftest import Seed, save_button


def make_view(qtbot: QtBot, db: Database) -> DirectoryView:
    view = DirectoryView(db)
    qtbot.addWidget(view)
    view.show()
    return view


def test_department_detail_shows_contacts_and_routing(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    view = make_view(qtbot, db)
    assert view.departments.rowCount() == 1
    text = view.ui.departmentDetail.toPlainText()
    assert "Jonah Pike (primary)" in text
    assert "all website requests" in text
    assert "Page changes and new pages" in text


def test_new_colleague_with_roles(qtbot: QtBot, db: Database, seeded: Seed, drive_modal) -> None:
    view = make_view(qtbot, db)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ColleagueDialog)
        qtbot.keyClicks(dialog.ui.nameEdit, "Riley Shaw")
        qtbot.keyClicks(dialog.ui.emailEdit, "riley@@example")
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        assert "is not a valid email address" in dialog.error_text
        dialog.ui.emailEdit.setText("")
        qtbot.keyClicks(dialog.ui.emailEdit, "riley@brightpath.example")
        set_checked(dialog.ui.rolesList, [Role.TEAM_LEAD])
        select_data(dialog.ui.departmentCombo, seeded.website_dept)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(
        lambda: qtbot.mouseClick(view.ui.newColleagueButton, Qt.MouseButton.LeftButton), fill
    )
    riley = next(r for r in view.colleagues.rows if r.name == "Riley Shaw")
    assert riley.roles == (Role.TEAM_LEAD,)
    assert riley.department == "Website"


def test_second_me_is_refused_naming_the_holder(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    dialog = ColleagueDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Someone Else")
    set_checked(dialog.ui.rolesList, [Role.ME])
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert "Morgan Reyes is already “Me (the CSM)”" in dialog.error_text


def test_department_needs_a_primary_contact(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    dialog = DepartmentDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.nameEdit, "Content")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert "primary contact" in dialog.error_text
    select_data(dialog.ui.colleagueCombo, seeded.css)
    qtbot.mouseClick(dialog.ui.addContactButton, Qt.MouseButton.LeftButton)
    select_data(dialog.ui.colleagueCombo, seeded.web)
    qtbot.mouseClick(dialog.ui.addContactButton, Qt.MouseButton.LeftButton)
    dialog.ui.contactsTable.item(1, 2).setText("client matters")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    content = next(d for d in directory.list_departments(db) if d.name == "Content")
    assert [(c.name, c.is_primary, c.routing_note) for c in content.contacts] == [
        ("Casey Lin", True, ""),
        ("Jonah Pike", False, "client matters"),
    ]


def test_deleting_a_colleague_with_open_work_reassigns_it(
    qtbot: QtBot, db: Database, seeded: Seed, monkeypatch
) -> None:
    view = make_view(qtbot, db)
    row = next(i for i, r in enumerate(view.colleagues.rows) if r.name == "Jonah Pike")
    view.ui.colleaguesTable.selectRow(row)
    monkeypatch.setattr("csdesk.gui.messages.confirm", lambda *a, **k: True)
    prompts: list[str] = []

    def choose(parent, title, label, options):
        prompts.append(label)
        assert "Jonah Pike" not in options
        return "Avery Stone"

    monkeypatch.setattr("csdesk.gui.messages.choose", choose)
    qtbot.mouseClick(view.ui.deleteColleagueButton, Qt.MouseButton.LeftButton)
    assert "still assigned to 1 open item(s): Fix the careers page" in prompts[0]
    assert "Jonah Pike" not in [r.name for r in view.colleagues.rows]
    item = workitems.get_item(db, seeded.item)
    assert [c.name for c in item.assignees] == ["Avery Stone", "Casey Lin", "Morgan Reyes"]


def test_deleting_with_open_work_cancelled_keeps_everything(
    qtbot: QtBot, db: Database, seeded: Seed, monkeypatch
) -> None:
    view = make_view(qtbot, db)
    row = next(i for i, r in enumerate(view.colleagues.rows) if r.name == "Jonah Pike")
    view.ui.colleaguesTable.selectRow(row)
    monkeypatch.setattr("csdesk.gui.messages.confirm", lambda *a, **k: True)
    monkeypatch.setattr("csdesk.gui.messages.choose", lambda *a, **k: None)
    qtbot.mouseClick(view.ui.deleteColleagueButton, Qt.MouseButton.LeftButton)
    assert "Jonah Pike" in [r.name for r in view.colleagues.rows]
    assert "Jonah Pike" in [c.name for c in workitems.get_item(db, seeded.item).assignees]
