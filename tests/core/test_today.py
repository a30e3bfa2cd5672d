"""The Today report on a known calendar (Mon-Fri 09:00-17:00 UTC) at Mon 2026-11-23 15:00."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from csdesk.core import directory, workflow, workitems
from csdesk.core.business_time import BusinessCalendar
from csdesk.core.db import Database
from csdesk.core.enums import Category, Channel, ItemEventKind, ItemType, Priority, Role, Status
from csdesk.core.models import ItemEvent, WorkItem
from csdesk.core.reminders import claim_new
from csdesk.core.rules import RulesConfig, load_rules, save_rules
from csdesk.core.sla import Event, PolicyRow, clock
from csdesk.core.today import today_report

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # a Monday
CAL = BusinessCalendar()


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    add = lambda name, *roles: directory.save_colleague(  # noqa: E731
        db, directory.ColleagueInput(name, roles=set(roles))
    )
    return {"me": add("Morgan", Role.ME), "am": add("Avery"), "rm": add("Riley")}


def item(
    db: Database,
    people: dict[str, int],
    title: str,
    created: dt.datetime,
    item_type: ItemType = ItemType.TICKET,
    **kw: object,
) -> int:
    data = workitems.ItemInput(
        title,
        item_type=item_type,
        assignee_ids=[people["me"]],
        account_manager_id=people["am"],
        regional_manager_id=people["rm"],
        due_at=kw.pop("due_at", at(30, 12)),  # type: ignore[arg-type]
    )
    for key, value in kw.items():
        setattr(data, key, value)
    item_id = workitems.save_item(db, data)
    with db.session() as s:  # back-date the creation, as if it happened then
        s.execute(
            update(WorkItem)
            .where(WorkItem.id == item_id)
            .values(created_at=created, status_changed_at=created)
        )
        for e in s.get_one(WorkItem, item_id).events:
            e.at = created
    return item_id


def titles(report, bucket: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.title for e in report.buckets[bucket]]


def test_overdue_and_due_today(db: Database, people: dict[str, int]) -> None:
    item(db, people, "Overdue task", at(16, 9), ItemType.TASK, due_at=at(20, 12))
    item(db, people, "Due later today", at(16, 9), ItemType.TASK, due_at=at(23, 16, 30))
    item(db, people, "Due tomorrow", at(16, 9), ItemType.TASK, due_at=at(24, 10))
    report = today_report(db, now=NOW, calendar=CAL)
    assert titles(report, "overdue") == ["Overdue task"]
    (late,) = report.buckets["overdue"]
    assert late.minutes_left == -(300 + 360)  # Fri 12-17 and Mon 9-15, in business minutes
    assert "11 h" in late.reason
    assert titles(report, "due_today") == ["Due later today"]


def test_stale_counts_working_days_not_weekends(db: Database, people: dict[str, int]) -> None:
    stale = item(db, people, "Stale ticket", at(18, 10))
    workflow.follow_up(db, stale, Channel.EMAIL, "nudged", now=at(19, 10))
    item(db, people, "Friday ticket", at(20, 16))  # 71 wall-clock hours, 7 working hours
    item(db, people, "A task is never stale", at(10, 10), ItemType.TASK)
    report = today_report(db, now=NOW, calendar=CAL)
    assert titles(report, "stale") == ["Stale ticket"]
    assert "every 2 working days" in report.buckets["stale"][0].reason


def test_escalation_due_by_priority(db: Database, people: dict[str, int]) -> None:
    high = item(db, people, "High waits on AM", at(16, 9), priority=Priority.HIGH)
    medium = item(db, people, "Medium waits on AM", at(16, 9), priority=Priority.MEDIUM)
    for i in (high, medium):
        workflow.change_status(db, i, Status.WAITING_FOR_ACCOUNT_MANAGER, now=at(23, 10))
    report = today_report(db, now=NOW, calendar=CAL)
    assert titles(report, "escalation_due") == ["High waits on AM"]  # 300 >= 240; 300 < 480
    cfg = load_rules(db)
    cfg.am_response_minutes[Priority.MEDIUM] = 120
    save_rules(db, cfg)
    report = today_report(db, now=NOW, calendar=CAL)
    assert sorted(titles(report, "escalation_due")) == ["High waits on AM", "Medium waits on AM"]


def test_escalation_clock_survives_a_customer_reply(db: Database, people: dict[str, int]) -> None:
    t = item(db, people, "Asked the AM", at(16, 9), priority=Priority.HIGH)
    workflow.change_status(db, t, Status.WAITING_FOR_ACCOUNT_MANAGER, now=at(23, 10))
    workflow.customer_replied(db, t, now=at(23, 13))
    workflow.replied_to_customer(db, t, now=at(23, 14))
    report = today_report(db, now=NOW, calendar=CAL)
    assert titles(report, "escalation_due") == ["Asked the AM"]


def test_response_sla_breached_near_and_answered(db: Database, people: dict[str, int]) -> None:
    item(db, people, "Email unanswered", at(20, 14), channels=[Channel.EMAIL])
    item(db, people, "Chat almost late", at(23, 14, 37), channels=[Channel.CHAT])
    answered = item(db, people, "Email answered", at(20, 14), channels=[Channel.EMAIL])
    workflow.follow_up(db, answered, Channel.EMAIL, "replied", now=at(20, 15))
    item(db, people, "No SLA channel", at(2, 9), channels=[Channel.SLACK])
    report = today_report(db, now=NOW, calendar=CAL)
    assert titles(report, "sla_breached") == ["Email unanswered"]
    assert report.buckets["sla_breached"][0].minutes_left == -60
    assert titles(report, "sla_near_breach") == ["Chat almost late"]
    assert report.buckets["sla_near_breach"][0].minutes_left == 7


def test_delivery_clock_pauses_while_waiting_on_the_customer(
    db: Database, people: dict[str, int]
) -> None:
    t = item(db, people, "Training session", at(16, 9), ItemType.TASK, category=Category.TRAINING)
    workflow.change_status(db, t, Status.WAITING_FOR_CUSTOMER, now=at(17, 9))
    workflow.change_status(db, t, Status.IN_PROGRESS, now=at(23, 9))
    report = today_report(db, now=NOW, calendar=CAL)
    assert titles(report, "sla_breached") == []
    policy = PolicyRow(1, "Training", None, Category.TRAINING, 1440)
    events = [
        Event(at(16, 9), ItemEventKind.CREATED, Status.OPEN),
        Event(at(17, 9), ItemEventKind.STATUS_CHANGE, Status.WAITING_FOR_CUSTOMER),
        Event(at(23, 9), ItemEventKind.STATUS_CHANGE, Status.IN_PROGRESS),
    ]
    c = clock(policy, at(16, 9), Status.IN_PROGRESS, events, CAL, NOW)
    assert c is not None
    assert (c.used_minutes, c.minutes_left, c.paused) == (480 + 360, 600, False)
    waiting = clock(policy, at(16, 9), Status.WAITING_FOR_CUSTOMER, events[:2], CAL, NOW)
    assert waiting is not None and waiting.paused and waiting.used_minutes == 480


def test_high_load_names_the_affected_accounts(db: Database, people: dict[str, int]) -> None:
    for n in range(3):
        item(db, people, f"Item {n}", at(20, 9), ItemType.TASK)
    save_rules(db, RulesConfig(high_load_threshold=2))
    report = today_report(db, now=NOW, calendar=CAL)
    assert report.high_load and report.open_count == 3
    data = report.to_json()
    assert data["high_load"]["active"] is True
    assert set(data) >= {
        "overdue",
        "due_today",
        "stale",
        "escalation_due",
        "sla_breached",
        "sla_near_breach",
    }


def test_reminders_fire_once_per_item_and_event(db: Database, people: dict[str, int]) -> None:
    item(db, people, "Overdue task", at(16, 9), ItemType.TASK, due_at=at(20, 12))
    report = today_report(db, now=NOW, calendar=CAL)
    first = claim_new(db, report)
    assert [(r.event, r.title) for r in first] == [("overdue", "#1: Overdue task")]
    assert claim_new(db, today_report(db, now=NOW, calendar=CAL)) == []


def test_closed_and_future_items_are_left_out(db: Database, people: dict[str, int]) -> None:
    done = item(db, people, "Done long ago", at(2, 9), ItemType.TASK, due_at=at(3, 9))
    workflow.change_status(db, done, Status.DONE, now=at(3, 9))
    report = today_report(db, now=NOW, calendar=CAL)
    assert report.open_count == 0 and report.attention_count == 0
    with db.session() as s:
        assert s.query(ItemEvent).count() >= 2
