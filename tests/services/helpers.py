"""Small helpers shared by the consultation tests."""

import datetime
import time
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from directory.models import ServiceItem
from home.core import abuse
from services.models import ConsultationRequest

from ..factories import reference, region

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


def question_data(**overrides) -> dict:
    """A consultation form post a person would send (served ten seconds ago: a person's pace)."""
    data = {
        "service": reference(ServiceItem, "B03").pk,
        "subject": "检索咨询",
        "question": "请问如何检索某项技术的专利？",
        "name": "李四",
        "organisation": "",
        "phone": "13800138000",
        "email": "li@example.com",
        "reply_channel": "email",
        "city": region("440100").pk,
        "consent": "on",
        "website": "",
        "form_token": abuse.issue_token(time.time() - 10),
    }
    data.update(overrides)
    return data
