"""The Jira import's fast path against the plain ORM path, on tricky input.

The import reads a row's cells once (``_Cells``), remembers parsed dates, names and
categories per import, builds new tickets (and their history) as in-memory rows and
writes them with one executemany per table (``_BulkInsert``). These tests pin that
all this gives exactly what the plain path gives: each new ticket an ORM object,
flushed with its row.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import random
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from csdesk.core import portfolio
from csdesk.core.db import Database, open_database, sqlite_url
from csdesk.core.enums import Status
from csdesk.core.imports import base, jira
from csdesk.core.imports.base import FieldSpec, ImportResult, RowView, run_import
from csdesk.core.imports.jira import JiraTickets, NewEntry, _Cells
from csdesk.core.models import CommLogEntry, WorkItem
from tests.core.imports.conftest import FIXTURES
from tests.core.imports.test_jira import add_people

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


class PlainJira(JiraTickets):
    """New tickets and their comments as ORM objects, flushed with their row."""

    def begin(self, session: Session, result: ImportResult) -> None:
        super().begin(session, result)
        self._session = session

    def new_item(self, session: Session, key: str | None, title: str) -> WorkItem:
        self.touch(session)
        item = WorkItem(
            item_type=self.item_type,
            title=title,
            source=self.source,
            external_key=key,
            channels=[self.channel.value],
            status=Status.OPEN,
        )
        session.add(item)
        if key is None:
            self._no_key += 1
            self._undo.append(self._forget_no_key)
        return item

    def add_new(self, obj: object) -> None:
        assert isinstance(obj, NewEntry)
        self.touch(self._session)
        self._session.add(CommLogEntry(**obj.__dict__))


def team(db: Database) -> None:
    add_people(db)
    portfolio.save_account(db, portfolio.AccountInput("Acme, Inc."))


def tricky(path: Path, n: int, seed: int, start: int = 0, errors: bool = False) -> Path:
    """``n`` rows of the fixture export, each with its own key and random changes."""
    with (FIXTURES / "jira_tickets.csv").open(encoding="utf-8-sig", newline="") as f:
        header, *templates = list(csv.reader(f))
    col = {h: header.index(h) for h in header}
    rng = random.Random(seed)
    people = ["Zoë Brandão", "Renée Dubois", "Chad Okafor", "Priya Raman", "Casey Morgan"]
    people += ["Łukasz Nowak", "James Lee", "New Manager", "Sam Agent"]
    orgs = ["Northwind Health", " northwind  HEALTH ", "St. Brigid's Hospital", "Acme, Inc."]
    orgs += [
        "Northwind Health, Hôpital Sainte-Anne",
        "Brand New Org",
        "Northwind Health – Unit",
        "",
    ]
    choices: dict[str, list[str]] = {
        "Summary": ["Plain", "  spaced  out ", "bell\x07 and\ttab", "ctl \x85 c1"],
        "Status": [
            "Open",
            "in  progress",
            "Waiting for customer",
            "Waiting for support",
            "Resolved",
            "Closed",
            "Canceled",
            "Done",
            "Backlog",
        ],
        "Resolution": ["Won't Do", "Won’t fix", "Duplicate", "Done", ""],
        "Priority": ["P1 - Critical", "Medium (P3)", "blocker", "", "trivial", "MAJOR"],
        "Created": [
            "2026-11-14T09:30:00+0100",
            "20/11/2026",
            "20261120",
            "3/Nov/26 9:05 am",
            "20.11.2026 14:15:30",
            "",
        ],
        "Updated": ["2026-11-15 16:00", "21/Nov/26 8:30 PM", "2026-11-15T16:00:00Z", ""],
        "Due date": ["28/Nov/26", "04/Dec/26 12:00 AM", "2026-12-01", "05/Dec/26 3:00 PM", ""],
        "Resolved": ["10/Nov/26 11:45 AM", ""],
        "Description": ["line\r\nnext\x01\x1b end  ", "x" * 50_010, "", "Plain text."],
        "Assignee": ["Unassigned", "Some Stranger", *people, ""],
        "Custom field (Account Manager)": [*people, "", ""],
        "Custom field (Regional Manager)": [*people, "", ""],
        "Custom field (Organizations)": orgs,
    }
    authors = ["5b10ac8d82e05b22cc7d4ef5", "qm:abc:def", "61b2c3d4e5f6a70070b1c2d3", "Zoë Brandão"]
    authors += ["557058:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "Priya Raman", "someone"]
    bad = {
        "Summary": "   ",
        "Issue key": "HAS SPACE",
        "Status": "Limbo",
        "Priority": "Whenever",
        "Created": "31/02/2026",
        "Updated": "25:00",
        "Due date": "20/Nov/26 13:00 PM",
        "Comment": "not a comment",
    }
    rows = []
    for i in range(n):
        row = list(rng.choice(templates))
        row[col["Issue key"]] = f"{row[col['Project key']] or 'TRK'}-{start + i}"
        for name, values in choices.items():
            if rng.random() < 0.3:
                row[col[name]] = rng.choice(values)
        am = col["Custom field (Account Manager)"]
        if rng.random() < 0.2:
            row[col["Watchers"]] = row[am] or "Casey Morgan"
        if rng.random() < 0.1:
            row[col["Custom field (Regional Manager)"]] = row[am]
        for c in range(3):
            if rng.random() < 0.25:
                day, hour = rng.randrange(1, 28), rng.randrange(1, 12)
                said = rng.choice(["Hello", "[~accountid:x] please", "Fixed; thanks", " ", "Same"])
                row[col["Comment"] + c] = (
                    f"{day:02d}/Nov/26 {hour}:30 PM;{rng.choice(authors)};{said}"
                )
        if rng.random() < 0.3:
            row[col["Labels"]] = rng.choice(
                ["high-risk-bug", "SSO", "Sev1 outage", "feature_request"]
            )
        rm, status = col["Custom field (Regional Manager)"], col["Status"]
        if not errors and row[am] == row[rm] == "James Lee":  # nobody to escalate to
            row[rm] = ""
        if not errors and row[status].startswith("Waiting for") and not (row[am] and row[rm]):
            row[status] = "Waiting for support"
        if errors and rng.random() < 0.15:
            name = rng.choice(list(bad))
            row[col[name]] = bad[name]
        if errors and rng.random() < 0.02:
            row.append("extra")
        if errors and rng.random() < 0.02:
            row[col["Issue key"]] = f"{row[col['Project key']] or 'TRK'}-{start + i - 1}"
        rows.append(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)
    return path


# the times stamped by the clock (the import's own "now" is fixed by the test)
STAMPED = {"updated_at", "accounts.created_at", "lifecycle_events.changed_at"}


# The history and comments of new tickets are written in batches, those of updated
# tickets with their row: on a re-import the two interleave differently.
INTERLEAVED = {"item_events", "comm_log"}


def tables(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (by id), but the times the clock stamps."""
    out = {}
    with db.engine.connect() as conn:
        for name in inspect(conn).get_table_names():
            result = conn.execute(text(f'SELECT * FROM "{name}" ORDER BY rowid'))
            keep = [
                i
                for i, c in enumerate(result.keys())
                if c not in STAMPED and f"{name}.{c}" not in STAMPED
            ]
            rows = [tuple(r[i] for i in keep) for r in result]
            if name in INTERLEAVED:  # the same rows, numbered in another order: no id
                rows = sorted((r[1:] for r in rows), key=repr)
            elif name.startswith("work_item_"):  # the same pairs, maybe in another order
                rows = sorted(rows, key=repr)
            out[name] = rows
    return out


