"""csdesk's look: Fusion, a calm palette, and a style sheet on the few widgets that need one.

There is deliberately no application-wide style sheet. With one, Qt draws every
widget through its style-sheet engine, and a table whose rows change repaints
its tab page, tab widget and frame under it: the Tasks table took ~20% longer
to repaint, which counts on every keystroke in its search box. Instead:

- the colours that windows and tables share come from palettes (the window
  background for the application; base, alternate rows, selection and grid
  for each table);
- ``resources/style.qss`` is set on each widget that needs more than colours
  (the navigation, headings, error messages, group boxes, table headers, text
  browsers and inputs) when Qt first polishes it, through :class:`Style`.
  A widget's own sheet also reaches its children, so a table inside a group
  box keeps the old engine; the main views' tables are not inside one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QProxyStyle, QWidget

from csdesk.paths import resource

WINDOW = "#f6f7f9"
STATUS_TEXT = "#4a5a6a"
# A table's palette, by QPalette.ColorRole name. Its grid is Fusion's window colour of
# the table, darker(120): white gives #d5d5d5.
TABLE_COLOURS = {
    "Base": "#ffffff",
    "AlternateBase": "#f3f6fa",
    "Highlight": "#cfe3f7",
    "HighlightedText": "#10202f",
    "Window": "#ffffff",
}
# Widgets that get resources/style.qss, by object name and by Qt class name (asked with
# QObject.inherits, so that no PySide6 class is built for it before the first paint).
SHEET_NAMES = frozenset({"nav", "headingLabel", "errorLabel"})
SHEET_CLASSES = (
    "QGroupBox",
    "QHeaderView",
    "QTextBrowser",
    "QLineEdit",
    "QPlainTextEdit",
    "QComboBox",
    "QSpinBox",
    "QDateTimeEdit",
)


@cache
def sheet() -> str:
    return resource("style.qss").read_text(encoding="utf-8")


def wants_sheet(widget: QWidget) -> bool:
    if widget.objectName() in SHEET_NAMES:
        return True
    if widget.inherits("QLineEdit"):
        # the editor inside a spin or combo box: its own sheet would pad it twice
        parent = widget.parent()
        return parent is None or not (
            parent.inherits("QAbstractSpinBox") or parent.inherits("QComboBox")
        )
    return any(widget.inherits(name) for name in SHEET_CLASSES)


def table_palette(base: QPalette) -> QPalette:
    palette = QPalette(base)
    for role, colour in TABLE_COLOURS.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def window_palette(base: QPalette) -> QPalette:
    palette = QPalette(base)
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    return palette


class Style(QProxyStyle):
    """Fusion, plus csdesk's palette and per-widget sheets given as Qt polishes each widget."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def polish(self, arg: Any) -> Any:  # QStyle.polish is overloaded: widget, palette, app
        if isinstance(arg, QWidget):
            self._dress(arg)
        return super().polish(arg)

    @staticmethod
    def _dress(widget: QWidget) -> None:
        # A widget given a sheet is polished again by the sheet's engine, which
        # asks this style too: the comparisons keep that from looping.
        if wants_sheet(widget):
            text = sheet()
            if widget.styleSheet() != text:
                widget.setStyleSheet(text)
        if widget.inherits("QTableView") and not widget.property("csdeskDressed"):
            widget.setProperty("csdeskDressed", True)
            widget.setPalette(table_palette(widget.palette()))
        elif widget.inherits("QStatusBar") and not widget.property("csdeskDressed"):
            widget.setProperty("csdeskDressed", True)
            palette = widget.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(STATUS_TEXT))
            widget.setPalette(palette)


def apply(app: Any) -> None:
    """Give ``app`` (a QApplication) csdesk's style and window palette."""
    app.setStyle(Style())
    app.setPalette(window_palette(app.style().standardPalette()))
