"""The consultation form's per-IP limit, counted in the database so every worker sees it.

The honeypot, the signed form token and the client IP are home/core/abuse.py.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import ConsultationRequest


def is_rate_limited(key: str, now=None) -> bool:
    now = now or timezone.now()
    since = now - timedelta(seconds=settings.CONSULTATION_RATE_LIMIT_WINDOW)
    recent = ConsultationRequest.objects.filter(client_key=key, submitted_at__gte=since).count()
    return recent >= settings.CONSULTATION_RATE_LIMIT_COUNT