def copy_of(db: Database, path: Path) -> Database:
    source = sqlite3.connect(str(db.engine.url.database))
    with sqlite3.connect(path) as target:
        source.backup(target)
    source.close()
    return open_database(sqlite_url(path))


def test_the_fast_path_writes_what_the_plain_path_writes(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jira, "utcnow", lambda: NOW)
    monkeypatch.setattr(
        jira, "BATCH", 7
    )  # many batches, some cut between a ticket and its comments
    team(db)
    plain_db = copy_of(db, tmp_path / "plain.sqlite3")
    assert tables(db) == tables(plain_db)
    runs = [
        (tricky(tmp_path / "one.csv", 150, seed=1), {}),
        # half the tickets again (updated or unchanged), half new
        (tricky(tmp_path / "two.csv", 150, seed=2, start=75), {"timezone": "Europe/Berlin"}),
        (tmp_path / "one.csv", {}),  # again: some tickets unchanged, some changed back
        (tricky(tmp_path / "three.csv", 60, seed=3, start=400), {"date_order": "MDY"}),
        (tricky(tmp_path / "bad.csv", 150, seed=4, start=500, errors=True), {}),
        (FIXTURES / "jira_tickets.csv", {"base_url": "https://example.atlassian.net"}),
    ]
    results = []
    for path, options in runs:
        fast = run_import(db, JiraTickets(**options), path, max_errors=1000)
        plain = run_import(plain_db, PlainJira(**options), path, max_errors=1000)
        assert fast.to_json() == plain.to_json()
        assert tables(db) == tables(plain_db)
        results.append(fast)
    # the comparison means something: new, updated and unchanged tickets, notes, errors
    one, two, again, three, bad, _ = results
    assert one.written and one.created == 150 and len(one.notes) > 10
    assert two.written and two.created > 50 and two.updated > 10
    assert again.written and again.updated > 10 and again.skipped > 50
    assert three.errors and all("month-day-year" in e.message for e in three.errors)
    assert not bad.written and len(bad.errors) > 20
    assert len({e.message.split(" ")[0] for e in bad.errors}) > 5
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM comm_log")).scalar()
    plain_db.close()


