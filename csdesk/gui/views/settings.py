"""Settings: who is who, the business calendar, response times, SLA targets, task kinds, contacts.

Everything on the page is saved with one button, through the core: the widget
holds no rules. Save first runs the checks that write nothing (the calendar,
the rules, the support contacts) so that a mistake there leaves the database
untouched; then it writes, the parts most likely to be refused (task kinds,
SLA targets) first. What has been written is remembered, so pressing Save
again after fixing a refused value never writes anything twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from zoneinfo import available_timezones

import holidays
from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDoubleSpinBox,
    QHeaderView,
    QListWidgetItem,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from csdesk.core import business_time, directory, sla, workitems
from csdesk.core.business_time import BusinessCalendar, format_minutes
from csdesk.core.db import Database
from csdesk.core.enums import Priority, Role
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.rules import RulesConfig, load_rules, save_rules
from csdesk.core.settings import get_setting, set_setting
from csdesk.core.sla import PolicyRow
from csdesk.core.validation import clean_email, clean_phone
from csdesk.core.workitems import KindRow
from csdesk.gui.forms.ui_settings_view import Ui_SettingsView
from csdesk.gui.google import GoogleAccountBox
from csdesk.gui.widgets import fill_combo, select_data

NOBODY = "— nobody —"
NO_HOLIDAYS = "— no public holidays —"
WHOLE_COUNTRY = "— whole country —"
SUPPORT_EMAIL = "support_email"
SUPPORT_PHONE = "support_phone"
ROW_HEIGHT = 28
ID_ROLE = Qt.ItemDataRole.UserRole

# The IANA regions people live in; the legacy aliases (US/Eastern, GB, …) still load if saved.
_TZ_REGIONS = (
    "Africa/",
    "America/",
    "Antarctica/",
    "Arctic/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
)

# Country names as the holidays registry spells its module names, where that reads badly.
_COUNTRY_NAME_FIXES = {
    "CD": "DR Congo",
    "CI": "Côte d'Ivoire",
    "CW": "Curaçao",
    "GW": "Guinea-Bissau",
    "HK": "Hong Kong",
    "RE": "Réunion",
    "TL": "Timor-Leste",
}
_SMALL_WORDS = ("and", "of", "the", "da")


@lru_cache(maxsize=1)
def timezone_names() -> tuple[str, ...]:
    """Sorted zone names; cached because scanning the tz database takes a noticeable moment."""
    return ("UTC", *sorted(z for z in available_timezones() if z.startswith(_TZ_REGIONS)))


@lru_cache(maxsize=1)
def country_choices() -> tuple[tuple[str, str], ...]:
    """(code, "Name (CODE)") for every country with a holiday calendar, sorted by name.

    Read from the holidays registry, which costs nothing: asking the package for its
    supported countries imports all of its ~250 country modules (a noticeable pause).
    """
    names: dict[str, str] = {}
    try:
        from holidays.registry import COUNTRIES
    except ImportError:  # a holidays release laid out differently: codes only
        names = {c: c for c in holidays.list_supported_countries() if len(c) == 2}
    else:
        for module, entry in COUNTRIES.items():
            words = module.split("_")
            names[entry[1]] = " ".join(w if w in _SMALL_WORDS else w.capitalize() for w in words)
        names.update({c: n for c, n in _COUNTRY_NAME_FIXES.items() if c in names})
    return tuple(
        sorted(
            ((code, f"{name} ({code})" if name != code else code) for code, name in names.items()),
            key=lambda choice: choice[1].casefold(),
        )
    )


@lru_cache(maxsize=64)
def subdivision_choices(country: str) -> tuple[tuple[str, str], ...]:
    """(code, "Name (CODE)") for a country's states or regions, sorted by name."""
    try:
        calendar = holidays.country_holidays(country, years=())
    except NotImplementedError:
        return ()
    codes = tuple(getattr(calendar, "subdivisions", ()))
    aliases_of = getattr(calendar, "get_subdivision_aliases", None)
    aliases: dict[str, list[str]] = aliases_of() if aliases_of is not None else {}
    choices = []
    for code in codes:
        names = aliases.get(code) or []
        choices.append((code, f"{names[0]} ({code})" if names else code))
    return tuple(sorted(choices, key=lambda choice: choice[1].casefold()))


