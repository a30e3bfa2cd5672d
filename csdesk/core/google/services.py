"""One session of Google calls: credentials, one HTTP connection, the API clients.

``httplib2.Http`` is not thread-safe, so a :class:`GoogleSession` is made by
the worker that uses it and closed when the work ends. Clients are built from
the discovery documents shipped inside ``google-api-python-client``
(``static_discovery=True``: no network needed to build them), pointed at
``CSDESK_GOOGLE_API_ROOT`` when it is set. ``api_endpoint`` replaces the root
*and* the service path, hence the per-service suffixes.

:meth:`GoogleSession.call` runs a request with the library's retries
(exponential back-off on 5xx, 429 and rate-limit 403s, and on dropped
connections) and turns any failure into a :class:`GoogleError`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from csdesk.core.google import errors as gerr
from csdesk.core.google.auth import (
    CALENDAR_EVENTS,
    DRIVE_FILE,
    GMAIL_SETTINGS,
    allows,
    api_root,
    credentials,
    keep_rotated,
)

if TYPE_CHECKING:
    from google.oauth2.credentials import Credentials

VERSIONS = {"gmail": "v1", "calendar": "v3", "sheets": "v4", "drive": "v3"}
_PATHS = {"gmail": "", "calendar": "calendar/v3/", "sheets": "", "drive": "drive/v3/"}
#: The client's retries: it waits random() * 2**n seconds before try n (n = 1..RETRIES).
RETRIES = 4
TIMEOUT_SECONDS = 60


class GoogleSession:
    def __init__(self, creds: Credentials | None = None) -> None:
        import google_auth_httplib2
        import httplib2

        self.creds = creds if creds is not None else credentials()
        self._raw = httplib2.Http(timeout=TIMEOUT_SECONDS)
        self._http = google_auth_httplib2.AuthorizedHttp(self.creds, http=self._raw)
        self._services: dict[str, Any] = {}

    def __enter__(self) -> GoogleSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        # a keyring hiccup must not hide the result of the calls
        with contextlib.suppress(Exception):
            keep_rotated(self.creds)
        for service in self._services.values():
            service.close()
        self._services.clear()
        self._raw.close()

    def service(self, name: str) -> Any:
        if name not in self._services:
            from googleapiclient.discovery import build

            root = api_root()
            options = {"api_endpoint": root + _PATHS[name]} if root else None
            self._services[name] = build(
                name,
                VERSIONS[name],
                http=self._http,
                client_options=options,
                static_discovery=True,
                cache_discovery=False,
            )
        return self._services[name]

    def call(self, request: Any, service: str, doing: str) -> Any:
        """Execute ``request`` with retries; failures become GoogleError."""
        try:
            return request.execute(num_retries=RETRIES)
        except Exception as exc:
            raise gerr.explain(exc, service, doing) from None

    # -------------------------------------------------------------- account

    def account_email(self, granted: Iterable[str]) -> str:
        """The account's address, learnt with whichever granted scope allows it."""
        granted = tuple(granted)
        if allows(granted, GMAIL_SETTINGS):
            gmail = self.service("gmail")
            answer = self.call(
                gmail.users().settings().sendAs().list(userId="me"),
                "gmail",
                "read your Gmail address",
            )
            entries = answer.get("sendAs") or []
            for entry in entries:
                if entry.get("isPrimary"):
                    return str(entry.get("sendAsEmail", ""))
            if entries:
                return str(entries[0].get("sendAsEmail", ""))
        if allows(granted, DRIVE_FILE):
            drive = self.service("drive")
            about = self.call(
                drive.about().get(fields="user(emailAddress)"), "drive", "read your address"
            )
            email = (about.get("user") or {}).get("emailAddress")
            if email:
                return str(email)
        if allows(granted, CALENDAR_EVENTS):
            cal = self.service("calendar")
            answer = self.call(
                cal.events().list(calendarId="primary", maxResults=1),
                "calendar",
                "read your calendar's address",
            )
            summary = str(answer.get("summary", ""))
            if "@" in summary:
                return summary
        return ""
