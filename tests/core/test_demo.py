"""The demo portfolio: a realistic, fictional, deterministic world that respects the rules."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from csdesk.core.db import Database, open_database, sqlite_url
from csdesk.core.demo import DemoSummary, build_demo, demo_anchor, is_empty
from csdesk.core.directory import list_colleagues, list_departments
from csdesk.core.enums import (
    CLOSED_STATUSES,
    Category,
    Channel,
    Direction,
    Health,
    ItemEventKind,
    ItemType,
    LifecycleStage,
    Priority,
    Role,
    Status,
)
from csdesk.core.errors import KnownError
from csdesk.core.models import (
    Account,
    CommLogEntry,
    CustomerAdmin,
    ItemEvent,
    LifecycleEvent,
    Product,
    WorkItem,
)
from csdesk.core.portfolio import list_accounts
from csdesk.core.settings import get_setting
from csdesk.core.workitems import list_items

TODAY = dt.date(2026, 3, 16)
NOW = demo_anchor(TODAY)

# The real first names of the SOP seeds: the demo must not use them.
SEED_NAMES = {
    "Elmer",
    "Zane",
    "Trisha",
    "Barb",
    "John",
    "Phoebe",
    "PJ",
    "Nicole",
    "AL",
    "Andy",
    "Cath",
    "Josh",
    "Ada",
    "Cristianna",
    "Alena",
    "James",
    "Lee",
    "Paige",
    "Davies",
    "Chad",
    "Joe",
}


def _open(path: Path) -> Database:
    return open_database(sqlite_url(path / "demo.sqlite3"), path / "backups")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One demo database shared by the read-only checks below."""
    database = _open(tmp_path_factory.mktemp("demo"))
    summary = build_demo(database, today=TODAY)
    yield database, summary
    database.close()


@pytest.fixture
def demo(built: tuple[Database, DemoSummary]) -> Database:
    return built[0]


def _local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


# ---------------------------------------------------------------- emptiness


def test_is_empty_flips_and_a_second_build_is_refused(db: Database) -> None:
    assert is_empty(db)
    build_demo(db, today=TODAY)
    assert not is_empty(db)
    with pytest.raises(KnownError, match="empty database"):
        build_demo(db, today=TODAY)


def test_deterministic_for_a_seed_and_a_day(db: Database, tmp_path: Path) -> None:
    other = _open(tmp_path / "other")
    try:
        first = build_demo(db, today=TODAY, seed=3)
        second = build_demo(other, today=TODAY, seed=3)
        assert first == second
        assert [a.name for a in list_accounts(db)] == [a.name for a in list_accounts(other)]
        assert [(a.renewal_date, a.adoption) for a in list_accounts(db)] == [
            (a.renewal_date, a.adoption) for a in list_accounts(other)
        ]
        rows = [(i.title, i.status, i.due_at, i.external_key) for i in list_items(db)]
        assert rows == [(i.title, i.status, i.due_at, i.external_key) for i in list_items(other)]
        with db.session() as s, other.session() as s2:
            q = select(CommLogEntry.summary, CommLogEntry.occurred_at).order_by(CommLogEntry.id)
            assert s.execute(q).all() == s2.execute(q).all()
    finally:
        other.close()


def test_today_defaults_to_the_current_date(db: Database) -> None:
    build_demo(db)
    renewals = [a.renewal_date for a in list_accounts(db) if a.renewal_date]
    assert min(renewals) > dt.date.today()


# ---------------------------------------------------------------- counts


def test_summary_matches_the_database(demo: Database, built: tuple[Database, DemoSummary]) -> None:
    summary = built[1]
    items = list_items(demo)
    assert summary.accounts == len(list_accounts(demo)) >= 25
    assert summary.departments == len(list_departments(demo)) >= 10
    assert summary.colleagues == len(list_colleagues(demo))
    assert summary.tasks == sum(i.item_type is ItemType.TASK for i in items)
    assert summary.tickets == sum(i.item_type is ItemType.TICKET for i in items)
    assert summary.items == len(items) >= 60
    with demo.session() as s:
        assert summary.admins == s.scalar(select(func.count()).select_from(CustomerAdmin))
        assert summary.products == s.scalar(select(func.count()).select_from(Product))
        assert summary.comm_log_entries == s.scalar(select(func.count()).select_from(CommLogEntry))
    assert summary.comm_log_entries >= 80


# ---------------------------------------------------------------- portfolio


