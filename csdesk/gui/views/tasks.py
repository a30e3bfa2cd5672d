"""Tasks & Tickets: a table filtered as you type, and a board by status.

The rows of the chosen filters (type, account, quick filter, ...) are loaded
once; a keystroke in the search box filters them in memory, as long as the data
has not changed (:func:`workitems.data_version`), and only among the rows shown
when the new words extend the old ones (:func:`workitems.narrows`). SLA clocks
and the "not followed up" test are computed for the rows shown, once; the table
formats a row once, when first painted; the board is filled only when it is the
visible tab.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelectionModel, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from csdesk.core import directory, portfolio, workflow, workitems
from csdesk.core.business_time import format_minutes, load_calendar
from csdesk.core.db import Database
from csdesk.core.enums import ItemType, Role, Status
from csdesk.core.errors import KnownError
from csdesk.core.models import utcnow
from csdesk.core.rules import load_rules
from csdesk.core.sla import SlaClock
from csdesk.core.today import sla_clocks, today_report
from csdesk.core.workitems import ItemFilter, ItemRow
from csdesk.gui import messages
from csdesk.gui.board import Board
from csdesk.gui.dialogs import FollowUpDialog, TaskDialog
from csdesk.gui.forms.ui_tasks_view import Ui_TasksView
from csdesk.gui.table_model import Column, FormattedRowTableModel
from csdesk.gui.widgets import fill_combo, select_data, selected_row, setup_table

OVERDUE = "#b3261e"
STALE = "#9a6700"
RELOAD_AFTER_S = 30.0  # loaded rows (and their "now") are reused for this long at most
CLOCK_BATCH = 100  # SLA clocks computed at a time, around the rows shown

# (key, label) of the quick filters; the Today buckets reuse the Today report.
QUICK_FILTERS = (
    ("all", "Everything"),
    ("mine", "Assigned to me"),
    ("css", "Assigned to my CSS"),
    ("overdue", "Overdue"),
    ("stale", "Not followed up (48 h)"),
    ("escalation_due", "Escalation due"),
)


@dataclass
class _Loaded:
    """The rows of the current filters except the search words, and what was derived from them."""

    key: tuple[object, ...]
    version: tuple[int, object]
    at: float  # time.monotonic() when loaded
    rows: list[ItemRow]
    texts: list[str]  # workitems.search_text of each row
    search: str | None = None  # the words ``shown`` was filtered by
    shown: list[ItemRow] = field(default_factory=list)
    shown_at: list[int] = field(default_factory=list)  # the indexes in ``rows`` of ``shown``
    # per row: -1 not known yet, else 1 if overdue + 2 if not followed up
    marks: list[int] = field(default_factory=list)


class TasksView(QWidget):
    title = "Tasks & Tickets"

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load=False``: the main window fills the view when it is first shown."""
        super().__init__(parent)
        self.db = db
        self.ui = Ui_TasksView()
        self.ui.setupUi(self)
        ui = self.ui
        self.model: FormattedRowTableModel[ItemRow] = FormattedRowTableModel(
            [
                Column("Type", lambda r: r.item_type),
                Column("Key", lambda r: r.external_key),
                Column("Title", lambda r: r.title),
                Column("Account", lambda r: r.account),
                Column("Status", lambda r: r.status),
                Column("Priority", lambda r: r.priority),
                Column("Due", lambda r: r.due_at),
                Column(
                    "SLA",
                    self._sla_text,
                    tooltip="Business time left on the item's SLA clock (negative: over)",
                    prepared=True,
                ),
                Column("Assignees", lambda r: r.assignees),
            ],
            highlight=self._highlight,
            prepare=self._prepare_clocks,
        )
        ui.itemsTable.setModel(self.model)
        setup_table(ui.itemsTable, stretch_column=2)
        self.clocks: dict[int, SlaClock] = {}
        self._clocked: set[int] = set()  # ids whose clock was computed (absent: none runs)
        self._stale: dict[int, bool] = {}
        self._loaded: _Loaded | None = None
        self._board_stale = True
        for col, width in enumerate((62, 72, 220, 150, 170, 66, 122, 140, 140)):
            ui.itemsTable.setColumnWidth(col, width)
        self.board = Board()
        ui.boardArea.setWidget(self.board)
        fill_combo(
            ui.typeCombo,
            [(None, "Tasks and tickets"), (ItemType.TASK, "Tasks"), (ItemType.TICKET, "Tickets")],
        )
        fill_combo(ui.filterCombo, QUICK_FILTERS)
        self._fill_choices()
        ui.searchEdit.setClearButtonEnabled(True)
        # Typing filters the loaded rows at once (a few ms); only a search that
        # must first reload from the database waits for a pause in typing.
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self.refresh)
        ui.searchEdit.textChanged.connect(self._search_changed)
        for combo in (ui.typeCombo, ui.filterCombo, ui.accountCombo, ui.departmentCombo):
            combo.currentIndexChanged.connect(self.refresh)
        ui.openOnlyCheck.toggled.connect(self.refresh)
        ui.viewTabs.currentChanged.connect(self._fill_board_if_shown)
        ui.viewTabs.currentChanged.connect(self._update_buttons)
        ui.itemsTable.doubleClicked.connect(self.edit_item)
        ui.itemsTable.selectionModel().selectionChanged.connect(self._update_buttons)
        self.board.selection_changed.connect(self._update_buttons)
        self.board.open_requested.connect(self._open_id)
        self.board.move_requested.connect(self.move_item)
        self.move_menu = QMenu(self)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        ui.moveToButton.setMenu(self.move_menu)
        ui.newButton.clicked.connect(self.new_item)
        ui.editButton.clicked.connect(self.edit_item)
        ui.followUpButton.clicked.connect(self.follow_up)
        ui.openLinkButton.clicked.connect(self.open_link)
        ui.deleteButton.clicked.connect(self.delete_item)
        if load:
            self.refresh()

    def _fill_choices(self) -> None:
        ui = self.ui
        for combo, choices, label in (
            (ui.accountCombo, portfolio.account_choices(self.db), "All accounts"),
            (ui.departmentCombo, [(d.id, d.name) for d in directory.list_departments(self.db)], "All departments"),
        ):  # fmt: skip
            keep = combo.currentData()
            combo.blockSignals(True)
            fill_combo(combo, choices, label)
            select_data(combo, keep)
            combo.blockSignals(False)

    def _prepare_clocks(self, first: int, last: int) -> None:
        """Compute the SLA clocks of rows first..last (and their neighbours) not yet computed."""
        rows = self.model.rows
        if rows[first].id in self._clocked and rows[last].id in self._clocked:
            return
        if first == last:
            first, last = max(0, first - CLOCK_BATCH // 2), min(len(rows) - 1, last + CLOCK_BATCH)
        self._compute_clocks(rows[first : last + 1])

    def _compute_clocks(self, rows: list[ItemRow]) -> None:
        ids = [r.id for r in rows if r.id not in self._clocked and r.status.is_open]
        if ids:
            self.clocks.update(sla_clocks(self.db, ids, now=self._now, calendar=self._calendar))
        self._clocked.update(r.id for r in rows)

    def _clock(self, row: ItemRow) -> SlaClock | None:
        if row.id not in self._clocked:
            self._compute_clocks([row])
        return self.clocks.get(row.id)

    def _is_stale(self, row: ItemRow) -> bool:
        stale = self._stale.get(row.id)
        if stale is None:
            stale = self._stale[row.id] = row.is_stale(self._now, self._calendar, self._stale_days)
        return stale

    def _sla_text(self, row: ItemRow) -> str:
        c = self._clock(row)
        if c is None:
            return ""
        text = format_minutes(abs(c.minutes_left)) + (" left" if c.minutes_left >= 0 else " over")
        return text + (" (paused)" if c.paused else "")

    def _highlight(self, row: ItemRow) -> str | None:
        if row.is_overdue(self._now):
            return OVERDUE
        c = self._clock(row)
        if c is not None and c.breached:
            return OVERDUE
        if self._is_stale(row):
            return STALE
        return None

    def _filter_key(self) -> tuple[object, ...]:
        """The filters other than the search words, as the widgets show them."""
        ui = self.ui
        return (
            ui.filterCombo.currentData(),
            ui.openOnlyCheck.isChecked(),
            ui.typeCombo.currentData(),
            ui.accountCombo.currentData(),
            ui.departmentCombo.currentData(),
        )

    def current_filter(self) -> ItemFilter:
        ui = self.ui
        quick = ui.filterCombo.currentData()
        assignee = None
        only_ids: frozenset[int] | None = None
        if quick == "mine":
            assignee = directory.role_holder(self.db, Role.ME) or -1
        elif quick == "css":
            assignee = directory.role_holder(self.db, Role.CSS) or -1
        elif quick in ("overdue", "stale", "escalation_due"):
            report = today_report(self.db, now=self._now)
            only_ids = frozenset(e.item_id for e in report.buckets[quick])
        return ItemFilter(
            search=ui.searchEdit.text(),
            open_only=ui.openOnlyCheck.isChecked(),
            item_type=None
            if ui.typeCombo.currentData() is None
            else ItemType(ui.typeCombo.currentData()),
            account_id=ui.accountCombo.currentData(),
            department_id=ui.departmentCombo.currentData(),
            assignee_id=assignee,
            only_ids=only_ids,
        )

    def _search_changed(self) -> None:
        if self._loaded_current(self._filter_key(), workitems.data_version(self.db)):
            self._search_timer.stop()
            self.refresh()
        else:
            self._search_timer.start()

    def _loaded_current(self, key: tuple[object, ...], version: tuple[int, object]) -> bool:
        """Whether the loaded rows can be filtered for ``key`` without reloading."""
        loaded = self._loaded
        return (
            loaded is not None
            and loaded.key == key
            and loaded.version == version
            and time.monotonic() - loaded.at <= RELOAD_AFTER_S
        )

    def refresh(self) -> None:
        """Show the rows of the current filters and search words.

        Reloads from the database when a filter other than the search changed,
        the data changed, or the rows are older than RELOAD_AFTER_S; otherwise
        (typing in the search box) filters the loaded rows in memory.
        """
        search = self.ui.searchEdit.text()
        key = self._filter_key()
        version = workitems.data_version(self.db)
        loaded = self._loaded
        same_values = True
        if loaded is None or not self._loaded_current(key, version):
            loaded = self._load(key, version)
            same_values = False
        if loaded.search != search:
            among = (
                loaded.shown_at
                if loaded.search is not None and workitems.narrows(loaded.search, search)
                else None
            )
            loaded.shown_at = workitems.filter_indexes(loaded.rows, loaded.texts, search, among)
            loaded.shown = [loaded.rows[i] for i in loaded.shown_at]
            loaded.search = search
        rows = loaded.shown
        selected = selected_row(self.ui.itemsTable)
        kept = None if selected is None else self.model.row(selected).id
        self.model.set_rows(rows, same_values=same_values)
        if kept is not None:
            self._select_id(kept)
        self._board_stale = True
        self._fill_board_if_shown()
        overdue, stale = self._count_marks(loaded)
        self.ui.countLabel.setText(
            f"{len(rows)} shown · {overdue} overdue (red) · "
            f"{stale} {'ticket' if stale == 1 else 'tickets'} not followed up (amber)"
        )
        self._update_buttons()

    def _load(self, key: tuple[object, ...], version: tuple[int, object]) -> _Loaded:
        self._now = utcnow()
        self._calendar = load_calendar(self.db)
        self._stale_days = load_rules(self.db).stale_after_days
        self._fill_choices()
        key = self._filter_key()  # the combos may have lost a deleted account
        f = self.current_filter()
        rows = workitems.list_items(
            self.db,
            where=ItemFilter(
                "", f.open_only, f.item_type, f.account_id, f.department_id,
                f.assignee_id, f.only_ids,
            ),
        )  # fmt: skip
        self.clocks, self._clocked, self._stale = {}, set(), {}
        self._loaded = _Loaded(
            key, version, time.monotonic(), rows,
            [workitems.search_text(r) for r in rows], marks=[-1] * len(rows),
        )  # fmt: skip
        return self._loaded

    def _count_marks(self, loaded: _Loaded) -> tuple[int, int]:
        """(overdue, not followed up) among the rows shown; each row is tested once per load."""
        marks = loaded.marks
        for i in loaded.shown_at:
            if marks[i] < 0:
                row = loaded.rows[i]
                marks[i] = row.is_overdue(self._now) + 2 * self._is_stale(row)
        shown = [marks[i] for i in loaded.shown_at]
        both = shown.count(3)
        return shown.count(1) + both, shown.count(2) + both

    def _select_id(self, item_id: int) -> None:
        """Select the table row of ``item_id`` if shown, without scrolling to it."""
        i = next((i for i, r in enumerate(self.model.rows) if r.id == item_id), None)
        if i is None:
            return
        table = self.ui.itemsTable
        auto_scroll = table.hasAutoScroll()
        table.setAutoScroll(False)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        table.selectionModel().setCurrentIndex(self.model.index(i, 0), flags)
        table.setAutoScroll(auto_scroll)

    def _fill_board_if_shown(self, *_: object) -> None:
        if self._board_stale and self.showing_board() and self._loaded is not None:
            self.board.set_rows(self._loaded.shown, show_done=not self.ui.openOnlyCheck.isChecked())
            self._board_stale = False

    def showing_board(self) -> bool:
        return self.ui.viewTabs.currentIndex() == 1

    def _update_buttons(self, *_: object) -> None:
        row = self.selected_item()
        for button in (self.ui.editButton, self.ui.deleteButton, self.ui.moveToButton):
            button.setEnabled(row is not None)
        self.ui.followUpButton.setEnabled(row is not None and row.status.is_open)
        self.ui.openLinkButton.setEnabled(row is not None and bool(row.external_url))

    def selected_item(self) -> ItemRow | None:
        if self.showing_board():
            item_id = self.board.selected_id()
            return next((r for r in self.model.rows if r.id == item_id), None)
        i = selected_row(self.ui.itemsTable)
        return None if i is None else self.model.row(i)

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        row = self.selected_item()
        if row is None:
            return
        for status in workflow.allowed_targets(row.item_type, row.status):
            action = QAction(status.label, self.move_menu)
            action.triggered.connect(lambda _=False, s=status, i=row.id: self.move_item(i, s))
            self.move_menu.addAction(action)

    def move_item(self, item_id: int, status: Status) -> bool:
        """Board moves and the Move-to menu go through the state machine; refusals are explained."""
        try:
            workflow.change_status(self.db, item_id, status)
        except KnownError as exc:
            messages.error(self, "This move is not allowed", exc.message)
            return False
        self.refresh()
        self.board.select(item_id)
        return True

    def new_item(self) -> None:
        dialog = TaskDialog(self.db, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _open_id(self, item_id: int) -> None:
        dialog = TaskDialog(self.db, item_id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_item(self, *_: object) -> None:
        row = self.selected_item()
        if row is not None:
            self._open_id(row.id)

    def open_link(self) -> None:
        """R5: open the Teamwork task or Jira ticket in the browser."""
        row = self.selected_item()
        if row is None or not row.external_url:
            return
        if not QDesktopServices.openUrl(QUrl(row.external_url)):
            messages.error(
                self, "Cannot open the link", f"No browser could open {row.external_url}."
            )

    def follow_up(self) -> None:
        row = self.selected_item()
        if row is None:
            return
        dialog = FollowUpDialog(self.db, row.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_item(self) -> None:
        row = self.selected_item()
        if row is None:
            return
        if not messages.confirm(
            self,
            "Delete",
            f"Delete “{row.title}” and its history? This cannot be undone.",
            "Delete",
        ):
            return
        try:
            workitems.delete_item(self.db, row.id)
        except KnownError as exc:
            messages.show_known(self, exc)
        self.refresh()
