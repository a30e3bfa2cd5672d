"""Faults a desktop app meets in real life (issue 9, point 2): every one ends with a clear
message, 0 rows lost and ``PRAGMA integrity_check`` = ok.

Real where the machine allows it: SIGKILL of real processes, a real 2 MB tmpfs for the
full disk and a real read-only mount (as root on Linux); where mounting is not allowed
the full disk is simulated (SQLite's ``max_page_count``, an ``ENOSPC`` from ``fsync``)
and the read-only folder is made with ``chmod`` (as a normal user) or skipped.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from csdesk import cli
from csdesk.core.db import Database, backup_sqlite, open_database, sqlite_url
from csdesk.core.errors import AlreadyRunningError, DamagedDatabaseError
from csdesk.core.exports import ExportError
from csdesk.core.instance import InstanceLock, lock_path
from csdesk.paths import AppPaths
from tests.fakegoogle import FakeGoogle
from tests.google.helpers import connect, make_plan
from tests.robustness.conftest import (
    account_names,
    cli_env,
    counts,
    csdesk,
    integrity,
    lost_rows,
    make_jira_csv,
    start_csdesk,
    table_rows,
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _data(paths: AppPaths) -> list[str]:
    return ["--data-dir", str(paths.data_dir)]


def _no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr


def _wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.005)
    raise AssertionError(f"timed out waiting for {what}")


def _kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)


# ------------------------------------------------------------------ 1. SIGKILL mid-import


def test_sigkill_in_the_middle_of_an_import_keeps_all_or_nothing(
    demo_paths: AppPaths, tmp_path: Path
) -> None:
    path = demo_paths.database_file()
    before = table_rows(path)
    items_before = len(before["work_items"])
    rows = 3000
    big = make_jira_csv(tmp_path / "BIG.csv", rows, account_names(path))
    wal = path.with_name(path.name + "-wal")
    proc = start_csdesk(*_data(demo_paths), "import", "tickets", str(big))
    try:
        # the rows are read and checked first; the single write transaction then spills
        # pages into the -wal file: kill as soon as it grows
        _wait_for(lambda: wal.exists() and wal.stat().st_size > 256 * 1024, 90, "the import")
    finally:
        _kill(proc)
    assert proc.returncode == -signal.SIGKILL

    assert integrity(path) == "ok"
    after = table_rows(path)
    assert lost_rows(before, after) == 0 or len(after["work_items"]) == items_before + rows
    imported = len(after["work_items"]) - items_before
    assert imported in (0, rows), f"half an import: {imported} of {rows} rows"
    assert lost_rows(before, after) == 0
    # and csdesk opens it and can import the file again, completely
    again = csdesk(*_data(demo_paths), "import", "tickets", str(big))
    assert again.returncode == 0, again.stderr
    assert counts(path)["work_items"] == items_before + rows
    assert integrity(path) == "ok"


# ------------------------------------------------------------------ 2. SIGKILL mid-export


def _grow(path: Path, copies: int) -> int:
    """Copy the work items ``copies`` times with SQL (fast); returns the number of items."""
    con = sqlite3.connect(path)
    try:
        cols = [r[1] for r in con.execute("PRAGMA table_info(work_items)") if r[1] != "id"]
        plain = ", ".join(cols)
        for n in range(copies):
            picked = ", ".join(
                f"CASE WHEN external_key IS NULL THEN NULL ELSE external_key || '-c{n}' END"
                if c == "external_key"
                else c
                for c in cols
            )
            con.execute(f"INSERT INTO work_items ({plain}) SELECT {picked} FROM work_items")
            if con.execute("SELECT count(*) FROM work_items").fetchone()[0] > 20_000:
                break
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(con.execute("SELECT count(*) FROM work_items").fetchone()[0])
    finally:
        con.close()


def test_sigkill_in_the_middle_of_an_export_leaves_no_half_file(
    demo_paths: AppPaths, tmp_path: Path
) -> None:
    path = demo_paths.database_file()
    _grow(path, 12)
    before = table_rows(path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "tasks.csv"
    old = b"the previous export\r\n"
    target.write_bytes(old)

    def temp_files() -> list[Path]:
        return [p for p in out_dir.iterdir() if p.name != target.name]

    killed_mid_write = False
    for _attempt in range(3):
        proc = start_csdesk(
            *_data(demo_paths), "export", "tasks", "--format", "csv", "-o", str(target)
        )
        try:
            _wait_for(lambda p=proc: bool(temp_files()) or p.poll() is not None, 60, "the export")
            killed_mid_write = bool(temp_files())
        finally:
            _kill(proc)
        data = target.read_bytes()
        # only the old file or the whole new one: never a part
        if data != old:
            lines = data.decode("utf-8-sig").splitlines()
            assert lines[0].startswith("key,id,type,title")
            assert data.endswith(b"\r\n")
        for stray in temp_files():  # left by the kill: a clearly temporary, hidden name
            assert stray.name.startswith(".tasks.csv.") and stray.name.endswith(".part"), stray
            stray.unlink()
        target.write_bytes(old)
        if killed_mid_write:
            break
    assert killed_mid_write, "the kill never landed while the file was being written"
    assert integrity(path) == "ok"
    assert lost_rows(before, table_rows(path)) == 0


# ------------------------------------------------------------------ 3. SIGKILL mid-wizard save

WIZARD_SCRIPT = """
import sys
from pathlib import Path
from csdesk.core import ooo
from csdesk.core.db import open_database, sqlite_url

