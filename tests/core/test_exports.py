"""Exports (SPEC "Data"): every export in every format, filters, neutralised cells, atomic writes."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from csdesk.core import exports
from csdesk.core.commlog import LogInput, save_entry
from csdesk.core.db import Database
from csdesk.core.directory import (
    ColleagueInput,
    ContactInput,
    DepartmentInput,
    save_colleague,
    save_department,
)
from csdesk.core.enums import Channel, Direction, Health, ItemType, LifecycleStage, Role
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.exports import (
    EXPORTS,
    FORMATS,
    export_accounts,
    export_directory,
    export_log,
    export_tasks,
    fold_line,
    neutralise,
    to_csv,
    write_atomically,
)
from csdesk.core.models import WorkItem
from csdesk.core.portfolio import (
    AccountInput,
    AdminInput,
    ProductInput,
    save_account,
    save_admin,
    save_product,
)
from csdesk.core.workflow import follow_up
from csdesk.core.workitems import ItemInput, save_item

UTC = dt.UTC
HYPERLINK = '=HYPERLINK("http://evil.example","click me")'
LONG_TITLE = "Directrice régionale des opérations clientèle, Europe du Nord; pays baltes \\ autres"


@dataclass
class World:
    north: int
    east: int
    zoe: int
    ticket: int
    old_task: int


@pytest.fixture
def w(db: Database) -> World:
    casey = save_colleague(db, ColleagueInput("Casey CSM", roles={Role.ME}))
    pat = save_colleague(
        db,
        ColleagueInput(
            "Pat Primary",
            email="pat@agency.example",
            phone="+1 555 0100",
            title="Support lead",
            roles={Role.SUPPORT, Role.TEAM_LEAD},
        ),
    )
    quinn = save_colleague(db, ColleagueInput("Quinn Second", email="quinn@agency.example"))
    zoe = save_colleague(db, ColleagueInput("Zoë Ødegård", title=LONG_TITLE, roles={Role.CSS}))
    mary = save_colleague(db, ColleagueInput("Mary Manager", roles={Role.ACCOUNT_MANAGER}))
    rita = save_colleague(db, ColleagueInput("Rita Regional", roles={Role.REGIONAL_MANAGER}))
    support = save_department(
        db,
        DepartmentInput(
            "Support",
            contacts=[
                ContactInput(pat, is_primary=True, routing_note="operational matters"),
                ContactInput(quinn, routing_note="client matters → Quinn, who is their CSS"),
            ],
        ),
    )
    billing = save_department(
        db, DepartmentInput("Billing", contacts=[ContactInput(quinn, routing_note="invoices")])
    )
    save_colleague(
        db,
        ColleagueInput(
            "Pat Primary",
            email="pat@agency.example",
            phone="+1 555 0100",
            title="Support lead",
            department_id=support,
            roles={Role.SUPPORT, Role.TEAM_LEAD},
            id=pat,
        ),
    )
    save_colleague(
        db,
        ColleagueInput(
            "Zoë Ødegård", title=LONG_TITLE, department_id=billing, roles={Role.CSS}, id=zoe
        ),
    )

    learning, cred, sched = (
        save_product(db, n) for n in ("Learning", "Credentialing", "Scheduling")
    )
    north = save_account(
        db,
        AccountInput(
            "Northwind Health",
            external_id="SF-001",
            paid_seats=500,
            stage=LifecycleStage.ADOPTION,
            renewal_date=dt.date(2025, 1, 31),
            account_manager_id=mary,
            regional_manager_id=rita,
            notes=HYPERLINK,
            products=[
                ProductInput(learning, in_use=True),
                ProductInput(cred),
                ProductInput(sched, bought=False, in_use=True),
            ],
        ),
    )
    east = save_account(db, AccountInput("Northwind East", parent_id=north, paid_seats=40))
    zoe_acc = save_account(
        db, AccountInput("Zoë Ødegård Klinik", health=Health.AT_RISK, notes="@SUM(A1:A9)")
    )
    save_admin(db, AdminInput(north, "Ann Admin", email="ann@northwind.example", is_primary=True))
    save_admin(db, AdminInput(north, "Bob Backup", phone="+1 555 0199"))

    ticket = save_item(
        db,
        ItemInput(
            "SSO broken",
            item_type=ItemType.TICKET,
            account_id=north,
            external_key="CS-7",
            channels=[Channel.EMAIL, Channel.TICKET],
            external_url="https://jira.example/browse/CS-7",
            assignee_ids=[casey, pat],
            follower_ids=[quinn],
            account_manager_id=mary,
            regional_manager_id=rita,
            due_at=dt.datetime(2026, 1, 10, 17, 0, tzinfo=UTC),
        ),
    )
    save_item(db, ItemInput("-5 seats to remove", account_id=east, assignee_ids=[casey]))
    save_item(db, ItemInput("Zoë's onboarding plan", account_id=zoe_acc, assignee_ids=[casey]))
    old_task = save_item(db, ItemInput("Old clean-up", account_id=north, assignee_ids=[casey]))
    long_ago = dt.datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    with db.session() as s:
        s.execute(
            update(WorkItem)
            .where(WorkItem.id == old_task)
            .values(created_at=long_ago, updated_at=long_ago)
        )

    def log(summary: str, at: dt.datetime, **kw: Any) -> None:
        kw.setdefault("channel", Channel.EMAIL)
        save_entry(db, LogInput(summary=summary, occurred_at=at, **kw))

    log("Old hello", dt.datetime(2023, 12, 1, 12, 0, tzinfo=UTC), account_id=north)
    log(
        "Привет, Zoë",
        dt.datetime(2024, 2, 1, 12, 0, tzinfo=UTC),
        account_id=zoe_acc,
        counterpart="@SUM(A1)",
        channel=Channel.WHATSAPP,
        direction=Direction.INBOUND,
    )
    log(
        'Renewal call\nSecond line, with “quotes” and "more"',
        dt.datetime(2024, 3, 1, 12, 0, tzinfo=UTC),
        item_id=ticket,
        counterpart="Ann Admin",
        channel=Channel.CALL,
    )
    log("-5 seats agreed", dt.datetime(2024, 3, 5, 12, 0, tzinfo=UTC), account_id=east)
    return World(north, east, zoe_acc, ticket, old_task)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_json(path: Path) -> dict[str, Any]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# ------------------------------------------------------------------ neutralise


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1 555 0100", "'+1 555 0100"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =1+1", "'  =1+1"),  # trimmed on import by some spreadsheets
        ("\u00a0@cmd", "'\u00a0@cmd"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("x-5", "x-5"),
        ("", ""),
        ("Zoë", "Zoë"),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_to_csv_neutralises_every_cell_and_joins_lists() -> None:
    records = [{"a": "\tx", "b": ["=1", "y"], "c": None, "d": True, "e": -5}]
    data = to_csv(records, ["a", "b", "c", "d", "e"])
    assert data.startswith(b"\xef\xbb\xbfa,b,c,d,e\r\n")
    [row] = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert row == {"a": "'\tx", "b": "'=1; y", "c": "", "d": "yes", "e": "'-5"}


# ------------------------------------------------------------------ accounts


def test_accounts_csv(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "accounts.csv"
    assert export_accounts(db, out, "csv") == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 4  # header + 3 rows, CRLF
    rows = read_csv(out)
    assert list(rows[0]) == list(exports.ACCOUNT_FIELDS)
    assert [r["name"] for r in rows] == ["Northwind East", "Northwind Health", "Zoë Ødegård Klinik"]
    north = rows[1]
    assert north == {
        "name": "Northwind Health",
        "external_id": "SF-001",
        "parent": "",
        "paid_seats": "500",
        "lifecycle_stage": "adoption",
        "health": "good",
        "renewal_date": "2025-01-31",
        "account_manager": "Mary Manager",
        "regional_manager": "Rita Regional",
        "products_bought": "Credentialing; Learning",
        "products_used": "Learning",
        "adoption_percent": "50",
        "primary_admin": "Ann Admin",
        "primary_admin_email": "ann@northwind.example",
        "notes": "'" + HYPERLINK,
    }
    assert rows[0]["parent"] == "Northwind Health"
    assert rows[0]["adoption_percent"] == ""
    assert rows[2]["notes"] == "'@SUM(A1:A9)"
    assert rows[2]["health"] == "at_risk"


def test_accounts_json(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "accounts.json"
    assert export_accounts(db, out, "JSON") == 3
    doc = read_json(out)
    assert doc["count"] == 3
    assert doc["account"] is None
    assert dt.datetime.fromisoformat(doc["exported_at"]).tzinfo is not None
    north = doc["accounts"][1]
    assert north["paid_seats"] == 500
    assert north["products_bought"] == ["Credentialing", "Learning"]
    assert north["adoption_percent"] == 50
    assert north["renewal_date"] == "2025-01-31"
    assert north["notes"] == HYPERLINK  # JSON is data, not a spreadsheet: nothing neutralised
    assert doc["accounts"][0]["adoption_percent"] is None
    assert doc["accounts"][2]["name"] == "Zoë Ødegård Klinik"
    assert "Zoë Ødegård" in out.read_text(encoding="utf-8")  # not \u-escaped


def test_accounts_of_one_name_include_franchise_children(
    db: Database, w: World, tmp_path: Path
) -> None:
    out = tmp_path / "a.json"
    assert export_accounts(db, out, "json", account="  northwind HEALTH ") == 2
    doc = read_json(out)
    assert [a["name"] for a in doc["accounts"]] == ["Northwind East", "Northwind Health"]
    assert doc["account"] == "  northwind HEALTH "
    assert export_accounts(db, out, "json", account="NORTHWIND EAST") == 1
    assert export_accounts(db, out, "csv", account="ZOË ØDEGÅRD KLINIK") == 1
    assert [r["name"] for r in read_csv(out)] == ["Zoë Ødegård Klinik"]


@pytest.mark.parametrize("kind", ["accounts", "tasks", "log"])
def test_an_unknown_account_is_refused_and_nothing_written(
    db: Database, w: World, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ValidationError) as info:
        EXPORTS[kind](db, folder / "out.csv", "csv", "Nowhere Inc", None)
    assert info.value.field == "account"
    assert info.value.message == "There is no account called “Nowhere Inc”."
    assert list(folder.iterdir()) == []


# ------------------------------------------------------------------ tasks


def test_tasks_csv(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    assert export_tasks(db, out, "csv") == 4
    rows = read_csv(out)
    assert list(rows[0]) == list(exports.TASK_FIELDS)
    assert [r["title"] for r in rows] == [
        "SSO broken",
        "'-5 seats to remove",
        "Zoë's onboarding plan",
        "Old clean-up",
    ]
    t = rows[0]
    assert t["key"] == "CS-7"
    assert t["id"] == str(w.ticket)
    assert (t["type"], t["status"], t["priority"], t["category"]) == (
        "ticket",
        "open",
        "medium",
        "general",
    )
    assert t["account"] == "Northwind Health"
    assert t["channels"] == "email; ticket"
    assert t["due"] == "2026-01-10T17:00:00+00:00"
    assert dt.datetime.fromisoformat(t["created"]).utcoffset() == dt.timedelta(0)
    assert t["done"] == ""
    assert t["assignees"] == "Casey CSM; Pat Primary"
    assert t["followers"] == "Quinn Second"
    assert t["external_url"] == "https://jira.example/browse/CS-7"
    assert (t["account_manager"], t["regional_manager"]) == ("Mary Manager", "Rita Regional")
    assert rows[3]["key"] == f"#{w.old_task}"


def test_tasks_json_and_filters(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    assert export_tasks(db, out, "json") == 4
    t = read_json(out)["tasks"][0]
    assert t["channels"] == ["email", "ticket"]
    assert t["assignees"] == ["Casey CSM", "Pat Primary"]
    assert t["id"] == w.ticket
    assert t["done"] is None

    # --account: only that account's items, not its children's
    assert export_tasks(db, out, "json", account="northwind health") == 2
    assert [x["title"] for x in read_json(out)["tasks"]] == ["SSO broken", "Old clean-up"]
    # --since: created or updated since that day
    assert export_tasks(db, out, "json", since=dt.date(2024, 6, 1)) == 3
    doc = read_json(out)
    assert "Old clean-up" not in [x["title"] for x in doc["tasks"]]
    assert doc["since"] == "2024-06-01"
    assert export_tasks(db, out, "json", account="Northwind Health", since=dt.date(2024, 6, 1)) == 1


def test_tasks_since_counts_updates(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    follow_up(db, w.old_task, Channel.EMAIL, "still needed?")  # touches the old task
    assert export_tasks(db, out, "json", since=dt.date(2024, 6, 1)) == 4


# ------------------------------------------------------------------ log


def test_log_csv_round_trips_newlines_and_non_ascii(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "log.csv"
    assert export_log(db, out, "csv") == 4
    rows = read_csv(out)
    assert list(rows[0]) == list(exports.LOG_FIELDS)
    assert [r["occurred_at"] for r in rows] == [  # oldest first
        "2023-12-01T12:00:00+00:00",
        "2024-02-01T12:00:00+00:00",
        "2024-03-01T12:00:00+00:00",
        "2024-03-05T12:00:00+00:00",
    ]
    assert rows[1] == {
        "occurred_at": "2024-02-01T12:00:00+00:00",
        "channel": "whatsapp",
        "direction": "inbound",
        "account": "Zoë Ødegård Klinik",
        "counterpart": "'@SUM(A1)",
        "summary": "Привет, Zoë",
        "item": "",
    }
    call = rows[2]
    assert call["summary"] == 'Renewal call\nSecond line, with “quotes” and "more"'
    assert call["account"] == "Northwind Health"  # from the ticket
    assert call["item"] == "CS-7 SSO broken"
    assert rows[3]["summary"] == "'-5 seats agreed"


def test_log_json_and_filters(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "log.json"
    assert export_log(db, out, "json") == 4
    doc = read_json(out)
    assert doc["count"] == 4
    assert doc["log"][2]["summary"] == 'Renewal call\nSecond line, with “quotes” and "more"'
    assert doc["log"][1]["counterpart"] == "@SUM(A1)"

    assert export_log(db, out, "json", account="Northwind Health") == 2
    assert [e["summary"][:7] for e in read_json(out)["log"]] == ["Old hel", "Renewal"]
    assert export_log(db, out, "json", since=dt.date(2024, 2, 15)) == 2
    assert [e["summary"] for e in read_json(out)["log"]][1] == "-5 seats agreed"
    assert export_log(db, out, "csv", account="northwind east", since=dt.date(2024, 3, 6)) == 0
    assert read_csv(out) == []
    assert out.read_bytes() == b"\xef\xbb\xbf" + ",".join(exports.LOG_FIELDS).encode() + b"\r\n"


# ------------------------------------------------------------------ directory


def test_directory_csv_and_json(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "directory.csv"
    assert export_directory(db, out, "csv") == 6
    rows = read_csv(out)
    assert list(rows[0]) == list(exports.DIRECTORY_FIELDS)
    assert [(r["department"], r["name"], r["primary"]) for r in rows] == [
        ("Billing", "Quinn Second", "yes"),
        ("Billing", "Zoë Ødegård", "no"),
        ("Support", "Pat Primary", "yes"),
        ("", "Casey CSM", "no"),
        ("", "Mary Manager", "no"),
        ("", "Rita Regional", "no"),
    ]
    assert rows[0]["routing_note"] == "invoices; Support: client matters → Quinn, who is their CSS"
    assert rows[2]["routing_note"] == "operational matters"
    assert rows[2]["phone"] == "'+1 555 0100"
    assert rows[2]["roles"] == "team_lead; support"

    jout = tmp_path / "directory.json"
    assert export_directory(db, jout, "json", account="ignored", since=dt.date(2024, 1, 1)) == 6
    doc = read_json(jout)
    pat = doc["directory"][2]
    assert pat == {
        "department": "Support",
        "name": "Pat Primary",
        "email": "pat@agency.example",
        "phone": "+1 555 0100",
        "title": "Support lead",
        "roles": ["team_lead", "support"],
        "routing_note": "operational matters",
        "primary": True,
    }
    assert (doc["account"], doc["since"]) == (None, None)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_directory_vcards(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "directory.vcf"
    assert export_directory(db, out, "vcf") == 6
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"END:VCARD\r\n")
    physical = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in physical)
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare line breaks
    lines = unfold(raw.decode("utf-8"))
    assert lines.count("BEGIN:VCARD") == lines.count("END:VCARD") == 6
    assert lines.count("VERSION:3.0") == 6
    # one card, as an address book reads it
    start = lines.index("FN:Pat Primary") - 2
    card = lines[start : lines.index("END:VCARD", start) + 1]
    assert card == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Pat Primary",
        "N:Primary;Pat;;;",
        "EMAIL;TYPE=INTERNET:pat@agency.example",
        "TEL;TYPE=WORK,VOICE:+1 555 0100",
        "ORG:Support",
        "TITLE:Support lead",
        "NOTE:Team lead\\, Support",
        "END:VCARD",
    ]
    title = "TITLE:" + LONG_TITLE.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    assert title in lines
    assert any(p.startswith(b" ") for p in physical)  # the long title was folded
    assert "FN:Zoë Ødegård" in lines
    assert "N:Ødegård;Zoë;;;" in lines
    assert "NOTE:My CSS / CSM partner" in lines


def test_fold_line_never_splits_a_character() -> None:
    line = "NOTE:" + "é" * 100
    folded = fold_line(line)
    parts = folded.encode("utf-8").split(b"\r\n")
    assert all(len(p) <= 75 for p in parts)
    assert all(p.startswith(b" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line
    assert fold_line("short") == "short"
    assert fold_line("x" * 75) == "x" * 75
    assert fold_line("x" * 76) == "x" * 75 + "\r\n x"


def test_vcf_only_for_the_directory(db: Database, w: World, tmp_path: Path) -> None:
    out = tmp_path / "a.vcf"
    with pytest.raises(ValidationError) as info:
        export_accounts(db, out, "vcf")
    assert info.value.field == "format"
    assert info.value.message == (
        "The accounts export can be written as csv, json; “vcf” is not one of them."
    )
    assert not out.exists()


def test_registries() -> None:
    assert set(EXPORTS) == set(FORMATS) == {"accounts", "tasks", "log", "directory"}
    assert FORMATS["directory"] == ("csv", "json", "vcf")
    assert all(FORMATS[k] == ("csv", "json") for k in ("accounts", "tasks", "log"))


def test_empty_database_exports_headers_only(db: Database, tmp_path: Path) -> None:
    for kind, fmts in FORMATS.items():
        for fmt in fmts:
            out = tmp_path / f"{kind}.{fmt}"
            assert EXPORTS[kind](db, out, fmt, None, None) == 0
            if fmt == "json":
                assert read_json(out) | {"exported_at": None} == {
                    kind: [],
                    "count": 0,
                    "exported_at": None,
                    "account": None,
                    "since": None,
                }
            elif fmt == "csv":
                assert read_csv(out) == []
            else:
                assert out.read_bytes() == b""


# ------------------------------------------------------------------ atomic writes


def test_write_atomically_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    write_atomically(out, b"one")
    assert out.read_bytes() == b"one"
    assert out.stat().st_mode & 0o777 == 0o644
    out.chmod(0o600)
    write_atomically(out, b"two")
    assert out.read_bytes() == b"two"
    assert out.stat().st_mode & 0o777 == 0o600  # an existing file keeps its permissions
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "is full"),
        (errno.EACCES, "not allowed to write"),
        (errno.EROFS, "read-only disk"),
        (errno.EIO, "could not be saved"),
    ],
)
def test_a_failed_replace_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    out = tmp_path / "x.csv"
    out.write_bytes(b"old")

    def fail(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(exports.os, "replace", fail)
    with pytest.raises(KnownError) as info:
        write_atomically(out, b"new")
    assert words in info.value.message
    assert str(tmp_path.resolve()) in info.value.message
    assert "an earlier file of that name is unchanged" in info.value.message
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_a_full_disk_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports.os, "fsync", full)
    out = tmp_path / "x.json"
    with pytest.raises(exports.ExportError) as info:
        write_atomically(out, b"data")
    assert info.value.message.startswith(
        f"The disk holding the folder {tmp_path.resolve()} is full."
    )
    assert list(tmp_path.iterdir()) == []


def test_a_missing_or_forbidden_folder_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(KnownError) as info:
        write_atomically(tmp_path / "nope" / "x.csv", b"data")
    assert "does not exist" in info.value.message
    assert str(tmp_path / "nope") in info.value.message

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(exports.tempfile, "mkstemp", denied)
    with pytest.raises(KnownError) as info:
        write_atomically(tmp_path / "x.csv", b"data")
    assert info.value.message.startswith(
        f"csdesk is not allowed to write in the folder {tmp_path.resolve()}."
    )
    assert list(tmp_path.iterdir()) == []


def test_writing_onto_a_folder_is_explained(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(KnownError) as info:
        write_atomically(tmp_path / "taken", b"data")
    assert "is a folder" in info.value.message
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("kind", "fmt"), [(k, f) for k, fs in FORMATS.items() for f in fs])
def test_a_failed_export_leaves_no_partial_file(
    db: Database,
    w: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    fmt: str,
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / f"{kind}.{fmt}"

    def fail(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports.os, "replace", fail)
    with pytest.raises(KnownError):
        EXPORTS[kind](db, out, fmt, None, None)
    assert list(folder.iterdir()) == []
