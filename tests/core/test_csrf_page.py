"""A form posted without a valid CSRF token gets the site's page in the visitor's language; the
consultation form comes back filled in instead, so nothing typed is lost."""

import re
import time

import pytest
from django.test import Client

from home.core import abuse
from services.models import ConsultationRequest
from tests.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_the_csrf_failure_page_has_the_sites_layout_in_english(csrf_client, home_page):
    response = csrf_client.post("/en/consult/track/", {"code": "X", "secret": "1234"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Your form was not sent" in html
    assert "Go back to the previous page: what you typed is still there." in html
    assert 'id="main"' in html and "site.css" in html  # base.html
    assert "CSRF verification failed" not in html


def test_the_csrf_failure_page_is_in_chinese_on_the_chinese_site(csrf_client, home_page):
    response = csrf_client.post("/consult/track/", {"code": "X", "secret": "1234"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "您的表单未能提交" in html


def test_the_consultation_form_comes_back_filled_in_with_a_fresh_token(csrf_client, home_page):
    city = region("440100")
    old_token = abuse.issue_token(time.time() - 10)
    typed = {
        "subject": "检索咨询",
        "question": "请问如何检索某项技术的专利？",
        "name": "李四",
        "phone": "13800138000",
        "email": "li@example.com",
        "reply_channel": "email",
        "city": city.pk,
        "consent": "on",
        "form_token": old_token,
    }
    response = csrf_client.post("/en/consult/ask/", typed)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your question was not sent" in html
    assert 'value="检索咨询"' in html and "请问如何检索某项技术的专利？" in html
    assert 'value="li@example.com"' in html
    assert re.search(rf'<option value="{city.pk}" selected>', html)
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    assert token != old_token
    assert ConsultationRequest.objects.count() == 0
    # The page carries a working CSRF token: sending it again goes through.
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    again = csrf_client.post(
        "/en/consult/ask/",
        {**typed, "form_token": abuse.issue_token(time.time() - 10), "csrfmiddlewaretoken": csrf},
    )
    assert again.status_code == 302
    assert ConsultationRequest.objects.count() == 1


def test_a_points_form_comes_back_for_that_point(csrf_client, make_point):
    point = make_point(title="广州测试图书馆")
    url = f"/en/consult/ask/point/{point.pk}/"
    response = csrf_client.post(url, {"subject": "商标查询", "name": "王五"})
    assert response.status_code == 403
    html = response.content.decode()
    assert f'action="{url}"' in html
    assert 'value="商标查询"' in html and "广州测试图书馆" in html
