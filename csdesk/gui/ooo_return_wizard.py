"""Back from leave (issue 5, R19): the backup's tracking log, what happened, the return meeting.

Four pages over csdesk.core.ooo_return and csdesk.core.ooo; the rules are the
core's, the wizard only asks and shows:

1. *Tracking log* — choose the hand-off workbook the backup filled. It is read
   on the thread pool (``read_tracking``) and checked with a dry run
   (``apply_tracking(dry_run=True)``): the rows found, their problems, what
   will be logged, and the rows that match no account or item (listed, never
   dropped). Nothing is written until Import, the page's commit button, which
   writes every row in one transaction (all or nothing). A backup who kept no
   log: tick the box and go on.
2. *Imported* — the result, and the rows kept for review.
3. *While you were away* — the digest: items closed, new and changed, and the
   conversations logged during the leave, by account.
4. *The return meeting* — the agenda, to print (save as PDF) or copy. Finish
   ends the hand-over (``mark_returned``): the delegated items come back.

Cancelling before Import writes nothing. After it the plan stays open; running
the return again imports nothing twice (the core skips rows already in).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
    QWizard,
)

from csdesk.core import ooo, ooo_return
from csdesk.core.business_time import load_calendar
from csdesk.core.db import Database
from csdesk.core.enums import OooStatus
from csdesk.core.errors import KnownError
from csdesk.core.google.apply import google_state, read_tracking_sheet
from csdesk.core.progress import Progress
from csdesk.gui import messages
from csdesk.gui.forms.ui_ooo_return_wizard import Ui_OooReturnWizard
from csdesk.gui.pdf import html_to_pdf
from csdesk.gui.worker import TaskHandle, run_task

RED = "#b3261e"
GREEN = "#1b6e2a"
AMBER = "#8a4b00"
GREY = "#6b7785"
BLUE = "#1b5e9a"
PAGES = ("tracking", "imported", "digest", "agenda")
GOOGLE_SOURCE = Path("the shared Google Sheet")  # shown where a file name would be
EXPAND_AT_MOST = 12  # a longer group of the digest starts collapsed, so every group shows
ROW_COLUMNS = ("Row", "Date", "Account", "Item", "Channel", "What happened", "csdesk will")
WHAT, OUTCOME = 5, 6  # columns of the rows table
_ROW_NOTE = re.compile(r"^Row (\d+): (.*)$", re.DOTALL)
_HEADING = re.compile(r"^(\d+\. |Notes:)")


def _red(text: str) -> str:
    return f"<span style='color:{RED}'>{html.escape(text)}</span>"


def _one_line(text: str, limit: int = 160) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def agenda_html(text: str) -> str:
    """The agenda's plain text as simple HTML for the screen and the PDF (headings, indents)."""
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt'>",
    ]
    lines = text.splitlines()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if i == 0:
            parts.append(f"<h2>{html.escape(stripped)}</h2>")
        elif stripped and set(stripped) == {"="}:
            continue
        elif not stripped:
            parts.append("<p style='margin: 0'>&nbsp;</p>" if i == len(lines) - 1 else "")
        elif _HEADING.match(line):
            parts.append(f"<h3 style='margin-top: 10px'>{html.escape(stripped)}</h3>")
        else:
            indent = (len(line) - len(line.lstrip())) * 7
            style, body = "", html.escape(stripped)
            if stripped.startswith("- "):  # a bullet: its wrapped lines hang under its text
                style, body = " text-indent: -11px;", "• " + html.escape(stripped[2:])
                indent += 11
            parts.append(f"<p style='margin: 1px 0 1px {indent}px;{style}'>{body}</p>")
    if lines and lines[-1].strip() == "Notes:":
        parts.append("<p>&nbsp;</p>" * 6)
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p)


