"""Admin sign-in throttling with django-axes: the lockout page, and the locks an editor lifts.

The settings are in site/settings/base.py (AXES_*, LOGIN_FAILURE_LIMIT, LOGIN_COOLOFF_MINUTES);
the client IP is home/core/abuse.py's `client_ip`, so TRUSTED_PROXIES count here as in every
other limit. The unlock page for editors is services/staff_admin.py.
"""

import datetime

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def cool_off_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page's layout with the reason and what to do; 429 Too Many Requests.

    Rendered here: axes' middleware replaces the response after the view, where a lazy
    TemplateResponse would never be rendered.
    """
    return render(
        request,
        "axes/lockout.html",
        {"minutes": cool_off_minutes(), "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


def recent_attempts(now: datetime.datetime | None = None):
    """Failed sign-ins still within the cool-off, newest first; `locked` marks the rows at or
    over the limit by username or by IP (the two lockout parameters)."""
    now = now or timezone.now()
    rows = list(
        AccessAttempt.objects.filter(attempt_time__gt=now - settings.AXES_COOLOFF_TIME).order_by(
            "-attempt_time"
        )[:500]
    )
    by_user: dict[str, int] = {}
    by_ip: dict[str, int] = {}
    for row in rows:
        by_user[row.username] = by_user.get(row.username, 0) + row.failures_since_start
        by_ip[row.ip_address] = by_ip.get(row.ip_address, 0) + row.failures_since_start
    limit = settings.AXES_FAILURE_LIMIT
    for row in rows:
        row.locked = by_user[row.username] >= limit or by_ip[row.ip_address] >= limit
    return rows


def unlock(attempt: AccessAttempt) -> int:
    """Clear the failures of the attempt's username and of its IP address (axes' own reset).

    Both: a colleague who mistyped five times locked their account and their office's address.
    """
    return reset(username=attempt.username, ip=attempt.ip_address, ip_or_username=True)
