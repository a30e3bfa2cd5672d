"""Teamwork Projects tasks: fields, date order, accounts by project, R2, re-import, all-or-nothing."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from csdesk.core import portfolio
from csdesk.core.db import Database
from csdesk.core.enums import Category, Channel, ItemEventKind, ItemType, Priority, Status
from csdesk.core.errors import KnownError
from csdesk.core.imports.base import ImportResult, detect, importer_for, run_import
from csdesk.core.imports.teamwork import TeamworkTasks
from csdesk.core.models import WorkItem
from tests.core.imports.conftest import FIXTURES, add_team, dump, names

UTC = dt.UTC
S = Status


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    ids = add_team(db)
    portfolio.save_account(db, portfolio.AccountInput("St. Brigid's Hospital"))
    return ids


def run(db: Database, path: Path | str, dry_run: bool = False, **kw: str) -> ImportResult:
    file = path if isinstance(path, Path) else FIXTURES / path
    return run_import(db, TeamworkTasks(**kw), file, dry_run=dry_run)


def tasks(db: Database) -> dict[str, WorkItem]:
    with db.session() as s:
        items = s.scalars(
            select(WorkItem).options(
                selectinload(WorkItem.assignees),
                selectinload(WorkItem.account),
                selectinload(WorkItem.events),
            )
        ).all()
        return {i.external_key or i.title: i for i in items}


def write(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(headers)
        w.writerows(rows)
    return path


def test_the_export_imports_every_task(db: Database, people: dict[str, int]) -> None:
    result = run(db, "teamwork_tasks.csv")
    assert result.ok, result.errors
    assert (result.rows, result.created, result.updated, result.skipped) == (10, 10, 0, 0)
    t = tasks(db)
    assert {k: v.status for k, v in t.items()} == {
        "28461093": S.OPEN,
        "28461094": S.IN_PROGRESS,  # active with 50 % progress
        "28461095": S.OPEN,
        "28461096": S.DONE,
        "28461120": S.OPEN,
        "28461121": S.OPEN,
        "28461122": S.OPEN,
        "28461140": S.OPEN,
        "28461141": S.DONE,
        "28461142": S.CANCELLED,  # deleted in Teamwork
    }
    for item in t.values():
        assert item.item_type is ItemType.TASK
        assert item.source == "teamwork"
        assert item.channels == [Channel.TASK_TOOL.value]
        assert item.external_url == ""
        assert [e.kind for e in item.events] == [ItemEventKind.CREATED]
    assert t["28461093"].priority is Priority.HIGH
    assert t["28461121"].priority is Priority.MEDIUM  # "None": csdesk's default
    assert t["28461141"].priority is Priority.LOW
    assert t["28461095"].category is Category.SSO_INTEGRATION
    assert t["28461096"].category is Category.TEMPLATE_UPLOAD
    assert t["28461141"].category is Category.BILLING
    assert t["28461093"].title == "Schedule the kick-off call with Dana"
    description = t["28461096"].description
    assert description.startswith('3 templates, "Nurse", "Physician", "Admin staff"')
    assert "task list: Configuration" in description and "estimated time: 2h" in description
    assert "Send the invite from the shared calendar." in t["28461093"].description


def test_projects_find_accounts(db: Database, people: dict[str, int]) -> None:
    result = run(db, "teamwork_tasks.csv")
    t = tasks(db)
    # "Northwind Health – Onboarding" is a project of the account "Northwind Health"
    northwind = t["28461093"].account
    assert northwind is not None and northwind.name == "Northwind Health"
    assert any(
        "“Northwind Health – Onboarding” was taken to be the account" in n for n in result.notes
    )
    brigid = t["28461120"].account
    assert brigid is not None and brigid.name == "St. Brigid's Hospital"
    maple = t["28461140"].account
    assert maple is not None and maple.name == "Maple Grove Senior Living"
    assert "Created by the Teamwork import" in maple.notes
    assert any(n.startswith("Created account “Maple Grove Senior Living”") for n in result.notes)
    assert len(portfolio.list_accounts(db)) == 3


def test_dates_day_first_in_the_chosen_zone(db: Database, people: dict[str, int]) -> None:
    run(db, "teamwork_tasks.csv", timezone="America/New_York")
    t = tasks(db)
    # 16/11/2026 09:12 in New York (EST, UTC-5)
    assert t["28461093"].created_at == dt.datetime(2026, 11, 16, 14, 12, tzinfo=UTC)
    # a due *date* is the end of that day where the CSM works
    assert t["28461093"].due_at == dt.datetime(2026, 11, 21, 4, 59, tzinfo=UTC)
    assert t["28461095"].due_at == dt.datetime(2026, 11, 28, 4, 59, tzinfo=UTC)  # ISO date
    assert t["28461096"].done_at == dt.datetime(2026, 11, 19, 21, 40, tzinfo=UTC)
    assert t["28461096"].status_changed_at == t["28461096"].done_at
    assert t["28461121"].due_at is None


def test_assignees_r2(db: Database, people: dict[str, int]) -> None:
    result = run(db, "teamwork_tasks.csv")
    t = tasks(db)
    for key, item in t.items():
        assert {"Casey Morgan", "Priya Raman"} <= names(item.assignees), key
    assert names(t["28461093"].assignees) == {"Casey Morgan", "Priya Raman", "Łukasz Nowak"}
    assert names(t["28461121"].assignees) == {"Casey Morgan", "Priya Raman"}  # "Anyone"
    assert any("Tomás Ruiz" in n and "task 28461122" in n for n in result.notes)


def test_site_links_each_task(db: Database, people: dict[str, int]) -> None:
    run(db, "teamwork_tasks.csv", site="acme")
    assert tasks(db)["28461093"].external_url == "https://acme.teamwork.com/app/tasks/28461093"


@pytest.mark.parametrize(
    "site", ["acme", "acme.teamwork.com", "https://acme.teamwork.com/", "http://acme.teamwork.com"]
)
def test_site_forms(db: Database, people: dict[str, int], site: str) -> None:
    run(db, "teamwork_tasks.csv", site=site)
    assert tasks(db)["28461094"].external_url.endswith("acme.teamwork.com/app/tasks/28461094")


def test_reimport_changes_nothing(db: Database, people: dict[str, int]) -> None:
    run(db, "teamwork_tasks.csv")
    before = dump(db)
    again = run(db, "teamwork_tasks.csv")
    assert again.ok and again.written
    assert (again.created, again.updated, again.skipped) == (0, 0, 10)
    assert dump(db) == before


def test_reimport_updates_by_task_id(db: Database, people: dict[str, int], tmp_path: Path) -> None:
    run(db, "teamwork_tasks.csv")
    first = tasks(db)
    with (FIXTURES / "teamwork_tasks.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for r in rows[1:]:
        if r[0] == "28461093":
            r[header.index("Status")] = "Completed"
            r[header.index("Completed on")] = "20/11/2026 10:00"
        if r[0] == "28461096":  # reopened
            r[header.index("Status")] = "Reopened"
            r[header.index("Completed on")] = ""
    path = write(tmp_path / "changed.csv", header, rows[1:])
    result = run(db, path)
    assert result.ok, result.errors
    assert (result.created, result.updated, result.skipped) == (0, 2, 8)
    t = tasks(db)
    assert t["28461093"].id == first["28461093"].id
    assert t["28461093"].status is S.DONE
    assert t["28461093"].done_at == dt.datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert t["28461096"].status is S.OPEN and t["28461096"].done_at is None
    kinds = [e.kind for e in t["28461096"].events]
    assert kinds == [ItemEventKind.CREATED, ItemEventKind.STATUS_CHANGE, ItemEventKind.UPDATED]


def test_a_bad_date_changes_nothing_and_names_row_and_column(
    db: Database, people: dict[str, int]
) -> None:
    before = dump(db)
    result = run(db, "teamwork_bad_date.csv")
    assert [(e.row, e.column) for e in result.errors] == [(3, "Due date")]
    message = result.errors[0].message
    assert "“11/20/2026” is not a valid day-month-year date: there is no month 20" in message
    assert "MDY" in message
    assert dump(db) == before


def test_the_same_file_imports_month_first(db: Database, people: dict[str, int]) -> None:
    result = run(db, "teamwork_bad_date.csv", date_order="MDY")
    assert result.ok, result.errors
    assert tasks(db)["28461094"].due_at == dt.datetime(2026, 11, 20, 23, 59, tzinfo=UTC)


def test_an_unknown_date_order_is_refused(db: Database, people: dict[str, int]) -> None:
    with pytest.raises(KnownError, match="DMY"):
        run(db, "teamwork_tasks.csv", date_order="YMD")


def test_dry_run_writes_nothing(db: Database, people: dict[str, int]) -> None:
    before = dump(db)
    result = run(db, "teamwork_tasks.csv", dry_run=True)
    assert result.ok and not result.written and result.created == 10
    assert dump(db) == before


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("Priority", "Urgent!", "priority “Urgent!”"),
        ("Status", "Archived", "status “Archived”"),
        ("Progress", "150%", "between 0 and 100"),
        ("Task ID", "T-12", "not a Teamwork task id"),
        ("Created on", "32/01/2026", "not a real date"),
    ],
)
def test_errors_name_the_row_and_the_column(
    db: Database, people: dict[str, int], tmp_path: Path, column: str, value: str, words: str
) -> None:
    headers = ["Task ID", "Task name", "Priority", "Status", "Progress", "Created on"]
    bad = ["2", "Broken", "", "", "", ""]
    bad[headers.index(column)] = value
    path = write(tmp_path / "bad.csv", headers, [["1", "Fine", "", "", "", ""], bad])
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [(3, column)]
    assert words in result.errors[0].message


def test_completed_column_and_aliases(db: Database, people: dict[str, int], tmp_path: Path) -> None:
    path = write(
        tmp_path / "aliases.csv",
        ["ID", "Title", "Completed", "Assigned to", "Project", "Due date"],
        [
            ["11", "Done already", "Yes", "Priya Raman", "Northwind Health", "2026-11-20"],
            ["12", "Still open", "No", "", "northwind health", "20261121"],
        ],
    )
    result = run(db, path)
    assert result.ok, result.errors
    t = tasks(db)
    assert t["11"].status is S.DONE and t["12"].status is S.OPEN
    assert t["12"].account_id == t["11"].account_id
    assert t["12"].due_at == dt.datetime(2026, 11, 21, 23, 59, tzinfo=UTC)


def test_rows_without_a_task_id_are_imported_with_a_note(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path / "noid.csv", ["Task name"], [["First"], ["Second"]])
    result = run(db, path)
    assert result.ok and result.created == 2
    assert any("2 task(s) had no id in Teamwork" in n for n in result.notes)


def test_nobody_to_assign_is_refused(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "nobody.csv", ["Task ID", "Task name", "Assigned to"], [["1", "x", "Sam"]]
    )
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Assigned to")]
    assert result.errors[0].message.startswith("No assignee")


def test_detect_picks_teamwork() -> None:
    with (FIXTURES / "teamwork_tasks.csv").open(encoding="utf-8-sig", newline="") as f:
        headers = next(csv.reader(f))
    assert isinstance(detect("tasks", headers), TeamworkTasks)
    assert isinstance(importer_for("tasks", "teamwork"), TeamworkTasks)
