"""Injection (issue 9, point 4): every export neutralises formulas and escapes HTML.

Hostile values go where a CSM or an import could put them (account names,
item titles, contexts for the backup, admin names, log summaries, colleague
titles) and every export is read back the way its consumer reads it: CSV with
the csv module, the workbook with openpyxl, the calendar with icalendar, the
HTML as text. A cell a spreadsheet would run starts with ``'``; HTML arrives
as ``&lt;...``; no line break starts a new vCard or iCalendar property; JSON
keeps the values exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar
from sqlalchemy import select

from csdesk.core import commlog, directory, ooo, ooo_ics, portfolio, workitems
from csdesk.core.db import Database
from csdesk.core.enums import Channel, Role, TriageLevel
from csdesk.core.exports import EXPORTS
from csdesk.core.handoff import build_sheet, sheet_html, sheet_tables, write_csv, write_xlsx
from csdesk.core.models import Colleague
from csdesk.core.settings import set_setting

FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "  =1+1"]
HTML = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def dangerous(cell: str) -> bool:
    """A cell a spreadsheet would run as a formula (also after leading spaces)."""
    return cell.lstrip(" \u00a0").startswith(FORMULA_START)


def assert_inert(cells: list[str], where: str) -> None:
    bad = [c for c in cells if dangerous(c)]
    assert not bad, f"{where}: formula cells not neutralised: {bad[:5]}"


@dataclass
class World:
    plan: int
    values: list[str]  # every hostile value stored (as stored: forms strip the ends)


@pytest.fixture
def w(db: Database) -> World:
    today = dt.date.today()
    me = directory.save_colleague(
        db,
        directory.ColleagueInput(
            "Casey Morgan", email="casey@x.example", title=FORMULAS[3], roles={Role.ME}
        ),
    )
    lead = directory.ColleagueInput("Terry Lead", roles={Role.TEAM_LEAD})
    tl = directory.save_colleague(db, lead)
    dept = directory.save_department(
        db, directory.DepartmentInput(FORMULAS[1], contacts=[directory.ContactInput(tl, True)])
    )
    lead.id, lead.department_id = tl, dept
    directory.save_colleague(db, lead)
    backup = directory.save_colleague(
        db,
        directory.ColleagueInput(
            HTML[0], email="bea@x.example", phone="+1 555 0102", title="x\nEMAIL:evil@x.example"
        ),
    )
    account = portfolio.save_account(
        db,
        portfolio.AccountInput(FORMULAS[0], notes=HTML[0], website=FORMULAS[2], external_id="=1"),
    )
    admin = portfolio.save_admin(
        db,
        portfolio.AdminInput(
            account, FORMULAS[3], email="ann@x.example", phone="+1 555 0100", title=HTML[1]
        ),
    )
    due = dt.datetime.combine(today + dt.timedelta(days=16), dt.time(12), dt.UTC)
    titles = [FORMULAS[1], FORMULAS[2], HTML[0], FORMULAS[4], FORMULAS[5]]
    for t in titles:
        workitems.save_item(
            db,
            workitems.ItemInput(
                t, description=HTML[1], account_id=account, assignee_ids=[me], due_at=due
            ),
        )
    for summary in [FORMULAS[0], HTML[0], '=HYPERLINK("http://evil.example","x")']:
        commlog.save_entry(
            db,
            commlog.LogInput(Channel.EMAIL, summary, account_id=account, counterpart=FORMULAS[3]),
        )
    plan = ooo.create_plan(db, today + dt.timedelta(days=14), today + dt.timedelta(days=21))
    ooo.set_people(db, plan, tl, backup)
    for n, row in enumerate(ooo.triage(db, plan)):
        ooo.set_level(db, row.id, TriageLevel.HIGH)
        ooo.set_context(db, row.id, admin, [*HTML, *FORMULAS][n % 8])
    ooo.set_auto_reply(db, plan, "Away", "Ask {backup_name}.\n\n" + HTML[1] + "\n" + FORMULAS[0])
    values = [*FORMULAS[:4], "=1", "=1+1", *HTML, "x\nEMAIL:evil@x.example"]
    return World(plan, values)


# ------------------------------------------------------------------ CSV and JSON exports


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("kind", ["accounts", "tasks", "log", "directory"])
def test_csv_exports_neutralise_formulas(db: Database, w: World, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.csv"
    EXPORTS[kind](db, path, "csv")
    rows = read_csv(path)
    cells = [c for r in rows[1:] for c in r]
    assert_inert(cells, kind)
    prefixed = [c for c in cells if c.startswith("'") and dangerous(c[1:])]
    assert prefixed, f"{kind}: no hostile value reached the export"
    for c in prefixed:
        assert c[1:] in w.values or c[1:].startswith(("+1 555", "=HYPERLINK"))


@pytest.mark.parametrize("kind", ["accounts", "tasks", "log", "directory"])
def test_json_exports_keep_values_exactly(
    db: Database, w: World, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"{kind}.json"
    EXPORTS[kind](db, path, "json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(doc[kind], ensure_ascii=False)
    strings: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            strings.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(doc[kind])
    assert not any(s.startswith("'") and dangerous(s[1:]) for s in strings), "JSON neutralised"
    assert any(v in strings for v in w.values), text[:300]


def test_vcard_escapes_line_breaks_and_separators(db: Database, w: World, tmp_path: Path) -> None:
    path = tmp_path / "directory.vcf"
    EXPORTS["directory"](db, path, "vcf")
    raw = path.read_bytes().decode("utf-8")
    unfolded = raw.replace("\r\n ", "")
    lines = unfolded.split("\r\n")
    assert not any(line.startswith("EMAIL") and "evil" in line for line in lines)
    assert "TITLE:x\\nEMAIL:evil@x.example" in lines
    assert all(line.count("BEGIN:VCARD") <= 1 for line in lines)
    assert "\r" not in unfolded.replace("\r\n", "")


# ------------------------------------------------------------------ the hand-off sheet


def test_handoff_xlsx_has_no_formula_cells(db: Database, w: World, tmp_path: Path) -> None:
    path = tmp_path / "handoff.xlsx"
    write_xlsx(build_sheet(db, w.plan), path)
    wb = openpyxl.load_workbook(path)
    seen: list[str] = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str):
                    seen.append(cell.value)
    assert_inert(seen, "xlsx")
    assert "'" + FORMULAS[0] in seen and "'" + FORMULAS[3] in seen
    assert HTML[0] in seen  # text in a cell is just text


def test_handoff_csv_neutralises_formulas(db: Database, w: World, tmp_path: Path) -> None:
    path = tmp_path / "handoff.csv"
    write_csv(build_sheet(db, w.plan), path)
    cells = [c for r in read_csv(path)[1:] for c in r]
    assert_inert(cells, "hand-off csv")
    assert "'" + FORMULAS[0] in cells and "'" + FORMULAS[1] in cells


def test_handoff_google_sheet_values_are_all_neutralised(db: Database, w: World) -> None:
    tables = sheet_tables(build_sheet(db, w.plan))
    cells = [c for rows in tables.values() for r in rows for c in r]
    assert all(isinstance(c, str) for c in cells)
    assert_inert(cells, "Google Sheet values")
    assert "'" + FORMULAS[0] in cells


def test_handoff_html_escapes_user_text(db: Database, w: World) -> None:
    page = sheet_html(build_sheet(db, w.plan))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_handoff_pdf_prints_the_escaped_html(
    db: Database, w: World, tmp_path: Path, qapp: object
) -> None:
    from csdesk.gui.pdf import html_to_pdf

    page = sheet_html(build_sheet(db, w.plan))
    assert "<script>" not in page
    path = html_to_pdf(page, tmp_path / "handoff.pdf", title=HTML[0], landscape=True)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"<script>" not in data


def test_ics_text_cannot_inject_properties(db: Database, w: World, tmp_path: Path) -> None:
    # Values that bypassed the forms (an old database, a hand-edited setting).
    set_setting(db, "support_email", "help@x.example\r\nATTENDEE:mailto:evil@x.example")
    set_setting(db, "support_phone", "+1 555\rATTENDEE:mailto:evil2@x.example")
    with db.session() as s:
        backup = s.scalars(select(Colleague).where(Colleague.email == "bea@x.example")).one()
        backup.name = "Bea\r\nATTENDEE;ROLE=CHAIR:mailto:evil3@x.example"
    path = tmp_path / "leave.ics"
    ooo_ics.write_ics(db, w.plan, path)
    raw = path.read_bytes()
    lines = raw.decode("utf-8").replace("\r\n ", "").split("\r\n")
    assert not [line for line in lines if line.upper().startswith("ATTENDEE")]
    assert b"\r" not in raw.replace(b"\r\n", b"") and b"\n" not in raw.replace(b"\r\n", b"")
    cal = Calendar.from_ical(raw)
    for component in cal.walk():
        assert "ATTENDEE" not in component
    summaries = [str(c["SUMMARY"]) for c in cal.walk("VEVENT")]
    assert any("ATTENDEE;ROLE=CHAIR" in s for s in summaries)  # kept as text, harmless


def test_auto_reply_html_escapes_user_text(db: Database, w: World) -> None:
    reply = ooo.auto_reply(db, w.plan)
    assert HTML[0] in reply.text and HTML[1] in reply.text  # plain text as written
    assert "<script>" not in reply.html and "<img" not in reply.html
    assert "&lt;script&gt;" in reply.html and "&quot;&gt;&lt;img" in reply.html
    assert FORMULAS[0].replace("'", "&#x27;") in reply.html
