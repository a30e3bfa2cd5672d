"""The out-of-office plan (R13–R18, seed 002 "Out of Office Hand-off"), without Qt.

The wizard only calls this module, and every call saves: a plan can be closed
at any step and reopened where it was left (``get_plan`` is the whole state).

Decisions the SOP leaves open, and why:

* **Deadlines** (R13) count back from the first day of leave with the business
  calendar (weekends and public holidays skipped): the team lead is told
  3 workdays before, the auto-reply is set 1 workday before. The HR time-off
  request asks for "at least one week": that is taken as **7 calendar days**
  (a week is what people mean, not 5 workdays), moved back to the workday on
  or before it when it falls on a weekend or holiday, so it is always a day
  the CSM can act on.
* **Triage** (R14) proposes the strongest level any rule gives (category,
  priority, keywords, due date), with the reasons in words. A "Low" keyword
  ("nearly done", "admin informed") lowers a Medium proposal to Low — the SOP's
  Low is exactly "the admin knows what to expect" — but never a High one:
  High items cannot wait. An item due during the leave is raised to Medium by
  default, and so is one already overdue when triaged (left alone, it would
  wait for the return); one due before the leave is not — the CSM does it
  first, and a triage run again just before leaving catches what is left.
* **Overrides**: a row whose ``level`` differs from its ``proposed_level`` is a
  user override; a re-triage refreshes the proposal and keeps the override.
* **Flags**: ``needs_backup`` = High/Medium, or due during the absence. Low
  items are never in the sheet (SOP: "do not add these to the file"), so the
  hand-over (sheet, context, delegation) covers the High/Medium items — which
  are all flagged. A Low item that is still flagged (due while away) is named
  in the plan's warnings: the CSM either tells the admin it waits, or raises it.
* **Temporary hand-over**: a :class:`Delegation` row means "csdesk added the
  backup as an assignee and will take them off again". An item the backup was
  already assigned to gets no row, so ending the hand-over restores the
  assignees exactly as they were. Nothing is reassigned for good.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session, selectinload

from csdesk.core.business_time import DAY_NAMES, BusinessCalendar, load_calendar
from csdesk.core.db import Database
from csdesk.core.directory import role_holder
from csdesk.core.enums import (
    OPEN_STATUSES,
    Category,
    ItemEventKind,
    ItemType,
    OooStatus,
    Priority,
    Role,
    Status,
    TriageLevel,
)
from csdesk.core.errors import NotFoundError, ValidationError
from csdesk.core.handoff import column_reader, enum_members, gc_paused, marks
from csdesk.core.models import (
    Colleague,
    CustomerAdmin,
    Delegation,
    HandoffItem,
    ItemEvent,
    OooChecklistItem,
    OooPlan,
    WorkItem,
    WorkItemAssignee,
    utcnow,
)
from csdesk.core.settings import get_setting, set_setting
from csdesk.core.templates import load_template, placeholders, render
from csdesk.core.validation import clean_text

#: The wizard's pages, in order; ``set_step`` accepts only these.
STEPS = (
    "dates", "people", "triage", "context", "auto_reply", "checklist", "google", "summary",
)  # fmt: skip

DEFAULT_SUBJECT = "Out of Office Notice"  # R16, as the SOP recommends
TRIAGE_SETTING = "triage_rules"
AUTO_REPLY_TEMPLATE = "auto_reply.txt"

NOTIFY_TL_WORKDAYS = 3  # R13: tell the team lead >= 3 workdays before
HR_NOTICE_DAYS = 7  # R13: HR request >= 1 week before (calendar days, see the module doc)
AUTO_REPLY_WORKDAYS = 1  # R13: auto-reply set >= 1 workday before
HANDOFF_MEETING_WORKDAYS = 2  # leaves the last workday for the backup's questions

MAX_LEAVE_DAYS = 366  # "more than a year long" is refused
MAX_DAYS_AHEAD = 2 * 366  # a first day years away is almost always a typing mistake

#: Placeholders of the auto-reply template (R16), all filled by ``auto_reply``.
AUTO_REPLY_PLACEHOLDERS = (
    "first_day",
    "last_day",
    "return_day",
    "backup_name",
    "backup_email",
    "backup_phone",
    "support_email",
    "support_phone",
    "my_name",
)

LEVEL_RANK = {TriageLevel.LOW: 0, TriageLevel.MEDIUM: 1, TriageLevel.HIGH: 2}
SHEET_LEVELS = (TriageLevel.HIGH, TriageLevel.MEDIUM)
_FINISHED = (OooStatus.CANCELLED, OooStatus.RETURNED)

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# ------------------------------------------------------------------ words


def long_date(day: dt.date) -> str:
    """ "Monday 14 December 2026", the same in every locale."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """ "Mon 14 Dec 2026"."""
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


def _first_name(name: str) -> str:
    return name.split()[0] if name.strip() else name


# ------------------------------------------------------------------ snapshots


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    email: str
    phone: str
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "email": self.email, "phone": self.phone}


def _person(c: Colleague | None) -> Person | None:
    return None if c is None else Person(c.id, c.name, c.email, c.phone, c.title)


@dataclass(frozen=True, slots=True)
class Deadline:
    """One R13 deadline: its date, whether it passed undone, and what to do now."""

    key: str
    title: str
    due: dt.date
    missed: bool
    advice: str
    done: bool = False
    owner: str = "You"

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "due": self.due.isoformat(),
            "missed": self.missed,
            "done": self.done,
            "owner": self.owner,
            "advice": self.advice,
        }


@dataclass(frozen=True, slots=True)
class HandoffRow:
    """One triaged item of a plan (R14) with the context for the backup (R15)."""

    id: int
    item_id: int
    title: str
    item_type: ItemType
    external_key: str
    external_url: str
    account_id: int | None
    account: str
    category: Category
    priority: Priority
    status: Status
    due_at: dt.datetime | None
    due_day: dt.date | None  # in the plan's time zone
    proposed_level: TriageLevel
    level: TriageLevel
    reason: str
    needs_backup: bool
    admin_id: int | None
    admin_name: str
    admin_email: str
    admin_phone: str
    context: str
    outcome: str
    delegated_to: str  # the backup's name while the item is delegated, else ""

    @property
    def overridden(self) -> bool:
        """The user chose another level than the one proposed."""
        return self.level != self.proposed_level

    @property
    def in_sheet(self) -> bool:
        """Low items are not put in the hand-off sheet (R14)."""
        return self.level in SHEET_LEVELS

    @property
    def lacks_context(self) -> bool:
        return self.needs_backup and self.in_sheet and not self.context.strip()

    def to_json(self) -> dict[str, Any]:
        return {
            "handoff_id": self.id,
            "item_id": self.item_id,
            "title": self.title,
            "type": self.item_type.value,
            "key": self.external_key,
            "url": self.external_url,
            "account": self.account,
            "category": self.category.value,
            "priority": self.priority.value,
            "status": self.status.value,
            "due": self.due_day.isoformat() if self.due_day else None,
            "level": self.level.value,
            "proposed_level": self.proposed_level.value,
            "overridden": self.overridden,
            "reason": self.reason,
            "needs_backup": self.needs_backup,
            "in_sheet": self.in_sheet,
            "admin": None
            if self.admin_id is None
            else {"name": self.admin_name, "email": self.admin_email, "phone": self.admin_phone},
            "context": self.context,
            "delegated_to": self.delegated_to,
        }


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    id: int
    key: str
    title: str
    owner: str
    due_date: dt.date | None
    done_at: dt.datetime | None
    position: int
    has_ready_text: bool

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def is_late(self, today: dt.date) -> bool:
        return not self.done and self.due_date is not None and self.due_date < today

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "title": self.title,
            "owner": self.owner,
            "due": self.due_date.isoformat() if self.due_date else None,
            "done": self.done,
            "done_at": self.done_at.isoformat() if self.done_at else None,
        }


@dataclass(frozen=True, slots=True)
class DelegationRow:
    id: int
    item_id: int
    title: str
    to_colleague_id: int
    to_colleague: str
    delegated_at: dt.datetime
    returned_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.returned_at is None


@dataclass(frozen=True)
class PlanView:
    """Everything the wizard shows of one plan, detached from any session."""

    id: int
    colleague: Person | None
    first_day: dt.date
    return_day: dt.date
    timezone: str
    status: OooStatus
    step: str
    team_lead: Person | None
    backup: Person | None
    auto_reply_subject: str
    auto_reply_body: str  # "" = the template of resources/templates
    google_state: Mapping[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
    handoff: tuple[HandoffRow, ...] = ()
    checklist: tuple[ChecklistRow, ...] = ()
    delegations: tuple[DelegationRow, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    backup_conflicts: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def last_day(self) -> dt.date:
        """The last day away (the day before the return day)."""
        return self.return_day - dt.timedelta(days=1)

    @property
    def days_away(self) -> int:
        return (self.return_day - self.first_day).days

    @property
    def triaged(self) -> bool:
        return bool(self.handoff)

    @property
    def sheet_items(self) -> tuple[HandoffRow, ...]:
        return tuple(h for h in self.handoff if h.in_sheet)

    @property
    def flagged(self) -> tuple[HandoffRow, ...]:
        return tuple(h for h in self.handoff if h.needs_backup)

    @property
    def missing_context(self) -> tuple[HandoffRow, ...]:
        return tuple(h for h in self.handoff if h.lacks_context)

    @property
    def uses_template(self) -> bool:
        return not self.auto_reply_body

    @property
    def active_delegations(self) -> tuple[DelegationRow, ...]:
        return tuple(d for d in self.delegations if d.active)

    def done_keys(self) -> frozenset[str]:
        return frozenset(c.key for c in self.checklist if c.done)

    def phase(self, today: dt.date) -> str:
        """ "Cancelled", "Returned", "Upcoming", "Away now" or "Past", for lists."""
        return _phase(self.status, self.first_day, self.return_day, today)


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One line of the OOO screen's list of current and past plans."""

    id: int
    colleague: str
    first_day: dt.date
    return_day: dt.date
    status: OooStatus
    step: str
    team_lead: str
    backup: str
    flagged: int
    phase: str


