"""The hand-off sheet (SPEC "The hand-off sheet", R14, R15, R18, R19).

:func:`build_sheet` reads an OOO plan into a :class:`HandoffSheet` (plain frozen
data, no database objects), which is then written as:

* **XLSX** (:func:`write_xlsx`) — tabs *Summary*, *Pending items*, *Admins* and
  *Tracking log*. Written with XlsxWriter rather than openpyxl because every
  cell is written through a typed call (``write_string``, ``write_datetime``,
  ``write_url``): a text never becomes a formula whatever it contains, on top
  of :func:`~csdesk.core.exports.neutralise`. XlsxWriter also gives first-class
  data validation, frozen panes, print titles and a workbook built in memory;
  openpyxl (which can read) reads the *Tracking log* back on return
  (:mod:`csdesk.core.ooo_return`).
* **CSV** of the pending items (:func:`write_csv`) — the conventions of every
  csdesk CSV (:func:`csdesk.core.exports.to_csv`): UTF-8 with a BOM, CRLF,
  a header row, neutralised cells. Labels are the words a backup reads
  ("High", "Waiting for Customer"); the due moment is ISO 8601 in the plan's
  time zone, with its offset.
* **HTML** (:func:`sheet_html`) — a printable document the GUI prints to PDF
  with Qt; all user text is HTML-escaped.

Only items triaged **High** or **Medium** are in the sheet; Low items wait for
the CSM's return and are left out (R14). Files are written atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import html
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from csdesk.core.db import Database
from csdesk.core.enums import Category, Channel, LabelledEnum, Role, Status, TriageLevel
from csdesk.core.errors import NotFoundError
from csdesk.core.exports import neutralise, to_csv, write_atomically
from csdesk.core.models import (
    Colleague,
    ColleagueRole,
    CustomerAdmin,
    Delegation,
    OooPlan,
    TrackingEntry,
    WorkItem,
    utcnow,
)
from csdesk.core.settings import get_setting

if TYPE_CHECKING:  # XlsxWriter is imported when a workbook is written, not at start-up
    import xlsxwriter
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

SHEET_LEVELS = (TriageLevel.HIGH, TriageLevel.MEDIUM)

TAB_SUMMARY = "Summary"
TAB_PENDING = "Pending items"
TAB_ADMINS = "Admins"
TAB_TRACKING = "Tracking log"

TRACKING_COLUMNS = ("Date", "Account", "Item", "Channel", "What happened", "Follow-up needed")
TRACKING_BLANK_ROWS = 200
PENDING_COLUMNS = (
    "Account", "Key", "Item", "Category", "Priority", "Status", "Due", "Admin",
    "Admin email", "Admin phone", "Context and next steps", "Delegated to", "Link",
)  # fmt: skip
HTML_PENDING_COLUMNS = (
    "Account", "Item", "Category", "Priority", "Status", "Due", "Admin",
    "Context and next steps", "Delegated to",
)  # fmt: skip
ADMIN_COLUMNS = ("Account", "Name", "Title", "Email", "Phone", "Primary", "Notes")
CSV_FIELDS = (
    "account", "key", "item", "external_url", "category", "priority", "status", "due",
    "admin", "admin_email", "admin_phone", "context", "delegated_to",
)  # fmt: skip

CELL_MAX = 32_767  # Excel's limit for the text of one cell
URL_MAX = 2_000  # Excel refuses hyperlinks over 2,079 characters

BACKUP_INSTRUCTIONS = (
    "Work from the Pending items tab: High items cannot wait, Medium items can wait a "
    "little but would delay the customer.",
    "Log every client communication in the Tracking log tab (one row each: date, "
    "account, item, channel, what happened, follow-up needed); the CSM reads it back "
    "on return.",
    "Copy the CSM on all emails with the admins, on Slack channels or conversations you "
    "create, and on any Jira tickets you create.",
    "On the first day of the leave, send the CSM a check email to make sure the "
    "out-of-office auto-reply is on.",
)


# ------------------------------------------------------------------ the data


@dataclass(frozen=True)
class Person:
    name: str
    email: str = ""
    phone: str = ""

    @property
    def line(self) -> str:
        """The person on one line: name, then email and phone when known."""
        text = self.name
        if self.email:
            text += f" <{self.email}>"
        if self.phone:
            text += f", {self.phone}"
        return text


@dataclass(frozen=True)
class ChecklistLine:
    title: str
    owner: str
    due: dt.date | None
    done: bool
    done_on: dt.date | None = None  # the local day it was ticked


@dataclass(frozen=True)
class SheetSummary:
    plan_id: int
    csm: Person | None
    team_lead: Person | None
    backup: Person | None
    first_day: dt.date
    return_day: dt.date
    timezone: str
    support_email: str
    support_phone: str
    checklist: tuple[ChecklistLine, ...]
    generated_at: dt.datetime  # aware, in the plan's time zone

    @property
    def last_day(self) -> dt.date:
        """The last day of the leave (the day before the return day)."""
        return self.return_day - dt.timedelta(days=1)

    @property
    def alternative_contacts(self) -> tuple[tuple[str, str], ...]:
        """R16: whom admins can reach meanwhile: support email/phone, then the backup."""
        pairs = [("Support email", self.support_email), ("Support phone", self.support_phone)]
        if self.backup is not None:
            pairs += [
                ("Backup", self.backup.name),
                ("Backup email", self.backup.email),
                ("Backup phone", self.backup.phone),
            ]
        return tuple((k, v) for k, v in pairs if v)

    @property
    def checklist_done(self) -> int:
        return sum(1 for c in self.checklist if c.done)


@dataclass(frozen=True)
class PendingRow:
    """One High/Medium item for the backup."""

    item_id: int
    account: str
    title: str
    key: str  # the external key, or "#<id>"
    external_url: str
    category: str  # label
    level: TriageLevel
    status: str  # label
    due: dt.datetime | None  # aware, in the plan's time zone
    admin_name: str
    admin_email: str
    admin_phone: str
    context: str
    delegated_to: str

    @property
    def priority(self) -> str:
        """The triage level as the sheet shows it: High or Medium (R14)."""
        return self.level.label

    @property
    def link(self) -> str | None:
        """The external URL if it is a web link a spreadsheet may open, else None."""
        return self.external_url if is_web_url(self.external_url) else None


@dataclass(frozen=True)
class AdminRow:
    account: str
    name: str
    title: str
    email: str
    phone: str
    primary: bool
    notes: str


@dataclass(frozen=True)
class TrackingLine:
    """A row of the tracking tab (empty until the backup fills it)."""

    date: dt.date | None
    account: str = ""
    item: str = ""
    channel: str = ""
    what_happened: str = ""
    follow_up_needed: str = ""


@dataclass(frozen=True)
class HandoffSheet:
    summary: SheetSummary
    pending: tuple[PendingRow, ...]
    admins: tuple[AdminRow, ...]
    tracking: tuple[TrackingLine, ...] = ()
    tracking_columns: tuple[str, ...] = TRACKING_COLUMNS
    channel_labels: tuple[str, ...] = field(default_factory=lambda: tuple(c.label for c in Channel))


# ------------------------------------------------------------------ helpers


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL a hyperlink can safely point at."""
    if not url or len(url) > URL_MAX or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def plan_zone(name: str) -> dt.tzinfo:
    """The plan's time zone; UTC if the name is unknown."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _person(c: Colleague | None) -> Person | None:
    return Person(c.name, c.email, c.phone) if c is not None else None


def _me(s: Session) -> Colleague | None:
    return s.scalars(
        select(Colleague)
        .join(ColleagueRole, ColleagueRole.colleague_id == Colleague.id)
        .where(ColleagueRole.role == Role.ME)
        .order_by(Colleague.id)
        .limit(1)
    ).first()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while bulk work runs (it is back on after, if it was on).

    A triage or a hand-off workbook makes tens of thousands of small objects that all
    live until the end (rows, XlsxWriter's cells); each few thousand trigger a collection,
    and every tenth of those walks the whole heap (SQLAlchemy's and Qt's objects), about
    50 ms each time, to free nothing. Reference counting still frees everything as usual.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_E = TypeVar("_E", bound=LabelledEnum)


@functools.cache
def enum_members(enum: type[_E]) -> dict[str, _E]:
    """A value-stored enum's members by stored value (what a driver-level select returns)."""
    return {m.value: m for m in enum}


