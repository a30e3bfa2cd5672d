"""Portfolio: the accounts table and the selected account's detail."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from csdesk.core import commlog, portfolio, workitems
from csdesk.core.commlog import TimelineRow
from csdesk.core.db import Database
from csdesk.core.enums import Health
from csdesk.core.errors import KnownError
from csdesk.core.models import CustomerAdmin, utcnow
from csdesk.core.portfolio import AccountRow
from csdesk.core.rules import load_rules
from csdesk.core.workitems import ItemRow
from csdesk.gui import messages
from csdesk.gui.dialogs import AccountDialog, AdminDialog, QuickLogDialog, TaskDialog
from csdesk.gui.forms.ui_portfolio_view import Ui_PortfolioView
from csdesk.gui.table_model import Column, RowTableModel
from csdesk.gui.widgets import fill_combo, selected_row, setup_table

HEALTH_COLOURS = {Health.AT_RISK: "#b3261e", Health.WATCH: "#9a6700"}


class PortfolioView(QWidget):
    title = "Portfolio"

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load=False``: the main window fills the view when it is first shown."""
        super().__init__(parent)
        self.db = db
        self.ui = Ui_PortfolioView()
        self.ui.setupUi(self)
        ui = self.ui
        self.accounts: RowTableModel[AccountRow] = RowTableModel(
            [
                Column("Account", lambda r: r.name),
                Column("Seats", lambda r: r.paid_seats, align_right=True),
                Column("Stage", lambda r: r.stage),
                Column(
                    "Adoption",
                    lambda r: r.adoption,
                    align_right=True,
                    tooltip="Modules used / bought",
                ),
                Column("Renewal", lambda r: r.renewal_date),
                Column(
                    "Open",
                    lambda r: r.open_items,
                    align_right=True,
                    tooltip="Open tasks and tickets",
                ),
            ],
            highlight=lambda r: HEALTH_COLOURS.get(r.health),
        )
        ui.accountsTable.setModel(self.accounts)
        setup_table(ui.accountsTable, stretch_column=0)
        for col, width in enumerate((200, 52, 150, 72, 84, 52)):  # health shows as the row colour
            ui.accountsTable.setColumnWidth(col, width)
        self.admins: RowTableModel[CustomerAdmin] = RowTableModel(
            [
                Column("Name", lambda a: a.name + (" ★" if a.is_primary else "")),
                Column("Email", lambda a: a.email),
                Column("Phone", lambda a: a.phone),
                Column("Title", lambda a: a.title),
            ]
        )
        ui.adminsTable.setModel(self.admins)
        setup_table(ui.adminsTable)
        for col, width in enumerate((140, 230, 120, 140)):
            ui.adminsTable.setColumnWidth(col, width)
        self.products = RowTableModel[tuple[str, bool, bool]](
            [
                Column("Module", lambda p: p[0]),
                Column("Bought", lambda p: p[1]),
                Column("In use", lambda p: p[2]),
            ]
        )
        ui.productsTable.setModel(self.products)
        setup_table(ui.productsTable, stretch_column=0)
        self.items: RowTableModel[ItemRow] = RowTableModel(
            [
                Column("Title", lambda r: r.title),
                Column("Status", lambda r: r.status),
                Column("Due", lambda r: r.due_at),
            ],
            highlight=lambda r: "#b3261e" if r.is_overdue(utcnow()) else None,
        )
        ui.itemsTable.setModel(self.items)
        setup_table(ui.itemsTable, stretch_column=0)
        ui.itemsTable.doubleClicked.connect(self.edit_item)
        ui.splitter.setSizes([640, 440])

        fill_combo(
            ui.filterCombo,
            [
                ("all", "All accounts"),
                ("priority", "Priority accounts (most seats)"),
                ("adoption", "Adoption opportunities"),
                ("renewal", "Renewal soon"),
                ("at_risk", "At risk or watch"),
            ],
        )
        ui.filterCombo.currentIndexChanged.connect(self.refresh)
        self.timeline: RowTableModel[TimelineRow] = RowTableModel(
            [
                Column("When", lambda t: t.at),
                Column("What", lambda t: t.label),
                Column("Details", lambda t: t.text.replace("\n", " ")),
            ]
        )
        ui.timelineTable.setModel(self.timeline)
        setup_table(ui.timelineTable, stretch_column=2)
        ui.timelineTable.setColumnWidth(0, 120)
        ui.timelineTable.setColumnWidth(1, 120)
        ui.logButton.clicked.connect(self.log_conversation)
        self.propose_menu = QMenu(self)
        ui.proposeButton.setMenu(self.propose_menu)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh)
        ui.searchEdit.textChanged.connect(self._search_timer.start)
        ui.searchEdit.setClearButtonEnabled(True)
        ui.accountsTable.selectionModel().selectionChanged.connect(self.show_detail)
        ui.accountsTable.doubleClicked.connect(self.edit_account)
        ui.newButton.clicked.connect(self.new_account)
        ui.editButton.clicked.connect(self.edit_account)
        ui.deleteButton.clicked.connect(self.delete_account)
        ui.addAdminButton.clicked.connect(self.add_admin)
        ui.editAdminButton.clicked.connect(self.edit_admin)
        ui.adminsTable.doubleClicked.connect(self.edit_admin)
        ui.deleteAdminButton.clicked.connect(self.delete_admin)
        self.current_id: int | None = None
        if load:
            self.refresh()

    # ---------------------------------------------------------------- data

    def _filtered(self, rows: list[AccountRow]) -> list[AccountRow]:
        """The quick filters of R11: priority, adoption opportunities, renewals, risk."""
        key = self.ui.filterCombo.currentData()
        rules = load_rules(self.db)
        if key == "priority":
            order = portfolio.priority_account_ids(self.db, 10)
            by_id = {r.id: r for r in rows}
            return [by_id[i] for i in order if i in by_id]
        if key == "adoption":
            self.opportunities = {
                o.account_id: o
                for o in portfolio.adoption_opportunities(self.db, rules.adoption_threshold_percent)
            }
            return sorted(
                (r for r in rows if r.id in self.opportunities), key=lambda r: -r.paid_seats
            )
        if key == "renewal":
            soon = portfolio.renewing_within(self.db, rules.renewal_soon_days)
            by_id = {r.id: r for r in rows}
            return [by_id[i] for i in soon if i in by_id]
        if key == "at_risk":
            return [r for r in rows if r.health in (Health.AT_RISK, Health.WATCH)]
        return rows

    def refresh(self) -> None:
        keep = self.current_id
        self.accounts.set_rows(
            self._filtered(portfolio.list_accounts(self.db, self.ui.searchEdit.text()))
        )
        self.select_account(keep)
        if self.current_id is None:
            self.show_detail()

    def select_account(self, account_id: int | None) -> None:
        for i, row in enumerate(self.accounts.rows):
            if row.id == account_id:
                self.ui.accountsTable.selectRow(i)
                return
        if self.accounts.rows and account_id is None and self.current_id is None:
            self.ui.accountsTable.selectRow(0)
        else:
            self.ui.accountsTable.clearSelection()
            self.current_id = None

    def selected_account(self) -> AccountRow | None:
        row = selected_row(self.ui.accountsTable)
        return None if row is None else self.accounts.row(row)

    def show_detail(self, *_: object) -> None:
        ui = self.ui
        row = self.selected_account()
        self.current_id = row.id if row else None
        for w in (ui.editButton, ui.deleteButton, ui.detailTabs, ui.addAdminButton):
            w.setEnabled(row is not None)
        if row is None:
            ui.headingLabel.setText(
                "No account selected" if self.accounts.rows else "No accounts yet"
            )
            ui.subtitleLabel.setText(
                "Choose an account on the left."
                if self.accounts.rows
                else "Add one with “New account…”."
            )
            for v in (ui.stageValue, ui.healthValue, ui.seatsValue, ui.adoptionValue,
                      ui.renewalValue, ui.amValue, ui.rmValue, ui.parentValue):  # fmt: skip
                v.setText("—")
            self.admins.set_rows([])
            self.products.set_rows([])
            self.items.set_rows([])
            self.timeline.set_rows([])
            ui.notesView.setPlainText("")
            return
        detail = portfolio.get_account(self.db, row.id)
        a = detail.account
        ui.headingLabel.setText(a.name)
        ui.subtitleLabel.setText(a.website or "")
        ui.stageValue.setText(a.lifecycle_stage.label)
        ui.healthValue.setText(a.health.label)
        seats = f"{a.paid_seats:,}"
        if detail.children:
            seats += f"  ({detail.rolled_up_seats:,} with the franchise)"
        ui.seatsValue.setText(seats)
        bought = [p for p in a.products if p.bought]
        used = [p for p in bought if p.in_use]
        ui.adoptionValue.setText(
            f"{len(used) / len(bought):.0%} — {len(used)} of {len(bought)} modules in use"
            if bought
            else "no modules bought"
        )
        ui.renewalValue.setText(_renewal_text(a.renewal_date))
        ui.amValue.setText(a.account_manager.name if a.account_manager else "—")
        ui.rmValue.setText(a.regional_manager.name if a.regional_manager else "—")
        if a.parent is not None:
            ui.parentValue.setText(f"part of {a.parent.name}")
        elif detail.children:
            ui.parentValue.setText("parent of " + ", ".join(detail.children))
        else:
            ui.parentValue.setText("—")
        self.admins.set_rows(a.admins)
        self.products.set_rows(
            sorted(((p.product.name, p.bought, p.in_use) for p in a.products), key=lambda t: t[0])
        )
        open_items = workitems.list_items(self.db, open_only=True, account_id=a.id)
        self.items.set_rows(open_items)
        ui.detailTabs.setTabText(2, f"Open ({len(open_items)})")
        ui.detailTabs.setTabText(0, f"Admins ({len(a.admins)})")
        ui.notesView.setPlainText(a.notes)
        self.timeline.set_rows(commlog.timeline(self.db, a.id))
        ui.detailTabs.setTabText(3, f"Timeline ({len(self.timeline.rows)})")
        unused = sorted(
            ((p.product_id, p.product.name) for p in a.products if p.bought and not p.in_use),
            key=lambda t: t[1],
        )
        self.propose_menu.clear()
        for product_id, name in unused:
            action = self.propose_menu.addAction(name)
            action.triggered.connect(lambda _=False, pid=product_id, n=name: self.propose(pid, n))
        ui.proposeButton.setEnabled(bool(unused))
        ui.proposeHint.setText(
            f"{len(unused)} bought module(s) not in use: propose setting them up (R11)."
            if unused
            else "Every module bought is in use."
        )
        ui.editAdminButton.setEnabled(bool(a.admins))
        ui.deleteAdminButton.setEnabled(bool(a.admins))

    # ------------------------------------------------------------- actions

    def new_account(self) -> None:
        dialog = AccountDialog(self.db, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.current_id = dialog.saved_id
            self.refresh()

    def edit_account(self, *_: object) -> None:
        row = self.selected_account()
        if row is None:
            return
        dialog = AccountDialog(self.db, row.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_account(self) -> None:
        row = self.selected_account()
        if row is None:
            return
        extra = (
            f"\n\nIts {row.open_items} open item(s) will be kept, without an account."
            if row.open_items
            else ""
        )
        if not messages.confirm(
            self, "Delete account", f"Delete “{row.name}” and its admins?{extra}", "Delete"
        ):
            return
        try:
            portfolio.delete_account(self.db, row.id)
        except KnownError as exc:
            messages.show_known(self, exc)
        self.current_id = None
        self.refresh()

    def _selected_admin(self) -> CustomerAdmin | None:
        i = selected_row(self.ui.adminsTable)
        return None if i is None else self.admins.row(i)

    def add_admin(self) -> None:
        if self.current_id is None:
            return
        dialog = AdminDialog(self.db, self.current_id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_detail()

    def edit_admin(self, *_: object) -> None:
        admin = self._selected_admin()
        if admin is None or self.current_id is None:
            return
        dialog = AdminDialog(self.db, self.current_id, admin.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_detail()

    def delete_admin(self) -> None:
        admin = self._selected_admin()
        if admin is None:
            return
        if messages.confirm(
            self, "Delete admin", f"Remove {admin.name} from this account?", "Remove"
        ):
            portfolio.delete_admin(self.db, admin.id)
            self.show_detail()

    def propose(self, product_id: int, name: str) -> None:
        """R11: one click makes the task "propose setting up X"."""
        if self.current_id is None:
            return
        try:
            workitems.propose_module_task(self.db, self.current_id, product_id)
        except KnownError as exc:
            messages.show_known(self, exc)
            return
        self.show_detail()
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(f"Task created: propose setting up {name}.", 8000)

    def log_conversation(self) -> None:
        dialog = QuickLogDialog(self.db, account_id=self.current_id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_detail()

    def edit_item(self, index: object) -> None:
        i = selected_row(self.ui.itemsTable)
        if i is None:
            return
        dialog = TaskDialog(self.db, self.items.row(i).id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()


def _renewal_text(day: dt.date | None) -> str:
    if day is None:
        return "—"
    days = (day - dt.date.today()).days
    if days < 0:
        return f"{day.isoformat()} (passed {-days} days ago)"
    return f"{day.isoformat()} (in {days} days)"
