"""Tasks & Tickets: search as you type, the task dialog and its rules."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from csdesk.core import workitems
from csdesk.core.db import Database
from csdesk.core.enums import ItemType
from csdesk.core.models import utcnow
from csdesk.gui.dialogs import TaskDialog
from csdesk.gui.views.tasks import TasksView
from csdesk.gui.widgets import checked_data, select_data, set_checked
from tests.gui.conftest import Seed, save_button


def make_view(qtbot: QtBot, db: Database) -> TasksView:
    view = TasksView(db)
    qtbot.addWidget(view)
    view.show()
    return view


def add(db: Database, seeded: Seed, title: str, key: str = "", **kw) -> int:
    return workitems.save_item(
        db,
        workitems.ItemInput(title, external_key=key, assignee_ids=[seeded.me], **kw),
    )


def test_search_as_you_type_and_filters(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    add(db, seeded, "SSO login loop", "SS-1042", item_type=ItemType.TICKET)
    add(db, seeded, "Quarterly usage report")
    view = make_view(qtbot, db)
    assert view.model.rowCount() == 3
    qtbot.keyClicks(view.ui.searchEdit, "ss-10")
    qtbot.waitUntil(lambda: [r.title for r in view.model.rows] == ["SSO login loop"])
    view.ui.searchEdit.clear()
    qtbot.keyClicks(view.ui.searchEdit, "harbor")
    qtbot.waitUntil(lambda: [r.title for r in view.model.rows] == ["Fix the careers page"])
    view.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    select_data(view.ui.typeCombo, ItemType.TICKET)
    assert [r.title for r in view.model.rows] == ["SSO login loop"]
    assert "1 shown" in view.ui.countLabel.text()


def test_new_task_defaults_me_and_css_and_48_hours(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    dialog = TaskDialog(db)
    qtbot.addWidget(dialog)
    assert sorted(checked_data(dialog.ui.assigneesList)) == sorted([seeded.me, seeded.css])
    due = dialog.ui.dueEdit.dateTime().toPython().astimezone()
    assert abs((due - (utcnow() + dt.timedelta(hours=48))).total_seconds()) < 120


def test_choosing_a_department_suggests_its_contact(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    dialog = TaskDialog(db)
    qtbot.addWidget(dialog)
    select_data(dialog.ui.departmentCombo, seeded.website_dept)
    assert seeded.web in checked_data(dialog.ui.assigneesList)
    assert "Jonah Pike" in dialog.ui.routingLabel.text()
    assert "all website requests" in dialog.ui.routingLabel.text()


def test_kind_sets_the_default_due(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    dialog = TaskDialog(db)
    qtbot.addWidget(dialog)
    page = next(k for k in workitems.list_kinds(db) if k.name == "New website page with content")
    select_data(dialog.ui.kindCombo, page.id)
    due = dialog.ui.dueEdit.dateTime().toPython().astimezone()
    assert abs((due - (utcnow() + dt.timedelta(days=10))).total_seconds()) < 120


def test_unassigned_task_is_refused_saying_who_to_assign(
    qtbot: QtBot, db: Database, seeded: Seed, drive_modal
) -> None:
    view = make_view(qtbot, db)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TaskDialog)
        qtbot.keyClicks(dialog.ui.titleEdit, "Add a testimonials page")
        select_data(dialog.ui.departmentCombo, seeded.website_dept)
        set_checked(dialog.ui.assigneesList, [seeded.me, seeded.css, seeded.web], on=False)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        assert "never left unassigned" in dialog.error_text
        assert "Jonah Pike" in dialog.error_text
        assert dialog.ui.tabs.currentIndex() == 1  # the People tab, where the fix is
        set_checked(dialog.ui.assigneesList, [seeded.web])
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(lambda: qtbot.mouseClick(view.ui.newButton, Qt.MouseButton.LeftButton), fill)
    assert "Add a testimonials page" in [r.title for r in view.model.rows]
    row = next(r for r in view.model.rows if r.title == "Add a testimonials page")
    assert row.assignees == "Jonah Pike"


def test_edit_and_delete(
    qtbot: QtBot, db: Database, seeded: Seed, drive_modal, monkeypatch
) -> None:
    view = make_view(qtbot, db)
    view.ui.itemsTable.selectRow(0)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TaskDialog)
        assert dialog.ui.titleEdit.text() == "Fix the careers page"
        dialog.ui.titleEdit.clear()
        qtbot.keyClicks(dialog.ui.titleEdit, "Fix the careers page links")
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(lambda: qtbot.mouseClick(view.ui.editButton, Qt.MouseButton.LeftButton), fill)
    assert view.model.rows[0].title == "Fix the careers page links"
    monkeypatch.setattr("csdesk.gui.messages.confirm", lambda *a, **k: True)
    view.ui.itemsTable.selectRow(0)
    qtbot.mouseClick(view.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 0


def test_search_filters_loaded_rows_like_sql_and_board_follows(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    add(db, seeded, "SSO login loop", "SS-1042", item_type=ItemType.TICKET)
    add(db, seeded, "Quarterly usage report")
    add(db, seeded, "Use 50% of the budget")
    view = make_view(qtbot, db)
    for text in ("sso LOOP", "ss-10", "harbor", "50%", "us_ge", "nothing here", ""):
        view.ui.searchEdit.setText(text)
        view.refresh()
        expected = [r.id for r in workitems.list_items(db, search=text, open_only=True)]
        assert [r.id for r in view.model.rows] == expected, text
    # the board is filled when shown, and follows the search box while shown
    view.ui.viewTabs.setCurrentIndex(1)
    cards = lambda: sorted(view.board._rows)  # noqa: E731
    assert cards() == sorted(r.id for r in view.model.rows)
    qtbot.keyClicks(view.ui.searchEdit, "sso")
    qtbot.waitUntil(lambda: cards() == [r.id for r in view.model.rows] and len(cards()) == 1)
    # a change made elsewhere (a new item) shows on the next refresh, search kept
    new = add(db, seeded, "SSO for the parent account")
    view.refresh()
    assert new in cards() and new in [r.id for r in view.model.rows]
