"""The team directory CSV: departments, colleagues, roles, contacts and routing notes (R1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from csdesk.core.db import Database
from csdesk.core.directory import (
    ColleagueInput,
    ContactInput,
    DepartmentInput,
    list_colleagues,
    list_departments,
    save_colleague,
    save_department,
)
from csdesk.core.enums import Role
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.imports.base import ImportResult, detect, importer_for, run_import
from csdesk.core.imports.directory_csv import DirectoryCsv, parse_roles
from csdesk.core.progress import Cancelled, Progress
from tests.core.imports.conftest import FIXTURES, dump

DIRECTORY = FIXTURES / "directory.csv"
HEADERS = ["Department", "Name", "Email", "Phone", "Title", "Roles", "Routing notes"]


def importer() -> DirectoryCsv:
    imp = importer_for("directory", "csv")
    assert isinstance(imp, DirectoryCsv)
    return imp


def run(db: Database, path: Path, **kw: Any) -> ImportResult:
    return run_import(db, importer(), path, **kw)


def write_csv(
    path: Path, rows: list[list[str]], headers: list[str] | None = None, encoding: str = "utf-8"
) -> Path:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers or HEADERS)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def people(db: Database) -> dict[str, Any]:
    return {c.name: c for c in list_colleagues(db)}


def departments(db: Database) -> dict[str, Any]:
    return {d.name: d for d in list_departments(db)}


def test_parse_roles() -> None:
    assert parse_roles("Support, Team lead") == ({Role.SUPPORT, Role.TEAM_LEAD}, False)
    assert parse_roles("Support; primary") == ({Role.SUPPORT}, True)
    assert parse_roles("Department contact; Primary contact") == (
        {Role.DEPARTMENT_CONTACT},
        True,
    )
    assert parse_roles("IT") == ({Role.IT}, False)
    assert parse_roles("CSS") == ({Role.CSS}, False)
    assert parse_roles("Account manager, Regional manager") == (
        {Role.ACCOUNT_MANAGER, Role.REGIONAL_MANAGER},
        False,
    )
    assert parse_roles("Escalation fallback") == ({Role.ESCALATION_FALLBACK}, False)
    assert parse_roles("Me (the CSM)") == ({Role.ME}, False)
    with pytest.raises(ValueError, match="“Wizard” is not a role"):
        parse_roles("Support, Wizard")


def test_detect_picks_the_directory_format() -> None:
    assert isinstance(detect("directory", HEADERS), DirectoryCsv)
    assert isinstance(detect("directory", ["Full name", "E-mail", "Team"]), DirectoryCsv)


def test_import_directory(db: Database) -> None:
    result = run(db, DIRECTORY)
    assert result.ok, result.errors
    # 15 rows, 14 people: Jonas is the contact of two departments
    assert (result.rows, result.created, result.updated, result.skipped) == (15, 14, 1, 0)
    assert (
        "Created 6 department(s): Client Success, Support, LSS, Website, Agency Services, Sales."
        in result.notes
    )
    depts = departments(db)
    assert sorted(depts) == [
        "Agency Services",
        "Client Success",
        "LSS",
        "Sales",
        "Support",
        "Website",
    ]
    # R1: the one marked primary, else the first person listed
    assert {n: d.primary.name for n, d in depts.items()} == {
        "Agency Services": "Theo Brandt",
        "Client Success": "Elena Varga",
        "LSS": "Jonas Ashworth",
        "Sales": "Celia Marsh",
        "Support": "Lina Sørensen",
        "Website": "Jonas Ashworth",
    }
    assert [c.name for c in depts["Support"].contacts] == [
        "Lina Sørensen",
        "Kofi Mensah",
        "Ruth Abara",
    ]
    notes = {c.name: c.routing_note for c in depts["Agency Services"].contacts}
    assert notes["Theo Brandt"] == "Operational or non-client matters for Margot"
    assert notes["Lucía Ferraz"] == "Client matters for Margot (she is Margot's CSS)"
    assert depts["LSS"].contacts[0].routing_note == "Listings and local SEO"
    assert depts["Website"].contacts[0].routing_note == "Page changes, new pages and formatting"

    folks = people(db)
    assert len(folks) == 14
    assert folks["Avery Quinlan"].roles == (Role.ME,)
    assert folks["Victor Amsel"].roles == (Role.ESCALATION_FALLBACK,)
    assert set(folks["Kofi Mensah"].roles) == {Role.SUPPORT, Role.TEAM_LEAD}
    assert folks["Margot Hale"].roles == ()
    assert folks["Kofi Mensah"].email == "kofi.mensah@northstar.example"
    assert folks["Kofi Mensah"].phone == "+1 (312) 555-0121"
    assert folks["Ruth Abara"].phone == ""
    assert folks["Kofi Mensah"].title == "Support Team Lead"
    assert folks["Kofi Mensah"].department == "Support"
    assert folks["Jonas Ashworth"].department == "LSS"  # the first department listed


def test_reimport_is_idempotent(db: Database) -> None:
    run(db, DIRECTORY)
    before = dump(db)
    again = run(db, DIRECTORY)
    assert (again.created, again.updated, again.skipped) == (0, 0, 15)
    assert dump(db) == before


def test_matches_existing_departments_and_colleagues(tmp_path: Path, db: Database) -> None:
    kofi = save_colleague(db, ColleagueInput("kofi mensah", phone="+1 312 555 0000"))
    old = save_colleague(db, ColleagueInput("Old Hand", email="old.hand@northstar.example"))
    ruth = save_colleague(db, ColleagueInput("Ruth A.", email="RUTH.ABARA@northstar.example"))
    dept = save_department(
        db,
        DepartmentInput(
            "support",
            routing_notes="Tickets",
            contacts=[ContactInput(old, is_primary=True, routing_note="Everything")],
        ),
    )
    result = run(db, DIRECTORY)
    assert result.ok, result.errors
    assert result.created == 12
    depts = departments(db)
    assert "Support" not in depts and depts["support"].id == dept
    assert [(c.name, c.is_primary) for c in depts["support"].contacts] == [
        ("Lina Sørensen", True),
        ("kofi mensah", False),
        ("Ruth Abara", False),
        ("Old Hand", False),  # kept, after the file's contacts
    ]
    assert depts["support"].routing_notes == "Tickets"
    folks = people(db)
    assert folks["kofi mensah"].id == kofi  # by name: no email on file yet
    assert folks["kofi mensah"].email == "kofi.mensah@northstar.example"
    assert folks["kofi mensah"].phone == "+1 (312) 555-0121"
    assert folks["Ruth Abara"].id == ruth  # by email, case-insensitively; renamed
    assert "Created 5 department(s)" in " ".join(result.notes)


def test_bad_rows_leave_the_database_exactly_as_before(db: Database) -> None:
    run(db, DIRECTORY)
    before = dump(db)
    result = run(db, FIXTURES / "directory_bad.csv")
    assert not result.written
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "Email"),
        (4, "Phone"),
        (6, "Roles"),
        (7, "Roles"),
    ]
    messages = [e.message for e in result.errors]
    assert "“lina.sorensen@” is not a valid email address" in messages[0]
    assert "“call me” is not a valid phone number" in messages[1]
    assert "Avery Quinlan on row 5 is already “Me (the CSM)”" in messages[2]
    assert "“Wizard” is not a role" in messages[3]
    assert dump(db) == before


def test_single_holder_role_already_in_the_database(tmp_path: Path, db: Database) -> None:
    save_colleague(db, ColleagueInput("Vera Old", roles={Role.ESCALATION_FALLBACK}))
    before = dump(db)
    result = run(db, DIRECTORY)
    assert [(e.row, e.column) for e in result.errors] == [(16, "Roles")]
    assert "Vera Old is already “Escalation fallback manager” in csdesk" in (
        result.errors[0].message
    )
    assert dump(db) == before


def test_primary_contact_rules(tmp_path: Path, db: Database) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["Support", "A One", "a@x.example", "", "", "primary", ""],
            ["Support", "B Two", "b@x.example", "", "", "Support, primary", ""],
            ["", "C Three", "c@x.example", "", "", "primary", ""],
            ["Support", "A One", "a@x.example", "", "", "", ""],
        ],
    )
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "Roles"),
        (4, "Roles"),
        (5, "Name"),
    ]
    assert "A One on row 2 is already the primary contact of Support" in result.errors[0].message
    assert "no department" in result.errors[1].message
    assert "already listed in Support on row 2" in result.errors[2].message
    assert not people(db)


def test_same_person_twice_may_not_contradict(tmp_path: Path, db: Database) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["LSS", "Jo Ash", "jo@x.example", "+1 312 555 0100", "", "", ""],
            ["Website", "Jo Ash", "jo@x.example", "+1 312 555 0199", "", "", ""],
        ],
    )
    result = run(db, path)
    assert [(e.row, e.column) for e in result.errors] == [(3, "Phone")]
    assert "Row 2 gives Jo Ash the phone “+1 312 555 0100”" in result.errors[0].message


def test_people_without_department_and_name_only(tmp_path: Path, db: Database) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [["", "Sam Solo", "", "", "", "IT", ""], ["", "sam  solo", "", "", "Helpdesk", "", ""]],
        headers=HEADERS,
    )
    result = run(db, path)
    assert result.ok, result.errors
    assert result.created == 1 and result.updated == 1
    assert people(db)["Sam Solo"].title == "Helpdesk"
    assert not departments(db)


def test_dry_run_writes_nothing(db: Database) -> None:
    before = dump(db)
    dry = run(db, DIRECTORY, dry_run=True)
    assert dry.ok and not dry.written
    assert any(n.startswith("Would create 6 department(s)") for n in dry.notes)
    assert dump(db) == before
    real = run(db, DIRECTORY)
    assert (dry.created, dry.updated, dry.skipped) == (real.created, real.updated, real.skipped)


def test_custom_mapping_then_remembered(tmp_path: Path, db: Database) -> None:
    headers = ["Abteilung", "Mitarbeiter", "E-Mail-Adresse", "Funktion"]
    first = write_csv(
        tmp_path / "a.csv", [["Support", "Kofi Mensah", "kofi@x.example", "Support"]], headers
    )
    with pytest.raises(ValidationError, match="Name"):
        run(db, first)
    mapping = {"department": [0], "name": [1], "email": [2], "roles": [3]}
    assert run(db, first, mapping=mapping).ok
    second = write_csv(
        tmp_path / "b.csv", [["IT", "Priya Natarajan", "priya@x.example", "IT"]], headers
    )
    result = run(db, second)
    assert result.ok and result.created == 1
    assert people(db)["Priya Natarajan"].roles == (Role.IT,)
    assert people(db)["Priya Natarajan"].department == "IT"


def test_excel_files(tmp_path: Path, db: Database) -> None:
    ansi = write_csv(
        tmp_path / "ansi.csv",
        [["Support", "Lina Sørensen", "", "", "Café lead", "", ""]],
        encoding="cp1252",
    )
    result = run(db, ansi)
    assert result.ok
    assert people(db)["Lina Sørensen"].title == "Café lead"
    assert any("Windows-1252" in n for n in result.notes)
    semi = tmp_path / "semi.csv"
    semi.write_text("Department;Name;Email\nSupport;Kofi;kofi@x.example\n", "utf-8")
    with pytest.raises(ValidationError, match="semicolons"):
        run(db, semi)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "not a text"),
        (b'Department,Name\nSupport,"Kofi', "truncated"),
    ],
)
def test_unreadable_files(tmp_path: Path, db: Database, data: bytes, words: str) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(data)
    before = dump(db)
    with pytest.raises(KnownError, match=words):
        run(db, path)
    assert dump(db) == before


def test_cancel_writes_nothing(tmp_path: Path, db: Database) -> None:
    rows = [[f"Dept {i % 7}", f"Person {i}", f"p{i}@x.example", "", "", "", ""] for i in range(600)]
    path = write_csv(tmp_path / "big.csv", rows)
    progress = Progress(lambda done, total: progress.cancel() if done >= 250 else None)
    before = dump(db)
    with pytest.raises(Cancelled):
        run(db, path, progress=progress)
    assert dump(db) == before
