"""Cancelling through the private link, the waiting list moving up when a place frees (a
registrant's cancellation or an organiser's in the admin), and pages that are never cached."""

import pytest
from django.db import transaction
from django.db.models import Q
from django.test import Client

from home.events import registrations
from home.events.models import Registration
from services.models import OutboxEmail
from tests.services.helpers import admin_client_for

from .helpers import form_data, nonce, person

pytestmark = pytest.mark.django_db


def cancel_path(event, registration) -> str:
    return f"{event.url}cancel/{registration.cancel_token}/"


def promotions(address: str):
    # The subject in the registrant's language (the Chinese site's, or English).
    return OutboxEmail.objects.filter(to_address=address).filter(
        Q(subject__startswith="A place became") | Q(subject__startswith="名额已递补")
    )


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_tokens_are_unguessable_and_distinct(event_factory):
    event = event_factory()
    first, _ = registrations.register(event, person(), nonce())
    second, _ = registrations.register(event, person(), nonce())
    assert len(first.cancel_token) >= 32
    assert first.cancel_token != second.cancel_token


def test_receipt_and_email_carry_the_cancel_link(
    client, event_factory, django_capture_on_commit_callbacks
):
    event = event_factory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{event.url}register/", form_data(email="li@example.com"))
    registration = Registration.objects.get()
    link = f"/cancel/{registration.cancel_token}/"
    receipt = client.get(response["Location"])
    assert f"{event.url}cancel/{registration.cancel_token}/" in receipt.text
    assert no_store(receipt)
    email = OutboxEmail.objects.get(to_address="li@example.com")
    assert f"{event.full_url}cancel/{registration.cancel_token}/" in email.body
    assert link in email.body


