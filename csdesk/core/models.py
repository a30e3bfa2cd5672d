"""The whole csdesk data model (SPEC "Data"), as SQLAlchemy 2.0 typed models.

Later features add behaviour, not tables. Times are stored as naive UTC and
handed back timezone-aware (``UTCDateTime``); calendar days (renewals, leave
dates) are plain dates. Enumerations are stored as their string values so a
database stays readable with any SQL tool.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from csdesk.core.enums import (
    Category,
    Channel,
    Direction,
    Health,
    ItemEventKind,
    ItemType,
    LifecycleStage,
    OooStatus,
    Priority,
    Role,
    Status,
    TriageLevel,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, returns aware UTC; refuses naive input so no local time slips in."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("csdesk stores only timezone-aware datetimes")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


def _enum(cls: type[Any], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        length=40,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime()}  # noqa: RUF012


# --------------------------------------------------------------- directory


class Department(Base):
    """A department of the agency (seed 000), with its contacts and routing notes (R1)."""

    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    routing_notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[DepartmentContact]] = relationship(
        back_populates="department",
        cascade="all, delete-orphan",
        order_by="(DepartmentContact.is_primary.desc(), DepartmentContact.position)",
    )


class Colleague(Base):
    """Someone inside the company: me, my CSS, TL, AMs, RMs, department contacts..."""

    __tablename__ = "colleagues"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(String(120), default="")
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL")
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    department: Mapped[Department | None] = relationship()
    roles: Mapped[list[ColleagueRole]] = relationship(
        cascade="all, delete-orphan", back_populates="colleague"
    )

    @property
    def role_set(self) -> set[Role]:
        return {r.role for r in self.roles}


class ColleagueRole(Base):
    __tablename__ = "colleague_roles"

    colleague_id: Mapped[int] = mapped_column(
        ForeignKey("colleagues.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[Role] = mapped_column(_enum(Role, "role"), primary_key=True)

    colleague: Mapped[Colleague] = relationship(back_populates="roles")


class DepartmentContact(Base):
    """R1: who to contact in a department, the primary first, with a routing note each."""

    __tablename__ = "department_contacts"

    department_id: Mapped[int] = mapped_column(
        ForeignKey("departments.id", ondelete="CASCADE"), primary_key=True
    )
    colleague_id: Mapped[int] = mapped_column(
        ForeignKey("colleagues.id", ondelete="RESTRICT"), primary_key=True
    )
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    routing_note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    department: Mapped[Department] = relationship(back_populates="contacts")
    colleague: Mapped[Colleague] = relationship()


# --------------------------------------------------------------- portfolio


class Product(Base):
    """A product module the company sells; ``is_paid_extra`` marks extras outside the subscription."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    is_paid_extra: Mapped[bool] = mapped_column(Boolean, default=False)


