"""The measured work of each figure, run in a child process: ``python -m bench.child FIGURE ...``.

Each figure prints one line ``BENCH {json}`` with at least ``seconds``. Set-up
(copying a database, opening it, starting Qt) happens before the clock starts
unless the figure says otherwise.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from csdesk.paths import DB_FILE


def emit(**data: object) -> None:
    print("BENCH " + json.dumps(data), flush=True)


# ------------------------------------------------------------------ search-as-you-type

OPEN = (
    "open", "in_progress", "waiting_for_support", "waiting_for_customer",
    "waiting_for_account_manager", "waiting_for_management",
)  # fmt: skip


PAUSE_S = 0.15  # a typist's pause before the measured key (the machine idles, as it would)


def search_csdesk(data_dir: str, text: str, reps: int) -> None:
    """Type the last character of ``text`` into the Tasks view's search box.

    ``seconds`` runs from the key press to the moment the table has the
    filtered rows and has painted them. The box filters the loaded rows at
    once; the run fails if the keystroke went to the debounced path (a
    reload from the database) instead.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from csdesk.core.db import open_database, sqlite_url
    from csdesk.gui.app import make_application
    from csdesk.gui.views.tasks import TasksView

    app = make_application()
    db = open_database(sqlite_url(Path(data_dir) / DB_FILE))
    view = TasksView(db)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    state: dict[str, float] = {}
    refresh = view.refresh

    def refreshed() -> None:
        refresh()
        state["refreshed"] = time.perf_counter()

    view.refresh = refreshed  # type: ignore[method-assign]
    edit = view.ui.searchEdit

    def settle(limit: float) -> None:
        while "refreshed" not in state:
            if time.perf_counter() > limit:
                raise SystemExit("the search box did not filter at once")
            app.processEvents()
        app.processEvents()  # the table repaints with the new rows

    times, filt = [], []
    for _ in range(reps):
        edit.setText(text[:-1])
        view.refresh()
        app.processEvents()
        state.clear()
        time.sleep(PAUSE_S)
        t_key = time.perf_counter()
        QTest.keyClick(edit, text[-1], Qt.KeyboardModifier.NoModifier)
        settle(t_key + 0.05)
        t_end = time.perf_counter()
        times.append(t_end - t_key)
        filt.append(state["refreshed"] - t_key)
        assert edit.text() == text, edit.text()
    emit(
        seconds=statistics.median(times),
        filter_seconds=statistics.median(filt),
        rows=view.model.rowCount(),
    )
    os._exit(0)


def search_floor(data_dir: str, text: str, reps: int) -> None:
    """The same filter (open items, every word in title, key or account) in raw sqlite3."""
    con = sqlite3.connect(Path(data_dir) / DB_FILE)
    marks = ",".join("?" * len(OPEN))
    words = text.split()
    where = " AND ".join(
        "(w.title LIKE ? OR w.external_key LIKE ? OR a.name LIKE ?)" for _ in words
    )
    args = [*OPEN, *[f"%{w}%" for w in words for _ in range(3)]]
    sql = (
        "SELECT w.id, w.item_type, w.title, a.name, w.status, w.priority, w.category, "
        "w.due_at, w.last_follow_up_at, w.created_at, w.external_key, w.external_url, "
        "(SELECT group_concat(c.name, ', ') FROM work_item_assignees x "
        " JOIN colleagues c ON c.id = x.colleague_id WHERE x.item_id = w.id) "
        "FROM work_items w LEFT JOIN accounts a ON a.id = w.account_id "
        f"WHERE w.status IN ({marks}) AND {where} "
        "ORDER BY w.due_at IS NULL, w.due_at, w.id"
    )
    times, rows = [], []
    for _ in range(reps):
        t0 = time.perf_counter()
        rows = con.execute(sql, args).fetchall()
        times.append(time.perf_counter() - t0)
    emit(seconds=statistics.median(times), rows=len(rows))


# ------------------------------------------------------------------ OOO plan + hand-off


