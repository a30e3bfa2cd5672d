"""Every released schema revision upgrades with its data intact and a backup made (issue 9,
point 5). The fixtures are made by tools/make_schema_fixtures.py and never change."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext

from csdesk.core.db import head_revision, known_revisions, open_database, sqlite_url
from csdesk.core.portfolio import list_accounts
from csdesk.core.workitems import get_item, list_kinds
from csdesk.paths import AppPaths
from tests.robustness.conftest import integrity, table_rows

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
REVISIONS = sorted(known_revisions())


def test_there_is_a_fixture_for_every_released_revision() -> None:
    have = sorted(p.stem for p in SCHEMAS.glob("*.sqlite3"))
    assert have == REVISIONS, "run tools/make_schema_fixtures.py and commit the new file"


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_database_of_every_revision_upgrades_with_its_data(
    revision: str, app_paths: AppPaths
) -> None:
    fixture = SCHEMAS / f"{revision}.sqlite3"
    fixture_sha = hashlib.sha256(fixture.read_bytes()).hexdigest()
    path = app_paths.database_file()
    shutil.copyfile(fixture, path)
    before = table_rows(path)

    db = open_database(sqlite_url(path), app_paths.backup_dir)
    try:
        with db.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        item = get_item(db, 11)
        assert item.title == "Upload the onboarding template"
        assert item.description == "line one\nline two"
        assert [c.name for c in item.assignees] == ["Ada Lovelace"]
        assert item.channels == ["email"]
        assert item.due_at == dt.datetime(2025, 1, 4, 3, 4, 5, tzinfo=dt.UTC)
        accounts = {a.name: a for a in list_accounts(db)}
        assert set(accounts) == {"Northwind Clinic", "Northwind East"}
        clinic = accounts["Northwind Clinic"]
        assert (clinic.paid_seats, clinic.account_manager) == (120, "Zoë Brandão")
        assert clinic.renewal_date == dt.date(2026, 3, 31)
        kinds = {k.name: k.default_due_hours for k in list_kinds(db)}
        assert kinds["New website page with content"] == 240  # reference data of 0002
    finally:
        db.close()

    after = table_rows(path)
    assert integrity(path) == "ok"
    # every row the old database held is still there (later revisions add reference data
    # and columns: a row that gained a column is compared on its old columns)
    lost = 0
    for table, rows in before.items():
        if table == "alembic_version" or not rows:
            continue
        width = len(rows[0])
        kept = {r[:width] for r in after[table]}
        lost += sum(1 for r in rows if r not in kept)
    assert lost == 0
    if revision >= "0003":
        con = sqlite3.connect(path)
        try:
            assert con.execute("SELECT event FROM reminders_sent").fetchall() == [("overdue",)]
            assert con.execute(
                "SELECT escalation_clock_at FROM work_items WHERE id = 12"
            ).fetchone() == ("2025-01-03 09:00:00.000000",)
        finally:
            con.close()

    backup = db.backup_made
    if revision == head_revision():
        assert backup is None  # nothing to upgrade, nothing to back up
    else:
        assert backup is not None and backup.parent == app_paths.backup_dir
        assert integrity(backup) == "ok"
        assert table_rows(backup) == before  # the database as it was, revision and all
    assert hashlib.sha256(fixture.read_bytes()).hexdigest() == fixture_sha
