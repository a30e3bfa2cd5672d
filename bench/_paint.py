"""Shared by the two start-up scripts: stop at the first paint of the main window.

csdesk's window paints its frame first (navigation, menus, Today saying the
portfolio is being opened) and then opens the database off the GUI thread; it
emits ``loaded`` when Today is filled. Both moments are reported: ``seconds``
and ``rss_mb`` at the first paint, ``ready_seconds`` and ``ready_rss_mb`` once
Today has been painted with its data (for the bare floor they are the same).
"""

from __future__ import annotations

import json
import os
import resource
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class FirstPaint(QObject):
    """An application-wide event filter: on the first Paint event of a QMainWindow, let that
    paint finish (a zero timer runs after the whole frame is painted), then report; if the
    window is still loading, wait for its ``loaded`` signal and its next paint too, then quit."""

    def __init__(self, app: QApplication, t0: float) -> None:
        super().__init__(app)
        self.app, self.t0, self.seen = app, t0, False
        self.result: dict[str, object] = {}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self.seen = True
            self.window = obj
            self.result["size"] = (obj.width(), obj.height())
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self) -> None:
        self.result["seconds"] = time.perf_counter() - self.t0
        self.result["rss_mb"] = _rss_mb()
        loaded = getattr(self.window, "loaded", None)
        if loaded is None or getattr(self.window, "db", True) is not None:
            self.ready()  # the floor, or a window that had its data before it painted
        else:
            loaded.connect(self.ready_after_paint)

    def ready_after_paint(self) -> None:
        self.window.repaint()  # Today with its data, painted now rather than on the next frame
        self.ready()

    def ready(self) -> None:
        self.result["ready_seconds"] = time.perf_counter() - self.t0
        self.result["ready_rss_mb"] = _rss_mb()
        print("BENCH " + json.dumps(self.result), flush=True)
        # Leave at once: the measurement is taken, and PySide's teardown at exit can crash.
        os._exit(0)
