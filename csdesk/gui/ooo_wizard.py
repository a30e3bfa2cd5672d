"""The out-of-office wizard (issue 5): dates, people, triage, context, auto-reply, checklist, summary.

All the rules are the core's (csdesk.core.ooo, csdesk.core.handoff); the wizard
only asks and shows. Every page saves through the core as soon as it is left
(and most edits as they are made), and the page reached is remembered with
``set_step``, so closing the wizard loses nothing and reopening a plan
continues where it was left.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import textwrap
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from csdesk.core import handoff, ooo, ooo_ics
from csdesk.core.business_time import load_calendar
from csdesk.core.db import Database
from csdesk.core.directory import list_colleagues, role_holder
from csdesk.core.enums import OooStatus, Role, TriageLevel
from csdesk.core.errors import KnownError
from csdesk.core.google.apply import step_states as google_step_states
from csdesk.core.models import utcnow
from csdesk.core.portfolio import get_account
from csdesk.core.templates import load_template
from csdesk.gui.forms.ui_ooo_wizard import Ui_OooWizard
from csdesk.gui.google import STATE_WORDS, GooglePanel, google_status_line
from csdesk.gui.pdf import html_to_pdf
from csdesk.gui.widgets import fill_combo, select_data

RED = "#b3261e"
GREEN = "#1b6e2a"
ID_ROLE = Qt.ItemDataRole.UserRole
COMMON_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "Australia/Sydney",
    "Asia/Singapore",
)
#: Checklist steps a Google step does (their Google result is shown beside them).
GOOGLE_FOR_CHECKLIST = {"auto_reply": "vacation", "calendar_ooo": "calendar",
                        "handoff_meeting": "meetings"}  # fmt: skip


def _red(text: str) -> str:
    return f"<span style='color:{RED}'>{html.escape(text)}</span>"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class OooWizard(QWizard):
    DATES, PEOPLE, TRIAGE, CONTEXT, REPLY, CHECKLIST, GOOGLE, SUMMARY = range(8)

    def __init__(
        self,
        db: Database,
        plan_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id = plan_id
        self.calendar = load_calendar(db)
        self.today = today or dt.datetime.now(self.calendar.zone).date()
        self.export_dir: Path | None = None  # tests: export here without asking
        self.exported: dict[str, Path] = {}
        self._resuming = False
        self._ctx_id: int | None = None  # the handoff row shown on the Context page
        self._loading = False
        self.view: ooo.PlanView | None = None
        self.ui = ui = Ui_OooWizard()
        ui.setupUi(self)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Finish")
        self.setWindowTitle("Out of office")

        # dates
        ui.datesError.setTextFormat(Qt.TextFormat.RichText)
        zones = list(COMMON_ZONES)
        if self.calendar.timezone not in zones:
            zones.insert(0, self.calendar.timezone)
        ui.timezoneCombo.addItems(zones)
        ui.timezoneCombo.setCurrentText(self.calendar.timezone)
        tree = ui.deadlinesTree
        tree.setColumnCount(2)
        tree.setHeaderLabels(["Date", "Deadline, and what to do"])
        tree.setUniformRowHeights(False)
        tree.header().setStretchLastSection(True)
        tree.setColumnWidth(0, 190)
        start = self.calendar.add_workdays(self.today, 10)
        ui.firstDayEdit.setDate(_qdate(start))
        ui.returnDayEdit.setDate(_qdate(self.calendar.add_workdays(start, 5)))
        ui.firstDayEdit.dateChanged.connect(self._show_deadlines)
        ui.returnDayEdit.dateChanged.connect(self._show_deadlines)

        # people
        ui.peopleWarning.setTextFormat(Qt.TextFormat.RichText)
        ui.teamLeadCombo.currentIndexChanged.connect(self._people_changed)
        ui.backupCombo.currentIndexChanged.connect(self._people_changed)

        # triage
        table = ui.triageTable
        table.setColumnCount(6)
        table.setHorizontalHeaderLabels(
            ["Item", "Account", "Proposed", "Level", "Needs backup", "Why"]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().setDefaultSectionSize(46)
        table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((230, 140, 75, 100, 112)):
            table.setColumnWidth(col, width)

        # context
        ui.flaggedList.currentRowChanged.connect(self._context_selected)
        ui.flaggedList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.flaggedList.setTextElideMode(Qt.TextElideMode.ElideRight)
        ui.contextItemLabel.setWordWrap(True)
        ui.missingLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.contextEdit.setPlaceholderText(
            "What the backup needs to know: where it stands, what the admin expects, next steps."
        )

        # auto-reply
        ui.replyError.setTextFormat(Qt.TextFormat.RichText)
        ui.googleLabel.setWordWrap(True)
        ui.replyLayout.setStretchFactor(ui.replySplitter, 1)
        ui.replySplitter.setSizes([450, 450])
        self._reply_timer = QTimer(self)
        self._reply_timer.setSingleShot(True)
        self._reply_timer.setInterval(300)
        self._reply_timer.timeout.connect(self.save_reply)
        ui.subjectEdit.textEdited.connect(lambda *_: self._reply_edited())
        ui.bodyEdit.textChanged.connect(self._reply_edited)

        # checklist
        table = ui.checklistTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(["Step", "Owner", "Due", "Done"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 190), (2, 170), (3, 50)):
            table.setColumnWidth(col, width)
        table.itemChanged.connect(self._tick_changed)
        table.itemSelectionChanged.connect(self._show_ready_text)
        ui.copyTextButton.clicked.connect(self.copy_ready_text)
        ui.copyTextButton.setEnabled(False)
        ui.readyTextBrowser.setPlaceholderText(
            "Select a step with a ready message (marked ✉) to see the text to send."
        )

        # google
        self.google = GooglePanel(db, ui.googlePage)
        ui.googleLayout.addWidget(self.google)
        # what Google did shows on the checklist (Back does not refill a page)
        self.google.applied.connect(lambda _result: self._fill_checklist())

        # summary
        ui.exportLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.xlsxButton.clicked.connect(lambda: self.export("xlsx"))
        ui.csvButton.clicked.connect(lambda: self.export("csv"))
        ui.pdfButton.clicked.connect(lambda: self.export("pdf"))
        ui.icsButton.clicked.connect(lambda: self.export("ics"))
        ui.delegateButton.clicked.connect(self.delegate)

        self.currentIdChanged.connect(self._remember_step)
        self.resize(900, 640)
        if plan_id is not None:
            self._load_plan()
        else:
            self._show_deadlines()

    # ------------------------------------------------------------- helpers

    def _refresh_view(self) -> ooo.PlanView:
        assert self.plan_id is not None
        self.view = ooo.get_plan(self.db, self.plan_id, today=self.today, calendar=self.calendar)
        return self.view

    def _load_plan(self) -> None:
        """Reopen a plan: fill the Dates page, then walk to the page it was left on."""
        view = self._refresh_view()
        ui = self.ui
        self._loading = True
        ui.firstDayEdit.setDate(_qdate(view.first_day))
        ui.returnDayEdit.setDate(_qdate(view.return_day))
        ui.timezoneCombo.setCurrentText(view.timezone)
        self._loading = False
        self._show_deadlines()
        self.setWindowTitle(
            f"Out of office: {ooo.short_date(view.first_day)} – {ooo.short_date(view.last_day)}"
        )
        target = ooo.STEPS.index(view.step) if view.step in ooo.STEPS else 0
        if view.status in (OooStatus.CANCELLED, OooStatus.RETURNED):
            ui.datesError.setText(
                _red(f"This plan is {view.status.label.lower()}: it can be read, not changed.")
            )
            return
        self._resuming = True
        try:
            self.restart()
            while self.currentId() < target:
                before = self.currentId()
                self.next()
                if self.currentId() == before:  # a page refused: stay there
                    break
        finally:
            self._resuming = False
        self._remember_step(self.currentId())

    def _remember_step(self, page_id: int) -> None:
        if self._resuming or self.plan_id is None or not 0 <= page_id < len(ooo.STEPS):
            return
        with contextlib.suppress(KnownError):  # a finished plan keeps its last step
            ooo.set_step(self.db, self.plan_id, ooo.STEPS[page_id])

    # --------------------------------------------------------------- dates

    def _dates(self) -> tuple[dt.date, dt.date, str]:
        ui = self.ui
        return (
            _pydate(ui.firstDayEdit.date()),
            _pydate(ui.returnDayEdit.date()),
            ui.timezoneCombo.currentText().strip(),
        )

    def _show_deadlines(self) -> None:
        """The R13 deadlines for the dates on screen, recomputed as they change."""
        if self._loading:
            return
        first, back, tz = self._dates()
        if self.view is not None:
            view = replace(self.view, first_day=first, return_day=back)
        else:
            now = utcnow()
            view = ooo.PlanView(
                id=0,
                colleague=None,
                first_day=first,
                return_day=back,
                timezone=tz,
                status=OooStatus.DRAFT,
                step=ooo.STEPS[0],
                team_lead=None,
                backup=None,
                auto_reply_subject=ooo.DEFAULT_SUBJECT,
                auto_reply_body="",
                google_state={},
                created_at=now,
                updated_at=now,
            )
        tree = self.ui.deadlinesTree
        tree.clear()
        for d in ooo.deadlines(view, self.calendar, self.today):
            flag = "  MISSED" if d.missed else ("  done" if d.done else "")
            advice = textwrap.fill(d.advice, 90, initial_indent="→ ", subsequent_indent="   ")
            row = QTreeWidgetItem([ooo.short_date(d.due) + flag, f"{d.title}\n{advice}"])
            row.setToolTip(1, d.advice)
            row.setTextAlignment(0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            if d.missed:
                for col in range(2):
                    row.setForeground(col, QBrush(QColor(RED)))
            tree.addTopLevelItem(row)
        self.ui.datesError.setText("")

    def _save_dates(self) -> bool:
        first, back, tz = self._dates()
        try:
            if self.plan_id is None:
                self.plan_id = ooo.create_plan(self.db, first, back, tz, today=self.today)
            else:
                ooo.update_dates(self.db, self.plan_id, first, back, tz, today=self.today)
        except KnownError as exc:
            self.ui.datesError.setText(_red(exc.message))
            return False
        self.ui.datesError.setText("")
        self._refresh_view()
        self._show_deadlines()
        return True

    # -------------------------------------------------------------- people

    def _fill_people(self) -> None:
        view = self._refresh_view()
        me = role_holder(self.db, Role.ME)
        people = [
            (c.id, f"{c.name} (you)" if c.id == me else f"{c.name} — {c.email}")
            for c in list_colleagues(self.db)
        ]
        ui = self.ui
        self._loading = True
        try:
            fill_combo(ui.teamLeadCombo, people, none_label="— not chosen yet —")
            fill_combo(ui.backupCombo, people, none_label="— not chosen yet —")
            select_data(ui.teamLeadCombo, view.team_lead.id if view.team_lead else None)
            select_data(ui.backupCombo, view.backup.id if view.backup else None)
        finally:
            self._loading = False
        self._show_people_notes(list(view.backup_conflicts))

    def _people_changed(self) -> None:
        if not self._loading and self.currentId() == self.PEOPLE:
            self._save_people()

    def _save_people(self) -> bool:
        assert self.plan_id is not None
        ui = self.ui
        try:
            ooo.set_people(
                self.db, self.plan_id, ui.teamLeadCombo.currentData(), ui.backupCombo.currentData()
            )
            conflicts = ooo.backup_conflicts(self.db, self.plan_id)
        except KnownError as exc:
            ui.peopleWarning.setText(_red(exc.message))
            return False
        self._show_people_notes(conflicts)
        return True

    def _show_people_notes(self, conflicts: list[str]) -> None:
        ui = self.ui
        notes = [_red(c) for c in conflicts]
        if ui.backupCombo.currentData() is None:
            notes.append(
                "No backup yet: you can go on and come back to this page once your team lead "
                "has designated one (the plan is saved as it is)."
            )
        ui.peopleWarning.setText("<br><br>".join(notes))

    # -------------------------------------------------------------- triage

    def _fill_triage(self) -> None:
        assert self.plan_id is not None
        ui = self.ui
        try:
            rows = ooo.triage(self.db, self.plan_id, today=self.today)
        except KnownError as exc:
            ui.triageSummary.setText(_red(exc.message))
            rows = []
        table = ui.triageTable
        table.setRowCount(len(rows))
        levels = [(level.value, level.label) for level in TriageLevel]
        for r, h in enumerate(rows):
            name = f"{h.external_key} · {h.title}" if h.external_key else h.title
            cells = [name, h.account or "—", h.proposed_level.label, "", "", h.reason]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)
            table.item(r, 0).setData(ID_ROLE, h.id)
            combo = QComboBox()
            fill_combo(combo, levels)
            select_data(combo, h.level.value)
            combo.setAccessibleName(f"Level of {h.title}")
            combo.currentIndexChanged.connect(lambda _=0, hid=h.id, c=combo: self._level(hid, c))
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(4, 0, 4, 0)
            box.addWidget(combo, 0, Qt.AlignmentFlag.AlignVCenter)
            table.setCellWidget(r, 3, holder)
            self._show_flag(r, h)
        self._triage_summary()

    def _show_flag(self, row: int, h: ooo.HandoffRow) -> None:
        item = self.ui.triageTable.item(row, 4)
        item.setText("Yes" if h.needs_backup else ("Left out" if not h.in_sheet else "No"))
        item.setForeground(QBrush(QColor(RED if h.needs_backup else "#555555")))
        level = self.ui.triageTable.item(row, 2)
        font = level.font()
        font.setStrikeOut(h.overridden)
        level.setFont(font)
        level.setToolTip("You chose another level" if h.overridden else "")

    def level_combo(self, row: int) -> QComboBox:
        combo = self.ui.triageTable.cellWidget(row, 3).findChild(QComboBox)
        assert combo is not None
        return combo

    def _level(self, handoff_id: int, combo: QComboBox) -> None:
        try:
            ooo.set_level(self.db, handoff_id, TriageLevel(combo.currentData()))
        except KnownError as exc:
            self.ui.triageSummary.setText(_red(exc.message))
            return
        view = self._refresh_view()
        by_id = {h.id: h for h in view.handoff}
        table = self.ui.triageTable
        for r in range(table.rowCount()):
            hid = table.item(r, 0).data(ID_ROLE)
            if hid in by_id:
                self._show_flag(r, by_id[hid])
        self._triage_summary()

    def _triage_summary(self) -> None:
        view = self._refresh_view()
        rows = view.handoff
        if not rows:
            self.ui.triageSummary.setText("You have no open items: nothing to hand over.")
            return
        count = {level: sum(1 for h in rows if h.level is level) for level in TriageLevel}
        overridden = sum(1 for h in rows if h.overridden)
        text = (
            f"<b>{len(rows)} open items</b>: {count[TriageLevel.HIGH]} High, "
            f"{count[TriageLevel.MEDIUM]} Medium, {count[TriageLevel.LOW]} Low "
            f"(left out of the sheet). <b>{len(view.flagged)} need a backup.</b>"
        )
        if overridden:
            text += f" You changed the level of {overridden}."
        for w in view.warnings:
            text += "<br>" + _red(w)
        self.ui.triageSummary.setText(text)

    # ------------------------------------------------------------- context

    def _fill_context(self) -> None:
        view = self._refresh_view()
        ui = self.ui
        self._ctx_id = None
        ui.flaggedList.blockSignals(True)
        ui.flaggedList.clear()
        for h in view.sheet_items:
            item = QListWidgetItem(self._context_title(h))
            item.setData(ID_ROLE, h.id)
            item.setToolTip(f"{h.title}\n{h.account or 'No account'} · {h.level.label}")
            ui.flaggedList.addItem(item)
        ui.flaggedList.blockSignals(False)
        has_items = bool(view.sheet_items)
        ui.adminCombo.setEnabled(has_items)
        ui.contextEdit.setEnabled(has_items)
        if has_items:
            ui.flaggedList.setCurrentRow(0)
        else:
            ui.contextItemLabel.setText("No High or Medium items: nothing needs context.")
        self._show_missing()

    @staticmethod
    def _context_title(h: ooo.HandoffRow) -> str:
        mark = "⚠ " if h.lacks_context else "✓ "
        return f"{mark}{h.level.label[0]} · {h.title}"

    def _context_selected(self, row: int) -> None:
        self.save_context()
        ui = self.ui
        item = ui.flaggedList.item(row) if row >= 0 else None
        if item is None:
            self._ctx_id = None
            return
        view = self.view or self._refresh_view()
        h = next(x for x in view.handoff if x.id == item.data(ID_ROLE))
        key = f"{h.external_key} · " if h.external_key else ""
        due = f" · due {ooo.short_date(h.due_day)}" if h.due_day else ""
        ui.contextItemLabel.setText(
            f"<b>{html.escape(key + h.title)}</b><br>{html.escape(h.account or 'No account')}"
            f" · {h.level.label}{due}<br><i>{html.escape(h.reason)}</i>"
        )
        admins: list[tuple[int, str]] = []
        if h.account_id is not None:
            try:
                account = get_account(self.db, h.account_id).account
                admins = [
                    (a.id, f"{a.name} — {a.email}" if a.email else a.name) for a in account.admins
                ]
            except KnownError:
                admins = []
        fill_combo(ui.adminCombo, admins, none_label="— no admin —")
        select_data(ui.adminCombo, h.admin_id)
        ui.contextEdit.setPlainText(h.context)
        self._ctx_id = h.id

    def save_context(self) -> bool:
        """Save the admin and context of the item shown (if they changed)."""
        if self._ctx_id is None:
            return True
        ui = self.ui
        view = self.view or self._refresh_view()
        h = next((x for x in view.handoff if x.id == self._ctx_id), None)
        admin, text = ui.adminCombo.currentData(), ui.contextEdit.toPlainText()
        if h is not None and h.admin_id == admin and h.context == text.strip():
            return True
        try:
            ooo.set_context(self.db, self._ctx_id, admin, text)
        except KnownError as exc:
            ui.missingLabel.setText(_red(exc.message))
            return False
        view = self._refresh_view()
        by_id = {x.id: x for x in view.handoff}
        for i in range(ui.flaggedList.count()):
            item = ui.flaggedList.item(i)
            row = by_id.get(item.data(ID_ROLE))
            if row is not None:
                item.setText(self._context_title(row))
        self._show_missing()
        return True

    def _show_missing(self) -> None:
        view = self.view or self._refresh_view()
        missing = view.missing_context
        if not missing:
            self.ui.missingLabel.setText(
                f"<span style='color:{GREEN}'>Every item for the backup has its context.</span>"
            )
            return
        names = ", ".join(html.escape(h.title) for h in missing[:3])
        more = f" and {len(missing) - 3} more (marked ⚠)" if len(missing) > 3 else ""
        self.ui.missingLabel.setText(
            _red(f"{len(missing)} item(s) still lack context for the backup: ")
            + names
            + more
            + ". You can go on and add it later."
        )

    # ---------------------------------------------------------- auto-reply

    def _fill_reply(self) -> None:
        view = self._refresh_view()
        ui = self.ui
        ui.googleLabel.setText(google_status_line())
        self._loading = True
        ui.subjectEdit.setText(view.auto_reply_subject or ooo.DEFAULT_SUBJECT)
        ui.bodyEdit.setPlainText(
            view.auto_reply_body or load_template(ooo.AUTO_REPLY_TEMPLATE).strip()
        )
        self._loading = False
        ui.bodyEdit.setToolTip(
            "Placeholders: " + ", ".join("{" + p + "}" for p in ooo.AUTO_REPLY_PLACEHOLDERS)
        )
        self._show_preview()

    def _reply_edited(self) -> None:
        if not self._loading:
            self._reply_timer.start()

    def save_reply(self) -> bool:
        """Save the subject and text, then show the preview; template errors block Next."""
        self._reply_timer.stop()
        if self.plan_id is None:
            return False
        ui = self.ui
        try:
            ooo.set_auto_reply(
                self.db, self.plan_id, ui.subjectEdit.text(), ui.bodyEdit.toPlainText()
            )
        except KnownError as exc:
            ui.replyError.setText(_red(exc.message))
            return False
        ui.replyError.setText("")
        self._show_preview()
        return True

    def _show_preview(self) -> None:
        assert self.plan_id is not None
        try:
            reply = ooo.auto_reply(self.db, self.plan_id)
        except KnownError as exc:
            self.ui.replyError.setText(_red(exc.message))
            return
        parts = [f"<p><b>Subject:</b> {html.escape(reply.subject)}</p><hr>", reply.html]
        if reply.missing:
            parts.append(
                f"<p style='color:{RED}'>Not filled in yet: "
                f"{html.escape(', '.join(reply.missing))}.</p>"
            )
        self.ui.previewBrowser.setHtml("\n".join(parts))

    # ----------------------------------------------------------- checklist

    def _fill_checklist(self) -> None:
        assert self.plan_id is not None
        rows = ooo.ensure_checklist(self.db, self.plan_id)
        states = google_step_states(self.db, self.plan_id)
        table = self.ui.checklistTable
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            late = c.is_late(self.today)
            title = c.title + ("  ✉" if c.has_ready_text else "")
            google = states.get(GOOGLE_FOR_CHECKLIST.get(c.key, ""), {}).get("state")
            if google:
                word = STATE_WORDS.get(google, (google,))[0].lower()
                if c.key == "handoff_meeting" and google in ("done", "unchanged"):
                    word = "invitation sent"  # the meeting itself is still to be held
                title += f"  — Google: {word}"
            due = ooo.short_date(c.due_date) if c.due_date else ""
            cells = [title, c.owner, due + (" (late)" if late else "")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if late:
                    item.setForeground(QBrush(QColor(RED)))
                table.setItem(r, col, item)
            table.item(r, 0).setData(ID_ROLE, (c.id, c.key, c.has_ready_text))
            done = QTableWidgetItem("")
            done.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            done.setCheckState(Qt.CheckState.Checked if c.done else Qt.CheckState.Unchecked)
            done.setData(ID_ROLE, c.id)
            table.setItem(r, 3, done)
        table.blockSignals(False)
        self.ui.readyTextBrowser.clear()
        self.ui.copyTextButton.setEnabled(False)

    def _tick_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 3:
            return
        try:
            ooo.tick(self.db, item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked)
        except KnownError as exc:
            self.ui.readyTextBrowser.setPlainText(exc.message)

    def _show_ready_text(self) -> None:
        ui = self.ui
        rows = ui.checklistTable.selectionModel().selectedRows()
        ui.readyTextBrowser.clear()
        ui.copyTextButton.setEnabled(False)
        if not rows or self.plan_id is None:
            return
        _, key, has_text = ui.checklistTable.item(rows[0].row(), 0).data(ID_ROLE)
        if not has_text:
            ui.readyTextBrowser.setPlaceholderText("This step has no ready message.")
            return
        try:
            text = ooo.ready_text(self.db, self.plan_id, key, today=self.today)
        except KnownError as exc:
            text = exc.message
        ui.readyTextBrowser.setPlainText(text)
        ui.copyTextButton.setEnabled(True)

    def copy_ready_text(self) -> None:
        QGuiApplication.clipboard().setText(self.ui.readyTextBrowser.toPlainText())
        self.ui.copyTextButton.setText("Copied")
        # a timer owned by the wizard: it dies with it, so it never touches a deleted button
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self.ui.copyTextButton.setText("&Copy this message"))
        timer.timeout.connect(timer.deleteLater)
        timer.start(1500)

    # ------------------------------------------------------------- summary

    def _fill_summary(self) -> None:
        assert self.plan_id is not None
        view = self._refresh_view()
        notes: list[str] = []
        for line in [*view.backup_conflicts, *view.warnings]:
            notes.append(_red(line))
        if view.missing_context:
            notes.append(_red(f"{len(view.missing_context)} item(s) still lack context."))
        missed = [d for d in view.deadlines if d.missed]
        for d in missed:
            notes.append(_red(f"Missed: {d.title}. {d.advice}"))
        try:
            body = handoff.sheet_html(handoff.build_sheet(self.db, self.plan_id), 0)
        except KnownError as exc:
            body = f"<p>{html.escape(exc.message)}</p>"
        head = "<br>".join(notes)
        self.ui.summaryBrowser.setHtml(
            body.replace("<body>", f"<body><p>{head}</p>", 1) if head else body
        )
        self.ui.delegateButton.setEnabled(view.backup is not None)
        self.ui.delegateButton.setToolTip(
            "" if view.backup else "Choose the backup on the People page first."
        )
        if view.active_delegations:
            self.ui.exportLabel.setText(
                f"{len(view.active_delegations)} item(s) are handed to "
                f"{html.escape(view.backup.name if view.backup else 'the backup')} "
                f"until {ooo.long_date(view.return_day)}."
            )

    def _default_name(self, fmt: str) -> str:
        view = self.view or self._refresh_view()
        return f"handoff-{view.first_day.isoformat()}.{fmt}"

    def export(self, fmt: str) -> Path | None:
        """Write the hand-off sheet as XLSX, the pending items as CSV, or the printable PDF."""
        assert self.plan_id is not None
        name = self._default_name(fmt)
        if self.export_dir is not None:
            path = Path(self.export_dir) / name
        else:
            filters = {
                "xlsx": "Excel workbook (*.xlsx)",
                "csv": "CSV file (*.csv)",
                "pdf": "PDF document (*.pdf)",
                "ics": "Calendar file (*.ics)",
            }
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export the hand-off", str(Path.home() / name), filters[fmt]
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != f".{fmt}":
                path = path.with_name(path.name + f".{fmt}")
        try:
            sheet = handoff.build_sheet(self.db, self.plan_id)
            if fmt == "xlsx":
                handoff.write_xlsx(sheet, path)
                what = "The hand-off sheet"
            elif fmt == "csv":
                n = handoff.write_csv(sheet, path)
                what = f"{n} pending item(s)"
            elif fmt == "ics":
                ooo_ics.write_ics(self.db, self.plan_id, path)
                what = "The calendar file (leave, hand-off and return meetings)"
            else:
                html_to_pdf(
                    handoff.sheet_html(sheet), path, title="Out-of-office hand-off", landscape=True
                )
                what = "The printable hand-off"
        except KnownError as exc:
            self.ui.exportLabel.setText(_red(exc.message))
            return None
        self.exported[fmt] = path
        self.ui.exportLabel.setText(f"{what} saved to {html.escape(str(path))}.")
        return path

    def delegate(self) -> ooo.HandOver | None:
        assert self.plan_id is not None
        try:
            done = ooo.delegate(self.db, self.plan_id)
        except KnownError as exc:
            self.ui.exportLabel.setText(_red(exc.message))
            return None
        view = self._refresh_view()
        titles = {h.item_id: h.title for h in view.handoff}
        backup = html.escape(view.backup.name if view.backup else "the backup")
        back = ooo.long_date(view.return_day)
        parts: list[str] = []
        if done.delegated:
            names = ", ".join(html.escape(titles.get(i, f"#{i}")) for i in done.delegated)
            parts.append(
                f"Handed {len(done.delegated)} item(s) to {backup} until {back}: {names}. "
                "They come back to you when you return."
            )
        if done.already_assigned:
            names = ", ".join(html.escape(titles.get(i, f"#{i}")) for i in done.already_assigned)
            parts.append(f"Already {backup}'s: {names}.")
        if not parts:
            parts.append("Nothing new to hand over: every flagged item is already delegated.")
        self.ui.exportLabel.setText(" ".join(parts))
        return done

    # ------------------------------------------------------- QWizard hooks

    def validateCurrentPage(self) -> bool:
        page = self.currentId()
        if page == self.DATES:
            return self._save_dates()
        if page == self.PEOPLE:
            return self._save_people()
        if page == self.CONTEXT:
            return self.save_context()
        if page == self.REPLY:
            return self.save_reply()
        if page == self.SUMMARY:
            assert self.plan_id is not None
            try:
                ooo.mark_ready(self.db, self.plan_id)
            except KnownError as exc:
                self.ui.exportLabel.setText(
                    _red(f"The plan stays a draft: {exc.message} (Cancel closes it; it is saved.)")
                )
                return False
        return True

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        try:
            if page_id == self.PEOPLE:
                self._fill_people()
            elif page_id == self.TRIAGE:
                self._fill_triage()
            elif page_id == self.CONTEXT:
                self._fill_context()
            elif page_id == self.REPLY:
                self._fill_reply()
            elif page_id == self.CHECKLIST:
                self._fill_checklist()
            elif page_id == self.GOOGLE:
                assert self.plan_id is not None
                self.google.set_plan(self.plan_id)
            elif page_id == self.SUMMARY:
                self._fill_summary()
        except KnownError as exc:  # e.g. the plan was cancelled meanwhile
            self.page(page_id).setSubTitle(exc.message)

    def cleanupPage(self, page_id: int) -> None:
        # Back keeps what the page shows (it is saved already); no reset to defaults.
        if page_id == self.CONTEXT:
            self.save_context()
        elif page_id == self.REPLY:
            self.save_reply()

    def reject(self) -> None:
        """Closing keeps everything: save what the current page has in hand first."""
        page = self.currentId()
        if self.plan_id is not None:
            if page == self.CONTEXT:
                self.save_context()
            elif page == self.REPLY and self._reply_timer.isActive():
                self.save_reply()
        super().reject()
