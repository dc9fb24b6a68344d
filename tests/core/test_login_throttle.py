"""Admin sign-in throttling (django-axes, home/core/axes.py): locked after repeated failures per
account and per client IP, unlocked by an IP-office editor or when the cool-off ends."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client

from home.core.models import User
from tests.services.helpers import admin_client_for

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "right-password-for-tests-1"


@pytest.fixture
def editor_account(db):
    return User.objects.create_superuser("chen", "chen@example.com", PASSWORD)


def sign_in(client, username, password, ip="203.0.113.10", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def fail_five_times(client, username="chen", ip="203.0.113.10", **extra):
    responses = [sign_in(client, username, "wrong", ip, **extra) for _ in range(5)]
    assert [r.status_code for r in responses[:4]] == [200] * 4  # the form again, with its error
    return responses[-1]


def test_five_wrong_passwords_lock_the_account_even_for_the_right_password(client, editor_account):
    locked = fail_five_times(client)
    assert locked.status_code == 429
    right = sign_in(client, "chen", PASSWORD)
    assert right.status_code == 429
    html = right.content.decode()
    assert 'data-testid="lockout-message"' in html
    assert re.search(r'<body id="wagtail" class="login[ "]', html)  # the admin's sign-in layout
    assert "wagtailadmin/css/core.css" in html
    assert "_auth_user_id" not in client.session


def test_the_same_username_from_another_ip_is_refused_too(client, editor_account):
    fail_five_times(client)
    elsewhere = Client()
    assert sign_in(elsewhere, "chen", PASSWORD, ip="198.51.100.20").status_code == 429
    assert "_auth_user_id" not in elsewhere.session


def test_one_ip_trying_many_accounts_is_locked_and_the_ip_comes_from_trusted_proxies(
    client, editor_account, settings
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    via_proxy = {"HTTP_X_FORWARDED_FOR": "203.0.113.50"}
    for n in range(5):
        sign_in(client, f"guess{n}", "wrong", ip="10.0.0.2", **via_proxy)
    assert sign_in(client, "chen", PASSWORD, ip="10.0.0.2", **via_proxy).status_code == 429
    # Another client behind the same proxy is another address: it signs in.
    other = Client()
    other_ip = {"HTTP_X_FORWARDED_FOR": "203.0.113.51"}
    assert sign_in(other, "chen", PASSWORD, ip="10.0.0.2", **other_ip).status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}


def test_an_office_editor_unlocks_the_account(client, editor_account, office_user, make_staff):
    fail_five_times(client)
    point_staff = admin_client_for(make_staff())
    attempt = AccessAttempt.objects.get(username="chen")
    assert point_staff.post("/admin/point-staff/", {"unlock": attempt.pk}).status_code == 302
    assert AccessAttempt.objects.filter(username="chen").exists()  # not by point staff

    editor = admin_client_for(office_user)
    listing = editor.get("/admin/point-staff/").content.decode()
    assert "Sign-in locks" in listing and "chen" in listing and "Locked" in listing
    assert editor.post("/admin/point-staff/", {"unlock": attempt.pk}).status_code == 302
    assert not AccessAttempt.objects.exists()
    assert "can sign in again" in editor.get("/admin/point-staff/").content.decode()
    assert sign_in(client, "chen", PASSWORD).status_code == 302
    assert editor.post("/admin/point-staff/", {"unlock": "x"}).status_code == 404


def test_the_lock_opens_by_itself_after_the_cool_off(client, editor_account, settings):
    fail_five_times(client)
    assert sign_in(client, "chen", PASSWORD).status_code == 429
    # Retrying while locked does not prolong the lock: 29 minutes on, still locked ...
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=29))
    assert sign_in(client, "chen", PASSWORD).status_code == 429
    # ... and past the 30 minutes it opens, and the failures are gone.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=2))
    assert sign_in(client, "chen", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_the_lockout_message_is_in_chinese_on_the_chinese_admin(client, editor_account):
    # The sign-in page has no language prefix, so it is in the site's language, Chinese.
    fail_five_times(client)
    response = sign_in(client, "chen", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert 'lang="zh-hans"' in html
    assert "连续登录失败 5 次" in html and "30 分钟" in html


def test_a_successful_sign_in_clears_the_earlier_failures(client, editor_account):
    for _ in range(4):
        sign_in(client, "chen", "wrong")
    assert sign_in(client, "chen", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="chen").exists()
