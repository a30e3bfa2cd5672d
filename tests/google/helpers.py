"""Shared set-up for the Google tests: a demo plan, and a sign-in that talks to the fake."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from csdesk.core import ooo
from csdesk.core.business_time import load_calendar
from csdesk.core.db import Database
from csdesk.core.demo import build_demo
from csdesk.core.directory import list_colleagues
from csdesk.core.google import auth
from tests.fakegoogle import ALL_SCOPES, FakeGoogle

CLIENT_ID = "1234-test.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-test-client-secret"
REFRESH = "1//0gTEST-refresh-token-never-on-disk-8f3a1c"
ACCESS = "ya29.TEST-access-token-never-on-disk-77aa"
#: Every test token: a scan after the suite looks for these outside the keyring.
TOKENS = (REFRESH, ACCESS, CLIENT_SECRET)


@dataclass
class Plan:
    db: Database
    id: int
    first: dt.date
    back: dt.date
    backup_email: str


def make_plan(db: Database) -> Plan:
    build_demo(db)
    cal = load_calendar(db)
    today = dt.datetime.now(cal.zone).date()
    first = cal.add_workdays(today, 10)
    back = cal.add_workdays(first, 5)
    people = {c.email: c.id for c in list_colleagues(db)}
    tl = next(e for e in people if e.startswith("celeste.harmon"))
    backup = next(e for e in people if e.startswith("jonah.pierce"))
    plan_id = ooo.create_plan(db, first, back)
    ooo.set_people(db, plan_id, people[tl], people[backup])
    ooo.triage(db, plan_id)
    ooo.ensure_checklist(db, plan_id)
    return Plan(db, plan_id, first, back, backup)


def connect(
    fake: FakeGoogle,
    monkeypatch: pytest.MonkeyPatch,
    scopes: tuple[str, ...] = ALL_SCOPES,
) -> auth.Connection:
    """Keep a sign-in in the (test) keyring whose refresh token the fake knows."""
    monkeypatch.setenv(auth.ENV_API_ROOT, fake.root)
    monkeypatch.setattr("googleapiclient.http.time.sleep", lambda _s: None)
    fake.add_token(ACCESS, REFRESH, scopes)
    fake.expire_access_tokens()  # csdesk never has an access token: it must refresh first
    auth._store(auth._Stored(CLIENT_ID, CLIENT_SECRET, REFRESH, tuple(scopes), fake.email))
    conn = auth.status()
    assert conn is not None
    return conn
