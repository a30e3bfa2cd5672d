"""The out-of-office wizard driven with Next and Back as a user would, and the OOO screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QWizard
from pytestqt.qtbot import QtBot

from csdesk.core import directory, ooo, workitems
from csdesk.core.business_time import load_calendar
from csdesk.core.db import Database
from csdesk.core.enums import Category, ItemType, OooStatus, Role, TriageLevel
from csdesk.gui.ooo_wizard import OooWizard
from csdesk.gui.views.ooo import OooView
from tests.gui.conftest import Seed


def press(qtbot: QtBot, wizard: OooWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def next_page(qtbot: QtBot, wizard: OooWizard) -> None:
    press(qtbot, wizard, QWizard.WizardButton.NextButton)


def back_page(qtbot: QtBot, wizard: OooWizard) -> None:
    press(qtbot, wizard, QWizard.WizardButton.BackButton)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pick(combo: QComboBox, data: object) -> None:
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


@pytest.fixture
def people(db: Database, seeded: Seed) -> dict[str, int]:
    """A team lead, a backup (with markup in the name) and open items of every level."""
    tl = directory.save_colleague(
        db,
        directory.ColleagueInput("Terry Lane", "terry@brightpath.example", roles={Role.TEAM_LEAD}),
    )
    backup = directory.save_colleague(
        db,
        directory.ColleagueInput("<b>Bo</b> Keller", "bo@brightpath.example", phone="555-0101"),
    )
    high = workitems.save_item(
        db,
        workitems.ItemInput(
            "Clinic admins escalated the outage",
            item_type=ItemType.TICKET,
            external_key="CS-101",
            category=Category.ESCALATION,
            account_id=seeded.account,
            assignee_ids=[seeded.me],
        ),
    )
    medium = workitems.save_item(
        db,
        workitems.ItemInput(
            "Custom onboarding course",
            category=Category.CUSTOM_COURSEWORK,
            account_id=seeded.account,
            assignee_ids=[seeded.me],
        ),
    )
    return {"tl": tl, "backup": backup, "high": high, "medium": medium, "low": seeded.item}


def leave_dates(db: Database) -> tuple[dt.date, dt.date]:
    """A leave starting in two workdays: the team lead deadline (3 workdays) is missed."""
    cal = load_calendar(db)
    today = dt.datetime.now(cal.zone).date()
    first = cal.add_workdays(today, 2)
    return first, first + dt.timedelta(days=14)


def levels_in_table(wizard: OooWizard) -> dict[str, str]:
    table = wizard.ui.triageTable
    out = {}
    for r in range(table.rowCount()):
        out[table.item(r, 0).text()] = wizard.level_combo(r).currentText()
    return out


def test_the_whole_wizard_resumes_and_exports(
    qtbot: QtBot, db: Database, seeded: Seed, people: dict[str, int], tmp_path: Path
) -> None:
    first, back = leave_dates(db)
    # The backup is away for part of the same time: the People page warns.
    ooo.create_plan(db, first + dt.timedelta(days=3), back + dt.timedelta(days=3),
                    colleague_id=people["backup"])  # fmt: skip

    wizard = OooWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    ui = wizard.ui

    # Dates: a past first day is refused, in words, and nothing is created.
    ui.firstDayEdit.setDate(qdate(wizard.today - dt.timedelta(days=1)))
    ui.returnDayEdit.setDate(qdate(back))
    next_page(qtbot, wizard)
    assert wizard.currentId() == OooWizard.DATES
    assert "cannot start in the past" in ui.datesError.text()
    assert wizard.plan_id is None

    ui.firstDayEdit.setDate(qdate(first))
    tree = ui.deadlinesTree
    assert tree.topLevelItemCount() == 3
    shown = {tree.topLevelItem(i).text(1): tree.topLevelItem(i) for i in range(3)}
    tl_row = next(v for k, v in shown.items() if k.startswith("Tell your team lead"))
    assert "MISSED" in tl_row.text(0)
    assert tl_row.foreground(1).color().name() == "#b3261e"
    assert "today" in tl_row.text(1)  # the advice: what to do now
    next_page(qtbot, wizard)
    assert wizard.currentId() == OooWizard.PEOPLE
    assert wizard.plan_id is not None
    plan = ooo.get_plan(db, wizard.plan_id)
    assert (plan.first_day, plan.return_day) == (first, back)
    assert plan.step == "people"

    # People: the team lead is prefilled; I cannot be my own backup.
    assert ui.teamLeadCombo.currentData() == people["tl"]
    pick(ui.backupCombo, seeded.me)
    assert "cannot be your own backup" in ui.peopleWarning.text()
    next_page(qtbot, wizard)
    assert wizard.currentId() == OooWizard.PEOPLE
    pick(ui.backupCombo, people["backup"])
    assert "is away too" in ui.peopleWarning.text()
    next_page(qtbot, wizard)  # a warning, not a refusal
    assert wizard.currentId() == OooWizard.TRIAGE
    assert ooo.get_plan(db, wizard.plan_id).backup.id == people["backup"]

    # Triage: proposed levels with reasons; one is overridden through its combo.
    levels = levels_in_table(wizard)
    assert levels == {
        "CS-101 · Clinic admins escalated the outage": "High",
        "Custom onboarding course": "Medium",
        "Fix the careers page": "Low",
    }
    assert "1 High, 1 Medium, 1 Low" in ui.triageSummary.text()
    table = ui.triageTable
    low_row = next(r for r in range(3) if table.item(r, 0).text() == "Fix the careers page")
    assert table.item(low_row, 5).text()  # the reason is shown
    pick(wizard.level_combo(low_row), TriageLevel.MEDIUM.value)
    row = next(h for h in ooo.get_plan(db, wizard.plan_id).handoff if h.item_id == people["low"])
    assert (row.proposed_level, row.level, row.needs_backup) == (
        TriageLevel.LOW,
        TriageLevel.MEDIUM,
        True,
    )
    assert table.item(low_row, 4).text() == "Yes"
    assert "You changed the level of 1" in ui.triageSummary.text()

    # Context: every sheet item listed, the admin prefilled; edits saved on selection change.
    next_page(qtbot, wizard)
    assert wizard.currentId() == OooWizard.CONTEXT
    assert ui.flaggedList.count() == 3
    assert ui.flaggedList.currentRow() == 0
    assert ui.adminCombo.currentData() == seeded.admin
    assert "3 item(s) still lack context" in ui.missingLabel.text()
    ui.contextEdit.setPlainText("Outage fixed on our side; confirm with Dana on Monday.")
    ui.flaggedList.setCurrentRow(1)
    first_id = ui.flaggedList.item(0).data(Qt.ItemDataRole.UserRole)
    saved = next(h for h in ooo.get_plan(db, wizard.plan_id).handoff if h.id == first_id)
    assert saved.context.startswith("Outage fixed")
    assert saved.admin_id == seeded.admin
    assert "2 item(s) still lack context" in ui.missingLabel.text()
    ui.contextEdit.setPlainText("Course outline agreed; build starts next week.")
    next_page(qtbot, wizard)  # missing context warns but does not block
    assert wizard.currentId() == OooWizard.REPLY
    assert len(ooo.missing_context(db, wizard.plan_id)) == 1

    # Auto-reply: the backup's name is escaped in the HTML preview; a bad template blocks.
    assert ui.subjectEdit.text() == "Out of Office Notice"
    assert "{backup_name}" in ui.bodyEdit.toPlainText()
    assert "<b>Bo</b> Keller" in ui.previewBrowser.toPlainText()
    assert "Google is not connected" in ui.googleLabel.text()
    body = ui.bodyEdit.toPlainText()
    ui.bodyEdit.setPlainText(body + "\nAsk {nobody}.")
    next_page(qtbot, wizard)
    assert wizard.currentId() == OooWizard.REPLY
    assert ui.replyError.text()
    ui.bodyEdit.setPlainText(body + "\nThank you for your patience.")
    next_page(qtbot, wizard)
    assert wizard.currentId() == OooWizard.CHECKLIST
    assert ooo.get_plan(db, wizard.plan_id).auto_reply_body.endswith("patience.")

    # Checklist: tick a step; a step with a ready text shows it and copies it.
    table = ui.checklistTable
    keys = [table.item(r, 0).data(Qt.ItemDataRole.UserRole)[1] for r in range(table.rowCount())]
    hr = keys.index("hr_request")
    table.item(hr, 3).setCheckState(Qt.CheckState.Checked)
    assert "hr_request" in ooo.get_plan(db, wizard.plan_id).done_keys()
    table.selectRow(keys.index("notify_tl"))
    assert "Hi Terry," in ui.readyTextBrowser.toPlainText()
    assert ui.copyTextButton.isEnabled()
    qtbot.mouseClick(ui.copyTextButton, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("Hi Terry,")

    # Back and forth keeps everything; then close mid-way.
    back_page(qtbot, wizard)
    assert wizard.currentId() == OooWizard.REPLY
    assert ui.bodyEdit.toPlainText().endswith("patience.")
    next_page(qtbot, wizard)
    assert wizard.currentId() == OooWizard.CHECKLIST
    plan_id = wizard.plan_id
    wizard.reject()
    assert ooo.get_plan(db, plan_id).step == "checklist"

    # Reopen: it resumes on the Checklist page with everything kept.
    again = OooWizard(db, plan_id)
    qtbot.addWidget(again)
    again.show()
    assert again.currentId() == OooWizard.CHECKLIST
    t = again.ui.checklistTable
    ticked = [
        t.item(r, 0).data(Qt.ItemDataRole.UserRole)[1]
        for r in range(t.rowCount())
        if t.item(r, 3).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["hr_request"]
    assert again.ui.firstDayEdit.date() == qdate(first)
    assert again.ui.backupCombo.currentData() == people["backup"]
    back_page(qtbot, again)
    back_page(qtbot, again)
    assert again.currentId() == OooWizard.CONTEXT
    assert again.ui.contextEdit.toPlainText().startswith("Outage fixed")
    back_page(qtbot, again)
    assert levels_in_table(again)["Fix the careers page"] == "Medium"
    for _ in range(5):
        next_page(qtbot, again)
    assert again.currentId() == OooWizard.SUMMARY
    assert "Clinic admins escalated the outage" in again.ui.summaryBrowser.toPlainText()

    # Summary: the exports, then the hand-over.
    again.export_dir = tmp_path
    qtbot.mouseClick(again.ui.xlsxButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.ui.csvButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.ui.pdfButton, Qt.MouseButton.LeftButton)
    assert set(again.exported) == {"xlsx", "csv", "pdf"}
    book = openpyxl.load_workbook(again.exported["xlsx"])
    assert book.sheetnames == ["Summary", "Pending items", "Admins", "Tracking log"]
    csv_text = again.exported["csv"].read_text(encoding="utf-8-sig")
    assert "Custom onboarding course" in csv_text
    assert again.exported["pdf"].read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(again.ui.delegateButton, Qt.MouseButton.LeftButton)
    assert "Handed 3 item(s)" in again.ui.exportLabel.text()
    assert "&lt;b&gt;Bo&lt;/b&gt;" in again.ui.exportLabel.text()
    assert len(ooo.get_plan(db, plan_id).active_delegations) == 3
    press(qtbot, again, QWizard.WizardButton.FinishButton)
    assert ooo.get_plan(db, plan_id).status is OooStatus.READY


def test_ooo_view_lists_plans_and_asks_before_cancelling(
    qtbot: QtBot, db: Database, seeded: Seed, people: dict[str, int], monkeypatch
) -> None:
    first, back = leave_dates(db)
    plan_id = ooo.create_plan(db, first, back)
    ooo.set_people(db, plan_id, people["tl"], people["backup"])
    ooo.ensure_checklist(db, plan_id)
    view = OooView(db)
    qtbot.addWidget(view)
    assert view.title == "Out of office"
    assert view.model.rowCount() == 1
    assert view.selected_plan().id == plan_id
    assert "Bo" in view.ui.planDetail.toPlainText()
    assert "missed" in view.ui.planDetail.toPlainText()
    assert view.ui.nextDeadlineLabel.text()

    opened: list[int | None] = []
    monkeypatch.setattr(view, "open_wizard", lambda pid: opened.append(pid))
    qtbot.mouseClick(view.ui.openPlanButton, Qt.MouseButton.LeftButton)
    assert opened == [plan_id]

    asked: list[str] = []
    monkeypatch.setattr(
        "csdesk.gui.messages.confirm", lambda parent, title, text, ok="OK": asked.append(title)
    )
    qtbot.mouseClick(view.ui.cancelPlanButton, Qt.MouseButton.LeftButton)
    assert asked and ooo.get_plan(db, plan_id).status is OooStatus.DRAFT
    monkeypatch.setattr("csdesk.gui.messages.confirm", lambda *a, **k: True)
    qtbot.mouseClick(view.ui.cancelPlanButton, Qt.MouseButton.LeftButton)
    assert ooo.get_plan(db, plan_id).status is OooStatus.CANCELLED
    assert view.model.row(0).phase == "Cancelled"
    assert not view.ui.cancelPlanButton.isEnabled()
    assert QApplication.activeModalWidget() is None


def test_i_am_back_opens_the_return(
    qtbot: QtBot, db: Database, seeded: Seed, people: dict[str, int], monkeypatch
) -> None:
    first, back = leave_dates(db)
    plan_id = ooo.create_plan(db, first, back)
    ooo.set_people(db, plan_id, people["tl"], people["backup"])
    ooo.triage(db, plan_id)
    ooo.delegate(db, plan_id)
    early = OooView(db)
    qtbot.addWidget(early)
    assert not early.ui.returnButton.isEnabled()  # the leave has not started yet
    view = OooView(db, today=back)
    qtbot.addWidget(view)
    assert view.ui.returnButton.isEnabled()
    assert not view.ui.returnBanner.isHidden()  # the return day has come

    def fake_return(pid: int) -> str:  # the wizard itself: tests/gui/test_ooo_return_wizard.py
        return f"Welcome back. {len(ooo.mark_returned(db, pid))} items came back to you."

    monkeypatch.setattr(view, "open_return", fake_return)
    qtbot.mouseClick(view.ui.returnButton, Qt.MouseButton.LeftButton)
    plan = ooo.get_plan(db, plan_id)
    assert plan.status is OooStatus.RETURNED and not plan.active_delegations
    assert "2 items came back" in view.ui.nextDeadlineLabel.text()
