"""Tasks and tickets: one model, the rules that are absolute (R2: never unassigned)."""

from __future__ import annotations

import datetime as dt
import re
import string
import weakref
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, Select, delete, event, or_, select
from sqlalchemy.orm import selectinload

from csdesk.core.business_time import BusinessCalendar
from csdesk.core.db import Database
from csdesk.core.enums import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Category,
    Channel,
    ItemEventKind,
    ItemType,
    Priority,
    Role,
    Status,
)
from csdesk.core.errors import NotFoundError, ValidationError
from csdesk.core.models import (
    Account,
    Colleague,
    ColleagueRole,
    DepartmentContact,
    ItemEvent,
    Product,
    TaskKind,
    WorkItem,
    WorkItemAssignee,
    utcnow,
)
from csdesk.core.validation import clean_text
from csdesk.core.workflow import apply_status, resolve_regional_manager

DEFAULT_DUE_HOURS = 48  # R3
STALE_AFTER_DAYS = 2  # R4: "every 48 hours", counted as two working days


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    item_type: ItemType
    title: str
    account: str
    status: Status
    priority: Priority
    category: Category
    due_at: dt.datetime | None
    last_touch: dt.datetime
    external_key: str
    assignees: str
    external_url: str = ""

    def is_overdue(self, now: dt.datetime) -> bool:
        return self.status not in CLOSED_STATUSES and self.due_at is not None and self.due_at < now

    def is_stale(
        self,
        now: dt.datetime,
        calendar: BusinessCalendar | None = None,
        after_days: int = STALE_AFTER_DAYS,
    ) -> bool:
        """R4: an open ticket not followed up for ``after_days`` working days (business time)."""
        if self.item_type is not ItemType.TICKET or self.status in CLOSED_STATUSES:
            return False
        cal = calendar or BusinessCalendar()
        return (
            cal.business_minutes_between(self.last_touch, now) > after_days * cal.minutes_per_day()
        )


@dataclass
class ItemInput:
    title: str
    item_type: ItemType = ItemType.TASK
    description: str = ""
    account_id: int | None = None
    department_id: int | None = None
    kind_id: int | None = None
    status: Status = Status.OPEN
    priority: Priority = Priority.MEDIUM
    category: Category = Category.GENERAL
    channels: list[Channel] = field(default_factory=list)
    external_url: str = ""
    external_key: str = ""
    assignee_ids: list[int] = field(default_factory=list)
    follower_ids: list[int] = field(default_factory=list)
    account_manager_id: int | None = None
    regional_manager_id: int | None = None
    due_at: dt.datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class KindRow:
    id: int
    name: str
    default_due_hours: int


def list_kinds(db: Database) -> list[KindRow]:
    with db.session() as s:
        return [
            KindRow(k.id, k.name, k.default_due_hours)
            for k in s.scalars(select(TaskKind).order_by(TaskKind.name))
        ]


def default_due(db: Database, kind_id: int | None, now: dt.datetime | None = None) -> dt.datetime:
    """R3: 48 hours ahead, or the kind's own duration."""
    hours = DEFAULT_DUE_HOURS
    if kind_id is not None:
        with db.session() as s:
            hours = (
                s.scalar(select(TaskKind.default_due_hours).where(TaskKind.id == kind_id)) or hours
            )
    return (now or utcnow()) + dt.timedelta(hours=hours)


def default_assignee_ids(db: Database) -> list[int]:
    """R2: me and my CSS are on every new task."""
    with db.session() as s:
        return list(
            s.scalars(
                select(ColleagueRole.colleague_id)
                .where(ColleagueRole.role.in_([Role.ME, Role.CSS]))
                .distinct()
            )
        )


@dataclass(frozen=True)
class ItemFilter:
    """What the Tasks & Tickets view narrows to; every field is optional."""

    search: str = ""
    open_only: bool = False
    item_type: ItemType | None = None
    account_id: int | None = None
    department_id: int | None = None
    assignee_id: int | None = None
    only_ids: frozenset[int] | None = None  # e.g. the stale or overdue ids of the Today report


