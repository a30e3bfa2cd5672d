"""The state machine of tasks and tickets and the Jira escalation rules (R6-R9)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from csdesk.core import directory, workflow, workitems
from csdesk.core.db import Database
from csdesk.core.enums import Channel, ItemEventKind, ItemType, Priority, Role, Status
from csdesk.core.errors import ValidationError
from csdesk.core.models import WorkItem
from csdesk.core.workflow import ALLOWED, TICKET_ONLY

S = Status
# After every item the tests create (they are created "now"), so events sort in order.
T0 = dt.datetime(2030, 1, 2, 14, 0, tzinfo=dt.UTC)


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    def add(name: str, *roles: Role) -> int:
        return directory.save_colleague(db, directory.ColleagueInput(name, roles=set(roles)))

    return {
        "me": add("Morgan", Role.ME),
        "am": add("Avery", Role.ACCOUNT_MANAGER),
        "rm": add("Riley", Role.REGIONAL_MANAGER),
        "both": add("Chad", Role.ACCOUNT_MANAGER, Role.REGIONAL_MANAGER),
        "fallback": add("James", Role.ESCALATION_FALLBACK),
    }


def ticket(db: Database, people: dict[str, int], status: Status = S.OPEN, **kw: object) -> int:
    data = workitems.ItemInput(
        "Users cannot log in",
        item_type=ItemType.TICKET,
        assignee_ids=[people["me"]],
        status=status,
        priority=Priority.HIGH,
        account_manager_id=people["am"],
        regional_manager_id=people["rm"],
    )
    for key, value in kw.items():
        setattr(data, key, value)
    return workitems.save_item(db, data)


def status_of(db: Database, item_id: int) -> WorkItem:
    return workitems.get_item(db, item_id)


def make_item(item_type: ItemType, status: Status, prior: Status | None = None) -> WorkItem:
    return WorkItem(
        title="x",
        item_type=item_type,
        status=status,
        prior_waiting_status=prior,
        priority=Priority.HIGH,
        account_manager_id=1,
        regional_manager_id=2,
    )


@pytest.mark.parametrize(("current", "target"), list(itertools.product(Status, Status)))
def test_every_ticket_transition_is_allowed_or_refused_with_a_reason(
    current: Status, target: Status
) -> None:
    item = make_item(ItemType.TICKET, current, prior=S.WAITING_FOR_MANAGEMENT)
    if target == current or target in ALLOWED[current]:
        workflow.check_transition(item, target)
    else:
        with pytest.raises(ValidationError) as info:
            workflow.check_transition(item, target)
        assert f"from “{current.label}” to “{target.label}”" in info.value.message


@pytest.mark.parametrize("target", sorted(TICKET_ONLY))
def test_tasks_never_wait_on_managers_or_support(target: Status) -> None:
    item = make_item(ItemType.TASK, S.OPEN)
    with pytest.raises(ValidationError, match="Only tickets"):
        workflow.check_transition(item, target)
    assert target not in workflow.allowed_targets(ItemType.TASK, S.IN_PROGRESS)


def test_allowed_targets_for_the_board() -> None:
    assert workflow.allowed_targets(ItemType.TICKET, S.WAITING_FOR_ACCOUNT_MANAGER) == [
        S.IN_PROGRESS,
        S.WAITING_FOR_SUPPORT,
        S.WAITING_FOR_MANAGEMENT,
        S.DONE,
        S.CANCELLED,
    ]


def test_waiting_for_am_needs_am_and_rm(db: Database, people: dict[str, int]) -> None:
    item = ticket(db, people, account_manager_id=None, regional_manager_id=None)
    with pytest.raises(ValidationError) as info:
        workflow.change_status(db, item, S.WAITING_FOR_ACCOUNT_MANAGER, now=T0)
    assert "the account manager and the regional manager" in info.value.message
    assert status_of(db, item).status is S.OPEN
    with pytest.raises(ValidationError, match="account manager"):
        ticket(db, people, status=S.WAITING_FOR_ACCOUNT_MANAGER, account_manager_id=None)


def test_am_equal_to_rm_takes_the_fallback(db: Database, people: dict[str, int]) -> None:
    item = ticket(db, people, account_manager_id=people["both"], regional_manager_id=people["both"])
    assert status_of(db, item).regional_manager_id == people["fallback"]
    with db.session() as s:
        rm, note = workflow.resolve_regional_manager(s, people["both"], people["both"])
    assert rm == people["fallback"]
    assert "Chad is both account manager and regional manager" in note
    assert "James" in note


def test_am_equal_to_rm_without_fallback_is_explained(db: Database, people: dict[str, int]) -> None:
    directory.save_colleague(
        db, directory.ColleagueInput("James", roles=set(), id=people["fallback"])
    )
    with pytest.raises(ValidationError, match="none is set"):
        ticket(db, people, account_manager_id=people["both"], regional_manager_id=people["both"])


def test_watcher_cannot_be_the_am(db: Database, people: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="one person cannot be both"):
        ticket(db, people, follower_ids=[people["am"], people["me"]])


def test_customer_reply_and_return_to_the_prior_status(
    db: Database, people: dict[str, int]
) -> None:
    item = ticket(db, people)
    workflow.change_status(db, item, S.WAITING_FOR_ACCOUNT_MANAGER, now=T0)
    clock = status_of(db, item).escalation_clock_at
    assert clock == T0
    later = T0 + dt.timedelta(hours=1)
    assert workflow.customer_replied(db, item, now=later) is S.WAITING_FOR_ACCOUNT_MANAGER
    got = status_of(db, item)
    assert (got.status, got.prior_waiting_status) == (
        S.WAITING_FOR_SUPPORT,
        S.WAITING_FOR_ACCOUNT_MANAGER,
    )
    back = workflow.replied_to_customer(
        db, item, Channel.EMAIL, "Answered", now=later + dt.timedelta(minutes=5)
    )
    assert back is S.WAITING_FOR_ACCOUNT_MANAGER
    got = status_of(db, item)
    assert got.prior_waiting_status is None
    assert got.escalation_clock_at == T0, "the AM's response time is not reset by the reply"
    assert got.last_follow_up_at == later + dt.timedelta(minutes=5)
    kinds = [e.kind for e in got.events]
    assert kinds.count(ItemEventKind.FOLLOW_UP) == 1


def test_reply_without_prior_waits_on_the_customer(db: Database, people: dict[str, int]) -> None:
    item = ticket(db, people, status=S.WAITING_FOR_CUSTOMER)
    assert workflow.customer_replied(db, item, now=T0) is None
    assert workflow.replied_to_customer(db, item, now=T0) is S.WAITING_FOR_CUSTOMER


def test_replied_to_customer_only_from_waiting_for_support(
    db: Database, people: dict[str, int]
) -> None:
    item = ticket(db, people)
    with pytest.raises(ValidationError, match="customer wrote last"):
        workflow.replied_to_customer(db, item, now=T0)


def test_escalation_names_the_rm_and_logs_it(db: Database, people: dict[str, int]) -> None:
    item = ticket(db, people)
    with pytest.raises(ValidationError, match="Only a ticket waiting for its account manager"):
        workflow.escalate(db, item, now=T0)
    workflow.change_status(db, item, S.WAITING_FOR_ACCOUNT_MANAGER, now=T0)
    result = workflow.escalate(db, item, now=T0 + dt.timedelta(days=1))
    assert result == workflow.Escalation("Riley", "regional manager")
    got = status_of(db, item)
    assert got.status is S.WAITING_FOR_MANAGEMENT
    assert got.escalation_clock_at is None
    last = got.events[-1]
    assert last.kind is ItemEventKind.ESCALATION
    assert "Escalated to Riley (regional manager)" in last.note


def test_escalation_to_the_fallback_says_so(db: Database, people: dict[str, int]) -> None:
    item = ticket(db, people, account_manager_id=people["both"], regional_manager_id=people["both"])
    workflow.change_status(db, item, S.WAITING_FOR_ACCOUNT_MANAGER, now=T0)
    assert workflow.escalate(db, item, now=T0) == workflow.Escalation(
        "James", "escalation fallback manager"
    )


def test_management_wait_survives_a_customer_reply(db: Database, people: dict[str, int]) -> None:
    item = ticket(db, people)
    workflow.change_status(db, item, S.WAITING_FOR_ACCOUNT_MANAGER, now=T0)
    workflow.escalate(db, item, now=T0)
    workflow.customer_replied(db, item, now=T0)
    assert workflow.replied_to_customer(db, item, now=T0) is S.WAITING_FOR_MANAGEMENT


def test_support_cannot_jump_to_management_without_having_been_there(
    db: Database, people: dict[str, int]
) -> None:
    item = ticket(db, people, status=S.WAITING_FOR_CUSTOMER)
    workflow.customer_replied(db, item, now=T0)
    with pytest.raises(ValidationError, match="was not waiting for management"):
        workflow.change_status(db, item, S.WAITING_FOR_MANAGEMENT, now=T0)


def test_follow_up_is_recorded_and_refused_on_closed_items(
    db: Database, people: dict[str, int]
) -> None:
    item = ticket(db, people)
    workflow.follow_up(db, item, Channel.SLACK, "Pinged the web team", now=T0)
    got = status_of(db, item)
    assert got.last_follow_up_at == T0
    event = got.events[-1]
    assert (event.kind, event.channel, event.note) == (
        ItemEventKind.FOLLOW_UP,
        Channel.SLACK,
        "Pinged the web team",
    )
    workflow.change_status(db, item, S.DONE, now=T0)
    with pytest.raises(ValidationError, match="closed"):
        workflow.follow_up(db, item, Channel.EMAIL, now=T0)


def test_form_save_goes_through_the_state_machine(db: Database, people: dict[str, int]) -> None:
    item = ticket(db, people, status=S.WAITING_FOR_CUSTOMER)
    data = workitems.ItemInput(
        "Users cannot log in",
        item_type=ItemType.TICKET,
        assignee_ids=[people["me"]],
        status=S.WAITING_FOR_MANAGEMENT,
        account_manager_id=people["am"],
        regional_manager_id=people["rm"],
        id=item,
    )
    with pytest.raises(
        ValidationError, match="cannot go from “Waiting for Customer” to “Waiting for Management”"
    ):
        workitems.save_item(db, data)
    assert status_of(db, item).status is S.WAITING_FOR_CUSTOMER
