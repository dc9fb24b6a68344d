"""Rate limits every worker shares, counted in the database.

The default cache is local memory unless REDIS_URL is set, so a limit counted there is per
worker: with three workers a "20 a quarter-hour" limit lets 60 through. The database is the one
store every worker always shares, so the counters live there (models/limits.py), one row per key
and fixed window. A fixed window lets at most twice the limit through across its boundary; for
abuse protection that is enough, and it costs one small write per counted request.

Keys carry no personal data in the clear: callers pass an HMAC of the IP or contact
(home/core/abuse.py `client_key`).
"""

import datetime
import random

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RateCount

# One call in this many also deletes the counters of windows long gone.
PRUNE_ONE_IN = 200


def _window_start(now: datetime.datetime, seconds: int) -> datetime.datetime:
    epoch = int(now.timestamp())
    return datetime.datetime.fromtimestamp(epoch - epoch % seconds, tz=datetime.UTC)


def hit(key: str, limit: int, window_seconds: int, *, now=None) -> bool:
    """Count one use of `key`; True while the window's count stays within `limit`."""
    return count(key, window_seconds, now=now, add=1) <= limit


def count(key: str, window_seconds: int, *, now=None, add: int = 0) -> int:
    """The uses of `key` in the current window, after adding `add`."""
    now = now or timezone.now()
    start = _window_start(now, window_seconds)
    if add:
        updated = RateCount.objects.filter(key=key, window_start=start).update(
            count=F("count") + add
        )
        if not updated:
            try:
                with transaction.atomic():
                    RateCount.objects.create(key=key, window_start=start, count=add)
            except IntegrityError:  # another worker created it first
                RateCount.objects.filter(key=key, window_start=start).update(count=F("count") + add)
        if random.randrange(PRUNE_ONE_IN) == 0:  # noqa: S311 - not security relevant
            prune(now)
    row = RateCount.objects.filter(key=key, window_start=start).values_list("count", flat=True)
    return row.first() or 0


def reset(key: str) -> None:
    RateCount.objects.filter(key=key).delete()


def prune(now=None, keep=datetime.timedelta(days=2)) -> int:
    """Delete counters of windows that started before `keep` ago (no limit is that long)."""
    now = now or timezone.now()
    deleted, _ = RateCount.objects.filter(window_start__lt=now - keep).delete()
    return deleted
