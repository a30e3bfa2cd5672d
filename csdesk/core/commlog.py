"""The communication log: *communication proof* (R12).

Every email, call, chat, Slack or WhatsApp message, meeting or ticket comment
can be logged against an account (and optionally one of its customer admins
and one of its items). The log is searchable and filterable (:func:`list_entries`)
and each account has a timeline (:func:`timeline`) that merges its log entries
with the history of its items and its lifecycle stage changes.

Periods are calendar days in local time: ``LogFilter(since=d1, until=d2)``
covers from local midnight starting ``d1`` to local midnight ending ``d2``
(both days included). "Local" is the computer's time zone unless the filter
names another one (``tz``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Row, Select, or_, select
from sqlalchemy.orm import Session

from csdesk.core.db import Database
from csdesk.core.enums import Channel, Direction, ItemEventKind, LifecycleStage, Status
from csdesk.core.errors import NotFoundError, ValidationError
from csdesk.core.models import (
    Account,
    CommLogEntry,
    CustomerAdmin,
    ItemEvent,
    LifecycleEvent,
    WorkItem,
    utcnow,
)
from csdesk.core.validation import clean_text

SUMMARY_MAX = 20_000
COUNTERPART_MAX = 200
# A clock a little ahead of the server's, or "now" typed in the dialog a minute
# late, is not a mistake; an entry dated next week is.
FUTURE_TOLERANCE = dt.timedelta(minutes=5)


# ------------------------------------------------------------------ inputs


@dataclass
class LogInput:
    """One communication to log (or, with ``id``, to correct)."""

    channel: Channel
    summary: str
    account_id: int | None = None
    admin_id: int | None = None
    item_id: int | None = None
    counterpart: str = ""
    direction: Direction = Direction.OUTBOUND
    occurred_at: dt.datetime | None = None  # None: now
    id: int | None = None


@dataclass(frozen=True, slots=True)
class LogRow:
    id: int
    occurred_at: dt.datetime
    channel: Channel
    direction: Direction
    account: str
    counterpart: str
    summary: str
    item_key: str  # the external key, or "#<id>"; "" without an item
    item_title: str
    account_id: int | None
    item_id: int | None
    admin_id: int | None = None

    @property
    def item_text(self) -> str:
        """The linked item as one line: "KEY Title", or ""."""
        return f"{self.item_key} {self.item_title}".strip()


@dataclass(frozen=True)
class LogFilter:
    """What the log view narrows to; every field is optional.

    ``search``: every word must appear (case-insensitively) in the summary, the
    counterpart or the account name. ``since``/``until``: inclusive calendar days
    in the time zone ``tz`` (None: the computer's local time zone).
    """

    search: str = ""
    account_id: int | None = None
    channel: Channel | None = None
    direction: Direction | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    item_id: int | None = None
    tz: dt.tzinfo | None = None


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One line of an account's timeline.

    ``kind`` is the source: "log" (a logged communication), "item" (an event of
    one of the account's items) or "stage" (a lifecycle stage change); ``label``
    is what a CSM reads in the kind column.
    """

    at: dt.datetime
    kind: str
    label: str
    text: str
    entry_id: int | None = None
    item_id: int | None = None


# ------------------------------------------------------------------ helpers


def local_day_start(day: dt.date, tz: dt.tzinfo | None = None) -> dt.datetime:
    """The aware moment a calendar day begins, in ``tz`` (None: the computer's zone)."""
    naive = dt.datetime.combine(day, dt.time())
    if tz is None:
        return naive.astimezone()  # a naive datetime is read as local time
    return naive.replace(tzinfo=tz)


def item_key(item_id: int, external_key: str | None) -> str:
    return external_key or f"#{item_id}"


E = TypeVar("E", Channel, Direction)


def _coerce(cls: type[E], value: str, field: str, label: str) -> E:
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(f"“{value}” is not a known {label}.", field) from None


def _check_time(occurred_at: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    if occurred_at is None:
        return now
    if occurred_at.tzinfo is None or occurred_at.utcoffset() is None:
        raise ValidationError(
            "The time of the communication must carry its time zone.", "occurred_at"
        )
    if occurred_at > now + FUTURE_TOLERANCE:
        raise ValidationError(
            "The communication is dated in the future. Log what has happened, "
            "with the time it happened.",
            "occurred_at",
        )
    return occurred_at


def _resolve_links(
    s: Session, account_id: int | None, admin_id: int | None, item_id: int | None
) -> int | None:
    """Check the linked account, admin and item; returns the entry's account id."""
    if account_id is not None and s.get(Account, account_id) is None:
        raise ValidationError("That account no longer exists.", "account")
    item = s.get(WorkItem, item_id) if item_id is not None else None
    if item_id is not None and item is None:
        raise ValidationError("That task or ticket no longer exists.", "item")
    admin = s.get(CustomerAdmin, admin_id) if admin_id is not None else None
    if admin_id is not None and admin is None:
        raise ValidationError("That admin no longer exists.", "admin")
    if item is not None and item.account_id is not None:
        if account_id is None:
            account_id = item.account_id  # the item says which account the talk was about
        elif item.account_id != account_id:
            owner = s.get(Account, item.account_id)
            raise ValidationError(
                f"“{item.title}” belongs to {owner.name if owner else 'another account'}, "
                "not to the account chosen: choose that account or another item.",
                "item",
            )
    if admin is not None:
        if account_id is None:
            account_id = admin.account_id
        elif admin.account_id != account_id:
            raise ValidationError(
                f"{admin.name} is an admin of another account: choose one of this account's admins.",
                "admin",
            )
    return account_id


# ------------------------------------------------------------------ changes


def save_entry(db: Database, data: LogInput) -> int:
    """Log a communication (or correct one); returns its id.

    With an item but no account, the entry takes the item's account (or the
    admin's). Without a counterpart, a linked admin's name is used.
    """
    channel = _coerce(Channel, data.channel, "channel", "channel")
    direction = _coerce(Direction, data.direction, "direction", "direction")
    summary = clean_text(data.summary, "summary", "Summary", SUMMARY_MAX, required=True)
    counterpart = clean_text(data.counterpart, "counterpart", "Counterpart", COUNTERPART_MAX)
    if "\n" in counterpart:
        raise ValidationError("Counterpart must be on one line.", "counterpart")
    now = utcnow()
    occurred_at = _check_time(data.occurred_at, now)
    with db.session() as s:
        account_id = _resolve_links(s, data.account_id, data.admin_id, data.item_id)
        if not counterpart and data.admin_id is not None:
            admin = s.get(CustomerAdmin, data.admin_id)
            counterpart = admin.name if admin else ""
        if data.id is None:
            entry = CommLogEntry(channel=channel, summary=summary, created_at=now)
            s.add(entry)
        else:
            found = s.get(CommLogEntry, data.id)
            if found is None:
                raise NotFoundError("That log entry no longer exists.")
            entry = found
        entry.channel, entry.direction = channel, direction
        entry.summary, entry.counterpart = summary, counterpart
        entry.occurred_at = occurred_at
        entry.account_id, entry.admin_id, entry.item_id = account_id, data.admin_id, data.item_id
        s.flush()
        return entry.id


def delete_entry(db: Database, entry_id: int) -> None:
    with db.session() as s:
        entry = s.get(CommLogEntry, entry_id)
        if entry is None:
            raise NotFoundError("That log entry no longer exists.")
        s.delete(entry)


# ------------------------------------------------------------------ queries


def _base_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            CommLogEntry.id,
            CommLogEntry.occurred_at,
            CommLogEntry.channel,
            CommLogEntry.direction,
            Account.name,
            CommLogEntry.counterpart,
            CommLogEntry.summary,
            WorkItem.external_key,
            WorkItem.title,
            CommLogEntry.account_id,
            CommLogEntry.item_id,
            CommLogEntry.admin_id,
        )
        .outerjoin(Account, Account.id == CommLogEntry.account_id)
        .outerjoin(WorkItem, WorkItem.id == CommLogEntry.item_id)
    )