@dataclass(frozen=True, slots=True)
class AutoReply:
    """The rendered auto-reply (R16); ``missing`` names what is not filled in yet."""

    subject: str
    text: str
    html: str
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChecklistDue:
    """A checklist step of an active plan, for Today (late or next)."""

    plan_id: int
    item_id: int
    key: str
    title: str
    owner: str
    due_date: dt.date
    first_day: dt.date
    days_late: int


@dataclass(frozen=True, slots=True)
class HandOver:
    """What ``delegate`` did: items handed to the backup, and items already theirs."""

    delegated: tuple[int, ...]
    already_assigned: tuple[int, ...]


def _phase(status: OooStatus, first: dt.date, back: dt.date, today: dt.date) -> str:
    if status is OooStatus.CANCELLED:
        return "Cancelled"
    if status is OooStatus.RETURNED:
        return "Returned"
    if today < first:
        return "Upcoming"
    if today < back:
        return "Away now"
    return "Past"


# ------------------------------------------------------------------ helpers


def _zone(name: str) -> ZoneInfo:
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("Please choose a time zone.", "timezone")
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(
            f"“{name}” is not a time zone csdesk knows. Use a name such as "
            "Europe/London or America/New_York.",
            "timezone",
        ) from None


def _today(timezone: str) -> dt.date:
    return dt.datetime.now(_zone(timezone)).date()


def _day_in(moment: dt.datetime | None, timezone: str) -> dt.date | None:
    if moment is None:
        return None
    return moment.astimezone(_zone(timezone)).date()


def _load(s: Session, plan_id: int) -> OooPlan:
    plan = s.get(
        OooPlan,
        plan_id,
        options=[
            selectinload(OooPlan.colleague),
            selectinload(OooPlan.team_lead),
            selectinload(OooPlan.backup),
            selectinload(OooPlan.handoff_items)
            .selectinload(HandoffItem.item)
            .selectinload(WorkItem.account),
            selectinload(OooPlan.handoff_items).selectinload(HandoffItem.admin),
            selectinload(OooPlan.checklist),
            selectinload(OooPlan.delegations).selectinload(Delegation.to_colleague),
            selectinload(OooPlan.delegations).selectinload(Delegation.item),
        ],
    )
    if plan is None:
        raise NotFoundError("That out-of-office plan no longer exists.")
    return plan


def _editable(plan: OooPlan) -> None:
    if plan.status is OooStatus.CANCELLED:
        raise ValidationError("This plan was cancelled; start a new one instead.", "plan")
    if plan.status is OooStatus.RETURNED:
        raise ValidationError("You are back from this leave; the plan is now a record.", "plan")


def _check_dates(
    first_day: dt.date,
    return_day: dt.date,
    today: dt.date,
    first_day_unchanged: bool = False,
) -> None:
    """Refuse dates no leave can have, in words for the Dates page."""
    for value, name in ((first_day, "first_day"), (return_day, "return_day")):
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise ValidationError("Choose the dates from the calendar.", name)
    if first_day < today and not first_day_unchanged:
        raise ValidationError(
            f"The leave cannot start in the past: the first day is {long_date(first_day)} "
            f"and today is {long_date(today)}.",
            "first_day",
        )
    if (first_day - today).days > MAX_DAYS_AHEAD:
        raise ValidationError(
            f"The first day, {long_date(first_day)}, is more than two years away. "
            "Please check the year.",
            "first_day",
        )
    if return_day <= first_day:
        raise ValidationError(
            "The return day must be after the first day of leave "
            f"(first day {long_date(first_day)}, return day {long_date(return_day)}).",
            "return_day",
        )
    if (return_day - first_day).days > MAX_LEAVE_DAYS:
        raise ValidationError(
            f"That leave would be {(return_day - first_day).days} days long, more than a year. "
            "Please check the return day.",
            "return_day",
        )


def _own_overlap(
    s: Session, colleague_id: int, first: dt.date, back: dt.date, exclude: int | None
) -> OooPlan | None:
    return s.scalars(
        select(OooPlan)
        .where(
            OooPlan.colleague_id == colleague_id,
            OooPlan.status != OooStatus.CANCELLED,
            OooPlan.first_day < back,
            OooPlan.return_day > first,
            OooPlan.id != (exclude or -1),
        )
        .order_by(OooPlan.first_day)
    ).first()


# ------------------------------------------------------------------ lifecycle


