"""Write tests/fixtures/schemas/<revision>.sqlite3: a small database at every released
schema revision, with representative rows, for tests/robustness/test_migrations.py.

    python tools/make_schema_fixtures.py

Each file is made the way an old csdesk made it: Alembic (csdesk's own migration
config) upgrades an empty database to that revision, then plain SQL valid for that
revision inserts the rows. Re-run it after adding a migration, and commit the new file:
the files of released revisions must never change.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csdesk.core.db import alembic_config  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "schemas"
STAMP = "'2025-01-02 03:04:05.000000'"

#: Rows every revision can hold (the tables of 0001), by statement.
COMMON = [
    "INSERT INTO departments (id, name, description, routing_notes) "
    "VALUES (2, 'Billing', 'Invoices & refunds', 'invoices → Ada')",
    "INSERT INTO colleagues (id, name, email, phone, title, department_id, notes, active) "
    "VALUES (7, 'Ada Lovelace', 'ada@example.com', '+44 20 7946 0001', 'CSS', 2, '', 1)",
    "INSERT INTO colleagues (id, name, email, phone, title, department_id, notes, active) "
    "VALUES (8, 'Zoë Brandão', 'zoe@example.com', '', 'Account manager', NULL, 'ünïcødé', 1)",
    "INSERT INTO accounts (id, name, external_id, parent_id, paid_seats, lifecycle_stage, "
    "health, renewal_date, account_manager_id, regional_manager_id, website, notes, "
    f"created_at, updated_at) VALUES (3, 'Northwind Clinic', 'SF-001', NULL, 120, 'adoption', "
    f"'watch', '2026-03-31', 8, NULL, '', '', {STAMP}, {STAMP})",
    "INSERT INTO accounts (id, name, external_id, parent_id, paid_seats, lifecycle_stage, "
    "health, renewal_date, account_manager_id, regional_manager_id, website, notes, "
    f"created_at, updated_at) VALUES (4, 'Northwind East', 'SF-002', 3, 30, 'onboarding', "
    f"'good', NULL, 8, NULL, 'https://east.example', 'franchise', {STAMP}, {STAMP})",
]


def _item(item_id: int, title: str, key: str, account: int) -> str:
    return (
        "INSERT INTO work_items (id, item_type, kind_id, title, description, account_id, "
        "department_id, status, prior_waiting_status, status_changed_at, priority, category, "
        "channels, external_url, external_key, source, account_manager_id, regional_manager_id, "
        "created_at, updated_at, due_at, last_follow_up_at, done_at) "
        f"VALUES ({item_id}, 'task', NULL, '{title}', 'line one\nline two', {account}, NULL, "
        f"'open', NULL, {STAMP}, 'high', 'template_upload', '[\"email\"]', '', '{key}', "
        f"'teamwork', NULL, NULL, {STAMP}, {STAMP}, '2025-01-04 03:04:05.000000', NULL, NULL)"
    )


ITEMS = [
    _item(11, "Upload the onboarding template", "TW-42", 3),
    _item(12, "Renewal call with the clinic", "TW-43", 4),
    "INSERT INTO work_item_assignees (item_id, colleague_id) VALUES (11, 7)",
    "INSERT INTO work_item_assignees (item_id, colleague_id) VALUES (12, 7)",
    "INSERT INTO settings (key, value) VALUES ('high_load_threshold', '25')",
]

#: What later revisions add, by the revision that first has the table or column.
EXTRA: dict[str, list[str]] = {
    "0003": [
        "UPDATE work_items SET escalation_clock_at = '2025-01-03 09:00:00.000000' WHERE id = 12",
        "INSERT INTO reminders_sent (item_id, event, at) "
        "VALUES (12, 'overdue', '2025-01-05 08:00:00.000000')",
    ],
}


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def make(revision: str, path: Path) -> None:
    path.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()
    order = revisions()
    con = sqlite3.connect(path)
    try:
        for statement in COMMON + ITEMS:
            con.execute(statement)
        for since, statements in EXTRA.items():
            if order.index(revision) >= order.index(since):
                for statement in statements:
                    con.execute(statement)
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for revision in revisions():
        target = OUT / f"{revision}.sqlite3"
        make(revision, target)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
