"""The Settings view, driven as a user would: pick, type, click Save or Revert, read the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDateTimeEdit, QSpinBox, QTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from csdesk.core import business_time, directory, sla, workitems
from csdesk.core.business_time import BusinessCalendar, load_calendar
from csdesk.core.db import Database
from csdesk.core.enums import Priority, Role
from csdesk.core.rules import RulesConfig, load_rules
from csdesk.core.settings import get_setting, set_setting
from csdesk.gui.views.settings import SettingsView
from tests.gui.conftest import Seed


def make_view(qtbot: QtBot, db: Database) -> SettingsView:
    view = SettingsView(db)
    qtbot.addWidget(view)
    view.resize(1060, 740)
    view.show()
    return view


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what a line edit or spin box shows and type over it."""
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def type_time(qtbot: QtBot, edit: QTimeEdit, hhmm: str) -> None:
    """Select the hours, as a double-click does, and type "HHMM"."""
    edit.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, hhmm)


def save(qtbot: QtBot, view: SettingsView) -> None:
    click(qtbot, view.ui.saveButton)


def kind_row(view: SettingsView, name: str) -> int:
    return next(r for r, (_, n, _) in enumerate(view.kind_rows()) if n == name)


def sla_spin(view: SettingsView, policy: str) -> QAbstractSpinBox:
    table = view.ui.slaTable
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == policy)
    spin = table.cellWidget(row, 2)
    assert isinstance(spin, QAbstractSpinBox)
    return spin


