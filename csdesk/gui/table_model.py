"""A read-only Qt table model over plain row objects (dataclasses), never ORM sessions.

Columns are described once; the model formats on demand (``data``) so
setting 20,000 rows costs a list assignment, not 20,000 x columns strings.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    value: Callable[[R], Any]
    align_right: bool = False
    tooltip: str = ""
    prepared: bool = False  # its value needs the model's ``prepare`` call first


def display(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "label"):
        return str(value.label)
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.0%}"
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def sort_key(value: Any) -> Any:
    """A value QSortFilterProxyModel-free sorting can compare: None sorts first."""
    if value is None:
        return (0, "")
    if hasattr(value, "label"):
        return (1, str(value.label))
    if isinstance(value, dt.datetime | dt.date):
        return (1, value.isoformat())
    return (1, value)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SORT = int(Qt.ItemDataRole.UserRole) + 1
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _SORT})


@functools.cache
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


class RowTableModel(QAbstractTableModel, Generic[R]):
    SortRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        columns: Sequence[Column[R]],
        highlight: Callable[[R], str | None] | None = None,
        parent: Any = None,
        prepare: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        self.highlight = highlight
        # Called with a range of row indexes (first, last) before they are
        # formatted, so that a view can compute costly values (e.g. SLA clocks)
        # lazily, for the rows actually shown.
        self.prepare = prepare
        self._sort: tuple[int, bool] | None = None  # (column, descending) the user chose

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace the rows, keeping the user's sort order if they chose one."""
        self.beginResetModel()
        self.rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def _sort_rows(self, column: int, descending: bool) -> None:
        col = self.columns[column]
        if col.prepared and self.prepare is not None and self.rows:
            self.prepare(0, len(self.rows) - 1)
        self.rows.sort(key=lambda r: sort_key(col.value(r)), reverse=descending)

    def row(self, index: int) -> R:
        return self.rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].tooltip:
                return self.columns[section].tooltip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks for many roles per cell: answer the unused ones at once.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        if self.prepare is not None:
            self.prepare(index.row(), index.row())
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == _DISPLAY:
            return display(col.value(row))
        if role == _TOOLTIP:
            text = display(col.value(row))
            return text if len(text) > 30 else None
        if role == _ALIGN:
            if col.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == _FOREGROUND:
            if self.highlight is None:
                return None
            colour = self.highlight(row)
            return _brush(colour) if colour else None
        return sort_key(col.value(row))  # SortRole

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(*self._sort)
        self.layoutChanged.emit()
