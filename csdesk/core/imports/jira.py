"""Jira Service Desk tickets from a CSV export (seed 003), and what tracker imports share.

A Jira CSV export ("Export > CSV (all fields)") repeats a header once per value
(``Watchers``, ``Comment``, ``Labels``, ``Component/s``) and names custom fields
``Custom field (Account Manager)``. Each row becomes a ticket keyed by its issue
key (``source="jira"``): importing the same export again updates the tickets and
adds only the comments not seen before.

:class:`TrackerImporter` holds what the Jira and the Teamwork importers share:
finding accounts and colleagues by name (creating the missing ones, with a
note), R2 assignees, statuses through the state machine, dates in a chosen
time zone, the category guessed from labels, and notes summarised per run.

Decisions, so that the import does what a CSM would do by hand:

* An organisation that is not in the portfolio becomes a new account, with a
  note ("Created account X from the Jira organisation"); so does a missing
  account manager or regional manager (a new colleague with that role).
* R6: when the account manager is also the regional manager, the regional
  manager field takes the escalation fallback manager; with no fallback in the
  Directory the row is refused with the state machine's explanation.
* R7 (seed 003: "DO NOT add the AM to this field when they are added as a
  watcher"): an AM who is also a watcher stays a follower and the Account
  Manager field is left empty, with a note. Except when the ticket waits on
  its account manager or on management: that status needs the AM field (seed
  003's request procedure), so there the AM field wins and the AM is not made
  a follower.
* New tickets get their status through ``apply_status(creating=True)``, so a
  ticket "Waiting for Account Manager" without an AM is refused with the state
  machine's message. On a re-import a changed status goes through the state
  machine when the move is allowed (keeping R9's prior waiting status);
  otherwise it is recorded as it happened in Jira (the import reflects
  reality), still with the target status's own requirements.
* R2: assignees are the Jira assignee when the Directory knows them, plus me
  and my CSS; a row with nobody at all to assign is refused. A re-import never
  removes an assignee or a follower added in csdesk.
* Comments become communication-log entries (ticket comment), inbound when
  the reporter (or a portal customer) wrote them, outbound when I, my CSS,
  support or the assignee did - internal when such a comment tags someone, as
  seed 003 asks the AM - and internal for other colleagues (AM, RM, watchers);
  the latest outbound comment counts as the last follow-up (R4). Comments are
  matched on (ticket, time, text), so a re-import adds none twice.
* The status time (and R8's escalation clock) is the ticket's ``Updated`` time,
  the best the export tells; ``done_at`` is ``Resolved``. Jira's ``Due date`` is
  a calendar day: a bare date (or one at 12:00 AM) means the end of that day.
* Empty cells on a re-import leave csdesk's value (due date, account, priority)
  alone; the category is only guessed while it is still "General".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import is_, itemgetter
from typing import Any, ClassVar, cast
from weakref import WeakKeyDictionary
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Date,
    DateTime,
    Enum,
    Table,
    insert,
    inspect,
    select,
)
from sqlalchemy.orm import Mapper, Session, SessionTransaction, selectinload
from sqlalchemy.orm.interfaces import MANYTOONE

from csdesk.core.enums import (
    CLOSED_STATUSES,
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
from csdesk.core.imports.base import (
    FieldSpec,
    Importer,
    ImportResult,
    RowProblem,
    RowView,
    register,
)
from csdesk.core.imports.common import norm_name, width_problem
from csdesk.core.models import (
    Account,
    Colleague,
    ColleagueRole,
    CommLogEntry,
    ItemEvent,
    UTCDateTime,
    WorkItem,
    WorkItemAssignee,
    WorkItemFollower,
    utcnow,
)
from csdesk.core.validation import clean_text
from csdesk.core.workflow import WAITING_ON_MANAGERS, apply_status, resolve_regional_manager

UTC = dt.UTC
MAX_DESCRIPTION = 50_000
MAX_SHOWN_KEYS = 8
BATCH = 500  # new items inserted together
_MAX_CACHED = 50_000  # values remembered per cache of an import (names, dates, labels)
_NOBODY = frozenset({"unassigned", "anyone", "nobody", "-"})  # assignees that are no one

# ------------------------------------------------------------------ helpers


_SPACE = re.compile(r"\s+")
# Unicode's control characters (category Cc: C0, DEL and C1) but line feed and tab.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def short(text: str, limit: int = 60) -> str:
    one = _SPACE.sub(" ", text).strip()
    return one if len(one) <= limit else one[: limit - 1] + "…"


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_DAY_TIME = re.compile(
    r"^(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,2}|[^\W\d_]{3,9}\.?)(?P=sep)(?P<c>\d{1,4})"
    r"(?:(?:\s+|\s*,\s*|T)(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?$"
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d")

DATE_ORDERS = ("DMY", "MDY")
# An Atlassian account id of a licensed user (an agent, an AM); portal customers are "qm:...".
_AGENT_ID = re.compile(r"^(?:[0-9a-f]{24}|\d{6}:[0-9a-f-]{36})$")


@dataclass(frozen=True)
class When:
    """A parsed date or time: the UTC instant, and whether the text was a bare date."""

    at: dt.datetime
    date_only: bool
    local: dt.datetime  # the wall-clock time in the import's zone (for end-of-day)
    naive: bool = True  # the text gave no offset: it was read in the import's zone


def parse_when(text: str, zone: ZoneInfo, date_order: str = "DMY", examples: str = "") -> When:
    """Read a date or date-time as Jira and Teamwork export them; naive times are in ``zone``.

    Understands ``20/Nov/26 2:15 PM``, ``20/Nov/26 14:15``, ``20/11/2026`` (day or month
    first, as ``date_order`` says), ``2026-11-20``, ISO 8601 with an offset and
    ``20261120``. Raises ValueError with a sentence for the user.
    """
    raw = text.strip()
    hint = f" (expected for example {examples})" if examples else ""
    if _ISO_START.match(raw) or raw.endswith("Z"):
        try:
            parsed = dt.datetime.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"“{raw}” is not a date and time csdesk can read{hint}.") from None
        return _finish(parsed, zone, date_only=False)
    compact = _COMPACT.match(raw)
    if compact:
        y, m, d = int(compact["y"]), int(compact["m"]), int(compact["d"])
        return _finish(_build(raw, y, m, d, 0, 0, 0, "", hint), zone, date_only=True)
    match = _DAY_TIME.match(raw)
    if not match:
        raise ValueError(f"“{raw}” is not a date csdesk can read{hint}.")
    a, b, c = match["a"], match["b"], match["c"]
    if not b.isdigit():
        month = _MONTHS.get(b.rstrip(".").casefold())
        if month is None or len(a) > 2:
            raise ValueError(f"“{raw}” is not a date csdesk can read{hint}.")
        day, year = int(a), _year(c)
    elif len(a) == 4:  # 2026/11/20
        year, month, day = int(a), int(b), int(c)
    elif len(a) > 2 or len(c) == 3 or len(c) == 1:
        raise ValueError(f"“{raw}” is not a date csdesk can read{hint}.")
    else:
        first, second, year = int(a), int(b), _year(c)
        day, month = (first, second) if date_order == "DMY" else (second, first)
        if not (1 <= month <= 12 and 1 <= day <= 31) and 1 <= day <= 12 and 1 <= month <= 31:
            named = "day-month-year" if date_order == "DMY" else "month-day-year"
            other = "MDY (month first)" if date_order == "DMY" else "DMY (day first)"
            raise ValueError(
                f"“{raw}” is not a valid {named} date: there is no month {month}. If the "
                f"export writes dates the other way round, import it with the date order {other}."
            )
    hour = int(match["h"]) if match["h"] else 0
    minute = int(match["m"]) if match["m"] else 0
    second_ = int(match["s"]) if match["s"] else 0
    parsed = _build(raw, year, month, day, hour, minute, second_, match["ampm"] or "", hint)
    return _finish(parsed, zone, date_only=match["h"] is None)


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _build(
    raw: str, y: int, m: int, d: int, hh: int, mm: int, ss: int, ampm: str, hint: str
) -> dt.datetime:
    if ampm:
        if not 1 <= hh <= 12:
            raise ValueError(f"“{raw}”: {hh} is not an hour of a 12-hour clock{hint}.")
        hh = hh % 12 + (12 if ampm[0] in "Pp" else 0)
    try:
        return dt.datetime(y, m, d, hh, mm, ss)
    except ValueError as exc:
        raise ValueError(f"“{raw}” is not a real date or time ({exc}){hint}.") from None


def _finish(parsed: dt.datetime, zone: ZoneInfo, date_only: bool) -> When:
    naive = parsed.tzinfo is None
    local = parsed.replace(tzinfo=zone) if naive else parsed.astimezone(zone)
    return When(local.astimezone(UTC), date_only, local, naive)


def end_of_day(when: When) -> dt.datetime:
    """A due *day* as an instant: 23:59 of that day in the import's zone."""
    day_end = dt.datetime.combine(when.local.date(), dt.time(23, 59), when.local.tzinfo)
    return day_end.astimezone(UTC)


