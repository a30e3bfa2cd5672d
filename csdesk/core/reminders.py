"""Which reminders to show: once per item per event (overdue, stale, escalation due).

The Today report says what is due now; ``claim_new`` records each (item, event)
the first time it is seen, so a reminder is shown once - across restarts too -
and not every minute.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from csdesk.core.db import Database
from csdesk.core.models import ReminderSent, utcnow
from csdesk.core.today import TodayReport

EVENTS = {
    "overdue": "is overdue",
    "stale": "has not been followed up for 48 hours",
    "escalation_due": "is due for escalation to management",
}


@dataclass(frozen=True, slots=True)
class Reminder:
    item_id: int
    event: str
    title: str
    text: str


def claim_new(db: Database, report: TodayReport) -> list[Reminder]:
    """The reminders not shown before, now marked as shown."""
    wanted = {(e.item_id, bucket): e for bucket in EVENTS for e in report.buckets.get(bucket, [])}
    if not wanted:
        return []
    with db.session() as s:
        seen = {
            (item_id, event)
            for item_id, event in s.execute(
                select(ReminderSent.item_id, ReminderSent.event).where(
                    ReminderSent.item_id.in_({i for i, _ in wanted})
                )
            )
        }
        fresh = [key for key in wanted if key not in seen]
        now = utcnow()
        for item_id, event in fresh:
            s.add(ReminderSent(item_id=item_id, event=event, at=now))
    return [
        Reminder(
            item_id,
            event,
            f"{wanted[(item_id, event)].key}: {wanted[(item_id, event)].title}",
            f"{wanted[(item_id, event)].title} {EVENTS[event]}. {wanted[(item_id, event)].reason}",
        )
        for item_id, event in sorted(fresh)
    ]
