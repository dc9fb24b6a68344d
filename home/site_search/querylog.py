"""Writing the query log, without personal data, and pruning it without a scheduler.

What is never logged: a query with an e-mail address, or with seven digits or more in a row
(spaces, dashes, dots and brackets between them do not count), which covers mobile and landline
numbers, the 18-character ID number (its last character may be X) and other account numbers.
Patent numbers are dropped too: that is the price of never keeping a phone number.

Pruning keeps SEARCH_QUERY_LOG_DAYS days. It runs at most once a day per process, when a query
is logged, so a site without cron stays within the period; `manage.py prune_search_log` does
the same on demand.
"""

import datetime
import re
import threading

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import LoggedQuery
from .normalise import canonical_query

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_NUMBER_PUNCTUATION = re.compile(r"[\s\-.()（）+－—]")
_LONG_NUMBER = re.compile(r"\d{7,}|\d{17}x", re.IGNORECASE)

_prune_lock = threading.Lock()
_last_pruned: datetime.date | None = None


def looks_personal(query: str) -> bool:
    """A phone number, an e-mail address or an ID number (or anything with such a run)."""
    if _EMAIL.search(query):
        return True
    return bool(_LONG_NUMBER.search(_NUMBER_PUNCTUATION.sub("", query)))


def retention_days() -> int:
    return int(getattr(settings, "SEARCH_QUERY_LOG_DAYS", 90))


def log_query(query: str, language: str, *, found: bool) -> bool:
    """Count one search of `query`; False when it was not logged (empty or personal)."""
    text = canonical_query(query)
    if not text or looks_personal(text) or looks_personal(query):
        return False
    today = timezone.localdate()
    key = {"query_string": text, "language": language[:10], "date": today}
    change = {"searches": F("searches") + 1}
    if not found:
        change["empty"] = F("empty") + 1
    if not LoggedQuery.objects.filter(**key).update(**change):
        try:
            with transaction.atomic():
                LoggedQuery.objects.create(**key, searches=1, empty=0 if found else 1)
        except IntegrityError:  # another request created today's row first
            LoggedQuery.objects.filter(**key).update(**change)
    prune_if_due(today)
    return True


def prune_if_due(today: datetime.date | None = None) -> bool:
    """Prune once per day and process; True when it pruned now."""
    global _last_pruned
    today = today or timezone.localdate()
    if _last_pruned == today:
        return False
    with _prune_lock:
        if _last_pruned == today:
            return False
        _last_pruned = today
    prune()
    return True


def prune(days: int | None = None) -> int:
    """Delete the log older than `days` (SEARCH_QUERY_LOG_DAYS); the number of rows deleted.

    Wagtail's own hit counts (search_promotions' daily hits) get the same period, and its
    queries left with neither hits nor pins go with them."""
    days = retention_days() if days is None else days
    cutoff = timezone.localdate() - datetime.timedelta(days=days)
    deleted, _ = LoggedQuery.objects.filter(date__lt=cutoff).delete()
    QueryDailyHits.garbage_collect(days=days)
    Query.garbage_collect()
    return deleted


def popular_queries(language: str, *, limit: int = 5, exclude: str = "") -> list[str]:
    """The most searched queries of the period that found something, most searched first."""

    since = timezone.localdate() - datetime.timedelta(days=retention_days())
    rows = (
        LoggedQuery.objects.filter(language=language, date__gte=since)
        .exclude(query_string=canonical_query(exclude))
        .values("query_string")
        .annotate(total=Sum("searches"), without=Sum("empty"))
        .filter(total__gt=F("without"))
        .order_by("-total", "query_string")
    )
    return [row["query_string"] for row in rows[:limit]]
