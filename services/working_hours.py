"""Working-hours arithmetic for the 5×8 promise: 09:00–17:00, Monday–Friday, Asia/Shanghai,
minus public holidays and plus make-up working days from the working calendar.

Pure functions over a `WorkingCalendar` value, so tests need no database.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings

SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class WorkingCalendar:
    holidays: frozenset[datetime.date] = field(default_factory=frozenset)
    extra_workdays: frozenset[datetime.date] = field(default_factory=frozenset)
    start_hour: int = 9
    end_hour: int = 17

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.extra_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def opening(self, day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(self.start_hour), SHANGHAI)

    def closing(self, day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(self.end_hour), SHANGHAI)


def calendar_from_db() -> WorkingCalendar:
    from .models import CalendarDay

    rows = CalendarDay.objects.values_list("date", "is_working_day")
    return WorkingCalendar(
        holidays=frozenset(d for d, working in rows if not working),
        extra_workdays=frozenset(d for d, working in rows if working),
        start_hour=settings.CONSULTATION_WORKDAY_START,
        end_hour=settings.CONSULTATION_WORKDAY_END,
    )


# Ten years of holidays never run out; a calendar without working days must not loop forever.
_MAX_DAYS = 3660


def add_working_hours(
    start: datetime.datetime, hours: float, calendar: WorkingCalendar
) -> datetime.datetime:
    """The moment `hours` working hours after `start` (an aware datetime)."""
    remaining = datetime.timedelta(hours=hours)
    moment = start.astimezone(SHANGHAI)
    day = moment.date()
    for _ in range(_MAX_DAYS):
        if calendar.is_working_day(day):
            begin = max(moment, calendar.opening(day))
            end = calendar.closing(day)
            if begin < end:
                if begin + remaining <= end:
                    return begin + remaining
                remaining -= end - begin
        day += datetime.timedelta(days=1)
        moment = calendar.opening(day)
    raise ValueError("The working calendar has no working days.")


def working_hours_between(
    start: datetime.datetime, end: datetime.datetime, calendar: WorkingCalendar
) -> float:
    """Working hours elapsed from `start` to `end` (0 if `end` is not after `start`)."""
    if end <= start:
        return 0.0
    start, end = start.astimezone(SHANGHAI), end.astimezone(SHANGHAI)
    total = datetime.timedelta()
    day = start.date()
    while day <= end.date():
        if calendar.is_working_day(day):
            begin = max(start, calendar.opening(day))
            finish = min(end, calendar.closing(day))
            if begin < finish:
                total += finish - begin
        day += datetime.timedelta(days=1)
    return total.total_seconds() / 3600


def due_at(submitted: datetime.datetime, calendar: WorkingCalendar | None = None):
    calendar = calendar or calendar_from_db()
    return add_working_hours(submitted, settings.CONSULTATION_RESPONSE_WORKING_HOURS, calendar)
