"""The main window: Today first, navigation between the views, counts on the navigation."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from csdesk.core import workitems
from csdesk.core.db import Database, open_database, sqlite_url
from csdesk.core.errors import KnownError
from csdesk.core.models import utcnow
from csdesk.gui.main_window import VIEWS, MainWindow
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


# ------------------------------------------------------------ start-up: frame first


def test_view_titles_match_the_navigation_drawn_before_they_load() -> None:
    from csdesk.gui import main_window
    from csdesk.gui.views.directory import DirectoryView
    from csdesk.gui.views.log import LogView
    from csdesk.gui.views.ooo import OooView
    from csdesk.gui.views.portfolio import PortfolioView
    from csdesk.gui.views.settings import SettingsView
    from csdesk.gui.views.tasks import TasksView
    from csdesk.gui.views.today import TodayView

    views = (TodayView, PortfolioView, DirectoryView, TasksView, LogView, OooView, SettingsView)
    assert [v.title for v in views] == [main_window.TITLES[k] for k in main_window.VIEWS]


def _run_window(
    monkeypatch: pytest.MonkeyPatch,
    app_paths: AppPaths,
    open_db: Callable[[], Database],
    on_open_error: Callable[[KnownError], bool] | None = None,
) -> tuple[int, dict[str, object]]:
    """Start the window as ``csdesk`` does; note its state when the opening starts and
    once the views are attached, then close it."""
    from csdesk.gui import app as gui_app

    seen: dict[str, object] = {}
    start_open, attach = gui_app.Startup.open, MainWindow.attach

    def opening(self: gui_app.Startup) -> None:
        w = self.window
        seen.setdefault("painted_first", self._started and w.isVisible())
        seen.setdefault("frame", (w.db, w.ui.nav.isEnabled(), w.ui.stack.currentWidget()))
        seen.setdefault("opening_page", w.opening)
        seen.setdefault("quit_enabled", w.ui.actionQuit.isEnabled())
        seen.setdefault("import_enabled", w.ui.actionImport.isEnabled())
        seen.setdefault("shortcut_before", w.ui.actionToday.shortcut().toString())
        seen["opens"] = int(seen.get("opens", 0)) + 1  # type: ignore[call-overload]
        start_open(self)

    def attached(self: MainWindow, db: Database, report: object = None) -> None:
        attach(self, db, report)  # type: ignore[arg-type]
        seen["report"] = self.today.report
        seen["nav_enabled"] = self.ui.nav.isEnabled()
        seen["shortcut"] = self.ui.actionToday.shortcut().toString()
        seen["view"] = self.current_view()
        seen["reminders"] = self.reminders
        QTimer.singleShot(0, self.close)

    monkeypatch.setattr(gui_app.Startup, "open", opening)
    monkeypatch.setattr(MainWindow, "attach", attached)
    code = gui_app.run_gui(open_db, app_paths, False, on_open_error)
    return code, seen


def test_the_window_paints_its_frame_then_opens_the_database_off_the_gui_thread(
    monkeypatch: pytest.MonkeyPatch, app_paths: AppPaths, seeded: Seed, db: Database
) -> None:
    threads: list[bool] = []

    def open_db() -> Database:
        threads.append(threading.current_thread() is threading.main_thread())
        return open_database(sqlite_url(app_paths.database_file()), app_paths.backup_dir)

    code, seen = _run_window(monkeypatch, app_paths, open_db)
    assert code == 0
    assert threads == [False]  # opened on a worker
    assert seen["painted_first"] is True
    db_then, nav_then, page_then = seen["frame"]  # type: ignore[misc]
    assert db_then is None and nav_then is False and page_then is seen["opening_page"]
    assert seen["quit_enabled"] is True and seen["import_enabled"] is False
    assert seen["shortcut_before"] == ""  # bound with the views
    assert seen["report"] is not None and seen["view"] == "today"
    assert seen["nav_enabled"] is True and seen["shortcut"] == "Ctrl+1"


def test_a_database_that_cannot_be_opened_is_said_and_the_window_closes(
    monkeypatch: pytest.MonkeyPatch, app_paths: AppPaths
) -> None:
    said: list[str] = []

    def open_db() -> Database:
        raise KnownError("The database is read-only. Nothing was changed.")

    def tell(exc: KnownError) -> bool:
        from PySide6.QtWidgets import QApplication

        [window] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w.db is None
        ]
        seen_then.append((window.opening.status.text(), window.opening.bar.isVisible()))
        said.append(exc.message)
        return False

    seen_then: list[tuple[str, bool]] = []
    code, seen = _run_window(monkeypatch, app_paths, open_db, tell)
    assert code == 2
    assert said == ["The database is read-only. Nothing was changed."]
    # while the dialog says why, the window no longer says it is opening
    assert seen_then == [("csdesk could not open your portfolio.", False)]
    assert seen["opens"] == 1 and "report" not in seen


def test_the_window_opens_again_when_told_a_backup_was_put_in_place(
    monkeypatch: pytest.MonkeyPatch, app_paths: AppPaths, db: Database
) -> None:
    tries: list[int] = []

    def open_db() -> Database:
        tries.append(1)
        if len(tries) == 1:
            raise KnownError("The database is damaged.")
        return open_database(sqlite_url(app_paths.database_file()), app_paths.backup_dir)

    code, seen = _run_window(monkeypatch, app_paths, open_db, lambda exc: True)
    assert code == 0
    assert len(tries) == 2 and seen["opens"] == 2
    assert seen["report"] is not None


def test_only_today_is_built_at_start_the_others_on_first_show(
    qtbot: QtBot, db: Database, app_paths: AppPaths, seeded: Seed
) -> None:
    window = MainWindow(db, app_paths)
    qtbot.addWidget(window)
    window.show()
    assert list(window.pages) == ["today"]
    assert window.ui.stack.count() == len(VIEWS)
    window.ui.actionLog.trigger()
    assert list(window.pages) == ["today", "log"]
    assert window.current_view() == "log"
    assert window.ui.stack.currentWidget() is window.pages["log"]
    for key in VIEWS:  # every view lands at its own place in the stack
        window.show_view(key)
        assert window.ui.stack.currentWidget() is window.pages[key]
        assert window.ui.stack.indexOf(window.pages[key]) == VIEWS.index(key)
    assert window.ui.stack.count() == len(VIEWS)


def test_closing_the_window_while_the_database_opens_ends_cleanly(
    monkeypatch: pytest.MonkeyPatch, app_paths: AppPaths, db: Database
) -> None:
    from csdesk.gui import app as gui_app

    release = threading.Event()
    closed: list[Database] = []
    start_open = gui_app.Startup.open

    def open_db() -> Database:
        assert release.wait(30)
        opened = open_database(sqlite_url(app_paths.database_file()), app_paths.backup_dir)
        close = opened.close
        monkeypatch.setattr(opened, "close", lambda: (closed.append(opened), close()))
        return opened

    def opening(self: gui_app.Startup) -> None:
        start_open(self)
        self.window.close()  # the user gives up before the portfolio is open
        release.set()

    monkeypatch.setattr(gui_app.Startup, "open", opening)
    attached: list[object] = []
    monkeypatch.setattr(MainWindow, "attach", lambda *a: attached.append(a))
    assert gui_app.run_gui(open_db, app_paths, False) == 0
    assert len(closed) == 1  # run_gui waited for the opening and closed what it opened
    assert attached == []
