"""Teamwork Projects tasks from a CSV export.

Each row becomes a task keyed by its Teamwork task id (``source="teamwork"``), so
importing the export again updates the tasks instead of duplicating them. The
project (or, when the export has one, the company) names the account, as the
organisation does for Jira; the shared rules (accounts and colleagues by name,
R2 assignees, the state machine, notes) are in
:class:`csdesk.core.imports.jira.TrackerImporter`.

Teamwork writes numeric dates in the site's own format, so ``date_order``
("DMY", the default, or "MDY") says how to read 04/11/2026; a date that is
impossible in that order (11/20/2026 read day first) is refused with a hint,
never guessed. ISO dates (2026-11-20) are read as they are. A due *date* means
the end of that day in ``timezone``.

Decisions: a task with no priority ("None") gets csdesk's default, Medium; an
active task with some progress (1-99 %) is "In progress"; the task list, start
date, estimate, tags and progress, which csdesk has no field for, are kept in a
last line of the description; a row without a task id is imported but cannot be
matched on the next import (a note says so).
"""

from __future__ import annotations

import re
from typing import ClassVar

from sqlalchemy.orm import Session

from csdesk.core.enums import Category, Channel, ItemType, Priority, Status
from csdesk.core.errors import KnownError
from csdesk.core.imports.base import FieldSpec, ImportResult, RowProblem, RowView, register
from csdesk.core.imports.jira import TrackerImporter, guess_category, short

TEAMWORK_STATUSES: dict[str, Status] = {
    "new": Status.OPEN,
    "active": Status.OPEN,
    "open": Status.OPEN,
    "reopened": Status.OPEN,
    "not started": Status.OPEN,
    "upcoming": Status.OPEN,
    "late": Status.OPEN,
    "started": Status.IN_PROGRESS,
    "in progress": Status.IN_PROGRESS,
    "completed": Status.DONE,
    "complete": Status.DONE,
    "done": Status.DONE,
    "closed": Status.DONE,
    "deleted": Status.CANCELLED,
    "cancelled": Status.CANCELLED,
    "canceled": Status.CANCELLED,
}
TEAMWORK_PRIORITIES: dict[str, Priority | None] = {
    "high": Priority.HIGH,
    "medium": Priority.MEDIUM,
    "low": Priority.LOW,
    "none": None,
    "": None,
}
YES = frozenset({"yes", "y", "true", "1", "completed", "complete", "done", "x"})
NO = frozenset({"no", "n", "false", "0", "", "active", "-"})
_PROGRESS = re.compile(r"^(\d{1,3})(?:[.,]\d+)?\s*%?$")


