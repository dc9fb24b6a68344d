"""The case library: pages, the public list and its filters, a point's cases, and the way point
staff write cases that the IP office approves through Wagtail's moderation workflow."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.models import ServiceItem
from home.cases.listing import parse_case_query
from home.cases.models import CaseIndexPage, CasePage
from home.cases.pages import cases_of_point
from home.cases.permissions import grant_case_permissions, grant_case_permissions_to_all_staff
from home.homepage.models import HomePage
from services.staff import ensure_staff_group

from ..services.helpers import admin_client_for

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    """The case titles of a list page, in order."""
    return re.findall(r'<h[23] class="h5 card-title[^"]*" id="case-\d+"><a [^>]*>(.*?)</a>', html)


def errors_of(html: str) -> dict[str, str]:
    block = re.search(r'id="filter-errors".*?</div>', html, re.S)
    if not block:
        return {}
    return dict(re.findall(r'<li data-param="(\w+)">(.*?)</li>', block.group(0)))


@pytest.fixture
def points(make_point):
    """Three points: a Guangzhou library, a Beijing university, a Shenzhen agency (market firm)."""
    return {
        "gz": make_point(title="广州案例图书馆", category="library", city="440100"),
        "bj": make_point(title="北京案例大学", category="university", city="110100"),
        "sz": make_point(title="深圳案例代理机构", category="market_agency", city="440300"),
    }


# --- Pages ----------------------------------------------------------------------------------


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
    assert "small or medium-sized enterprise" in html or "中小" in html
    assert f'href="{directory_page.url}?service=B03"' in html
    assert f'href="{directory_page.url}?service=P01"' in html
    figures = re.search(r'<dl class="row mb-0">(.*?)</dl>', html, re.S).group(1)
    assert "<dt" in figures and "检索报告" in figures and "120 份" in figures
    assert "服务过程：组建团队。" in html
    assert 'aria-label="Breadcrumb"' in html or "breadcrumb" in html
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


def test_the_index_lists_live_cases_newest_first(client, case_index, case_factory, points):
    case_factory(points["gz"], title="旧案例", period_start=datetime.date(2021, 1, 1))
    case_factory(points["gz"], title="新案例", period_start=datetime.date(2024, 1, 1))
    case_factory(points["bj"], title="中间案例", period_start=datetime.date(2022, 1, 1))
    case_factory(points["bj"], title="草稿案例", live=False)
    response = client.get(case_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html) == ["新案例", "中间案例", "旧案例"]
    assert 'class="result-count"' in html
    card = re.search(r'<article class="case-card.*?</article>', html, re.S).group(0)
    assert "广州案例图书馆" in card and '<time datetime="2024-01-01">' in card
    assert "为企业开展专利检索分析" in card
    # Every control of the filter form has a label.
    form = re.search(r'<form class="case-filters.*?</form>', html, re.S).group(0)
    for control_id in re.findall(r'<(?:select|input)[^>]* id="([^"]+)"', form):
        assert f'for="{control_id}"' in form, control_id


# --- Filters --------------------------------------------------------------------------------


@pytest.fixture
def catalogue_of_cases(case_factory, points):
    """Cases across services, tiers, kinds of point, provinces, years and featured."""
    case_factory(
        points["gz"], title="广州检索", services=["B03"], period_start=datetime.date(2024, 3, 1)
    )
    case_factory(
        points["gz"],
        title="广州导航",
        services=["P01"],
        period_start=datetime.date(2023, 3, 1),
        featured=True,
    )
    case_factory(
        points["bj"], title="北京检索", services=["B03"], period_start=datetime.date(2022, 3, 1)
    )
    case_factory(
        points["sz"],
        title="深圳运营",
        services=["V03"],
        period_start=datetime.date(2024, 9, 1),
        featured=True,
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("service=B03", ["广州检索", "北京检索"]),
        ("tier=professional", ["广州导航"]),
        ("tier=value_added", ["深圳运营"]),
        ("category=library", ["广州检索", "广州导航"]),
        # A parent category covers its sub-kinds (代理服务类 is a market firm).
        ("category=market_firm", ["深圳运营"]),
        ("category=market-firm", ["深圳运营"]),  # its slug works too
        ("province=guangdong", ["深圳运营", "广州检索", "广州导航"]),
        ("province=110000", ["北京检索"]),
        ("year=2024", ["深圳运营", "广州检索"]),
        ("featured=1", ["深圳运营", "广州导航"]),
        ("province=guangdong&featured=1", ["深圳运营", "广州导航"]),
        ("service=B03&province=guangdong&year=2024", ["广州检索"]),
        ("service=B03&tier=value_added", []),
    ],
)
def test_each_filter_and_combinations(client, case_index, catalogue_of_cases, query, expected):
    response = client.get(f"{case_index.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html) == expected
    assert errors_of(html) == {}
    if not expected:
        assert 'id="no-cases"' in html


def test_the_form_offers_the_values_cases_have_and_keeps_the_choice(
    client, case_index, catalogue_of_cases
):
    html = client.get(f"{case_index.url}?province=guangdong&year=2024&featured=1").content.decode()
    form = re.search(r'<form class="case-filters.*?</form>', html, re.S).group(0)
    assert '<option value="guangdong" selected>广东省</option>' in form
    assert '<option value="beijing">北京市</option>' in form
    assert '<option value="2024" selected>2024</option>' in form
    assert '<option value="2022">2022</option>' in form
    assert 'value="B03"' in form and 'value="P01"' in form and 'value="B01"' not in form
    assert 'value="library"' in form and 'value="market_firm"' in form
    assert re.search(r'id="id_case_featured"[^>]* checked', form)


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("service=X99", "service"),
        ("tier=gold", "tier"),
        ("category=nope", "category"),
        ("province=atlantis", "province"),
        ("province=999999", "province"),
        ("year=abc", "year"),
        ("year=20244", "year"),
        ("year=1066", "year"),
        ("featured=maybe", "featured"),
        ("page=zero", "page"),
        ("page=0", "page"),
    ],
)
def test_invalid_values_are_named_and_ignored(client, case_index, catalogue_of_cases, query, param):
    response = client.get(f"{case_index.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    errors = errors_of(html)
    assert list(errors) == [param]
    assert errors[param].strip()
    assert len(titles(html)) == 4  # the bad condition is ignored, the rest still applies
    assert '<meta name="robots" content="noindex, follow">' in html


def test_a_bad_value_does_not_drop_the_good_ones(client, case_index, catalogue_of_cases):
    html = client.get(f"{case_index.url}?service=B03&year=nope&province=beijing").content.decode()
    assert list(errors_of(html)) == ["year"]
    assert titles(html) == ["北京检索"]


def test_parse_case_query_reproduces_its_query_string(catalogue_of_cases):
    query = parse_case_query(
        {"service": "B03", "tier": "basic", "category": "library", "province": "440000"}
    )
    assert not query.errors
    assert query.params() == {
        "service": "B03",
        "tier": "basic",
        "category": "library",
        "province": "guangdong",
    }
    assert parse_case_query({"year": "2024", "featured": "1"}).params() == {
        "year": "2024",
        "featured": "1",
    }


def test_pagination_20_a_page(client, case_index, case_factory, points):
    for day in range(1, 26):
        case_factory(points["gz"], title=f"案例{day:02d}", period_start=datetime.date(2024, 1, day))
    first = client.get(case_index.url).content.decode()
    assert len(titles(first)) == 20 and titles(first)[0] == "案例25"
    assert 'rel="next"' in first and "?page=2" in first
    second = client.get(f"{case_index.url}?page=2").content.decode()
    assert titles(second) == ["案例05", "案例04", "案例03", "案例02", "案例01"]
    assert 'rel="prev"' in second
    # Past the end: the last page, not an error.
    assert titles(client.get(f"{case_index.url}?page=9").content.decode())[0] == "案例05"
    filtered = client.get(f"{case_index.url}?province=guangdong").content.decode()
    assert "?province=guangdong&amp;page=2" in filtered


def test_the_number_of_queries_does_not_grow_with_the_cases(
    client, case_index, case_factory, points
):
    def count(url):
        client.get(url)  # warm caches (site, locale) shared by every request
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    for point in (points["gz"], points["bj"], points["sz"]):
        case_factory(point, services=["B03", "P01"], featured=True, partners=[points["gz"]])
    url = case_index.url
    filtered = f"{url}?service=B03&tier=basic&category=library&province=guangdong&year=2024"
    few, few_filtered = count(url), count(filtered)
    for index in range(22):
        case_factory(
            (points["gz"], points["bj"], points["sz"])[index % 3],
            services=["B03", "P01", "V03"],
            partners=[points["bj"]],
            period_start=datetime.date(2020 + index % 5, 1, 1),
        )
    assert count(url) == few
    assert count(filtered) == few_filtered


# --- A point's cases ------------------------------------------------------------------------


def test_cases_of_a_point_include_partnerships_featured_first(case_factory, points):
    own = case_factory(points["gz"], title="自己的", period_start=datetime.date(2024, 1, 1))
    partner = case_factory(
        points["bj"],
        title="合作的",
        partners=[points["gz"]],
        period_start=datetime.date(2024, 6, 1),
    )
    featured = case_factory(
        points["gz"], title="优秀的", featured=True, period_start=datetime.date(2020, 1, 1)
    )
    case_factory(points["bj"], title="别人的")
    case_factory(points["gz"], title="草稿", live=False)
    assert cases_of_point(points["gz"]) == [featured, partner, own]
    assert cases_of_point(points["gz"], limit=2) == [featured, partner]
    assert cases_of_point(points["bj"]) == [partner, CasePage.objects.get(title="别人的")]
    assert cases_of_point(points["sz"]) == []


def test_cases_of_a_point_cost_one_query(case_factory, points, django_assert_num_queries):
    for _ in range(3):
        case_factory(points["gz"], partners=[points["bj"]])
    with django_assert_num_queries(1):
        cases = cases_of_point(points["gz"])
        [case.point.title for case in cases]


def test_the_profile_component_lists_the_cases(case_factory, points):
    case_factory(points["gz"], title="图书馆的案例", featured=True)
    html = render_to_string(
        "home/includes/point_cases.html", {"point_cases": cases_of_point(points["gz"])}
    )
    assert 'id="point-cases-title"' in html
    assert re.search(r'<h3 class="h5 card-title mb-1" id="case-\d+"><a href="/cases/', html)
    assert "图书馆的案例" in html and "case-featured" in html
    assert render_to_string("home/includes/point_cases.html", {"point_cases": []}).strip() == ""


# --- Staff write, the office approves ---------------------------------------------------------


def test_a_new_staff_group_may_add_cases_at_once(case_index, make_point):
    group = ensure_staff_group(make_point(title="新网点"))
    assert GroupPagePermission.objects.filter(
        group=group, page=case_index, permission__codename="add_page"
    ).exists()


def test_every_staff_group_may_add_cases_under_the_index(case_index, points):
    groups = [ensure_staff_group(p) for p in points.values()]
    GroupPagePermission.objects.filter(page=case_index).delete()
    assert grant_case_permissions_to_all_staff() == 3
    assert grant_case_permissions_to_all_staff() == 0  # safe to run again
    for group in groups:
        perms = GroupPagePermission.objects.filter(group=group, page=case_index)
        assert [p.permission.codename for p in perms] == ["add_page"]
    assert grant_case_permissions(groups[0]) == 0
    # Never publish: that is the office's.
    assert not GroupPagePermission.objects.filter(
        group__in=groups, permission__codename="publish_page"
    ).exists()


def test_a_case_index_made_after_the_groups_grants_them(home_page, points):
    group = ensure_staff_group(points["gz"])
    assert not CaseIndexPage.objects.exists()
    from home.homepage.sections import ensure_sections

    index = ensure_sections(home_page)["cases"]
    assert GroupPagePermission.objects.filter(
        group=group, page=index, permission__codename="add_page"
    ).exists()


def test_the_office_may_mark_cases_as_excellent_practice():
    for name in ("Editors", "Moderators"):
        assert Group.objects.get(name=name).permissions.filter(codename="feature_case").exists()


def test_the_moderation_workflow_covers_the_case_library(case_index, case_factory, points):
    workflow = Workflow.objects.get(name="Moderators approval")
    assert case_index.get_workflow() == workflow
    assert case_factory(points["gz"], live=False).get_workflow() == workflow


def add_url(index) -> str:
    return reverse("wagtailadmin_pages:add", args=("cases", "casepage", index.pk))


def case_post(
    point,
    *,
    title="我们的专利导航案例",
    slug="our-case",
    action=None,
    partners=(),
    services=(),
    **extra,
) -> dict:
    """The admin form's POST for a case; `partners` as points, `services` as catalogue codes."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "point": point.pk,
            "period_start": "2024-04-01",
            "period_end": "",
            "served_party_kind": "sme",
            "industry": "生物医药",
            "region": "",
            "summary": "为一家生物医药企业开展专利导航。",
            "body": streamfield([("paragraph", rich_text("<p>过程与成效。</p>"))]),
            "figures": inline_formset([{"label": "检索报告", "value": "12", "unit": "份"}]),
            **extra,
        }
    )
    # Multiple choices are lists of values, which nested_form_data would number.
    data["partner_points"] = [str(p.pk) for p in partners]
    data["services"] = [
        str(pk)
        for pk in ServiceItem.objects.filter(
            code__in=services, locale__language_code="zh-hans"
        ).values_list("pk", flat=True)
    ]
    if action:
        data[f"action-{action}"] = "1"
    return data


