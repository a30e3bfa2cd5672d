"""FakeGoogle driven through the real client libraries the app uses."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
import webbrowser
from collections.abc import Iterator
from typing import Any

import google.auth.exceptions
import pytest
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import Resource, build
from googleapiclient.errors import HttpError

from tests.fakegoogle import (
    ALL_SCOPES,
    CALENDAR_EVENTS,
    CALENDAR_FREEBUSY,
    CONSUMER_OOO_MESSAGE,
    CONSUMER_OOO_REASON,
    DRIVE_FILE,
    GMAIL_SETTINGS_BASIC,
    FakeGoogle,
)

OOO = {
    "id": "3f2c9d7e0b1a4c5d8e6f7a8b9c0d1e2f",
    "eventType": "outOfOffice",
    "summary": "Out of office",
    "transparency": "opaque",
    "start": {"dateTime": "2026-01-05T00:00:00+01:00", "timeZone": "Europe/Berlin"},
    "end": {"dateTime": "2026-01-10T00:00:00+01:00", "timeZone": "Europe/Berlin"},
    "outOfOfficeProperties": {
        "autoDeclineMode": "declineAllConflictingInvitations",
        "declineMessage": "Out until 12 Jan; please contact bob@example.com.",
    },
}
# No network: a direct opener, whatever the environment's proxy settings.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    with FakeGoogle() as server:
        yield server
        server.assert_no_violations()


def creds(
    fake: FakeGoogle, access: str = "ya29.a", refresh: str = "1//r", scopes: Any = ALL_SCOPES
) -> Credentials:
    fake.add_token(access, refresh, scopes)
    return Credentials(  # type: ignore[no-untyped-call]
        token=access,
        refresh_token=refresh,
        token_uri=fake.root + "token",
        client_id="client-id",
        client_secret="client-secret",
    )


def service(fake: FakeGoogle, api: str, credentials: Credentials) -> Resource:
    version = {"gmail": "v1", "calendar": "v3", "sheets": "v4", "drive": "v3"}[api]
    return build(
        api,
        version,
        credentials=credentials,
        client_options={"api_endpoint": fake.endpoint(api)},
        static_discovery=True,
    )


def reason(err: HttpError) -> str:
    error: dict[str, Any] = json.loads(err.content)["error"]
    return str(error["errors"][0]["reason"])


def post_form(url: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
    data = urllib.parse.urlencode(form).encode()
    try:
        with OPENER.open(urllib.request.Request(url, data=data, method="POST"), timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        with err:
            return err.code, json.loads(err.read())


def test_vacation_roundtrip_and_send_as(fake: FakeGoogle) -> None:
    with service(fake, "gmail", creds(fake)) as gmail:
        settings = gmail.users().settings()
        assert settings.getVacation(userId="me").execute() == {"enableAutoReply": False}
        body = {
            "enableAutoReply": True,
            "responseSubject": "Out of Office Notice",
            "responseBodyHtml": "<p>I am out until Mon 12 Jan.</p>",
            "restrictToContacts": False,
            "startTime": "1767567600000",
            "endTime": 1767999600000,  # a JSON number is accepted and stored as a string
        }
        answer = settings.updateVacation(userId="me", body=body).execute()
        assert answer["endTime"] == "1767999600000"
        assert settings.getVacation(userId="me").execute() == answer == fake.vacation
        send_as = settings.sendAs().list(userId="me").execute()["sendAs"]
        assert [s["sendAsEmail"] for s in send_as if s["isPrimary"]] == ["csm@example.com"]
    assert fake.count("PUT", "/gmail/v1/users/me/settings/vacation") == 1
    put = fake.matching("PUT", r"/vacation$")[0]
    assert put.body["startTime"] == "1767567600000"
    assert put.headers["authorization"] == "Bearer ya29.a"


def test_event_insert_duplicate_list_patch_delete(fake: FakeGoogle) -> None:
    with service(fake, "calendar", creds(fake)) as calendar:
        events = calendar.events()
        created = events.insert(calendarId="primary", body=OOO).execute()
        assert created["id"] == OOO["id"]
        assert created["status"] == "confirmed"
        assert created["htmlLink"].startswith("https://www.google.com/calendar/event?eid=")

        with pytest.raises(HttpError) as err:  # a retried insert with the same id
            events.insert(calendarId="primary", body=OOO).execute()
        assert err.value.resp.status == 409
        assert reason(err.value) == "duplicate"

        meeting = {
            "summary": "QBR",
            "start": {"dateTime": "2026-01-07T10:00:00Z"},
            "end": {"dateTime": "2026-01-07T11:00:00Z"},
        }
        events.insert(calendarId="primary", body=meeting).execute()

        def listed(**kw: Any) -> list[str]:
            page = events.list(calendarId="primary", singleEvents=True, **kw).execute()
            return [e.get("summary") for e in page["items"]]

        window = {"timeMin": "2026-01-01T00:00:00+01:00", "timeMax": "2026-02-01T00:00:00+01:00"}
        assert listed(eventTypes=["outOfOffice"], **window) == ["Out of office"]
        assert sorted(listed(eventTypes=["outOfOffice", "default"], **window)) == [
            "Out of office",
            "QBR",
        ]
        # timeMin bounds the end, timeMax the start: an event ending at timeMin is out.
        assert listed(timeMin="2026-01-10T00:00:00+01:00") == []
        assert listed(timeMax="2026-01-05T00:00:00+01:00", eventTypes=["outOfOffice"]) == []
        assert listed(timeMax="2026-01-05T00:00:01+01:00", eventTypes=["outOfOffice"]) == [
            "Out of office"
        ]

        patched = events.patch(
            calendarId="primary",
            eventId=OOO["id"],
            body={"end": {"dateTime": "2026-01-11T00:00:00+01:00"}},
        ).execute()
        assert patched["end"] == {
            "dateTime": "2026-01-11T00:00:00+01:00",
            "timeZone": "Europe/Berlin",
        }
        assert patched["eventType"] == "outOfOffice"

        assert (
            events.delete(calendarId="primary", eventId=OOO["id"], sendUpdates="none").execute()
            == ""
        )
        assert (
            events.get(calendarId="primary", eventId=OOO["id"]).execute()["status"] == "cancelled"
        )
        assert listed(eventTypes=["outOfOffice"], **window) == []
        with pytest.raises(HttpError) as err:
            events.get(calendarId="primary", eventId="nosuchevent0").execute()
        assert err.value.resp.status == 404
        with pytest.raises(HttpError) as err:
            events.list(calendarId="someone@example.com").execute()
        assert err.value.resp.status == 404


def test_consumer_account_refuses_out_of_office(fake: FakeGoogle) -> None:
    fake.workspace = False
    with service(fake, "calendar", creds(fake)) as calendar:
        with pytest.raises(HttpError) as err:
            calendar.events().insert(calendarId="primary", body=OOO).execute()
        assert err.value.resp.status == 400
        assert reason(err.value) == CONSUMER_OOO_REASON
        assert json.loads(err.value.content)["error"]["message"] == CONSUMER_OOO_MESSAGE
        plain = {k: v for k, v in OOO.items() if k not in ("eventType", "outOfOfficeProperties")}
        assert (
            calendar.events().insert(calendarId="primary", body=plain).execute()["eventType"]
            == "default"
        )
    assert fake.violations == []  # the account's limits are not the app's mistakes


@pytest.mark.parametrize(
    "change",
    [
        {"attendees": [{"email": "bob@example.com"}]},
        {"start": {"date": "2026-01-05"}, "end": {"date": "2026-01-10"}},
    ],
)
def test_out_of_office_with_attendees_or_all_day_is_refused(
    fake: FakeGoogle, change: dict[str, Any]
) -> None:
    with service(fake, "calendar", creds(fake)) as calendar, pytest.raises(HttpError) as err:
        calendar.events().insert(calendarId="primary", body={**OOO, **change}).execute()
    assert err.value.resp.status == 400
    assert len(fake.violations) == 1
    fake.violations.clear()


def test_freebusy(fake: FakeGoogle) -> None:
    fake.busy = {"bob@example.com": [("2026-01-06T09:00:00+01:00", "2026-01-06T10:00:00+01:00")]}
    fake.freebusy_visible = {"bob@example.com"}
    body = {
        "timeMin": "2026-01-05T00:00:00Z",
        "timeMax": "2026-01-12T00:00:00Z",
        "items": [{"id": "bob@example.com"}, {"id": "eve@example.com"}],
    }
    with service(fake, "calendar", creds(fake, scopes=[CALENDAR_FREEBUSY])) as calendar:
        answer = calendar.freebusy().query(body=body).execute()
    assert answer["calendars"]["bob@example.com"] == {
        "busy": [{"start": "2026-01-06T08:00:00Z", "end": "2026-01-06T09:00:00Z"}]
    }
    assert answer["calendars"]["eve@example.com"]["errors"] == [
        {"domain": "global", "reason": "notFound"}
    ]


def test_sheet_with_raw_values_shared_through_drive(fake: FakeGoogle) -> None:
    credentials = creds(fake, scopes=[DRIVE_FILE])
    with (
        service(fake, "sheets", credentials) as sheets,
        service(fake, "drive", credentials) as drive,
    ):
        created = (
            sheets.spreadsheets()
            .create(
                body={
                    "properties": {"title": "Hand-off"},
                    "sheets": [
                        {"properties": {"title": "Pending items"}},
                        {"properties": {"title": "Contacts"}},
                    ],
                }
            )
            .execute()
        )
        sid = created["spreadsheetId"]
        assert created["spreadsheetUrl"].endswith(f"/d/{sid}/edit")
        assert [s["properties"]["title"] for s in created["sheets"]] == [
            "Pending items",
            "Contacts",
        ]
        data = [
            {
                "range": "'Pending items'!A1",
                "values": [["Task", "Note"], ["Renewal", "=not a formula"]],
            }
        ]
        answer = (
            sheets.spreadsheets()
            .values()
            .batchUpdate(spreadsheetId=sid, body={"valueInputOption": "RAW", "data": data})
            .execute()
        )
        assert answer["totalUpdatedCells"] == 4
        assert fake.value_writes[0].value_input_option == "RAW"
        got = (
            sheets.spreadsheets()
            .values()
            .get(spreadsheetId=sid, range="'Pending items'!A1:B2")
            .execute()
        )
        assert got["values"] == [["Task", "Note"], ["Renewal", "=not a formula"]]
        first = created["sheets"][0]["properties"]["sheetId"]
        frozen = {
            "updateSheetProperties": {
                "properties": {"sheetId": first, "gridProperties": {"frozenRowCount": 1}},
                "fields": "gridProperties.frozenRowCount",
            }
        }
        widths = {
            "updateDimensionProperties": {
                "range": {"sheetId": first, "dimension": "COLUMNS", "startIndex": 0, "endIndex": 2},
                "properties": {"pixelSize": 240},
                "fields": "pixelSize",
            }
        }
        sheets.spreadsheets().batchUpdate(
            spreadsheetId=sid, body={"requests": [frozen, widths]}
        ).execute()
        grid = (
            sheets.spreadsheets()
            .get(spreadsheetId=sid)
            .execute()["sheets"][0]["properties"]["gridProperties"]
        )
        assert grid["frozenRowCount"] == 1

        permission = (
            drive.permissions()
            .create(
                fileId=sid,
                body={"type": "user", "role": "writer", "emailAddress": "bob@example.com"},
                sendNotificationEmail=True,
                emailMessage="Hand-off for my leave",
            )
            .execute()
        )
        assert permission["role"] == "writer"
        assert (
            drive.files().get(fileId=sid, fields="id,name,webViewLink").execute()["name"]
            == "Hand-off"
        )
    shared = fake.permissions[sid][0]
    assert shared["permission"]["emailAddress"] == "bob@example.com"
    assert shared["sendNotificationEmail"] is True
    assert shared["emailMessage"] == "Hand-off for my leave"
    assert fake.sheet_values(sid, "Pending items")[1] == ["Renewal", "=not a formula"]


def test_values_batch_update_needs_value_input_option(fake: FakeGoogle) -> None:
    with service(fake, "sheets", creds(fake)) as sheets:
        sid = sheets.spreadsheets().create(body={}).execute()["spreadsheetId"]
        with pytest.raises(HttpError) as err:
            body = {"data": [{"range": "Sheet1!A1", "values": [["x"]]}]}
            sheets.spreadsheets().values().batchUpdate(spreadsheetId=sid, body=body).execute()
    assert err.value.resp.status == 400
    assert fake.violations and "valueInputOption" in fake.violations[0]
    fake.violations.clear()


def test_insufficient_scope_is_403(fake: FakeGoogle) -> None:
    calendar = service(fake, "calendar", creds(fake, scopes=[GMAIL_SETTINGS_BASIC]))
    with calendar, pytest.raises(HttpError) as err:
        calendar.events().insert(calendarId="primary", body=OOO).execute()
    error = json.loads(err.value.content)["error"]
    assert err.value.resp.status == 403
    assert error["errors"][0]["reason"] == "insufficientPermissions"
    assert error["message"] == "Request had insufficient authentication scopes."
    assert fake.events == {}


def test_expired_access_token_is_refreshed(fake: FakeGoogle) -> None:
    credentials = creds(fake, scopes=[CALENDAR_EVENTS, GMAIL_SETTINGS_BASIC])
    fake.expire_access_tokens()
    with service(fake, "gmail", credentials) as gmail:
        gmail.users().settings().getVacation(userId="me").execute()
    assert fake.count("POST", "/token") == 1
    assert fake.count("GET", "/gmail/v1/users/me/settings/vacation") == 2  # 401, then success
    assert credentials.token != "ya29.a"
    token_request = fake.matching("POST", "^/token$")[0]
    assert token_request.body["grant_type"] == "refresh_token"


def test_revoked_refresh_token_raises_refresh_error(fake: FakeGoogle) -> None:
    credentials = creds(fake)
    assert post_form(fake.root + "revoke", {"token": "1//r"}) == (200, {})
    gmail = service(fake, "gmail", credentials)
    with gmail, pytest.raises(google.auth.exceptions.RefreshError, match="invalid_grant"):
        gmail.users().settings().getVacation(userId="me").execute()
    assert post_form(fake.root + "revoke", {"token": "1//r"})[0] == 400


def test_misspelt_body_field_is_rejected_and_recorded(fake: FakeGoogle) -> None:
    with service(fake, "gmail", creds(fake)) as gmail, pytest.raises(HttpError) as err:
        gmail.users().settings().updateVacation(
            userId="me", body={"enableAutoReplly": True}
        ).execute()
    error = json.loads(err.value.content)["error"]
    assert error["status"] == "INVALID_ARGUMENT"
    assert 'Unknown name "enableAutoReplly"' in error["message"]
    assert fake.violations == [
        "PUT /gmail/v1/users/me/settings/vacation: Invalid JSON payload received. "
        'Unknown name "enableAutoReplly": Cannot find field.'
    ]
    fake.violations.clear()


def test_wrong_types_and_unknown_paths_are_violations(fake: FakeGoogle) -> None:
    with service(fake, "calendar", creds(fake)) as calendar:
        body = {**OOO, "start": {"dateTime": 5}, "outOfOfficeProperties": {"declineMesage": "x"}}
        with pytest.raises(HttpError):
            calendar.events().insert(calendarId="primary", body=body).execute()
    assert "Invalid value at 'start.dateTime' (TYPE_STRING), 5" in fake.violations[0]
    assert "Unknown name \"declineMesage\" at 'outOfOfficeProperties'" in fake.violations[0]
    with pytest.raises(urllib.error.HTTPError) as err:
        OPENER.open(fake.root + "gmail/v1/users/me/nothing", timeout=10)
    with err.value:
        assert err.value.code == 404
    assert len(fake.violations) == 2
    fake.violations.clear()


def test_injected_429_and_500_are_retried(
    fake: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    sleeps: list[float] = []
    monkeypatch.setattr("time.sleep", sleeps.append)
    monkeypatch.setattr("random.random", lambda: 0.5)
    fake.fail_preset("rateLimitExceeded", "PUT", "/vacation$", retry_after=1)
    fake.fail_preset("backendError", "PUT", "/vacation$")
    with service(fake, "gmail", creds(fake)) as gmail:
        request = (
            gmail.users().settings().updateVacation(userId="me", body={"enableAutoReply": False})
        )
        assert request.execute(num_retries=2) == {"enableAutoReply": False}
    assert fake.count("PUT", "/gmail/v1/users/me/settings/vacation") == 3
    assert sleeps == [1.0, 2.0]


def test_access_not_configured_is_not_retried(fake: FakeGoogle) -> None:
    fake.fail_preset("accessNotConfigured", "GET", "^/gmail/")
    with service(fake, "gmail", creds(fake)) as gmail, pytest.raises(HttpError) as err:
        gmail.users().settings().getVacation(userId="me").execute(num_retries=3)
    item = json.loads(err.value.content)["error"]["errors"][0]
    assert (err.value.resp.status, item["reason"], item["domain"]) == (
        403,
        "accessNotConfigured",
        "usageLimits",
    )
    assert "console.developers.google.com/apis/api/gmail.googleapis.com" in item["message"]
    assert fake.count("GET", "/gmail/v1/users/me/settings/vacation") == 1


def test_plain_fault_gets_google_defaults(fake: FakeGoogle) -> None:
    fake.fail("get", "/settings/sendAs$", 503, times=None)
    with service(fake, "gmail", creds(fake)) as gmail:
        for _ in range(2):
            with pytest.raises(HttpError) as err:
                gmail.users().settings().sendAs().list(userId="me").execute()
            error = json.loads(err.value.content)["error"]
            assert (error["code"], error["status"]) == (503, "UNAVAILABLE")
            assert error["message"] == "The service is currently unavailable."
        fake.clear_faults()
        gmail.users().settings().sendAs().list(userId="me").execute()


def test_dropped_connection(fake: FakeGoogle, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("time.sleep", lambda _: None)
    fake.fail_connection("/vacation$", times=2)  # httplib2 retries the first drop by itself
    with service(fake, "gmail", creds(fake)) as gmail:
        gmail.users().settings().getVacation(userId="me").execute(num_retries=1)
    assert fake.count("GET", "/gmail/v1/users/me/settings/vacation") == 3


def test_authorization_code_with_pkce(fake: FakeGoogle) -> None:
    code = fake.issue_code(ALL_SCOPES, code_verifier="v" * 43)
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": "c",
        "client_secret": "s",
    }
    assert post_form(fake.root + "token", {**form, "code_verifier": "w" * 43}) == (
        400,
        {"error": "invalid_grant", "error_description": "Invalid code verifier."},
    )
    fake.violations.clear()
    code = fake.issue_code(ALL_SCOPES, granted=[DRIVE_FILE], code_verifier="v" * 43)
    status, token = post_form(
        fake.root + "token", {**form, "code": code, "code_verifier": "v" * 43}
    )
    assert status == 200
    assert token["scope"] == DRIVE_FILE
    assert token["refresh_token"].startswith("1//")
    assert token["expires_in"] == 3600


class FakeBrowser:
    """Plays the user's browser: opens the consent URL and follows the redirect home."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.pages: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        def visit() -> None:
            with OPENER.open(url, timeout=10) as response:
                self.pages.append(response.read().decode())

        thread = threading.Thread(target=visit)
        thread.start()
        self.threads.append(thread)
        return True


