"""Starting the Qt application: style, icon, crash handling, and offscreen screenshots."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from csdesk import APP_ID, APP_NAME, __version__
from csdesk.core.errors import KnownError
from csdesk.gui import style
from csdesk.paths import AppPaths, resource

if TYPE_CHECKING:
    from csdesk.core.db import Database
    from csdesk.core.progress import Progress
    from csdesk.core.today import TodayReport
    from csdesk.gui.main_window import MainWindow
    from csdesk.gui.worker import TaskHandle

log = logging.getLogger(__name__)
EXIT_ERROR = 2  # as csdesk.cli: the database could not be opened


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    icon = QIcon(str(resource("icons", "csdesk.svg")))
    for png in sorted(resource("icons", "hicolor").glob("*/apps/*.png")):  # tools/render_icons.py
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    style.apply(app)
    return app


def run_gui(
    open_db: Callable[[], Database],
    paths: AppPaths,
    demo: bool,
    on_open_error: Callable[[KnownError], bool] | None = None,
) -> int:
    """The window: its frame paints first, then ``open_db`` runs off the GUI thread.

    ``open_db`` opens (and if need be upgrades, or fills with the demo) the
    database; with it, Today's report is computed on the same worker, then the
    views are built on the GUI thread. A :class:`KnownError` from it goes to
    ``on_open_error``, which tells the user and returns True to try again (a
    backup was put in place), False to close the window: exit code 2.
    """
    from csdesk.gui.main_window import MainWindow

    app = make_application()
    _install_excepthook()
    window = MainWindow(None, paths, demo=demo)
    start = Startup(window, open_db, on_open_error)
    window.show()
    code = app.exec()
    start.finish()
    return start.exit_code if start.exit_code is not None else code


def _install_excepthook() -> None:
    """csdesk.gui.messages's hook (known errors said, bugs in the crash dialog), loaded
    with its dialogs on the first exception rather than before the first paint."""

    def hook(*exc_info: Any) -> None:
        from csdesk.gui import messages

        messages.install_excepthook()
        sys.excepthook(*exc_info)

    sys.excepthook = hook


class Startup(QObject):
    """Opens the database once the window's frame has painted, then attaches the views."""

    def __init__(
        self,
        window: MainWindow,
        open_db: Callable[[], Database],
        on_open_error: Callable[[KnownError], bool] | None,
    ) -> None:
        super().__init__(window)
        self.window, self.open_db, self.on_open_error = window, open_db, on_open_error
        self.opened: Database | None = None  # set on the worker once open_db returned
        self.exit_code: int | None = None
        self.task: TaskHandle | None = None
        self._started = self._finished = False
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self._started and obj is self.window and event.type() == QEvent.Type.Paint:
            self._started = True
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.open)  # after this paint has reached the screen
        return False

    def open(self) -> None:
        from csdesk.gui.worker import run_task

        self.window.opening.busy()
        self.task = run_task(self._work, on_result=self._opened, on_error=self._failed)

    def _work(self, _progress: Progress) -> tuple[Database, TodayReport]:
        from csdesk.core.models import utcnow
        from csdesk.core.today import today_report

        db = self.opened = self.open_db()
        try:
            return db, today_report(db, now=utcnow())
        except BaseException:
            db.close()
            raise

    def _opened(self, result: tuple[Database, TodayReport]) -> None:
        db, report = result
        if self._finished:  # the window was closed while the database was being opened
            db.close()
            return
        try:
            self.window.attach(db, report)
        except Exception as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)  # the crash dialog says what
            self._quit(EXIT_ERROR)
            return
        self.window.reminders.start()
        QTimer.singleShot(3000, self.window.reminders.check)

    def _failed(self, exc: BaseException) -> None:
        if self._finished:
            return
        self.window.opening.failed()
        self.window.ui.statusbar.clearMessage()
        if not isinstance(exc, KnownError):
            sys.excepthook(type(exc), exc, exc.__traceback__)  # the crash dialog, then quit
            self._quit(EXIT_ERROR)
            return
        log.error("%s", exc.message)
        retry = self.on_open_error(exc) if self.on_open_error is not None else False
        if retry:
            self.open()
        else:
            self._quit(EXIT_ERROR)

    def _quit(self, code: int) -> None:
        self.exit_code = code
        self.window.close()
        QApplication.instance().exit(code)  # type: ignore[union-attr]

    def finish(self) -> None:
        """After the event loop: let an opening still under way end, close the database."""
        self._finished = True
        if self.task is not None and not self.task.done.wait(120):
            log.warning("the database was still being opened when the window closed")
            return  # the process is leaving; SQLite keeps the file consistent
        if self.opened is not None:  # the database attached to the window, if it was
            self.opened.close()


