"""One csdesk window per database: a lock file beside the database file.

The lock is an OS file lock (``fcntl.flock`` on Linux and macOS,
``msvcrt.locking`` on Windows) on ``<database>.lock``, so it goes away with the
process however it ends (even killed): there is never a stale lock to clear by
hand. The file itself stays; it holds the process id of the holder, for
information only. Command-line runs do not take it: they may work beside the
window, and SQLite's own locking keeps each write whole.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from csdesk.core.errors import AlreadyRunningError


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class InstanceLock:
    """Held while a csdesk window works on ``database``; :meth:`acquire` refuses a second one."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> bool:
        """Take the lock; False when the lock file cannot be made (read-only folder).

        Raises :class:`AlreadyRunningError` when another process holds it.
        """
        try:
            f = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        except OSError:
            return False  # the database open that follows says what is wrong with the folder
        try:
            _lock(f)
        except OSError as exc:
            f.close()
            folder = self.database.parent
            raise AlreadyRunningError(
                f"csdesk is already running with this data folder ({folder}). Switch to its "
                "window: two windows on the same data could overwrite each other's changes. "
                "(To work on other data at the same time, start csdesk with --data-dir.)"
            ) from exc
        with contextlib.suppress(OSError):
            f.seek(0)
            f.truncate()
            f.write(f"{os.getpid()}\n".encode())
            f.flush()
        self._file = f
        return True

    def release(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            _unlock(self._file)
        self._file.close()
        self._file = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(f: IO[bytes]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(f: IO[bytes]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(f: IO[bytes]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(f: IO[bytes]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
