"""Opening the database: creation, pragmas, migrations, backups and refusals."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from csdesk.core.db import (
    Database,
    alembic_config,
    head_revision,
    known_revisions,
    open_database,
    sqlite_url,
)
from csdesk.core.errors import DatabaseError, KnownError, SchemaTooNewError
from csdesk.core.models import Base
from csdesk.core.portfolio import list_accounts
from csdesk.core.workitems import get_item, list_kinds
from csdesk.paths import AppPaths

FIRST = "0001"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sidecars(path: Path) -> list[str]:
    """The -wal / -shm / -journal files SQLite leaves beside a database."""
    return sorted(
        p.name
        for p in path.parent.iterdir()
        if p.name != path.name and p.name.startswith(path.name)
    )


def _revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _make_head_db(path: Path) -> None:
    database = open_database(sqlite_url(path))
    database.close()


def _make_first_revision_db(path: Path) -> None:
    """A database at revision 0001 holding an account, a colleague and an assigned task."""
    engine = create_engine(sqlite_url(path))
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, FIRST)
            conn.execute(
                text(
                    "INSERT INTO colleagues (id, name, email, phone, title, department_id, notes, active) "
                    "VALUES (7, 'Ada Lovelace', 'ada@example.com', '', 'CSS', NULL, '', 1)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO accounts (id, name, external_id, parent_id, paid_seats, "
                    "lifecycle_stage, health, renewal_date, account_manager_id, "
                    "regional_manager_id, website, notes, created_at, updated_at) "
                    "VALUES (3, 'Northwind Clinic', 'SF-001', NULL, 120, 'adoption', 'watch', "
                    "'2026-03-31', 7, NULL, '', '', '2025-01-02 03:04:05.000000', "
                    "'2025-01-02 03:04:05.000000')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO work_items (id, item_type, kind_id, title, description, "
                    "account_id, department_id, status, prior_waiting_status, status_changed_at, "
                    "priority, category, channels, external_url, external_key, source, "
                    "account_manager_id, regional_manager_id, created_at, updated_at, due_at, "
                    "last_follow_up_at, done_at) "
                    "VALUES (11, 'task', NULL, 'Upload the onboarding template', '', 3, NULL, "
                    "'open', NULL, '2025-01-02 03:04:05.000000', 'high', 'template_upload', "
                    "'[\"email\"]', '', 'TW-42', 'teamwork', NULL, NULL, "
                    "'2025-01-02 03:04:05.000000', '2025-01-02 03:04:05.000000', "
                    "'2025-01-04 03:04:05.000000', NULL, NULL)"
                )
            )
            conn.execute(
                text("INSERT INTO work_item_assignees (item_id, colleague_id) VALUES (11, 7)")
            )
    finally:
        engine.dispose()


# ------------------------------------------------------------------ new file


def test_open_creates_a_new_file_in_wal_mode_with_foreign_keys(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    assert not path.exists()
    database = open_database(sqlite_url(path), app_paths.backup_dir)
    try:
        assert path.is_file()
        assert database.sqlite_path == path
        assert database.backup_made is None
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # foreign keys are not only switched on, they are enforced
        with pytest.raises(IntegrityError), database.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO work_item_assignees (item_id, colleague_id) VALUES (999, 999)"
            )
    finally:
        database.close()
    assert list(app_paths.backup_dir.iterdir()) == []


def test_new_database_is_stamped_with_the_head_revision(db: Database) -> None:
    head = head_revision()
    assert _revision(db) == head
    assert head in known_revisions()
    assert FIRST in known_revisions()
    assert head != FIRST


def test_revision_list_matches_the_migration_scripts() -> None:
    """open_database checks stamps against csdesk.core.db.REVISIONS without loading
    Alembic: the list must be Alembic's own chain, oldest first. A new migration
    script fails here until its revision is added to REVISIONS."""
    from alembic.script import ScriptDirectory

    from csdesk.core.db import REVISIONS

    scripts = ScriptDirectory.from_config(alembic_config())
    chain = [s.revision for s in scripts.walk_revisions()][::-1]
    assert scripts.get_current_head() == head_revision()
    assert tuple(chain) == REVISIONS


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "db.sqlite3"
    _make_head_db(path)
    code = (
        "import sys; from csdesk.core.db import open_database, sqlite_url; "
        f"open_database(sqlite_url({str(path)!r})).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_models_match_the_migrations(db: Database) -> None:
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


# Foreign keys without an index, and why that is fine: small tables, or parents
# (colleagues, departments, products, accounts) deleted rarely and by hand.
UNINDEXED_FOREIGN_KEYS = {
    ("colleagues", "department_id"), ("task_kinds", "department_id"),
    ("accounts", "regional_manager_id"), ("accounts", "parent_id"),
    ("accounts", "account_manager_id"), ("department_contacts", "colleague_id"),
    ("ooo_plans", "team_lead_id"), ("ooo_plans", "colleague_id"), ("ooo_plans", "backup_id"),
    ("account_products", "product_id"), ("lifecycle_events", "account_id"),
    ("work_items", "regional_manager_id"), ("work_items", "kind_id"),
    ("work_items", "department_id"), ("work_items", "account_manager_id"),
    ("delegations", "to_colleague_id"), ("handoff_items", "admin_id"),
    ("work_item_followers", "colleague_id"),
}  # fmt: skip


def test_foreign_keys_of_big_or_per_item_tables_are_indexed(db: Database) -> None:
    """A look-up by item (an item's conversations) or a cascade on delete must not scan a table.

    comm_log.item_id had no index: re-importing a Jira ticket cost ~7 ms in that
    one query at 100,000 log entries.
    """
    con = db.engine.raw_connection()
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        missing = set()
        for table in tables:
            first = {
                con.execute(f"PRAGMA index_info('{index[1]}')").fetchone()[2]
                for index in con.execute(f"PRAGMA index_list('{table}')")
            }
            for fk in con.execute(f"PRAGMA foreign_key_list('{table}')"):
                if fk[3] not in first:
                    missing.add((table, fk[3]))
    finally:
        con.close()
    assert missing == UNINDEXED_FOREIGN_KEYS


def test_session_commits_on_success_and_rolls_back_on_error(db: Database) -> None:
    with db.session() as s:
        s.execute(text("INSERT INTO settings (key, value) VALUES ('kept', '1')"))
    with pytest.raises(RuntimeError), db.session() as s:
        s.execute(text("INSERT INTO settings (key, value) VALUES ('lost', '2')"))
        raise RuntimeError("boom")
    with db.session() as s:
        keys = s.scalars(text("SELECT key FROM settings ORDER BY key")).all()
    assert keys == ["kept"]


def test_reference_data_is_present_in_a_new_database(db: Database) -> None:
    kinds = {k.name: k.default_due_hours for k in list_kinds(db)}
    assert kinds["General request"] == 48
    assert kinds["New website page with content"] == 240
    with db.session() as s:
        minutes = dict(s.execute(text("SELECT name, business_minutes FROM sla_policies")).all())
    assert minutes["Email reply"] == 8 * 60
    assert minutes["Chat reply"] == 30


def test_url_to_sqlite_in_a_new_nested_directory(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c" / "team.sqlite3"
    assert not path.parent.exists()
    database = open_database(f"sqlite:///{path}")
    try:
        assert path.is_file()
        assert database.sqlite_path == path
        assert _revision(database) == head_revision()
        assert database.backup_made is None
    finally:
        database.close()


def test_an_empty_file_is_treated_as_a_new_database(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    path.touch()
    database = open_database(sqlite_url(path), app_paths.backup_dir)
    try:
        assert _revision(database) == head_revision()
        assert database.backup_made is None
    finally:
        database.close()


def test_reopening_a_head_database_makes_no_backup(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    _make_head_db(path)
    database = open_database(sqlite_url(path), app_paths.backup_dir)
    try:
        assert database.backup_made is None
        assert _revision(database) == head_revision()
    finally:
        database.close()
    assert list(app_paths.backup_dir.iterdir()) == []


# ------------------------------------------------------------------ upgrades


def test_upgrade_from_the_first_revision_keeps_the_data(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    _make_first_revision_db(path)

    database = open_database(sqlite_url(path), app_paths.backup_dir)
    try:
        assert _revision(database) == head_revision()

        item = get_item(database, 11)
        assert item.title == "Upload the onboarding template"
        assert [c.name for c in item.assignees] == ["Ada Lovelace"]
        assert item.account is not None
        assert item.account.name == "Northwind Clinic"
        assert item.channels == ["email"]
        assert item.external_key == "TW-42"
        assert item.due_at == dt.datetime(2025, 1, 4, 3, 4, 5, tzinfo=dt.UTC)

        [account] = list_accounts(database)
        assert (account.name, account.paid_seats, account.account_manager) == (
            "Northwind Clinic",
            120,
            "Ada Lovelace",
        )
        assert account.renewal_date == dt.date(2026, 3, 31)
        assert account.open_items == 1

        # the reference data of revision 0002 arrived
        kinds = {k.name: k.default_due_hours for k in list_kinds(database)}
        assert kinds["New website page with content"] == 240
    finally:
        database.close()

    backup = database.backup_made
    assert backup is not None
    assert backup.parent == app_paths.backup_dir
    assert backup.is_file()
    assert head_revision() in backup.name
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(FIRST,)]
        assert con.execute("SELECT id, title FROM work_items").fetchall() == [
            (11, "Upload the onboarding template")
        ]
        assert con.execute("SELECT count(*) FROM task_kinds").fetchone() == (0,)
    finally:
        con.close()


def test_upgrade_without_backup_dir_still_migrates(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _make_first_revision_db(path)
    database = open_database(sqlite_url(path))
    try:
        assert database.backup_made is None
        assert _revision(database) == head_revision()
        assert get_item(database, 11).title == "Upload the onboarding template"
    finally:
        database.close()


def test_migrate_false_leaves_an_old_database_at_its_revision(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    _make_first_revision_db(path)
    database = open_database(sqlite_url(path), app_paths.backup_dir, migrate=False)
    try:
        assert _revision(database) == FIRST
        assert database.backup_made is None
    finally:
        database.close()


# ------------------------------------------------------------------ refusals


def _stamp(path: Path, revision: str) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        con.commit()
    finally:
        con.close()


def test_a_newer_schema_is_refused_and_the_file_left_untouched(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    _make_head_db(path)
    _stamp(path, "9999")
    before = _sha(path)

    with pytest.raises(SchemaTooNewError) as info:
        open_database(sqlite_url(path), app_paths.backup_dir)

    assert isinstance(info.value, DatabaseError)
    assert "9999" in info.value.message
    assert "newer version of csdesk" in info.value.message
    assert "has not changed it" in info.value.message
    assert _sha(path) == before
    assert list(app_paths.backup_dir.iterdir()) == []


def test_a_refused_newer_schema_leaves_no_wal_files(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    _make_head_db(path)
    _stamp(path, "9999")
    assert _sidecars(path) == []

    with pytest.raises(SchemaTooNewError):
        open_database(sqlite_url(path), app_paths.backup_dir)

    assert _sidecars(path) == []


def test_a_corrupt_file_is_refused_with_a_clear_message(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    path.write_bytes(random.Random(20261123).randbytes(8192))
    before = _sha(path)

    with pytest.raises(DatabaseError) as info:
        open_database(sqlite_url(path), app_paths.backup_dir)

    assert not isinstance(info.value, SchemaTooNewError)
    message = info.value.message
    assert str(path) in message
    assert "damaged or is not a database" in message
    assert "has not changed it" in message
    assert _sha(path) == before
    assert _sidecars(path) == []
    assert list(app_paths.backup_dir.iterdir()) == []


def test_a_foreign_sqlite_file_is_refused_untouched(app_paths: AppPaths) -> None:
    path = app_paths.database_file()
    con = sqlite3.connect(path)
    try:
        con.execute("CREATE TABLE recipes (name TEXT)")
        con.execute("INSERT INTO recipes VALUES ('soup')")
        con.commit()
    finally:
        con.close()
    before = _sha(path)

    with pytest.raises(DatabaseError) as info:
        open_database(sqlite_url(path), app_paths.backup_dir)

    assert isinstance(info.value, KnownError)
    assert not isinstance(info.value, SchemaTooNewError)
    assert "not a csdesk one" in info.value.message
    assert str(path) in info.value.message
    assert _sha(path) == before
    assert _sidecars(path) == []
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    finally:
        con.close()
    assert tables == ["recipes"]


def test_a_savepoint_inside_a_rolled_back_transaction_writes_nothing(db: Database) -> None:
    """pysqlite would commit on RELEASE SAVEPOINT without an explicit BEGIN (imports rely on this)."""
    from sqlalchemy import func, select

    from csdesk.core.models import Product

    class Undo(Exception):
        pass

    with pytest.raises(Undo), db.session() as s:
        with s.begin_nested():
            s.add(Product(name="Scheduling"))
        raise Undo
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0
