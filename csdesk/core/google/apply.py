"""Apply an out-of-office plan to Google (issue 6, rules R16–R18).

Steps, in this order (the meetings link to the sheet, so the sheet comes first):

* ``sheet`` — the hand-off sheet as a Google Sheet in the user's Drive (same
  tabs and values as the XLSX, written with ``valueInputOption: RAW``),
  shared with the backup as a writer. Applied again, it rewrites Summary,
  Pending items and Admins but **never the Tracking log**, which is the
  backup's to fill.
* ``vacation`` — the Gmail vacation responder: read, merge, and written only
  when something changed (every write restarts Gmail's once-per-sender
  memory), then read back to confirm.
* ``calendar`` — an out-of-office event on the primary calendar, midnight to
  midnight in the plan's time zone (Google refuses all-day ones), declining
  meetings with a message naming the backup. Where the account has no
  out-of-office events (not Google Workspace), an ordinary busy event instead,
  and the user is told auto-decline is unavailable. The event id is chosen by
  csdesk and saved *before* the insert, so a retried insert cannot duplicate.
* ``meetings`` — the hand-off meeting before the leave and the return meeting
  on the first workday back, as invitations to the backup.

Before applying, :func:`backup_availability` checks the backup's free/busy
over the leave where Google allows it. On return, :func:`switch_off_vacation`
turns the auto-reply off if it is still on.

Every step records its outcome on the plan (``google_state["steps"]``) as soon
as it ends, so a failure or a lost connection keeps all finished work, and a
retry continues where it stopped (each step is idempotent). A step that fails
because Google cannot be reached, the access expired or Google keeps asking to
slow down stops the run: the following steps would fail the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from csdesk.core.business_time import load_calendar
from csdesk.core.db import Database
from csdesk.core.enums import OooStatus
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.google import auth
from csdesk.core.google import errors as gerr
from csdesk.core.google.choices import DECLINE_MODES, RESTRICT_CHOICES, STEPS
from csdesk.core.google.errors import GoogleError
from csdesk.core.google.services import GoogleSession
from csdesk.core.handoff import (
    TAB_ADMINS,
    TAB_PENDING,
    TAB_SUMMARY,
    TAB_TRACKING,
    build_sheet,
    sheet_tables,
)
from csdesk.core.models import OooPlan
from csdesk.core.ooo import PlanView, auto_reply, get_plan, long_date, tick

STEP_LABELS = {
    "sheet": "Shared hand-off sheet (Google Sheets)",
    "vacation": "Gmail auto-reply",
    "calendar": "Calendar out-of-office event",
    "meetings": "Hand-off and return meetings",
    "vacation_off": "Gmail auto-reply switched off",
}
#: The checklist step (R18) a finished Google step ticks.
CHECKLIST_KEYS = {"vacation": "auto_reply", "calendar": "calendar_ooo"}
#: Failures after which the next steps would fail the same way.
STOPS_RUN = frozenset(
    {gerr.OFFLINE, gerr.TIMEOUT, gerr.RECONNECT, gerr.NOT_CONNECTED, gerr.RATE_LIMITED}
)

DONE, UNCHANGED, FAILED, NOT_ALLOWED, NOT_TRIED, PLANNED = (
    "done", "unchanged", "failed", "not_allowed", "not_tried", "planned",
)  # fmt: skip
MEETING_HOUR = 10
HANDOFF_MINUTES = 45
RETURN_MINUTES = 30


@dataclass(frozen=True)
class StepResult:
    key: str
    state: str
    message: str
    link: str = ""
    kind: str = ""  # the GoogleError kind when it failed

    @property
    def label(self) -> str:
        return STEP_LABELS.get(self.key, self.key)

    @property
    def ok(self) -> bool:
        return self.state in (DONE, UNCHANGED, PLANNED)

    def to_json(self) -> dict[str, Any]:
        return {
            "step": self.key,
            "state": self.state,
            "message": self.message,
            "link": self.link,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class ApplyResult:
    plan_id: int
    dry_run: bool
    steps: tuple[StepResult, ...]
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.steps)

    def to_json(self) -> dict[str, Any]:
        return {
            "plan": self.plan_id,
            "dry_run": self.dry_run,
            "ok": self.ok,
            "steps": [r.to_json() for r in self.steps],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Options:
    """Choices the wizard page and the CLI offer; kept on the plan (``google_state["options"]``)."""

    restrict: str = "none"  # vacation replies: "none", "contacts" or "domain"
    decline: str = "all"  # calendar: "all", "new" or "none"
    handoff_at: dt.datetime | None = None  # local, naive: the meeting's start in the plan's zone
    return_at: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "restrict": self.restrict,
            "decline": self.decline,
            "handoff_at": self.handoff_at.isoformat(timespec="minutes") if self.handoff_at else "",
            "return_at": self.return_at.isoformat(timespec="minutes") if self.return_at else "",
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Options:
        data = data or {}

        def moment(key: str) -> dt.datetime | None:
            text = str(data.get(key) or "")
            try:
                return dt.datetime.fromisoformat(text).replace(tzinfo=None) if text else None
            except ValueError:
                return None

        restrict = str(data.get("restrict") or "none")
        decline = str(data.get("decline") or "all")
        return cls(
            restrict=restrict if restrict in RESTRICT_CHOICES else "none",
            decline=decline if decline in DECLINE_MODES else "all",
            handoff_at=moment("handoff_at"),
            return_at=moment("return_at"),
        )


# ------------------------------------------------------------------ state on the plan


def google_state(db: Database, plan_id: int) -> dict[str, Any]:
    with db.session() as s:
        plan = s.get(OooPlan, plan_id)
        if plan is None:
            raise KnownError(f"There is no out-of-office plan #{plan_id}.")
        state: dict[str, Any] = json.loads(json.dumps(plan.google_state or {}))
        return state


def _change(db: Database, plan_id: int, edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """Read, ``edit`` and store the plan's google_state in one transaction; the new state."""
    with db.session() as s:
        plan = s.get(OooPlan, plan_id)
        if plan is None:
            raise KnownError(f"There is no out-of-office plan #{plan_id}.")
        state: dict[str, Any] = json.loads(json.dumps(plan.google_state or {}))
        edit(state)
        plan.google_state = state  # a new object: JSON columns do not track in-place changes
        return dict(state)


