"""csdesk's look without an application-wide style sheet (csdesk.gui.style)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from csdesk.gui import style


def test_polish_dresses_the_widgets_that_need_it(qtbot: QtBot, qapp: QApplication) -> None:
    old_style, old_palette, old_sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    style.apply(qapp)
    try:
        assert qapp.styleSheet() == ""  # none for the whole application
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == style.WINDOW
        root = QWidget()
        qtbot.addWidget(root)
        layout = QVBoxLayout(root)
        heading, plain = QLabel("Today"), QLabel("text")
        heading.setObjectName("headingLabel")
        table, box, edit = QTableView(), QGroupBox("People"), QLineEdit()
        spin, double = QSpinBox(), QDoubleSpinBox()
        for w in (heading, plain, table, box, edit, spin, double):
            layout.addWidget(w)
        root.show()
        qtbot.waitExposed(root)
        text = style.sheet()
        assert "QLabel#headingLabel" in text
        for w in (heading, box, edit, spin, table.horizontalHeader()):
            assert w.styleSheet() == text, w
        # plain widgets, tables and the editor inside a spin box are drawn by Fusion itself
        for w in (plain, table, double, double.findChild(QLineEdit), spin.findChild(QLineEdit)):
            assert w.styleSheet() == "", w
        colours = table.palette()
        for role, colour in style.TABLE_COLOURS.items():
            assert colours.color(getattr(QPalette.ColorRole, role)).name() == colour, role
    finally:
        qapp.setStyleSheet(old_sheet)
        qapp.setStyle(old_style)
        qapp.setPalette(old_palette)
