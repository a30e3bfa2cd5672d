"""Bad input (issue 9, point 1): every kind is refused with a message in words, and nothing
is half written.

Each refused kind asserts (a) a :class:`~csdesk.core.errors.KnownError` (or
ValidationError) with a real sentence, or an import result whose per-row errors
name the row and the column, never a bare traceback; and (b) that the database
is exactly as before (every row of every table compared) or the file not
written. Legitimate input that merely looks odd (right-to-left text, emoji,
formula-looking values, HTML in a text) is ACCEPTED and read back intact; the
tests say which. ``REFUSED`` lists every refused kind once; its length is the
count reported in the README's reliability section.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
import random
import shutil
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from csdesk.core import commlog, directory, ooo, portfolio, templates, workitems
from csdesk.core.db import Database, open_database, sqlite_url
from csdesk.core.enums import Channel, ItemType, Role
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.exports import EXPORTS
from csdesk.core.imports import base
from csdesk.core.imports.base import Importer, run_import
from csdesk.core.imports.directory_csv import DirectoryCsv
from csdesk.core.imports.jira import JiraTickets
from csdesk.core.imports.salesforce import SalesforceAccounts
from csdesk.core.imports.teamwork import TeamworkTasks
from csdesk.core.models import Account, Colleague, CommLogEntry, CustomerAdmin, WorkItem
from csdesk.core.ooo_return import (
    TrackingFileError,
    apply_tracking,
    parse_date,
    read_tracking,
    read_tracking_values,
)
from csdesk.paths import AppPaths
from tests.core.imports.conftest import add_team, dump

REFUSED: list[str] = []  # every refused bad-input kind, once
ACCEPTED: list[str] = []  # odd but legitimate input, accepted and read back intact


def kinds(target: list[str], *names: str) -> list[str]:
    target.extend(names)
    return list(names)


FAST = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def _migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated database file for the module; each test gets a copy (fast)."""
    folder = tmp_path_factory.mktemp("template")
    database = open_database(sqlite_url(folder / "template.sqlite3"), folder / "backups")
    database.close()
    return folder / "template.sqlite3"


@pytest.fixture
def db(_migrated: Path, app_paths: AppPaths) -> Iterator[Database]:
    """As tests/conftest.py's ``db`` (a fresh migrated database), copied from a template."""
    target = app_paths.database_file()
    shutil.copyfile(_migrated, target)
    database = open_database(sqlite_url(target), app_paths.backup_dir)
    yield database
    database.close()


# ------------------------------------------------------------------ assertions


def assert_words(message: str) -> None:
    """A message a CSM can read: a sentence, not a traceback or a repr."""
    assert message and message.strip(), "empty message"
    assert "Traceback" not in message and "Error(" not in message, message
    assert len(message.split()) >= 3, message


def refused_import(db: Database, importer: Importer, path: Path, **kw: Any) -> str:
    """Run the import; it must be refused in words and write nothing. Returns the words."""
    before = dump(db)
    try:
        result = run_import(db, importer, path, **kw)
    except KnownError as exc:
        message = exc.message
    else:
        assert result.errors, f"accepted: {result.summary()}"
        assert not result.written
        for e in result.errors:
            assert e.row >= 1
            assert_words(e.message)
        message = "\n".join(str(e) for e in result.errors)
    assert_words(message)
    assert dump(db) == before, "a refused import changed the database"
    return message


def refused(db: Database, call: Callable[[], object], words: str = "") -> str:
    """``call`` must raise a KnownError in words and leave the database as it was."""
    before = dump(db)
    with pytest.raises(KnownError) as info:
        call()
    assert_words(info.value.message)
    if words:
        assert words.casefold() in info.value.message.casefold(), info.value.message
    assert dump(db) == before, "a refused save changed the database"
    return info.value.message


# ------------------------------------------------------------------ import formats


def csv_bytes(headers: list[str], rows: list[list[str]], encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(headers)
    w.writerows(rows)
    return out.getvalue().encode(encoding)


class Format:
    """One import format: a factory, the headers of a small file and one good row."""

    def __init__(
        self, name: str, make: Callable[[], Importer], headers: list[str], good: list[str]
    ) -> None:
        self.name, self.make, self.headers, self.good = name, make, headers, good

    def row(self, **cells: str) -> list[str]:
        """The good row with some cells changed (by header, spaces as underscores)."""
        out = list(self.good)
        for key, value in cells.items():
            out[self.headers.index(key.replace("_", " "))] = value
        return out

    def file(self, *rows: list[str], encoding: str = "utf-8-sig") -> bytes:
        return csv_bytes(self.headers, [self.good, *rows], encoding)


SALESFORCE = Format(
    "salesforce",
    SalesforceAccounts,
    ["Account Name", "Account ID", "Paid Seats", "Customer Stage", "Health", "Renewal Date"],
    ["Good Clinic", "0015g00000Aa005AAB", "120", "Onboarding", "Good", "3/15/2027"],
)
JIRA = Format(
    "jira",
    JiraTickets,
    ["Summary", "Issue key", "Status", "Priority", "Assignee", "Created", "Due date"],
    ["Good ticket", "GOOD-1", "Open", "High", "Łukasz Nowak", "20/Nov/26 2:15 PM", ""],
)
TEAMWORK = Format(
    "teamwork",
    TeamworkTasks,
    ["Task ID", "Task name", "Assigned to", "Due date", "Priority", "Status", "Progress"],
    ["1", "Good task", "Priya Raman", "20/11/2026", "High", "Active", ""],
)
DIRECTORY = Format(
    "directory",
    DirectoryCsv,
    ["Department", "Name", "Email", "Phone", "Title", "Roles"],
    ["Support", "Kofi Mensah", "kofi@northstar.example", "+1 312 555 0121", "Lead", "Support"],
)
FORMATS = [SALESFORCE, JIRA, TEAMWORK, DIRECTORY]
FORMAT_IDS = [f.name for f in FORMATS]


@pytest.fixture
def team(db: Database) -> dict[str, int]:
    """The people and the account the good rows refer to."""
    return add_team(db)


def write(tmp_path: Path, data: bytes, name: str = "import.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _xlsx_bytes() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Account Name", "Paid Seats"])
    ws.append(["Good Clinic", 10])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("accounts.csv", "Account Name\nGood Clinic\n")
    return buf.getvalue()


