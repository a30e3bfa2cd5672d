"""The main window: navigation on the left, one page per view.

It starts as a frame — navigation, menus and a Today page that says the
portfolio is being opened — which needs nothing but Qt, so it paints at once;
:meth:`MainWindow.attach` then builds the views on the opened database (the
start-up in :mod:`csdesk.gui.app` opens it off the GUI thread). Given a
database, the constructor attaches at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QWidget,
)

from csdesk import __version__
from csdesk.gui.forms.ui_main_window import Ui_MainWindow
from csdesk.paths import AppPaths, resource

if TYPE_CHECKING:
    from csdesk.core.db import Database
    from csdesk.core.today import TodayReport
    from csdesk.gui.reminders import ReminderService
    from csdesk.gui.views.settings import SettingsView
    from csdesk.gui.views.tasks import TasksView
    from csdesk.gui.views.today import TodayView

VIEWS = ("today", "portfolio", "directory", "tasks", "log", "ooo", "settings")
# The navigation is drawn before the view modules load: each view's ``title``
# (tests/gui/test_main_window.py checks they agree).
TITLES = {
    "today": "Today",
    "portfolio": "Portfolio",
    "directory": "Directory",
    "tasks": "Tasks & Tickets",
    "log": "Log",
    "ooo": "Out of office",
    "settings": "Settings",
}

# Set when the views are attached, not in the Designer form: the first
# QAction.setShortcut makes PySide6 build its ``Qt`` namespace (~30 ms) —
# after the first paint, the actions are disabled until then anyway.
SHORTCUTS = {
    "actionToday": "Ctrl+1",
    "actionPortfolio": "Ctrl+2",
    "actionDirectory": "Ctrl+3",
    "actionTasks": "Ctrl+4",
    "actionLog": "Ctrl+5",
    "actionSettings": "Ctrl+,",
    "actionQuickLog": "Ctrl+L",
    "actionImport": "Ctrl+I",
    "actionExport": "Ctrl+E",
    "actionNewTask": "Ctrl+N",
    "actionNewAccount": "Ctrl+Shift+N",
    "actionRefresh": "F5",
    "actionQuit": "Ctrl+Q",
}


class OpeningPage(QWidget):
    """Today's place while the portfolio is opened: a heading, then a busy bar centred.

    Built without the ``Qt`` namespace (PySide6 takes ~30 ms to build it): the
    grid's stretching columns and rows centre the bar.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        heading = QLabel("Today", self)
        heading.setObjectName("headingLabel")
        self.status = QLabel("Opening your portfolio…", self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: how long it takes is not known
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(320)
        grid.addWidget(heading, 0, 0, 1, 3)
        grid.addWidget(self.status, 2, 1)
        grid.addWidget(self.bar, 3, 1)
        grid.setRowMinimumHeight(1, 160)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(4, 1)

    def busy(self) -> None:
        self.status.setText("Opening your portfolio…")
        self.bar.show()

    def failed(self) -> None:
        """The database could not be opened (a dialog says why): no busy bar any more."""
        self.status.setText("csdesk could not open your portfolio.")
        self.bar.hide()


class MainWindow(QMainWindow):
    loaded = Signal()  # the views are built on the database and Today is filled

    def __init__(self, db: Database | None, paths: AppPaths, demo: bool = False) -> None:
        super().__init__()
        self.db: Database | None = None
        self.paths, self.demo = paths, demo
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle("csdesk — demo portfolio" if demo else "csdesk")
        self.setWindowIcon(QIcon(str(resource("icons", "csdesk.svg"))))
        ui.nav.setIconSize(QSize(20, 20))
        for key in VIEWS:
            item = QListWidgetItem(QIcon(str(resource("icons", f"{key}.svg"))), TITLES[key])
            item.setSizeHint(QSize(160, 40))
            ui.nav.addItem(item)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionAbout.triggered.connect(self._about)
        self.opening = OpeningPage()
        ui.stack.addWidget(self.opening)
        self._enable(False)
        ui.nav.setCurrentRow(0)
        ui.statusbar.showMessage("Demo portfolio — opening…" if demo else "Opening…")
        self.resize(1280, 800)
        self.pages: dict[str, QWidget] = {}
        if db is not None:
            self.attach(db)

    def _enable(self, on: bool) -> None:
        """Before the database is open only Quit and About do anything."""
        self.ui.nav.setEnabled(on)
        for action in self.findChildren(type(self.ui.actionQuit)):
            if action not in (self.ui.actionQuit, self.ui.actionAbout):
                action.setEnabled(on)

    def attach(self, db: Database, report: TodayReport | None = None) -> None:
        """Open the window on ``db`` and show Today (``report``: one computed already).

        Today is built now; every other view is built (and its module imported)
        the first time it is shown — start-up pays only for the first screen.
        """
        from csdesk.gui.reminders import ReminderService

        self.db = db
        ui = self.ui
        for _key in VIEWS:  # a place per view, filled when the view is first needed
            ui.stack.addWidget(QWidget())
        ui.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        ui.nav.currentRowChanged.connect(self._page_changed)
        self.reminders: ReminderService = ReminderService(db, self, self.windowIcon())
        ui.actionToday.triggered.connect(lambda: self.show_view("today"))
        ui.actionSettings.triggered.connect(lambda: self.show_view("settings"))
        ui.actionLog.triggered.connect(lambda: self.show_view("log"))
        ui.actionQuickLog.triggered.connect(self.quick_log)
        ui.actionImport.triggered.connect(self.import_file)
        ui.actionExport.triggered.connect(self.export)
        ui.actionPortfolio.triggered.connect(lambda: self.show_view("portfolio"))
        ui.actionDirectory.triggered.connect(lambda: self.show_view("directory"))
        ui.actionTasks.triggered.connect(lambda: self.show_view("tasks"))
        ui.actionNewTask.triggered.connect(self._new_task)
        ui.actionNewAccount.triggered.connect(self._new_account)
        ui.actionRefresh.triggered.connect(self.refresh_current)
        ui.actionShowDataFolder.triggered.connect(self._show_data_folder)
        for name, keys in SHORTCUTS.items():
            getattr(ui, name).setShortcut(QKeySequence(keys))
        where = db.sqlite_path or db.url
        ui.statusbar.showMessage(("Demo portfolio — " if self.demo else "") + f"Data: {where}")
        self._enable(True)
        self.page("today")
        ui.stack.setCurrentIndex(0)
        ui.nav.setCurrentRow(0)
        if report is None:
            self.today.refresh()
        else:
            self.today.show_report(report)
        self.loaded.emit()

    def page(self, key: str) -> QWidget:
        """The view ``key`` (one of VIEWS), built on first use."""
        view = self.pages.get(key)
        if view is not None:
            return view
        assert self.db is not None, "the views exist once the database is open"
        view = self._build(key, self.db)
        self.pages[key] = view
        stack, i = self.ui.stack, VIEWS.index(key)
        current = stack.currentIndex()
        place = stack.widget(i)
        stack.insertWidget(i, view)
        stack.removeWidget(place)
        place.deleteLater()
        if current == i:
            stack.setCurrentIndex(i)
        return view

    def _build(self, key: str, db: Database) -> QWidget:
        """A view, filled when shown (``load=False``), wired to the others."""
        if key == "today":
            from csdesk.gui.views.today import TodayView

            today = TodayView(db, load=False)
            today.counted.connect(self._show_count)
            today.changed.connect(lambda: self._refresh_if_shown("tasks"))
            return today
        if key == "tasks":
            from csdesk.gui.views.tasks import TasksView

            return TasksView(db, load=False)
        if key == "settings":
            from csdesk.gui.views.settings import SettingsView

            settings = SettingsView(db, load=False)
            settings.saved.connect(self._refresh_today)
            return settings
        if key == "ooo":
            from csdesk.gui.views.ooo import OooView

            ooo = OooView(db, load=False)
            ooo.changed.connect(self._refresh_today)
            return ooo
        if key == "portfolio":
            from csdesk.gui.views.portfolio import PortfolioView

            return PortfolioView(db, load=False)
        if key == "directory":
            from csdesk.gui.views.directory import DirectoryView

            return DirectoryView(db, load=False)
        assert key == "log", key
        from csdesk.gui.views.log import LogView

        return LogView(db, load=False)

    @property
    def today(self) -> TodayView:
        return self.page("today")  # type: ignore[return-value]

    @property
    def tasks(self) -> TasksView:
        return self.page("tasks")  # type: ignore[return-value]

    @property
    def settings(self) -> SettingsView:
        return self.page("settings")  # type: ignore[return-value]

    def _refresh_today(self) -> None:
        self.today.refresh()

    def show_view(self, key: str) -> None:
        """``key`` is one of VIEWS, or "board" for the Tasks & Tickets board."""
        if key == "board":
            self.tasks.ui.viewTabs.setCurrentIndex(1)
            key = "tasks"
        self.ui.nav.setCurrentRow(VIEWS.index(key))

    def _show_count(self, count: int) -> None:
        self.ui.nav.item(VIEWS.index("today")).setText(f"Today ({count})" if count else "Today")

    def current_view(self) -> str:
        return VIEWS[self.ui.stack.currentIndex()]

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.page(VIEWS[row])
        self.ui.stack.setCurrentIndex(row)
        self.refresh_current()

    def _refresh_if_shown(self, key: str) -> None:
        """A hidden page is refreshed when it is shown; only the visible one now."""
        page = self.pages.get(key)
        if page is not None and self.ui.stack.currentWidget() is page:
            page.refresh()  # type: ignore[attr-defined]

    def refresh_current(self) -> None:
        page = self.page(self.current_view())
        if page is self.pages.get("settings") and self.settings.dirty:
            return  # never throw away settings the user is still editing
        page.refresh()  # type: ignore[attr-defined]

    def _new_task(self) -> None:
        self.show_view("tasks")
        self.tasks.new_item()

    def _new_account(self) -> None:
        from csdesk.gui.views.portfolio import PortfolioView

        self.show_view("portfolio")
        view = self.pages["portfolio"]
        assert isinstance(view, PortfolioView)
        view.new_account()

    def quick_log(self) -> None:
        """R12: log a conversation from anywhere; the current account is preselected."""
        from csdesk.gui.dialogs import QuickLogDialog

        portfolio_view = self.pages.get("portfolio")
        account = portfolio_view.current_id if self.current_view() == "portfolio" else None  # type: ignore[union-attr]
        if QuickLogDialog(self.db, account_id=account, parent=self).exec():
            self.refresh_current()

    def import_file(self) -> None:
        from csdesk.gui.import_wizard import ImportWizard

        wizard = ImportWizard(self.db, parent=self)
        wizard.exec()
        if wizard.imported:
            for key, page in self.pages.items():  # the views built so far
                if key != "settings":
                    page.refresh()  # type: ignore[attr-defined]

    def export(self) -> None:
        from csdesk.gui.export_dialog import ExportDialog

        kind = {"tasks": "tasks", "log": "log", "directory": "directory"}.get(
            self.current_view(), "accounts"
        )
        ExportDialog(self.db, kind=kind, parent=self).exec()

    def _about(self) -> None:
        from csdesk.gui import messages

        messages.info(
            self,
            "About csdesk",
            f"csdesk {__version__}\n\nA desktop workbench for a Customer Success Manager: "
            "portfolio, directory, tasks and tickets — on your own machine.",
        )

    def _show_data_folder(self) -> None:
        from csdesk.gui import messages

        assert self.db is not None  # the action is enabled once the database is open
        where = self.db.sqlite_path or self.db.url
        messages.info(
            self,
            "Where is my data?",
            f"Database: {where}\nBackups: {self.paths.backup_dir}\nLog: {self.paths.log_file}",
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.data_dir)))
