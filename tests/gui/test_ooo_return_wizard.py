"""The return wizard (R19) driven as a user would: choose the workbook, Import, Next, Finish."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from csdesk.core import ooo
from csdesk.core.db import Database
from csdesk.core.enums import Channel, OooStatus
from csdesk.core.models import CommLogEntry, TrackingEntry
from csdesk.gui import ooo_return_wizard
from csdesk.gui.ooo_return_wizard import OUTCOME, WHAT, OooReturnWizard
from csdesk.gui.views.ooo import OooView
from csdesk.gui.views.today import TodayView
from tests.core.test_handoff import World, make_world
from tests.core.test_ooo_return import backup_file, counts

W = QWizard.WizardButton


@pytest.fixture
def world(db: Database) -> World:
    """A plan whose leave (March 2024) is over, one item delegated to the backup Bea."""
    return make_world(db)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The message boxes shown (messages.error), instead of showing them."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "csdesk.gui.messages.error", lambda parent, title, text: shown.append((title, text))
    )
    return shown


def press(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_wizard(qtbot: QtBot, db: Database, plan_id: int) -> OooReturnWizard:
    wizard = OooReturnWizard(db, plan_id)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def choose(
    qtbot: QtBot, wizard: OooReturnWizard, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choose… in the file dialog, then wait for the workbook to be read (on the thread pool)."""
    monkeypatch.setattr(
        ooo_return_wizard.QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (str(path), "Excel workbook (*.xlsx)")),
    )
    qtbot.mouseClick(wizard.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.reading, timeout=10_000)


def outcomes(wizard: OooReturnWizard) -> dict[str, str]:
    table = wizard.ui.rowsTable
    return {table.item(r, 0).text(): table.item(r, OUTCOME).text() for r in range(table.rowCount())}


def tree_texts(wizard: OooReturnWizard) -> dict[str, list[str]]:
    tree = wizard.ui.digestTree
    out: dict[str, list[str]] = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out[top.text(0)] = [top.child(j).text(0) for j in range(top.childCount())]
    return out