def _mixed(f: Format) -> bytes:
    """A UTF-8 file with one line pasted in from a Windows-1252 file."""
    utf8 = csv_bytes(f.headers, [[("Zoë " + c) if i == 0 else c for i, c in enumerate(f.good)]])
    latin = csv_bytes(f.headers, [[("Café " + c) if i == 0 else c for i, c in enumerate(f.good)]])
    line = latin.decode("utf-8-sig").encode("cp1252", errors="replace").splitlines(True)[1]
    return utf8 + line


def _text(f: Format, encoding: str = "utf-8") -> str:
    return f.file().decode("utf-8-sig").encode(encoding).decode(encoding)


# Whole files that cannot be imported at all, whatever the format (KnownError).
FILE_KINDS: dict[str, Callable[[Format], bytes]] = {
    "empty file": lambda f: b"",
    "only spaces and newlines": lambda f: b"  \r\n\t\n   \n",
    "only a byte-order mark": lambda f: b"\xef\xbb\xbf",
    "only commas (blank header)": lambda f: b",,,,\r\n,,,\r\n",
    "UTF-16 LE without BOM": lambda f: _text(f).encode("utf-16-le"),
    "UTF-16 BE without BOM": lambda f: _text(f).encode("utf-16-be"),
    "UTF-16 with BOM": lambda f: _text(f).encode("utf-16"),
    "UTF-32": lambda f: _text(f).encode("utf-32"),
    "PNG image": lambda f: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "JPEG image": lambda f: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200),
    "PDF document": lambda f: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n",
    "random bytes": lambda f: random.Random(9).randbytes(4096),
    "xlsx workbook given as CSV": lambda f: _xlsx_bytes(),
    "zip archive given as CSV": lambda f: _zip_bytes(),
    "old .xls / password-protected (OLE)": lambda f: (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    ),
    "NUL byte in the header": lambda f: f.file().replace(f.headers[1].encode(), b"X\x00Y", 1),
    "NUL byte deep in the file (after 8 KB)": lambda f: f.file() + b"\r\n" * 4000 + b"a\x00b\r\n",
    "truncated mid-quote": lambda f: f.file()[:-3] + b'\r\n"' + f.good[0].encode()[:5],
    "1 MB cell": lambda f: f.file(f.row(**{f.headers[0].replace(" ", "_"): "x" * 1_000_000})),
    "required column missing": lambda f: csv_bytes(f.headers[2:], [f.good[2:]]),
    "only unknown columns": lambda f: csv_bytes(["Foo", "Bar", "Baz"], [["1", "2", "3"]]),
    "a column twice": lambda f: csv_bytes([f.headers[1], *f.headers], [["Other value", *f.good]]),
    "semicolon-separated": lambda f: f.file().replace(b",", b";"),
    "tab-separated": lambda f: f.file().replace(b",", b"\t"),
    "mixed UTF-8 and Windows-1252": lambda f: _mixed(f),
}
kinds(REFUSED, *(f"import file: {k}" for k in FILE_KINDS))


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMAT_IDS)
@pytest.mark.parametrize("kind", list(FILE_KINDS))
def test_unusable_files_are_refused_in_words(
    db: Database, team: dict[str, int], tmp_path: Path, fmt: Format, kind: str
) -> None:
    path = write(tmp_path, FILE_KINDS[kind](fmt))
    message = refused_import(db, fmt.make(), path)
    assert fmt.name not in {"jira", "teamwork"} or "UTF-8" in message or message


# Latin-1 (Windows-1252) files: read (with a note) where the tool writes them, refused otherwise.
kinds(REFUSED, "import file: Latin-1 where only UTF-8 is written")
kinds(ACCEPTED, "import file: Latin-1 accents from Salesforce or Excel (read as Windows-1252)")


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMAT_IDS)
def test_latin1_with_accents(
    db: Database, team: dict[str, int], tmp_path: Path, fmt: Format
) -> None:
    accented = "Hôpital Sainte-Thérèse" if fmt is not DIRECTORY else "Lina Sørensen"
    first = fmt.headers[0] if fmt is not DIRECTORY else "Name"
    row = fmt.row(**{first.replace(" ", "_"): accented})
    text = csv_bytes(fmt.headers, [row]).decode("utf-8-sig")
    path = write(tmp_path, text.encode("cp1252", errors="replace"))
    if fmt in (JIRA, TEAMWORK):
        assert "UTF-8" in refused_import(db, fmt.make(), path)
        return
    result = run_import(db, fmt.make(), path)
    assert result.ok, result.errors
    assert any("Windows-1252" in n for n in result.notes)
    with db.session() as s:
        model = Account if fmt is SALESFORCE else Colleague
        assert s.scalar(select(model).where(model.name == accented)) is not None


kinds(REFUSED, "import file: header only (nothing to import)")


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMAT_IDS)
def test_header_only_writes_nothing(
    db: Database, team: dict[str, int], tmp_path: Path, fmt: Format
) -> None:
    path = write(tmp_path, csv_bytes(fmt.headers, []))
    before = dump(db)
    result = run_import(db, fmt.make(), path)
    assert result.rows == 0 and not result.written
    assert any("no data rows" in n for n in result.notes)
    assert dump(db) == before  # not even the remembered column mapping


kinds(REFUSED, "import file: more cells than headers (a value missing its quotes)")


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMAT_IDS)
def test_a_row_wider_than_the_header(
    db: Database, team: dict[str, int], tmp_path: Path, fmt: Format
) -> None:
    good2 = fmt.row(**{fmt.headers[1].replace(" ", "_"): fmt.good[1].replace("1", "2", 1)})
    path = write(tmp_path, fmt.file([*good2, "stray, value", "more"]))
    message = refused_import(db, fmt.make(), path)
    assert "Row 3" in message and "columns" in message


IMPORT_PLACES = {
    "missing file": lambda tmp: tmp / "nowhere.csv",
    "a folder instead of a file": lambda tmp: tmp,
}
kinds(REFUSED, *(f"import file: {k}" for k in IMPORT_PLACES), "import file: larger than the limit")


@pytest.mark.parametrize("where", list(IMPORT_PLACES))
def test_files_that_cannot_be_read(db: Database, tmp_path: Path, where: str) -> None:
    refused_import(db, SalesforceAccounts(), IMPORT_PLACES[where](tmp_path))


def test_a_file_over_the_size_limit(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "MAX_FILE_BYTES", 100)
    message = refused_import(db, DirectoryCsv(), write(tmp_path, DIRECTORY.file(*[DIRECTORY.good])))
    assert "MB" in message


