"""R11: adoption opportunities, priority accounts, renewals, the one-click proposal task."""

from __future__ import annotations

import datetime as dt

import pytest

from csdesk.core import directory, portfolio, workitems
from csdesk.core.db import Database
from csdesk.core.enums import Category, Role
from csdesk.core.errors import ValidationError
from csdesk.core.rules import RulesConfig, load_rules, save_rules


@pytest.fixture
def accounts(db: Database) -> dict[str, int]:
    lms = portfolio.save_product(db, "Learning & Compliance")
    cred = portfolio.save_product(db, "Credentialing")
    sched = portfolio.save_product(db, "Scheduling")
    P = portfolio.ProductInput
    today = dt.date.today()
    return {
        "low": portfolio.save_account(
            db,
            portfolio.AccountInput(
                "Low Adopter", paid_seats=500, renewal_date=today + dt.timedelta(days=30),
                products=[P(lms, True, True), P(cred, True, False), P(sched, True, False)],
            ),
        ),
        "full": portfolio.save_account(
            db,
            portfolio.AccountInput(
                "Full Adopter", paid_seats=2000, renewal_date=today + dt.timedelta(days=200),
                products=[P(lms, True, True), P(cred, True, True)],
            ),
        ),
        "half": portfolio.save_account(
            db,
            portfolio.AccountInput(
                "Half Adopter", paid_seats=80, products=[P(lms, True, True), P(cred, True, False)]
            ),
        ),
        "none": portfolio.save_account(db, portfolio.AccountInput("Nothing Bought", paid_seats=10)),
    }  # fmt: skip


def test_opportunities_below_the_threshold_with_unused_modules(
    db: Database, accounts: dict[str, int]
) -> None:
    found = portfolio.adoption_opportunities(db, 60)
    assert [(o.account, round(o.adoption, 2)) for o in found] == [
        ("Low Adopter", 0.33),
        ("Half Adopter", 0.5),
    ]
    assert [name for _, name in found[0].unused] == ["Credentialing", "Scheduling"]
    assert [o.account for o in portfolio.adoption_opportunities(db, 40)] == ["Low Adopter"]


def test_priority_accounts_by_paid_seats(db: Database, accounts: dict[str, int]) -> None:
    assert portfolio.priority_account_ids(db, 2) == [accounts["full"], accounts["low"]]


def test_renewal_soon(db: Database, accounts: dict[str, int]) -> None:
    assert portfolio.renewing_within(db, 90) == [accounts["low"]]
    assert portfolio.renewing_within(db, 365) == [accounts["low"], accounts["full"]]


def test_propose_module_task(db: Database, accounts: dict[str, int]) -> None:
    (low,) = [o for o in portfolio.adoption_opportunities(db, 60) if o.account == "Low Adopter"]
    product_id, name = low.unused[0]
    with pytest.raises(ValidationError, match="Set who you are"):
        workitems.propose_module_task(db, accounts["low"], product_id)
    me = directory.save_colleague(db, directory.ColleagueInput("Morgan", roles={Role.ME}))
    item_id = workitems.propose_module_task(db, accounts["low"], product_id)
    item = workitems.get_item(db, item_id)
    assert item.title == "Propose setting up Credentialing to Low Adopter"
    assert item.category is Category.SETUP and item.account_id == accounts["low"]
    assert [c.id for c in item.assignees] == [me]
    assert name == "Credentialing"


def test_thresholds_are_settings(db: Database) -> None:
    save_rules(db, RulesConfig(adoption_threshold_percent=35, renewal_soon_days=45))
    rules = load_rules(db)
    assert (rules.adoption_threshold_percent, rules.renewal_soon_days) == (35, 45)
    with pytest.raises(ValidationError, match="adoption threshold"):
        save_rules(db, RulesConfig(adoption_threshold_percent=0))
