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
import errno
import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from csdesk.core.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    KnownError,
    ReadOnlyDataError,
    SchemaTooNewError,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")
BUSY_TIMEOUT_MS = 5000


# The schema revisions in csdesk/migrations/versions, oldest first. Opening a
# database compares its stamp with this list, so Alembic (~0.2 s to import and
# to parse the scripts) loads only when a database must be created or upgraded;
# tests/core/test_db.py checks the list against Alembic's own view of the scripts.
REVISIONS = ("0001", "0002", "0003", "0004")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    return cfg


def head_revision() -> str:
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def _stamped_revision(conn: Any) -> str | None:
    """The revision in the database's ``alembic_version`` table (None: a new database)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return str(row[0]) if row else None


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin:
    # otherwise a SAVEPOINT opened before any write starts no real transaction
    # and its RELEASE commits - which would break all-or-nothing imports.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _file_revision(path: Path, backup_dir: Path | None = None) -> str | None:
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
        raise damaged(path, str(exc), backup_dir) from exc
    finally:
        con.close()


def latest_backup(path: Path, backup_dir: Path | None) -> Path | None:
    """The newest copy of the database ``path`` in ``backup_dir`` (see :func:`backup_sqlite`)."""
    if backup_dir is None or not backup_dir.is_dir():
        return None
    pattern = re.compile(rf"^{re.escape(path.stem)}-\d{{8}}-\d{{6}}-.*\.sqlite3$")
    try:
        copies = [p for p in backup_dir.iterdir() if pattern.match(p.name) and p.is_file()]
    except OSError:
        return None
    return max(copies, key=lambda p: (p.stat().st_mtime, p.name), default=None)


def damaged(path: Path, why: str, backup_dir: Path | None) -> DamagedDatabaseError:
    """The error for a damaged database file, naming the newest backup if there is one."""
    backup = latest_backup(path, backup_dir)
    if backup is not None:
        taken = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%d %b %Y %H:%M")
        advice = (
            f"The newest backup is {backup} (taken {taken}): "
            "copy it to another name and open that, or move the damaged file away and put "
            "the copy in its place."
        )
    elif backup_dir is not None:
        advice = (
            f"There is no backup in {backup_dir}; "
            "move the damaged file away to start afresh, or restore it from your own copies."
        )
    else:
        advice = "Restore a copy from the backups folder or move the file away to start afresh."
    return DamagedDatabaseError(
        f"The database file {path} is damaged or is not a database ({why}). "
        f"csdesk has not changed it. {advice}",
        path=path,
        backup=backup,
    )


def explain_database_error(
    exc: BaseException, where: str, backup_dir: Path | None = None
) -> KnownError | None:
    """Plain words for what SQLite reports about the file and the disk; None for anything else.

    Every one of these leaves the database as it was before the failed action:
    SQLite rolls the transaction back.
    """
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseBusyError(
            f"The database {where} is busy: another csdesk (or another program) is writing "
            "to it. Nothing was changed. Wait for it to finish (or close the other csdesk), "
            "then try again."
        )
    if "database or disk is full" in text or "disk is full" in text:
        return DiskFullError(
            f"The disk is full: csdesk could not save to the database {where}. Nothing was "
            "changed; your data is as it was before. Free some space, then try again."
        )
    if "readonly database" in text or "read-only" in text or "read only" in text:
        return ReadOnlyDataError(
            f"csdesk cannot write to the database {where}: the file or its folder is "
            "read-only. Nothing was changed. Make the folder writable, or start csdesk "
            "with another data folder (--data-dir)."
        )
    if "unable to open database file" in text:
        return ReadOnlyDataError(
            f"csdesk cannot open the database {where}: its folder is missing or cannot be "
            "written. Nothing was changed. Check the folder, or start csdesk with another "
            "data folder (--data-dir)."
        )
    if "disk i/o error" in text:
        return DatabaseError(
            f"The disk failed while csdesk read or wrote the database {where}. Nothing was "
            "changed by this action. Check the disk, then try again."
        )
    if "malformed" in text or "not a database" in text:
        path = Path(where)
        return damaged(path, str(orig), backup_dir)
    return None


def _unused_name(folder: Path, name: Callable[[str], str]) -> Path:
    """``folder / name(stamp)`` with the time as stamp, or ``-1``, ``-2``… after it if taken."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target, n = folder / name(stamp), 1
    while target.exists():
        target, n = folder / name(f"{stamp}-{n}"), n + 1
    return target


