"""The fixed vocabularies of the SOPs, each with the words a CSM reads."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label."""

    @property
    def label(self) -> str:
        # Keyed by (class, value): StrEnum members of different classes with the
        # same value (Channel.TICKET, ItemType.TICKET) compare equal.
        return _LABELS.get((type(self), self.value), self.value.replace("_", " ").capitalize())

    @classmethod
    def from_label(cls, text: str) -> LabelledEnum:
        for member in cls:
            if member.label == text or member.value == text:
                return member
        raise ValueError(f"{text!r} is not a valid {cls.__name__}")


class Role(LabelledEnum):
    """What a colleague is to the CSM (seed 000, seed 003). One person may hold several."""

    ME = "me"
    CSS = "css"
    TEAM_LEAD = "team_lead"
    ACCOUNT_MANAGER = "account_manager"
    REGIONAL_MANAGER = "regional_manager"
    ESCALATION_FALLBACK = "escalation_fallback"
    IT = "it"
    SUPPORT = "support"
    DEPARTMENT_CONTACT = "department_contact"


class ItemType(LabelledEnum):
    TASK = "task"
    TICKET = "ticket"


class Status(LabelledEnum):
    """One set of statuses for tasks and tickets; seed 003 names the waiting ones."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    WAITING_FOR_SUPPORT = "waiting_for_support"
    WAITING_FOR_CUSTOMER = "waiting_for_customer"
    WAITING_FOR_ACCOUNT_MANAGER = "waiting_for_account_manager"
    WAITING_FOR_MANAGEMENT = "waiting_for_management"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self not in CLOSED_STATUSES


CLOSED_STATUSES = frozenset({Status.DONE, Status.CANCELLED})
OPEN_STATUSES = tuple(s for s in Status if s not in CLOSED_STATUSES)


class Priority(LabelledEnum):
    """Jira's priorities; the priority sets the AM's response time (R8)."""

    HIGHEST = "highest"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    LOWEST = "lowest"


class Category(LabelledEnum):
    """What an item is about; the OOO triage (R14) and SLAs (R10) read it."""

    ESCALATION = "escalation"
    REGULATORY_COMPLIANCE = "regulatory_compliance"
    HIGH_RISK_BUG = "high_risk_bug"
    CREDENTIALING = "credentialing"
    LOGIN_PROBLEM = "login_problem"
    MEDIUM_RISK_BUG = "medium_risk_bug"
    SSO_INTEGRATION = "sso_integration"
    BACKGROUND_CHECK = "background_check"
    LEARNING_COMPLIANCE = "learning_compliance"
    CUSTOM_COURSEWORK = "custom_coursework"
    TRAINING = "training"
    SETUP = "setup"
    REPORT = "report"
    TEMPLATE_UPLOAD = "template_upload"
    INTEGRATION_HELP = "integration_help"
    WEBSITE = "website"
    CONTENT = "content"
    FEATURE_REQUEST = "feature_request"
    BILLING = "billing"
    GENERAL = "general"


class Channel(LabelledEnum):
    """Where an item or a conversation lives (R5, R12)."""

    TASK_TOOL = "task_tool"
    TICKET = "ticket"
    EMAIL = "email"
    CHAT = "chat"
    SLACK = "slack"
    WHATSAPP = "whatsapp"
    CALL = "call"
    MEETING = "meeting"
    TICKET_COMMENT = "ticket_comment"


class Direction(LabelledEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


class LifecycleStage(LabelledEnum):
    """The account lifecycle of seed 001 (R12)."""

    ONBOARDING = "onboarding"
    ADOPTION = "adoption"
    REFERENCES = "references"
    ACCOUNT_TASKS = "account_tasks"
    HANDOFF = "handoff"


class Health(LabelledEnum):
    GOOD = "good"
    WATCH = "watch"
    AT_RISK = "at_risk"


class TriageLevel(LabelledEnum):
    """R14: how long an item can wait while the CSM is away."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class OooStatus(LabelledEnum):
    DRAFT = "draft"
    READY = "ready"
    APPLIED = "applied"
    RETURNED = "returned"
    CANCELLED = "cancelled"


class ItemEventKind(LabelledEnum):
    CREATED = "created"
    UPDATED = "updated"
    STATUS_CHANGE = "status_change"
    FOLLOW_UP = "follow_up"
    ESCALATION = "escalation"
    NOTE = "note"
    DELEGATED = "delegated"
    RETURNED = "returned"


# A list, not a dict: members of different enums with one value are equal keys.
_LABEL_LIST: list[tuple[StrEnum, str]] = [
    (Role.ME, "Me (the CSM)"),
    (Role.CSS, "My CSS / CSM partner"),
    (Role.TEAM_LEAD, "Team lead"),
    (Role.ACCOUNT_MANAGER, "Account manager"),
    (Role.REGIONAL_MANAGER, "Regional manager"),
    (Role.ESCALATION_FALLBACK, "Escalation fallback manager"),
    (Role.IT, "IT"),
    (Role.SUPPORT, "Support"),
    (Role.DEPARTMENT_CONTACT, "Department contact"),
    (Status.WAITING_FOR_SUPPORT, "Waiting for Support"),
    (Status.WAITING_FOR_CUSTOMER, "Waiting for Customer"),
    (Status.WAITING_FOR_ACCOUNT_MANAGER, "Waiting for Account Manager"),
    (Status.WAITING_FOR_MANAGEMENT, "Waiting for Management"),
    (Category.REGULATORY_COMPLIANCE, "Regulatory / accreditation compliance"),
    (Category.HIGH_RISK_BUG, "High-risk bug"),
    (Category.MEDIUM_RISK_BUG, "Medium-risk bug"),
    (Category.SSO_INTEGRATION, "SSO / integration"),
    (Category.LEARNING_COMPLIANCE, "Learning & compliance help"),
    (Category.LOGIN_PROBLEM, "Users cannot log in"),
    (Category.CREDENTIALING, "Credentialing"),
    (Channel.TASK_TOOL, "Task tool (Teamwork)"),
    (Channel.TICKET, "Ticket (Jira)"),
    (Channel.WHATSAPP, "WhatsApp"),
    (Channel.TICKET_COMMENT, "Ticket comment"),
    (LifecycleStage.ADOPTION, "Adoption & relationship"),
    (LifecycleStage.ACCOUNT_TASKS, "Account tasks"),
    (LifecycleStage.HANDOFF, "Hand-off"),
    (Health.AT_RISK, "At risk"),
    (OooStatus.DRAFT, "Draft"),
]

_LABELS: dict[tuple[type, str], str] = {(type(m), m.value): t for m, t in _LABEL_LIST}