def create_plan(
    db: Database,
    first_day: dt.date,
    return_day: dt.date,
    timezone: str | None = None,
    colleague_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """Start a plan (status draft, step "dates"); the team lead is prefilled from the Directory.

    ``return_day`` is the first day back at work. ``timezone`` defaults to the
    business calendar's; ``colleague_id`` to me (Role.ME).
    """
    tz = (timezone or "").strip() or load_calendar(db).timezone
    _zone(tz)
    who = colleague_id if colleague_id is not None else role_holder(db, Role.ME)
    if who is None:
        raise ValidationError(
            "csdesk does not know who you are yet: mark yourself as “Me (the CSM)” "
            "in the Directory first.",
            "colleague",
        )
    _check_dates(first_day, return_day, today or _today(tz))
    team_lead = role_holder(db, Role.TEAM_LEAD)
    with db.session() as s:
        if s.get(Colleague, who) is None:
            raise NotFoundError("That colleague no longer exists.")
        clash = _own_overlap(s, who, first_day, return_day, None)
        if clash is not None:
            raise ValidationError(
                f"There is already a plan for leave from {long_date(clash.first_day)} "
                f"(back {long_date(clash.return_day)}) that overlaps these dates. "
                "Open that plan and change its dates instead.",
                "first_day",
            )
        plan = OooPlan(
            colleague_id=who,
            first_day=first_day,
            return_day=return_day,
            timezone=tz,
            status=OooStatus.DRAFT,
            wizard_step=STEPS[0],
            team_lead_id=team_lead if team_lead != who else None,
            auto_reply_subject=DEFAULT_SUBJECT,
            auto_reply_body="",
        )
        s.add(plan)
        s.flush()
        return plan.id


def update_dates(
    db: Database,
    plan_id: int,
    first_day: dt.date,
    return_day: dt.date,
    timezone: str | None = None,
    today: dt.date | None = None,
) -> None:
    """Change the leave dates; the checklist's due dates and the triage's flags follow."""
    calendar = load_calendar(db)
    rules = load_triage_rules(db)
    with db.session() as s:
        plan = _load(s, plan_id)
        _editable(plan)
        tz = (timezone or "").strip() or plan.timezone
        _zone(tz)
        _check_dates(
            first_day,
            return_day,
            today or _today(tz),
            first_day_unchanged=first_day == plan.first_day,
        )
        if plan.colleague_id is not None:
            clash = _own_overlap(s, plan.colleague_id, first_day, return_day, plan.id)
            if clash is not None:
                raise ValidationError(
                    f"Another plan already covers {long_date(clash.first_day)} to "
                    f"{long_date(clash.return_day - dt.timedelta(days=1))}; the dates would overlap.",
                    "first_day",
                )
        plan.first_day, plan.return_day, plan.timezone = first_day, return_day, tz
        s.flush()
        proposer = _Proposer(rules, plan, today or _today(tz))
        for h in plan.handoff_items:
            _apply_proposal(h, proposer)
        _refresh_checklist(plan, calendar)


def set_people(db: Database, plan_id: int, team_lead_id: int | None, backup_id: int | None) -> None:
    """Record the team lead and the backup the team lead designated (R15).

    Either may still be None (the wizard saves what it has). The backup cannot
    be the person going away; while items are delegated, the backup cannot be
    changed (end the hand-over first, so nothing is left with the wrong person).
    """
    calendar = load_calendar(db)
    with db.session() as s:
        # Only what this reads: not the triage rows (thousands, with items and accounts).
        plan = s.get(
            OooPlan,
            plan_id,
            options=[
                selectinload(OooPlan.checklist),
                selectinload(OooPlan.delegations).selectinload(Delegation.to_colleague),
            ],
        )
        if plan is None:
            raise NotFoundError("That out-of-office plan no longer exists.")
        _editable(plan)
        for cid, what in ((team_lead_id, "team lead"), (backup_id, "backup")):
            if cid is None:
                continue
            c = s.get(Colleague, cid)
            if c is None:
                raise NotFoundError(f"The colleague chosen as {what} no longer exists.")
            if not c.active:
                raise ValidationError(
                    f"{c.name} is marked inactive in the Directory; choose someone else as {what}.",
                    "backup" if what == "backup" else "team_lead",
                )
        if backup_id is not None and backup_id == plan.colleague_id:
            raise ValidationError(
                "You cannot be your own backup: choose the colleague your team lead designated.",
                "backup",
            )
        if team_lead_id is not None and team_lead_id == plan.colleague_id:
            raise ValidationError(
                "The team lead is someone else than the person going away.", "team_lead"
            )
        active = [d for d in plan.delegations if d.returned_at is None]
        if active and backup_id != plan.backup_id:
            raise ValidationError(
                f"{len(active)} item(s) are already handed to {active[0].to_colleague.name}. "
                "End the hand-over first, then choose another backup.",
                "backup",
            )
        plan.team_lead = None if team_lead_id is None else s.get(Colleague, team_lead_id)
        plan.backup = None if backup_id is None else s.get(Colleague, backup_id)
        _refresh_checklist(plan, calendar)


def backup_conflicts(db: Database, plan_id: int) -> list[str]:
    """Warnings about the backup: away at the same time (another plan), or inactive."""
    with db.session() as s:
        return _conflicts(s, _load(s, plan_id))


def _conflicts(s: Session, plan: OooPlan) -> list[str]:
    backup = plan.backup
    if backup is None:
        return []
    out: list[str] = []
    for other in s.scalars(
        select(OooPlan)
        .where(
            OooPlan.colleague_id == backup.id,
            OooPlan.id != plan.id,
            OooPlan.status != OooStatus.CANCELLED,
            OooPlan.first_day < plan.return_day,
            OooPlan.return_day > plan.first_day,
        )
        .order_by(OooPlan.first_day)
    ):
        out.append(
            f"{backup.name} is away too, from {long_date(other.first_day)} to "
            f"{long_date(other.return_day - dt.timedelta(days=1))}, which overlaps your leave. "
            "Ask your team lead for another backup, or one for those days."
        )
    return out


def set_step(db: Database, plan_id: int, step: str) -> None:
    """Remember the wizard page reached, so reopening the plan continues there."""
    if step not in STEPS:
        raise ValidationError(
            f"“{step}” is not a page of the wizard (pages: {', '.join(STEPS)}).", "step"
        )
    with db.session() as s:
        plan = _load(s, plan_id)
        _editable(plan)
        plan.wizard_step = step


def mark_ready(db: Database, plan_id: int) -> None:
    """The wizard is finished: the plan moves from draft to ready (needs a team lead and backup)."""
    with db.session() as s:
        plan = _load(s, plan_id)
        _editable(plan)
        if plan.team_lead_id is None:
            raise ValidationError("Choose your team lead first.", "team_lead")
        if plan.backup_id is None:
            raise ValidationError("Choose the backup your team lead designated first.", "backup")
        if plan.status is OooStatus.DRAFT:
            plan.status = OooStatus.READY
        plan.wizard_step = STEPS[-1]


def cancel_plan(db: Database, plan_id: int, actor: str = "") -> None:
    """Cancel a plan; any items delegated for it come back first."""
    with db.session() as s:
        plan = _load(s, plan_id)
        if plan.status is OooStatus.CANCELLED:
            return
        if plan.status is OooStatus.RETURNED:
            raise ValidationError("You are back from this leave; it can no longer be cancelled.")
        _end_delegations(s, plan, actor, "the leave was cancelled")
        plan.status = OooStatus.CANCELLED


def get_plan(
    db: Database,
    plan_id: int,
    today: dt.date | None = None,
    calendar: BusinessCalendar | None = None,
) -> PlanView:
    """A snapshot of the plan with its deadlines, conflicts and warnings as of ``today``."""
    cal = calendar or load_calendar(db)
    with db.session() as s:
        plan = _load(s, plan_id)
        view = _view(plan)
        conflicts = _conflicts(s, plan)
    day = today or _today(view.timezone)
    return replace(
        view,
        deadlines=tuple(deadlines(view, cal, day)),
        backup_conflicts=tuple(conflicts),
        warnings=tuple(_warnings(view)),
    )


def due_returns(db: Database, today: dt.date | None = None) -> list[PlanRow]:
    """Plans still active whose return day has come (R19): the return is due."""
    return [r for r in list_plans(db, today=today) if r.phase == "Past"]


def list_plans(db: Database, today: dt.date | None = None) -> list[PlanRow]:
    """Every plan, current and past (cancelled too, marked so), the latest leave first."""
    with db.session() as s:
        plans = s.scalars(
            select(OooPlan)
            .options(
                selectinload(OooPlan.colleague),
                selectinload(OooPlan.team_lead),
                selectinload(OooPlan.backup),
                selectinload(OooPlan.handoff_items),
            )
            .order_by(OooPlan.first_day.desc(), OooPlan.id.desc())
        ).all()
        return [
            PlanRow(
                id=p.id,
                colleague=p.colleague.name if p.colleague else "",
                first_day=p.first_day,
                return_day=p.return_day,
                status=p.status,
                step=p.wizard_step,
                team_lead=p.team_lead.name if p.team_lead else "",
                backup=p.backup.name if p.backup else "",
                flagged=sum(1 for h in p.handoff_items if h.needs_backup),
                phase=_phase(p.status, p.first_day, p.return_day, today or _today(p.timezone)),
            )
            for p in plans
        ]


def _row(h: HandoffItem, plan: OooPlan, delegated_to: Mapping[int, str]) -> HandoffRow:
    item = h.item
    delegated = delegated_to.get(h.item_id, "")
    admin = h.admin
    return HandoffRow(
        id=h.id,
        item_id=item.id,
        title=item.title,
        item_type=item.item_type,
        external_key=item.external_key or "",
        external_url=item.external_url,
        account_id=item.account_id,
        account=item.account.name if item.account else "",
        category=item.category,
        priority=item.priority,
        status=item.status,
        due_at=item.due_at,
        due_day=_day_in(item.due_at, plan.timezone),
        proposed_level=h.proposed_level,
        level=h.level,
        reason=h.reason,
        needs_backup=h.needs_backup,
        admin_id=h.admin_id,
        admin_name=admin.name if admin else "",
        admin_email=admin.email if admin else "",
        admin_phone=admin.phone if admin else "",
        context=h.context,
        outcome=h.outcome,
        delegated_to=delegated,
    )


def _delegated_to(plan: OooPlan) -> dict[int, str]:
    """Item id -> the name of whom it is delegated to now (the first active delegation)."""
    out: dict[int, str] = {}
    for d in plan.delegations:
        if d.returned_at is None and d.item_id not in out:
            out[d.item_id] = d.to_colleague.name
    return out


_FAR = dt.datetime.max.replace(tzinfo=dt.UTC)


def _sort_key(h: HandoffRow) -> tuple[int, int, dt.datetime, str, str]:
    return (
        -LEVEL_RANK[h.level],
        0 if h.needs_backup else 1,
        h.due_at or _FAR,
        h.account.lower(),
        h.title.lower(),
    )


def _view(plan: OooPlan) -> PlanView:
    delegated = _delegated_to(plan)
    rows = sorted((_row(h, plan, delegated) for h in plan.handoff_items), key=_sort_key)
    return PlanView(
        id=plan.id,
        colleague=_person(plan.colleague),
        first_day=plan.first_day,
        return_day=plan.return_day,
        timezone=plan.timezone,
        status=plan.status,
        step=plan.wizard_step,
        team_lead=_person(plan.team_lead),
        backup=_person(plan.backup),
        auto_reply_subject=plan.auto_reply_subject,
        auto_reply_body=plan.auto_reply_body,
        google_state=dict(plan.google_state or {}),
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        handoff=tuple(rows),
        checklist=tuple(
            ChecklistRow(
                id=c.id,
                key=c.key,
                title=c.title,
                owner=c.owner,
                due_date=c.due_date,
                done_at=c.done_at,
                position=c.position,
                has_ready_text=c.key in READY_TEXT_KEYS,
            )
            for c in sorted(plan.checklist, key=lambda c: c.position)
        ),
        delegations=tuple(
            DelegationRow(
                id=d.id,
                item_id=d.item_id,
                title=d.item.title,
                to_colleague_id=d.to_colleague_id,
                to_colleague=d.to_colleague.name,
                delegated_at=d.delegated_at,
                returned_at=d.returned_at,
            )
            for d in sorted(plan.delegations, key=lambda d: (d.delegated_at, d.id))
        ),
    )


def _warnings(view: PlanView) -> list[str]:
    out: list[str] = []
    for h in view.handoff:
        if h.needs_backup and not h.in_sheet:
            out.append(
                f"“{h.title}” is due {short_date(h.due_day) if h.due_day else 'soon'}, before you "
                "are back, but it is Low, so it is not in the hand-off sheet. Make sure the admin "
                "knows it waits for your return, or raise it to Medium."
            )
    return out


# ------------------------------------------------------------------ R13 deadlines


def deadline_dates(first_day: dt.date, calendar: BusinessCalendar) -> dict[str, dt.date]:
    """The three SOP deadlines for a first day of leave (see the module doc for the HR one)."""
    return {
        "notify_tl": calendar.add_workdays(first_day, -NOTIFY_TL_WORKDAYS),
        "hr_request": calendar.workday_on_or_before(first_day - dt.timedelta(days=HR_NOTICE_DAYS)),
        "auto_reply": calendar.add_workdays(first_day, -AUTO_REPLY_WORKDAYS),
    }


_DEADLINE_TITLES = {
    "notify_tl": "Tell your team lead (at least 3 workdays before)",
    "hr_request": "Request the time off in the HR tool (at least a week before)",
    "auto_reply": "Set the auto-reply (at least 1 workday before)",
}


def deadlines(plan: PlanView, calendar: BusinessCalendar, today: dt.date) -> list[Deadline]:
    """R13: each deadline with its date; a passed one not ticked off is ``missed``, with advice.

    "Done" is read from the checklist steps with the same keys (notify_tl,
    hr_request, auto_reply).
    """
    done = plan.done_keys()
    tl = plan.team_lead.name if plan.team_lead else "your team lead"
    started = today >= plan.first_day
    out: list[Deadline] = []
    for key, due in deadline_dates(plan.first_day, calendar).items():
        is_done = key in done
        missed = not is_done and today > due
        out.append(
            Deadline(
                key=key,
                title=_DEADLINE_TITLES[key],
                due=due,
                missed=missed,
                advice=_advice(key, due, today, is_done, missed, tl, started),
                done=is_done,
            )
        )
    return out


def _advice(
    key: str, due: dt.date, today: dt.date, done: bool, missed: bool, tl: str, started: bool
) -> str:
    if done:
        return "Done."
    when = "today" if due == today else f"by {long_date(due)}"
    if key == "notify_tl":
        if missed:
            return (
                f"Tell {tl} today and say the notice is short: the SOP asks for "
                f"{NOTIFY_TL_WORKDAYS} workdays (by {long_date(due)})."
            )
        return f"Tell {tl} {when}, so they can designate your backup."
    if key == "hr_request":
        if missed:
            return (
                f"Request the time off in the HR tool (Bamboo) today and ask {tl} to approve "
                "it quickly: the SOP asks for at least a week."
            )
        return f"Request the time off in the HR tool (Bamboo) {when}, so {tl} can approve it."
    if started and missed:
        return f"Your leave has started: set the auto-reply right away and ask {tl} to check it."
    if missed:
        return f"Set the auto-reply today and ask {tl} to check it."
    return f"Set the auto-reply {when}, with your backup's and support's contacts."


# ------------------------------------------------------------------ R14 triage


@dataclass(frozen=True, slots=True)
class KeywordRule:
    """A phrase found at the start of a word in an item's title or description."""

    phrase: str
    level: TriageLevel


def _default_categories() -> dict[Category, TriageLevel]:
    high = (
        Category.ESCALATION,
        Category.REGULATORY_COMPLIANCE,
        Category.HIGH_RISK_BUG,
        Category.CREDENTIALING,
        Category.LOGIN_PROBLEM,
    )
    medium = (
        Category.MEDIUM_RISK_BUG,
        Category.SSO_INTEGRATION,
        Category.BACKGROUND_CHECK,
        Category.LEARNING_COMPLIANCE,
        Category.CUSTOM_COURSEWORK,
    )
    return {c: TriageLevel.HIGH for c in high} | {c: TriageLevel.MEDIUM for c in medium}


def _default_priorities() -> dict[Priority, TriageLevel]:
    return {Priority.HIGHEST: TriageLevel.HIGH}


_DEFAULT_KEYWORDS = (
    ("cannot log in", TriageLevel.HIGH),
    ("can't log in", TriageLevel.HIGH),
    ("cannot login", TriageLevel.HIGH),
    ("can't login", TriageLevel.HIGH),
    ("unable to log in", TriageLevel.HIGH),
    ("locked out", TriageLevel.HIGH),
    ("accreditation", TriageLevel.HIGH),
    ("audit", TriageLevel.HIGH),
    ("regulator", TriageLevel.HIGH),
    ("escalat", TriageLevel.HIGH),
    ("nearly done", TriageLevel.LOW),
    ("almost done", TriageLevel.LOW),
    ("admin informed", TriageLevel.LOW),
    ("admin is aware", TriageLevel.LOW),
    ("admin knows", TriageLevel.LOW),
    ("waiting for admin", TriageLevel.LOW),
)


def _default_keywords() -> list[KeywordRule]:
    return [KeywordRule(p, lv) for p, lv in _DEFAULT_KEYWORDS]


@dataclass
class TriageRules:
    """R14's configurable rules (Settings key ``triage_rules``)."""

    categories: dict[Category, TriageLevel] = field(default_factory=_default_categories)
    priorities: dict[Priority, TriageLevel] = field(default_factory=_default_priorities)
    keywords: list[KeywordRule] = field(default_factory=_default_keywords)
    # An open item due during the absence (or already overdue when triaged) is raised
    # to this level; LOW turns the rule off.
    due_in_absence: TriageLevel = TriageLevel.MEDIUM

    def validate(self) -> None:
        seen: set[str] = set()
        if len(self.keywords) > 300:
            raise ValidationError("Keep the triage keywords under 300.", "keywords")
        for kw in self.keywords:
            phrase = kw.phrase.strip().lower()
            if not phrase:
                raise ValidationError("A triage keyword cannot be empty.", "keywords")
            if len(phrase) > 80:
                raise ValidationError(
                    f"The triage keyword “{phrase[:30]}…” is too long (at most 80 characters).",
                    "keywords",
                )
            if phrase in seen:
                raise ValidationError(f"The keyword “{phrase}” is listed twice.", "keywords")
            seen.add(phrase)

    def to_dict(self) -> dict[str, Any]:
        return {
            "categories": {c.value: lv.value for c, lv in self.categories.items()},
            "priorities": {p.value: lv.value for p, lv in self.priorities.items()},
            "keywords": [{"phrase": k.phrase, "level": k.level.value} for k in self.keywords],
            "due_in_absence": self.due_in_absence.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TriageRules:
        """Rebuild saved rules; a section that is present replaces the default, bad entries are skipped."""
        rules = cls()
        cats = data.get("categories")
        if isinstance(cats, Mapping):
            rules.categories = _levels(cats, Category)
        prios = data.get("priorities")
        if isinstance(prios, Mapping):
            rules.priorities = _levels(prios, Priority)
        kws = data.get("keywords")
        if isinstance(kws, list):
            rules.keywords = []
            for entry in kws:
                if not isinstance(entry, Mapping) or not isinstance(entry.get("phrase"), str):
                    continue
                level = _level_or_none(entry.get("level"))
                if level is not None and entry["phrase"].strip():
                    rules.keywords.append(KeywordRule(entry["phrase"].strip(), level))
        due_level = _level_or_none(data.get("due_in_absence"))
        if due_level is not None:
            rules.due_in_absence = due_level
        return rules


_K = TypeVar("_K", Category, Priority)


def _levels(raw: Mapping[Any, Any], key_type: type[_K]) -> dict[_K, TriageLevel]:
    """A saved {key: level} section, skipping entries that are no longer valid."""
    out: dict[_K, TriageLevel] = {}
    for key, value in raw.items():
        try:
            out[key_type(key)] = TriageLevel(value)
        except ValueError:
            continue
    return out


def _level_or_none(value: Any) -> TriageLevel | None:
    try:
        return TriageLevel(value)
    except ValueError:
        return None


def load_triage_rules(db: Database) -> TriageRules:
    raw = get_setting(db, TRIAGE_SETTING)
    return TriageRules.from_dict(raw) if isinstance(raw, Mapping) else TriageRules()


def save_triage_rules(db: Database, rules: TriageRules) -> None:
    rules.validate()
    set_setting(db, TRIAGE_SETTING, rules.to_dict())


def _normal(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


@functools.lru_cache(maxsize=512)
def _phrase_pattern(phrase: str) -> tuple[str, re.Pattern[str]]:
    """Compiled once per keyword, not once per item and keyword (triage runs it 5,000 x n)."""
    needle = _normal(phrase.strip())
    return needle, re.compile(r"(?<!\w)" + re.escape(needle))


class _ItemFacts(Protocol):
    """What propose_level reads of an item (a WorkItem has them all)."""

    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def category(self) -> Category: ...
    @property
    def priority(self) -> Priority: ...
    @property
    def due_at(self) -> dt.datetime | None: ...


def _due_in_absence(item: _ItemFacts, plan: OooPlan | PlanView) -> dt.date | None:
    """The item's due day (plan's time zone) when it falls during the leave, else None."""
    due = _day_in(item.due_at, plan.timezone)
    return due if due is not None and plan.first_day <= due < plan.return_day else None


class _Proposer:
    """R14's rules made ready once (reasons in words, compiled keywords) for one plan's items.

    ``triage`` proposes a level for thousands of items; what does not depend on
    the item is worked out here once, not per item.
    """

    __slots__ = (
        "categories", "due_level", "first_day", "keywords", "overdue_before", "priorities",
        "return_day", "timezone", "zone",
    )  # fmt: skip

    def __init__(self, rules: TriageRules, plan: OooPlan | PlanView, today: dt.date | None) -> None:
        self.categories = {
            Category(c): (lv, f"Category: {Category(c).label} → {lv.label}")
            for c, lv in rules.categories.items()
        }
        self.priorities = {
            Priority(p): (lv, f"Priority: {Priority(p).label} → {lv.label}")
            for p, lv in rules.priorities.items()
        }
        self.keywords = tuple(
            (
                *_phrase_pattern(kw.phrase),
                kw.level,
                kw.phrase,
                f"Mentions “{kw.phrase}” → {kw.level.label}",
            )
            for kw in rules.keywords
        )
        self.due_level = rules.due_in_absence
        self.timezone = plan.timezone
        self.zone: ZoneInfo | None = None  # looked up at the first due date
        self.first_day = plan.first_day
        self.return_day = plan.return_day
        # An item due before this day is already overdue (only with a today).
        self.overdue_before = None if today is None else min(today, plan.first_day)

    def due_day(self, due_at: dt.datetime | None) -> dt.date | None:
        """The day of ``due_at`` in the plan's time zone."""
        if due_at is None:
            return None
        if self.zone is None:
            self.zone = _zone(self.timezone)
        return due_at.astimezone(self.zone).date()

    def needs_backup(self, level: TriageLevel, due: dt.date | None) -> bool:
        """High/Medium, or due during the absence."""
        return level in SHEET_LEVELS or (
            due is not None and self.first_day <= due < self.return_day
        )

    def propose(
        self,
        category: Category,
        priority: Priority,
        title: str,
        description: str | None,
        due: dt.date | None,
    ) -> tuple[TriageLevel, str]:
        """:func:`propose_level` of an item (``due`` is its :meth:`due_day`)."""
        raised: list[tuple[TriageLevel, str]] = []
        by_category = self.categories.get(category)
        if by_category is not None:
            raised.append(by_category)
        by_priority = self.priorities.get(priority)
        if by_priority is not None:
            raised.append(by_priority)
        text = _normal(f"{title}\n{description or ''}")
        lows: list[str] = []
        for needle, pattern, kw_level, phrase, why in self.keywords:
            # The substring test is what the regex needs first; most items fail it, cheaply.
            if needle not in text or pattern.search(text) is None:
                continue
            if kw_level is TriageLevel.LOW:
                lows.append(phrase)
            else:
                raised.append((kw_level, why))
        level = self.due_level
        if due is not None and level is not TriageLevel.LOW:
            if self.first_day <= due < self.return_day:
                raised.append(
                    (level, f"Due {short_date(due)}, during your absence → {level.label}")
                )
            elif self.overdue_before is not None and due < self.overdue_before:
                raised.append(
                    (
                        level,
                        f"Overdue since {short_date(due)}: it would wait until you are back → {level.label}",
                    )
                )
        if not raised:
            if lows:
                return TriageLevel.LOW, f"Mentions “{lows[0]}” → Low"
            return TriageLevel.LOW, "No rule applies: it can wait for your return → Low"
        # The reasons are the rules that raise the level (a rule mapping to Low only when all do).
        top = max((lv for lv, _ in raised), key=LEVEL_RANK.__getitem__)
        reasons = [why for lv, why in raised if lv is not TriageLevel.LOW or top is TriageLevel.LOW]
        if lows:
            low_reason = f"Mentions “{lows[0]}” → Low"
            if top is TriageLevel.HIGH:
                reasons.append(f"mentions “{lows[0]}”, but a High item cannot wait")
                return top, "; ".join(reasons)
            if top is TriageLevel.MEDIUM:
                return TriageLevel.LOW, f"{low_reason} (instead of Medium: {'; '.join(reasons)})"
            return TriageLevel.LOW, low_reason
        return top, "; ".join(reasons)

    def propose_for(self, item: _ItemFacts) -> tuple[TriageLevel, str, dt.date | None]:
        """The proposal for ``item``, and its due day."""
        due = self.due_day(item.due_at)
        level, reason = self.propose(
            Category(item.category), Priority(item.priority), item.title, item.description, due
        )
        return level, reason, due


def propose_level(
    item: _ItemFacts,
    rules: TriageRules,
    plan: OooPlan | PlanView,
    today: dt.date | None = None,
) -> tuple[TriageLevel, str]:
    """R14: the proposed level of ``item`` for the leave of ``plan``, with the reason in words.

    The strongest level any rule gives wins; every rule that fired is named
    ("Category: Escalation → High; Priority: Highest → High"). A Low keyword
    lowers anything below High to Low. With ``today``, an item already overdue
    counts like one due during the absence: left alone, it waits until the return.
    """
    level, reason, _ = _Proposer(rules, plan, today).propose_for(item)
    return level, reason


def _needs_backup(level: TriageLevel, item: _ItemFacts, plan: OooPlan) -> bool:
    return level in SHEET_LEVELS or _due_in_absence(item, plan) is not None


def _apply_proposal(h: HandoffItem, proposer: _Proposer) -> None:
    """Refresh a row's proposal; a user override (level != proposed) is kept."""
    overridden = (
        h.level is not None and h.proposed_level is not None and h.level != h.proposed_level
    )
    level, reason, due = proposer.propose_for(h.item)
    h.proposed_level, h.reason = level, reason
    if not overridden:
        h.level = level
    h.needs_backup = proposer.needs_backup(h.level, due)


# What triage reads of the open items assigned to the person going away (not their long
# history columns), in the order ``_new_rows`` unpacks them: one statement run straight on
# the driver (no SQL compiled, no conversion per row and column), the enum columns as their
# stored values and ``due_at`` as stored (``_new_rows`` converts it with its column type).
_TRIAGE_SQL = (
    "SELECT w.id, w.item_type, w.title, w.description, w.external_key, w.external_url, "
    "w.account_id, w.category, w.priority, w.status, w.due_at, a.name "
    "FROM work_items AS w "
    "JOIN work_item_assignees AS wa ON wa.item_id = w.id "
    "LEFT OUTER JOIN accounts AS a ON a.id = w.account_id "
    f"WHERE wa.colleague_id = ? AND w.status IN ({marks(len(OPEN_STATUSES))}) "
    "ORDER BY w.id"
)
_OPEN_VALUES = tuple(st.value for st in OPEN_STATUSES)

# The admins of some accounts, each account's in ``Account.admins`` order (primary first,
# then by name): the first is the admin a new triage row is given.
_ADMINS_SQL = (
    "SELECT id, account_id, name, email, phone FROM customer_admins "
    "WHERE account_id IN ({}) ORDER BY is_primary DESC, name, id"
)
_HANDOFF_IDS_SQL = "SELECT item_id, id FROM handoff_items WHERE plan_id = ?"

_IN_CHUNK = 500  # ids per "IN (...)": well under SQLite's limit of bound values

# The columns of a new triage row, in the order ``_insert_handoff_rows`` takes them.
_NEW_ROW_COLUMNS = (
    "plan_id", "item_id", "proposed_level", "level", "reason", "needs_backup", "admin_id",
    "context", "outcome",
)  # fmt: skip


def _load_for_triage(s: Session, plan_id: int) -> OooPlan:
    """The plan with what ``triage`` reads: its rows (items, accounts, admins) and delegations."""
    plan = s.get(
        OooPlan,
        plan_id,
        options=[
            selectinload(OooPlan.handoff_items)
            .selectinload(HandoffItem.item)
            .selectinload(WorkItem.account),
            selectinload(OooPlan.handoff_items).selectinload(HandoffItem.admin),
            selectinload(OooPlan.delegations).selectinload(Delegation.to_colleague),
        ],
    )
    if plan is None:
        raise NotFoundError("That out-of-office plan no longer exists.")
    return plan


def _insert_handoff_rows(s: Session, rows: list[tuple[Any, ...]]) -> None:
    """INSERT the rows (values in ``_NEW_ROW_COLUMNS`` order) with one executemany.

    Each value is stored as its column type stores it (the enums by value, the
    flag as 0/1), exactly as ``insert(table)`` would, without that call's work per
    row and value, which costs more than the insert itself (5,000 rows).
    """
    conn = s.connection()
    dialect = conn.dialect
    table = cast(Table, HandoffItem.__table__)
    if dialect.paramstyle != "qmark":  # pragma: no cover - csdesk runs on SQLite
        conn.execute(insert(table), [dict(zip(_NEW_ROW_COLUMNS, r, strict=True)) for r in rows])
        return
    columns: list[list[Any]] = []
    for name, values in zip(_NEW_ROW_COLUMNS, zip(*rows, strict=True), strict=True):
        convert = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if convert is None:
            columns.append(list(values))
        else:  # a handful of distinct values (levels, flags), each converted once
            stored = {v: convert(v) for v in set(values)}
            columns.append([stored[v] for v in values])
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, _NEW_ROW_COLUMNS))}) "
        f"VALUES ({', '.join('?' for _ in _NEW_ROW_COLUMNS)})"
    )
    conn.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def triage(db: Database, plan_id: int, today: dt.date | None = None) -> list[HandoffRow]:
    """R14: a row for every open item assigned to the plan's person, proposed and flagged.

    Run again at any time: new items are added, proposals refreshed (overrides,
    admins and context kept), and rows of items closed or no longer assigned
    since are dropped — unless the item is delegated for this plan. The admin is
    prefilled (the account's primary admin) only when a row is created, so an
    admin the user cleared stays cleared.

    The open items are read as plain rows (one select of the columns triage
    needs), and the new rows are inserted with one executemany: a first triage
    covers thousands of items, and ORM objects for them would be most of its time.
    """
    rules = load_triage_rules(db)
    with gc_paused(), db.session() as s:
        plan = _load_for_triage(s, plan_id)
        _editable(plan)
        day = today or _today(plan.timezone)
        if plan.colleague_id is None:
            raise ValidationError("This plan has nobody going away.", "colleague")
        items = (
            s.connection().exec_driver_sql(_TRIAGE_SQL, (plan.colleague_id, *_OPEN_VALUES)).all()
        )
        proposer = _Proposer(rules, plan, day)
        existing = {h.item_id: h for h in plan.handoff_items}
        delegated = _delegated_to(plan)
        new_items: list[Any] = []
        for item in items:
            h = existing.pop(item[0], None)
            if h is None:
                new_items.append(item)
            else:
                _apply_proposal(h, proposer)
        for item_id, h in existing.items():
            if item_id not in delegated:
                plan.handoff_items.remove(h)
        s.flush()
        rows = [_row(h, plan, delegated) for h in plan.handoff_items]
        if new_items:
            rows += _new_rows(s, plan, proposer, new_items, delegated)
        rows.sort(key=_sort_key)
        return rows


