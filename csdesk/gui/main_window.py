"""The main window: navigation on the left, one page per view."""

from __future__ import annotations

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QListWidgetItem, QMainWindow, QWidget

from csdesk import __version__
from csdesk.core.db import Database
from csdesk.gui import messages
from csdesk.gui.forms.ui_main_window import Ui_MainWindow
from csdesk.gui.reminders import ReminderService
from csdesk.gui.views.directory import DirectoryView
from csdesk.gui.views.log import LogView
from csdesk.gui.views.ooo import OooView
from csdesk.gui.views.portfolio import PortfolioView
from csdesk.gui.views.settings import SettingsView
from csdesk.gui.views.tasks import TasksView
from csdesk.gui.views.today import TodayView
from csdesk.paths import AppPaths, resource

VIEWS = ("today", "portfolio", "directory", "tasks", "log", "ooo", "settings")


class MainWindow(QMainWindow):
    def __init__(self, db: Database, paths: AppPaths, demo: bool = False) -> None:
        super().__init__()
        self.db, self.paths, self.demo = db, paths, demo
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle("csdesk — demo portfolio" if demo else "csdesk")
        self.setWindowIcon(QIcon(str(resource("icons", "csdesk.svg"))))
        # Views are filled when first shown (and on every show after): start-up
        # pays only for Today, the first screen.
        self.today = TodayView(db, load=False)
        self.tasks = TasksView(db, load=False)
        self.settings = SettingsView(db, load=False)
        self.pages: dict[str, QWidget] = {
            "today": self.today,
            "portfolio": PortfolioView(db, load=False),
            "directory": DirectoryView(db, load=False),
            "tasks": self.tasks,
            "log": LogView(db, load=False),
            "ooo": OooView(db, load=False),
            "settings": self.settings,
        }
        ui.nav.setIconSize(QSize(20, 20))
        for key, page in self.pages.items():
            item = QListWidgetItem(QIcon(str(resource("icons", f"{key}.svg"))), page.title)  # type: ignore[attr-defined]
            item.setSizeHint(QSize(160, 40))
            ui.nav.addItem(item)
            ui.stack.addWidget(page)
        ui.nav.currentRowChanged.connect(self._page_changed)
        self.today.counted.connect(self._show_count)
        self.today.changed.connect(lambda: self._refresh_if_shown(self.tasks))
        self.pages["ooo"].changed.connect(self.today.refresh)  # type: ignore[attr-defined]
        self.settings.saved.connect(self.today.refresh)
        self.reminders = ReminderService(db, self, self.windowIcon())
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
        ui.actionQuit.triggered.connect(self.close)
        ui.actionAbout.triggered.connect(self._about)
        ui.actionShowDataFolder.triggered.connect(self._show_data_folder)
        where = db.sqlite_path or db.url
        ui.statusbar.showMessage(("Demo portfolio — " if demo else "") + f"Data: {where}")
        self.resize(1280, 800)
        if ui.nav.currentRow() == 0:  # no change signal: fill Today here
            self.refresh_current()
        else:
            ui.nav.setCurrentRow(0)  # shows and fills Today

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
        self.ui.stack.setCurrentIndex(row)
        self.refresh_current()

    def _refresh_if_shown(self, page: QWidget) -> None:
        """A hidden page is refreshed when it is shown; only the visible one now."""
        if self.ui.stack.currentWidget() is page:
            page.refresh()  # type: ignore[attr-defined]

    def refresh_current(self) -> None:
        page = self.ui.stack.currentWidget()
        if page is self.settings and self.settings.dirty:
            return  # never throw away settings the user is still editing
        page.refresh()  # type: ignore[attr-defined]

    def _new_task(self) -> None:
        self.show_view("tasks")
        tasks = self.pages["tasks"]
        assert isinstance(tasks, TasksView)
        tasks.new_item()

    def _new_account(self) -> None:
        self.show_view("portfolio")
        view = self.pages["portfolio"]
        assert isinstance(view, PortfolioView)
        view.new_account()

    def quick_log(self) -> None:
        """R12: log a conversation from anywhere; the current account is preselected."""
        from csdesk.gui.dialogs import QuickLogDialog

        portfolio_view = self.pages["portfolio"]
        account = portfolio_view.current_id if self.current_view() == "portfolio" else None  # type: ignore[attr-defined]
        if QuickLogDialog(self.db, account_id=account, parent=self).exec():
            self.refresh_current()

    def import_file(self) -> None:
        from csdesk.gui.import_wizard import ImportWizard

        wizard = ImportWizard(self.db, parent=self)
        wizard.exec()
        if wizard.imported:
            for page in self.pages.values():
                if page is not self.settings:
                    page.refresh()  # type: ignore[attr-defined]

    def export(self) -> None:
        from csdesk.gui.export_dialog import ExportDialog

        kind = {"tasks": "tasks", "log": "log", "directory": "directory"}.get(
            self.current_view(), "accounts"
        )
        ExportDialog(self.db, kind=kind, parent=self).exec()

    def _about(self) -> None:
        messages.info(
            self,
            "About csdesk",
            f"csdesk {__version__}\n\nA desktop workbench for a Customer Success Manager: "
            "portfolio, directory, tasks and tickets — on your own machine.",
        )

    def _show_data_folder(self) -> None:
        where = self.db.sqlite_path or self.db.url
        messages.info(
            self,
            "Where is my data?",
            f"Database: {where}\nBackups: {self.paths.backup_dir}\nLog: {self.paths.log_file}",
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.data_dir)))
