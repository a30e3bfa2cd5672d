"""Coming back from leave (R19): the backup's tracking log, the digest and the agenda.

* :func:`read_tracking` reads the *Tracking log* tab of the hand-off workbook
  the backup filled (openpyxl, cached values only: a formula is never run).
  The header row is found by its names wherever it is, whatever the column
  order, with a few usual renamings ("Notes" or "Summary" for "What happened");
  Date and What happened are required. Fully empty rows are ignored, other
  tabs are skipped, a cell merged down several rows counts for each of them.
  A file that is not a workbook, or has no such tab or columns, is a
  :class:`~csdesk.core.errors.KnownError`; problems of single rows are
  collected with their row numbers (as the spreadsheet shows them).
* :func:`apply_tracking` imports those rows in ONE transaction, all or nothing.
  Each row is matched to an account (its name, case-insensitively) and, if the
  row names one, to an item of that account (its key — also ``#<id>`` as the
  sheet shows keyless items — or its exact title). A matched row becomes a
  communication-log entry (R12): the row's channel (Email when none is
  given), direction *outbound* (the backup acted for the CSM; the tracking
  tab has no direction), counterpart the backup. Every row is kept as a
  :class:`~csdesk.core.models.TrackingEntry`; ``reviewed`` is True once it is
  in the communication log, and rows that cannot be matched stay unreviewed
  and are listed, never dropped. A row with a problem (no date, nothing
  written, an unreadable date or channel) stops the import: nothing is
  written. Applying the same file again adds nothing; an unmatched row is
  matched again (say, once its account exists).
* :func:`digest` — "while you were away": items closed, new and changed and
  the communications logged during the leave, by account.
* :func:`agenda_text` — the return meeting's agenda, printable as plain text.

The direct writes (not :func:`csdesk.core.commlog.save_entry`, which commits
each entry on its own) are what make the import all-or-nothing; the entries
obey the same limits.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from csdesk.core.commlog import COUNTERPART_MAX, SUMMARY_MAX
from csdesk.core.db import Database
from csdesk.core.enums import (
    CLOSED_STATUSES,
    Channel,
    Direction,
    ItemEventKind,
    Status,
    TriageLevel,
)
from csdesk.core.errors import KnownError
from csdesk.core.exports import neutralise
from csdesk.core.handoff import (
    SHEET_LEVELS,
    TAB_TRACKING,
    TrackingLine,
    load_plan,
    plan_zone,
)
from csdesk.core.models import (
    Account,
    CommLogEntry,
    Delegation,
    HandoffItem,
    ItemEvent,
    OooPlan,
    TrackingEntry,
    WorkItem,
    utcnow,
)
from csdesk.core.validation import clean_text

MAX_FILE_BYTES = 50 * 1024 * 1024
HEADER_SCAN_ROWS = 30
ACCOUNT_MAX = 200
ITEM_MAX = 300
CHANNEL_MAX = 60
TEXT_MAX = SUMMARY_MAX - 1_000  # what happened + follow-up fit in one log entry

COLUMN_LABELS = {
    "date": "Date",
    "account": "Account",
    "item": "Item",
    "channel": "Channel",
    "what_happened": "What happened",
    "follow_up_needed": "Follow-up needed",
}
REQUIRED_FIELDS = ("date", "what_happened")
# Header names, compared without case, spaces or punctuation ("Follow-up needed?").
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "when", "datecontacted", "contactdate"),
    "account": (
        "account", "accountname", "customer", "client", "company", "organization",
        "organisation",
    ),
    "item": ("item", "items", "task", "ticket", "taskticket", "tickettask", "itemtitle", "key"),
    "channel": ("channel", "via", "medium", "method", "contactmethod"),
    "what_happened": (
        "whathappened", "notes", "note", "summary", "details", "description", "comments",
        "comment", "communication",
    ),
    "follow_up_needed": (
        "followupneeded", "followup", "followups", "nextsteps", "nextstep", "actionneeded",
        "actionsneeded", "todo",
    ),
}  # fmt: skip

_CHANNEL_WORDS: dict[str, Channel] = {
    "mail": Channel.EMAIL, "gmail": Channel.EMAIL, "emails": Channel.EMAIL,
    "phone": Channel.CALL, "phonecall": Channel.CALL, "calls": Channel.CALL,
    "ringcentral": Channel.CALL, "voicemail": Channel.CALL, "telephone": Channel.CALL,
    "jira": Channel.TICKET, "jiraticket": Channel.TICKET, "tickets": Channel.TICKET,
    "comment": Channel.TICKET_COMMENT, "jiracomment": Channel.TICKET_COMMENT,
    "teamwork": Channel.TASK_TOOL, "task": Channel.TASK_TOOL, "tasktool": Channel.TASK_TOOL,
    "zoom": Channel.MEETING, "teams": Channel.MEETING, "meet": Channel.MEETING,
    "googlemeet": Channel.MEETING, "videocall": Channel.MEETING, "video": Channel.MEETING,
    "meetings": Channel.MEETING, "livechat": Channel.CHAT, "intercom": Channel.CHAT,
    "wa": Channel.WHATSAPP, "slackmessage": Channel.SLACK,
}  # fmt: skip
DEFAULT_CHANNEL = Channel.EMAIL

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_TIME = re.compile(r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?)$", re.I)
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")
_DOTTED = re.compile(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$")
_D_MON_Y = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})$", re.I)
_MON_D_Y = re.compile(r"^([a-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$", re.I)


class TrackingFileError(KnownError):
    title = "The tracking log cannot be read"


class _Rollback(Exception):
    pass


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class RowProblem:
    row: int  # the row number the spreadsheet shows
    column: str  # the column's header in the file ("" for the whole row)
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" + (f", column “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class TrackingRow:
    """One filled row of the tracking tab, as read."""

    row: int
    date: dt.date | None
    account: str = ""
    item: str = ""
    channel: str = ""  # as written
    what_happened: str = ""
    follow_up_needed: str = ""
    channel_code: Channel | None = None  # None: none written (or unreadable: see problems)
    problems: tuple[RowProblem, ...] = ()


@dataclass(frozen=True)
class UnmatchedRow:
    row: int
    account: str
    item: str
    what_happened: str
    reason: str

    def __str__(self) -> str:
        return f"Row {self.row}: {self.reason}"


@dataclass
class ReturnResult:
    plan_id: int
    dry_run: bool
    rows: int = 0
    logged: int = 0  # new communication-log entries
    stored: int = 0  # new tracking entries
    already_imported: int = 0  # rows already in the communication log from an earlier import
    unmatched: list[UnmatchedRow] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return (
                f"{self.rows} rows read; {len(self.errors)} problem(s) to fix in the file: "
                "nothing was imported."
            )
        verb = "were" if self.written else "would be"
        text = f"{self.rows} rows read: {self.logged} {verb} added to the communication log"
        if self.unmatched:
            text += f", {len(self.unmatched)} could not be matched (kept for review)"
        if self.already_imported:
            text += f", {self.already_imported} were already imported"
        return text + "."


# ------------------------------------------------------------------ parsing helpers


def _norm_header(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _norm(text: str) -> str:
    """For matching: one space between words, no case, no neutralising apostrophe."""
    t = " ".join(text.split()).casefold()
    if t.startswith("'") and neutralise(t[1:]) == t:
        t = t[1:]
    return t


def _two_digit_year(y: int) -> int:
    return 2000 + y if y < 100 else y


def _month(word: str) -> int:
    key = word.casefold().rstrip(".")
    for number, name in enumerate(_MONTH_NAMES, start=1):
        if len(key) >= 3 and name.startswith(key):
            return number
    raise ValueError(word)


def parse_date(value: object) -> dt.date:
    """A date from a cell: a real date, an Excel serial number or text in a usual form.

    Text: ``2026-12-03``, ``12/03/2026`` (month first, as in the US; day first
    when the first number cannot be a month), ``03.12.2026`` (day first),
    ``3 Dec 2026``, ``Dec 3, 2026``, with or without a weekday or a time.
    Raises ValueError.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:  # Excel's serial days 1900-01-01 .. 9999-12-31
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        raise ValueError(str(value))
    text = " ".join(str(value).split())
    text = _WEEKDAY.sub("", text)
    text = _TIME.sub("", text).strip().rstrip(",")
    try:
        if m := _YMD.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _SLASH.match(text):
            a, b, y = int(m[1]), int(m[2]), _two_digit_year(int(m[3]))
            return dt.date(y, b, a) if a > 12 else dt.date(y, a, b)
        if m := _DOTTED.match(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := _D_MON_Y.match(text):
            return dt.date(_two_digit_year(int(m[3])), _month(m[2]), int(m[1]))
        if m := _MON_D_Y.match(text):
            return dt.date(int(m[3]), _month(m[1]), int(m[2]))
    except ValueError:
        pass
    raise ValueError(text)


def parse_channel(text: str) -> Channel | None:
    """The channel a cell names (its label, code or a usual word); None when blank."""
    key = _norm_header(text)
    if not key:
        return None
    for channel in Channel:
        if key in (_norm_header(channel.label), _norm_header(channel.value)):
            return channel
    if key in _CHANNEL_WORDS:
        return _CHANNEL_WORDS[key]
    raise ValueError(text)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _map_header(cells: Sequence[object]) -> dict[str, int]:
    """Field name -> column index for one candidate header row."""
    names = [_norm_header(_cell_text(c)) for c in cells]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for fld, aliases in FIELD_ALIASES.items():
            if fld in mapping:
                continue
            for col, name in enumerate(names):
                if col in used or not name:
                    continue
                hit = (
                    name in aliases
                    if exact
                    else any(len(a) >= 4 and name.startswith(a) for a in aliases)
                )
                if hit:
                    mapping[fld] = col
                    used.add(col)
                    break
    return mapping


def _find_tab(names: Sequence[str]) -> str | None:
    wanted = _norm_header(TAB_TRACKING)
    for name in names:
        if _norm_header(name) == wanted:
            return name
    for name in names:
        if _norm_header(name).startswith("tracking"):
            return name
    return None


def _load_workbook(path: Path) -> Any:
    import openpyxl  # local: openpyxl is only needed on return

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise TrackingFileError(f"There is no file {path}.") from None
    except OSError as exc:
        raise TrackingFileError(f"csdesk cannot open {path}: {exc.strerror or exc}.") from exc
    if size > MAX_FILE_BYTES:
        raise TrackingFileError(
            f"{path.name} is {size // (1024 * 1024)} MB: too large for a hand-off workbook."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TrackingFileError(f"csdesk cannot read {path}: {exc.strerror or exc}.") from exc
    not_xlsx = TrackingFileError(
        f"{path.name} is not an Excel workbook (.xlsx). Open it in your spreadsheet "
        "program and save or download it as .xlsx (Excel), then import that file."
    )
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # an OLE container
        raise TrackingFileError(
            f"{path.name} is password-protected or an old Excel (.xls) file, which csdesk "
            "cannot read. Open it, remove the password (or save it as .xlsx) and import that file."
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise not_xlsx
    try:
        with warnings.catch_warnings():
            # openpyxl warns about parts it does not need (extensions, styles).
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # any failure to parse the user's file means: not a workbook
        raise not_xlsx from exc


def read_tracking(path: Path) -> list[TrackingRow]:
    """The filled rows of the Tracking log tab of the workbook at ``path``."""
    path = Path(path)
    wb = _load_workbook(path)
    try:
        tab = _find_tab(wb.sheetnames)
        if tab is None:
            tabs = ", ".join(f"“{n}”" for n in wb.sheetnames)
            raise TrackingFileError(
                f"{path.name} has no “{TAB_TRACKING}” tab (its tabs: {tabs}). "
                "Import the hand-off workbook the backup filled in."
            )
        ws = wb[tab]
        return _read_sheet(ws, path.name)
    finally:
        wb.close()


def read_tracking_values(values: Sequence[Sequence[object]], source: str) -> list[TrackingRow]:
    """The filled rows of a Tracking log given as rows of cell values (the Google Sheet copy)."""
    return _read_grid([list(r) for r in values], TAB_TRACKING, source)


def _read_sheet(ws: Any, file_name: str) -> list[TrackingRow]:
    grid: list[list[object]] = [list(r) for r in ws.iter_rows(values_only=True)]
    # A cell merged down several rows (an account written once for its rows)
    # counts for each row; across columns it stays in its first column.
    for rng in ws.merged_cells.ranges:
        top = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(grid) else None
        for r in range(rng.min_row + 1, min(rng.max_row, len(grid)) + 1):
            row = grid[r - 1]
            if rng.min_col - 1 < len(row):
                row[rng.min_col - 1] = top
    return _read_grid(grid, ws.title, file_name)


def _read_grid(grid: list[list[object]], title: str, file_name: str) -> list[TrackingRow]:
    header_at: int | None = None
    mapping: dict[str, int] = {}
    best: dict[str, int] = {}
    for i, cells in enumerate(grid[:HEADER_SCAN_ROWS]):
        m = _map_header(cells)
        if all(f in m for f in REQUIRED_FIELDS):
            header_at, mapping = i, m
            break
        if len(m) > len(best):
            best = m
    if header_at is None:
        if len(best) >= 2:
            missing = [COLUMN_LABELS[f] for f in REQUIRED_FIELDS if f not in best]
            raise TrackingFileError(
                f"The “{title}” tab of {file_name} has no "
                + " or ".join(f"“{m}”" for m in missing)
                + " column. Its columns need headers such as "
                + ", ".join(f"“{c}”" for c in COLUMN_LABELS.values())
                + " (“What happened” may also be “Notes” or “Summary”)."
            )
        raise TrackingFileError(
            f"The “{title}” tab of {file_name} has no header row with “Date” and "
            "“What happened” columns."
        )
    headers = {f: _cell_text(grid[header_at][c]) for f, c in mapping.items()}
    rows: list[TrackingRow] = []
    for i in range(header_at + 1, len(grid)):
        cells = grid[i]

        def raw(fld: str, cells: list[object] = cells) -> object:
            col = mapping.get(fld)
            return cells[col] if col is not None and col < len(cells) else None

        values = {f: raw(f) for f in COLUMN_LABELS}
        if all(_cell_text(v) == "" for v in values.values()):
            continue  # a fully empty row
        rows.append(_row(i + 1, values, headers))
    return rows


def _row(number: int, values: dict[str, object], headers: dict[str, str]) -> TrackingRow:
    problems: list[RowProblem] = []

    def problem(fld: str, message: str) -> None:
        problems.append(RowProblem(number, headers.get(fld, COLUMN_LABELS[fld]), message))

    text = {f: _cell_text(v) for f, v in values.items() if f != "date"}
    date: dt.date | None = None
    raw_date = values["date"]
    if _cell_text(raw_date) == "":
        problem("date", "no date: write the day of the conversation, e.g. 2026-12-03.")
    else:
        try:
            date = parse_date(raw_date)
        except ValueError:
            problem(
                "date",
                f"“{_cell_text(raw_date)}” is not a date (write it like 2026-12-03 or 3 Dec 2026).",
            )
        if date is not None and date > dt.date.today() + dt.timedelta(days=1):
            problem("date", f"{date.isoformat()} is in the future.")
            date = None
    if not text["what_happened"]:
        problem("what_happened", "nothing written: say what happened.")
    channel: Channel | None = None
    try:
        channel = parse_channel(text["channel"])
    except ValueError:
        known = ", ".join(c.label for c in Channel)
        problem("channel", f"“{text['channel']}” is not a channel (choose one of: {known}).")
    for fld, limit in (("account", ACCOUNT_MAX), ("item", ITEM_MAX), ("channel", CHANNEL_MAX)):
        if len(text[fld]) > limit:
            problem(fld, f"too long ({len(text[fld])} characters; at most {limit}).")
    if len(text["what_happened"]) + len(text["follow_up_needed"]) > TEXT_MAX:
        problem("what_happened", f"too long (at most {TEXT_MAX} characters with the follow-up).")
    return TrackingRow(
        row=number,
        date=date,
        account=text["account"],
        item=text["item"],
        channel=text["channel"],
        what_happened=text["what_happened"],
        follow_up_needed=text["follow_up_needed"],
        channel_code=channel,
        problems=tuple(problems),
    )


# ------------------------------------------------------------------ matching


@dataclass(frozen=True)
class _Match:
    account_id: int | None
    item_id: int | None
    reason: str = ""  # why it did not match


class _Matcher:
    """Accounts and items by name, key and title, loaded once."""

    def __init__(self, s: Session, plan: OooPlan) -> None:
        self.names: dict[int, str] = {}
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for aid, name in s.execute(select(Account.id, Account.name)):
            self.names[aid] = name
            self.by_name[_norm(name)].append(aid)
        self.in_plan = set(
            s.scalars(
                select(WorkItem.account_id)
                .join(HandoffItem, HandoffItem.item_id == WorkItem.id)
                .where(HandoffItem.plan_id == plan.id, WorkItem.account_id.is_not(None))
            )
        )
        self.items: dict[int, list[tuple[int, str, str]]] = defaultdict(list)  # account -> items
        self.by_key: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
        rows = s.execute(
            select(WorkItem.id, WorkItem.account_id, WorkItem.external_key, WorkItem.title)
        )
        for iid, owner, key, title in rows:
            shown = key or f"#{iid}"
            if owner is not None:
                self.items[owner].append((iid, _norm(shown), _norm(title)))
            self.by_key[_norm(shown)].append((iid, owner))

    def match(self, account: str, item: str) -> _Match:
        if not account.strip():
            if not item.strip():
                return _Match(None, None, "no account or item given")
            found = self._item_anywhere(item)
            if found is None:
                return _Match(None, None, f"no account given, and no item “{item}” found")
            return _Match(found[1], found[0])
        ids = self.by_name.get(_norm(account), [])
        if len(ids) > 1:
            ids = [i for i in ids if i in self.in_plan] or ids
        if not ids:
            return _Match(None, None, f"no account called “{account}”")
        if len(ids) > 1:
            return _Match(None, None, f"several accounts are called “{account}”")
        aid = ids[0]
        if not item.strip():
            return _Match(aid, None)
        iid, reason = self._item_in(aid, item)
        return _Match(aid if iid is not None else None, iid, reason)

    def _candidates(self, text: str) -> list[str]:
        """The key a cell may start with: "CS-7", "CS-7 Title", "[CS-7] Title", "CS-7: Title"."""
        t = _norm(text)
        first = t.split(" ", 1)[0].strip("[]():,;") if t else ""
        return [t, first] if first and first != t else [t]

    def _item_in(self, aid: int, text: str) -> tuple[int | None, str]:
        items = self.items.get(aid, [])
        t = _norm(text)
        for cand in self._candidates(text):
            hits = [iid for iid, key, _ in items if key == cand]
            if len(hits) == 1:
                return hits[0], ""
        hits = [iid for iid, _, title in items if title == t]
        if len(hits) == 1:
            return hits[0], ""
        name = self.names[aid]
        if len(hits) > 1:
            return None, f"several items of {name} are called “{text}”"
        for cand in self._candidates(text):
            elsewhere = [a for _, a in self.by_key.get(cand, []) if a is not None and a != aid]
            if elsewhere:
                return None, f"“{text}” is an item of {self.names[elsewhere[0]]}, not of {name}"
        return None, f"no item “{text}” in {name}"

    def _item_anywhere(self, text: str) -> tuple[int, int] | None:
        for cand in self._candidates(text):
            hits = [(iid, aid) for iid, aid in self.by_key.get(cand, []) if aid is not None]
            if len(hits) == 1:
                return hits[0]
        return None


def _entry_key(
    date: dt.date | None,
    account: str,
    item: str,
    channel: str,
    what: str,
    follow: str,
) -> tuple[str, ...]:
    return (
        date.isoformat() if date else "",
        *(" ".join(v.split()).casefold() for v in (account, item, channel, what, follow)),
    )


def _occurred_at(day: dt.date, tz: dt.tzinfo, now: dt.datetime) -> dt.datetime:
    """Noon of the day in the plan's zone (a date carries no time), never in the future."""
    return min(dt.datetime.combine(day, dt.time(12), tzinfo=tz), now)


# ------------------------------------------------------------------ applying


def apply_tracking(
    db: Database, plan_id: int, rows: Sequence[TrackingRow], dry_run: bool = False
) -> ReturnResult:
    """Import the backup's tracking rows into plan ``plan_id``: all of them, or nothing."""
    result = ReturnResult(plan_id=plan_id, dry_run=dry_run, rows=len(rows))
    for r in rows:
        result.errors += r.problems
        if not r.problems and (r.date is None or not r.what_happened.strip()):
            result.errors.append(RowProblem(r.row, "", "a date and what happened are needed."))
    bad_rows = {p.row for p in result.errors}
    now = utcnow()
    try:
        with db.session() as s:
            plan = load_plan(s, plan_id)
            tz = plan_zone(plan.timezone)
            counterpart = clean_text(
                plan.backup.name if plan.backup else "Backup",
                "counterpart",
                "Counterpart",
                COUNTERPART_MAX,
            )
            last_day = plan.return_day - dt.timedelta(days=1)
            matcher = _Matcher(s, plan)
            existing: dict[tuple[str, ...], list[TrackingEntry]] = defaultdict(list)
            for e in s.scalars(
                select(TrackingEntry)
                .where(TrackingEntry.plan_id == plan_id)
                .order_by(TrackingEntry.id)
            ):
                existing[
                    _entry_key(
                        e.date, e.account, e.item, e.channel, e.what_happened, e.follow_up_needed
                    )
                ].append(e)
            seen: Counter[tuple[str, ...]] = Counter()
            for r in rows:
                if r.row in bad_rows or r.date is None:
                    continue
                key = _entry_key(
                    r.date, r.account, r.item, r.channel, r.what_happened, r.follow_up_needed
                )
                n = seen[key]
                seen[key] += 1
                earlier = existing[key][n] if n < len(existing[key]) else None
                if earlier is not None and earlier.reviewed:
                    result.already_imported += 1
                    continue
                if earlier is None:
                    earlier = TrackingEntry(
                        plan_id=plan_id,
                        date=r.date,
                        account=r.account,
                        item=r.item,
                        channel=r.channel,
                        what_happened=r.what_happened,
                        follow_up_needed=r.follow_up_needed,
                        reviewed=False,
                    )
                    s.add(earlier)
                    result.stored += 1
                m = matcher.match(r.account, r.item)
                if m.account_id is None:
                    result.unmatched.append(
                        UnmatchedRow(r.row, r.account, r.item, r.what_happened, m.reason)
                    )
                    continue
                summary = r.what_happened.strip()
                if r.follow_up_needed.strip():
                    summary += f"\n\nFollow-up needed: {r.follow_up_needed.strip()}"
                channel = r.channel_code or DEFAULT_CHANNEL
                if r.channel_code is None:
                    result.notes.append(
                        f"Row {r.row}: no channel given; logged as {DEFAULT_CHANNEL.label}."
                    )
                if not plan.first_day <= r.date <= last_day:
                    result.notes.append(
                        f"Row {r.row}: dated {r.date.isoformat()}, outside the leave "
                        f"({plan.first_day.isoformat()} to {last_day.isoformat()})."
                    )
                s.add(
                    CommLogEntry(
                        account_id=m.account_id,
                        item_id=m.item_id,
                        channel=channel,
                        direction=Direction.OUTBOUND,
                        counterpart=counterpart,
                        summary=clean_text(summary, "summary", "Summary", SUMMARY_MAX, True),
                        occurred_at=_occurred_at(r.date, tz, now),
                        created_at=now,
                    )
                )
                earlier.reviewed = True
                result.logged += 1
            s.flush()
            if result.errors or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    result.written = not (result.errors or dry_run)
    return result


# ------------------------------------------------------------------ digest


@dataclass(frozen=True)
class DigestItem:
    item_id: int
    key: str
    title: str
    account: str
    status: str  # label
    at: dt.datetime  # when it closed / was created / last changed
    details: tuple[str, ...] = ()  # what happened to it during the leave

    @property
    def line(self) -> str:
        head = f"{self.key} {self.title}"
        if self.account:
            head += f" ({self.account})"
        return f"{head} — {self.status}"


@dataclass(frozen=True)
class DigestLogEntry:
    occurred_at: dt.datetime
    channel: str  # label
    direction: str  # label
    counterpart: str
    summary: str
    item: str  # "KEY Title" or ""


@dataclass(frozen=True)
class AccountActivity:
    account: str  # "" for entries without an account
    entries: tuple[DigestLogEntry, ...]


@dataclass(frozen=True)
class Digest:
    """What happened between the first day of the leave and the return day."""

    plan_id: int
    start: dt.datetime  # local midnight starting the first day
    end: dt.datetime  # local midnight starting the return day
    closed: tuple[DigestItem, ...]
    new: tuple[DigestItem, ...]
    changed: tuple[DigestItem, ...]
    log_by_account: tuple[AccountActivity, ...]
    unreviewed: tuple[TrackingLine, ...]  # tracking rows not matched yet

    @property
    def log_count(self) -> int:
        return sum(len(a.entries) for a in self.log_by_account)


def _window(plan: OooPlan) -> tuple[dt.datetime, dt.datetime, dt.tzinfo]:
    tz = plan_zone(plan.timezone)
    start = dt.datetime.combine(plan.first_day, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(plan.return_day, dt.time(), tzinfo=tz)
    return start, end, tz


def _status_text(status: Status | None) -> str:
    return Status(status).label if status is not None else "?"


def _event_line(ev: ItemEvent, tz: dt.tzinfo) -> str:
    day = f"{ev.at.astimezone(tz):%Y-%m-%d}"
    kind = ItemEventKind(ev.kind)
    if kind is ItemEventKind.STATUS_CHANGE:
        text = f"{_status_text(ev.from_status)} → {_status_text(ev.to_status)}"
    else:
        text = kind.label
    if ev.note:
        text += f": {ev.note}"
    return f"{day} {text}"


def digest(db: Database, plan_id: int) -> Digest:
    """ "While you were away": items closed, new, changed, and the log by account."""
    with db.session() as s:
        plan = load_plan(s, plan_id)
        start, end, tz = _window(plan)

        def within(col: Any) -> Any:
            return (col >= start) & (col < end)

        def inside(value: dt.datetime | None) -> bool:
            return value is not None and start <= value < end

        items = s.scalars(
            select(WorkItem)
            .where(
                or_(
                    within(WorkItem.created_at),
                    within(WorkItem.updated_at),
                    within(WorkItem.status_changed_at),
                    within(WorkItem.done_at),
                )
            )
            .options(selectinload(WorkItem.account), selectinload(WorkItem.events))
            .order_by(WorkItem.id)
        ).all()
        closed: list[DigestItem] = []
        new: list[DigestItem] = []
        changed: list[DigestItem] = []
        for it in items:
            status = Status(it.status)
            details = tuple(
                _event_line(ev, tz)
                for ev in it.events
                if inside(ev.at) and ev.kind != ItemEventKind.UPDATED
            )

            def entry(
                at: dt.datetime, it: WorkItem = it, details: tuple[str, ...] = details
            ) -> DigestItem:
                return DigestItem(
                    item_id=it.id,
                    key=it.external_key or f"#{it.id}",
                    title=it.title,
                    account=it.account.name if it.account else "",
                    status=Status(it.status).label,
                    at=at.astimezone(tz),
                    details=details,
                )

            closed_at = it.done_at if inside(it.done_at) else it.status_changed_at
            if status in CLOSED_STATUSES and closed_at is not None and inside(closed_at):
                closed.append(entry(closed_at))
            elif inside(it.created_at):
                new.append(entry(it.created_at))
            else:
                at = it.updated_at if inside(it.updated_at) else it.status_changed_at
                changed.append(entry(at))
        by_account: dict[str, list[DigestLogEntry]] = defaultdict(list)
        log_rows = s.execute(
            select(CommLogEntry, Account.name, WorkItem.external_key, WorkItem.title)
            .outerjoin(Account, Account.id == CommLogEntry.account_id)
            .outerjoin(WorkItem, WorkItem.id == CommLogEntry.item_id)
            .where(within(CommLogEntry.occurred_at))
            .order_by(CommLogEntry.occurred_at, CommLogEntry.id)
        ).all()
        for e, account, ext_key, title in log_rows:
            item = f"{ext_key or f'#{e.item_id}'} {title}" if e.item_id is not None else ""
            by_account[account or ""].append(
                DigestLogEntry(
                    occurred_at=e.occurred_at.astimezone(tz),
                    channel=Channel(e.channel).label,
                    direction=Direction(e.direction).label,
                    counterpart=e.counterpart,
                    summary=e.summary,
                    item=item,
                )
            )
        unreviewed = tuple(
            TrackingLine(t.date, t.account, t.item, t.channel, t.what_happened, t.follow_up_needed)
            for t in s.scalars(
                select(TrackingEntry)
                .where(TrackingEntry.plan_id == plan_id, TrackingEntry.reviewed.is_(False))
                .order_by(TrackingEntry.date, TrackingEntry.id)
            )
        )
    return Digest(
        plan_id=plan_id,
        start=start,
        end=end,
        closed=tuple(sorted(closed, key=lambda d: d.at)),
        new=tuple(sorted(new, key=lambda d: d.at)),
        changed=tuple(sorted(changed, key=lambda d: d.at)),
        log_by_account=tuple(
            AccountActivity(name, tuple(entries))
            for name, entries in sorted(
                by_account.items(), key=lambda kv: (kv[0] == "", kv[0].casefold())
            )
        ),
        unreviewed=unreviewed,
    )


# ------------------------------------------------------------------ agenda


@dataclass(frozen=True)
class _OpenItem:
    level: TriageLevel
    key: str
    title: str
    account: str
    status: str
    due: dt.date | None
    delegated_to: str


def _bullets(lines: Iterable[str], empty: str, indent: str = "   ") -> list[str]:
    out = [f"{indent}- {line}" for line in lines]
    return out or [f"{indent}{empty}"]


def _indent(text: str, prefix: str) -> list[str]:
    return [prefix + line for line in text.splitlines() if line.strip()]


def agenda_text(db: Database, plan_id: int) -> str:
    """A printable agenda for the return meeting with the backup (R19)."""
    dg = digest(db, plan_id)
    with db.session() as s:
        plan = load_plan(s, plan_id)
        tz = plan_zone(plan.timezone)
        csm = plan.colleague.name if plan.colleague else "the CSM"
        backup = plan.backup.name if plan.backup else "the backup"
        tl = plan.team_lead.name if plan.team_lead else ""
        first_day, return_day = plan.first_day, plan.return_day
        handoffs = s.scalars(
            select(HandoffItem)
            .where(HandoffItem.plan_id == plan_id)
            .options(selectinload(HandoffItem.item).selectinload(WorkItem.account))
        ).all()
        open_delegations = {
            d.item_id: d.to_colleague.name
            for d in s.scalars(
                select(Delegation)
                .where(Delegation.plan_id == plan_id, Delegation.returned_at.is_(None))
                .options(selectinload(Delegation.to_colleague))
            )
        }
        delegated_items = {
            it.id: it
            for it in s.scalars(
                select(WorkItem)
                .where(WorkItem.id.in_(sorted(open_delegations)))
                .options(selectinload(WorkItem.account))
            )
        }
        tracking = s.scalars(
            select(TrackingEntry)
            .where(TrackingEntry.plan_id == plan_id)
            .order_by(TrackingEntry.date, TrackingEntry.id)
        ).all()

        def open_item(it: WorkItem, level: TriageLevel, to: str) -> _OpenItem:
            return _OpenItem(
                level=level,
                key=it.external_key or f"#{it.id}",
                title=it.title,
                account=it.account.name if it.account else "",
                status=Status(it.status).label,
                due=it.due_at.astimezone(tz).date() if it.due_at else None,
                delegated_to=to,
            )

        unresolved = [
            open_item(h.item, TriageLevel(h.level), open_delegations.get(h.item_id, ""))
            for h in handoffs
            if TriageLevel(h.level) in SHEET_LEVELS and Status(h.item.status).is_open
        ]
        levels = {h.item_id: TriageLevel(h.level) for h in handoffs}
        if open_delegations:
            hand_back = [
                open_item(it, levels.get(iid, TriageLevel.MEDIUM), open_delegations[iid])
                for iid, it in delegated_items.items()
            ]
        else:  # no delegation recorded: the flagged items the backup looked after
            hand_back = [
                open_item(h.item, TriageLevel(h.level), backup)
                for h in handoffs
                if (h.needs_backup or TriageLevel(h.level) in SHEET_LEVELS)
                and Status(h.item.status).is_open
            ]
        track_lines = [
            (t.date, t.account, t.item, t.channel, t.what_happened, t.follow_up_needed)
            for t in tracking
        ]
    order = list(TriageLevel)

    def sort_key(o: _OpenItem) -> tuple[int, dt.date, str]:
        return (order.index(o.level), o.due or dt.date.max, o.title.casefold())

    def describe(o: _OpenItem) -> str:
        text = f"[{o.level.label}] {o.key} {o.title}"
        if o.account:
            text += f" ({o.account})"
        text += f" — {o.status}"
        if o.due:
            text += f", due {o.due.isoformat()}"
        return text

    last_day = return_day - dt.timedelta(days=1)
    title = f"Return meeting: {csm} with {backup}"
    out = [title, "=" * len(title), ""]
    out.append(f"Leave: {first_day:%a %d %b %Y} to {last_day:%a %d %b %Y}")
    out.append(f"Back on: {return_day:%a %d %b %Y}")
    if tl:
        out.append(f"Team lead: {tl}")
    out += ["Meeting date: ____________________", ""]

    out.append(f"1. Review the tracking log ({len(track_lines)} entries)")
    if track_lines:
        for day, account, item, channel, what, follow in track_lines:
            where = " · ".join(x for x in (account, item, channel) if x) or "(no account)"
            out.append(f"   - {day.isoformat() if day else '????-??-??'}  {where}")
            out += _indent(what, "       ")
            if follow.strip():
                out += _indent(f"Follow-up needed: {follow}", "       ")
    else:
        out.append(
            "   (no tracking rows: the backup logged none, or the workbook was not imported)"
        )
    if dg.unreviewed:
        out.append(f"   Not matched to an account or item ({len(dg.unreviewed)}): check them")
        out += _bullets(
            (
                " ".join(
                    x
                    for x in (
                        t.date.isoformat() if t.date else "",
                        t.account or "(no account)",
                        t.item,
                    )
                    if x
                )
                + ": "
                + " ".join(t.what_happened.split())
                for t in dg.unreviewed
            ),
            "",
            "     ",
        )
    out.append("")

    out.append("2. Unresolved items")
    out += _bullets(
        (describe(o) for o in sorted(unresolved, key=sort_key)),
        "(every handed-off item is closed)",
    )
    follow_ups = [
        f"{account or '(no account)'}: {follow}".replace("\n", " ")
        for _, account, _, _, _, follow in track_lines
        if follow.strip()
    ]
    if follow_ups:
        out.append("   Follow-ups the backup noted:")
        out += _bullets(follow_ups, "", "     ")
    out.append("")

    out.append(f"3. Items to hand back to {csm}")
    out += _bullets(
        (
            describe(o) + (f"; with {o.delegated_to}" if o.delegated_to else "")
            for o in sorted(hand_back, key=sort_key)
        ),
        "(nothing was handed over)",
    )
    out.append("")

    out.append("4. While you were away")
    for label, group in (("Closed", dg.closed), ("New", dg.new), ("Changed", dg.changed)):
        out.append(f"   {label} ({len(group)}):")
        out += _bullets((d.line for d in group), "(none)", "     ")
    out.append(f"   Communications logged ({dg.log_count}):")
    out += _bullets(
        (
            f"{a.account or '(no account)'}: {len(a.entries)} "
            + ("entry" if len(a.entries) == 1 else "entries")
            for a in dg.log_by_account
        ),
        "(none)",
        "     ",
    )
    out.append("")

    out.append("5. Back to normal")
    out += _bullets(
        (
            "Auto-reply and the calendar out-of-office event are off",
            "Call forwarding ended (IT); chat status back from vacation",
            "Admins told the CSM is back, where needed",
        ),
        "",
    )
    out += ["", "Notes:", ""]
    return "\n".join(out) + "\n"