def test_people_are_the_directory_roles(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    view = make_view(qtbot, db)
    assert view.ui.meCombo.currentText() == "Morgan Reyes"
    assert view.ui.cssCombo.currentText() == "Casey Lin"
    assert view.ui.fallbackCombo.currentText() == "— nobody —"
    qtbot.keyClicks(view.ui.cssCombo, "Jonah")
    qtbot.keyClicks(view.ui.fallbackCombo, "Avery")
    assert view.dirty
    with qtbot.waitSignal(view.saved, timeout=1000):
        save(qtbot, view)
    assert view.error_text == ""
    assert view.ui.savedLabel.isVisible()
    assert directory.role_holder(db, Role.ME) == seeded.me
    assert directory.role_holder(db, Role.CSS) == seeded.web
    assert directory.role_holder(db, Role.ESCALATION_FALLBACK) == seeded.am
    assert directory.colleague_ids_with_role(db, Role.CSS) == [seeded.web]


def test_business_calendar_is_saved_and_shown_again(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    view = make_view(qtbot, db)
    ui = view.ui
    retype(qtbot, ui.timezoneCombo, "Europe/Berlin")
    click(qtbot, ui.fridayCheck)  # off
    click(qtbot, ui.saturdayCheck)  # on
    type_time(qtbot, ui.startTimeEdit, "0830")
    type_time(qtbot, ui.endTimeEdit, "1645")
    qtbot.keyClicks(ui.countryCombo, "Germany")
    assert ui.subdivisionCombo.isEnabled()
    qtbot.keyClicks(ui.subdivisionCombo, "Bayern")
    assert "Next public holidays" in ui.holidayHintLabel.text()
    for day in (dt.date(2026, 12, 24), dt.date(2026, 12, 31), dt.date(2026, 12, 24)):
        ui.dayOffEdit.setDate(day)
        click(qtbot, ui.addDayOffButton)
    assert ui.daysOffList.count() == 2  # the same day is listed once
    save(qtbot, view)
    assert view.error_text == ""
    expected = BusinessCalendar(
        timezone="Europe/Berlin",
        workdays=frozenset({0, 1, 2, 3, 5}),
        start=dt.time(8, 30),
        end=dt.time(16, 45),
        country="DE",
        subdivision="BY",
        extra_days_off=frozenset({dt.date(2026, 12, 24), dt.date(2026, 12, 31)}),
    )
    assert load_calendar(db) == expected
    again = make_view(qtbot, db)
    assert again.collect_calendar() == expected
    assert again.ui.countryCombo.currentText() == "Germany (DE)"
    assert again.ui.subdivisionCombo.currentText() == "Bayern (BY)"
    assert not again.ui.fridayCheck.isChecked()


def test_removing_a_day_off(qtbot: QtBot, db: Database) -> None:
    business_time.save_calendar(
        db, BusinessCalendar(extra_days_off=frozenset({dt.date(2026, 8, 3), dt.date(2026, 8, 4)}))
    )
    view = make_view(qtbot, db)
    assert view.ui.daysOffList.item(0).text() == "Mon 3 Aug 2026"
    view.ui.daysOffList.setCurrentRow(0)
    click(qtbot, view.ui.removeDayOffButton)
    save(qtbot, view)
    assert load_calendar(db).extra_days_off == {dt.date(2026, 8, 4)}


def test_a_day_ending_before_it_starts_is_refused_and_nothing_is_saved(
    qtbot: QtBot, db: Database, seeded: Seed
) -> None:
    view = make_view(qtbot, db)
    ui = view.ui
    retype(qtbot, ui.highSpin, "6")
    retype(qtbot, ui.supportEmailEdit, "help@brightpath.example")
    qtbot.keyClicks(ui.cssCombo, "Jonah")
    type_time(qtbot, ui.endTimeEdit, "0800")
    with qtbot.assertNotEmitted(view.saved):
        save(qtbot, view)
    assert "The working day must end after it starts (09:00–08:00)" in view.error_text
    assert not ui.savedLabel.isVisible()
    # The edits stay on screen, and none of them reached the database.
    assert ui.endTimeEdit.time().toString("HH:mm") == "08:00"
    assert ui.highSpin.value() == 6
    assert load_calendar(db) == BusinessCalendar()
    assert load_rules(db) == RulesConfig()
    assert get_setting(db, "support_email") is None
    assert directory.role_holder(db, Role.CSS) == seeded.css
    # Fixed and saved again: all of it is written, and the error goes away.
    type_time(qtbot, ui.endTimeEdit, "1730")
    save(qtbot, view)
    assert view.error_text == ""
    assert load_calendar(db).end == dt.time(17, 30)
    assert load_rules(db).am_response_minutes[Priority.HIGH] == 360
    assert get_setting(db, "support_email") == "help@brightpath.example"
    assert directory.role_holder(db, Role.CSS) == seeded.web


def test_am_response_time_for_high_priority(qtbot: QtBot, db: Database) -> None:
    view = make_view(qtbot, db)
    assert view.ui.highSpin.value() == 4  # the SOP default, in hours
    retype(qtbot, view.ui.highSpin, "6.5")
    retype(qtbot, view.ui.staleSpin, "3")
    click(qtbot, view.ui.remindersCheck)
    save(qtbot, view)
    rules = load_rules(db)
    assert rules.am_response_minutes[Priority.HIGH] == 390
    assert rules.am_response_minutes[Priority.HIGHEST] == 120
    assert rules.stale_after_days == 3
    assert rules.reminders is False


def test_zero_response_time_is_refused(qtbot: QtBot, db: Database) -> None:
    view = make_view(qtbot, db)
    retype(qtbot, view.ui.lowSpin, "0")
    save(qtbot, view)
    assert "response time for Low priority must be more than zero" in view.error_text
    assert load_rules(db) == RulesConfig()


def test_sla_target_is_saved(qtbot: QtBot, db: Database) -> None:
    view = make_view(qtbot, db)
    spin = sla_spin(view, "Chat reply")
    retype(qtbot, spin, "1.5")
    row = next(
        r for r in range(view.ui.slaTable.rowCount()) if view.ui.slaTable.cellWidget(r, 2) is spin
    )
    assert view.ui.slaTable.item(row, 3).text() == "1 h 30 min"
    save(qtbot, view)
    targets = {p.name: p.business_minutes for p in sla.list_policies(db)}
    assert targets["Chat reply"] == 90
    assert targets["Email reply"] == 8 * 60


def test_task_kind_added_and_another_removed(qtbot: QtBot, db: Database) -> None:
    view = make_view(qtbot, db)
    ui = view.ui
    qtbot.keyClicks(ui.newKindEdit, "Landing page")
    retype(qtbot, ui.newKindHoursSpin, "120")
    click(qtbot, ui.addKindButton)
    assert ui.newKindEdit.text() == ""
    ui.kindsTable.setCurrentCell(kind_row(view, "Report"), 0)
    click(qtbot, ui.removeKindButton)
    spin = ui.kindsTable.cellWidget(kind_row(view, "Content draft"), 1)
    assert isinstance(spin, QSpinBox)
    retype(qtbot, spin, "96")
    save(qtbot, view)
    kinds = {k.name: k.default_due_hours for k in workitems.list_kinds(db)}
    assert kinds["Landing page"] == 120
    assert kinds["Content draft"] == 96
    assert "Report" not in kinds
    assert "Landing page" in [name for _, name, _ in view.kind_rows()]


def test_a_kind_without_a_name_is_not_added(qtbot: QtBot, db: Database) -> None:
    view = make_view(qtbot, db)
    before = len(view.kind_rows())
    click(qtbot, view.ui.addKindButton)
    assert "name of the new task kind" in view.error_text
    assert len(view.kind_rows()) == before


def test_a_refused_kind_is_not_written_twice(qtbot: QtBot, db: Database) -> None:
    """Kinds are written first; after a refusal, Save again adds each new kind once."""
    view = make_view(qtbot, db)
    ui = view.ui
    for name in ("Landing page", "Report"):
        qtbot.keyClicks(ui.newKindEdit, name)
        click(qtbot, ui.addKindButton)
    retype(qtbot, ui.supportPhoneEdit, "+1 555 0100")
    save(qtbot, view)
    assert "There is already a kind called “Report”" in view.error_text
    assert get_setting(db, "support_phone") is None
    landing = next(k.id for k in workitems.list_kinds(db) if k.name == "Landing page")
    assert (landing, "Landing page", 48) in view.kind_rows()  # the row now is the saved kind
    ui.kindsTable.item(ui.kindsTable.currentRow(), 0).setText("Quarterly report")
    save(qtbot, view)
    assert view.error_text == ""
    names = [k.name for k in workitems.list_kinds(db)]
    assert names.count("Landing page") == 1
    assert landing in [k.id for k in workitems.list_kinds(db)]
    assert "Quarterly report" in names
    assert get_setting(db, "support_phone") == "+1 555 0100"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("supportEmailEdit", "support@@example", "is not a valid email address"),
        ("supportPhoneEdit", "call us", "is not a valid phone number"),
    ],
)
def test_bad_support_contact_is_refused(
    qtbot: QtBot, db: Database, field: str, value: str, message: str
) -> None:
    view = make_view(qtbot, db)
    ui = view.ui
    retype(qtbot, getattr(ui, field), value)
    click(qtbot, ui.sundayCheck)
    save(qtbot, view)
    assert message in view.error_text
    assert get_setting(db, "support_email") is None
    assert get_setting(db, "support_phone") is None
    assert load_calendar(db) == BusinessCalendar()


