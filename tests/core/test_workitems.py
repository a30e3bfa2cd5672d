"""Tasks and tickets: R2 (never unassigned), R3 (due dates), R4 (stale), R7, history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from csdesk.core.db import Database
from csdesk.core.directory import (
    ColleagueInput,
    ContactInput,
    DepartmentInput,
    list_colleagues,
    open_items_of,
    save_colleague,
    save_department,
)
from csdesk.core.enums import (
    Category,
    Channel,
    ItemEventKind,
    ItemType,
    Priority,
    Role,
    Status,
)
from csdesk.core.errors import KnownError, NotFoundError, ValidationError
from csdesk.core.models import UTCDateTime, WorkItem, utcnow
from csdesk.core.portfolio import AccountInput, save_account
from csdesk.core.workitems import (
    DEFAULT_DUE_HOURS,
    ItemInput,
    ItemRow,
    default_assignee_ids,
    default_due,
    delete_item,
    filter_rows,
    get_item,
    list_items,
    list_kinds,
    save_item,
    search_text,
)

UTC = dt.UTC


def person(db: Database, name: str, *roles: Role) -> int:
    return save_colleague(db, ColleagueInput(name=name, roles=set(roles)))


@pytest.fixture
def me(db: Database) -> int:
    return person(db, "Casey CSM", Role.ME)


def kind_id(db: Database, name: str) -> int:
    return next(k.id for k in list_kinds(db) if k.name == name)


def titles(rows: list[ItemRow]) -> list[str]:
    return [r.title for r in rows]


# ------------------------------------------------------------------ R2


def test_an_item_without_assignee_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        save_item(db, ItemInput("Nobody's job"))
    err = info.value
    assert err.field == "assignees"
    assert err.message == (
        "A task is never left unassigned. "
        "Assign the department contact who will do the work, and yourself and your CSS."
    )
    assert list_items(db) == []


def test_the_refusal_names_the_department_contact(db: Database) -> None:
    ann = person(db, "Ann Analyst")
    ben = person(db, "Ben Billing")
    cat = person(db, "Cat Cashier")
    did = save_department(
        db,
        DepartmentInput(
            "Billing",
            contacts=[ContactInput(ann), ContactInput(ben, is_primary=True), ContactInput(cat)],
        ),
    )
    with pytest.raises(ValidationError) as info:
        save_item(db, ItemInput("Invoice question", department_id=did))
    msg = info.value.message
    assert info.value.field == "assignees"
    # the primary first, then the next; never more than two
    assert "Ben Billing or Ann Analyst" in msg
    assert "Cat Cashier" not in msg
    assert "yourself and your CSS" in msg
    assert list_items(db) == []


def test_unknown_assignee_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        save_item(db, ItemInput("Ghost work", assignee_ids=[9999]))
    assert info.value.field == "assignees"
    assert list_items(db) == []


def test_an_update_cannot_remove_every_assignee(db: Database, me: int) -> None:
    iid = save_item(db, ItemInput("Keep me", assignee_ids=[me]))
    with pytest.raises(ValidationError):
        save_item(db, ItemInput("Keep me", assignee_ids=[], id=iid))
    assert [c.id for c in get_item(db, iid).assignees] == [me]


def test_default_assignee_ids_are_me_and_my_css(db: Database) -> None:
    me = person(db, "Casey CSM", Role.ME)
    css = person(db, "Sam CSS", Role.CSS)
    both_roles = person(db, "Team Lead", Role.TEAM_LEAD, Role.IT)
    assert sorted(default_assignee_ids(db)) == sorted([me, css])
    assert both_roles not in default_assignee_ids(db)


def test_default_assignee_ids_empty_directory(db: Database) -> None:
    assert default_assignee_ids(db) == []


# ------------------------------------------------------------------ R3


def test_reference_kinds_carry_their_durations(db: Database) -> None:
    kinds = {k.name: k.default_due_hours for k in list_kinds(db)}
    assert kinds["New website page with content"] == 240
    assert kinds["General request"] == 48
    assert list(kinds) == sorted(kinds)


def test_default_due_is_48_hours(db: Database, me: int) -> None:
    before = utcnow()
    iid = save_item(db, ItemInput("Quick one", assignee_ids=[me]))
    after = utcnow()
    due = get_item(db, iid).due_at
    assert due is not None
    assert due.tzinfo is not None
    assert before + dt.timedelta(hours=48) <= due <= after + dt.timedelta(hours=48)
    assert DEFAULT_DUE_HOURS == 48


def test_default_due_follows_the_kind(db: Database, me: int) -> None:
    web = kind_id(db, "New website page with content")
    before = utcnow()
    iid = save_item(db, ItemInput("New careers page", kind_id=web, assignee_ids=[me]))
    after = utcnow()
    item = get_item(db, iid)
    assert item.kind is not None
    assert item.kind.name == "New website page with content"
    assert item.due_at is not None
    assert before + dt.timedelta(hours=240) <= item.due_at <= after + dt.timedelta(hours=240)


def test_default_due_function(db: Database) -> None:
    now = dt.datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    web = kind_id(db, "New website page with content")
    report = kind_id(db, "Report")
    assert default_due(db, None, now) == now + dt.timedelta(hours=48)
    assert default_due(db, web, now) == dt.datetime(2026, 5, 14, 9, 0, tzinfo=UTC)
    assert default_due(db, report, now) == now + dt.timedelta(hours=72)
    assert default_due(db, 99999, now) == now + dt.timedelta(hours=48)


def test_explicit_due_is_kept(db: Database, me: int) -> None:
    web = kind_id(db, "New website page with content")
    berlin = dt.timezone(dt.timedelta(hours=2))
    due = dt.datetime(2026, 7, 1, 17, 30, tzinfo=berlin)
    iid = save_item(db, ItemInput("Fixed date", kind_id=web, due_at=due, assignee_ids=[me]))
    stored = get_item(db, iid).due_at
    assert stored == due
    assert stored == dt.datetime(2026, 7, 1, 15, 30, tzinfo=UTC)
    assert stored is not None
    assert stored.utcoffset() == dt.timedelta(0)


# ------------------------------------------------------------------ fields, R7


def test_fields_are_saved(db: Database, me: int) -> None:
    css = person(db, "Sam CSS", Role.CSS)
    am = person(db, "Mary Manager", Role.ACCOUNT_MANAGER)
    rm = person(db, "Rita Regional", Role.REGIONAL_MANAGER)
    aid = save_account(db, AccountInput("Northwind"))
    iid = save_item(
        db,
        ItemInput(
            "  SSO broken  ",
            item_type=ItemType.TICKET,
            description="Users bounce\x00 at login",
            account_id=aid,
            priority=Priority.HIGHEST,
            category=Category.LOGIN_PROBLEM,
            channels=[Channel.TICKET, Channel.SLACK],
            external_url="https://jira.example/browse/CS-1",
            external_key="CS-1",
            assignee_ids=[me, css, me],
            follower_ids=[css, me],
            account_manager_id=am,
            regional_manager_id=rm,
        ),
        actor="Casey",
    )
    item = get_item(db, iid)
    assert item.title == "SSO broken"
    assert item.description == "Users bounce at login"
    assert item.item_type is ItemType.TICKET
    assert item.priority is Priority.HIGHEST
    assert item.category is Category.LOGIN_PROBLEM
    assert item.channels == ["ticket", "slack"]
    assert (item.external_url, item.external_key) == ("https://jira.example/browse/CS-1", "CS-1")
    assert [c.name for c in item.assignees] == ["Casey CSM", "Sam CSS"]
    assert [c.name for c in item.followers] == ["Casey CSM", "Sam CSS"]
    assert (item.account_manager_id, item.regional_manager_id) == (am, rm)
    assert item.account is not None
    assert item.account.name == "Northwind"
    assert [(e.kind, e.to_status, e.actor) for e in item.events] == [
        (ItemEventKind.CREATED, Status.OPEN, "Casey")
    ]


def test_link_must_be_http(db: Database, me: int) -> None:
    with pytest.raises(ValidationError) as info:
        save_item(db, ItemInput("Bad link", external_url="ftp://x", assignee_ids=[me]))
    assert info.value.field == "external_url"


def test_empty_title_is_refused(db: Database, me: int) -> None:
    with pytest.raises(ValidationError) as info:
        save_item(db, ItemInput("  ", assignee_ids=[me]))
    assert info.value.field == "title"


def test_am_who_is_also_a_follower_is_refused(db: Database, me: int) -> None:
    am = person(db, "Mary Manager", Role.ACCOUNT_MANAGER)
    with pytest.raises(ValidationError) as info:
        save_item(
            db,
            ItemInput(
                "Escalate",
                item_type=ItemType.TICKET,
                assignee_ids=[me],
                follower_ids=[me, am],
                account_manager_id=am,
            ),
        )
    assert info.value.field == "account_manager"
    assert "R7" in info.value.message
    assert list_items(db) == []
    # the AM alone, or as a follower without being the AM, is fine
    save_item(db, ItemInput("AM only", assignee_ids=[me], account_manager_id=am))
    save_item(db, ItemInput("Watcher only", assignee_ids=[me], follower_ids=[am]))
    assert titles(list_items(db, search="only")) == ["AM only", "Watcher only"]


# ------------------------------------------------------------------ list / search


@pytest.fixture
def board(db: Database, me: int) -> dict[str, int]:
    ann = person(db, "Ann Analyst")
    north = save_account(db, AccountInput("Northwind Clinic"))
    south = save_account(db, AccountInput("Southport Hospital"))
    t0 = dt.datetime(2030, 1, 1, tzinfo=UTC)
    ids = {
        "sso": save_item(
            db,
            ItemInput(
                "SSO certificate renewal",
                item_type=ItemType.TICKET,
                account_id=north,
                external_key="CS-101",
                assignee_ids=[me, ann],
                due_at=t0 + dt.timedelta(days=3),
            ),
        ),
        "report": save_item(
            db,
            ItemInput(
                "Quarterly report",
                account_id=south,
                external_key="TW-7",
                assignee_ids=[me],
                due_at=t0 + dt.timedelta(days=1),
            ),
        ),
        "training": save_item(
            db,
            ItemInput(
                "Admin training",
                account_id=north,
                status=Status.DONE,
                assignee_ids=[ann],
                due_at=t0 + dt.timedelta(days=2),
            ),
        ),
        "internal": save_item(
            db,
            ItemInput(
                "Internal cleanup",
                item_type=ItemType.TICKET,
                status=Status.WAITING_FOR_SUPPORT,
                assignee_ids=[me],
                due_at=t0 + dt.timedelta(days=4),
            ),
        ),
    }
    return ids


def test_list_items_sorted_by_due(db: Database, board: dict[str, int]) -> None:
    assert titles(list_items(db)) == [
        "Quarterly report",
        "Admin training",
        "SSO certificate renewal",
        "Internal cleanup",
    ]


def test_search_matches_title_key_and_account(db: Database, board: dict[str, int]) -> None:
    assert titles(list_items(db, search="quarterly")) == ["Quarterly report"]
    assert titles(list_items(db, search="cs-101")) == ["SSO certificate renewal"]
    assert titles(list_items(db, search="northwind")) == [
        "Admin training",
        "SSO certificate renewal",
    ]
    assert titles(list_items(db, search="nothing-matches")) == []


def test_search_words_are_anded(db: Database, board: dict[str, int]) -> None:
    assert titles(list_items(db, search="northwind training")) == ["Admin training"]
    assert titles(list_items(db, search="  NORTHWIND   cs-101 ")) == ["SSO certificate renewal"]
    assert titles(list_items(db, search="southport training")) == []


def test_open_only_type_and_account_filters(db: Database, board: dict[str, int]) -> None:
    assert titles(list_items(db, open_only=True)) == [
        "Quarterly report",
        "SSO certificate renewal",
        "Internal cleanup",
    ]
    assert titles(list_items(db, item_type=ItemType.TICKET)) == [
        "SSO certificate renewal",
        "Internal cleanup",
    ]
    assert titles(list_items(db, item_type=ItemType.TASK, open_only=True)) == ["Quarterly report"]
    north = get_item(db, board["sso"]).account_id
    assert titles(list_items(db, account_id=north, open_only=True)) == ["SSO certificate renewal"]


def test_rows_carry_account_key_and_assignees(db: Database, board: dict[str, int]) -> None:
    rows = {r.title: r for r in list_items(db)}
    sso = rows["SSO certificate renewal"]
    assert sso.id == board["sso"]
    assert sso.account == "Northwind Clinic"
    assert sso.external_key == "CS-101"
    assert sso.assignees == "Ann Analyst, Casey CSM"
    assert sso.item_type is ItemType.TICKET
    assert rows["Internal cleanup"].account == ""
    assert rows["Internal cleanup"].external_key == ""
    assert rows["Admin training"].assignees == "Ann Analyst"
    assert rows["Admin training"].status is Status.DONE


# ------------------------------------------------------------------ history


def test_status_change_is_recorded(db: Database, me: int) -> None:
    iid = save_item(
        db, ItemInput("Follow the ticket", item_type=ItemType.TICKET, assignee_ids=[me])
    )
    created_changed_at = get_item(db, iid).status_changed_at
    save_item(
        db,
        ItemInput(
            "Follow the ticket",
            item_type=ItemType.TICKET,
            status=Status.WAITING_FOR_CUSTOMER,
            assignee_ids=[me],
            id=iid,
        ),
        actor="Casey",
    )
    item = get_item(db, iid)
    assert item.status is Status.WAITING_FOR_CUSTOMER
    assert item.status_changed_at >= created_changed_at
    assert [(e.kind, e.from_status, e.to_status) for e in item.events] == [
        (ItemEventKind.CREATED, None, Status.OPEN),
        (ItemEventKind.STATUS_CHANGE, Status.OPEN, Status.WAITING_FOR_CUSTOMER),
    ]
    assert item.events[1].actor == "Casey"


def test_update_without_status_change_is_recorded_as_update(db: Database, me: int) -> None:
    iid = save_item(db, ItemInput("First title", assignee_ids=[me]))
    save_item(db, ItemInput("Second title", assignee_ids=[me], id=iid))
    item = get_item(db, iid)
    assert item.title == "Second title"
    assert [e.kind for e in item.events] == [ItemEventKind.CREATED, ItemEventKind.UPDATED]


def test_done_sets_done_at_and_reopening_clears_it(db: Database, me: int) -> None:
    iid = save_item(db, ItemInput("Finish me", assignee_ids=[me]))
    assert get_item(db, iid).done_at is None
    before = utcnow()
    save_item(db, ItemInput("Finish me", status=Status.DONE, assignee_ids=[me], id=iid))
    after = utcnow()
    done_at = get_item(db, iid).done_at
    assert done_at is not None
    assert before <= done_at <= after
    assert open_items_of(db, me) == []
    save_item(db, ItemInput("Finish me", status=Status.IN_PROGRESS, assignee_ids=[me], id=iid))
    assert get_item(db, iid).done_at is None
    assert open_items_of(db, me) == ["Finish me"]


def test_editing_a_done_item_keeps_its_done_at(db: Database, me: int) -> None:
    due = dt.datetime(2030, 1, 1, tzinfo=UTC)
    iid = save_item(db, ItemInput("Done", status=Status.DONE, assignee_ids=[me], due_at=due))
    with db.session() as s:  # pretend it was closed a day ago
        s.get_one(WorkItem, iid).done_at = utcnow() - dt.timedelta(days=1)
        done_at = s.get_one(WorkItem, iid).done_at
    save_item(
        db,
        ItemInput(
            "Done, with a better title",
            status=Status.DONE,
            assignee_ids=[me],
            due_at=due,
            id=iid,
        ),
    )
    assert get_item(db, iid).done_at == done_at


def test_duplicate_external_key_is_explained(db: Database, me: int) -> None:
    save_item(db, ItemInput("First", external_key="CS-1", assignee_ids=[me]))
    with pytest.raises(KnownError) as info:
        save_item(db, ItemInput("Second", external_key="CS-1", assignee_ids=[me]))
    assert "CS-1" in info.value.message


# ------------------------------------------------------------------ overdue / stale


def row(
    *,
    item_type: ItemType = ItemType.TICKET,
    status: Status = Status.OPEN,
    due_at: dt.datetime | None = None,
    last_touch: dt.datetime,
) -> ItemRow:
    return ItemRow(
        id=1,
        item_type=item_type,
        title="t",
        account="",
        status=status,
        priority=Priority.MEDIUM,
        category=Category.GENERAL,
        due_at=due_at,
        last_touch=last_touch,
        external_key="",
        assignees="",
    )


NOW = dt.datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


def test_is_overdue() -> None:
    past = NOW - dt.timedelta(minutes=1)
    assert row(due_at=past, last_touch=NOW).is_overdue(NOW)
    assert not row(due_at=NOW, last_touch=NOW).is_overdue(NOW)
    assert not row(due_at=NOW + dt.timedelta(hours=1), last_touch=NOW).is_overdue(NOW)
    assert not row(due_at=None, last_touch=NOW).is_overdue(NOW)
    assert not row(due_at=past, status=Status.DONE, last_touch=NOW).is_overdue(NOW)
    assert not row(due_at=past, status=Status.CANCELLED, last_touch=NOW).is_overdue(NOW)
    assert row(due_at=past, status=Status.WAITING_FOR_CUSTOMER, last_touch=NOW).is_overdue(NOW)


def test_is_stale_after_two_working_days_for_open_tickets_only() -> None:
    """R4's 48 hours are two working days on the business calendar (Mon-Fri 9-17 here)."""
    now = dt.datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # a Monday
    old = dt.datetime(2026, 11, 19, 14, 59, tzinfo=UTC)  # Thu: 961 business minutes ago
    exactly = dt.datetime(2026, 11, 19, 15, 0, tzinfo=UTC)  # 960: not yet
    friday = dt.datetime(2026, 11, 20, 16, 0, tzinfo=UTC)  # 71 wall-clock hours, 7 working
    assert row(last_touch=old).is_stale(now)
    assert not row(last_touch=exactly).is_stale(now)
    assert not row(last_touch=friday).is_stale(now)
    assert not row(last_touch=old, item_type=ItemType.TASK).is_stale(now)
    assert not row(last_touch=old, status=Status.DONE).is_stale(now)
    assert row(last_touch=old, status=Status.WAITING_FOR_ACCOUNT_MANAGER).is_stale(now)
    assert not row(last_touch=old).is_stale(now, after_days=3)