def test_accounts_are_varied(demo: Database) -> None:
    rows = list_accounts(demo)
    assert len(rows) >= 25
    assert len({r.name for r in rows}) == len(rows)
    assert {r.stage for r in rows} == set(LifecycleStage)
    assert {r.health for r in rows} == set(Health)
    seats = [r.paid_seats for r in rows]
    assert min(seats) <= 20 and max(seats) >= 2000
    assert len(set(seats)) >= 20
    assert all(r.account_manager and r.regional_manager for r in rows)


def test_one_franchise_group_with_children(demo: Database) -> None:
    children = Counter(r.parent for r in list_accounts(demo) if r.parent)
    assert len(children) == 1
    ((parent, n),) = children.items()
    assert n >= 3
    assert parent in {r.name for r in list_accounts(demo)}


def test_renewals_spread_over_the_next_twelve_months(demo: Database) -> None:
    renewals = [r.renewal_date for r in list_accounts(demo)]
    assert all(d is not None for d in renewals)
    days = sorted((d - TODAY).days for d in renewals if d is not None)
    assert days[0] > 0 and days[-1] <= 365
    assert sum(d <= 60 for d in days) >= 3
    assert sum(d > 180 for d in days) >= 8  # not all bunched up


def test_products_and_adoption(demo: Database) -> None:
    with demo.session() as s:
        products = s.scalars(select(Product)).all()
    names = {p.name for p in products}
    assert len(products) >= 8
    assert {"Learning & Compliance", "Credentialing", "Background Checks"} <= names
    assert 1 <= sum(p.is_paid_extra for p in products) <= 2
    adoption = [r.adoption for r in list_accounts(demo)]
    assert all(a is not None for a in adoption)
    values = [a for a in adoption if a is not None]
    assert sum(a < 0.5 for a in values) >= 3  # adoption opportunities (R11)
    assert sum(a == 1.0 for a in values) >= 2
    assert len({round(a, 2) for a in values}) >= 5


def test_every_account_has_one_to_three_admins_one_primary(demo: Database) -> None:
    with demo.session() as s:
        accounts = s.scalars(select(Account).options(selectinload(Account.admins))).all()
        for a in accounts:
            assert 1 <= len(a.admins) <= 3, a.name
            assert sum(adm.is_primary for adm in a.admins) == 1, a.name
            for adm in a.admins:
                assert adm.email.endswith(".example")
                assert adm.name.split()[0] not in SEED_NAMES
        admins = s.scalars(select(CustomerAdmin)).all()
    assert sum(bool(adm.phone) for adm in admins) >= len(admins) * 0.8


def test_lifecycle_history_is_dated_and_ends_at_the_stage(demo: Database) -> None:
    with demo.session() as s:
        accounts = s.scalars(select(Account).options(selectinload(Account.stage_history))).all()
        for a in accounts:
            history = a.stage_history
            assert history, a.name
            assert history[-1].stage is a.lifecycle_stage
            assert history[0].stage is LifecycleStage.ONBOARDING
            assert all(e.changed_at <= NOW for e in history)
            assert a.created_at <= history[0].changed_at
        events = s.scalar(select(func.count()).select_from(LifecycleEvent))
    assert events is not None and events > len(accounts)


# ---------------------------------------------------------------- directory


def test_roles(demo: Database) -> None:
    def holders(role: Role) -> list[str]:
        return [c.name for c in list_colleagues(demo, role=role)]

    assert len(holders(Role.ME)) == 1
    assert len(holders(Role.CSS)) == 1
    assert len(holders(Role.TEAM_LEAD)) >= 1
    assert len(holders(Role.ACCOUNT_MANAGER)) >= 4
    assert len(holders(Role.REGIONAL_MANAGER)) >= 2
    assert len(holders(Role.ESCALATION_FALLBACK)) == 1
    assert len(holders(Role.IT)) >= 1
    assert len(holders(Role.SUPPORT)) >= 2
    both = set(holders(Role.ACCOUNT_MANAGER)) & set(holders(Role.REGIONAL_MANAGER))
    assert len(both) >= 1  # seed 003: an AM who is also the RM


def test_am_rm_pairs_include_one_where_am_is_rm(demo: Database) -> None:
    pairs = {(r.account_manager, r.regional_manager) for r in list_accounts(demo)}
    assert any(am == rm for am, rm in pairs)
    assert sum(am != rm for am, rm in pairs) >= 3
    assert len({rm for _, rm in pairs}) >= 2


def test_colleagues_are_fictional_and_reachable(demo: Database) -> None:
    people = list_colleagues(demo)
    assert all(re.fullmatch(r"[a-z.\-]+@brightpath\.example", c.email) for c in people)
    assert len({c.email for c in people}) == len(people)
    assert sum(bool(c.phone) for c in people) >= len(people) * 0.8
    assert all(c.department for c in people)
    for c in people:
        assert not set(c.name.split()) & SEED_NAMES, c.name


