"""The one state machine of tasks and tickets, and the actions around it (R4, R6-R9).

Every status change - the form, the board, Today's buttons, imports - goes
through :func:`apply_status`, which refuses an illegal move with a reason and
records it on the item's history. The escalation rules of seed 003:

* *Waiting for Account Manager* needs a ticket with an AM, an RM (or, when the
  AM is the RM, the escalation fallback manager) and a priority; the priority
  sets the AM's response time (rules.RulesConfig), counted from
  ``escalation_clock_at``.
* When the response time passes, :func:`escalate` moves the ticket to
  *Waiting for Management*, naming the RM or fallback, and logs it.
* A customer reply moves the ticket to *Waiting for Support* and remembers the
  waiting status it left; "Replied to customer" returns it there (R9).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from csdesk.core.db import Database
from csdesk.core.enums import (
    CLOSED_STATUSES,
    Channel,
    ItemEventKind,
    ItemType,
    Role,
    Status,
)
from csdesk.core.errors import NotFoundError, ValidationError
from csdesk.core.models import Colleague, ColleagueRole, ItemEvent, WorkItem, utcnow

S = Status
WAITING_ON_MANAGERS = frozenset({S.WAITING_FOR_ACCOUNT_MANAGER, S.WAITING_FOR_MANAGEMENT})
TICKET_ONLY = frozenset({S.WAITING_FOR_SUPPORT, *WAITING_ON_MANAGERS})
# where a ticket keeps its prior waiting status (R9) and its escalation clock (R8)
_KEEPS_PRIOR = frozenset({*WAITING_ON_MANAGERS, S.WAITING_FOR_SUPPORT})
_KEEPS_CLOCK = frozenset({S.WAITING_FOR_ACCOUNT_MANAGER, S.WAITING_FOR_SUPPORT})

ALLOWED: dict[Status, frozenset[Status]] = {
    S.OPEN: frozenset(
        {S.IN_PROGRESS, S.WAITING_FOR_CUSTOMER, S.WAITING_FOR_ACCOUNT_MANAGER, S.DONE, S.CANCELLED}
    ),
    S.IN_PROGRESS: frozenset(
        {S.OPEN, S.WAITING_FOR_CUSTOMER, S.WAITING_FOR_ACCOUNT_MANAGER, S.DONE, S.CANCELLED}
    ),
    S.WAITING_FOR_CUSTOMER: frozenset({S.IN_PROGRESS, S.WAITING_FOR_SUPPORT, S.DONE, S.CANCELLED}),
    S.WAITING_FOR_SUPPORT: frozenset(
        {
            S.IN_PROGRESS,
            S.WAITING_FOR_CUSTOMER,
            S.WAITING_FOR_ACCOUNT_MANAGER,
            S.WAITING_FOR_MANAGEMENT,  # only back to it, after answering the customer
            S.DONE,
            S.CANCELLED,
        }
    ),
    S.WAITING_FOR_ACCOUNT_MANAGER: frozenset(
        {S.WAITING_FOR_MANAGEMENT, S.WAITING_FOR_SUPPORT, S.IN_PROGRESS, S.DONE, S.CANCELLED}
    ),
    S.WAITING_FOR_MANAGEMENT: frozenset(
        {S.WAITING_FOR_SUPPORT, S.IN_PROGRESS, S.DONE, S.CANCELLED}
    ),
    S.DONE: frozenset({S.OPEN, S.IN_PROGRESS}),
    S.CANCELLED: frozenset({S.OPEN}),
}

_HINTS: dict[Status, str] = {
    S.WAITING_FOR_MANAGEMENT: (
        "Escalate to management only from “Waiting for Account Manager”, when the AM has "
        "not answered in time (or return there after answering the customer)."
    ),
    S.WAITING_FOR_SUPPORT: "“Waiting for Support” means the customer replied to a ticket that was waiting on them or on a manager.",
    S.WAITING_FOR_ACCOUNT_MANAGER: "Ask the account manager from an open ticket.",
}


def allowed_targets(item_type: ItemType, current: Status) -> list[Status]:
    """The statuses a user may move an item to, in the enum's order (for menus and the board)."""
    return [
        s
        for s in Status
        if s in ALLOWED[current] and (item_type is ItemType.TICKET or s not in TICKET_ONLY)
    ]


def escalation_fallback(s: Session) -> Colleague | None:
    return s.scalars(
        select(Colleague).join(ColleagueRole).where(ColleagueRole.role == Role.ESCALATION_FALLBACK)
    ).first()


