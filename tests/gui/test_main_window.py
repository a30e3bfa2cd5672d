"""The main window: Today first, navigation between the views, counts on the navigation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from csdesk.core import workitems
from csdesk.core.db import Database
from csdesk.core.models import utcnow
from csdesk.gui.main_window import MainWindow
from csdesk.paths import AppPaths
from tests.gui.conftest import Seed


def test_navigation_by_sidebar_and_shortcuts(
    qtbot: QtBot, db: Database, app_paths: AppPaths, seeded: Seed
) -> None:
    window = MainWindow(db, app_paths)
    qtbot.addWidget(window)
    window.show()
    assert window.current_view() == "today"
    labels = [window.ui.nav.item(i).text() for i in range(window.ui.nav.count())]
    assert labels[1:] == [
        "Portfolio",
        "Directory",
        "Tasks & Tickets",
        "Log",
        "Out of office",
        "Settings",
    ]
    rect = window.ui.nav.visualItemRect(window.ui.nav.item(3))
    qtbot.mouseClick(window.ui.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_view() == "tasks"
    window.ui.actionDirectory.trigger()
    assert window.current_view() == "directory"
    assert window.ui.actionToday.shortcut().toString() == "Ctrl+1"
    assert window.ui.actionTasks.shortcut().toString() == "Ctrl+4"
    window.show_view("board")
    assert window.current_view() == "tasks" and window.tasks.showing_board()
    assert "csdesk.sqlite3" in window.ui.statusbar.currentMessage()


def test_today_count_on_the_navigation(
    qtbot: QtBot, db: Database, app_paths: AppPaths, seeded: Seed
) -> None:
    window = MainWindow(db, app_paths)
    qtbot.addWidget(window)
    assert window.ui.nav.item(0).text() == "Today"
    item = workitems.get_item(db, seeded.item)
    workitems.save_item(
        db,
        workitems.ItemInput(
            item.title,
            assignee_ids=[c.id for c in item.assignees],
            due_at=utcnow() - dt.timedelta(days=1),
            id=item.id,
        ),
    )
    window.today.refresh()
    assert window.ui.nav.item(0).text() == "Today (1)"


def test_demo_window_says_so(qtbot: QtBot, db: Database, app_paths: AppPaths) -> None:
    window = MainWindow(db, app_paths, demo=True)
    qtbot.addWidget(window)
    assert "demo" in window.windowTitle()
    assert window.ui.statusbar.currentMessage().startswith("Demo portfolio")


def test_unsaved_settings_survive_navigation(
    qtbot: QtBot, db: Database, app_paths: AppPaths, seeded: Seed
) -> None:
    window = MainWindow(db, app_paths)
    qtbot.addWidget(window)
    window.show_view("settings")
    window.settings.ui.supportEmailEdit.setText("help@brightpath.example")
    assert window.settings.dirty
    window.show_view("today")
    window.show_view("settings")
    assert window.settings.ui.supportEmailEdit.text() == "help@brightpath.example"
