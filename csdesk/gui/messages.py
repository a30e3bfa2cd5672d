"""The one way csdesk tells the user things: messages, questions, known errors, crashes.

Known errors (csdesk.core.errors.KnownError) are shown in plain words; any
other exception is a bug and opens the crash dialog with a report to copy.
Tests replace ``confirm``/``choose`` through monkeypatch, so views call them
as ``messages.confirm(...)``.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from csdesk import __version__
from csdesk.core.errors import KnownError

log = logging.getLogger(__name__)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, ok_label: str = "OK") -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent
    )
    ok = box.addButton(ok_label, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def choose(parent: QWidget | None, title: str, label: str, options: list[str]) -> str | None:
    """Pick one of ``options``; None when cancelled."""
    if not options:
        return None
    text, ok = QInputDialog.getItem(parent, title, label, options, 0, False)
    return text if ok else None


def show_known(parent: QWidget | None, exc: KnownError) -> None:
    error(parent, exc.title, exc.message)


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    lines = "".join(traceback.format_exception(exc_type, exc, tb))
    return (
        f"csdesk {__version__} on Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}\n\n{lines}"
    )


class CrashDialog(QDialog):
    """Shown for a bug: says so plainly and offers the report to copy."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("csdesk ran into a bug")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        label = QLabel(
            "Something went wrong inside csdesk. Your saved data is safe: every change is "
            "saved when you press Save. Please copy this report and send it to the developers."
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy report")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter copies the report: Close, first in the focus chain, must not take over
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText("Copied")


def install_excepthook() -> None:
    """Route uncaught exceptions: known ones to a message, bugs to the crash dialog."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, KnownError):
            log.warning("%s", exc.message)
            show_known(QApplication.activeWindow(), exc)
            return
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = crash_report(exc_type, exc, tb)
        log.error("uncaught exception\n%s", report)
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        dialog = CrashDialog(report, QApplication.activeWindow())
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()

    sys.excepthook = hook