def upcoming_holidays(
    country: str, subdivision: str | None, today: dt.date, count: int = 3
) -> list[tuple[dt.date, str]]:
    """The next ``count`` public holidays within a year, to show what the choice means."""
    probe = BusinessCalendar(country=country, subdivision=subdivision)
    found: list[tuple[dt.date, str]] = []
    day = today
    try:
        while len(found) < count and day < today + dt.timedelta(days=366):
            name = probe.holiday_name(day)
            if name is not None:
                found.append((day, name))
            day += dt.timedelta(days=1)
    except (KeyError, NotImplementedError, ValueError):
        return []
    return found


def _day_text(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


class SettingsView(QWidget):
    title = "Settings"
    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load=False``: the main window fills the view when it is first shown."""
        super().__init__(parent)
        self.db = db
        self.ui = Ui_SettingsView()
        self.ui.setupUi(self)
        ui = self.ui
        # Google account (issue 6): below the contacts, in its own form (ui/google_account_box.ui)
        self.google_box = GoogleAccountBox(ui.scrollContents, load=False)
        ui.rightColumn.insertWidget(ui.rightColumn.indexOf(ui.contactsBox) + 1, self.google_box)
        self._loading = False
        self._dirty = False
        self._timezones_filled = False
        self._wrote = False  # whether the current Save has written anything yet
        # What the database held at the last load (or write): Save writes only differences.
        self._roles: dict[Role, int | None] = {}
        self._policies: dict[int, PolicyRow] = {}
        self._kinds: dict[int, KindRow] = {}
        self.day_checks: tuple[QCheckBox, ...] = (
            ui.mondayCheck,
            ui.tuesdayCheck,
            ui.wednesdayCheck,
            ui.thursdayCheck,
            ui.fridayCheck,
            ui.saturdayCheck,
            ui.sundayCheck,
        )
        for box, name in zip(self.day_checks, business_time.DAY_NAMES, strict=True):
            box.setToolTip(name)
        self.am_spins: dict[Priority, QDoubleSpinBox] = {
            Priority.HIGHEST: ui.highestSpin,
            Priority.HIGH: ui.highSpin,
            Priority.MEDIUM: ui.mediumSpin,
            Priority.LOW: ui.lowSpin,
            Priority.LOWEST: ui.lowestSpin,
        }
        self.role_combos = {
            Role.ME: ui.meCombo,
            Role.CSS: ui.cssCombo,
            Role.ESCALATION_FALLBACK: ui.fallbackCombo,
        }
        self._setup_calendar()
        self._setup_tables()
        ui.errorLabel.setVisible(False)
        ui.savedLabel.setVisible(False)
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.refresh)
        self._connect_edits()
        if load:
            self.refresh()

    # ------------------------------------------------------------- set-up

    def _setup_calendar(self) -> None:
        ui = self.ui
        combo = ui.timezoneCombo
        combo.setMaxVisibleItems(20)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        combo.lineEdit().setPlaceholderText("e.g. Europe/London")
        fill_combo(ui.countryCombo, country_choices(), NO_HOLIDAYS)
        ui.countryCombo.setMaxVisibleItems(20)
        ui.countryCombo.currentIndexChanged.connect(self._country_changed)
        ui.subdivisionCombo.currentIndexChanged.connect(self._show_holidays)
        ui.dayOffEdit.setDate(QDate.currentDate())
        ui.addDayOffButton.clicked.connect(self.add_day_off)
        ui.removeDayOffButton.clicked.connect(self.remove_day_off)
        ui.daysOffList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for edit in (ui.startTimeEdit, ui.endTimeEdit):
            edit.timeChanged.connect(self._update_sla_texts)

    def _setup_tables(self) -> None:
        ui = self.ui
        for table, headers in (
            (ui.slaTable, ["Policy", "Applies to", "Target", "In business time"]),
            (ui.kindsTable, ["Kind", "Default duration"]),
        ):
            table.setColumnCount(len(headers))
            table.setHorizontalHeaderLabels(headers)
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
            header = table.horizontalHeader()
            header.setHighlightSections(False)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        sla_header = ui.slaTable.horizontalHeader()
        sla_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        sla_header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        ui.slaTable.setColumnWidth(2, 92)
        ui.slaTable.horizontalHeaderItem(1).setToolTip(
            "Response: from the customer's message until we answer.\n"
            "Delivery: from the request until it is done, paused while we wait on the customer."
        )
        ui.slaTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.slaTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.kindsTable.setColumnWidth(1, 130)
        ui.kindsTable.setMinimumHeight(120)
        ui.kindsTable.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        ui.addKindButton.clicked.connect(self.add_kind)
        ui.newKindEdit.returnPressed.connect(self.add_kind)
        ui.removeKindButton.clicked.connect(self.remove_kind)

    def _connect_edits(self) -> None:
        """Any change by the user hides "Saved." and marks the page as edited."""
        ui = self.ui
        for combo in (*self.role_combos.values(), ui.countryCombo, ui.subdivisionCombo):
            combo.currentIndexChanged.connect(self._edited)
        ui.timezoneCombo.editTextChanged.connect(self._edited)
        for box in (*self.day_checks, ui.remindersCheck):
            box.toggled.connect(self._edited)
        for edit in (ui.startTimeEdit, ui.endTimeEdit):
            edit.timeChanged.connect(self._edited)
        for hours in self.am_spins.values():
            hours.valueChanged.connect(self._edited)
        for spin in (
            ui.staleSpin,
            ui.nearBreachSpin,
            ui.highLoadSpin,
            ui.adoptionSpin,
            ui.renewalSpin,
        ):
            spin.valueChanged.connect(self._edited)
        for line in (ui.supportEmailEdit, ui.supportPhoneEdit):
            line.textChanged.connect(self._edited)
        ui.kindsTable.itemChanged.connect(self._edited)

    def showEvent(self, event: QShowEvent) -> None:
        self._fill_timezones()
        super().showEvent(event)

    def _fill_timezones(self) -> None:
        """Filled when first shown, not at start-up: listing the zones takes a moment."""
        if self._timezones_filled:
            return
        self._timezones_filled = True
        combo = self.ui.timezoneCombo
        text = combo.currentText()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItems(list(timezone_names()))
            self._set_timezone(text)

    def _set_timezone(self, name: str) -> None:
        combo = self.ui.timezoneCombo
        i = combo.findText(name)
        if i >= 0:
            combo.setCurrentIndex(i)
        else:
            combo.setEditText(name)

    # ---------------------------------------------------------- state

    @property
    def dirty(self) -> bool:
        """True when something was changed since the page was last loaded or saved."""
        return self._dirty

    def _edited(self, *_: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self.ui.savedLabel.setVisible(False)

    @property
    def error_text(self) -> str:
        label = self.ui.errorLabel
        return str(label.text()) if not label.isHidden() else ""

    def show_error(self, text: str, field: str = "") -> None:
        self.ui.savedLabel.setVisible(False)
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(True)
        widget = self._field_widget(field)
        if widget is not None:
            self.ui.scrollArea.ensureWidgetVisible(widget)
            widget.setFocus()

    def hide_error(self) -> None:
        self.ui.errorLabel.clear()
        self.ui.errorLabel.setVisible(False)

    def field_widgets(self) -> dict[str, QWidget]:
        """The widget to point at for each ValidationError.field the core may raise."""
        ui = self.ui
        return {
            "timezone": ui.timezoneCombo,
            "workdays": ui.mondayCheck,
            "start": ui.startTimeEdit,
            "end": ui.endTimeEdit,
            "country": ui.countryCombo,
            "subdivision": ui.subdivisionCombo,
            "extra_days_off": ui.daysOffList,
            "am_response": ui.highestSpin,
            "stale": ui.staleSpin,
            "near_breach": ui.nearBreachSpin,
            "high_load": ui.highLoadSpin,
            "adoption": ui.adoptionSpin,
            "renewal_soon": ui.renewalSpin,
            "sla": ui.slaTable,
            "kind": ui.kindsTable,
            "new_kind": ui.newKindEdit,
            SUPPORT_EMAIL: ui.supportEmailEdit,
            SUPPORT_PHONE: ui.supportPhoneEdit,
        }

    def _field_widget(self, field: str) -> QWidget | None:
        if field == "am_response":
            # Point at the first response time the core refused (a zero one).
            return next((s for s in self.am_spins.values() if s.value() <= 0), self.ui.highestSpin)
        return self.field_widgets().get(field)

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload everything from the database; unsaved edits are discarded."""
        self.google_box.refresh()
        self.hide_error()
        self.ui.savedLabel.setVisible(False)
        self._loading = True
        try:
            self._load_people()
            problem = self._load_calendar()
            self._load_rules()
            self._load_policies()
            self._load_kinds()
            self._load_contacts()
        finally:
            self._loading = False
        self._dirty = False
        if problem:
            self.show_error(problem)

    def _load_people(self) -> None:
        people = [(c.id, c.name) for c in directory.list_colleagues(self.db)]
        for role, combo in self.role_combos.items():
            holder = directory.role_holder(self.db, role)
            self._roles[role] = holder
            fill_combo(combo, people, NOBODY)
            select_data(combo, holder)

    def _load_calendar(self) -> str:
        """Fill the calendar; returns why the saved one could not be used, if it could not."""
        raw = get_setting(self.db, business_time.SETTING_KEY)
        problem = ""
        cal = BusinessCalendar()
        if raw is not None:
            try:
                cal = BusinessCalendar.from_dict(raw)
            except ValidationError as exc:
                problem = (
                    f"The saved business calendar cannot be used: {exc.message} "
                    "The defaults are shown; check them and press Save settings."
                )
        ui = self.ui
        self._set_timezone(cal.timezone)
        for weekday, box in enumerate(self.day_checks):
            box.setChecked(weekday in cal.workdays)
        ui.startTimeEdit.setTime(QTime(cal.start.hour, cal.start.minute))
        ui.endTimeEdit.setTime(QTime(cal.end.hour, cal.end.minute))
        select_data(ui.countryCombo, cal.country)
        self._country_changed()
        select_data(ui.subdivisionCombo, cal.subdivision)
        ui.daysOffList.clear()
        for day in sorted(cal.extra_days_off):
            self._insert_day_off(day)
        return problem

    def _load_rules(self) -> None:
        cfg = load_rules(self.db)
        for priority, spin in self.am_spins.items():
            spin.setValue(cfg.am_response_minutes.get(priority, 0) / 60)
        self.ui.staleSpin.setValue(cfg.stale_after_days)
        self.ui.nearBreachSpin.setValue(cfg.near_breach_percent)
        self.ui.highLoadSpin.setValue(cfg.high_load_threshold)
        self.ui.adoptionSpin.setValue(cfg.adoption_threshold_percent)
        self.ui.renewalSpin.setValue(cfg.renewal_soon_days)
        self.ui.remindersCheck.setChecked(cfg.reminders)

    def _load_policies(self) -> None:
        table = self.ui.slaTable
        policies = sla.list_policies(self.db)
        self._policies = {p.id: p for p in policies}
        table.clearContents()
        table.setRowCount(len(policies))
        for row, p in enumerate(policies):
            name = QTableWidgetItem(p.name)
            name.setData(ID_ROLE, p.id)
            table.setItem(row, 0, name)
            if p.category is not None:
                applies = f"Delivery · {p.category.label}"
            elif p.channel is not None:
                applies = f"Response · {p.channel.label}"
            else:
                applies = p.kind.capitalize()
            table.setItem(row, 1, QTableWidgetItem(applies))
            table.setItem(row, 3, QTableWidgetItem())
            spin = QDoubleSpinBox()
            spin.setFrame(False)
            spin.setDecimals(2)
            spin.setRange(0.25, 9999.0)
            spin.setSingleStep(0.25)
            spin.setSuffix(" h")
            spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            spin.setValue(p.business_minutes / 60)
            spin.valueChanged.connect(self._edited)
            spin.valueChanged.connect(self._update_sla_texts)
            table.setCellWidget(row, 2, spin)
        height = table.horizontalHeader().sizeHint().height() + ROW_HEIGHT * len(policies)
        table.setFixedHeight(height + 2 * table.frameWidth())
        self._update_sla_texts()

    def _load_kinds(self) -> None:
        table = self.ui.kindsTable
        kinds = workitems.list_kinds(self.db)
        self._kinds = {k.id: k for k in kinds}
        with QSignalBlocker(table):
            table.clearContents()
            table.setRowCount(0)
            for k in kinds:
                self._append_kind(k.name, k.default_due_hours, k.id)
        self.ui.newKindEdit.clear()
        self.ui.newKindHoursSpin.setValue(workitems.DEFAULT_DUE_HOURS)

    def _load_contacts(self) -> None:
        self.ui.supportEmailEdit.setText(str(get_setting(self.db, SUPPORT_EMAIL, "") or ""))
        self.ui.supportPhoneEdit.setText(str(get_setting(self.db, SUPPORT_PHONE, "") or ""))

    # ------------------------------------------------------------ calendar

    def _country_changed(self, *_: object) -> None:
        combo = self.ui.subdivisionCombo
        country = self.ui.countryCombo.currentData()
        choices = subdivision_choices(country) if country else ()
        with QSignalBlocker(combo):
            fill_combo(combo, choices, WHOLE_COUNTRY)
        combo.setEnabled(bool(choices))
        self._show_holidays()

    def _show_holidays(self, *_: object) -> None:
        country = self.ui.countryCombo.currentData()
        label = self.ui.holidayHintLabel
        region = self.ui.subdivisionCombo
        region.setToolTip(
            region.currentText()
            if region.currentData()
            else "State or region: some public holidays are regional"
        )
        if not country:
            label.setText("Only your working days and the extra days off below count as time off.")
            return
        coming = upcoming_holidays(country, self.ui.subdivisionCombo.currentData(), dt.date.today())
        if coming:
            label.setText(
                "Next public holidays: "
                + " · ".join(f"{day:%a} {day.day} {day:%b} {name}" for day, name in coming)
            )
        else:
            label.setText("No public holidays in the coming year.")

    def _insert_day_off(self, day: dt.date) -> QListWidgetItem:
        days = self.days_off()
        if day in days:
            existing = self.ui.daysOffList.item(days.index(day))
            assert existing is not None
            return existing
        item = QListWidgetItem(_day_text(day))
        item.setData(ID_ROLE, day.isoformat())
        position = sum(1 for d in days if d < day)
        self.ui.daysOffList.insertItem(position, item)
        return item

    def days_off(self) -> list[dt.date]:
        listed = self.ui.daysOffList
        return [
            dt.date.fromisoformat(str(listed.item(i).data(ID_ROLE))) for i in range(listed.count())
        ]

    def add_day_off(self) -> None:
        day: dt.date = self.ui.dayOffEdit.date().toPython()  # type: ignore[assignment]
        before = self.ui.daysOffList.count()
        item = self._insert_day_off(day)
        self.ui.daysOffList.setCurrentItem(item)
        if self.ui.daysOffList.count() != before:
            self._edited()

    def remove_day_off(self) -> None:
        listed = self.ui.daysOffList
        chosen = listed.selectedItems() or ([listed.currentItem()] if listed.currentItem() else [])
        for item in chosen:
            listed.takeItem(listed.row(item))
        if chosen:
            self._edited()

    def _minutes_per_day(self) -> int:
        start, end = self.ui.startTimeEdit.time(), self.ui.endTimeEdit.time()
        minutes = (end.hour() * 60 + end.minute()) - (start.hour() * 60 + start.minute())
        return minutes if minutes > 0 else 8 * 60

    def _update_sla_texts(self, *_: object) -> None:
        """Show each target as business days, by the working day typed above."""
        per_day = self._minutes_per_day()
        for row, spin in self._sla_spins():
            cell = self.ui.slaTable.item(row, 3)
            if cell is not None:
                cell.setText(format_minutes(round(spin.value() * 60), per_day))

    def _sla_spins(self) -> Iterator[tuple[int, QDoubleSpinBox]]:
        table = self.ui.slaTable
        for row in range(table.rowCount()):
            spin = table.cellWidget(row, 2)
            if isinstance(spin, QDoubleSpinBox):
                yield row, spin

    # --------------------------------------------------------------- kinds

    def _append_kind(self, name: str, hours: int, kind_id: int | None) -> int:
        table = self.ui.kindsTable
        row = table.rowCount()
        table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(ID_ROLE, kind_id)
        table.setItem(row, 0, item)
        spin = QSpinBox()
        spin.setFrame(False)
        spin.setRange(1, 24 * 365)
        spin.setSuffix(" h")
        spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        spin.setValue(hours)
        spin.setToolTip("How long after creation a new task of this kind is due.")
        spin.valueChanged.connect(self._edited)
        table.setCellWidget(row, 1, spin)
        return row

    def kind_rows(self) -> list[tuple[int | None, str, int]]:
        """(id or None for a new kind, name, hours) as the table shows them now."""
        table = self.ui.kindsTable
        rows = []
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            spin = table.cellWidget(row, 1)
            assert item is not None and isinstance(spin, QSpinBox)
            kind_id = item.data(ID_ROLE)
            rows.append((int(kind_id) if kind_id is not None else None, item.text(), spin.value()))
        return rows

    def add_kind(self) -> None:
        name = self.ui.newKindEdit.text().strip()
        if not name:
            self.show_error("Type the name of the new task kind first.", "new_kind")
            return
        self.hide_error()
        row = self._append_kind(name, self.ui.newKindHoursSpin.value(), None)
        self.ui.kindsTable.setCurrentCell(row, 0)
        self.ui.kindsTable.scrollToBottom()
        self.ui.newKindEdit.clear()
        self.ui.newKindHoursSpin.setValue(workitems.DEFAULT_DUE_HOURS)
        self._edited()

    def remove_kind(self) -> None:
        """Takes the kind off the list; it is deleted on Save (its tasks keep their due dates)."""
        row = self.ui.kindsTable.currentRow()
        if row >= 0:
            self.ui.kindsTable.removeRow(row)
            self._edited()

    # --------------------------------------------------------------- saving

    def collect_calendar(self) -> BusinessCalendar:
        ui = self.ui
        start, end = ui.startTimeEdit.time(), ui.endTimeEdit.time()
        return BusinessCalendar(
            timezone=ui.timezoneCombo.currentText().strip(),
            workdays=frozenset(i for i, box in enumerate(self.day_checks) if box.isChecked()),
            start=dt.time(start.hour(), start.minute()),
            end=dt.time(end.hour(), end.minute()),
            country=ui.countryCombo.currentData(),
            subdivision=ui.subdivisionCombo.currentData(),
            extra_days_off=frozenset(self.days_off()),
        )

    def collect_rules(self) -> RulesConfig:
        ui = self.ui
        return RulesConfig(
            am_response_minutes={p: round(s.value() * 60) for p, s in self.am_spins.items()},
            stale_after_days=ui.staleSpin.value(),
            near_breach_percent=ui.nearBreachSpin.value(),
            high_load_threshold=ui.highLoadSpin.value(),
            reminders=ui.remindersCheck.isChecked(),
            adoption_threshold_percent=ui.adoptionSpin.value(),
            renewal_soon_days=ui.renewalSpin.value(),
        )

    def save(self) -> bool:
        """Validate, write, reload. A refusal is shown above the buttons and the edits stay."""
        self.hide_error()
        self._wrote = False
        try:
            self._save()
        except ValidationError as exc:
            self.show_error(exc.message, exc.field)
        except KnownError as exc:
            self.show_error(exc.message)
        else:
            self.refresh()
            self.ui.savedLabel.setVisible(True)
            self.saved.emit()
            return True
        if self._wrote:
            # Part of the page was written before the refusal: other views must see it.
            self.saved.emit()
        return False

    def _save(self) -> None:
        ui = self.ui
        # 1. Checks that write nothing: a mistake here leaves the database as it was.
        calendar = self.collect_calendar()
        calendar.validate()
        rules = self.collect_rules()
        rules.validate()
        email = clean_email(ui.supportEmailEdit.text(), SUPPORT_EMAIL, "The support email")
        phone = clean_phone(ui.supportPhoneEdit.text(), SUPPORT_PHONE, "The support phone")
        # 2. The writes the core may still refuse, each remembered once done.
        self._save_kinds()
        self._save_policies()
        for role, combo in self.role_combos.items():
            chosen = combo.currentData()
            if chosen != self._roles.get(role):
                directory.set_role_holder(self.db, role, chosen)
                self._roles[role] = chosen
                self._wrote = True
        # 3. Already validated above.
        business_time.save_calendar(self.db, calendar)
        save_rules(self.db, rules)
        set_setting(self.db, SUPPORT_EMAIL, email)
        set_setting(self.db, SUPPORT_PHONE, phone)
        self._wrote = True

    def _save_kinds(self) -> None:
        table = self.ui.kindsTable
        rows = self.kind_rows()
        kept = {kind_id for kind_id, _, _ in rows if kind_id is not None}
        for gone in [k for k in self._kinds if k not in kept]:
            workitems.delete_kind(self.db, gone)
            del self._kinds[gone]
            self._wrote = True
        for row, (kind_id, name, hours) in enumerate(rows):
            old = self._kinds.get(kind_id) if kind_id is not None else None
            if old is not None and (old.name, old.default_due_hours) == (name, hours):
                continue
            try:
                new_id = workitems.save_kind(self.db, name, hours, kind_id)
            except KnownError:
                table.setCurrentCell(row, 0)
                raise
            item = table.item(row, 0)
            assert item is not None
            item.setData(ID_ROLE, new_id)
            self._kinds[new_id] = KindRow(new_id, name, hours)
            self._wrote = True

    def _save_policies(self) -> None:
        table = self.ui.slaTable
        for row, spin in self._sla_spins():
            item = table.item(row, 0)
            assert item is not None
            policy = self._policies[int(item.data(ID_ROLE))]
            minutes = round(spin.value() * 60)
            if minutes == policy.business_minutes:
                continue
            try:
                sla.save_policy_minutes(self.db, policy.id, minutes)
            except KnownError:
                table.setCurrentCell(row, 2)
                raise
            self._policies[policy.id] = PolicyRow(
                policy.id, policy.name, policy.channel, policy.category, minutes
            )
            self._wrote = True
