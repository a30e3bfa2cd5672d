"""The driver-level reads of triage and the hand-off sheet give what the ORM gives."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from csdesk.core.db import Database
from csdesk.core.handoff import (
    SHEET_LEVELS,
    build_sheet,
    column_reader,
    plan_zone,
)
from csdesk.core.models import CustomerAdmin, HandoffItem, OooPlan, WorkItem
from tests.core.test_handoff import make_world


def test_column_reader_converts_as_the_column_type_does(db: Database) -> None:
    make_world(db)
    with db.session() as s:
        conn = s.connection()
        read_due = column_reader(WorkItem.__table__.c.due_at, conn.dialect)
        read_title = column_reader(WorkItem.__table__.c.title, conn.dialect)
        stored = conn.exec_driver_sql("SELECT id, title, due_at FROM work_items").all()
        by_id = {i.id: i for i in s.scalars(select(WorkItem))}
        assert stored
        for item_id, title, due_at in stored:
            due = read_due(due_at)
            assert due == by_id[item_id].due_at
            assert due is None or due.tzinfo is not None
            assert read_title(title) == by_id[item_id].title
        assert read_due(None) is None


def test_sheet_rows_are_the_orm_rows(db: Database) -> None:
    w = make_world(db)
    sheet = build_sheet(db, w.plan)
    with db.session() as s:
        plan = s.get(OooPlan, w.plan)
        assert plan is not None
        tz = plan_zone(plan.timezone)
        handoffs = s.scalars(
            select(HandoffItem)
            .where(HandoffItem.plan_id == w.plan, HandoffItem.level.in_(SHEET_LEVELS))
            .options(
                selectinload(HandoffItem.item).selectinload(WorkItem.account),
                selectinload(HandoffItem.admin),
            )
        ).all()
        expected = {}
        for h in handoffs:
            item = h.item
            expected[item.id] = (
                item.account.name if item.account else "",
                item.title,
                item.external_key or f"#{item.id}",
                item.external_url or "",
                item.category.label,
                h.level,
                item.status.label,
                item.due_at.astimezone(tz) if item.due_at else None,
                h.context,
            )
        admins = s.scalars(select(CustomerAdmin)).all()
        primary = {(a.name, a.email): a.is_primary for a in admins}
    got = {
        r.item_id: (
            r.account,
            r.title,
            r.key,
            r.external_url,
            r.category,
            r.level,
            r.status,
            r.due,
            r.context,
        )
        for r in sheet.pending
    }
    assert got == expected
    assert any(r.due is not None for r in sheet.pending)
    for r in sheet.pending:
        assert r.due is None or r.due.utcoffset() == r.due.astimezone(tz).utcoffset()
    assert sheet.admins
    for a in sheet.admins:
        assert type(a.primary) is bool
        assert a.primary == primary[(a.name, a.email)]
    assert isinstance(sheet.summary.generated_at, dt.datetime)
