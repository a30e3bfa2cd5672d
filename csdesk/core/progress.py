"""Progress and cancellation for long core work, without Qt.

Core functions that may take long accept a ``Progress``; the GUI's worker
wires its ``report`` to a signal, the CLI to a line on stderr, tests to a list.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel."""


class Progress:
    def __init__(self, report: Callable[[int, int], object] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled("cancelled by the user")

    def update(self, done: int, total: int) -> None:
        self.check()
        if self._report is not None:
            self._report(done, total)
