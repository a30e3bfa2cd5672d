"""Connecting csdesk to the CSM's Google account (issue 6, SPEC "Google integration").

OAuth 2.0 for installed apps with ``google-auth-oauthlib``: the user's own
"Desktop app" client file, the system browser, a loopback redirect on a free
port of 127.0.0.1, PKCE (S256, by the library), ``access_type=offline`` and
``prompt=consent`` so that a refresh token always comes back. The wait for the
browser has a timeout and can be cancelled (the library's ``run_local_server``
can do neither, so the loopback loop is ours; the flow, PKCE and the token
exchange are the library's).

Least scopes, per feature, asked for only for the features the user picks;
features are then gated on the scopes Google actually *granted* (the consent
page lets people untick some), never on those requested.

The only thing kept is a small JSON in the OS keyring (:mod:`.secrets`): the
refresh token, the OAuth client it belongs to, the granted scopes and the
account's address — no access token, no expiry, so it stays far below the
Windows credential store's limit and a stale access token is never reused.

``CSDESK_GOOGLE_API_ROOT`` (tests, proxies) moves every Google call, the
token endpoint (``ROOT/token``), the revocation endpoint (``ROOT/revoke``) and
the consent page (``ROOT/o/oauth2/auth``) to another root.
"""

from __future__ import annotations

import json
import os
import time
import webbrowser
import wsgiref.simple_server
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from csdesk.core.errors import KnownError
from csdesk.core.google import errors as gerr
from csdesk.core.google.errors import GoogleError
from csdesk.core.google.secrets import delete_secret, get_secret, set_secret

if TYPE_CHECKING:
    from google.oauth2.credentials import Credentials

ENV_API_ROOT = "CSDESK_GOOGLE_API_ROOT"
GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"
GOOGLE_REVOKE_URI = "https://oauth2.googleapis.com/revoke"
GOOGLE_AUTH_URI = "https://accounts.google.com/o/oauth2/auth"
SECRET_NAME = "google-oauth"
LOGIN_TIMEOUT_SECONDS = 300.0

GMAIL_SETTINGS = "https://www.googleapis.com/auth/gmail.settings.basic"
CALENDAR_EVENTS = "https://www.googleapis.com/auth/calendar.events"
CALENDAR_FREEBUSY = "https://www.googleapis.com/auth/calendar.freebusy"
DRIVE_FILE = "https://www.googleapis.com/auth/drive.file"

#: Broader scopes that also allow what a feature needs (granted by another app's grant).
_ALSO_ENOUGH: dict[str, frozenset[str]] = {
    GMAIL_SETTINGS: frozenset({GMAIL_SETTINGS}),
    CALENDAR_EVENTS: frozenset({CALENDAR_EVENTS, "https://www.googleapis.com/auth/calendar"}),
    CALENDAR_FREEBUSY: frozenset(
        {
            CALENDAR_FREEBUSY,
            "https://www.googleapis.com/auth/calendar.events.freebusy",
            "https://www.googleapis.com/auth/calendar.readonly",
            "https://www.googleapis.com/auth/calendar",
        }
    ),
    DRIVE_FILE: frozenset({DRIVE_FILE, "https://www.googleapis.com/auth/drive"}),
}


@dataclass(frozen=True, slots=True)
class Feature:
    key: str
    label: str
    scope: str
    why: str


FEATURES: tuple[Feature, ...] = (
    Feature(
        "vacation",
        "Gmail auto-reply",
        GMAIL_SETTINGS,
        "sets and switches off the vacation responder (and reads your address)",
    ),
    Feature(
        "calendar",
        "Calendar out-of-office event",
        CALENDAR_EVENTS,
        "adds the out-of-office event that declines meetings while you are away",
    ),
    Feature(
        "meetings",
        "Hand-off and return meetings",
        CALENDAR_EVENTS,
        "invites the backup to the hand-off and return meetings",
    ),
    Feature(
        "sheet",
        "Shared hand-off sheet",
        DRIVE_FILE,
        "creates the sheet in your Drive and shares it with the backup (only files csdesk makes)",
    ),
    Feature(
        "availability",
        "Backup's availability",
        CALENDAR_FREEBUSY,
        "checks whether the backup is free during your leave (free/busy only)",
    ),
)
FEATURE_KEYS = tuple(f.key for f in FEATURES)
_BY_KEY = {f.key: f for f in FEATURES}


