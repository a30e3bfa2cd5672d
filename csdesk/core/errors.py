"""Errors csdesk expects and explains, apart from bugs.

A :class:`KnownError` carries words a CSM can act on; the GUI shows it as a
plain message. Anything else is a bug and reaches the crash dialog.
"""

from __future__ import annotations


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