def column_reader(column: Any, dialect: Dialect) -> Callable[[Any], Any]:
    """How ``column``'s type turns a value read straight from the driver into its Python value.

    For statements run with ``exec_driver_sql`` (no conversion per row): the
    column type's own result processor (a UTCDateTime becomes an aware datetime
    exactly as in a select), or the value itself when the type has none.
    """
    process = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return _same if process is None else cast("Callable[[Any], Any]", process)


def _same(value: Any) -> Any:
    return value


def marks(n: int) -> str:
    """``?, ?, ?`` for ``n`` values (the SQLite driver's paramstyle)."""
    return ", ".join("?" * n)


def load_plan(s: Session, plan_id: int) -> OooPlan:
    plan = s.get(OooPlan, plan_id)
    if plan is None:
        raise NotFoundError("That out-of-office plan no longer exists.")
    return plan


# ------------------------------------------------------------------ building

_IN_CHUNK = 500  # ids per "IN (...)": well under SQLite's limit of bound values


_ADMINS_SQL = (
    "SELECT c.account_id, a.name, c.name, c.title, c.email, c.phone, c.is_primary, c.notes "
    "FROM customer_admins AS c JOIN accounts AS a ON a.id = c.account_id "
    "WHERE c.account_id IN ({}) ORDER BY c.is_primary DESC, c.name, c.id"
)


