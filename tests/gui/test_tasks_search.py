"""Tasks & Tickets search as you type: narrowing, formatting once per row, selection kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from csdesk.core import workitems
from csdesk.core.db import Database
from csdesk.core.demo import build_demo
from csdesk.core.enums import Status
from csdesk.gui.table_model import RowTableModel
from csdesk.gui.views.tasks import TasksView
from csdesk.gui.widgets import selected_row

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.CheckStateRole,
    RowTableModel.SortRole,
)


@pytest.fixture
def view(qtbot: QtBot, db: Database) -> TasksView:
    build_demo(db)
    view = TasksView(db)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def search(view: TasksView, text: str) -> None:
    view.ui.searchEdit.setText(text)
    view.refresh()


def typed(text: str) -> list[str]:
    return [text[:n] for n in range(1, len(text) + 1)]


def shown_ids(view: TasksView) -> list[int]:
    return [r.id for r in view.model.rows]


def expected_ids(db: Database, text: str) -> list[int]:
    return [r.id for r in workitems.list_items(db, search=text, open_only=True)]


def rename(db: Database, item_id: int, title: str) -> None:
    """Change an item's title as another window would (through the core)."""
    item = workitems.get_item(db, item_id)
    workitems.save_item(
        db,
        workitems.ItemInput(
            title,
            item_type=item.item_type,
            account_id=item.account_id,
            status=Status(item.status),
            due_at=item.due_at,
            assignee_ids=[a.id for a in item.assignees],
            id=item.id,
        ),
    )


def assert_cells_as_computed_afresh(view: TasksView) -> None:
    """Every cell and role (and what the delegate paints) as the plain model formats it."""
    model = view.model
    table = view.ui.itemsTable
    delegate = table.itemDelegate()
    palette = table.palette()
    plain = palette.brush(QPalette.ColorRole.Text)
    plain_align = QStyleOptionViewItem().displayAlignment
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            for role in ROLES:
                assert model.data(index, role) == RowTableModel.data(model, index, role), (
                    row,
                    col,
                    role,
                )
            # what painting asks (multiData), cell after cell: nothing left from the cell before
            option = QStyleOptionViewItem()
            option.palette = palette
            delegate.initStyleOption(option, index)
            assert option.text == RowTableModel.data(model, index, Qt.ItemDataRole.DisplayRole)
            brush = RowTableModel.data(model, index, Qt.ItemDataRole.ForegroundRole)
            assert option.palette.brush(QPalette.ColorRole.Text) == (brush or plain), (row, col)
            align = RowTableModel.data(model, index, Qt.ItemDataRole.TextAlignmentRole)
            assert option.displayAlignment == (plain_align if align is None else align)
    assert model.data(QModelIndex(), Qt.ItemDataRole.DisplayRole) is None
    if model.rowCount():  # multiData asked for other roles than the delegate's
        for role in ROLES:
            one = QModelRoleData(role)
            model.multiData(model.index(0, 2), one)
            assert one.data() == RowTableModel.data(model, model.index(0, 2), role)


