"""The communication log (R12): logging, validation, search and filters, the account timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from csdesk.core import workflow
from csdesk.core.commlog import (
    SUMMARY_MAX,
    LogFilter,
    LogInput,
    LogRow,
    delete_entry,
    get_entry,
    list_entries,
    local_day_start,
    save_entry,
    timeline,
)
from csdesk.core.db import Database
from csdesk.core.directory import ColleagueInput, save_colleague
from csdesk.core.enums import Channel, Direction, ItemType, LifecycleStage, Priority, Role, Status
from csdesk.core.errors import NotFoundError, ValidationError
from csdesk.core.models import utcnow
from csdesk.core.portfolio import AccountInput, AdminInput, save_account, save_admin
from csdesk.core.workitems import ItemInput, save_item

UTC = dt.UTC
BERLIN = ZoneInfo("Europe/Berlin")
T0 = dt.datetime(2024, 3, 11, 9, 0, tzinfo=UTC)


@dataclass
class World:
    me: int
    north: int
    south: int
    ann: int  # admin of Northwind
    sid: int  # admin of Southwind
    sso: int  # ticket of Northwind
    bill: int  # task of Southwind
    loose: int  # task without account


@pytest.fixture
def w(db: Database) -> World:
    me = save_colleague(db, ColleagueInput(name="Casey CSM", roles={Role.ME}))
    north = save_account(db, AccountInput("Northwind Health"))
    south = save_account(db, AccountInput("Southwind Clinics"))
    ann = save_admin(db, AdminInput(north, "Ann Admin", email="ann@northwind.example"))
    sid = save_admin(db, AdminInput(south, "Sid Admin", email="sid@southwind.example"))
    sso = save_item(
        db,
        ItemInput(
            "SSO broken",
            item_type=ItemType.TICKET,
            account_id=north,
            external_key="CS-7",
            assignee_ids=[me],
        ),
    )
    bill = save_item(db, ItemInput("Invoice query", account_id=south, assignee_ids=[me]))
    loose = save_item(db, ItemInput("Internal chore", assignee_ids=[me]))
    return World(me, north, south, ann, sid, sso, bill, loose)


def log(db: Database, summary: str, at: dt.datetime = T0, **kw: object) -> int:
    kw.setdefault("channel", Channel.EMAIL)
    return save_entry(db, LogInput(summary=summary, occurred_at=at, **kw))  # type: ignore[arg-type]


def summaries(rows: list[LogRow]) -> list[str]:
    return [r.summary for r in rows]


def refused(db: Database, data: LogInput) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        save_entry(db, data)
    return info.value


# ------------------------------------------------------------------ saving


def test_an_entry_round_trips(db: Database, w: World) -> None:
    eid = save_entry(
        db,
        LogInput(
            channel=Channel.CALL,
            summary="  Walked through the SSO setup\nNext: send the metadata file  ",
            account_id=w.north,
            admin_id=w.ann,
            item_id=w.sso,
            counterpart="Ann Admin (IT)",
            direction=Direction.INBOUND,
            occurred_at=dt.datetime(2024, 3, 11, 10, 30, tzinfo=BERLIN),
        ),
    )
    [row] = list_entries(db)
    assert row == get_entry(db, eid)
    assert row.id == eid
    assert row.occurred_at == dt.datetime(2024, 3, 11, 9, 30, tzinfo=UTC)
    assert row.channel is Channel.CALL
    assert row.direction is Direction.INBOUND
    assert row.account == "Northwind Health"
    assert row.counterpart == "Ann Admin (IT)"
    assert row.summary == "Walked through the SSO setup\nNext: send the metadata file"
    assert (row.item_key, row.item_title, row.item_text) == (
        "CS-7",
        "SSO broken",
        "CS-7 SSO broken",
    )
    assert (row.account_id, row.item_id, row.admin_id) == (w.north, w.sso, w.ann)


def test_defaults_now_outbound_and_the_admin_as_counterpart(db: Database, w: World) -> None:
    before = utcnow()
    eid = save_entry(db, LogInput(Channel.WHATSAPP, "Quick check-in", admin_id=w.ann))
    after = utcnow()
    row = get_entry(db, eid)
    assert before <= row.occurred_at <= after
    assert row.direction is Direction.OUTBOUND
    assert row.counterpart == "Ann Admin"
    assert row.account_id == w.north  # taken from the admin


def test_strings_from_qt_are_coerced(db: Database, w: World) -> None:
    eid = save_entry(
        db,
        LogInput("slack", "Pinged", account_id=w.north, direction="internal"),  # type: ignore[arg-type]
    )
    row = get_entry(db, eid)
    assert row.channel is Channel.SLACK
    assert row.direction is Direction.INTERNAL


def test_unknown_channel_or_direction_is_refused(db: Database, w: World) -> None:
    err = refused(db, LogInput("fax", "Sent a fax", account_id=w.north))  # type: ignore[arg-type]
    assert (err.field, err.message) == ("channel", "“fax” is not a known channel.")
    err = refused(db, LogInput(Channel.EMAIL, "x", direction="sideways"))  # type: ignore[arg-type]
    assert err.field == "direction"
    assert list_entries(db) == []


def test_an_item_gives_its_account(db: Database, w: World) -> None:
    eid = log(db, "Commented on the ticket", item_id=w.sso, channel=Channel.TICKET_COMMENT)
    row = get_entry(db, eid)
    assert (row.account_id, row.account, row.item_key) == (w.north, "Northwind Health", "CS-7")


def test_an_item_without_account_keeps_the_chosen_account(db: Database, w: World) -> None:
    eid = log(db, "Mentioned the chore", account_id=w.south, item_id=w.loose)
    row = get_entry(db, eid)
    assert (row.account_id, row.item_key, row.item_title) == (
        w.south,
        f"#{w.loose}",
        "Internal chore",
    )


def test_an_entry_may_have_no_account(db: Database, w: World) -> None:
    eid = log(db, "Team sync", channel=Channel.MEETING, direction=Direction.INTERNAL)
    row = get_entry(db, eid)
    assert (row.account_id, row.account, row.item_key) == (None, "", "")


def test_summary_is_required(db: Database, w: World) -> None:
    err = refused(db, LogInput(Channel.EMAIL, " \n\t ", account_id=w.north))
    assert (err.field, err.message) == ("summary", "Summary cannot be empty.")
    assert list_entries(db) == []


def test_summary_length_is_limited(db: Database, w: World) -> None:
    log(db, "x" * SUMMARY_MAX, account_id=w.north)
    err = refused(db, LogInput(Channel.EMAIL, "x" * (SUMMARY_MAX + 1), occurred_at=T0))
    assert err.field == "summary"
    assert err.message == "Summary is too long (20001 characters; at most 20000)."


def test_counterpart_is_one_line(db: Database, w: World) -> None:
    err = refused(db, LogInput(Channel.EMAIL, "Hi", counterpart="Ann\nBob"))
    assert (err.field, err.message) == ("counterpart", "Counterpart must be on one line.")


def test_a_naive_time_is_refused(db: Database, w: World) -> None:
    err = refused(db, LogInput(Channel.CALL, "Call", occurred_at=dt.datetime(2024, 3, 1, 9, 0)))
    assert err.field == "occurred_at"
    assert "time zone" in err.message


def test_the_future_is_refused_beyond_five_minutes(db: Database, w: World) -> None:
    soon = utcnow() + dt.timedelta(minutes=4)
    log(db, "Clock a little ahead", at=soon, account_id=w.north)
    err = refused(
        db,
        LogInput(Channel.CALL, "Tomorrow's call", occurred_at=utcnow() + dt.timedelta(minutes=6)),
    )
    assert err.field == "occurred_at"
    assert err.message == (
        "The communication is dated in the future. Log what has happened, "
        "with the time it happened."
    )
    assert summaries(list_entries(db)) == ["Clock a little ahead"]


def test_missing_links_are_refused(db: Database, w: World) -> None:
    err = refused(db, LogInput(Channel.EMAIL, "Hi", account_id=99999))
    assert (err.field, err.message) == ("account", "That account no longer exists.")
    err = refused(db, LogInput(Channel.EMAIL, "Hi", item_id=99999))
    assert (err.field, err.message) == ("item", "That task or ticket no longer exists.")
    err = refused(db, LogInput(Channel.EMAIL, "Hi", admin_id=99999))
    assert (err.field, err.message) == ("admin", "That admin no longer exists.")
    assert list_entries(db) == []


def test_the_admin_must_belong_to_the_account(db: Database, w: World) -> None:
    err = refused(db, LogInput(Channel.EMAIL, "Hi", account_id=w.north, admin_id=w.sid))
    assert err.field == "admin"
    assert err.message == (
        "Sid Admin is an admin of another account: choose one of this account's admins."
    )
    # the item names the account; the admin must match it too
    err = refused(db, LogInput(Channel.EMAIL, "Hi", item_id=w.sso, admin_id=w.sid))
    assert err.field == "admin"


def test_the_item_must_belong_to_the_account(db: Database, w: World) -> None:
    err = refused(db, LogInput(Channel.EMAIL, "Hi", account_id=w.south, item_id=w.sso))
    assert err.field == "item"
    assert err.message == (
        "“SSO broken” belongs to Northwind Health, not to the account chosen: "
        "choose that account or another item."
    )


def test_an_entry_is_corrected_and_deleted(db: Database, w: World) -> None:
    eid = log(db, "Draft", account_id=w.north)
    same = save_entry(
        db,
        LogInput(Channel.MEETING, "Quarterly review", account_id=w.south, occurred_at=T0, id=eid),
    )
    assert same == eid
    row = get_entry(db, eid)
    assert (row.summary, row.channel, row.account) == (
        "Quarterly review",
        Channel.MEETING,
        "Southwind Clinics",
    )
    with pytest.raises(NotFoundError):
        save_entry(db, LogInput(Channel.EMAIL, "Ghost", id=99999))
    delete_entry(db, eid)
    assert list_entries(db) == []
    with pytest.raises(NotFoundError):
        delete_entry(db, eid)
    with pytest.raises(NotFoundError):
        get_entry(db, eid)


def test_non_ascii_and_newlines_round_trip(db: Database, w: World) -> None:
    text = "Звонок с Zoë Ødegård 😊\nВторой абзац\n\tindented"
    eid = log(db, text, counterpart="Zoë Ødegård", account_id=w.north)
    row = get_entry(db, eid)
    assert (row.summary, row.counterpart) == (text, "Zoë Ødegård")


# ------------------------------------------------------------------ list & filters


@pytest.fixture
def logged(db: Database, w: World) -> World:
    log(db, "Sent the renewal quote", at=T0, account_id=w.north, counterpart="Ann Admin")
    log(
        db,
        "Call about SSO metadata",
        at=T0 + dt.timedelta(hours=1),
        channel=Channel.CALL,
        direction=Direction.INBOUND,
        item_id=w.sso,
    )
    log(
        db,
        "Invoice 100% paid",
        at=T0 + dt.timedelta(hours=2),
        account_id=w.south,
        counterpart="Sid Admin",
        channel=Channel.SLACK,
    )
    log(
        db,
        "Renewal reminder",
        at=T0 - dt.timedelta(days=1),
        account_id=w.south,
        channel=Channel.EMAIL,
        direction=Direction.INBOUND,
    )
    return w


def test_newest_first_and_limit(db: Database, logged: World) -> None:
    assert summaries(list_entries(db)) == [
        "Invoice 100% paid",
        "Call about SSO metadata",
        "Sent the renewal quote",
        "Renewal reminder",
    ]
    assert summaries(list_entries(db, limit=2)) == ["Invoice 100% paid", "Call about SSO metadata"]


def test_equal_times_put_the_later_entry_first(db: Database, w: World) -> None:
    log(db, "first", account_id=w.north)
    log(db, "second", account_id=w.north)
    assert summaries(list_entries(db)) == ["second", "first"]


def test_search_needs_every_word(db: Database, logged: World) -> None:
    def found(text: str) -> list[str]:
        return summaries(list_entries(db, LogFilter(search=text)))

    assert found("renewal") == ["Sent the renewal quote", "Renewal reminder"]
    assert found("RENEWAL quote") == ["Sent the renewal quote"]
    assert found("renewal southwind") == ["Renewal reminder"]  # account name
    assert found("sid") == ["Invoice 100% paid"]  # counterpart
    assert found("ann northwind quote") == ["Sent the renewal quote"]
    assert found("renewal nothing") == []
    assert found("100%") == ["Invoice 100% paid"]
    assert found("0%p") == []  # % is a character here, not a wildcard
    assert found("   ") == summaries(list_entries(db))


def test_filter_by_account_channel_direction_item(db: Database, logged: World) -> None:
    w = logged

    def found(**kw: object) -> list[str]:
        return summaries(list_entries(db, LogFilter(**kw)))  # type: ignore[arg-type]

    assert found(account_id=w.north) == ["Call about SSO metadata", "Sent the renewal quote"]
    assert found(account_id=w.south, channel=Channel.EMAIL) == ["Renewal reminder"]
    assert found(channel="slack") == ["Invoice 100% paid"]
    assert found(direction=Direction.INBOUND) == ["Call about SSO metadata", "Renewal reminder"]
    assert found(item_id=w.sso) == ["Call about SSO metadata"]
    assert found(account_id=w.north, search="invoice") == []


def test_period_is_inclusive_local_calendar_days(db: Database, w: World) -> None:
    # Berlin is UTC+1 in early March 2024: local days start at 23:00 UTC the day before.
    for label, at in [
        ("before", dt.datetime(2024, 3, 9, 22, 59, 59, tzinfo=UTC)),  # 9 March 23:59:59 local
        ("first", dt.datetime(2024, 3, 9, 23, 0, tzinfo=UTC)),  # 10 March 00:00 local
        ("last", dt.datetime(2024, 3, 12, 22, 59, 59, 999999, tzinfo=UTC)),  # 12 March 23:59
        ("after", dt.datetime(2024, 3, 12, 23, 0, tzinfo=UTC)),  # 13 March 00:00 local
    ]:
        log(db, label, at=at, account_id=w.north)

    def found(since: dt.date | None, until: dt.date | None) -> list[str]:
        return summaries(list_entries(db, LogFilter(since=since, until=until, tz=BERLIN)))

    d10, d12 = dt.date(2024, 3, 10), dt.date(2024, 3, 12)
    assert found(d10, d12) == ["last", "first"]
    assert found(d10, None) == ["after", "last", "first"]
    assert found(None, d12) == ["last", "first", "before"]
    assert found(d12, d12) == ["last"]
    with pytest.raises(ValidationError) as info:
        found(d12, d10)
    assert (info.value.field, info.value.message) == ("until", "The period ends before it starts.")


def test_period_defaults_to_the_computers_time_zone(db: Database, w: World) -> None:
    day = dt.date(2024, 5, 2)
    start = local_day_start(day)
    assert start.tzinfo is not None
    assert start.astimezone().replace(tzinfo=None) == dt.datetime(2024, 5, 2)
    log(db, "just before", at=start - dt.timedelta(microseconds=1), account_id=w.north)
    log(db, "at midnight", at=start, account_id=w.north)
    log(
        db,
        "end of day",
        at=local_day_start(day + dt.timedelta(days=1)) - dt.timedelta(seconds=1),
        account_id=w.north,
    )
    rows = list_entries(db, LogFilter(since=day, until=day))
    assert summaries(rows) == ["end of day", "at midnight"]


# ------------------------------------------------------------------ timeline


def test_timeline_merges_log_items_and_stages_newest_first(db: Database, w: World) -> None:
    am = save_colleague(db, ColleagueInput(name="Mary Manager", roles={Role.ACCOUNT_MANAGER}))
    rm = save_colleague(db, ColleagueInput(name="Rita Regional", roles={Role.REGIONAL_MANAGER}))
    acc = save_account(db, AccountInput("Eastwind"))
    ticket = save_item(
        db,
        ItemInput(
            "Cannot log in",
            item_type=ItemType.TICKET,
            account_id=acc,
            priority=Priority.HIGH,
            account_manager_id=am,
            regional_manager_id=rm,
            assignee_ids=[w.me],
        ),
    )
    # a plain edit (no status change) is not part of the story
    save_item(
        db,
        ItemInput(
            "Cannot log in",
            item_type=ItemType.TICKET,
            account_id=acc,
            priority=Priority.HIGH,
            account_manager_id=am,
            regional_manager_id=rm,
            assignee_ids=[w.me],
            id=ticket,
        ),
    )
    save_account(db, AccountInput("Eastwind", stage=LifecycleStage.ADOPTION, id=acc), "Casey")
    now = utcnow()
    workflow.follow_up(
        db, ticket, Channel.EMAIL, "asked for a HAR file", now=now + dt.timedelta(hours=1)
    )
    workflow.change_status(
        db, ticket, Status.WAITING_FOR_ACCOUNT_MANAGER, now=now + dt.timedelta(hours=2)
    )
    workflow.escalate(db, ticket, now=now + dt.timedelta(hours=3))
    log(
        db,
        "Kick-off call",
        at=now - dt.timedelta(days=2),
        account_id=acc,
        channel=Channel.CALL,
        counterpart="Eve Admin",
    )
    # other accounts' stories stay out
    log(db, "Not Eastwind", at=now - dt.timedelta(days=1), account_id=w.north)
    workflow.follow_up(db, w.sso, Channel.EMAIL, now=now + dt.timedelta(hours=4))

    rows = timeline(db, acc)
    assert [(r.kind, r.label) for r in rows] == [
        ("item", "Escalation"),
        ("item", "Status change"),
        ("item", "Follow-up"),
        ("stage", "Lifecycle"),
        ("item", "Item created"),
        ("stage", "Lifecycle"),
        ("log", "Call (outbound)"),
    ]
    assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)
    key = f"#{ticket}"
    assert rows[0].text.startswith(f"{key} Cannot log in — Escalated to Rita Regional")
    assert rows[1].text == f"{key} Cannot log in: Open → Waiting for Account Manager"
    assert rows[2].text == f"{key} Cannot log in: followed up by email — asked for a HAR file"
    assert rows[3].text == "Stage: Adoption & relationship (by Casey)"
    assert rows[4].text == f"{key} Cannot log in: created (Open)"
    assert rows[5].text == "Stage: Onboarding"
    assert rows[6].text == "Eve Admin: Kick-off call"
    assert rows[6].entry_id is not None
    assert all(r.item_id == ticket for r in rows if r.kind == "item")


def test_timeline_of_an_unknown_account(db: Database) -> None:
    with pytest.raises(NotFoundError):
        timeline(db, 99999)


def test_timeline_of_a_quiet_account_has_its_first_stage(db: Database) -> None:
    acc = save_account(db, AccountInput("Quiet Co"))
    [row] = timeline(db, acc)
    assert (row.kind, row.text) == ("stage", "Stage: Onboarding")
