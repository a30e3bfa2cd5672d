"""Exports (SPEC "Data"): accounts, tasks, the communication log and the directory.

``csdesk export {accounts,tasks,log,directory} --format csv|json -o FILE`` and the
GUI both call :data:`EXPORTS`; each export returns the number of records written.

Formats, decided once for every export:

* **CSV** — UTF-8 *with* a byte-order mark, so that Excel (which otherwise reads
  CSV in the Windows code page) shows accents and non-Latin names correctly;
  every other tool (LibreOffice, Google Sheets, Python's ``utf-8-sig``) skips
  it. Rows end in CRLF (RFC 4180); a header row gives the field names. Lists
  (assignees, products...) are joined with "; ". Every cell goes through
  :func:`neutralise` so that a spreadsheet never executes it.
* **JSON** — UTF-8 (no BOM, ``ensure_ascii=False``), one object:
  ``{"<kind>": [records...], "count": n, "exported_at": ISO, "account": name|null,
  "since": ISO date|null}``, where ``<kind>`` is the export's name ("accounts",
  "tasks", "log", "directory"). Records keep their JSON types: numbers, lists,
  ``null`` for nothing.
* **vCard** (directory only) — vCard 3.0 (RFC 2426), one card per colleague.

In both CSV and JSON, enumerations are written as their stable codes
(``waiting_for_account_manager``, ``at_risk``, ``team_lead``), moments as ISO
8601 in UTC with the offset (``2026-05-04T09:00:00+00:00``) and calendar days as
``YYYY-MM-DD``.

Filters: ``account`` (a name, case-insensitive, exact) narrows accounts (with
its franchise children), tasks and the log; ``since`` (a calendar day, local
time) narrows tasks (created or updated since) and the log (occurred since).
The directory ignores both, and accounts ignore ``since``.

Files are written atomically (:func:`write_atomically`): an export that fails
leaves no partial file and the previous file, if any, unchanged.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from csdesk.core.commlog import LogFilter, LogRow, list_entries, local_day_start
from csdesk.core.db import Database
from csdesk.core.enums import Role
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.models import (
    Account,
    AccountProduct,
    Colleague,
    Department,
    DepartmentContact,
    WorkItem,
    utcnow,
)

Record = dict[str, Any]

ACCOUNT_FIELDS = (
    "name", "external_id", "parent", "paid_seats", "lifecycle_stage", "health",
    "renewal_date", "account_manager", "regional_manager", "products_bought",
    "products_used", "adoption_percent", "primary_admin", "primary_admin_email", "notes",
)  # fmt: skip
TASK_FIELDS = (
    "key", "id", "type", "title", "account", "status", "priority", "category", "channels",
    "due", "created", "done", "assignees", "followers", "external_url", "account_manager",
    "regional_manager",
)  # fmt: skip
LOG_FIELDS = (
    "occurred_at", "channel", "direction", "account", "counterpart", "summary", "item",
)  # fmt: skip
DIRECTORY_FIELDS = (
    "department", "name", "email", "phone", "title", "roles", "routing_note", "primary",
)  # fmt: skip

LIST_SEPARATOR = "; "


class ExportError(KnownError):
    title = "The export could not be saved"


# ------------------------------------------------------------------ writing


def _folder_message(path: Path, exc: OSError) -> str:
    folder = path.parent.resolve()
    unchanged = " Nothing was written; an earlier file of that name is unchanged."
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        why = f"The disk holding the folder {folder} is full. Free some space or choose another folder."
    elif code in (errno.EACCES, errno.EPERM):
        why = f"csdesk is not allowed to write in the folder {folder}. Choose another folder."
    elif code == errno.EROFS:
        why = f"The folder {folder} is on a read-only disk. Choose another folder."
    elif code == errno.ENOENT:
        why = f"The folder {folder} does not exist. Create it or choose another folder."
    elif code == errno.EISDIR:
        why = f"{path} is a folder. Choose a file name inside it."
    else:
        why = f"The file could not be saved in the folder {folder} ({exc.strerror or exc})."
    return why + unchanged


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once or not at all.

    The bytes go to a temporary file in the same folder, are flushed to disk,
    then the file is renamed over ``path`` (``os.replace``, atomic on one file
    system). An existing file keeps its permissions; a new one gets 0644. On an
    OS error (disk full, no permission, read-only disk...) the temporary file is
    removed and an :class:`ExportError` (a KnownError) explains it in plain words.
    """
    path = Path(path)
    folder = path.parent
    tmp: str | None = None
    try:
        mode = path.stat().st_mode & 0o7777 if path.is_file() else 0o644
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise ExportError(_folder_message(path, exc)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX); best effort
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


