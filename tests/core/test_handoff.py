"""The hand-off sheet: what goes in it, and the XLSX, CSV and HTML it is written as."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from csdesk.core.db import Database
from csdesk.core.enums import Category, ItemType, Priority, Role, Status, TriageLevel
from csdesk.core.exports import ExportError
from csdesk.core.handoff import (
    PENDING_COLUMNS,
    TRACKING_BLANK_ROWS,
    TRACKING_COLUMNS,
    build_sheet,
    cell_text,
    enum_members,
    gc_paused,
    is_web_url,
    sheet_html,
    write_csv,
    write_xlsx,
)
from csdesk.core.models import (
    Account,
    Colleague,
    ColleagueRole,
    CustomerAdmin,
    Delegation,
    HandoffItem,
    OooChecklistItem,
    OooPlan,
    WorkItem,
)
from csdesk.core.settings import set_setting

UTC = dt.UTC
FIRST_DAY = dt.date(2024, 3, 4)
RETURN_DAY = dt.date(2024, 3, 18)
BEFORE = dt.datetime(2024, 2, 1, 9, 0, tzinfo=UTC)  # before the leave
DURING = dt.datetime(2024, 3, 6, 10, 0, tzinfo=UTC)  # during the leave
SSO_URL = "https://jira.example.com/browse/CS-7"
EVIL_TITLE = "=SUM(A1)"
EVIL_CONTEXT = "<b>bold</b> & more\nsecond line"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class World:
    plan: int
    me: int
    tl: int
    backup: int
    north: int
    south: int
    east: int
    ann: int
    sid: int
    sso: int  # High, Northwind, key CS-7, web link, delegated to the backup
    evil: int  # Medium, Southwind, title "=SUM(A1)", no key, javascript: link
    low: int  # Low, Eastwind: never in the sheet
    closed: int  # closed during the leave (not in the plan)
    new: int  # created during the leave
    changed: int  # changed during the leave
    quiet: int  # untouched during the leave


def make_world(db: Database) -> World:
    """A plan built from the models directly (the wizard is another module's business)."""
    set_setting(db, "support_email", "support@example.com")
    set_setting(db, "support_phone", "+1 555 0100")
    with db.session() as s:
        me = Colleague(name="Casey CSM", email="casey@example.com", phone="+1 555 0101")
        me.roles.append(ColleagueRole(role=Role.ME))
        tl = Colleague(name="Terry Lead", email="terry@example.com")
        backup = Colleague(name="Bea Backup", email="bea@example.com", phone="+1 555 0102")
        north = Account(name="Northwind Health")
        south = Account(name="Southwind Clinics")
        east = Account(name="Eastwind Care")
        s.add_all([me, tl, backup, north, south, east])
        s.flush()
        ann = CustomerAdmin(
            account_id=north.id, name="Ann Admin", email="ann@northwind.example", is_primary=True
        )
        al = CustomerAdmin(account_id=north.id, name="Al Other", phone="-5 trick")
        sid = CustomerAdmin(account_id=south.id, name="Sid Admin", email="sid@southwind.example")
        eve = CustomerAdmin(account_id=east.id, name="Eve Eastwind", email="eve@east.example")
        s.add_all([ann, al, sid, eve])

        def item(title: str, account: Account, **kw: Any) -> WorkItem:
            kw.setdefault("created_at", BEFORE)
            kw.setdefault("updated_at", BEFORE)
            kw.setdefault("status_changed_at", BEFORE)
            it = WorkItem(title=title, account_id=account.id, **kw)
            s.add(it)
            return it

        sso = item(
            "SSO broken",
            north,
            item_type=ItemType.TICKET,
            external_key="CS-7",
            source="jira",
            external_url=SSO_URL,
            category=Category.SSO_INTEGRATION,
            priority=Priority.HIGH,
            status=Status.WAITING_FOR_CUSTOMER,
            due_at=dt.datetime(2024, 3, 6, 16, 0, tzinfo=UTC),
        )
        evil = item(
            EVIL_TITLE,
            south,
            external_url="javascript:alert(1)",
            category=Category.CUSTOM_COURSEWORK,
        )
        low = item("Nearly done", east, category=Category.TRAINING)
        closed = item(
            "Report template",
            north,
            status=Status.DONE,
            done_at=DURING,
            status_changed_at=DURING,
            updated_at=DURING,
        )
        new = item("New request from Sid", south, created_at=DURING, updated_at=DURING)
        changed = item("Background checks", south, updated_at=DURING)
        quiet = item("Quiet task", east)
        s.flush()
        plan = OooPlan(
            colleague_id=me.id,
            first_day=FIRST_DAY,
            return_day=RETURN_DAY,
            timezone="Europe/Berlin",
            team_lead_id=tl.id,
            backup_id=backup.id,
        )
        s.add(plan)
        s.flush()
        s.add_all(
            [
                HandoffItem(
                    plan_id=plan.id,
                    item_id=sso.id,
                    proposed_level=TriageLevel.HIGH,
                    level=TriageLevel.HIGH,
                    needs_backup=True,
                    admin_id=ann.id,
                    context="Call Ann first.\nThen check the IdP settings.",
                ),
                HandoffItem(
                    plan_id=plan.id,
                    item_id=evil.id,
                    proposed_level=TriageLevel.LOW,
                    level=TriageLevel.MEDIUM,
                    needs_backup=False,
                    context=EVIL_CONTEXT,
                ),
                HandoffItem(
                    plan_id=plan.id,
                    item_id=low.id,
                    proposed_level=TriageLevel.LOW,
                    level=TriageLevel.LOW,
                    context="nothing to do",
                ),
                OooChecklistItem(
                    plan_id=plan.id,
                    key="notify_tl",
                    title="Tell the team lead",
                    owner="Casey CSM",
                    due_date=dt.date(2024, 2, 28),
                    done_at=dt.datetime(2024, 2, 20, 9, 0, tzinfo=UTC),
                    position=0,
                ),
                OooChecklistItem(
                    plan_id=plan.id,
                    key="handoff_meeting",
                    title="Hand-off meeting with the backup",
                    owner="Casey CSM",
                    due_date=dt.date(2024, 3, 1),
                    position=1,
                ),
                Delegation(
                    plan_id=plan.id, item_id=sso.id, to_colleague_id=backup.id, delegated_at=BEFORE
                ),
            ]
        )
        s.flush()
        return World(
            plan.id, me.id, tl.id, backup.id, north.id, south.id, east.id, ann.id, sid.id,
            sso.id, evil.id, low.id, closed.id, new.id, changed.id, quiet.id,
        )  # fmt: skip


@pytest.fixture
def w(db: Database) -> World:
    return make_world(db)


def all_cells(wb: Any) -> list[Any]:
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def texts(wb: Any) -> list[str]:
    return [c.value for c in all_cells(wb) if isinstance(c.value, str)]


@pytest.fixture
def xlsx(db: Database, w: World, tmp_path: Path) -> Path:
    path = tmp_path / "handoff.xlsx"
    write_xlsx(build_sheet(db, w.plan), path)
    return path


# ------------------------------------------------------------------ the data


def test_sheet_summary(db: Database, w: World) -> None:
    s = build_sheet(db, w.plan).summary
    assert s.csm is not None and s.csm.name == "Casey CSM"
    assert s.team_lead is not None and s.team_lead.name == "Terry Lead"
    assert s.backup is not None and s.backup.email == "bea@example.com"
    assert (s.first_day, s.last_day, s.return_day) == (
        FIRST_DAY,
        dt.date(2024, 3, 17),
        RETURN_DAY,
    )
    contacts = dict(s.alternative_contacts)
    assert contacts["Support email"] == "support@example.com"
    assert contacts["Support phone"] == "+1 555 0100"
    assert contacts["Backup phone"] == "+1 555 0102"
    assert [c.done for c in s.checklist] == [True, False]
    assert s.checklist_done == 1
    assert s.checklist[0].done_on == dt.date(2024, 2, 20)


def test_sheet_rows_high_then_medium_low_left_out(db: Database, w: World) -> None:
    sheet = build_sheet(db, w.plan)
    assert [r.item_id for r in sheet.pending] == [w.sso, w.evil]
    sso, evil = sheet.pending
    assert (sso.priority, evil.priority) == ("High", "Medium")
    assert sso.key == "CS-7" and evil.key == f"#{w.evil}"
    assert sso.category == "SSO / integration"
    assert sso.status == "Waiting for Customer"
    assert sso.due is not None and sso.due.hour == 17  # 16:00 UTC is 17:00 in Berlin
    assert (sso.admin_name, sso.admin_email) == ("Ann Admin", "ann@northwind.example")
    assert evil.admin_name == "Sid Admin"  # none chosen: the account's primary/first admin
    assert sso.delegated_to == "Bea Backup" and evil.delegated_to == ""
    assert sso.link == SSO_URL and evil.link is None
    accounts = {a.account for a in sheet.admins}
    assert accounts == {"Northwind Health", "Southwind Clinics"}
    assert [a.name for a in sheet.admins if a.account == "Northwind Health"] == [
        "Ann Admin",
        "Al Other",
    ]
    assert sheet.tracking == ()


def test_web_urls_only() -> None:
    assert is_web_url("https://x.example/a?b=1#c")
    assert is_web_url("http://x.example")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "https://", "https://a b", "", "x"):
        assert not is_web_url(bad)