def test_get_shows_a_button_and_post_cancels(client, event_factory):
    event = event_factory()
    registration, _ = registrations.register(event, person("甲"), nonce())
    page = client.get(cancel_path(event, registration), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert no_store(page)
    assert 'id="cancel-form"' in page.text
    assert 'method="post"' in page.text
    assert "csrfmiddlewaretoken" in page.text
    assert "甲" in page.text
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # a GET never cancels

    done = client.post(cancel_path(event, registration))
    assert done.status_code == 302
    assert no_store(done)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert registration.cancelled_at is not None
    after = client.get(done["Location"])
    assert after.status_code == 200
    assert 'data-status="cancelled"' in after.text
    assert 'id="cancel-form"' not in after.text
    assert registrations.availability(event).confirmed == 0


def test_cancel_post_needs_the_csrf_token(event_factory):
    event = event_factory()
    registration, _ = registrations.register(event, person(), nonce())
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(cancel_path(event, registration)).status_code == 403
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_foreign_and_invalid_tokens_are_not_found(client, event_factory):
    event, other = event_factory(), event_factory()
    theirs, _ = registrations.register(other, person(), nonce())
    assert client.get(f"{event.url}cancel/{theirs.cancel_token}/").status_code == 404
    assert client.post(f"{event.url}cancel/{theirs.cancel_token}/").status_code == 404
    assert client.get(f"{event.url}cancel/not-a-token/").status_code == 404
    assert client.post(f"{event.url}cancel/{'x' * 80}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "confirmed"


def test_the_link_works_on_the_english_page(client, event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory()
    ensure_locale_trees()
    registration, _ = registrations.register(event, person(), nonce(), language="en")
    url = f"/en/events/{event.slug}/cancel/{registration.cancel_token}/"
    assert client.get(url).status_code == 200
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_the_first_waiting_person_is_promoted_and_told_once(
    client, event_factory, django_capture_on_commit_callbacks
):
    event = event_factory(capacity=1)
    confirmed, _ = registrations.register(event, person("甲"), nonce())
    first, _ = registrations.register(event, person("乙", email="yi@example.com"), nonce())
    second, _ = registrations.register(event, person("丙", email="bing@example.com"), nonce())
    assert (first.status, second.status) == ("waiting", "waiting")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_path(event, confirmed))
        client.post(cancel_path(event, confirmed))  # a second click changes nothing
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waiting")
    assert registrations.waiting_position(second) == 1
    email = promotions("yi@example.com").get()
    assert "乙" in email.body
    assert f"cancel/{first.cancel_token}/" in email.body
    assert not promotions("bing@example.com").exists()


def test_the_promotion_email_is_in_the_registrants_language(event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory(capacity=1, title="专利检索实务培训")
    ensure_locale_trees()
    confirmed, _ = registrations.register(event, person(), nonce())
    registrations.register(event, person(email="en@example.com"), nonce(), language="en")
    registrations.cancel(confirmed)
    email = promotions("en@example.com").get()
    assert f"/en/events/{event.slug}/cancel/" in email.body


def test_an_organiser_cancelling_in_the_admin_promotes(
    client, event_factory, make_point, make_staff
):
    organiser = make_point(title="主办网点")
    event = event_factory(organisers=[organiser], capacity=1)
    confirmed, _ = registrations.register(event, person("甲"), nonce())
    waiting, _ = registrations.register(event, person("乙", email="yi@example.com"), nonce())
    admin_client_for(make_staff(organiser), client)
    listing = client.get(f"/admin/events/{event.pk}/registrations/")
    assert listing.status_code == 200
    assert no_store(listing)
    assert f'data-registration-id="{confirmed.pk}"' in listing.text
    cancel_url = f"/admin/events/{event.pk}/registrations/{confirmed.pk}/cancel/"
    assert cancel_url in listing.text
    assert client.get(cancel_url).status_code == 405  # never on GET
    response = client.post(cancel_url)
    assert response.status_code == 302
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert (confirmed.status, waiting.status) == ("cancelled", "confirmed")
    assert promotions("yi@example.com").count() == 1
    client.post(cancel_url)  # again: nothing more
    assert promotions("yi@example.com").count() == 1


def test_other_points_staff_cannot_cancel(client, event_factory, make_point, make_staff):
    event = event_factory(organisers=[make_point(title="主办网点")])
    registration, _ = registrations.register(event, person(), nonce())
    admin_client_for(make_staff(make_point(title="别的网点")), client)
    assert client.get(f"/admin/events/{event.pk}/registrations/").status_code == 404
    url = f"/admin/events/{event.pk}/registrations/{registration.pk}/cancel/"
    assert client.post(url).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_freed_places_never_over_fill(event_factory):
    """Cancellations and promotions one after another in any order keep confirmed ≤ capacity.

    (Concurrent ones are serialised by the event's row lock, PostgreSQL, or the write lock of
    an IMMEDIATE transaction, SQLite: each sees the state the one before left.)
    """
    event = event_factory(capacity=2)
    people = [registrations.register(event, person(f"人{n}"), nonce())[0] for n in range(6)]
    assert [p.status for p in people].count("confirmed") == 2

    def confirmed():
        return Registration.objects.filter(event=event, status="confirmed").count()

    registrations.cancel(people[0])
    registrations.cancel(people[0])
    with transaction.atomic():
        locked = registrations.lock_event(event.pk)
        assert registrations.promote_waiting(locked) == []  # a second promoter finds no place
    assert confirmed() == 2
    registrations.cancel(people[1])
    registrations.cancel(people[2])  # promoted just before, cancelled now
    assert confirmed() == 2
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert [statuses[p.pk] for p in people] == [
        "cancelled",
        "cancelled",
        "cancelled",
        "confirmed",
        "confirmed",
        "waiting",
    ]


def test_nobody_is_promoted_once_the_event_has_started(event_factory):
    event = event_factory(capacity=1)
    confirmed, _ = registrations.register(event, person(), nonce())
    waiting, _ = registrations.register(event, person(email="w@example.com"), nonce())
    registrations.cancel(confirmed, now=event.start)
    waiting.refresh_from_db()
    assert waiting.status == "waiting"
    assert not promotions("w@example.com").exists()


def test_a_refused_registration_page_is_not_cached(client, event_factory):
    event = event_factory()
    response = client.post(f"{event.url}register/", form_data(consent=None))
    assert response.status_code == 400
    assert no_store(response)
