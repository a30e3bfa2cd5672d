"""Out of office: current and past leave plans, the next deadline, and the way into the wizards.

"I am back…" (and, once the return day of an active plan has come, the
welcome-back banner) opens the return wizard (R19): the backup's tracking log,
what happened while away, the return-meeting agenda; finishing it ends the
hand-over and marks the plan returned.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from csdesk.core import ooo
from csdesk.core.business_time import load_calendar
from csdesk.core.db import Database
from csdesk.core.enums import OooStatus
from csdesk.core.errors import KnownError
from csdesk.gui import messages
from csdesk.gui.forms.ui_ooo_view import Ui_OooView
from csdesk.gui.table_model import Column, RowTableModel
from csdesk.gui.widgets import selected_row, setup_table

RED = "#b3261e"
PHASE_COLOURS = {"Away now": "#1b5e9a", "Cancelled": "#777777", "Returned": "#777777"}


class OooView(QWidget):
    title = "Out of office"
    changed = Signal()  # a plan changed: Today may show another next deadline

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._today = today
        self.auto_reply_result: object = None  # the Google switch-off on return, once done
        self.ui = ui = Ui_OooView()
        ui.setupUi(self)
        font = ui.headingLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        ui.headingLabel.setFont(font)
        self.model: RowTableModel[ooo.PlanRow] = RowTableModel(
            [
                Column("First day", lambda r: ooo.short_date(r.first_day)),
                Column("Back on", lambda r: ooo.short_date(r.return_day)),
                Column("Now", lambda r: r.phase),
                Column("Status", lambda r: r.status),
                Column("Backup", lambda r: r.backup or "—"),
                Column("Team lead", lambda r: r.team_lead or "—"),
                Column("Need a backup", lambda r: r.flagged, align_right=True),
                Column("Wizard page", lambda r: r.step.replace("_", "-")),
            ],
            highlight=lambda r: PHASE_COLOURS.get(r.phase),
        )
        ui.plansTable.setModel(self.model)
        ui.plansTable.setSortingEnabled(False)
        setup_table(ui.plansTable)
        for col, width in enumerate((120, 120, 85, 70, 160, 160, 120)):
            ui.plansTable.setColumnWidth(col, width)
        ui.plansTable.selectionModel().selectionChanged.connect(self._selected)
        ui.plansTable.doubleClicked.connect(lambda *_: self.continue_plan())
        ui.newPlanButton.clicked.connect(self.new_plan)
        ui.openPlanButton.clicked.connect(self.continue_plan)
        ui.cancelPlanButton.clicked.connect(self.cancel_plan)
        ui.returnButton.clicked.connect(self.back_from_leave)
        ui.startReturnButton.clicked.connect(self.start_due_return)
        ui.returnBannerLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.returnBanner.setVisible(False)
        self._due_return: int | None = None  # the plan the banner offers to return from
        if load:
            self.refresh()

    @property
    def today(self) -> dt.date:
        return self._today or dt.datetime.now(load_calendar(self.db).zone).date()

    # ---------------------------------------------------------------- data

    def refresh(self) -> None:
        keep = self.selected_plan()
        rows = ooo.list_plans(self.db, today=self.today)
        self.model.set_rows(rows)
        ids = [r.id for r in rows]
        target = keep.id if keep is not None and keep.id in ids else (ids[0] if ids else None)
        if target is not None:
            self.ui.plansTable.selectRow(ids.index(target))
        self._show_next_deadline()
        self._show_return_banner(rows)
        self._selected()

    def _show_return_banner(self, rows: list[ooo.PlanRow]) -> None:
        """R19: once the return day of an active plan has come, offer the return flow."""
        due = [r for r in rows if r.phase == "Past"]
        ui = self.ui
        ui.returnBanner.setVisible(bool(due))
        self._due_return = due[0].id if due else None
        if not due:
            return
        r = due[0]
        backup = html.escape(r.backup) if r.backup else "your backup"
        ui.returnBannerLabel.setText(
            f"<b>Welcome back!</b> Your leave from {html.escape(ooo.long_date(r.first_day))} "
            f"ended; you were due back on {html.escape(ooo.long_date(r.return_day))}. Read "
            f"{backup}'s tracking log, see what happened while you were away, prepare the "
            "return meeting and take your items back."
        )

    def _show_next_deadline(self) -> None:
        nxt = ooo.next_deadline(self.db, today=self.today)
        late = ooo.late_checklist(self.db, today=self.today)
        parts: list[str] = []
        if late:
            parts.append(
                f"<span style='color:{RED}'><b>{len(late)} step(s) late</b>, the oldest: "
                f"{html.escape(late[0].title)} (due {ooo.short_date(late[0].due_date)}).</span>"
            )
        if nxt is not None:
            when = "today" if nxt.due_date == self.today else ooo.long_date(nxt.due_date)
            parts.append(
                f"<b>Next:</b> {html.escape(nxt.title)} — {html.escape(nxt.owner)}, {when} "
                f"(leave from {ooo.long_date(nxt.first_day)})."
            )
        if not parts:
            parts.append("No leave coming up. Plan one a week or more ahead with “Plan a leave…”.")
        self.ui.nextDeadlineLabel.setText(" ".join(parts))

    def selected_plan(self) -> ooo.PlanRow | None:
        row = selected_row(self.ui.plansTable)
        return None if row is None else self.model.row(row)

    def _selected(self, *_: object) -> None:
        row = self.selected_plan()
        ui = self.ui
        open_plan = row is not None and row.status not in (
            OooStatus.CANCELLED,
            OooStatus.RETURNED,
        )
        ui.openPlanButton.setEnabled(open_plan)
        ui.cancelPlanButton.setEnabled(open_plan)
        # The return is offered once the leave has started (R19).
        ui.returnButton.setEnabled(
            open_plan and row is not None and row.phase in ("Away now", "Past")
        )
        if row is None:
            ui.planDetail.setHtml("<p>No plan yet.</p>")
            return
        try:
            view = ooo.get_plan(self.db, row.id, today=self.today)
        except KnownError as exc:
            ui.planDetail.setPlainText(exc.message)
            return
        ui.planDetail.setHtml(self._detail_html(view))

    def _detail_html(self, view: ooo.PlanView) -> str:
        e = html.escape

        def person(p: ooo.Person | None) -> str:
            return e(f"{p.name} ({p.email})") if p else "<i>not chosen yet</i>"

        lines = [
            f"<h3>Leave {e(ooo.long_date(view.first_day))} – {e(ooo.long_date(view.last_day))}"
            f"</h3><p>Back on {e(ooo.long_date(view.return_day))} · {view.days_away} days · "
            f"{e(view.timezone)} · {e(view.status.label)} ({e(view.phase(self.today))})</p>",
            f"<p><b>Team lead:</b> {person(view.team_lead)}<br>"
            f"<b>Backup:</b> {person(view.backup)}</p>",
        ]
        if view.triaged:
            lines.append(
                f"<p><b>{len(view.flagged)}</b> item(s) need a backup; "
                f"{len(view.missing_context)} still lack context; "
                f"{len(view.active_delegations)} delegated now.</p>"
            )
        else:
            lines.append("<p>Open items not triaged yet.</p>")
        if view.status not in (OooStatus.CANCELLED, OooStatus.RETURNED):
            items = []
            for d in view.deadlines:
                flag = (
                    f" <span style='color:{RED}'><b>missed</b> — {e(d.advice)}</span>"
                    if d.missed
                    else (" — done" if d.done else "")
                )
                items.append(f"<li>{e(ooo.short_date(d.due))}: {e(d.title)}{flag}</li>")
            lines.append("<p><b>Deadlines</b></p><ul>" + "".join(items) + "</ul>")
        google = self._google_lines(view)
        if google:
            lines.append("<p><b>Google</b></p><ul>" + "".join(google) + "</ul>")
        for w in [*view.backup_conflicts, *view.warnings]:
            lines.append(f"<p style='color:{RED}'>{e(w)}</p>")
        return "\n".join(lines)

    @staticmethod
    def _google_lines(view: ooo.PlanView) -> list[str]:
        """What the Google steps did last (issue 6), from the plan; nothing before the first."""
        from csdesk.core.google.apply import STEP_LABELS

        steps = (view.google_state or {}).get("steps") or {}
        lines = []
        for key, label in STEP_LABELS.items():
            step = steps.get(key)
            if not step:
                continue
            failed = step.get("state") in ("failed", "not_allowed")
            colour = RED if failed else "#1b6e2a"
            word = "failed" if failed else "done"
            lines.append(
                f"<li>{html.escape(label)}: <span style='color:{colour}'>{word}</span> — "
                f"{html.escape(str(step.get('message', '')))}</li>"
            )
        return lines

    # ------------------------------------------------------------- actions

    def open_wizard(self, plan_id: int | None) -> None:
        """Run the wizard (tests replace this: it is modal)."""
        from csdesk.gui.ooo_wizard import OooWizard

        wizard = OooWizard(self.db, plan_id, parent=self, today=self._today)
        wizard.exec()

    def new_plan(self) -> None:
        self.open_wizard(None)
        self.refresh()
        self.changed.emit()

    def continue_plan(self) -> None:
        row = self.selected_plan()
        if row is None or row.status in (OooStatus.CANCELLED, OooStatus.RETURNED):
            return
        self.open_wizard(row.id)
        self.refresh()
        self.changed.emit()

    def cancel_plan(self) -> None:
        row = self.selected_plan()
        if row is None:
            return
        if not messages.confirm(
            self,
            "Cancel this plan?",
            f"Cancel the leave from {ooo.long_date(row.first_day)}? Items delegated to the "
            "backup for it come back to you. The plan stays in the list, marked cancelled.",
            "Cancel the plan",
        ):
            return
        try:
            ooo.cancel_plan(self.db, row.id)
        except KnownError as exc:
            messages.show_known(self, exc)
            return
        self.refresh()
        self.changed.emit()

    def open_return(self, plan_id: int) -> str | None:
        """Run the return wizard (tests replace this: it is modal); the welcome text, or None."""
        from csdesk.gui.ooo_return_wizard import run_return

        wizard = run_return(self.db, plan_id, parent=self, today=self._today)
        return wizard.welcome_text or None

    def back_from_leave(self) -> None:
        row = self.selected_plan()
        if row is None or row.status in (OooStatus.CANCELLED, OooStatus.RETURNED):
            return
        welcome = self.open_return(row.id)
        self.refresh()
        if welcome:
            self.ui.nextDeadlineLabel.setText(html.escape(welcome))
            self.switch_off_auto_reply(row.id, welcome)
        self.changed.emit()  # the tracking log may be in even if the return was not finished

    def switch_off_auto_reply(self, plan_id: int, welcome: str) -> None:
        """R19 with Google: the auto-reply csdesk set goes off (off the GUI thread)."""
        from csdesk.core.google.apply import after_return, applied_steps, step_states
        from csdesk.gui.worker import run_task

        if "vacation" not in applied_steps(step_states(self.db, plan_id)):
            return
        db = self.db
        self.ui.nextDeadlineLabel.setText(
            html.escape(welcome + " Switching the Gmail auto-reply off…")
        )

        def shown(result: object) -> None:
            message = getattr(result, "message", "")
            self.ui.nextDeadlineLabel.setText(html.escape(f"{welcome} {message}".strip()))
            self.auto_reply_result = result

        run_task(lambda _p: after_return(db, plan_id), on_result=shown)

    def start_due_return(self) -> None:
        """The banner's button: select the plan whose return day has come, and start."""
        if self._due_return is None:
            return
        ids = [self.model.row(i).id for i in range(self.model.rowCount())]
        if self._due_return in ids:
            self.ui.plansTable.selectRow(ids.index(self._due_return))
        self.back_from_leave()