# The categories in the enum's order, which is the order of seriousness (R14):
# when labels suggest several, the most serious wins.
_CATEGORY_WORDS: dict[Category, tuple[str, ...]] = {
    Category.ESCALATION: ("escalation", "escalated", "escalate", "urgent"),
    Category.REGULATORY_COMPLIANCE: (
        "regulatory",
        "compliance",
        "accreditation",
        "audit",
        "jointcommission",
    ),
    Category.HIGH_RISK_BUG: ("highriskbug", "criticalbug", "sev1", "outage", "dataloss"),
    Category.CREDENTIALING: ("credentialing", "credential", "credentials", "license"),
    Category.LOGIN_PROBLEM: ("login", "logon", "signin", "password", "lockout", "locked"),
    Category.MEDIUM_RISK_BUG: ("bug", "defect", "error", "broken", "sev2"),
    Category.SSO_INTEGRATION: ("sso", "saml", "okta", "adfs", "azuread", "scim"),
    Category.BACKGROUND_CHECK: ("backgroundcheck", "background", "screening"),
    Category.LEARNING_COMPLIANCE: ("lms", "learning", "courses", "course"),
    Category.CUSTOM_COURSEWORK: ("customcourse", "coursework", "customcontent"),
    Category.TRAINING: ("training", "webinar", "howto"),
    Category.SETUP: ("setup", "onboarding", "implementation", "configuration", "config"),
    Category.REPORT: ("report", "reports", "reporting", "export"),
    Category.TEMPLATE_UPLOAD: ("template", "templates", "upload"),
    Category.INTEGRATION_HELP: ("integration", "api", "hris", "webhook"),
    Category.WEBSITE: ("website", "careers", "careerpage"),
    Category.CONTENT: ("content", "copy", "translation"),
    Category.FEATURE_REQUEST: ("feature", "featurerequest", "enhancement", "idea"),
    Category.BILLING: ("billing", "invoice", "invoices", "payment", "renewal"),
}
_WORD_TO_CATEGORY = {w: c for c, words in _CATEGORY_WORDS.items() for w in words}
_ORDER = {c: i for i, c in enumerate(Category)}


def guess_category(words: Iterable[str]) -> Category:
    """The most serious category a label, component or tag suggests; General by default.

    Each label is read whole ("high-risk-bug" -> "highriskbug") and word by word.
    """
    found: set[Category] = set()
    for text in words:
        parts = [p for p in re.split(r"[^0-9a-z]+", text.casefold()) if p]
        for token in ["".join(parts), *parts]:
            category = _WORD_TO_CATEGORY.get(token)
            if category is not None:
                found.add(category)
    return min(found, key=_ORDER.__getitem__) if found else Category.GENERAL


# ------------------------------------------------------------------ shared base