def feature(key: str) -> Feature:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KnownError(
            f"Unknown Google feature {key!r}; choose from {', '.join(FEATURE_KEYS)}."
        ) from None


def scopes_for(features: Iterable[str]) -> list[str]:
    """The scopes the features need, each once, in a stable order."""
    keys = {feature(k).key for k in features}
    scopes: list[str] = []
    for f in FEATURES:
        if f.key in keys and f.scope not in scopes:
            scopes.append(f.scope)
    return scopes


def allows(granted: Iterable[str], scope: str) -> bool:
    return bool(_ALSO_ENOUGH.get(scope, frozenset({scope})) & set(granted))


# ------------------------------------------------------------------ endpoints


def api_root() -> str | None:
    """The override root with a trailing slash, or None for Google's real endpoints."""
    root = os.environ.get(ENV_API_ROOT, "").strip()
    if not root:
        return None
    return root if root.endswith("/") else root + "/"


def token_uri() -> str:
    root = api_root()
    return root + "token" if root else GOOGLE_TOKEN_URI


def revoke_uri() -> str:
    root = api_root()
    return root + "revoke" if root else GOOGLE_REVOKE_URI


def _allow_plain_http() -> None:
    """oauthlib refuses http token endpoints; allow them only for a loopback override."""
    root = api_root()
    if root and urlsplit(root).hostname in {"127.0.0.1", "localhost", "::1"}:
        os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"


# ------------------------------------------------------------------ the stored connection


@dataclass(frozen=True)
class Connection:
    """What csdesk knows of the connected account (no secret in ``repr``)."""

    email: str
    scopes: tuple[str, ...]
    client_id: str = field(repr=False, default="")

    def allows(self, feature_key: str) -> bool:
        return allows(self.scopes, feature(feature_key).scope)

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(k for k in FEATURE_KEYS if self.allows(k))

    def missing(self, feature_keys: Iterable[str]) -> list[str]:
        return [k for k in feature_keys if not self.allows(k)]


@dataclass(frozen=True)
class _Stored:
    client_id: str
    client_secret: str
    refresh_token: str
    scopes: tuple[str, ...]
    email: str

    def __repr__(self) -> str:  # never print the secret parts
        return f"_Stored(email={self.email!r}, scopes={self.scopes!r})"

    def dumps(self) -> str:
        return json.dumps(
            {
                "v": 1,
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "refresh_token": self.refresh_token,
                "scopes": list(self.scopes),
                "email": self.email,
            },
            separators=(",", ":"),
        )

    @classmethod
    def loads(cls, text: str) -> _Stored:
        try:
            data = json.loads(text)
            return cls(
                client_id=str(data["client_id"]),
                client_secret=str(data.get("client_secret", "")),
                refresh_token=str(data["refresh_token"]),
                scopes=tuple(str(s) for s in data.get("scopes") or ()),
                email=str(data.get("email", "")),
            )
        except (ValueError, KeyError, TypeError):
            raise GoogleError(
                "The Google sign-in kept in your password manager is damaged. "
                "Disconnect and connect your Google account again.",
                gerr.RECONNECT,
            ) from None


def _load_stored() -> _Stored | None:
    text = get_secret(SECRET_NAME)
    return _Stored.loads(text) if text else None


def status() -> Connection | None:
    """The connected account, or None. Raises KeyringError when the keyring cannot be read."""
    stored = _load_stored()
    if stored is None:
        return None
    return Connection(stored.email, stored.scopes, stored.client_id)


def credentials() -> Credentials:
    """Credentials for API calls, refreshed by google-auth on first use.

    Raises GoogleError(NOT_CONNECTED) when no account is connected.
    """
    stored = _load_stored()
    if stored is None:
        raise GoogleError(
            "No Google account is connected. Connect one in Settings → Google account "
            "(or with `csdesk google login`).",
            gerr.NOT_CONNECTED,
        )
    return _credentials(stored)