def test_departments_have_contacts_and_routing_notes(demo: Database) -> None:
    depts = list_departments(demo)
    names = {d.name for d in depts}
    assert len(depts) >= 10
    assert {"Google Local Team", "Content", "PPC", "Website", "Support", "IT", "Sales"} <= names
    assert all(d.primary is not None for d in depts)
    assert all(c.routing_note for d in depts for c in d.contacts)
    split = [d for d in depts if len(d.contacts) >= 2 and "client matters" in d.routing_notes]
    assert split, "a department routes operational and client matters to two people"
    assert "CSS" in split[0].routing_notes
    for d in depts:
        words = set(re.findall(r"[A-Za-z]+", d.routing_notes + " " + d.contacts_text))
        assert not words & SEED_NAMES, d.name


# ---------------------------------------------------------------- items


def test_items_cover_types_statuses_priorities_categories(demo: Database) -> None:
    items = list_items(demo)
    assert len(items) >= 60
    types = Counter(i.item_type for i in items)
    assert types[ItemType.TASK] >= 20 and types[ItemType.TICKET] >= 20
    assert {i.status for i in items} == set(Status)
    assert {i.priority for i in items} == set(Priority)
    categories = {i.category for i in items}
    assert {
        Category.ESCALATION,
        Category.HIGH_RISK_BUG,
        Category.LOGIN_PROBLEM,
        Category.SSO_INTEGRATION,
        Category.CREDENTIALING,
        Category.BACKGROUND_CHECK,
        Category.LEARNING_COMPLIANCE,
        Category.REGULATORY_COMPLIANCE,
        Category.CUSTOM_COURSEWORK,
        Category.MEDIUM_RISK_BUG,
    } <= categories
    assert len(categories) >= 15
    assert all(i.account for i in items)


def test_links_and_channels(demo: Database) -> None:
    with demo.session() as s:
        items = s.scalars(select(WorkItem)).all()
    channels: set[str] = set()
    for item in items:
        channels.update(item.channels)
        if item.item_type is ItemType.TICKET:
            assert item.external_key and re.fullmatch(r"(SS|EBH|PTO)-\d{3,5}", item.external_key)
            assert item.external_url.endswith("/browse/" + item.external_key)
            assert Channel.TICKET.value in item.channels
        else:
            assert item.external_url.startswith("https://example.teamwork.com/")
            assert Channel.TASK_TOOL.value in item.channels
    assert len({i.external_key for i in items if i.external_key}) == sum(
        1 for i in items if i.external_key
    )
    assert {Channel.SLACK.value, Channel.EMAIL.value} <= channels


def test_due_dates_around_today(demo: Database) -> None:
    open_items = [i for i in list_items(demo) if i.status.is_open]
    assert all(i.due_at is not None for i in open_items)
    due = [i.due_at for i in open_items if i.due_at is not None]
    overdue = [d for d in due if _local_date(d) < TODAY]
    today = [d for d in due if _local_date(d) == TODAY]
    coming = [d for d in due if TODAY < _local_date(d) <= TODAY + dt.timedelta(days=31)]
    assert len(overdue) >= 5 and len(today) >= 3 and len(coming) >= 20
    assert sum(i.is_overdue(NOW) for i in open_items) >= 5


def test_follow_ups_stale_and_recent(demo: Database) -> None:
    tickets = list_items(demo, item_type=ItemType.TICKET, open_only=True)
    stale = [t for t in tickets if t.is_stale(NOW)]
    recent = [t for t in tickets if NOW - t.last_touch < dt.timedelta(hours=30)]
    assert len(stale) >= 5
    assert len(recent) >= 5
    assert all(t.last_touch < NOW for t in tickets)