def _new_rows(
    s: Session,
    plan: OooPlan,
    proposer: _Proposer,
    items: list[Any],
    delegated: Mapping[int, str],
) -> list[HandoffRow]:
    """Triage rows for ``items`` (rows of triage's select): proposed, inserted, returned."""
    # The primary admin of each account that exists (Account.admins order: primary first,
    # then by name).
    conn = s.connection()
    admins: dict[int, tuple[int, str, str, str]] = {}
    account_ids = sorted({item[6] for item in items if item[11] is not None})
    for start in range(0, len(account_ids), _IN_CHUNK):
        chunk = account_ids[start : start + _IN_CHUNK]
        for admin_id, account_id, name, email, phone in conn.exec_driver_sql(
            _ADMINS_SQL.format(marks(len(chunk))), tuple(chunk)
        ):
            admins.setdefault(account_id, (admin_id, name, email, phone))
    read_due = column_reader(WorkItem.__table__.c.due_at, conn.dialect)
    no_admin = (None, "", "", "")
    propose, due_day, needs_backup = proposer.propose, proposer.due_day, proposer.needs_backup
    item_types, categories = enum_members(ItemType), enum_members(Category)
    priorities, statuses = enum_members(Priority), enum_members(Status)
    plan_id = plan.id
    values: list[tuple[Any, ...]] = []
    made: list[tuple[Any, ...]] = []
    for (
        item_id,
        item_type,
        title,
        description,
        external_key,
        external_url,
        account_id,
        category,
        priority,
        status,
        due_at,
        account,
    ) in items:
        item_type, category = item_types[item_type], categories[category]
        priority, status = priorities[priority], statuses[status]
        due_at = read_due(due_at)
        due = due_day(due_at)
        level, reason = propose(category, priority, title, description, due)
        flagged = needs_backup(level, due)
        admin = no_admin if account is None else admins.get(account_id, no_admin)
        values.append((plan_id, item_id, level, level, reason, flagged, admin[0], "", ""))
        made.append(
            (
                item_id, title, item_type, external_key or "", external_url, account_id,
                account or "", category, priority, status, due_at, due, level, level, reason,
                flagged, *admin, "", "", delegated.get(item_id, ""),
            )
        )  # fmt: skip
    _insert_handoff_rows(s, values)
    ids: dict[int, int] = dict(conn.exec_driver_sql(_HANDOFF_IDS_SQL, (plan_id,)).all())
    return [HandoffRow(ids[m[0]], *m) for m in made]