def test_cell_text_neutralises_and_cleans() -> None:
    assert cell_text("=1+1") == "'=1+1"
    assert cell_text("  @cmd") == "'  @cmd"
    assert cell_text("\x00=x") == "'=x"
    assert cell_text("a\r\nb") == "a\nb"
    assert len(cell_text("x" * 40_000)) == 32_767


def test_cell_text_drops_every_control_character_but_tab_and_line_breaks() -> None:
    controls = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc")
    assert len(controls) == 65
    assert cell_text(f"a{controls}b") == "a\t\n\rb"
    assert cell_text("\x85=x\x9f") == "'=x"  # C1 controls too, then neutralised
    assert cell_text("a\r\x00\nb") == "a\nb"  # CRLF once the control between is gone
    assert cell_text("é ’ \u2028 \u00a0") == "é ’ \u2028 \u00a0"  # not controls (Cc)


# ------------------------------------------------------------------ XLSX


def test_xlsx_tabs_headers_and_frozen_rows(xlsx: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Summary", "Pending items", "Admins", "Tracking log"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
    pending = wb["Pending items"]
    assert tuple(c.value for c in pending[1]) == PENDING_COLUMNS
    tracking = wb["Tracking log"]
    assert tuple(c.value for c in tracking[1]) == TRACKING_COLUMNS
    assert tuple(c.value for c in tracking[1]) == (
        "Date", "Account", "Item", "Channel", "What happened", "Follow-up needed",
    )  # fmt: skip
    assert tracking.max_row == 1 or all(c.value is None for c in tracking[2])
    admins = wb["Admins"]
    assert admins["A1"].value == "Account" and admins.max_row == 4  # 3 admins + header


def test_xlsx_low_items_absent(xlsx: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    values = texts(wb)
    assert "SSO broken" in values
    assert "Nearly done" not in values
    assert "Eastwind Care" not in values and "Eve Eastwind" not in values
    assert wb["Pending items"].max_row == 3  # header + High + Medium


def test_xlsx_no_formulas_anywhere(xlsx: Path) -> None:
    wb = openpyxl.load_workbook(xlsx)
    for cell in all_cells(wb):
        assert cell.data_type != "f", cell.coordinate
        if isinstance(cell.value, str):
            assert not cell.value.lstrip(" \u00a0").startswith(FORMULA_START), cell.value
    values = texts(wb)
    assert "'=SUM(A1)" in values
    assert "'-5 trick" in values  # a phone that a spreadsheet would compute
    assert "'+1 555 0102" in values  # ... and one it would turn into a number


def test_xlsx_links_wrapping_widths(xlsx: Path, w: World) -> None:
    ws = openpyxl.load_workbook(xlsx)["Pending items"]
    headers = [c.value for c in ws[1]]
    key_col = headers.index("Key") + 1
    item_col = headers.index("Item") + 1
    context_col = headers.index("Context and next steps") + 1
    sso_key = ws.cell(2, key_col)
    assert sso_key.value == "CS-7"
    assert sso_key.hyperlink is not None and sso_key.hyperlink.target == SSO_URL
    assert ws.cell(2, item_col).hyperlink.target == SSO_URL
    assert ws.cell(2, item_col).value == "SSO broken"
    evil = ws.cell(3, item_col)
    assert evil.value == "'=SUM(A1)" and evil.hyperlink is None  # javascript: is no link
    assert ws.cell(3, key_col).hyperlink is None
    context = ws.cell(3, context_col)
    assert context.value == EVIL_CONTEXT and context.alignment.wrap_text
    letter = openpyxl.utils.get_column_letter(context_col)
    assert ws.column_dimensions[letter].width >= 50
    assert 8 <= ws.column_dimensions["A"].width <= 40
    due = ws.cell(2, headers.index("Due") + 1).value
    assert due == dt.datetime(2024, 3, 6, 17, 0)  # a real date-time, in the plan's zone


def test_xlsx_empty_values_are_no_cells_where_the_backup_only_reads(xlsx: Path) -> None:
    """Pending and admins leave empty values out: a top-aligned empty cell shows nothing.

    (The tracking log, which the backup fills in, formats its columns instead.)
    """
    wb = openpyxl.load_workbook(xlsx)
    for tab in ("Pending items", "Admins"):
        ws = wb[tab]
        empty = [c for row in ws.iter_rows(min_row=2) for c in row if c.value is None]
        assert empty, tab  # some values are empty in the fixture...
        assert not [c.coordinate for c in empty if c.has_style], tab  # ...and not written


def test_xlsx_channel_drop_down(xlsx: Path) -> None:
    ws = openpyxl.load_workbook(xlsx)["Tracking log"]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    dv = lists[0]
    assert str(dv.sqref) == f"D2:D{TRACKING_BLANK_ROWS + 1}"
    assert dv.formula1 is not None
    for label in ("Email", "Call", "Meeting", "Ticket (Jira)", "WhatsApp"):
        assert label in dv.formula1
    assert ws.column_dimensions["E"].width >= 40


def test_xlsx_summary_tab(xlsx: Path) -> None:
    ws = openpyxl.load_workbook(xlsx)["Summary"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    joined = "\n".join(str(v) for v in values)
    assert "Out-of-office hand-off: Casey CSM" in joined
    assert "Terry Lead" in joined
    assert "Bea Backup <bea@example.com>, '+1 555 0102" not in joined  # not at the start
    assert "Bea Backup <bea@example.com>, +1 555 0102" in joined
    assert "support@example.com" in joined
    assert "1 of 2 steps done" in joined
    assert "Hand-off meeting with the backup" in joined
    assert "Not done" in joined and "Done 2024-02-20" in joined


def test_xlsx_is_written_atomically(db: Database, w: World, tmp_path: Path) -> None:
    sheet = build_sheet(db, w.plan)
    target = tmp_path / "missing-folder" / "handoff.xlsx"
    with pytest.raises(ExportError):
        write_xlsx(sheet, target)
    assert not target.parent.exists()
    path = tmp_path / "h.xlsx"
    path.write_bytes(b"old")
    write_xlsx(sheet, path)
    assert path.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_xlsx_of_a_plan_without_people_or_items(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        plan = OooPlan(first_day=FIRST_DAY, return_day=RETURN_DAY)
        s.add(plan)
        s.flush()
        plan_id = plan.id
    sheet = build_sheet(db, plan_id)
    assert sheet.pending == () and sheet.summary.backup is None
    write_xlsx(sheet, tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert wb["Pending items"].max_row == 1
    assert "No High or Medium items" in sheet_html(sheet)


# ------------------------------------------------------------------ CSV


def test_csv_pending_items(db: Database, w: World, tmp_path: Path) -> None:
    path = tmp_path / "pending.csv"
    assert write_csv(build_sheet(db, w.plan), path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["priority"] for r in rows] == ["High", "Medium"]
    assert rows[0]["key"] == "CS-7" and rows[0]["external_url"] == SSO_URL
    assert rows[0]["due"] == "2024-03-06T17:00+01:00"
    assert rows[0]["delegated_to"] == "Bea Backup"
    assert rows[1]["item"] == "'=SUM(A1)"
    assert rows[1]["context"] == EVIL_CONTEXT
    assert "Nearly done" not in raw.decode("utf-8-sig")


# ------------------------------------------------------------------ HTML


def test_html_escapes_user_text(db: Database, w: World) -> None:
    doc = sheet_html(build_sheet(db, w.plan))
    assert doc.startswith("<!DOCTYPE html>")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in doc
    assert "<b>bold</b>" not in doc
    assert f'<a href="{SSO_URL}">' in doc
    assert 'href="javascript' not in doc
    assert "Nearly done" not in doc
    assert "Tracking log" in doc and "Follow-up needed" in doc
    assert "Casey CSM" in doc and "support@example.com" in doc


def test_html_escapes_names(db: Database, w: World) -> None:
    with db.session() as s:
        b = s.get(Colleague, w.backup)
        assert b is not None
        b.name = 'Bea <script>alert("x")</script>'
    doc = sheet_html(build_sheet(db, w.plan))
    assert "<script>" not in doc
    assert "&lt;script&gt;" in doc


def test_gc_paused_gives_the_collector_back_as_it_was() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # someone else turned it off: left off
    finally:
        gc.enable()


def test_enum_members_by_stored_value() -> None:
    assert enum_members(TriageLevel) == {lv.value: lv for lv in TriageLevel}
    assert enum_members(Status)["in_progress"] is Status.IN_PROGRESS
