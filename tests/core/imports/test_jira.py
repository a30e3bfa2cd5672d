"""Jira Service Desk tickets: statuses, AM/RM (R6, R7), R2, comments, re-import, all-or-nothing."""

from __future__ import annotations

import csv
import datetime as dt
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from csdesk.core import directory, portfolio
from csdesk.core.db import Database
from csdesk.core.enums import (
    Category,
    Channel,
    Direction,
    ItemEventKind,
    ItemType,
    Priority,
    Role,
    Status,
)
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.imports.base import ImportResult, detect, importer_for, run_import
from csdesk.core.imports.jira import JiraTickets, guess_category, parse_when
from csdesk.core.models import Colleague, CommLogEntry, WorkItem
from csdesk.core.progress import Cancelled, Progress
from tests.core.imports.conftest import FIXTURES, add_team, dump, names, person

UTC = dt.UTC
S = Status


# ------------------------------------------------------------------ helpers


def add_people(db: Database) -> dict[str, int]:
    """Chad (account and regional manager) and the two accounts the fixture files name."""
    ids = add_team(db, ("chad", "Chad Okafor", (Role.ACCOUNT_MANAGER, Role.REGIONAL_MANAGER)))
    portfolio.save_account(
        db,
        portfolio.AccountInput(
            "St. Brigid's Hospital", account_manager_id=ids["chad"], regional_manager_id=ids["chad"]
        ),
    )
    portfolio.save_account(db, portfolio.AccountInput("Hôpital Sainte-Anne"))
    return ids


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    return add_people(db)


def run(
    db: Database,
    path: Path | str,
    dry_run: bool = False,
    progress: Progress | None = None,
    **kw: str,
) -> ImportResult:
    file = path if isinstance(path, Path) else FIXTURES / path
    return run_import(db, JiraTickets(**kw), file, dry_run=dry_run, progress=progress)


def tickets(db: Database) -> dict[str, WorkItem]:
    with db.session() as s:
        items = s.scalars(
            select(WorkItem).options(
                selectinload(WorkItem.assignees),
                selectinload(WorkItem.followers),
                selectinload(WorkItem.account),
                selectinload(WorkItem.account_manager),
                selectinload(WorkItem.regional_manager),
                selectinload(WorkItem.events),
            )
        ).all()
        return {i.external_key or str(i.id): i for i in items}


def comments(db: Database) -> list[CommLogEntry]:
    with db.session() as s:
        return list(
            s.scalars(
                select(CommLogEntry)
                .options(selectinload(CommLogEntry.item), selectinload(CommLogEntry.account))
                .order_by(CommLogEntry.occurred_at)
            )
        )


HEADERS = [
    "Summary",
    "Issue key",
    "Status",
    "Priority",
    "Assignee",
    "Created",
    "Updated",
    "Watchers",
    "Watchers",
    "Comment",
    "Custom field (Account Manager)",
    "Custom field (Regional Manager)",
    "Custom field (Organizations)",
]