def test_list_rows_overdue_and_stale_from_the_database(db: Database, me: int) -> None:
    due = dt.datetime(2020, 1, 1, tzinfo=UTC)
    iid = save_item(
        db, ItemInput("Old ticket", item_type=ItemType.TICKET, due_at=due, assignee_ids=[me])
    )
    # A fixed Monday 09:00 as "now" and as the creation: the stale rule counts business
    # time, so a creation after working hours (say 17:06) would make "49 h later" only
    # two full working days - not stale - and the test would depend on when it runs.
    now = dt.datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
    with db.session() as s:
        s.get_one(WorkItem, iid).created_at = now
    [r] = list_items(db)
    assert r.is_overdue(now)
    assert not r.is_stale(now)  # just created: last touch is its creation
    assert r.last_touch == get_item(db, iid).created_at
    assert r.is_stale(now + dt.timedelta(hours=49))

    # a follow-up is the last touch
    follow_up = now + dt.timedelta(hours=40)
    with db.session() as s:
        s.get_one(WorkItem, iid).last_follow_up_at = follow_up
    [r] = list_items(db)
    assert r.last_touch == follow_up
    assert not r.is_stale(now + dt.timedelta(hours=49))


# ------------------------------------------------------------------ delete, datetimes


def test_delete_item(db: Database, me: int) -> None:
    keep = save_item(db, ItemInput("Keep", assignee_ids=[me]))
    gone = save_item(db, ItemInput("Gone", assignee_ids=[me], follower_ids=[me]))
    delete_item(db, gone)
    assert titles(list_items(db)) == ["Keep"]
    with pytest.raises(NotFoundError):
        get_item(db, gone)
    with pytest.raises(NotFoundError):
        delete_item(db, gone)
    assert get_item(db, keep).title == "Keep"
    assert [r.name for r in list_colleagues(db)] == ["Casey CSM"]
    assert open_items_of(db, me) == ["Keep"]