def test_support_contacts_are_saved(qtbot: QtBot, db: Database) -> None:
    view = make_view(qtbot, db)
    retype(qtbot, view.ui.supportEmailEdit, "  help@brightpath.example ")
    retype(qtbot, view.ui.supportPhoneEdit, "+44 20 7946 0000")
    save(qtbot, view)
    assert get_setting(db, "support_email") == "help@brightpath.example"
    assert get_setting(db, "support_phone") == "+44 20 7946 0000"


def test_revert_discards_edits(qtbot: QtBot, db: Database, seeded: Seed) -> None:
    set_setting(db, "support_email", "support@brightpath.example")
    view = make_view(qtbot, db)
    ui = view.ui
    retype(qtbot, ui.highSpin, "9")
    retype(qtbot, ui.supportEmailEdit, "other@brightpath.example")
    click(qtbot, ui.mondayCheck)
    qtbot.keyClicks(ui.cssCombo, "Jonah")
    qtbot.keyClicks(ui.newKindEdit, "Landing page")
    click(qtbot, ui.addKindButton)
    retype(qtbot, sla_spin(view, "Email reply"), "2")
    assert view.dirty
    click(qtbot, ui.revertButton)
    assert not view.dirty
    assert ui.highSpin.value() == 4
    assert ui.supportEmailEdit.text() == "support@brightpath.example"
    assert ui.mondayCheck.isChecked()
    assert ui.cssCombo.currentText() == "Casey Lin"
    assert "Landing page" not in [name for _, name, _ in view.kind_rows()]
    assert sla_spin(view, "Email reply").value() == 8  # type: ignore[attr-defined]
    save(qtbot, view)  # what was reverted is not written later either
    assert load_rules(db) == RulesConfig()
    assert "Landing page" not in [k.name for k in workitems.list_kinds(db)]
    assert directory.role_holder(db, Role.CSS) == seeded.css


def test_an_unusable_saved_calendar_is_explained(qtbot: QtBot, db: Database) -> None:
    set_setting(db, business_time.SETTING_KEY, {"timezone": "Mars/Olympus_Mons"})
    view = make_view(qtbot, db)
    assert "The saved business calendar cannot be used" in view.error_text
    assert "Mars/Olympus_Mons" in view.error_text
    assert view.ui.timezoneCombo.currentText() == "UTC"


def test_adoption_and_renewal_thresholds_are_saved(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from csdesk.core.rules import load_rules
    from csdesk.gui.views.settings import SettingsView

    view = SettingsView(db)
    qtbot.addWidget(view)
    view.ui.adoptionSpin.setValue(45)
    view.ui.renewalSpin.setValue(60)
    assert view.save()
    rules = load_rules(db)
    assert (rules.adoption_threshold_percent, rules.renewal_soon_days) == (45, 60)
