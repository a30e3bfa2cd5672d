"""A damaged database at start-up: say so, and offer the newest backup.

The damaged file is never overwritten. Choosing the backup renames the damaged
file aside (kept, unchanged, for a later rescue) and puts a copy of the backup
in its place (:func:`csdesk.core.db.restore_backup`); the backup itself stays
in the backups folder.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from csdesk.core.db import restore_backup
from csdesk.core.errors import DamagedDatabaseError
from csdesk.gui import messages


class DamagedDatabaseDialog(QMessageBox):
    """What happened, where the backups are, and three ways on."""

    def __init__(self, exc: DamagedDatabaseError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert exc.path is not None and exc.backup is not None
        self.exc = exc
        self.path: Path = exc.path
        self.backup: Path = exc.backup
        taken = dt.datetime.fromtimestamp(self.backup.stat().st_mtime)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(exc.title)
        self.setText(
            f"<b>The csdesk database is damaged and cannot be opened.</b><br><br>"
            f"File: {_html(self.path)}<br>csdesk has not changed it."
        )
        self.setInformativeText(
            f"The newest backup was taken on {taken:%A %d %B %Y at %H:%M}:<br>"
            f"{_html(self.backup)}<br><br>"
            "<b>Use this backup</b> keeps the damaged file under a new name (nothing in it "
            "is lost) and opens a copy of the backup. Changes made since the backup are not "
            "in it."
        )
        self.setDetailedText(exc.message)
        self.use_button: QPushButton = self.addButton(
            "Use this backup", QMessageBox.ButtonRole.AcceptRole
        )
        self.folder_button: QPushButton = self.addButton(
            "Show the backups folder", QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button: QPushButton = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> str:
        """After exec(): "use", "folder" or "quit"."""
        clicked = self.clickedButton()
        if clicked is self.use_button:
            return "use"
        if clicked is self.folder_button:
            return "folder"
        return "quit"


def _html(path: Path) -> str:
    return f"<code>{html.escape(str(path))}</code>"


def offer_backup(exc: DamagedDatabaseError, parent: QWidget | None = None) -> bool:
    """Show the dialog; True when the backup was put in place (the caller opens it)."""
    dialog = DamagedDatabaseDialog(exc, parent)
    dialog.exec()
    choice = dialog.choice()
    if choice == "folder":
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(dialog.backup.parent)))
        return False
    if choice != "use":
        return False
    aside = restore_backup(dialog.path, dialog.backup)
    messages.info(
        parent,
        "Backup restored",
        f"csdesk now opens a copy of the backup {dialog.backup.name}.\n\n"
        f"The damaged file was kept as {aside}.",
    )
    return True