def test_staff_see_only_their_points_and_no_featured_field(client, case_index, case_staff, points):
    staff = case_staff(points["gz"])
    html = admin_client_for(staff, client).get(add_url(case_index)).content.decode()
    select = re.search(r'<select name="point".*?</select>', html, re.S).group(0)
    assert f'value="{points["gz"].pk}"' in select
    assert f'value="{points["bj"].pk}"' not in select
    assert 'name="featured"' not in html


def test_the_office_sees_every_point_and_the_featured_field(
    client, case_index, office_user, points
):
    html = admin_client_for(office_user, client).get(add_url(case_index)).content.decode()
    select = re.search(r'<select name="point".*?</select>', html, re.S).group(0)
    assert all(f'value="{p.pk}"' in select for p in points.values())
    assert 'name="featured"' in html


def test_staff_save_a_draft_for_their_own_point(client, case_index, case_staff, points):
    staff = case_staff(points["gz"])
    data = case_post(points["gz"], partners=[points["sz"]], services=["B03", "P01"])
    response = admin_client_for(staff, client).post(add_url(case_index), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = CasePage.objects.get(slug="our-case")
    assert case.point == points["gz"] and case.owner == staff and not case.live
    assert case.get_parent().specific == case_index
    draft = case.get_latest_revision_as_object()
    assert [str(f) for f in draft.figures.all()] == ["检索报告 12份"]
    assert list(draft.partner_points.all()) == [points["sz"]]  # any point may be a partner
    assert sorted(s.code for s in draft.services.all()) == ["B03", "P01"]


def test_the_form_refuses_a_forged_point_but_keeps_one_the_office_chose(
    case_index, case_factory, case_staff, points
):
    staff = case_staff(points["gz"])
    form_class = CasePage.get_edit_handler().get_form_class()

    def form(instance, point):
        data = case_post(point, slug=instance.slug or "new-case")
        return form_class(data, instance=instance, parent_page=case_index, for_user=staff)

    new = CasePage(owner=staff, locale=case_index.locale)
    forged = form(new, points["bj"])
    assert not forged.is_valid() and "point" in forged.errors
    assert form(CasePage(owner=staff, locale=case_index.locale), points["gz"]).is_valid()

    # The office moved this case to another point: its owner may keep that point, not pick a third.
    moved = case_factory(points["bj"], live=False, owner=staff)
    assert form(CasePage.objects.get(pk=moved.pk), points["bj"]).is_valid()
    third = form(CasePage.objects.get(pk=moved.pk), points["sz"])
    assert not third.is_valid() and "point" in third.errors


def test_staff_cannot_name_another_point(client, case_index, case_staff, points):
    staff = case_staff(points["gz"])
    response = admin_client_for(staff, client).post(
        add_url(case_index), case_post(points["bj"], action="submit")
    )
    assert response.status_code == 200
    assert "point" in response.context["form"].errors
    assert not CasePage.objects.filter(slug="our-case").exists()


def test_staff_cannot_mark_their_case_featured(client, case_index, case_staff, points):
    staff = case_staff(points["gz"])
    admin_client_for(staff, client).post(
        add_url(case_index), case_post(points["gz"], featured="on")
    )
    case = CasePage.objects.get(slug="our-case")
    assert not case.featured and not case.get_latest_revision_as_object().featured


def test_staff_cannot_publish(client, case_index, case_staff, points):
    staff = case_staff(points["gz"])
    admin_client_for(staff, client).post(
        add_url(case_index), case_post(points["gz"], action="publish")
    )
    case = CasePage.objects.get(slug="our-case")
    assert not case.live and case.first_published_at is None
    assert client.get("/cases/our-case/").status_code == 404


def test_staff_submit_and_a_moderator_approves(
    client, case_index, case_staff, case_moderator, points
):
    staff = case_staff(points["gz"])
    response = admin_client_for(staff, client).post(
        add_url(case_index), case_post(points["gz"], action="submit")
    )
    assert response.status_code == 302
    case = CasePage.objects.get(slug="our-case")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(case.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"
    assert not case.live and cases_of_point(points["gz"]) == []

    # The author cannot approve their own submission.
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(case.pk, "approve", state.current_task_state.pk)
    )
    assert client.post(url, {"comment": ""}).status_code in (302, 403)
    case.refresh_from_db()
    assert not case.live

    moderator = admin_client_for(case_moderator)
    dashboard = moderator.get(reverse("wagtailadmin_home")).content.decode()
    assert "我们的专利导航案例" in dashboard  # "Awaiting your review"
    response = moderator.post(url, {"comment": "同意发布"})
    assert response.status_code == 302
    case.refresh_from_db()
    state.refresh_from_db()
    assert case.live and state.status == WorkflowState.STATUS_APPROVED
    assert cases_of_point(points["gz"]) == [case]
    assert client.get(case.url).status_code == 200
    assert "我们的专利导航案例" in client.get(case_index.url).content.decode()
    profile = client.get(points["gz"].url).content.decode()
    section = re.search(r'<section class="point-cases.*?</section>', profile, re.S)
    assert section and "我们的专利导航案例" in section.group(0)


def test_staff_cannot_edit_other_points_cases(client, case_index, case_staff, points):
    author = case_staff(points["gz"])
    admin_client_for(author, client).post(add_url(case_index), case_post(points["gz"]))
    case = CasePage.objects.get(slug="our-case")
    edit = reverse("wagtailadmin_pages:edit", args=(case.pk,))
    assert client.get(edit).status_code == 200  # the author can

    other = admin_client_for(case_staff(points["bj"]))
    response = other.get(edit)
    assert response.status_code in (302, 403)
    response = other.post(edit, case_post(points["bj"], title="改掉"))
    assert response.status_code in (302, 403)
    assert case.get_latest_revision_as_object().title == "我们的专利导航案例"

    # Nor does their listing of the case library show the other point's draft.
    listing = other.get(reverse("wagtailadmin_explore", args=(case_index.pk,))).content.decode()
    assert "我们的专利导航案例" not in listing
    assert (
        "我们的专利导航案例"
        in client.get(reverse("wagtailadmin_explore", args=(case_index.pk,))).content.decode()
    )


def test_staff_are_offered_submission_not_publishing(client, case_index, case_staff, points):
    staff = case_staff(points["gz"])
    html = admin_client_for(staff, client).get(add_url(case_index)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_a_case_can_be_previewed_before_it_is_saved(client, case_index, case_staff, points):
    staff = case_staff(points["gz"])
    admin_client_for(staff, client)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("cases", "casepage", case_index.pk))
    data = case_post(points["gz"], partners=[points["bj"]], services=["B03"])
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "我们的专利导航案例" in html and "北京案例大学" in html and "?service=B03" in html


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
    assert f'<a href="{english_point.url}">' in html and english_point.url.startswith("/en/")
    assert "/en/directory/?service=B03" in html
    assert cases_of_point(english_point) == [english_case]
