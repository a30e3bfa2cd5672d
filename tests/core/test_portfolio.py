"""The portfolio: accounts, products/adoption, franchises, lifecycle history, admins."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from csdesk.core.db import Database
from csdesk.core.directory import ColleagueInput, save_colleague
from csdesk.core.enums import Channel, Health, LifecycleStage, Role, Status
from csdesk.core.errors import NotFoundError, ValidationError
from csdesk.core.models import CommLogEntry, WorkItem
from csdesk.core.portfolio import (
    AccountInput,
    AdminInput,
    ProductInput,
    account_choices,
    delete_account,
    delete_admin,
    get_account,
    get_admin,
    list_accounts,
    list_products,
    save_account,
    save_admin,
    save_product,
)
from csdesk.core.workitems import ItemInput, get_item, list_items, save_item


def account(db: Database, name: str, **kw: object) -> int:
    return save_account(db, AccountInput(name=name, **kw))  # type: ignore[arg-type]


# ------------------------------------------------------------------ accounts


def test_save_get_and_list_account(db: Database) -> None:
    am = save_colleague(db, ColleagueInput("Mary Manager", roles={Role.ACCOUNT_MANAGER}))
    rm = save_colleague(db, ColleagueInput("Rita Regional", roles={Role.REGIONAL_MANAGER}))
    aid = save_account(
        db,
        AccountInput(
            name="  Northwind Clinic ",
            external_id=" SF-001 ",
            paid_seats=250,
            stage=LifecycleStage.ADOPTION,
            health=Health.AT_RISK,
            renewal_date=dt.date(2027, 1, 31),
            account_manager_id=am,
            regional_manager_id=rm,
            website="https://northwind.example",
            notes="Big one",
        ),
    )
    a = get_account(db, aid).account
    assert a.name == "Northwind Clinic"
    assert a.external_id == "SF-001"
    assert a.paid_seats == 250
    assert a.lifecycle_stage is LifecycleStage.ADOPTION
    assert a.health is Health.AT_RISK
    assert a.renewal_date == dt.date(2027, 1, 31)
    assert a.account_manager is not None
    assert a.account_manager.name == "Mary Manager"
    assert a.website == "https://northwind.example"
    assert a.created_at.tzinfo is not None

    [row] = list_accounts(db)
    assert row.id == aid
    assert (row.name, row.parent, row.paid_seats) == ("Northwind Clinic", "", 250)
    assert (row.stage, row.health, row.renewal_date) == (
        LifecycleStage.ADOPTION,
        Health.AT_RISK,
        dt.date(2027, 1, 31),
    )
    assert (row.account_manager, row.regional_manager) == ("Mary Manager", "Rita Regional")
    assert row.open_items == 0
    assert row.adoption is None


def test_list_accounts_sorted_and_searchable(db: Database) -> None:
    am = save_colleague(db, ColleagueInput("Mary Manager"))
    parent = account(db, "Zeta Health Group")
    account(db, "Alpha Clinic", parent_id=parent)
    account(db, "Beta Hospital", account_manager_id=am)
    assert [r.name for r in list_accounts(db)] == [
        "Alpha Clinic",
        "Beta Hospital",
        "Zeta Health Group",
    ]
    assert [r.name for r in list_accounts(db, search="hospital")] == ["Beta Hospital"]
    # the parent's name and the AM's name are searched too
    assert [r.name for r in list_accounts(db, search="zeta")] == [
        "Alpha Clinic",
        "Zeta Health Group",
    ]
    assert [r.name for r in list_accounts(db, search="mary")] == ["Beta Hospital"]
    assert list_accounts(db, search="nothing like it") == []
    assert account_choices(db) == [(r.id, r.name) for r in list_accounts(db)]


def test_update_and_delete_account(db: Database) -> None:
    aid = account(db, "Old name", paid_seats=5)
    assert save_account(db, AccountInput("New name", paid_seats=7, id=aid)) == aid
    [row] = list_accounts(db)
    assert (row.name, row.paid_seats) == ("New name", 7)
    delete_account(db, aid)
    assert list_accounts(db) == []
    with pytest.raises(NotFoundError):
        get_account(db, aid)
    with pytest.raises(NotFoundError):
        delete_account(db, aid)
    with pytest.raises(NotFoundError):
        save_account(db, AccountInput("Ghost", id=aid))


def test_empty_account_name_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        account(db, " ")
    assert info.value.message == "Account name cannot be empty."


def test_open_items_are_counted_per_account(db: Database) -> None:
    me = save_colleague(db, ColleagueInput("Me", roles={Role.ME}))
    aid = account(db, "Northwind")
    save_item(db, ItemInput("a", account_id=aid, assignee_ids=[me]))
    save_item(db, ItemInput("b", account_id=aid, assignee_ids=[me], status=Status.IN_PROGRESS))
    save_item(db, ItemInput("c", account_id=aid, assignee_ids=[me], status=Status.CANCELLED))
    assert list_accounts(db)[0].open_items == 2


# ------------------------------------------------------------------ products / adoption


def test_adoption_is_used_over_bought(db: Database) -> None:
    lms = save_product(db, "Learning")
    cred = save_product(db, "Credentialing")
    sched = save_product(db, "Scheduling")
    extra = save_product(db, "Analytics", is_paid_extra=True)
    aid = account(
        db,
        "Northwind",
        products=[
            ProductInput(lms, bought=True, in_use=True),
            ProductInput(cred, bought=True, in_use=True),
            ProductInput(sched, bought=True, in_use=False),
            # used but not bought (a trial): does not count as adoption
            ProductInput(extra, bought=False, in_use=True),
        ],
    )
    assert list_accounts(db)[0].adoption == pytest.approx(2 / 3)
    links = {p.product.name: (p.bought, p.in_use) for p in get_account(db, aid).account.products}
    assert links == {
        "Learning": (True, True),
        "Credentialing": (True, True),
        "Scheduling": (True, False),
        "Analytics": (False, True),
    }

    # products=None leaves them as they are
    save_account(db, AccountInput("Northwind", id=aid))
    assert list_accounts(db)[0].adoption == pytest.approx(2 / 3)

    # a new list replaces them
    save_account(db, AccountInput("Northwind", id=aid, products=[ProductInput(sched, in_use=True)]))
    assert list_accounts(db)[0].adoption == 1.0
    assert [p.product.name for p in get_account(db, aid).account.products] == ["Scheduling"]

    save_account(db, AccountInput("Northwind", id=aid, products=[]))
    assert list_accounts(db)[0].adoption is None


def test_nothing_used_is_zero_adoption(db: Database) -> None:
    p = save_product(db, "Learning")
    account(db, "Idle", products=[ProductInput(p, bought=True, in_use=False)])
    assert list_accounts(db)[0].adoption == 0.0


def test_save_product_reuses_the_same_name(db: Database) -> None:
    first = save_product(db, "Learning", is_paid_extra=True)
    assert save_product(db, "  LEARNING ") == first
    [p] = list_products(db)
    assert (p.name, p.is_paid_extra) == ("Learning", True)


# ------------------------------------------------------------------ franchises


def test_franchise_parent_rolls_up_the_seats_of_its_children(db: Database) -> None:
    parent = account(db, "Franchise HQ", paid_seats=10)
    account(db, "Franchise West", parent_id=parent, paid_seats=40)
    account(db, "Franchise East", parent_id=parent, paid_seats=25)
    account(db, "Unrelated", paid_seats=1000)

    detail = get_account(db, parent)
    assert detail.children == ["Franchise East", "Franchise West"]
    assert detail.rolled_up_seats == 75
    rows = {r.name: r.parent for r in list_accounts(db)}
    assert rows == {
        "Franchise HQ": "",
        "Franchise West": "Franchise HQ",
        "Franchise East": "Franchise HQ",
        "Unrelated": "",
    }


def test_an_account_cannot_be_its_own_parent(db: Database) -> None:
    aid = account(db, "Solo")
    with pytest.raises(ValidationError) as info:
        save_account(db, AccountInput("Solo", parent_id=aid, id=aid))
    assert info.value.field == "parent"
    assert get_account(db, aid).account.parent_id is None


def test_parent_loops_are_refused(db: Database) -> None:
    top = account(db, "Top")
    mid = account(db, "Mid", parent_id=top)
    low = account(db, "Low", parent_id=mid)
    for child in (mid, low):
        with pytest.raises(ValidationError) as info:
            save_account(db, AccountInput("Top", parent_id=child, id=top))
        assert info.value.field == "parent"
        assert "own children" in info.value.message
    assert get_account(db, top).account.parent_id is None
    # moving a leaf under another branch is fine
    other = account(db, "Other")
    save_account(db, AccountInput("Low", parent_id=other, id=low))
    assert get_account(db, other).children == ["Low"]


def test_duplicate_external_id_is_refused(db: Database) -> None:
    first = account(db, "Northwind", external_id="SF-001")
    with pytest.raises(ValidationError) as info:
        account(db, "Southwind", external_id="SF-001")
    assert info.value.field == "external_id"
    assert "SF-001" in info.value.message
    assert "Northwind" in info.value.message
    assert [r.name for r in list_accounts(db)] == ["Northwind"]
    # re-saving the owner keeps its id; empty ids never clash
    save_account(db, AccountInput("Northwind", external_id="SF-001", id=first))
    account(db, "No id 1", external_id="")
    account(db, "No id 2", external_id="  ")
    assert len(list_accounts(db)) == 3


def test_negative_seats_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        account(db, "Negative", paid_seats=-1)
    assert info.value.field == "paid_seats"
    assert info.value.message == "Paid seats cannot be negative."
    assert list_accounts(db) == []


# ------------------------------------------------------------------ lifecycle


def test_stage_changes_append_to_the_history(db: Database) -> None:
    aid = save_account(db, AccountInput("Northwind"), changed_by="Me")
    history = get_account(db, aid).account.stage_history
    assert [(e.stage, e.changed_by) for e in history] == [(LifecycleStage.ONBOARDING, "Me")]

    save_account(db, AccountInput("Northwind", stage=LifecycleStage.ADOPTION, id=aid), "Ann")
    save_account(db, AccountInput("Northwind", stage=LifecycleStage.ADOPTION, id=aid), "Ann")
    save_account(db, AccountInput("Northwind", stage=LifecycleStage.HANDOFF, id=aid), "Bob")

    history = get_account(db, aid).account.stage_history
    assert [(e.stage, e.changed_by) for e in history] == [
        (LifecycleStage.ONBOARDING, "Me"),
        (LifecycleStage.ADOPTION, "Ann"),
        (LifecycleStage.HANDOFF, "Bob"),
    ]
    assert all(e.changed_at.tzinfo is not None for e in history)
    assert history[0].changed_at <= history[1].changed_at <= history[2].changed_at
    assert get_account(db, aid).account.lifecycle_stage is LifecycleStage.HANDOFF


# ------------------------------------------------------------------ admins


def test_admins_one_primary_per_account(db: Database) -> None:
    aid = account(db, "Northwind")
    other = account(db, "Other")
    other_primary = save_admin(
        db, AdminInput(other, "Olga", email="olga@other.example", is_primary=True)
    )
    first = save_admin(
        db, AdminInput(aid, "Pat Primary", email="pat@northwind.example", is_primary=True)
    )
    second = save_admin(db, AdminInput(aid, "Alex Admin", phone="+1 555 0100"))
    assert [(a.name, a.is_primary) for a in get_account(db, aid).account.admins] == [
        ("Pat Primary", True),
        ("Alex Admin", False),
    ]

    save_admin(db, AdminInput(aid, "Alex Admin", phone="+1 555 0100", is_primary=True, id=second))
    assert get_admin(db, first).is_primary is False
    assert get_admin(db, second).is_primary is True
    assert [a.name for a in get_account(db, aid).account.admins if a.is_primary] == ["Alex Admin"]
    # another account's primary is not touched
    assert get_admin(db, other_primary).is_primary is True


def test_admin_fields_are_saved(db: Database) -> None:
    aid = account(db, "Northwind")
    adm = save_admin(
        db,
        AdminInput(
            aid,
            " Pat Primary ",
            email="pat@northwind.example",
            phone="030 1234567",
            title="HR lead",
            notes="Mornings only",
        ),
    )
    a = get_admin(db, adm)
    assert (a.account_id, a.name, a.email, a.phone, a.title, a.notes) == (
        aid,
        "Pat Primary",
        "pat@northwind.example",
        "030 1234567",
        "HR lead",
        "Mornings only",
    )
    delete_admin(db, adm)
    with pytest.raises(NotFoundError):
        get_admin(db, adm)


def test_admin_needs_email_or_phone(db: Database) -> None:
    aid = account(db, "Northwind")
    with pytest.raises(ValidationError) as info:
        save_admin(db, AdminInput(aid, "Unreachable"))
    assert info.value.field == "email"
    assert "email or a phone" in info.value.message
    assert get_account(db, aid).account.admins == []


def test_admin_invalid_email_is_refused(db: Database) -> None:
    aid = account(db, "Northwind")
    with pytest.raises(ValidationError) as info:
        save_admin(db, AdminInput(aid, "Pat", email="pat(at)northwind"))
    assert info.value.field == "email"
    assert "pat(at)northwind" in info.value.message
    assert get_account(db, aid).account.admins == []


def test_admin_of_a_missing_account(db: Database) -> None:
    with pytest.raises(NotFoundError):
        save_admin(db, AdminInput(9999, "Pat", email="pat@example.com"))


# ------------------------------------------------------------------ deleting


def test_deleting_an_account_keeps_its_work_items(db: Database) -> None:
    me = save_colleague(db, ColleagueInput("Me", roles={Role.ME}))
    aid = account(db, "Northwind")
    save_admin(db, AdminInput(aid, "Pat", email="pat@example.com"))
    item = save_item(db, ItemInput("Renewal call", account_id=aid, assignee_ids=[me]))
    with db.session() as s:
        s.add(CommLogEntry(account_id=aid, channel=Channel.CALL, summary="Spoke to Pat"))

    delete_account(db, aid)

    kept = get_item(db, item)
    assert kept.account_id is None
    assert kept.title == "Renewal call"
    assert [r.account for r in list_items(db)] == [""]
    with db.session() as s:
        assert s.scalar(select(WorkItem.account_id).where(WorkItem.id == item)) is None
        log = s.scalars(select(CommLogEntry)).all()
        assert [(e.summary, e.account_id) for e in log] == [("Spoke to Pat", None)]


def test_deleting_a_parent_frees_its_children(db: Database) -> None:
    parent = account(db, "HQ")
    child = account(db, "Branch", parent_id=parent)
    delete_account(db, parent)
    assert get_account(db, child).account.parent_id is None
    assert [r.parent for r in list_accounts(db)] == [""]
