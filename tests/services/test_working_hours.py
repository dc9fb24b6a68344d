"""The 5×8 promise: 40 working hours, 09:00–17:00 Beijing time, holidays and 调休 included."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from services.working_hours import (
    WorkingCalendar,
    add_working_hours,
    calendar_from_db,
    due_at,
    working_hours_between,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def days(first: str, last: str) -> set[datetime.date]:
    day, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    result = set()
    while day <= end:
        result.add(day)
        day += datetime.timedelta(days=1)
    return result


# The autumn of the State Council's 2026 schedule, built by hand: no database needed.
AUTUMN_2026 = WorkingCalendar(
    holidays=frozenset(days("2026-09-25", "2026-09-27") | days("2026-10-01", "2026-10-07")),
    extra_workdays=frozenset(
        {datetime.date(2026, 9, 20), datetime.date(2026, 10, 10)}  # Sunday, Saturday
    ),
)
PLAIN = WorkingCalendar()


def test_forty_hours_in_an_ordinary_week_is_the_same_time_a_week_later():
    assert due_at(at("2026-03-02 10:00"), PLAIN) == at("2026-03-09 10:00")


def test_the_rest_of_the_day_carries_over_the_night():
    # Tuesday 16:00 + 2 h: one hour today, one from 09:00 tomorrow.
    assert add_working_hours(at("2026-03-03 16:00"), 2, PLAIN) == at("2026-03-04 10:00")


def test_a_weekend_is_skipped():
    assert add_working_hours(at("2026-03-06 15:00"), 4, PLAIN) == at("2026-03-09 11:00")


@pytest.mark.parametrize(
    ("submitted", "expected"),
    [
        ("2026-03-03 07:30", "2026-03-03 10:00"),  # before opening: the clock starts at 09:00
        ("2026-03-03 18:00", "2026-03-04 10:00"),  # after closing: next working morning
        ("2026-03-03 17:00", "2026-03-04 10:00"),  # exactly at closing: nothing left today
        ("2026-03-07 12:00", "2026-03-09 10:00"),  # on a Saturday: Monday morning
    ],
)
def test_outside_working_hours_the_clock_starts_at_the_next_opening(submitted, expected):
    assert add_working_hours(at(submitted), 1, PLAIN) == at(expected)


def test_a_full_day_ends_at_closing_time_not_the_next_morning():
    assert add_working_hours(at("2026-03-03 09:00"), 8, PLAIN) == at("2026-03-03 17:00")


def test_national_day_week_is_skipped_and_the_saturday_make_up_day_counts():
    # Wed 30 Sep 14:00: 3 h that day; 1–7 Oct off; Thu 8, Fri 9, Sat 10 (调休) 8 h each;
    # Sun 11 off; Mon 12 8 h; the last 5 h end on Tue 13 Oct at 14:00.
    assert due_at(at("2026-09-30 14:00"), AUTUMN_2026) == at("2026-10-13 14:00")
    # Without the make-up Saturday it would be a day later.
    no_make_up = WorkingCalendar(holidays=AUTUMN_2026.holidays)
    assert due_at(at("2026-09-30 14:00"), no_make_up) == at("2026-10-14 14:00")


def test_a_sunday_make_up_day_is_worked():
    assert add_working_hours(at("2026-09-18 16:00"), 2, AUTUMN_2026) == at("2026-09-20 10:00")


def test_a_weekday_holiday_is_skipped():
    # Thu 24 Sep 16:00 + 2 h: Fri 25 is 中秋节, the weekend follows; Monday 28 at 10:00.
    assert add_working_hours(at("2026-09-24 16:00"), 2, AUTUMN_2026) == at("2026-09-28 10:00")


def test_a_time_given_in_utc_is_read_as_beijing_time():
    utc = datetime.datetime(2026, 3, 3, 1, 0, tzinfo=datetime.UTC)  # 09:00 in Beijing
    assert add_working_hours(utc, 8, PLAIN) == at("2026-03-03 17:00")


def test_a_calendar_without_working_time_raises_instead_of_looping():
    with pytest.raises(ValueError):
        add_working_hours(at("2026-03-03 10:00"), 1, WorkingCalendar(start_hour=9, end_hour=9))


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        ("2026-03-03 10:00", "2026-03-03 12:30", 2.5),
        ("2026-03-03 16:00", "2026-03-04 10:00", 2.0),  # the night does not count
        ("2026-03-06 15:00", "2026-03-09 11:00", 4.0),  # nor the weekend
        ("2026-03-03 18:00", "2026-03-04 08:00", 0.0),  # all outside working hours
        ("2026-03-04 10:00", "2026-03-03 10:00", 0.0),  # end before start
        ("2026-09-30 14:00", "2026-10-13 14:00", 40.0),  # over National Day, with 调休
    ],
)
def test_working_hours_between(start, end, hours):
    assert working_hours_between(at(start), at(end), AUTUMN_2026) == pytest.approx(hours)


def test_working_hours_between_undoes_add_working_hours():
    start = at("2026-09-24 11:15")
    end = add_working_hours(start, 17.5, AUTUMN_2026)
    assert working_hours_between(start, end, AUTUMN_2026) == pytest.approx(17.5)


@pytest.mark.django_db
def test_the_database_calendar_holds_the_seeded_2026_schedule():
    calendar = calendar_from_db()

    assert days("2026-10-01", "2026-10-07") <= calendar.holidays
    assert datetime.date(2026, 2, 17) in calendar.holidays  # 春节
    assert {datetime.date(2026, 10, 10), datetime.date(2026, 2, 14)} <= calendar.extra_workdays
    assert not calendar.holidays & calendar.extra_workdays
    assert due_at(at("2026-09-30 14:00")) == at("2026-10-13 14:00")