def ooo_csdesk(data_dir: str, keep: str = "") -> None:
    """create_plan, set_people, triage, build_sheet, write_xlsx (as ``csdesk ooo new`` + export).

    ``keep``: where to copy the database afterwards (for the same-work floor).
    """
    from bench.portfolio import copy_of
    from csdesk.core import handoff, ooo
    from csdesk.core.business_time import load_calendar
    from csdesk.core.db import open_database, sqlite_url
    from csdesk.core.directory import role_holder
    from csdesk.core.enums import Role

    with tempfile.TemporaryDirectory(prefix="csdesk-bench-") as tmp:
        work = copy_of(Path(data_dir), Path(tmp) / "data")
        db = open_database(sqlite_url(work / DB_FILE))
        me = role_holder(db, Role.ME)
        tl = role_holder(db, Role.TEAM_LEAD)
        backup = (
            db.engine.connect()
            .exec_driver_sql(
                "SELECT id FROM colleagues WHERE id NOT IN (?, ?) ORDER BY id LIMIT 1", (me, tl)
            )
            .scalar()
        )
        start = dt.date.today() + dt.timedelta(days=21)
        out = Path(tmp) / "handoff.xlsx"
        t0 = time.perf_counter()
        back = load_calendar(db).add_workdays(start + dt.timedelta(days=9), 1)
        plan_id = ooo.create_plan(db, start, back)
        ooo.set_people(db, plan_id, tl, backup)
        ooo.triage(db, plan_id)
        sheet = handoff.build_sheet(db, plan_id)
        handoff.write_xlsx(sheet, out)
        seconds = time.perf_counter() - t0
        _keep(db, work, keep)
        emit(
            seconds=seconds,
            pending=len(sheet.pending),
            admins=len(sheet.admins),
            tracking=len(sheet.tracking),
            pending_columns=len(handoff.PENDING_COLUMNS),
            admin_columns=len(handoff.ADMIN_COLUMNS),
            tracking_columns=len(sheet.tracking_columns),
            bytes=out.stat().st_size,
        )


def ooo_floor(data_dir: str, counts: str) -> None:
    """The same number of rows and columns, read with sqlite3 and written with XlsxWriter.

    The clock starts before XlsxWriter is imported: csdesk imports it on first
    use inside its timed run too.
    """
    n = json.loads(counts)
    con = sqlite3.connect(f"{(Path(data_dir) / DB_FILE).as_uri()}?mode=ro", uri=True)
    with tempfile.TemporaryDirectory(prefix="csdesk-bench-") as tmp:
        out = Path(tmp) / "floor.xlsx"
        t0 = time.perf_counter()
        import xlsxwriter

        items = con.execute(
            "SELECT w.id, w.external_key, w.title, a.name, w.status, w.priority, w.category, "
            "w.due_at, w.last_follow_up_at, w.description, w.external_url "
            "FROM work_items w LEFT JOIN accounts a ON a.id = w.account_id "
            f"WHERE w.status IN ({','.join('?' * len(OPEN))}) ORDER BY w.due_at",
            OPEN,
        ).fetchall()
        admins = con.execute(
            "SELECT c.name, c.email, c.phone, c.title, a.name FROM customer_admins c "
            "JOIN accounts a ON a.id = c.account_id"
        ).fetchall()
        wb = xlsxwriter.Workbook(str(out))
        for name, rows, count, width in (
            ("Pending", items, n["pending"], n["pending_columns"]),
            ("Admins", admins, n["admins"], n["admin_columns"]),
            ("Tracking", items, n["tracking"], n["tracking_columns"]),
        ):
            ws = wb.add_worksheet(name)
            ws.write_row(0, 0, [f"Column {c}" for c in range(width)])
            for r in range(count):
                row = rows[r % len(rows)] if rows else ()
                ws.write_row(r + 1, 0, [str(v) for v in (list(row) * 3)[:width]])
        wb.close()
        emit(seconds=time.perf_counter() - t0, bytes=out.stat().st_size)


# ------------------------------------------------------------------ Jira CSV import