# Single bad cells: the import names the row and the column, and writes nothing at all
# (the good row before the bad one is not kept).
ROW_KINDS: list[tuple[Format, str, str, str]] = [
    (SALESFORCE, "Renewal Date", "13/45/2026", "impossible date"),
    (SALESFORCE, "Renewal Date", "2/30/2027", "30 February"),
    (SALESFORCE, "Renewal Date", "next spring", "date in words"),
    (SALESFORCE, "Paid Seats", "lots", "seats not a number"),
    (SALESFORCE, "Paid Seats", "-5", "negative seats"),
    (SALESFORCE, "Paid Seats", "12.5", "fractional seats"),
    (SALESFORCE, "Health", "Purple", "unknown health"),
    (SALESFORCE, "Customer Stage", "Hibernating", "unknown lifecycle stage"),
    (SALESFORCE, "Account ID", "0015g00000Aa005AAB", "duplicate account id in the file"),
    (SALESFORCE, "Account ID", "not an id!", "malformed account id"),
    (SALESFORCE, "Account Name", "", "empty account name"),
    (SALESFORCE, "Account Name", "N" * 300, "over-long account name"),
    (JIRA, "Created", "yesterday", "created in words"),
    (JIRA, "Created", "31/Feb/26 9:00 AM", "created 31 February"),
    (JIRA, "Due date", "2026-13-01", "due month 13"),
    (JIRA, "Status", "Pondering", "unknown Jira status"),
    (JIRA, "Issue key", "NOT A KEY", "issue key with spaces"),
    (JIRA, "Issue key", "GOOD-1", "duplicate issue key"),
    (JIRA, "Summary", "", "empty summary"),
    (JIRA, "Summary", "S" * 301, "over-long summary"),
    (JIRA, "Priority", "Whenever", "unknown Jira priority"),
    (TEAMWORK, "Due date", "11/20/2026", "month-first date in a day-first file"),
    (TEAMWORK, "Due date", "someday", "due in words"),
    (TEAMWORK, "Progress", "150%", "progress over 100"),
    (TEAMWORK, "Progress", "half", "progress in words"),
    (TEAMWORK, "Priority", "Urgent!!", "unknown priority"),
    (TEAMWORK, "Status", "Sleeping", "unknown Teamwork status"),
    (TEAMWORK, "Task ID", "abc", "task id not a number"),
    (DIRECTORY, "Email", "lina.sorensen@", "email without domain"),
    (DIRECTORY, "Email", "two@@example.com", "email with two @"),
    (DIRECTORY, "Phone", "call me", "phone in words"),
    (DIRECTORY, "Name", "N" * 121, "over-long colleague name"),
    (DIRECTORY, "Roles", "Wizard", "unknown role"),
    (DIRECTORY, "Name", "\x07\x1b\x08", "name of control characters only"),
]
kinds(REFUSED, *(f"import row ({f.name}): {k}" for f, _, _, k in ROW_KINDS))


@pytest.mark.parametrize(
    ("fmt", "column", "value"),
    [(f, c, v) for f, c, v, _ in ROW_KINDS],
    ids=[f"{f.name}-{k}" for f, _, _, k in ROW_KINDS],
)
def test_bad_cells_name_the_row_and_column(
    db: Database, team: dict[str, int], tmp_path: Path, fmt: Format, column: str, value: str
) -> None:
    # a second row that differs from the good one in its identity, then the bad value
    identity = {
        "salesforce": {"Account_Name": "Other Clinic", "Account_ID": "0015g00000Bb006AAB"},
        "jira": {"Summary": "Other ticket", "Issue_key": "GOOD-2"},
        "teamwork": {"Task_ID": "2", "Task_name": "Other task"},
        "directory": {"Name": "Kofi Other", "Email": "other@northstar.example"},
    }[fmt.name]
    second = fmt.row(**identity)
    second[fmt.headers.index(column)] = value
    path = write(tmp_path, fmt.file(second))
    before = dump(db)
    result = run_import(db, fmt.make(), path)
    assert result.errors, result.summary()
    assert not result.written and dump(db) == before
    assert all(e.row == 3 for e in result.errors), result.errors
    for e in result.errors:
        assert_words(e.message)
    assert any(e.column in (column, "") for e in result.errors)


kinds(REFUSED, "directory: the single-holder role “Me” twice in one file")


def test_two_people_claiming_to_be_me(db: Database, tmp_path: Path) -> None:
    rows = [
        DIRECTORY.row(Roles="Me"),
        DIRECTORY.row(Name="Avery Other", Email="avery@northstar.example", Roles="Me"),
    ]
    refused_import(db, DirectoryCsv(), write(tmp_path, csv_bytes(DIRECTORY.headers, rows)))


IMPORT_OPTIONS: dict[str, Callable[[], Importer]] = {
    "unknown time zone": lambda: JiraTickets(timezone="Mars/Olympus"),
    "base URL without scheme": lambda: JiraTickets(base_url="jira example com"),
    "date order neither DMY nor MDY": lambda: TeamworkTasks(date_order="YDM"),
    "Teamwork site with spaces": lambda: TeamworkTasks(site="my site"),
}
kinds(REFUSED, *(f"import option: {k}" for k in IMPORT_OPTIONS))


@pytest.mark.parametrize("option", list(IMPORT_OPTIONS))
def test_bad_import_options(
    db: Database, team: dict[str, int], tmp_path: Path, option: str
) -> None:
    make = IMPORT_OPTIONS[option]
    fmt = JIRA if isinstance(make(), JiraTickets) else TEAMWORK
    refused_import(db, make(), write(tmp_path, fmt.file()))


MAPPINGS: dict[str, dict[str, list[int]]] = {
    "mapping past the file's columns": {"name": [42]},
    "required field left unmapped": {"name": [], "external_id": [1]},
}
kinds(REFUSED, *(f"import mapping: {k}" for k in MAPPINGS))


@pytest.mark.parametrize("what", list(MAPPINGS))
def test_bad_mappings(db: Database, tmp_path: Path, what: str) -> None:
    path = write(tmp_path, SALESFORCE.file())
    refused_import(db, SalesforceAccounts(), path, mapping=MAPPINGS[what])


FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x")']
kinds(ACCEPTED, "import: formula-looking values (kept as text, neutralised only on export)")