def test_naive_datetimes_are_refused_by_the_model(db: Database, me: int) -> None:
    naive = dt.datetime(2026, 7, 1, 12, 0)
    with pytest.raises(StatementError) as info:
        save_item(db, ItemInput("Naive", due_at=naive, assignee_ids=[me]))
    assert isinstance(info.value.orig, ValueError)
    assert "timezone-aware" in str(info.value.orig)
    assert list_items(db) == []
    with db.session() as s:
        assert s.scalars(select(WorkItem)).all() == []


def test_utc_datetime_type_round_trip() -> None:
    t = UTCDateTime()
    with pytest.raises(ValueError, match="timezone-aware"):
        t.process_bind_param(dt.datetime(2026, 1, 1), None)  # type: ignore[arg-type]
    plus2 = dt.timezone(dt.timedelta(hours=2))
    stored = t.process_bind_param(dt.datetime(2026, 1, 1, 2, 0, tzinfo=plus2), None)  # type: ignore[arg-type]
    assert stored == dt.datetime(2026, 1, 1, 0, 0)
    assert stored is not None
    assert stored.tzinfo is None
    assert t.process_result_value(stored, None) == dt.datetime(2026, 1, 1, tzinfo=UTC)  # type: ignore[arg-type]
    assert t.process_bind_param(None, None) is None  # type: ignore[arg-type]


def test_filter_rows_in_memory_matches_the_sql_search(db: Database, me: int) -> None:
    acme = save_account(db, AccountInput("Ärzte Acme"))
    for title, key in (
        ("Quarterly REPORT", "SS-1"),
        ("Éclair setup", ""),
        ("éclair follow-up", "PTO-2"),
        ("Use 50% of seats", ""),
        ("usage review", "SS-10"),
    ):
        save_item(db, ItemInput(title, external_key=key, account_id=acme, assignee_ids=[me]))
    rows = list_items(db)
    texts = [search_text(r) for r in rows]
    for search in (
        "report", "ss-1", "SS-10", "ärzte", "ÄRZTE", "Ärzte", "éclair", "ÉCLAIR", "Éclair",
        "50%", "us_ge", "%", "_", "acme report", "nothing", "", "  ",
    ):  # fmt: skip
        assert [r.id for r in filter_rows(rows, texts, search)] == [
            r.id for r in list_items(db, search=search)
        ], search