# ------------------------------------------------------------------ CSV / JSON

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Make a CSV cell inert: a cell a spreadsheet would execute gets a leading ``'``.

    Cells starting with ``=``, ``+``, ``-``, ``@``, tab or CR are formulas (or
    become one) in Excel, LibreOffice and Google Sheets. The check also looks
    past leading spaces, because LibreOffice's "trim spaces" import option and
    Google Sheets strip them and would then execute ``"  =cmd"``. The price is
    that a cell such as ``-5`` or ``+1 555`` is shown with the apostrophe, which
    Excel hides and which keeps a phone number from being read as a number.
    """
    if value.lstrip(" \u00a0").startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    return str(value)


def to_csv(records: Sequence[Record], fields: Sequence[str]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(fields)
    for rec in records:
        writer.writerow([neutralise(_cell(rec[name])) for name in fields])
    return out.getvalue().encode("utf-8-sig")


def to_json(
    kind: str, records: Sequence[Record], account: str | None, since: dt.date | None
) -> bytes:
    doc = {
        kind: list(records),
        "count": len(records),
        "exported_at": _moment(utcnow()),
        "account": account,
        "since": since.isoformat() if since else None,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _moment(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds") if value else None


def _check_format(kind: str, fmt: str) -> str:
    clean = (fmt or "").strip().lower().lstrip(".")
    if clean not in FORMATS[kind]:
        allowed = ", ".join(FORMATS[kind])
        raise ValidationError(
            f"The {kind} export can be written as {allowed}; “{fmt}” is not one of them.",
            "format",
        )
    return clean


def _write(
    kind: str,
    path: Path,
    fmt: str,
    records: Sequence[Record],
    fields: Sequence[str],
    account: str | None,
    since: dt.date | None,
) -> int:
    data = to_csv(records, fields) if fmt == "csv" else to_json(kind, records, account, since)
    write_atomically(path, data)
    return len(records)


# ------------------------------------------------------------------ filters


def _account_ids(db: Database, name: str, with_children: bool = False) -> set[int]:
    """Ids of the accounts called ``name`` (case-insensitive, exact), or ValidationError."""
    wanted = name.strip().casefold()
    with db.session() as s:
        rows = s.execute(select(Account.id, Account.name, Account.parent_id)).all()
    ids = {i for i, n, _ in rows if n.strip().casefold() == wanted}
    if not ids:
        raise ValidationError(f"There is no account called “{name.strip()}”.", "account")
    if with_children:  # franchise children, grandchildren...
        frontier = set(ids)
        while frontier:
            frontier = {i for i, _, parent in rows if parent in frontier} - ids
            ids |= frontier
    return ids


# ------------------------------------------------------------------ accounts


def account_records(db: Database, account: str | None = None) -> list[Record]:
    ids = _account_ids(db, account, with_children=True) if account else None
    q = select(Account).options(
        selectinload(Account.parent),
        selectinload(Account.account_manager),
        selectinload(Account.regional_manager),
        selectinload(Account.admins),
        selectinload(Account.products).selectinload(AccountProduct.product),
    )
    if ids is not None:
        q = q.where(Account.id.in_(sorted(ids)))
    records: list[Record] = []
    with db.session() as s:
        accounts = sorted(s.scalars(q), key=lambda a: (a.name.casefold(), a.id))
        for a in accounts:
            bought = sorted((p.product.name for p in a.products if p.bought), key=str.casefold)
            used = sorted(
                (p.product.name for p in a.products if p.bought and p.in_use), key=str.casefold
            )
            primary = next((ad for ad in a.admins if ad.is_primary), None)
            records.append(
                {
                    "name": a.name,
                    "external_id": a.external_id or "",
                    "parent": a.parent.name if a.parent else "",
                    "paid_seats": a.paid_seats,
                    "lifecycle_stage": str(a.lifecycle_stage.value),
                    "health": str(a.health.value),
                    "renewal_date": a.renewal_date.isoformat() if a.renewal_date else None,
                    "account_manager": a.account_manager.name if a.account_manager else "",
                    "regional_manager": a.regional_manager.name if a.regional_manager else "",
                    "products_bought": bought,
                    "products_used": used,
                    "adoption_percent": round(100 * len(used) / len(bought)) if bought else None,
                    "primary_admin": primary.name if primary else "",
                    "primary_admin_email": primary.email if primary else "",
                    "notes": a.notes,
                }
            )
    return records


def export_accounts(
    db: Database, path: Path, fmt: str, account: str | None = None, since: dt.date | None = None
) -> int:
    """The portfolio, one record per account (``since`` does not apply)."""
    fmt = _check_format("accounts", fmt)
    records = account_records(db, account)
    return _write("accounts", path, fmt, records, ACCOUNT_FIELDS, account, None)


# ------------------------------------------------------------------ tasks


def task_records(
    db: Database, account: str | None = None, since: dt.date | None = None
) -> list[Record]:
    ids = _account_ids(db, account) if account else None
    q = (
        select(WorkItem)
        .options(
            selectinload(WorkItem.account),
            selectinload(WorkItem.assignees),
            selectinload(WorkItem.followers),
            selectinload(WorkItem.account_manager),
            selectinload(WorkItem.regional_manager),
        )
        .order_by(WorkItem.id)
    )
    if ids is not None:
        q = q.where(WorkItem.account_id.in_(sorted(ids)))
    if since is not None:
        start = local_day_start(since)
        q = q.where(or_(WorkItem.created_at >= start, WorkItem.updated_at >= start))
    with db.session() as s:
        return [
            {
                "key": it.external_key or f"#{it.id}",
                "id": it.id,
                "type": str(it.item_type.value),
                "title": it.title,
                "account": it.account.name if it.account else "",
                "status": str(it.status.value),
                "priority": str(it.priority.value),
                "category": str(it.category.value),
                "channels": list(it.channels or []),
                "due": _moment(it.due_at),
                "created": _moment(it.created_at),
                "done": _moment(it.done_at),
                "assignees": [c.name for c in it.assignees],
                "followers": [c.name for c in it.followers],
                "external_url": it.external_url,
                "account_manager": it.account_manager.name if it.account_manager else "",
                "regional_manager": it.regional_manager.name if it.regional_manager else "",
            }
            for it in s.scalars(q)
        ]


def export_tasks(
    db: Database, path: Path, fmt: str, account: str | None = None, since: dt.date | None = None
) -> int:
    """Tasks and tickets, one record per item, oldest first."""
    fmt = _check_format("tasks", fmt)
    records = task_records(db, account, since)
    return _write("tasks", path, fmt, records, TASK_FIELDS, account, since)


# ------------------------------------------------------------------ log


def _log_record(r: LogRow) -> Record:
    return {
        "occurred_at": _moment(r.occurred_at),
        "channel": str(r.channel.value),
        "direction": str(r.direction.value),
        "account": r.account,
        "counterpart": r.counterpart,
        "summary": r.summary,
        "item": r.item_text,
    }


def log_records(
    db: Database, account: str | None = None, since: dt.date | None = None
) -> list[Record]:
    if account:
        rows: list[LogRow] = []
        for aid in _account_ids(db, account):
            rows += list_entries(db, LogFilter(account_id=aid, since=since))
    else:
        rows = list_entries(db, LogFilter(since=since))
    rows.sort(key=lambda r: (r.occurred_at, r.id))  # a proof reads in order: oldest first
    return [_log_record(r) for r in rows]


def export_log(
    db: Database, path: Path, fmt: str, account: str | None = None, since: dt.date | None = None
) -> int:
    """The communication log (R12), oldest first: the proof for an account and a period."""
    fmt = _check_format("log", fmt)
    records = log_records(db, account, since)
    return _write("log", path, fmt, records, LOG_FIELDS, account, since)


# ------------------------------------------------------------------ directory


def directory_records(db: Database) -> list[Record]:
    """One record per colleague, with the department contact's routing note and primary flag.

    ``department`` is the colleague's department, or else the first department
    they are a contact of. ``routing_note`` is their note as a contact of that
    department; notes for other departments follow as "Department: note".
    ``primary`` says whether they are the primary contact of ``department``.
    """
    with db.session() as s:
        people = list(
            s.scalars(
                select(Colleague).options(
                    selectinload(Colleague.roles), selectinload(Colleague.department)
                )
            )
        )
        links = s.execute(
            select(DepartmentContact, Department.name)
            .join(Department, Department.id == DepartmentContact.department_id)
            .order_by(
                DepartmentContact.is_primary.desc(), Department.name, DepartmentContact.position
            )
        ).all()
        by_person: dict[int, list[tuple[DepartmentContact, str]]] = {}
        for link, dept in links:
            by_person.setdefault(link.colleague_id, []).append((link, dept))
        records: list[Record] = []
        for c in people:
            mine = by_person.get(c.id, [])
            dept = c.department.name if c.department else (mine[0][1] if mine else "")
            notes: list[str] = []
            primary = False
            for link, name in mine:
                if name == dept:
                    primary = link.is_primary
                    if link.routing_note:
                        notes.insert(0, link.routing_note)
                elif link.routing_note:
                    notes.append(f"{name}: {link.routing_note}")
            records.append(
                {
                    "department": dept,
                    "name": c.name,
                    "email": c.email,
                    "phone": c.phone,
                    "title": c.title,
                    "roles": [str(r.value) for r in sorted(c.role_set, key=list(Role).index)],
                    "routing_note": LIST_SEPARATOR.join(notes),
                    "primary": primary,
                }
            )
    records.sort(
        key=lambda r: (
            r["department"] == "",
            r["department"].casefold(),
            not r["primary"],
            r["name"].casefold(),
        )
    )
    return records


def _vcard_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets (RFC 2426 / 6350), never inside a UTF-8 character."""
    raw = line.encode("utf-8")
    parts: list[bytes] = []
    width = limit
    while len(raw) > width:
        cut = width
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # a continuation byte: back up
            cut -= 1
        parts.append(raw[:cut])
        raw = raw[cut:]
        width = limit - 1  # continuation lines start with a space
    parts.append(raw)
    return "\r\n ".join(p.decode("utf-8") for p in parts)


