"""A read-only Qt table model over plain row objects (dataclasses), never ORM sessions.

Columns are described once; the model formats on demand (``data``) so
setting 20,000 rows costs a list assignment, not 20,000 x columns strings.
:class:`FormattedRowTableModel` also formats each row only once, when it is
first painted, for tables repainted often (e.g. filtered as the user types).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
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
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The roles QStyledItemDelegate asks for at once (multiData) to paint a cell, in its order.
_PAINT_ROLES = (
    int(Qt.ItemDataRole.FontRole), _ALIGN, _FOREGROUND, int(Qt.ItemDataRole.CheckStateRole),
    int(Qt.ItemDataRole.DecorationRole), _DISPLAY, int(Qt.ItemDataRole.BackgroundRole),
)  # fmt: skip
_ALIGN_AT, _COLOUR_AT, _TEXT_AT = (_PAINT_ROLES.index(r) for r in (_ALIGN, _FOREGROUND, _DISPLAY))
_UNUSED_AT = tuple(
    k for k in range(len(_PAINT_ROLES)) if k not in (_ALIGN_AT, _COLOUR_AT, _TEXT_AT)
)


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

    def set_rows(self, rows: Sequence[R], *, same_values: bool = False) -> None:
        """Replace the rows, keeping the user's sort order if they chose one.

        ``same_values``: the rows shown before that are shown again did not
        change (e.g. the new rows are some of the old ones).
        """
        self.beginResetModel()
        self.rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self._rows_changed(same_values)
        self.endResetModel()

    def _rows_changed(self, same_values: bool) -> None:
        """Called when ``rows`` were replaced or reordered, before the views hear of it."""

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
        self._rows_changed(True)
        self.layoutChanged.emit()


CACHE_LIMIT = 20_000  # formatted rows kept over ``set_rows`` at most


class FormattedRowTableModel(RowTableModel[R]):
    """A :class:`RowTableModel` that formats a row once, the first time it is painted.

    The texts and the colour of a row are kept until ``set_rows`` is called
    without ``same_values``: the columns and ``highlight`` must give the same
    answers for a row until then. Painting a cell is then one call into Python
    (``multiData``, what QStyledItemDelegate asks), not one per role.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        highlight: Callable[[R], str | None] | None = None,
        parent: Any = None,
        prepare: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__(columns, highlight, parent, prepare)
        # Per row index: its display texts, then its foreground brush (None:
        # not formatted yet); and the same by id(row), with the row itself so
        # that its id is not reused, to carry them over ``set_rows``.
        self._formatted: list[tuple[Any, ...] | None] = []
        self._by_id: dict[int, tuple[R, tuple[Any, ...]]] = {}

    def _rows_changed(self, same_values: bool) -> None:
        if not same_values or len(self._by_id) > CACHE_LIMIT:
            self._by_id.clear()
        self._formatted = [None] * len(self.rows)

    def _format(self, i: int) -> tuple[Any, ...]:
        row = self.rows[i]
        known = self._by_id.get(id(row))
        if known is not None and known[0] is row:
            entry = known[1]
        else:
            if self.prepare is not None:
                self.prepare(i, i)
            colour = self.highlight(row) if self.highlight is not None else None
            entry = (
                *(display(c.value(row)) for c in self.columns),
                _brush(colour) if colour else None,
            )
            self._by_id[id(row)] = (row, entry)
        self._formatted[i] = entry
        return entry

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        i = index.row()
        if i < 0:  # an invalid index
            return None
        if role == _DISPLAY:
            return (self._formatted[i] or self._format(i))[index.column()]
        if role == _FOREGROUND:
            return (self._formatted[i] or self._format(i))[-1]
        if role == _ALIGN:
            return _RIGHT if self.columns[index.column()].align_right else None
        if role == _TOOLTIP:
            text: str = (self._formatted[i] or self._format(i))[index.column()]
            return text if len(text) > 30 else None
        if role == _SORT:
            return super().data(index, role)
        return None

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles of a cell at once; QStyledItemDelegate asks for ``_PAINT_ROLES``.

        The delegate reuses its span from cell to cell, and only this method
        fills it: the text, colour and alignment are set for every cell, the
        other roles (never given a value here) stay empty.
        """
        span: Any = roleDataSpan  # the stubs lack its len() and [], which PySide6 has
        i = index.row()
        if i >= 0 and type(roleDataSpan) is QModelRoleDataSpan and len(span) == len(_PAINT_ROLES):
            text, colour, align = span[_TEXT_AT], span[_COLOUR_AT], span[_ALIGN_AT]
            if text.role() == _DISPLAY and colour.role() == _FOREGROUND and align.role() == _ALIGN:
                entry = self._formatted[i] or self._format(i)
                column = index.column()
                text.setData(entry[column])
                colour.setData(entry[-1])
                align.setData(_RIGHT if self.columns[column].align_right else None)
                return
        parts = [span] if isinstance(span, QModelRoleData) else [span[k] for k in range(len(span))]
        for part in parts:
            part.setData(self.data(index, part.role()))
