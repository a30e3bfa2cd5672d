"""The Qt binding itself must not corrupt the interpreter.

PySide6-Essentials 6.12.0 drops one reference to ``None`` on every Qt call that
returns nothing; on Python 3.11 (where None is not immortal) a long session or a
large Tasks board then aborts with "Fatal Python error: none_dealloc". That
version is excluded in pyproject.toml; this test catches a binding that does it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setToolTip("x")
        label.setText("y")
    after = sys.getrefcount(None)
    assert after - before > -100, f"None lost {before - after} references in 4,000 Qt calls"