def test_each_keystroke_shows_the_sql_rows(
    view: TasksView, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    among: list[bool] = []
    original = workitems.filter_indexes

    def spy(*args: object) -> list[int]:
        among.append(args[3] is not None)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(workitems, "filter_indexes", spy)
    for text in [*typed("new page"), "new pag", "new", "ne", "", *typed("the a"), "ne_"]:
        search(view, text)
        assert shown_ids(view) == expected_ids(db, text), text
    # typing on narrowed the rows already shown; deleting looked at all the rows again
    assert among[:8] == [True] * 8
    assert among[8:12] == [False] * 4


def test_cells_colours_and_clocks_are_formatted_as_before(view: TasksView) -> None:
    for text in ("", "the", "the a", "new", "n"):
        search(view, text)
        view.ui.itemsTable.viewport().repaint()  # formats the rows painted
        assert_cells_as_computed_afresh(view)
    clocks = [i for i, r in enumerate(view.model.rows) if view.model.data(view.model.index(i, 7))]
    assert clocks, "the demo has SLA clocks running"
    reds = [
        r
        for r in range(view.model.rowCount())
        if view.model.data(view.model.index(r, 0), Qt.ItemDataRole.ForegroundRole) is not None
    ]
    assert reds, "the demo has overdue or not followed up rows"
    # sorted by the SLA column, typing keeps that order and the same cells
    view.ui.itemsTable.sortByColumn(7, Qt.SortOrder.DescendingOrder)
    for text in ("t", "th", "the"):
        search(view, text)
        keys = [RowTableModel.data(view.model, view.model.index(i, 7), RowTableModel.SortRole)
                for i in range(view.model.rowCount())]  # fmt: skip
        assert keys == sorted(keys, reverse=True)
        assert_cells_as_computed_afresh(view)


def test_counts_follow_the_rows_shown(view: TasksView) -> None:
    for text in ("", "the", "the a", "zzz"):
        search(view, text)
        rows = view.model.rows
        overdue = sum(r.is_overdue(view._now) for r in rows)
        stale = sum(r.is_stale(view._now, view._calendar, view._stale_days) for r in rows)
        tickets = "ticket" if stale == 1 else "tickets"
        assert view.ui.countLabel.text() == (
            f"{len(rows)} shown · {overdue} overdue (red) · {stale} {tickets} not followed up (amber)"
        )


def test_one_stale_ticket_is_said_in_the_singular(view: TasksView) -> None:
    search(view, "")
    stale = [
        i for i, r in enumerate(view.model.rows)
        if r.is_stale(view._now, view._calendar, view._stale_days)
    ]  # fmt: skip
    assert stale, "the demo has tickets not followed up"
    one = view.model.rows[stale[0]]
    assert one.external_key  # only tickets go stale
    search(view, one.external_key)
    assert [r.id for r in view.model.rows] == [one.id]
    assert view.ui.countLabel.text().endswith("· 1 ticket not followed up (amber)")


def test_selection_is_kept_while_the_row_is_shown(view: TasksView) -> None:
    search(view, "")
    table = view.ui.itemsTable
    target = next(i for i, r in enumerate(view.model.rows) if r.title.lower().startswith("new"))
    item_id = view.model.rows[target].id
    table.selectRow(target)
    scrolled = table.verticalScrollBar().value()
    for text in typed("new"):
        search(view, text)
        row = view.selected_item()
        assert row is not None and row.id == item_id, text
        assert selected_row(table) == shown_ids(view).index(item_id)
        assert view.ui.editButton.isEnabled()
        assert table.verticalScrollBar().value() <= scrolled
    search(view, "zzz nothing")
    assert view.selected_item() is None
    assert not view.ui.editButton.isEnabled()


def test_a_change_shows_at_the_next_keystroke(view: TasksView, db: Database) -> None:
    search(view, "new")
    view.ui.itemsTable.viewport().repaint()
    first = view.model.rows[0]
    rename(db, first.id, "New title typed elsewhere")
    search(view, "new ")
    index = view.model.index(shown_ids(view).index(first.id), 2)
    assert view.model.data(index) == "New title typed elsewhere"
    assert shown_ids(view) == expected_ids(db, "new ")


def test_typing_filters_at_once_and_waits_only_to_reload(
    qtbot: QtBot, view: TasksView, db: Database
) -> None:
    """A keystroke filters the loaded rows before the key event returns; no debounce.

    Only when the rows must first be read again (the data changed) does the box
    wait for a pause in typing, so a burst of keys reloads once.
    """
    edit = view.ui.searchEdit
    for text in typed("report"):
        qtbot.keyClick(edit, text[-1])
        assert not view._search_timer.isActive()
        assert shown_ids(view) == expected_ids(db, text), text
    before = shown_ids(view)
    rename(db, before[0], "Quarterly report, renamed elsewhere")
    assert expected_ids(db, "report q") not in ([], before)
    qtbot.keyClicks(edit, " q")
    assert view._search_timer.isActive()  # reload after the pause, not per key
    assert shown_ids(view) == before
    qtbot.waitUntil(lambda: shown_ids(view) == expected_ids(db, "report q"))
    assert not view._search_timer.isActive()
