"""The Portfolio view driven as a user would: typing, clicking, dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from csdesk.core import portfolio
from csdesk.core.db import Database
from csdesk.core.enums import LifecycleStage
from csdesk.gui.dialogs import AccountDialog, AdminDialog
from csdesk.gui.views.portfolio import PortfolioView
from csdesk.gui.widgets import select_data
from tests.gui.conftest import Seed, save_button


def make_view(qtbot: QtBot, db: Database) -> PortfolioView:
    view = PortfolioView(db)
    qtbot.addWidget(view)
    view.show()
    return view


def test_lists_accounts_and_shows_detail(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    view = make_view(qtbot, db)
    assert view.accounts.rowCount() == 1
    assert view.ui.headingLabel.text() == "Harbor Health Clinics"
    assert view.ui.amValue.text() == "Avery Stone"
    assert view.ui.seatsValue.text() == "420"
    assert view.admins.rowCount() == 1
    assert "Dana Wells" in view.admins.data(view.admins.index(0, 0))
    assert view.items.rowCount() == 1
    assert view.ui.detailTabs.tabText(2) == "Open (1)"


def test_new_account_through_the_button(
    qtbot: QtBot, db: Database, seeded: Seed, drive_modal
) -> None:
    view = make_view(qtbot, db)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AccountDialog)
        qtbot.keyClicks(dialog.ui.nameEdit, "Maple Ridge Schools")
        dialog.ui.seatsSpin.selectAll()
        qtbot.keyClicks(dialog.ui.seatsSpin, "250")
        select_data(dialog.ui.stageCombo, LifecycleStage.ONBOARDING)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(lambda: qtbot.mouseClick(view.ui.newButton, Qt.MouseButton.LeftButton), fill)
    names = [r.name for r in view.accounts.rows]
    assert names == ["Harbor Health Clinics", "Maple Ridge Schools"]
    assert view.ui.headingLabel.text() == "Maple Ridge Schools"
    assert [r.paid_seats for r in portfolio.list_accounts(db, "Maple")] == [250]


def test_empty_name_is_refused_in_plain_words(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    dialog = AccountDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.error_text == "Account name cannot be empty."
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(portfolio.list_accounts(db)) == 1


def test_search_filters_as_you_type(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    portfolio.save_account(db, portfolio.AccountInput("Cedar Valley Staffing"))
    view = make_view(qtbot, db)
    assert view.accounts.rowCount() == 2
    qtbot.keyClicks(view.ui.searchEdit, "cedar")
    qtbot.waitUntil(lambda: view.accounts.rowCount() == 1)
    assert view.accounts.rows[0].name == "Cedar Valley Staffing"


def test_admin_with_bad_email_is_refused_then_saved(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    dialog = AdminDialog(db, seeded.account)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.nameEdit, "Lee Park")
    qtbot.keyClicks(dialog.ui.emailEdit, "lee.park-at-harbor")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert "is not a valid email address" in dialog.error_text
    assert dialog.focusWidget() is dialog.ui.emailEdit or not dialog.isActiveWindow()
    dialog.ui.emailEdit.clear()
    qtbot.keyClicks(dialog.ui.emailEdit, "lee@harborhealth.example")
    dialog.ui.primaryCheck.setChecked(True)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    admins = portfolio.get_account(db, seeded.account).account.admins
    assert [(a.name, a.is_primary) for a in admins] == [("Lee Park", True), ("Dana Wells", False)]


def test_delete_account_asks_first(qtbot: QtBot, db: Database, seeded: Seed, monkeypatch) -> None:
    view = make_view(qtbot, db)
    asked: list[str] = []
    monkeypatch.setattr(
        "csdesk.gui.messages.confirm",
        lambda parent, title, text, ok="OK": asked.append(text) or False,
    )
    qtbot.mouseClick(view.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert "open item(s) will be kept" in asked[0]
    assert view.accounts.rowCount() == 1
    monkeypatch.setattr("csdesk.gui.messages.confirm", lambda *a, **k: True)
    qtbot.mouseClick(view.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert view.accounts.rowCount() == 0
    assert view.ui.headingLabel.text() == "No accounts yet"