def _load_handoff(s: Session, handoff_id: int) -> HandoffItem:
    h = s.get(
        HandoffItem,
        handoff_id,
        options=[
            selectinload(HandoffItem.item).selectinload(WorkItem.account),
            selectinload(HandoffItem.plan),
        ],
    )
    if h is None:
        raise NotFoundError("That item is no longer in the plan; run the triage again.")
    return h


def set_level(db: Database, handoff_id: int, level: TriageLevel) -> None:
    """The user's level for one item (R14 "the user confirms"); differs from proposed = override."""
    with db.session() as s:
        h = _load_handoff(s, handoff_id)
        _editable(h.plan)
        h.level = TriageLevel(level)
        h.needs_backup = _needs_backup(h.level, h.item, h.plan)


def sheet_items(db: Database, plan_id: int) -> list[HandoffRow]:
    """The rows that go to the hand-off sheet: High and Medium only (Low is left out, R14)."""
    with db.session() as s:
        return list(_view(_load(s, plan_id)).sheet_items)


# ------------------------------------------------------------------ R15 context


def set_context(db: Database, handoff_id: int, admin_id: int | None, context: str) -> None:
    """The admin (customer contact) and the context and next steps for the backup."""
    text = clean_text(context, "context", "Context and next steps", 10_000)
    with db.session() as s:
        h = _load_handoff(s, handoff_id)
        _editable(h.plan)
        if admin_id is not None:
            admin = s.get(CustomerAdmin, admin_id)
            if admin is None:
                raise NotFoundError("That admin no longer exists.")
            if admin.account_id != h.item.account_id:
                account = h.item.account.name if h.item.account else "no account"
                raise ValidationError(
                    f"{admin.name} is an admin of another account; this item belongs to {account}.",
                    "admin",
                )
        h.admin_id, h.context = admin_id, text


