"""Google failures in words a CSM understands (SPEC "Google integration", issue 6).

:func:`explain` turns whatever the Google client libraries raise into a
:class:`GoogleError` with a ``kind`` (for code: retry or not, reconnect or
not) and a message (for people). Google's own texts are quoted only where
they help (the "enable this API" link); tokens never appear — the libraries'
exception texts are not passed on except for the parts picked out here.
"""

from __future__ import annotations

import json
import re
import socket
from typing import Any

from csdesk.core.errors import KnownError

# kinds
RECONNECT = "reconnect"  # expired or revoked access: connect again
PERMISSION = "permission"  # a scope was not granted / the action is not allowed
API_DISABLED = "api_disabled"  # the API is not enabled in the user's Cloud project
NO_GMAIL = "no_gmail"  # the account has no Gmail
OOO_UNAVAILABLE = "ooo_unavailable"  # out-of-office events need Google Workspace
RATE_LIMITED = "rate_limited"
SERVER = "server"
OFFLINE = "offline"
NOT_FOUND = "not_found"
CONFLICT = "conflict"
BAD_REQUEST = "bad_request"
NOT_CONNECTED = "not_connected"
CANCELLED = "cancelled"
TIMEOUT = "timeout"

#: Kinds where trying again later may work without the user changing anything.
RETRYABLE = frozenset({RATE_LIMITED, SERVER, OFFLINE, TIMEOUT})

_SERVICE_NAMES = {
    "gmail": "Gmail API",
    "calendar": "Google Calendar API",
    "sheets": "Google Sheets API",
    "drive": "Google Drive API",
}