def _filtered(
    search: str, open_only: bool, item_type: ItemType | None, account_id: int | None,
    department_id: int | None = None, assignee_id: int | None = None,
    only_ids: frozenset[int] | None = None,
) -> Select[Any]:  # fmt: skip
    q = select(WorkItem.id).outerjoin(Account, Account.id == WorkItem.account_id)
    if department_id is not None:
        q = q.where(WorkItem.department_id == department_id)
    if assignee_id is not None:
        q = q.where(
            WorkItem.id.in_(
                select(WorkItemAssignee.item_id).where(WorkItemAssignee.colleague_id == assignee_id)
            )
        )
    if only_ids is not None:
        q = q.where(WorkItem.id.in_(sorted(only_ids)))
    if open_only:
        q = q.where(WorkItem.status.in_(OPEN_STATUSES))
    if item_type is not None:
        q = q.where(WorkItem.item_type == item_type)
    if account_id is not None:
        q = q.where(WorkItem.account_id == account_id)
    for word in search.split():
        like = f"%{word}%"
        q = q.where(
            or_(
                WorkItem.title.ilike(like),
                WorkItem.external_key.ilike(like),
                Account.name.ilike(like),
            )
        )
    return q


def list_items(
    db: Database,
    search: str = "",
    open_only: bool = False,
    item_type: ItemType | None = None,
    account_id: int | None = None,
    where: ItemFilter | None = None,
) -> list[ItemRow]:
    """Rows for the tasks table, filtered in SQL; every word of ``search`` must match.

    ``where`` (an ItemFilter) takes precedence over the single keyword filters.
    """
    f = where or ItemFilter(search, open_only, item_type, account_id)
    ids = _filtered(
        f.search, f.open_only, f.item_type, f.account_id, f.department_id, f.assignee_id, f.only_ids
    ).subquery()
    q = (
        select(
            WorkItem.id,
            WorkItem.item_type,
            WorkItem.title,
            Account.name,
            WorkItem.status,
            WorkItem.priority,
            WorkItem.category,
            WorkItem.due_at,
            WorkItem.last_follow_up_at,
            WorkItem.created_at,
            WorkItem.external_key,
            WorkItem.external_url,
        )
        .join(ids, ids.c.id == WorkItem.id)
        .outerjoin(Account, Account.id == WorkItem.account_id)
        .order_by(WorkItem.due_at.is_(None), WorkItem.due_at, WorkItem.id)
    )
    names: dict[int, list[str]] = defaultdict(list)
    with db.session() as s:
        rows = s.execute(q).all()
        for item_id, name in s.execute(
            select(WorkItemAssignee.item_id, Colleague.name)
            .join(Colleague, Colleague.id == WorkItemAssignee.colleague_id)
            .join(ids, ids.c.id == WorkItemAssignee.item_id)
            .order_by(Colleague.name)
        ):
            names[item_id].append(name)
    return [
        ItemRow(
            id=r[0],
            item_type=r[1],
            title=r[2],
            account=r[3] or "",
            status=r[4],
            priority=r[5],
            category=r[6],
            due_at=r[7],
            last_touch=r[8] or r[9],
            external_key=r[10] or "",
            assignees=", ".join(names.get(r[0], ())),
            external_url=r[11] or "",
        )
        for r in rows
    ]


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _ascii_lower(text: str) -> str:
    """SQLite's lower(): ASCII letters only (so "É" stays "É", as in the SQL search)."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


def search_text(row: ItemRow) -> str:
    """What :func:`filter_rows` looks in: title, key and account, newline-separated.

    A search word never holds whitespace, so it cannot match across two fields.
    """
    return _ascii_lower(f"{row.title}\n{row.external_key}\n{row.account}")


def _like(word: str) -> re.Pattern[str]:
    """A LIKE pattern's wildcards (% any run, _ one character) as a regex, ASCII case-insensitive."""
    parts = ("." if c == "_" else ".*" if c == "%" else re.escape(c) for c in word)
    return re.compile("".join(parts), re.ASCII | re.IGNORECASE | re.DOTALL)


def filter_rows(rows: Sequence[ItemRow], texts: Sequence[str], search: str) -> list[ItemRow]:
    """In memory, the rows :func:`list_items` keeps for ``search``, in the same order.

    ``texts[i]`` is ``search_text(rows[i])``. Every word must be in the title,
    the key or the account name, case-insensitively for ASCII letters, % and _
    being wildcards: as the SQL ILIKE does.
    """
    if not search.split():
        return list(rows)
    return [rows[i] for i in filter_indexes(rows, texts, search)]


def filter_indexes(
    rows: Sequence[ItemRow],
    texts: Sequence[str],
    search: str,
    among: Sequence[int] | None = None,
) -> list[int]:
    """The indexes (ascending) of the rows :func:`filter_rows` keeps.

    ``among``: look only at these indexes (ascending), e.g. the rows kept for
    words that ``search`` :func:`narrows`.
    """
    words = [_ascii_lower(w) for w in search.split()]
    candidates: Sequence[int] = range(len(rows)) if among is None else among
    if not words:
        return list(candidates)
    plain = [w for w in words if "%" not in w and "_" not in w]
    patterns = [_like(w) for w in words if "%" in w or "_" in w]
    if len(plain) == 1:
        word = plain[0]
        if among is None:
            kept = [i for i, t in enumerate(texts) if word in t]
        else:
            kept = [i for i in among if word in texts[i]]
    else:
        kept = [i for i in candidates if all(w in texts[i] for w in plain)]
    for p in patterns:
        kept = [i for i in kept if _in_a_field(p, rows[i])]
    return kept


