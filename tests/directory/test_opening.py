"""Open now / closed from a point's hours and the working calendar (pure functions, no DB)."""

import datetime

import pytest
from django.utils import translation

from directory.opening import (
    CHINA,
    HolidayCalendar,
    Hours,
    current_calendar,
    next_change,
    opening_status,
    script_data,
)

WEEKDAYS_9_TO_5 = Hours("Mo-Fr", datetime.time(9), datetime.time(17))
NO_EXCEPTIONS = HolidayCalendar()


def at(day: str, time: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=CHINA)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_open_during_hours_says_when_it_closes():
    status = opening_status(WEEKDAYS_9_TO_5, at("2026-03-04", "10:30"), NO_EXCEPTIONS)  # Wed
    assert status.is_open
    assert status.label == "Open now · closes 17:00"


def test_after_friday_closing_it_opens_on_monday():
    status = opening_status(WEEKDAYS_9_TO_5, at("2026-03-06", "17:00"), NO_EXCEPTIONS)  # Fri
    assert not status.is_open
    assert status.label == "Closed · opens Monday 09:00"
    assert status.intervals[0].start == at("2026-03-09", "09:00")


def test_before_opening_it_opens_the_same_day():
    status = opening_status(WEEKDAYS_9_TO_5, at("2026-03-04", "08:59"), NO_EXCEPTIONS)
    assert not status.is_open
    assert status.label == "Closed · opens Wednesday 09:00"


def test_a_public_holiday_closes_a_point_on_a_weekday():
    # 2026-10-01 (Thu) to 10-07: National Day.
    holidays = frozenset(datetime.date(2026, 10, d) for d in range(1, 8))
    calendar = HolidayCalendar(holidays=holidays)
    status = opening_status(WEEKDAYS_9_TO_5, at("2026-10-01", "10:00"), calendar)
    assert not status.is_open
    assert status.intervals[0].start == at("2026-10-08", "09:00")
    # A week ahead: the date, as a weekday name would be ambiguous.
    assert status.label == "Closed · opens October 8 09:00"


def test_a_holiday_closes_even_a_point_open_every_day():
    daily = Hours("Mo-Su", datetime.time(9), datetime.time(17))
    calendar = HolidayCalendar(holidays=frozenset({datetime.date(2026, 3, 7)}))  # Sat
    assert opening_status(daily, at("2026-03-08", "10:00"), NO_EXCEPTIONS).is_open  # Sun
    assert not opening_status(daily, at("2026-03-07", "10:00"), calendar).is_open


def test_a_make_up_working_day_opens_a_weekday_point_on_a_sunday():
    sunday = datetime.date(2026, 9, 27)
    calendar = HolidayCalendar(extra_workdays=frozenset({sunday}))
    assert not opening_status(WEEKDAYS_9_TO_5, at("2026-09-27", "10:00"), NO_EXCEPTIONS).is_open
    status = opening_status(WEEKDAYS_9_TO_5, at("2026-09-27", "10:00"), calendar)
    assert status.is_open and status.label == "Open now · closes 17:00"


def test_saturday_points_open_on_saturday_only_with_their_week():
    six_days = Hours("Mo-Sa", datetime.time(8, 30), datetime.time(12))
    status = opening_status(six_days, at("2026-03-07", "09:00"), NO_EXCEPTIONS)  # Sat
    assert status.is_open and status.label == "Open now · closes 12:00"
    status = opening_status(six_days, at("2026-03-07", "12:00"), NO_EXCEPTIONS)
    assert status.label == "Closed · opens Monday 08:30"


def test_the_visitors_time_zone_does_not_matter():
    utc_evening = datetime.datetime(2026, 3, 4, 2, 0, tzinfo=datetime.UTC)  # 10:00 in China
    assert opening_status(WEEKDAYS_9_TO_5, utc_evening, NO_EXCEPTIONS).is_open


def test_hours_that_never_open_give_no_status():
    broken = Hours("Mo-Fr", datetime.time(17), datetime.time(9))
    assert opening_status(broken, at("2026-03-04", "10:00"), NO_EXCEPTIONS) is None
    everyday_holiday = HolidayCalendar(
        holidays=frozenset(
            datetime.date(2026, 3, 1) + datetime.timedelta(days=n) for n in range(90)
        )
    )
    assert opening_status(WEEKDAYS_9_TO_5, at("2026-03-04", "10:00"), everyday_holiday) is None


def test_script_data_lets_the_page_follow_the_clock():
    now = at("2026-03-06", "16:00")  # Fri, open
    status = opening_status(WEEKDAYS_9_TO_5, now, NO_EXCEPTIONS)
    data = script_data(status, now)
    assert [d["open"] for d in data] == ["Open now · closes 17:00"] * 2
    # After closing, the second interval (Monday) tells when it opens again.
    assert data[1]["closed"] == "Closed · opens Monday 09:00"
    assert data[0]["to"] == int(at("2026-03-06", "17:00").timestamp() * 1000)
    assert data[1]["from"] == int(at("2026-03-09", "09:00").timestamp() * 1000)


def test_next_change_is_the_first_transition_of_any_status():
    now = at("2026-03-06", "16:00")
    open_one = opening_status(WEEKDAYS_9_TO_5, now, NO_EXCEPTIONS)
    later = opening_status(Hours("Mo-Fr", datetime.time(9), datetime.time(18)), now, NO_EXCEPTIONS)
    assert next_change([later, None, open_one]) == at("2026-03-06", "17:00")
    assert next_change([None]) is None


@pytest.mark.django_db
def test_the_registered_calendar_reads_holidays_from_the_services_calendar():
    from services.models import CalendarDay

    CalendarDay.objects.create(date=datetime.date(2031, 1, 1), name="元旦")
    CalendarDay.objects.create(date=datetime.date(2031, 1, 5), is_working_day=True, name="调休")
    calendar = current_calendar()
    assert datetime.date(2031, 1, 1) in calendar.holidays
    assert datetime.date(2031, 1, 5) in calendar.extra_workdays


def test_status_changes_at_bounds_a_cached_profile():
    from types import SimpleNamespace

    from directory.opening import status_changes_at

    point = SimpleNamespace(open_days="Mo-Fr", opens=datetime.time(9), closes=datetime.time(17))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("directory.opening.current_calendar", lambda: NO_EXCEPTIONS)
        assert status_changes_at(point, at("2026-03-06", "16:00")) == at("2026-03-06", "17:00")
        assert status_changes_at(point, at("2026-03-06", "18:00")) == at("2026-03-09", "09:00")
