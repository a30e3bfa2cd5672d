"""Portfolio filters, the one-click proposal, the timeline, the quick log and the Log view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from csdesk.core import commlog, portfolio, workitems
from csdesk.core.db import Database
from csdesk.core.enums import Channel, Direction
from csdesk.gui.dialogs import QuickLogDialog
from csdesk.gui.views.log import LogView
from csdesk.gui.views.portfolio import PortfolioView
from csdesk.gui.widgets import select_data
from tests.gui.conftest import Seed, save_button


def with_products(db: Database, seeded: Seed) -> None:
    lms = portfolio.save_product(db, "Learning & Compliance")
    cred = portfolio.save_product(db, "Credentialing")
    a = portfolio.get_account(db, seeded.account).account
    portfolio.save_account(
        db,
        portfolio.AccountInput(
            a.name,
            id=a.id,
            paid_seats=a.paid_seats,
            stage=a.lifecycle_stage,
            renewal_date=a.renewal_date,
            account_manager_id=a.account_manager_id,
            products=[
                portfolio.ProductInput(lms, True, True),
                portfolio.ProductInput(cred, True, False),
            ],
        ),
    )
    portfolio.save_account(db, portfolio.AccountInput("Big Hospital", paid_seats=5000))


def test_filters_adoption_priority_renewal(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    with_products(db, seeded)
    view = PortfolioView(db)
    qtbot.addWidget(view)
    assert view.accounts.rowCount() == 2
    select_data(view.ui.filterCombo, "adoption")
    assert [r.name for r in view.accounts.rows] == ["Harbor Health Clinics"]
    select_data(view.ui.filterCombo, "priority")
    assert [r.name for r in view.accounts.rows] == ["Big Hospital", "Harbor Health Clinics"]
    select_data(view.ui.filterCombo, "renewal")
    assert [r.name for r in view.accounts.rows] == ["Harbor Health Clinics"]


def test_propose_unused_module_in_one_click(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    with_products(db, seeded)
    view = PortfolioView(db)
    qtbot.addWidget(view)
    view.select_account(seeded.account)
    assert view.ui.proposeButton.isEnabled()
    assert "1 bought module(s) not in use" in view.ui.proposeHint.text()
    (action,) = view.propose_menu.actions()
    assert action.text() == "Credentialing"
    action.trigger()
    titles = [r.title for r in workitems.list_items(db, account_id=seeded.account)]
    assert "Propose setting up Credentialing to Harbor Health Clinics" in titles
    assert view.ui.detailTabs.tabText(2) == "Open (2)"


def test_stage_history_and_log_on_the_timeline(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    commlog.save_entry(
        db,
        commlog.LogInput(
            Channel.CALL, "Quarterly review: wants SSO next month", account_id=seeded.account
        ),
    )
    view = PortfolioView(db)
    qtbot.addWidget(view)
    view.select_account(seeded.account)
    texts = [t.text for t in view.timeline.rows]
    assert any("Quarterly review" in t for t in texts)
    assert {t.kind for t in view.timeline.rows} >= {"log", "stage", "item"}
    assert view.ui.detailTabs.tabText(3).startswith("Timeline (")


def test_quick_log_dialog(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    dialog = QuickLogDialog(db, account_id=seeded.account)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.counterpartCombo.itemText(0) == "Dana Wells <dana@harborhealth.example>"
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert "Summary" in dialog.error_text or "summary" in dialog.error_text
    dialog.ui.whenEdit.setDateTime(QDateTime.currentDateTime().addDays(2))
    qtbot.keyClicks(dialog.ui.summaryEdit, "Called Dana about the careers page")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert "future" in dialog.error_text
    dialog.ui.whenEdit.setDateTime(QDateTime.currentDateTime().addSecs(-600))
    select_data(dialog.ui.channelCombo, Channel.CALL)
    dialog.ui.counterpartCombo.setCurrentIndex(0)
    select_data(dialog.ui.itemCombo, seeded.item)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    (row,) = commlog.list_entries(db)
    assert (row.channel, row.direction, row.account, row.item_id, row.admin_id) == (
        Channel.CALL,
        Direction.OUTBOUND,
        "Harbor Health Clinics",
        seeded.item,
        seeded.admin,
    )


def test_log_view_search_and_filters(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    now = dt.datetime.now(dt.UTC)
    for text, channel, days in (
        ("Emailed the SSO checklist", Channel.EMAIL, 1),
        ("WhatsApp: admin confirms go-live date", Channel.WHATSAPP, 3),
        ("Old meeting notes", Channel.MEETING, 200),
    ):
        commlog.save_entry(
            db,
            commlog.LogInput(
                channel, text, account_id=seeded.account, occurred_at=now - dt.timedelta(days=days)
            ),
        )
    view = LogView(db)
    qtbot.addWidget(view)
    assert [r.summary for r in view.model.rows] == [
        "Emailed the SSO checklist",
        "WhatsApp: admin confirms go-live date",
    ]  # the last 90 days, newest first
    qtbot.keyClicks(view.ui.searchEdit, "go-live")
    qtbot.waitUntil(
        lambda: [r.channel for r in view.model.rows] == [Channel.WHATSAPP], timeout=10_000
    )
    view.ui.searchEdit.clear()
    select_data(view.ui.channelCombo, Channel.EMAIL)
    qtbot.waitUntil(lambda: [r.channel for r in view.model.rows] == [Channel.EMAIL], timeout=10_000)
    view.ui.logTable.selectRow(0)
    assert "Emailed the SSO checklist" in view.ui.summaryView.toPlainText()