def _admins_of(s: Session, account_ids: Iterable[int]) -> dict[int, list[AdminRow]]:
    """The admins of these accounts, each account's in ``Account.admins`` order."""
    ids = sorted(account_ids)
    out: dict[int, list[AdminRow]] = {}
    conn = s.connection()
    primary = column_reader(CustomerAdmin.__table__.c.is_primary, conn.dialect)
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        for acc_id, acc_name, name, title, email, phone, is_primary, notes in conn.exec_driver_sql(
            _ADMINS_SQL.format(marks(len(chunk))), tuple(chunk)
        ):
            out.setdefault(acc_id, []).append(
                AdminRow(acc_name, name, title, email, phone, primary(is_primary), notes)
            )
    return out


# The sheet's triage rows of a plan with their items, accounts and chosen admins, in the
# order ``build_sheet`` unpacks them: run straight on the driver (no SQL compiled, no
# conversion per row and column); enum columns as their stored values, ``due_at`` as stored.
_SHEET_SQL = (
    "SELECT h.level, h.needs_backup, h.context, w.id, w.title, w.external_key, "
    "w.external_url, w.category, w.status, w.due_at, w.account_id, a.name, "
    "ca.name, ca.email, ca.phone "
    "FROM handoff_items AS h "
    "JOIN work_items AS w ON w.id = h.item_id "
    "LEFT OUTER JOIN accounts AS a ON a.id = w.account_id "
    "LEFT OUTER JOIN customer_admins AS ca ON ca.id = h.admin_id "
    f"WHERE h.plan_id = ? AND h.level IN ({marks(len(SHEET_LEVELS))})"
)


def build_sheet(db: Database, plan_id: int) -> HandoffSheet:
    """Everything the backup needs for plan ``plan_id``; Low items are left out (R14).

    The items, their accounts and admins are read with a few Core selects of the
    columns the sheet shows (no ORM objects per item): a plan has thousands of items.
    """
    support_email = str(get_setting(db, "support_email", "") or "")
    support_phone = str(get_setting(db, "support_phone", "") or "")
    with gc_paused(), db.session() as s:
        plan = load_plan(s, plan_id)
        tz = plan_zone(plan.timezone)
        csm = plan.colleague or _me(s)
        backup = _person(plan.backup)
        checklist = tuple(
            ChecklistLine(
                title=c.title,
                owner=c.owner,
                due=c.due_date,
                done=c.done_at is not None,
                done_on=c.done_at.astimezone(tz).date() if c.done_at else None,
            )
            for c in plan.checklist
        )
        summary = SheetSummary(
            plan_id=plan.id,
            csm=_person(csm),
            team_lead=_person(plan.team_lead),
            backup=backup,
            first_day=plan.first_day,
            return_day=plan.return_day,
            timezone=plan.timezone or "UTC",
            support_email=support_email,
            support_phone=support_phone,
            checklist=checklist,
            generated_at=utcnow().astimezone(tz),
        )
        # item id -> the backup's name while delegated (the last active delegation wins)
        delegated: dict[int, str] = dict(
            s.execute(
                select(Delegation.item_id, Colleague.name)
                .join(Colleague, Colleague.id == Delegation.to_colleague_id)
                .where(Delegation.plan_id == plan.id, Delegation.returned_at.is_(None))
                .order_by(Delegation.id)
            ).all()
        )
        conn = s.connection()
        handoffs = conn.exec_driver_sql(
            _SHEET_SQL, (plan.id, *(lv.value for lv in SHEET_LEVELS))
        ).all()
        # The sheet's accounts (those that exist), and their admins in Account.admins
        # order (primary first, then by name): the first is an item's admin when none was chosen.
        account_names = {row[10]: row[11] for row in handoffs if row[11] is not None}
        account_admins = _admins_of(s, account_names)
        backup_name = backup.name if backup is not None else None
        # by stored value: the select reads these columns as the text they are stored as
        levels = enum_members(TriageLevel)
        categories = {c.value: c.label for c in Category}
        statuses = {st.value: st.label for st in Status}
        read_due = column_reader(WorkItem.__table__.c.due_at, conn.dialect)
        pending: list[PendingRow] = []
        for (
            level,
            needs_backup,
            context,
            item_id,
            title,
            external_key,
            external_url,
            category,
            status,
            due_at,
            account_id,
            account_name,
            admin_name,
            admin_email,
            admin_phone,
        ) in handoffs:
            if admin_name is None and account_name is not None and account_id in account_admins:
                first = account_admins[account_id][0]
                admin_name, admin_email, admin_phone = first.name, first.email, first.phone
            if item_id in delegated:
                to = delegated[item_id]
            else:
                to = backup_name if (needs_backup and backup_name is not None) else ""
            pending.append(
                PendingRow(
                    item_id,
                    account_name or "",
                    title,
                    external_key or f"#{item_id}",
                    external_url or "",
                    categories[category],
                    levels[level],
                    statuses[status],
                    read_due(due_at).astimezone(tz) if due_at else None,
                    admin_name or "",
                    admin_email or "",
                    admin_phone or "",
                    context,
                    to,
                )
            )
        far = dt.datetime.max.replace(tzinfo=dt.UTC)
        order = {lv: i for i, lv in enumerate(TriageLevel)}
        pending.sort(
            key=lambda r: (
                order[r.level],
                r.due or far,
                r.account.casefold(),
                r.title.casefold(),
                r.item_id,
            )
        )
        admins = tuple(
            ad
            for acc_id, _ in sorted(account_names.items(), key=lambda a: (a[1].casefold(), a[0]))
            for ad in account_admins.get(acc_id, ())
        )
        tracking = tuple(
            TrackingLine(t.date, t.account, t.item, t.channel, t.what_happened, t.follow_up_needed)
            for t in sorted(
                s.scalars(select(TrackingEntry).where(TrackingEntry.plan_id == plan.id)),
                key=lambda t: (t.date or dt.date.max, t.id),
            )
        )
    return HandoffSheet(summary, tuple(pending), admins, tracking)


