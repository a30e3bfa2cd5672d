"""Helpers the import tests share: the fixture files, a dump of the database, a directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from csdesk.core import directory, portfolio
from csdesk.core.db import Database
from csdesk.core.enums import Role
from csdesk.core.models import Colleague

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove that a failed import changed nothing."""
    with db.engine.connect() as conn:
        return {
            name: sorted(
                (tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"'))), key=repr
            )
            for name in inspect(conn).get_table_names()
        }


def person(db: Database, name: str, *roles: Role) -> int:
    return directory.save_colleague(db, directory.ColleagueInput(name=name, roles=set(roles)))


def add_team(db: Database, *managers: tuple[str, str, tuple[Role, ...]]) -> dict[str, int]:
    """Me, my CSS, the escalation fallback and account manager Zoë, then ``managers``
    ((key, name, roles) each), regional manager Renée and support person Łukasz; and
    the account Northwind Health (AM Zoë, RM Renée). Returns the colleagues' ids by key.
    """
    ids = {
        "me": person(db, "Casey Morgan", Role.ME),
        "css": person(db, "Priya Raman", Role.CSS),
        "fallback": person(db, "James Lee", Role.ESCALATION_FALLBACK),
        "zoe": person(db, "Zoë Brandão", Role.ACCOUNT_MANAGER),
    }
    for key, name, roles in managers:
        ids[key] = person(db, name, *roles)
    ids["renee"] = person(db, "Renée Dubois", Role.REGIONAL_MANAGER)
    ids["lukasz"] = person(db, "Łukasz Nowak", Role.SUPPORT)
    portfolio.save_account(
        db,
        portfolio.AccountInput(
            "Northwind Health", account_manager_id=ids["zoe"], regional_manager_id=ids["renee"]
        ),
    )
    return ids


def names(people: list[Colleague]) -> set[str]:
    return {c.name for c in people}