def missing_context(db: Database, plan_id: int) -> list[HandoffRow]:
    """Flagged items of the sheet whose context for the backup is still empty (R15)."""
    with db.session() as s:
        return list(_view(_load(s, plan_id)).missing_context)


# ------------------------------------------------------------------ R16 auto-reply


def _check_template(text: str, field_name: str) -> None:
    """Refuse unknown placeholders, and conversions/format specs (no "{x!r}", "{x:>9}")."""
    try:
        parsed = list(string.Formatter().parse(text))
        placeholders(text)
    except (ValueError, ValidationError) as exc:
        raise ValidationError(
            "The text has a lone “{” or “}”. Write placeholders as {backup_name}; "
            f"for a brace itself write {{{{ or }}}}. ({exc})",
            field_name,
        ) from None
    for _, name, spec, conversion in parsed:
        if name == "":
            raise ValidationError(
                "An empty placeholder {} is not allowed: name it, e.g. {backup_name}.",
                field_name,
            )
        if name is not None and (spec or conversion):
            raise ValidationError(
                f"Write the placeholder as {{{name}}}, without “!” or “:” after the name.",
                field_name,
            )
    try:
        render(text, dict.fromkeys(AUTO_REPLY_PLACEHOLDERS, ""))
    except ValidationError as exc:
        raise ValidationError(exc.message, field_name) from None