def run_flow(
    fake: FakeGoogle, monkeypatch: pytest.MonkeyPatch, scopes: list[str], **kwargs: str
) -> Credentials:
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    client = {
        "installed": {
            "client_id": "client-id.apps.googleusercontent.com",
            "client_secret": "client-secret",
            "auth_uri": fake.root + "o/oauth2/auth",
            "token_uri": fake.root + "token",
            "redirect_uris": ["http://localhost"],
        }
    }
    flow = InstalledAppFlow.from_client_config(client, scopes=scopes)
    try:
        credentials = flow.run_local_server(
            port=0, open_browser=True, timeout_seconds=10, authorization_prompt_message="", **kwargs
        )
    finally:
        flow.oauth2session.close()
        for thread in browser.threads:
            thread.join(10)
    assert browser.pages and "flow has completed" in browser.pages[0]
    assert isinstance(credentials, Credentials)
    return credentials


def test_installed_app_flow(fake: FakeGoogle, monkeypatch: pytest.MonkeyPatch) -> None:
    credentials = run_flow(fake, monkeypatch, list(ALL_SCOPES))
    assert credentials.refresh_token
    assert set(credentials.granted_scopes) == set(ALL_SCOPES)
    consent = fake.auth_requests[0]
    assert consent["code_challenge_method"] == "S256"
    assert consent["access_type"] == "offline"
    with service(fake, "gmail", credentials) as gmail:
        gmail.users().settings().getVacation(userId="me").execute()

    # The same client again without prompt=consent gets no new refresh token, as at Google.
    again = run_flow(fake, monkeypatch, list(ALL_SCOPES))
    assert again.refresh_token is None
    assert run_flow(fake, monkeypatch, list(ALL_SCOPES), prompt="consent").refresh_token


def test_installed_app_flow_with_unticked_scopes(
    fake: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OAUTHLIB_RELAX_TOKEN_SCOPE", "1")
    fake.grant_only = [GMAIL_SETTINGS_BASIC, DRIVE_FILE]
    credentials = run_flow(fake, monkeypatch, list(ALL_SCOPES))
    assert sorted(credentials.granted_scopes) == sorted([GMAIL_SETTINGS_BASIC, DRIVE_FILE])
    with service(fake, "calendar", credentials) as calendar, pytest.raises(HttpError) as err:
        calendar.events().insert(calendarId="primary", body=OOO).execute()
    assert err.value.resp.status == 403


def test_user_cancels_consent(fake: FakeGoogle, monkeypatch: pytest.MonkeyPatch) -> None:
    fake.consent_error = "access_denied"
    with pytest.raises(Exception, match="access_denied") as err:
        run_flow(fake, monkeypatch, [GMAIL_SETTINGS_BASIC])
    assert type(err.value).__name__ == "AccessDeniedError"  # oauthlib's