# ------------------------------------------------------------------ cell text


#: The control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) but tab,
#: line feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def cell_text(value: str) -> str:
    """Text as it goes in a spreadsheet cell: no control characters, neutralised, bounded."""
    text = _CONTROL.sub("", value)
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return neutralise(text)[:CELL_MAX]


def _longest_line(text: str) -> int:
    if "\n" not in text:
        return len(text)
    return max(len(line) for line in text.split("\n"))


def _day(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def _moment(m: dt.datetime | None) -> str:
    return m.strftime("%Y-%m-%d %H:%M") if m else ""


def _leave_text(s: SheetSummary) -> str:
    return (
        f"{s.first_day:%a %d %b %Y} to {s.last_day:%a %d %b %Y} "
        f"(back on {s.return_day:%a %d %b %Y})"
    )


def _summary_pairs(s: SheetSummary) -> list[tuple[str, str]]:
    def who(p: Person | None) -> str:
        return p.line if p else "(not chosen yet)"

    pairs = [
        ("CSM", who(s.csm)),
        ("Team lead", who(s.team_lead)),
        ("Backup", who(s.backup)),
        ("Leave", _leave_text(s)),
        ("Time zone", s.timezone),
    ]
    contacts = s.alternative_contacts
    pairs += [(f"Alternative contact: {k}", v) for k, v in contacts] or [
        ("Alternative contacts", "(none set: add the support email and phone in Settings)")
    ]
    pairs.append(("Checklist", f"{s.checklist_done} of {len(s.checklist)} steps done"))
    return pairs


def _checklist_state(c: ChecklistLine) -> str:
    if c.done:
        return f"Done {c.done_on.isoformat()}" if c.done_on else "Done"
    return "Not done"


# ------------------------------------------------------------------ XLSX


class _Sheet:
    """A worksheet written only through typed calls, tracking column widths."""

    def __init__(
        self,
        ws: Worksheet,
        formats: dict[str, Format],
        memo: dict[str, tuple[str, int]] | None = None,
        *,
        blanks: bool = True,
    ) -> None:
        """``blanks=False``: an empty text is no cell at all, not an empty cell with a format.

        For the tabs the backup only reads: there a format of an empty cell
        (top alignment, wrapping) shows nothing, and leaving the cells out
        spares ~20,000 of them in a sheet of 4,000 items.
        """
        self.ws = ws
        self.f = formats
        self.blanks = blanks
        self.widths: dict[int, int] = {}
        # text -> (its cell text, its longest line): labels, names and emails repeat
        self.memo: dict[str, tuple[str, int]] = {} if memo is None else memo
        # write_string/write_blank without their wrapper that first tries A1 notation ("B2"):
        # cells here are always (row, col) numbers, and the wrapper costs as much as the
        # write itself over the 50,000 cells of a big sheet. The public calls if it changes.
        self._string = getattr(ws, "_write_string", ws.write_string)
        self._blank = getattr(ws, "_write_blank", ws.write_blank)
        self._datetime = getattr(ws, "_write_datetime", ws.write_datetime)

    def _clean(self, value: str) -> tuple[str, int]:
        got = self.memo.get(value)
        if got is None:
            clean = cell_text(value)
            got = self.memo[value] = (clean, _longest_line(clean))
        return got

    def _width(self, col: int, width: int) -> None:
        if self.widths.get(col, -1) < width:
            self.widths[col] = width

    def put(self, row: int, col: int, value: str, fmt: Format) -> None:
        """:meth:`text` with the Format itself."""
        got = self.memo.get(value)
        clean, width = self._clean(value) if got is None else got
        if not clean:
            if self.blanks:
                self._blank(row, col, None, fmt)
            return
        if self.widths.get(col, -1) < width:
            self.widths[col] = width
        self._string(row, col, clean, fmt)

    def text(self, row: int, col: int, value: str, fmt: str = "text") -> None:
        self.put(row, col, value, self.f[fmt])

    def link(self, row: int, col: int, url: str | None, shown: str, fmt: str = "text") -> None:
        if url is None or not is_web_url(url):
            self.text(row, col, shown, fmt)
            return
        self._put_link(row, col, url, shown, fmt == "wrap")

    def _put_link(self, row: int, col: int, url: str, shown: str, wrap: bool) -> None:
        """A hyperlink cell (``url`` already checked with :func:`is_web_url`)."""
        clean, width = self._clean(shown)
        if not clean:
            clean, width = self._clean(url)
        self._width(col, width)
        self.ws.write_url(row, col, url, self.f["link_wrap" if wrap else "link"], string=clean)

    def day(self, row: int, col: int, value: dt.date | None) -> None:
        if value is None:
            self.ws.write_blank(row, col, None, self.f["day"])
        else:
            self._width(col, _DAY_WIDTH)
            self.ws.write_datetime(row, col, value, self.f["day"])

    def moment(self, row: int, col: int, value: dt.datetime | None) -> None:
        if value is None:
            if self.blanks:
                self._blank(row, col, None, self.f["moment"])
        else:
            self._width(col, _MOMENT_WIDTH)
            self._datetime(row, col, value.replace(tzinfo=None), self.f["moment"])

    def header(self, columns: Sequence[str], row: int = 0) -> None:
        for col, name in enumerate(columns):
            self.text(row, col, name, "header")

    def size(
        self, minimum: int = 8, maximum: int = 50, fixed: dict[int, int] | None = None
    ) -> None:
        fixed = fixed or {}
        for col in sorted(set(self.widths) | set(fixed)):
            width = fixed.get(col) or min(maximum, max(minimum, self.widths.get(col, 0) + 2))
            fmt = self.f["wrap"] if col in fixed else None
            self.ws.set_column(col, col, width, fmt)


_DAY_WIDTH = len("2026-12-31")
_MOMENT_WIDTH = len("2026-12-31 23:59")


def _formats(wb: xlsxwriter.Workbook) -> dict[str, Format]:
    base: dict[str, Any] = {"valign": "top"}
    return {
        "text": wb.add_format(base),
        "wrap": wb.add_format(base | {"text_wrap": True}),
        "header": wb.add_format(
            base | {"bold": True, "bg_color": "#DCE6F1", "bottom": 1, "text_wrap": True}
        ),
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "label": wb.add_format(base | {"bold": True}),
        "high": wb.add_format(base | {"bold": True, "font_color": "#9C0006"}),
        "link": wb.add_format(base | {"font_color": "blue", "underline": 1}),
        "link_wrap": wb.add_format(
            base | {"font_color": "blue", "underline": 1, "text_wrap": True}
        ),
        "day": wb.add_format(base | {"num_format": "yyyy-mm-dd", "align": "left"}),
        "moment": wb.add_format(base | {"num_format": "yyyy-mm-dd hh:mm", "align": "left"}),
    }


def _print_setup(ws: Worksheet, landscape: bool = True) -> None:
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.freeze_panes(1, 0)


def _write_summary(sh: _Sheet, sheet: HandoffSheet) -> None:
    s = sheet.summary
    who = s.csm.name if s.csm else "the CSM"
    sh.text(0, 0, f"Out-of-office hand-off: {who}", "title")
    sh.widths.pop(0, None)  # the title may run over the next cells
    row = 2
    for label, value in _summary_pairs(s):
        sh.text(row, 0, label, "label")
        sh.text(row, 1, value, "wrap")
        row += 1
    row += 1
    sh.header(("Checklist step", "Owner", "Due", "State"), row)
    row += 1
    for c in s.checklist:
        sh.text(row, 0, c.title, "wrap")
        sh.text(row, 1, c.owner)
        sh.day(row, 2, c.due)
        sh.text(row, 3, _checklist_state(c))
        row += 1
    row += 1
    sh.text(row, 0, "For the backup", "label")
    row += 1
    for line in BACKUP_INSTRUCTIONS:
        sh.text(row, 0, "•", "text")
        sh.text(row, 1, line, "wrap")
        row += 1
    row += 1
    sh.text(row, 0, "Generated", "label")
    sh.text(row, 1, f"{s.generated_at:%Y-%m-%d %H:%M} ({s.timezone}), plan #{s.plan_id}")
    sh.widths[0] = min(sh.widths.get(0, 0), 40)
    sh.size(fixed={1: 70})
    _print_setup(sh.ws, landscape=False)


def _write_pending(sh: _Sheet, sheet: HandoffSheet) -> None:
    sh.header(PENDING_COLUMNS)
    # One row per item, thousands of them: the Formats are looked up once, not per cell.
    put, put_link, moment = sh.put, sh._put_link, sh.moment
    text, wrap, high = sh.f["text"], sh.f["wrap"], sh.f["high"]
    # PendingRow.priority, by level: the label is worked out once per level, not per row
    priorities = {lv: (lv.label, high if lv is TriageLevel.HIGH else text) for lv in TriageLevel}
    for i, r in enumerate(sheet.pending, start=1):
        put(i, 0, r.account, text)
        url = r.external_url
        if url and is_web_url(url):
            put_link(i, 1, url, r.key, False)
            put_link(i, 2, url, r.title, True)
        else:
            put(i, 1, r.key, text)
            put(i, 2, r.title, wrap)
        put(i, 3, r.category, text)
        put(i, 4, *priorities[r.level])
        put(i, 5, r.status, text)
        moment(i, 6, r.due)
        put(i, 7, r.admin_name, text)
        put(i, 8, r.admin_email, text)
        put(i, 9, r.admin_phone, text)
        put(i, 10, r.context, wrap)
        put(i, 11, r.delegated_to, text)
        put(i, 12, url, text)
    sh.ws.autofilter(0, 0, max(len(sheet.pending), 1), len(PENDING_COLUMNS) - 1)
    sh.size(maximum=40, fixed={2: 40, 10: 60})
    _print_setup(sh.ws)


def _write_admins(sh: _Sheet, sheet: HandoffSheet) -> None:
    sh.header(ADMIN_COLUMNS)
    for i, a in enumerate(sheet.admins, start=1):
        sh.text(i, 0, a.account)
        sh.text(i, 1, a.name)
        sh.text(i, 2, a.title)
        sh.text(i, 3, a.email)
        sh.text(i, 4, a.phone)
        sh.text(i, 5, "Yes" if a.primary else "")
        sh.text(i, 6, a.notes, "wrap")
    sh.ws.autofilter(0, 0, max(len(sheet.admins), 1), len(ADMIN_COLUMNS) - 1)
    sh.size(fixed={6: 50})
    _print_setup(sh.ws)


def _write_tracking(sh: _Sheet, sheet: HandoffSheet) -> None:
    sh.header(sheet.tracking_columns)
    for i, t in enumerate(sheet.tracking, start=1):
        sh.day(i, 0, t.date)
        sh.text(i, 1, t.account)
        sh.text(i, 2, t.item, "wrap")
        sh.text(i, 3, t.channel)
        sh.text(i, 4, t.what_happened, "wrap")
        sh.text(i, 5, t.follow_up_needed, "wrap")
    last = len(sheet.tracking) + TRACKING_BLANK_ROWS
    ws = sh.ws
    ws.set_column(0, 0, 12, sh.f["day"])
    ws.set_column(1, 1, 24, sh.f["text"])
    ws.set_column(2, 2, 30, sh.f["wrap"])
    ws.set_column(3, 3, 20, sh.f["text"])
    ws.set_column(4, 4, 60, sh.f["wrap"])
    ws.set_column(5, 5, 40, sh.f["wrap"])
    ws.data_validation(
        1,
        3,
        last,
        3,
        {
            "validate": "list",
            "source": list(sheet.channel_labels),
            "input_title": "Channel",
            "input_message": "How did the conversation happen?",
            "error_title": "Channel",
            "error_message": "Choose a channel from the list.",
        },
    )
    ws.data_validation(
        1,
        0,
        last,
        0,
        {
            "validate": "date",
            "criteria": ">",
            "value": dt.date(2000, 1, 1),
            "error_type": "warning",
            "error_title": "Date",
            "error_message": "Type the date of the conversation, e.g. 2026-12-03.",
        },
    )
    _print_setup(ws)


def xlsx_bytes(sheet: HandoffSheet) -> bytes:
    """The workbook, built in memory."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    who = sheet.summary.csm.name if sheet.summary.csm else "CSM"
    wb.set_properties(
        {
            "title": f"Out-of-office hand-off: {who}",
            "subject": _leave_text(sheet.summary),
            "author": who,
            "comments": "Created by csdesk",
        }
    )
    formats = _formats(wb)
    memo: dict[str, tuple[str, int]] = {}
    with gc_paused():
        _write_summary(_Sheet(wb.add_worksheet(TAB_SUMMARY), formats, memo), sheet)
        _write_pending(_Sheet(wb.add_worksheet(TAB_PENDING), formats, memo, blanks=False), sheet)
        _write_admins(_Sheet(wb.add_worksheet(TAB_ADMINS), formats, memo, blanks=False), sheet)
        _write_tracking(_Sheet(wb.add_worksheet(TAB_TRACKING), formats, memo), sheet)
        wb.close()
    return buf.getvalue()


def write_xlsx(sheet: HandoffSheet, path: Path) -> None:
    """Write the hand-off workbook to ``path`` atomically."""
    write_atomically(Path(path), xlsx_bytes(sheet))


# ------------------------------------------------------------------ plain tables


def sheet_tables(sheet: HandoffSheet) -> dict[str, list[list[str]]]:
    """The four tabs as rows of text, for the Google Sheet copy of the hand-off sheet.

    The same content as the XLSX, every cell neutralised (:func:`cell_text`);
    the caller writes them with ``valueInputOption: RAW`` so nothing becomes a
    formula even where neutralising would not be needed.
    """
    s = sheet.summary
    who = s.csm.name if s.csm else "the CSM"
    summary: list[list[str]] = [[f"Out-of-office hand-off: {who}"], []]
    summary += [[label, value] for label, value in _summary_pairs(s)]
    summary += [[], ["Checklist step", "Owner", "Due", "State"]]
    summary += [[c.title, c.owner, _day(c.due), _checklist_state(c)] for c in s.checklist]
    summary += [[], ["For the backup"]]
    summary += [["•", line] for line in BACKUP_INSTRUCTIONS]
    summary += [
        [],
        ["Generated", f"{s.generated_at:%Y-%m-%d %H:%M} ({s.timezone}), plan #{s.plan_id}"],
    ]
    pending: list[list[str]] = [list(PENDING_COLUMNS)]
    for r in sheet.pending:
        pending.append(
            [
                r.account,
                r.key,
                r.title,
                r.category,
                r.priority,
                r.status,
                _moment(r.due),
                r.admin_name,
                r.admin_email,
                r.admin_phone,
                r.context,
                r.delegated_to,
                r.external_url,
            ]
        )
    admins: list[list[str]] = [list(ADMIN_COLUMNS)]
    for a in sheet.admins:
        admins.append(
            [a.account, a.name, a.title, a.email, a.phone, "Yes" if a.primary else "", a.notes]
        )
    tracking: list[list[str]] = [list(sheet.tracking_columns)]
    for t in sheet.tracking:
        tracking.append(
            [_day(t.date), t.account, t.item, t.channel, t.what_happened, t.follow_up_needed]
        )
    tables = {
        TAB_SUMMARY: summary,
        TAB_PENDING: pending,
        TAB_ADMINS: admins,
        TAB_TRACKING: tracking,
    }
    return {tab: [[cell_text(v) for v in row] for row in rows] for tab, rows in tables.items()}


# ------------------------------------------------------------------ CSV


def pending_records(sheet: HandoffSheet) -> list[dict[str, Any]]:
    return [
        {
            "account": r.account,
            "key": r.key,
            "item": r.title,
            "external_url": r.external_url,
            "category": r.category,
            "priority": r.priority,
            "status": r.status,
            "due": r.due.isoformat(timespec="minutes") if r.due else "",
            "admin": r.admin_name,
            "admin_email": r.admin_email,
            "admin_phone": r.admin_phone,
            "context": r.context,
            "delegated_to": r.delegated_to,
        }
        for r in sheet.pending
    ]


def write_csv(sheet: HandoffSheet, path: Path) -> int:
    """The pending items as CSV (the conventions of :mod:`csdesk.core.exports`); returns the row count."""
    records = pending_records(sheet)
    write_atomically(Path(path), to_csv(records, CSV_FIELDS))
    return len(records)


# ------------------------------------------------------------------ HTML

_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: sans-serif; font-size: 9pt; color: #000; }
h1 { font-size: 15pt; margin: 0 0 6pt 0; }
h2 { font-size: 12pt; margin: 14pt 0 4pt 0; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #dce6f1; }
tr { page-break-inside: avoid; }
table.kv th { width: 22%; }
.high { font-weight: bold; color: #9c0006; }
.context { white-space: pre-wrap; }
.blank td { height: 18pt; }
.muted { color: #555; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _multiline(text: str) -> str:
    return _e(text).replace("\n", "<br>")


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    cls: str = "",
    widths: Sequence[int] = (),
) -> str:
    """A full-width table; ``rows`` hold ready HTML (already escaped), ``widths`` percents."""
    head = "".join(
        f'<th width="{widths[i]}%">{_e(h)}</th>' if i < len(widths) else f"<th>{_e(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    attr = f' class="{cls}"' if cls else ""
    # width/cellspacing as attributes too: Qt's rich text (which prints the PDF) reads those.
    return (
        f'<table{attr} width="100%" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def sheet_html(sheet: HandoffSheet, blank_tracking_rows: int = 15) -> str:
    """The whole sheet as a printable HTML document (the GUI prints it to PDF)."""
    s = sheet.summary
    who = s.csm.name if s.csm else "the CSM"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(f'Out-of-office hand-off: {who}')}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_e(f'Out-of-office hand-off: {who}')}</h1>",
        f'<p class="muted">{_e(_leave_text(s))}. Generated '
        f"{_e(f'{s.generated_at:%Y-%m-%d %H:%M}')} ({_e(s.timezone)}), plan #{s.plan_id}.</p>",
        "<h2>Summary</h2>",
        '<table class="kv" width="100%" cellspacing="0" cellpadding="3"><tbody>'
        + "".join(
            f'<tr><th width="25%">{_e(k)}</th><td>{_multiline(v)}</td></tr>'
            for k, v in _summary_pairs(s)
        )
        + "</tbody></table>",
    ]
    if s.checklist:
        parts.append("<h2>Checklist</h2>")
        parts.append(
            _table(
                ("Step", "Owner", "Due", "State"),
                [
                    (_e(c.title), _e(c.owner), _e(_day(c.due)), _e(_checklist_state(c)))
                    for c in s.checklist
                ],
            )
        )
    parts.append("<h2>For the backup</h2><ul>")
    parts += [f"<li>{_e(line)}</li>" for line in BACKUP_INSTRUCTIONS]
    parts.append("</ul>")

    parts.append(f"<h2>Pending items ({len(sheet.pending)})</h2>")
    if sheet.pending:
        rows = []
        for r in sheet.pending:
            item = f"{_e(r.key)} {_e(r.title)}"
            if r.link:
                item = f'<a href="{_e(r.link)}">{item}</a>'
            admin = "<br>".join(_e(x) for x in (r.admin_name, r.admin_email, r.admin_phone) if x)
            level_cls = "high" if r.level is TriageLevel.HIGH else ""
            rows.append(
                (
                    _e(r.account),
                    item,
                    _e(r.category),
                    f'<span class="{level_cls}">{_e(r.priority)}</span>',
                    _e(r.status),
                    _e(_moment(r.due)),
                    admin,
                    f'<div class="context">{_e(r.context)}</div>',
                    _e(r.delegated_to),
                )
            )
        parts.append(_table(HTML_PENDING_COLUMNS, rows))
    else:
        parts.append("<p>No High or Medium items: nothing needs the backup.</p>")

    if sheet.admins:
        parts.append("<h2>Admins</h2>")
        parts.append(
            _table(
                ADMIN_COLUMNS,
                [
                    (
                        _e(a.account),
                        _e(a.name),
                        _e(a.title),
                        _e(a.email),
                        _e(a.phone),
                        "Yes" if a.primary else "",
                        _multiline(a.notes),
                    )
                    for a in sheet.admins
                ],
            )
        )

    parts.append("<h2>Tracking log</h2>")
    track_rows: list[tuple[str, ...]] = [
        (
            _e(_day(t.date)),
            _e(t.account),
            _e(t.item),
            _e(t.channel),
            _multiline(t.what_happened),
            _multiline(t.follow_up_needed),
        )
        for t in sheet.tracking
    ]
    track_rows += [("",) * len(sheet.tracking_columns)] * blank_tracking_rows
    parts.append(_table(sheet.tracking_columns, track_rows, "blank", (10, 16, 16, 10, 28, 20)))
    parts.append(
        f'<p class="muted">Channels: {_e(", ".join(sheet.channel_labels))}.</p></body></html>'
    )
    return "\n".join(parts)