def _in_a_field(pattern: re.Pattern[str], row: ItemRow) -> bool:
    return bool(
        pattern.search(row.title) or pattern.search(row.external_key) or pattern.search(row.account)
    )


def narrows(old: str, new: str) -> bool:
    """Whether every row ``new`` keeps is also kept by ``old``, so filtering can start from those.

    True when ``new`` extends ``old`` (typing on): each old word is then the
    start of a new word (a LIKE match of ``w + more`` holds a match of ``w`` in
    the same field), and added words only narrow further.
    """
    return new.startswith(old)


def get_item(db: Database, item_id: int) -> WorkItem:
    with db.session() as s:
        item = s.get(
            WorkItem,
            item_id,
            options=[
                selectinload(WorkItem.assignees),
                selectinload(WorkItem.followers),
                selectinload(WorkItem.account),
                selectinload(WorkItem.department),
                selectinload(WorkItem.kind),
                selectinload(WorkItem.events),
            ],
        )
        if item is None:
            raise NotFoundError("That task or ticket no longer exists.")
        return item


def _who_to_assign(db: Database, department_id: int | None) -> str:
    if department_id is not None:
        with db.session() as s:
            names = s.scalars(
                select(Colleague.name)
                .join(DepartmentContact, DepartmentContact.colleague_id == Colleague.id)
                .where(DepartmentContact.department_id == department_id)
                .order_by(DepartmentContact.is_primary.desc(), DepartmentContact.position)
            ).all()
        if names:
            return f"Assign the department's contact ({' or '.join(names[:2])}), and yourself and your CSS."
    return "Assign the department contact who will do the work, and yourself and your CSS."


def save_item(db: Database, data: ItemInput, actor: str = "") -> int:
    """Create or update a task/ticket. Refuses one with no assignee (R2)."""
    title = clean_text(data.title, "title", "Title", 300, required=True)
    description = clean_text(data.description, "description", "Description", 50_000)
    url = clean_text(data.external_url, "external_url", "Link", 500)
    if url and not url.lower().startswith(("http://", "https://")):
        raise ValidationError("The link must start with http:// or https://.", "external_url")
    key = clean_text(data.external_key, "external_key", "External key", 64) or None
    assignees = list(dict.fromkeys(data.assignee_ids))
    if not assignees:
        raise ValidationError(
            "A task is never left unassigned. " + _who_to_assign(db, data.department_id),
            "assignees",
        )
    if data.account_manager_id is not None and data.account_manager_id in data.follower_ids:
        raise ValidationError(
            "The account manager is also a watcher of this ticket: one person cannot be both (R7).",
            "account_manager",
        )
    due = data.due_at if data.due_at is not None else default_due(db, data.kind_id)
    with db.session() as s:
        people = {
            c.id: c
            for c in s.scalars(
                select(Colleague).where(Colleague.id.in_(set(assignees) | set(data.follower_ids)))
            )
        }
        if len(set(assignees) - people.keys()):
            raise ValidationError("One of the assignees no longer exists.", "assignees")
        if key is not None:
            clash = s.scalar(
                select(WorkItem.title).where(
                    WorkItem.external_key == key,
                    WorkItem.source == "",
                    WorkItem.id != (data.id or -1),
                )
            )
            if clash is not None:
                raise ValidationError(
                    f"The external key {key} is already used by “{clash}”.", "external_key"
                )
        now = utcnow()
        if data.id is None:
            item = WorkItem(title=title, created_at=now, status_changed_at=now)
            s.add(item)
            old_status = None
        else:
            found = s.get(WorkItem, data.id, options=[selectinload(WorkItem.assignees)])
            if found is None:
                raise NotFoundError("That task or ticket no longer exists.")
            item = found
            old_status = item.status
        item.item_type = ItemType(data.item_type)
        item.title, item.description = title, description
        item.account_id, item.department_id, item.kind_id = (
            data.account_id,
            data.department_id,
            data.kind_id,
        )
        item.priority, item.category = Priority(data.priority), Category(data.category)
        item.channels = [Channel(c).value for c in data.channels]
        item.external_url, item.external_key = url, key
        item.account_manager_id = data.account_manager_id
        item.regional_manager_id, _ = resolve_regional_manager(
            s, data.account_manager_id, data.regional_manager_id
        )
        item.due_at = due
        item.assignees = [people[i] for i in assignees]
        item.followers = [people[i] for i in dict.fromkeys(data.follower_ids) if i in people]
        if old_status is None:
            apply_status(item, Status(data.status), now, actor, creating=True)
        elif old_status != data.status:
            apply_status(item, Status(data.status), now, actor)
        else:
            item.events.append(ItemEvent(kind=ItemEventKind.UPDATED, at=now, actor=actor))
        s.flush()
        return item.id


