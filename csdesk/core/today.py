"""The Today lists (SPEC screen 1, issue 3): what needs the CSM now, and why.

One pass over the open items computes every bucket with the business calendar,
the rules settings and the SLA policies; the Today view, the reminders and
``csdesk today`` all read this report.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from csdesk.core.business_time import BusinessCalendar, format_minutes, load_calendar
from csdesk.core.db import Database
from csdesk.core.enums import OPEN_STATUSES, ItemEventKind, ItemType, Priority, Status
from csdesk.core.models import Account, ItemEvent, WorkItem, utcnow
from csdesk.core.rules import RulesConfig, load_rules
from csdesk.core.sla import Event, SlaClock, clock, list_policies, policy_for

BUCKETS: dict[str, str] = {
    "overdue": "Overdue",
    "due_today": "Due today",
    "stale": "Not followed up (48 h)",
    "escalation_due": "Escalation due",
    "sla_breached": "SLA breached",
    "sla_near_breach": "SLA near breach",
}


@dataclass(frozen=True, slots=True)
class TodayEntry:
    item_id: int
    key: str
    title: str
    account: str
    item_type: ItemType
    status: Status
    priority: Priority
    bucket: str
    reason: str
    due_at: dt.datetime | None
    minutes_left: int | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["item_type"] = self.item_type.value
        data["status"] = self.status.value
        data["priority"] = self.priority.value
        data["due_at"] = self.due_at.isoformat() if self.due_at else None
        return data


@dataclass
class TodayReport:
    now: dt.datetime
    buckets: dict[str, list[TodayEntry]] = field(default_factory=lambda: {k: [] for k in BUCKETS})
    open_count: int = 0
    high_load_threshold: int = 0
    affected_accounts: list[str] = field(default_factory=list)

    @property
    def high_load(self) -> bool:
        return self.open_count > self.high_load_threshold

    @property
    def attention_count(self) -> int:
        """How many distinct items need attention (the number on the navigation)."""
        return len({e.item_id for entries in self.buckets.values() for e in entries})

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.now.isoformat(),
            **{k: [e.to_json() for e in v] for k, v in self.buckets.items()},
            "high_load": {
                "open_items": self.open_count,
                "threshold": self.high_load_threshold,
                "active": self.high_load,
                "affected_accounts": self.affected_accounts if self.high_load else [],
            },
        }


def _when(moment: dt.datetime, calendar: BusinessCalendar) -> str:
    return moment.astimezone(calendar.zone).strftime("%a %d %b %H:%M")


_CLOCK_EVENTS = (
    ItemEventKind.CREATED,
    ItemEventKind.STATUS_CHANGE,
    ItemEventKind.FOLLOW_UP,
    ItemEventKind.ESCALATION,
)


def _clock_events(s: Session, ids: Any, now: dt.datetime) -> dict[int, list[Event]]:
    """The history an SLA clock reads, for the items whose ids ``ids`` selects."""
    events: dict[int, list[Event]] = defaultdict(list)
    for item_id, at, kind, to_status in s.execute(
        select(ItemEvent.item_id, ItemEvent.at, ItemEvent.kind, ItemEvent.to_status).where(
            ItemEvent.item_id.in_(ids), ItemEvent.at <= now, ItemEvent.kind.in_(_CLOCK_EVENTS)
        )
    ):
        events[item_id].append(Event(at, kind, to_status))
    return events


def sla_clocks(
    db: Database,
    item_ids: Sequence[int],
    now: dt.datetime | None = None,
    calendar: BusinessCalendar | None = None,
) -> dict[int, SlaClock]:
    """The running SLA clock of each listed open item that has one (for the tasks table)."""
    now = now or utcnow()
    calendar = calendar or load_calendar(db)
    policies = list_policies(db)
    result: dict[int, SlaClock] = {}
    ids = sorted(set(item_ids))
    with db.session() as s:
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            rows = s.execute(
                select(
                    WorkItem.id, WorkItem.channels, WorkItem.category,
                    WorkItem.created_at, WorkItem.status,
                ).where(WorkItem.id.in_(chunk), WorkItem.status.in_(OPEN_STATUSES))
            ).all()  # fmt: skip
            events = _clock_events(s, chunk, now)
            for item_id, channels, category, created_at, status in rows:
                policy = policy_for(channels or [], category, policies)
                if policy is None:
                    continue
                c = clock(policy, created_at, status, events.get(item_id, []), calendar, now)
                if c is not None:
                    result[item_id] = c
    return result


def today_report(
    db: Database,
    now: dt.datetime | None = None,
    calendar: BusinessCalendar | None = None,
    rules: RulesConfig | None = None,
) -> TodayReport:
    now = now or utcnow()
    calendar = calendar or load_calendar(db)
    rules = rules or load_rules(db)
    policies = list_policies(db)
    report = TodayReport(now=now, high_load_threshold=rules.high_load_threshold)
    today = calendar.local_date(now)
    stale_minutes = rules.stale_after_days * calendar.minutes_per_day()
    with db.session() as s:
        rows = s.execute(
            select(
                WorkItem.id,
                WorkItem.item_type,
                WorkItem.title,
                WorkItem.external_key,
                Account.name,
                WorkItem.status,
                WorkItem.priority,
                WorkItem.category,
                WorkItem.channels,
                WorkItem.created_at,
                WorkItem.due_at,
                WorkItem.last_follow_up_at,
                WorkItem.escalation_clock_at,
                WorkItem.status_changed_at,
            )
            .outerjoin(Account, Account.id == WorkItem.account_id)
            .where(WorkItem.status.in_(OPEN_STATUSES), WorkItem.created_at <= now)
            .order_by(WorkItem.due_at.is_(None), WorkItem.due_at, WorkItem.id)
        ).all()
        events = _clock_events(
            s, select(WorkItem.id).where(WorkItem.status.in_(OPEN_STATUSES)), now
        )
    report.open_count = len(rows)
    accounts: set[str] = set()
    for r in rows:
        (item_id, item_type, title, key, account, status, priority, category, channels,
         created_at, due_at, last_follow_up, escalation_clock, status_changed) = r  # fmt: skip
        if account:
            accounts.add(account)

        def add(bucket: str, reason: str, minutes_left: int | None = None) -> None:
            report.buckets[bucket].append(
                TodayEntry(
                    item_id=item_id,  # noqa: B023 - used at once, inside the loop
                    key=key or f"#{item_id}",  # noqa: B023
                    title=title,  # noqa: B023
                    account=account or "",  # noqa: B023
                    item_type=item_type,  # noqa: B023
                    status=status,  # noqa: B023
                    priority=priority,  # noqa: B023
                    bucket=bucket,
                    reason=reason,
                    due_at=due_at,  # noqa: B023
                    minutes_left=minutes_left,
                )
            )

        if due_at is not None and due_at < now:
            late = calendar.business_minutes_between(due_at, now)
            add(
                "overdue",
                f"Due {_when(due_at, calendar)}; {format_minutes(late)} late (business time)",
                -late,
            )
        elif due_at is not None and calendar.local_date(due_at) == today:
            add("due_today", f"Due today at {due_at.astimezone(calendar.zone):%H:%M}")
        if item_type is ItemType.TICKET:
            touched = last_follow_up or created_at
            idle = calendar.business_minutes_between(touched, now)
            if idle > stale_minutes:  # the rule of ItemRow.is_stale
                add(
                    "stale",
                    f"Last follow-up {_when(touched, calendar)}: {format_minutes(idle)} of business "
                    f"time ago (follow up every {rules.stale_after_days} working days)",
                )
        if status is Status.WAITING_FOR_ACCOUNT_MANAGER:
            asked = escalation_clock or status_changed
            allowed = rules.am_response_minutes[priority]
            waited = calendar.business_minutes_between(asked, now)
            if waited >= allowed:
                add(
                    "escalation_due",
                    f"The account manager has not answered for {format_minutes(waited)} "
                    f"({priority.label} priority allows {format_minutes(allowed)}): escalate to management",
                    allowed - waited,
                )
        policy = policy_for(channels or [], category, policies)
        if policy is not None:
            c = clock(policy, created_at, status, events.get(item_id, []), calendar, now)
            if c is not None and c.breached:
                add(
                    "sla_breached",
                    f"{c.policy}: target {format_minutes(c.target_minutes)}, "
                    f"{format_minutes(-c.minutes_left)} over",
                    c.minutes_left,
                )
            elif c is not None and c.near_breach(rules.near_breach_percent):
                add(
                    "sla_near_breach",
                    f"{c.policy}: {format_minutes(c.minutes_left)} left of "
                    f"{format_minutes(c.target_minutes)}"
                    + (" (paused: waiting on the customer)" if c.paused else ""),
                    c.minutes_left,
                )
    report.affected_accounts = sorted(accounts)
    return report
