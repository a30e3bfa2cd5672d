"""A loopback fake of the Google endpoints csdesk uses (Gmail, Calendar, Sheets, Drive, OAuth).

Point googleapiclient at it with ``client_options={"api_endpoint": fake.endpoint(api)}``
(Gmail and Sheets: ``fake.root``; Calendar: ``root + "calendar/v3/"``; Drive:
``root + "drive/v3/"``) and use ``root + "token"`` / ``root + "revoke"`` as the OAuth
endpoints.  Every API request is routed to its method in the discovery documents shipped
with googleapiclient, must carry a live bearer token with one of the method's scopes, and
has its query and JSON body checked against the discovery schemas.  A request the real
service would refuse because the *app* is wrong (unknown field, wrong type, missing
``valueInputOption``, out-of-office event with attendees, unknown path, bad PKCE, ...)
answers like Google and is also appended to ``fake.violations``; the ``fake_google``
fixture asserts that list is empty at teardown.  Refusals that depend on the account or on
the server's mood (consumer account, 401/403 scopes, 409 duplicate, injected faults) are
not violations.

Deliberate simplifications: recurring events are not expanded, ``USER_ENTERED`` values are
stored as sent (the option is recorded in ``fake.value_writes``), ``fields=`` masks are
ignored except by ``drive.files.get``, and readOnly properties are accepted in bodies.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlencode, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import googleapiclient

AUTH = "https://www.googleapis.com/auth/"
GMAIL_SETTINGS_BASIC = AUTH + "gmail.settings.basic"
CALENDAR = AUTH + "calendar"
CALENDAR_EVENTS = AUTH + "calendar.events"
CALENDAR_FREEBUSY = AUTH + "calendar.freebusy"
DRIVE_FILE = AUTH + "drive.file"
ALL_SCOPES: tuple[str, ...] = (GMAIL_SETTINGS_BASIC, CALENDAR_EVENTS, CALENDAR_FREEBUSY, DRIVE_FILE)

_DISCOVERY = Path(googleapiclient.__file__).parent / "discovery_cache" / "documents"
_SERVICES = ("gmail.v1", "calendar.v3", "sheets.v4", "drive.v3")
_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    410: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
_USAGE_LIMITS = {
    "accessNotConfigured",
    "rateLimitExceeded",
    "userRateLimitExceeded",
    "quotaExceeded",
    "dailyLimitExceeded",
}
Params = dict[str, str]  # path parameters
Query = dict[str, list[str]]
Handled = tuple[int, Any]  # status, JSON (None: no body)
Reply = tuple[int, dict[str, str], Any]  # status, headers, JSON or bytes

_AUTH_ERROR_MESSAGE = (
    "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
    "cookie or other valid authentication credential. See "
    "https://developers.google.com/identity/sign-in/web/devconsole-project."
)
_ACCESS_NOT_CONFIGURED = (
    "Gmail API has not been used in project 123 before or it is disabled. Enable it by visiting "
    "https://console.developers.google.com/apis/api/gmail.googleapis.com/overview?project=123 "
    "then retry."
)
#: What ``fail(method, path, status)`` answers when no reason / message is given.
_DEFAULTS: dict[int, tuple[str, str]] = {
    400: ("badRequest", "Bad Request"),
    401: ("authError", _AUTH_ERROR_MESSAGE),
    403: ("forbidden", "The caller does not have permission"),
    404: ("notFound", "Not Found"),
    409: ("conflict", "Conflict"),
    429: ("rateLimitExceeded", "Rate Limit Exceeded"),
    500: ("backendError", "Internal error encountered."),
    502: ("badGateway", "Bad Gateway"),
    503: ("backendError", "The service is currently unavailable."),
    504: ("backendError", "Deadline exceeded."),
}
#: Ready-made faults for ``fake.fail_preset(name, method, path_regex)``: (status, reason, message).
PRESETS: dict[str, tuple[int, str, str]] = {
    "authError": (401, "authError", _AUTH_ERROR_MESSAGE),
    "insufficientPermissions": (
        403,
        "insufficientPermissions",
        "Request had insufficient authentication scopes.",
    ),
    "accessNotConfigured": (403, "accessNotConfigured", _ACCESS_NOT_CONFIGURED),
    "mailServiceNotEnabled": (400, "failedPrecondition", "Mail service not enabled"),
    "notFound": (404, "notFound", "Not Found"),
    "duplicate": (409, "duplicate", "The requested identifier already exists."),
    "rateLimitExceeded": (429, "rateLimitExceeded", "Rate Limit Exceeded"),
    "userRateLimitExceeded": (403, "userRateLimitExceeded", "User Rate Limit Exceeded"),
    "backendError": (500, "backendError", "Backend Error"),
    "unavailable": (503, "backendError", "The service is currently unavailable."),
}

# Consumer (gmail.com) accounts cannot have out-of-office events: Google documents them as
# Workspace-only (workspaceupdates.googleblog.com, 2023-11 "Read and write out of office and
# focus time events using the Calendar API": "Out of Office events are available to Google
# Workspace ... customers"; developers.google.com/calendar/api/guides/calendar-status: "only
# available on primary calendars, and to some Google Calendar users").  No public capture of
# the exact body for this case was found.  The shape chosen is Calendar's event-type refusal
# as logged from the real API in kellylford/QuickMail#294 (400, domain "calendar", reason
# "eventTypeRestriction"), with a message in the form other clients expect for a refused
# status event ("Focus time events cannot be created on this calendar.").  Apps should treat
# any 400 to an outOfOffice insert as "not available" and fall back to a plain busy event.
CONSUMER_OOO_REASON = "eventTypeRestriction"
CONSUMER_OOO_MESSAGE = "Out of office events cannot be created on this calendar."


class RecordedRequest(NamedTuple):
    method: str
    path: str  # percent-decoded, without the query string
    query: Query
    body: Any  # parsed JSON, a dict of form fields, raw text, or None
    headers: dict[str, str]  # lower-case names


@dataclass
class ValueWrite:
    spreadsheet_id: str
    range: str
    values: list[list[Any]]
    value_input_option: str


class ApiError(Exception):
    """Raised by a handler; becomes a Google-style JSON error answer."""

    def __init__(
        self,
        code: int,
        reason: str,
        message: str,
        *,
        domain: str = "",
        violation: bool = False,
        location: str = "",
        location_type: str = "",
        extended_help: str = "",
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.code, self.reason, self.message = code, reason, message
        self.domain = domain or ("usageLimits" if reason in _USAGE_LIMITS else "global")
        self.violation, self.location, self.location_type = violation, location, location_type
        self.extended_help, self.detail = extended_help, detail


def _bad(message: str, reason: str = "invalid", domain: str = "global", **kw: Any) -> ApiError:
    """A 400 caused by a wrong request: recorded as a violation."""
    return ApiError(400, reason, message, domain=domain, violation=True, **kw)


@dataclass
class _Fault:
    method: str
    pattern: re.Pattern[str]
    times: int | None
    status: int = 0
    reason: str = ""
    message: str = ""
    retry_after: int | None = None
    domain: str = ""
    extended_help: str = ""
    drop: bool = False


@dataclass
class _Grant:  # a refresh token
    scopes: list[str]
    client_id: str | None
    revoked: bool = False


@dataclass
class _Access:
    scopes: list[str]
    refresh: str | None
    live: bool = True


@dataclass
class _Code:
    scopes: list[str]
    client_id: str | None
    redirect_uri: str | None
    challenge: str | None
    challenge_method: str
    offline: bool
    used: bool = False


class _Route(NamedTuple):
    http_method: str
    regex: re.Pattern[str]
    params: tuple[str, ...]
    literal: int
    method: dict[str, Any]
    doc: dict[str, Any]


@cache
def _routes() -> tuple[_Route, ...]:
    routes: list[_Route] = []
    for name in _SERVICES:
        doc = json.loads((_DISCOVERY / f"{name}.json").read_text(encoding="utf-8"))

        def walk(resource: dict[str, Any], doc: dict[str, Any] = doc) -> None:
            for method in resource.get("methods", {}).values():
                template = "/" + doc["servicePath"] + method.get("flatPath", method["path"])
                pattern, names, literal = "", [], 0
                for part in re.split(r"(\{\+?[^}]+\})", template):
                    if part.startswith("{"):
                        names.append(part.strip("{}+"))
                        pattern += "(.+)" if part.startswith("{+") else "([^/:]+)"
                    else:
                        pattern, literal = pattern + re.escape(part), literal + len(part)
                routes.append(
                    _Route(
                        method["httpMethod"],
                        re.compile(pattern + "$"),
                        tuple(names),
                        literal,
                        method,
                        doc,
                    )
                )
            for sub in resource.get("resources", {}).values():
                walk(sub)

        walk(doc)
    return tuple(sorted(routes, key=lambda r: -r.literal))


def _rfc3339(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except (ValueError, TypeError):
        return None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _col(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number - 1


def _letters(col: int) -> str:
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _quote_title(title: str) -> str:
    return title if re.fullmatch(r"[A-Za-z0-9_]+", title) else "'" + title.replace("'", "''") + "'"


def _merge(into: dict[str, Any], patch: dict[str, Any]) -> None:
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection: nothing lingers at stop()

    def _go(self) -> None:
        self.server.fake._serve(self)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _go

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeGoogle) -> None:
        self.fake = fake
        super().__init__(("127.0.0.1", 0), _Handler)


class FakeGoogle:
    """In-memory Gmail/Calendar/Sheets/Drive/OAuth on 127.0.0.1. Thread-safe."""

    def __init__(
        self,
        *,
        email: str = "csm@example.com",
        workspace: bool = True,
        client_id: str | None = None,
        client_secret: str | None = None,
    ) -> None:
        self.email = email
        self.display_name = "Casey Success"
        self.workspace = workspace  # False: a consumer account, outOfOffice events refused
        self.time_zone = "UTC"  # the primary calendar's zone (all-day events, freeBusy)
        self.client_id = client_id  # None: any client id / secret is accepted
        self.client_secret = client_secret
        self.grant_only: list[str] | None = None  # consent grants only these of the requested
        self.consent_error: str | None = None  # e.g. "access_denied": the user clicks Cancel
        self.expires_in = 3600
        # Gmail
        self.vacation: dict[str, Any] = {"enableAutoReply": False}
        # Calendar: the primary calendar's events by id (deleted ones stay, status "cancelled")
        self.events: dict[str, dict[str, Any]] = {}
        self.busy: dict[str, list[tuple[str, str]]] = {}
        self.freebusy_visible: set[str] | None = None  # None: every calendar in `busy`
        # Sheets and Drive
        self.spreadsheets: dict[str, dict[str, Any]] = {}
        self.cells: dict[str, dict[str, dict[tuple[int, int], Any]]] = {}
        self.value_writes: list[ValueWrite] = []
        self.sheet_requests: list[tuple[str, dict[str, Any]]] = []
        self.permissions: dict[str, list[dict[str, Any]]] = {}
        # Recording
        self.requests: list[RecordedRequest] = []
        self.violations: list[str] = []
        self.auth_requests: list[dict[str, str]] = []  # query of each consent-page visit
        self.revoked: list[str] = []  # tokens sent to /revoke
        self._lock = threading.RLock()
        self._access: dict[str, _Access] = {}
        self._grants: dict[str, _Grant] = {}
        self._codes: dict[str, _Code] = {}
        self._faults: list[_Fault] = []
        self._ids = itertools.count(1)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._handlers: dict[str, Callable[[Params, Query, Any], Handled]] = {
            "gmail.users.settings.getVacation": self._get_vacation,
            "gmail.users.settings.updateVacation": self._update_vacation,
            "gmail.users.settings.sendAs.list": self._send_as,
            "calendar.events.insert": self._insert_event,
            "calendar.events.list": self._list_events,
            "calendar.events.get": self._get_event,
            "calendar.events.patch": self._patch_event,
            "calendar.events.update": self._update_event,
            "calendar.events.delete": self._delete_event,
            "calendar.freebusy.query": self._freebusy,
            "sheets.spreadsheets.create": self._create_spreadsheet,
            "sheets.spreadsheets.get": self._get_spreadsheet,
            "sheets.spreadsheets.batchUpdate": self._sheets_batch,
            "sheets.spreadsheets.values.batchUpdate": self._values_batch,
            "sheets.spreadsheets.values.batchClear": self._values_batch_clear,
            "sheets.spreadsheets.values.get": self._values_get,
            "drive.files.get": self._get_file,
            "drive.files.delete": self._delete_file,
            "drive.permissions.create": self._create_permission,
            "drive.permissions.list": self._list_permissions,
        }

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> FakeGoogle:
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            assert self._thread is not None
            self._thread.join(5)
            self._server = self._thread = None

    def __enter__(self) -> FakeGoogle:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def root(self) -> str:
        assert self._server is not None, "FakeGoogle is not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def endpoint(self, api: str) -> str:
        """The ``api_endpoint`` for ``build(api, ...)``: gmail, calendar, sheets or drive."""
        return self.root + {"calendar": "calendar/v3/", "drive": "drive/v3/"}.get(api, "")

    # ------------------------------------------------------------- test controls
    def add_token(
        self,
        access: str,
        refresh: str | None = None,
        scopes: tuple[str, ...] | list[str] = ALL_SCOPES,
        client_id: str | None = None,
    ) -> None:
        """Seed a live access token (and its refresh token) as if /token had issued them."""
        with self._lock:
            self._access[access] = _Access(list(scopes), refresh)
            if refresh is not None:
                self._grants[refresh] = _Grant(list(scopes), client_id)

    def issue_code(
        self,
        scopes: tuple[str, ...] | list[str] = ALL_SCOPES,
        granted: list[str] | None = None,
        *,
        redirect_uri: str | None = None,
        code_verifier: str | None = None,
        client_id: str | None = None,
        offline: bool = True,
    ) -> str:
        """An authorization code as the consent page would return; exchange it at /token."""
        challenge = None
        if code_verifier is not None:
            digest = hashlib.sha256(code_verifier.encode()).digest()
            challenge = base64.urlsafe_b64encode(digest).decode().rstrip("=")
        code = "4/" + secrets.token_urlsafe(24)
        with self._lock:
            chosen = list(granted) if granted is not None else list(scopes)
            self._codes[code] = _Code(chosen, client_id, redirect_uri, challenge, "S256", offline)
        return code

    def expire_access_tokens(self) -> None:
        with self._lock:
            for token in self._access.values():
                token.live = False

    def revoke_refresh_token(self, refresh: str) -> None:
        with self._lock:
            self._revoke(refresh)

    def fail(
        self,
        method: str,
        path_regex: str,
        status: int,
        reason: str = "",
        message: str = "",
        times: int | None = 1,
        retry_after: int | None = None,
        *,
        domain: str = "",
        extended_help: str = "",
    ) -> None:
        """Answer the next ``times`` matching requests (None: all) with a Google JSON error.

        ``method`` is an HTTP method or "*"; ``path_regex`` is searched in the decoded path.
        """
        default_reason, default_message = _DEFAULTS.get(status, ("unknown", f"HTTP {status}"))
        reason, message = reason or default_reason, message or default_message
        if status == 403 and reason == "accessNotConfigured" and not extended_help:
            extended_help = "https://console.developers.google.com"
        with self._lock:
            self._faults.append(
                _Fault(
                    method.upper(),
                    re.compile(path_regex),
                    times,
                    status,
                    reason,
                    message,
                    retry_after,
                    domain,
                    extended_help,
                )
            )

    def fail_preset(
        self,
        name: str,
        method: str = "*",
        path_regex: str = ".*",
        times: int | None = 1,
        retry_after: int | None = None,
    ) -> None:
        """``fail`` with one of ``PRESETS`` (authError, accessNotConfigured, rateLimitExceeded, ...)."""
        status, reason, message = PRESETS[name]
        self.fail(method, path_regex, status, reason, message, times, retry_after)

    def fail_connection(self, path_regex: str, times: int | None = 1, method: str = "*") -> None:
        """Close the socket without answering. httplib2 silently retries a drop once."""
        with self._lock:
            self._faults.append(_Fault(method.upper(), re.compile(path_regex), times, drop=True))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def count(self, method: str, path: str) -> int:
        """Requests recorded with this method ("*": any) and exactly this path."""
        return len([r for r in self.requests if r.path == path and method in ("*", r.method)])

    def matching(self, method: str, path_regex: str) -> list[RecordedRequest]:
        return [
            r
            for r in list(self.requests)
            if method in ("*", r.method) and re.search(path_regex, r.path)
        ]

    def assert_no_violations(self) -> None:
        assert self.violations == [], "requests Google would refuse:\n" + "\n".join(self.violations)

    def sheet_values(self, spreadsheet_id: str, title: str) -> list[list[Any]]:
        """A sheet's stored cells from A1 as rows (values as written)."""
        cells = self.cells[spreadsheet_id][title]
        if not cells:
            return []
        rows, cols = max(r for r, _ in cells) + 1, max(c for _, c in cells) + 1
        return [[cells.get((r, c), "") for c in range(cols)] for r in range(rows)]

    def make_credentials(self, scopes: tuple[str, ...] | list[str] = ALL_SCOPES) -> Any:
        """google.oauth2 Credentials with a seeded token pair that refresh through this fake."""
        from google.oauth2.credentials import Credentials

        n = next(self._ids)
        self.add_token(f"ya29.seed-{n}", f"1//seed-{n}", scopes)
        return Credentials(  # type: ignore[no-untyped-call]
            token=f"ya29.seed-{n}",
            refresh_token=f"1//seed-{n}",
            token_uri=self.root + "token",
            client_id=self.client_id or "client-id",
            client_secret=self.client_secret or "client-secret",
            scopes=list(scopes),
        )

    # ------------------------------------------------------------------ plumbing
    def _serve(self, handler: _Handler) -> None:
        url = urlsplit(handler.path)
        path = unquote(url.path)
        query = parse_qs(url.query, keep_blank_values=True)
        headers = {k.lower(): v for k, v in handler.headers.items()}
        raw = handler.rfile.read(int(headers.get("content-length") or 0))
        body: Any = None
        ctype = headers.get("content-type", "")
        if raw and "json" in ctype:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
        elif raw and "x-www-form-urlencoded" in ctype:
            body = {k: v[0] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
        elif raw:
            body = raw.decode("utf-8", "replace")
        with self._lock:
            self.requests.append(RecordedRequest(handler.command, path, query, body, headers))
            fault = self._take_fault(handler.command, path)
            if fault is not None and fault.drop:
                handler.close_connection = True
                return
            if fault is not None:
                answer = self._error(
                    ApiError(
                        fault.status,
                        fault.reason,
                        fault.message,
                        domain=fault.domain,
                        extended_help=fault.extended_help,
                    ),
                    path,
                )
                if fault.retry_after is not None:
                    answer[1]["Retry-After"] = str(fault.retry_after)
            else:
                answer = self._dispatch(handler.command, url.path, path, query, body, headers, raw)
        status, extra, payload = answer
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        handler.send_response(status)
        if payload is not None and not isinstance(payload, bytes):
            handler.send_header("Content-Type", "application/json; charset=UTF-8")
        for key, value in extra.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(data) if payload is not None else 0))
        handler.end_headers()
        if payload is not None:
            handler.wfile.write(data)

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        for fault in self._faults:
            if fault.method in ("*", method) and fault.pattern.search(path):
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                return fault
        return None

    def _error(self, err: ApiError, path: str) -> Reply:
        item: dict[str, Any] = {"message": err.message, "domain": err.domain, "reason": err.reason}
        for key, value in (
            ("location", err.location),
            ("locationType", err.location_type),
            ("extendedHelp", err.extended_help),
        ):
            if value:
                item[key] = value
        if err.reason == "authError":
            item["message"] = "Invalid Credentials"
        elif err.reason == "insufficientPermissions":
            item["message"] = "Insufficient Permission"
        error: dict[str, Any] = {"code": err.code, "message": err.message, "errors": [item]}
        # Calendar's documented errors carry no "status"; the ESF-fronted APIs do.
        if not path.startswith("/calendar/"):
            status = (
                "FAILED_PRECONDITION"
                if err.reason == "failedPrecondition"
                else _STATUS.get(err.code, "UNKNOWN")
            )
            error["status"] = status
        if err.detail:
            error["details"] = [
                {
                    "@type": "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations": [{"description": err.detail}],
                }
            ]
        headers = {}
        if err.code == 401:
            headers["WWW-Authenticate"] = (
                'Bearer realm="https://accounts.google.com/", error="invalid_token"'
            )
        return err.code, headers, {"error": error}

    def _violation(self, method: str, path: str, message: str) -> None:
        self.violations.append(f"{method} {path}: {message}")

    def _dispatch(
        self,
        method: str,
        raw_path: str,
        path: str,
        query: Query,
        body: Any,
        headers: dict[str, str],
        raw: bytes,
    ) -> Reply:
        if path == "/token" and method == "POST":
            return self._oauth_token(body if isinstance(body, dict) else {}, headers, path)
        if path == "/revoke" and method == "POST":
            return self._oauth_revoke(body if isinstance(body, dict) else {}, query)
        if path == "/o/oauth2/auth" and method == "GET":
            return self._oauth_consent(path, query)
        route, params = self._route(method, raw_path)
        try:
            if route is None:
                raise ApiError(
                    404, "notFound", f"Method not found: {method} {path}", violation=True
                )
            self._authorize(route, headers)
            self._check_query(route, query)
            if route.method.get("request"):
                if raw and not isinstance(body, dict):
                    raise _bad("Invalid JSON payload received. Expected a JSON object body.")
                body = body or {}
                self._check_body(body, route)
            handler = self._handlers.get(route.method["id"])
            if handler is None:
                raise ApiError(
                    501,
                    "notImplemented",
                    f"FakeGoogle does not implement {route.method['id']}",
                    violation=True,
                )
            status, payload = handler(params, query, body)
            return status, {}, payload
        except ApiError as err:
            if err.violation:
                self._violation(method, path, err.message)
            return self._error(err, path)
        except Exception as exc:  # a bug in the fake or an input it cannot digest
            self._violation(method, path, f"FakeGoogle crashed: {exc!r}")
            return self._error(ApiError(500, "backendError", f"FakeGoogle crashed: {exc!r}"), path)

    def _route(self, method: str, raw_path: str) -> tuple[_Route | None, dict[str, str]]:
        for route in _routes():
            match = route.regex.match(raw_path)
            if match and route.http_method == method:
                return route, {
                    n: unquote(v) for n, v in zip(route.params, match.groups(), strict=True)
                }
        return None, {}

    def _authorize(self, route: _Route, headers: dict[str, str]) -> None:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        access = self._access.get(token) if scheme.lower() == "bearer" else None
        if access is None or not access.live:
            raise ApiError(
                401,
                "authError",
                _AUTH_ERROR_MESSAGE,
                location="Authorization",
                location_type="header",
            )
        if not set(access.scopes) & set(route.method.get("scopes", [])):
            raise ApiError(
                403, "insufficientPermissions", "Request had insufficient authentication scopes."
            )

    def _check_query(self, route: _Route, query: Query) -> None:
        known = {**route.doc["parameters"], **route.method.get("parameters", {})}
        for name, values in query.items():
            spec = known.get(name)
            if spec is None or spec.get("location") == "path":
                raise _bad(
                    f'Invalid JSON payload received. Unknown name "{name}": Cannot bind query '
                    f"parameter. Field '{name}' could not be found in request message."
                )
            if len(values) > 1 and not spec.get("repeated"):
                raise _bad(f"Parameter '{name}' is not repeated but was given {len(values)} times.")
            for value in values:
                kind = spec.get("type")
                ok = (
                    value in ("true", "false")
                    if kind == "boolean"
                    else re.fullmatch(r"-?\d+", value) is not None
                    if kind == "integer"
                    else value in spec["enum"]
                    if "enum" in spec
                    else True
                )
                if not ok:
                    raise _bad(
                        f"Invalid value for parameter '{name}': {value!r}",
                        location=name,
                        location_type="parameter",
                    )

    def _check_body(self, body: dict[str, Any], route: _Route) -> None:
        problems: list[str] = []
        self._check_value(body, route.method["request"], "", route, problems)
        if problems:
            raise _bad("\n".join(problems), detail=problems[0])

    def _check_value(
        self, value: Any, schema: dict[str, Any], where: str, route: _Route, problems: list[str]
    ) -> None:
        if "$ref" in schema:
            schema = route.doc["schemas"][schema["$ref"]]
        kind, fmt = schema.get("type"), schema.get("format")
        if value is None or kind == "any":
            return
        label = where or "<body>"

        def wrong(proto: str) -> None:
            problems.append(f"Invalid value at '{label}' ({proto}), {json.dumps(value)}")

        if kind == "object":
            if not isinstance(value, dict):
                return wrong("TYPE_MESSAGE")
            props, extra = schema.get("properties", {}), schema.get("additionalProperties")
            for key, item in value.items():
                sub = f"{where}.{key}" if where else key
                if key in props:
                    self._check_value(item, props[key], sub, route, problems)
                elif isinstance(extra, dict):
                    self._check_value(item, extra, f"{where}[{key!r}]", route, problems)
                else:
                    at = f" at '{where}'" if where else ""
                    problems.append(
                        f'Invalid JSON payload received. Unknown name "{key}"{at}: Cannot find field.'
                    )
            for key, prop in props.items():
                if (
                    route.method["id"] in prop.get("annotations", {}).get("required", ())
                    and key not in value
                ):
                    problems.append(
                        f"Missing required field '{where + '.' if where else ''}{key}'."
                    )
        elif kind == "array":
            if not isinstance(value, list):
                return wrong("TYPE_LIST")
            for i, item in enumerate(value):
                self._check_value(item, schema.get("items", {}), f"{where}[{i}]", route, problems)
        elif kind == "boolean" and not isinstance(value, bool):
            wrong("TYPE_BOOL")
        elif kind == "integer" and (
            isinstance(value, bool)
            or not isinstance(value, int | str)
            or (isinstance(value, str) and not re.fullmatch(r"-?\d+", value))
        ):
            wrong("TYPE_INT32")
        elif kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
            wrong("TYPE_DOUBLE")
        elif kind == "string" and fmt in ("int64", "uint64"):
            # googleapiclient sends int64 as strings; Google also takes integral numbers.
            if isinstance(value, bool) or not (
                isinstance(value, int) or (isinstance(value, str) and re.fullmatch(r"-?\d+", value))
            ):
                wrong("TYPE_INT64" if fmt == "int64" else "TYPE_UINT64")
        elif kind == "string":
            if not isinstance(value, str):
                return wrong("TYPE_STRING")
            if "enum" in schema and value not in schema["enum"]:
                problems.append(f"Invalid value at '{label}' (TYPE_ENUM), {json.dumps(value)}")
            elif fmt == "date-time" and _rfc3339(value) is None:
                problems.append(f"Invalid value at '{label}' (date-time), {json.dumps(value)}")
            elif fmt == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                problems.append(f"Invalid value at '{label}' (date), {json.dumps(value)}")
        return None

    # --------------------------------------------------------------------- OAuth
    def _oauth_error(
        self, status: int, error: str, description: str, path: str = "", violation: bool = False
    ) -> Reply:
        if violation:
            self._violation("POST", path or "/token", f"{error}: {description}")
        return status, {}, {"error": error, "error_description": description}

    def _client(
        self, form: dict[str, str], headers: dict[str, str]
    ) -> tuple[str | None, str | None]:
        scheme, _, value = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "basic":
            user, _, password = base64.b64decode(value).decode().partition(":")
            return unquote(user), unquote(password)
        return form.get("client_id"), form.get("client_secret")

    def _oauth_token(self, form: dict[str, str], headers: dict[str, str], path: str) -> Reply:
        client_id, secret = self._client(form, headers)
        if not client_id:
            return self._oauth_error(
                400,
                "invalid_request",
                "Could not determine client ID from request.",
                path,
                violation=True,
            )
        if self.client_id is not None and client_id != self.client_id:
            return self._oauth_error(
                401, "invalid_client", "The OAuth client was not found.", path, True
            )
        if self.client_secret is not None and secret != self.client_secret:
            return self._oauth_error(401, "invalid_client", "Unauthorized", path, True)
        grant_type = form.get("grant_type", "")
        if grant_type == "refresh_token":
            grant = self._grants.get(form.get("refresh_token", ""))
            if grant is None or grant.revoked:
                return self._oauth_error(400, "invalid_grant", "Token has been expired or revoked.")
            if grant.client_id is not None and grant.client_id != client_id:
                return self._oauth_error(401, "unauthorized_client", "Unauthorized", path, True)
            scopes = grant.scopes
            if form.get("scope"):
                asked = form["scope"].split()
                invalid = [s for s in asked if not self._is_scope(s)]
                if invalid:
                    return self._oauth_error(
                        400,
                        "invalid_scope",
                        f"Some requested scopes were invalid. {{invalid=[{', '.join(invalid)}]}}",
                        path,
                        True,
                    )
                # Asking for scopes the user never granted yields a token for the granted subset.
                scopes = [s for s in asked if s in grant.scopes]
            return 200, {}, self._mint(scopes, form["refresh_token"], None)
        if grant_type == "authorization_code":
            code = self._codes.get(form.get("code", ""))
            if code is None or code.used:
                return self._oauth_error(400, "invalid_grant", "Bad Request")
            code.used = True
            if code.client_id is not None and code.client_id != client_id:
                return self._oauth_error(400, "invalid_grant", "Bad Request", path, True)
            if code.redirect_uri is not None and form.get("redirect_uri") != code.redirect_uri:
                return self._oauth_error(400, "redirect_uri_mismatch", "Bad Request", path, True)
            if code.challenge is not None:
                verifier = form.get("code_verifier")
                if not verifier:
                    return self._oauth_error(
                        400, "invalid_grant", "Missing code verifier.", path, True
                    )
                digest = hashlib.sha256(verifier.encode()).digest()
                expected = (
                    base64.urlsafe_b64encode(digest).decode().rstrip("=")
                    if code.challenge_method == "S256"
                    else verifier
                )
                if expected != code.challenge:
                    return self._oauth_error(
                        400, "invalid_grant", "Invalid code verifier.", path, True
                    )
            refresh = None
            if code.offline:
                refresh = "1//" + secrets.token_urlsafe(32)
                self._grants[refresh] = _Grant(code.scopes, client_id)
            return 200, {}, self._mint(code.scopes, refresh, refresh)
        return self._oauth_error(
            400, "unsupported_grant_type", f"Invalid grant_type: {grant_type}", path, True
        )

    def _mint(
        self, scopes: list[str], refresh: str | None, new_refresh: str | None
    ) -> dict[str, Any]:
        access = "ya29." + secrets.token_urlsafe(32)
        self._access[access] = _Access(list(scopes), refresh)
        answer: dict[str, Any] = {
            "access_token": access,
            "expires_in": self.expires_in,
            "scope": " ".join(scopes),
            "token_type": "Bearer",
        }
        if new_refresh:
            answer["refresh_token"] = new_refresh
        return answer

    @staticmethod
    def _is_scope(scope: str) -> bool:
        return scope.startswith(AUTH) or scope in (
            "openid",
            "email",
            "profile",
            "https://mail.google.com/",
        )

    def _revoke(self, token: str) -> bool:
        """Google: revoking an access token also revokes the refresh token it came from."""
        if token in self._grants:
            if self._grants[token].revoked:
                return False
            refresh: str | None = token
        elif token in self._access and self._access[token].live:
            self._access[token].live = False
            refresh = self._access[token].refresh
        else:
            return False
        if refresh is not None and refresh in self._grants:
            self._grants[refresh].revoked = True
            for access in self._access.values():
                if access.refresh == refresh:
                    access.live = False
        return True

    def _oauth_revoke(self, form: dict[str, str], query: Query) -> Reply:
        token = form.get("token") or (query.get("token") or [""])[0]
        self.revoked.append(token)
        if not self._revoke(token):
            return (
                400,
                {},
                {"error": "invalid_token", "error_description": "Token expired or revoked"},
            )
        return 200, {}, {}

    def _oauth_consent(self, path: str, query: Query) -> Reply:
        q = {k: v[0] for k, v in query.items()}
        self.auth_requests.append(q)
        redirect = q.get("redirect_uri", "")

        def page(error: str) -> Reply:
            self._violation("GET", path, error)
            return 400, {"Content-Type": "text/html"}, f"<h1>Error 400: {error}</h1>".encode()

        if not re.match(r"http://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(/|$)", redirect):
            return page("redirect_uri_mismatch")
        if q.get("response_type") != "code" or not q.get("client_id"):
            return page("invalid_request")
        if self.client_id is not None and q["client_id"] != self.client_id:
            return page("invalid_client")
        requested = q.get("scope", "").split()
        if not requested or not all(self._is_scope(s) for s in requested):
            return page("invalid_scope")
        method = q.get("code_challenge_method", "plain")
        if "code_challenge" in q and method not in ("S256", "plain"):
            return page("invalid_request")
        sep = "&" if "?" in redirect else "?"
        if self.consent_error:
            answer = {"error": self.consent_error, "state": q.get("state", "")}
        else:
            granted = [s for s in requested if self.grant_only is None or s in self.grant_only]
            # Like Google: a refresh token only on the first consent of a client, or again
            # with prompt=consent (or once the earlier grant was revoked).
            earlier = any(
                g.client_id == q["client_id"] and not g.revoked for g in self._grants.values()
            )
            offline = q.get("access_type") == "offline" and (
                not earlier or "consent" in q.get("prompt", "").split()
            )
            code = "4/" + secrets.token_urlsafe(24)
            self._codes[code] = _Code(
                granted, q["client_id"], redirect, q.get("code_challenge"), method, offline
            )
            answer = {"state": q.get("state", ""), "code": code, "scope": " ".join(granted)}
        return 302, {"Location": redirect + sep + urlencode(answer)}, b""

    # --------------------------------------------------------------------- Gmail
    def _user(self, params: dict[str, str]) -> None:
        if params["userId"] not in ("me", self.email):
            raise ApiError(403, "forbidden", f"Delegation denied for {self.email}")

    def _get_vacation(self, params: Params, query: Query, body: Any) -> Handled:
        self._user(params)
        return 200, json.loads(json.dumps(self.vacation))

    def _update_vacation(self, params: Params, query: Query, body: Any) -> Handled:
        self._user(params)
        settings = dict(body)
        for key in ("startTime", "endTime"):
            if settings.get(key) is not None:
                settings[key] = str(int(settings[key]))
        start, end = settings.get("startTime"), settings.get("endTime")
        if start is not None and end is not None and int(start) >= int(end):
            raise _bad(
                "Invalid vacation settings: startTime must precede endTime.",
                reason="invalidArgument",
            )
        if settings.get("enableAutoReply") and not any(
            settings.get(k)
            for k in ("responseSubject", "responseBodyPlainText", "responseBodyHtml")
        ):
            raise _bad(
                "Invalid vacation settings: a response subject or body is required to enable auto-reply.",
                reason="invalidArgument",
            )
        self.vacation = settings
        return 200, json.loads(json.dumps(settings))

    def _send_as(self, params: Params, query: Query, body: Any) -> Handled:
        self._user(params)
        entry = {
            "sendAsEmail": self.email,
            "displayName": self.display_name,
            "replyToAddress": "",
            "signature": "",
            "isPrimary": True,
            "isDefault": True,
        }
        return 200, {"sendAs": [entry]}

    # ------------------------------------------------------------------ Calendar
    def _calendar(self, params: dict[str, str]) -> None:
        if params["calendarId"] not in ("primary", self.email):
            raise ApiError(404, "notFound", "Not Found")

    def _event(self, event_id: str) -> dict[str, Any]:
        event = self.events.get(event_id)
        if event is None:
            raise ApiError(404, "notFound", "Not Found")
        return event

    def _bound(self, when: Any, which: str) -> datetime:
        if not isinstance(when, dict) or not (when.get("dateTime") or when.get("date")):
            raise _bad(f"Missing {which} time.", reason="required", domain="calendar")
        try:
            zone = ZoneInfo(when.get("timeZone") or self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise _bad(
                f"Invalid time zone definition for {which} time.", domain="calendar"
            ) from None
        if when.get("date"):
            day = date.fromisoformat(when["date"])
            return datetime(day.year, day.month, day.day, tzinfo=zone)
        moment = _rfc3339(when["dateTime"])
        assert moment is not None  # checked by the schema
        if moment.tzinfo is None:
            if not when.get("timeZone"):
                raise _bad(f"Missing time zone definition for {which} time.", domain="calendar")
            moment = moment.replace(tzinfo=zone)
        return moment

    def _check_event(self, event: dict[str, Any]) -> None:
        """The rules Google applies to a whole event on insert, update and patch."""
        start, end = self._bound(event.get("start"), "start"), self._bound(event.get("end"), "end")
        if end < start:
            raise _bad(
                "The specified time range is empty.", reason="timeRangeEmpty", domain="calendar"
            )
        kind = event.get("eventType", "default")
        if kind not in ("default", "outOfOffice", "focusTime", "workingLocation", "birthday"):
            raise _bad(
                f"Event type '{kind}' cannot be created.",
                reason="eventTypeRestriction",
                domain="calendar",
            )
        for prop, needs in (
            ("outOfOfficeProperties", "outOfOffice"),
            ("focusTimeProperties", "focusTime"),
            ("workingLocationProperties", "workingLocation"),
        ):
            if event.get(prop) is not None and kind != needs:
                raise _bad(f"{prop} requires an event type of {needs}", domain="calendar")
        if kind != "outOfOffice":
            return
        if not self.workspace:
            raise ApiError(400, CONSUMER_OOO_REASON, CONSUMER_OOO_MESSAGE, domain="calendar")
        mode = (event.get("outOfOfficeProperties") or {}).get("autoDeclineMode")
        if mode is not None and mode not in (
            "declineNone",
            "declineAllConflictingInvitations",
            "declineOnlyNewConflictingInvitations",
        ):
            raise _bad(f"Invalid autoDeclineMode: {mode}", domain="calendar")
        if event.get("attendees"):
            raise _bad(
                "Out of office events cannot have attendees.",
                reason=CONSUMER_OOO_REASON,
                domain="calendar",
            )
        if event["start"].get("date") or event["end"].get("date"):
            raise _bad(
                "Out of office events cannot be all-day events; use dateTime.",
                reason=CONSUMER_OOO_REASON,
                domain="calendar",
            )

    def _stamp(self, event: dict[str, Any]) -> dict[str, Any]:
        event["updated"] = _now()
        event["etag"] = f'"{next(self._ids)}"'
        copy: dict[str, Any] = json.loads(json.dumps(event))
        return copy

    def _insert_event(self, params: Params, query: Query, body: Any) -> Handled:
        self._calendar(params)
        event_id = body.get("id") or secrets.token_hex(13)
        if not re.fullmatch(r"[a-v0-9]{5,1024}", event_id):
            raise _bad("Invalid resource id value.", domain="global")
        if event_id in self.events:  # deleted ids stay taken, as at Google
            raise ApiError(409, "duplicate", "The requested identifier already exists.")
        event = {
            "kind": "calendar#event",
            **body,
            "id": event_id,
            "status": body.get("status", "confirmed"),
        }
        event.setdefault("eventType", "default")
        self._check_event(event)
        eid = base64.urlsafe_b64encode(f"{event_id} {self.email}".encode()).decode().rstrip("=")
        event.update(
            htmlLink=f"https://www.google.com/calendar/event?eid={eid}",
            created=_now(),
            creator={"email": self.email, "self": True},
            organizer={"email": self.email, "self": True},
            iCalUID=body.get("iCalUID") or f"{event_id}@google.com",
            sequence=0,
        )
        event.setdefault("reminders", {"useDefault": True})
        self.events[event_id] = event
        return 200, self._stamp(event)

    def _get_event(self, params: Params, query: Query, body: Any) -> Handled:
        self._calendar(params)
        return 200, json.loads(json.dumps(self._event(params["eventId"])))

    def _patch_event(self, params: Params, query: Query, body: Any) -> Handled:
        self._calendar(params)
        event = self._event(params["eventId"])
        new = json.loads(json.dumps(event))
        for key, value in body.items():  # patch merges nested objects, replaces the rest
            if (
                key in ("start", "end")
                and isinstance(value, dict)
                and isinstance(new.get(key), dict)
            ):
                if "dateTime" in value:
                    new[key].pop("date", None)
                if "date" in value:
                    new[key].pop("dateTime", None)
                new[key].update(value)
            elif isinstance(value, dict) and isinstance(new.get(key), dict):
                _merge(new[key], value)
            else:
                new[key] = value
        return 200, self._replace(event, new)

    def _update_event(self, params: Params, query: Query, body: Any) -> Handled:
        self._calendar(params)
        event = self._event(params["eventId"])
        kept = ("kind", "id", "htmlLink", "created", "creator", "organizer", "iCalUID")
        return 200, self._replace(
            event, {"eventType": "default", **body, **{k: event[k] for k in kept}}
        )

    def _replace(self, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
        if new.get("eventType", "default") != old.get("eventType", "default"):
            raise _bad(
                "The event type cannot be changed.", reason=CONSUMER_OOO_REASON, domain="calendar"
            )
        new["id"] = old["id"]
        new.setdefault("status", "confirmed")
        self._check_event(new)
        moved = new["start"] != old["start"] or new["end"] != old["end"]
        new["sequence"] = old.get("sequence", 0) + int(moved)
        old.clear()
        old.update(new)
        return self._stamp(old)

    def _delete_event(self, params: Params, query: Query, body: Any) -> Handled:
        self._calendar(params)
        event = self._event(params["eventId"])
        if event["status"] == "cancelled":
            raise ApiError(410, "deleted", "Resource has been deleted")
        event["status"] = "cancelled"
        self._stamp(event)
        return 204, None

    def _time_param(self, query: Query, name: str) -> datetime | None:
        if name not in query:
            return None
        moment = _rfc3339(query[name][0])
        if moment is None or moment.tzinfo is None:  # Google requires an offset here
            raise _bad("Bad Request", reason="badRequest", location=name, location_type="parameter")
        return moment

    def _list_events(self, params: Params, query: Query, body: Any) -> Handled:
        self._calendar(params)
        q = {k: v[0] for k, v in query.items()}
        low, high = self._time_param(query, "timeMin"), self._time_param(query, "timeMax")
        if low and high and low >= high:
            raise _bad(
                "The specified time range is empty.",
                reason="timeRangeEmpty",
                domain="calendar",
                location="timeMax",
                location_type="parameter",
            )
        if q.get("orderBy") == "startTime" and q.get("singleEvents") != "true":
            raise _bad(
                "The requested ordering is not available for the particular query.",
                reason="badRequest",
            )
        types = query.get("eventTypes")
        items = []
        for event in self.events.values():
            if event["status"] == "cancelled" and q.get("showDeleted") != "true":
                continue
            if types and event.get("eventType", "default") not in types:
                continue
            start, end = self._bound(event["start"], "start"), self._bound(event["end"], "end")
            if (low and end <= low) or (
                high and start >= high
            ):  # timeMin bounds the end, timeMax the start
                continue
            if "q" in q and q["q"].lower() not in json.dumps(event).lower():
                continue
            if "iCalUID" in q and event.get("iCalUID") != q["iCalUID"]:
                continue
            items.append(event)
        if q.get("orderBy") == "startTime":
            items.sort(key=lambda e: self._bound(e["start"], "start"))
        offset, size = int(q.get("pageToken", "0")), int(q.get("maxResults", "250"))
        page: dict[str, Any] = {
            "kind": "calendar#events",
            "etag": '"list"',
            "summary": self.email,
            "updated": _now(),
            "timeZone": self.time_zone,
            "accessRole": "owner",
            "defaultReminders": [],
            "items": json.loads(json.dumps(items[offset : offset + size])),
        }
        if offset + size < len(items):
            page["nextPageToken"] = str(offset + size)
        return 200, page

    def _freebusy(self, params: Params, query: Query, body: Any) -> Handled:
        low, high = (_rfc3339(body.get(k, "")) for k in ("timeMin", "timeMax"))
        if low is None or high is None or low.tzinfo is None or high.tzinfo is None:
            raise _bad("Bad Request", reason="badRequest")
        if low >= high:
            raise _bad(
                "The specified time range is empty.", reason="timeRangeEmpty", domain="calendar"
            )
        calendars: dict[str, Any] = {}
        for item in body.get("items", []):
            cal = item.get("id", "")
            own = cal in ("primary", self.email)
            visible = self.busy.keys() if self.freebusy_visible is None else self.freebusy_visible
            if not own and cal not in visible:
                calendars[cal] = {
                    "errors": [{"domain": "global", "reason": "notFound"}],
                    "busy": [],
                }
                continue
            spans = [
                (_rfc3339(a), _rfc3339(b)) for a, b in self.busy.get(self.email if own else cal, [])
            ]
            if own:
                spans += [
                    (self._bound(e["start"], "start"), self._bound(e["end"], "end"))
                    for e in self.events.values()
                    if e["status"] != "cancelled" and e.get("transparency") != "transparent"
                ]
            merged: list[list[datetime]] = []
            for a, b in sorted(
                (max(a, low), min(b, high)) for a, b in spans if a and b and a < high and b > low
            ):
                if merged and a <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], b)
                else:
                    merged.append([a, b])
            calendars[cal] = {"busy": [{"start": _utc(a), "end": _utc(b)} for a, b in merged]}
        return 200, {
            "kind": "calendar#freeBusy",
            "timeMin": body["timeMin"],
            "timeMax": body["timeMax"],
            "calendars": calendars,
        }

    # -------------------------------------------------------------------- Sheets
    def _sheet(self, spreadsheet_id: str) -> dict[str, Any]:
        sheet = self.spreadsheets.get(spreadsheet_id)
        if sheet is None:
            raise ApiError(404, "notFound", "Requested entity was not found.")
        return sheet

    def _create_spreadsheet(self, params: Params, query: Query, body: Any) -> Handled:
        sid = secrets.token_urlsafe(33)[:44]
        props = {
            "title": "Untitled spreadsheet",
            "locale": "en_US",
            "autoRecalc": "ON_CHANGE",
            "timeZone": "Etc/GMT",
            **body.get("properties", {}),
        }
        sheets: list[dict[str, Any]] = []
        titles: set[str] = set()
        for index, given in enumerate(body.get("sheets") or [{}]):
            sheet_props: dict[str, Any] = {
                "sheetId": 0 if index == 0 else secrets.randbelow(2**31 - 1) + 1,
                "title": f"Sheet{index + 1}",
                "index": index,
                "sheetType": "GRID",
                "gridProperties": {"rowCount": 1000, "columnCount": 26},
            }
            _merge(sheet_props, given.get("properties", {}))
            if sheet_props["title"] in titles:
                raise _bad(
                    f'Invalid sheets[{index}]: A sheet with the name "{sheet_props["title"]}" '
                    "already exists. Please enter another name."
                )
            titles.add(sheet_props["title"])
            sheets.append({"properties": sheet_props})
        spreadsheet = {
            "spreadsheetId": sid,
            "properties": props,
            "sheets": sheets,
            "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{sid}/edit",
        }
        self.spreadsheets[sid] = spreadsheet
        self.cells[sid] = {s["properties"]["title"]: {} for s in sheets}
        self.permissions[sid] = []
        return 200, json.loads(json.dumps(spreadsheet))

    def _get_spreadsheet(self, params: Params, query: Query, body: Any) -> Handled:
        return 200, json.loads(json.dumps(self._sheet(params["spreadsheetId"])))

    def _parse_range(
        self, sid: str, text: str
    ) -> tuple[str, int, int, int | None, int | None, bool]:
        """(title, row, col, rows, cols, anchor) of an A1 range; None: open-ended.

        ``anchor``: a whole sheet or a single cell, which a write may extend from.
        """
        titles = [s["properties"]["title"] for s in self._sheet(sid)["sheets"]]
        title, cells = None, text
        if "!" in text:
            name, _, cells = text.rpartition("!")
            quoted = name.startswith("'") and name.endswith("'") and len(name) > 1
            title = name[1:-1].replace("''", "'") if quoted else name
        elif text.strip("'").replace("''", "'") in titles:
            title, cells = text.strip("'").replace("''", "'"), ""
        title = titles[0] if title is None else title
        if title not in titles:
            raise _bad(f"Unable to parse range: {text}")
        if not cells:
            return title, 0, 0, None, None, True
        parts = [re.fullmatch(r"([A-Za-z]*)(\d*)", p) for p in cells.split(":")]
        if len(parts) > 2 or any(m is None or not m.group(0) for m in parts):
            raise _bad(f"Unable to parse range: {text}")
        (first_col, first_row), *rest = [(m.group(1), m.group(2)) for m in parts if m]
        row = int(first_row) - 1 if first_row else 0
        col = _col(first_col) if first_col else 0
        if not rest:
            return title, row, col, 1 if first_row else None, 1 if first_col else None, True
        last_col, last_row = rest[0]
        rows = int(last_row) - row if last_row else None
        cols = _col(last_col) - col + 1 if last_col else None
        return title, row, col, rows, cols, False

    def _values_batch_clear(self, params: Params, query: Query, body: Any) -> Handled:
        sid = params["spreadsheetId"]
        self._sheet(sid)
        cleared: list[str] = []
        for text in body.get("ranges") or []:
            title, row, col, rows, cols, _anchor = self._parse_range(sid, text)
            cells = self.cells[sid][title]
            for r, c in list(cells):
                if (
                    r >= row
                    and c >= col
                    and (rows is None or r < row + rows)
                    and (cols is None or c < col + cols)
                ):
                    del cells[(r, c)]
            cleared.append(text)
        return 200, {"spreadsheetId": sid, "clearedRanges": cleared}

    def _values_batch(self, params: Params, query: Query, body: Any) -> Handled:
        sid = params["spreadsheetId"]
        self._sheet(sid)
        option = body.get("valueInputOption")
        if option not in ("RAW", "USER_ENTERED"):
            raise _bad(f"Invalid valueInputOption: {option or 'INPUT_VALUE_OPTION_UNSPECIFIED'}")
        responses: list[dict[str, Any]] = []
        totals = {"rows": 0, "cols": 0, "cells": 0}
        for i, data in enumerate(body.get("data", [])):
            title, row, col, rows, cols, anchor = self._parse_range(sid, data.get("range", ""))
            values = data.get("values") or []
            if data.get("majorDimension") == "COLUMNS":
                width = max((len(v) for v in values), default=0)
                values = [[c[r] if r < len(c) else "" for c in values] for r in range(width)]
            for r, line in enumerate(values):
                for c, cell in enumerate(line):
                    if isinstance(cell, dict | list):
                        raise _bad(
                            f"Invalid data[{i}]: values[{r}][{c}] must be a string, number or boolean."
                        )
                    if not anchor and (
                        (rows is not None and r >= rows) or (cols is not None and c >= cols)
                    ):
                        raise _bad(
                            f"Requested writing within range [{data['range']}], but tried writing "
                            f"to {'row' if rows is not None and r >= rows else 'column'} [{r + row + 1}]"
                        )
                    self.cells[sid][title][(row + r, col + c)] = cell
            height, width = len(values), max((len(v) for v in values), default=0)
            self.value_writes.append(
                ValueWrite(sid, data.get("range", ""), data.get("values") or [], option)
            )
            updated = f"{_quote_title(title)}!{_letters(col)}{row + 1}:{_letters(col + max(width, 1) - 1)}{row + max(height, 1)}"
            responses.append(
                {
                    "spreadsheetId": sid,
                    "updatedRange": updated,
                    "updatedRows": height,
                    "updatedColumns": width,
                    "updatedCells": sum(len(v) for v in values),
                }
            )
            totals["rows"] += height
            totals["cols"] = max(totals["cols"], width)
            totals["cells"] += sum(len(v) for v in values)
        return 200, {
            "spreadsheetId": sid,
            "totalUpdatedRows": totals["rows"],
            "totalUpdatedColumns": totals["cols"],
            "totalUpdatedCells": totals["cells"],
            "totalUpdatedSheets": len({r["updatedRange"].rpartition("!")[0] for r in responses}),
            "responses": responses,
        }

    def _values_get(self, params: Params, query: Query, body: Any) -> Handled:
        sid = params["spreadsheetId"]
        title, row, col, rows, cols, _ = self._parse_range(sid, params["range"])
        cells = self.cells[sid][title]
        last_row = row + rows - 1 if rows else max((r for r, _ in cells), default=row)
        last_col = col + cols - 1 if cols else max((c for _, c in cells), default=col)
        raw = (query.get("valueRenderOption") or ["FORMATTED_VALUE"])[0] != "FORMATTED_VALUE"

        def shown(value: Any) -> Any:
            if raw or isinstance(value, str):
                return value
            if isinstance(value, bool):
                return "TRUE" if value else "FALSE"
            return (
                str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
            )

        grid = [
            [shown(cells.get((r, c), "")) for c in range(col, last_col + 1)]
            for r in range(row, last_row + 1)
        ]
        while grid and not any(v != "" for v in grid[-1]):
            grid.pop()
        for line in grid:
            while line and line[-1] == "":
                line.pop()
        answer: dict[str, Any] = {
            "range": f"{_quote_title(title)}!{_letters(col)}{row + 1}:"
            f"{_letters(last_col)}{last_row + 1}",
            "majorDimension": "ROWS",
        }
        if grid:
            answer["values"] = grid
        return 200, answer

    _NEEDS_FIELDS = (
        "updateSheetProperties",
        "updateSpreadsheetProperties",
        "updateDimensionProperties",
        "repeatCell",
        "updateCells",
        "updateNamedRange",
        "updateProtectedRange",
        "updateFilterView",
        "updateBanding",
        "updateEmbeddedObjectPosition",
    )

    def _sheet_ids(self, value: Any) -> Iterator[int]:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sheetId" and isinstance(item, int):
                    yield item
                else:
                    yield from self._sheet_ids(item)
        elif isinstance(value, list):
            for item in value:
                yield from self._sheet_ids(item)

    def _sheets_batch(self, params: Params, query: Query, body: Any) -> Handled:
        sid = params["spreadsheetId"]
        spreadsheet = self._sheet(sid)
        requests = body.get("requests") or []
        if not requests:
            raise _bad("Must specify at least one request.")
        replies: list[dict[str, Any]] = []
        for i, request in enumerate(requests):
            if len(request) != 1:
                raise _bad(
                    f"Invalid requests[{i}]: exactly one kind of request must be set, got {sorted(request)}."
                )
            ((kind, spec),) = request.items()
            where = f"Invalid requests[{i}].{kind}"
            if kind in self._NEEDS_FIELDS and not spec.get("fields"):
                raise _bad(
                    f"{where}: At least one field must be specified in 'fields' (use \"*\" for all)."
                )
            ids = {s["properties"]["sheetId"] for s in spreadsheet["sheets"]}
            for sheet_id in self._sheet_ids({} if kind == "addSheet" else spec):
                if sheet_id not in ids:
                    raise _bad(f"{where}: No grid with id: {sheet_id}")
            reply: dict[str, Any] = {}
            if kind == "addSheet":
                props: dict[str, Any] = {
                    "sheetId": secrets.randbelow(2**31 - 1) + 1,
                    "title": f"Sheet{len(ids) + 1}",
                    "index": len(spreadsheet["sheets"]),
                    "sheetType": "GRID",
                    "gridProperties": {"rowCount": 1000, "columnCount": 26},
                }
                _merge(props, spec.get("properties", {}))
                if props["title"] in self.cells[sid]:
                    raise _bad(
                        f'{where}: A sheet with the name "{props["title"]}" already exists. '
                        "Please enter another name."
                    )
                spreadsheet["sheets"].append({"properties": props})
                self.cells[sid][props["title"]] = {}
                reply = {"addSheet": {"properties": props}}
            elif kind == "updateSheetProperties":
                sheet = next(
                    s
                    for s in spreadsheet["sheets"]
                    if s["properties"]["sheetId"] == spec["properties"].get("sheetId", 0)
                )
                old_title = sheet["properties"]["title"]
                _merge(sheet["properties"], spec["properties"])
                self.cells[sid][sheet["properties"]["title"]] = self.cells[sid].pop(old_title)
            elif kind == "updateSpreadsheetProperties":
                _merge(spreadsheet["properties"], spec.get("properties", {}))
            elif kind == "deleteSheet":
                sheet = next(
                    s
                    for s in spreadsheet["sheets"]
                    if s["properties"]["sheetId"] == spec["sheetId"]
                )
                spreadsheet["sheets"].remove(sheet)
                del self.cells[sid][sheet["properties"]["title"]]
            self.sheet_requests.append((sid, request))
            replies.append(reply)
        answer: dict[str, Any] = {"spreadsheetId": sid, "replies": replies}
        if body.get("includeSpreadsheetInResponse"):
            answer["updatedSpreadsheet"] = json.loads(json.dumps(spreadsheet))
        return 200, answer

    # --------------------------------------------------------------------- Drive
    def _file(self, file_id: str) -> dict[str, Any]:
        if file_id not in self.spreadsheets:
            raise ApiError(
                404,
                "notFound",
                f"File not found: {file_id}.",
                location="fileId",
                location_type="parameter",
            )
        sheet = self.spreadsheets[file_id]
        return {
            "kind": "drive#file",
            "id": file_id,
            "name": sheet["properties"]["title"],
            "mimeType": "application/vnd.google-apps.spreadsheet",
            "webViewLink": sheet["spreadsheetUrl"],
            "trashed": False,
            "owners": [{"kind": "drive#user", "emailAddress": self.email, "me": True}],
            "permissions": [p["permission"] for p in self.permissions[file_id]],
        }

    def _get_file(self, params: Params, query: Query, body: Any) -> Handled:
        full = self._file(params["fileId"])
        fields = (query.get("fields") or ["kind,id,name,mimeType"])[0]
        if fields.strip() == "*":
            return 200, full
        wanted = {
            f.strip().split("(")[0].split("/")[0]
            for f in re.sub(r"\([^)]*\)", "", fields).split(",")
        }
        return 200, {k: v for k, v in full.items() if k in wanted}

    def _delete_file(self, params: Params, query: Query, body: Any) -> Handled:
        self._file(params["fileId"])
        for store in (self.spreadsheets, self.cells, self.permissions):
            del store[params["fileId"]]
        return 204, None

    def _create_permission(self, params: Params, query: Query, body: Any) -> Handled:
        file_id = params["fileId"]
        self._file(file_id)
        q = {k: v[0] for k, v in query.items()}
        kind, role = body.get("type"), body.get("role")
        if kind not in ("user", "group", "domain", "anyone"):
            raise _bad(
                f"Invalid permission type: {kind}",
                location="permission.type",
                location_type="other",
            )
        if role not in ("owner", "organizer", "fileOrganizer", "writer", "commenter", "reader"):
            raise _bad(
                f"Invalid permission role: {role}",
                location="permission.role",
                location_type="other",
            )
        if kind in ("user", "group") and not body.get("emailAddress"):
            raise _bad(
                "The permission emailAddress field is required.",
                reason="required",
                location="permission.emailAddress",
                location_type="other",
            )
        if role == "owner" and q.get("transferOwnership") != "true":
            raise ApiError(
                403,
                "forbidden",
                "The transferOwnership parameter must be enabled when the "
                "permission role is 'owner'.",
                violation=True,
            )
        permission = {
            "kind": "drive#permission",
            "id": str(10**19 + next(self._ids)),
            "type": kind,
            "role": role,
        }
        stored = {**body, **permission}
        self.permissions[file_id].append(
            {
                "permission": stored,
                "sendNotificationEmail": q.get("sendNotificationEmail", "true") == "true",
                "emailMessage": q.get("emailMessage"),
            }
        )
        return 200, permission

    def _list_permissions(self, params: Params, query: Query, body: Any) -> Handled:
        self._file(params["fileId"])
        return 200, {
            "kind": "drive#permissionList",
            "permissions": [p["permission"] for p in self.permissions[params["fileId"]]],
        }
