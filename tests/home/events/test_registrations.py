"""Registering: places and the waiting list, refusals, repeated submissions, and erasing
registrations after the event."""

import datetime
import io

import pytest
from django.utils import timezone

from home.events import registrations
from home.events.models import EventPage, Registration

from .helpers import beijing, nonce, person

pytestmark = pytest.mark.django_db


def test_confirmed_until_capacity_then_waiting_list(event_factory):
    event = event_factory(capacity=2)
    first, created = registrations.register(event, person("甲"), nonce())
    second, _ = registrations.register(event, person("乙"), nonce())
    third, _ = registrations.register(event, person("丙"), nonce())
    fourth, _ = registrations.register(event, person("丁"), nonce())
    assert created
    assert [r.status for r in (first, second, third, fourth)] == [
        "confirmed",
        "confirmed",
        "waiting",
        "waiting",
    ]
    assert registrations.waiting_position(third) == 1
    assert registrations.waiting_position(fourth) == 2
    assert registrations.waiting_position(first) is None
    assert registrations.availability(event).is_full


def test_no_capacity_means_no_limit(event_factory):
    event = event_factory(capacity=None)
    for n in range(5):
        registration, _ = registrations.register(event, person(f"人{n}"), nonce())
        assert registration.status == "confirmed"


def test_cancelled_registrations_free_their_place(event_factory):
    event = event_factory(capacity=1)
    first, _ = registrations.register(event, person("甲"), nonce())
    first.status = Registration.Status.CANCELLED
    first.save()
    second, _ = registrations.register(event, person("乙"), nonce())
    assert second.status == "confirmed"


@pytest.mark.parametrize(
    ("fields", "reason", "state"),
    [
        ({"registration_deadline": "past"}, "deadline", "closed"),
        ({"start": "past"}, "started", "closed"),
        ({"registration_open": False}, "", "not_on_site"),
    ],
)
def test_refusals(event_factory, fields, reason, state):
    now = timezone.now()
    values = dict(fields)
    if values.get("registration_deadline") == "past":
        values["registration_deadline"] = now - datetime.timedelta(minutes=1)
    if values.get("start") == "past":
        values["start"] = now - datetime.timedelta(minutes=30)
    event = event_factory(**values)
    with pytest.raises(registrations.RegistrationClosed) as refused:
        registrations.register(event, person(), nonce())
    assert refused.value.availability.state == state
    assert refused.value.availability.reason == reason
    assert not Registration.objects.exists()


def test_deadline_is_exclusive(event_factory):
    deadline = beijing("2030-04-30 18:00")
    event = event_factory(start=beijing("2030-05-01 09:00"), registration_deadline=deadline)
    before = deadline - datetime.timedelta(seconds=1)
    registration, _ = registrations.register(event, person(), nonce(), now=before)
    assert registration.status == "confirmed"
    with pytest.raises(registrations.RegistrationClosed):
        registrations.register(event, person(), nonce(), now=deadline)


def test_the_same_nonce_twice_is_one_registration(event_factory):
    event = event_factory(capacity=5)
    first, created = registrations.register(event, person(), "same-nonce")
    again, created_again = registrations.register(event, person(), "same-nonce")
    assert created and not created_again
    assert first.pk == again.pk
    assert Registration.objects.count() == 1


def test_english_registrations_count_against_the_chinese_event(event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory(capacity=1)
    ensure_locale_trees()
    english = EventPage.objects.get(alias_of=event)
    first, _ = registrations.register(english, person(), nonce(), language="en")
    second, _ = registrations.register(event, person(), nonce())
    assert first.event_id == event.pk == second.event_id
    assert (first.status, second.status) == ("confirmed", "waiting")


def test_erase_expired_registrations(event_factory):
    event = event_factory()
    registrations.register(event, person(), nonce())
    later = event.end + datetime.timedelta(days=registrations.retention_days() + 1)
    assert registrations.erase_expired_registrations(now=event.end) == 0
    assert registrations.erase_expired_registrations(now=later) == 1


def test_the_erase_command_deletes_registrations_of_long_past_events(event_factory):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from home.events.models import Registration
    from home.events.registrations import retention_days

    old = event_factory(start=timezone.now() - datetime.timedelta(days=retention_days() + 30))
    Registration.objects.create(
        event=old,
        name="张三",
        status="confirmed",
        consent_version="t",
        consented_at=timezone.now(),
        submission_nonce="erase-test",
    )
    out = io.StringIO()
    call_command("erase_registrations", stdout=out)
    assert "1 registrations deleted" in out.getvalue()
    assert not Registration.objects.exists()


def test_erasing_registrations_erases_their_emails(event_factory):
    from home.core.locales import ensure_locale_trees
    from services.models import OutboxEmail
    from services.outbox import enqueue

    old, current = event_factory(title="旧活动", capacity=1), event_factory(days=400)
    ensure_locale_trees()
    first, _ = registrations.register(old, person(email="a@example.com"), nonce())
    registrations.register(old, person(email="b@example.com"), nonce(), language="en")
    registrations.cancel(first)  # b is promoted: a third e-mail about the old event
    kept, _ = registrations.register(current, person(email="a@example.com"), nonce())
    enqueue(kind=OutboxEmail.Kind.ACCOUNT, to="a@example.com", subject="旧活动", body="-")
    OutboxEmail.objects.update(sent_at=old.start)  # sent or not, they go
    assert OutboxEmail.objects.filter(kind="registration").count() == 4

    later = old.end + datetime.timedelta(days=registrations.retention_days() + 1)
    assert registrations.erase_expired_registrations(now=later) == 2
    assert not Registration.objects.filter(event=old).exists()
    remaining = OutboxEmail.objects.filter(kind="registration").get()
    assert remaining.to_address == "a@example.com"
    assert kept.cancel_token in remaining.body  # the other event's e-mail stays
    assert OutboxEmail.objects.filter(kind="account").exists()  # not a registration e-mail