def test_the_whole_return(
    qtbot: QtBot,
    db: Database,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
) -> None:
    wizard = open_wizard(qtbot, db, world.plan)
    ui = wizard.ui
    assert wizard.currentId() == OooReturnWizard.TRACKING
    assert "Bea Backup" in ui.introLabel.text()
    assert "1 item handed to them" in ui.introLabel.text()
    assert wizard.button(W.CommitButton).text() == "&Import"

    # 1. The workbook: its rows, what will be logged and what will not match; nothing written.
    choose(qtbot, wizard, backup_file(tmp_path / "tracking.xlsx", malformed=False), monkeypatch)
    assert "5 rows found in tracking.xlsx" in ui.readLabel.text()
    assert "4 will be added to the communication log" in ui.readLabel.text()
    found = outcomes(wizard)
    assert list(found) == ["3", "4", "5", "7", "8"]
    assert found["3"] == "Add it to the log"
    first = ui.rowsTable.item(0, WHAT).text()
    assert first == "Told Ann the fix is coming\nFollow-up needed: Check on Friday"
    assert "Keep it for review: no account called “Unknown Corp”" in found["7"]
    assert "no channel given; logged as Email" in found["8"]
    assert counts(db) == (0, 0)

    # 2. Import: one transaction; the unmatched row is listed (and kept), not dropped.
    press(qtbot, wizard, W.CommitButton)
    assert wizard.currentId() == OooReturnWizard.IMPORTED
    assert counts(db) == (4, 5)
    assert "4 were added to the communication log" in ui.importSummaryLabel.text()
    assert "1 row could not be matched" in ui.unmatchedLabel.text()
    table = ui.unmatchedTable
    assert table.rowCount() == 1 and table.item(0, 1).text() == "Unknown Corp"
    assert "no account called" in table.item(0, 4).text()
    assert not wizard.button(W.BackButton).isEnabled()  # past the commit: no going back
    with db.session() as s:
        entries = {e.summary.split("\n")[0]: e for e in s.scalars(select(CommLogEntry))}
        told = entries["Told Ann the fix is coming"]
        assert (told.account_id, told.item_id, told.channel) == (
            world.north,
            world.sso,
            Channel.EMAIL,
        )
        kept = s.scalars(select(TrackingEntry).where(TrackingEntry.reviewed.is_(False))).all()
        assert [t.account for t in kept] == ["Unknown Corp"]
    assert not said

    # 3. While you were away: closed, new, changed, the log by account, the rows to check.
    press(qtbot, wizard, W.NextButton)
    assert wizard.currentId() == OooReturnWizard.DIGEST
    groups = tree_texts(wizard)
    assert [g for g in groups] == [
        "Closed (1)",
        "New (1)",
        "Changed (1)",
        "Conversations logged (4)",
        "Tracking rows not matched, kept for review (1)",
    ]
    assert groups["Closed (1)"] == [f"#{world.closed} · Report template"]
    assert groups["New (1)"] == [f"#{world.new} · New request from Sid"]
    assert groups["Changed (1)"] == [f"#{world.changed} · Background checks"]
    assert groups["Conversations logged (4)"] == [
        "Northwind Health — 3 conversations",
        "Southwind Clinics — 1 conversation",
    ]
    assert groups["Tracking rows not matched, kept for review (1)"] == ["Asked about the renewal"]
    assert "<b>1</b> closed, <b>1</b> new, <b>1</b> changed" in ui.digestSummaryLabel.text()

    # Back and forth keeps the page as it was.
    press(qtbot, wizard, W.BackButton)
    assert wizard.currentId() == OooReturnWizard.IMPORTED
    press(qtbot, wizard, W.NextButton)

    # 4. The agenda: printable as PDF, copied as text.
    press(qtbot, wizard, W.NextButton)
    assert wizard.currentId() == OooReturnWizard.AGENDA
    text = ui.agendaBrowser.toPlainText()
    assert text.startswith("Return meeting: Casey CSM with Bea Backup")
    assert "Not matched to an account or item (1)" in text
    assert "1 item delegated to Bea Backup (SSO broken) come back" in ui.handBackLabel.text()
    assert ui.agendaLabel.isHidden()
    wizard.export_dir = tmp_path
    qtbot.mouseClick(ui.pdfButton, Qt.MouseButton.LeftButton)
    assert wizard.exported == tmp_path / "return-meeting-2024-03-18.pdf"
    pdf = wizard.exported.read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    assert "Agenda saved to" in ui.agendaLabel.text() and not ui.agendaLabel.isHidden()
    qtbot.mouseClick(ui.copyButton, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == wizard.agenda and copied.startswith("Return meeting: Casey CSM")
    assert "1. Review the tracking log (5 entries)" in copied

    # Finish: the delegation ends, the plan is returned.
    assert len(ooo.get_plan(db, world.plan).active_delegations) == 1
    press(qtbot, wizard, W.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.handed_back == [world.sso]
    plan = ooo.get_plan(db, world.plan)
    assert plan.status is OooStatus.RETURNED and not plan.active_delegations
    assert wizard.welcome_text.startswith("Welcome back. 1 item came back to you from Bea Backup")
    assert "4 conversations of the tracking log" in wizard.welcome_text
    assert not said


def test_bad_files_are_explained_and_nothing_is_written(
    qtbot: QtBot,
    db: Database,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
) -> None:
    wizard = open_wizard(qtbot, db, world.plan)
    ui = wizard.ui

    # Import before choosing anything: asked to choose.
    press(qtbot, wizard, W.CommitButton)
    assert wizard.currentId() == OooReturnWizard.TRACKING
    assert said.pop()[0] == "Choose the workbook"

    # Not a workbook (typed in, Enter): said in words, in a message and on the page.
    text_file = tmp_path / "tracking.xlsx"
    text_file.write_text("Date,What happened\n2024-03-05,hello\n", encoding="utf-8")
    ui.fileEdit.setText(str(text_file))
    qtbot.keyClick(ui.fileEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not wizard.reading, timeout=10_000)
    title, message = said.pop()
    assert title == "The tracking log cannot be read"
    assert "is not an Excel workbook (.xlsx)" in message
    assert "Nothing was read" in ui.readLabel.text()
    press(qtbot, wizard, W.CommitButton)
    assert wizard.currentId() == OooReturnWizard.TRACKING
    assert "not an Excel workbook" in said.pop()[1]

    # A workbook without the Tracking log tab.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(["Date", "What happened"])
    book.save(tmp_path / "other.xlsx")
    choose(qtbot, wizard, tmp_path / "other.xlsx", monkeypatch)
    assert "no “Tracking log” tab" in said.pop()[1]

    # Rows with bad dates and channels: marked in red; Import refuses; nothing written.
    choose(qtbot, wizard, backup_file(tmp_path / "bad.xlsx", malformed=True), monkeypatch)
    assert not said  # row problems are shown on the page
    assert "2 rows with problems" in ui.readLabel.text()
    found = outcomes(wizard)
    assert "“31/31/2024” is not a date" in found["9"]
    assert "“Carrier pigeon” is not a channel" in found["9"]
    assert found["9"].startswith("Problem")
    assert ui.rowsTable.item(list(found).index("9"), OUTCOME).foreground().color().name() == (
        "#b3261e"
    )
    press(qtbot, wizard, W.CommitButton)
    assert wizard.currentId() == OooReturnWizard.TRACKING
    title, message = said.pop()
    assert title == "Nothing was imported" and "2 rows" in message
    assert counts(db) == (0, 0)

    press(qtbot, wizard, W.CancelButton)
    assert counts(db) == (0, 0)
    plan = ooo.get_plan(db, world.plan)
    assert plan.status is OooStatus.DRAFT and len(plan.active_delegations) == 1


def test_cancelling_after_the_preview_writes_nothing(
    qtbot: QtBot, db: Database, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = open_wizard(qtbot, db, world.plan)
    choose(qtbot, wizard, backup_file(tmp_path / "t.xlsx", malformed=False), monkeypatch)
    assert wizard.ui.rowsTable.rowCount() == 5
    press(qtbot, wizard, W.CancelButton)
    assert not wizard.isVisible()
    assert counts(db) == (0, 0)
    plan = ooo.get_plan(db, world.plan)
    assert plan.status is OooStatus.DRAFT and len(plan.active_delegations) == 1


def test_no_tracking_log_then_finish(qtbot: QtBot, db: Database, world: World) -> None:
    wizard = open_wizard(qtbot, db, world.plan)
    box = wizard.ui.skipCheck
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert wizard.ui.skipCheck.isChecked() and not wizard.ui.browseButton.isEnabled()
    assert wizard.button(W.CommitButton).text() == "&Go on without a log"
    press(qtbot, wizard, W.CommitButton)
    assert "No tracking log was imported" in wizard.ui.importSummaryLabel.text()
    assert wizard.ui.unmatchedTable.isHidden()
    press(qtbot, wizard, W.NextButton)
    assert "Conversations logged (0)" in tree_texts(wizard)
    press(qtbot, wizard, W.NextButton)
    assert "(no tracking rows: the backup logged none" in wizard.ui.agendaBrowser.toPlainText()
    press(qtbot, wizard, W.FinishButton)
    assert counts(db) == (0, 0)
    assert ooo.get_plan(db, world.plan).status is OooStatus.RETURNED


def test_ooo_screen_offers_the_return_once_the_leave_is_over(
    qtbot: QtBot, db: Database, world: World, drive_modal
) -> None:
    before = OooView(db, today=dt.date(2024, 3, 1))  # the leave has not started
    qtbot.addWidget(before)
    assert before.ui.returnBanner.isHidden() and not before.ui.returnButton.isEnabled()

    view = OooView(db)  # today: long after the return day
    qtbot.addWidget(view)
    assert not view.ui.returnBanner.isHidden()
    assert "Welcome back!" in view.ui.returnBannerLabel.text()
    assert "Bea Backup's tracking log" in view.ui.returnBannerLabel.text()
    assert view.ui.returnButton.isEnabled()

    def go_through(dialog: QDialog) -> None:
        assert isinstance(dialog, OooReturnWizard) and dialog.plan_id == world.plan
        dialog.ui.skipCheck.setChecked(True)
        for which in (W.CommitButton, W.NextButton, W.NextButton, W.FinishButton):
            qtbot.mouseClick(dialog.button(which), Qt.MouseButton.LeftButton)

    changed: list[bool] = []
    view.changed.connect(lambda: changed.append(True))
    drive_modal(
        lambda: qtbot.mouseClick(view.ui.startReturnButton, Qt.MouseButton.LeftButton),
        go_through,
    )
    assert ooo.get_plan(db, world.plan).status is OooStatus.RETURNED
    assert "Welcome back. 1 item came back to you from Bea Backup" in (
        view.ui.nextDeadlineLabel.text()
    )
    assert view.ui.returnBanner.isHidden() and not view.ui.returnButton.isEnabled()
    assert changed


def test_ooo_screen_cancelled_return_changes_nothing(
    qtbot: QtBot, db: Database, world: World, drive_modal
) -> None:
    view = OooView(db)
    qtbot.addWidget(view)
    drive_modal(
        lambda: qtbot.mouseClick(view.ui.returnButton, Qt.MouseButton.LeftButton),
        lambda dialog: qtbot.mouseClick(
            dialog.button(W.CancelButton),  # type: ignore[attr-defined]
            Qt.MouseButton.LeftButton,
        ),
    )
    assert ooo.get_plan(db, world.plan).status is OooStatus.DRAFT
    assert "Welcome back." not in view.ui.nextDeadlineLabel.text()
    assert not view.ui.returnBanner.isHidden()


def test_today_offers_the_return(
    qtbot: QtBot, db: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = TodayView(db)
    qtbot.addWidget(view)
    label = view.ui.oooLabel
    assert not label.isHidden()
    assert "Welcome back!" in label.text()
    assert f"href='return:{world.plan}'" in label.text()
    opened: list[int] = []

    def fake_return(plan_id: int) -> str:
        opened.append(plan_id)
        ooo.mark_returned(db, plan_id)
        return "Welcome back. 1 item came back to you."

    monkeypatch.setattr(view, "open_return", fake_return)
    label.linkActivated.emit(f"return:{world.plan}")
    assert opened == [world.plan]
    assert "Welcome back!" not in label.text()  # refreshed: the return is done