def test_formula_looking_values_import_as_text(db: Database, tmp_path: Path) -> None:
    rows = [
        SALESFORCE.row(Account_Name=v, Account_ID=f"0015g00000Cc00{i}AAB")
        for i, v in enumerate(FORMULAS)
    ]
    result = run_import(
        db, SalesforceAccounts(), write(tmp_path, csv_bytes(SALESFORCE.headers, rows))
    )
    assert result.ok, result.errors
    with db.session() as s:
        stored = set(s.scalars(select(Account.name)))
    assert set(FORMULAS) <= stored  # verbatim: nothing evaluated, nothing prefixed
    out = tmp_path / "accounts.csv"
    EXPORTS["accounts"](db, out, "csv")
    with out.open(encoding="utf-8-sig", newline="") as f:
        names = {r["name"] for r in csv.DictReader(f)}
    assert {"'" + v for v in FORMULAS} <= names


# ------------------------------------------------------------------ hypothesis: imports


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMAT_IDS)
def test_arbitrary_bytes_never_crash_nor_half_write(
    db: Database, team: dict[str, int], tmp_path: Path, fmt: Format
) -> None:
    @FAST
    @given(data=st.binary(max_size=600) | st.binary(max_size=200).map(lambda b: fmt.file() + b))
    def run(data: bytes) -> None:
        path = write(tmp_path, data)
        before = dump(db)
        try:
            result = run_import(db, fmt.make(), path, dry_run=True)
        except KnownError as exc:
            assert_words(exc.message)
        else:
            for e in result.errors:
                assert_words(e.message)
        assert dump(db) == before  # a dry run or a refusal writes nothing

    run()


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMAT_IDS)
def test_arbitrary_cells_never_crash_and_errors_write_nothing(
    db: Database, team: dict[str, int], tmp_path: Path, fmt: Format
) -> None:
    cell = st.text(max_size=40) | st.sampled_from(["", "=1+1", "2026-02-30", "-1", "100%", "Me"])
    rows = st.lists(st.lists(cell, min_size=0, max_size=len(fmt.headers) + 1), max_size=4)

    @FAST
    @given(rows=rows)
    def run(rows: list[list[str]]) -> None:
        path = write(tmp_path, csv_bytes(fmt.headers, [fmt.good, *rows]))
        before = dump(db)
        try:
            result = run_import(db, fmt.make(), path)
        except KnownError as exc:
            assert_words(exc.message)
            assert dump(db) == before
            return
        if result.errors:
            assert not result.written and dump(db) == before
            assert all(e.row >= 2 and e.message for e in result.errors)

    run()


# ------------------------------------------------------------------ forms: accounts, admins


@pytest.fixture
def account(db: Database) -> int:
    return portfolio.save_account(
        db, portfolio.AccountInput("Northwind Health", external_id="SF-1")
    )


ACCOUNT_KINDS: dict[str, Callable[[int], portfolio.AccountInput]] = {
    "empty name": lambda a: portfolio.AccountInput(""),
    "whitespace-only name": lambda a: portfolio.AccountInput(" \t\n "),
    "name of control characters only": lambda a: portfolio.AccountInput("\x00\x01\x7f"),
    "name on two lines": lambda a: portfolio.AccountInput("North\nwind"),
    "name over 200 characters": lambda a: portfolio.AccountInput("N" * 201),
    "name with a lone surrogate": lambda a: portfolio.AccountInput("Bad \udc80 name"),
    "negative paid seats": lambda a: portfolio.AccountInput("X", paid_seats=-1),
    "notes over 20,000 characters": lambda a: portfolio.AccountInput("X", notes="n" * 20_001),
    "website over 300 characters": lambda a: portfolio.AccountInput("X", website="w" * 301),
    "external id of another account": lambda a: portfolio.AccountInput("X", external_id="SF-1"),
    "its own parent": lambda a: portfolio.AccountInput("X", id=a, parent_id=a),
    "account that no longer exists": lambda a: portfolio.AccountInput("X", id=a + 99),
}
kinds(REFUSED, *(f"account form: {k}" for k in ACCOUNT_KINDS))


@pytest.mark.parametrize("kind", list(ACCOUNT_KINDS))
def test_account_form(db: Database, account: int, kind: str) -> None:
    refused(db, lambda: portfolio.save_account(db, ACCOUNT_KINDS[kind](account)))


BAD_EMAILS = {
    "no @": "ann.northwind.example",
    "no domain": "ann@",
    "no dot in the domain": "ann@localhost",
    "two @": "ann@@northwind.example",
    "a space": "ann admin@northwind.example",
    "two dots": "ann..admin@northwind.example",
    "angle brackets": "<ann@northwind.example>",
    "one-letter top-level domain": "ann@northwind.e",
    "over 254 characters": "a" * 250 + "@x.example",
}
BAD_PHONES = {
    "phone in words": "call me",
    "too few digits": "12-34",
    "letters in the number": "+1 555 CALL NOW",
    "over 40 characters": "+1 " + "5" * 40,
}


def _admin(account: int, email: str = "", phone: str = "") -> portfolio.AdminInput:
    return portfolio.AdminInput(account, "Ann", email=email, phone=phone)


ADMIN_KINDS: dict[str, Callable[[int], portfolio.AdminInput]] = {
    **{f"email: {k}": functools.partial(_admin, email=v) for k, v in BAD_EMAILS.items()},
    **{f"phone: {k}": functools.partial(_admin, phone=v) for k, v in BAD_PHONES.items()},
    "neither email nor phone": lambda a: portfolio.AdminInput(a, "Ann"),
    "empty name": lambda a: portfolio.AdminInput(a, "", email="ann@northwind.example"),
    "title over 120 characters": lambda a: portfolio.AdminInput(
        a, "Ann", email="ann@northwind.example", title="t" * 121
    ),
    "account that no longer exists": lambda a: portfolio.AdminInput(
        a + 99, "Ann", email="ann@northwind.example"
    ),
}
kinds(REFUSED, *(f"admin form: {k}" for k in ADMIN_KINDS))


@pytest.mark.parametrize("kind", list(ADMIN_KINDS))
def test_admin_form(db: Database, account: int, kind: str) -> None:
    refused(db, lambda: portfolio.save_admin(db, ADMIN_KINDS[kind](account)))