def _save(db: Database, plan_id: int, **updates: Any) -> dict[str, Any]:
    """Merge ``updates`` into the plan's google_state (None removes a key)."""

    def merge(state: dict[str, Any]) -> None:
        for key, value in updates.items():
            if value is None:
                state.pop(key, None)
            else:
                state[key] = value

    return _change(db, plan_id, merge)


def _record(db: Database, plan_id: int, result: StepResult, now: dt.datetime) -> None:
    def put(state: dict[str, Any]) -> None:
        state["steps"] = {
            **(state.get("steps") or {}),
            result.key: {
                "state": result.state,
                "message": result.message,
                "link": result.link,
                "kind": result.kind,
                "at": now.isoformat(timespec="seconds"),
            },
        }

    _change(db, plan_id, put)


def set_options(db: Database, plan_id: int, options: Options) -> None:
    if options.restrict not in RESTRICT_CHOICES:
        raise ValidationError(
            f"Limit replies to one of: {', '.join(RESTRICT_CHOICES)}.", "restrict"
        )
    if options.decline not in DECLINE_MODES:
        raise ValidationError(f"Decline mode is one of: {', '.join(DECLINE_MODES)}.", "decline")
    _save(db, plan_id, options=options.to_json())


def get_options(db: Database, plan_id: int) -> Options:
    return Options.from_json(google_state(db, plan_id).get("options"))


def step_states(db: Database, plan_id: int) -> dict[str, dict[str, Any]]:
    """What each step did last time: ``{"vacation": {"state": "done", "message": ..., "at": ...}}``."""
    return dict(google_state(db, plan_id).get("steps") or {})


# ------------------------------------------------------------------ times


def _zone(plan: PlanView) -> ZoneInfo:
    return ZoneInfo(plan.timezone)


def _midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone)


def _epoch_ms(moment: dt.datetime) -> str:
    return str(int(moment.timestamp() * 1000))