def _credentials(stored: _Stored) -> Credentials:
    from google.oauth2.credentials import Credentials

    # Built directly (not from_authorized_user_info, which forces Google's token URI),
    # with no access token: the first request refreshes it.
    return Credentials(
        token=None,
        refresh_token=stored.refresh_token,
        token_uri=token_uri(),
        client_id=stored.client_id,
        client_secret=stored.client_secret,
        scopes=list(stored.scopes),
    )


def keep_rotated(creds: Credentials) -> None:
    """Store a refresh token Google rotated during a refresh (rare, but then the old one dies)."""
    stored = _load_stored()
    if stored is None or not creds.refresh_token:
        return
    if creds.refresh_token != stored.refresh_token:
        _store(
            _Stored(
                stored.client_id,
                stored.client_secret,
                creds.refresh_token,
                stored.scopes,
                stored.email,
            )
        )


def _store(stored: _Stored) -> None:
    set_secret(SECRET_NAME, stored.dumps())


# ------------------------------------------------------------------ client secrets


class ClientFileError(KnownError):
    title = "This is not a Google client file csdesk can use"


def load_client_config(path: Path) -> dict[str, Any]:
    """Read and check the "Desktop app" OAuth client JSON the user downloaded."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ClientFileError(f"The file {path} does not exist.") from None
    except OSError as exc:
        raise ClientFileError(f"The file {path} cannot be read ({exc.strerror}).") from None
    if len(raw) > 64 * 1024:
        raise ClientFileError(
            f"{path.name} is too large to be a Google OAuth client file (they are under 1 KB)."
        )
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise ClientFileError(
            f"{path.name} is not a JSON file. Download the OAuth client of type "
            "'Desktop app' from Google Cloud console → APIs & Services → Credentials."
        ) from None
    if not isinstance(data, dict):
        raise ClientFileError(f"{path.name} is not a Google OAuth client file.")
    if "web" in data and "installed" not in data:
        raise ClientFileError(
            f"{path.name} is a 'Web application' client. csdesk needs a 'Desktop app' client: "
            "create one in Google Cloud console → APIs & Services → Credentials → "
            "Create credentials → OAuth client ID → Desktop app."
        )
    if data.get("type") == "authorized_user":
        raise ClientFileError(
            f"{path.name} holds a sign-in, not an OAuth client. Use 'Import a sign-in…' "
            "(csdesk google import-credentials) for it."
        )
    installed = data.get("installed")
    if not isinstance(installed, dict) or not installed.get("client_id"):
        raise ClientFileError(
            f"{path.name} is not a Google OAuth client file (it has no 'installed' client). "
            "Download the 'Desktop app' client JSON from Google Cloud console."
        )
    config = dict(installed)
    config.setdefault("auth_uri", GOOGLE_AUTH_URI)
    config.setdefault("token_uri", GOOGLE_TOKEN_URI)
    root = api_root()
    if root:
        config["auth_uri"] = root + "o/oauth2/auth"
        config["token_uri"] = root + "token"
    return {"installed": config}


# ------------------------------------------------------------------ login


class _Redirect:
    """The loopback WSGI app: remembers the first redirect and says 'you can close this tab'."""

    def __init__(self) -> None:
        self.uri: str | None = None

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", [("Content-type", "text/html; charset=utf-8")])
        self.uri = wsgiref.util.request_uri(environ)
        query = parse_qs(urlsplit(self.uri).query)
        if "error" in query:
            text = "csdesk was not connected. You can close this tab and try again in csdesk."
        else:
            text = "csdesk is connecting to your Google account. You can close this tab."
        return [f"<html><body><p>{text}</p></body></html>".encode()]


class _QuietHandler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def login(
    client_config: dict[str, Any],
    features: Sequence[str] = FEATURE_KEYS,
    *,
    open_url: Callable[[str], object] | None = None,
    timeout: float = LOGIN_TIMEOUT_SECONDS,
    cancelled: Callable[[], bool] = lambda: False,
) -> Connection:
    """Run the consent flow in the browser and keep the result in the keyring.

    ``open_url`` shows the consent page (default: the system browser); the
    call returns when the browser comes back to the loopback address, and
    raises GoogleError(TIMEOUT/CANCELLED) when it does not.
    """
    from google_auth_oauthlib.flow import InstalledAppFlow

    requested = scopes_for(features)
    if not requested:
        raise KnownError("Choose at least one thing csdesk may do in your Google account.")
    os.environ["OAUTHLIB_RELAX_TOKEN_SCOPE"] = "1"  # the user may untick scopes
    _allow_plain_http()
    flow = InstalledAppFlow.from_client_config(client_config, scopes=requested)
    app = _Redirect()
    server = wsgiref.simple_server.make_server("127.0.0.1", 0, app, handler_class=_QuietHandler)
    try:
        flow.redirect_uri = f"http://127.0.0.1:{server.server_port}/"
        auth_url, _state = flow.authorization_url(
            access_type="offline", prompt="consent", include_granted_scopes="true"
        )
        (open_url or _open_browser)(auth_url)
        server.timeout = 0.2
        deadline = time.monotonic() + timeout
        while app.uri is None:
            if cancelled():
                raise GoogleError("Connecting to Google was cancelled.", gerr.CANCELLED)
            if time.monotonic() > deadline:
                raise GoogleError(
                    "The browser did not come back to csdesk in time (the consent page was "
                    "closed, or another browser window is waiting). Try connecting again.",
                    gerr.TIMEOUT,
                )
            server.handle_request()
    finally:
        server.server_close()
    query = parse_qs(urlsplit(app.uri).query)
    if "error" in query:
        reason = query["error"][0]
        if reason == "access_denied":
            raise GoogleError(
                "Google says access was not granted (the consent page was declined). "
                "Nothing was connected.",
                gerr.PERMISSION,
            )
        raise GoogleError(
            f"Google did not connect csdesk ({reason}). Nothing was connected.", gerr.BAD_REQUEST
        )
    try:
        # oauthlib insists on https for the redirect; the loopback address is http by design.
        flow.fetch_token(authorization_response=app.uri.replace("http://", "https://", 1))
    except Exception as exc:
        raise _token_error(exc) from None
    creds = flow.credentials
    granted = tuple(creds.granted_scopes or requested)
    if not creds.refresh_token:
        raise GoogleError(
            "Google did not hand out a refresh token, so csdesk could not stay connected. "
            "Remove csdesk's access on your Google account's security page and connect again.",
            gerr.RECONNECT,
        )
    config = client_config["installed"]
    stored = _Stored(
        client_id=str(config["client_id"]),
        client_secret=str(config.get("client_secret", "")),
        refresh_token=str(creds.refresh_token),
        scopes=granted,
        email="",
    )
    stored = _with_email(stored, creds)
    _store(stored)
    return Connection(stored.email, stored.scopes, stored.client_id)


def _open_browser(url: str) -> None:
    if not webbrowser.open(url, new=1, autoraise=True):
        raise GoogleError(
            "csdesk could not open a web browser for Google's consent page. "
            "Set a default browser and try again.",
            gerr.BAD_REQUEST,
        )


def _token_error(exc: Exception) -> GoogleError:
    text = str(exc).lower()
    name = type(exc).__name__
    if "invalid_grant" in text or name == "InvalidGrantError":
        return GoogleError(
            "Google did not accept the sign-in code (it may have expired). Try connecting again.",
            gerr.RECONNECT,
        )
    if "invalid_client" in text or name in {"InvalidClientError", "UnauthorizedClientError"}:
        return GoogleError(
            "Google does not recognise this OAuth client. Check that the client file is the "
            "'Desktop app' client of your Cloud project and has not been deleted.",
            gerr.BAD_REQUEST,
        )
    if name == "MismatchingStateError":
        return GoogleError(
            "The answer from the browser did not belong to this connection attempt. "
            "Try connecting again.",
            gerr.BAD_REQUEST,
        )
    return gerr.explain(exc, doing="finish connecting your Google account")


def _with_email(stored: _Stored, creds: Credentials) -> _Stored:
    """Learn the account's address with whatever scope was granted (best effort)."""
    from csdesk.core.google.services import GoogleSession

    email = ""
    try:
        with GoogleSession(creds) as session:
            email = session.account_email(stored.scopes)
    except GoogleError:
        email = ""
    return _Stored(
        stored.client_id, stored.client_secret, stored.refresh_token, stored.scopes, email
    )


