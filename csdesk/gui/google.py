"""Google in the window (issue 6): Settings → Google account, the Connect dialog, the apply panel.

All Google work is the core's (csdesk.core.google); these widgets ask, run it
off the GUI thread through :func:`csdesk.gui.worker.run_task`, and show the
outcome in words. Each worker makes its own GoogleSession (one HTTP
connection per worker: httplib2 is not thread-safe).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QWidget,
)

from csdesk.core.db import Database
from csdesk.core.errors import KnownError
from csdesk.core.google import apply as gapply
from csdesk.core.google import auth
from csdesk.core.google import errors as gerr
from csdesk.core.ooo import get_plan
from csdesk.core.progress import Progress
from csdesk.gui import messages
from csdesk.gui.forms.ui_google_account_box import Ui_GoogleAccountBox
from csdesk.gui.forms.ui_google_connect_dialog import Ui_GoogleConnectDialog
from csdesk.gui.forms.ui_google_panel import Ui_GooglePanel
from csdesk.gui.worker import TaskHandle, run_task

RED = "#b3261e"
GREEN = "#1b6e2a"
GREY = "#5f6368"
README_GUIDE = "README.md, section “Connecting Google”"
STATE_WORDS = {
    gapply.DONE: ("Done", GREEN),
    gapply.UNCHANGED: ("Done (nothing to change)", GREEN),
    gapply.FAILED: ("Failed", RED),
    gapply.NOT_ALLOWED: ("Not allowed", RED),
    gapply.NOT_TRIED: ("Not done yet", GREY),
    gapply.PLANNED: ("Would be done", GREY),
}


def _colour(text: str, colour: str) -> str:
    return f"<span style='color:{colour}'>{html.escape(text)}</span>"


def connection_text(conn: auth.Connection | None) -> str:
    """Rich text: who is connected and what csdesk may do."""
    if conn is None:
        return (
            "Not connected. csdesk can still do everything else; connect to let it set the "
            "auto-reply, the out-of-office event, the meetings and the shared sheet for you."
        )
    who = html.escape(conn.email or "a Google account (its address could not be read)")
    allowed = [f.label for f in auth.FEATURES if conn.allows(f.key)]
    refused = [f.label for f in auth.FEATURES if not conn.allows(f.key)]
    text = f"Connected as <b>{who}</b>."
    if allowed:
        text += " Allowed: " + html.escape(", ".join(allowed)) + "."
    if refused:
        text += " " + _colour("Not allowed: " + ", ".join(refused) + ".", RED)
    return text


def google_status_line() -> str:
    """One line for the auto-reply page: will the Google page set it, or is it copy-and-paste?"""
    conn, problem = _status_or_error()
    if problem:
        return problem
    if conn is None:
        return (
            "Google is not connected: connect it on the Google page to let csdesk set this "
            "auto-reply in Gmail, or copy the text from the preview."
        )
    if not conn.allows("vacation"):
        return (
            f"Google is connected ({conn.email}) but may not set the Gmail auto-reply: "
            "reconnect on the Google page and allow it, or copy the text from the preview."
        )
    return f"Google is connected ({conn.email}): the Google page sets this auto-reply in Gmail."


def _status_or_error() -> tuple[auth.Connection | None, str]:
    try:
        return auth.status(), ""
    except KnownError as exc:
        return None, exc.message


# ------------------------------------------------------------------ connect dialog


class GoogleConnectDialog(QDialog):
    """Choose the client file and the features, then wait for the browser (cancellable)."""

    connected = Signal(object)  # auth.Connection

    def __init__(self, parent: QWidget | None = None, features: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_GoogleConnectDialog()
        ui.setupUi(self)
        #: Opens the consent page; runs on the worker thread. Tests replace it with a fake browser.
        self.open_url: Callable[[str], object] = auth._open_browser
        self.timeout = auth.LOGIN_TIMEOUT_SECONDS
        self.handle: TaskHandle | None = None
        self.connection: auth.Connection | None = None
        ui.introLabel.setText(
            "csdesk signs in with your own Google Cloud <b>OAuth client</b> of type "
            "<i>Desktop app</i> (how to make one: "
            f"{html.escape(README_GUIDE)}). Your browser opens Google's consent page; "
            "untick anything you do not want csdesk to do. The sign-in is kept only in "
            "your system's password manager."
        )
        self.feature_boxes: dict[str, QCheckBox] = {}
        wanted = set(features or auth.FEATURE_KEYS)
        for f in auth.FEATURES:
            box = QCheckBox(f.label)
            box.setChecked(f.key in wanted)
            box.setObjectName(f"feature_{f.key}")
            box.setToolTip(f"{f.why} ({f.scope.rsplit('/', 1)[-1]})")
            why = QLabel(f"{f.why}.")
            why.setStyleSheet(f"color: {GREY}; margin-left: 24px;")
            why.setWordWrap(True)  # the longest ran past the dialog's edge
            ui.featuresLayout.addWidget(box)
            ui.featuresLayout.addWidget(why)
            self.feature_boxes[f.key] = box
        ui.progressBar.hide()
        ui.browseButton.clicked.connect(self._browse)
        self.ok_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Connect")
        ui.buttonBox.accepted.connect(self.start)
        ui.buttonBox.rejected.connect(self.reject)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Google OAuth client file", str(Path.home()), "JSON files (*.json)"
        )
        if path:
            self.ui.clientFileEdit.setText(path)

    def features(self) -> list[str]:
        return [k for k, box in self.feature_boxes.items() if box.isChecked()]

    def _status(self, text: str, colour: str = "") -> None:
        self.ui.statusLabel.setText(_colour(text, colour) if colour else html.escape(text))

    def start(self) -> None:
        text = self.ui.clientFileEdit.text().strip()
        if not text:
            self._status("Choose the OAuth client file first (Browse…).", RED)
            return
        try:
            config = auth.load_client_config(Path(text))
            if not self.features():
                raise KnownError("Tick at least one thing csdesk may do.")
        except KnownError as exc:
            self._status(exc.message, RED)
            return
        features = self.features()
        open_url, timeout = self.open_url, self.timeout

        def work(progress: Progress) -> auth.Connection:
            return auth.login(
                config,
                features,
                open_url=open_url,
                timeout=timeout,
                cancelled=lambda: progress.cancelled,
            )

        self.ok_button.setEnabled(False)
        self.ui.progressBar.show()
        self._status("Waiting for Google's consent page in your browser…")
        self.handle = run_task(work, on_result=self._done, on_error=self._failed)

    def _done(self, conn: auth.Connection) -> None:
        self.handle = None
        self.connection = conn
        self.ui.progressBar.hide()
        self.connected.emit(conn)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self.ui.progressBar.hide()
        self.ok_button.setEnabled(True)
        if isinstance(exc, KnownError):
            self._status(exc.message, RED)
        else:
            self._status(f"Connecting failed unexpectedly ({type(exc).__name__}).", RED)

    def reject(self) -> None:
        if self.handle is not None:  # stop waiting for the browser; the worker ends itself
            self.handle.cancel()
            self.handle = None
        super().reject()


# ------------------------------------------------------------------ Settings box


class GoogleAccountBox(QGroupBox):
    """Settings → Google account: status, Connect, Import a sign-in, Disconnect."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_GoogleAccountBox()
        ui.setupUi(self)
        self.dialog_factory: Callable[[QWidget], GoogleConnectDialog] = GoogleConnectDialog
        ui.connectButton.clicked.connect(self.connect_account)
        ui.importButton.clicked.connect(self.import_sign_in)
        ui.disconnectButton.clicked.connect(self.disconnect_account)
        if load:  # reading the keyring may take a moment (and prompt): not before it is shown
            self.refresh()

    def refresh(self) -> None:
        from csdesk.core.google.secrets import backend_problem

        ui = self.ui
        store = backend_problem()
        conn, problem = (None, "") if store else _status_or_error()
        if store:
            ui.accountLabel.setText("Not connected: csdesk needs a password manager first.")
        elif problem:
            ui.accountLabel.setText(_colour(problem, RED))
        else:
            ui.accountLabel.setText(connection_text(conn))
        ui.connectButton.setText("Reconnect…" if conn else "Connect…")
        ui.connectButton.setEnabled(not store)
        ui.importButton.setEnabled(not store)
        ui.disconnectButton.setEnabled(conn is not None)
        if store:
            ui.keyringLabel.setText(_colour(store, RED))
        else:
            ui.keyringLabel.setText(
                _colour(
                    "The sign-in is kept only in your system's password manager, never in "
                    "csdesk's files.",
                    GREY,
                )
            )

    def connect_account(self) -> GoogleConnectDialog:
        dialog = self.dialog_factory(self)
        dialog.connected.connect(lambda _conn: (self.refresh(), self.changed.emit()))
        dialog.open()
        return dialog

    def import_sign_in(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import a Google sign-in (authorized-user JSON)",
            str(Path.home()),
            "JSON (*.json)",
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import off the GUI thread (it checks the sign-in with Google)."""
        self.ui.accountLabel.setText("Checking the sign-in with Google…")

        def done(_conn: auth.Connection) -> None:
            self.refresh()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.refresh()
            if isinstance(exc, KnownError):
                messages.error(self, "Google sign-in not imported", exc.message)
            else:
                raise exc

        run_task(lambda _p: auth.import_credentials(path), on_result=done, on_error=failed)

    def disconnect_account(self) -> None:
        if not messages.confirm(
            self,
            "Disconnect Google",
            "csdesk will ask Google to revoke its access and forget the sign-in on this "
            "computer. Plans keep what was already set in Google.",
            "Disconnect",
        ):
            return

        def done(result: auth.LogoutResult) -> None:
            self.refresh()
            self.changed.emit()
            messages.info(self, "Google disconnected", result.message)

        def failed(exc: BaseException) -> None:
            self.refresh()
            if isinstance(exc, KnownError):
                messages.error(self, "Google not disconnected", exc.message)
            else:
                raise exc

        run_task(lambda _p: auth.logout(), on_result=done, on_error=failed)


# ------------------------------------------------------------------ apply panel


class GooglePanel(QWidget):
    """Apply an OOO plan in Google: options, steps with their last result, apply/preview."""

    applied = Signal(object)  # gapply.ApplyResult

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id: int | None = None
        self.handle: TaskHandle | None = None
        self.result: gapply.ApplyResult | None = None
        #: Tests may swap the session factory (it runs on the worker thread).
        self.session_factory: Callable[[], Any] = gapply.GoogleSession
        self.ui = ui = Ui_GooglePanel()
        ui.setupUi(self)
        for key, text in (
            ("none", "Everyone who writes"),
            ("contacts", "Only my contacts"),
            ("domain", "Only people in my organisation (Google Workspace)"),
        ):
            ui.restrictCombo.addItem(text, key)
        for key, text in (
            ("all", "New and existing meetings"),
            ("new", "Only new invitations"),
            ("none", "Nothing (just show me as away)"),
        ):
            ui.declineCombo.addItem(text, key)
        table = ui.stepsTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["Apply", "Step", "Last result"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 56)
        table.setColumnWidth(1, 250)
        table.setRowCount(len(gapply.STEPS))
        for row, key in enumerate(gapply.STEPS):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked)
            check.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(row, 0, check)
            table.setItem(row, 1, QTableWidgetItem(gapply.STEP_LABELS[key]))
            table.setItem(row, 2, QTableWidgetItem(""))
        # text takes the width; buttons keep their size
        ui.connectionRow.setStretch(0, 1)
        ui.availabilityRow.setStretch(0, 1)
        ui.applyRow.insertStretch(0, 1)
        ui.applyRow.setStretch(1, 2)
        ui.panelLayout.addStretch(1)
        ui.applyButton.setDefault(False)
        ui.progressBar.hide()
        ui.cancelButton.hide()
        ui.connectButton.clicked.connect(self._connect)
        ui.applyButton.clicked.connect(lambda: self.apply(dry_run=False))
        ui.previewButton.clicked.connect(lambda: self.apply(dry_run=True))
        ui.cancelButton.clicked.connect(self.cancel)
        ui.checkBackupButton.clicked.connect(self.check_backup)
        ui.availabilityLabel.setText(
            _colour("Check whether the backup is free during your leave.", GREY)
        )
        self.connection: auth.Connection | None = None

    # ---------------------------------------------------------- state

    def set_plan(self, plan_id: int) -> None:
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        ui = self.ui
        conn, problem = _status_or_error()
        self.connection = conn
        if problem:
            ui.connectionLabel.setText(_colour(problem, RED))
        elif conn is None:
            ui.connectionLabel.setText(
                "Google is not connected: connect to let csdesk do these steps for you, or do "
                "them by hand from the checklist and the exports."
            )
        else:
            ui.connectionLabel.setText(connection_text(conn))
        ui.connectButton.setText("Reconnect…" if conn else "Connect Google account…")
        ui.applyButton.setEnabled(conn is not None and self.handle is None)
        ui.checkBackupButton.setEnabled(
            conn is not None and conn.allows("availability") and self.handle is None
        )
        if self.plan_id is None:
            return
        view = get_plan(self.db, self.plan_id)
        options = gapply.get_options(self.db, self.plan_id)
        ui.restrictCombo.setCurrentIndex(max(0, ui.restrictCombo.findData(options.restrict)))
        ui.declineCombo.setCurrentIndex(max(0, ui.declineCombo.findData(options.decline)))
        handoff, back = gapply.meeting_times(self.db, view, options, dt.datetime.now(dt.UTC))
        zone = QTimeZone(view.timezone.encode())
        for edit in (ui.handoffEdit, ui.returnEdit):
            edit.setTimeZone(zone)
        if handoff is None:
            ui.handoffEdit.setEnabled(False)
            ui.handoffNote.setText("no time left before the leave: hold it today")
        else:
            ui.handoffEdit.setEnabled(True)
            ui.handoffNote.setText("")
            ui.handoffEdit.setDateTime(self._qdt(handoff, zone))
        ui.returnEdit.setDateTime(self._qdt(back, zone))
        states = gapply.step_states(self.db, self.plan_id)
        for row, key in enumerate(gapply.STEPS):
            self._show_state(row, key, states.get(key))
        self._fit_table()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_table)  # rows wrap to the width the table really has

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_table()

    def _fit_table(self) -> None:
        """Rows as tall as their wrapped text, and the table as tall as its rows."""
        table = self.ui.stepsTable
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height + 2)

    @staticmethod
    def _qdt(moment: dt.datetime, zone: QTimeZone) -> QDateTime:
        q = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), zone)
        return q

    def _show_state(self, row: int, key: str, state: dict[str, Any] | None) -> None:
        item = self.ui.stepsTable.item(row, 2)
        conn = self.connection
        if conn is not None and not conn.allows(key):
            text, colour = "Not allowed by the connected account: reconnect and tick it.", RED
        elif not state:
            text, colour = "Not done yet.", GREY
        else:
            word, colour = STATE_WORDS.get(state.get("state", ""), ("", GREY))
            when = str(state.get("at", ""))[:16].replace("T", " ")
            text = f"{word}: {state.get('message', '')}" + (f" ({when} UTC)" if when else "")
        item.setText(text)
        item.setToolTip(text)
        item.setForeground(QColor("black" if colour == GREY else colour))  # as the labels

    def chosen_steps(self) -> list[str]:
        table = self.ui.stepsTable
        return [
            str(table.item(r, 0).data(Qt.ItemDataRole.UserRole))
            for r in range(table.rowCount())
            if table.item(r, 0).checkState() == Qt.CheckState.Checked
        ]

    def options(self) -> gapply.Options:
        ui = self.ui

        def local(edit: Any) -> dt.datetime | None:
            if not edit.isEnabled():
                return None
            q = edit.dateTime()
            d, t = q.date(), q.time()
            return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

        return gapply.Options(
            restrict=str(ui.restrictCombo.currentData()),
            decline=str(ui.declineCombo.currentData()),
            handoff_at=local(ui.handoffEdit),
            return_at=local(ui.returnEdit),
        )

    # ---------------------------------------------------------- actions

    def _connect(self) -> None:
        dialog = GoogleConnectDialog(self)
        dialog.connected.connect(lambda _c: self.refresh())
        dialog.open()

    def _busy(self, busy: bool) -> None:
        ui = self.ui
        ui.progressBar.setVisible(busy)
        ui.cancelButton.setVisible(busy)
        ui.applyButton.setEnabled(not busy and self.connection is not None)
        ui.previewButton.setEnabled(not busy)
        ui.checkBackupButton.setEnabled(
            not busy and self.connection is not None and self.connection.allows("availability")
        )

    def apply(self, dry_run: bool = False) -> None:
        if self.plan_id is None or self.handle is not None:
            return
        steps = self.chosen_steps()
        if not steps:
            self.ui.resultLabel.setText(_colour("Tick at least one step.", RED))
            return
        plan_id, options, factory = self.plan_id, self.options(), self.session_factory
        connection = self.connection
        db = self.db
        if connection is None and not dry_run:
            self.ui.resultLabel.setText(_colour("Connect a Google account first.", RED))
            return
        conn = connection or auth.Connection("", tuple(auth.scopes_for(auth.FEATURE_KEYS)))
        labels: list[str] = []

        def work(progress: Progress) -> gapply.ApplyResult:
            def report(done: int, total: int, label: str) -> None:
                labels.append(label)
                progress.update(done, total)

            return gapply.apply_plan(
                db,
                plan_id,
                only=steps,
                dry_run=dry_run,
                options=options,
                session_factory=factory,
                connection=conn,
                progress=report,
                cancelled=lambda: progress.cancelled,
            )

        self.ui.resultLabel.setText("Previewing…" if dry_run else "Applying in Google…")
        self.ui.progressBar.setRange(0, len(steps))
        self.ui.progressBar.setValue(0)
        self._busy(True)

        def on_progress(done: int, total: int) -> None:
            self.ui.progressBar.setValue(done)
            if labels and done < total:
                self.ui.resultLabel.setText(f"{labels[-1]}…")

        self.handle = run_task(
            work, on_result=self._applied, on_error=self._failed, on_progress=on_progress
        )

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.ui.resultLabel.setText("Stopping after the current step…")

    def _applied(self, result: gapply.ApplyResult) -> None:
        self.handle = None
        self.result = result
        self._busy(False)
        self.refresh()
        if result.dry_run:
            lines = [
                f"<li>{html.escape(r.label)}: {html.escape(r.message)}</li>" for r in result.steps
            ]
            self.ui.resultLabel.setText(
                "Preview — nothing was sent:<ul>" + "".join(lines) + "</ul>"
            )
            for row, key in enumerate(gapply.STEPS):
                found = next((r for r in result.steps if r.key == key), None)
                if found:
                    self._show_state(row, key, {"state": found.state, "message": found.message})
        else:
            done = sum(1 for r in result.steps if r.ok)
            failed = [r for r in result.steps if not r.ok]
            if not failed:
                text = _colour(f"All {done} step(s) done in Google.", GREEN)
            else:
                first = failed[0]
                text = _colour(
                    f"{done} of {len(result.steps)} step(s) done. {first.label}: {first.message}",
                    RED,
                )
                if first.kind in gerr.RETRYABLE or first.kind == gerr.OFFLINE:
                    text += " Everything finished is kept: press Apply again to continue."
            links = [
                f"<a href='{html.escape(r.link)}'>{html.escape(r.label)}</a>"
                for r in result.steps
                if r.link
            ]
            if links:
                text += "<br>Open: " + " · ".join(links)
            self.ui.resultLabel.setText(text)
        self.applied.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self._busy(False)
        if isinstance(exc, KnownError):
            self.ui.resultLabel.setText(_colour(exc.message, RED))
            self.refresh()
        else:
            raise exc

    def check_backup(self) -> None:
        if self.plan_id is None or self.handle is not None:
            return
        plan_id, db, factory, conn = self.plan_id, self.db, self.session_factory, self.connection
        self.ui.availabilityLabel.setText("Checking the backup's calendar…")

        def done(result: gapply.Availability) -> None:
            colour = RED if result.warning else (GREEN if result.checked else GREY)
            self.ui.availabilityLabel.setText(_colour(result.message, colour))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KnownError):
                self.ui.availabilityLabel.setText(_colour(f"Not checked: {exc.message}", RED))
            else:
                raise exc

        run_task(
            lambda _p: gapply.backup_availability(
                db, plan_id, session_factory=factory, connection=conn
            ),
            on_result=done,
            on_error=failed,
        )
