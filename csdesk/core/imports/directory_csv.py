"""The team directory from a CSV file: departments, colleagues, roles and routing notes (R1).

One row is one person in one department. A person who is the contact of two
departments (seed 000: "LSS – John, Website – John") has two rows with the
same name/email. Every person listed under a department becomes one of its
contacts, in file order; the one whose roles say "primary" is the primary
contact, else the department's first person (R1).

Matching: a colleague by email (case-insensitively) when the row has one,
else by name (case-insensitively); a department by name (case-insensitively).
A cell left empty never clears what csdesk holds; roles from the file are
added to a colleague's roles, never taken away; contacts csdesk already has
that the file does not list stay, after the file's ones.

The file may come from Excel: UTF-8 (with or without BOM) or Windows-1252
(Excel's "CSV (Comma delimited)"), which is then said in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from csdesk.core.directory import SINGLE_HOLDER_ROLES
from csdesk.core.enums import Role
from csdesk.core.imports.base import FieldSpec, ImportResult, RowProblem, RowView, register
from csdesk.core.imports.common import (
    FallbackCsvImporter,
    RowCheck,
    count_as_updated,
    count_row,
    created_verb,
    nfc,
    norm_name,
    width_problem,
    words,
)
from csdesk.core.models import Colleague, ColleagueRole, Department, DepartmentContact
from csdesk.core.validation import clean_email, clean_name, clean_phone, clean_text

PRIMARY = "primary"

_ROLE_WORDS: dict[str, Role | str] = {
    **{words(r.label): r for r in Role},
    **{words(r.value): r for r in Role},
    "me": Role.ME,
    "me the csm": Role.ME,
    "myself": Role.ME,
    "css": Role.CSS,
    "my css": Role.CSS,
    "client success support": Role.CSS,
    "csm partner": Role.CSS,
    "team lead": Role.TEAM_LEAD,
    "team leader": Role.TEAM_LEAD,
    "tl": Role.TEAM_LEAD,
    "lead": Role.TEAM_LEAD,
    "account manager": Role.ACCOUNT_MANAGER,
    "am": Role.ACCOUNT_MANAGER,
    "regional manager": Role.REGIONAL_MANAGER,
    "rm": Role.REGIONAL_MANAGER,
    "escalation fallback": Role.ESCALATION_FALLBACK,
    "escalation fallback manager": Role.ESCALATION_FALLBACK,
    "fallback": Role.ESCALATION_FALLBACK,
    "it": Role.IT,
    "it support": Role.IT,
    "support": Role.SUPPORT,
    "support person": Role.SUPPORT,
    "department contact": Role.DEPARTMENT_CONTACT,
    "contact": Role.DEPARTMENT_CONTACT,
    "primary": PRIMARY,
    "primary contact": PRIMARY,
    "main contact": PRIMARY,
}


def parse_roles(text: str) -> tuple[set[Role], bool]:
    """Role words separated by commas or semicolons -> (roles, is the primary contact)."""
    roles: set[Role] = set()
    primary = False
    for part in re.split(r"[,;/|]", text):
        if not part.strip():
            continue
        word = _ROLE_WORDS.get(words(part))
        if word is None:
            raise ValueError(
                f"“{part.strip()}” is not a role csdesk knows (expected words like: Team lead, "
                "Support, Account manager, Regional manager, IT, CSS, Escalation fallback, "
                "Department contact, Me, or “primary” for the primary contact)."
            )
        if word == PRIMARY:
            primary = True
        elif isinstance(word, Role):
            roles.add(word)
    return roles, primary


@dataclass
class _Contact:
    colleague: Colleague
    primary: bool
    note: str
    row: int


@dataclass
class _DeptPlan:
    department: Department
    contacts: list[_Contact] = field(default_factory=list)


@register
class DirectoryCsv(FallbackCsvImporter):
    """The team directory from a CSV file (one row per person and department)."""

    kind: ClassVar[str] = "directory"
    format: ClassVar[str] = "csv"
    label: ClassVar[str] = "Team directory (CSV)"
    semicolons_message: ClassVar[str] = (
        "The file separates its columns with semicolons (as Excel does in some "
        "countries); csdesk reads commas. In Excel choose Save As → “CSV UTF-8 (Comma "
        "delimited)” and import that file."
    )
    fallback_source: ClassVar[str] = "as Excel saves “CSV (Comma delimited)”"
    fields: ClassVar[tuple[FieldSpec, ...]] = (
        FieldSpec("department", "Department", aliases=("Dept", "Department name", "Team")),
        FieldSpec(
            "name",
            "Name",
            required=True,
            aliases=("Full name", "Colleague", "Person", "Employee", "Contact", "Contact name"),
        ),
        FieldSpec("email", "Email", aliases=("E-mail", "Email address", "Mail", "Work email")),
        FieldSpec(
            "phone",
            "Phone",
            aliases=("Telephone", "Phone number", "Tel", "Mobile", "Work phone", "Direct line"),
        ),
        FieldSpec("title", "Title", aliases=("Job title", "Position", "Job")),
        FieldSpec("roles", "Roles", aliases=("Role", "Role(s)", "Roles (comma separated)")),
        FieldSpec(
            "routing_note",
            "Routing notes",
            aliases=(
                "Routing note",
                "Routing",
                "Contact for",
                "Contact them for",
                "When to contact",
                "Notes",
            ),
        ),
    )

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._by_email: dict[str, Colleague] = {}
        self._by_name: dict[str, list[Colleague]] = {}
        self._departments: dict[str, Department] = {}
        self._plans: dict[str, _DeptPlan] = {}
        self._holders: dict[Role, list[Colleague]] = {}
        self._claims: dict[Role, tuple[Colleague, int]] = {}
        self._seen: dict[int, int] = {}  # id(Colleague) -> first row
        self._row_outcome: dict[int, str] = {}  # row -> created/updated/skipped
        self._new_departments: list[str] = []

    # ------------------------------------------------------------ applying

    def begin(self, session: Session, result: ImportResult) -> None:
        self._reset()
        self.note_encoding(result)
        for c in session.scalars(select(Colleague).options(selectinload(Colleague.roles))):
            if c.email:
                self._by_email.setdefault(c.email.casefold(), c)
            self._by_name.setdefault(norm_name(c.name), []).append(c)
            for r in c.roles:
                if r.role in SINGLE_HOLDER_ROLES:
                    self._holders.setdefault(r.role, []).append(c)
        for d in session.scalars(select(Department).options(selectinload(Department.contacts))):
            self._departments[norm_name(d.name)] = d

    def apply_row(self, session: Session, row: RowView, result: ImportResult) -> None:
        check = RowCheck(row)
        problems = check.problems
        extra = [c for c in row.cells[len(row.headers) :] if c.strip()]
        if extra:  # filled cells past the last header (a short row is not an error)
            problems.append(width_problem(len(row.cells), len(row.headers)))
        name = check("name", lambda v: nfc(clean_name(v)))
        if not row.get("name"):
            problems.append(RowProblem(row.column("name"), "The name is empty."))
        email = check("email", lambda v: clean_email(v))
        phone = check("phone", lambda v: clean_phone(v))
        title = check("title", lambda v: _one_line(clean_text(v, "title", "Title", 120), "Title"))
        dept_name = check(
            "department", lambda v: nfc(clean_name(v, "department", "Department name"))
        )
        parsed_roles = check("roles", parse_roles)
        roles, primary = parsed_roles if parsed_roles else (set(), False)
        note = check(
            "routing_note",
            lambda v: clean_text(v.replace("\r\n", "\n"), "routing_note", "Routing note", 1000),
        )
        if primary and not dept_name:
            problems.append(
                RowProblem(
                    row.column("roles"),
                    "“primary” marks the primary contact of a department, but this row has "
                    "no department.",
                )
            )

        colleague: Colleague | None = None
        if name:
            try:
                colleague = self._match(name, email, row)
            except RowProblem as problem:
                problems.append(problem)
        dept_key = norm_name(dept_name) if dept_name else ""
        plan = self._plans.get(dept_key)
        if plan is not None and colleague is not None:
            for c in plan.contacts:
                if c.colleague is colleague:
                    problems.append(
                        RowProblem(
                            row.column("name"),
                            f"{name} is already listed in {dept_name} on row {c.row}.",
                        )
                    )
        if plan is not None and primary:
            for c in plan.contacts:
                if c.primary:
                    problems.append(
                        RowProblem(
                            row.column("roles"),
                            f"{c.colleague.name} on row {c.row} is already the primary contact "
                            f"of {dept_name}; a department has one primary contact.",
                        )
                    )
        for role in SINGLE_HOLDER_ROLES:
            if role not in roles:
                continue
            claim = self._claims.get(role)
            if claim is not None and claim[0] is not colleague:
                problems.append(
                    RowProblem(
                        row.column("roles"),
                        f"{claim[0].name} on row {claim[1]} is already “{role.label}”; only one "
                        "person can be.",
                    )
                )
                continue
            others = [h for h in self._holders.get(role, []) if h is not colleague]
            if others:
                problems.append(
                    RowProblem(
                        row.column("roles"),
                        f"{others[0].name} is already “{role.label}” in csdesk; only one person "
                        f"can be. Remove the role from {others[0].name} first, or leave it out "
                        "of the file.",
                    )
                )
        if colleague is not None and id(colleague) in self._seen:
            # A second row for the same person (another department): it may not contradict.
            first = self._seen[id(colleague)]
            for attr, value in (("email", email), ("phone", phone), ("title", title)):
                if value and getattr(colleague, attr) and getattr(colleague, attr) != value:
                    problems.append(
                        RowProblem(
                            row.column(attr),
                            f"Row {first} gives {colleague.name} the {attr} "
                            f"“{getattr(colleague, attr)}”, this row “{value}”.",
                        )
                    )
        check.raise_problems(result)
        assert name is not None

        # ---- everything is valid: write
        created = colleague is None
        changed = False
        if colleague is None:
            colleague = Colleague(name=name, email="", phone="", title="")
            session.add(colleague)
            self._by_name.setdefault(norm_name(name), []).append(colleague)
        elif email and colleague.email.casefold() == email.casefold() and colleague.name != name:
            colleague.name = name  # matched by email: the file has the current name
            changed = True
        for attr, value in (("email", email), ("phone", phone), ("title", title)):
            if value and getattr(colleague, attr) != value:
                setattr(colleague, attr, value)
                changed = True
        if email:
            self._by_email[email.casefold()] = colleague
        for role in sorted(roles - colleague.role_set, key=list(Role).index):
            colleague.roles.append(ColleagueRole(role=role))
            changed = True
        for role in SINGLE_HOLDER_ROLES:
            if role in roles:
                self._claims[role] = (colleague, row.number)
                self._holders[role] = [colleague]
        if dept_name:
            department = self._departments.get(dept_key)
            if department is None:
                department = Department(name=dept_name, description="", routing_notes="")
                session.add(department)
                self._departments[dept_key] = department
                self._new_departments.append(dept_name)
            if plan is None:
                plan = self._plans[dept_key] = _DeptPlan(department)
            plan.contacts.append(_Contact(colleague, primary, note or "", row.number))
            if id(colleague) not in self._seen and colleague.department is not department:
                colleague.department = department  # the first department listed is their home
                changed = True
        self._seen.setdefault(id(colleague), row.number)
        self._row_outcome[row.number] = count_row(result, created, changed)

    def finish(self, session: Session, result: ImportResult) -> None:
        session.flush()
        for plan in self._plans.values():
            self._apply_contacts(plan, result)
        if self._new_departments:
            result.notes.append(
                f"{created_verb(result)} {len(self._new_departments)} department(s): "
                + ", ".join(self._new_departments)
                + "."
            )
        if result.skipped:
            result.notes.append(f"{result.skipped} row(s) were already up to date.")

    # ------------------------------------------------------------ helpers

    def _match(self, name: str, email: str | None, row: RowView) -> Colleague | None:
        if email:
            found = self._by_email.get(email.casefold())
            if found is not None:
                return found
            # Someone entered by hand without an email: the same name, no email yet.
            unmailed = [c for c in self._by_name.get(norm_name(name), []) if not c.email]
            if len(unmailed) == 1:
                return unmailed[0]
            if len(unmailed) > 1:
                raise RowProblem(
                    row.column("name"),
                    f"Several colleagues are called {name} and have no email; csdesk cannot "
                    "tell which one this is. Give them their emails in the directory first.",
                )
            return None
        same = self._by_name.get(norm_name(name), [])
        if len(same) > 1:
            raise RowProblem(
                row.column("name"),
                f"Several colleagues are called {name}; add their email to the file so "
                "csdesk can tell them apart.",
            )
        return same[0] if same else None

    def _apply_contacts(self, plan: _DeptPlan, result: ImportResult) -> None:
        """The file's contacts first (in file order), then any others csdesk already had."""
        department = plan.department
        primary_index = next((i for i, c in enumerate(plan.contacts) if c.primary), 0)
        existing = {link.colleague_id: link for link in department.contacts}
        listed = {c.colleague.id for c in plan.contacts}
        for pos, contact in enumerate(plan.contacts):
            is_primary = pos == primary_index
            link = existing.get(contact.colleague.id)
            changed = False
            if link is None:
                department.contacts.append(
                    DepartmentContact(
                        colleague=contact.colleague,
                        is_primary=is_primary,
                        routing_note=contact.note,
                        position=pos,
                    )
                )
                changed = True
            else:
                changed = _set(link, is_primary=is_primary, position=pos) | (
                    bool(contact.note) and _set(link, routing_note=contact.note)
                )
            if changed:
                count_as_updated(self._row_outcome, contact.row, result)
        others = sorted(
            (link for cid, link in existing.items() if cid not in listed),
            key=lambda link: link.position,
        )
        for n, link in enumerate(others, start=len(plan.contacts)):
            if _set(link, is_primary=False, position=n):
                # a contact csdesk had before: the change is due to the department's rows
                count_as_updated(self._row_outcome, plan.contacts[0].row, result)


def _one_line(text: str, label: str) -> str:
    if "\n" in text:
        raise ValueError(f"{label} must be on one line.")
    return text


def _set(obj: object, **values: object) -> bool:
    changed = False
    for attr, value in values.items():
        if getattr(obj, attr) != value:
            setattr(obj, attr, value)
            changed = True
    return changed
