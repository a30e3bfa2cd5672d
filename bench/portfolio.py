"""A seeded synthetic portfolio at benchmark scale, written through csdesk's own storage.

The database is created and migrated by ``csdesk.core.db.open_database`` and
seeded with the demo directory, products and accounts (``build_demo``, so the
roles and rules hold); the bulk - more accounts, tasks and tickets with their
assignees, and the communication log - is added with SQLAlchemy core
``insert()`` executemany on the app's own model tables. Every item is
assigned to "me" (so the out-of-office triage sees all the open ones) and a
quarter of the items are open.

Files are cached under ``$CSDESK_BENCH_CACHE`` (default: the temp dir) per
size and seed, so repeated runs reuse them; ``portfolio_path`` returns the
SQLite file of a data dir usable as ``csdesk --data-dir``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select

from csdesk.core import demo
from csdesk.core.db import open_database, sqlite_url
from csdesk.core.enums import (
    CLOSED_STATUSES,
    Category,
    Channel,
    Direction,
    Health,
    ItemType,
    LifecycleStage,
    Priority,
    Role,
    Status,
)
from csdesk.core.models import (
    Account,
    Colleague,
    ColleagueRole,
    CommLogEntry,
    WorkItem,
    WorkItemAssignee,
)
from csdesk.paths import DB_FILE

OPEN_SHARE = 0.25  # a quarter of the items are open: 5,000 of the default 20,000
CHUNK = 5000


@dataclass(frozen=True)
class Size:
    accounts: int
    items: int
    log: int

    def key(self) -> str:
        return f"a{self.accounts}-i{self.items}-l{self.log}"


def cache_root() -> Path:
    return Path(
        os.environ.get("CSDESK_BENCH_CACHE") or Path(tempfile.gettempdir()) / "csdesk-bench"
    )


def portfolio_path(size: Size, seed: int = 7, log=print) -> Path:
    """The data dir holding a database of ``size`` (built once, then reused)."""
    data_dir = cache_root() / f"{size.key()}-s{seed}"
    db_file = data_dir / DB_FILE
    done = data_dir / "complete"
    if not done.exists():
        if db_file.exists():
            db_file.unlink()
        data_dir.mkdir(parents=True, exist_ok=True)
        log(f"building portfolio {size.key()} seed {seed} in {data_dir} ...")
        build(db_file, size, seed)
        done.write_text("ok\n")
    else:
        # A portfolio cached by an older csdesk: upgrade it once, here, so that every
        # figure and floor (which copy it) starts from the current schema and indexes.
        open_database(sqlite_url(db_file)).close()
    return data_dir


def _batched(rows: list[dict], n: int = CHUNK):
    for i in range(0, len(rows), n):
        yield rows[i : i + n]


def build(db_file: Path, size: Size, seed: int) -> None:
    today = dt.date.today()
    db = open_database(sqlite_url(db_file))
    try:
        demo.build_demo(db, today=today, seed=seed)
        rng = random.Random(seed)
        now = dt.datetime.now(dt.UTC)
        with db.engine.begin() as conn:
            me = conn.execute(
                select(ColleagueRole.colleague_id).where(ColleagueRole.role == Role.ME)
            ).scalar_one()
            colleagues = list(conn.execute(select(Colleague.id)).scalars())
            existing = conn.execute(select(Account.id)).scalars().all()
            # More accounts, up to size.accounts.
            words = [w for row in demo._ACCOUNTS for w in row[0].split() if w.isalpha()]
            new_accounts = [
                {
                    "name": f"{rng.choice(words)} {rng.choice(words)} {n:05d}",
                    "external_id": f"SF-B{n:06d}",
                    "paid_seats": rng.randint(5, 3000),
                    "lifecycle_stage": rng.choice(list(LifecycleStage)),
                    "health": rng.choice(list(Health)),
                    "renewal_date": today + dt.timedelta(days=rng.randint(1, 365)),
                    "account_manager_id": rng.choice(colleagues),
                    "website": f"https://www.bench{n}.example",
                    "notes": "",
                    "created_at": now,
                    "updated_at": now,
                }
                for n in range(max(0, size.accounts - len(existing)))
            ]
            for batch in _batched(new_accounts):
                conn.execute(insert(Account), batch)
            account_ids = conn.execute(select(Account.id)).scalars().all()
            titles = [row[3] for row in demo._TASKS] + [row[1] for row in demo._TICKETS]
            open_statuses = [s for s in Status if s not in CLOSED_STATUSES]
            closed = sorted(CLOSED_STATUSES, key=lambda s: s.value)
            first_id = (
                conn.execute(select(WorkItem.id).order_by(WorkItem.id.desc())).first() or [0]
            )[0] + 1
            items, assignees = [], []
            for n in range(size.items):
                is_open = rng.random() < OPEN_SHARE
                is_ticket = rng.random() < 0.4
                created = now - dt.timedelta(days=rng.randint(1, 400), minutes=rng.randint(0, 600))
                due = now + dt.timedelta(days=rng.randint(-10, 40), hours=rng.randint(0, 8))
                item_id = first_id + n
                items.append(
                    {
                        "id": item_id,
                        "item_type": ItemType.TICKET if is_ticket else ItemType.TASK,
                        "title": rng.choice(titles),
                        "description": "Synthetic benchmark item.",
                        "account_id": rng.choice(account_ids),
                        "status": rng.choice(open_statuses) if is_open else rng.choice(closed),
                        "status_changed_at": created,
                        "priority": rng.choice(list(Priority)),
                        "category": rng.choice(list(Category)),
                        "channels": [
                            Channel.TICKET.value if is_ticket else Channel.TASK_TOOL.value
                        ],
                        "external_url": "",
                        "external_key": f"BEN-{item_id}" if is_ticket else None,
                        "source": "",
                        "created_at": created,
                        "updated_at": created,
                        "due_at": due,
                        "last_follow_up_at": created + dt.timedelta(days=1) if is_ticket else None,
                        "done_at": None if is_open else created + dt.timedelta(days=2),
                    }
                )
                assignees.append({"item_id": item_id, "colleague_id": me})
                other = rng.choice(colleagues)
                if other != me:
                    assignees.append({"item_id": item_id, "colleague_id": other})
            for batch in _batched(items):
                conn.execute(insert(WorkItem), batch)
            for batch in _batched(assignees):
                conn.execute(insert(WorkItemAssignee), batch)
            entries = [
                {
                    "account_id": rng.choice(account_ids),
                    "channel": rng.choice(list(Channel)),
                    "direction": rng.choice(list(Direction)),
                    "counterpart": "Benchmark contact",
                    "summary": f"Synthetic log entry {n}: {rng.choice(titles)}",
                    "occurred_at": now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 365)),
                    "created_at": now,
                }
                for n in range(size.log)
            ]
            for batch in _batched(entries):
                conn.execute(insert(CommLogEntry), batch)
    finally:
        db.close()
    con = sqlite3.connect(db_file)  # fold the WAL back so copies of the file are complete
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def copy_of(data_dir: Path, into: Path) -> Path:
    """A private copy of a cached database (for the figures that write)."""
    into.mkdir(parents=True, exist_ok=True)
    copy_file(data_dir / DB_FILE, into / DB_FILE)
    return into


def copy_file(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` (read-only) into ``target``."""
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
