"""The out-of-office plan core (R13–R18): dates, deadlines, triage, context, auto-reply,
checklist, the temporary hand-over, resumability and the JSON for ``csdesk ooo show``.

Calendar: Mon–Fri in UTC with US public holidays (Thanksgiving Thu 2026-11-26,
Christmas Fri 2026-12-25). "Today" is Monday 2 November 2026 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from csdesk.core import directory, ooo, portfolio, workflow, workitems
from csdesk.core.business_time import BusinessCalendar, save_calendar
from csdesk.core.db import Database, open_database, sqlite_url
from csdesk.core.enums import (
    Category,
    ItemEventKind,
    OooStatus,
    Priority,
    Role,
    Status,
    TriageLevel,
)
from csdesk.core.errors import ValidationError
from csdesk.core.models import Delegation, ItemEvent, WorkItem
from csdesk.core.settings import set_setting
from csdesk.core.templates import load_template

D = dt.date
TODAY = D(2026, 11, 2)  # a Monday
US = BusinessCalendar(country="US")
FIRST = D(2026, 11, 30)  # the Monday after Thanksgiving
BACK = D(2026, 12, 7)
H, M, L = TriageLevel.HIGH, TriageLevel.MEDIUM, TriageLevel.LOW


def utc(y: int, m: int, d: int, h: int = 12) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=dt.UTC)


LATER = utc(2027, 2, 1)  # due long after the return


@dataclass
class World:
    me: int
    css: int
    tl: int
    bob: int
    alex: int
    account: int
    other_account: int
    primary_admin: int
    other_admin: int


@pytest.fixture
def world(db: Database) -> World:
    save_calendar(db, US)
    set_setting(db, "support_email", "support@brightpath.example")
    set_setting(db, "support_phone", "+1 555 0100")

    def person(name: str, *roles: Role, email: str = "", phone: str = "") -> int:
        return directory.save_colleague(
            db, directory.ColleagueInput(name, email=email, phone=phone, roles=set(roles))
        )

    me = person("Morgan Lee", Role.ME, email="morgan@brightpath.example")
    css = person("Casey Park", Role.CSS)
    tl = person("Taylor Reed", Role.TEAM_LEAD, email="taylor@brightpath.example")
    bob = person("Bob Stone", email="bob@brightpath.example", phone="+1 555 0101")
    alex = person("Alex Kim", email="alex@brightpath.example")
    account = portfolio.save_account(db, portfolio.AccountInput("Pinecrest Senior Living"))
    other = portfolio.save_account(db, portfolio.AccountInput("Redstone Urgent Care"))
    portfolio.save_admin(db, portfolio.AdminInput(account, "Dana Admin", email="dana@pc.example"))
    primary = portfolio.save_admin(
        db, portfolio.AdminInput(account, "Pat Primary", email="pat@pc.example", is_primary=True)
    )
    other_admin = portfolio.save_admin(
        db, portfolio.AdminInput(other, "Rae Other", email="rae@rs.example")
    )
    return World(me, css, tl, bob, alex, account, other, primary, other_admin)


def item(
    db: Database,
    w: World,
    title: str,
    category: Category = Category.GENERAL,
    priority: Priority = Priority.MEDIUM,
    due: dt.datetime = LATER,
    assignees: list[int] | None = None,
    description: str = "",
    status: Status = Status.OPEN,
) -> int:
    return workitems.save_item(
        db,
        workitems.ItemInput(
            title,
            description=description,
            account_id=w.account,
            category=category,
            priority=priority,
            due_at=due,
            status=status,
            assignee_ids=assignees if assignees is not None else [w.me, w.css],
        ),
    )


def new_plan(db: Database, first: D = FIRST, back: D = BACK, **kw: object) -> int:
    return ooo.create_plan(db, first, back, today=TODAY, **kw)  # type: ignore[arg-type]


def by_title(rows: list[ooo.HandoffRow] | tuple[ooo.HandoffRow, ...]) -> dict[str, ooo.HandoffRow]:
    return {r.title: r for r in rows}


# ------------------------------------------------------------------ dates and people


def test_create_plan_defaults_and_refusals(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    view = ooo.get_plan(db, plan_id, today=TODAY)
    assert view.colleague is not None and view.colleague.id == world.me
    assert view.team_lead is not None and view.team_lead.id == world.tl  # prefilled
    assert view.backup is None
    assert (view.first_day, view.last_day, view.return_day) == (FIRST, D(2026, 12, 6), BACK)
    assert view.timezone == "UTC" and view.status is OooStatus.DRAFT and view.step == "dates"
    assert view.auto_reply_subject == "Out of Office Notice" and view.uses_template

    cases = [
        (D(2026, 11, 1), D(2026, 11, 9), "first_day", "past"),  # started yesterday
        (D(2027, 1, 4), D(2027, 1, 4), "return_day", "after the first day"),
        (D(2027, 1, 8), D(2027, 1, 4), "return_day", "after the first day"),
        (D(2027, 1, 4), D(2028, 1, 6), "return_day", "more than a year"),
        (D(2030, 1, 7), D(2030, 1, 14), "first_day", "two years"),
    ]
    for first, back, field, words in cases:
        with pytest.raises(ValidationError) as exc:
            ooo.create_plan(db, first, back, today=TODAY)
        assert exc.value.field == field and words in exc.value.message
    with pytest.raises(ValidationError) as exc:  # overlaps my own plan
        ooo.create_plan(db, D(2026, 12, 4), D(2026, 12, 10), today=TODAY)
    assert "already a plan" in exc.value.message
    with pytest.raises(ValidationError) as exc:
        ooo.create_plan(db, D(2027, 1, 4), D(2027, 1, 8), timezone="Mars/Olympus", today=TODAY)
    assert exc.value.field == "timezone"
    # Leave may start today; a year to the day is still allowed.
    assert ooo.create_plan(db, TODAY, D(2026, 11, 3), today=TODAY)
    assert ooo.create_plan(db, D(2027, 1, 4), D(2028, 1, 4), today=TODAY)


def test_create_plan_needs_to_know_who_i_am(db: Database) -> None:
    with pytest.raises(ValidationError) as exc:
        ooo.create_plan(db, FIRST, BACK, today=TODAY)
    assert exc.value.field == "colleague" and "Directory" in exc.value.message


def test_update_dates_moves_the_checklist(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    ooo.ensure_checklist(db, plan_id)
    ooo.update_dates(db, plan_id, D(2026, 12, 28), D(2027, 1, 4), today=TODAY)
    view = ooo.get_plan(db, plan_id, today=TODAY)
    due = {c.key: c.due_date for c in view.checklist}
    assert due["auto_reply"] == D(2026, 12, 24)  # Christmas Friday skipped
    assert due["notify_tl"] == D(2026, 12, 22)
    with pytest.raises(ValidationError) as exc:
        ooo.update_dates(db, plan_id, D(2026, 10, 1), D(2026, 10, 5), today=TODAY)
    assert exc.value.field == "first_day"
    # Once away, the return day can still move although the first day is in the past.
    ooo.update_dates(db, plan_id, D(2026, 12, 28), D(2027, 1, 6), today=D(2026, 12, 30))
    assert ooo.get_plan(db, plan_id).return_day == D(2027, 1, 6)


def test_people_backup_cannot_be_me(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    with pytest.raises(ValidationError) as exc:
        ooo.set_people(db, plan_id, world.tl, world.me)
    assert exc.value.field == "backup" and "your own backup" in exc.value.message
    with pytest.raises(ValidationError) as exc:
        ooo.set_people(db, plan_id, world.me, world.bob)
    assert exc.value.field == "team_lead"
    ooo.set_people(db, plan_id, world.tl, world.bob)
    view = ooo.get_plan(db, plan_id, today=TODAY)
    assert view.team_lead is not None and view.team_lead.name == "Taylor Reed"
    assert view.backup is not None and view.backup.name == "Bob Stone"
    assert view.backup_conflicts == ()
    ooo.set_people(db, plan_id, None, None)  # partial saves are fine
    assert ooo.get_plan(db, plan_id).backup is None


def test_backup_with_overlapping_leave_is_warned(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    ooo.set_people(db, plan_id, world.tl, world.bob)
    ooo.create_plan(db, D(2026, 11, 16), D(2026, 11, 30), colleague_id=world.bob, today=TODAY)
    assert ooo.backup_conflicts(db, plan_id) == []  # back on my first day: no overlap
    bobs = ooo.create_plan(db, D(2026, 12, 3), D(2026, 12, 10), colleague_id=world.bob, today=TODAY)
    (warning,) = ooo.backup_conflicts(db, plan_id)
    assert "Bob Stone is away too" in warning and "Thursday 3 December 2026" in warning
    assert ooo.get_plan(db, plan_id, today=TODAY).backup_conflicts == (warning,)
    ooo.cancel_plan(db, bobs)
    assert ooo.backup_conflicts(db, plan_id) == []


def test_steps_list_and_cancel(db: Database, world: World) -> None:
    older = new_plan(db)
    newer = new_plan(db, D(2027, 3, 1), D(2027, 3, 8))
    ooo.set_step(db, older, "triage")
    with pytest.raises(ValidationError):
        ooo.set_step(db, older, "nowhere")
    rows = ooo.list_plans(db, today=TODAY)
    assert [r.id for r in rows] == [newer, older]
    assert rows[1].step == "triage" and rows[1].phase == "Upcoming"
    assert rows[1].team_lead == "Taylor Reed" and rows[1].colleague == "Morgan Lee"
    ooo.cancel_plan(db, older)
    row = next(r for r in ooo.list_plans(db, today=TODAY) if r.id == older)
    assert row.status is OooStatus.CANCELLED and row.phase == "Cancelled"
    with pytest.raises(ValidationError):
        ooo.set_step(db, older, "people")
    with pytest.raises(ValidationError):
        ooo.mark_ready(db, newer)  # no backup yet
    ooo.set_people(db, newer, world.tl, world.bob)
    ooo.mark_ready(db, newer)
    assert ooo.get_plan(db, newer).status is OooStatus.READY


# ------------------------------------------------------------------ R13 deadlines


@pytest.mark.parametrize(
    ("first", "notify_tl", "hr_request", "auto_reply"),
    [
        # Thanksgiving (Thu 26 Nov) is skipped; Friday the 27th is a workday.
        (D(2026, 11, 30), D(2026, 11, 24), D(2026, 11, 23), D(2026, 11, 27)),
        # A week before is Thanksgiving itself: moved back to Wednesday.
        (D(2026, 12, 3), D(2026, 11, 30), D(2026, 11, 25), D(2026, 12, 2)),
        # A Sunday first day: a week before is a Sunday too, moved back to Friday.
        (D(2026, 12, 6), D(2026, 12, 2), D(2026, 11, 27), D(2026, 12, 4)),
        # Christmas Friday is skipped by the workday deadlines.
        (D(2026, 12, 28), D(2026, 12, 22), D(2026, 12, 21), D(2026, 12, 24)),
        # A Monday after the weekend: 3 workdays back crosses it.
        (D(2026, 11, 9), D(2026, 11, 4), D(2026, 11, 2), D(2026, 11, 6)),
    ],
)
def test_deadline_arithmetic(first: D, notify_tl: D, hr_request: D, auto_reply: D) -> None:
    assert ooo.deadline_dates(first, US) == {
        "notify_tl": notify_tl,
        "hr_request": hr_request,
        "auto_reply": auto_reply,
    }


def test_deadlines_missed_advice_and_done(db: Database, world: World) -> None:
    plan_id = ooo.create_plan(db, D(2026, 11, 4), D(2026, 11, 6), today=TODAY)  # Wednesday
    view = ooo.get_plan(db, plan_id, today=TODAY)
    dl = {d.key: d for d in view.deadlines}
    assert dl["notify_tl"].due == D(2026, 10, 30) and dl["notify_tl"].missed
    assert dl["notify_tl"].advice.startswith("Tell Taylor Reed today and say the notice is short")
    assert dl["hr_request"].due == D(2026, 10, 28) and dl["hr_request"].missed
    assert "Bamboo) today" in dl["hr_request"].advice
    assert dl["auto_reply"].due == D(2026, 11, 3) and not dl["auto_reply"].missed
    assert "Tuesday 3 November 2026" in dl["auto_reply"].advice

    steps = {c.key: c.id for c in ooo.ensure_checklist(db, plan_id)}
    ooo.tick(db, steps["notify_tl"])
    dl = {d.key: d for d in ooo.get_plan(db, plan_id, today=TODAY).deadlines}
    assert dl["notify_tl"].done and not dl["notify_tl"].missed and dl["notify_tl"].advice == "Done."
    # On the first day, an auto-reply still not set is urgent.
    dl = {d.key: d for d in ooo.get_plan(db, plan_id, today=D(2026, 11, 4)).deadlines}
    assert dl["auto_reply"].missed and dl["auto_reply"].advice.startswith("Your leave has started")
    # Without a team lead the advice still reads.
    ooo.set_people(db, plan_id, None, None)
    ooo.tick(db, steps["notify_tl"], done=False)
    dl = {d.key: d for d in ooo.get_plan(db, plan_id, today=TODAY).deadlines}
    assert dl["notify_tl"].advice.startswith("Tell your team lead today")


def test_deadline_due_today_is_not_missed(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    dl = {d.key: d for d in ooo.get_plan(db, plan_id, today=D(2026, 11, 24)).deadlines}
    assert not dl["notify_tl"].missed and "today" in dl["notify_tl"].advice
    assert dl["hr_request"].missed


# ------------------------------------------------------------------ R14 triage


def test_propose_level_rule_kinds() -> None:
    plan_like = ooo.PlanView(
        id=0,
        colleague=None,
        first_day=FIRST,
        return_day=BACK,
        timezone="UTC",
        status=OooStatus.DRAFT,
        step="",
        team_lead=None,
        backup=None,
        auto_reply_subject="",
        auto_reply_body="",
        google_state={},
        created_at=utc(2026, 11, 2),
        updated_at=utc(2026, 11, 2),
    )
    rules = ooo.TriageRules()

    def propose(title: str, **kw: object) -> tuple[TriageLevel, str]:
        wi = WorkItem(
            title=title,
            description=kw.pop("description", ""),
            category=kw.pop("category", Category.GENERAL),
            priority=kw.pop("priority", Priority.MEDIUM),
            due_at=kw.pop("due_at", LATER),
        )
        return ooo.propose_level(wi, rules, plan_like)

    assert propose("Renewal at risk", category=Category.ESCALATION) == (
        H,
        "Category: Escalation → High",
    )
    assert propose("x", category=Category.LOGIN_PROBLEM)[0] is H
    assert propose("x", category=Category.BACKGROUND_CHECK) == (
        M,
        "Category: Background check → Medium",
    )
    assert propose("Report fails", priority=Priority.HIGHEST) == (H, "Priority: Highest → High")
    assert propose("Nurses cannot log in since Monday") == (H, "Mentions “cannot log in” → High")
    assert propose("Joint Commission ACCREDITATION visit")[1] == "Mentions “accreditation” → High"
    assert propose("Escalated by the admin")[1] == "Mentions “escalat” → High"
    assert propose("New colour theme") == (L, "No rule applies: it can wait for your return → Low")
    level, reason = propose("Quarterly report", due_at=utc(2026, 12, 2))
    assert (level, reason) == (M, "Due Wed 2 Dec 2026, during your absence → Medium")
    # Due before the leave: the CSM does it first, unless it is already overdue.
    assert propose("Quarterly report", due_at=utc(2026, 11, 20)) == (
        L,
        "No rule applies: it can wait for your return → Low",
    )
    wi = WorkItem(title="Quarterly report", category=Category.GENERAL, priority=Priority.MEDIUM)
    wi.due_at = utc(2026, 11, 20)
    assert ooo.propose_level(wi, rules, plan_like, today=D(2026, 11, 23)) == (
        M,
        "Overdue since Fri 20 Nov 2026: it would wait until you are back → Medium",
    )
    assert ooo.propose_level(wi, rules, plan_like, today=D(2026, 11, 19))[0] is L
    assert propose("Report", due_at=utc(2026, 12, 7))[0] is L  # due on the return day
    # Low keywords: lower a Medium to Low, never a High.
    level, reason = propose(
        "SSO go-live", category=Category.SSO_INTEGRATION, description="Nearly done, testing."
    )
    assert level is L
    assert (
        reason
        == "Mentions “nearly done” → Low (instead of Medium: Category: SSO / integration → Medium)"
    )
    level, reason = propose("Audit findings", description="Admin informed of the plan")
    assert level is H and "but a High item cannot wait" in reason
    # Several rules: all named, the strongest wins.
    level, reason = propose(
        "Users can’t log in", category=Category.SSO_INTEGRATION, priority=Priority.HIGHEST
    )
    assert level is H
    assert reason == (
        "Category: SSO / integration → Medium; Priority: Highest → High; "
        "Mentions “can't log in” → High"
    )
    assert propose("Pre-audit notes")[0] is H
    assert propose("Plaudits from the admin")[0] is L  # not at a word start


def test_triage_rules_are_configurable(db: Database, world: World) -> None:
    assert ooo.load_triage_rules(db) == ooo.TriageRules()
    rules = ooo.load_triage_rules(db)
    rules.categories[Category.BILLING] = TriageLevel.HIGH
    rules.priorities = {}
    rules.keywords.append(ooo.KeywordRule("go-live", TriageLevel.MEDIUM))
    rules.due_in_absence = TriageLevel.LOW
    ooo.save_triage_rules(db, rules)
    assert ooo.load_triage_rules(db) == rules
    plan_id = new_plan(db)
    item(db, world, "Invoice dispute", category=Category.BILLING)
    item(db, world, "Urgent thing", priority=Priority.HIGHEST)
    item(db, world, "Portal go-live")
    item(db, world, "Due while away", due=utc(2026, 12, 2))
    rows = by_title(ooo.triage(db, plan_id, today=TODAY))
    assert rows["Invoice dispute"].level is H
    assert rows["Urgent thing"].level is L
    assert rows["Portal go-live"].level is M
    assert rows["Due while away"].level is L and rows["Due while away"].needs_backup
    rules.keywords.append(ooo.KeywordRule("GO-LIVE ", TriageLevel.HIGH))
    with pytest.raises(ValidationError) as exc:
        ooo.save_triage_rules(db, rules)
    assert "twice" in exc.value.message
    # Broken saved values fall back where they are broken, not everywhere.
    set_setting(db, "triage_rules", {"categories": {"escalation": "urgent", "billing": "high"}})
    loaded = ooo.load_triage_rules(db)
    assert loaded.categories == {Category.BILLING: TriageLevel.HIGH}
    assert loaded.keywords == ooo.TriageRules().keywords


def test_triage_overrides_flags_and_sheet(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    item(db, world, "Renewal at risk", category=Category.ESCALATION)
    item(db, world, "SSO setup", category=Category.SSO_INTEGRATION)
    item(db, world, "Colour theme")
    item(db, world, "Monthly report", due=utc(2026, 12, 3))
    item(db, world, "Template upload", due=utc(2026, 12, 1), description="admin informed")
    item(db, world, "Closed already", category=Category.ESCALATION, status=Status.DONE)
    item(db, world, "Not mine", category=Category.ESCALATION, assignees=[world.alex])

    rows = by_title(ooo.triage(db, plan_id, today=TODAY))
    assert set(rows) == {
        "Renewal at risk",
        "SSO setup",
        "Colour theme",
        "Monthly report",
        "Template upload",
    }
    esc = rows["Renewal at risk"]
    assert (esc.level, esc.reason, esc.needs_backup) == (H, "Category: Escalation → High", True)
    assert rows["SSO setup"].level is M and rows["SSO setup"].needs_backup
    assert rows["Colour theme"].level is L and not rows["Colour theme"].needs_backup
    report = rows["Monthly report"]
    assert report.level is M and report.needs_backup and "during your absence" in report.reason
    # Low by its keyword, yet due while away: flagged, not in the sheet, and warned about.
    upload = rows["Template upload"]
    assert upload.level is L and upload.needs_backup and not upload.in_sheet
    (warning,) = ooo.get_plan(db, plan_id, today=TODAY).warnings
    assert "Template upload" in warning and "not in the hand-off sheet" in warning

    # The user overrides; a second triage keeps the overrides and refreshes the rest.
    ooo.set_level(db, rows["Colour theme"].id, TriageLevel.MEDIUM)
    ooo.set_level(db, esc.id, TriageLevel.MEDIUM)
    ooo.set_level(db, rows["SSO setup"].id, TriageLevel.LOW)
    item(db, world, "Users cannot log in")
    rows = by_title(ooo.triage(db, plan_id, today=TODAY))
    assert rows["Colour theme"].level is M and rows["Colour theme"].proposed_level is L
    assert rows["Colour theme"].overridden and rows["Colour theme"].needs_backup
    assert rows["Renewal at risk"].level is M
    assert rows["Renewal at risk"].overridden
    assert rows["SSO setup"].level is L and not rows["SSO setup"].needs_backup
    assert rows["Users cannot log in"].level is H
    assert not rows["Monthly report"].overridden

    sheet = [r.title for r in ooo.sheet_items(db, plan_id)]
    # High first, then by due date, account and title.
    assert sheet == [
        "Users cannot log in",
        "Monthly report",
        "Colour theme",
        "Renewal at risk",
    ]

    # Back to the proposal: no longer an override. Moving the dates re-flags.
    ooo.set_level(db, rows["Colour theme"].id, TriageLevel.LOW)
    assert not by_title(ooo.get_plan(db, plan_id).handoff)["Colour theme"].overridden
    ooo.update_dates(db, plan_id, D(2027, 1, 11), D(2027, 1, 18), today=TODAY)
    rows = by_title(ooo.get_plan(db, plan_id).handoff)
    assert rows["Monthly report"].level is L and not rows["Monthly report"].needs_backup

    # Items closed since the last triage leave the plan.
    workflow.change_status(db, rows["Monthly report"].item_id, Status.DONE)
    assert "Monthly report" not in by_title(ooo.triage(db, plan_id, today=TODAY))


# ------------------------------------------------------------------ R15 context


def test_context_prefill_and_missing(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    item(db, world, "Escalation", category=Category.ESCALATION)
    item(db, world, "SSO setup", category=Category.SSO_INTEGRATION)
    item(db, world, "Colour theme")
    workitems.save_item(
        db,
        workitems.ItemInput(
            "No account", category=Category.ESCALATION, due_at=LATER, assignee_ids=[world.me]
        ),
    )
    rows = by_title(ooo.triage(db, plan_id, today=TODAY))
    assert rows["Escalation"].admin_id == world.primary_admin  # the primary, not the first made
    assert rows["Escalation"].admin_name == "Pat Primary"
    assert rows["No account"].admin_id is None
    missing = {r.title for r in ooo.missing_context(db, plan_id)}
    assert missing == {"Escalation", "SSO setup", "No account"}  # Low is not asked for

    ooo.set_context(db, rows["Escalation"].id, world.primary_admin, "  Call Pat on Tuesday.  ")
    ooo.set_context(db, rows["SSO setup"].id, None, "IdP metadata is in the ticket.")
    assert [r.title for r in ooo.missing_context(db, plan_id)] == ["No account"]
    rows = by_title(ooo.get_plan(db, plan_id).handoff)
    assert rows["Escalation"].context == "Call Pat on Tuesday."
    assert rows["SSO setup"].admin_id is None  # cleared on purpose
    ooo.triage(db, plan_id, today=TODAY)
    rows = by_title(ooo.get_plan(db, plan_id).handoff)
    assert rows["Escalation"].context == "Call Pat on Tuesday."
    assert rows["SSO setup"].admin_id is None  # and a re-triage keeps it so
    with pytest.raises(ValidationError) as exc:
        ooo.set_context(db, rows["Escalation"].id, world.other_admin, "")
    assert exc.value.field == "admin" and "another account" in exc.value.message
    with pytest.raises(ValidationError):
        ooo.set_context(db, rows["Escalation"].id, None, "x" * 10_001)


# ------------------------------------------------------------------ R16 auto-reply


def test_auto_reply_text_and_escaped_html(db: Database, world: World) -> None:
    plan_id = new_plan(db, D(2026, 12, 14), D(2026, 12, 21))
    reply = ooo.auto_reply(db, plan_id)
    assert reply.subject == "Out of Office Notice"
    assert "from Monday 14 December 2026 and will be back on Monday 21 December 2026" in (
        reply.text
    )
    assert "support@brightpath.example, +1 555 0100" in reply.text
    assert "[backup not chosen yet]" in reply.text
    assert reply.missing == (
        "the backup",
        "the backup's email (Directory)",
        "the backup's phone (Directory)",
    )

    odd = directory.save_colleague(
        db, directory.ColleagueInput("<b>Bob & Co</b>", email="bob.co@brightpath.example")
    )
    ooo.set_people(db, plan_id, world.tl, odd)
    reply = ooo.auto_reply(db, plan_id)
    assert "My backup, <b>Bob & Co</b>: bob.co@brightpath.example" in reply.text
    assert "&lt;b&gt;Bob &amp; Co&lt;/b&gt;" in reply.html
    assert "<b>" not in reply.html
    assert reply.html.startswith("<p>Hello,</p>") and "<br>" in reply.html
    assert reply.text.rstrip().endswith("Morgan Lee")
    assert reply.missing == ("the backup's phone (Directory)",)

    ooo.set_auto_reply(
        db,
        plan_id,
        "Away until {return_day}",
        "I am away (<script>) until {return_day}.\n\nAsk {backup_name} & co.",
    )
    reply = ooo.auto_reply(db, plan_id)
    assert reply.subject == "Away until Monday 21 December 2026"
    assert (
        reply.text
        == "I am away (<script>) until Monday 21 December 2026.\n\nAsk <b>Bob & Co</b> & co."
    )
    assert reply.html == (
        "<p>I am away (&lt;script&gt;) until Monday 21 December 2026.</p>\n"
        "<p>Ask &lt;b&gt;Bob &amp; Co&lt;/b&gt; &amp; co.</p>"
    )
    assert reply.missing == ()  # the phone placeholder is not used any more

    for body, words in [
        ("Ask {boss_name}.", "{boss_name}"),
        ("Ask {backup_name!r}.", "without"),
        ("A lone { brace", "lone"),
        ("Index {0}", "{0}"),
        ("Hi {}", "empty placeholder"),
    ]:
        with pytest.raises(ValidationError) as exc:
            ooo.set_auto_reply(db, plan_id, "", body)
        assert exc.value.field == "body" and words in exc.value.message
    with pytest.raises(ValidationError) as exc:
        ooo.set_auto_reply(db, plan_id, "Back {when}", "Fine.")
    assert exc.value.field == "subject"
    # Empty subject = the default; the template's own text = "use the template".
    ooo.set_auto_reply(db, plan_id, "  ", load_template("auto_reply.txt"))
    view = ooo.get_plan(db, plan_id)
    assert view.auto_reply_subject == "Out of Office Notice" and view.uses_template


# ------------------------------------------------------------------ R18 checklist


def test_checklist_created_once_with_owners_and_dates(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    first = ooo.ensure_checklist(db, plan_id)
    again = ooo.ensure_checklist(db, plan_id)
    assert [c.id for c in first] == [c.id for c in again]
    steps = {c.key: c for c in again}
    assert list(steps) == [
        "notify_tl",
        "hr_request",
        "handoff_meeting",
        "auto_reply",
        "calendar_ooo",
        "chat_status",
        "call_forwarding",
        "tl_confirms_auto_reply",
        "backup_check_email",
    ]
    assert steps["notify_tl"].due_date == D(2026, 11, 24)
    assert steps["hr_request"].due_date == D(2026, 11, 23)
    assert steps["handoff_meeting"].due_date == D(2026, 11, 25)  # Thanksgiving skipped
    assert steps["auto_reply"].due_date == D(2026, 11, 27)
    assert steps["backup_check_email"].due_date == FIRST
    assert steps["notify_tl"].owner == "You"
    assert steps["call_forwarding"].owner == "Taylor Reed (team lead)"
    assert steps["backup_check_email"].owner == "Backup"
    assert {c.key for c in again if c.has_ready_text} == {
        "notify_tl",
        "call_forwarding",
        "chat_status",
    }
    ooo.set_people(db, plan_id, world.tl, world.bob)
    steps = {c.key: c for c in ooo.get_plan(db, plan_id).checklist}
    assert steps["backup_check_email"].owner == "Bob Stone (backup)"


def test_late_checklist_and_next_deadline(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    steps = {c.key: c.id for c in ooo.ensure_checklist(db, plan_id)}
    assert ooo.late_checklist(db, today=D(2026, 11, 23)) == []
    nxt = ooo.next_deadline(db, today=D(2026, 11, 23))
    assert nxt is not None and (nxt.key, nxt.days_late) == ("hr_request", 0)
    late = ooo.late_checklist(db, today=D(2026, 11, 25))
    assert [(x.key, x.days_late) for x in late] == [("hr_request", 2), ("notify_tl", 1)]
    ooo.tick(db, steps["hr_request"])
    assert [x.key for x in ooo.late_checklist(db, today=D(2026, 11, 25))] == ["notify_tl"]
    ooo.tick(db, steps["hr_request"], done=False)
    assert len(ooo.late_checklist(db, today=D(2026, 11, 25))) == 2
    ooo.cancel_plan(db, plan_id)
    assert ooo.late_checklist(db, today=D(2026, 11, 25)) == []
    assert ooo.next_deadline(db, today=D(2026, 11, 23)) is None


def test_ready_texts(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    text = ooo.ready_text(db, plan_id, "notify_tl", today=TODAY)
    assert text.startswith("Hi Taylor,")
    assert "from Monday 30 November 2026 to Sunday 6 December 2026" in text
    assert "short notice" not in text and text.endswith("Morgan Lee")
    assert "short notice" in ooo.ready_text(db, plan_id, "notify_tl", today=D(2026, 11, 25))
    ooo.set_people(db, plan_id, world.tl, world.bob)
    calls = ooo.ready_text(db, plan_id, "call_forwarding", today=TODAY)
    assert "forward Morgan Lee's calls to Bob Stone (+1 555 0101)" in calls
    assert calls.endswith("Taylor Reed")
    assert (
        ooo.ready_text(db, plan_id, "chat_status")
        == "Vacation – back Mon 7 Dec 2026. Urgent: Bob Stone"
    )
    with pytest.raises(ValidationError):
        ooo.ready_text(db, plan_id, "hr_request")


# ------------------------------------------------------------------ hand-over


def assignee_ids(db: Database, item_id: int) -> list[int]:
    return sorted(c.id for c in workitems.get_item(db, item_id).assignees)


def test_delegation_and_its_return(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    esc = item(db, world, "Escalation", category=Category.ESCALATION)
    shared = item(
        db, world, "SSO setup", category=Category.SSO_INTEGRATION, assignees=[world.me, world.bob]
    )
    low = item(db, world, "Colour theme")
    ooo.triage(db, plan_id, today=TODAY)
    with pytest.raises(ValidationError) as exc:
        ooo.delegate(db, plan_id)
    assert exc.value.field == "backup"
    ooo.set_people(db, plan_id, world.tl, world.bob)
    before = {i: assignee_ids(db, i) for i in (esc, shared, low)}

    result = ooo.delegate(db, plan_id, actor="Morgan Lee")
    assert result == ooo.HandOver(delegated=(esc,), already_assigned=(shared,))
    assert assignee_ids(db, esc) == sorted([world.me, world.css, world.bob])
    assert assignee_ids(db, low) == before[low]  # Low items stay with me
    rows = by_title(ooo.get_plan(db, plan_id).handoff)
    assert rows["Escalation"].delegated_to == "Bob Stone"
    event = workitems.get_item(db, esc).events[-1]
    assert event.kind is ItemEventKind.DELEGATED and "Bob Stone" in event.note
    assert ooo.delegate(db, plan_id) == ooo.HandOver((), (shared,))  # nothing twice
    with pytest.raises(ValidationError) as exc:  # the backup cannot change under delegated items
        ooo.set_people(db, plan_id, world.tl, world.alex)
    assert exc.value.field == "backup" and "1 item(s) are already handed to Bob Stone" in (
        exc.value.message
    )
    # Someone takes me off the item while I am away: it still comes back to me.
    data = workitems.get_item(db, esc)
    workitems.save_item(
        db,
        workitems.ItemInput(
            data.title,
            account_id=data.account_id,
            category=data.category,
            due_at=data.due_at,
            assignee_ids=[world.css, world.bob],
            id=esc,
        ),
    )

    assert ooo.end_delegations(db, plan_id) == [esc]
    assert {i: assignee_ids(db, i) for i in (esc, shared, low)} == before
    with db.session() as s:
        (d,) = s.scalars(select(Delegation)).all()
        assert d.returned_at is not None and d.to_colleague_id == world.bob
        kinds = [e.kind for e in s.scalars(select(ItemEvent).where(ItemEvent.item_id == esc))]
    assert kinds[-1] is ItemEventKind.RETURNED
    assert ooo.end_delegations(db, plan_id) == []
    view = ooo.get_plan(db, plan_id)
    assert view.active_delegations == () and len(view.delegations) == 1
    ooo.set_people(db, plan_id, world.tl, world.alex)  # allowed again


def test_people_after_triage_keeps_the_rows_and_renames_the_owners(
    db: Database, world: World
) -> None:
    plan_id = new_plan(db)
    item(db, world, "Escalation", category=Category.ESCALATION)
    item(db, world, "Colour theme")
    rows = ooo.triage(db, plan_id, today=TODAY)
    ooo.set_level(db, by_title(rows)["Colour theme"].id, TriageLevel.MEDIUM)
    ooo.ensure_checklist(db, plan_id)
    before = ooo.get_plan(db, plan_id, today=TODAY).handoff
    ooo.set_people(db, plan_id, world.tl, world.bob)
    view = ooo.get_plan(db, plan_id, today=TODAY)
    assert view.handoff == before
    owners = {c.owner for c in view.checklist}
    assert {"Bob Stone (backup)", "Taylor Reed (team lead)"} <= owners
    ooo.set_people(db, plan_id, None, world.alex)
    owners = {c.owner for c in ooo.get_plan(db, plan_id, today=TODAY).checklist}
    assert "Team lead" in owners and "Bob Stone (backup)" not in owners


def test_cancel_ends_the_hand_over(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    esc = item(db, world, "Escalation", category=Category.ESCALATION)
    ooo.triage(db, plan_id, today=TODAY)
    ooo.set_people(db, plan_id, world.tl, world.bob)
    ooo.delegate(db, plan_id)
    ooo.cancel_plan(db, plan_id)
    assert assignee_ids(db, esc) == sorted([world.me, world.css])
    assert ooo.get_plan(db, plan_id).status is OooStatus.CANCELLED
    with pytest.raises(ValidationError):
        ooo.triage(db, plan_id, today=TODAY)


# ------------------------------------------------------------------ resumability, JSON


def test_resumable_after_closing_the_database(db: Database, world: World) -> None:
    plan_id = new_plan(db)
    ooo.set_step(db, plan_id, "people")
    ooo.set_people(db, plan_id, world.tl, world.bob)
    esc = item(db, world, "Escalation", category=Category.ESCALATION)
    item(db, world, "Colour theme")
    rows = by_title(ooo.triage(db, plan_id, today=TODAY))
    ooo.set_level(db, rows["Colour theme"].id, TriageLevel.MEDIUM)
    ooo.set_context(db, rows["Escalation"].id, world.primary_admin, "Call Pat.")
    ooo.set_auto_reply(db, plan_id, "Away", "Back on {return_day}.")
    steps = {c.key: c.id for c in ooo.ensure_checklist(db, plan_id)}
    ooo.tick(db, steps["notify_tl"])
    ooo.set_step(db, plan_id, "checklist")
    before = ooo.get_plan(db, plan_id, today=TODAY)
    path = db.sqlite_path
    assert path is not None
    db.close()

    again = open_database(sqlite_url(path))
    try:
        view = ooo.get_plan(again, plan_id, today=TODAY)
        assert view == before
        assert view.step == "checklist" and view.backup is not None
        assert view.backup.name == "Bob Stone"
        rows = by_title(view.handoff)
        assert rows["Colour theme"].overridden and rows["Colour theme"].level is M
        assert rows["Escalation"].context == "Call Pat." and rows["Escalation"].item_id == esc
        assert view.auto_reply_subject == "Away" and view.auto_reply_body == "Back on {return_day}."
        assert {c.key for c in view.checklist if c.done} == {"notify_tl"}
        assert next(d for d in view.deadlines if d.key == "notify_tl").done
    finally:
        again.close()


def test_plan_json(db: Database, world: World) -> None:
    plan_id = ooo.create_plan(db, D(2026, 11, 4), D(2026, 11, 9), today=TODAY)
    ooo.set_people(db, plan_id, world.tl, world.bob)
    item(db, world, "Renewal at risk", category=Category.ESCALATION)
    item(db, world, "Colour theme")
    ooo.triage(db, plan_id, today=TODAY)
    data = ooo.plan_json(db, plan_id, today=TODAY)
    json.dumps(data)  # serialisable as is
    assert (data["first_day"], data["last_day"], data["return_day"]) == (
        "2026-11-04",
        "2026-11-08",
        "2026-11-09",
    )
    assert data["backup"]["name"] == "Bob Stone" and data["team_lead"]["name"] == "Taylor Reed"
    flags = {d["key"]: d["missed"] for d in data["deadlines"]}
    assert flags == {"notify_tl": True, "hr_request": True, "auto_reply": False}
    triage = {t["title"]: t for t in data["triage"]}
    assert triage["Renewal at risk"]["level"] == "high"
    assert triage["Renewal at risk"]["reason"] == "Category: Escalation → High"
    assert triage["Colour theme"]["in_sheet"] is False
    assert [f["title"] for f in data["flagged"]] == ["Renewal at risk"]
    assert data["flagged"][0]["admin"]["name"] == "Pat Primary"
    assert data["missing_context"] == [data["flagged"][0]["item_id"]]
    assert data["auto_reply"]["subject"] == "Out of Office Notice"
    assert data["phase"] == "Upcoming"


def test_triage_returns_the_rows_the_plan_reads_back(db: Database, world: World) -> None:
    """The rows triage builds from its select are the ones get_plan reads from the database."""
    plan_id = new_plan(db)
    ooo.set_people(db, plan_id, world.tl, world.bob)
    item(db, world, "Renewal at risk", category=Category.ESCALATION)
    item(db, world, "Monthly report", due=utc(2026, 12, 3))
    item(db, world, "Colour theme", description="Nearly done")
    bare = portfolio.save_account(db, portfolio.AccountInput("Bare Clinic"))  # no admins
    for title, account in (("No account", None), ("Bare account", bare)):
        workitems.save_item(
            db,
            workitems.ItemInput(
                title,
                account_id=account,
                category=Category.ESCALATION,
                due_at=LATER,
                assignee_ids=[world.me],
            ),
        )
    workitems.save_item(
        db,
        workitems.ItemInput(
            "Other account", account_id=world.other_account, due_at=LATER, assignee_ids=[world.me]
        ),
    )

    first = ooo.triage(db, plan_id, today=TODAY)
    assert first == list(ooo.get_plan(db, plan_id, today=TODAY).handoff)
    rows = by_title(first)
    assert len(rows) == 6
    renewal = rows["Renewal at risk"]
    assert renewal.admin_id == world.primary_admin  # the primary admin, prefilled
    assert (renewal.admin_name, renewal.admin_email) == ("Pat Primary", "pat@pc.example")
    assert rows["Other account"].admin_name == "Rae Other"
    assert rows["No account"].admin_id is None and rows["No account"].account == ""
    assert rows["Bare account"].admin_id is None and rows["Bare account"].account == "Bare Clinic"
    assert rows["Colour theme"].reason == "Mentions “nearly done” → Low"

    # Delegated items are named so; a second triage adds, keeps and reads back the same.
    ooo.delegate(db, plan_id)
    item(db, world, "Users cannot log in")
    again = ooo.triage(db, plan_id, today=TODAY)
    assert again == list(ooo.get_plan(db, plan_id, today=TODAY).handoff)
    rows = by_title(again)
    assert rows["Renewal at risk"].delegated_to == "Bob Stone"
    assert rows["Users cannot log in"].delegated_to == ""
    assert rows["Users cannot log in"].level is H
    assert [r.id for r in again if r.title != "Users cannot log in"] == [r.id for r in first]
