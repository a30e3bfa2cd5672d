"""Errors csdesk expects and explains, apart from bugs.

A :class:`KnownError` carries words a CSM can act on; the GUI shows it as a
plain message. Anything else is a bug and reaches the crash dialog.
"""

from __future__ import annotations

from pathlib import Path


class KnownError(Exception):
    """An error caused by the environment or the input, with a message for the user."""

    title = "Something needs your attention"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(KnownError):
    """Input that breaks a rule; ``field`` names the form field to point at."""

    title = "Please check the form"

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(KnownError):
    title = "Not found"


class HasOpenWorkError(KnownError):
    """Deleting a colleague who still has open assignments would orphan work (R2)."""

    title = "Colleague still has open work"

    def __init__(self, message: str, item_titles: list[str]) -> None:
        super().__init__(message)
        self.item_titles = item_titles


class DatabaseError(KnownError):
    title = "The csdesk database cannot be opened"


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer csdesk; it is left untouched."""


class DatabaseBusyError(DatabaseError):
    """Another process held a write lock for longer than the busy timeout."""

    title = "The csdesk database is busy"


class DiskFullError(DatabaseError):
    title = "The disk is full"


class ReadOnlyDataError(DatabaseError):
    """The database file or its folder cannot be written."""

    title = "csdesk cannot write its data"


class DamagedDatabaseError(DatabaseError):
    """The database file is damaged; it is left untouched. ``backup``: the newest copy, if any."""

    def __init__(self, message: str, path: Path | None = None, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class AlreadyRunningError(KnownError):
    """A csdesk window already works on this data folder."""

    title = "csdesk is already running"
