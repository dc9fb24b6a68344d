"""Small helpers shared by the consultation tests."""

import datetime
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from services.models import ConsultationRequest

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime.datetime:
    """An ISO date-time read as Beijing time."""
    return datetime.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def admin_client_for(user, client: Client | None = None) -> Client:
    """A logged-in client; English admin so that assertions can read the messages."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = client or Client()
    client.force_login(user)
    return client


def url(name, *args):
    """An inbox URL: `consultations:<name>`."""
    return reverse(f"consultations:{name}", args=args)


def refreshed(request_obj):
    return ConsultationRequest.objects.get(pk=request_obj.pk)