def rowviews(headers: list[str], mapping: dict[str, list[int]], rows: list[list[str]]) -> None:
    fields = (*JiraTickets.fields, FieldSpec("extra", "Extra"))
    cells = _Cells(fields, mapping, headers)
    for n, row in enumerate(rows):
        view = RowView(n + 2, row, mapping, headers)
        one, many = cells.read(row)
        for f in fields:
            assert one[f.name] == view.get(f.name), (f.name, row)
            if f.multi:
                assert many[f.name] == view.get_all(f.name), (f.name, row)
            assert cells.columns[f.name] == view.column(f.name)


def test_cells_read_what_the_row_view_reads() -> None:
    headers = ["Summary", "Issue key", "Watchers", "Watchers", "Comment", "Status", "Labels"]
    guessed = JiraTickets().guess_mapping(headers)
    rows = [
        ["  A  ", "K-1", " Zoë ", "", "c;d;e", "Open", "x"],
        ["", " ", "", " Priya", "", "", ""],  # blanks
        ["B", "K-2"],  # short: the missing cells read as empty
        ["C", "K-3", "w", "v", "c", "Done", "l", "past the header"],
        [],
    ]
    rowviews(headers, guessed, rows)
    # a mapping made by hand: a single field read from several columns, an unmapped one
    by_hand = {**guessed, "summary": [6, 0], "status": [], "labels": [0, 6, 5]}
    rowviews(headers, by_hand, rows)
    rowviews(headers, {"summary": [0]}, rows)


class RowByRowJira(JiraTickets):
    """The re-import as it was: each existing ticket (its assignees, followers and
    comments) read by its own row, every field assigned, and what the row changed
    flushed before its history is read (see ``row_by_row``)."""

    def upcoming(self, session: Session, rows: Sequence[RowView]) -> None:
        self._loaded = {}


def row_by_row(monkeypatch: pytest.MonkeyPatch, db: Database, path: Path) -> ImportResult:
    with monkeypatch.context() as m:
        m.setattr(jira, "_put", setattr)
        m.setattr(jira, "_put_all", setattr)
        m.setattr(Session, "no_autoflush", property(lambda _: contextlib.nullcontext()))
        return run_import(db, RowByRowJira(), path, max_errors=1000)


def ticket_key(source: Path, n: int) -> str:
    with source.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))[n]["Issue key"]


