"""The board: one column per status; moving a card goes through the state machine.

Cards move by drag and drop, or from the keyboard (Ctrl+Right / Ctrl+Left to
the next or previous column, or the view's "Move to" menu). Every move calls
``move_requested(item_id, status)``; the view asks the core, which refuses an
illegal move with a reason, and the board is redrawn from the database, so a
refused card simply stays where it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDropEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csdesk.core.enums import Status
from csdesk.core.models import utcnow
from csdesk.core.workitems import ItemRow

COLUMNS: tuple[Status, ...] = (
    Status.OPEN,
    Status.IN_PROGRESS,
    Status.WAITING_FOR_SUPPORT,
    Status.WAITING_FOR_CUSTOMER,
    Status.WAITING_FOR_ACCOUNT_MANAGER,
    Status.WAITING_FOR_MANAGEMENT,
    Status.DONE,
)
MIME = "application/x-csdesk-item-id"
ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE = QColor("#b3261e")


class BoardColumn(QListWidget):
    """A status column. Drops are turned into move requests, never moved by Qt itself."""

    dropped = Signal(int, object)  # item id, target Status
    step = Signal(int, int)  # item id, +1 / -1 column

    def __init__(self, status: Status, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName(f"column_{status.value}")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(3)
        self.setMinimumWidth(160)

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME, str(items[0].data(ID_ROLE)).encode())
        return data

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(MIME):
            item_id = int(bytes(mime.data(MIME).data()).decode())
            event.setDropAction(Qt.DropAction.IgnoreAction)
            event.accept()
            self.dropped.emit(item_id, self.status)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentItem()
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if current is not None and ctrl and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.step.emit(int(current.data(ID_ROLE)), 1 if event.key() == Qt.Key.Key_Right else -1)
            return
        super().keyPressEvent(event)


class Board(QWidget):
    move_requested = Signal(int, object)  # item id, target Status
    open_requested = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.columns: dict[Status, BoardColumn] = {}
        self.headers: dict[Status, QLabel] = {}
        for status in COLUMNS:
            box = QVBoxLayout()
            header = QLabel(status.label)
            header.setObjectName("boardHeader")
            column = BoardColumn(status)
            column.dropped.connect(self.move_requested)
            column.step.connect(self._step)
            column.itemDoubleClicked.connect(
                lambda it: self.open_requested.emit(int(it.data(ID_ROLE)))
            )
            column.itemSelectionChanged.connect(self._selected_in(column))
            box.addWidget(header)
            box.addWidget(column)
            layout.addLayout(box)
            self.columns[status] = column
            self.headers[status] = header
        self._rows: dict[int, ItemRow] = {}
        # Card heights by (column, width, text): typing in the search box refills
        # the board with mostly the same cards; measuring wrapped text is costly.
        self._sizes: dict[tuple[Status, int, str], QSize] = {}

    def _selected_in(self, column: BoardColumn):  # type: ignore[no-untyped-def]
        def changed() -> None:
            if column.selectedItems():
                for other in self.columns.values():
                    if other is not column:
                        other.blockSignals(True)
                        other.clearSelection()
                        other.blockSignals(False)
            self.selection_changed.emit()

        return changed

    def set_rows(self, rows: Sequence[ItemRow], show_done: bool = True) -> None:
        """Show ``rows`` as cards; the Done column only when closed items are listed."""
        keep = self.selected_id()
        self.columns[Status.DONE].setVisible(show_done)
        self.headers[Status.DONE].setVisible(show_done)
        now = utcnow()
        self._rows = {r.id: r for r in rows}
        by_status: dict[Status, list[ItemRow]] = {s: [] for s in COLUMNS}
        for r in rows:
            by_status.get(r.status, by_status[Status.DONE]).append(r)
        for status, column in self.columns.items():
            column.clear()
            for r in by_status[status]:
                lines = [f"{r.external_key + ' · ' if r.external_key else ''}{r.title}"]
                meta = " · ".join(
                    p
                    for p in (r.account, f"due {r.due_at.astimezone():%d %b}" if r.due_at else "")
                    if p
                )
                if meta:
                    lines.append(meta)
                card = QListWidgetItem("\n".join(lines))
                card.setData(ID_ROLE, r.id)
                card.setToolTip(
                    f"{r.item_type.label}: {r.title}\n{r.priority.label} priority\n{r.assignees}"
                )
                if r.is_overdue(now):
                    card.setForeground(OVERDUE)
                card.setSizeHint(self._cached_size(status, column, card.text()))
                column.addItem(card)
                if r.id == keep:
                    column.setCurrentItem(card)
            self.headers[status].setText(f"{status.label} ({len(by_status[status])})")

    def _cached_size(self, status: Status, column: BoardColumn, text: str) -> QSize:
        width = max(column.width(), column.minimumWidth())
        key = (status, width - column.verticalScrollBar().sizeHint().width(), text)
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 50_000:
                self._sizes.clear()
            size = self._sizes[key] = self._card_size(column, text)
        return size

    @staticmethod
    def _card_size(column: BoardColumn, text: str) -> QSize:
        """Wrapped text height for the column's width, leaving room for a scroll bar.

        QListWidget measures wrapped items before it knows whether a scroll bar
        will take part of the width, and then elides; measuring here avoids that.
        """
        scroll = column.verticalScrollBar().sizeHint().width()
        width = max(column.width(), column.minimumWidth()) - scroll - 16
        rect = column.fontMetrics().boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(width, rect.height() + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for column in self.columns.values():
            for i in range(column.count()):
                card = column.item(i)
                card.setSizeHint(self._card_size(column, card.text()))

    def selected_id(self) -> int | None:
        for column in self.columns.values():
            items = column.selectedItems()
            if items:
                return int(items[0].data(ID_ROLE))
        return None

    def select(self, item_id: int) -> None:
        for column in self.columns.values():
            for i in range(column.count()):
                if column.item(i).data(ID_ROLE) == item_id:
                    column.setCurrentRow(i)
                    column.setFocus()
                    return

    def _step(self, item_id: int, delta: int) -> None:
        row = self._rows.get(item_id)
        if row is None or row.status not in COLUMNS:
            return
        index = COLUMNS.index(row.status) + delta
        if 0 <= index < len(COLUMNS):
            self.move_requested.emit(item_id, COLUMNS[index])