def _vcard(rec: Record) -> str:
    name: str = rec["name"]
    given, _, family = name.rpartition(" ")
    if not given:  # one word: all of it is the family name
        given, family = "", name
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_escape(name)}",
        f"N:{_vcard_escape(family)};{_vcard_escape(given)};;;",
    ]
    if rec["email"]:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(rec['email'])}")
    if rec["phone"]:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(rec['phone'])}")
    if rec["department"]:
        lines.append(f"ORG:{_vcard_escape(rec['department'])}")
    if rec["title"]:
        lines.append(f"TITLE:{_vcard_escape(rec['title'])}")
    if rec["roles"]:
        labels = ", ".join(Role(r).label for r in rec["roles"])
        lines.append(f"NOTE:{_vcard_escape(labels)}")
    lines.append("END:VCARD")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def to_vcards(records: Iterable[Record]) -> bytes:
    return "".join(_vcard(r) for r in records).encode("utf-8")


def export_directory(
    db: Database, path: Path, fmt: str, account: str | None = None, since: dt.date | None = None
) -> int:
    """The internal directory; ``vcf`` gives one vCard per colleague for an address book.

    ``account`` and ``since`` do not apply to the directory.
    """
    fmt = _check_format("directory", fmt)
    records = directory_records(db)
    if fmt == "vcf":
        write_atomically(path, to_vcards(records))
        return len(records)
    return _write("directory", path, fmt, records, DIRECTORY_FIELDS, None, None)


# ------------------------------------------------------------------ registry


class Exporter(Protocol):
    def __call__(
        self,
        db: Database,
        path: Path,
        fmt: str,
        account: str | None = None,
        since: dt.date | None = None,
    ) -> int: ...


EXPORTS: dict[str, Exporter] = {
    "accounts": export_accounts,
    "tasks": export_tasks,
    "log": export_log,
    "directory": export_directory,
}

FORMATS: dict[str, tuple[str, ...]] = {
    "accounts": ("csv", "json"),
    "tasks": ("csv", "json"),
    "log": ("csv", "json"),
    "directory": ("csv", "json", "vcf"),
}
