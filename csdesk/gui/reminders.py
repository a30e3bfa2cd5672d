"""Desktop reminders while csdesk runs: overdue, stale, escalation due - once each.

A timer asks the core for the Today report; core.reminders records what was
shown so nothing repeats. The notification goes to the system tray where one
exists, else into the window (status bar), and always to ``shown``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from csdesk.core.db import Database
from csdesk.core.reminders import Reminder, claim_new
from csdesk.core.rules import load_rules
from csdesk.core.today import TodayReport, today_report

GROUP_AFTER = 3  # more new reminders than this at once are shown as one summary


class ReminderService(QObject):
    shown = Signal(str, str)  # title, text

    def __init__(self, db: Database, window: QMainWindow, icon: QIcon, interval_ms: int = 60_000):
        super().__init__(window)
        self.db, self.window = db, window
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("csdesk")
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def check(self, report: TodayReport | None = None) -> list[Reminder]:
        if not load_rules(self.db).reminders:
            return []
        fresh = claim_new(self.db, report or today_report(self.db))
        if len(fresh) > GROUP_AFTER:
            self.notify(
                f"{len(fresh)} items need attention",
                "; ".join(r.title for r in fresh[:5])
                + ("…" if len(fresh) > 5 else "")
                + ". See Today.",
            )
        else:
            for r in fresh:
                self.notify(r.title, r.text)
        return fresh

    def notify(self, title: str, text: str) -> None:
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        self.window.statusBar().showMessage(f"Reminder — {title}: {text}", 15_000)
        self.shown.emit(title, text)
