"""Business-time arithmetic on a configurable working calendar (R10, R13).

SLA clocks (R10) and the out-of-office deadlines (R13) count working time, not
wall-clock time: the configured working days and hours in the CSM's own time
zone, minus public holidays (the ``holidays`` package) and extra days off.

How the arithmetic works, and why:

* Everything runs **per local calendar day**. Each workday has one working
  window, from ``start`` to ``end`` local time; a window is turned into two
  UTC instants with :mod:`zoneinfo`, and its length is the *real* time between
  them. A day whose DST change happens at night is therefore still exactly
  ``end - start`` long, and a window that crosses a DST jump is as long as the
  time that really passes (an hour shorter or longer).
* A local time that does not exist (inside a spring-forward gap) maps to the
  first real moment after it, i.e. the moment the clocks jump; a local time
  that happens twice (fall-back) maps to its first occurrence. Both mappings
  keep the order of wall-clock times, so the windows of consecutive days never
  overlap.
* Arithmetic is done in whole minutes since the Unix epoch: seconds and
  microseconds of the inputs are dropped (truncated toward the past). That
  makes ``business_minutes_between`` exactly additive and the inverse of
  ``add_business_minutes``; an SLA is never finer than a minute.
* Loops step one day at a time (adding ten business days takes ~14 steps),
  and give up with :class:`ValueError` after :data:`MAX_DAYS_WITHOUT_WORK`
  days in a row without any working time, so an unvalidated calendar without
  workdays can never hang the app.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from csdesk.core.db import Database
from csdesk.core.errors import ValidationError
from csdesk.core.settings import get_setting, set_setting

log = logging.getLogger(__name__)

SETTING_KEY = "business_calendar"

#: Days in a row without working time after which a loop gives up (about ten years).
MAX_DAYS_WITHOUT_WORK = 3660

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MINUTE = dt.timedelta(minutes=1)
_ONE_DAY = dt.timedelta(days=1)


# --- cached look-ups ---------------------------------------------------------


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    """The ZoneInfo for ``name``; a ValidationError (not a KeyError) when unknown."""
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("Please choose a time zone.", "timezone")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(
            f"“{name}” is not a time zone csdesk knows. Use a name such as "
            "Europe/London or America/New_York.",
            "timezone",
        ) from None


@lru_cache(maxsize=1)
def _supported_countries() -> dict[str, list[str]]:
    """Country code -> subdivision codes; built once because the registry is large."""
    return holidays.list_supported_countries()


@lru_cache(maxsize=64)
def _holiday_language(country: str) -> str | None:
    """English holiday names where the package has them, so the UI reads in one language."""
    default = holidays.country_holidays(country, years=()).default_language
    if default is None or default.startswith("en"):
        return None
    languages = holidays.list_localized_countries().get(country, [])
    return "en_US" if "en_US" in languages else None


@lru_cache(maxsize=256)
def _public_holidays(country: str, subdivision: str | None, year: int) -> holidays.HolidayBase:
    """One year of public holidays; cached because building them is slow and lookups are hot."""
    return holidays.country_holidays(
        country,
        subdiv=subdivision,
        years=year,
        expand=False,
        language=_holiday_language(country),
    )


# --- minute arithmetic -------------------------------------------------------


def _require_aware(moment: dt.datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {moment!r}")


def _to_minutes(moment: dt.datetime) -> int:
    """Whole minutes since the epoch, truncated toward the past."""
    return (moment - _EPOCH) // _MINUTE


def _from_minutes(minutes: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(minutes=minutes)


def _parse_time(value: Any, name: str) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        try:
            parsed = dt.time.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            if parsed.tzinfo is None:
                return parsed
    raise ValidationError(f"The {name} time must look like 09:00, not “{value}”.", name)


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(
        f"A day off must be a date such as 2026-12-24, not “{value}”.", "extra_days_off"
    )


def _parse_optional_code(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip() or None
    raise ValidationError(f"The {name} must be a code such as US, not “{value}”.", name)


def _hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


# --- the calendar ------------------------------------------------------------


@dataclass(frozen=True)
class BusinessCalendar:
    """The CSM's working calendar: days, hours, time zone and days off.

    Immutable and hashable, so it can be shared between threads and used as a
    cache key. Build one, call :meth:`validate` (``from_dict`` and
    ``save_calendar`` do), then use the arithmetic methods.
    """

    timezone: str = "UTC"
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(17, 0)
    country: str | None = None
    subdivision: str | None = None
    extra_days_off: frozenset[dt.date] = field(default_factory=frozenset)

    # -- checks and names ---------------------------------------------------

    def validate(self) -> None:
        """Refuse a calendar the arithmetic cannot work with, in words for the Settings page."""
        _zone(self.timezone)
        if not self.workdays:
            raise ValidationError("Choose at least one working day.", "workdays")
        if any(not isinstance(d, int) or not 0 <= d <= 6 for d in self.workdays):
            raise ValidationError("Working days must be Monday to Sunday.", "workdays")
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, dt.time) or value.tzinfo is not None:
                raise ValidationError(f"The {name} time must be a local time such as 09:00.", name)
            if value.second or value.microsecond:
                raise ValidationError(f"The {name} time must be in whole minutes.", name)
        if self.end <= self.start:
            raise ValidationError(
                f"The working day must end after it starts ({_hhmm(self.start)}–"
                f"{_hhmm(self.end)}); a day cannot run past midnight.",
                "end",
            )
        if any(
            not isinstance(d, dt.date) or isinstance(d, dt.datetime) for d in self.extra_days_off
        ):
            raise ValidationError("Days off must be plain dates.", "extra_days_off")
        countries = _supported_countries()
        if self.country is None:
            if self.subdivision is not None:
                raise ValidationError(
                    "Choose a country before choosing a state or region.", "subdivision"
                )
            return
        if self.country not in countries:
            raise ValidationError(
                f"“{self.country}” is not a country with a known holiday calendar. "
                "Use a two-letter code such as US, GB or DE.",
                "country",
            )
        subdivisions = countries[self.country]
        if self.subdivision is not None and self.subdivision not in subdivisions:
            known = ", ".join(subdivisions[:8]) + (", …" if len(subdivisions) > 8 else "")
            hint = f" Known codes: {known}." if subdivisions else " It has no regional calendars."
            raise ValidationError(
                f"“{self.subdivision}” is not a state or region of {self.country}.{hint}",
                "subdivision",
            )

    @property
    def zone(self) -> ZoneInfo:
        """The calendar's time zone, for showing times to the user."""
        return _zone(self.timezone)

    def _public_holiday(self, day: dt.date) -> str | None:
        if self.country is None:
            return None
        name = _public_holidays(self.country, self.subdivision, day.year).get(day)
        return None if name is None else str(name)

    def holiday_name(self, day: dt.date) -> str | None:
        """Why ``day`` is off although a working weekday might fall on it, or None."""
        name = self._public_holiday(day)
        if name is not None:
            return name
        return "Day off" if day in self.extra_days_off else None

    def is_workday(self, day: dt.date) -> bool:
        """A working weekday that is neither a public holiday nor an extra day off."""
        return (
            day.weekday() in self.workdays
            and day not in self.extra_days_off
            and self._public_holiday(day) is None
        )

    def minutes_per_day(self) -> int:
        """The nominal length of a working day (wall clock, ignoring DST), e.g. 480."""
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    def local_date(self, moment: dt.datetime) -> dt.date:
        """The calendar day ``moment`` falls on in the calendar's time zone."""
        _require_aware(moment, "moment")
        return moment.astimezone(self.zone).date()

    # -- windows ------------------------------------------------------------

    def _instant(self, day: dt.date, wall: dt.time) -> int:
        """The first real moment (epoch minutes) whose local wall clock is at or after day+wall.

        Normally that is simply the local time (its first occurrence on a
        fall-back night); inside a spring-forward gap it is the moment the
        clocks jump, found by bisecting between the two readings of the gap.
        """
        zone = self.zone
        naive = dt.datetime.combine(day, wall)
        first = naive.replace(tzinfo=zone)  # fold=0: the earlier offset
        utc = first.astimezone(dt.UTC)
        if utc.astimezone(zone).replace(tzinfo=None) == naive:
            return _to_minutes(utc)
        # A gap: fold=1 reads the time with the later offset, which lands before the jump.
        lo = _to_minutes(naive.replace(tzinfo=zone, fold=1))
        hi = _to_minutes(utc)
        while hi - lo > 1:  # wall(lo) < naive <= wall(hi)
            mid = (lo + hi) // 2
            if _from_minutes(mid).astimezone(zone).replace(tzinfo=None) >= naive:
                hi = mid
            else:
                lo = mid
        return hi

    def _window(self, day: dt.date) -> tuple[int, int] | None:
        """The working window of ``day`` in epoch minutes, or None when it is not a workday.

        Cached (the calendar is immutable and hashable): the Today report and the
        SLA clocks ask for the same days thousands of times, and each answer costs
        two time-zone conversions and a holiday lookup.
        """
        return _cached_window(self, day)

    def _compute_window(self, day: dt.date) -> tuple[int, int] | None:
        if not self.is_workday(day):
            return None
        start = self._instant(day, self.start)
        return start, max(start, self._instant(day, self.end))

    def working_window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        """The aware UTC start and end of ``day``'s working hours, or None on a day off."""
        window = self._window(day)
        if window is None:
            return None
        return _from_minutes(window[0]), _from_minutes(window[1])

    def is_working_time(self, moment: dt.datetime) -> bool:
        """Whether ``moment`` is inside working hours (start included, end excluded)."""
        _require_aware(moment, "moment")
        window = self._window(self.local_date(moment))
        minute = _to_minutes(moment)
        return window is not None and window[0] <= minute < window[1]

    # -- arithmetic ---------------------------------------------------------

    def add_business_minutes(self, start: dt.datetime, minutes: int) -> dt.datetime:
        """The aware UTC moment ``minutes`` of working time after ``start``.

        A start outside working time first moves to the next working moment
        (so ``minutes=0`` returns that moment). A result that lands exactly on
        the end of a working day stays there: 09:00 + 480 min is 17:00 the
        same day, not 09:00 the next morning.
        """
        _require_aware(start, "start")
        if minutes < 0:
            raise ValueError(f"minutes must be >= 0, got {minutes}")
        now = _to_minutes(start)
        left = minutes
        day = self.local_date(start)
        idle = 0
        while True:
            window = self._window(day)
            if window is not None and window[1] > window[0] and now < window[1]:
                idle = 0
                now = max(now, window[0])
                if left <= window[1] - now:
                    return _from_minutes(now + left)
                left -= window[1] - now
            else:
                idle += 1
                if idle > MAX_DAYS_WITHOUT_WORK:
                    raise ValueError(f"No working time in {MAX_DAYS_WITHOUT_WORK} days up to {day}")
            day += _ONE_DAY

    def business_minutes_between(self, a: dt.datetime, b: dt.datetime) -> int:
        """Working minutes in ``[a, b)``; negative when ``b`` is before ``a``.

        Bounded by the days between the two moments, so it needs no cap.
        """
        _require_aware(a, "a")
        _require_aware(b, "b")
        lo, hi = _to_minutes(a), _to_minutes(b)
        if hi < lo:
            return -self.business_minutes_between(b, a)
        total = 0
        day, last = self.local_date(a), self.local_date(b)
        if (last - day).days > 2:
            # The days strictly between the first and the last lie wholly inside
            # [a, b): their full windows are summed from a cached running total.
            total += _running_total(self).between(day + _ONE_DAY, last)
            for edge in (day, last):
                window = self._window(edge)
                if window is not None:
                    total += max(0, min(hi, window[1]) - max(lo, window[0]))
            return total
        while day <= last:
            window = self._window(day)
            if window is not None:
                total += max(0, min(hi, window[1]) - max(lo, window[0]))
            day += _ONE_DAY
        return total

    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th workday after (``n > 0``) or before (``n < 0``) ``day``; ``day`` for 0."""
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        left = abs(n)
        idle = 0
        while left:
            day += step
            if self.is_workday(day):
                left -= 1
                idle = 0
            else:
                idle += 1
                if idle > MAX_DAYS_WITHOUT_WORK:
                    raise ValueError(f"No workday within {MAX_DAYS_WITHOUT_WORK} days of {day}")
        return day

    def workday_on_or_before(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a workday, else the workday before it."""
        for _ in range(MAX_DAYS_WITHOUT_WORK + 1):
            if self.is_workday(day):
                return day
            day -= _ONE_DAY
        raise ValueError(f"No workday within {MAX_DAYS_WITHOUT_WORK} days before {day}")

    # -- storage ------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable form for the settings table."""
        return {
            "timezone": self.timezone,
            "workdays": sorted(self.workdays),
            "start": _hhmm(self.start),
            "end": _hhmm(self.end),
            "country": self.country,
            "subdivision": self.subdivision,
            "extra_days_off": sorted(d.isoformat() for d in self.extra_days_off),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BusinessCalendar:
        """Rebuild a calendar from :meth:`to_dict`; missing keys take the defaults.

        Raises ValidationError for values of the wrong shape and for a calendar
        that does not validate, so a caller never gets an unusable calendar.
        """
        if not isinstance(data, Mapping):
            raise ValidationError("The saved business calendar is not readable.", "")
        default = cls()
        timezone = data.get("timezone", default.timezone)
        if not isinstance(timezone, str):
            raise ValidationError(f"“{timezone}” is not a time zone.", "timezone")
        kwargs: dict[str, Any] = {"timezone": timezone}
        if "workdays" in data:
            kwargs["workdays"] = _parse_workdays(data["workdays"])
        for name in ("start", "end"):
            if data.get(name) is not None:
                kwargs[name] = _parse_time(data[name], name)
        for name in ("country", "subdivision"):
            kwargs[name] = _parse_optional_code(data.get(name), name)
        days_off = data.get("extra_days_off") or []
        if isinstance(days_off, str) or not isinstance(days_off, Iterable):
            raise ValidationError("Days off must be a list of dates.", "extra_days_off")
        kwargs["extra_days_off"] = frozenset(_parse_date(d) for d in days_off)
        cal = cls(**kwargs)
        cal.validate()
        return cal


def _parse_workdays(value: Any) -> frozenset[int]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError("Working days must be a list of weekdays.", "workdays")
    days: set[int] = set()
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or not 0 <= item <= 6:
            raise ValidationError(
                f"“{item}” is not a weekday (0 = Monday … 6 = Sunday).", "workdays"
            )
        days.add(item)
    return frozenset(days)


# --- settings ----------------------------------------------------------------


def load_calendar(db: Database) -> BusinessCalendar:
    """The saved calendar, or the default (Mon–Fri 09:00–17:00 UTC) when none is saved.

    A saved calendar that no longer validates (say a newer ``holidays`` dropped
    a region code) falls back to the default with a logged warning rather than
    breaking every screen that counts business time; Settings shows the
    problem when the CSM opens it (``BusinessCalendar.from_dict``).
    """
    raw = get_setting(db, SETTING_KEY)
    if raw is None:
        return BusinessCalendar()
    try:
        return BusinessCalendar.from_dict(raw)
    except ValidationError as exc:
        log.warning("Ignoring the saved business calendar: %s", exc.message)
        return BusinessCalendar()


def save_calendar(db: Database, cal: BusinessCalendar) -> None:
    """Validate, then store: only a usable calendar ever reaches the database."""
    cal.validate()
    set_setting(db, SETTING_KEY, cal.to_dict())


# --- display -----------------------------------------------------------------


def format_minutes(minutes: int, minutes_per_day: int = 480) -> str:
    """Business minutes as short text: "30 min", "2 h 30 min", "1 business day", "3 business days 1 h".

    Under two business days the text stays in hours ("11 h" reads better than
    "1 business day 3 h") unless it is exactly one day; from two days on it
    counts days, then the remaining hours and minutes. Negative values get a
    leading "-" ("-2 h"). A ``minutes_per_day`` of 0 or less shows hours only.
    """
    if minutes < 0:
        return "-" + format_minutes(-minutes, minutes_per_day)
    if minutes_per_day > 0 and (minutes >= 2 * minutes_per_day or minutes == minutes_per_day):
        days, rest = divmod(minutes, minutes_per_day)
        text = f"{days} business day" + ("" if days == 1 else "s")
        return text if rest == 0 else f"{text} {_hours(rest)}"
    return _hours(minutes)


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{rest} min"
    return f"{hours} h" if rest == 0 else f"{hours} h {rest} min"


@lru_cache(maxsize=16_384)
def _cached_window(calendar: BusinessCalendar, day: dt.date) -> tuple[int, int] | None:
    """:meth:`BusinessCalendar._window`, remembered per (calendar, day)."""
    return calendar._compute_window(day)


class _RunningTotal:
    """Working minutes of whole days, as a running total over a growing range of days."""

    def __init__(self, calendar: BusinessCalendar) -> None:
        self.calendar = calendar
        self.origin: dt.date | None = None
        self.totals = [0]  # totals[i]: minutes of the days origin .. origin + i - 1
        self.lock = threading.Lock()

    def between(self, first: dt.date, stop: dt.date) -> int:
        """The minutes of the full working windows of the days in [first, stop)."""
        with self.lock:
            if self.origin is None or first < self.origin:
                self.origin, self.totals = first - dt.timedelta(days=366), [0]
            need = (stop - self.origin).days
            while len(self.totals) <= need:
                day = self.origin + dt.timedelta(days=len(self.totals) - 1)
                window = self.calendar._window(day)
                self.totals.append(self.totals[-1] + (window[1] - window[0] if window else 0))
            return self.totals[need] - self.totals[(first - self.origin).days]


@lru_cache(maxsize=32)
def _running_total(calendar: BusinessCalendar) -> _RunningTotal:
    return _RunningTotal(calendar)
