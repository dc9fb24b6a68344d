"""Applicant accounts: register, confirm the e-mail address by its link, sign in, reset."""

import re

import pytest
from django.core import mail, signing
from django.test import override_settings
from django.urls import reverse

from directory.applications import accounts
from directory.applications.models import Applicant
from home.core.models import User

from .conftest import PASSWORD

REGISTER = "/en/apply/register/"


def _token(client, url=REGISTER) -> str:
    page = client.get(url)
    return re.search(r'name="form_token" value="([^"]+)"', page.content.decode()).group(1)


def _register(client, **changes):
    data = {
        "organisation": "广州某某信息服务中心",
        "contact_name": "陈联系",
        "email": "New.Applicant@example.com",
        "password1": "Strong-pass-for-us-77",
        "password2": "Strong-pass-for-us-77",
        "consent": "on",
        "website": "",
        "form_token": _token(client),
    }
    data.update(changes)
    return client.post(REGISTER, data)


def _link(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/\S+)", message.body).group(1)


def test_register_confirm_and_sign_in(
    client, recognising_office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:register_done")
    applicant = Applicant.objects.get(user__username="new.applicant@example.com")
    assert applicant.email_confirmed_at is None
    assert applicant.consented_at is not None and applicant.organisation == "广州某某信息服务中心"
    (message,) = mail.outbox
    assert message.to == ["new.applicant@example.com"]

    # Signed in but not confirmed: nothing works but the page that resends the link.
    signed_in = client.post(
        "/en/apply/sign-in/",
        {"username": "new.applicant@example.com", "password": "Strong-pass-for-us-77"},
    )
    assert signed_in.status_code == 302
    assert client.get("/en/apply/my/")["Location"] == reverse("applications:confirm_needed")

    response = client.get(_link(message))
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.is_confirmed
    assert client.get("/en/apply/my/").status_code == 200


def test_sign_in_page_signs_in_by_email(client, applicant):
    response = client.post(
        "/en/apply/sign-in/", {"username": "Applicant@Example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:my")
    response = client.post("/en/apply/sign-out/")
    assert response.status_code == 302
    assert client.get("/en/apply/my/").status_code == 302


def test_a_wrong_password_is_refused_and_counted(client, applicant):
    from axes.models import AccessAttempt

    response = client.post(
        "/en/apply/sign-in/", {"username": "applicant@example.com", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "Please enter a correct" in response.content.decode()
    assert AccessAttempt.objects.filter(username="applicant@example.com").exists()


@override_settings(AXES_FAILURE_LIMIT=2)
def test_sign_in_is_throttled(client, applicant):
    for _attempt in range(2):
        client.post("/en/apply/sign-in/", {"username": "applicant@example.com", "password": "x"})
    response = client.post(
        "/en/apply/sign-in/", {"username": "applicant@example.com", "password": PASSWORD}
    )
    assert response.status_code == 429


def test_bad_input_keeps_what_was_typed(client, recognising_office):
    response = _register(client, email="not-an-address", password2="something-else-88")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="form-errors"' in html
    assert "广州某某信息服务中心" in html and "陈联系" in html and "not-an-address" in html
    assert not User.objects.filter(username="not-an-address").exists()


def test_password_rules_apply(client, recognising_office):
    response = _register(client, password1="12345678", password2="12345678")
    assert response.status_code == 400
    assert "This password is too common." in response.content.decode()


def test_consent_is_required(client, recognising_office):
    response = _register(client, consent="")
    assert response.status_code == 400
    assert "Without this consent" in response.content.decode()
    assert not Applicant.objects.exists()


def test_the_honeypot_stops_bots(client, recognising_office):
    response = _register(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Applicant.objects.exists()


def test_a_forged_form_token_is_refused(client, recognising_office):
    response = _register(client, form_token="forged")
    assert response.status_code == 400
    assert not Applicant.objects.exists()


@override_settings(APPLICATION_REGISTER_RATE_LIMIT=(2, 3600))
def test_registrations_are_rate_limited(client, recognising_office):
    for number in range(2):
        assert _register(client, email=f"a{number}@example.com").status_code == 302
    response = _register(client, email="a3@example.com")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not User.objects.filter(username="a3@example.com").exists()


def test_registering_a_known_address_mails_it_instead(
    client, applicant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, email="applicant@example.com")
    assert response.status_code == 302  # the page says the same as for a new address
    assert User.objects.filter(username="applicant@example.com").count() == 1
    (message,) = mail.outbox
    assert "/apply/sign-in/" in message.body


def test_an_expired_link_is_refused(client, make_applicant):
    user = make_applicant(email="late@example.com", confirmed=False)
    token = accounts.make_token(user)
    with override_settings(APPLICATION_CONFIRM_MAX_AGE=-1):
        response = client.get(f"/en/apply/confirm/{token}/")
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not Applicant.objects.get(user=user).is_confirmed


def test_a_forged_or_outdated_link_is_refused(client, make_applicant):
    user = make_applicant(email="old@example.com", confirmed=False)
    token = accounts.make_token(user)
    user.email = "changed@example.com"
    user.save()
    assert client.get(f"/en/apply/confirm/{token}/").status_code == 400
    forged = signing.dumps({"u": user.pk, "e": user.email}, salt="another-salt")
    assert client.get(f"/en/apply/confirm/{forged}/").status_code == 400
    assert not Applicant.objects.get(user=user).is_confirmed


def test_resend_the_link(client, make_applicant, django_capture_on_commit_callbacks):
    user = make_applicant(email="again@example.com", confirmed=False)
    url = "/en/apply/confirm/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"email": "again@example.com", "website": "", "form_token": _token(client, url)}
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    client.get(_link(message))
    assert Applicant.objects.get(user=user).is_confirmed


def test_password_reset_through_the_outbox(client, applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/apply/password/", {"email": "applicant@example.com"})
    assert response.status_code == 302
    (message,) = mail.outbox
    link = _link(message)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Another-strong-pw-91", "new_password2": "Another-strong-pw-91"}
    )
    assert response.status_code == 302
    signed_in = client.post(
        "/en/apply/sign-in/",
        {"username": "applicant@example.com", "password": "Another-strong-pw-91"},
    )
    assert signed_in.status_code == 302


def test_office_users_are_not_applicants(client, office_user):
    client.force_login(office_user)
    response = client.get("/en/apply/my/")
    assert response.status_code == 403


@pytest.mark.parametrize(
    "url", ["/apply/", "/en/apply/", "/en/apply/register/", "/en/apply/sign-in/"]
)
def test_public_pages_open(client, recognising_office, url):
    assert client.get(url).status_code == 200


def test_the_landing_page_names_the_offices_minimum(client, recognising_office):
    recognising_office.min_full_time_staff = 6
    recognising_office.save()
    html = client.get("/en/apply/").content.decode()
    assert "at least 6 experienced full-time staff members" in html
    assert reverse("applications:register") in html
