"""Small helpers the forms share: combos holding ids, checkable lists, table set-up."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableView,
)

NONE_LABEL = "— none —"


def fill_combo(
    combo: QComboBox, choices: Iterable[tuple[Any, str]], none_label: str | None = None
) -> None:
    """Fill a combo with (data, text) pairs; ``none_label`` adds a first entry holding None."""
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, None)
    for data, text in choices:
        combo.addItem(text, data)


def select_data(combo: QComboBox, data: Any) -> None:
    i = combo.findData(data)
    combo.setCurrentIndex(max(i, 0))


def fill_checklist(
    widget: QListWidget, choices: Iterable[tuple[Any, str]], checked: Iterable[Any] = ()
) -> None:
    ticked = set(checked)
    widget.clear()
    for data, text in choices:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if data in ticked else Qt.CheckState.Unchecked)
        widget.addItem(item)


def checked_data(widget: QListWidget) -> list[Any]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def set_checked(widget: QListWidget, data: Sequence[Any], on: bool = True) -> None:
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    for i in range(widget.count()):
        if widget.item(i).data(Qt.ItemDataRole.UserRole) in data:
            widget.item(i).setCheckState(state)


def setup_table(view: QTableView, stretch_column: int | None = None) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # No sort arrow until the user clicks a header: rows come in the core's own order.
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_column is None)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else None