def reimport_file(source: Path, path: Path, bad: bool) -> Path:
    """The rows of ``source`` again: most unchanged, some renamed, moved on, commented
    (a comment twice in a row, a comment the ticket has already), given to someone else.

    ``bad`` adds a row of one ticket that fails after changing it and adding a comment,
    before that ticket's own row (which adds that comment); a row of that ticket again
    after it (refused: the key twice); a row with a bad status; a row repeated."""
    with source.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    col = {h: header.index(h) for h in header}
    summary, status, comment = col["Summary"], col["Status"], col["Comment"]
    assignee, watchers = col["Assignee"], col["Watchers"]
    out = [list(r) for r in rows]
    for n, row in enumerate(out):
        if n % 6 == 1:
            row[summary] = f"Renamed {n}"
        elif n % 6 == 2:
            row[status] = "In Progress" if n % 4 else "Resolved"
        elif n % 6 == 3:
            row[comment + 2] = f"22/Nov/26 9:{n:02d} AM;5b10ac8d82e05b22cc7d4ef5;New note {n}"
        elif n % 6 == 4:
            row[comment] = row[comment + 1] = f"22/Nov/26 10:{n:02d} AM;qm:abc:def;Twice {n}"
        elif n % 6 == 5:  # another assignee, another watcher: as many people as before
            who = "Łukasz Nowak" if row[assignee] != "Łukasz Nowak" else "Renée Dubois"
            row[assignee], row[watchers] = who, "Zoë Brandão" if row[watchers] else ""
    if bad:
        ticket = list(out[12])  # (a row left as it was)
        early = list(ticket)
        early[summary], early[status] = "Changed, then rolled back", "Resolved"
        early[comment] = "23/Nov/26 8:00 AM;qm:abc:def;Said before the error"
        early[comment + 1] = "not a comment"
        out[12][comment + 2] = early[comment]  # the ticket's own row adds it
        out.insert(3, early)
        out.insert(15, ticket)  # (after its own row: the key twice)
        broken = list(out[20])
        broken[col["Issue key"]], broken[status] = "NEW-1", "Limbo"
        out.insert(21, broken)
        out.insert(22, list(out[23]))  # the key twice, the first of them
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(out)
    return path


@pytest.mark.parametrize("upcoming_rows", [500, 4])
def test_a_reimport_updates_what_the_row_by_row_reimport_updates(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upcoming_rows: int
) -> None:
    """Existing tickets loaded ahead of their rows (and their comments), and left clean by
    a row that changes nothing: the results and the database are those of the re-import
    reading each ticket with its row, also with rows of a ticket that fail, are refused or
    repeat, some in another batch of rows loaded ahead."""
    monkeypatch.setattr(jira, "utcnow", lambda: NOW)
    monkeypatch.setattr(base, "UPCOMING_ROWS", upcoming_rows)
    team(db)
    one = tricky(tmp_path / "one.csv", 40, seed=5)
    assert run_import(db, JiraTickets(), one).written
    old_db = copy_of(db, tmp_path / "old.sqlite3")
    runs = [
        reimport_file(one, tmp_path / "bad.csv", bad=True),
        one,  # unchanged
        reimport_file(one, tmp_path / "changed.csv", bad=False),
        tmp_path / "changed.csv",  # unchanged again
        reimport_file(one, tmp_path / "bad.csv", bad=True),
        one,  # changed back
    ]
    results = []
    for path in runs:
        fast = run_import(db, JiraTickets(), path, max_errors=1000)
        old = row_by_row(monkeypatch, old_db, path)
        assert fast.to_json() == old.to_json()
        assert tables(db) == tables(old_db)
        results.append(fast)
    bad, unchanged, changed, again, bad_again, back = results
    assert not bad.written and not bad_again.written
    assert [(e.row, e.message.split(" ")[:2]) for e in bad.errors] == [
        (5, ["A", "comment"]),  # after the ticket was changed and a comment added
        (17, [ticket_key(one, 12), "appears"]),  # (its own row, row 15, counted)
        (23, ["csdesk", "does"]),  # the status
        (26, [ticket_key(one, 20), "appears"]),
    ]
    assert bad.updated > 10 and bad.skipped > 3
    assert unchanged.written and unchanged.skipped == 40
    assert changed.written and changed.updated > 10 and changed.skipped > 3
    assert again.written and again.skipped == 40
    assert back.written and back.updated > 10
    old_db.close()