def _rfc3339(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def meeting_times(
    db: Database, plan: PlanView, options: Options, now: dt.datetime
) -> tuple[dt.datetime | None, dt.datetime]:
    """(hand-off start or None when no time is left before the leave, return meeting start)."""
    zone = _zone(plan)
    cal = load_calendar(db)
    local_now = now.astimezone(zone)
    leave_starts = _midnight(plan.first_day, zone)
    if options.handoff_at:
        handoff: dt.datetime | None = options.handoff_at.replace(tzinfo=zone)
    else:
        due = next((c.due_date for c in plan.checklist if c.key == "handoff_meeting"), None)
        day = due or cal.add_workdays(plan.first_day, -2)
        handoff = dt.datetime.combine(day, dt.time(MEETING_HOUR), tzinfo=zone)
        if handoff <= local_now:  # its day has passed: the next workday's 10:00, or today later on
            day = local_now.date()
            if not cal.is_workday(day) or local_now.hour >= MEETING_HOUR + 6:
                day = cal.add_workdays(day, 1)
                handoff = dt.datetime.combine(day, dt.time(MEETING_HOUR), tzinfo=zone)
            else:
                handoff = (local_now + dt.timedelta(hours=1)).replace(
                    minute=0, second=0, microsecond=0
                )
        if handoff + dt.timedelta(minutes=HANDOFF_MINUTES) > leave_starts:
            handoff = None
    if options.return_at:
        back = options.return_at.replace(tzinfo=zone)
    else:
        day = (
            plan.return_day
            if cal.is_workday(plan.return_day)
            else cal.add_workdays(plan.return_day, 1)
        )
        back = dt.datetime.combine(day, dt.time(MEETING_HOUR), tzinfo=zone)
    return handoff, back


# ------------------------------------------------------------------ bodies


def _who(plan: PlanView) -> str:
    return plan.colleague.name if plan.colleague else "Me"


def vacation_body(db: Database, plan: PlanView, options: Options) -> dict[str, Any]:
    reply = auto_reply(db, plan.id)
    if reply.missing:
        raise ValidationError(
            "The auto-reply is not complete yet: " + ", ".join(reply.missing) + " missing. "
            "Fill them in (Directory, Settings) before setting it in Gmail.",
            "auto_reply",
        )
    zone = _zone(plan)
    return {
        "enableAutoReply": True,
        "responseSubject": reply.subject,
        "responseBodyHtml": reply.html,
        "responseBodyPlainText": reply.text,
        "restrictToContacts": options.restrict == "contacts",
        "restrictToDomain": options.restrict == "domain",
        "startTime": _epoch_ms(_midnight(plan.first_day, zone)),
        "endTime": _epoch_ms(_midnight(plan.return_day, zone)),
    }


def decline_message(plan: PlanView) -> str:
    text = f"I am out of office until {long_date(plan.return_day)}."
    if plan.backup:
        contact = plan.backup.name + (f" ({plan.backup.email})" if plan.backup.email else "")
        text += f" Please contact {contact} meanwhile."
    return text


def ooo_event_body(plan: PlanView, options: Options, fallback: bool = False) -> dict[str, Any]:
    zone = _zone(plan)
    body: dict[str, Any] = {
        "summary": "Out of office",
        "transparency": "opaque",
        "start": {"dateTime": _rfc3339(_midnight(plan.first_day, zone)), "timeZone": plan.timezone},
        "end": {"dateTime": _rfc3339(_midnight(plan.return_day, zone)), "timeZone": plan.timezone},
        "extendedProperties": {"private": {"csdeskPlan": str(plan.id), "csdeskKind": "ooo"}},
    }
    if fallback:
        body["description"] = decline_message(plan)
    else:
        body["eventType"] = "outOfOffice"
        body["outOfOfficeProperties"] = {
            "autoDeclineMode": DECLINE_MODES[options.decline],
            "declineMessage": decline_message(plan),
        }
    return body


def meeting_body(
    plan: PlanView, kind: str, start: dt.datetime, sheet_url: str, item_count: int
) -> dict[str, Any]:
    minutes = HANDOFF_MINUTES if kind == "handoff" else RETURN_MINUTES
    me = _who(plan)
    backup = plan.backup.name if plan.backup else "the backup"
    sheet = f"\n\nHand-off sheet: {sheet_url}" if sheet_url else ""
    if kind == "handoff":
        summary = f"Out-of-office hand-off: {me} → {backup}"
        description = (
            f"{me} is away from {long_date(plan.first_day)} to {long_date(plan.last_day)}. "
            f"We go through the {item_count} pending item(s) that need a backup, the "
            f"customer admins, and the tracking log.{sheet}"
        )
    else:
        summary = f"Welcome back: {backup} → {me}"
        description = (
            f"{me} is back. We go through the tracking log and hand the items back.{sheet}"
        )
    body: dict[str, Any] = {
        "summary": summary,
        "description": description,
        "start": {"dateTime": _rfc3339(start), "timeZone": plan.timezone},
        "end": {
            "dateTime": _rfc3339(start + dt.timedelta(minutes=minutes)),
            "timeZone": plan.timezone,
        },
        "extendedProperties": {"private": {"csdeskPlan": str(plan.id), "csdeskKind": kind}},
        "reminders": {"useDefault": True},
    }
    if plan.backup and plan.backup.email:
        body["attendees"] = [{"email": plan.backup.email, "displayName": plan.backup.name}]
    return body


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:16]


def _new_event_id() -> str:
    return uuid.uuid4().hex  # base32hex-compatible: 0-9 a-f


# ------------------------------------------------------------------ the run