COLLEAGUE_KINDS: dict[str, Callable[[], directory.ColleagueInput]] = {
    "second person as “Me”": lambda: directory.ColleagueInput("Other Me", roles={Role.ME}),
    "name on two lines": lambda: directory.ColleagueInput("Casey\nMorgan"),
    "name over 120 characters": lambda: directory.ColleagueInput("C" * 121),
    "invalid email": lambda: directory.ColleagueInput("Casey", email="casey at work"),
    "notes over 10,000 characters": lambda: directory.ColleagueInput("Casey", notes="n" * 10_001),
}
kinds(REFUSED, *(f"colleague form: {k}" for k in COLLEAGUE_KINDS))


@pytest.mark.parametrize("kind", list(COLLEAGUE_KINDS))
def test_colleague_form(db: Database, kind: str) -> None:
    directory.save_colleague(db, directory.ColleagueInput("Casey Morgan", roles={Role.ME}))
    refused(db, lambda: directory.save_colleague(db, COLLEAGUE_KINDS[kind]()))


# ------------------------------------------------------------------ forms: work items, log


@pytest.fixture
def people(db: Database, account: int) -> dict[str, int]:
    me = directory.save_colleague(db, directory.ColleagueInput("Casey Morgan", roles={Role.ME}))
    am = directory.save_colleague(
        db, directory.ColleagueInput("Zoë Brandão", roles={Role.ACCOUNT_MANAGER})
    )
    workitems.save_item(db, workitems.ItemInput("Existing", assignee_ids=[me], external_key="CS-1"))
    return {"me": me, "am": am, "account": account}


ITEM_KINDS: dict[str, Callable[[dict[str, int]], workitems.ItemInput]] = {
    "nobody assigned (R2)": lambda p: workitems.ItemInput("Call Ann"),
    "empty title": lambda p: workitems.ItemInput("  ", assignee_ids=[p["me"]]),
    "title over 300 characters": lambda p: workitems.ItemInput("T" * 301, assignee_ids=[p["me"]]),
    "description over 50,000 characters": lambda p: workitems.ItemInput(
        "Call", description="d" * 50_001, assignee_ids=[p["me"]]
    ),
    "javascript: link": lambda p: workitems.ItemInput(
        "Call", external_url="javascript:alert(1)", assignee_ids=[p["me"]]
    ),
    "ftp link": lambda p: workitems.ItemInput(
        "Call", external_url="ftp://x.example/a", assignee_ids=[p["me"]]
    ),
    "external key already used": lambda p: workitems.ItemInput(
        "Call", external_key="CS-1", assignee_ids=[p["me"]]
    ),
    "account manager also a watcher (R7)": lambda p: workitems.ItemInput(
        "Call",
        item_type=ItemType.TICKET,
        assignee_ids=[p["me"]],
        account_manager_id=p["am"],
        follower_ids=[p["am"]],
    ),
    "assignee that no longer exists": lambda p: workitems.ItemInput("Call", assignee_ids=[999]),
}
kinds(REFUSED, *(f"task/ticket form: {k}" for k in ITEM_KINDS))


@pytest.mark.parametrize("kind", list(ITEM_KINDS))
def test_work_item_form(db: Database, people: dict[str, int], kind: str) -> None:
    refused(db, lambda: workitems.save_item(db, ITEM_KINDS[kind](people)))


NOW = dt.datetime.now(dt.UTC)
LOG_KINDS: dict[str, Callable[[dict[str, int]], commlog.LogInput]] = {
    "empty summary": lambda p: commlog.LogInput(Channel.EMAIL, "\n \t"),
    "summary over 20,000 characters": lambda p: commlog.LogInput(Channel.EMAIL, "s" * 20_001),
    "counterpart on two lines": lambda p: commlog.LogInput(
        Channel.EMAIL, "Hi", counterpart="Ann\nBCC: evil"
    ),
    "dated next week": lambda p: commlog.LogInput(
        Channel.CALL, "Hi", occurred_at=NOW + dt.timedelta(days=7)
    ),
    "time without a time zone": lambda p: commlog.LogInput(
        Channel.CALL, "Hi", occurred_at=dt.datetime(2024, 1, 1, 9, 0)
    ),
    "unknown channel": lambda p: commlog.LogInput("carrier pigeon", "Hi"),  # type: ignore[arg-type]
}
kinds(REFUSED, *(f"log form: {k}" for k in LOG_KINDS))


@pytest.mark.parametrize("kind", list(LOG_KINDS))
def test_log_form(db: Database, people: dict[str, int], kind: str) -> None:
    refused(db, lambda: commlog.save_entry(db, LOG_KINDS[kind](people)))


# ------------------------------------------------------------------ accepted: RTL, emoji, HTML

ODD_BUT_FINE = {
    "Arabic (right to left)": "مستشفى الشفاء التخصصي",
    "Hebrew with digits": "בית חולים 12 שערי צדק",
    "mixed directions": "Clinic עברית English العربية",
    "emoji and a flag": "Sunny Clinic ☀️🏥 🇵🇹",
    "emoji with a skin tone and ZWJ": "Team 👩🏽‍⚕️👨‍👩‍👧",
    "combining accents (NFD)": "Zoe\u0308 Brandão",
    "HTML in the text": "<b>Acme</b> & <script>alert(1)</script>",
    "formula-looking": "=cmd|' /C calc'!A0",
    "quotes and backslashes": 'O\'Brien "the" \\ clinic',
}
kinds(ACCEPTED, *(f"text fields: {k}" for k in ODD_BUT_FINE))


@pytest.mark.parametrize("kind", list(ODD_BUT_FINE))
def test_odd_but_legitimate_text_round_trips(
    db: Database, people: dict[str, int], kind: str
) -> None:
    text = ODD_BUT_FINE[kind]
    acc = portfolio.save_account(db, portfolio.AccountInput(text, notes=text))
    adm = portfolio.save_admin(db, portfolio.AdminInput(acc, text, email="a@b.example", notes=text))
    col = directory.save_colleague(db, directory.ColleagueInput(text, title=text))
    item = workitems.save_item(
        db, workitems.ItemInput(text, description=text, assignee_ids=[people["me"]])
    )
    log = commlog.save_entry(db, commlog.LogInput(Channel.EMAIL, text, counterpart=text))
    with db.session() as s:
        a, ad = s.get(Account, acc), s.get(CustomerAdmin, adm)
        c, i, e = s.get(Colleague, col), s.get(WorkItem, item), s.get(CommLogEntry, log)
        assert a and ad and c and i and e
        assert (a.name, a.notes, ad.name, ad.notes) == (text,) * 4
        assert (c.name, c.title, i.title, i.description, e.summary, e.counterpart) == (text,) * 6


