"""Google failures in plain words, scopes per feature, and the client file checks."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from csdesk.core.google import auth
from csdesk.core.google import errors as gerr
from csdesk.core.google.errors import explain, from_http


def _body(code: int, reason: str, message: str = "m") -> bytes:
    return json.dumps(
        {"error": {"code": code, "message": message, "errors": [{"reason": reason}]}}
    ).encode()


@pytest.mark.parametrize(
    ("status", "reason", "message", "kind", "words"),
    [
        (401, "authError", "Invalid Credentials", gerr.RECONNECT, "Reconnect"),
        (403, "insufficientPermissions", "Insufficient", gerr.PERMISSION, "not granted"),
        (
            403,
            "accessNotConfigured",
            "Gmail API has not been used in project 123 before or it is disabled. Enable it by "
            "visiting https://console.developers.google.com/apis/api/gmail.googleapis.com/"
            "overview?project=123 then retry.",
            gerr.API_DISABLED,
            "https://console.developers.google.com/apis/api/gmail.googleapis.com/overview?project=123",
        ),
        (400, "failedPrecondition", "Mail service not enabled", gerr.NO_GMAIL, "no Gmail"),
        (429, "rateLimitExceeded", "slow", gerr.RATE_LIMITED, "slow down"),
        (403, "userRateLimitExceeded", "slow", gerr.RATE_LIMITED, "slow down"),
        (500, "backendError", "oops", gerr.SERVER, "Try again later"),
        (503, "", "", gerr.SERVER, "Try again later"),
        (404, "notFound", "Not Found", gerr.NOT_FOUND, "could not find"),
        (409, "duplicate", "The requested identifier already exists.", gerr.CONFLICT, "exists"),
        (400, "invalid", "Bad value", gerr.BAD_REQUEST, "Bad value"),
    ],
)
def test_http_errors_in_words(
    status: int, reason: str, message: str, kind: str, words: str
) -> None:
    error = from_http(status, _body(status, reason, message), "gmail", "set your auto-reply")
    assert error.kind == kind
    assert words in error.message
    assert error.reason == reason
    assert error.retryable == (kind in gerr.RETRYABLE)


def test_api_disabled_names_the_api() -> None:
    error = from_http(403, _body(403, "accessNotConfigured", "disabled"), "calendar", "x")
    assert "Google Calendar API" in error.message


def test_network_errors_are_offline_and_unknown_ones_named() -> None:
    assert explain(ConnectionRefusedError()).kind == gerr.OFFLINE
    assert explain(socket.gaierror()).kind == gerr.OFFLINE
    assert explain(TimeoutError()).kind == gerr.TIMEOUT
    odd = explain(ValueError("secret-ish detail"))
    assert odd.kind == gerr.BAD_REQUEST and "secret-ish" not in odd.message


def test_refresh_errors() -> None:
    from google.auth.exceptions import RefreshError, TransportError

    revoked = explain(RefreshError("invalid_grant: Token has been expired or revoked.", {}))
    assert revoked.kind == gerr.RECONNECT and "Reconnect" in revoked.message
    assert explain(TransportError("Connection refused")).kind == gerr.OFFLINE


def test_scopes_are_least_and_per_feature() -> None:
    assert auth.scopes_for(["vacation"]) == [auth.GMAIL_SETTINGS]
    assert auth.scopes_for(["calendar", "meetings"]) == [auth.CALENDAR_EVENTS]
    assert set(auth.scopes_for(auth.FEATURE_KEYS)) == {
        auth.GMAIL_SETTINGS,
        auth.CALENDAR_EVENTS,
        auth.DRIVE_FILE,
        auth.CALENDAR_FREEBUSY,
    }
    with pytest.raises(auth.KnownError):
        auth.scopes_for(["mail"])


def test_features_follow_granted_scopes_not_requested() -> None:
    conn = auth.Connection("me@example.com", (auth.GMAIL_SETTINGS, auth.DRIVE_FILE))
    assert conn.features == ("vacation", "sheet")
    assert conn.missing(["vacation", "calendar"]) == ["calendar"]
    broad = auth.Connection("me@example.com", ("https://www.googleapis.com/auth/calendar",))
    assert broad.allows("calendar") and broad.allows("availability")


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "client.json"
    path.write_text(json.dumps(data))
    return path


def test_client_file_checks(tmp_path: Path) -> None:
    good = {"installed": {"client_id": "id.apps.googleusercontent.com", "client_secret": "s"}}
    config = auth.load_client_config(_write(tmp_path, good))
    assert config["installed"]["token_uri"] == auth.GOOGLE_TOKEN_URI
    with pytest.raises(auth.ClientFileError, match="Web application"):
        auth.load_client_config(_write(tmp_path, {"web": {"client_id": "x"}}))
    with pytest.raises(auth.ClientFileError, match="sign-in, not an OAuth client"):
        auth.load_client_config(_write(tmp_path, {"type": "authorized_user"}))
    with pytest.raises(auth.ClientFileError, match="not a Google OAuth client"):
        auth.load_client_config(_write(tmp_path, {"installed": {}}))
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\x01binary")
    with pytest.raises(auth.ClientFileError, match="not a JSON file"):
        auth.load_client_config(bad)
    with pytest.raises(auth.ClientFileError, match="does not exist"):
        auth.load_client_config(tmp_path / "missing.json")


def test_endpoint_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(auth.ENV_API_ROOT, "http://127.0.0.1:9")
    assert auth.api_root() == "http://127.0.0.1:9/"
    assert auth.token_uri() == "http://127.0.0.1:9/token"
    assert auth.revoke_uri() == "http://127.0.0.1:9/revoke"
    good = {"installed": {"client_id": "id", "client_secret": "s"}}
    config = auth.load_client_config(_write(tmp_path, good))["installed"]
    assert config["auth_uri"] == "http://127.0.0.1:9/o/oauth2/auth"
    assert config["token_uri"] == "http://127.0.0.1:9/token"


def test_not_connected_is_clear() -> None:
    with pytest.raises(gerr.GoogleError) as info:
        auth.credentials()
    assert info.value.kind == gerr.NOT_CONNECTED
    assert auth.status() is None
    assert auth.logout().was_connected is False
