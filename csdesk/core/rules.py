"""The settings of the team's rules (R4, R8, R10), stored in the database.

The people (me, my CSS, the escalation fallback) are roles in the Directory;
the business calendar lives in business_time; everything else a CSM may tune
is here, with the defaults the SOPs give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from csdesk.core.db import Database
from csdesk.core.enums import Priority
from csdesk.core.errors import ValidationError
from csdesk.core.settings import get_setting, set_setting

SETTING_KEY = "rules"

DAY = 8 * 60  # one business day in business minutes, at the default 8-hour day

# R8: how long an AM has to respond, by ticket priority, in business minutes.
DEFAULT_AM_RESPONSE: dict[Priority, int] = {
    Priority.HIGHEST: 2 * 60,
    Priority.HIGH: 4 * 60,
    Priority.MEDIUM: DAY,
    Priority.LOW: 2 * DAY,
    Priority.LOWEST: 3 * DAY,
}


def _default_response() -> dict[Priority, int]:
    return dict(DEFAULT_AM_RESPONSE)


@dataclass
class RulesConfig:
    am_response_minutes: dict[Priority, int] = field(default_factory=_default_response)
    # R4: a ticket not followed up for this many business days is stale ("48 hours"
    # is counted as two working days so a weekend does not make everything stale).
    stale_after_days: int = 2
    # R10: an SLA clock is "near breach" when less than this share of its target is left.
    near_breach_percent: int = 25
    # R10: above this many open items, suggest warning the affected clients.
    high_load_threshold: int = 40
    reminders: bool = True
    # R11: accounts using less than this share of the modules they bought.
    adoption_threshold_percent: int = 60
    # The Portfolio's "renewal soon" filter.
    renewal_soon_days: int = 90

    def validate(self) -> None:
        for priority in Priority:
            minutes = self.am_response_minutes.get(priority)
            if minutes is None or minutes <= 0:
                raise ValidationError(
                    f"The account manager's response time for {priority.label} priority "
                    "must be more than zero.",
                    "am_response",
                )
        if not 1 <= self.stale_after_days <= 30:
            raise ValidationError("Stale after must be between 1 and 30 working days.", "stale")
        if not 1 <= self.near_breach_percent <= 90:
            raise ValidationError("Near breach must be between 1 % and 90 %.", "near_breach")
        if not 1 <= self.adoption_threshold_percent <= 100:
            raise ValidationError(
                "The adoption threshold must be between 1 % and 100 %.", "adoption"
            )
        if not 1 <= self.renewal_soon_days <= 730:
            raise ValidationError("“Renewal soon” must be between 1 and 730 days.", "renewal_soon")
        if not 1 <= self.high_load_threshold <= 100_000:
            raise ValidationError("The high-load threshold must be at least 1.", "high_load")

    def to_dict(self) -> dict[str, Any]:
        return {
            "am_response_minutes": {p.value: m for p, m in self.am_response_minutes.items()},
            "stale_after_days": self.stale_after_days,
            "near_breach_percent": self.near_breach_percent,
            "high_load_threshold": self.high_load_threshold,
            "reminders": self.reminders,
            "adoption_threshold_percent": self.adoption_threshold_percent,
            "renewal_soon_days": self.renewal_soon_days,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RulesConfig:
        cfg = cls()
        for key, value in (data.get("am_response_minutes") or {}).items():
            try:
                cfg.am_response_minutes[Priority(key)] = int(value)
            except (ValueError, TypeError):
                continue
        for name in (
            "stale_after_days",
            "near_breach_percent",
            "high_load_threshold",
            "adoption_threshold_percent",
            "renewal_soon_days",
        ):
            if isinstance(data.get(name), int):
                setattr(cfg, name, data[name])
        if isinstance(data.get("reminders"), bool):
            cfg.reminders = data["reminders"]
        return cfg


def load_rules(db: Database) -> RulesConfig:
    raw = get_setting(db, SETTING_KEY, {})
    return RulesConfig.from_dict(raw if isinstance(raw, dict) else {})


def save_rules(db: Database, cfg: RulesConfig) -> None:
    cfg.validate()
    set_setting(db, SETTING_KEY, cfg.to_dict())
