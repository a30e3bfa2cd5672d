"""GUI fixtures: a small seeded database and a way to drive modal dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from csdesk.core import directory, portfolio, workitems
from csdesk.core.db import Database
from csdesk.core.enums import ItemType, LifecycleStage, Role
from csdesk.core.models import utcnow


@dataclass
class Seed:
    me: int
    css: int
    am: int
    web: int
    website_dept: int
    account: int
    admin: int
    item: int


@pytest.fixture
def seeded(db: Database) -> Seed:
    me = directory.save_colleague(
        db, directory.ColleagueInput("Morgan Reyes", "morgan@brightpath.example", roles={Role.ME})
    )
    css = directory.save_colleague(
        db, directory.ColleagueInput("Casey Lin", "casey@brightpath.example", roles={Role.CSS})
    )
    am = directory.save_colleague(
        db,
        directory.ColleagueInput(
            "Avery Stone", "avery@brightpath.example", roles={Role.ACCOUNT_MANAGER}
        ),
    )
    web = directory.save_colleague(
        db, directory.ColleagueInput("Jonah Pike", "jonah@brightpath.example")
    )
    dept = directory.save_department(
        db,
        directory.DepartmentInput(
            "Website",
            routing_notes="Page changes and new pages",
            contacts=[
                directory.ContactInput(web, True, "all website requests"),
                directory.ContactInput(css, False, "when Jonah is away"),
            ],
        ),
    )
    account = portfolio.save_account(
        db,
        portfolio.AccountInput(
            "Harbor Health Clinics",
            paid_seats=420,
            stage=LifecycleStage.ADOPTION,
            account_manager_id=am,
            renewal_date=dt.date.today() + dt.timedelta(days=40),
        ),
    )
    admin = portfolio.save_admin(
        db,
        portfolio.AdminInput(account, "Dana Wells", "dana@harborhealth.example", is_primary=True),
    )
    item = workitems.save_item(
        db,
        workitems.ItemInput(
            "Fix the careers page",
            item_type=ItemType.TASK,
            account_id=account,
            department_id=dept,
            assignee_ids=[me, css, web],
            due_at=utcnow() + dt.timedelta(days=1),
        ),
    )
    return Seed(me, css, am, web, dept, account, admin, item)


DialogFill = Callable[[QDialog], None]


@pytest.fixture
def drive_modal(qtbot: QtBot) -> Callable[[Callable[[], object], DialogFill], None]:
    """Run ``trigger`` (which opens a modal dialog) and let ``fill`` act in it like a user.

    ``fill`` must end the dialog (Save or Cancel); if it does not, the dialog is
    rejected so a failing test cannot hang the run.
    """

    def drive(trigger: Callable[[], object], fill: DialogFill) -> None:
        failures: list[BaseException] = []

        def act() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog):
                QTimer.singleShot(20, act)
                return
            try:
                fill(dialog)
            except BaseException as exc:  # reported after the dialog is closed
                failures.append(exc)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, act)
        trigger()
        if failures:
            raise failures[0]

    return drive


def save_button(dialog: QWidget) -> QWidget:
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    return button