kinds(ACCEPTED, "text fields: control characters (dropped, newlines and tabs kept)")


def test_control_characters_are_dropped_not_stored(db: Database, people: dict[str, int]) -> None:
    acc = portfolio.save_account(
        db, portfolio.AccountInput("North\x00wind\x07 \x1b[31mHealth", notes="a\tb\nc\x0bd\x85")
    )
    with db.session() as s:
        a = s.get(Account, acc)
        assert a is not None
        assert a.name == "Northwind [31mHealth" and a.notes == "a\tb\ncd"


def _cleaned(value: str) -> str:
    return "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()


ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60) | st.sampled_from(
    list(ODD_BUT_FINE.values())
)


def test_arbitrary_text_in_every_field_is_saved_intact_or_refused(
    db: Database, people: dict[str, int]
) -> None:
    """Every text field of every form: read back exactly (control characters dropped,
    ends stripped) or a ValidationError; never a crash, never a half save."""

    @FAST
    @given(text=ANY_TEXT, one_line=ANY_TEXT)
    def run(text: str, one_line: str) -> None:
        saves: list[tuple[Callable[[], int], Callable[[Any], tuple[str, ...]], tuple[str, ...]]]
        saves = [
            (
                lambda: portfolio.save_account(
                    db, portfolio.AccountInput(one_line, notes=text, website=one_line[:50])
                ),
                lambda s, i: (s.get(Account, i).name, s.get(Account, i).notes),
                (one_line, text),
            ),
            (
                lambda: portfolio.save_admin(
                    db,
                    portfolio.AdminInput(
                        people["account"], one_line, phone="+1 555 0100", title=text, notes=text
                    ),
                ),
                lambda s, i: (
                    s.get(CustomerAdmin, i).name,
                    s.get(CustomerAdmin, i).title,
                    s.get(CustomerAdmin, i).notes,
                ),
                (one_line, text, text),
            ),
            (
                lambda: directory.save_colleague(
                    db, directory.ColleagueInput(one_line, title=text, notes=text)
                ),
                lambda s, i: (
                    s.get(Colleague, i).name,
                    s.get(Colleague, i).title,
                    s.get(Colleague, i).notes,
                ),
                (one_line, text, text),
            ),
            (
                lambda: workitems.save_item(
                    db, workitems.ItemInput(text, description=text, assignee_ids=[people["me"]])
                ),
                lambda s, i: (s.get(WorkItem, i).title, s.get(WorkItem, i).description),
                (text, text),
            ),
            (
                lambda: commlog.save_entry(
                    db, commlog.LogInput(Channel.CALL, text, counterpart=one_line)
                ),
                lambda s, i: (s.get(CommLogEntry, i).summary, s.get(CommLogEntry, i).counterpart),
                (text, one_line),
            ),
        ]
        for save, read, wanted in saves:
            before = dump(db)
            try:
                new_id = save()
            except ValidationError as exc:
                assert_words(exc.message)
                assert dump(db) == before
                continue
            with db.session() as s:
                assert read(s, new_id) == tuple(_cleaned(w) for w in wanted)

    run()


# ------------------------------------------------------------------ out-of-office plans

TODAY = dt.date(2030, 6, 3)  # a Monday, fixed: "today" is passed to the core


class World:
    def __init__(self, db: Database) -> None:
        self.me = directory.save_colleague(
            db, directory.ColleagueInput("Casey Morgan", email="casey@x.example", roles={Role.ME})
        )
        self.tl = directory.save_colleague(
            db, directory.ColleagueInput("Terry Lead", roles={Role.TEAM_LEAD})
        )
        self.backup = directory.save_colleague(
            db, directory.ColleagueInput("Bea Backup", email="bea@x.example")
        )
        self.gone = directory.save_colleague(db, directory.ColleagueInput("Gone Person"))
        with db.session() as s:
            gone = s.get(Colleague, self.gone)
            assert gone is not None
            gone.active = False
        self.account = portfolio.save_account(db, portfolio.AccountInput("Northwind Health"))
        self.other = portfolio.save_account(db, portfolio.AccountInput("Southwind Clinics"))
        self.admin = portfolio.save_admin(
            db, portfolio.AdminInput(self.other, "Sid Admin", email="sid@south.example")
        )
        self.item = workitems.save_item(
            db,
            workitems.ItemInput(
                "SSO broken",
                account_id=self.account,
                assignee_ids=[self.me],
                due_at=dt.datetime(2030, 6, 18, 12, tzinfo=dt.UTC),
            ),
        )
        self.plan = ooo.create_plan(
            db, dt.date(2030, 6, 17), dt.date(2030, 6, 24), "Europe/Berlin", today=TODAY
        )
        self.cancelled = ooo.create_plan(
            db, dt.date(2030, 9, 2), dt.date(2030, 9, 9), "Europe/Berlin", today=TODAY
        )
        ooo.cancel_plan(db, self.cancelled)
        rows = ooo.triage(db, self.plan, today=TODAY)
        self.handoff = rows[0].id


@pytest.fixture
def world(db: Database) -> World:
    return World(db)


