"""Registering through the event's page: the form, the receipt, consent, closed and full events,
and the e-mail confirming it."""

import datetime
import re

import pytest
from django.utils import timezone

from home.events import registrations
from home.events.models import Registration
from services.models import OutboxEmail

from .helpers import form_data, nonce, person

pytestmark = pytest.mark.django_db


def test_registration_through_the_page(client, event_factory, make_point):
    point = make_point(title="广州市知识产权信息中心")
    event = event_factory(organisers=[point], capacity=1)
    response = client.post(f"{event.url}register/", form_data(phone="138 0013 8000"))
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}registered/"
    registration = Registration.objects.get()
    assert registration.name == "李四"
    assert registration.phone == "13800138000"
    assert registration.status == "confirmed"
    assert registration.consent_version
    receipt = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert receipt.status_code == 200
    assert 'data-status="confirmed"' in receipt.text

    # The next visitor joins the waiting list and is told their position.
    other = client.__class__()
    response = other.post(f"{event.url}register/", form_data(name="赵六"))
    assert response.status_code == 302
    receipt = other.get(response["Location"])
    assert 'data-status="waiting"' in receipt.text
    assert receipt.context["position"] == 1


def test_double_submit_is_one_registration(client, event_factory):
    event = event_factory(capacity=5)
    data = form_data()
    first = client.post(f"{event.url}register/", data)
    second = client.post(f"{event.url}register/", data)
    assert first.status_code == second.status_code == 302
    assert Registration.objects.count() == 1


def test_consent_text_names_the_organisers_and_links_the_privacy_policy(
    client, event_factory, make_point
):
    point = make_point(title="广州市知识产权信息中心")
    event = event_factory(organisers=[point])
    html = client.get(event.url, HTTP_ACCEPT_LANGUAGE="en").text
    label = re.search(r'<label[^>]*for="id_consent"[^>]*>(.*?)</label>', html, re.S).group(1)
    assert "广州市知识产权信息中心" in label
    assert 'href="/privacy/"' in label
    assert "checked" not in re.search(r'<input[^>]*id="id_consent"[^>]*>', html).group(0)


def test_field_errors_are_translated(client, event_factory):
    from home.core.locales import ensure_locale_trees

    event = event_factory()
    ensure_locale_trees()
    zh = client.post(f"{event.url}register/", form_data(phone="12345"))
    en = client.post(f"/en/events/{event.slug}/register/", form_data(phone="12345"))
    assert "请填写 11 位手机号" in zh.text
    assert "Enter a mobile number" in en.text


def test_a_closed_event_explains_why_instead_of_the_form(client, event_factory):
    event = event_factory(registration_deadline=timezone.now() - datetime.timedelta(minutes=1))
    html = client.get(event.url, HTTP_ACCEPT_LANGUAGE="en").text
    assert 'id="registration-form"' not in html
    assert 'id="registration-state"' in html
    response = client.post(f"{event.url}register/", form_data())
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_a_full_event_offers_the_waiting_list(client, event_factory):
    event = event_factory(capacity=1)
    registrations.register(event, person(), nonce())
    html = client.get(event.url).text
    assert 'id="registration-state"' in html
    assert 'id="registration-form"' in html
    assert "alert-warning" in html


def test_email_is_queued_in_the_registrants_language(
    client, event_factory, django_capture_on_commit_callbacks, mailoutbox
):
    from home.core.locales import ensure_locale_trees

    event = event_factory(title="专利检索实务培训", capacity=1)
    ensure_locale_trees()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/events/{event.slug}/register/", form_data(email="Li.Si@Example.com")
        )
    assert response.status_code == 302
    email = OutboxEmail.objects.get()
    assert email.kind == OutboxEmail.Kind.REGISTRATION
    assert email.to_address == "li.si@example.com"
    assert email.subject.startswith("Registration confirmed")
    assert "专利检索实务培训" in email.body
    assert f"/en/events/{event.slug}/" in email.body
    assert len(mailoutbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{event.url}register/", form_data(email="wang@example.com"))
        client.post(f"/en/events/{event.slug}/register/", form_data(email="zhao@example.com"))
    assert Registration.objects.get(email="wang@example.com").status == "waiting"
    waiting = OutboxEmail.objects.get(to_address="zhao@example.com")
    assert waiting.subject.startswith("On the waiting list")
    assert "position 2" in waiting.body
    assert len(mailoutbox) == 3


def test_no_email_without_an_address(client, event_factory, django_capture_on_commit_callbacks):
    event = event_factory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{event.url}register/", form_data(email=""))
    assert Registration.objects.count() == 1
    assert not OutboxEmail.objects.exists()
