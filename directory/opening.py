"""Open now / closed: a point's opening hours against the working calendar.

The directory cannot import the services layer, which owns the working calendar (public
holidays and make-up working days, 调休). Services registers a function that reads it
(`register_calendar`, in services/apps.py); without one every day follows the point's week.

The rules are plain functions over a `HolidayCalendar` value, tested without the database:

- a public holiday closes every point, whatever its week;
- a make-up working day (a weekend day worked) opens every point, at its usual hours;
- otherwise a point opens on the days of its week (Mo-Fr, Mo-Sa, Mo-Su), `opens`–`closes`,
  China time.

Pages that show the status may be served from the full-page cache, so the status is rendered
twice: as text (right when rendered; the no-JavaScript fallback) and as the next opening
intervals with their labels, from which js/open-now.js sets the text that is right when the
page is viewed. Two intervals cover the page's cache lifetime many times over.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.utils import dates, formats
from django.utils.translation import gettext as _

CHINA = ZoneInfo("Asia/Shanghai")
WEEK_DAYS = {"Mo-Fr": 5, "Mo-Sa": 6, "Mo-Su": 7}
# Ten years of holidays never run out; a calendar that closes every day must not loop forever.
MAX_DAYS_AHEAD = 60
# "Opens Monday 09:00" names a weekday only when the day is less than a week away.
WEEKDAY_LABEL_DAYS = 6
CACHE_KEY = "directory:working-calendar"
# Another process's calendar edit shows within this time; this process's own at once.
CACHE_SECONDS = 300


@dataclass(frozen=True)
class HolidayCalendar:
    holidays: frozenset[datetime.date] = field(default_factory=frozenset)
    extra_workdays: frozenset[datetime.date] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Hours:
    open_days: str  # a ServicePoint.OpenDays value
    opens: datetime.time
    closes: datetime.time

    @classmethod
    def of(cls, point) -> "Hours":
        return cls(point.open_days, point.opens, point.closes)


@dataclass(frozen=True)
class Interval:
    start: datetime.datetime
    end: datetime.datetime


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    label: str
    # The current interval (open) or the next one (closed), then the one after it.
    intervals: tuple[Interval, ...] = ()


def is_open_day(open_days: str, day: datetime.date, calendar: HolidayCalendar) -> bool:
    if day in calendar.holidays:
        return False
    if day in calendar.extra_workdays:
        return True
    return day.weekday() < WEEK_DAYS.get(open_days, 5)


def intervals_from(
    hours: Hours, now: datetime.datetime, calendar: HolidayCalendar, count: int = 2
) -> list[Interval]:
    """The opening intervals not yet over at `now` (aware), first the current one, if any."""
    if hours.closes <= hours.opens:
        return []
    day = now.astimezone(CHINA).date()
    found: list[Interval] = []
    for _offset in range(MAX_DAYS_AHEAD):
        if is_open_day(hours.open_days, day, calendar):
            end = datetime.datetime.combine(day, hours.closes, CHINA)
            if end > now:
                found.append(Interval(datetime.datetime.combine(day, hours.opens, CHINA), end))
                if len(found) == count:
                    break
        day += datetime.timedelta(days=1)
    return found


def open_label(interval: Interval) -> str:
    return _("Open now · closes %(time)s") % {"time": f"{interval.end:%H:%M}"}


def closed_label(interval: Interval, now: datetime.datetime) -> str:
    """Names the weekday when the opening is within the week, else the date: either stays
    true while the page is cached, unlike "today" or "tomorrow"."""
    start = interval.start
    days_ahead = (start.date() - now.astimezone(CHINA).date()).days
    if days_ahead <= WEEKDAY_LABEL_DAYS:
        day = str(dates.WEEKDAYS[start.weekday()])
    else:
        day = formats.date_format(start.date(), "MONTH_DAY_FORMAT")
    return _("Closed · opens %(day)s %(time)s") % {"day": day, "time": f"{start:%H:%M}"}


def opening_status(
    hours: Hours, now: datetime.datetime, calendar: HolidayCalendar
) -> OpeningStatus | None:
    """None when the point never opens in the coming weeks (or has no valid hours)."""
    intervals = intervals_from(hours, now, calendar)
    if not intervals:
        return None
    first = intervals[0]
    if first.start <= now:
        return OpeningStatus(True, open_label(first), tuple(intervals))
    return OpeningStatus(False, closed_label(first, now), tuple(intervals))


def script_data(status: OpeningStatus, now: datetime.datetime) -> list[dict]:
    """What js/open-now.js needs: each interval in epoch milliseconds with both its labels."""
    return [
        {
            "from": int(i.start.timestamp() * 1000),
            "to": int(i.end.timestamp() * 1000),
            "open": open_label(i),
            "closed": closed_label(i, now),
        }
        for i in status.intervals
    ]


def next_change(statuses) -> datetime.datetime | None:
    """The first moment any of these statuses changes: the page's text is stale from then."""
    moments = [
        status.intervals[0].end if status.is_open else status.intervals[0].start
        for status in statuses
        if status is not None and status.intervals
    ]
    return min(moments, default=None)


def status_changes_at(point, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """When `point`'s open/closed text next changes: a cached page must not outlive it."""
    from django.utils import timezone

    now = now or timezone.now()
    return next_change([opening_status(Hours.of(point), now, current_calendar())])


# --- The calendar, from whoever registered it ------------------------------------------

_reader: Callable[[], object] | None = None


def register_calendar(reader: Callable[[], object]) -> None:
    """`reader()` returns an object with `holidays` and `extra_workdays` (sets of dates)."""
    global _reader  # noqa: PLW0603 - the registry is this module's one piece of state
    _reader = reader


def forget_calendar(**_signal_kwargs) -> None:
    """Receiver for changes to the working calendar: the next read sees them."""
    cache.delete(CACHE_KEY)


def current_calendar() -> HolidayCalendar:
    """The working calendar, read once per CACHE_SECONDS (one cache read per request)."""
    calendar = cache.get(CACHE_KEY)
    if calendar is None:
        value = _reader() if _reader is not None else None
        calendar = HolidayCalendar(
            frozenset(getattr(value, "holidays", ())),
            frozenset(getattr(value, "extra_workdays", ())),
        )
        cache.set(CACHE_KEY, calendar, CACHE_SECONDS)
    return calendar