def _row(r: Row[*tuple[Any, ...]]) -> LogRow:
    return LogRow(
        id=r[0],
        occurred_at=r[1],
        channel=r[2],
        direction=r[3],
        account=r[4] or "",
        counterpart=r[5],
        summary=r[6],
        item_key=item_key(r[10], r[7]) if r[10] is not None else "",
        item_title=r[8] or "",
        account_id=r[9],
        item_id=r[10],
        admin_id=r[11],
    )


def list_entries(
    db: Database, flt: LogFilter | None = None, limit: int | None = None
) -> list[LogRow]:
    """Log entries matching ``flt``, newest first, filtered and limited in SQL."""
    f = flt or LogFilter()
    if f.since is not None and f.until is not None and f.until < f.since:
        raise ValidationError("The period ends before it starts.", "until")
    q = _base_query().order_by(CommLogEntry.occurred_at.desc(), CommLogEntry.id.desc())
    if f.account_id is not None:
        q = q.where(CommLogEntry.account_id == f.account_id)
    if f.item_id is not None:
        q = q.where(CommLogEntry.item_id == f.item_id)
    if f.channel is not None:
        q = q.where(CommLogEntry.channel == _coerce(Channel, f.channel, "channel", "channel"))
    if f.direction is not None:
        q = q.where(
            CommLogEntry.direction == _coerce(Direction, f.direction, "direction", "direction")
        )
    if f.since is not None:
        q = q.where(CommLogEntry.occurred_at >= local_day_start(f.since, f.tz))
    if f.until is not None:
        end = local_day_start(f.until + dt.timedelta(days=1), f.tz)
        q = q.where(CommLogEntry.occurred_at < end)
    for word in f.search.split():
        q = q.where(
            or_(
                CommLogEntry.summary.icontains(word, autoescape=True),
                CommLogEntry.counterpart.icontains(word, autoescape=True),
                Account.name.icontains(word, autoescape=True),
            )
        )
    if limit is not None:
        q = q.limit(limit)
    with db.session() as s:
        return [_row(r) for r in s.execute(q)]


