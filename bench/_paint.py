"""Shared by the two start-up scripts: stop at the first paint of the main window."""

from __future__ import annotations

import json
import os
import resource
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """An application-wide event filter: on the first Paint event of a QMainWindow, let that
    paint finish (a zero timer runs after the whole frame is painted), then report and quit."""

    def __init__(self, app: QApplication, t0: float) -> None:
        super().__init__(app)
        self.app, self.t0, self.seen = app, t0, False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self.seen = True
            self.size = (obj.width(), obj.height())
            QTimer.singleShot(0, self.stop)
        return False

    def stop(self) -> None:
        seconds = time.perf_counter() - self.t0
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        print(
            "BENCH " + json.dumps({"seconds": seconds, "rss_mb": rss_kb / 1024, "size": self.size}),
            flush=True,
        )
        # Leave at once: the measurement is taken, and PySide's teardown at exit can crash.
        os._exit(0)