class OooReturnWizard(QWizard):
    TRACKING, IMPORTED, DIGEST, AGENDA = range(4)

    def __init__(
        self,
        db: Database,
        plan_id: int,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id = plan_id
        self.calendar = load_calendar(db)
        self.today = today or dt.datetime.now(self.calendar.zone).date()
        self.export_dir: Path | None = None  # tests: save the agenda here without asking
        self.exported: Path | None = None
        self.path: Path | None = None  # the workbook read (or being read)
        self.rows: list[ooo_return.TrackingRow] | None = None
        self.preview: ooo_return.ReturnResult | None = None  # the dry run
        self.read_error = ""
        self.import_result: ooo_return.ReturnResult | None = None  # the import, once done
        self.skipped = False
        self.handle: TaskHandle | None = None
        self._token = 0  # which read the worker's answer belongs to
        self.digest: ooo_return.Digest | None = None
        self.agenda = ""
        self.handed_back: list[int] | None = None  # set by Finish
        self.popups = True  # screenshots turn the message boxes off (the page says it too)
        self.view = ooo.get_plan(db, plan_id, today=self.today, calendar=self.calendar)

        self.ui = ui = Ui_OooReturnWizard()
        ui.setupUi(self)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Finish: I am back")
        view = self.view
        self.setWindowTitle(
            f"Welcome back: leave {ooo.short_date(view.first_day)} – "
            f"{ooo.short_date(view.last_day)}"
        )

        # tracking log
        ui.trackingPage.setCommitPage(True)
        ui.trackingPage.setButtonText(QWizard.WizardButton.CommitButton, "&Import")
        ui.introLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.introLabel.setText(self._intro_html())
        ui.readLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.readProgress.setVisible(False)
        ui.browseButton.clicked.connect(self.browse)
        # The shared Google Sheet, when the Google step made one (issue 6)
        self.google_source = False
        self.googleButton = QPushButton("From the &Google Sheet", ui.trackingPage)
        self.googleButton.setToolTip("Read the Tracking log your backup filled in the shared sheet")
        ui.fileLayout.addWidget(self.googleButton)
        self.googleButton.clicked.connect(self.read_google)
        self.googleButton.setVisible(bool(google_state(db, plan_id).get("sheet_id")))
        ui.fileEdit.returnPressed.connect(self._file_entered)
        ui.fileEdit.editingFinished.connect(self._file_edited)
        ui.skipCheck.toggled.connect(self._skip_toggled)
        self._setup_table(ui.rowsTable, ROW_COLUMNS, (45, 90, 150, 110, 80, 200, 250), stretch=WHAT)

        # imported
        ui.importSummaryLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.unmatchedLabel.setTextFormat(Qt.TextFormat.RichText)
        self._setup_table(
            ui.unmatchedTable,
            ("Row", "Account", "Item", "What happened", "Why it was not matched"),
            (50, 160, 150, 260),
        )

        # digest
        tree = ui.digestTree
        tree.setColumnCount(4)
        tree.setHeaderLabels(["What", "Account", "Status or channel", "When"])
        tree.setUniformRowHeights(False)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 230), (2, 190), (3, 90)):
            tree.setColumnWidth(col, width)
        ui.digestSummaryLabel.setTextFormat(Qt.TextFormat.RichText)

        # agenda
        ui.pdfButton.clicked.connect(self.export_agenda)
        ui.copyButton.clicked.connect(self.copy_agenda)
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(1500)
        self._copied_timer.timeout.connect(lambda: ui.copyButton.setText("C&opy"))
        ui.agendaLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.agendaLabel.setVisible(False)
        ui.handBackLabel.setTextFormat(Qt.TextFormat.RichText)

        self.resize(980, 680)

    # ------------------------------------------------------------- helpers

    @staticmethod
    def _setup_table(
        table: QTableWidget,
        headers: Sequence[str],
        widths: Sequence[int],
        stretch: int | None = None,
    ) -> None:
        """Headers and widths; ``stretch`` takes the room left (default: the last column)."""
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(list(headers))
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(stretch is None)
        for col, width in enumerate(widths):
            table.setColumnWidth(col, width)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    @staticmethod
    def _cell(text: str, colour: str | None = None, tip: str | None = None) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setToolTip(tip if tip is not None else text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if colour:
            item.setForeground(QBrush(QColor(colour)))
        return item

    def _tell(self, exc: KnownError) -> None:
        self._warn(exc.title, exc.message)

    def _warn(self, title: str, text: str) -> None:
        """A message box (messages.py), unless popups are off (screenshots: it would block)."""
        if self.popups:
            messages.error(self, title, text)

    def _backup_name(self) -> str:
        return self.view.backup.name if self.view.backup else "your backup"

    def _intro_html(self) -> str:
        v, e = self.view, html.escape
        parts = [
            f"<b>Leave {e(ooo.long_date(v.first_day))} – {e(ooo.long_date(v.last_day))}</b>, "
            f"back on {e(ooo.long_date(v.return_day))}. Backup: <b>{e(self._backup_name())}</b>."
        ]
        delegated = len(v.active_delegations)
        if delegated:
            parts.append(
                f"{_plural(delegated, 'item')} handed to them come back to you when you finish."
            )
        if v.status is OooStatus.RETURNED:
            parts.append(
                "This plan is already marked returned: you can still import the log and "
                "print the agenda."
            )
        elif self.today < v.return_day:
            parts.append("You are back before the planned return day: welcome back early.")
        return " ".join(parts)

    # --------------------------------------------------------- tracking log

    def browse(self) -> None:
        start = str(self.path.parent if self.path else Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            "The hand-off workbook your backup filled",
            start,
            "Excel workbook (*.xlsx);;All files (*)",
        )
        if name:
            self.ui.fileEdit.setText(name)
            self.read_file(Path(name))

    def _typed_path(self) -> Path | None:
        text = self.ui.fileEdit.text().strip()
        return Path(text).expanduser() if text else None

    def _file_entered(self) -> None:
        path = self._typed_path()
        if path is not None:
            self.read_file(path)

    def _file_edited(self) -> None:
        path = self._typed_path()
        if path is not None and path != self.path:
            self.read_file(path)

    def _skip_toggled(self, skip: bool) -> None:
        ui = self.ui
        for w in (ui.fileEdit, ui.browseButton, ui.rowsTable, self.googleButton):
            w.setEnabled(not skip)
        ui.trackingPage.setButtonText(
            QWizard.WizardButton.CommitButton, "&Go on without a log" if skip else "&Import"
        )
        if skip:
            ui.readLabel.setText(
                "Nothing will be imported. The return-meeting agenda still lists the "
                "unresolved items to go through with your backup."
            )
        else:
            self._show_preview()

    def read_google(self) -> None:
        """Read the Tracking log of the shared Google Sheet instead of a workbook file."""
        self.ui.fileEdit.clear()
        self.read_file(GOOGLE_SOURCE, google=True)

    def read_file(self, path: Path, google: bool = False) -> None:
        """Read the workbook and dry-run the import on the thread pool; the preview follows."""
        self._token += 1
        token = self._token
        self.path, self.rows, self.preview, self.read_error = Path(path), None, None, ""
        self.google_source = google
        ui = self.ui
        ui.rowsTable.setRowCount(0)
        ui.readProgress.setVisible(True)
        ui.readLabel.setText(f"Reading {html.escape(Path(path).name)}…")
        db, plan_id = self.db, self.plan_id

        def read() -> list[ooo_return.TrackingRow]:
            if google:
                return read_tracking_sheet(db, plan_id)
            return ooo_return.read_tracking(Path(path))

        def work(
            _: Progress,
        ) -> tuple[
            int,
            list[ooo_return.TrackingRow] | None,
            ooo_return.ReturnResult | None,
            KnownError | None,
        ]:
            try:
                rows = read()
                return token, rows, ooo_return.apply_tracking(db, plan_id, rows, True), None
            except KnownError as exc:  # a bad file: said in words, nothing written
                return token, None, None, exc

        self.handle = run_task(work, on_result=self._read_done)

    @property
    def reading(self) -> bool:
        return self.handle is not None

    def wait_until_read(self, timeout: float = 60.0) -> None:
        """Block until the workbook is read (screenshots); the GUI keeps processing events."""
        app = QApplication.instance()
        end = time.monotonic() + timeout
        while self.handle is not None and time.monotonic() < end:
            self.handle.done.wait(0.02)
            if app is not None:
                app.processEvents()

    def _read_done(
        self,
        value: tuple[
            int,
            list[ooo_return.TrackingRow] | None,
            ooo_return.ReturnResult | None,
            KnownError | None,
        ],
    ) -> None:
        token, rows, preview, exc = value
        if token != self._token:
            return  # an older read: another file was chosen meanwhile
        self.handle = None
        self.ui.readProgress.setVisible(False)
        if exc is not None:
            self.read_error = exc.message
            self.ui.readLabel.setText(_red(f"Nothing was read. {exc.message}"))
            self._tell(exc)
            return
        self.rows, self.preview = rows, preview
        self._show_preview()

    def _show_preview(self) -> None:
        ui = self.ui
        rows, dry = self.rows, self.preview
        if rows is None or dry is None:
            if self.read_error:
                ui.readLabel.setText(_red(f"Nothing was read. {self.read_error}"))
            elif not self.reading:
                ui.readLabel.setText("")
            return
        name = html.escape(self.path.name if self.path else "the workbook")
        problems: dict[int, list[str]] = defaultdict(list)
        for p in dry.errors:
            problems[p.row].append(f"{p.column}: {p.message}" if p.column else p.message)
        unmatched = {u.row: u for u in dry.unmatched}
        notes: dict[int, list[str]] = defaultdict(list)
        for note in dry.notes:
            m = _ROW_NOTE.match(note)
            if m:
                notes[int(m[1])].append(m[2])
        table = ui.rowsTable
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            if r.row in problems:
                outcome, colour = "Problem — " + "; ".join(problems[r.row]), RED
            elif r.row in unmatched:
                outcome = f"Keep it for review: {unmatched[r.row].reason}"
                colour = AMBER
            else:
                outcome = "Add it to the log" if not dry.already_imported else "Matched"
                colour = GREEN
            if r.row in notes and r.row not in problems:
                outcome += " (" + "; ".join(n.rstrip(".") for n in notes[r.row]) + ")"
            what, full = _one_line(r.what_happened), r.what_happened
            if r.follow_up_needed.strip():
                what += f"\nFollow-up needed: {_one_line(r.follow_up_needed)}"
                full += f"\n\nFollow-up needed: {r.follow_up_needed}"
            cells = (
                (str(r.row), None),
                (r.date.isoformat() if r.date else "—", RED if r.date is None else None),
                (r.account or "—", None),
                (r.item, None),
                (r.channel or "—", None),
                (what, None),
                (outcome, colour),
            )
            for col, (text, colour_) in enumerate(cells):
                tip = full if col == WHAT else None
                table.setItem(i, col, self._cell(text, colour_, tip))
        table.resizeRowsToContents()
        if not rows:
            ui.readLabel.setText(
                f"The Tracking log tab of {name} is empty: there is nothing to import. "
                "Press Import to go on."
            )
            return
        if dry.errors:
            ui.readLabel.setText(
                _red(
                    f"{_plural(len(rows), 'row')} found; "
                    f"{_plural(len(problems), 'row')} with problems (in red). "
                    "Fix them in the workbook, save it and choose it again: "
                    "nothing is imported until every row can be read."
                )
            )
            return
        text = (
            f"<b>{_plural(len(rows), 'row')} found in {name}.</b> "
            f"{dry.logged} will be added to the communication log"
        )
        if dry.unmatched:
            text += (
                f"; <span style='color:{AMBER}'><b>{len(dry.unmatched)}</b> match no account "
                "or item</span> and will be kept for review (the agenda lists them)"
            )
        if dry.already_imported:
            text += f"; {dry.already_imported} are in the log already (imported before)"
        ui.readLabel.setText(text + ". Press <b>Import</b> to write them, all in one go.")

    def import_rows(self) -> bool:
        """The commit: write the rows read, in one transaction; False keeps the page."""
        ui = self.ui
        if ui.skipCheck.isChecked():
            self.skipped, self.import_result = True, None
            return True
        path = self.path if self.google_source else self._typed_path()
        if path is None:
            self._warn(
                "Choose the workbook",
                "Choose the hand-off workbook your backup filled in (Choose…), or tick "
                "“My backup kept no tracking log”.",
            )
            return False
        if path != self.path:
            self.read_file(path)  # typed but not read yet: read it first
            return False
        if self.reading:
            ui.readLabel.setText(f"Still reading {html.escape(path.name)}…")
            return False
        if self.rows is None or self.preview is None:
            self._warn(
                ooo_return.TrackingFileError.title,
                f"{self.read_error} Choose another file, or tick “My backup kept no tracking log”.",
            )
            return False
        if not self.preview.ok:
            self._warn(
                "Nothing was imported",
                f"{_plural(len({p.row for p in self.preview.errors}), 'row')} of the tracking "
                "log cannot be read (marked in red). Fix them in the workbook, save it and "
                "choose it again. Nothing was written.",
            )
            return False
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            result = ooo_return.apply_tracking(self.db, self.plan_id, self.rows)
        except KnownError as exc:
            self._tell(exc)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not result.ok:  # the plan or the data changed since the preview
            self.preview = result
            self._show_preview()
            return False
        self.import_result, self.skipped = result, False
        return True

    # ------------------------------------------------------------ imported

    def _fill_imported(self) -> None:
        ui = self.ui
        result = self.import_result
        ui.notesList.clear()
        ui.unmatchedTable.setRowCount(0)
        if result is None:
            ui.importSummaryLabel.setText(
                "<b>No tracking log was imported</b>: you went on without one."
            )
            ui.unmatchedLabel.setText(
                "The next pages show what changed in csdesk while you were away, and the "
                "agenda for the return meeting with your backup."
            )
            ui.unmatchedTable.setVisible(False)
            ui.notesList.setVisible(False)
            return
        ui.importSummaryLabel.setText(f"<b>{html.escape(result.summary())}</b>")
        if result.unmatched:
            ui.unmatchedLabel.setText(
                f"<span style='color:{AMBER}'><b>{_plural(len(result.unmatched), 'row')} "
                "could not be matched</b></span> to an account or item. They are kept, not "
                "dropped: check them with your backup (the agenda lists them), and import the "
                "workbook again once the account exists — the rows already in are not "
                "added twice."
            )
        else:
            ui.unmatchedLabel.setText(
                f"<span style='color:{GREEN}'>Every row was matched to an account.</span>"
            )
        table = ui.unmatchedTable
        table.setVisible(bool(result.unmatched))
        table.setRowCount(len(result.unmatched))
        for i, u in enumerate(result.unmatched):
            cells = (
                str(u.row),
                u.account or "—",
                u.item,
                _one_line(u.what_happened),
                u.reason,
            )
            for col, text in enumerate(cells):
                tip = u.what_happened if col == 3 else None
                table.setItem(i, col, self._cell(text, AMBER if col == 4 else None, tip))
        table.resizeRowsToContents()
        table.setCurrentCell(-1, -1)
        ui.notesList.addItems(result.notes)
        ui.notesList.setVisible(bool(result.notes))

    # -------------------------------------------------------------- digest

    def _fill_digest(self) -> None:
        ui = self.ui
        d = self.digest = ooo_return.digest(self.db, self.plan_id)
        tree = ui.digestTree
        tree.clear()
        bold = QFont()
        bold.setBold(True)

        def group(title: str, count: int, colour: str) -> QTreeWidgetItem:
            top = QTreeWidgetItem([f"{title} ({count})"])
            top.setFirstColumnSpanned(True)
            top.setFont(0, bold)
            top.setForeground(0, QBrush(QColor(colour)))
            tree.addTopLevelItem(top)
            if not count:
                none = QTreeWidgetItem(["nothing"])
                none.setForeground(0, QBrush(QColor(GREY)))
                top.addChild(none)
            return top

        for title, items, colour in (
            ("Closed", d.closed, GREEN),
            ("New", d.new, BLUE),
            ("Changed", d.changed, AMBER),
        ):
            top = group(title, len(items), colour)
            for it in items:
                row = QTreeWidgetItem(
                    [f"{it.key} · {it.title}", it.account, it.status, f"{it.at:%a %d %b}"]
                )
                row.setToolTip(0, f"{it.key} {it.title}")
                for line in it.details:
                    detail = QTreeWidgetItem([line])
                    detail.setFirstColumnSpanned(True)
                    detail.setForeground(0, QBrush(QColor(GREY)))
                    row.addChild(detail)
                top.addChild(row)
            top.setExpanded(len(items) <= EXPAND_AT_MOST)

        log_top = group("Conversations logged", d.log_count, "#10202f")
        for activity in d.log_by_account:
            name = activity.account or "(no account)"
            acc = QTreeWidgetItem([f"{name} — {_plural(len(activity.entries), 'conversation')}"])
            acc.setFirstColumnSpanned(True)
            acc.setFont(0, bold)
            log_top.addChild(acc)
            for e in activity.entries:
                what = _one_line(e.summary, 140)
                if e.item:
                    what = f"{what}  [{e.item}]"
                row = QTreeWidgetItem(
                    [what, name, f"{e.channel}, {e.direction.lower()}", f"{e.occurred_at:%a %d %b}"]
                )
                row.setToolTip(
                    0, f"{e.summary}\n\n{e.channel} · {e.direction} · with {e.counterpart}"
                )
                acc.addChild(row)
            acc.setExpanded(len(activity.entries) <= EXPAND_AT_MOST)
        log_top.setExpanded(True)

        if d.unreviewed:
            top = group("Tracking rows not matched, kept for review", len(d.unreviewed), AMBER)
            for t in d.unreviewed:
                row = QTreeWidgetItem(
                    [
                        _one_line(t.what_happened, 140),
                        t.account or "(no account)",
                        t.channel,
                        f"{t.date:%a %d %b}" if t.date else "",
                    ]
                )
                row.setToolTip(0, t.what_happened)
                top.addChild(row)
            top.setExpanded(True)

        accounts = sum(1 for a in d.log_by_account if a.account)
        last = (d.end - dt.timedelta(days=1)).date()
        text = (
            f"From {html.escape(ooo.long_date(d.start.date()))} to "
            f"{html.escape(ooo.long_date(last))}: <b>{len(d.closed)}</b> closed, "
            f"<b>{len(d.new)}</b> new, <b>{len(d.changed)}</b> changed; "
            f"<b>{d.log_count}</b> {'conversation' if d.log_count == 1 else 'conversations'} "
            f"logged on {_plural(accounts, 'account')}."
        )
        if d.unreviewed:
            text += f" <span style='color:{AMBER}'>{len(d.unreviewed)} tracking row(s) still to check.</span>"
        ui.digestSummaryLabel.setText(text)

    # -------------------------------------------------------------- agenda

    def _fill_agenda(self) -> None:
        ui = self.ui
        self.agenda = ooo_return.agenda_text(self.db, self.plan_id)
        ui.agendaBrowser.setHtml(agenda_html(self.agenda))
        self.view = view = ooo.get_plan(
            self.db, self.plan_id, today=self.today, calendar=self.calendar
        )
        backup = html.escape(self._backup_name())
        if view.status is OooStatus.RETURNED:
            ui.handBackLabel.setText("This plan is already marked returned.")
            return
        delegated = view.active_delegations
        if delegated:
            titles = ", ".join(html.escape(d.title) for d in delegated[:5])
            more = f" and {len(delegated) - 5} more" if len(delegated) > 5 else ""
            ui.handBackLabel.setText(
                f"<b>Finish</b> ends the hand-over: the {_plural(len(delegated), 'item')} "
                f"delegated to {backup} ({titles}{more}) come back to you, and the plan is "
                "marked returned."
            )
        else:
            ui.handBackLabel.setText(
                "<b>Finish</b> marks the plan returned (no item was delegated to the backup)."
            )

    def _default_name(self) -> str:
        return f"return-meeting-{self.view.return_day.isoformat()}.pdf"

    def export_agenda(self) -> Path | None:
        """Save the agenda as a PDF (to print, or to attach to the meeting invitation)."""
        name = self._default_name()
        if self.export_dir is not None:
            path = Path(self.export_dir) / name
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Save the agenda as PDF", str(Path.home() / name), "PDF document (*.pdf)"
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != ".pdf":
                path = path.with_name(path.name + ".pdf")
        try:
            html_to_pdf(agenda_html(self.agenda), path, title="Return meeting")
        except KnownError as exc:
            self._agenda_note(_red(exc.message))
            self._tell(exc)
            return None
        self.exported = path
        url = QUrl.fromLocalFile(str(path)).toString()
        self._agenda_note(
            f"Agenda saved to <a href='{html.escape(url)}'>{html.escape(str(path))}</a>: "
            "open it to print."
        )
        return path

    def _agenda_note(self, text: str) -> None:
        self.ui.agendaLabel.setText(text)
        self.ui.agendaLabel.setVisible(bool(text))

    def copy_agenda(self) -> None:
        QGuiApplication.clipboard().setText(self.agenda)
        self.ui.copyButton.setText("Copied")
        self._copied_timer.start()  # owned by the wizard: never fires after it is gone

    def finish_return(self) -> bool:
        """Finish: the delegated items come back and the plan is marked returned (R19)."""
        if self.view.status is OooStatus.RETURNED:
            self.handed_back = []
            return True
        try:
            self.handed_back = ooo.mark_returned(self.db, self.plan_id)
        except KnownError as exc:
            self._tell(exc)
            return False
        return True

    @property
    def welcome_text(self) -> str:
        """What to tell the user once finished (the screens show it)."""
        if self.handed_back is None:
            return ""
        n = len(self.handed_back)
        text = (
            f"Welcome back. {_plural(n, 'item')} came back to you from {self._backup_name()}; "
            "the plan is marked returned."
        )
        if self.import_result is not None and self.import_result.logged:
            text += (
                f" {_plural(self.import_result.logged, 'conversation')} of the tracking log "
                "went to the communication log."
            )
        return text

    # ------------------------------------------------------- QWizard hooks

    def validateCurrentPage(self) -> bool:
        page = self.currentId()
        if page == self.TRACKING:
            return self.import_rows()
        if page == self.AGENDA:
            return self.finish_return()
        return True

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        try:
            if page_id == self.IMPORTED:
                self._fill_imported()
            elif page_id == self.DIGEST:
                self._fill_digest()
            elif page_id == self.AGENDA:
                self._fill_agenda()
        except KnownError as exc:  # e.g. the plan was deleted meanwhile
            self.page(page_id).setSubTitle(exc.message)

    def cleanupPage(self, page_id: int) -> None:
        pass  # Back keeps what the page shows (nothing on these pages is an edit)

    def reject(self) -> None:
        """Closing before Import writes nothing; a read under way is abandoned."""
        if self.handle is not None:
            self._token += 1  # its answer is ignored
            self.handle.cancel()
            self.handle = None
        super().reject()


def run_return(
    db: Database, plan_id: int, parent: QWidget | None = None, today: dt.date | None = None
) -> OooReturnWizard:
    """Open the return wizard for ``plan_id`` (modal) and hand it back once closed."""
    wizard = OooReturnWizard(db, plan_id, parent=parent, today=today)
    wizard.exec()
    return wizard
