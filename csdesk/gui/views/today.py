"""Today: the first screen - what is overdue, due, stale, due for escalation or near an SLA breach."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QDialog, QHeaderView, QTreeWidgetItem, QWidget

from csdesk.core import ooo, workflow
from csdesk.core.business_time import format_minutes, load_calendar
from csdesk.core.db import Database
from csdesk.core.enums import ItemType, Role, Status
from csdesk.core.errors import KnownError
from csdesk.core.models import utcnow
from csdesk.core.settings import get_setting
from csdesk.core.sla import list_policies
from csdesk.core.templates import load_template, render, split_subject
from csdesk.core.today import BUCKETS, TodayEntry, TodayReport, today_report
from csdesk.gui import messages
from csdesk.gui.forms.ui_today_view import Ui_TodayView

ENTRY_ROLE = Qt.ItemDataRole.UserRole
BUCKET_COLOURS = {
    "overdue": "#b3261e",
    "sla_breached": "#b3261e",
    "escalation_due": "#8a4b00",
    "stale": "#9a6700",
    "sla_near_breach": "#9a6700",
}


class TodayView(QWidget):
    title = "Today"
    changed = Signal()  # something was done from here: other views may refresh
    counted = Signal(int)  # items needing attention, for the navigation

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load=False``: the main window fills the view when it is first shown."""
        super().__init__(parent)
        self.db = db
        self.ui = Ui_TodayView()
        self.ui.setupUi(self)
        ui = self.ui
        ui.bannerLayout.setStretch(0, 1)
        ui.tree.setColumnCount(4)
        ui.tree.setHeaderLabels(["Item", "Account", "Why it is here", "Status"])
        header = ui.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 340), (1, 200), (3, 180)):
            ui.tree.setColumnWidth(col, width)
        ui.tree.itemSelectionChanged.connect(self._update_buttons)
        ui.tree.itemDoubleClicked.connect(lambda *_: self.open_item())
        ui.refreshButton.clicked.connect(self.refresh)
        ui.openButton.clicked.connect(self.open_item)
        ui.followUpButton.clicked.connect(self.follow_up)
        ui.escalateButton.clicked.connect(self.escalate)
        ui.customerRepliedButton.clicked.connect(self.customer_replied)
        ui.repliedButton.clicked.connect(self.replied_to_customer)
        ui.warnClientsButton.clicked.connect(self.draft_warning)
        ui.oooLabel.linkActivated.connect(self._ooo_link)
        self.report: TodayReport | None = None
        if load:
            self.refresh()

    # ---------------------------------------------------------------- data

    def refresh(self) -> None:
        self.show_report(today_report(self.db, now=utcnow()))

    def show_report(self, report: TodayReport) -> None:
        """Fill the page from ``report`` (computed here by refresh, or at start-up off the
        GUI thread)."""
        keep = self.selected_entry()
        self.report = report
        cal = load_calendar(self.db)
        ui = self.ui
        ui.headingLabel.setText(f"Today — {report.now.astimezone(cal.zone):%A %d %B}")
        ui.clockLabel.setText(f"{report.open_count} open items")
        ui.highLoadBanner.setVisible(report.high_load)
        if report.high_load:
            ui.highLoadLabel.setText(
                f"<b>High load:</b> {report.open_count} open items (your threshold is "
                f"{report.high_load_threshold}). Consider warning the {len(report.affected_accounts)} "
                "clients with open requests that replies may take longer (R10)."
            )
        self._show_ooo(report.now.astimezone(cal.zone).date())
        ui.tree.clear()
        bold = QFont()
        bold.setBold(True)
        for bucket, label in BUCKETS.items():
            entries = report.buckets[bucket]
            if not entries:
                continue
            top = QTreeWidgetItem([f"{label} ({len(entries)})"])
            top.setFirstColumnSpanned(True)
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            colour = BUCKET_COLOURS.get(bucket)
            if colour:
                top.setForeground(0, QBrush(QColor(colour)))
            ui.tree.addTopLevelItem(top)
            for e in entries:
                child = QTreeWidgetItem(
                    [f"{e.key} · {e.title}", e.account, e.reason, e.status.label]
                )
                child.setData(0, ENTRY_ROLE, e)
                child.setToolTip(2, e.reason)
                child.setToolTip(0, e.title)
                top.addChild(child)
                if keep is not None and (e.item_id, e.bucket) == (keep.item_id, keep.bucket):
                    ui.tree.setCurrentItem(child)
            top.setExpanded(True)
        count = report.attention_count
        ui.emptyLabel.setVisible(count == 0)
        ui.emptyLabel.setText(
            "Nothing is overdue, stale or near a deadline. A good day to review adoption "
            "with your priority accounts."
        )
        self.counted.emit(count)
        self._update_buttons()

    def _show_ooo(self, today: dt.date) -> None:
        """R19: a leave is over, the return flow; R13/R18: late steps, else the next deadline."""
        label = self.ui.oooLabel
        lines: list[str] = []
        for r in ooo.due_returns(self.db, today)[:1]:
            lines.append(
                f"<b>Welcome back!</b> Your leave ended on "
                f"{r.return_day - dt.timedelta(days=1):%a %d %b}. "
                f"<a href='return:{r.id}'>Start the return…</a> (the backup's tracking log, "
                "what happened while you were away, the return meeting)"
            )
        late = ooo.late_checklist(self.db, today)
        if late:
            steps = "; ".join(
                f"{c.title} (owner: {c.owner}, due {c.due_date:%a %d %b})" for c in late[:4]
            )
            lines.append(f"<b style='color:#8c1d18'>Out of office — late:</b> {html.escape(steps)}")
        else:
            nxt = ooo.next_deadline(self.db, today)
            if nxt:
                lines.append(
                    f"<b>Out of office:</b> next step — {html.escape(nxt.title)} by "
                    f"{nxt.due_date:%a %d %b} (leave starts {nxt.first_day:%a %d %b})."
                )
        label.setText("<br>".join(lines))
        label.setVisible(bool(lines))

    def _ooo_link(self, link: str) -> None:
        if link.startswith("return:"):
            self.start_return(int(link.split(":", 1)[1]))

    def open_return(self, plan_id: int) -> str | None:
        """Run the return wizard (tests replace this: it is modal); the welcome text, or None."""
        from csdesk.gui.ooo_return_wizard import run_return

        return run_return(self.db, plan_id, parent=self).welcome_text or None

    def start_return(self, plan_id: int) -> None:
        welcome = self.open_return(plan_id)
        self._done(welcome or "")

    def selected_entry(self) -> TodayEntry | None:
        item = self.ui.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        entry = item.data(0, ENTRY_ROLE)
        return entry if isinstance(entry, TodayEntry) else None

    def _update_buttons(self) -> None:
        e = self.selected_entry()
        ui = self.ui
        ticket = e is not None and e.item_type is ItemType.TICKET
        ui.openButton.setEnabled(e is not None)
        ui.followUpButton.setEnabled(e is not None)
        ui.escalateButton.setEnabled(
            ticket and e is not None and e.status is Status.WAITING_FOR_ACCOUNT_MANAGER
        )
        ui.customerRepliedButton.setEnabled(
            ticket and e is not None and Status.WAITING_FOR_SUPPORT in workflow.ALLOWED[e.status]
        )
        ui.repliedButton.setEnabled(
            ticket and e is not None and e.status is Status.WAITING_FOR_SUPPORT
        )

    # ------------------------------------------------------------- actions

    def _done(self, message: str = "") -> None:
        self.refresh()
        self.changed.emit()
        if message:
            window = self.window()
            bar = getattr(window, "statusBar", None)
            if callable(bar):
                bar().showMessage(message, 8000)

    def open_item(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        from csdesk.gui.dialogs import TaskDialog  # (with the first dialog, not at start-up)

        if TaskDialog(self.db, e.item_id, parent=self).exec() == QDialog.DialogCode.Accepted:
            self._done()

    def follow_up(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        from csdesk.gui.dialogs import FollowUpDialog

        if FollowUpDialog(self.db, e.item_id, parent=self).exec() == QDialog.DialogCode.Accepted:
            self._done(f"Follow-up recorded on {e.key}.")

    def escalate(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        try:
            who = workflow.escalate(self.db, e.item_id)
        except KnownError as exc:
            messages.show_known(self, exc)
            return
        self._done(f"{e.key} is now waiting for management: {who.to_name} ({who.to_role}).")

    def customer_replied(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        try:
            prior = workflow.customer_replied(self.db, e.item_id)
        except KnownError as exc:
            messages.show_known(self, exc)
            return
        after = f"; it goes back to “{prior.label}” once you reply" if prior else ""
        self._done(f"{e.key} is waiting for support{after}.")

    def replied_to_customer(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        try:
            back = workflow.replied_to_customer(self.db, e.item_id)
        except KnownError as exc:
            messages.show_known(self, exc)
            return
        self._done(f"{e.key} is back to “{back.label}”.")

    def draft_warning(self) -> None:
        """R10: under high load, a message to warn the affected clients, from a template."""
        from csdesk.core import directory

        policies = {p.channel.value: p for p in list_policies(self.db) if p.channel is not None}
        me = directory.role_holder(self.db, Role.ME)
        values = {
            "email_target": format_minutes(policies["email"].business_minutes)
            if "email" in policies
            else "one business day",
            "chat_target": format_minutes(policies["chat"].business_minutes)
            if "chat" in policies
            else "30 minutes",
            "support_email": str(get_setting(self.db, "support_email", "") or "our support team"),
            "support_phone": str(get_setting(self.db, "support_phone", "") or ""),
            "my_name": directory.get_colleague(self.db, me).name if me else "",
        }
        try:
            subject, body = split_subject(
                render(load_template("high_load.txt"), values), "Our response times"
            )
        except KnownError as exc:
            messages.show_known(self, exc)
            return
        accounts = self.report.affected_accounts if self.report else []
        from csdesk.gui.dialogs import MessageDialog

        MessageDialog(
            "Warn clients about response times",
            f"Send this to the admins of the {len(accounts)} accounts with open requests: "
            + ", ".join(accounts[:12])
            + ("…" if len(accounts) > 12 else ""),
            subject,
            body,
            self,
        ).exec()