@register
class TeamworkTasks(TrackerImporter):
    """Teamwork Projects tasks (``kind="tasks"``, ``format="teamwork"``).

    ``site`` (optional): the Teamwork site, as ``acme``, ``acme.teamwork.com`` or
    ``https://acme.teamwork.com``; each task then links to ``.../app/tasks/<id>``.
    """

    kind = "tasks"
    format = "teamwork"
    label = "Teamwork Projects tasks (CSV export)"
    source = "teamwork"
    tool = "Teamwork"
    noun = "task"
    item_type = ItemType.TASK
    channel = Channel.TASK_TOOL
    key_field = "task_id"
    date_examples: ClassVar[str] = "20/11/2026, 2026-11-20 or 20/11/2026 14:15"
    fields = (
        FieldSpec("task_id", "Task ID", aliases=("ID", "TaskID", "Task number")),
        FieldSpec(
            "title", "Task name", required=True, aliases=("Title", "Task", "Task title", "Content")
        ),
        FieldSpec("description", "Description", aliases=("Notes", "Task description")),
        FieldSpec("task_list", "Task list", aliases=("Tasklist", "Task list name", "List")),
        FieldSpec("project", "Project", aliases=("Project name",)),
        FieldSpec("company", "Company", aliases=("Company name", "Client")),
        FieldSpec(
            "assigned_to",
            "Assigned to",
            aliases=("Assignee", "Assignees", "Responsible", "Responsible party"),
        ),
        FieldSpec("start", "Start date", aliases=("Start",)),
        FieldSpec("due", "Due date", aliases=("Due",)),
        FieldSpec("priority", "Priority"),
        FieldSpec("status", "Status", aliases=("Task status",)),
        FieldSpec("completed", "Completed", aliases=("Is completed", "Complete")),
        FieldSpec("tags", "Tags", multi=True, aliases=("Tag",)),
        FieldSpec("estimate", "Estimated time", aliases=("Estimate", "Estimated minutes")),
        FieldSpec("created", "Created on", aliases=("Created", "Date created", "Created date")),
        FieldSpec("completed_on", "Completed on", aliases=("Completed date", "Date completed")),
        FieldSpec(
            "updated", "Last changed on", aliases=("Updated", "Updated on", "Date last changed")
        ),
        FieldSpec("progress", "Progress", aliases=("Progress (%)", "% complete")),
        FieldSpec("created_by", "Created by"),
    )

    def __init__(self, timezone: str = "UTC", date_order: str = "DMY", site: str = "") -> None:
        super().__init__(timezone, date_order)
        self.site = site

    def begin(self, session: Session, result: ImportResult) -> None:
        site = self.site.strip().rstrip("/")
        if site and not site.lower().startswith(("http://", "https://")):
            site = "https://" + (site if "." in site else f"{site}.teamwork.com")
        if site and (" " in site or not re.match(r"^https?://[^/]+\.[^/]+", site)):
            raise KnownError(
                f"“{self.site}” is not a Teamwork site: give its name (acme) or its address "
                "(https://acme.teamwork.com)."
            )
        self._site = site
        super().begin(session, result)

    def apply_item(self, session: Session, row: RowView, result: ImportResult) -> None:
        col = row.column
        key = self.key_of(row, "task_id", "task id")
        if key is not None and not key.isdigit():
            raise RowProblem(
                col("task_id"), f"“{short(key)}” is not a Teamwork task id (a number)."
            )
        title = self.title_of(row, "title", "Task name")
        ref = f"task {key}" if key else f"row {row.number}"
        target = self._status(row)
        priority = self._priority(row)
        created = self.when(row, "created")
        updated = self.when(row, "updated")
        completed_on = self.when(row, "completed_on")
        self.when(row, "start")  # checked, kept in the description as written
        due = self.due(row, "due")

        existing = self.item_for(session, key)
        before = self.snapshot(existing) if existing is not None else None

        names = [n.strip() for n in re.split(r"[,;]", row.get("assigned_to")) if n.strip()]
        assignees = self.assignees(names, col("assigned_to"), ref)
        company, project = row.get("company"), row.get("project")
        account = None
        if company or project:
            account = self.account(
                session,
                company or project,
                col("company" if company else "project"),
                ref,
                prefix_match=True,
            )
        tags = [t.strip() for cell in row.get_all("tags") for t in cell.split(",") if t.strip()]
        progress = row.get("progress")
        description = self.description(
            row.get("description"),
            ref,
            [
                ("project", project if company else ""),
                ("task list", row.get("task_list")),
                ("start date", row.get("start")),
                ("estimated time", row.get("estimate")),
                ("tags", ", ".join(tags)),
                ("progress", progress if progress not in {"", "0", "0%"} else ""),
                ("created by", row.get("created_by")),
            ],
        )

        # the tags say what a task is about; the task list only when they do not
        category = guess_category(tags)
        if category is Category.GENERAL:
            category = guess_category([row.get("task_list")])
        item = self.write_item(
            session,
            existing,
            key,
            title=title,
            description=description,
            account=account,
            priority=priority,
            category=category,
            url=f"{self._site}/app/tasks/{key}" if self._site and key is not None else "",
            created=created,
            due=due,
            assignees=assignees,
        )
        # when the status was set: completion, else the last change, else (for a new task)
        # its creation; a re-imported change without either happened by now
        stamp = completed_on if completed_on is not None and not target.is_open else updated
        if stamp is None and existing is None:
            stamp = created
        self.set_status(
            item,
            target,
            stamp.at if stamp is not None else self._now,
            creating=existing is None,
            column_for=lambda field: (
                col("status") if row.mapping.get("status") else col("completed")
            ),
            note=f"Imported from Teamwork ({ref})"
            if existing is None
            else "Status changed in Teamwork",
        )
        if not item.status.is_open and completed_on is not None:
            item.done_at = completed_on.at
        self.count(item, before, result)

    def _status(self, row: RowView) -> Status:
        completed = row.get("completed").casefold()
        if completed and completed not in YES | NO:
            raise RowProblem(
                row.column("completed"),
                f"“{row.get('completed')}” does not say whether the task is completed "
                "(expected Yes or No).",
            )
        text = row.get("status")
        status = Status.OPEN
        if text:
            found = TEAMWORK_STATUSES.get(" ".join(text.casefold().split()))
            if found is None:
                raise RowProblem(
                    row.column("status"),
                    f"csdesk does not know the Teamwork status “{text}” (Active, New, Reopened, "
                    "In progress, Completed or Deleted).",
                )
            status = found
        if completed in YES or (not text and not completed and row.get("completed_on")):
            status = Status.DONE
        if status is Status.OPEN:
            percent = self._progress(row)
            if percent is not None and 0 < percent < 100:
                status = Status.IN_PROGRESS
        return status

    def _progress(self, row: RowView) -> int | None:
        text = row.get("progress")
        if not text:
            return None
        match = _PROGRESS.match(text)
        if not match or int(match[1]) > 100:
            raise RowProblem(
                row.column("progress"), f"“{text}” is not a progress between 0 and 100 %."
            )
        return int(match[1])

    def _priority(self, row: RowView) -> Priority | None:
        text = row.get("priority")
        label = text.casefold().strip()
        if label not in TEAMWORK_PRIORITIES:
            raise RowProblem(
                row.column("priority"),
                f"csdesk does not know the Teamwork priority “{text}” (High, Medium, Low or None).",
            )
        return TEAMWORK_PRIORITIES[label]