D = dt.date
OOO_KINDS: dict[str, Callable[[Database, World], object]] = {
    "leave starting in the past": lambda db, w: ooo.create_plan(
        db, D(2030, 5, 1), D(2030, 5, 8), today=TODAY
    ),
    "return before the first day": lambda db, w: ooo.create_plan(
        db, D(2030, 7, 10), D(2030, 7, 3), today=TODAY
    ),
    "return on the first day": lambda db, w: ooo.create_plan(
        db, D(2030, 7, 10), D(2030, 7, 10), today=TODAY
    ),
    "first day over two years away (year typo)": lambda db, w: ooo.create_plan(
        db, D(2303, 7, 1), D(2303, 7, 8), today=TODAY
    ),
    "leave longer than a year": lambda db, w: ooo.create_plan(
        db, D(2030, 7, 1), D(2031, 8, 1), today=TODAY
    ),
    "a datetime instead of a date": lambda db, w: ooo.create_plan(
        db, dt.datetime(2030, 7, 1, 9), D(2030, 7, 8), today=TODAY
    ),
    "overlapping an existing plan": lambda db, w: ooo.create_plan(
        db, D(2030, 6, 20), D(2030, 6, 28), today=TODAY
    ),
    "unknown time zone": lambda db, w: ooo.create_plan(
        db, D(2030, 7, 1), D(2030, 7, 8), "Europe/Atlantis", today=TODAY
    ),
    "someone who no longer exists": lambda db, w: ooo.create_plan(
        db, D(2030, 7, 1), D(2030, 7, 8), colleague_id=999, today=TODAY
    ),
    "new dates: end before start": lambda db, w: ooo.update_dates(
        db, w.plan, D(2030, 6, 17), D(2030, 6, 10), today=TODAY
    ),
    "new dates: moved into the past": lambda db, w: ooo.update_dates(
        db, w.plan, D(2030, 6, 1), D(2030, 6, 24), today=TODAY
    ),
    "new dates on a cancelled plan": lambda db, w: ooo.update_dates(
        db, w.cancelled, D(2030, 9, 3), D(2030, 9, 9), today=TODAY
    ),
    "backup: yourself": lambda db, w: ooo.set_people(db, w.plan, w.tl, w.me),
    "team lead: yourself": lambda db, w: ooo.set_people(db, w.plan, w.me, w.backup),
    "backup: inactive colleague": lambda db, w: ooo.set_people(db, w.plan, w.tl, w.gone),
    "backup: no longer exists": lambda db, w: ooo.set_people(db, w.plan, w.tl, 999),
    "context over 10,000 characters": lambda db, w: ooo.set_context(
        db, w.handoff, None, "c" * 10_001
    ),
    "context: admin of another account": lambda db, w: ooo.set_context(
        db, w.handoff, w.admin, "Call Sid"
    ),
}
kinds(REFUSED, *(f"out-of-office wizard: {k}" for k in OOO_KINDS))


@pytest.mark.parametrize("kind", list(OOO_KINDS))
def test_ooo_wizard_fields(db: Database, world: World, kind: str) -> None:
    refused(db, lambda: OOO_KINDS[kind](db, world))


def test_ooo_without_knowing_who_i_am(db: Database) -> None:
    refused(db, lambda: ooo.create_plan(db, D(2030, 7, 1), D(2030, 7, 8), today=TODAY), "Me")


kinds(REFUSED, "out-of-office wizard: nobody marked as Me")

AUTO_REPLY_KINDS: dict[str, tuple[str, str]] = {
    "unknown placeholder": ("", "Back on {return_day}. Ask {my_boss}."),
    "misspelt placeholder": ("", "Contact {backup_nme}."),
    "lone opening brace": ("", "Use the { key."),
    "lone closing brace": ("", "Done } here."),
    "empty placeholder {}": ("", "Contact {}."),
    "positional placeholder {0}": ("", "Contact {0}."),
    "format spec {x:>9}": ("", "Contact {backup_name:>9}."),
    "conversion {x!r}": ("", "Contact {backup_name!r}."),
    "attribute access {x.__class__}": ("", "{backup_name.__class__.__mro__}"),
    "index access {x[0]}": ("", "{backup_name[0]}"),
    "unknown placeholder in the subject": ("Away until {return}", ""),
    "subject on two lines": ("Away\nBcc: evil@x.example", ""),
    "subject over 200 characters": ("S" * 201, ""),
    "text over 20,000 characters": ("", "t" * 20_001),
}
kinds(REFUSED, *(f"auto-reply template: {k}" for k in AUTO_REPLY_KINDS))


@pytest.mark.parametrize("kind", list(AUTO_REPLY_KINDS))
def test_auto_reply_templates(db: Database, world: World, kind: str) -> None:
    subject, body = AUTO_REPLY_KINDS[kind]
    refused(db, lambda: ooo.set_auto_reply(db, world.plan, subject, body))


TEMPLATE_KINDS = {
    "render: unknown placeholder": "Hello {nobody}",
    "render: broken placeholder": "Hello {name",
}
kinds(REFUSED, *(f"template: {k}" for k in TEMPLATE_KINDS))


@pytest.mark.parametrize("kind", list(TEMPLATE_KINDS))
def test_templates_render(kind: str) -> None:
    with pytest.raises(ValidationError) as info:
        templates.render(TEMPLATE_KINDS[kind], {"name": "Ann"})
    assert_words(info.value.message)


kinds(ACCEPTED, "auto-reply: HTML and emoji in the text (kept as text, escaped in the HTML)")


def test_html_in_the_auto_reply_is_text(db: Database, world: World) -> None:
    body = "Back on {return_day} 🌴\n\n<script>alert(1)</script> <b>not bold</b> & {backup_name}"
    ooo.set_auto_reply(db, world.plan, "Away 🌴 <i>", body)
    reply = ooo.auto_reply(db, world.plan)
    assert "<script>" in reply.text and "🌴" in reply.text
    assert "<script>" not in reply.html and "&lt;script&gt;" in reply.html
    assert "<b>" not in reply.html and reply.subject == "Away 🌴 <i>"


def test_arbitrary_auto_reply_text_is_saved_or_refused(db: Database, world: World) -> None:
    @FAST
    @given(subject=ANY_TEXT, body=ANY_TEXT | st.sampled_from(["{", "{x}", "{{}}", "{backup_name}"]))
    def run(subject: str, body: str) -> None:
        before = dump(db)
        try:
            ooo.set_auto_reply(db, world.plan, subject, body)
        except ValidationError as exc:
            assert_words(exc.message)
            assert dump(db) == before
            return
        reply = ooo.auto_reply(db, world.plan)
        assert "<" not in reply.html.replace("<p>", "").replace("</p>", "").replace("<br>", "")

    run()


# ------------------------------------------------------------------ the backup's tracking tab


def workbook(path: Path, rows: list[list[Any]], tab: str = "Tracking log", **kw: Any) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = tab
    for r in rows:
        ws.append(r)
    for rng in kw.get("merge", []):
        ws.merge_cells(rng)
    for extra in kw.get("extra_tabs", []):
        wb.create_sheet(extra).append(["Date", "What happened"])
    wb.save(path)
    return path


HEAD = ["Date", "Account", "Item", "Channel", "What happened", "Follow-up needed"]
GOOD = [dt.date(2024, 3, 5), "Northwind Health", "SSO broken", "Email", "Told Ann", ""]


