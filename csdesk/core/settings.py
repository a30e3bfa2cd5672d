"""Key/value user settings stored in the database (never secrets: those go to the keyring)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from csdesk.core.db import Database
from csdesk.core.models import Setting


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    with db.session() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_setting(db: Database, key: str, value: Any) -> None:
    with db.session() as s:
        s.merge(Setting(key=key, value=value))
