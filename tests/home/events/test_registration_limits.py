"""Abuse limits of registering: a per-IP limit every worker shares, and one live registration
per phone and per e-mail address and event."""

import pytest
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.test import Client, override_settings
from django.utils import timezone

from home.core.models import RateCount
from home.events import registrations
from home.events.models import EventPage, Registration

from .helpers import form_data, nonce, person

pytestmark = pytest.mark.django_db


@override_settings(EVENT_REGISTRATION_RATE_LIMIT="10/3600")
def test_the_eleventh_registration_from_one_ip_is_refused_by_every_worker(event_factory):
    event = event_factory()
    for n in range(10):
        # A new client and an emptied local cache each time: nothing but the database is
        # shared, as between gunicorn workers.
        caches["default"].clear()
        response = Client(REMOTE_ADDR="203.0.113.7").post(
            f"{event.url}register/", form_data(name=f"人{n}")
        )
        assert response.status_code == 302
    caches["default"].clear()
    refused = Client(REMOTE_ADDR="203.0.113.7").post(
        f"{event.url}register/", form_data(name="第十一人", organisation="广州某研究院")
    )
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "报名过多" in refused.text  # the Chinese site's message
    assert 'value="第十一人"' in refused.text
    assert 'value="广州某研究院"' in refused.text
    assert Registration.objects.count() == 10
    assert RateCount.objects.get().count == 11  # counted in the database, IP only hashed
    assert "203.0.113.7" not in RateCount.objects.get().key
    # Another network is not held up.
    other = Client(REMOTE_ADDR="198.51.100.2").post(f"{event.url}register/", form_data())
    assert other.status_code == 302


@override_settings(EVENT_REGISTRATION_RATE_LIMIT="1/3600")
def test_the_limit_counts_registrations_not_form_errors(client, event_factory):
    event = event_factory()
    assert client.post(f"{event.url}register/", form_data(consent=None)).status_code == 400
    assert client.post(f"{event.url}register/", form_data()).status_code == 302


def test_the_same_phone_twice_is_refused_with_how_to_cancel(client, event_factory):
    event = event_factory()
    assert client.post(f"{event.url}register/", form_data(phone="13800138000")).status_code == 302
    again = Client().post(
        f"{event.url}register/", form_data(name="另一人", phone="+86 138-0013-8000")
    )
    assert again.status_code == 409
    assert "phone" in again.context["form"].errors
    assert 'id="already-registered"' in again.text
    assert "该电话号码已报名本活动" in again.text
    assert "取消链接" in again.text
    assert 'value="另一人"' in again.text
    assert Registration.objects.count() == 1


def test_the_same_email_twice_is_refused(client, event_factory):
    event = event_factory()
    first = client.post(f"{event.url}register/", form_data(email="li.si@example.com"))
    assert first.status_code == 302
    again = Client().post(f"{event.url}register/", form_data(email="Li.Si@EXAMPLE.com"))
    assert again.status_code == 409
    assert "email" in again.context["form"].errors
    assert Registration.objects.count() == 1


def test_the_same_person_may_register_for_another_event(event_factory):
    first, second = event_factory(), event_factory()
    registrations.register(first, person(phone="13800138000"), nonce())
    registration, created = registrations.register(second, person(phone="13800138000"), nonce())
    assert created and registration.event_id == second.pk


def test_duplicates_are_found_across_languages(event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory()
    ensure_locale_trees()
    english = EventPage.objects.get(alias_of=event)
    registrations.register(event, person(email="a@example.com"), nonce())
    with pytest.raises(registrations.AlreadyRegistered) as refused:
        registrations.register(english, person(email="A@example.com"), nonce(), language="en")
    assert refused.value.field == "email"


def test_the_waiting_list_is_refused_twice_too(event_factory):
    event = event_factory(capacity=1)
    registrations.register(event, person(), nonce())
    registrations.register(event, person(phone="13900000001"), nonce())
    with pytest.raises(registrations.AlreadyRegistered):
        registrations.register(event, person(phone="139 0000 0001"), nonce())


def test_after_cancelling_one_may_register_again(event_factory):
    event = event_factory()
    first, _ = registrations.register(event, person(phone="13800138000"), nonce())
    registrations.cancel(first)
    again, created = registrations.register(event, person(phone="13800138000"), nonce())
    assert created and again.status == "confirmed"


@pytest.mark.parametrize("field", ["phone", "email"])
def test_the_database_refuses_a_second_live_registration(event_factory, field):
    event = event_factory()
    value = "13800138000" if field == "phone" else "a@example.com"

    def create(status="confirmed"):
        return Registration.objects.create(
            event=event,
            name="张三",
            status=status,
            consent_version="t",
            consented_at=timezone.now(),
            submission_nonce=nonce(),
            **{field: value},
        )

    create()
    create(status="cancelled")  # cancelled rows do not count
    with pytest.raises(IntegrityError), transaction.atomic():
        create(status="waiting")
    # Empty contact fields never collide.
    Registration.objects.create(
        event=event,
        name="无联系方式",
        status="confirmed",
        consent_version="t",
        consented_at=timezone.now(),
        submission_nonce=nonce(),
    )