def _truncated_xlsx(path: Path) -> Path:
    workbook(path, [HEAD, GOOD])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _zip_without_workbook(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    return path


TRACKING_FILE_KINDS: dict[str, Callable[[Path], Path]] = {
    "CSV text named .xlsx": lambda p: (p.write_text("Date,What happened\n2024-03-05,x\n"), p)[1],
    "empty file": lambda p: (p.write_bytes(b""), p)[1],
    "truncated workbook": _truncated_xlsx,
    "zip that is not a workbook": _zip_without_workbook,
    "password-protected workbook": lambda p: (
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)),
        p,
    )[1],
    "missing tab": lambda p: workbook(p, [HEAD, GOOD], tab="Sheet1"),
    "columns renamed beyond recognition": lambda p: workbook(
        p, [["Le jour", "Client", "Objet", "Moyen", "Résumé"], GOOD[:5]]
    ),
    "“What happened” column deleted": lambda p: workbook(
        p, [["Date", "Account", "Item", "Channel"], GOOD[:4]]
    ),
    "header merged over the columns": lambda p: workbook(
        p, [["Date and what happened", None, None], GOOD[:3]], merge=["A1:C1"]
    ),
    "no file at all": lambda p: p.with_name("missing.xlsx"),
}
kinds(REFUSED, *(f"tracking workbook: {k}" for k in TRACKING_FILE_KINDS))


@pytest.mark.parametrize("kind", list(TRACKING_FILE_KINDS))
def test_unreadable_tracking_workbooks(
    db: Database, world: World, tmp_path: Path, kind: str
) -> None:
    path = TRACKING_FILE_KINDS[kind](tmp_path / "handoff.xlsx")
    before = dump(db)
    with pytest.raises(TrackingFileError) as info:
        read_tracking(path)
    assert_words(info.value.message)
    assert dump(db) == before


TRACKING_ROW_KINDS: dict[str, list[Any]] = {
    "date in words": ["yesterday", *GOOD[1:]],
    "day 31 of month 31": ["31/31/2024", *GOOD[1:]],
    "30 February": ["2024-02-30", *GOOD[1:]],
    "dotted date month 13": ["13.13.2024", *GOOD[1:]],
    "date in the future": [dt.date.today() + dt.timedelta(days=30), *GOOD[1:]],
    "no date": [None, *GOOD[1:]],
    "nothing written": [*GOOD[:4], None, "Call back"],
    "unknown channel": [*GOOD[:3], "Carrier pigeon", *GOOD[4:]],
    "text too long": [*GOOD[:4], "w" * 20_000, ""],
    "account name too long": [GOOD[0], "A" * 300, *GOOD[2:]],
    "formula without a cached value": ["=TODAY()", *GOOD[1:]],
    "error value #REF!": ["#REF!", *GOOD[1:]],
    "negative serial number": [-5, *GOOD[1:]],
    "Yes/No instead of a date": [True, *GOOD[1:]],
}
kinds(REFUSED, *(f"tracking row: {k}" for k in TRACKING_ROW_KINDS))


@pytest.mark.parametrize("kind", list(TRACKING_ROW_KINDS))
def test_bad_tracking_rows_stop_the_whole_import(
    db: Database, world: World, tmp_path: Path, kind: str
) -> None:
    path = workbook(tmp_path / "t.xlsx", [HEAD, GOOD, TRACKING_ROW_KINDS[kind]])
    rows = read_tracking(path)
    before = dump(db)
    result = apply_tracking(db, world.plan, rows)
    assert result.errors and not result.written
    assert {e.row for e in result.errors} == {3}
    for e in result.errors:
        assert_words(e.message)
    assert "nothing was imported" in result.summary()
    assert dump(db) == before  # not even the good row 2


TEXT_DATES = {
    "2024-03-05": dt.date(2024, 3, 5),
    "03/05/2024": dt.date(2024, 3, 5),
    "25/03/2024": dt.date(2024, 3, 25),
    "05.03.2024": dt.date(2024, 3, 5),
    "5 Mar 2024": dt.date(2024, 3, 5),
    "5th March 2024": dt.date(2024, 3, 5),
    "Mar 5, 2024": dt.date(2024, 3, 5),
    "Tue 5 March 2024": dt.date(2024, 3, 5),
    "2024-03-05 14:30": dt.date(2024, 3, 5),
    "3/5/24": dt.date(2024, 3, 5),
}
kinds(ACCEPTED, "tracking: dates as text in ten formats, extra tabs, cells merged down")


def test_a_messy_but_readable_tab_is_accepted(db: Database, world: World, tmp_path: Path) -> None:
    rows = [["Tracking log (filled by Bea)"], ["when", "Client", "Ticket", "Via", "Notes", "Todo"]]
    rows += [[text, "Northwind Health", "", "Phone", f"Called ({text})", ""] for text in TEXT_DATES]
    path = workbook(
        tmp_path / "t.xlsx", rows, extra_tabs=["Tracking log (old)", "Scratch"], merge=["B3:B5"]
    )
    read = read_tracking(path)
    assert [r.date for r in read] == list(TEXT_DATES.values())
    assert all(r.account == "Northwind Health" and not r.problems for r in read)
    result = apply_tracking(db, world.plan, read)
    assert result.ok and result.logged == len(TEXT_DATES)


def test_arbitrary_date_text_is_a_date_or_a_value_error() -> None:
    @FAST
    @given(value=st.text(max_size=30) | st.integers() | st.floats(allow_nan=True))
    def run(value: object) -> None:
        with contextlib.suppress(ValueError):
            assert isinstance(parse_date(value), dt.date)

    run()


def test_arbitrary_tracking_grids_never_crash_nor_half_write(db: Database, world: World) -> None:
    cell = st.none() | st.text(max_size=20) | st.integers(-10, 80_000) | st.dates() | st.booleans()
    grid = st.lists(st.lists(cell, max_size=7), max_size=6).map(lambda g: [HEAD, *g])

    @FAST
    @given(grid=grid)
    def run(grid: list[list[object]]) -> None:
        before = dump(db)
        try:
            rows = read_tracking_values(grid, "sheet")
        except TrackingFileError as exc:
            assert_words(exc.message)
            return
        result = apply_tracking(db, world.plan, rows, dry_run=True)
        assert not result.written and dump(db) == before
        for e in result.errors:
            assert_words(e.message)

    run()


# ------------------------------------------------------------------ the count


def test_at_least_sixty_kinds_of_bad_input() -> None:
    assert len(set(REFUSED)) == len(REFUSED), "a kind is listed twice"
    assert len(REFUSED) >= 60, len(REFUSED)


def iter_kinds() -> Iterator[str]:  # for the README's count: python -c "..."
    yield from REFUSED