class GoogleError(KnownError):
    title = "Google could not do it"

    def __init__(
        self,
        message: str,
        kind: str,
        status: int | None = None,
        reason: str = "",
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.reason = reason  # Google's reason code, e.g. "accessNotConfigured"
        self.detail = detail  # Google's own message, for code that needs to look closer

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE


def _details(content: bytes | str | None) -> tuple[str, str, str]:
    """(reason, message, status) from a Google JSON error body."""
    if not content:
        return "", "", ""
    try:
        data: Any = json.loads(content)
    except (ValueError, TypeError):
        return "", "", ""
    err = data.get("error") if isinstance(data, dict) else None
    if isinstance(err, str):  # OAuth endpoint style: {"error": "invalid_grant"}
        return err, str(data.get("error_description", "")), ""
    if not isinstance(err, dict):
        return "", "", ""
    reason = ""
    errors = err.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        reason = str(errors[0].get("reason", ""))
    if not reason:
        for detail in err.get("details") or ():
            if isinstance(detail, dict) and detail.get("reason"):
                reason = str(detail["reason"])
                break
    return reason, str(err.get("message", "")), str(err.get("status", ""))


_LINK = re.compile(r"https://console\.(?:developers|cloud)\.google\.com/\S+")


def _api_name(service: str) -> str:
    return _SERVICE_NAMES.get(service, "the Google API")


def from_http(status: int, content: bytes | str | None, service: str, doing: str) -> GoogleError:
    """Map an HTTP error answer of a Google API to a GoogleError."""
    reason, message, state = _details(content)
    error = _from_http(status, reason, message, state, service, doing)
    error.reason, error.detail = reason, message
    return error


def _from_http(
    status: int, reason: str, message: str, state: str, service: str, doing: str
) -> GoogleError:
    lowered = f"{reason} {message}".lower()
    if status == 401:
        return GoogleError(
            f"Google no longer accepts csdesk's access while trying to {doing}. "
            "Reconnect your Google account in Settings → Google account.",
            RECONNECT,
            status,
        )
    if reason == "accessNotConfigured" or "has not been used in project" in lowered:
        link = _LINK.search(message)
        where = f" Enable it here: {link.group(0).rstrip('.')}" if link else ""
        return GoogleError(
            f"The {_api_name(service)} is not enabled in the Google Cloud project of your "
            f"csdesk client.{where} — then wait a few minutes and retry.",
            API_DISABLED,
            status,
        )
    if reason == "failedPrecondition" and "mail service not enabled" in lowered:
        return GoogleError(
            "This Google account has no Gmail, so csdesk cannot set an auto-reply on it. "
            "Connect the account you use for email, or set the auto-reply by hand.",
            NO_GMAIL,
            status,
        )
    if reason in {"rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded"} or status == 429:
        return GoogleError(
            f"Google asked csdesk to slow down while trying to {doing}, and kept refusing "
            "after several tries. Wait a few minutes and retry; nothing was lost.",
            RATE_LIMITED,
            status,
        )
    if status == 403 and (
        reason in {"insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"}
        or "insufficient" in lowered
    ):
        return GoogleError(
            f"csdesk is not allowed to {doing}: that permission was not granted when the "
            "Google account was connected. Reconnect in Settings → Google account and leave "
            "the permission ticked on Google's consent page.",
            PERMISSION,
            status,
        )
    if status == 403:
        text = f" Google said: {message}" if message else ""
        return GoogleError(f"Google refused to let csdesk {doing}.{text}", PERMISSION, status)
    if status == 404:
        return GoogleError(
            f"Google could not find what csdesk needed to {doing} (it may have been deleted).",
            NOT_FOUND,
            status,
        )
    if status == 409:
        return GoogleError(
            f"Google reports a conflict while trying to {doing}: it already exists.",
            CONFLICT,
            status,
        )
    if status >= 500:
        return GoogleError(
            f"Google's servers had a problem while csdesk tried to {doing}, and kept failing "
            "after several tries. Try again later; every finished step is kept.",
            SERVER,
            status,
        )
    text = f" Google said: {message}" if message else ""
    return GoogleError(
        f"Google did not accept the request to {doing} ({status}{', ' + state if state else ''})."
        f"{text}",
        BAD_REQUEST,
        status,
    )


def offline(doing: str) -> GoogleError:
    return GoogleError(
        f"csdesk could not reach Google to {doing}: the computer seems to be offline, "
        "or a firewall blocks it. Try again later; every finished step is kept.",
        OFFLINE,
    )


def explain(exc: BaseException, service: str = "", doing: str = "talk to Google") -> GoogleError:
    """Whatever a Google call raised, as a GoogleError (already-explained errors pass through)."""
    if isinstance(exc, GoogleError):
        return exc
    import httplib2
    from google.auth import exceptions as auth_exc
    from googleapiclient.errors import HttpError

    if isinstance(exc, HttpError):
        status = int(getattr(exc.resp, "status", 0) or 0)
        return from_http(status, exc.content, service, doing)
    if isinstance(exc, auth_exc.RefreshError):
        text = str(exc.args[0]) if exc.args else ""
        if "invalid_grant" in text or "invalid_client" in text or "unauthorized_client" in text:
            return GoogleError(
                "Your Google sign-in has expired or was revoked (for example from your Google "
                "account's security page, or after 7 days for a Cloud project left in "
                "'Testing'). Reconnect in Settings → Google account.",
                RECONNECT,
            )
        if isinstance(exc, auth_exc.TransportError) or "connection" in text.lower():
            return offline(doing)
        return GoogleError(
            "Google refused to renew csdesk's access. Reconnect in Settings → Google account.",
            RECONNECT,
        )
    if isinstance(exc, auth_exc.TransportError):
        return offline(doing)
    if isinstance(exc, TimeoutError | socket.timeout):
        return GoogleError(
            f"Google did not answer in time while csdesk tried to {doing}. "
            "Try again later; every finished step is kept.",
            TIMEOUT,
        )
    if isinstance(exc, ConnectionError | OSError | httplib2.HttpLib2Error):
        return offline(doing)
    return GoogleError(
        f"An unexpected problem stopped csdesk while trying to {doing} ({type(exc).__name__}).",
        BAD_REQUEST,
    )