def resolve_regional_manager(
    s: Session, am_id: int | None, rm_id: int | None
) -> tuple[int | None, str]:
    """R6: when the AM is also the RM, the RM field takes the escalation fallback manager.

    Returns the RM to store and a sentence for the form ("" when nothing changed).
    """
    if am_id is None or rm_id is None or am_id != rm_id:
        return rm_id, ""
    am = s.get(Colleague, am_id)
    fallback = escalation_fallback(s)
    name = am.name if am else "The account manager"
    if fallback is None:
        raise ValidationError(
            f"{name} is both the account manager and the regional manager. Escalations then go "
            "to the escalation fallback manager, but none is set: give someone that role in "
            "the Directory.",
            "regional_manager",
        )
    if fallback.id == am_id:
        raise ValidationError(
            f"{name} is the account manager, the regional manager and the escalation fallback: "
            "there is nobody to escalate to. Choose another regional manager.",
            "regional_manager",
        )
    return fallback.id, (
        f"{name} is both account manager and regional manager, so the regional manager field "
        f"holds the escalation fallback manager, {fallback.name} (R6)."
    )


def _require_for(item: WorkItem, target: Status) -> None:
    if type(item.item_type) is not ItemType:  # (an import's new items have the member)
        item.item_type = ItemType(item.item_type)
    kind = "A task" if item.item_type is ItemType.TASK else "A ticket"
    if target in TICKET_ONLY and item.item_type is not ItemType.TICKET:
        raise ValidationError(
            f"Only tickets can be “{target.label}”: that status belongs to the Jira escalation "
            "procedure. Make this item a ticket first.",
            "status",
        )
    if target is S.WAITING_FOR_ACCOUNT_MANAGER:
        missing = []
        if item.account_manager_id is None:
            missing.append("the account manager")
        if item.regional_manager_id is None:
            missing.append("the regional manager (or the escalation fallback)")
        if item.priority is None:
            missing.append("a priority")
        if missing:
            raise ValidationError(
                f"{kind} can wait for the account manager only when it names "
                + " and ".join(missing)
                + ": the priority sets how long the AM has to answer.",
                "account_manager",
            )
    if target is S.WAITING_FOR_MANAGEMENT and item.regional_manager_id is None:
        raise ValidationError(
            "Escalating to management needs the regional manager (or the escalation fallback) "
            "on the ticket.",
            "regional_manager",
        )


def check_transition(item: WorkItem, target: Status) -> None:
    """Raise ValidationError, in plain words, when ``item`` may not move to ``target``."""
    current, target = Status(item.status), Status(target)
    if target == current:
        return
    _require_for(item, target)
    if target not in ALLOWED[current]:
        hint = _HINTS.get(target, "")
        raise ValidationError(
            f"{'A ticket' if item.item_type is ItemType.TICKET else 'A task'} cannot go from "
            f"“{current.label}” to “{target.label}”. {hint}".strip(),
            "status",
        )
    if (
        current is S.WAITING_FOR_SUPPORT
        and target is S.WAITING_FOR_MANAGEMENT
        and item.prior_waiting_status is not S.WAITING_FOR_MANAGEMENT
    ):
        raise ValidationError(
            "This ticket was not waiting for management before the customer replied. "
            + _HINTS[S.WAITING_FOR_MANAGEMENT],
            "status",
        )


def apply_status(
    item: WorkItem,
    target: Status,
    now: dt.datetime,
    actor: str = "",
    note: str = "",
    creating: bool = False,
    kind: ItemEventKind = ItemEventKind.STATUS_CHANGE,
) -> None:
    """Move ``item`` to ``target`` with every side effect, or refuse with a reason.

    ``creating`` (a new item, an import) checks the target's requirements but not the
    path, since the item did not come from anywhere.
    """
    if type(target) is not Status:
        target = Status(target)
    old = Status(item.status) if not creating else None
    if creating:
        _require_for(item, target)
    else:
        check_transition(item, target)
        if old == target:
            return
    # R9: remember which manager the ticket was waiting on when the customer replied.
    if target is S.WAITING_FOR_SUPPORT and old in WAITING_ON_MANAGERS:
        item.prior_waiting_status = old
    elif old is S.WAITING_FOR_SUPPORT or target not in _KEEPS_PRIOR:
        item.prior_waiting_status = None
    # R8: the AM's response time runs from the request, through a customer reply and back.
    returning = old is S.WAITING_FOR_SUPPORT and target in WAITING_ON_MANAGERS
    if target is S.WAITING_FOR_ACCOUNT_MANAGER and not (returning and item.escalation_clock_at):
        item.escalation_clock_at = now
    elif target not in _KEEPS_CLOCK:
        item.escalation_clock_at = None
    item.status = target
    item.status_changed_at = now
    if target in CLOSED_STATUSES:
        if old is None or old not in CLOSED_STATUSES:
            item.done_at = now
    else:
        item.done_at = None
    # An item may name the class of its history entries: the imports' new tickets are
    # in-memory rows written in bulk, whose events are such rows too (no ORM object each).
    event_type = getattr(item, "event_type", ItemEvent)
    item.events.append(
        event_type(
            kind=ItemEventKind.CREATED if creating else kind,
            at=now,
            from_status=old,
            to_status=target,
            actor=actor,
            note=note,
        )
    )