def delete_item(db: Database, item_id: int) -> None:
    with db.session() as s:
        item = s.get(WorkItem, item_id)
        if item is None:
            raise NotFoundError("That task or ticket no longer exists.")
        s.execute(delete(WorkItemAssignee).where(WorkItemAssignee.item_id == item_id))
        s.delete(item)


def save_kind(db: Database, name: str, default_due_hours: int, kind_id: int | None = None) -> int:
    """R3: a task kind and its default duration, editable in Settings."""
    clean = clean_text(name, "kind", "Kind name", 120, required=True)
    if not 1 <= default_due_hours <= 24 * 365:
        raise ValidationError(
            f"“{clean}”: the default duration must be between 1 hour and a year.", "kind"
        )
    with db.session() as s:
        clash = s.scalar(
            select(TaskKind.id).where(TaskKind.name == clean, TaskKind.id != (kind_id or -1))
        )
        if clash is not None:
            raise ValidationError(f"There is already a kind called “{clean}”.", "kind")
        if kind_id is None:
            kind = TaskKind(name=clean)
            s.add(kind)
        else:
            found = s.get(TaskKind, kind_id)
            if found is None:
                raise NotFoundError("That kind no longer exists.")
            kind = found
        kind.name, kind.default_due_hours = clean, default_due_hours
        s.flush()
        return kind.id


def delete_kind(db: Database, kind_id: int) -> None:
    """Delete a kind; items of that kind keep their due dates and become general."""
    with db.session() as s:
        kind = s.get(TaskKind, kind_id)
        if kind is None:
            raise NotFoundError("That kind no longer exists.")
        s.delete(kind)


def propose_module_task(db: Database, account_id: int, product_id: int, actor: str = "") -> int:
    """R11: a one-click task to propose setting up an unused module to the account."""
    with db.session() as s:
        account = s.get(Account, account_id)
        product = s.get(Product, product_id)
        if account is None or product is None:
            raise NotFoundError("That account or module no longer exists.")
        title = f"Propose setting up {product.name} to {account.name}"
        text = (
            f"{account.name} bought {product.name} but does not use it yet (adoption opportunity, "
            "R11). Offer a setup session or training to the account's admin."
        )
    me_and_css = default_assignee_ids(db)
    if not me_and_css:
        raise ValidationError(
            "Set who you are (Settings → People) so the proposal can be assigned to you.",
            "assignees",
        )
    return save_item(
        db,
        ItemInput(
            title,
            description=text,
            account_id=account_id,
            category=Category.SETUP,
            channels=[Channel.EMAIL],
            assignee_ids=me_and_css,
            follower_ids=me_and_css,
        ),
        actor=actor,
    )


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC", "CREATE", "DROP", "ALTER", "WITH")
_write_counts: weakref.WeakKeyDictionary[Engine, list[int]] = weakref.WeakKeyDictionary()


def _count_writes(engine: Engine) -> list[int]:
    counter = _write_counts.get(engine)
    if counter is None:
        counter = _write_counts[engine] = [0]

        def after(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            if statement.lstrip()[:6].upper().startswith(_WRITES):
                counter[0] += 1

        event.listen(engine, "after_cursor_execute", after)
    return counter


def data_version(db: Database) -> tuple[int, object]:
    """Changes when the data behind :func:`list_items` may have changed.

    Counts the writes made through this process's engine (any table: an account
    rename or a new assignee changes rows too) and reads the newest
    ``updated_at`` of the items (an indexed lookup) for changes made elsewhere.
    Cheap enough to ask on every keystroke.
    """
    writes = _count_writes(db.engine)
    # One read-only statement straight on a pooled DBAPI connection: no SQL
    # compiling, no BEGIN/ROLLBACK around it (a keystroke pays ~20 us, not ~120).
    conn = db.engine.raw_connection()
    try:
        cursor = conn.cursor()
        try:
            newest = cursor.execute(_NEWEST_ITEM).fetchone()[0]
        finally:
            cursor.close()
    finally:
        conn.close()
    return writes[0], newest


_NEWEST_ITEM = f"SELECT max(updated_at) FROM {WorkItem.__tablename__}"
