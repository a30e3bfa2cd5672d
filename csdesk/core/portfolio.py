"""The portfolio: accounts, their products, lifecycle stage history and customer admins."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, func, or_, select
from sqlalchemy.orm import aliased, selectinload

from csdesk.core.db import Database
from csdesk.core.enums import OPEN_STATUSES, Health, LifecycleStage
from csdesk.core.errors import NotFoundError, ValidationError
from csdesk.core.models import (
    Account,
    AccountProduct,
    Colleague,
    CustomerAdmin,
    LifecycleEvent,
    Product,
    WorkItem,
)
from csdesk.core.validation import clean_email, clean_name, clean_phone, clean_text


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: int
    name: str
    parent: str
    paid_seats: int
    stage: LifecycleStage
    health: Health
    renewal_date: dt.date | None
    account_manager: str
    regional_manager: str
    open_items: int
    adoption: float | None  # used / bought, None when nothing is bought


@dataclass
class ProductInput:
    product_id: int
    bought: bool = True
    in_use: bool = False


@dataclass
class AccountInput:
    name: str
    external_id: str = ""
    parent_id: int | None = None
    paid_seats: int = 0
    stage: LifecycleStage = LifecycleStage.ONBOARDING
    health: Health = Health.GOOD
    renewal_date: dt.date | None = None
    account_manager_id: int | None = None
    regional_manager_id: int | None = None
    website: str = ""
    notes: str = ""
    products: list[ProductInput] | None = None  # None: leave the products as they are
    id: int | None = None


@dataclass
class AdminInput:
    account_id: int
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""
    is_primary: bool = False
    notes: str = ""
    id: int | None = None


@dataclass
class AccountDetail:
    """An account with everything the detail panel shows, detached from any session."""

    account: Account
    children: list[str] = field(default_factory=list)
    rolled_up_seats: int = 0


def list_accounts(db: Database, search: str = "") -> list[AccountRow]:
    am = aliased(Colleague)
    rm = aliased(Colleague)
    parent = aliased(Account)
    open_items = (
        select(WorkItem.account_id, func.count().label("n"))
        .where(WorkItem.status.in_(OPEN_STATUSES))
        .group_by(WorkItem.account_id)
        .subquery()
    )
    adoption = (
        select(
            AccountProduct.account_id,
            func.sum(AccountProduct.bought.cast(Integer)).label("bought"),
            func.sum((AccountProduct.bought & AccountProduct.in_use).cast(Integer)).label("used"),
        )
        .group_by(AccountProduct.account_id)
        .subquery()
    )
    q = (
        select(
            Account.id,
            Account.name,
            parent.name,
            Account.paid_seats,
            Account.lifecycle_stage,
            Account.health,
            Account.renewal_date,
            am.name,
            rm.name,
            open_items.c.n,
            adoption.c.bought,
            adoption.c.used,
        )
        .outerjoin(parent, parent.id == Account.parent_id)
        .outerjoin(am, am.id == Account.account_manager_id)
        .outerjoin(rm, rm.id == Account.regional_manager_id)
        .outerjoin(open_items, open_items.c.account_id == Account.id)
        .outerjoin(adoption, adoption.c.account_id == Account.id)
        .order_by(Account.name)
    )
    if search.strip():
        like = f"%{search.strip()}%"
        q = q.where(or_(Account.name.ilike(like), parent.name.ilike(like), am.name.ilike(like)))
    with db.session() as s:
        return [
            AccountRow(
                id=r[0],
                name=r[1],
                parent=r[2] or "",
                paid_seats=r[3],
                stage=r[4],
                health=r[5],
                renewal_date=r[6],
                account_manager=r[7] or "",
                regional_manager=r[8] or "",
                open_items=r[9] or 0,
                adoption=(r[11] or 0) / r[10] if r[10] else None,
            )
            for r in s.execute(q)
        ]


def get_account(db: Database, account_id: int) -> AccountDetail:
    with db.session() as s:
        a = s.get(
            Account,
            account_id,
            options=[
                selectinload(Account.admins),
                selectinload(Account.products).selectinload(AccountProduct.product),
                selectinload(Account.parent),
                selectinload(Account.children),
                selectinload(Account.account_manager),
                selectinload(Account.regional_manager),
                selectinload(Account.stage_history),
            ],
        )
        if a is None:
            raise NotFoundError("That account no longer exists.")
        children = sorted(c.name for c in a.children)
        rolled = a.paid_seats + sum(c.paid_seats for c in a.children)
        return AccountDetail(account=a, children=children, rolled_up_seats=rolled)


def list_products(db: Database) -> list[Product]:
    with db.session() as s:
        return list(s.scalars(select(Product).order_by(Product.name)))


def save_product(db: Database, name: str, is_paid_extra: bool = False) -> int:
    clean = clean_name(name, label="Product name")
    with db.session() as s:
        existing = s.scalar(select(Product).where(func.lower(Product.name) == clean.lower()))
        if existing is not None:
            return existing.id
        p = Product(name=clean, is_paid_extra=is_paid_extra)
        s.add(p)
        s.flush()
        return p.id


def account_choices(db: Database) -> list[tuple[int, str]]:
    with db.session() as s:
        return [
            (i, n) for i, n in s.execute(select(Account.id, Account.name).order_by(Account.name))
        ]


def save_account(db: Database, data: AccountInput, changed_by: str = "") -> int:
    name = clean_name(data.name, label="Account name", max_len=200)
    external_id = clean_text(data.external_id, "external_id", "External id", 64) or None
    website = clean_text(data.website, "website", "Website", 300)
    notes = clean_text(data.notes, "notes", "Notes", 20_000)
    if data.paid_seats < 0:
        raise ValidationError("Paid seats cannot be negative.", "paid_seats")
    with db.session() as s:
        if external_id is not None:
            clash = s.scalar(
                select(Account.name).where(
                    Account.external_id == external_id, Account.id != (data.id or -1)
                )
            )
            if clash is not None:
                raise ValidationError(
                    f"The external id {external_id} already belongs to “{clash}”.", "external_id"
                )
        if data.parent_id is not None:
            if data.parent_id == data.id:
                raise ValidationError("An account cannot be its own parent.", "parent")
            # Walk up from the chosen parent: meeting this account again would make a loop.
            cursor: int | None = data.parent_id
            while cursor is not None:
                if cursor == data.id:
                    raise ValidationError(
                        "That parent is one of this account's own children.", "parent"
                    )
                cursor = s.scalar(select(Account.parent_id).where(Account.id == cursor))
        if data.id is None:
            a = Account(name=name)
            s.add(a)
            old_stage = None
        else:
            found = s.get(Account, data.id)
            if found is None:
                raise NotFoundError("That account no longer exists.")
            a = found
            old_stage = a.lifecycle_stage
        a.name, a.external_id, a.website, a.notes = name, external_id, website, notes
        a.parent_id = data.parent_id
        a.paid_seats = data.paid_seats
        a.lifecycle_stage = data.stage
        a.health = data.health
        a.renewal_date = data.renewal_date
        a.account_manager_id = data.account_manager_id
        a.regional_manager_id = data.regional_manager_id
        if old_stage != data.stage:
            a.stage_history.append(LifecycleEvent(stage=data.stage, changed_by=changed_by))
        if data.products is not None:
            wanted = {p.product_id: p for p in data.products}
            for link in list(a.products):
                if link.product_id not in wanted:
                    a.products.remove(link)
            have = {link.product_id: link for link in a.products}
            for pid, p in wanted.items():
                link = have.get(pid) or AccountProduct(product_id=pid)
                link.bought, link.in_use = p.bought, p.in_use
                if pid not in have:
                    a.products.append(link)
        s.flush()
        return a.id


def delete_account(db: Database, account_id: int) -> None:
    """Delete an account; its items and log entries stay, without the account."""
    with db.session() as s:
        a = s.get(Account, account_id)
        if a is None:
            raise NotFoundError("That account no longer exists.")
        s.delete(a)


def save_admin(db: Database, data: AdminInput) -> int:
    name = clean_name(data.name, label="Admin name")
    email = clean_email(data.email)
    phone = clean_phone(data.phone)
    title = clean_text(data.title, "title", "Title", 120)
    notes = clean_text(data.notes, "notes", "Notes", 4000)
    if not email and not phone:
        raise ValidationError(
            "Give an email or a phone number: a backup must be able to reach this admin.", "email"
        )
    with db.session() as s:
        if s.get(Account, data.account_id) is None:
            raise NotFoundError("That account no longer exists.")
        if data.id is None:
            adm = CustomerAdmin(account_id=data.account_id, name=name)
            s.add(adm)
        else:
            found = s.get(CustomerAdmin, data.id)
            if found is None:
                raise NotFoundError("That admin no longer exists.")
            adm = found
        adm.name, adm.email, adm.phone, adm.title, adm.notes = name, email, phone, title, notes
        adm.is_primary = data.is_primary
        s.flush()
        if data.is_primary:  # one primary admin per account
            for other in s.scalars(
                select(CustomerAdmin).where(
                    CustomerAdmin.account_id == data.account_id, CustomerAdmin.id != adm.id
                )
            ):
                other.is_primary = False
        return adm.id


def get_admin(db: Database, admin_id: int) -> CustomerAdmin:
    with db.session() as s:
        adm = s.get(CustomerAdmin, admin_id)
        if adm is None:
            raise NotFoundError("That admin no longer exists.")
        return adm


def delete_admin(db: Database, admin_id: int) -> None:
    with db.session() as s:
        adm = s.get(CustomerAdmin, admin_id)
        if adm is None:
            raise NotFoundError("That admin no longer exists.")
        s.delete(adm)


# --------------------------------------------------------- R11: adoption


@dataclass(frozen=True, slots=True)
class Opportunity:
    """An account below the adoption threshold and the bought modules it does not use."""

    account_id: int
    account: str
    paid_seats: int
    adoption: float
    unused: tuple[tuple[int, str], ...]  # (product id, name)


def adoption_opportunities(db: Database, threshold_percent: int) -> list[Opportunity]:
    """R11: accounts whose adoption is below the threshold, most seats first."""
    with db.session() as s:
        links = s.execute(
            select(Account.id, Account.name, Account.paid_seats, Product.id, Product.name,
                   AccountProduct.bought, AccountProduct.in_use)
            .join(AccountProduct, AccountProduct.account_id == Account.id)
            .join(Product, Product.id == AccountProduct.product_id)
            .order_by(Account.id, Product.name)
        ).all()  # fmt: skip
    by_account: dict[int, list[tuple[Any, ...]]] = {}
    for row in links:
        by_account.setdefault(row[0], []).append(tuple(row))
    result = []
    for account_id, rows in by_account.items():
        bought = [r for r in rows if r[5]]
        if not bought:
            continue
        used = [r for r in bought if r[6]]
        adoption = len(used) / len(bought)
        if adoption * 100 < threshold_percent:
            result.append(
                Opportunity(
                    account_id,
                    rows[0][1],
                    rows[0][2],
                    adoption,
                    tuple((r[3], r[4]) for r in bought if not r[6]),
                )
            )
    return sorted(result, key=lambda o: (-o.paid_seats, o.account))


def priority_account_ids(db: Database, count: int = 10) -> list[int]:
    """R11 / seed 004: the accounts with the most paid seats are the CSM's priority."""
    with db.session() as s:
        return list(
            s.scalars(
                select(Account.id).order_by(Account.paid_seats.desc(), Account.name).limit(count)
            )
        )


def renewing_within(db: Database, days: int, today: dt.date | None = None) -> list[int]:
    """Accounts whose renewal date falls in the next ``days`` days (overdue renewals too)."""
    today = today or dt.date.today()
    with db.session() as s:
        return list(
            s.scalars(
                select(Account.id)
                .where(Account.renewal_date.is_not(None))
                .where(Account.renewal_date <= today + dt.timedelta(days=days))
                .order_by(Account.renewal_date)
            )
        )