db = open_database(sqlite_url(Path(sys.argv[1])))
plan_id = int(sys.argv[2])
n = 0
while True:
    n += 1
    rows = ooo.triage(db, plan_id)
    for row in rows:
        ooo.set_context(db, row.id, None, f"context round {n} for the backup")
    ooo.set_auto_reply(db, plan_id, f"Away (round {n})", "I am away. {{backup_name}} helps.")
    print(n, flush=True)
"""


def test_sigkill_during_wizard_saves_keeps_the_plan_consistent(
    demo_paths: AppPaths, tmp_path: Path
) -> None:
    from csdesk.core import ooo

    path = demo_paths.database_file()
    db = open_database(sqlite_url(path))
    try:
        plan = make_plan_on(db)
        handoffs = len(ooo.triage(db, plan))
    finally:
        db.close()
    before = table_rows(path)
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(WIZARD_SCRIPT))
    proc = subprocess.Popen(
        [sys.executable, str(script), str(path), str(plan)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    try:
        assert proc.stdout is not None
        for _ in range(2):  # two whole rounds saved; the kill lands in the third
            line = proc.stdout.readline()
            assert line.strip(), proc.stderr.read() if proc.stderr else ""
        time.sleep(random.Random(5).uniform(0.01, 0.1))
    finally:
        _kill(proc)
    assert integrity(path) == "ok"
    after = table_rows(path)
    for table in ("accounts", "colleagues", "work_items", "work_item_assignees"):
        assert lost_rows({table: before[table]}, after) == 0, table
    # the plan and its hand-off rows are all there (their texts are what the wizard changes)
    for table in ("ooo_plans", "handoff_items"):
        assert {r[0] for r in before[table]} == {r[0] for r in after[table]}, table
    db = open_database(sqlite_url(path))
    try:
        rows = ooo.sheet_items(db, plan)
        assert len(ooo.triage(db, plan)) == handoffs  # the wizard goes on where it was
        assert all(r.context.startswith("context round ") for r in rows if r.context)
    finally:
        db.close()


def make_plan_on(db: Database) -> int:
    """A plan (in ten working days, for a week) with a team lead and a backup, not triaged."""
    from csdesk.core import ooo
    from csdesk.core.business_time import load_calendar
    from csdesk.core.directory import list_colleagues

    cal = load_calendar(db)
    first = cal.add_workdays(dt.date.today(), 10)
    plan_id = ooo.create_plan(db, first, cal.add_workdays(first, 5))
    people = {c.email: c.id for c in list_colleagues(db)}
    tl = next(i for e, i in people.items() if e.startswith("celeste.harmon"))
    backup = next(i for e, i in people.items() if e.startswith("jonah.pierce"))
    ooo.set_people(db, plan_id, tl, backup)
    return plan_id


# ------------------------------------------------------------------ 4. disk full: import


def _move_to(paths: AppPaths, where: Path) -> AppPaths:
    """The same data folder, copied to ``where`` (the database only)."""
    moved = AppPaths(data_dir=where, log_dir=where / "logs", backup_dir=where / "backups")
    moved.ensure()
    shutil.copy2(paths.database_file(), moved.database_file())
    return moved


def _fill(folder: Path, leave: int) -> None:
    """Fill the disk holding ``folder`` until only ``leave`` bytes are free."""
    free = shutil.disk_usage(folder).free
    (folder / "filler.bin").write_bytes(b"\0" * max(0, free - leave))
    assert shutil.disk_usage(folder).free <= leave + 8192


def test_disk_full_during_an_import(
    demo_paths: AppPaths, tmp_path: Path, mountpoint: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = make_jira_csv(tmp_path / "BIG.csv", 1500, account_names(demo_paths.database_file()))
    if mountpoint is not None:  # real: the data folder on a 2 MB disk
        paths = _move_to(demo_paths, mountpoint)
        path = paths.database_file()
        before = table_rows(path)
        _fill(mountpoint, leave=200 * 1024)
        done = csdesk(*_data(paths), "import", "tickets", str(big))
        assert done.returncode == cli.EXIT_ERROR, done.stdout + done.stderr
        _no_traceback(done.stderr)
        message = done.stderr
    else:  # simulated: SQLite may not grow the file beyond its size now
        from csdesk.core.imports.all import load_all
        from csdesk.core.imports.base import importer_for, run_import

        path = demo_paths.database_file()
        before = table_rows(path)
        db = open_database(sqlite_url(path), demo_paths.backup_dir)
        pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

        def limit(dbapi_conn: object, _record: object) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count={pages + 8}")  # type: ignore[attr-defined]

        db.engine.dispose()
        event.listen(db.engine, "connect", limit)
        load_all()
        try:
            with pytest.raises(Exception) as info:
                run_import(db, importer_for("tickets", "jira"), big)
        finally:
            db.close()
        message = str(getattr(info.value, "message", info.value))
    assert "The disk is full" in message and "Nothing was changed" in message
    assert integrity(path) == "ok"
    assert lost_rows(before, table_rows(path)) == 0
    assert counts(path)["work_items"] == len(before["work_items"])  # nothing half-imported


# ------------------------------------------------------------------ 5. disk full: export


def test_disk_full_during_an_export(
    demo_paths: AppPaths, mountpoint: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_paths.database_file()
    _grow(path, 6)
    before = table_rows(path)
    if mountpoint is not None:  # real: a 2 MB disk, nearly full already
        out_dir = mountpoint
        target = out_dir / "tasks.csv"
        old = b"the previous export\r\n"
        target.write_bytes(old)
        _fill(out_dir, leave=64 * 1024)
        done = csdesk(*_data(demo_paths), "export", "tasks", "--format", "csv", "-o", str(target))
        assert done.returncode == cli.EXIT_ERROR, done.stdout + done.stderr
        _no_traceback(done.stderr)
        message = done.stderr
    else:  # simulated: the disk refuses the bytes
        out_dir = demo_paths.data_dir / "exports"
        out_dir.mkdir()
        target = out_dir / "tasks.csv"
        old = b"the previous export\r\n"
        target.write_bytes(old)

        def full(_fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("csdesk.core.exports.os.fsync", full)
        from csdesk.core.exports import EXPORTS

        db = open_database(sqlite_url(path))
        try:
            with pytest.raises(ExportError) as info:
                EXPORTS["tasks"](db, target, "csv", account=None, since=None)
        finally:
            db.close()
        message = info.value.message
    assert "is full" in message and "Nothing was written" in message
    assert target.read_bytes() == old  # the previous file, unchanged
    assert sorted(p.name for p in out_dir.iterdir() if p.name.startswith(".")) == []
    assert integrity(path) == "ok"
    assert lost_rows(before, table_rows(path)) == 0


# ------------------------------------------------------------------ 6. read-only data folder


def _read_only(paths: AppPaths, mountpoint: Path | None) -> tuple[AppPaths, object]:
    if mountpoint is not None:
        moved = _move_to(paths, mountpoint)
        done = subprocess.run(
            ["mount", "-o", "remount,ro", str(mountpoint)], capture_output=True, text=True
        )
        if done.returncode == 0:
            return moved, lambda: None
    if IS_ROOT:
        pytest.skip("root without mount: chmod does not stop root from writing")
    for folder in (paths.data_dir, paths.log_dir, paths.backup_dir):
        folder.chmod(0o555)
    paths.database_file().chmod(0o444)

    def undo() -> None:
        for folder in (paths.data_dir, paths.log_dir, paths.backup_dir):
            folder.chmod(0o755)

    return paths, undo


def test_read_only_data_folder_is_said_and_nothing_is_lost(
    demo_paths: AppPaths, tmp_path: Path, mountpoint: Path | None
) -> None:
    small = make_jira_csv(tmp_path / "small.csv", 20, account_names(demo_paths.database_file()))
    before = table_rows(demo_paths.database_file())
    paths, undo = _read_only(demo_paths, mountpoint)
    path = paths.database_file()
    sha = _sha(path)
    try:
        for args in (("info",), ("import", "tickets", str(small))):
            done = csdesk(*_data(paths), *args)
            assert done.returncode == cli.EXIT_ERROR, done.stdout + done.stderr
            _no_traceback(done.stderr)
            assert "Nothing was changed" in done.stderr
            assert "read-only" in done.stderr or "cannot be written" in done.stderr
        assert _sha(path) == sha
        assert integrity(path) == "ok"
        assert lost_rows(before, table_rows(path)) == 0
        # the window says it too, instead of a crash
        shown: list[str] = []
        monkey = pytest.MonkeyPatch()
        monkey.setattr(cli, "_show_startup_error", lambda exc: shown.append(exc.message) or False)
        try:
            assert cli.main(_data(paths)) == cli.EXIT_ERROR
        finally:
            monkey.undo()
        assert shown and "Nothing was changed" in shown[0]
    finally:
        undo()  # type: ignore[operator]


# ------------------------------------------------------------------ 7. a second window


def test_a_second_window_on_the_same_data_says_so_and_leaves(
    demo_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_paths.database_file()
    before = table_rows(path)

    def held() -> bool:
        probe = InstanceLock(path)
        try:
            probe.acquire()
        except AlreadyRunningError:
            return True
        probe.release()
        return False

    first = start_csdesk(*_data(demo_paths))
    try:
        # Not probed by taking the lock: a probe holding it at the wrong moment would make
        # the first window itself refuse to start. The holder writes its pid into the file.
        def first_holds() -> bool:
            try:
                return lock_path(path).read_text().strip() == str(first.pid)
            except OSError:
                return False

        _wait_for(lambda: first_holds() or first.poll() is not None, 60, "the first window")
        assert held()
        assert first.poll() is None, first.communicate()
        shown: list[str] = []
        monkeypatch.setattr(
            cli, "_show_startup_error", lambda exc: shown.append(exc.message) or False
        )
        assert cli.main(_data(demo_paths)) == cli.EXIT_ERROR
        assert shown and "csdesk is already running with this data folder" in shown[0]
        assert str(demo_paths.data_dir) in shown[0]
        assert first.poll() is None  # the first window is not disturbed
    finally:
        _kill(first)
    # killed, its lock went with it: the next start is not refused
    assert not held()
    assert lock_path(path).exists()
    assert integrity(path) == "ok"
    assert lost_rows(before, table_rows(path)) == 0


# ------------------------------------------------------------------ 8. database locked


def test_cli_while_another_writer_holds_the_database(demo_paths: AppPaths, tmp_path: Path) -> None:
    path = demo_paths.database_file()
    small = make_jira_csv(tmp_path / "small.csv", 10, account_names(path))
    before = table_rows(path)
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
        done = csdesk(*_data(demo_paths), "import", "tickets", str(small))
        assert done.returncode == cli.EXIT_ERROR, done.stdout + done.stderr
        _no_traceback(done.stderr)
        assert "is busy" in done.stderr and "Nothing was changed" in done.stderr
        reader = csdesk(*_data(demo_paths), "today", "--json")  # reading still works
        assert reader.returncode == 0, reader.stderr
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert integrity(path) == "ok"
    assert lost_rows(before, table_rows(path)) == 0
    again = csdesk(*_data(demo_paths), "import", "tickets", str(small))
    assert again.returncode == 0, again.stderr
    assert counts(path)["work_items"] == len(before["work_items"]) + 10


# ------------------------------------------------------------------ 9./10. a damaged file


def _with_backup(paths: AppPaths) -> Path:
    """A backup as an earlier upgrade leaves it (and no -wal/-shm files beside the database)."""
    backup = backup_sqlite(paths.database_file(), paths.backup_dir, "before-0003")
    con = sqlite3.connect(paths.database_file())
    assert con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    con.close()
    for name in _sidecars(paths.database_file()):  # all in the file now: -wal is empty
        (paths.data_dir / name).unlink()
    assert _sidecars(paths.database_file()) == []
    return backup


def _sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


@pytest.mark.parametrize("damage", ["random header", "truncated"])
def test_a_damaged_database_is_refused_untouched_and_the_backup_named(
    demo_paths: AppPaths, damage: str
) -> None:
    path = demo_paths.database_file()
    backup = _with_backup(demo_paths)
    data = bytearray(path.read_bytes())
    if damage == "random header":
        data[:100] = random.Random(9).randbytes(100)
    else:
        del data[len(data) // 3 :]
    path.write_bytes(bytes(data))
    sha = _sha(path)
    done = csdesk(*_data(demo_paths), "info")
    assert done.returncode == cli.EXIT_ERROR
    _no_traceback(done.stderr)
    assert "is damaged or is not a database" in done.stderr
    assert "csdesk has not changed it" in done.stderr
    assert f"The newest backup is {backup}" in done.stderr
    assert _sha(path) == sha
    assert _sidecars(path) == []
    assert integrity(backup) == "ok"


def test_the_window_offers_the_newest_backup_and_keeps_the_damaged_file(
    demo_paths: AppPaths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from csdesk.gui import recovery

    path = demo_paths.database_file()
    backup = _with_backup(demo_paths)
    backup_sha = _sha(backup)
    saved = table_rows(backup)
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))
    damaged_sha = _sha(path)

    # the dialog: what happened, where the backup is; rendered for a look
    with pytest.raises(DamagedDatabaseError) as info:
        open_database(sqlite_url(path), demo_paths.backup_dir)
    assert info.value.backup == backup
    dialog = recovery.DamagedDatabaseDialog(info.value)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "has not changed it" in dialog.text()
    assert str(backup) in dialog.informativeText()
    dialog.grab().save(str(tmp_path / "damaged-dialog.png"))
    dialog.close()

    # the whole start: the user picks "Use this backup"; the window then opens on the copy
    def click_use(self: recovery.DamagedDatabaseDialog) -> int:
        self.use_button.click()
        return 0

    monkeypatch.setattr(recovery.DamagedDatabaseDialog, "exec", click_use)
    monkeypatch.setattr(recovery.messages, "info", lambda *_a: None)
    # the window's frame is up while the database is opened; once the views are
    # attached on the restored copy, the test closes the window
    from PySide6.QtCore import QTimer

    from csdesk.gui.main_window import MainWindow

    opened: list[Path | None] = []
    attach = MainWindow.attach

    def attached(self: MainWindow, db: Database, report: object = None) -> None:
        attach(self, db, report)  # type: ignore[arg-type]
        opened.append(db.sqlite_path)
        QTimer.singleShot(0, self.close)

    monkeypatch.setattr(MainWindow, "attach", attached)
    assert cli.main(_data(demo_paths)) == 0
    assert opened == [path]
    [aside] = [p for p in path.parent.iterdir() if re.search(r"\.damaged-[\d-]+$", p.name)]
    assert _sha(aside) == damaged_sha  # kept, byte for byte
    assert _sha(backup) == backup_sha  # the backup itself is not used up
    assert integrity(path) == "ok"
    assert lost_rows(saved, table_rows(path)) == 0


# ------------------------------------------------------------------ 11. newer schema


def test_a_newer_schema_is_refused_untouched_through_the_cli(demo_paths: AppPaths) -> None:
    path = demo_paths.database_file()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    sha = _sha(path)
    before = table_rows(path)
    done = csdesk(*_data(demo_paths), "today")
    assert done.returncode == cli.EXIT_ERROR
    _no_traceback(done.stderr)
    assert "newer version of csdesk" in done.stderr and "has not changed it" in done.stderr
    assert _sha(path) == sha
    assert list(demo_paths.backup_dir.iterdir()) == []
    assert lost_rows(before, table_rows(path)) == 0


# ------------------------------------------------------------------ 12./13. keyring


@pytest.mark.parametrize(
    ("backend", "words"),
    [
        ("keyring.backends.fail.Keyring", "No password manager was found"),
        ("tests.keyrings.LockedKeyring", "password manager is locked"),
    ],
)
def test_keyring_absent_or_locked_is_said_in_the_cli_and_the_settings(
    backend: str, words: str, demo_paths: AppPaths, qtbot: QtBot
) -> None:
    import keyring

    from csdesk.gui.google import GoogleAccountBox

    done = csdesk(
        *_data(demo_paths), "google", "status", env=cli_env(PYTHON_KEYRING_BACKEND=backend)
    )
    assert done.returncode == cli.EXIT_ERROR
    _no_traceback(done.stderr)
    assert words in done.stderr
    module, name = backend.rsplit(".", 1)
    keyring.set_keyring(getattr(__import__(module, fromlist=[name]), name)())
    box = GoogleAccountBox()
    qtbot.addWidget(box)
    said = box.ui.keyringLabel.text() + box.ui.accountLabel.text()
    if "fail" in backend:  # nowhere to keep a sign-in: connecting is not offered
        assert not box.ui.connectButton.isEnabled()
        assert "password manager" in said
    else:  # locked: said, and connecting works once it is unlocked
        assert words in said
    assert integrity(demo_paths.database_file()) == "ok"


# ------------------------------------------------------------------ 14.-21. Google mid-apply

EVENTS = "/calendar/v3/calendars/primary/events"
VACATION = "/gmail/v1/users/me/settings/vacation"


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("authError", "Reconnect your Google account"),  # 401: expired or revoked
        ("insufficientPermissions", "permission"),  # 403
        ("notFound", "could not find"),  # 404
        ("duplicate", "already exists"),  # 409
        ("rateLimitExceeded", "slow down"),  # 429
        ("backendError", "Google"),  # 500
        ("unavailable", "Google"),  # 503
        ("offline", "Try again later"),  # the network is down
    ],
)
def test_google_fault_mid_way_through_apply_keeps_state_and_retry_completes(
    db: Database,
    fake_google: FakeGoogle,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
    words: str,
) -> None:
    from csdesk.core.google import apply as gapply

    plan = make_plan(db)
    connect(fake_google, monkeypatch)
    # the first steps go through; the calendar step (third of four) meets the fault
    if fault == "offline":
        fake_google.fail_connection("/events$", times=None, method="POST")
    else:
        fake_google.fail_preset(fault, "POST", "/events$", times=None)
    first = gapply.apply_plan(db, plan.id)
    states = {s.key: s.state for s in first.steps}
    assert states["sheet"] == states["vacation"] == "done", first.to_json()
    calendar = next(s for s in first.steps if s.key == "calendar")
    assert calendar.state == "failed", first.to_json()
    assert words.lower() in calendar.message.lower(), calendar.message
    assert "Traceback" not in calendar.message and "ya29." not in calendar.message
    kept = {k: v["state"] for k, v in gapply.step_states(db, plan.id).items()}
    assert kept["sheet"] == kept["vacation"] == "done"  # state kept
    assert integrity(db.sqlite_path) == "ok"  # type: ignore[arg-type]

    fake_google.clear_faults()
    retry = gapply.apply_plan(db, plan.id)
    assert retry.ok, retry.to_json()
    # nothing done twice
    assert len(fake_google.spreadsheets) == 1
    assert fake_google.count("PUT", VACATION) == 1
    live = [e for e in fake_google.events.values() if e.get("status") != "cancelled"]
    assert len(live) == 3  # the out-of-office event and the two meetings, once each
