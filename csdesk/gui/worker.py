"""The one background-task helper: run a function on the thread pool, hand back on the GUI thread.

    handle = run_task(fn, on_result=..., on_error=..., on_progress=...)
    handle.cancel()

``fn`` receives a :class:`Progress` to report ``(done, total)`` and to check
``cancelled``. Results and errors arrive through queued signals, so callbacks
run on the GUI thread; a worker's error is never swallowed: without
``on_error`` it goes to the crash/known-error handling of messages.py.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from csdesk.core.progress import Cancelled, Progress


class _Signals(QObject):
    result = Signal(object)
    error = Signal(object)
    progress = Signal(int, int)
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], handle: TaskHandle) -> None:
        super().__init__()
        self.fn, self.signals, self.progress = fn, handle.signals, handle.progress
        self.done = handle.done
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self.fn(self.progress)
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(value)
        finally:
            self.done.set()
            self.signals.finished.emit()


class TaskHandle:
    """What run_task returns: cancel it, or wait for it (tests)."""

    def __init__(self, signals: _Signals, progress: Progress) -> None:
        self.signals = signals
        self.progress = progress
        self.done = threading.Event()  # set on the worker thread when fn has returned

    def cancel(self) -> None:
        self.progress.cancel()


_live: set[TaskHandle] = set()  # keeps signal objects alive until the task ends


def run_task(
    fn: Callable[[Progress], Any],
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
) -> TaskHandle:
    signals = _Signals()
    progress = Progress(report=signals.progress.emit)
    handle = TaskHandle(signals, progress)
    if on_result is not None:
        signals.result.connect(on_result)
    if on_progress is not None:
        signals.progress.connect(on_progress)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if on_error is not None:
            on_error(exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    signals.error.connect(failed)
    _live.add(handle)
    signals.finished.connect(lambda: _live.discard(handle))
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, handle))
    return handle
