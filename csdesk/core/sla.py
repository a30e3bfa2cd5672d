"""SLA clocks in business time (R10, seed 004).

Two kinds of policy, told apart by what they match:

* a **channel** policy (email: one business day, chat: 30 minutes) is a
  *response* clock: it runs from the moment the item needs our answer (created,
  or the customer replied) until we respond (a follow-up, or a move to a
  waiting or closed status);
* a **category** policy (services: training, setup, reports, template upload,
  integration help, 1-3 business days) is a *delivery* clock: it runs from
  creation until the item is done, and pauses while the item waits on the
  customer.

A category policy wins over a channel policy; among several channel policies
the tightest applies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from csdesk.core.business_time import BusinessCalendar
from csdesk.core.db import Database
from csdesk.core.enums import CLOSED_STATUSES, Category, Channel, ItemEventKind, Status
from csdesk.core.errors import NotFoundError, ValidationError
from csdesk.core.models import SlaPolicy

RESPONDED = frozenset(
    {
        Status.WAITING_FOR_CUSTOMER,
        Status.WAITING_FOR_ACCOUNT_MANAGER,
        Status.WAITING_FOR_MANAGEMENT,
        *CLOSED_STATUSES,
    }
)


@dataclass(frozen=True, slots=True)
class PolicyRow:
    id: int
    name: str
    channel: Channel | None
    category: Category | None
    business_minutes: int

    @property
    def kind(self) -> str:
        return "delivery" if self.category is not None else "response"


@dataclass(frozen=True, slots=True)
class Event:
    """The part of an item's history an SLA clock reads."""

    at: dt.datetime
    kind: ItemEventKind
    to_status: Status | None


@dataclass(frozen=True, slots=True)
class SlaClock:
    policy: str
    kind: str
    target_minutes: int
    used_minutes: int
    paused: bool

    @property
    def minutes_left(self) -> int:
        return self.target_minutes - self.used_minutes

    @property
    def breached(self) -> bool:
        return self.minutes_left < 0

    def near_breach(self, percent: int) -> bool:
        return not self.breached and self.minutes_left * 100 < self.target_minutes * percent


def list_policies(db: Database) -> list[PolicyRow]:
    with db.session() as s:
        return [
            PolicyRow(p.id, p.name, p.channel, p.category, p.business_minutes)
            for p in s.scalars(select(SlaPolicy).order_by(SlaPolicy.id))
        ]


def save_policy_minutes(db: Database, policy_id: int, minutes: int) -> None:
    if minutes <= 0:
        raise ValidationError("An SLA target must be more than zero minutes.", "sla")
    with db.session() as s:
        policy = s.get(SlaPolicy, policy_id)
        if policy is None:
            raise NotFoundError("That SLA policy no longer exists.")
        policy.business_minutes = minutes


def policy_for(
    channels: Sequence[str], category: Category, policies: Sequence[PolicyRow]
) -> PolicyRow | None:
    for p in policies:
        if p.category is not None and p.category == category:
            return p
    # (a Channel is the str it is stored as: no ``.value``, a slow property, per policy and item)
    matching = [p for p in policies if p.channel is not None and p.channel in channels]
    return min(matching, key=lambda p: p.business_minutes, default=None)


def clock(
    policy: PolicyRow,
    created_at: dt.datetime,
    status: Status,
    events: Sequence[Event],
    calendar: BusinessCalendar,
    now: dt.datetime,
) -> SlaClock | None:
    """The clock of one open item at ``now``; None when nothing is owed (already answered)."""
    if status in CLOSED_STATUSES:
        return None
    history = sorted(events, key=lambda e: e.at)
    if policy.kind == "response":
        start = created_at
        for e in history:
            if e.kind is ItemEventKind.STATUS_CHANGE and e.to_status is Status.WAITING_FOR_SUPPORT:
                start = max(start, e.at)
        answered = any(
            e.at >= start
            and (
                e.kind in (ItemEventKind.FOLLOW_UP, ItemEventKind.ESCALATION)
                or (e.kind is ItemEventKind.STATUS_CHANGE and e.to_status in RESPONDED)
            )
            for e in history
        )
        if answered or status in RESPONDED:
            return None
        used = calendar.business_minutes_between(start, now)
        return SlaClock(policy.name, "response", policy.business_minutes, used, False)
    # delivery: creation to done, paused while waiting on the customer
    used = calendar.business_minutes_between(created_at, now)
    waiting_since: dt.datetime | None = None
    for e in history:
        if e.kind not in (
            ItemEventKind.STATUS_CHANGE,
            ItemEventKind.CREATED,
            ItemEventKind.ESCALATION,
        ):
            continue
        if e.to_status is Status.WAITING_FOR_CUSTOMER and waiting_since is None:
            waiting_since = max(e.at, created_at)
        elif e.to_status is not Status.WAITING_FOR_CUSTOMER and waiting_since is not None:
            used -= calendar.business_minutes_between(waiting_since, min(e.at, now))
            waiting_since = None
    paused = status is Status.WAITING_FOR_CUSTOMER
    if waiting_since is not None:
        used -= calendar.business_minutes_between(waiting_since, now)
    return SlaClock(policy.name, "delivery", policy.business_minutes, max(used, 0), paused)
