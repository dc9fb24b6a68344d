"""When a year's summary is due and where a point stands with it.

ANNUAL_SUMMARY_DUE is "MM-DD" of the summary's own year (第十八条: before the end of December);
ANNUAL_SUMMARY_REMINDER_DAYS before it, the point's staff are reminded.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    """A point's standing with one year's summary, as the board and the dashboard show it."""

    SUBMITTED = "submitted", _("submitted")
    LATE = "late", _("late")
    MISSING = "missing", _("missing")


def due_date(year: int) -> datetime.date:
    month, day = (int(part) for part in getattr(settings, "ANNUAL_SUMMARY_DUE", "12-31").split("-"))
    return datetime.date(year, month, day)


def reminder_date(year: int) -> datetime.date:
    days = getattr(settings, "ANNUAL_SUMMARY_REMINDER_DAYS", 30)
    return due_date(year) - datetime.timedelta(days=days)


def state_of(summary, year: int, today: datetime.date) -> State:
    """SUBMITTED once handed in; LATE past the due date without; MISSING before it (not yet)."""
    if summary is not None and summary.is_handed_in:
        return State.SUBMITTED
    return State.LATE if today > due_date(year) else State.MISSING


def can_be_evaluated(summary, today: datetime.date) -> bool:
    """A handed-in summary, or a point that handed nothing in by the due date (it may fail)."""
    return summary.is_handed_in or today > due_date(summary.year)