def set_auto_reply(db: Database, plan_id: int, subject: str, body: str) -> None:
    """Save the auto-reply's subject and text (R16). An empty subject is the default one;
    an empty text, or the template itself, means "use the template"."""
    subj = clean_text(subject, "subject", "Subject", 200) or DEFAULT_SUBJECT
    if "\n" in subj:
        raise ValidationError("The subject must be on one line.", "subject")
    text = clean_text(body, "body", "Auto-reply text", 20_000)
    _check_template(subj, "subject")
    _check_template(text, "body")
    if text == load_template(AUTO_REPLY_TEMPLATE).strip():
        text = ""
    with db.session() as s:
        plan = _load(s, plan_id)
        _editable(plan)
        plan.auto_reply_subject, plan.auto_reply_body = subj, text


def _to_html(text: str) -> str:
    """Paragraphs (blank-line separated) with line breaks; every character of text escaped."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    return "\n".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def auto_reply(db: Database, plan_id: int) -> AutoReply:
    """R16: the auto-reply as plain text and HTML, filled from the plan, Directory and Settings.

    A value not known yet is shown in brackets and named in ``missing``, so the
    preview reads well and nothing incomplete is applied to Gmail.
    """
    support_email = str(get_setting(db, "support_email", "") or "").strip()
    support_phone = str(get_setting(db, "support_phone", "") or "").strip()
    template = load_template(AUTO_REPLY_TEMPLATE)
    with db.session() as s:
        view = _view(_load(s, plan_id))
    body = view.auto_reply_body or template.strip()
    subject = view.auto_reply_subject or DEFAULT_SUBJECT
    backup = view.backup
    candidates: list[tuple[str, str, str, str]] = [
        ("backup_name", backup.name if backup else "", "[backup not chosen yet]", "the backup"),
        (
            "backup_email",
            backup.email if backup else "",
            "[backup's email]",
            "the backup's email (Directory)",
        ),
        (
            "backup_phone",
            backup.phone if backup else "",
            "[backup's phone]",
            "the backup's phone (Directory)",
        ),
        ("support_email", support_email, "[support email]", "the support email (Settings)"),
        ("support_phone", support_phone, "[support phone]", "the support phone (Settings)"),
        (
            "my_name",
            view.colleague.name if view.colleague else "",
            "[your name]",
            "your name (Directory)",
        ),
    ]
    used = placeholders(body) | placeholders(subject)
    values = {
        "first_day": long_date(view.first_day),
        "last_day": long_date(view.last_day),
        "return_day": long_date(view.return_day),
    }
    missing: list[str] = []
    for key, value, stand_in, words in candidates:
        values[key] = value or stand_in
        if not value and key in used:
            missing.append(words)
    text = render(body, values)
    return AutoReply(
        subject=render(subject, values).strip(),
        text=text,
        html=_to_html(text),
        missing=tuple(missing),
    )


# ------------------------------------------------------------------ R18 checklist


@dataclass(frozen=True, slots=True)
class _Step:
    key: str
    title: str
    owner: str  # "me", "team_lead" or "backup"
    due: Callable[[dt.date, BusinessCalendar], dt.date]


def _workdays_before(n: int) -> Callable[[dt.date, BusinessCalendar], dt.date]:
    return lambda first, cal: cal.add_workdays(first, -n)


def _hr_due(first: dt.date, cal: BusinessCalendar) -> dt.date:
    return deadline_dates(first, cal)["hr_request"]


def _first_workday(first: dt.date, cal: BusinessCalendar) -> dt.date:
    return cal.add_workdays(first - dt.timedelta(days=1), 1)


CHECKLIST: tuple[_Step, ...] = (
    _Step("notify_tl", "Tell the team lead about the leave", "me", _workdays_before(3)),
    _Step("hr_request", "Request the time off in the HR tool (Bamboo)", "me", _hr_due),
    _Step(
        "handoff_meeting",
        "Hold the hand-off meeting with the backup and share the sheet",
        "me",
        _workdays_before(HANDOFF_MEETING_WORKDAYS),
    ),
    _Step("auto_reply", "Set the auto-reply (Gmail vacation responder)", "me", _workdays_before(1)),
    _Step(
        "calendar_ooo",
        "Block the leave in Google Calendar as out of office",
        "me",
        _workdays_before(1),
    ),
    _Step(
        "chat_status",
        "Set the chat (Slack) status to Vacation and yourself as away",
        "me",
        _workdays_before(1),
    ),
    _Step(
        "call_forwarding",
        "Request call forwarding from IT (to the backup)",
        "team_lead",
        _workdays_before(1),
    ),
    _Step(
        "tl_confirms_auto_reply",
        "Confirm the auto-reply is set",
        "team_lead",
        _workdays_before(1),
    ),
    _Step(
        "backup_check_email",
        "Send the day-one check email (is the auto-reply on?)",
        "backup",
        _first_workday,
    ),
)

#: Checklist steps that come with a ready text to send (``ready_text``).
READY_TEXT_KEYS = frozenset({"notify_tl", "call_forwarding", "chat_status"})


def _owner(step: _Step, plan: OooPlan) -> str:
    if step.owner == "team_lead":
        return f"{plan.team_lead.name} (team lead)" if plan.team_lead else "Team lead"
    if step.owner == "backup":
        return f"{plan.backup.name} (backup)" if plan.backup else "Backup"
    return "You"


def _refresh_checklist(plan: OooPlan, calendar: BusinessCalendar) -> None:
    """Owners and due dates follow the people and dates; a no-op before ``ensure_checklist``."""
    by_key = {step.key: (pos, step) for pos, step in enumerate(CHECKLIST)}
    for c in plan.checklist:
        found = by_key.get(c.key)
        if found is None:
            continue
        pos, step = found
        c.title, c.owner, c.position = step.title, _owner(step, plan), pos
        c.due_date = step.due(plan.first_day, calendar)


def ensure_checklist(db: Database, plan_id: int) -> list[ChecklistRow]:
    """R18: create the checklist steps once (owners, due dates); later calls refresh them."""
    calendar = load_calendar(db)
    with db.session() as s:
        plan = _load(s, plan_id)
        _editable(plan)
        have = {c.key for c in plan.checklist}
        for pos, step in enumerate(CHECKLIST):
            if step.key not in have:
                plan.checklist.append(
                    OooChecklistItem(key=step.key, title=step.title, position=pos)
                )
        _refresh_checklist(plan, calendar)
        s.flush()
        return list(_view(plan).checklist)


def tick(db: Database, item_id: int, done: bool = True) -> None:
    """Tick a checklist step off (or untick it)."""
    with db.session() as s:
        c = s.get(OooChecklistItem, item_id)
        if c is None:
            raise NotFoundError("That checklist step no longer exists.")
        if done and c.done_at is None:
            c.done_at = utcnow()
        elif not done:
            c.done_at = None


def _active_steps(s: Session) -> list[tuple[OooChecklistItem, OooPlan]]:
    rows = s.execute(
        select(OooChecklistItem, OooPlan)
        .join(OooPlan, OooPlan.id == OooChecklistItem.plan_id)
        .where(
            OooPlan.status.not_in(_FINISHED),
            OooChecklistItem.done_at.is_(None),
            OooChecklistItem.due_date.is_not(None),
        )
        .order_by(OooChecklistItem.due_date, OooPlan.id, OooChecklistItem.position)
    ).all()
    return [(c, p) for c, p in rows]


def _due(c: OooChecklistItem, p: OooPlan, today: dt.date) -> ChecklistDue:
    assert c.due_date is not None
    return ChecklistDue(
        plan_id=p.id,
        item_id=c.id,
        key=c.key,
        title=c.title,
        owner=c.owner,
        due_date=c.due_date,
        first_day=p.first_day,
        days_late=max(0, (today - c.due_date).days),
    )


def _calendar_today(db: Database) -> dt.date:
    return dt.datetime.now(load_calendar(db).zone).date()


def late_checklist(db: Database, today: dt.date | None = None) -> list[ChecklistDue]:
    """Steps of plans not cancelled or returned whose due date passed undone (for Today)."""
    day = today or _calendar_today(db)
    with db.session() as s:
        return [
            _due(c, p, day)
            for c, p in _active_steps(s)
            if c.due_date is not None and c.due_date < day
        ]


def next_deadline(db: Database, today: dt.date | None = None) -> ChecklistDue | None:
    """The next undone step (due today or later) of a plan whose leave is not over."""
    day = today or _calendar_today(db)
    with db.session() as s:
        for c, p in _active_steps(s):
            if c.due_date is not None and c.due_date >= day and p.return_day > day:
                return _due(c, p, day)
    return None


def ready_text(db: Database, plan_id: int, key: str, today: dt.date | None = None) -> str:
    """A message to copy for a checklist step (notify_tl, call_forwarding, chat_status)."""
    if key not in READY_TEXT_KEYS:
        raise ValidationError(f"The step “{key}” has no ready text.", "key")
    calendar = load_calendar(db)
    support_email = str(get_setting(db, "support_email", "") or "").strip()
    view = get_plan(db, plan_id, today=today, calendar=calendar)
    me = view.colleague.name if view.colleague else "I"
    backup = view.backup
    first, last, back = (
        long_date(view.first_day),
        long_date(view.last_day),
        long_date(view.return_day),
    )
    if key == "notify_tl":
        tl = _first_name(view.team_lead.name) if view.team_lead else ""
        notice = next((d for d in view.deadlines if d.key == "notify_tl"), None)
        lines = [
            f"Hi {tl}," if tl else "Hi,",
            "",
            f"I am planning to be out of the office from {first} to {last}, and back on {back}.",
        ]
        if notice is not None and notice.missed:
            lines.append("I am sorry for the short notice.")
        lines += [
            "I will request the time off in Bamboo and prepare the hand-off sheet with my "
            "pending items, their priority and the context a backup needs.",
        ]
        if backup is not None:
            lines.append(f"Would {backup.name} be my backup for that time?")
        else:
            lines.append("Who should be my backup for that time?")
        lines += ["", "Thank you,", me]
        return "\n".join(lines)
    if key == "call_forwarding":
        target = (
            f"{backup.name}" + (f" ({backup.phone})" if backup.phone else "")
            if backup
            else "[the backup]"
        )
        sender = view.team_lead.name if view.team_lead else me
        return "\n".join(
            [
                "Hi IT team,",
                "",
                f"{me} is out of the office from {first} to {last}, back on {back}.",
                f"Please forward {me}'s calls to {target} for that time, "
                f"and end the forwarding on {back}.",
                "",
                "Thank you,",
                sender,
            ]
        )
    urgent = backup.name if backup else support_email
    status = f"Vacation – back {short_date(view.return_day)}"
    return f"{status}. Urgent: {urgent}" if urgent else status


# ------------------------------------------------------------------ hand-over


def delegate(db: Database, plan_id: int, actor: str = "") -> HandOver:
    """Hand the sheet's items (High/Medium, all flagged) to the backup for the leave.

    The backup is added as an assignee (nobody is removed) and a Delegation is
    recorded, with a DELEGATED event on the item. Items the backup was already
    assigned to are left alone and reported. Calling it again adds only new items.
    """
    with db.session() as s:
        plan = _load(s, plan_id)
        _editable(plan)
        backup = plan.backup
        if backup is None:
            raise ValidationError(
                "Choose the backup first: the items are handed to them.", "backup"
            )
        active = {d.item_id for d in plan.delegations if d.returned_at is None}
        now = utcnow()
        done: list[int] = []
        already: list[int] = []
        for h in sorted(plan.handoff_items, key=lambda h: h.item_id):
            if not (h.needs_backup and h.level in SHEET_LEVELS) or h.item_id in active:
                continue
            item = s.get(WorkItem, h.item_id, options=[selectinload(WorkItem.assignees)])
            assert item is not None
            if item.status not in OPEN_STATUSES:
                continue
            if any(c.id == backup.id for c in item.assignees):
                already.append(item.id)
                continue
            s.add(WorkItemAssignee(item_id=item.id, colleague_id=backup.id))
            plan.delegations.append(
                Delegation(item_id=item.id, to_colleague_id=backup.id, delegated_at=now)
            )
            s.add(
                ItemEvent(
                    item_id=item.id,
                    kind=ItemEventKind.DELEGATED,
                    at=now,
                    actor=actor,
                    note=(
                        f"Delegated to {backup.name} while "
                        f"{plan.colleague.name if plan.colleague else 'the CSM'} is away "
                        f"({short_date(plan.first_day)} – "
                        f"{short_date(plan.return_day - dt.timedelta(days=1))}); "
                        f"comes back on {short_date(plan.return_day)}."
                    ),
                )
            )
            done.append(item.id)
        return HandOver(tuple(done), tuple(already))


def _end_delegations(s: Session, plan: OooPlan, actor: str, why: str) -> list[int]:
    now = utcnow()
    back: list[int] = []
    for d in plan.delegations:
        if d.returned_at is not None:
            continue
        link = s.get(WorkItemAssignee, (d.item_id, d.to_colleague_id))
        owner = plan.colleague_id
        if owner is not None and s.get(WorkItemAssignee, (d.item_id, owner)) is None:
            # Someone took the CSM off the item while away: it comes back to them (R19, R2).
            s.add(WorkItemAssignee(item_id=d.item_id, colleague_id=owner))
        if link is not None and d.to_colleague_id != owner:
            s.delete(link)
        d.returned_at = now
        s.add(
            ItemEvent(
                item_id=d.item_id,
                kind=ItemEventKind.RETURNED,
                at=now,
                actor=actor,
                note=f"Back from {d.to_colleague.name}: {why}.",
            )
        )
        back.append(d.item_id)
    s.flush()
    return back


def end_delegations(db: Database, plan_id: int, actor: str = "") -> list[int]:
    """On return (R19): take the backup off the delegated items again; returns the item ids.

    Only the assignments csdesk added are removed, so each item's assignees are
    exactly what they were before the leave.
    """
    with db.session() as s:
        plan = _load(s, plan_id)
        return _end_delegations(s, plan, actor, "the leave is over")


def mark_returned(db: Database, plan_id: int, actor: str = "") -> list[int]:
    """R19: the CSM is back: end the hand-over and close the plan; returns the items handed back."""
    with db.session() as s:
        plan = _load(s, plan_id)
        if plan.status in (OooStatus.CANCELLED, OooStatus.RETURNED):
            raise ValidationError(f"This plan is already {plan.status.label.lower()}.", "status")
        items = _end_delegations(s, plan, actor, "the leave is over")
        plan.status = OooStatus.RETURNED
        return items


# ------------------------------------------------------------------ JSON


def plan_json(db: Database, plan_id: int, today: dt.date | None = None) -> dict[str, Any]:
    """The plan for ``csdesk ooo show --json``: dates, people, deadlines, triage, flagged items."""
    view = get_plan(db, plan_id, today=today)
    day = today or _today(view.timezone)
    reply = auto_reply(db, plan_id)

    def person(p: Person | None) -> dict[str, Any] | None:
        return None if p is None else p.to_json()

    return {
        "id": view.id,
        "status": view.status.value,
        "phase": view.phase(day),
        "step": view.step,
        "timezone": view.timezone,
        "first_day": view.first_day.isoformat(),
        "last_day": view.last_day.isoformat(),
        "return_day": view.return_day.isoformat(),
        "colleague": person(view.colleague),
        "team_lead": person(view.team_lead),
        "backup": person(view.backup),
        "backup_conflicts": list(view.backup_conflicts),
        "deadlines": [d.to_json() for d in view.deadlines],
        "triage": [h.to_json() for h in view.handoff],
        "flagged": [h.to_json() for h in view.flagged],
        "missing_context": [h.item_id for h in view.missing_context],
        "warnings": list(view.warnings),
        "checklist": [c.to_json() for c in view.checklist],
        "auto_reply": {
            "subject": reply.subject,
            "text": reply.text,
            "uses_template": view.uses_template,
            "missing": list(reply.missing),
        },
        "delegations": [
            {
                "item_id": d.item_id,
                "title": d.title,
                "to": d.to_colleague,
                "delegated_at": d.delegated_at.isoformat(),
                "returned_at": d.returned_at.isoformat() if d.returned_at else None,
            }
            for d in view.delegations
        ],
    }