# ------------------------------------------------------------------ actions


def _load(s: Session, item_id: int) -> WorkItem:
    item = s.get(WorkItem, item_id, options=[selectinload(WorkItem.events)])
    if item is None:
        raise NotFoundError("That task or ticket no longer exists.")
    return item


def change_status(
    db: Database,
    item_id: int,
    target: Status,
    actor: str = "",
    note: str = "",
    now: dt.datetime | None = None,
) -> None:
    with db.session() as s:
        apply_status(_load(s, item_id), target, now or utcnow(), actor, note)


def follow_up(
    db: Database,
    item_id: int,
    channel: Channel,
    note: str = "",
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    """R4/R5: record a follow-up (time, channel, note); it resets the 48-hour clock."""
    at = now or utcnow()
    with db.session() as s:
        item = _load(s, item_id)
        if item.status in CLOSED_STATUSES:
            raise ValidationError("This item is closed: reopen it before following up.")
        item.last_follow_up_at = at
        item.events.append(
            ItemEvent(kind=ItemEventKind.FOLLOW_UP, at=at, channel=channel, note=note, actor=actor)
        )


def customer_replied(
    db: Database, item_id: int, note: str = "", actor: str = "", now: dt.datetime | None = None
) -> Status | None:
    """R9: the customer answered; returns the waiting status remembered (None if none)."""
    with db.session() as s:
        item = _load(s, item_id)
        apply_status(
            item, S.WAITING_FOR_SUPPORT, now or utcnow(), actor, note or "Customer replied"
        )
        return item.prior_waiting_status


def replied_to_customer(
    db: Database,
    item_id: int,
    channel: Channel = Channel.TICKET_COMMENT,
    note: str = "",
    actor: str = "",
    now: dt.datetime | None = None,
) -> Status:
    """R9: after answering the customer, return to the prior waiting status (or wait on them)."""
    at = now or utcnow()
    with db.session() as s:
        item = _load(s, item_id)
        if item.status is not S.WAITING_FOR_SUPPORT:
            raise ValidationError(
                "“Replied to customer” is for a ticket waiting for support (the customer wrote last)."
            )
        target = item.prior_waiting_status or S.WAITING_FOR_CUSTOMER
        item.last_follow_up_at = at
        item.events.append(
            ItemEvent(
                kind=ItemEventKind.FOLLOW_UP,
                at=at,
                channel=channel,
                note=note or "Replied to customer",
                actor=actor,
            )
        )
        apply_status(item, target, at, actor, "Back to the prior waiting status after the reply")
        return target


@dataclass(frozen=True)
class Escalation:
    to_name: str
    to_role: str


def escalate(
    db: Database, item_id: int, note: str = "", actor: str = "", now: dt.datetime | None = None
) -> Escalation:
    """R8: move a ticket waiting on its AM to Waiting for Management, naming who is asked."""
    with db.session() as s:
        item = _load(s, item_id)
        if item.status is not S.WAITING_FOR_ACCOUNT_MANAGER:
            raise ValidationError(
                "Only a ticket waiting for its account manager can be escalated to management."
            )
        rm = s.get(Colleague, item.regional_manager_id) if item.regional_manager_id else None
        if rm is None:
            raise ValidationError(
                "Escalating to management needs the regional manager (or the escalation "
                "fallback) on the ticket.",
                "regional_manager",
            )
        fallback = escalation_fallback(s)
        role = (
            "escalation fallback manager"
            if fallback and fallback.id == rm.id
            else "regional manager"
        )
        text = f"Escalated to {rm.name} ({role}): the account manager did not answer in time."
        apply_status(
            item,
            S.WAITING_FOR_MANAGEMENT,
            now or utcnow(),
            actor,
            f"{text} {note}".strip(),
            kind=ItemEventKind.ESCALATION,
        )
        return Escalation(rm.name, role)