# ------------------------------------------------------------------ import / logout


def import_credentials(path: Path) -> Connection:
    """Import an authorized-user JSON (``google-oauthlib-tool``, ``Credentials.to_json()``).

    The credentials are checked with Google (a token refresh) before they are
    kept; the file itself is only read, never copied.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ClientFileError(f"The file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise ClientFileError(
            f"{path.name} is not a JSON sign-in file (an 'authorized_user' JSON)."
        ) from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), str) and data.get(k) for k in ("client_id", "refresh_token")
    ):
        if isinstance(data, dict) and "installed" in data:
            raise ClientFileError(
                f"{path.name} is an OAuth client file, not a sign-in. Use Connect "
                "(csdesk google login --client-secrets FILE) with it."
            )
        raise ClientFileError(
            f"{path.name} has no refresh token and client id; it is not an authorized-user "
            "sign-in file."
        )
    raw_scopes = data.get("scopes") or data.get("scope") or []
    if isinstance(raw_scopes, str):
        raw_scopes = raw_scopes.split()
    stored = _Stored(
        client_id=str(data["client_id"]),
        client_secret=str(data.get("client_secret", "")),
        refresh_token=str(data["refresh_token"]),
        scopes=tuple(str(s) for s in raw_scopes),
        email="",
    )
    creds = _credentials(stored)
    _refresh(creds, "check the imported sign-in")
    granted = tuple(creds.granted_scopes or stored.scopes)
    if not granted:
        raise ClientFileError(
            f"{path.name} does not say which permissions it has, and Google did not tell "
            "either. Connect with a client file instead."
        )
    stored = _Stored(
        stored.client_id,
        stored.client_secret,
        str(creds.refresh_token or stored.refresh_token),
        granted,
        "",
    )
    stored = _with_email(stored, _credentials(stored))
    _store(stored)
    return Connection(stored.email, stored.scopes, stored.client_id)


def _refresh(creds: Credentials, doing: str) -> None:
    import google_auth_httplib2
    import httplib2

    http = httplib2.Http(timeout=30)
    try:
        creds.refresh(google_auth_httplib2.Request(http))
    except Exception as exc:
        raise gerr.explain(exc, doing=doing) from None
    finally:
        http.close()


@dataclass(frozen=True)
class LogoutResult:
    was_connected: bool
    revoked: bool
    message: str


def logout() -> LogoutResult:
    """Revoke the token with Google and delete it locally (locally even when offline)."""
    stored = _load_stored()
    if stored is None:
        return LogoutResult(False, False, "No Google account was connected.")
    revoked, why = _revoke(stored.refresh_token)
    delete_secret(SECRET_NAME)
    who = stored.email or "the Google account"
    if revoked:
        return LogoutResult(True, True, f"Disconnected {who}; Google revoked csdesk's access.")
    return LogoutResult(
        True,
        False,
        f"Disconnected {who} on this computer, but Google could not be told ({why}). "
        "To be sure, remove csdesk on your Google account's security page "
        "(myaccount.google.com/permissions).",
    )


def _revoke(token: str) -> tuple[bool, str]:
    import urllib.error
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode({"token": token}).encode()
    request = urllib.request.Request(
        revoke_uri(),
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            response.read()
        return True, ""
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 400:  # already invalid: revoked elsewhere or expired
            return True, ""
        return False, f"Google answered {exc.code}"
    except (OSError, ValueError):
        return False, "no connection to Google"
