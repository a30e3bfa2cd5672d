"""Applying an OOO plan to Google, end to end against the fake server (issue 6)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from csdesk.core import ooo
from csdesk.core.db import Database
from csdesk.core.google import apply as gapply
from csdesk.core.google import errors as gerr
from csdesk.core.google.auth import CALENDAR_EVENTS, DRIVE_FILE, GMAIL_SETTINGS
from tests.fakegoogle import FakeGoogle
from tests.google.helpers import Plan, connect, make_plan

VACATION = "/gmail/v1/users/me/settings/vacation"
EVENTS = "/calendar/v3/calendars/primary/events"


@pytest.fixture
def plan(db: Database) -> Plan:
    return make_plan(db)


def _midnight_ms(day: dt.date, zone: str) -> str:
    moment = dt.datetime.combine(day, dt.time(0), tzinfo=ZoneInfo(zone))
    return str(int(moment.timestamp() * 1000))


def _states(plan: Plan) -> dict[str, str]:
    return {k: v["state"] for k, v in gapply.step_states(plan.db, plan.id).items()}


def test_apply_everything_then_again_changes_nothing(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    result = gapply.apply_plan(plan.db, plan.id)
    assert result.ok, result.to_json()
    assert [s.state for s in result.steps] == ["done"] * 4

    # Gmail: on, midnight to midnight in the plan's zone, the R16 text, checked by a read-back.
    view = ooo.get_plan(plan.db, plan.id)
    vac = fake_google.vacation
    assert vac["enableAutoReply"] is True
    assert vac["responseSubject"] == "Out of Office Notice"
    assert vac["startTime"] == _midnight_ms(plan.first, view.timezone)
    assert vac["endTime"] == _midnight_ms(plan.back, view.timezone)
    assert "Jonah Pierce" in vac["responseBodyPlainText"]
    assert fake_google.count("PUT", VACATION) == 1

    # Calendar: one timed out-of-office event, no attendees, declining with the backup's name.
    ooo_events = [e for e in fake_google.events.values() if e.get("eventType") == "outOfOffice"]
    assert len(ooo_events) == 1
    event = ooo_events[0]
    assert "attendees" not in event and event["transparency"] == "opaque"
    assert event["start"]["dateTime"].startswith(plan.first.isoformat() + "T00:00:00")
    assert "Jonah Pierce" in event["outOfOfficeProperties"]["declineMessage"]
    # Meetings: two invitations to the backup, linking the sheet.
    meetings = [e for e in fake_google.events.values() if e.get("attendees")]
    assert len(meetings) == 2
    assert all(m["attendees"][0]["email"] == plan.backup_email for m in meetings)
    sheet_id = gapply.google_state(plan.db, plan.id)["sheet_id"]
    assert all(sheet_id in m["description"] for m in meetings)
    # Sheet: four tabs, RAW values, shared with the backup as a writer.
    assert {w.value_input_option for w in fake_google.value_writes} == {"RAW"}
    assert len(fake_google.value_writes) == 4  # one range per tab
    titles = [s["properties"]["title"] for s in fake_google.spreadsheets[sheet_id]["sheets"]]
    assert titles == ["Summary", "Pending items", "Admins", "Tracking log"]
    pending = fake_google.sheet_values(sheet_id, "Pending items")
    assert pending[0][0] == "Account" and len(pending) == len(view.sheet_items) + 1
    perms = fake_google.permissions[sheet_id]
    shared = [p["permission"] for p in perms]
    assert [(p["emailAddress"], p["role"]) for p in shared] == [(plan.backup_email, "writer")]
    assert perms[0]["sendNotificationEmail"] and "Tracking log" in perms[0]["emailMessage"]
    # The checklist shows what Google did.
    done = {c.key for c in ooo.get_plan(plan.db, plan.id).checklist if c.done}
    assert {"auto_reply", "calendar_ooo"} <= done

    # Again: idempotent — no second vacation write, no second event, no second share.
    writes_before = len(fake_google.value_writes)
    again = gapply.apply_plan(plan.db, plan.id)
    assert again.ok
    by_key = {s.key: s.state for s in again.steps}
    assert by_key["vacation"] == "unchanged"
    assert by_key["calendar"] == "unchanged"
    assert by_key["meetings"] == "unchanged"
    assert fake_google.count("PUT", VACATION) == 1
    assert len([e for e in fake_google.events.values() if e.get("status") != "cancelled"]) == 3
    assert len(fake_google.permissions[sheet_id]) == len(perms)
    rewritten = [w.range for w in fake_google.value_writes[writes_before:]]
    assert len(rewritten) == 3 and not any("Tracking" in r for r in rewritten)


def test_reapply_keeps_the_backups_tracking_log(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    assert gapply.apply_plan(plan.db, plan.id, only=["sheet"]).ok
    sheet_id = gapply.google_state(plan.db, plan.id)["sheet_id"]
    fake_google.cells[sheet_id]["Tracking log"][(1, 0)] = "2026-12-15"
    fake_google.cells[sheet_id]["Tracking log"][(1, 4)] = "Called the admin"
    assert gapply.apply_plan(plan.db, plan.id, only=["sheet"]).ok
    rows = fake_google.sheet_values(sheet_id, "Tracking log")
    assert rows[1][4] == "Called the admin"
    assert all("Tracking log" not in w.range for w in fake_google.value_writes[4:])


def test_changed_dates_move_the_same_event_and_rewrite_the_reply(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    assert gapply.apply_plan(plan.db, plan.id, only=["vacation", "calendar"]).ok
    event_id = gapply.google_state(plan.db, plan.id)["calendar_event_id"]
    ooo.update_dates(plan.db, plan.id, plan.first, plan.back + dt.timedelta(days=7))
    result = gapply.apply_plan(plan.db, plan.id, only=["vacation", "calendar"])
    assert [s.state for s in result.steps] == ["done", "done"]
    assert fake_google.count("PUT", VACATION) == 2
    assert gapply.google_state(plan.db, plan.id)["calendar_event_id"] == event_id
    live = [e for e in fake_google.events.values() if e.get("status") != "cancelled"]
    assert len(live) == 1 and live[0]["id"] == event_id
    assert live[0]["end"]["dateTime"].startswith((plan.back + dt.timedelta(days=7)).isoformat())


def test_consumer_account_falls_back_to_a_busy_event(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = make_plan(db)
    with FakeGoogle(workspace=False) as fake:
        monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
        connect(fake, monkeypatch)
        result = gapply.apply_plan(db, plan.id, only=["calendar"])
        assert result.ok
        assert "auto-decline" in result.steps[0].message or "not declined" in (
            result.steps[0].message
        )
        events = [e for e in fake.events.values() if e.get("status") != "cancelled"]
        assert len(events) == 1 and events[0].get("eventType", "default") == "default"
        assert events[0]["transparency"] == "opaque"
        again = gapply.apply_plan(db, plan.id, only=["calendar"])
        assert again.steps[0].state == "unchanged"
        fake.assert_no_violations()


def test_ungranted_scope_is_named_and_other_steps_go_on(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch, scopes=(GMAIL_SETTINGS, DRIVE_FILE))
    result = gapply.apply_plan(plan.db, plan.id)
    states = {s.key: s.state for s in result.steps}
    assert states == {
        "sheet": "done",
        "vacation": "done",
        "calendar": "not_allowed",
        "meetings": "not_allowed",
    }
    calendar = next(s for s in result.steps if s.key == "calendar")
    assert "Reconnect" in calendar.message
    assert fake_google.matching("*", "^/calendar/") == []


@pytest.mark.parametrize(
    ("preset", "kind", "words"),
    [
        ("authError", gerr.RECONNECT, "Reconnect"),
        ("insufficientPermissions", gerr.PERMISSION, "not granted"),
        ("accessNotConfigured", gerr.API_DISABLED, "Gmail API is not enabled"),
        ("mailServiceNotEnabled", gerr.NO_GMAIL, "no Gmail"),
        ("notFound", gerr.NOT_FOUND, "could not find"),
    ],
)
def test_gmail_failures_in_words_and_the_rest_kept(
    plan: Plan,
    fake_google: FakeGoogle,
    monkeypatch: pytest.MonkeyPatch,
    preset: str,
    kind: str,
    words: str,
) -> None:
    connect(fake_google, monkeypatch)
    fake_google.fail_preset(preset, "GET", "settings/vacation$", times=None)
    result = gapply.apply_plan(plan.db, plan.id)
    vacation = next(s for s in result.steps if s.key == "vacation")
    assert vacation.state == "failed" and vacation.kind == kind
    assert words in vacation.message
    assert _states(plan)["sheet"] == "done"  # finished before the failure: kept
    states = {s.key: s.state for s in result.steps}
    assert states["calendar"] == ("not_tried" if kind == gerr.RECONNECT else "done")
    # the retry continues: nothing done twice
    fake_google.clear_faults()
    retry = gapply.apply_plan(plan.db, plan.id)
    assert retry.ok
    assert len(fake_google.spreadsheets) == 1
    assert fake_google.count("PUT", VACATION) == 1


@pytest.mark.parametrize("status", [429, 500, 503])
def test_transient_errors_are_retried_with_backoff(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    connect(fake_google, monkeypatch)
    sleeps: list[float] = []
    monkeypatch.setattr("googleapiclient.http.time.sleep", sleeps.append)
    fake_google.fail("PUT", "settings/vacation$", status, "backendError", times=2)
    result = gapply.apply_plan(plan.db, plan.id, only=["vacation"])
    assert result.ok
    assert len(sleeps) == 2 and sleeps[1] > 0


def test_rate_limit_that_never_ends_stops_the_run_and_keeps_state(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    fake_google.fail_preset("rateLimitExceeded", "POST", "/events$", times=None)
    result = gapply.apply_plan(plan.db, plan.id)
    states = {s.key: s.state for s in result.steps}
    assert states["sheet"] == states["vacation"] == "done"
    assert states["calendar"] == "failed" and states["meetings"] == "not_tried"
    calendar = next(s for s in result.steps if s.key == "calendar")
    assert "slow down" in calendar.message
    fake_google.clear_faults()
    assert gapply.apply_plan(plan.db, plan.id).ok


def test_offline_keeps_everything_and_retry_continues(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    assert gapply.apply_plan(plan.db, plan.id, only=["sheet"]).ok
    root = fake_google.root
    fake_google.stop()  # the network is gone
    monkeypatch.setenv("CSDESK_GOOGLE_API_ROOT", root)
    result = gapply.apply_plan(plan.db, plan.id, only=["vacation", "calendar", "meetings"])
    states = {s.key: s.state for s in result.steps}
    assert states["vacation"] == "failed"
    assert states["calendar"] == states["meetings"] == "not_tried"
    vacation = next(s for s in result.steps if s.key == "vacation")
    assert vacation.kind == gerr.OFFLINE and "Try again later" in vacation.message
    assert _states(plan)["sheet"] == "done"
    assert gapply.google_state(plan.db, plan.id)["sheet_id"]
    fake_google.start()  # back online (another port): the retry continues
    monkeypatch.setenv("CSDESK_GOOGLE_API_ROOT", fake_google.root)
    retry = gapply.apply_plan(plan.db, plan.id, only=["vacation", "calendar", "meetings"])
    assert retry.ok


def test_lost_answer_on_insert_does_not_duplicate_the_event(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The insert reached Google but its answer was lost: the retry meets the same id (409)."""
    connect(fake_google, monkeypatch)
    fake_google.fail_connection("/events$", times=None, method="POST")
    first = gapply.apply_plan(plan.db, plan.id, only=["calendar"])
    assert first.steps[0].kind == gerr.OFFLINE
    event_id = gapply.google_state(plan.db, plan.id)["calendar_event_id"]  # saved before
    fake_google.clear_faults()
    # what Google did with the lost request: the event exists under csdesk's id
    body = gapply.ooo_event_body(ooo.get_plan(plan.db, plan.id), gapply.Options())
    fake_google.events[event_id] = {**body, "id": event_id, "status": "confirmed"}
    second = gapply.apply_plan(plan.db, plan.id, only=["calendar"])
    assert second.ok, second.to_json()
    live = [e for e in fake_google.events.values() if e.get("status") != "cancelled"]
    assert [e["id"] for e in live] == [event_id]
    assert fake_google.matching("POST", "/events$")[-1].body["id"] == event_id


