"""reference data: task kinds with their default durations (R3) and SLA policies (R10)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# R3 (seed 000): 48 hours unless the kind warrants more; new website pages
# with content take 7-10 days (the upper bound is the safe default).
TASK_KINDS = [
    ("General request", 48),
    ("Website change", 48),
    ("New website page with content", 240),
    ("Content draft", 120),
    ("Report", 72),
    ("Training session", 72),
    ("Account setup", 72),
    ("Template upload", 48),
    ("Integration help", 72),
]

# R10 (seed 004): email within one business day, chat within 30 minutes,
# services (training, setup, reports, template upload, integration help) 1-3 days.
# One business day is counted as 8 business hours.
SLA_POLICIES = [
    ("Email reply", "email", None, 8 * 60),
    ("Chat reply", "chat", None, 30),
    ("Training", None, "training", 3 * 8 * 60),
    ("Setup", None, "setup", 3 * 8 * 60),
    ("Report", None, "report", 2 * 8 * 60),
    ("Template upload", None, "template_upload", 8 * 60),
    ("Integration help", None, "integration_help", 3 * 8 * 60),
]


def upgrade() -> None:
    kinds = sa.table(
        "task_kinds",
        sa.column("name", sa.String),
        sa.column("default_due_hours", sa.Integer),
    )
    op.bulk_insert(kinds, [{"name": n, "default_due_hours": h} for n, h in TASK_KINDS])
    sla = sa.table(
        "sla_policies",
        sa.column("name", sa.String),
        sa.column("channel", sa.String),
        sa.column("category", sa.String),
        sa.column("business_minutes", sa.Integer),
    )
    op.bulk_insert(
        sla,
        [
            {"name": n, "channel": ch, "category": cat, "business_minutes": m}
            for n, ch, cat, m in SLA_POLICIES
        ],
    )
    with op.batch_alter_table("work_items") as batch:
        batch.create_index("ix_work_items_updated", ["updated_at"])


def downgrade() -> None:
    with op.batch_alter_table("work_items") as batch:
        batch.drop_index("ix_work_items_updated")
    names = [n for n, _ in TASK_KINDS]
    op.execute(
        sa.text("DELETE FROM task_kinds WHERE name IN :n").bindparams(
            sa.bindparam("n", names, expanding=True)
        )
    )
    op.execute(
        sa.text("DELETE FROM sla_policies WHERE name IN :n").bindparams(
            sa.bindparam("n", [n for n, *_ in SLA_POLICIES], expanding=True)
        )
    )
