"""A read-only Qt table model over plain row objects (dataclasses), never ORM sessions.

Columns are described once; the model formats on demand (``data``) so
setting 20,000 rows costs a list assignment, not 20,000 x columns strings.
"""

from __future__ import annotations

import datetime as dt
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


class RowTableModel(QAbstractTableModel, Generic[R]):
    SortRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        columns: Sequence[Column[R]],
        highlight: Callable[[R], str | None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        self.highlight = highlight
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
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(col.value(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = display(col.value(row))
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.highlight is not None:
            colour = self.highlight(row)
            return QBrush(QColor(colour)) if colour else None
        if role == self.SortRole:
            return sort_key(col.value(row))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(*self._sort)
        self.layoutChanged.emit()
