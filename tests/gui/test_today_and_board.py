"""Today's rows and actions, the board's moves and refusals, reminders fired once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QIcon
from PySide6.QtWidgets import QDialog, QMainWindow
from pytestqt.qtbot import QtBot

from csdesk.core import directory, workflow, workitems
from csdesk.core.db import Database
from csdesk.core.enums import Channel, ItemType, Priority, Role, Status
from csdesk.core.models import utcnow
from csdesk.gui.board import MIME
from csdesk.gui.dialogs import FollowUpDialog, TaskDialog
from csdesk.gui.reminders import ReminderService
from csdesk.gui.views.tasks import TasksView
from csdesk.gui.views.today import TodayView
from tests.gui.conftest import Seed, save_button


@pytest.fixture
def ticket(db: Database, seeded: Seed) -> int:
    return workitems.save_item(
        db,
        workitems.ItemInput(
            "Users cannot log in",
            item_type=ItemType.TICKET,
            external_key="SS-7",
            account_id=seeded.account,
            assignee_ids=[seeded.me],
            priority=Priority.HIGHEST,
            account_manager_id=seeded.am,
            regional_manager_id=seeded.web,
            due_at=utcnow() - dt.timedelta(days=2),
        ),
    )


def rows_of(view: TodayView, bucket_label: str) -> list[str]:
    tree = view.ui.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top.text(0).startswith(bucket_label):
            return [top.child(j).text(0) for j in range(top.childCount())]
    return []


def select_row(view: TodayView, text: str) -> None:
    tree = view.ui.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).text(0).endswith(text):
                tree.setCurrentItem(top.child(j))
                return
    raise AssertionError(f"{text} is not on Today")


def test_today_lists_overdue_with_reason_and_counts(
    qtbot: QtBot, db: Database, seeded: Seed, ticket: int
) -> None:
    view = TodayView(db)
    qtbot.addWidget(view)
    counts: list[int] = []
    view.counted.connect(counts.append)
    view.refresh()
    assert rows_of(view, "Overdue") == ["SS-7 · Users cannot log in"]
    assert counts and counts[-1] >= 1
    select_row(view, "Users cannot log in")
    assert view.ui.openButton.isEnabled()
    assert not view.ui.escalateButton.isEnabled()  # not waiting for the AM
    assert not view.ui.repliedButton.isEnabled()


def test_escalate_from_today(qtbot: QtBot, db: Database, seeded: Seed, ticket: int) -> None:
    workflow.change_status(
        db, ticket, Status.WAITING_FOR_ACCOUNT_MANAGER, now=utcnow() - dt.timedelta(days=7)
    )
    view = TodayView(db)
    qtbot.addWidget(view)
    assert rows_of(view, "Escalation due") == ["SS-7 · Users cannot log in"]
    select_row(view, "Users cannot log in")
    qtbot.mouseClick(view.ui.escalateButton, Qt.MouseButton.LeftButton)
    assert workitems.get_item(db, ticket).status is Status.WAITING_FOR_MANAGEMENT
    assert rows_of(view, "Escalation due") == []
    last = workitems.get_item(db, ticket).events[-1]
    assert "Escalated to Jonah Pike" in last.note


def test_customer_replied_then_replied_from_today(
    qtbot: QtBot, db: Database, seeded: Seed, ticket: int
) -> None:
    workflow.change_status(db, ticket, Status.WAITING_FOR_ACCOUNT_MANAGER)
    view = TodayView(db)
    qtbot.addWidget(view)
    select_row(view, "Users cannot log in")
    qtbot.mouseClick(view.ui.customerRepliedButton, Qt.MouseButton.LeftButton)
    got = workitems.get_item(db, ticket)
    assert (got.status, got.prior_waiting_status) == (
        Status.WAITING_FOR_SUPPORT,
        Status.WAITING_FOR_ACCOUNT_MANAGER,
    )
    select_row(view, "Users cannot log in")
    assert view.ui.repliedButton.isEnabled()
    qtbot.mouseClick(view.ui.repliedButton, Qt.MouseButton.LeftButton)
    assert workitems.get_item(db, ticket).status is Status.WAITING_FOR_ACCOUNT_MANAGER


def test_follow_up_from_today(
    qtbot: QtBot, db: Database, seeded: Seed, ticket: int, drive_modal
) -> None:
    view = TodayView(db)
    qtbot.addWidget(view)
    select_row(view, "Users cannot log in")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, FollowUpDialog)
        dialog.ui.channelCombo.setCurrentIndex(dialog.ui.channelCombo.findData(Channel.SLACK))
        qtbot.keyClicks(dialog.ui.noteEdit, "Asked Jonah for an ETA")
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(lambda: qtbot.mouseClick(view.ui.followUpButton, Qt.MouseButton.LeftButton), fill)
    event = workitems.get_item(db, ticket).events[-1]
    assert (event.channel, event.note) == (Channel.SLACK, "Asked Jonah for an ETA")


def test_board_keyboard_move_and_refusal(
    qtbot: QtBot, db: Database, seeded: Seed, ticket: int, monkeypatch
) -> None:
    view = TasksView(db)
    qtbot.addWidget(view)
    view.show()
    view.ui.viewTabs.setCurrentIndex(1)
    refusals: list[str] = []
    monkeypatch.setattr(
        "csdesk.gui.messages.error", lambda parent, title, text: refusals.append(text)
    )
    view.board.select(ticket)
    column = view.board.columns[Status.OPEN]
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert workitems.get_item(db, ticket).status is Status.IN_PROGRESS
    in_progress = view.board.columns[Status.IN_PROGRESS]
    assert any(
        in_progress.item(i).data(Qt.ItemDataRole.UserRole) == ticket
        for i in range(in_progress.count())
    )
    # next column is Waiting for Support: a ticket cannot jump there without a customer reply
    qtbot.keyClick(in_progress, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert workitems.get_item(db, ticket).status is Status.IN_PROGRESS
    assert "cannot go from “In progress” to “Waiting for Support”" in refusals[0]


def test_board_drop_goes_through_the_state_machine(
    qtbot: QtBot, db: Database, seeded: Seed, monkeypatch
) -> None:
    view = TasksView(db)
    qtbot.addWidget(view)
    view.show()
    view.ui.viewTabs.setCurrentIndex(1)
    refusals: list[str] = []
    monkeypatch.setattr(
        "csdesk.gui.messages.error", lambda parent, title, text: refusals.append(text)
    )

    def drop(item_id: int, status: Status) -> None:
        mime = QMimeData()
        mime.setData(MIME, str(item_id).encode())
        target = view.board.columns[status]
        event = QDropEvent(
            QPointF(QPoint(10, 10)), Qt.DropAction.MoveAction, mime,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        target.dropEvent(event)

    drop(seeded.item, Status.WAITING_FOR_ACCOUNT_MANAGER)  # a task cannot wait on an AM
    assert "Only tickets" in refusals[0]
    assert workitems.get_item(db, seeded.item).status is Status.OPEN
    drop(seeded.item, Status.DONE)
    assert workitems.get_item(db, seeded.item).status is Status.DONE
    done = view.board.columns[Status.DONE]
    assert done.isHidden() and done.count() == 0  # "Open only" hides closed items
    view.ui.openOnlyCheck.setChecked(False)
    assert not done.isHidden()
    assert [done.item(i).data(Qt.ItemDataRole.UserRole) for i in range(done.count())] == [
        seeded.item
    ]


def test_task_form_says_when_the_rm_takes_the_fallback(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    fallback = directory.save_colleague(
        db, directory.ColleagueInput("James Lee", roles={Role.ESCALATION_FALLBACK})
    )
    dialog = TaskDialog(db)
    qtbot.addWidget(dialog)
    dialog.ui.amCombo.setCurrentIndex(dialog.ui.amCombo.findData(seeded.am))
    dialog.ui.rmCombo.setCurrentIndex(dialog.ui.rmCombo.findData(seeded.am))
    assert dialog.ui.rmCombo.currentData() == fallback
    assert "James Lee" in dialog.ui.escalationNote.text()
    assert "both account manager and regional manager" in dialog.ui.escalationNote.text()


def test_task_form_refuses_waiting_for_am_without_managers(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    dialog = TaskDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.typeCombo.setCurrentIndex(dialog.ui.typeCombo.findData(ItemType.TICKET))
    qtbot.keyClicks(dialog.ui.titleEdit, "Needs the AM")
    dialog.ui.statusCombo.setCurrentIndex(
        dialog.ui.statusCombo.findData(Status.WAITING_FOR_ACCOUNT_MANAGER)
    )
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert (
        "can wait for the account manager only when it names the account manager"
        in dialog.error_text
    )
    assert dialog.ui.tabs.currentIndex() == 2


def test_reminder_fires_once(qtbot: QtBot, db: Database, seeded: Seed, ticket: int) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    service = ReminderService(db, window, QIcon())
    shown: list[tuple[str, str]] = []
    service.shown.connect(lambda title, text: shown.append((title, text)))
    first = service.check()
    assert any(r.event == "overdue" and r.item_id == ticket for r in first)
    assert shown and "SS-7" in shown[0][0]
    assert "Reminder" in window.statusBar().currentMessage()
    shown.clear()
    assert service.check() == []
    assert shown == []


def test_open_link_and_sla_column(qtbot: QtBot, db: Database, seeded: Seed, monkeypatch) -> None:
    item = workitems.save_item(
        db,
        workitems.ItemInput(
            "Email from the admin",
            external_url="https://example.teamwork.com/app/tasks/42",
            channels=[Channel.EMAIL],
            assignee_ids=[seeded.me],
        ),
    )
    opened: list[str] = []
    monkeypatch.setattr(
        "csdesk.gui.views.tasks.QDesktopServices.openUrl",
        lambda url: opened.append(url.toString()) or True,
    )
    view = TasksView(db)
    qtbot.addWidget(view)
    row = next(i for i, r in enumerate(view.model.rows) if r.id == item)
    view.ui.itemsTable.selectRow(row)
    sla_col = [c.title for c in view.model.columns].index("SLA")
    text = view.model.data(view.model.index(row, sla_col))
    assert text.endswith(" left") or text.endswith(" over")  # an email owes a reply (R10)
    assert view.ui.openLinkButton.isEnabled()
    qtbot.mouseClick(view.ui.openLinkButton, Qt.MouseButton.LeftButton)
    assert opened == ["https://example.teamwork.com/app/tasks/42"]


def test_today_shows_the_next_out_of_office_step(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    from csdesk.core import ooo

    start = dt.date.today() + dt.timedelta(days=30)
    plan = ooo.create_plan(db, start, start + dt.timedelta(days=7))
    ooo.set_people(db, plan, seeded.am, seeded.css)
    ooo.ensure_checklist(db, plan)
    view = TodayView(db)
    qtbot.addWidget(view)
    assert not view.ui.oooLabel.isHidden()
    assert "Out of office:</b> next step" in view.ui.oooLabel.text()
    assert f"leave starts {start:%a %d %b}" in view.ui.oooLabel.text()
