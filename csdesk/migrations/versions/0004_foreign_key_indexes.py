"""indexes on foreign keys looked up or cascaded per item and per plan

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:40:00

Without them, an item's conversations (comm_log by item_id) were found by
scanning the whole log: re-importing a Jira ticket cost ~7 ms in that query
alone at 100,000 log entries, and deleting an item or an admin, or a plan,
scanned the tables that point at it.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = (
    ("comm_log", "item_id"),
    ("comm_log", "admin_id"),
    ("handoff_items", "item_id"),
    ("delegations", "plan_id"),
    ("delegations", "item_id"),
    ("tracking_entries", "plan_id"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXES):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