def get_entry(db: Database, entry_id: int) -> LogRow:
    """One entry, e.g. to fill the dialog that corrects it."""
    with db.session() as s:
        r = s.execute(_base_query().where(CommLogEntry.id == entry_id)).first()
        if r is None:
            raise NotFoundError("That log entry no longer exists.")
        return _row(r)


def _status_label(status: Status | None) -> str:
    return Status(status).label if status is not None else "?"


def _event_text(ev: ItemEvent, key: str, title: str) -> tuple[str, str]:
    kind = ItemEventKind(ev.kind)
    head = f"{key} {title}"
    note = f" — {ev.note}" if ev.note else ""
    if kind is ItemEventKind.CREATED:
        return "Item created", f"{head}: created ({_status_label(ev.to_status)}){note}"
    if kind is ItemEventKind.STATUS_CHANGE:
        move = f"{_status_label(ev.from_status)} → {_status_label(ev.to_status)}"
        return "Status change", f"{head}: {move}{note}"
    if kind is ItemEventKind.FOLLOW_UP:
        by = f" by {Channel(ev.channel).label.lower()}" if ev.channel else ""
        return "Follow-up", f"{head}: followed up{by}{note}"
    if kind is ItemEventKind.ESCALATION:
        return "Escalation", f"{head}{note or ': escalated'}"
    return kind.label, f"{head}{note or ': ' + kind.label.lower()}"


def timeline(db: Database, account_id: int) -> list[TimelineRow]:
    """The account's story, newest first.

    Merges its log entries, the events of its items (creation, status changes,
    follow-ups, escalations, delegations; not plain edits) and its lifecycle
    stage changes. Equal times are ordered log, then item event, then stage.
    """
    rows: list[tuple[tuple[dt.datetime, int, int], TimelineRow]] = []
    with db.session() as s:
        if s.get(Account, account_id) is None:
            raise NotFoundError("That account no longer exists.")
        for e in s.scalars(select(CommLogEntry).where(CommLogEntry.account_id == account_id)):
            channel, direction = Channel(e.channel), Direction(e.direction)
            text = f"{e.counterpart}: {e.summary}" if e.counterpart else e.summary
            row = TimelineRow(
                at=e.occurred_at,
                kind="log",
                label=f"{channel.label} ({direction.label.lower()})",
                text=text,
                entry_id=e.id,
                item_id=e.item_id,
            )
            rows.append(((e.occurred_at, 2, e.id), row))
        events = s.execute(
            select(ItemEvent, WorkItem.external_key, WorkItem.title)
            .join(WorkItem, WorkItem.id == ItemEvent.item_id)
            .where(WorkItem.account_id == account_id, ItemEvent.kind != ItemEventKind.UPDATED)
        )
        for ev, ext_key, title in events:
            label, text = _event_text(ev, item_key(ev.item_id, ext_key), title)
            row = TimelineRow(at=ev.at, kind="item", label=label, text=text, item_id=ev.item_id)
            rows.append(((ev.at, 1, ev.id), row))
        for st in s.scalars(select(LifecycleEvent).where(LifecycleEvent.account_id == account_id)):
            text = f"Stage: {LifecycleStage(st.stage).label}"
            if st.changed_by:
                text += f" (by {st.changed_by})"
            if st.note:
                text += f" — {st.note}"
            rows.append(
                ((st.changed_at, 0, st.id), TimelineRow(st.changed_at, "stage", "Lifecycle", text))
            )
    rows.sort(key=lambda pair: pair[0], reverse=True)
    return [row for _, row in rows]