def test_expired_access_is_refreshed_and_revoked_access_means_reconnect(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    assert gapply.apply_plan(plan.db, plan.id, only=["vacation"]).ok
    tokens_before = len(fake_google.matching("POST", "^/token$"))
    fake_google.expire_access_tokens()
    assert gapply.apply_plan(plan.db, plan.id, only=["vacation"]).ok
    assert len(fake_google.matching("POST", "^/token$")) == tokens_before + 1
    from tests.google.helpers import REFRESH

    fake_google.revoke_refresh_token(REFRESH)
    result = gapply.apply_plan(plan.db, plan.id, only=["vacation", "calendar"])
    assert [s.state for s in result.steps] == ["failed", "not_tried"]
    assert result.steps[0].kind == gerr.RECONNECT
    assert "expired or was revoked" in result.steps[0].message


def test_dry_run_calls_nothing(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    result = gapply.apply_plan(plan.db, plan.id, dry_run=True)
    assert [s.state for s in result.steps] == ["planned"] * 4
    assert fake_google.requests == []
    assert gapply.step_states(plan.db, plan.id) == {}


def test_incomplete_auto_reply_is_not_sent(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    from csdesk.core.settings import set_setting

    set_setting(plan.db, "support_email", "")
    result = gapply.apply_plan(plan.db, plan.id, only=["vacation"])
    assert result.steps[0].state == "failed"
    assert "support email" in result.steps[0].message
    assert fake_google.count("PUT", VACATION) == 0


def test_backup_availability(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = connect(fake_google, monkeypatch)
    fake_google.busy[plan.backup_email] = []
    free = gapply.backup_availability(plan.db, plan.id, connection=conn)
    assert free.checked and not free.warning
    day = plan.first + dt.timedelta(days=1)
    fake_google.busy[plan.backup_email] = [
        (f"{day.isoformat()}T00:00:00Z", f"{(day + dt.timedelta(days=2)).isoformat()}T00:00:00Z")
    ]
    busy = gapply.backup_availability(plan.db, plan.id, connection=conn)
    assert busy.warning and "Jonah Pierce" in busy.message
    fake_google.freebusy_visible = set()
    hidden = gapply.backup_availability(plan.db, plan.id, connection=conn)
    assert not hidden.checked and "ask them" in hidden.message
    narrow = connect(fake_google, monkeypatch, scopes=(CALENDAR_EVENTS,))
    assert "not allowed" in gapply.backup_availability(plan.db, plan.id, connection=narrow).message


def test_return_switches_the_auto_reply_off(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    assert gapply.after_return(plan.db, plan.id) is None  # nothing set: nothing to do
    assert gapply.apply_plan(plan.db, plan.id, only=["vacation"]).ok
    result = gapply.after_return(plan.db, plan.id)
    assert result is not None and result.state == "done"
    assert fake_google.vacation["enableAutoReply"] is False
    assert _states(plan)["vacation_off"] == "done"
    assert gapply.after_return(plan.db, plan.id) is None  # recorded: not again


def test_return_when_offline_says_what_to_do(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    connect(fake_google, monkeypatch)
    assert gapply.apply_plan(plan.db, plan.id, only=["vacation"]).ok
    fake_google.fail_connection("settings/vacation", times=None)
    result = gapply.after_return(plan.db, plan.id)
    assert result is not None and result.state == "failed"
    assert "could not be switched off" in result.message


def test_return_reads_the_tracking_log_from_the_shared_sheet(
    plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csdesk.core import ooo_return

    connect(fake_google, monkeypatch)
    with pytest.raises(ooo_return.TrackingFileError, match="no Google Sheet"):
        gapply.read_tracking_sheet(plan.db, plan.id)
    assert gapply.apply_plan(plan.db, plan.id, only=["sheet"]).ok
    sheet_id = gapply.google_state(plan.db, plan.id)["sheet_id"]
    pending = fake_google.sheet_values(sheet_id, "Pending items")
    account, key = pending[1][0], pending[1][1]
    cells = fake_google.cells[sheet_id]["Tracking log"]
    day = (dt.date.today() - dt.timedelta(days=1)).isoformat()  # the leave is in the future
    for col, value in enumerate([day, account, key, "Email", "Sent the admin the fix", "No"]):
        cells[(1, col)] = value
    for col, value in enumerate([day, "Nobody Inc", "?", "Call", "Wrong number", ""]):
        cells[(2, col)] = value
    rows = gapply.read_tracking_sheet(plan.db, plan.id)
    assert len(rows) == 2
    result = ooo_return.apply_tracking(plan.db, plan.id, rows)
    assert result.ok and result.logged == 1 and len(result.unmatched) == 1