class _Run:
    def __init__(
        self,
        db: Database,
        plan: PlanView,
        session: GoogleSession | None,
        options: Options,
        now: dt.datetime,
        dry_run: bool,
    ) -> None:
        self.db, self.plan, self.session = db, plan, session
        self.options, self.now, self.dry_run = options, now, dry_run
        self._state = google_state(db, plan.id)  # kept in step with every save()

    @property
    def gs(self) -> GoogleSession:
        assert self.session is not None
        return self.session

    def state(self) -> dict[str, Any]:
        return self._state

    def save(self, **updates: Any) -> None:
        self._state = _save(self.db, self.plan.id, **updates)

    # ---------------------------------------------------------- sheet

    def sheet(self) -> StepResult:
        plan = self.plan
        if not plan.backup or not plan.backup.email:
            raise ValidationError(
                "Choose a backup with an email address (Directory) so the sheet can be shared.",
                "backup",
            )
        tables = sheet_tables(build_sheet(self.db, plan.id))
        state = self.state()
        sheet_id = str(state.get("sheet_id") or "")
        if self.dry_run:
            rows = len(tables[TAB_PENDING]) - 1
            what = "update" if sheet_id else "create"
            return StepResult(
                "sheet",
                PLANNED,
                f"Would {what} the Google Sheet ({rows} pending item(s)) and share it with "
                f"{plan.backup.email}.",
            )
        sheets = self.gs.service("sheets")
        created = False
        if sheet_id:
            try:
                self.gs.call(
                    sheets.spreadsheets().get(spreadsheetId=sheet_id, fields="spreadsheetId"),
                    "sheets",
                    "find the hand-off sheet",
                )
            except GoogleError as exc:
                if exc.kind != gerr.NOT_FOUND:
                    raise
                sheet_id = ""  # deleted by the user: make a new one
                self.save(sheet_id=None, sheet_url=None, shared_with=None)
        if not sheet_id:
            title = (
                f"Out-of-office hand-off — {_who(plan)} — "
                f"{plan.first_day:%d %b} to {plan.last_day:%d %b %Y}"
            )
            body = {
                "properties": {"title": title},
                "sheets": [
                    {
                        "properties": {
                            "title": tab,
                            "gridProperties": {"frozenRowCount": 0 if tab == TAB_SUMMARY else 1},
                        }
                    }
                    for tab in tables
                ],
            }
            answer = self.gs.call(
                sheets.spreadsheets().create(body=body), "sheets", "create the hand-off sheet"
            )
            sheet_id = str(answer["spreadsheetId"])
            url = str(answer.get("spreadsheetUrl") or "")
            self.save(sheet_id=sheet_id, sheet_url=url, shared_with=[])
            created = True
            self._format(sheets, sheet_id, answer, tables)
        tabs = list(tables) if created else [TAB_SUMMARY, TAB_PENDING, TAB_ADMINS]
        if not created:
            self.gs.call(
                sheets.spreadsheets()
                .values()
                .batchClear(spreadsheetId=sheet_id, body={"ranges": [f"'{tab}'" for tab in tabs]}),
                "sheets",
                "clear the hand-off sheet before rewriting it",
            )
        self.gs.call(
            sheets.spreadsheets()
            .values()
            .batchUpdate(
                spreadsheetId=sheet_id,
                body={
                    "valueInputOption": "RAW",
                    "data": [
                        {"range": f"'{tab}'!A1", "majorDimension": "ROWS", "values": tables[tab]}
                        for tab in tabs
                    ],
                },
            ),
            "sheets",
            "write the hand-off sheet",
        )
        shared = list(self.state().get("shared_with") or [])
        email = plan.backup.email
        if email.lower() not in (e.lower() for e in shared):
            drive = self.gs.service("drive")
            self.gs.call(
                drive.permissions().create(
                    fileId=sheet_id,
                    body={"type": "user", "role": "writer", "emailAddress": email},
                    sendNotificationEmail=True,
                    emailMessage=(
                        f"{_who(plan)} is away from {long_date(plan.first_day)} to "
                        f"{long_date(plan.last_day)}. This is the hand-off sheet: please log "
                        "every customer conversation in the Tracking log tab."
                    ),
                    fields="id",
                ),
                "drive",
                f"share the hand-off sheet with {email}",
            )
            shared.append(email)
            self.save(shared_with=shared)
        url = str(self.state().get("sheet_url") or "")
        verb = "Created" if created else "Updated"
        note = "" if created else " (the Tracking log was left as the backup filled it)"
        return StepResult(
            "sheet", DONE, f"{verb} the Google Sheet, shared with {email}{note}.", link=url
        )

    def _format(
        self, sheets: Any, sheet_id: str, created: Mapping[str, Any], tables: Mapping[str, Any]
    ) -> None:
        ids = {
            s["properties"]["title"]: s["properties"]["sheetId"]
            for s in created.get("sheets") or []
            if "properties" in s
        }
        requests: list[dict[str, Any]] = []
        for tab, rows in tables.items():
            if tab not in ids or tab == TAB_SUMMARY:
                continue
            requests.append(
                {
                    "repeatCell": {
                        "range": {"sheetId": ids[tab], "startRowIndex": 0, "endRowIndex": 1},
                        "cell": {"userEnteredFormat": {"textFormat": {"bold": True}}},
                        "fields": "userEnteredFormat.textFormat.bold",
                    }
                }
            )
            requests.append(
                {
                    "autoResizeDimensions": {
                        "dimensions": {
                            "sheetId": ids[tab],
                            "dimension": "COLUMNS",
                            "startIndex": 0,
                            "endIndex": len(rows[0]) if rows else 1,
                        }
                    }
                }
            )
        if TAB_TRACKING in ids:
            from csdesk.core.enums import Channel

            requests.append(
                {
                    "setDataValidation": {
                        "range": {
                            "sheetId": ids[TAB_TRACKING],
                            "startRowIndex": 1,
                            "endRowIndex": 500,
                            "startColumnIndex": 3,
                            "endColumnIndex": 4,
                        },
                        "rule": {
                            "condition": {
                                "type": "ONE_OF_LIST",
                                "values": [{"userEnteredValue": c.label} for c in Channel],
                            },
                            "inputMessage": "How did the conversation happen?",
                            "strict": False,
                            "showCustomUi": True,
                        },
                    }
                }
            )
        if requests:
            self.gs.call(
                sheets.spreadsheets().batchUpdate(
                    spreadsheetId=sheet_id, body={"requests": requests}
                ),
                "sheets",
                "format the hand-off sheet",
            )

    # ---------------------------------------------------------- vacation

    def vacation(self) -> StepResult:
        desired = vacation_body(self.db, self.plan, self.options)
        until = long_date(self.plan.return_day)
        if self.dry_run:
            return StepResult(
                "vacation",
                PLANNED,
                f"Would set the Gmail auto-reply “{desired['responseSubject']}” from "
                f"{long_date(self.plan.first_day)} until {until}.",
            )
        gmail = self.gs.service("gmail")
        settings = gmail.users().settings()
        current = self.gs.call(
            settings.getVacation(userId="me"), "gmail", "read your Gmail auto-reply"
        )
        sent_digest = _digest(desired)
        same_as_sent = self.state().get("vacation_digest") == sent_digest
        keys = ("enableAutoReply", "startTime", "endTime", "responseSubject")
        unchanged = same_as_sent and all(str(current.get(k)) == str(desired[k]) for k in keys)
        if unchanged:
            return StepResult(
                "vacation",
                UNCHANGED,
                f"The Gmail auto-reply was already set until {until}; not written again "
                "(a write would make Gmail reply again to people it already answered).",
            )
        merged = {**current, **desired}
        try:
            self.gs.call(
                settings.updateVacation(userId="me", body=merged),
                "gmail",
                "set your Gmail auto-reply",
            )
        except GoogleError as exc:
            if self.options.restrict == "domain" and exc.kind == gerr.BAD_REQUEST:
                raise GoogleError(
                    "Gmail refused to limit the auto-reply to your domain: that needs a "
                    "Google Workspace account. Choose 'everyone' or 'my contacts' and retry.",
                    gerr.BAD_REQUEST,
                    exc.status,
                ) from None
            raise
        self.save(vacation_digest=sent_digest)
        check = self.gs.call(
            settings.getVacation(userId="me"), "gmail", "check your Gmail auto-reply"
        )
        if not check.get("enableAutoReply") or str(check.get("endTime")) != desired["endTime"]:
            raise GoogleError(
                "Gmail accepted the auto-reply but did not keep it as sent. Open Gmail → "
                "Settings → Vacation responder to check it.",
                gerr.BAD_REQUEST,
            )
        return StepResult(
            "vacation",
            DONE,
            f"Gmail auto-reply set from {long_date(self.plan.first_day)} until {until} (checked).",
        )

    # ---------------------------------------------------------- calendar

    def _get_event(self, events: Any, event_id: str) -> dict[str, Any] | None:
        try:
            found = self.gs.call(
                events.get(calendarId="primary", eventId=event_id),
                "calendar",
                "find the event csdesk made",
            )
        except GoogleError as exc:
            if exc.kind in (gerr.NOT_FOUND,) or exc.status == 410:
                return None
            raise
        return None if found.get("status") == "cancelled" else dict(found)

    def _find_ooo(self, events: Any) -> dict[str, Any] | None:
        zone = _zone(self.plan)
        answer = self.gs.call(
            events.list(
                calendarId="primary",
                eventTypes=["outOfOffice", "default"],
                singleEvents=True,
                timeMin=_rfc3339(_midnight(self.plan.first_day, zone)),
                timeMax=_rfc3339(_midnight(self.plan.return_day, zone)),
                privateExtendedProperty=[f"csdeskPlan={self.plan.id}", "csdeskKind=ooo"],
            ),
            "calendar",
            "look for an out-of-office event csdesk made before",
        )
        for item in answer.get("items") or []:
            if item.get("status") != "cancelled":
                return dict(item)
        return None

    @staticmethod
    def _differs(existing: Mapping[str, Any], body: Mapping[str, Any]) -> bool:
        for key in ("summary", "description", "transparency", "outOfOfficeProperties"):
            if key in body and existing.get(key) != body[key]:
                return True
        for key in ("start", "end"):
            old = existing.get(key) or {}
            try:
                same = dt.datetime.fromisoformat(str(old.get("dateTime"))) == (
                    dt.datetime.fromisoformat(body[key]["dateTime"])
                )
            except ValueError:
                same = False
            if not same:
                return True
        if "attendees" in body:
            have = sorted(str(a.get("email", "")).lower() for a in existing.get("attendees") or [])
            want = sorted(str(a.get("email", "")).lower() for a in body["attendees"])
            if have != want:
                return True
        return False

    def _put_event(
        self, events: Any, state_key: str, body: dict[str, Any], send_updates: str
    ) -> tuple[str, dict[str, Any]]:
        """Insert or update the event this plan keeps under ``state_key``; (outcome, event)."""
        event_id = str(self.state().get(state_key) or "")
        existing = self._get_event(events, event_id) if event_id else None
        if existing is None and not event_id and state_key == "calendar_event_id":
            existing = self._find_ooo(events)
            if existing is not None:
                event_id = str(existing["id"])
                self.save(**{state_key: event_id})
        if existing is not None:
            if existing.get("eventType", "default") == body.get("eventType", "default"):
                if not self._differs(existing, body):
                    return UNCHANGED, existing
                return DONE, self._patch(events, event_id, body, send_updates)
            # an event's type cannot change: replace it (a deleted event keeps its id)
            self.gs.call(
                events.delete(calendarId="primary", eventId=event_id, sendUpdates="none"),
                "calendar",
                "replace the calendar event",
            )
            event_id = ""
        try:
            return DONE, self._insert(events, state_key, event_id, body, send_updates)
        except GoogleError as exc:
            if exc.kind != gerr.CONFLICT:
                raise
        # the id exists: an earlier try got through (its answer was lost), or it was deleted
        event_id = str(self.state().get(state_key) or "")
        if self._get_event(events, event_id) is None:
            return DONE, self._insert(events, state_key, "", body, send_updates)
        return DONE, self._patch(events, event_id, body, send_updates)

    def _insert(
        self, events: Any, state_key: str, event_id: str, body: dict[str, Any], send_updates: str
    ) -> dict[str, Any]:
        event_id = event_id or _new_event_id()
        # saved before the insert: a retry after a lost answer reuses the same id
        self.save(**{state_key: event_id})
        made = self.gs.call(
            events.insert(
                calendarId="primary", body={**body, "id": event_id}, sendUpdates=send_updates
            ),
            "calendar",
            "add the calendar event",
        )
        return dict(made)

    def _patch(
        self, events: Any, event_id: str, body: dict[str, Any], send_updates: str
    ) -> dict[str, Any]:
        patched = self.gs.call(
            events.patch(
                calendarId="primary", eventId=event_id, body=body, sendUpdates=send_updates
            ),
            "calendar",
            "update the calendar event",
        )
        return dict(patched)

    def calendar(self) -> StepResult:
        plan = self.plan
        span = f"{long_date(plan.first_day)} to {long_date(plan.last_day)}"
        if self.dry_run:
            return StepResult(
                "calendar",
                PLANNED,
                f"Would block {span} as out of office in Google Calendar, declining "
                "meetings with: " + decline_message(plan),
            )
        events = self.gs.service("calendar").events()
        fallback = bool(self.state().get("calendar_fallback"))
        body = ooo_event_body(plan, self.options, fallback=fallback)
        try:
            outcome, event = self._put_event(events, "calendar_event_id", body, "none")
        except GoogleError as exc:
            if fallback or not _ooo_refused(exc):
                raise
            fallback = True
            self.save(calendar_fallback=True)
            outcome, event = self._put_event(
                events, "calendar_event_id", ooo_event_body(plan, self.options, True), "none"
            )
        link = str(event.get("htmlLink") or "")
        if fallback:
            return StepResult(
                "calendar",
                outcome,
                f"Blocked {span} as a busy event. This Google account has no out-of-office "
                "events (they need Google Workspace), so invitations are not declined "
                "automatically.",
                link,
            )
        verb = "was already" if outcome == UNCHANGED else "is now"
        return StepResult(
            "calendar",
            outcome,
            f"{span} {verb} out of office in Google Calendar; new meetings are declined "
            "with a note naming the backup.",
            link,
        )

    # ---------------------------------------------------------- meetings

    def meetings(self) -> StepResult:
        plan = self.plan
        if not plan.backup or not plan.backup.email:
            raise ValidationError(
                "Choose a backup with an email address (Directory) to invite to the meetings.",
                "backup",
            )
        handoff, back = meeting_times(self.db, plan, self.options, self.now)
        lines: list[str] = []
        if self.dry_run:
            if handoff:
                lines.append(f"the hand-off meeting on {handoff:%a %d %b %H:%M}")
            lines.append(f"the return meeting on {back:%a %d %b %H:%M}")
            return StepResult(
                "meetings", PLANNED, f"Would invite {plan.backup.email} to " + " and ".join(lines)
            )
        events = self.gs.service("calendar").events()
        sheet_url = str(self.state().get("sheet_url") or "")
        items = len(plan.flagged)
        outcomes: list[str] = []
        if handoff is None:
            lines.append("no time is left for a hand-off meeting before the leave: hold it today")
        else:
            outcome, _ = self._put_event(
                events,
                "handoff_event_id",
                meeting_body(plan, "handoff", handoff, sheet_url, items),
                "all",
            )
            outcomes.append(outcome)
            lines.append(f"hand-off meeting {handoff:%a %d %b %H:%M}")
        outcome, _ = self._put_event(
            events, "return_event_id", meeting_body(plan, "return", back, sheet_url, items), "all"
        )
        outcomes.append(outcome)
        lines.append(f"return meeting {back:%a %d %b %H:%M}")
        state = UNCHANGED if all(o == UNCHANGED for o in outcomes) else DONE
        verb = "already invited to" if state == UNCHANGED else "invited to"
        return StepResult(
            "meetings", state, f"{plan.backup.name} {verb}: " + "; ".join(lines) + "."
        )


