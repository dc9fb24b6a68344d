"""Case pages: where they can be created, their validation, and what a case's page shows, in
both languages."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError

from home.cases.models import CaseIndexPage, CasePage
from home.cases.pages import cases_of_point
from home.homepage.models import HomePage

from .helpers import titles

pytestmark = pytest.mark.django_db


def test_cases_live_only_under_the_case_index(case_index, home_page):
    assert CasePage.allowed_parent_page_models() == [CaseIndexPage]
    assert CaseIndexPage.allowed_parent_page_models() == [HomePage]
    assert CasePage.can_create_at(case_index)
    assert not CasePage.can_create_at(home_page)
    # One case library per home page.
    assert not CaseIndexPage.can_create_at(home_page)
    assert CasePage.allowed_subpage_models() == []


def test_the_period_cannot_end_before_it_starts(case_index, points):
    case = CasePage(
        title="案例",
        slug="case",
        point=points["gz"],
        period_start=datetime.date(2024, 5, 1),
        period_end=datetime.date(2024, 4, 30),
        served_party_kind="sme",
        summary="摘要",
        body=[],
    )
    with pytest.raises(ValidationError) as error:
        case.clean()
    assert "period_end" in error.value.message_dict
    case.period_end = datetime.date(2024, 5, 1)
    case.clean()
    case.period_end = None
    case.clean()
    # A draft saved without its start date is checked when it is submitted, not here.
    case.period_start = None
    case.period_end = datetime.date(2024, 5, 1)
    case.clean()


def test_a_case_page_shows_everything_about_the_case(client, case_factory, points, directory_page):
    from directory.models import Region

    case = case_factory(
        points["gz"],
        title="某企业专利导航服务",
        period_start=datetime.date(2023, 6, 1),
        period_end=datetime.date(2024, 2, 29),
        services=["B03", "P01"],
        partners=[points["bj"]],
        figures=[("检索报告", "120", "份"), ("服务企业", "35", "家")],
        featured=True,
        industry="新能源汽车",
        region=Region.objects.get(adcode="440100", locale__language_code="zh-hans"),
        served_party_kind="sme",
        summary="为新能源汽车企业开展专利导航。",
        body=(("paragraph", "<p>服务过程：组建团队。</p>"),),
    )
    response = client.get(case.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="h3 mb-2" id="case-title">某企业专利导航服务</h1>' in html
    badge = re.search(r'<span class="badge[^"]*case-featured[^"]*">(.*?)</span>\s*</p>', html, re.S)
    assert badge and re.sub(r"<[^>]+>|★", "", badge.group(1)).strip()  # a word, not colour alone
    assert f'<a href="{points["gz"].url}">广州案例图书馆</a>' in html
    assert f'<a href="{points["bj"].url}">北京案例大学</a>' in html
    assert '<time datetime="2023-06-01">' in html and '<time datetime="2024-02-29">' in html
    assert "新能源汽车" in html and "广州市" in html
    assert "中小企业" in html  # the served party, in the page's language
    assert f'href="{directory_page.url}?service=B03"' in html
    assert f'href="{directory_page.url}?service=P01"' in html
    figures = re.search(r'<dl class="row mb-0">(.*?)</dl>', html, re.S).group(1)
    assert "<dt" in figures and "检索报告" in figures and "120 份" in figures
    assert "服务过程：组建团队。" in html
    assert '<ol class="breadcrumb' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Article" and data["headline"] == "某企业专利导航服务"
    assert data["author"]["name"] == "广州案例图书馆"


def test_a_case_without_an_end_is_shown_as_ongoing(client, case_factory, points):
    case = case_factory(points["gz"], period_start=datetime.date(2024, 1, 15))
    html = client.get(case.url).content.decode()
    assert '<time datetime="2024-01-15">2024-01-15</time>' in html
    assert "case-featured" not in html


def test_the_english_site_lists_the_aliases_and_links_english_points(
    client, case_index, case_factory, points
):
    from home.core.locales import ensure_locale_trees

    case = case_factory(points["gz"], title="双语案例", services=["B03"], partners=[points["bj"]])
    ensure_locale_trees()
    english_index = CaseIndexPage.objects.get(alias_of=case_index)
    english_case = CasePage.objects.get(alias_of=case)
    response = client.get(english_index.url)
    assert english_index.url.startswith("/en/") and response.status_code == 200
    assert titles(response.content.decode()) == ["双语案例"]
    html = client.get(english_case.url).content.decode()
    english_point = points["gz"].get_translation(english_case.locale)
    assert f'<a href="{english_point.url}"' in html and english_point.url.startswith("/en/")
    assert "/en/directory/?service=B03" in html
    assert cases_of_point(english_point) == [english_case]