def write(path: Path, rows: list[dict[str, str]], headers: list[str] = HEADERS) -> Path:
    """A small Jira-like CSV: each row a dict by header (Watchers as "Watchers", "Watchers2")."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(headers)
        for r in rows:
            seen: dict[str, int] = {}
            cells = []
            for h in headers:
                seen[h] = seen.get(h, 0) + 1
                cells.append(r.get(h if seen[h] == 1 else f"{h}{seen[h]}", ""))
            w.writerow(cells)
    return path


# ------------------------------------------------------------------ the fixture file


def test_the_export_imports_every_ticket_with_its_status(
    db: Database, people: dict[str, int]
) -> None:
    result = run(db, "jira_tickets.csv")
    assert result.ok, result.errors
    assert result.written
    assert (result.rows, result.created, result.updated, result.skipped) == (15, 15, 0, 0)
    t = tickets(db)
    assert {k: v.status for k, v in t.items()} == {
        "NWH-101": S.OPEN,
        "NWH-102": S.IN_PROGRESS,
        "NWH-103": S.WAITING_FOR_CUSTOMER,
        "NWH-104": S.WAITING_FOR_SUPPORT,
        "NWH-105": S.WAITING_FOR_ACCOUNT_MANAGER,
        "NWH-106": S.WAITING_FOR_MANAGEMENT,
        "NWH-107": S.WAITING_FOR_SUPPORT,
        "SBH-201": S.WAITING_FOR_ACCOUNT_MANAGER,
        "SBH-202": S.DONE,
        "SBH-203": S.CANCELLED,  # Closed, resolution "Duplicate"
        "SBH-204": S.CANCELLED,
        "LVC-301": S.OPEN,
        "LVC-302": S.OPEN,
        "HSA-401": S.DONE,
        "HSA-402": S.OPEN,
    }
    for item in t.values():
        assert item.item_type is ItemType.TICKET
        assert item.source == "jira"
        assert item.channels == [Channel.TICKET.value]
        assert item.prior_waiting_status is None  # never invented by an import (R9)
        assert [e.kind for e in item.events] == [ItemEventKind.CREATED]
    assert t["NWH-102"].priority is Priority.HIGHEST
    assert t["HSA-402"].priority is Priority.LOWEST
    assert t["NWH-101"].category is Category.LOGIN_PROBLEM
    assert t["NWH-102"].category is Category.SSO_INTEGRATION
    assert t["NWH-104"].category is Category.REGULATORY_COMPLIANCE  # compliance beats report
    assert t["NWH-106"].category is Category.ESCALATION
    assert t["SBH-202"].category is Category.TRAINING
    assert t["NWH-105"].category is Category.GENERAL
    assert t["NWH-101"].external_url == ""


def test_multi_line_description_keeps_quotes_commas_and_the_reporter(
    db: Database, people: dict[str, int]
) -> None:
    run(db, "jira_tickets.csv")
    description = tickets(db)["NWH-101"].description
    assert description.startswith(
        'Since this morning, nurses on the "night shift" cannot log in.\n'
    )
    assert 'click "Sign in"' in description
    assert '"Invalid credentials, please retry" — even' in description
    assert description.endswith(
        "From Jira: request type: Get IT help; reporter: Dana Whitaker; "
        "labels: login, password-reset; components: Portal."
    )
    assert "« Hôpital » devient « HÃ´pital »" in tickets(db)["HSA-401"].description


def test_organisations_find_accounts_or_create_them_with_a_note(
    db: Database, people: dict[str, int]
) -> None:
    result = run(db, "jira_tickets.csv")
    t = tickets(db)
    assert t["NWH-101"].account is not None and t["NWH-101"].account.name == "Northwind Health"
    # matched case-insensitively, accents and all
    assert t["HSA-401"].account is not None and t["HSA-401"].account.name == "Hôpital Sainte-Anne"
    assert t["HSA-401"].account_id == t["HSA-402"].account_id
    created = t["LVC-301"].account
    assert created is not None and created.name == "Lakeview Clinics"
    assert "Created by the Jira import" in created.notes
    assert t["LVC-302"].account_id == created.id
    assert (
        "Created account “Lakeview Clinics” from the Jira organisation: complete it in the Portfolio."
        in result.notes
    )
    assert [a.name for a in portfolio.list_accounts(db)].count("Lakeview Clinics") == 1


def test_several_organisations_and_commas_in_a_name(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    org = "Custom field (Organizations)"
    path = write(
        tmp_path / "orgs.csv",
        [
            {"Summary": "Both", "Issue key": "X-1", org: "Northwind Health, St. Brigid's Hospital"},
            {"Summary": "Inc", "Issue key": "X-2", org: "Acme Staffing, Inc."},
        ],
    )
    result = run(db, path)
    assert result.ok, result.errors
    t = tickets(db)
    assert t["X-1"].account is not None and t["X-1"].account.name == "Northwind Health"
    assert any("several organisations" in n and "X-1" in n for n in result.notes)
    assert t["X-2"].account is not None and t["X-2"].account.name == "Acme Staffing, Inc."


def test_account_and_regional_managers(db: Database, people: dict[str, int]) -> None:
    result = run(db, "jira_tickets.csv")
    t = tickets(db)
    am, rm = t["NWH-105"].account_manager, t["NWH-105"].regional_manager
    assert am is not None and am.id == people["zoe"]
    assert rm is not None and rm.id == people["renee"]
    assert t["NWH-105"].escalation_clock_at == dt.datetime(2026, 11, 19, 10, 30, tzinfo=UTC)
    # R6: Chad is both AM and RM -> the RM field holds the fallback, James Lee.
    sbh = t["SBH-201"]
    assert sbh.account_manager is not None and sbh.account_manager.id == people["chad"]
    assert sbh.regional_manager is not None and sbh.regional_manager.id == people["fallback"]
    assert any("SBH-201" in n and "James Lee" in n and "(R6)" in n for n in result.notes)
    # A manager the Directory does not know is created with the role, and a note.
    bjorn = t["LVC-301"].account_manager
    assert bjorn is not None and bjorn.name == "Björn Ångström"
    created = directory.get_colleague(db, bjorn.id)
    assert created.role_set == {Role.ACCOUNT_MANAGER}
    assert "Jira import" in created.notes
    assert any(n.startswith("Created colleague “Björn Ångström”") for n in result.notes)


def test_r7_an_am_who_is_a_watcher_stays_a_follower_not_the_am(
    db: Database, people: dict[str, int]
) -> None:
    result = run(db, "jira_tickets.csv")
    lvc = tickets(db)["LVC-302"]
    assert lvc.account_manager is None
    assert names(lvc.followers) == {"Zoë Brandão", "Priya Raman"}
    assert lvc.regional_manager is not None and lvc.regional_manager.name == "Renée Dubois"
    assert any("LVC-302" in n and "R7" in n and "left empty" in n for n in result.notes)


def test_r7_waiting_on_the_am_keeps_the_am_field(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "r7.csv",
        [
            {
                "Summary": "Renewal question",
                "Issue key": "NWH-900",
                "Status": "Waiting for Account Manager",
                "Priority": "P2",
                "Watchers": "Zoë Brandão",
                "Watchers2": "Priya Raman",
                "Custom field (Account Manager)": "Zoë Brandão",
                "Custom field (Regional Manager)": "Renée Dubois",
            }
        ],
    )
    result = run(db, path)
    assert result.ok, result.errors
    item = tickets(db)["NWH-900"]
    assert item.account_manager is not None and item.account_manager.id == people["zoe"]
    assert names(item.followers) == {"Priya Raman"}
    assert item.priority is Priority.HIGH
    assert any("stays in that field" in n for n in result.notes)


def test_followers_and_assignees_r2(db: Database, people: dict[str, int]) -> None:
    result = run(db, "jira_tickets.csv")
    t = tickets(db)
    assert names(t["NWH-102"].followers) == {"Priya Raman"}
    assert names(t["NWH-107"].followers) == {"Zoë Brandão"}
    assert t["NWH-101"].followers == []
    for key, item in t.items():
        assert {"Casey Morgan", "Priya Raman"} <= names(item.assignees), key
    assert names(t["NWH-101"].assignees) == {"Casey Morgan", "Priya Raman", "Łukasz Nowak"}
    assert names(t["LVC-302"].assignees) == {"Casey Morgan", "Priya Raman"}  # unassigned in Jira
    assert any("Sam Agent" in n and "HSA-401" in n for n in result.notes)


def test_dates_are_read_in_utc_by_default(db: Database, people: dict[str, int]) -> None:
    run(db, "jira_tickets.csv")
    t = tickets(db)
    assert t["NWH-101"].created_at == dt.datetime(2026, 11, 20, 14, 15, tzinfo=UTC)
    assert t["NWH-102"].created_at == dt.datetime(2026, 11, 21, 9, 5, tzinfo=UTC)  # 24-hour clock
    # ISO with an offset is taken as it says
    assert t["HSA-401"].created_at == dt.datetime(2026, 11, 14, 8, 30, tzinfo=UTC)
    assert t["HSA-401"].done_at == dt.datetime(2026, 11, 15, 15, 0, tzinfo=UTC)
    assert t["SBH-202"].done_at == dt.datetime(2026, 11, 10, 11, 45, tzinfo=UTC)  # Resolved
    assert t["SBH-202"].status_changed_at == dt.datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
    # a due *day* is the end of that day
    assert t["NWH-104"].due_at == dt.datetime(2026, 11, 28, 23, 59, tzinfo=UTC)
    assert t["LVC-301"].due_at == dt.datetime(2026, 12, 4, 23, 59, tzinfo=UTC)
    assert t["NWH-101"].due_at is None
    for item in t.values():
        assert item.created_at.tzinfo is not None


def test_naive_times_are_read_in_the_chosen_time_zone(db: Database, people: dict[str, int]) -> None:
    run(db, "jira_tickets.csv", timezone="Europe/Berlin")
    t = tickets(db)
    assert t["NWH-101"].created_at == dt.datetime(2026, 11, 20, 13, 15, tzinfo=UTC)
    assert t["HSA-401"].created_at == dt.datetime(2026, 11, 14, 8, 30, tzinfo=UTC)
    assert t["NWH-104"].due_at == dt.datetime(2026, 11, 28, 22, 59, tzinfo=UTC)
    first = next(c for c in comments(db) if c.item is not None and c.item.external_key == "NWH-101")
    assert first.occurred_at == dt.datetime(2026, 11, 20, 13, 30, tzinfo=UTC)


def test_an_unknown_time_zone_is_a_clear_error(db: Database, people: dict[str, int]) -> None:
    with pytest.raises(KnownError, match="not a time zone"):
        run(db, "jira_tickets.csv", timezone="Mars/Olympus")


def test_comments_become_log_entries(db: Database, people: dict[str, int]) -> None:
    run(db, "jira_tickets.csv")
    entries = comments(db)
    assert len(entries) == 11
    by_key: dict[str, list[CommLogEntry]] = {}
    for e in entries:
        assert e.channel is Channel.TICKET_COMMENT
        assert e.item is not None and e.account is not None
        assert e.account_id == e.item.account_id
        by_key.setdefault(e.item.external_key or "", []).append(e)
    first, reply = by_key["NWH-101"]
    assert first.direction is Direction.INBOUND and first.counterpart == "Dana Whitaker"
    assert first.summary == "About 40 users are affected, mostly in the ICU."
    assert first.occurred_at == dt.datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    assert reply.direction is Direction.OUTBOUND and reply.counterpart == "Łukasz Nowak"
    assert reply.summary.startswith("Thanks Dana, we reproduced it. A fix")  # ";" in the text kept
    assert reply.summary.endswith("is being tested; I will update you tomorrow morning.")
    assert by_key["NWH-107"][1].summary == "Same result with a fresh file;\nscreenshot attached."
    assert by_key["HSA-401"][0].direction is Direction.INBOUND
    # tagging the AM is an internal comment (seed 003), not a follow-up with the customer
    (ask,) = by_key["NWH-105"]
    assert ask.direction is Direction.INTERNAL and ask.counterpart == "Priya Raman"
    assert tickets(db)["NWH-105"].last_follow_up_at is None
    # the latest outbound comment is the last follow-up (R4)
    assert tickets(db)["NWH-101"].last_follow_up_at == reply.occurred_at
    assert tickets(db)["NWH-106"].last_follow_up_at is None


def test_base_url_links_each_ticket(db: Database, people: dict[str, int]) -> None:
    run(db, "jira_tickets.csv", base_url="https://example.atlassian.net/")
    assert tickets(db)["NWH-101"].external_url == "https://example.atlassian.net/browse/NWH-101"


def test_a_base_url_without_scheme_is_refused(db: Database, people: dict[str, int]) -> None:
    with pytest.raises(KnownError, match="https://"):
        run(db, "jira_tickets.csv", base_url="example.atlassian.net")


# ------------------------------------------------------------------ re-import


def test_reimport_changes_nothing(db: Database, people: dict[str, int]) -> None:
    run(db, "jira_tickets.csv")
    before = dump(db)
    again = run(db, "jira_tickets.csv")
    assert again.ok and again.written
    assert (again.created, again.updated, again.skipped) == (0, 0, 15)
    assert "15 ticket(s) were already up to date (counted as skipped)." in again.notes
    assert dump(db) == before  # no duplicate ticket, comment, account or colleague


def test_reimport_updates_the_ticket_with_the_same_key(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    run(db, "jira_tickets.csv")
    original = tickets(db)
    with (FIXTURES / "jira_tickets.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    status, prio, upd = header.index("Status"), header.index("Priority"), header.index("Updated")
    comment = len(header) - 1  # the third Comment column, empty so far
    for r in rows[1:]:
        if r[1] == "NWH-105":  # the customer replied while waiting for the AM
            r[status], r[upd] = "Waiting for support", "23/Nov/26 9:00 AM"
            r[comment] = (
                f"23/Nov/26 9:00 AM;{r[header.index('Reporter Id')]};Any news on the discount?"
            )
        if r[1] == "SBH-202":  # reopened in Jira straight to "Waiting for customer"
            r[status], r[header.index("Resolved")] = "Waiting for customer", ""
            r[upd] = "24/Nov/26 10:00 AM"
        if r[1] == "NWH-103":
            r[prio] = "Highest"
    path = tmp_path / "changed.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)

    result = run(db, path)
    assert result.ok, result.errors
    assert (result.created, result.updated, result.skipped) == (0, 3, 12)
    t = tickets(db)
    assert t["NWH-105"].id == original["NWH-105"].id
    # R9: the waiting status left is remembered, and the AM's clock keeps running (R8)
    assert t["NWH-105"].status is S.WAITING_FOR_SUPPORT
    assert t["NWH-105"].prior_waiting_status is S.WAITING_FOR_ACCOUNT_MANAGER
    assert t["NWH-105"].escalation_clock_at == original["NWH-105"].escalation_clock_at
    change = [e for e in t["NWH-105"].events if e.kind is ItemEventKind.STATUS_CHANGE]
    assert [(e.from_status, e.to_status, e.at) for e in change] == [
        (
            S.WAITING_FOR_ACCOUNT_MANAGER,
            S.WAITING_FOR_SUPPORT,
            dt.datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        )
    ]
    # Done -> Waiting for customer is not a move csdesk offers, but Jira made it: recorded.
    sbh = t["SBH-202"]
    assert sbh.status is S.WAITING_FOR_CUSTOMER and sbh.done_at is None
    last = [e for e in sbh.events if e.kind is ItemEventKind.STATUS_CHANGE][-1]
    assert (last.from_status, last.to_status) == (S.DONE, S.WAITING_FOR_CUSTOMER)
    assert t["NWH-103"].priority is Priority.HIGHEST
    assert any(
        e.kind is ItemEventKind.UPDATED and "priority" in e.note for e in t["NWH-103"].events
    )
    assert len(comments(db)) == 12
    assert run(db, path).created == 0
    assert len(comments(db)) == 12  # the new comment is not added twice


def test_reimport_keeps_what_csdesk_added(db: Database, people: dict[str, int]) -> None:
    run(db, "jira_tickets.csv")
    extra = person(db, "Avery Backup", Role.TEAM_LEAD)
    with db.session() as s:
        item = s.scalars(select(WorkItem).where(WorkItem.external_key == "NWH-104")).one()
        item.assignees.append(s.get_one(Colleague, extra))
        item.prior_waiting_status = S.WAITING_FOR_MANAGEMENT
        item.category = Category.REPORT
    result = run(db, "jira_tickets.csv")
    assert result.skipped == 15
    nwh = tickets(db)["NWH-104"]
    assert "Avery Backup" in names(nwh.assignees)
    assert nwh.prior_waiting_status is S.WAITING_FOR_MANAGEMENT  # untouched
    assert nwh.category is Category.REPORT


# ------------------------------------------------------------------ refusals


def test_a_bad_row_in_the_middle_changes_nothing(db: Database, people: dict[str, int]) -> None:
    before = dump(db)
    result = run(db, "jira_bad_status.csv")
    assert not result.ok and not result.written
    assert [(e.row, e.column) for e in result.errors] == [(3, "Status")]
    assert "Pending approval" in result.errors[0].message
    assert str(result.errors[0]).startswith("Row 3, column “Status”: csdesk does not know")
    assert "nothing was imported" in result.summary()
    assert dump(db) == before  # no ticket, no Lakeview account, no Björn


def test_dry_run_writes_nothing(db: Database, people: dict[str, int]) -> None:
    before = dump(db)
    result = run(db, "jira_tickets.csv", dry_run=True)
    assert result.ok and not result.written
    assert result.created == 15
    assert "would be created" in result.summary()
    assert dump(db) == before


def test_a_file_without_issue_keys_is_refused(db: Database, people: dict[str, int]) -> None:
    before = dump(db)
    with pytest.raises(ValidationError, match="Issue key"):
        run(db, "jira_missing_key.csv")
    assert dump(db) == before


def test_waiting_for_am_without_an_am_is_refused(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "no-am.csv",
        [
            {"Summary": "Fine", "Issue key": "X-1", "Status": "Open"},
            {
                "Summary": "Needs the AM",
                "Issue key": "X-2",
                "Status": "Waiting for Account Manager",
                "Custom field (Regional Manager)": "Renée Dubois",
            },
        ],
    )
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [(3, "Custom field (Account Manager)")]
    assert "can wait for the account manager only when it names the account manager" in (
        result.errors[0].message
    )


def test_am_equal_to_rm_without_a_fallback_is_refused(db: Database, tmp_path: Path) -> None:
    person(db, "Casey Morgan", Role.ME)
    path = write(
        tmp_path / "r6.csv",
        [
            {
                "Summary": "Extra seats",
                "Issue key": "SBH-9",
                "Status": "Waiting for Account Manager",
                "Custom field (Account Manager)": "Chad Okafor",
                "Custom field (Regional Manager)": "Chad Okafor",
            }
        ],
    )
    before = dump(db)
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Custom field (Regional Manager)")]
    assert "escalation fallback manager, but none is set" in result.errors[0].message
    assert dump(db) == before


def test_nobody_to_assign_is_refused(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "nobody.csv",
        [{"Summary": "Orphan", "Issue key": "X-1", "Assignee": "Sam Agent"}],
    )
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Assignee")]
    assert result.errors[0].message.startswith("No assignee")


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"Priority": "Whenever"}, "Priority", "priority “Whenever”"),
        ({"Created": "31/Feb/26 9:00 AM"}, "Created", "not a real date"),
        ({"Created": "yesterday"}, "Created", "not a date csdesk can read"),
        ({"Comment": "no separators here"}, "Comment", "date;author;text"),
        ({"Comment": "soon;abc;text"}, "Comment", "The date of a comment"),
        ({"Issue key": "NOT A KEY"}, "Issue key", "is not a Jira issue key"),
        ({"Summary": ""}, "Summary", "Summary cannot be empty"),
    ],
)
def test_errors_name_the_row_and_the_column(
    db: Database,
    people: dict[str, int],
    tmp_path: Path,
    cells: dict[str, str],
    column: str,
    words: str,
) -> None:
    row = {"Summary": "Broken", "Issue key": "X-2", **cells}
    path = write(tmp_path / "bad.csv", [{"Summary": "Fine", "Issue key": "X-1"}, row])
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [(3, column)]
    assert words in result.errors[0].message


def test_a_key_twice_in_one_file_is_refused(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "twice.csv",
        [{"Summary": "One", "Issue key": "X-1"}, {"Summary": "Two", "Issue key": "X-1"}],
    )
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [(3, "Issue key")]
    assert "also on row 2" in result.errors[0].message


# ------------------------------------------------------------------ detection, units


def test_detect_picks_jira_for_a_jira_export() -> None:
    with (FIXTURES / "jira_tickets.csv").open(encoding="utf-8", newline="") as f:
        headers = next(csv.reader(f))
    assert isinstance(detect("tickets", headers), JiraTickets)
    assert isinstance(importer_for("tickets", "jira"), JiraTickets)
    mapping = JiraTickets().guess_mapping(headers)
    assert len(mapping["watchers"]) == 2 and len(mapping["comments"]) == 3
    assert len(mapping["labels"]) == 3 and len(mapping["components"]) == 2
    assert mapping["account_manager"] == [headers.index("Custom field (Account Manager)")]


@pytest.mark.parametrize(
    ("raw", "zone", "expected"),
    [
        ("20/Nov/26 2:15 PM", "UTC", dt.datetime(2026, 11, 20, 14, 15, tzinfo=UTC)),
        ("20/Nov/26 12:05 AM", "UTC", dt.datetime(2026, 11, 20, 0, 5, tzinfo=UTC)),
        ("20/Nov/26 12:05 PM", "UTC", dt.datetime(2026, 11, 20, 12, 5, tzinfo=UTC)),
        ("20/Nov/26 14:15", "America/New_York", dt.datetime(2026, 11, 20, 19, 15, tzinfo=UTC)),
        ("20/nov/2026 14:15", "UTC", dt.datetime(2026, 11, 20, 14, 15, tzinfo=UTC)),
        ("01/Jul/26 9:00 AM", "Europe/Berlin", dt.datetime(2026, 7, 1, 7, 0, tzinfo=UTC)),
        ("2026-11-20T14:15:00.000+0100", "UTC", dt.datetime(2026, 11, 20, 13, 15, tzinfo=UTC)),
        ("2026-11-20 14:15", "Europe/Berlin", dt.datetime(2026, 11, 20, 13, 15, tzinfo=UTC)),
        ("2026-11-20T14:15:00Z", "Europe/Berlin", dt.datetime(2026, 11, 20, 14, 15, tzinfo=UTC)),
    ],
)
def test_parse_when(raw: str, zone: str, expected: dt.datetime) -> None:
    from zoneinfo import ZoneInfo

    assert parse_when(raw, ZoneInfo(zone)).at == expected


@pytest.mark.parametrize(
    ("labels", "category"),
    [
        (["SSO"], Category.SSO_INTEGRATION),
        (["login", "bug"], Category.LOGIN_PROBLEM),
        (["high-risk-bug", "login"], Category.HIGH_RISK_BUG),
        (["escalation", "training"], Category.ESCALATION),
        (["Training"], Category.TRAINING),
        (["whatever", ""], Category.GENERAL),
    ],
)
def test_guess_category(labels: list[str], category: Category) -> None:
    assert guess_category(labels) is category


# ------------------------------------------------------------------ volume and cancel


def big_file(path: Path, n: int) -> Path:
    headers = [*HEADERS, "Labels", "Description"]
    statuses = ["Open", "In Progress", "Waiting for customer", "Waiting for support", "Resolved"]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(headers)
        for i in range(n):
            waiting_on_am = i % 10 == 0
            w.writerow(
                [
                    f"Generated ticket {i}: users see an error, again",
                    f"GEN-{i + 1}",
                    "Waiting for Account Manager" if waiting_on_am else statuses[i % 5],
                    ["High", "Medium", "Low"][i % 3],
                    "Łukasz Nowak" if i % 2 else "",
                    "20/Nov/26 2:15 PM",
                    "21/Nov/26 09:30",
                    "Priya Raman" if i % 4 == 0 else "",
                    "",
                    f"21/Nov/26 09:30;5b10ac8d82e05b22cc7d4ef5;Reply number {i}",
                    "Zoë Brandão" if waiting_on_am else "",
                    "Renée Dubois" if waiting_on_am else "",
                    ["Northwind Health", "St. Brigid's Hospital", f"Generated Org {i % 50}"][i % 3],
                    ["login", "sso", "training", "billing"][i % 4],
                    'Line one, with a comma.\nLine two with "quotes".',
                ]
            )
    return path


def test_fifty_thousand_tickets_import(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    path = big_file(tmp_path / "big.csv", 50_000)
    reports: list[tuple[int, int]] = []
    start = time.perf_counter()
    result = run(db, path, progress=Progress(lambda done, total: reports.append((done, total))))
    elapsed = time.perf_counter() - start
    print(f"\n50,000 Jira tickets imported in {elapsed:.1f} s")
    assert result.ok, result.errors[:3]
    assert result.created == 50_000
    assert reports[-1] == (50_000, 50_000)
    with db.session() as s:
        assert s.scalar(select(WorkItem.id).where(WorkItem.external_key == "GEN-50000"))
        assert len(s.scalars(select(CommLogEntry.id)).all()) == 50_000


def test_cancel_mid_way_writes_nothing(
    db: Database, people: dict[str, int], tmp_path: Path
) -> None:
    path = big_file(tmp_path / "cancel.csv", 5_000)
    before = dump(db)
    progress: Progress

    def report(done: int, total: int) -> None:
        if done >= total // 2:
            progress.cancel()

    progress = Progress(report)
    with pytest.raises(Cancelled):
        run(db, path, progress=progress)
    assert dump(db) == before