def test_assignees_followers_and_escalation_fields(demo: Database) -> None:
    me = list_colleagues(demo, role=Role.ME)[0].id
    css = list_colleagues(demo, role=Role.CSS)[0].id
    fallback = list_colleagues(demo, role=Role.ESCALATION_FALLBACK)[0].id
    with demo.session() as s:
        items = s.scalars(
            select(WorkItem).options(
                selectinload(WorkItem.assignees),
                selectinload(WorkItem.followers),
                selectinload(WorkItem.account),
            )
        ).all()
        with_am = 0
        for item in items:
            assignees = {c.id for c in item.assignees}
            assert {me, css} < assignees, item.title  # R2: plus the department contact
            assert item.department_id is not None
            if item.item_type is ItemType.TICKET:
                assert {me, css} <= {c.id for c in item.followers}  # R4
            if item.account_manager_id is not None:
                with_am += 1
                assert item.regional_manager_id is not None
                # R7: the AM is never also a watcher of the same ticket
                assert item.account_manager_id not in {c.id for c in item.followers}
                account = item.account
                assert account is not None
                assert item.account_manager_id == account.account_manager_id
                if account.account_manager_id == account.regional_manager_id:
                    assert item.regional_manager_id == fallback  # R6
                else:
                    assert item.regional_manager_id == account.regional_manager_id
            if item.status in (
                Status.WAITING_FOR_ACCOUNT_MANAGER,
                Status.WAITING_FOR_MANAGEMENT,
            ):
                assert item.item_type is ItemType.TICKET
                assert item.account_manager_id is not None  # R8
        assert with_am >= 10
        fallback_used = sum(i.regional_manager_id == fallback for i in items)
    assert fallback_used >= 1
    statuses = Counter(i.status for i in list_items(demo))
    assert statuses[Status.WAITING_FOR_ACCOUNT_MANAGER] >= 2
    assert statuses[Status.WAITING_FOR_MANAGEMENT] >= 2


def test_every_open_item_is_assigned(demo: Database) -> None:
    open_items = list_items(demo, open_only=True)
    assert open_items
    assert all(i.assignees for i in open_items)
    for c in list_colleagues(demo, role=Role.ME):
        assert c.open_items == len(open_items)


def test_prior_waiting_status_is_remembered(demo: Database) -> None:
    with demo.session() as s:
        remembered = s.scalars(
            select(WorkItem).where(WorkItem.prior_waiting_status.is_not(None))
        ).all()
    assert remembered
    for item in remembered:
        assert item.status is Status.WAITING_FOR_SUPPORT  # R9
        assert item.account_manager_id is not None


def test_dates_of_items_are_consistent(demo: Database) -> None:
    with demo.session() as s:
        items = s.scalars(select(WorkItem).options(selectinload(WorkItem.events))).all()
        for item in items:
            assert item.created_at < NOW
            assert item.created_at <= item.status_changed_at
            if item.last_follow_up_at is not None:
                assert item.created_at <= item.last_follow_up_at < NOW
            if item.status in CLOSED_STATUSES:
                assert item.done_at is not None and item.done_at < NOW
            else:
                assert item.done_at is None
            kinds = [e.kind for e in item.events]
            assert kinds[0] is ItemEventKind.CREATED
            assert item.events[0].at == item.created_at
            assert all(e.at <= NOW for e in item.events)
            if item.status is not Status.OPEN:
                assert ItemEventKind.STATUS_CHANGE in kinds
        follow_ups = s.scalar(
            select(func.count())
            .select_from(ItemEvent)
            .where(ItemEvent.kind == ItemEventKind.FOLLOW_UP)
        )
    assert follow_ups is not None and follow_ups >= 20


# ---------------------------------------------------------------- log, settings


def test_communication_log(demo: Database) -> None:
    with demo.session() as s:
        entries = s.scalars(select(CommLogEntry)).all()
        admin_accounts = dict(s.execute(select(CustomerAdmin.id, CustomerAdmin.account_id)).all())
        item_accounts = dict(s.execute(select(WorkItem.id, WorkItem.account_id)).all())
    assert len(entries) >= 80
    assert {e.channel for e in entries} == set(Channel)
    assert {e.direction for e in entries} == set(Direction)
    oldest = NOW - dt.timedelta(days=60)
    assert all(oldest <= e.occurred_at < NOW for e in entries)
    assert (max(e.occurred_at for e in entries) - min(e.occurred_at for e in entries)).days >= 45
    assert all(e.account_id is not None and e.summary and e.counterpart for e in entries)
    linked_admins = [e for e in entries if e.admin_id is not None]
    linked_items = [e for e in entries if e.item_id is not None]
    assert len(linked_admins) >= 40 and len(linked_items) >= 10
    assert all(admin_accounts[e.admin_id] == e.account_id for e in linked_admins if e.admin_id)
    assert all(item_accounts[e.item_id] == e.account_id for e in linked_items if e.item_id)
    assert len({e.account_id for e in entries}) >= 15


def test_settings(demo: Database) -> None:
    me = list_colleagues(demo, role=Role.ME)[0]
    assert get_setting(demo, "csm_name") == me.name
    assert str(get_setting(demo, "support_email")).endswith(".example")
    assert get_setting(demo, "support_phone")