def _ooo_refused(exc: GoogleError) -> bool:
    """Google's refusal of out-of-office events on accounts that do not have them."""
    if exc.status not in (400, 403):
        return False
    if exc.status == 400:  # Google gives no stable reason for it: any 400 to this insert
        return True
    text = f"{exc.reason} {exc.detail}".lower()
    return any(
        word in text
        for word in ("out of office", "outofoffice", "out-of-office", "eventtype", "event type")
    )


def apply_plan(
    db: Database,
    plan_id: int,
    *,
    only: Iterable[str] | None = None,
    dry_run: bool = False,
    options: Options | None = None,
    now: dt.datetime | None = None,
    session_factory: Callable[[], GoogleSession] = GoogleSession,
    connection: auth.Connection | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ApplyResult:
    """Apply the plan's Google steps (all, or ``only`` some); see the module doc."""
    wanted = list(STEPS) if only is None else [k for k in STEPS if k in set(only)]
    unknown = set(only or ()) - set(STEPS)
    if unknown:
        raise KnownError(
            f"Unknown step(s) {', '.join(sorted(unknown))}; choose from {', '.join(STEPS)}."
        )
    if not wanted:
        raise KnownError("Choose at least one step to apply.")
    now = now or dt.datetime.now(dt.UTC)
    plan = get_plan(db, plan_id)
    if plan.status in (OooStatus.CANCELLED, OooStatus.RETURNED):
        raise ValidationError(
            f"This plan is {plan.status.label.lower()}: there is nothing to set in Google.",
            "status",
        )
    if options is not None:
        set_options(db, plan_id, options)
    opts = options or get_options(db, plan_id)
    conn = connection
    if conn is None:
        try:
            conn = auth.status()
        except KnownError:
            if not dry_run:
                raise
    if conn is None and dry_run:  # a preview needs no account: say what every step would do
        conn = auth.Connection("", tuple(auth.scopes_for(auth.FEATURE_KEYS)))
    if conn is None:
        raise GoogleError(
            "No Google account is connected. Connect one in Settings → Google account "
            "(or with `csdesk google login`).",
            gerr.NOT_CONNECTED,
        )
    session = None if dry_run else session_factory()
    run = _Run(db, plan, session, opts, now, dry_run)
    results: list[StepResult] = []
    stopped: GoogleError | None = None
    try:
        for index, key in enumerate(wanted):
            if progress:
                progress(index, len(wanted), STEP_LABELS[key])
            if stopped is not None or cancelled():
                why = "cancelled" if stopped is None else "not tried after the failure above"
                results.append(StepResult(key, NOT_TRIED, f"Not done: {why}. Retry to continue."))
                continue
            if not conn.allows(key):
                scope_feature = auth.feature(key)
                result = StepResult(
                    key,
                    NOT_ALLOWED,
                    f"csdesk may not do this: '{scope_feature.label}' was not allowed when the "
                    "Google account was connected. Reconnect in Settings → Google account and "
                    "tick it.",
                    kind=gerr.PERMISSION,
                )
            else:
                try:
                    result = getattr(run, key)()
                except GoogleError as exc:
                    result = StepResult(key, FAILED, exc.message, kind=exc.kind)
                    if exc.kind in STOPS_RUN:
                        stopped = exc
                except KnownError as exc:
                    result = StepResult(key, FAILED, exc.message, kind=gerr.BAD_REQUEST)
            results.append(result)
            if not dry_run:
                _record(db, plan_id, result, now)
                if result.state in (DONE, UNCHANGED) and key in CHECKLIST_KEYS:
                    _tick(db, plan, CHECKLIST_KEYS[key])
        if progress:
            progress(len(wanted), len(wanted), "Done")
    finally:
        if session is not None:
            session.close()
    return ApplyResult(plan_id, dry_run, tuple(results))


def _tick(db: Database, plan: PlanView, key: str) -> None:
    for c in plan.checklist:
        if c.key == key and not c.done:
            tick(db, c.id, True)


# ------------------------------------------------------------------ backup availability


@dataclass(frozen=True)
class Availability:
    checked: bool
    message: str
    busy: tuple[tuple[dt.datetime, dt.datetime], ...] = field(default=())

    @property
    def warning(self) -> bool:
        return self.checked and bool(self.busy)


def backup_availability(
    db: Database,
    plan_id: int,
    *,
    session_factory: Callable[[], GoogleSession] = GoogleSession,
    connection: auth.Connection | None = None,
) -> Availability:
    """Is the backup busy (or out) during the leave? Best effort: never blocks applying."""
    plan = get_plan(db, plan_id)
    if not plan.backup or not plan.backup.email:
        return Availability(False, "No backup with an email address is chosen yet.")
    conn = connection if connection is not None else auth.status()
    if conn is None or not conn.allows("availability"):
        return Availability(
            False,
            "The backup's calendar was not checked (csdesk was not allowed to read free/busy "
            "times when the Google account was connected).",
        )
    zone = _zone(plan)
    start, end = _midnight(plan.first_day, zone), _midnight(plan.return_day, zone)
    with session_factory() as session:
        answer = session.call(
            session.service("calendar")
            .freebusy()
            .query(
                body={
                    "timeMin": _rfc3339(start),
                    "timeMax": _rfc3339(end),
                    "timeZone": plan.timezone,
                    "items": [{"id": plan.backup.email}],
                }
            ),
            "calendar",
            "check the backup's calendar",
        )
    cal = (answer.get("calendars") or {}).get(plan.backup.email) or {}
    if cal.get("errors"):
        return Availability(
            False,
            f"Google does not show {plan.backup.name}'s calendar to you (not shared, or outside "
            "your organisation); ask them directly whether they are around.",
        )
    busy: list[tuple[dt.datetime, dt.datetime]] = []
    for period in cal.get("busy") or []:
        try:
            b0 = dt.datetime.fromisoformat(str(period["start"]).replace("Z", "+00:00"))
            b1 = dt.datetime.fromisoformat(str(period["end"]).replace("Z", "+00:00"))
        except (KeyError, ValueError):
            continue
        if b1 - b0 >= dt.timedelta(hours=4):
            busy.append((b0.astimezone(zone), b1.astimezone(zone)))
    if not busy:
        return Availability(
            True, f"{plan.backup.name}'s calendar has no long busy blocks during your leave."
        )
    shown = "; ".join(_span(b0, b1) for b0, b1 in busy[:5])
    more = f" and {len(busy) - 5} more" if len(busy) > 5 else ""
    return Availability(
        True,
        f"{plan.backup.name} looks busy or away during your leave: {shown}{more}. "
        "Check with them, or choose another backup.",
        tuple(busy),
    )


def _span(b0: dt.datetime, b1: dt.datetime) -> str:
    if b0.time() == dt.time(0) and b1.time() == dt.time(0):
        last = b1 - dt.timedelta(days=1)
        if last.date() == b0.date():
            return f"{b0:%a %d %b} all day"
        return f"{b0:%a %d %b} to {last:%a %d %b}"
    return f"{b0:%a %d %b %H:%M} to {b1:%a %d %b %H:%M}"


# ------------------------------------------------------------------ on return


def switch_off_vacation(
    db: Database,
    plan_id: int,
    *,
    session_factory: Callable[[], GoogleSession] = GoogleSession,
    now: dt.datetime | None = None,
) -> StepResult:
    """R19: back from leave: turn the Gmail auto-reply off if it is still on; recorded on the plan."""
    now = now or dt.datetime.now(dt.UTC)
    with session_factory() as session:
        settings = session.service("gmail").users().settings()
        current = session.call(
            settings.getVacation(userId="me"), "gmail", "read your Gmail auto-reply"
        )
        if not current.get("enableAutoReply"):
            result = StepResult("vacation_off", UNCHANGED, "The Gmail auto-reply was already off.")
        else:
            session.call(
                settings.updateVacation(userId="me", body={**current, "enableAutoReply": False}),
                "gmail",
                "switch off your Gmail auto-reply",
            )
            result = StepResult("vacation_off", DONE, "The Gmail auto-reply is switched off.")
    _record(db, plan_id, result, now)
    return result


def _finished(states: Mapping[str, Mapping[str, Any]], key: str) -> bool:
    return (states.get(key) or {}).get("state") in (DONE, UNCHANGED)


def applied_steps(states: Mapping[str, Mapping[str, Any]]) -> Sequence[str]:
    """The steps that finished last time (done or unchanged)."""
    return [k for k in STEPS if _finished(states, k)]


def after_return(
    db: Database,
    plan_id: int,
    *,
    session_factory: Callable[[], GoogleSession] = GoogleSession,
) -> StepResult | None:
    """On return: switch the auto-reply off if csdesk set it; None when there is nothing to do.

    Never raises for Google or keyring trouble: the return itself has already
    happened, so the answer is a result saying what to do by hand.
    """
    states = step_states(db, plan_id)
    if "vacation" not in applied_steps(states) or _finished(states, "vacation_off"):
        return None
    try:
        conn = auth.status()
        if conn is None or not conn.allows("vacation"):
            return StepResult(
                "vacation_off",
                NOT_ALLOWED,
                "Switch the Gmail auto-reply off by hand: no Google account is connected now.",
            )
        return switch_off_vacation(db, plan_id, session_factory=session_factory)
    except KnownError as exc:
        return StepResult(
            "vacation_off",
            FAILED,
            f"The Gmail auto-reply could not be switched off: {exc.message}",
            kind=getattr(exc, "kind", ""),
        )


def read_tracking_sheet(
    db: Database,
    plan_id: int,
    *,
    session_factory: Callable[[], GoogleSession] = GoogleSession,
) -> list[Any]:
    """R19 with Google: the Tracking log the backup filled in the shared Google Sheet.

    Returns the rows as :func:`csdesk.core.ooo_return.read_tracking` does for
    the XLSX, to preview and apply with the same code.
    """
    from csdesk.core.ooo_return import TrackingFileError, read_tracking_values

    state = google_state(db, plan_id)
    sheet_id = str(state.get("sheet_id") or "")
    if not sheet_id:
        raise TrackingFileError(
            "This plan has no Google Sheet (the hand-off sheet was not shared through "
            "Google): import the workbook your backup filled instead."
        )
    with session_factory() as session:
        answer = session.call(
            session.service("sheets")
            .spreadsheets()
            .values()
            .get(spreadsheetId=sheet_id, range=f"'{TAB_TRACKING}'"),
            "sheets",
            "read the Tracking log of the shared hand-off sheet",
        )
    values = answer.get("values") or []
    return read_tracking_values(values, "the shared Google Sheet")
