"""The return (R19): reading the backup's tracking log back, importing it, the digest, the agenda."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from csdesk.core.db import Database
from csdesk.core.enums import Channel, Direction
from csdesk.core.errors import KnownError, NotFoundError
from csdesk.core.handoff import build_sheet, write_xlsx
from csdesk.core.models import Account, CommLogEntry, TrackingEntry
from csdesk.core.ooo_return import (
    TrackingRow,
    agenda_text,
    apply_tracking,
    digest,
    parse_channel,
    parse_date,
    read_tracking,
)
from tests.core.test_handoff import DURING, World, make_world

# The columns reordered and renamed, as a backup might leave them.
HEADERS = ("Notes", "ACCOUNT", "channel ", "date", "Item", "Follow up?")


@pytest.fixture
def w(db: Database) -> World:
    return make_world(db)


def counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        log = s.scalar(select(func.count()).select_from(CommLogEntry)) or 0
        tracking = s.scalar(select(func.count()).select_from(TrackingEntry)) or 0
    return log, tracking


def backup_file(path: Path, *, malformed: bool) -> Path:
    """A workbook as the backup returns it: an extra tab, a title row, merged cells."""
    wb = openpyxl.Workbook()
    extra = wb.active
    assert extra is not None
    extra.title = "My notes"
    extra.append(["Date", "What happened"])  # another tab with look-alike headers: skipped
    extra.append([dt.date(2024, 3, 5), "not for import"])
    ws = wb.create_sheet("Tracking Log")
    ws.append(["Tracking log for Casey"])  # row 1: a title
    ws.append(list(HEADERS))  # row 2: the header
    # Notes, account, channel, date, item, follow-up
    ws.append(  # row 3
        ["Told Ann the fix is coming", "Northwind Health", "Email", dt.datetime(2024, 3, 5), "CS-7", "Check on Friday"]
    )  # fmt: skip
    ws.append(  # row 4: the account merged over rows 4-5
        ["Ann confirmed logins work", "northwind  health", "Call", "03/06/2024", "SSO broken", None]
    )  # fmt: skip
    ws.append(["Left a voicemail for Al", None, "Phone", "6 Mar 2024", None, None])  # row 5
    ws.merge_cells("B4:B5")
    ws.append([None] * 6)  # row 6: empty
    ws.append(["Asked about the renewal", "Unknown Corp", "Email", "2024-03-07", None, None])  # 7
    if malformed:
        ws.append([None, "Southwind Clinics", "Email", None, None, None])  # 8: no date, no text
        ws.append(["Something", "Southwind Clinics", "Carrier pigeon", "31/31/2024", None, None])
    ws.append(  # the title as the sheet shows it, neutralised; no channel given
        ["Sent the report", "Southwind Clinics", None, "Fri 8 March 2024", "'=SUM(A1)", None]
    )  # fmt: skip
    ws.merge_cells("A20:F20")  # a merged block at the bottom, empty: ignored
    wb.save(path)
    return path


# ------------------------------------------------------------------ reading


def test_read_tracking_finds_reordered_renamed_columns(tmp_path: Path) -> None:
    rows = read_tracking(backup_file(tmp_path / "t.xlsx", malformed=False))
    assert [r.row for r in rows] == [3, 4, 5, 7, 8]
    assert all(not r.problems for r in rows)
    first = rows[0]
    assert first.date == dt.date(2024, 3, 5)
    assert (first.account, first.item, first.channel_code) == (
        "Northwind Health",
        "CS-7",
        Channel.EMAIL,
    )
    assert first.follow_up_needed == "Check on Friday"
    assert rows[1].date == dt.date(2024, 3, 6)  # 03/06/2024: month first
    assert rows[2].account == "northwind  health"  # from the merged cell
    assert rows[2].channel_code is Channel.CALL  # "Phone"
    assert rows[4].date == dt.date(2024, 3, 8)
    assert rows[4].channel_code is None


def test_read_tracking_reports_row_problems(tmp_path: Path) -> None:
    rows = read_tracking(backup_file(tmp_path / "t.xlsx", malformed=True))
    by_row = {r.row: r for r in rows}
    assert set(by_row) == {3, 4, 5, 7, 8, 9, 10}
    eight = [str(p) for p in by_row[8].problems]
    assert any(p.startswith("Row 8, column “date”: no date") for p in eight)
    assert any(p.startswith("Row 8, column “Notes”: nothing written") for p in eight)
    nine = [str(p) for p in by_row[9].problems]
    assert any("“31/31/2024” is not a date" in p for p in nine)
    assert any("“Carrier pigeon” is not a channel" in p for p in nine)


def test_read_tracking_round_trip_of_our_own_sheet(db: Database, w: World, tmp_path: Path) -> None:
    path = tmp_path / "handoff.xlsx"
    write_xlsx(build_sheet(db, w.plan), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Tracking log"]
    for col, value in enumerate(
        [dt.datetime(2024, 3, 5), "Northwind Health", "CS-7", "Ticket comment", "Replied", ""],
        start=1,
    ):
        ws.cell(2, col, value)
    wb.save(path)
    rows = read_tracking(path)
    assert len(rows) == 1
    assert rows[0].row == 2 and rows[0].channel_code is Channel.TICKET_COMMENT
    result = apply_tracking(db, w.plan, rows)
    assert result.ok and result.logged == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-03", dt.date(2026, 12, 3)),
        ("2026/12/03", dt.date(2026, 12, 3)),
        ("12/03/2026", dt.date(2026, 12, 3)),
        ("25/12/2026", dt.date(2026, 12, 25)),
        ("3.12.2026", dt.date(2026, 12, 3)),
        ("3 Dec 2026", dt.date(2026, 12, 3)),
        ("3rd December 2026", dt.date(2026, 12, 3)),
        ("Dec 3, 2026", dt.date(2026, 12, 3)),
        ("Thursday, 3 Dec 2026", dt.date(2026, 12, 3)),
        ("2026-12-03 14:30", dt.date(2026, 12, 3)),
        ("2026-12-03T14:30:00", dt.date(2026, 12, 3)),
        ("03-Dec-26", dt.date(2026, 12, 3)),
        (dt.datetime(2026, 12, 3, 9, 0), dt.date(2026, 12, 3)),
        (46359, dt.date(2026, 12, 3)),  # an Excel serial number
    ],
)
def test_parse_date(text: object, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "2026-13-01", "31/31/2026", "3 Foo 2026", "-4"])
def test_parse_date_refuses(text: object) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_parse_channel() -> None:
    assert parse_channel("") is None
    assert parse_channel("Ticket (Jira)") is Channel.TICKET
    assert parse_channel("task_tool") is Channel.TASK_TOOL
    assert parse_channel(" e-mail ") is Channel.EMAIL
    assert parse_channel("Zoom") is Channel.MEETING
    with pytest.raises(ValueError):
        parse_channel("carrier pigeon")


def test_not_an_xlsx_is_a_known_error(tmp_path: Path) -> None:
    text = tmp_path / "tracking.xlsx"
    text.write_text("Date,What happened\n2024-03-05,hello\n", encoding="utf-8")
    with pytest.raises(KnownError, match="not an Excel workbook"):
        read_tracking(text)
    fake_zip = tmp_path / "other.xlsx"
    with zipfile.ZipFile(fake_zip, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(KnownError, match="not an Excel workbook"):
        read_tracking(fake_zip)
    with pytest.raises(KnownError, match="There is no file"):
        read_tracking(tmp_path / "missing.xlsx")


def test_workbook_without_the_tab_or_columns(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    ws.append(["Date", "What happened"])
    wb.save(tmp_path / "a.xlsx")
    with pytest.raises(KnownError, match="no “Tracking log” tab"):
        read_tracking(tmp_path / "a.xlsx")
    ws.title = "Tracking log"
    ws.delete_rows(1)
    ws.append(["Date", "Account", "Channel"])
    wb.save(tmp_path / "b.xlsx")
    with pytest.raises(KnownError, match="no “What happened” column"):
        read_tracking(tmp_path / "b.xlsx")


# ------------------------------------------------------------------ applying


def test_malformed_rows_stop_the_import(db: Database, w: World, tmp_path: Path) -> None:
    rows = read_tracking(backup_file(tmp_path / "t.xlsx", malformed=True))
    before = counts(db)
    result = apply_tracking(db, w.plan, rows)
    assert not result.ok and not result.written
    assert {e.row for e in result.errors} == {8, 9}
    assert "nothing was imported" in result.summary()
    assert counts(db) == before


def test_clean_file_logs_matched_and_keeps_unmatched(
    db: Database, w: World, tmp_path: Path
) -> None:
    rows = read_tracking(backup_file(tmp_path / "t.xlsx", malformed=False))
    dry = apply_tracking(db, w.plan, rows, dry_run=True)
    assert dry.ok and not dry.written and dry.logged == 4
    assert counts(db) == (0, 0)

    result = apply_tracking(db, w.plan, rows)
    assert result.ok and result.written
    assert (result.logged, result.stored, result.already_imported) == (4, 5, 0)
    assert [(u.row, u.account) for u in result.unmatched] == [(7, "Unknown Corp")]
    assert "no account called “Unknown Corp”" in result.unmatched[0].reason
    assert any("Row 8: no channel given; logged as Email" in n for n in result.notes)
    assert counts(db) == (4, 5)
    with db.session() as s:
        entries = {e.summary.split("\n")[0]: e for e in s.scalars(select(CommLogEntry))}
        first = entries["Told Ann the fix is coming"]
        assert first.account_id == w.north and first.item_id == w.sso
        assert first.channel == Channel.EMAIL and first.direction == Direction.OUTBOUND
        assert first.counterpart == "Bea Backup"
        assert "Follow-up needed: Check on Friday" in first.summary
        assert first.occurred_at == dt.datetime(2024, 3, 5, 11, 0, tzinfo=dt.UTC)  # Berlin noon
        assert entries["Ann confirmed logins work"].item_id == w.sso  # by exact title
        voicemail = entries["Left a voicemail for Al"]
        assert voicemail.account_id == w.north and voicemail.item_id is None
        assert voicemail.channel == Channel.CALL
        report = entries["Sent the report"]
        assert report.item_id == w.evil and report.channel == Channel.EMAIL
        tracking = {t.what_happened: t for t in s.scalars(select(TrackingEntry))}
        assert not tracking["Asked about the renewal"].reviewed
        assert tracking["Asked about the renewal"].account == "Unknown Corp"
        assert sum(t.reviewed for t in tracking.values()) == 4

    again = apply_tracking(db, w.plan, rows)
    assert again.ok and (again.logged, again.stored, again.already_imported) == (0, 0, 4)
    assert [u.row for u in again.unmatched] == [7]  # still listed, not stored twice
    assert counts(db) == (4, 5)

    with db.session() as s:  # the account now exists: the row matches on the next import
        s.add(Account(name="Unknown Corp"))
    third = apply_tracking(db, w.plan, rows)
    assert (third.logged, third.stored, third.unmatched) == (1, 0, [])
    assert counts(db) == (5, 5)


def test_item_matching_rules(db: Database, w: World) -> None:
    def row(n: int, account: str, item: str) -> TrackingRow:
        return TrackingRow(n, dt.date(2024, 3, 5), account, item, "Email", f"text {n}")

    rows = [
        row(2, "Northwind Health", "cs-7"),  # key, any case
        row(3, "", "CS-7 SSO broken"),  # no account: found by the key
        row(4, "Southwind Clinics", f"#{w.evil}"),  # a keyless item as the sheet shows it
        row(5, "Southwind Clinics", "CS-7"),  # an item of another account
        row(6, "Northwind Health", "No such task"),
        row(7, "", ""),
    ]
    result = apply_tracking(db, w.plan, rows)
    assert result.ok and result.logged == 3
    reasons = {u.row: u.reason for u in result.unmatched}
    assert "is an item of Northwind Health, not of Southwind Clinics" in reasons[5]
    assert "no item “No such task” in Northwind Health" in reasons[6]
    assert reasons[7] == "no account or item given"
    with db.session() as s:
        items = sorted((e.summary, e.item_id) for e in s.scalars(select(CommLogEntry)))
    assert items == [("text 2", w.sso), ("text 3", w.sso), ("text 4", w.evil)]


def test_identical_rows_are_kept_once_each(db: Database, w: World) -> None:
    same = TrackingRow(2, dt.date(2024, 3, 5), "Northwind Health", "", "Call", "Left voicemail")
    twice = [same, replace(same, row=3)]
    assert apply_tracking(db, w.plan, twice).logged == 2
    assert apply_tracking(db, w.plan, twice).logged == 0
    assert apply_tracking(db, w.plan, [*twice, same]).logged == 1
    assert counts(db) == (3, 3)


def test_rows_built_by_hand_are_checked(db: Database, w: World) -> None:
    result = apply_tracking(db, w.plan, [TrackingRow(4, None, "Northwind Health")])
    assert not result.ok and result.errors[0].row == 4
    assert counts(db) == (0, 0)
    with pytest.raises(NotFoundError):
        apply_tracking(db, 9999, [])


# ------------------------------------------------------------------ digest and agenda


def test_digest(db: Database, w: World, tmp_path: Path) -> None:
    apply_tracking(db, w.plan, read_tracking(backup_file(tmp_path / "t.xlsx", malformed=False)))
    d = digest(db, w.plan)
    assert [i.item_id for i in d.closed] == [w.closed]
    assert [i.item_id for i in d.new] == [w.new]
    assert [i.item_id for i in d.changed] == [w.changed]
    assert d.closed[0].at.date() == DURING.date()
    quiet_ids = {w.quiet, w.sso, w.evil, w.low}
    assert not quiet_ids & {i.item_id for i in (*d.closed, *d.new, *d.changed)}
    by_account = {a.account: len(a.entries) for a in d.log_by_account}
    assert by_account == {"Northwind Health": 3, "Southwind Clinics": 1}
    assert d.log_count == 4
    assert [t.account for t in d.unreviewed] == ["Unknown Corp"]


def test_agenda(db: Database, w: World, tmp_path: Path) -> None:
    apply_tracking(db, w.plan, read_tracking(backup_file(tmp_path / "t.xlsx", malformed=False)))
    text = agenda_text(db, w.plan)
    assert text.startswith("Return meeting: Casey CSM with Bea Backup")
    assert "1. Review the tracking log (5 entries)" in text
    assert "Told Ann the fix is coming" in text
    assert "Follow-up needed: Check on Friday" in text
    assert "Not matched to an account or item (1)" in text and "Unknown Corp" in text
    unresolved = text.split("2. Unresolved items")[1].split("3. ")[0]
    assert "[High] CS-7 SSO broken (Northwind Health) — Waiting for Customer" in unresolved
    assert "[Medium]" in unresolved
    assert "Nearly done" not in text  # Low: never handed off
    hand_back = text.split("3. Items to hand back to Casey CSM")[1].split("4. ")[0]
    assert "CS-7 SSO broken" in hand_back and "with Bea Backup" in hand_back
    assert "=SUM(A1)" not in hand_back  # only the delegated item comes back
    away = text.split("4. While you were away")[1]
    assert "Closed (1)" in away and "Report template" in away
    assert "New (1)" in away and "New request from Sid" in away
    assert "Changed (1)" in away and "Background checks" in away
    assert "Northwind Health: 3 entries" in away