class Account(Base):
    """A customer account of the CSM's portfolio (R11, R12)."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    paid_seats: Mapped[int] = mapped_column(Integer, default=0)
    lifecycle_stage: Mapped[LifecycleStage] = mapped_column(
        _enum(LifecycleStage, "lifecycle_stage"), default=LifecycleStage.ONBOARDING
    )
    health: Mapped[Health] = mapped_column(_enum(Health, "health"), default=Health.GOOD)
    renewal_date: Mapped[dt.date | None] = mapped_column(Date)
    account_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleagues.id", ondelete="RESTRICT")
    )
    regional_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleagues.id", ondelete="RESTRICT")
    )
    website: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (CheckConstraint("paid_seats >= 0", name="seats_not_negative"),)

    parent: Mapped[Account | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Account]] = relationship(back_populates="parent")
    account_manager: Mapped[Colleague | None] = relationship(foreign_keys=[account_manager_id])
    regional_manager: Mapped[Colleague | None] = relationship(foreign_keys=[regional_manager_id])
    admins: Mapped[list[CustomerAdmin]] = relationship(
        back_populates="account",
        cascade="all, delete-orphan",
        order_by="(CustomerAdmin.is_primary.desc(), CustomerAdmin.name)",
    )
    products: Mapped[list[AccountProduct]] = relationship(
        back_populates="account", cascade="all, delete-orphan"
    )
    stage_history: Mapped[list[LifecycleEvent]] = relationship(
        back_populates="account", cascade="all, delete-orphan", order_by="LifecycleEvent.changed_at"
    )


class AccountProduct(Base):
    """Which modules an account bought and which it uses: adoption % = used / bought (R11)."""

    __tablename__ = "account_products"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="RESTRICT"), primary_key=True
    )
    bought: Mapped[bool] = mapped_column(Boolean, default=True)
    in_use: Mapped[bool] = mapped_column(Boolean, default=False)
    since: Mapped[dt.date | None] = mapped_column(Date)

    account: Mapped[Account] = relationship(back_populates="products")
    product: Mapped[Product] = relationship()


class LifecycleEvent(Base):
    """The lifecycle stage history of an account: who moved it where and when."""

    __tablename__ = "lifecycle_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    stage: Mapped[LifecycleStage] = mapped_column(_enum(LifecycleStage, "lifecycle_stage"))
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    account: Mapped[Account] = relationship(back_populates="stage_history")


class CustomerAdmin(Base):
    """A customer-side contact (admin) of an account; one may be primary."""

    __tablename__ = "customer_admins"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(String(120), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    account: Mapped[Account] = relationship(back_populates="admins")

    __table_args__ = (Index("ix_customer_admins_account", "account_id"),)


# ------------------------------------------------------------ tasks/tickets


class TaskKind(Base):
    """A kind of task with its default duration (R3): 48 h unless the kind warrants more."""

    __tablename__ = "task_kinds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    default_due_hours: Mapped[int] = mapped_column(Integer, default=48)
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL")
    )

    __table_args__ = (CheckConstraint("default_due_hours > 0", name="due_hours_positive"),)


class WorkItem(Base):
    """A task or a ticket: one model, told apart by ``item_type``.

    Tickets carry the Jira escalation fields (R6-R9): account and regional
    manager, and the waiting status to return to after the customer is answered.
    """

    __tablename__ = "work_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_type: Mapped[ItemType] = mapped_column(_enum(ItemType, "item_type"), default=ItemType.TASK)
    kind_id: Mapped[int | None] = mapped_column(ForeignKey("task_kinds.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL")
    )
    status: Mapped[Status] = mapped_column(_enum(Status, "status"), default=Status.OPEN)
    prior_waiting_status: Mapped[Status | None] = mapped_column(_enum(Status, "status"))
    status_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    priority: Mapped[Priority] = mapped_column(_enum(Priority, "priority"), default=Priority.MEDIUM)
    category: Mapped[Category] = mapped_column(
        _enum(Category, "category"), default=Category.GENERAL
    )
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)
    external_url: Mapped[str] = mapped_column(String(500), default="")
    external_key: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(40), default="")
    account_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleagues.id", ondelete="RESTRICT")
    )
    regional_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleagues.id", ondelete="RESTRICT")
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    due_at: Mapped[dt.datetime | None] = mapped_column()
    last_follow_up_at: Mapped[dt.datetime | None] = mapped_column()
    done_at: Mapped[dt.datetime | None] = mapped_column()
    # R8: when the AM was asked to respond; survives a customer reply and the
    # return to the prior waiting status (R9), so the response time is not reset.
    escalation_clock_at: Mapped[dt.datetime | None] = mapped_column()

    __table_args__ = (
        UniqueConstraint("source", "external_key", name="uq_work_items_source_key"),
        Index("ix_work_items_status_due", "status", "due_at"),
        Index("ix_work_items_account", "account_id"),
        Index("ix_work_items_updated", "updated_at"),
    )

    kind: Mapped[TaskKind | None] = relationship()
    account: Mapped[Account | None] = relationship()
    department: Mapped[Department | None] = relationship()
    account_manager: Mapped[Colleague | None] = relationship(foreign_keys=[account_manager_id])
    regional_manager: Mapped[Colleague | None] = relationship(foreign_keys=[regional_manager_id])
    assignees: Mapped[list[Colleague]] = relationship(
        secondary="work_item_assignees", order_by="Colleague.name"
    )
    followers: Mapped[list[Colleague]] = relationship(
        secondary="work_item_followers", order_by="Colleague.name"
    )
    events: Mapped[list[ItemEvent]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        # the id breaks ties: events of the same moment stay in the order they happened
        order_by=lambda: (ItemEvent.at, ItemEvent.id),
    )


class WorkItemAssignee(Base):
    """R2: the people a task is assigned to. RESTRICT keeps a colleague with work from vanishing."""

    __tablename__ = "work_item_assignees"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("work_items.id", ondelete="CASCADE"), primary_key=True
    )
    colleague_id: Mapped[int] = mapped_column(
        ForeignKey("colleagues.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class WorkItemFollower(Base):
    """R4: followers (Jira watchers) of a ticket."""

    __tablename__ = "work_item_followers"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("work_items.id", ondelete="CASCADE"), primary_key=True
    )
    colleague_id: Mapped[int] = mapped_column(
        ForeignKey("colleagues.id", ondelete="CASCADE"), primary_key=True
    )


class ItemEvent(Base):
    """The history of one item: creation, status changes, follow-ups, escalations."""

    __tablename__ = "item_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("work_items.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ItemEventKind] = mapped_column(_enum(ItemEventKind, "item_event_kind"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    from_status: Mapped[Status | None] = mapped_column(_enum(Status, "status"))
    to_status: Mapped[Status | None] = mapped_column(_enum(Status, "status"))
    channel: Mapped[Channel | None] = mapped_column(_enum(Channel, "channel"))
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(120), default="")

    item: Mapped[WorkItem] = relationship(back_populates="events")


class CommLogEntry(Base):
    """Communication proof (R12): one logged email, call, chat, meeting..."""

    __tablename__ = "comm_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    # indexed: an item's conversations are looked up by item (its dialog, a re-import),
    # and deleting an item or an admin sets these to NULL in every row that has it
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("work_items.id", ondelete="SET NULL"), index=True
    )
    admin_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer_admins.id", ondelete="SET NULL"), index=True
    )
    channel: Mapped[Channel] = mapped_column(_enum(Channel, "channel"))
    direction: Mapped[Direction] = mapped_column(
        _enum(Direction, "direction"), default=Direction.OUTBOUND
    )
    counterpart: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text)
    occurred_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    account: Mapped[Account | None] = relationship()
    item: Mapped[WorkItem | None] = relationship()


class ReminderSent(Base):
    """A reminder already shown for one item and one event, so it is shown once (not repeatedly)."""

    __tablename__ = "reminders_sent"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("work_items.id", ondelete="CASCADE"), primary_key=True
    )
    event: Mapped[str] = mapped_column(String(40), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# ------------------------------------------------------------------- SLAs


class SlaPolicy(Base):
    """R10: how fast something must be answered, in business minutes."""

    __tablename__ = "sla_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    channel: Mapped[Channel | None] = mapped_column(_enum(Channel, "channel"))
    category: Mapped[Category | None] = mapped_column(_enum(Category, "category"))
    business_minutes: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("business_minutes > 0", name="minutes_positive"),)


# --------------------------------------------------------------------- OOO


class OooPlan(Base):
    """One absence of the CSM (or of a colleague: a backup's overlapping leave is warned about)."""

    __tablename__ = "ooo_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    colleague_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleagues.id", ondelete="CASCADE")
    )
    first_day: Mapped[dt.date] = mapped_column(Date)
    return_day: Mapped[dt.date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    status: Mapped[OooStatus] = mapped_column(
        _enum(OooStatus, "ooo_status"), default=OooStatus.DRAFT
    )
    wizard_step: Mapped[str] = mapped_column(String(40), default="")
    team_lead_id: Mapped[int | None] = mapped_column(
        ForeignKey("colleagues.id", ondelete="SET NULL")
    )
    backup_id: Mapped[int | None] = mapped_column(ForeignKey("colleagues.id", ondelete="SET NULL"))
    auto_reply_subject: Mapped[str] = mapped_column(String(200), default="Out of Office Notice")
    auto_reply_body: Mapped[str] = mapped_column(Text, default="")
    google_state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (CheckConstraint("return_day > first_day", name="return_after_start"),)

    colleague: Mapped[Colleague | None] = relationship(foreign_keys=[colleague_id])
    team_lead: Mapped[Colleague | None] = relationship(foreign_keys=[team_lead_id])
    backup: Mapped[Colleague | None] = relationship(foreign_keys=[backup_id])
    handoff_items: Mapped[list[HandoffItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan"
    )
    checklist: Mapped[list[OooChecklistItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="OooChecklistItem.position"
    )
    delegations: Mapped[list[Delegation]] = relationship(
        back_populates="plan", cascade="all, delete-orphan"
    )
    tracking: Mapped[list[TrackingEntry]] = relationship(
        back_populates="plan", cascade="all, delete-orphan"
    )


class HandoffItem(Base):
    """R14/R15: one pending item triaged for a plan, with the context the backup needs."""

    __tablename__ = "handoff_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("ooo_plans.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(
        ForeignKey("work_items.id", ondelete="CASCADE"), index=True
    )
    proposed_level: Mapped[TriageLevel] = mapped_column(_enum(TriageLevel, "triage_level"))
    level: Mapped[TriageLevel] = mapped_column(_enum(TriageLevel, "triage_level"))
    reason: Mapped[str] = mapped_column(Text, default="")
    needs_backup: Mapped[bool] = mapped_column(Boolean, default=False)
    admin_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer_admins.id", ondelete="SET NULL")
    )
    context: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("plan_id", "item_id", name="uq_handoff_items_plan_item"),)

    plan: Mapped[OooPlan] = relationship(back_populates="handoff_items")
    item: Mapped[WorkItem] = relationship()
    admin: Mapped[CustomerAdmin | None] = relationship()


class Delegation(Base):
    """An item handed to the backup for the absence; ``returned_at`` is set on return (R19)."""

    __tablename__ = "delegations"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("ooo_plans.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("work_items.id", ondelete="CASCADE"), index=True
    )
    to_colleague_id: Mapped[int] = mapped_column(ForeignKey("colleagues.id", ondelete="RESTRICT"))
    delegated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    returned_at: Mapped[dt.datetime | None] = mapped_column()

    plan: Mapped[OooPlan] = relationship(back_populates="delegations")
    item: Mapped[WorkItem] = relationship()
    to_colleague: Mapped[Colleague] = relationship()


class OooChecklistItem(Base):
    """R13/R18: a checklist step with its owner and deadline."""

    __tablename__ = "ooo_checklist_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("ooo_plans.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    done_at: Mapped[dt.datetime | None] = mapped_column()
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("plan_id", "key", name="uq_ooo_checklist_plan_key"),)

    plan: Mapped[OooPlan] = relationship(back_populates="checklist")


class TrackingEntry(Base):
    """One row of the backup's tracking tab, read back on return (R19)."""

    __tablename__ = "tracking_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("ooo_plans.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    account: Mapped[str] = mapped_column(String(200), default="")
    item: Mapped[str] = mapped_column(String(300), default="")
    channel: Mapped[str] = mapped_column(String(60), default="")
    what_happened: Mapped[str] = mapped_column(Text, default="")
    follow_up_needed: Mapped[str] = mapped_column(Text, default="")
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[OooPlan] = relationship(back_populates="tracking")


# ---------------------------------------------------------------- settings


class Setting(Base):
    """A user setting: a key and a JSON value (business calendar, support contacts, ...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
