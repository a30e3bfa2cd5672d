"""The leave as a calendar file (ICS) for users without Google Calendar (issue 5).

One all-day event for the whole leave, marked busy and out of office
(``X-MICROSOFT-CDO-BUSYSTATUS:OOF`` for Outlook), plus all-day reminders for
the hand-off meeting (on its checklist deadline) and the return meeting (on
the return day). UIDs are stable per plan, so importing the file again
updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar, Event

from csdesk import __version__
from csdesk.core.db import Database
from csdesk.core.exports import write_atomically
from csdesk.core.handoff import HandoffSheet, build_sheet

PRODID = f"-//csdesk//csdesk {__version__}//EN"


def _event(
    uid: str, summary: str, start: dt.date, end: dt.date, description: str, busy: bool
) -> Event:
    ev = Event()
    ev.add("uid", uid)
    ev.add("summary", summary)
    ev.add("dtstart", start)
    ev.add("dtend", end)  # exclusive, as all-day events are
    ev.add("dtstamp", dt.datetime.now(dt.UTC))
    ev.add("description", description)
    ev.add("transp", "OPAQUE" if busy else "TRANSPARENT")
    if busy:
        ev.add("x-microsoft-cdo-busystatus", "OOF")
    return ev


def sheet_calendar(sheet: HandoffSheet) -> Calendar:
    s = sheet.summary
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    who = s.csm.name if s.csm else "Me"
    backup = s.backup.name if s.backup else "the backup"
    contacts = "; ".join(f"{k}: {v}" for k, v in s.alternative_contacts if v)
    cal.add_component(
        _event(
            f"csdesk-plan-{s.plan_id}-leave@csdesk",
            f"Out of office — {who}",
            s.first_day,
            s.return_day,
            f"Back on {s.return_day:%A %d %B %Y}. Meanwhile: {contacts}.",
            busy=True,
        )
    )
    handoff = next(
        (c for c in s.checklist if "hand-off meeting" in c.title.lower() and c.due), None
    )
    if handoff is not None and handoff.due is not None:
        cal.add_component(
            _event(
                f"csdesk-plan-{s.plan_id}-handoff@csdesk",
                f"Hand-off meeting with {backup} (by this day)",
                handoff.due,
                handoff.due + dt.timedelta(days=1),
                "Walk through the hand-off sheet and share it (R18).",
                busy=False,
            )
        )
    cal.add_component(
        _event(
            f"csdesk-plan-{s.plan_id}-return@csdesk",
            f"Return meeting with {backup}",
            s.return_day,
            s.return_day + dt.timedelta(days=1),
            "Review the tracking log and the unresolved items; take the items back (R19).",
            busy=False,
        )
    )
    return cal


def write_ics(db: Database, plan_id: int, path: Path) -> Path:
    """Write the plan's calendar file atomically; returns the path."""
    write_atomically(Path(path), sheet_calendar(build_sheet(db, plan_id)).to_ical())
    return Path(path)
