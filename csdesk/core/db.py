"""Opening the csdesk database: engine, SQLite pragmas, migrations and backups.

Start-up runs Alembic to the head revision. Before any upgrade of an existing
SQLite file the file is copied (SQLite's online backup, safe under WAL) into
the backup directory. A database stamped with a revision this csdesk does not
know came from a newer version: it is refused and left untouched, which is
why the revision is read through a read-only connection before the engine
(and its WAL pragma) ever touches the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from csdesk.core.errors import DatabaseError, SchemaTooNewError

log = logging.getLogger(__name__)

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin:
    # otherwise a SAVEPOINT opened before any write starts no real transaction
    # and its RELEASE commits - which would break all-or-nothing imports.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _file_revision(path: Path) -> str | None:
    """The Alembic revision stamped in an SQLite file, read without writing to it."""
    # immutable=1 reads without creating -wal/-shm files; it is only safe when
    # no -wal file exists (else committed pages may live in it).
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        con = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"csdesk cannot read its database file {path}: {exc}.") from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseError(
                    f"The file {path} is an SQLite database, but not a csdesk one. "
                    "csdesk will not change it; choose another data directory."
                )
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"The database file {path} is damaged or is not a database ({exc}). "
            "csdesk has not changed it. Restore a copy from the backups folder "
            "or move the file away to start afresh."
        ) from exc
    finally:
        con.close()


def backup_sqlite(path: Path, backup_dir: Path, label: str) -> Path:
    """Copy a live SQLite database with the online backup API; returns the copy's path."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}-{stamp}-{label}.sqlite3"
    n = 1
    while target.exists():
        target = backup_dir / f"{path.stem}-{stamp}-{label}-{n}.sqlite3"
        n += 1
    src = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("backed up %s to %s", path, target)
    return target


def _refuse_newer(revision: str | None, where: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNewError(
            f"The database {where} was written by a newer version of csdesk "
            f"(schema {revision}). This csdesk cannot read it and has not changed it. "
            "Please update csdesk, or open another data directory."
        )


@dataclass
class Database:
    """An open, migrated csdesk database and its session factory."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    backup_made: Path | None = None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on error, always closes."""
        with self.sessions() as s, s.begin():
            yield s

    def close(self) -> None:
        self.engine.dispose()

    @property
    def sqlite_path(self) -> Path | None:
        u = make_url(self.url)
        if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
            return Path(u.database)
        return None


def open_database(url: str, backup_dir: Path | None = None, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``url``."""
    u = make_url(url)
    is_sqlite = u.get_backend_name() == "sqlite"
    path = Path(u.database) if is_sqlite and u.database and u.database != ":memory:" else None
    backup_made: Path | None = None
    head = head_revision()
    if path is not None:
        if path.exists() and path.stat().st_size > 0:
            current = _file_revision(path)
            _refuse_newer(current, str(path))
            if migrate and current is not None and current != head and backup_dir is not None:
                backup_made = backup_sqlite(path, backup_dir, f"before-{head}")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"csdesk cannot create the folder {path.parent}: {exc}"
                ) from exc

    engine = create_engine(url)
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        _refuse_newer(current, u.render_as_string(hide_password=True))
        if migrate and current != head:
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            log.info("database %s migrated from %s to %s", path or "(url)", current, head)
    except Exception:
        engine.dispose()
        raise
    return Database(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        url=url,
        backup_made=backup_made,
    )
