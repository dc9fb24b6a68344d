"""Who may not apply again (第二十一条): an organisation whose point was revoked for false
material is barred for APPLICATION_BAR_YEARS years from the decision.

The recognition application (directory/applications) asks `barred_until` before it accepts a
submission. The bar is written by the status decisions (directory/lifecycle/decisions.py) and
matched on the organisation's name, normalised, so "广州某某 中心" and "广州某某中心" are one.
"""

import datetime
import re
import unicodedata

from django.conf import settings
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

# Spaces and the punctuation people type differently in one name (NFKC already folds full-width
# brackets into ASCII ones).
_IGNORED = re.compile(r"[\s()\[\]{}<>·.,、，。\-—_'\"“”‘’]+")


def normalise_organisation(name: str) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", name or "")).casefold()


def bar_years() -> int:
    return getattr(settings, "APPLICATION_BAR_YEARS", 3)


def bar_end(effective_on: datetime.date) -> datetime.date:
    """The last barred day: the day before the anniversary (29 Feb → 28 Feb)."""
    years = bar_years()
    try:
        anniversary = effective_on.replace(year=effective_on.year + years)
    except ValueError:
        anniversary = effective_on.replace(year=effective_on.year + years, day=28)
    return anniversary - datetime.timedelta(days=1)


def barred_until(organisation: str, today: datetime.date | None = None) -> datetime.date | None:
    """The last day `organisation` is barred from applying, or None when it may apply."""
    from .models import StatusDecision

    key = normalise_organisation(organisation)
    if not key:
        return None
    today = today or timezone.localdate()
    # A later reinstatement of the same point lifts the bar (the revocation was undone).
    reinstated = StatusDecision.objects.filter(
        point_id=OuterRef("point_id"),
        action=StatusDecision.Action.REINSTATE,
        decided_at__gt=OuterRef("decided_at"),
    )
    return (
        StatusDecision.objects.filter(organisation_key=key, bars_until__gte=today)
        .exclude(Exists(reinstated))
        .aggregate(until=Max("bars_until"))["until"]
    )