def _copy_sqlite(source: Path, target: Path) -> None:
    """Copy the SQLite database ``source`` (read only) into ``target`` with the online backup API."""
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def backup_sqlite(path: Path, backup_dir: Path, label: str) -> Path:
    """Copy a live SQLite database with the online backup API; returns the copy's path."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = _unused_name(backup_dir, lambda stamp: f"{path.stem}-{stamp}-{label}.sqlite3")
    try:
        _copy_sqlite(path, target)
    except BaseException:
        with contextlib.suppress(OSError):  # never leave half a backup that looks whole
            target.unlink()
        raise
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
    backup_dir: Path | None = None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on error, always closes.

        A locked database, a full disk, a read-only or damaged file become a
        :class:`KnownError` in plain words (the transaction was rolled back).
        """
        try:
            with self.sessions() as s, s.begin():
                yield s
        except sa_exc.DatabaseError as exc:
            known = explain_database_error(exc, self.where, self.backup_dir)
            if known is None:
                raise
            log.warning("database error: %s", exc)
            raise known from exc

    @property
    def where(self) -> str:
        path = self.sqlite_path
        return str(path) if path is not None else make_url(self.url).render_as_string()

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
            current = _file_revision(path, backup_dir)
            _refuse_newer(current, str(path))
            if migrate and current is not None and current != head and backup_dir is not None:
                try:
                    backup_made = backup_sqlite(path, backup_dir, f"before-{head}")
                except (OSError, sqlite3.Error) as exc:
                    full = "full" in str(exc).lower() or getattr(exc, "errno", 0) == errno.ENOSPC
                    why = "the disk is full" if full else str(exc)
                    raise DatabaseError(
                        f"csdesk must upgrade the database {path} and backs it up first, but "
                        f"the backup in {backup_dir} failed ({why}). The database has not been "
                        "changed. Free some space or make the folder writable, then start again."
                    ) from exc
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
            current = _stamped_revision(conn)
        _refuse_newer(current, u.render_as_string(hide_password=True))
        if migrate and current != head:
            from alembic import command

            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            log.info("database %s migrated from %s to %s", path or "(url)", current, head)
    except sa_exc.DatabaseError as exc:
        engine.dispose()
        where = str(path) if path is not None else u.render_as_string(hide_password=True)
        known = explain_database_error(exc, where, backup_dir)
        if known is None:
            raise
        raise known from exc
    except Exception:
        engine.dispose()
        raise
    return Database(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        url=url,
        backup_made=backup_made,
        backup_dir=backup_dir,
    )


def restore_backup(path: Path, backup: Path) -> Path:
    """Put a copy of ``backup`` in place of the damaged database ``path``.

    The damaged file is never overwritten nor changed: it is renamed (with its
    -wal/-shm files, which belong to it and must not be replayed into the
    copy) to ``<name>.damaged-<stamp>``, and that name is returned. The backup
    itself stays where it is; a copy of it is written beside ``path`` and
    renamed into place, so a failure leaves either no database or a whole one.
    """
    aside = _unused_name(path.parent, lambda stamp: f"{path.name}.damaged-{stamp}")
    tmp = path.with_name(f".{path.name}.restoring")
    try:
        _copy_sqlite(backup, tmp)
        if path.exists():
            path.rename(aside)
        for suffix in ("-wal", "-shm", "-journal"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(aside.with_name(aside.name + suffix))
        tmp.replace(path)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DatabaseError(
            f"csdesk could not put the backup {backup} in place of {path} ({exc}). "
            "The damaged file has not been changed."
        ) from exc
    log.warning("restored %s from %s; the damaged file is now %s", path, backup, aside)
    return aside
