"""The background-task helper and the crash dialog."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from csdesk.core.errors import KnownError
from csdesk.core.progress import Cancelled, Progress
from csdesk.gui import messages
from csdesk.gui.worker import run_task


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[str, object, bool]] = []
    gui = QThread.currentThread()

    def work(progress: Progress) -> int:
        assert threading.current_thread() is not threading.main_thread()
        for i in range(3):
            progress.update(i + 1, 3)
        return 42

    # No waitSignal here: the task may finish before a late connection would see it.
    handle = run_task(
        work,
        on_result=lambda v: seen.append(("result", v, QThread.currentThread() is gui)),
        on_progress=lambda d, t: seen.append(("progress", (d, t), QThread.currentThread() is gui)),
    )
    qtbot.waitUntil(lambda: any(kind == "result" for kind, *_ in seen), timeout=5000)
    assert handle.done.is_set()
    assert ("result", 42, True) in seen
    assert [v for kind, v, _ in seen if kind == "progress"] == [(1, 3), (2, 3), (3, 3)]
    assert all(on_gui for *_, on_gui in seen)


def test_errors_are_handed_back_not_swallowed(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise KnownError("The network is down; nothing was lost.")

    run_task(work, on_result=lambda v: pytest.fail("no result expected"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], KnownError)


def test_errors_without_handler_reach_the_excepthook(qtbot: QtBot, monkeypatch) -> None:
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: caught.append(e))
    run_task(lambda p: 1 / 0)
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    assert isinstance(caught[0], ZeroDivisionError)


def test_cancel_stops_the_work_quietly(qtbot: QtBot) -> None:
    started = threading.Event()
    errors: list[BaseException] = []
    results: list[object] = []

    def work(progress: Progress) -> str:
        started.set()
        for i in range(10_000):
            progress.update(i, 10_000)
            threading.Event().wait(0.001)
        return "finished"

    handle = run_task(work, on_result=results.append, on_error=errors.append)
    assert started.wait(5)
    handle.cancel()
    assert handle.done.wait(5)
    qtbot.wait(50)
    assert results == [] and errors == []
    assert handle.progress.cancelled
    with pytest.raises(Cancelled):
        handle.progress.check()


def test_crash_dialog_copies_the_report(qtbot: QtBot) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        report = messages.crash_report(type(exc), exc, exc.__traceback__)
    dialog = messages.CrashDialog(report)
    qtbot.addWidget(dialog)
    assert "RuntimeError: boom" in dialog.report.toPlainText()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "RuntimeError: boom" in QApplication.clipboard().text()
    assert dialog.copy_button.text() == "Copied"


def test_enter_in_the_crash_dialog_copies_rather_than_closes(qtbot: QtBot) -> None:
    QApplication.clipboard().clear()
    dialog = messages.CrashDialog("Traceback: the report")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert QApplication.clipboard().text() == "Traceback: the report"


def test_excepthook_shows_known_errors_as_messages(qtbot: QtBot, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_known", lambda parent, exc: shown.append(exc.message))
    old = sys.excepthook
    try:
        messages.install_excepthook()
        exc = KnownError("Please unlock your password manager.")
        sys.excepthook(KnownError, exc, None)
    finally:
        sys.excepthook = old
    assert shown == ["Please unlock your password manager."]
