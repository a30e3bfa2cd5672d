"""The leave as an ICS calendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from csdesk.core import directory, ooo
from csdesk.core.db import Database
from csdesk.core.enums import Role
from csdesk.core.ooo_ics import write_ics


def test_leave_and_meetings_as_all_day_events(db: Database, tmp_path: Path) -> None:
    directory.save_colleague(db, directory.ColleagueInput("Morgan Ellis", roles={Role.ME}))
    tl = directory.save_colleague(
        db, directory.ColleagueInput("Celeste Harmon", "celeste@x.example")
    )
    backup = directory.save_colleague(
        db, directory.ColleagueInput("Jonah <b>Pierce</b>", "jonah@x.example")
    )
    start = dt.date.today() + dt.timedelta(days=30)
    plan = ooo.create_plan(db, start, start + dt.timedelta(days=8))
    ooo.set_people(db, plan, tl, backup)
    ooo.ensure_checklist(db, plan)
    out = write_ics(db, plan, tmp_path / "leave.ics")
    cal = Calendar.from_ical(out.read_bytes())
    events = {str(e.get("uid")): e for e in cal.walk("VEVENT")}
    leave = events[f"csdesk-plan-{plan}-leave@csdesk"]
    assert leave.decoded("dtstart") == start
    assert leave.decoded("dtend") == start + dt.timedelta(days=8)  # exclusive: back that day
    assert str(leave.get("x-microsoft-cdo-busystatus")) == "OOF"
    assert str(leave.get("summary")) == "Out of office — Morgan Ellis"
    assert f"csdesk-plan-{plan}-return@csdesk" in events
    handoff = events[f"csdesk-plan-{plan}-handoff@csdesk"]
    assert handoff.decoded("dtstart") < start
    assert "Jonah <b>Pierce</b>" in str(handoff.get("summary"))  # plain text, nothing to escape
    again = write_ics(db, plan, tmp_path / "leave.ics")
    assert {
        str(e.get("uid")) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")
    } == set(events)
