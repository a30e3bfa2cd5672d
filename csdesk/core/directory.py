"""The internal directory: departments, their contacts (R1) and colleagues with roles."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from csdesk.core.db import Database
from csdesk.core.enums import OPEN_STATUSES, Role
from csdesk.core.errors import HasOpenWorkError, NotFoundError, ValidationError
from csdesk.core.models import (
    Account,
    Colleague,
    ColleagueRole,
    Delegation,
    Department,
    DepartmentContact,
    WorkItem,
    WorkItemAssignee,
)
from csdesk.core.validation import clean_email, clean_name, clean_phone, clean_text

# Roles only one person can hold at a time.
SINGLE_HOLDER_ROLES = (Role.ME, Role.ESCALATION_FALLBACK)


@dataclass(frozen=True, slots=True)
class ColleagueRow:
    id: int
    name: str
    email: str
    phone: str
    title: str
    department: str
    roles: tuple[Role, ...]
    open_items: int

    @property
    def roles_text(self) -> str:
        return ", ".join(r.label for r in self.roles)


@dataclass(frozen=True, slots=True)
class ContactRow:
    colleague_id: int
    name: str
    email: str
    is_primary: bool
    routing_note: str


@dataclass(frozen=True, slots=True)
class DepartmentRow:
    id: int
    name: str
    description: str
    routing_notes: str
    contacts: tuple[ContactRow, ...]

    @property
    def primary(self) -> ContactRow | None:
        return next((c for c in self.contacts if c.is_primary), None)

    @property
    def contacts_text(self) -> str:
        return ", ".join(c.name + (" (primary)" if c.is_primary else "") for c in self.contacts)


@dataclass
class ContactInput:
    colleague_id: int
    is_primary: bool = False
    routing_note: str = ""


@dataclass
class DepartmentInput:
    name: str
    description: str = ""
    routing_notes: str = ""
    contacts: list[ContactInput] = field(default_factory=list)
    id: int | None = None


@dataclass
class ColleagueInput:
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""
    department_id: int | None = None
    roles: set[Role] = field(default_factory=set)
    notes: str = ""
    id: int | None = None


# ------------------------------------------------------------------ queries


def _open_counts(s: Session) -> dict[int, int]:
    q = (
        select(WorkItemAssignee.colleague_id, func.count())
        .join(WorkItem, WorkItem.id == WorkItemAssignee.item_id)
        .where(WorkItem.status.in_(OPEN_STATUSES))
        .group_by(WorkItemAssignee.colleague_id)
    )
    return {cid: n for cid, n in s.execute(q)}


def list_colleagues(db: Database, search: str = "", role: Role | None = None) -> list[ColleagueRow]:
    with db.session() as s:
        q = (
            select(Colleague)
            .options(selectinload(Colleague.roles), selectinload(Colleague.department))
            .order_by(Colleague.name)
        )
        if search.strip():
            like = f"%{search.strip()}%"
            q = q.where(or_(Colleague.name.ilike(like), Colleague.email.ilike(like)))
        if role is not None:
            q = q.where(Colleague.roles.any(ColleagueRole.role == role))
        counts = _open_counts(s)
        return [
            ColleagueRow(
                id=c.id,
                name=c.name,
                email=c.email,
                phone=c.phone,
                title=c.title,
                department=c.department.name if c.department else "",
                roles=tuple(sorted(c.role_set, key=list(Role).index)),
                open_items=counts.get(c.id, 0),
            )
            for c in s.scalars(q)
        ]


def get_colleague(db: Database, colleague_id: int) -> Colleague:
    with db.session() as s:
        c = s.get(Colleague, colleague_id, options=[selectinload(Colleague.roles)])
        if c is None:
            raise NotFoundError("That colleague no longer exists.")
        return c


def colleague_ids_with_role(db: Database, role: Role) -> list[int]:
    with db.session() as s:
        return list(
            s.scalars(
                select(ColleagueRole.colleague_id)
                .where(ColleagueRole.role == role)
                .order_by(ColleagueRole.colleague_id)
            )
        )


def list_departments(db: Database) -> list[DepartmentRow]:
    with db.session() as s:
        q = (
            select(Department)
            .options(selectinload(Department.contacts).selectinload(DepartmentContact.colleague))
            .order_by(Department.name)
        )
        return [
            DepartmentRow(
                id=d.id,
                name=d.name,
                description=d.description,
                routing_notes=d.routing_notes,
                contacts=tuple(
                    ContactRow(
                        colleague_id=c.colleague_id,
                        name=c.colleague.name,
                        email=c.colleague.email,
                        is_primary=c.is_primary,
                        routing_note=c.routing_note,
                    )
                    for c in d.contacts
                ),
            )
            for d in s.scalars(q)
        ]


def get_department(db: Database, department_id: int) -> DepartmentRow:
    for d in list_departments(db):
        if d.id == department_id:
            return d
    raise NotFoundError("That department no longer exists.")


# ------------------------------------------------------------------ changes


def save_colleague(db: Database, data: ColleagueInput) -> int:
    name = clean_name(data.name)
    email = clean_email(data.email)
    phone = clean_phone(data.phone)
    title = clean_text(data.title, "title", "Title", 120)
    notes = clean_text(data.notes, "notes", "Notes", 10_000)
    with db.session() as s:
        for role in SINGLE_HOLDER_ROLES:
            if role in data.roles:
                holder = s.scalars(
                    select(Colleague)
                    .join(ColleagueRole)
                    .where(ColleagueRole.role == role, Colleague.id != (data.id or -1))
                ).first()
                if holder is not None:
                    raise ValidationError(
                        f"{holder.name} is already “{role.label}”. Only one person can be; "
                        f"remove the role from {holder.name} first.",
                        "roles",
                    )
        if data.id is None:
            c = Colleague(name=name)
            s.add(c)
        else:
            found = s.get(Colleague, data.id)
            if found is None:
                raise NotFoundError("That colleague no longer exists.")
            c = found
        c.name, c.email, c.phone, c.title, c.notes = name, email, phone, title, notes
        c.department_id = data.department_id
        have = {r.role: r for r in c.roles}
        for role, link in have.items():
            if role not in data.roles:
                c.roles.remove(link)
        for role in data.roles - set(have):
            c.roles.append(ColleagueRole(role=role))
        s.flush()
        return c.id


def _open_titles(s: Session, colleague_id: int) -> list[str]:
    return list(
        s.scalars(
            select(WorkItem.title)
            .join(WorkItemAssignee, WorkItemAssignee.item_id == WorkItem.id)
            .where(
                WorkItemAssignee.colleague_id == colleague_id,
                WorkItem.status.in_(OPEN_STATUSES),
            )
            .order_by(WorkItem.title)
        )
    )


def open_items_of(db: Database, colleague_id: int) -> list[str]:
    """Titles of the open items a colleague is assigned to."""
    with db.session() as s:
        return _open_titles(s, colleague_id)


def delete_colleague(db: Database, colleague_id: int, reassign_to: int | None = None) -> None:
    """Delete a colleague. Open assignments must be reassigned: never silently orphaned (R2)."""
    with db.session() as s:
        c = s.get(Colleague, colleague_id)
        if c is None:
            raise NotFoundError("That colleague no longer exists.")
        titles = _open_titles(s, colleague_id)
        if titles and reassign_to is None:
            shown = "; ".join(titles[:5]) + (
                f"; and {len(titles) - 5} more" if len(titles) > 5 else ""
            )
            raise HasOpenWorkError(
                f"{c.name} is still assigned to {len(titles)} open item(s): {shown}. "
                "Reassign them to someone else before deleting.",
                titles,
            )
        if reassign_to == colleague_id:
            raise ValidationError("Choose someone else to take over the open items.")
        manages = s.scalars(
            select(Account.name).where(
                or_(
                    Account.account_manager_id == colleague_id,
                    Account.regional_manager_id == colleague_id,
                )
            )
        ).all()
        if manages:
            raise ValidationError(
                f"{c.name} is the account or regional manager of {len(manages)} account(s) "
                f"({', '.join(manages[:3])}{'…' if len(manages) > 3 else ''}). "
                "Change those accounts first."
            )
        tickets = s.scalars(
            select(WorkItem.title).where(
                or_(
                    WorkItem.account_manager_id == colleague_id,
                    WorkItem.regional_manager_id == colleague_id,
                )
            )
        ).all()
        if tickets:
            raise ValidationError(
                f"{c.name} is the account or regional manager on {len(tickets)} ticket(s) "
                f"({', '.join(tickets[:3])}{'…' if len(tickets) > 3 else ''}). "
                "Change those tickets first."
            )
        if s.scalar(select(func.count()).where(Delegation.to_colleague_id == colleague_id)):
            raise ValidationError(
                f"{c.name} is the backup in an out-of-office plan; csdesk keeps them "
                "so that the plan's history stays complete."
            )
        mine = select(DepartmentContact.department_id).where(
            DepartmentContact.colleague_id == colleague_id
        )
        sole = s.scalars(
            select(Department.name)
            .join(DepartmentContact)
            .where(Department.id.in_(mine))
            .group_by(Department.id, Department.name)
            .having(func.count() == 1)
        ).all()
        if sole:
            raise ValidationError(
                f"{c.name} is the only contact of {', '.join(sole)}. Every department needs "
                "a contact (R1): add another contact there first."
            )
        if reassign_to is not None:
            if s.get(Colleague, reassign_to) is None:
                raise NotFoundError("The colleague chosen to take over no longer exists.")
            item_ids = s.scalars(
                select(WorkItemAssignee.item_id).where(
                    WorkItemAssignee.colleague_id == colleague_id
                )
            ).all()
            already = set(
                s.scalars(
                    select(WorkItemAssignee.item_id).where(
                        WorkItemAssignee.colleague_id == reassign_to,
                        WorkItemAssignee.item_id.in_(item_ids),
                    )
                )
            )
            for item_id in item_ids:
                if item_id not in already:
                    s.add(WorkItemAssignee(item_id=item_id, colleague_id=reassign_to))
        s.execute(delete(WorkItemAssignee).where(WorkItemAssignee.colleague_id == colleague_id))
        # R1: a department whose primary contact leaves gets its next contact as primary.
        for link in s.scalars(
            select(DepartmentContact).where(
                DepartmentContact.colleague_id == colleague_id, DepartmentContact.is_primary
            )
        ).all():
            successor = s.scalars(
                select(DepartmentContact)
                .where(
                    DepartmentContact.department_id == link.department_id,
                    DepartmentContact.colleague_id != colleague_id,
                )
                .order_by(DepartmentContact.position)
            ).first()
            if successor is not None:
                successor.is_primary = True
        s.execute(delete(DepartmentContact).where(DepartmentContact.colleague_id == colleague_id))
        s.delete(c)


def save_department(db: Database, data: DepartmentInput) -> int:
    name = clean_name(data.name, label="Department name")
    description = clean_text(data.description, "description", "Description", 2000)
    routing = clean_text(data.routing_notes, "routing_notes", "Routing notes", 4000)
    if not data.contacts:
        raise ValidationError(
            "Choose the department's primary contact: its support person or team lead (R1).",
            "contacts",
        )
    ids = [c.colleague_id for c in data.contacts]
    if len(set(ids)) != len(ids):
        raise ValidationError("A colleague is listed twice among the contacts.", "contacts")
    primaries = [c for c in data.contacts if c.is_primary]
    if len(primaries) > 1:
        raise ValidationError("Only one contact can be the primary contact.", "contacts")
    with db.session() as s:
        clash = s.scalar(
            select(Department.id).where(
                func.lower(Department.name) == name.lower(), Department.id != (data.id or -1)
            )
        )
        if clash is not None:
            raise ValidationError(f"There is already a department called “{name}”.", "name")
        if data.id is None:
            d = Department(name=name)
            s.add(d)
        else:
            found = s.get(Department, data.id)
            if found is None:
                raise NotFoundError("That department no longer exists.")
            d = found
        d.name, d.description, d.routing_notes = name, description, routing
        d.contacts.clear()
        s.flush()
        for pos, c in enumerate(data.contacts):
            d.contacts.append(
                DepartmentContact(
                    colleague_id=c.colleague_id,
                    is_primary=c.is_primary or (not primaries and pos == 0),
                    routing_note=clean_text(c.routing_note, "contacts", "Routing note", 1000),
                    position=pos,
                )
            )
        s.flush()
        return d.id


def delete_department(db: Database, department_id: int) -> None:
    with db.session() as s:
        d = s.get(Department, department_id)
        if d is None:
            raise NotFoundError("That department no longer exists.")
        s.delete(d)


def role_holder(db: Database, role: Role) -> int | None:
    """The colleague holding a one-person role (me, my CSS, the fallback), if any."""
    ids = colleague_ids_with_role(db, role)
    return ids[0] if ids else None


def set_role_holder(db: Database, role: Role, colleague_id: int | None) -> None:
    """Give ``role`` to exactly one colleague (or nobody), taking it from anyone else."""
    with db.session() as s:
        if colleague_id is not None and s.get(Colleague, colleague_id) is None:
            raise NotFoundError("That colleague no longer exists.")
        s.execute(
            delete(ColleagueRole).where(
                ColleagueRole.role == role, ColleagueRole.colleague_id != (colleague_id or -1)
            )
        )
        if colleague_id is not None and s.get(ColleagueRole, (colleague_id, role)) is None:
            s.add(ColleagueRole(colleague_id=colleague_id, role=role))
