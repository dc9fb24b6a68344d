"""Policy notices: where they can be created, and what a notice must say (its validation)."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from home.homepage.models import HomePage, StandardPage
from home.notices.models import NoticeIndexPage, NoticePage
from tests.factories import region

from .helpers import html_of

pytestmark = pytest.mark.django_db


# --- Creation rules ----------------------------------------------------------------------------


def test_notice_pages_live_only_under_the_notice_index(notice_index, home_page, directory_page):
    assert NoticeIndexPage.allowed_parent_page_models() == [HomePage]
    assert NoticePage.allowed_parent_page_models() == [NoticeIndexPage]
    assert NoticePage.allowed_subpage_models() == []
    assert NoticeIndexPage.allowed_subpage_models() == [NoticePage]

    assert NoticePage.can_create_at(notice_index)
    assert not NoticePage.can_create_at(home_page)
    assert not NoticePage.can_create_at(directory_page)
    # One index per home page: the section exists already.
    assert not NoticeIndexPage.can_create_at(home_page)
    assert not NoticeIndexPage.can_create_at(directory_page)
    assert not StandardPage.can_create_at(notice_index)


# --- Validation --------------------------------------------------------------------------------


def _unsaved(**fields) -> NoticePage:
    values = {
        "title": "通知",
        "slug": "n",
        "kind": "notice",
        "issuing_authority": "国家知识产权局",
        "publication_date": datetime.date(2024, 5, 10),
        "summary": "摘要",
        "scope": "national",
    }
    values.update(fields)
    return NoticePage(**values)


def _clean_errors(notice) -> dict:
    try:
        notice.clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_a_national_notice_has_no_region(db):
    assert _clean_errors(_unsaved()) == {}
    assert "region" in _clean_errors(_unsaved(region=region("440000")))


def test_a_provincial_notice_needs_a_province(db):
    assert "region" in _clean_errors(_unsaved(scope="province"))
    assert "region" in _clean_errors(_unsaved(scope="province", region=region("440100")))
    assert _clean_errors(_unsaved(scope="province", region=region("440000"))) == {}


def test_a_city_notice_needs_a_city(db):
    assert "region" in _clean_errors(_unsaved(scope="city"))
    assert "region" in _clean_errors(_unsaved(scope="city", region=region("440000")))
    assert _clean_errors(_unsaved(scope="city", region=region("440100"))) == {}


def test_a_notice_cannot_take_effect_before_it_is_published(db):
    day = datetime.date(2024, 5, 10)
    errors = _clean_errors(_unsaved(effective_date=day - datetime.timedelta(days=1)))
    assert "effective_date" in errors
    assert _clean_errors(_unsaved(effective_date=day)) == {}
    assert _clean_errors(_unsaved(effective_date=day + datetime.timedelta(days=30))) == {}


def test_the_admin_form_offers_provinces_and_cities_only(client, notice_index, office_user):
    client.force_login(office_user)
    url = reverse("wagtailadmin_pages:add", args=["notices", "noticepage", notice_index.pk])
    html = html_of(client.get(url))
    select = re.search(r'<select name="region"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert "广州市" in select and "广东省" in select
    assert "越秀区" not in select  # a district
    assert 'name="related_services"' in html and 'name="related_points"' in html
