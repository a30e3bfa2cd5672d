"""The tracker imports' fast path: new tickets built in memory and inserted in batches.

New items are :class:`NewItem` rows (not ORM objects) inserted with one
executemany per table, and a row opens a SAVEPOINT only when it touches the
session. These tests pin that this writes exactly what the ORM wrote, and that a
bad row among many good ones still leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from csdesk.core.db import Database
from csdesk.core.enums import Category, Channel, Direction, ItemType, Priority, Role, Status
from csdesk.core.errors import KnownError
from csdesk.core.imports.base import IMPORT_CACHE_KIB, Importer, ImportResult, run_import
from csdesk.core.imports.jira import BATCH, JiraTickets, NewEntry, NewItem
from csdesk.core.models import Account, Colleague, CommLogEntry, ItemEvent, WorkItem
from csdesk.core.workflow import apply_status
from tests.core.imports.conftest import add_team, dump
from tests.core.imports.test_jira import write

UTC = dt.UTC
AT = dt.datetime(2026, 11, 20, 14, 15, tzinfo=UTC)


def rows(db: Database, table: str, where: str = "") -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        result = conn.execute(text(f"SELECT * FROM {table} {where} ORDER BY rowid"))
        return [dict(r._mapping) for r in result]


def without(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in keys}


def test_new_rows_insert_what_the_orm_inserts(db: Database) -> None:
    """The same attributes on a WorkItem (flushed by the ORM) and on a NewItem (bulk)."""
    ids = add_team(db)
    importer = JiraTickets()
    with db.session() as s:
        importer.begin(s, ImportResult("tickets", "jira", dry_run=False))
        account = s.scalars(select(Account)).first()
        zoe, renee = s.get_one(Colleague, ids["zoe"]), s.get_one(Colleague, ids["renee"])
        me, css = s.get_one(Colleague, ids["me"]), s.get_one(Colleague, ids["css"])
        for n, (orm_or_new, key) in enumerate([(WorkItem, "ORM-1"), (NewItem, "NEW-1")]):
            values: dict[str, Any] = {
                "item_type": ItemType.TICKET,
                "title": "Same ticket",
                "source": "jira",
                "external_key": key,
                "channels": [Channel.TICKET.value],
                "status": Status.OPEN,
            }
            item: Any = orm_or_new(**values)
            if orm_or_new is NewItem:
                item.events = []
            item.assignees = [me, css]
            item.followers = [renee]
            item.description = "Body"
            item.account = account
            item.priority = Priority.HIGH
            item.category = Category.LOGIN_PROBLEM
            item.external_url = f"https://example.atlassian.net/browse/{key}"
            item.created_at = AT
            item.due_at = AT + dt.timedelta(days=2)
            item.account_manager, item.account_manager_id = zoe, zoe.id
            item.regional_manager, item.regional_manager_id = renee, renee.id
            apply_status(
                item, Status.WAITING_FOR_ACCOUNT_MANAGER, AT, "Jira import", "x", creating=True
            )
            item.last_follow_up_at = AT + dt.timedelta(hours=n)
            entry = {
                "item": item,
                "account": item.account,
                "channel": Channel.TICKET_COMMENT,
                "direction": Direction.INTERNAL,
                "counterpart": "Zoë",
                "summary": "A comment",
                "occurred_at": AT,
                "created_at": AT,
            }
            if orm_or_new is WorkItem:
                s.add_all([item, CommLogEntry(**entry)])
                s.flush()
            else:
                importer._pending.extend([item, NewEntry(**entry)])
                importer.insert_new(s)
    items = rows(db, "work_items", "WHERE source = 'jira'")
    assert len(items) == 2
    orm, new = items
    assert new["id"] == orm["id"] + 1
    assert orm["last_follow_up_at"] != new["last_follow_up_at"]
    ignore = ("id", "external_key", "external_url", "updated_at", "last_follow_up_at")
    assert without(new, *ignore) == without(orm, *ignore)
    events = rows(db, "item_events")
    assert [e["item_id"] for e in events] == [orm["id"], new["id"]]
    assert without(events[1], "id", "item_id") == without(events[0], "id", "item_id")
    for link in ("work_item_assignees", "work_item_followers"):
        linked = rows(db, link)
        assert sorted(r["colleague_id"] for r in linked if r["item_id"] == orm["id"]) == sorted(
            r["colleague_id"] for r in linked if r["item_id"] == new["id"]
        )
    logged = rows(db, "comm_log")
    assert [e["item_id"] for e in logged] == [orm["id"], new["id"]]
    assert without(logged[1], "id", "item_id") == without(logged[0], "id", "item_id")


def many(n: int, start: int = 1, **cells: str) -> list[dict[str, str]]:
    return [
        {
            "Summary": f"Ticket {i}",
            "Issue key": f"GEN-{i}",
            "Status": "Waiting for customer",
            "Created": "20/Nov/26 2:15 PM",
            "Comment": f"21/Nov/26 09:30;5b10ac8d82e05b22cc7d4ef5;Reply {i}",
            "Custom field (Organizations)": "Northwind Health",
            **cells,
        }
        for i in range(start, start + n)
    ]


def test_one_bad_row_among_many_writes_nothing(db: Database, tmp_path: Path) -> None:
    add_team(db)
    bad_after_a_new_account = {
        "Summary": "Needs the AM",
        "Issue key": "BAD-1",
        "Status": "Waiting for Account Manager",  # refused after the account was made
        "Custom field (Organizations)": "Brand New Org",
    }
    good = many(BATCH + 100, start=1)
    file = [
        *good[:10],
        bad_after_a_new_account,
        {**good[10], "Custom field (Organizations)": "Brand New Org"},
        *good[11:],
        {"Summary": "Bad priority", "Issue key": "BAD-2", "Priority": "Whenever"},
    ]
    path = write(tmp_path / "bad.csv", file)
    before = dump(db)
    result = run_import(db, JiraTickets(), path)
    assert not result.ok and not result.written
    last = len(file) + 1
    assert [(e.row, e.column) for e in result.errors] == [
        (12, "Custom field (Account Manager)"),
        (last, "Priority"),
    ]
    assert result.created == BATCH + 100
    assert dump(db) == before


def test_the_rows_written_in_batches(db: Database, tmp_path: Path) -> None:
    add_team(db)
    n = 2 * BATCH + 7
    first = [*many(3), {**many(1, start=4)[0], "Custom field (Organizations)": "Brand New Org"}]
    result = run_import(db, JiraTickets(), write(tmp_path / "one.csv", first))
    assert result.ok and result.created == 4
    # again: two tickets change (the ORM path), the rest are new (the bulk path)
    again = [
        {**many(1, start=2)[0], "Status": "Resolved"},
        {**many(1, start=3)[0], "Summary": "Renamed"},
        *many(n, start=5, **{"Custom field (Organizations)": "Brand New Org"}),
    ]
    result = run_import(db, JiraTickets(), write(tmp_path / "two.csv", again))
    assert result.ok, result.errors
    assert (result.created, result.updated) == (n, 2)
    with db.session() as s:
        items = s.scalars(select(WorkItem).order_by(WorkItem.id)).all()
        assert [i.external_key for i in items] == [f"GEN-{k}" for k in range(1, n + 5)]
        assert [i.id for i in items] == list(range(items[0].id, items[0].id + n + 4))
        org = s.scalars(select(Account).where(Account.name == "Brand New Org")).one()
        assert all(i.account_id == org.id for i in items[3:])
        assert items[1].status is Status.DONE and items[2].title == "Renamed"
        assert all(i.status is Status.WAITING_FOR_CUSTOMER for i in items[4:])
        assert all(i.priority is Priority.MEDIUM for i in items)
        assert all(len(i.assignees) == 2 for i in items)  # me and my CSS (R2)
        events = s.scalars(select(ItemEvent).order_by(ItemEvent.id)).all()
        # created, each; then GEN-2 changes status and is updated, GEN-3 is updated
        assert len(events) == n + 4 + 3
        logged = s.scalars(select(CommLogEntry).order_by(CommLogEntry.id)).all()
        assert [e.summary for e in logged] == [f"Reply {k}" for k in range(1, n + 5)]
        assert all(e.item_id == i.id for e, i in zip(logged, items, strict=True))
        roles = s.scalars(select(Colleague).where(Colleague.name == "Zoë Brandão")).one().roles
        assert {r.role for r in roles} == {Role.ACCOUNT_MANAGER}


def test_an_import_runs_with_a_big_page_cache_and_no_collector_then_sets_both_back(
    db: Database, tmp_path: Path
) -> None:
    add_team(db)
    during: list[object] = []

    class Peek(JiraTickets):
        def begin(self, session: Session, result: ImportResult) -> None:
            super().begin(session, result)
            conn = session.connection()
            during.extend([conn.exec_driver_sql("PRAGMA cache_size").scalar(), gc.isenabled()])

    def cache_size() -> object:
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA cache_size").scalar()

    before = cache_size()
    assert gc.isenabled() and before != -IMPORT_CACHE_KIB
    ok = run_import(db, Peek(), write(tmp_path / "ok.csv", many(3)))
    bad_row = {"Summary": "Bad priority", "Issue key": "BAD-1", "Priority": "Whenever"}
    bad = run_import(db, Peek(), write(tmp_path / "bad.csv", [*many(2, start=10), bad_row]))
    assert ok.written and not bad.written and bad.errors
    assert during == [-IMPORT_CACHE_KIB, False] * 2
    assert cache_size() == before and gc.isenabled()


def test_parse_skips_blank_lines_and_numbers_rows_as_the_file_does() -> None:
    text = "\n , \nSummary,Issue key\nA,K-1\n\n , \nB,K-2\n\n \n"
    parsed = Importer().parse(text, "utf-8")
    assert parsed.headers == ["Summary", "Issue key"]
    assert parsed.rows == [["A", "K-1"], ["B", "K-2"]]
    assert parsed.row_numbers == [4, 7] and parsed.skipped_footer == 2
    with pytest.raises(KnownError, match="near line 2"):
        Importer().parse('a,b\n"x,y\n', "utf-8")
    assert gc.isenabled()
