"""Fixtures of the yearly tests: points with staff, an office client, a summary of this year."""

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.users.models import UserProfile

from directory.yearly.figures import _providers, register_summary_figures


def english_client(user) -> Client:
    """A logged-in client with the admin in English, so assertions can read messages."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def year():
    return timezone.localdate().year


@pytest.fixture
def two_points(make_point, make_staff):
    a = make_point(title="甲网点", offerings=[("B03", "basic", "free")])
    b = make_point(title="乙网点")
    return {
        "a": a,
        "b": b,
        "a_staff": make_staff(a, username="a-staff"),
        "b_staff": make_staff(b, username="b-staff"),
    }


@pytest.fixture
def consultation_figures():
    """A provider like the consultation ledger's, removed after the test."""
    saved = dict(_providers)

    def provide(point, year):
        return {
            "consultations_total": 50,
            "answered_on_time_rate": 0.9,
            "mean_rating": 4.5,
            "events_held": 2,
        }

    register_summary_figures(
        "test-consultations",
        provide,
        labels={"consultations_total": "Consultations", "answered_on_time_rate": "On time"},
    )
    yield provide
    _providers.clear()
    _providers.update(saved)