class _Cells:
    """Reads a row's fields through one import's mapping, all at once.

    ``read`` gives what :meth:`RowView.get` (the first non-empty value, stripped;
    "" when none) and :meth:`RowView.get_all` (every non-empty value, for the multi
    fields) give, and ``columns`` what :meth:`RowView.column` gives, for every field
    of the importer, without a call per field and row.
    """

    def __init__(
        self, fields: Sequence[FieldSpec], mapping: dict[str, list[int]], headers: Sequence[str]
    ) -> None:
        self.mapping, self.headers = mapping, headers
        self.one = [(f.name, tuple(mapping.get(f.name) or ())) for f in fields if not f.multi]
        self.many = [(f.name, tuple(mapping.get(f.name) or ())) for f in fields if f.multi]
        self.columns = {
            f.name: headers[cols[0]] if (cols := mapping.get(f.name)) else f.name for f in fields
        }
        # The usual case, read with one itemgetter: each single field from one column (or
        # none), and rows as wide as the columns read.
        self.simple = all(len(idx) <= 1 for _, idx in self.one)
        self.names = [name for name, idx in self.one if idx]
        self.blank = {name: "" for name, idx in self.one if not idx}
        indexes = [idx[0] for _, idx in self.one if idx]
        self.slices: list[tuple[str, int, int]] = []
        for name, idx in self.many:
            self.slices.append((name, len(indexes), len(indexes) + len(idx)))
            indexes.extend(idx)
        self.width = max(indexes, default=-1) + 1
        self.pick = itemgetter(*indexes) if len(indexes) > 1 else None

    def read(self, cells: Sequence[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
        if self.pick is None or not self.simple or len(cells) < self.width:
            return self._read(cells)
        values = list(map(str.strip, self.pick(cells)))
        one = dict(zip(self.names, values, strict=False))  # (stops at the single fields)
        if self.blank:
            one.update(self.blank)
        many: dict[str, list[str]] = {}
        for name, start, stop in self.slices:
            if stop - start == 1:  # (one column: the usual Organizations, Labels...)
                value = values[start]
                many[name] = [value] if value else []
                one[name] = value
            else:
                many[name] = found = list(filter(None, values[start:stop]))
                one[name] = found[0] if found else ""
        return one, many

    def _read(self, cells: Sequence[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
        width = len(cells)
        one: dict[str, str] = {}
        for name, idx in self.one:
            value = ""
            for i in idx:
                if i < width:
                    value = cells[i].strip()
                    if value:
                        break
            one[name] = value
        many: dict[str, list[str]] = {}
        for name, idx in self.many:
            values = [v for v in [cells[i].strip() for i in idx if i < width] if v]
            many[name] = values
            one[name] = values[0] if values else ""
        return one, many


class TrackerImporter(Importer):
    """Tickets or tasks from a tracker's CSV export; subclasses read their own columns.

    Attributes a caller may set (or pass to the constructor): ``timezone`` (an IANA
    zone name; times without an offset are read in it, UTC by default) and
    ``date_order`` ("DMY" or "MDY", for numeric dates such as 04/11/2026).
    """

    source: ClassVar[str] = ""
    tool: ClassVar[str] = ""  # "Jira", for messages
    noun: ClassVar[str] = "item"  # "ticket", for messages
    item_type: ClassVar[ItemType] = ItemType.TASK
    channel: ClassVar[Channel] = Channel.TASK_TOOL
    date_examples: ClassVar[str] = ""
    key_field: ClassVar[str] = ""  # the field with the tracker's id (see upcoming)

    def __init__(self, timezone: str = "UTC", date_order: str = "DMY") -> None:
        self.timezone = timezone
        self.date_order = date_order

    # ---------------------------------------------------------- run state

    def begin(self, session: Session, result: ImportResult) -> None:
        self._zone = self._check_zone()
        if self.date_order.upper() not in DATE_ORDERS:
            raise KnownError(
                f"The date order must be DMY (day first) or MDY (month first), not "
                f"“{self.date_order}”."
            )
        self._order = self.date_order.upper()
        self._now = utcnow()
        self._actor = f"{self.tool} import"
        self._existing: dict[str, int] = {
            key: item_id
            for key, item_id in session.execute(
                select(WorkItem.external_key, WorkItem.id).where(WorkItem.source == self.source)
            )
            if key is not None
        }
        self._seen: dict[str, int] = {}
        # The existing items the next rows update, loaded together (see upcoming)
        self._loaded: dict[int, WorkItem] = {}
        self._accounts: dict[str, list[Account]] = defaultdict(list)
        for account in session.scalars(select(Account).order_by(Account.id)):
            self._accounts[norm_name(account.name)].append(account)
        self._people: dict[str, list[Colleague]] = defaultdict(list)
        self._emails: dict[str, list[Colleague]] = defaultdict(list)
        colleagues = session.scalars(
            select(Colleague).options(selectinload(Colleague.roles)).order_by(Colleague.id)
        ).all()
        # by id: the objects ``session.get`` would return (all in the identity map)
        self._colleagues: dict[int, Colleague] = {c.id: c for c in colleagues}
        for c in colleagues:
            self._people[norm_name(c.name)].append(c)
            if c.email:
                self._emails[c.email.casefold()].append(c)
        self._defaults = [c for c in colleagues if c.active and c.role_set & {Role.ME, Role.CSS}]
        self._defaults.sort(key=lambda c: (Role.ME not in c.role_set, c.id))
        self._ours = {c.id for c in colleagues if c.role_set & {Role.ME, Role.CSS, Role.SUPPORT}}
        # The names of those (the colleagues an import creates are account or regional
        # managers, never ours).
        self._our_names = {norm_name(c.name) for c in colleagues if c.id in self._ours}
        self._notes: dict[str, list[str]] = defaultdict(list)
        self._note_order: list[str] = []
        self._unchanged = 0
        self._no_key = 0
        self._pending: list[object] = []
        self._savepoint: SessionTransaction | None = None
        self._lazy_savepoint = False
        # Values many rows repeat, worked out once per import (see norm, parse, category).
        self._norms: dict[str, str] = {}
        self._whens: dict[str, When | str] = {}
        self._categories: dict[tuple[str, ...], Category] = {}
        self._shorts: dict[str, str] = {}
        self._role_sets: dict[Colleague, set[Role]] = {}  # role_set, until a role is added
        self._cells: _Cells | None = None

    def _check_zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone or "UTC")
        except (ZoneInfoNotFoundError, ValueError):
            raise KnownError(
                f"“{self.timezone}” is not a time zone csdesk knows: use a name such as "
                "UTC, Europe/Berlin or America/New_York."
            ) from None

    def upcoming(self, session: Session, rows: Sequence[RowView]) -> None:
        """Load the existing items these rows update, with their assignees and followers,
        in one query (instead of three per row in :meth:`item_for`).

        Held here until the next rows come, so :meth:`item_for` finds them without SQL.
        Nothing is flushed: the rows before were flushed with their savepoints, and the
        objects already in the session are not reloaded (as ``session.get`` would not).
        """
        self._loaded = {}
        if not self.key_field:
            return
        existing, name = self._existing, self.key_field
        ids = sorted(
            {item_id for row in rows if (item_id := existing.get(row.get(name))) is not None}
        )
        if not ids:
            return
        with session.no_autoflush:
            items = session.scalars(
                select(WorkItem)
                .where(WorkItem.id.in_(ids))
                .options(selectinload(WorkItem.assignees), selectinload(WorkItem.followers))
            ).all()
            self._loaded = {item.id: item for item in items}
            self.upcoming_items(session, ids)

    def upcoming_items(self, session: Session, ids: Sequence[int]) -> None:
        """What else a subclass loads for the existing items ``ids`` of the next rows."""

    def apply_row_alone(self, session: Session, row: RowView, result: ImportResult) -> None:
        """The row in a SAVEPOINT opened only when it touches the session (see :meth:`touch`).

        Most rows create a ticket: they build new objects in memory only (inserted
        later in batches, see :meth:`add_new`), so if they fail there is nothing to
        roll back, and a savepoint per row would cost more than the row itself.
        """
        self._lazy_savepoint = True
        try:
            self.apply_row(session, row, result)
        except BaseException:
            if self._savepoint is not None:
                self._savepoint.rollback()
            raise
        finally:
            savepoint, self._savepoint, self._lazy_savepoint = self._savepoint, None, False
        if savepoint is not None:
            savepoint.commit()

    def touch(self, session: Session) -> None:
        """Called before the row changes anything in the session: opens the row's savepoint."""
        if self._lazy_savepoint and self._savepoint is None:
            self._savepoint = session.begin_nested()

    def apply_row(self, session: Session, row: RowView, result: ImportResult) -> None:
        # Whatever this row adds to the lookups is undone if the row fails, so a later
        # row never meets an account or colleague whose savepoint was rolled back.
        self._undo: list[Callable[[], object]] = []
        self._row_notes: list[tuple[str, str]] = []
        self._row_new: list[object] = []
        try:
            if len(row.cells) > len(row.headers) and any(
                c.strip() for c in row.cells[len(row.headers) :]
            ):
                # filled cells past the last header (a short row is not an error)
                raise width_problem(len(row.cells), len(row.headers))
            self.apply_item(session, row, result)
            if self._savepoint is not None or not self._lazy_savepoint:
                # (a row that opened no savepoint changed nothing in the session: it
                # only built new rows, which insert_new writes)
                session.flush()
        except BaseException:
            for undo in reversed(self._undo):
                undo()
            raise
        self._pending.extend(self._row_new)
        if len(self._pending) >= BATCH:
            self.insert_new(session)
        for headline, key in self._row_notes:
            if headline not in self._notes:
                self._note_order.append(headline)
            self._notes[headline].append(key)

    def apply_item(self, session: Session, row: RowView, result: ImportResult) -> None:
        raise NotImplementedError

    def finish(self, session: Session, result: ImportResult) -> None:
        self.insert_new(session)
        session.flush()
        for headline in self._note_order:
            keys = list(dict.fromkeys(k for k in self._notes[headline] if k))
            if not keys:
                result.notes.append(headline + ".")
                continue
            shown = ", ".join(keys[:MAX_SHOWN_KEYS])
            more = f" and {len(keys) - MAX_SHOWN_KEYS} more" if len(keys) > MAX_SHOWN_KEYS else ""
            result.notes.append(f"{headline} ({shown}{more}).")
        if self._unchanged:
            result.notes.append(
                f"{self._unchanged} {self.noun}(s) were already up to date (counted as skipped)."
            )
        if self._no_key:
            result.notes.append(
                f"{self._no_key} {self.noun}(s) had no id in {self.tool}: importing the file "
                "again would create them again."
            )

    def note(self, headline: str, key: str = "") -> None:
        self._row_notes.append((headline, key))

    # ---------------------------------------------------------- reading cells

    def cells(self, row: RowView) -> _Cells:
        """How this import reads its rows (the mapping is the same for every row)."""
        cells = self._cells
        if cells is None or cells.mapping is not row.mapping or cells.headers is not row.headers:
            cells = self._cells = _Cells(self.fields, row.mapping, row.headers)
        return cells

    def norm(self, name: str) -> str:
        """:func:`norm_name`, worked out once per name and import."""
        normed = self._norms.get(name)
        if normed is None:
            if len(self._norms) >= _MAX_CACHED:
                self._norms.clear()
            normed = self._norms[name] = norm_name(name)
        return normed

    def parse_date(self, text: str) -> When:
        """:func:`parse_when` in the import's zone and date order, once per text and import.

        Raises ValueError (with the sentence for the user) as parse_when does.
        """
        parsed = self._whens.get(text)
        if parsed is None:
            try:
                parsed = parse_when(text, self._zone, self._order, self.date_examples)
            except ValueError as exc:
                parsed = str(exc)
            if len(self._whens) >= _MAX_CACHED:
                self._whens.clear()
            self._whens[text] = parsed
        if isinstance(parsed, str):
            raise ValueError(parsed)
        return parsed

    def when(self, row: RowView, name: str) -> When | None:
        return self.when_of(row.get(name), row.column(name))

    def when_of(self, text: str, column: str) -> When | None:
        if not text:
            return None
        try:
            return self.parse_date(text)
        except ValueError as exc:
            raise RowProblem(column, str(exc)) from None

    def due(self, row: RowView, name: str) -> dt.datetime | None:
        return self.due_of(row.get(name), row.column(name))

    def due_of(self, text: str, column: str) -> dt.datetime | None:
        when = self.when_of(text, column)
        if when is None:
            return None
        if when.date_only or (when.naive and when.local.time() == dt.time()):
            return end_of_day(when)
        return when.at

    def key_of(self, row: RowView, name: str, label: str) -> str | None:
        return self.check_key(row.get(name), row.column(name), row.number, label)

    def check_key(self, key: str, column: str, number: int, label: str) -> str | None:
        if not key:
            return None
        if len(key) > 64 or key.split() != [key]:  # (split: at any whitespace)
            raise RowProblem(
                column,
                f"“{short(key)}” is not a {self.tool} {label}: it should be one short word "
                "such as ABC-123. Is the right column mapped?",
            )
        earlier = self._seen.get(key)
        if earlier is not None:
            raise RowProblem(
                column,
                f"{key} appears twice in this file (also on row {earlier}). Remove one of the rows.",
            )
        self._seen[key] = number
        self._undo.append(lambda: self._seen.pop(key, None))
        return key

    def title_of(self, row: RowView, name: str, label: str) -> str:
        return self.check_title(row.get(name), name, row.column(name), label)

    def check_title(self, text: str, name: str, column: str, label: str) -> str:
        try:
            return clean_text(text, name, label, 300, required=True)
        except ValidationError as exc:
            raise RowProblem(column, exc.message) from None

    def _counterpart(self, author: str) -> str:
        """``short(author, 200)``, once per author and import."""
        shown = self._shorts.get(author)
        if shown is None:
            if len(self._shorts) >= _MAX_CACHED:
                self._shorts.clear()
            shown = self._shorts[author] = short(author, 200)
        return shown

    def category(self, words: Sequence[str]) -> Category:
        """:func:`guess_category` of the non-empty ``words``, once per list and import."""
        key = tuple(words)
        category = self._categories.get(key)
        if category is None:
            if len(self._categories) >= _MAX_CACHED:
                self._categories.clear()
            category = self._categories[key] = guess_category(w for w in key if w)
        return category

    # ---------------------------------------------------------- lookups

    def account(
        self, session: Session, name: str, column: str, key: str, prefix_match: bool = False
    ) -> Account:
        """The account called ``name``; created with a note when the portfolio has none."""
        wanted = self.norm(name)
        found = self._accounts.get(wanted) or []
        if len(found) > 1:
            raise RowProblem(
                column,
                f"Several accounts are called “{name}”. Rename one in the Portfolio so "
                "the import knows which one is meant.",
            )
        if found:
            return found[0]
        if prefix_match:
            # "Northwind Health – Onboarding" belongs to the account "Northwind Health".
            candidates = [
                (len(k), accounts)
                for k, accounts in self._accounts.items()
                if accounts
                and wanted.startswith(k)
                and len(wanted) > len(k)
                and not wanted[len(k)].isalnum()
            ]
            if candidates:
                _, accounts = max(candidates, key=lambda t: t[0])
                if len(accounts) == 1:
                    self.note(f"“{name}” was taken to be the account “{accounts[0].name}”", key)
                    return accounts[0]
        try:
            clean = clean_text(name, "account", "Account name", 200, required=True)
        except ValidationError as exc:
            raise RowProblem(column, exc.message) from None
        account = Account(
            name=clean,
            notes=f"Created by the {self.tool} import from the {self.tool} "
            f"{'organisation' if self.tool == 'Jira' else 'project'} “{clean}”.",
        )
        self.touch(session)
        session.add(account)
        self._accounts[wanted].append(account)
        self._undo.append(lambda: self._accounts[wanted].remove(account))
        what = "organisation" if self.tool == "Jira" else "project"
        self.note(
            f"Created account “{clean}” from the {self.tool} {what}: complete it in the Portfolio"
        )
        return account

    def person(self, name: str, column: str) -> Colleague | None:
        """The colleague called ``name`` (or with that email), or None."""
        candidates = self._people.get(self.norm(name)) or []
        if not candidates and "@" in name:
            candidates = self._emails.get(name.strip().casefold()) or []
        if len(candidates) > 1:
            raise RowProblem(
                column,
                f"Several colleagues are called “{name}”. Make their names different in the "
                "Directory so the import knows who is meant.",
            )
        return candidates[0] if candidates else None

    def manager(self, session: Session, name: str, role: Role, column: str, key: str) -> Colleague:
        """An account or regional manager by name; created (with the role) when missing."""
        found = self.person(name, column)
        if found is not None:
            roles = self._role_sets.get(found)
            if roles is None:
                roles = self._role_sets[found] = found.role_set
            if role not in roles:
                # (a failed row's savepoint rollback expires ``found``, undoing this too)
                self.touch(session)
                found.roles.append(ColleagueRole(role=role))
                self._role_sets.pop(found, None)
                self._undo.append(lambda: self._role_sets.pop(found, None))
                self.note(
                    f"{found.name} is named {role.label.lower()} in {self.tool}, so csdesk "
                    f"gave them that role in the Directory",
                    key,
                )
            return found
        try:
            clean = clean_text(name, "person", role.label, 120, required=True)
        except ValidationError as exc:
            raise RowProblem(column, exc.message) from None
        colleague = Colleague(
            name=clean,
            notes=f"Created by the {self.tool} import as {role.label.lower()} (ticket {key}).",
            roles=[ColleagueRole(role=role)],
        )
        self.touch(session)
        session.add(colleague)
        session.flush()
        wanted = self.norm(clean)
        self._people[wanted].append(colleague)
        colleague_id = colleague.id
        self._colleagues[colleague_id] = colleague
        self._undo.append(lambda: self._people[wanted].remove(colleague))
        self._undo.append(lambda: self._colleagues.pop(colleague_id, None))
        self.note(
            f"Created colleague “{clean}” as {role.label.lower()} from the {self.tool} "
            "import: add their email and phone in the Directory"
        )
        return colleague

    def assignees(self, names: Sequence[str], column: str, key: str) -> list[Colleague]:
        """R2: the named people the Directory knows, plus me and my CSS."""
        people: list[Colleague] = []
        for name in names:
            if name.casefold() in _NOBODY:
                continue
            found = self.person(name, column)
            if found is None:
                self.note(
                    f"“{name}” ({column}) is not in the Directory, so they were not assigned",
                    key,
                )
            else:
                people.append(found)
        people.extend(self._defaults)
        unique = list({id(c): c for c in people}.values()) if len(people) > 1 else people
        if not unique:
            shown = ", ".join(f"“{n}”" for n in names) or "nobody"
            raise RowProblem(
                column,
                f"No assignee: the {self.noun} names {shown}, who is not in the Directory, and "
                "nobody has the role “Me (the CSM)” or “My CSS”. A task is never left "
                "unassigned: add yourself to the Directory with the role “Me (the CSM)”.",
            )
        return unique

    def colleague(self, session: Session, colleague_id: int) -> Colleague | None:
        """``session.get(Colleague, colleague_id)``, from the colleagues the import knows."""
        found = self._colleagues.get(colleague_id)
        return found if found is not None else session.get(Colleague, colleague_id)

    # ---------------------------------------------------------- items

    def item_for(self, session: Session, key: str | None) -> WorkItem | None:
        if key is None:
            return None
        item_id = self._existing.get(key)
        if item_id is None:
            return None
        self.touch(session)  # the row updates an existing item
        loaded = self._loaded.get(item_id)
        if loaded is not None:  # (what session.get would return, without its queries)
            return loaded
        return session.get(
            WorkItem,
            item_id,
            options=[selectinload(WorkItem.assignees), selectinload(WorkItem.followers)],
        )

    def new_item(self, session: Session, key: str | None, title: str) -> WorkItem:
        """A new item, not yet in the session: new items are inserted in batches (see add_new).

        It is a :class:`NewRow` standing in for the WorkItem: read and written like one
        (the state machine included), inserted by :meth:`insert_new`.
        """
        new = NewItem(
            item_type=self.item_type,
            title=title,
            source=self.source,
            external_key=key,
            channels=[self.channel.value],
            status=Status.OPEN,
            assignees=[],
            followers=[],
            events=[],
        )
        item = cast(WorkItem, new)
        self.add_new(new)
        if key is None:
            self._no_key += 1
            self._undo.append(self._forget_no_key)
        return item

    def write_item(
        self,
        session: Session,
        existing: WorkItem | None,
        key: str | None,
        *,
        title: str,
        description: str,
        account: Account | None,
        priority: Priority | None,
        category: Category,
        url: str,
        created: When | None,
        due: dt.datetime | None,
        assignees: list[Colleague],
    ) -> WorkItem:
        """The existing item (or a new one) with the fields every tracker gives.

        An empty cell leaves csdesk's value (account, priority, due date); the
        category is only guessed while it is still "General"; the assignees csdesk
        added stay, after the tracker's.
        """
        item = existing if existing is not None else self.new_item(session, key, title)
        put, put_all = (_put, _put_all) if existing is not None else (setattr, setattr)
        put(item, "title", title)
        put(item, "description", description)
        if account is not None:
            put(item, "account", account)
        if priority is not None or existing is None:
            put(item, "priority", priority or Priority.MEDIUM)
        if existing is None or item.category is Category.GENERAL:
            put(item, "category", category)
        if self.channel.value not in (item.channels or []):
            item.channels = [*(item.channels or []), self.channel.value]
        if url:
            put(item, "external_url", url)
        if created is not None:
            put(item, "created_at", created.at)
        elif existing is None:
            item.created_at = self._now
        if due is not None:
            put(item, "due_at", due)
        keep = [c for c in item.assignees if c not in assignees] if existing else []
        put_all(item, "assignees", [*assignees, *keep])
        return item

    def add_new(self, obj: object) -> None:
        """Keep a new item (or an entry that points at one) for the batched insert.

        Flushing each new row on its own costs the unit of work once per row; new
        items and their comments wait until the row succeeded and are then inserted
        ``BATCH`` at a time by :meth:`insert_new` (the last ones in :meth:`finish`) -
        still inside the one transaction, so all-or-nothing holds.
        """
        self._row_new.append(obj)

    def insert_new(self, session: Session) -> None:
        """Insert the new items kept by :meth:`add_new` (and their history, assignees,
        followers and comments) with one executemany per table.

        The rows and values are the ones the ORM's unit of work wrote for the same
        objects (same columns, same defaults, same order, so the same ids), without
        its per-object bookkeeping. Everything they point at (accounts, colleagues)
        was flushed with its row, so it has its id.
        """
        pending, self._pending = self._pending, []
        if not pending:
            return
        session.flush()
        conn = session.connection()
        dialect = conn.dialect
        items = [o for o in pending if isinstance(o, NewItem)]
        ids: dict[int, int] = {}
        if items:
            # The ids SQLite gives rows inserted one after the other (the table has no
            # AUTOINCREMENT: the largest id + 1), given here so no RETURNING is needed.
            bulk = _bulk(WorkItem, dialect)
            last = conn.exec_driver_sql(bulk.max_id).scalar() or 0
            item_ids = range(last + 1, last + 1 + len(items))
            ids = dict(zip(map(id, items), item_ids, strict=True))
            bulk.execute(conn, items, {})
            events = [
                (i, event) for item, i in zip(items, item_ids, strict=True) for event in item.events
            ]
            _bulk(ItemEvent, dialect).execute(
                conn, [e for _, e in events], {"item_id": [i for i, _ in events]}
            )
            for link, attr in ((WorkItemAssignee, "assignees"), (WorkItemFollower, "followers")):
                pairs = [
                    (i, c.id)
                    for item, i in zip(items, item_ids, strict=True)
                    for c in getattr(item, attr)
                ]
                if pairs:
                    name = cast(Table, link.__table__).name
                    conn.exec_driver_sql(
                        f"INSERT INTO {name} (item_id, colleague_id) VALUES (?, ?)", pairs
                    )
        entries = [e for e in pending if isinstance(e, NewEntry)]
        _bulk(CommLogEntry, dialect).execute(
            conn,
            entries,
            {"item_id": [ids[id(e.item)] if e.item is not None else None for e in entries]},
        )
        others = [o for o in pending if not isinstance(o, NewRow)]
        if others:
            session.add_all(others)

    def _forget_no_key(self) -> None:
        self._no_key -= 1

    def set_status(
        self,
        item: WorkItem,
        target: Status,
        when: dt.datetime,
        creating: bool,
        column_for: Callable[[str], str],
        note: str,
    ) -> None:
        """The status through the state machine; its refusal becomes the row's problem."""
        try:
            if creating:
                apply_status(item, target, when, self._actor, note, creating=True)
                return
            old = Status(item.status)
            if old == target:
                return
            try:
                apply_status(item, target, when, self._actor, note)
            except ValidationError:
                # The tracker already made a move csdesk would refuse by hand: record it as
                # it happened, still with the target status's own requirements.
                apply_status(item, target, when, self._actor, note, creating=True)
                event = item.events[-1]
                event.kind, event.from_status = ItemEventKind.STATUS_CHANGE, old
                if target is Status.WAITING_FOR_SUPPORT and old in WAITING_ON_MANAGERS:
                    item.prior_waiting_status = old  # R9
        except ValidationError as exc:
            raise RowProblem(column_for(exc.field), exc.message) from None

    @staticmethod
    def snapshot(item: WorkItem) -> dict[str, Any]:
        return {
            "title": item.title,
            "description": item.description,
            "account": item.account,
            "status": item.status,
            "priority": item.priority,
            "category": item.category,
            "channels": list(item.channels or []),
            "link": item.external_url,
            "account manager": item.account_manager,
            "regional manager": item.regional_manager,
            "created": item.created_at,
            "due date": item.due_at,
            "done": item.done_at,
            "last follow-up": item.last_follow_up_at,
            "assignees": {id(c) for c in item.assignees},
            "followers": {id(c) for c in item.followers},
        }

    def count(
        self,
        item: WorkItem,
        before: dict[str, Any] | None,
        result: ImportResult,
        extra_changes: Sequence[str] = (),
    ) -> None:
        """Count the row as created, updated (with an event naming what changed) or unchanged."""
        if before is None:
            result.created += 1
            return
        after = self.snapshot(item)
        changed = [name for name, value in before.items() if after[name] != value]
        changed.extend(extra_changes)
        if not changed:
            result.skipped += 1
            self._unchanged += 1
            self._undo.append(self._forget_unchanged)
            return
        result.updated += 1
        item.events.append(
            ItemEvent(
                kind=ItemEventKind.UPDATED,
                at=self._now,
                actor=self._actor,
                note=f"Updated from {self.tool}: " + ", ".join(changed) + ".",
            )
        )

    def _forget_unchanged(self) -> None:
        self._unchanged -= 1

    def description(self, text: str, key: str, footer: Sequence[tuple[str, str]]) -> str:
        body = _CONTROL.sub("", text)
        body = body.replace("\r\n", "\n").strip()
        extra = "; ".join([f"{label}: {value}" for label, value in footer if value])
        if extra:
            body = (body + "\n\n" if body else "") + f"From {self.tool}: {extra}."
        if len(body) > MAX_DESCRIPTION:
            body = body[: MAX_DESCRIPTION - 1] + "…"
            self.note(
                f"Descriptions longer than {MAX_DESCRIPTION:,} characters were shortened", key
            )
        return body


def _put(obj: object, name: str, value: Any) -> None:
    """``setattr``, skipped when the attribute already holds the value (or an equal one).

    Assigning an ORM attribute the value it has changes nothing in the database, but
    marks the object modified all the same: the row's flush then works through it only
    to find nothing to write. So a row that leaves an existing item as it was leaves it
    clean, and its flush has nothing to do. (The ORM compares old and new values with
    ``==`` too, so what is written is the same.)
    """
    current = getattr(obj, name)
    if current is not value and current != value:
        setattr(obj, name, value)


def _put_all(obj: object, name: str, values: list[Any]) -> None:
    """:func:`_put` for a collection: set unless it holds the same objects already.

    (The order of a many-to-many collection is not stored: the rows are the pairs.)
    """
    current = getattr(obj, name)
    if len(current) != len(values) or {id(v) for v in current} != {id(v) for v in values}:
        setattr(obj, name, values)


# ------------------------------------------------------------------ bulk insert

# Per model: (column key, attribute, column) for the INSERT, and foreign key -> relationship.
_Plan = tuple[list[tuple[str, str, Column[Any]]], dict[str, tuple[str, str]], frozenset[str]]
_PLANS: dict[type, _Plan] = {}
_UNSET: Any = object()  # an attribute never set
_MEMO_SIZE = 10_000  # stored forms remembered per column (times, enum values)


def _plan(model: type) -> _Plan:
    plan = _PLANS.get(model)
    if plan is None:
        mapper: Mapper[Any] = inspect(model)
        columns = [
            (col.key, mapper.get_property_by_column(col).key, col)
            for col in cast(Table, mapper.local_table).columns
            if not (col.primary_key and col.autoincrement in (True, "auto"))
        ]
        via: dict[str, tuple[str, str]] = {}
        for rel in mapper.relationships:
            if rel.direction is MANYTOONE and rel.secondary is None:
                for local, remote in rel.local_remote_pairs or ():
                    via[str(local.key)] = (rel.key, str(remote.key))
        names = frozenset(mapper.attrs.keys())
        plan = _PLANS[model] = (columns, via, names)
    return plan


def _insert_values(obj: object, model: type, fixed: dict[str, Any]) -> dict[str, Any]:
    """The values the ORM inserts for a new ``model`` object whose attributes are ``obj``'s.

    A set attribute gives its value (a many-to-one relationship the id of the
    object it points at), an unset one the column's default; ``fixed`` overrides.
    (:class:`_BulkInsert` builds the same values for many objects at once.)
    """
    columns, via, _ = _plan(model)
    state = obj.__dict__
    values: dict[str, Any] = {}
    for key, attr, col in columns:
        if key in fixed:
            values[key] = fixed[key]
        elif key in via and state.get(via[key][0]) is not None:
            rel, remote = via[key]
            values[key] = getattr(state[rel], remote)
        elif attr in state:
            values[key] = state[attr]
        else:
            values[key] = _default(col)
    return values


def _default(col: Column[Any]) -> Any:
    """The value the ORM gives a column whose attribute was never set."""
    if col.default is None:
        return None
    default: Any = col.default
    return default.arg(None) if default.is_callable else default.arg


def _memo(convert: Callable[[Any], Any], key: Callable[[Any], Any]) -> Any:
    """``convert`` remembering its answers by ``key(value)`` (not when that is _UNSET)."""
    memo: dict[Any, Any] = {}

    def converted(value: Any) -> Any:
        k = key(value)
        if k is _UNSET:
            return convert(value)
        try:
            return memo[k]
        except KeyError:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            out = memo[k] = convert(value)
            return out

    return converted


def _str_list(value: Any) -> Any:
    """A JSON list of strings by its items (a list is not hashable); anything else not memoised."""
    if type(value) is list:
        if len(value) == 1:  # (the usual one channel, without a generator)
            if type(value[0]) is str:
                return (value[0],)
        elif all(type(v) is str for v in value):
            return tuple(value)
    return _UNSET


class _BulkInsert:
    """``INSERT`` rows of one model with one executemany, the values built column by column.

    Each value is stored as the column type's own bind processor stores it (enums,
    JSON, times as naive UTC), exactly as ``conn.execute(insert(table), rows)`` would,
    without that call's bookkeeping per row and value, which cost more than the insert.
    """

    def __init__(self, model: type, dialect: Any) -> None:
        columns, via, _ = _plan(model)
        self.model = model
        self.table = table = cast(Table, cast(Any, model).__table__)
        quote = dialect.identifier_preparer.quote
        self.sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for _, _, c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        pk = list(table.primary_key.columns)
        # the largest id so far (of a table with one integer id), without a select per batch
        self.max_id = f"SELECT max({quote(pk[0].name)}) FROM {quote(table.name)}"
        # per column: key, attribute, relationship, default, stored form, stored by value
        self.columns: list[tuple[str, str, tuple[str, str] | None, Any, Any, bool]] = []
        for key, attr, col in columns:
            convert = col.type.dialect_impl(dialect).bind_processor(dialect)
            # Times and enums are stored by value alone: two equal times (the same instant)
            # are stored alike, so are a StrEnum member and its string; each distinct value
            # of a batch is converted once.
            by_value = isinstance(col.type, (UTCDateTime, DateTime, Date, Enum))
            if convert is not None and isinstance(col.type, JSON):
                convert = _memo(convert, _str_list)
            default = col.default
            fill = _UNSET if default is not None and default.is_callable else _default(col)
            self.columns.append((key, attr, via.get(key), fill, convert, by_value))

    def rows(self, objects: Sequence[object], fixed: dict[str, list[Any]]) -> list[tuple[Any, ...]]:
        """The rows :func:`_insert_values` gives ``objects`` (``fixed``: a column's values)."""
        states = [o.__dict__ for o in objects]
        n = len(states)
        columns = []
        for key, attr, via, fill, convert, by_value in self.columns:
            values = fixed.get(key)
            if values is None:
                values = list(map(dict.get, states, repeat(attr, n), repeat(fill, n)))
                if via is not None:  # the id of the object a relationship points at wins
                    rel, remote = via
                    related = list(map(dict.get, states, repeat(rel, n)))
                    if related.count(None) < n:
                        values = [
                            v if r is None else getattr(r, remote)
                            for r, v in zip(related, values, strict=True)
                        ]
                if fill is _UNSET and any(map(is_, values, repeat(_UNSET))):
                    # a default made by a function (now, a new list), called once for the batch
                    default = _default(self.table.c[key])
                    values = [default if v is _UNSET else v for v in values]
            if convert is not None:
                if by_value:
                    try:
                        stored = {v: convert(v) for v in set(values)}
                    except TypeError:  # a value that cannot be a key: one by one
                        values = list(map(convert, values))
                    else:
                        values = list(map(stored.__getitem__, values))
                else:
                    values = list(map(convert, values))
            columns.append(values)
        return list(zip(*columns, strict=True))

    def execute(
        self, conn: Connection, objects: Sequence[object], fixed: dict[str, list[Any]]
    ) -> None:
        if not objects:
            return
        if conn.dialect.paramstyle != "qmark":  # pragma: no cover - csdesk runs on SQLite
            conn.execute(
                insert(self.table),
                [
                    _insert_values(o, self.model, {k: v[n] for k, v in fixed.items()})
                    for n, o in enumerate(objects)
                ],
            )
            return
        conn.exec_driver_sql(self.sql, self.rows(objects, fixed))


# per dialect (an engine's: its JSON serializer is its own), per model
_BULK: WeakKeyDictionary[Any, dict[type, _BulkInsert]] = WeakKeyDictionary()


def _bulk(model: type, dialect: Any) -> _BulkInsert:
    inserts = _BULK.setdefault(dialect, {})
    bulk = inserts.get(model)
    if bulk is None:
        bulk = inserts[model] = _BulkInsert(model, dialect)
    return bulk


class NewRow:
    """A new row kept in memory until :meth:`TrackerImporter.insert_new` writes it.

    It stands in for a new object of ``model``: the same attributes, set and read
    the same way (an attribute never set reads None, as on a new ORM object, and is
    written with the column's default), without the ORM's per-attribute bookkeeping,
    which made building 50,000 tickets one by one slow.
    """

    model: ClassVar[type]

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:  # only called for attributes never set
        if name in _plan(self.model)[2]:
            return None
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def values(self, **fixed: Any) -> dict[str, Any]:
        return _insert_values(self, self.model, fixed)


class NewEvent(NewRow):
    """A history entry of a :class:`NewItem` (the state machine makes them, see event_type)."""

    model = ItemEvent


class NewItem(NewRow):
    model = WorkItem
    event_type = NewEvent  # what apply_status records the item's history with


class NewEntry(NewRow):
    model = CommLogEntry


# ------------------------------------------------------------------ Jira

JIRA_STATUSES: dict[str, Status] = {
    "open": Status.OPEN,
    "new": Status.OPEN,
    "to do": Status.OPEN,
    "reopened": Status.OPEN,
    "backlog": Status.OPEN,
    "in progress": Status.IN_PROGRESS,
    "work in progress": Status.IN_PROGRESS,
    "waiting for support": Status.WAITING_FOR_SUPPORT,
    "waiting for customer": Status.WAITING_FOR_CUSTOMER,
    "waiting for account manager": Status.WAITING_FOR_ACCOUNT_MANAGER,
    "waiting for management": Status.WAITING_FOR_MANAGEMENT,
    "resolved": Status.DONE,
    "closed": Status.DONE,
    "done": Status.DONE,
    "canceled": Status.CANCELLED,
    "cancelled": Status.CANCELLED,
    "declined": Status.CANCELLED,
}
# A closed ticket with one of these resolutions was not done but dropped.
CANCEL_RESOLUTIONS = frozenset(
    {"won't do", "won't fix", "declined", "duplicate", "cancelled", "canceled", "withdrawn"}
)
JIRA_PRIORITIES: dict[str, Priority] = {
    "highest": Priority.HIGHEST,
    "critical": Priority.HIGHEST,
    "blocker": Priority.HIGHEST,
    "urgent": Priority.HIGHEST,
    "p1": Priority.HIGHEST,
    "high": Priority.HIGH,
    "major": Priority.HIGH,
    "p2": Priority.HIGH,
    "medium": Priority.MEDIUM,
    "normal": Priority.MEDIUM,
    "p3": Priority.MEDIUM,
    "low": Priority.LOW,
    "minor": Priority.LOW,
    "p4": Priority.LOW,
    "lowest": Priority.LOWEST,
    "trivial": Priority.LOWEST,
    "p5": Priority.LOWEST,
}


@register
class JiraTickets(TrackerImporter):
    """Jira Service Desk tickets (``kind="tickets"``, ``format="jira"``).

    ``base_url`` (optional), e.g. ``https://example.atlassian.net``, makes each ticket
    link to ``<base_url>/browse/<KEY>``.
    """

    kind = "tickets"
    format = "jira"
    label = "Jira Service Desk (CSV export)"
    source = "jira"
    tool = "Jira"
    noun = "ticket"
    item_type = ItemType.TICKET
    channel = Channel.TICKET
    date_examples = "20/Nov/26 2:15 PM, 20/Nov/26 14:15 or 2026-11-20 14:15"
    key_field = "key"
    fields = (
        FieldSpec("summary", "Summary", required=True),
        FieldSpec("key", "Issue key", required=True, aliases=("Key", "Issue-key")),
        FieldSpec("issue_id", "Issue id"),
        FieldSpec("status", "Status"),
        FieldSpec("resolution", "Resolution"),
        FieldSpec("priority", "Priority"),
        FieldSpec("created", "Created"),
        FieldSpec("updated", "Updated"),
        FieldSpec("resolved", "Resolved", aliases=("Resolution date", "Resolutiondate")),
        FieldSpec("due", "Due date", aliases=("Due", "Duedate")),
        FieldSpec("description", "Description"),
        FieldSpec("assignee", "Assignee"),
        FieldSpec("assignee_id", "Assignee Id"),
        FieldSpec("reporter", "Reporter"),
        FieldSpec("reporter_id", "Reporter Id"),
        FieldSpec("watchers", "Watchers", multi=True, aliases=("Watcher",)),
        FieldSpec("watcher_ids", "Watchers Id", multi=True, aliases=("Watcher Id",)),
        FieldSpec("comments", "Comment", multi=True, aliases=("Comments",)),
        FieldSpec("labels", "Labels", multi=True, aliases=("Label",)),
        FieldSpec("components", "Component/s", multi=True, aliases=("Components", "Component")),
        FieldSpec(
            "organizations",
            "Organizations",
            multi=True,
            aliases=(
                "Custom field (Organizations)",
                "Custom field (Organization)",
                "Organization",
                "Organisations",
                "Organisation",
            ),
        ),
        FieldSpec(
            "account_manager", "Account Manager", aliases=("Custom field (Account Manager)",)
        ),
        FieldSpec(
            "regional_manager", "Regional Manager", aliases=("Custom field (Regional Manager)",)
        ),
        FieldSpec(
            "request_type",
            "Request Type",
            aliases=(
                "Custom field (Request Type)",
                "Customer Request Type",
                "Custom field (Customer Request Type)",
            ),
        ),
    )

    def __init__(self, timezone: str = "UTC", base_url: str = "", date_order: str = "DMY") -> None:
        super().__init__(timezone, date_order)
        self.base_url = base_url

    def begin(self, session: Session, result: ImportResult) -> None:
        self._r6: dict[int, tuple[int | None, str] | ValidationError] = {}
        base = self.base_url.strip().rstrip("/")
        if base and not base.lower().startswith(("http://", "https://")):
            raise KnownError(
                f"The Jira address must start with https:// (for example "
                f"https://example.atlassian.net), not “{self.base_url}”."
            )
        if base and not base.lower().endswith("/browse"):
            base += "/browse"
        self._browse = base
        # The (occurred_at, summary) of the ticket comments of the items in ``_loaded``
        self._item_comments: dict[int, set[tuple[dt.datetime, str]]] = {}
        super().begin(session, result)

    def upcoming_items(self, session: Session, ids: Sequence[int]) -> None:
        """Their ticket comments, in one query (see :meth:`_comments`)."""
        comments: dict[int, set[tuple[dt.datetime, str]]] = {item_id: set() for item_id in ids}
        for item_id, at, summary in session.execute(
            select(CommLogEntry.item_id, CommLogEntry.occurred_at, CommLogEntry.summary).where(
                CommLogEntry.item_id.in_(ids),
                CommLogEntry.channel == Channel.TICKET_COMMENT,
            )
        ):
            comments[cast(int, item_id)].add((at, summary))  # (item_id IN ids: not None)
        self._item_comments = comments

    # ---------------------------------------------------------- one row

    def apply_item(self, session: Session, row: RowView, result: ImportResult) -> None:
        cells = self.cells(row)
        one, many = cells.read(row.cells)
        col = cells.columns.__getitem__
        key = self.check_key(one["key"], col("key"), row.number, "issue key")
        if key is None:
            raise RowProblem(col("key"), "The issue key is empty; every Jira ticket has one.")
        title = self.check_title(one["summary"], "summary", col("summary"), "Summary")
        target = self._status(one["status"], one["resolution"], col("status"))
        priority = self._priority(one["priority"], col("priority"))
        created = self.when_of(one["created"], col("created"))
        updated = self.when_of(one["updated"], col("updated"))
        resolved = self.when_of(one["resolved"], col("resolved"))
        due = self.due_of(one["due"], col("due"))
        stamp = updated or created
        when = stamp.at if stamp is not None else self._now

        existing = self.item_for(session, key)
        before = self.snapshot(existing) if existing is not None else None

        # people
        watchers = many["watchers"]
        watcher_names = list(dict.fromkeys(watchers))
        am_name, rm_name = one["account_manager"], one["regional_manager"]
        am = (
            self.manager(session, am_name, Role.ACCOUNT_MANAGER, col("account_manager"), key)
            if am_name
            else None
        )
        rm = (
            self.manager(session, rm_name, Role.REGIONAL_MANAGER, col("regional_manager"), key)
            if rm_name
            else None
        )
        followers: list[Colleague] = []
        for name in watcher_names:
            found = self.person(name, col("watchers"))
            if found is None:
                self.note(
                    f"Watcher “{name}” is not in the Directory, so they were not made a follower",
                    key,
                )
            else:
                followers.append(found)
        if am is not None and (
            am in followers or self.norm(am_name) in {self.norm(n) for n in watcher_names}
        ):
            if target in WAITING_ON_MANAGERS:
                followers = [c for c in followers if c is not am]
                self.note(
                    "The account manager is also a watcher, but the ticket waits on them or "
                    "on management, which needs the Account Manager field: the AM stays in "
                    "that field and is not a follower (R7)",
                    key,
                )
            else:
                self.note(
                    "The account manager is a watcher of the ticket, so the Account Manager "
                    "field was left empty (seed 003: an AM added as a watcher is not put in "
                    "the AM field; R7)",
                    key,
                )
                am = None
        assignee = one["assignee"]
        assignees = self.assignees([assignee] if assignee else [], col("assignee"), key)

        # R6: the AM is also the RM -> the escalation fallback takes the RM field.
        rm_id: int | None = rm.id if rm is not None else None
        if am is not None and rm is not None:
            try:
                rm_id, sentence = self._resolve_rm(session, am.id, rm.id)
            except ValidationError as exc:
                raise RowProblem(col("regional_manager"), exc.message) from None
            if sentence:
                self.note(sentence.rstrip("."), key)

        # organisation -> account
        orgs = many["organizations"]
        account = None
        if orgs:
            names = orgs
            if len(orgs) == 1 and "," in orgs[0] and not self._accounts.get(self.norm(orgs[0])):
                # "Northwind Health, St. Brigid's Hospital" - but "Acme, Inc." is one name
                parts = [n.strip() for n in orgs[0].split(",") if n.strip()]
                if all(self._accounts.get(self.norm(n)) for n in parts):
                    names = parts
            account = self.account(session, names[0], col("organizations"), key)
            if len(names) > 1:
                self.note("The ticket has several organisations; it was filed under the first", key)

        labels, components = many["labels"], many["components"]
        request_type, reporter = one["request_type"], one["reporter"]
        description = self.description(
            one["description"],
            key,
            [
                ("request type", request_type),
                ("reporter", reporter),
                ("labels", ", ".join(labels)),
                ("components", ", ".join(components)),
            ],
        )

        # write
        item = self.write_item(
            session,
            existing,
            key,
            title=title,
            description=description,
            account=account,
            priority=priority,
            category=self.category([*labels, *components, request_type]),
            url=f"{self._browse}/{key}" if self._browse else "",
            created=created,
            due=due,
            assignees=assignees,
        )
        # both the relationship (for the snapshot) and the id (the state machine reads it)
        put, put_all = (_put, _put_all) if existing is not None else (setattr, setattr)
        put(item, "account_manager", am)
        put(item, "account_manager_id", am.id if am is not None else None)
        put(item, "regional_manager", self.colleague(session, rm_id) if rm_id is not None else None)
        put(item, "regional_manager_id", rm_id)
        old_followers = list(item.followers) if existing else []
        put_all(
            item,
            "followers",
            [
                c
                for c in dict.fromkeys([*followers, *old_followers])
                if c is not item.account_manager
            ],
        )

        def column_for(field: str) -> str:
            if field in {"account_manager", "regional_manager"} and row.mapping.get(field):
                return col(field)
            return col("status")

        # The item's history is read (to add to it) only if the row changes the status or
        # the item: the only query in there, which needs none of the row's changes written
        # first - they are, once, at the end of the row.
        with session.no_autoflush:
            self.set_status(
                item,
                target,
                when,
                creating=existing is None,
                column_for=column_for,
                note=f"Imported from Jira ({key})"
                if existing is None
                else "Status changed in Jira",
            )
        if item.status in CLOSED_STATUSES and resolved is not None:
            put(item, "done_at", resolved.at)
        added = self._comments(session, one, many, col("comments"), item, existing is not None)
        with session.no_autoflush:
            self.count(item, before, result, [f"{added} comment(s)"] if added else [])

    def _resolve_rm(self, session: Session, am_id: int, rm_id: int) -> tuple[int | None, str]:
        """R6 through the state machine, asked once per AM who is also the RM.

        The answer depends on the AM's name and on who has the escalation fallback
        role, which an import never changes (it only gives AM and RM roles).
        """
        if am_id != rm_id:
            return rm_id, ""
        answer = self._r6.get(am_id)
        if answer is None:
            try:
                answer = resolve_regional_manager(session, am_id, rm_id)
            except ValidationError as exc:
                answer = exc
            self._r6[am_id] = answer
        if isinstance(answer, ValidationError):
            raise ValidationError(answer.message, answer.field)
        return answer

    def _direction(
        self, author: str, text: str, reporter: str, assignee: str, watchers: Collection[str]
    ) -> Direction:
        """A guess at who a comment was for, from who wrote it.

        The reporter wrote to us (inbound). I, my CSS, support or the assignee wrote to
        the customer (outbound) - unless the comment tags someone (``[~accountid:...]``),
        which is how seed 003 asks the AM, in an internal comment. Other colleagues (the
        AM, the RM, watchers) and unknown Atlassian accounts of licensed users are
        internal; anyone else (a portal customer, ``qm:...``) wrote to us. ``watchers``
        are the watchers' names as :meth:`norm` gives them.
        """
        norm = self.norm
        who = norm(author)
        if reporter and who == norm(reporter):
            return Direction.INBOUND
        # (``who in self._our_names``: one of ``self._people[who]`` is ours)
        if (assignee and who == norm(assignee)) or who in self._our_names:
            return Direction.INTERNAL if "[~" in text else Direction.OUTBOUND
        if self._people.get(who) or who in watchers:
            return Direction.INTERNAL
        if _AGENT_ID.match(author):
            return Direction.INTERNAL
        return Direction.INBOUND

    def _status(self, text: str, resolution: str, column: str) -> Status:
        if not text:
            return Status.OPEN
        status = JIRA_STATUSES.get(" ".join(text.casefold().split()))
        if status is None:
            known = "Open, In Progress, Waiting for support, Waiting for customer, Waiting for "
            known += "Account Manager, Waiting for Management, Resolved, Closed, Done, Canceled, Declined"
            raise RowProblem(
                column,
                f"csdesk does not know the Jira status “{text}”. It knows: {known}.",
            )
        if status is Status.DONE and resolution.casefold().replace("’", "'") in CANCEL_RESOLUTIONS:
            return Status.CANCELLED
        return status

    def _priority(self, text: str, column: str) -> Priority | None:
        if not text:
            return None
        label = text.strip().casefold()
        priority = JIRA_PRIORITIES.get(label)
        if priority is None:  # "P1 - Critical", "Medium (P3)"
            for word in re.split(r"[^0-9a-z]+", label):
                if word in JIRA_PRIORITIES:
                    priority = JIRA_PRIORITIES[word]
                    break
        if priority is None:
            raise RowProblem(
                column,
                f"csdesk does not know the priority “{text}” (Highest, High, Medium, Low, "
                "Lowest, or P1 to P5).",
            )
        return priority

    def _comments(
        self,
        session: Session,
        one: dict[str, str],
        many: dict[str, list[str]],
        column: str,
        item: WorkItem,
        existing: bool,
    ) -> int:
        """Jira comments (``date;author;text``) as communication-log entries, each once."""
        raw_comments = many["comments"]
        if not raw_comments:
            return 0
        assignee, reporter = one["assignee"], one["reporter"]
        names: dict[str, str] = {}
        for id_field, name in (("reporter_id", reporter), ("assignee_id", assignee)):
            if one[id_field] and name:
                names[one[id_field]] = name
        watcher_ids, watchers = many["watcher_ids"], many["watchers"]
        if len(watcher_ids) == len(watchers):
            names.update(zip(watcher_ids, watchers, strict=True))
        seen: set[tuple[dt.datetime, str]] = set()
        known = self._item_comments.get(item.id) if existing else None
        if known is not None:
            seen.update(known)
        elif existing:
            seen.update(
                session.execute(
                    select(CommLogEntry.occurred_at, CommLogEntry.summary).where(
                        CommLogEntry.item_id == item.id,
                        CommLogEntry.channel == Channel.TICKET_COMMENT,
                    )
                )
            )
        added = 0
        latest_out: dt.datetime | None = None
        norm = self.norm
        watcher_names = {norm(w) for w in watchers}
        account, now, counterpart = item.account, self._now, self._counterpart
        for raw in raw_comments:
            parts = raw.split(";", 2)
            if len(parts) < 3:
                raise RowProblem(
                    column,
                    f"A comment should read “date;author;text” as Jira exports it, not "
                    f"“{short(raw)}”.",
                )
            try:
                at = self.parse_date(parts[0]).at
            except ValueError as exc:
                raise RowProblem(column, f"The date of a comment: {exc}") from None
            author_id = parts[1].strip()
            text = parts[2].strip()
            if not text:
                continue
            author = names.get(author_id, author_id)
            direction = self._direction(author, text, reporter, assignee, watcher_names)
            if direction is Direction.OUTBOUND:
                latest_out = max(latest_out or at, at)
            if (at, text) in seen:
                continue
            seen.add((at, text))
            values = {
                "item": item,
                "account": account,
                "channel": Channel.TICKET_COMMENT,
                "direction": direction,
                "counterpart": counterpart(author),
                "summary": text,
                "occurred_at": at,
                "created_at": now,
            }
            if existing:
                session.add(CommLogEntry(**values))
            else:
                self.add_new(NewEntry(**values))
            added += 1
        if known is not None and added:
            # what the query would give the next row of this item (this one's are flushed
            # with it), unless this row fails
            item_id, comments = item.id, self._item_comments
            comments[item_id] = seen
            self._undo.append(lambda: comments.__setitem__(item_id, known))
        if latest_out is not None and (
            item.last_follow_up_at is None or latest_out > item.last_follow_up_at
        ):
            item.last_follow_up_at = latest_out
        return added
