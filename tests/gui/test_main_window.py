"""The main window: navigation between the three views."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from csdesk.core.db import Database
from csdesk.gui.main_window import MainWindow
from csdesk.paths import AppPaths
from tests.gui.conftest import Seed


def test_navigation_by_sidebar_and_shortcuts(
    qtbot: QtBot, db: Database, app_paths: AppPaths, seeded: Seed
) -> None:
    window = MainWindow(db, app_paths)
    qtbot.addWidget(window)
    window.show()
    assert window.current_view() == "portfolio"
    assert [window.ui.nav.item(i).text() for i in range(3)] == [
        "Portfolio",
        "Directory",
        "Tasks & Tickets",
    ]
    rect = window.ui.nav.visualItemRect(window.ui.nav.item(2))
    qtbot.mouseClick(window.ui.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_view() == "tasks"
    window.ui.actionDirectory.trigger()
    assert window.current_view() == "directory"
    assert window.ui.actionTasks.shortcut().toString() == "Ctrl+3"
    assert "csdesk.sqlite3" in window.ui.statusbar.currentMessage()


def test_demo_window_says_so(qtbot: QtBot, db: Database, app_paths: AppPaths) -> None:
    window = MainWindow(db, app_paths, demo=True)
    qtbot.addWidget(window)
    assert "demo" in window.windowTitle()
    assert window.ui.statusbar.currentMessage().startswith("Demo portfolio")