def screenshot(
    db: Database, paths: AppPaths, demo: bool, view: str, out: Path, size: QSize
) -> Path:
    """Render one view of the main window to a PNG, offscreen unless a display is chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from csdesk.gui.main_window import MainWindow

    app = make_application()
    window = MainWindow(db, paths, demo=demo)
    window.resize(size)
    window.show_view(view)
    window.show()
    for _ in range(3):
        app.processEvents()
    _save_png(window, out)
    window.close()
    return out


def wizard_screenshot(db: Database, plan_id: int, page: str, out: Path, size: QSize) -> Path:
    """Render one page of a plan's out-of-office wizard to a PNG (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from csdesk.core import ooo
    from csdesk.gui.ooo_wizard import OooWizard

    app = make_application()
    wizard = OooWizard(db, plan_id)
    wizard.resize(size)
    wizard.show()
    wizard.restart()
    _walk_and_save(app, wizard, ooo.STEPS.index(page), out)
    return out


def _walk_and_save(app: QApplication, wizard: QWizard, target: int, out: Path) -> None:
    """Press Next up to page ``target`` (or until a page refuses), then save it as a PNG."""
    while wizard.currentId() < target:
        before = wizard.currentId()
        wizard.next()
        if wizard.currentId() == before:  # a page refused (say, rows with problems)
            break
    for _ in range(3):
        app.processEvents()
    _save_png(wizard, out)
    wizard.close()


def return_wizard_screenshot(
    db: Database, plan_id: int, page: str, tracking: Path | None, out: Path, size: QSize
) -> Path:
    """Render one page of a plan's return wizard to a PNG (offscreen).

    ``tracking`` is read as the wizard reads it. The pages after the first come
    after the import: it is made in a scratch copy of the SQLite database, so a
    screenshot never changes the user's data (without ``tracking`` the wizard
    goes on without a log).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from csdesk.core.db import backup_sqlite, open_database, sqlite_url
    from csdesk.core.errors import KnownError
    from csdesk.gui.ooo_return_wizard import PAGES, OooReturnWizard

    app = make_application()
    target = PAGES.index(page)
    with contextlib.ExitStack() as stack:
        work_db = db
        if target > 0:
            if db.sqlite_path is None:
                raise KnownError(
                    "Only the first page of the return can be rendered from a database server: "
                    "the later pages need a scratch copy of an SQLite database."
                )
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="csdesk-")))
            work_db = open_database(sqlite_url(backup_sqlite(db.sqlite_path, scratch, "shot")))
            stack.callback(work_db.close)
        wizard = OooReturnWizard(work_db, plan_id)
        wizard.popups = False  # a bad file is said on the page; a message box would block
        wizard.resize(size)
        wizard.show()
        if tracking is not None:
            wizard.ui.fileEdit.setText(str(tracking))
            wizard.read_file(tracking)
            wizard.wait_until_read()
        elif target > 0:
            wizard.ui.skipCheck.setChecked(True)
        _walk_and_save(app, wizard, target, out)
    return out


def _save_png(widget: QWidget, out: Path) -> None:
    """Grab ``widget`` into ``out``, written beside it first so no half PNG is left."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part.png")
    if not widget.grab().save(str(tmp), "PNG"):
        raise OSError(f"could not write the screenshot to {out}")
    tmp.replace(out)
