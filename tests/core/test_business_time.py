"""Business time (R10, R13): known calendars, DST days, validation, storage, and properties."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csdesk.core import business_time
from csdesk.core.business_time import (
    BusinessCalendar,
    format_minutes,
    load_calendar,
    save_calendar,
)
from csdesk.core.db import Database
from csdesk.core.errors import ValidationError
from csdesk.core.settings import get_setting, set_setting

UTC = dt.UTC
NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
CAL = BusinessCalendar()  # Mon-Fri 09:00-17:00 UTC
EVERY_DAY = frozenset(range(7))


def utc(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=UTC)


def local(zone: ZoneInfo, y: int, m: int, d: int, h: int = 0, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=zone)


# --- known calendar: Mon-Fri 09:00-17:00 UTC (2026-11-20 is a Friday) --------


def test_friday_afternoon_plus_two_hours_is_monday_morning() -> None:
    assert CAL.add_business_minutes(utc(2026, 11, 20, 16), 120) == utc(2026, 11, 23, 10)
    assert CAL.business_minutes_between(utc(2026, 11, 20, 16), utc(2026, 11, 23, 10)) == 120


def test_result_is_aware_utc_whatever_the_input_zone() -> None:
    result = CAL.add_business_minutes(local(NY, 2026, 11, 20, 11), 60)  # 16:00 UTC
    assert result == utc(2026, 11, 20, 17)
    assert result.tzinfo is UTC


def test_landing_on_the_end_of_the_day_stays_there() -> None:
    assert CAL.add_business_minutes(utc(2026, 11, 23, 9), 480) == utc(2026, 11, 23, 17)
    assert CAL.add_business_minutes(utc(2026, 11, 23, 16), 60) == utc(2026, 11, 23, 17)
    assert CAL.add_business_minutes(utc(2026, 11, 20, 9), 480) == utc(2026, 11, 20, 17)  # Friday
    # one more minute rolls over to the next working morning
    assert CAL.add_business_minutes(utc(2026, 11, 20, 9), 481) == utc(2026, 11, 23, 9, 1)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (utc(2026, 11, 23, 7), utc(2026, 11, 23, 10)),  # before hours
        (utc(2026, 11, 23, 18), utc(2026, 11, 24, 10)),  # after hours
        (utc(2026, 11, 23, 17), utc(2026, 11, 24, 10)),  # exactly at the end
        (utc(2026, 11, 21, 12), utc(2026, 11, 23, 10)),  # Saturday
        (utc(2026, 11, 22, 23, 59), utc(2026, 11, 23, 10)),  # Sunday night
    ],
)
def test_start_outside_working_time_moves_to_the_next_working_moment(
    start: dt.datetime, expected: dt.datetime
) -> None:
    assert CAL.add_business_minutes(start, 60) == expected


def test_adding_zero_normalises_to_the_next_working_moment() -> None:
    assert CAL.add_business_minutes(utc(2026, 11, 21, 12), 0) == utc(2026, 11, 23, 9)
    assert CAL.add_business_minutes(utc(2026, 11, 23, 17), 0) == utc(2026, 11, 24, 9)
    assert CAL.add_business_minutes(utc(2026, 11, 23, 12, 34), 0) == utc(2026, 11, 23, 12, 34)


def test_us_thanksgiving_is_skipped() -> None:
    us = BusinessCalendar(country="US")
    thanksgiving = dt.date(2026, 11, 26)
    assert not us.is_workday(thanksgiving) and CAL.is_workday(thanksgiving)
    assert "Thanksgiving" in (us.holiday_name(thanksgiving) or "")
    assert us.holiday_name(dt.date(2026, 11, 25)) is None
    assert us.add_business_minutes(utc(2026, 11, 25, 16), 120) == utc(2026, 11, 27, 10)
    assert us.business_minutes_between(utc(2026, 11, 25, 9), utc(2026, 11, 28)) == 960


def test_extra_day_off_is_skipped() -> None:
    cal = BusinessCalendar(extra_days_off=frozenset({dt.date(2026, 11, 23)}))
    assert not cal.is_workday(dt.date(2026, 11, 23))
    assert cal.holiday_name(dt.date(2026, 11, 23)) == "Day off"
    assert cal.add_business_minutes(utc(2026, 11, 20, 16), 120) == utc(2026, 11, 24, 10)


def test_weekends_have_no_holiday_name_but_are_not_workdays() -> None:
    assert not CAL.is_workday(dt.date(2026, 11, 21))
    assert CAL.holiday_name(dt.date(2026, 11, 21)) is None


def test_forty_eight_business_hours_are_six_business_days() -> None:
    start = utc(2026, 11, 2, 9)  # Monday
    end = CAL.add_business_minutes(start, 48 * 60)
    assert end == utc(2026, 11, 9, 17)  # Mon-Fri, then the next Monday
    assert CAL.business_minutes_between(start, end) == 6 * CAL.minutes_per_day()
    assert format_minutes(48 * 60) == "6 business days"


def test_between_is_negative_backwards_and_ignores_seconds() -> None:
    a, b = utc(2026, 11, 20, 16), utc(2026, 11, 23, 10)
    assert CAL.business_minutes_between(b, a) == -120
    assert CAL.business_minutes_between(a, a) == 0
    assert CAL.business_minutes_between(a.replace(second=59), b.replace(second=30)) == 120
    assert CAL.business_minutes_between(utc(2026, 11, 21), utc(2026, 11, 22, 23)) == 0


def test_working_window_and_working_time() -> None:
    assert CAL.working_window(dt.date(2026, 11, 23)) == (
        utc(2026, 11, 23, 9),
        utc(2026, 11, 23, 17),
    )
    assert CAL.working_window(dt.date(2026, 11, 22)) is None
    assert CAL.is_working_time(utc(2026, 11, 23, 9))
    assert not CAL.is_working_time(utc(2026, 11, 23, 17))
    assert not CAL.is_working_time(utc(2026, 11, 22, 12))


def test_local_date_follows_the_calendar_zone() -> None:
    ny = BusinessCalendar(timezone="America/New_York")
    assert ny.local_date(utc(2026, 11, 24, 3)) == dt.date(2026, 11, 23)
    assert CAL.local_date(utc(2026, 11, 24, 3)) == dt.date(2026, 11, 24)
    assert ny.zone == NY


def test_naive_datetimes_and_negative_minutes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CAL.add_business_minutes(dt.datetime(2026, 11, 23, 9), 10)
    with pytest.raises(ValueError, match="timezone-aware"):
        CAL.business_minutes_between(utc(2026, 11, 23), dt.datetime(2026, 11, 24))
    with pytest.raises(ValueError, match=">= 0"):
        CAL.add_business_minutes(utc(2026, 11, 23, 9), -1)


def test_adding_ten_business_days_takes_a_few_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    window = BusinessCalendar._window

    def counting(self: BusinessCalendar, day: dt.date) -> tuple[int, int] | None:
        nonlocal calls
        calls += 1
        return window(self, day)

    monkeypatch.setattr(BusinessCalendar, "_window", counting)
    us = BusinessCalendar(country="US")
    assert us.add_business_minutes(utc(2026, 11, 23, 9), 10 * 480) == utc(
        2026, 12, 7, 17
    )  # Thanksgiving skipped
    assert calls <= 20


def test_holiday_calendars_are_cached_per_year() -> None:
    us = BusinessCalendar(country="US", subdivision="CA")
    us.is_workday(dt.date(2027, 1, 4))
    before = business_time._public_holidays.cache_info()
    for day in range(1, 29):
        us.is_workday(dt.date(2027, 2, day))
    after = business_time._public_holidays.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 20  # the 20 weekdays; weekends need no lookup


def test_a_calendar_without_working_time_fails_instead_of_looping() -> None:
    broken = BusinessCalendar(workdays=frozenset())  # never validated
    with pytest.raises(ValueError, match="No working time"):
        broken.add_business_minutes(utc(2026, 11, 23), 1)
    with pytest.raises(ValueError, match="No workday"):
        broken.add_workdays(dt.date(2026, 11, 23), 1)
    with pytest.raises(ValueError, match="No workday"):
        broken.workday_on_or_before(dt.date(2026, 11, 23))
    assert broken.business_minutes_between(utc(2026, 1, 1), utc(2027, 1, 1)) == 0


# --- workdays (R13: deadlines counted back from the first day of leave) -----


def test_three_workdays_before_a_monday_leave_start() -> None:
    assert CAL.add_workdays(dt.date(2026, 12, 21), -3) == dt.date(2026, 12, 16)
    assert CAL.add_workdays(dt.date(2026, 12, 21), -1) == dt.date(2026, 12, 18)
    assert CAL.add_workdays(dt.date(2026, 12, 16), 3) == dt.date(2026, 12, 21)
    assert CAL.add_workdays(dt.date(2026, 12, 19), 0) == dt.date(2026, 12, 19)


def test_workdays_around_christmas_with_uk_holidays() -> None:
    gb = BusinessCalendar(timezone="Europe/London", country="GB")
    # Fri 25 Christmas, Sat 26 Boxing Day observed on Mon 28
    assert [gb.is_workday(dt.date(2026, 12, d)) for d in range(24, 30)] == [
        True,
        False,
        False,
        False,
        False,
        True,
    ]
    assert gb.holiday_name(dt.date(2026, 12, 25)) == "Christmas Day"
    assert "Boxing Day" in (gb.holiday_name(dt.date(2026, 12, 28)) or "")
    assert gb.add_workdays(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 29)
    assert gb.add_workdays(dt.date(2026, 12, 29), -1) == dt.date(2026, 12, 24)
    assert gb.workday_on_or_before(dt.date(2026, 12, 28)) == dt.date(2026, 12, 24)
    assert gb.workday_on_or_before(dt.date(2026, 12, 29)) == dt.date(2026, 12, 29)
    # leave from Mon 4 Jan 2027: New Year's Day (Fri 1 Jan) does not count
    assert gb.add_workdays(dt.date(2027, 1, 4), -3) == dt.date(2026, 12, 29)
    assert gb.add_workdays(dt.date(2027, 1, 4), -5) == dt.date(2026, 12, 23)


# --- daylight saving ---------------------------------------------------------


@pytest.mark.parametrize(
    ("timezone", "change_day"),
    [
        ("America/New_York", dt.date(2026, 3, 8)),
        ("America/New_York", dt.date(2026, 11, 1)),
        ("Europe/Berlin", dt.date(2026, 3, 29)),
        ("Europe/Berlin", dt.date(2026, 10, 25)),
    ],
)
def test_a_night_dst_change_leaves_working_days_at_480_minutes(
    timezone: str, change_day: dt.date
) -> None:
    zone = ZoneInfo(timezone)
    every_day = BusinessCalendar(timezone=timezone, workdays=EVERY_DAY)
    for offset in (-1, 0, 1):
        day = change_day + dt.timedelta(days=offset)
        window = every_day.working_window(day)
        assert window is not None
        assert window[0].astimezone(zone).time() == dt.time(9)
        assert window[1].astimezone(zone).time() == dt.time(17)
        start = dt.datetime.combine(day, dt.time(0), zone)
        assert every_day.business_minutes_between(start, start + dt.timedelta(days=1)) == 480
    week = BusinessCalendar(timezone=timezone)  # the change falls on a Sunday
    friday = change_day - dt.timedelta(days=2)
    monday = change_day + dt.timedelta(days=1)
    fri_9 = dt.datetime.combine(friday, dt.time(9), zone)
    mon_17 = dt.datetime.combine(monday, dt.time(17), zone)
    assert week.business_minutes_between(fri_9, mon_17) == 960


@pytest.mark.parametrize(
    ("start", "expected_utc"),
    [
        # New York, spring forward: EST (-5) on Friday, EDT (-4) on Monday
        (local(NY, 2026, 3, 6, 16), utc(2026, 3, 9, 14)),
        # New York, fall back: EDT (-4) on Friday, EST (-5) on Monday
        (local(NY, 2026, 10, 30, 16), utc(2026, 11, 2, 15)),
        # Berlin, spring forward: CET (+1) on Friday, CEST (+2) on Monday
        (local(BERLIN, 2026, 3, 27, 16), utc(2026, 3, 30, 8)),
    ],
)
def test_adding_across_a_dst_change_lands_on_the_right_wall_clock(
    start: dt.datetime, expected_utc: dt.datetime
) -> None:
    cal = BusinessCalendar(timezone=str(start.tzinfo))
    result = cal.add_business_minutes(start, 120)
    assert result == expected_utc
    assert result.astimezone(start.tzinfo).time() == dt.time(10)  # Monday 10:00 local


def test_a_window_crossing_the_dst_jump_counts_real_minutes() -> None:
    night = BusinessCalendar(
        timezone="America/New_York", workdays=EVERY_DAY, start=dt.time(0), end=dt.time(8)
    )
    assert night.business_minutes_between(local(NY, 2026, 3, 8), local(NY, 2026, 3, 9)) == 420
    assert night.business_minutes_between(local(NY, 2026, 11, 1), local(NY, 2026, 11, 2)) == 540
    assert night.add_business_minutes(local(NY, 2026, 3, 8, 1), 60) == local(NY, 2026, 3, 8, 3)


def test_working_hours_starting_inside_the_gap_start_when_the_clocks_jump() -> None:
    gap = BusinessCalendar(
        timezone="America/New_York",
        workdays=EVERY_DAY,
        start=dt.time(2, 30),
        end=dt.time(3, 15),
    )
    window = gap.working_window(dt.date(2026, 3, 8))  # 02:00 EST jumps to 03:00 EDT
    assert window == (local(NY, 2026, 3, 8, 3), local(NY, 2026, 3, 8, 3, 15))
    assert gap.working_window(dt.date(2026, 3, 9)) == (
        local(NY, 2026, 3, 9, 2, 30),
        local(NY, 2026, 3, 9, 3, 15),
    )


# --- validation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("cal", "field", "words"),
    [
        (BusinessCalendar(start=dt.time(22), end=dt.time(6)), "end", "end after it starts"),
        (BusinessCalendar(start=dt.time(9), end=dt.time(9)), "end", "end after it starts"),
        (BusinessCalendar(timezone="Mars/Olympus_Mons"), "timezone", "Mars/Olympus_Mons"),
        (BusinessCalendar(timezone=""), "timezone", "time zone"),
        (BusinessCalendar(timezone="../etc/passwd"), "timezone", "time zone"),
        (BusinessCalendar(workdays=frozenset()), "workdays", "at least one working day"),
        (BusinessCalendar(workdays=frozenset({7})), "workdays", "Monday to Sunday"),
        (BusinessCalendar(country="XX"), "country", "“XX” is not a country"),
        (BusinessCalendar(country="US", subdivision="ZZ"), "subdivision", "“ZZ”"),
        (BusinessCalendar(subdivision="CA"), "subdivision", "Choose a country"),
        (BusinessCalendar(start=dt.time(9, 0, 30)), "start", "whole minutes"),
    ],
)
def test_validate_refuses_with_plain_words(cal: BusinessCalendar, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        cal.validate()
    assert info.value.field == field
    assert words in info.value.message


@pytest.mark.parametrize(
    "cal",
    [
        BusinessCalendar(),
        BusinessCalendar(timezone="America/Los_Angeles", country="US", subdivision="CA"),
        BusinessCalendar(timezone="Europe/London", country="GB", subdivision="SCT"),
        BusinessCalendar(timezone="Europe/Berlin", country="DE", subdivision="BY"),
        BusinessCalendar(workdays=frozenset({6}), start=dt.time(0), end=dt.time(23, 59)),
    ],
)
def test_validate_accepts_good_calendars(cal: BusinessCalendar) -> None:
    cal.validate()


def test_non_english_holiday_names_come_in_english() -> None:
    de = BusinessCalendar(timezone="Europe/Berlin", country="DE", subdivision="BY")
    assert de.holiday_name(dt.date(2026, 12, 25)) == "Christmas Day"
    assert de.holiday_name(dt.date(2026, 1, 6)) == "Epiphany"  # Bavaria only
    assert BusinessCalendar(country="DE").holiday_name(dt.date(2026, 1, 6)) is None


# --- storage -----------------------------------------------------------------

FULL = BusinessCalendar(
    timezone="America/Chicago",
    workdays=frozenset({0, 1, 2, 3}),
    start=dt.time(8, 30),
    end=dt.time(16, 45),
    country="US",
    subdivision="TX",
    extra_days_off=frozenset({dt.date(2026, 12, 24), dt.date(2026, 12, 31)}),
)


def test_to_dict_is_json_and_round_trips() -> None:
    data = FULL.to_dict()
    assert data == {
        "timezone": "America/Chicago",
        "workdays": [0, 1, 2, 3],
        "start": "08:30",
        "end": "16:45",
        "country": "US",
        "subdivision": "TX",
        "extra_days_off": ["2026-12-24", "2026-12-31"],
    }
    assert BusinessCalendar.from_dict(json.loads(json.dumps(data))) == FULL
    assert BusinessCalendar.from_dict(CAL.to_dict()) == CAL


def test_from_dict_fills_missing_keys_with_defaults() -> None:
    assert BusinessCalendar.from_dict({}) == CAL
    assert BusinessCalendar.from_dict({"country": "GB", "country_extra": 1}) == BusinessCalendar(
        country="GB"
    )
    assert BusinessCalendar.from_dict({"start": "08:00", "subdivision": ""}).start == dt.time(8)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"timezone": 5}, "timezone"),
        ({"timezone": "Nowhere/Special"}, "timezone"),
        ({"workdays": "Mon-Fri"}, "workdays"),
        ({"workdays": [0, "1"]}, "workdays"),
        ({"workdays": [True]}, "workdays"),
        ({"workdays": []}, "workdays"),
        ({"start": "9am"}, "start"),
        ({"end": 17}, "end"),
        ({"start": "18:00", "end": "08:00"}, "end"),
        ({"country": 1}, "country"),
        ({"country": "Narnia"}, "country"),
        ({"extra_days_off": ["tomorrow"]}, "extra_days_off"),
        ({"extra_days_off": "2026-12-24"}, "extra_days_off"),
    ],
)
def test_from_dict_refuses_garbage(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        BusinessCalendar.from_dict(data)
    assert info.value.field == field


def test_from_dict_refuses_a_non_mapping() -> None:
    with pytest.raises(ValidationError):
        BusinessCalendar.from_dict(["not", "a", "dict"])  # type: ignore[arg-type]


def test_load_and_save_through_the_database(db: Database) -> None:
    assert load_calendar(db) == CAL
    save_calendar(db, FULL)
    assert get_setting(db, "business_calendar") == FULL.to_dict()
    assert load_calendar(db) == FULL


def test_save_refuses_an_invalid_calendar_and_keeps_the_old_one(db: Database) -> None:
    save_calendar(db, FULL)
    with pytest.raises(ValidationError):
        save_calendar(db, BusinessCalendar(start=dt.time(18), end=dt.time(8)))
    assert load_calendar(db) == FULL


def test_a_broken_saved_calendar_falls_back_to_the_default(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    set_setting(db, "business_calendar", {"timezone": "Atlantis/Capital"})
    with caplog.at_level(logging.WARNING, logger="csdesk.core.business_time"):
        assert load_calendar(db) == CAL
    assert "Atlantis/Capital" in caplog.text


# --- format_minutes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 min"),
        (30, "30 min"),
        (60, "1 h"),
        (150, "2 h 30 min"),
        (479, "7 h 59 min"),
        (480, "1 business day"),
        (660, "11 h"),
        (959, "15 h 59 min"),
        (960, "2 business days"),
        (1500, "3 business days 1 h"),
        (1515, "3 business days 1 h 15 min"),
        (1450, "3 business days 10 min"),
        (-30, "-30 min"),
        (-1500, "-3 business days 1 h"),
    ],
)
def test_format_minutes(minutes: int, text: str) -> None:
    assert format_minutes(minutes) == text


def test_format_minutes_with_another_day_length() -> None:
    assert format_minutes(450, minutes_per_day=450) == "1 business day"
    assert format_minutes(1000, minutes_per_day=450) == "2 business days 1 h 40 min"
    assert format_minutes(1000, minutes_per_day=0) == "16 h 40 min"


# --- properties --------------------------------------------------------------

ZONES = [
    "UTC",
    "America/New_York",
    "Europe/Berlin",
    "Europe/London",
    "Australia/Sydney",  # southern hemisphere DST
    "Australia/Lord_Howe",  # a 30-minute DST shift
    "America/Santiago",  # DST changes at midnight
    "Asia/Kolkata",  # +05:30, no DST
]
ZONE_INFOS = st.sampled_from([ZoneInfo(z) for z in ZONES])
LO, HI = dt.datetime(2024, 1, 1), dt.datetime(2028, 12, 31)
moments = st.datetimes(min_value=LO, max_value=HI, timezones=ZONE_INFOS)
days = st.dates(min_value=LO.date(), max_value=HI.date())
PROPS = settings(max_examples=150, deadline=None)


@st.composite
def calendars(draw: st.DrawFn, min_start: int = 0, step: int = 1) -> BusinessCalendar:
    """Any valid calendar: zone, workdays, hours in whole minutes, holidays and days off."""
    start = draw(st.integers(min_start // step, (24 * 60 - 1 - step) // step)) * step
    end = draw(st.integers(start // step + 1, (24 * 60 - 1) // step)) * step
    cal = BusinessCalendar(
        timezone=draw(st.sampled_from(ZONES)),
        workdays=frozenset(draw(st.sets(st.integers(0, 6), min_size=1))),
        start=dt.time(start // 60, start % 60),
        end=dt.time(end // 60, end % 60),
        country=draw(st.sampled_from([None, "US", "GB", "DE"])),
        extra_days_off=frozenset(draw(st.sets(days, max_size=5))),
    )
    cal.validate()
    return cal


def amounts(cal: BusinessCalendar) -> st.SearchStrategy[int]:
    """Up to ~15 working days of that calendar, so sparse calendars stay fast."""
    return st.integers(0, 15 * cal.minutes_per_day())


@PROPS
@given(calendars(), moments, st.data())
def test_between_undoes_add(cal: BusinessCalendar, a: dt.datetime, data: st.DataObject) -> None:
    m = data.draw(amounts(cal))
    result = cal.add_business_minutes(a, m)
    assert result.tzinfo is UTC
    assert result >= a.replace(second=0, microsecond=0)
    assert cal.business_minutes_between(a, result) == m


@PROPS
@given(calendars(), moments, st.data())
def test_add_is_monotonic(cal: BusinessCalendar, a: dt.datetime, data: st.DataObject) -> None:
    m1, m2 = sorted((data.draw(amounts(cal)), data.draw(amounts(cal))))
    assert cal.add_business_minutes(a, m1) <= cal.add_business_minutes(a, m2)


@PROPS
@given(calendars(), moments, moments, moments)
def test_between_is_additive_and_antisymmetric(
    cal: BusinessCalendar, a: dt.datetime, b: dt.datetime, c: dt.datetime
) -> None:
    ab, bc = cal.business_minutes_between(a, b), cal.business_minutes_between(b, c)
    assert ab + bc == cal.business_minutes_between(a, c)
    assert cal.business_minutes_between(b, a) == -ab


@PROPS
@given(calendars(), moments, st.data())
def test_add_lands_inside_working_time(
    cal: BusinessCalendar, a: dt.datetime, data: st.DataObject
) -> None:
    m = data.draw(amounts(cal).filter(lambda m: m > 0))
    result = cal.add_business_minutes(a, m)
    day = cal.local_date(result)
    window = cal.working_window(day)
    assert window is not None and cal.is_workday(day)
    assert window[0] < result <= window[1]
    assert cal.is_working_time(result) or result == window[1]
    zone = cal.zone
    midnight = dt.datetime.combine(day, dt.time(0), zone)
    next_midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), zone)
    if midnight.utcoffset() == next_midnight.utcoffset():  # no DST change: check the wall clock
        assert cal.start < result.astimezone(zone).time() <= cal.end


@st.composite
def daytime_calendars(draw: st.DrawFn) -> BusinessCalendar:
    """Hours from 04:00 on whole quarter hours: clear of every DST change in ZONES."""
    return draw(calendars(min_start=4 * 60, step=15))


@settings(max_examples=60, deadline=None)
@given(daytime_calendars(), moments, st.integers(0, 3 * 24 * 60))
def test_between_matches_counting_minute_by_minute(
    cal: BusinessCalendar, a: dt.datetime, span: int
) -> None:
    a = a.replace(second=0, microsecond=0).astimezone(UTC)  # UTC: add real minutes
    zone = cal.zone
    expected = 0
    for i in range(span):
        wall = (a + dt.timedelta(minutes=i)).astimezone(zone)
        if cal.is_workday(wall.date()) and cal.start <= wall.time() < cal.end:
            expected += 1
    b = a + dt.timedelta(minutes=span)
    assert cal.business_minutes_between(a, b) == expected


def dst_change_days(zone: ZoneInfo, year: int) -> list[dt.date]:
    """The days in ``year`` whose UTC offset at noon differs from the day before."""
    found = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        noon = dt.datetime.combine(day, dt.time(12), zone)
        if noon.utcoffset() != (noon - dt.timedelta(days=1)).utcoffset():
            found.append(day)
        day += dt.timedelta(days=1)
    return found


@pytest.mark.parametrize("timezone", [z for z in ZONES if z not in ("UTC", "Asia/Kolkata")])
@pytest.mark.parametrize("hours", [(0, 0, 8, 0), (1, 0, 22, 30), (4, 0, 20, 0)])
def test_dst_weekends_match_counting_minute_by_minute(
    timezone: str, hours: tuple[int, int, int, int]
) -> None:
    zone = ZoneInfo(timezone)
    cal = BusinessCalendar(
        timezone=timezone,
        workdays=EVERY_DAY,
        start=dt.time(hours[0], hours[1]),
        end=dt.time(hours[2], hours[3]),
    )
    changes = dst_change_days(zone, 2026)
    assert len(changes) == 2
    for change in changes:
        a = dt.datetime.combine(change - dt.timedelta(days=1), dt.time(0), zone).astimezone(UTC)
        expected = 0
        for i in range(3 * 24 * 60):
            wall = (a + dt.timedelta(minutes=i)).astimezone(zone)
            if cal.start <= wall.time() < cal.end:
                expected += 1
        assert cal.business_minutes_between(a, a + dt.timedelta(days=3)) == expected
        assert cal.add_business_minutes(a, expected) <= a + dt.timedelta(days=3)


@PROPS
@given(calendars(), days, st.integers(-40, 40))
def test_add_workdays_round_trips_and_lands_on_workdays(
    cal: BusinessCalendar, day: dt.date, n: int
) -> None:
    moved = cal.add_workdays(day, n)
    if n == 0:
        assert moved == day
        return
    assert cal.is_workday(moved)
    assert (moved > day) == (n > 0)
    if cal.is_workday(day):
        assert cal.add_workdays(moved, -n) == day
    assert cal.workday_on_or_before(moved) == moved
    before = cal.workday_on_or_before(day)
    assert before <= day and cal.is_workday(before)


@PROPS
@given(calendars())
def test_to_dict_from_dict_round_trip(cal: BusinessCalendar) -> None:
    assert BusinessCalendar.from_dict(json.loads(json.dumps(cal.to_dict()))) == cal