def jira_csdesk(data_dir: str, csv_path: str, keep: str = "") -> None:
    """Read and import the file as ``csdesk import tickets FILE --format jira`` does.

    ``keep``: where to copy the database afterwards (for the same-tables floor).
    """
    from bench.portfolio import copy_of
    from csdesk.core.db import open_database, sqlite_url
    from csdesk.core.imports import base
    from csdesk.core.imports.all import load_all
    from csdesk.core.progress import Progress

    with tempfile.TemporaryDirectory(prefix="csdesk-bench-") as tmp:
        work = copy_of(Path(data_dir), Path(tmp) / "data")
        db = open_database(sqlite_url(work / DB_FILE))
        t0 = time.perf_counter()
        load_all()
        importer = base.importer_for("tickets", "jira")
        parsed = importer.read(Path(csv_path))
        result = base.run_import(
            db, importer, Path(csv_path), progress=Progress(lambda d, t: None), parsed=parsed
        )
        seconds = time.perf_counter() - t0
        _keep(db, work, keep)
        if not result.ok:
            raise SystemExit(f"import failed: {result.summary()} {result.errors[:3]}")
        emit(seconds=seconds, summary=result.summary())


def jira_floor(csv_path: str) -> None:
    """csv module + executemany into a fresh SQLite table, one transaction."""
    with tempfile.TemporaryDirectory(prefix="csdesk-bench-") as tmp:
        t0 = time.perf_counter()
        with open(csv_path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        con = sqlite3.connect(Path(tmp) / "floor.sqlite3")
        cols = ", ".join(f"c{i} TEXT" for i in range(len(header)))
        con.execute(f"CREATE TABLE tickets (id INTEGER PRIMARY KEY, {cols})")
        marks = ", ".join("?" * len(header))
        names = ", ".join(f"c{i}" for i in range(len(header)))
        with con:
            con.executemany(f"INSERT INTO tickets ({names}) VALUES ({marks})", rows)
        con.close()
        emit(seconds=time.perf_counter() - t0, rows=len(rows))


def jira_again_csdesk(data_dir: str, csv_path: str) -> None:
    """Import the file, then (timed) import the same file again: every ticket exists."""
    from bench.portfolio import copy_of
    from csdesk.core.db import open_database, sqlite_url
    from csdesk.core.imports import base
    from csdesk.core.imports.all import load_all
    from csdesk.core.progress import Progress

    with tempfile.TemporaryDirectory(prefix="csdesk-bench-") as tmp:
        work = copy_of(Path(data_dir), Path(tmp) / "data")
        db = open_database(sqlite_url(work / DB_FILE))
        load_all()
        importer = base.importer_for("tickets", "jira")
        quiet = Progress(lambda d, t: None)
        first = base.run_import(db, importer, Path(csv_path), progress=quiet)
        if not first.ok:
            raise SystemExit(f"import failed: {first.summary()}")
        t0 = time.perf_counter()
        parsed = importer.read(Path(csv_path))
        result = base.run_import(db, importer, Path(csv_path), progress=quiet, parsed=parsed)
        seconds = time.perf_counter() - t0
        emit(seconds=seconds, summary=result.summary())


def jira_again_floor(data_dir: str, csv_path: str) -> None:
    """csv module, the known keys' ids, one executemany UPDATE of every row by id."""
    from bench.portfolio import copy_of

    with tempfile.TemporaryDirectory(prefix="csdesk-bench-") as tmp:
        work = copy_of(Path(data_dir), Path(tmp) / "data")
        t0 = time.perf_counter()
        with open(csv_path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        key, title, status = (header.index(c) for c in ("Issue key", "Summary", "Status"))
        con = sqlite3.connect(work / DB_FILE)
        ids = dict(con.execute("SELECT external_key, id FROM work_items"))  # as csdesk's begin
        with con:
            con.executemany(
                "UPDATE work_items SET title = ?, status = ? WHERE id = ?",
                ((r[title], r[status], ids.get(r[key])) for r in rows),
            )
        con.close()
        emit(seconds=time.perf_counter() - t0, rows=len(rows))


# ------------------------------------------------------------------ same-work floors
#
# The floors for OOO and the Jira import store nothing (OOO) or one
# table without indexes (Jira). These floors replay, with bare sqlite3, exactly
# the rows csdesk's own run added to every table (same schema, indexes, foreign
# keys and pragmas), around the same reading and writing as the floor.


def _keep(db: object, work: Path, keep: str) -> None:
    """Copy the database csdesk wrote to ``keep`` (once: the first run's)."""
    from bench.portfolio import copy_file

    if keep and not Path(keep).exists():
        db.engine.dispose()  # type: ignore[attr-defined]
        copy_file(work / DB_FILE, Path(keep))


def added_rows(before: Path, after: Path) -> list[tuple[str, list[str], list[tuple[object, ...]]]]:
    """Per table, the rows ``after`` has beyond ``before`` (rowid above its largest), parents first."""
    con = sqlite3.connect(f"{after.as_uri()}?mode=ro", uri=True)
    con.execute("ATTACH DATABASE ? AS before", (f"{before.as_uri()}?mode=ro",))
    tables = [
        name
        for (name,) in con.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    parents = {
        t: {r[2] for r in con.execute(f'PRAGMA main.foreign_key_list("{t}")')} - {t} for t in tables
    }
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ordered += [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
    out = []
    for t in ordered:
        cols = [r[1] for r in con.execute(f'PRAGMA main.table_info("{t}")')]
        top = con.execute(f'SELECT coalesce(max(rowid), 0) FROM before."{t}"').fetchone()[0]
        names = ", ".join(f'"{c}"' for c in cols)
        rows = con.execute(
            f'SELECT {names} FROM main."{t}" WHERE rowid > ? ORDER BY rowid', (top,)
        ).fetchall()
        if rows:
            out.append((t, cols, rows))
    con.close()
    return out


def replay(path: Path, tables: list[tuple[str, list[str], list[tuple[object, ...]]]]) -> None:
    """Insert ``tables``' rows in one transaction, with csdesk's connection pragmas."""
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
        con.execute(f"PRAGMA {pragma}")
    con.execute("BEGIN")
    for table, cols, rows in tables:
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" * len(cols))
        con.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    con.execute("COMMIT")
    con.close()


def jira_floor_tables(data_dir: str, csv_path: str, result_db: str) -> None:
    """csv module + executemany of the rows csdesk's import added, into the same tables."""
    from bench.portfolio import copy_of

    tables = added_rows(Path(data_dir) / DB_FILE, Path(result_db))
    with tempfile.TemporaryDirectory(prefix="csdesk-bench-") as tmp:
        work = copy_of(Path(data_dir), Path(tmp) / "data")
        t0 = time.perf_counter()
        with open(csv_path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            next(reader)
            rows = list(reader)
        replay(work / DB_FILE, tables)
        emit(
            seconds=time.perf_counter() - t0,
            rows=len(rows),
            written={t: len(r) for t, _, r in tables},
        )


def ooo_floor_tables(data_dir: str, counts: str, result_db: str) -> None:
    """The OOO floor, plus the rows csdesk's run added (plan, triage, ...) and one read of them."""
    from bench.portfolio import copy_of

    tables = added_rows(Path(data_dir) / DB_FILE, Path(result_db))
    with tempfile.TemporaryDirectory(prefix="csdesk-bench-") as tmp:
        work = copy_of(Path(data_dir), Path(tmp) / "data")
        t0 = time.perf_counter()
        replay(work / DB_FILE, tables)
        con = sqlite3.connect(work / DB_FILE)
        con.execute("SELECT * FROM handoff_items").fetchall()
        con.close()
        seconds = time.perf_counter() - t0
    # the floor (read the items, write the workbook) in the same process, after
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ooo_floor(data_dir, counts)
    xlsx = json.loads(out.getvalue().split("BENCH ", 1)[1])
    emit(
        seconds=seconds + xlsx["seconds"],
        written={t: len(r) for t, _, r in tables},
    )


FIGURES = {
    "search": search_csdesk,
    "search-floor": search_floor,
    "ooo": ooo_csdesk,
    "ooo-floor": ooo_floor,
    "jira": jira_csdesk,
    "jira-floor": jira_floor,
    "jira-floor-tables": jira_floor_tables,
    "jira-again": jira_again_csdesk,
    "jira-again-floor": jira_again_floor,
    "ooo-floor-tables": ooo_floor_tables,
}


if __name__ == "__main__":
    name, *rest = sys.argv[1:]
    func = FIGURES[name]
    if name.startswith("search"):
        func(rest[0], rest[1], int(rest[2]))
    else:
        func(*rest)  # type: ignore[operator]
