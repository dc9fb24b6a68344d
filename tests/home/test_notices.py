"""Policy notices: where they can be created, their validation, their pages, the index's filters
and feeds, and points reposting them."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import DirectoryIndexPage
from home.homepage.models import HomePage, StandardPage
from home.notices import feeds as notices_feeds
from home.notices import pages as notices_pages
from home.notices.listing import parse_notice_query
from home.notices.models import NoticeIndexPage, NoticePage, NoticeRepost
from home.notices.reposts import remove_repost, repost, reposted_notices, reposting_points

from ..factories import region

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def listed_ids(html: str) -> list[int]:
    """The notice ids of the index's cards, in page order."""
    return [
        int(pk) for pk in re.findall(r'class="notice-card[^"]*"[^>]*data-notice-id="(\d+)"', html)
    ]


def parse_feed(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - the site's own feed, not untrusted input


def filter_errors(html: str) -> set[str]:
    block = re.search(r'id="filter-errors"(.*?)</div>', html, re.S)
    return set(re.findall(r'data-param="(\w+)"', block.group(1))) if block else set()


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


def test_the_section_helper_creates_the_index_once(home_page, sections):
    from home.homepage.sections import ensure_sections

    assert ensure_sections(home_page)["notices"].pk == sections["notices"].pk
    assert NoticeIndexPage.objects.child_of(home_page).count() == 1
    assert sections["notices"].slug == "notices"
    assert sections["notices"].live


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


def test_the_admin_form_offers_provinces_and_cities_only(client, notice_index, notice_office_user):
    client.force_login(notice_office_user)
    url = reverse("wagtailadmin_pages:add", args=["notices", "noticepage", notice_index.pk])
    html = html_of(client.get(url))
    select = re.search(r'<select name="region"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert "广州市" in select and "广东省" in select
    assert "越秀区" not in select  # a district
    assert 'name="related_services"' in html and 'name="related_points"' in html


# --- The notice's page -------------------------------------------------------------------------


@pytest.fixture
def full_notice(notice_factory, notice_document, make_point, directory_page):
    point = make_point(title="广州测试网点", city="440100")
    document = notice_document(title="服务网点名单", name="list.pdf")
    notice = notice_factory(
        title="关于开展知识产权信息公共服务网点备案的通知",
        kind="policy",
        issuing_authority="广东省知识产权局",
        document_number="粤知函〔2024〕12号",
        publication_date=datetime.date(2024, 3, 1),
        effective_date=datetime.date(2024, 4, 1),
        scope="province",
        region_code="440000",
        summary="请各地市做好网点备案工作。",
        body=(("paragraph", "<p>正文第一段。</p>"),),
        services=("B03",),
        points=(point,),
        attachments=(document,),
    )
    return notice, point, document


def test_the_notice_page_shows_the_document(client, full_notice):
    notice, point, document = full_notice
    html = html_of(client.get(notice.url))
    assert "<h1" in html and notice.title in html
    assert "notice-kind-policy" in html
    assert 'id="notice-authority">广东省知识产权局<' in html
    assert 'id="notice-number">粤知函〔2024〕12号<' in html
    assert '<time id="notice-published" datetime="2024-03-01">' in html
    assert '<time id="notice-effective" datetime="2024-04-01">' in html
    assert "广东省" in re.search(r'id="notice-region">(.*?)</dd>', html, re.S).group(1)
    assert "请各地市做好网点备案工作。" in html
    assert "正文第一段。" in html
    # Breadcrumbs lead back to the index.
    breadcrumb = re.search(r'<ol class="breadcrumb[^"]*">(.*?)</ol>', html, re.S).group(1)
    assert 'href="/notices/"' in breadcrumb


def test_the_notice_page_links_its_attachments(client, full_notice):
    notice, _point, document = full_notice
    html = html_of(client.get(notice.url))
    link = re.search(
        r'<li[^>]*><a class="notice-attachment" href="([^"]+)"[^>]*>(.*?)</a>(.*?)</li>', html, re.S
    )
    assert link, "no attachment link"
    assert link.group(1) == document.url
    assert link.group(1).startswith("/documents/")
    assert link.group(2) == "服务网点名单"
    assert "PDF" in link.group(3)
    assert str(document.file_size) in link.group(3)  # "125 bytes", in the interface language
    served = client.get(link.group(1))
    assert served.status_code == 200


def test_the_notice_page_links_services_to_the_directory_and_related_points(
    client, full_notice, directory_page
):
    notice, point, _document = full_notice
    html = html_of(client.get(notice.url))
    services = re.search(r'id="related-services"(.*?)</section>', html, re.S).group(1)
    assert f'href="{directory_page.url}?service=B03"' in services
    points = re.search(r'id="related-points"(.*?)</section>', html, re.S).group(1)
    assert f'href="{point.url}"' in points and point.title in points


def test_an_unpublished_related_point_is_not_linked(client, notice_factory, make_point):
    hidden = make_point(title="未发布网点", live=False)
    notice = notice_factory(points=(hidden,))
    html = html_of(client.get(notice.url))
    assert 'id="related-points"' not in html
    assert "未发布网点" not in html


def test_the_notice_page_describes_an_article_for_search_engines(client, full_notice):
    notice, _point, _document = full_notice
    html = html_of(client.get(notice.url))
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Article"
    assert data["headline"] == notice.title
    assert data["datePublished"] == "2024-03-01"
    assert data["publisher"] == {"@type": "GovernmentOrganization", "name": "广东省知识产权局"}
    assert data["identifier"] == "粤知函〔2024〕12号"
    assert data["url"].startswith("http") and data["url"].endswith(notice.url)


def test_the_meta_description_is_the_summary(client, full_notice):
    notice, _point, _document = full_notice
    html = html_of(client.get(notice.url))
    assert '<meta name="description" content="请各地市做好网点备案工作。">' in html


# --- The index and its filters -----------------------------------------------------------------


@pytest.fixture
def assorted(notice_factory):
    """Six notices across kinds, years, authorities and regions, by a short name."""
    make = notice_factory
    return {
        "national_2024": make(
            kind="notice",
            publication_date=datetime.date(2024, 6, 1),
            issuing_authority="国家知识产权局",
        ),
        "national_policy_2023": make(
            kind="policy",
            publication_date=datetime.date(2023, 9, 1),
            issuing_authority="国家知识产权局",
        ),
        "guangdong_2024": make(
            kind="policy",
            publication_date=datetime.date(2024, 5, 1),
            issuing_authority="广东省知识产权局",
            scope="province",
            region_code="440000",
        ),
        "guangzhou_2024": make(
            kind="news",
            publication_date=datetime.date(2024, 4, 1),
            issuing_authority="广州市市场监督管理局（知识产权局）",
            scope="city",
            region_code="440100",
        ),
        "shenzhen_2023": make(
            kind="interpretation",
            publication_date=datetime.date(2023, 8, 1),
            issuing_authority="深圳市市场监督管理局",
            scope="city",
            region_code="440300",
        ),
        "beijing_2024": make(
            kind="notice",
            publication_date=datetime.date(2024, 7, 1),
            issuing_authority="北京市知识产权局",
            scope="province",
            region_code="110000",
        ),
    }


def ids(assorted, *names) -> set[int]:
    return {assorted[name].pk for name in names}


def test_the_index_lists_live_notices_newest_first(client, notice_index, assorted, notice_factory):
    draft = notice_factory(title="草稿通知", publication_date=datetime.date(2025, 1, 1), live=False)
    html = html_of(client.get(notice_index.url))
    listed = listed_ids(html)
    expected = sorted(assorted.values(), key=lambda n: n.publication_date, reverse=True)
    assert listed == [n.pk for n in expected]
    assert draft.pk not in listed
    assert "找到 6 条通知" in html
    assert filter_errors(html) == set()


def test_filter_by_kind(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"kind": "policy"}))
    assert set(listed_ids(html)) == ids(assorted, "national_policy_2023", "guangdong_2024")
    assert '<option value="policy" selected>' in html


def test_filter_by_year(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"year": "2023"}))
    assert set(listed_ids(html)) == ids(assorted, "national_policy_2023", "shenzhen_2023")
    # The years offered are those of the list, newest first.
    years = re.search(r'<select[^>]*name="year"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(\d+)"', years) == ["2024", "2023"]


def test_filter_by_exact_authority(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"authority": "国家知识产权局"}))
    assert set(listed_ids(html)) == ids(assorted, "national_2024", "national_policy_2023")
    # Exact: a part of a name matches nothing, and is not an error.
    html = html_of(client.get(notice_index.url, {"authority": "知识产权局"}))
    assert listed_ids(html) == []
    assert filter_errors(html) == set()
    assert 'id="no-results"' in html


def test_the_authorities_offered_are_those_of_the_list(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url))
    select = re.search(r'<select[^>]*name="authority"[^>]*>(.*?)</select>', html, re.S).group(1)
    offered = re.findall(r'<option value="([^"]+)"', select)
    assert set(offered) == {n.issuing_authority for n in assorted.values()}
    assert len(offered) == len(set(offered))


def test_a_province_filter_includes_national_and_its_cities_notices(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"region": "440000"}))
    assert set(listed_ids(html)) == ids(
        assorted,
        "national_2024",
        "national_policy_2023",
        "guangdong_2024",
        "guangzhou_2024",
        "shenzhen_2023",
    )
    assert '<option value="440000" selected>' in html


def test_a_city_filter_includes_national_and_its_provinces_notices(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"region": "440100"}))
    assert set(listed_ids(html)) == ids(
        assorted, "national_2024", "national_policy_2023", "guangdong_2024", "guangzhou_2024"
    )
    assert filter_errors(html) == set()


def test_filters_combine(client, notice_index, assorted):
    html = html_of(
        client.get(notice_index.url, {"region": "440000", "year": "2024", "kind": "policy"})
    )
    assert set(listed_ids(html)) == ids(assorted, "guangdong_2024")
    # The feeds in <head> carry the same filters.
    rss = re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"', html)
    atom = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
    for link in (rss, atom):
        href = link.group(1).replace("&amp;", "&")
        assert "kind=policy" in href and "year=2024" in href and "region=440000" in href
    assert rss.group(1).startswith("/notices/feed/rss/?")
    assert atom.group(1).startswith("/notices/feed/atom/?")


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"kind": "memo"}, {"kind"}),
        ({"year": "24"}, {"year"}),
        ({"year": "abcd"}, {"year"}),
        ({"year": "1200"}, {"year"}),
        ({"region": "999999"}, {"region"}),
        ({"region": "440103"}, {"region"}),  # a district, not a province or city
        ({"region": "广东"}, {"region"}),
        ({"authority": "局" * 121}, {"authority"}),
        ({"page": "two"}, {"page"}),
        ({"kind": "memo", "year": "x", "region": "1"}, {"kind", "year", "region"}),
    ],
)
def test_invalid_filters_show_a_message_beside_the_list(
    client, notice_index, assorted, params, bad
):
    response = client.get(notice_index.url, params)
    html = html_of(response)
    assert filter_errors(html) == bad
    # The bad parameters are ignored: every notice is listed.
    assert set(listed_ids(html)) == {n.pk for n in assorted.values()}
    assert '<meta name="robots" content="noindex, follow">' in html


def test_an_invalid_filter_does_not_drop_the_valid_ones(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url, {"kind": "policy", "year": "20x4"}))
    assert filter_errors(html) == {"year"}
    assert set(listed_ids(html)) == ids(assorted, "national_policy_2023", "guangdong_2024")


def test_parse_notice_query_round_trips(db):
    query = parse_notice_query(
        {"kind": "news", "year": " 2024 ", "authority": " 广州市  知识产权局 ", "region": "440100"}
    )
    assert query.errors == {}
    assert query.params() == {
        "kind": "news",
        "year": "2024",
        "authority": "广州市 知识产权局",
        "region": "440100",
    }
    assert parse_notice_query(query.params()).params() == query.params()
    assert parse_notice_query({}).is_filtered() is False


def test_the_filter_form_has_a_label_for_every_control(client, notice_index, assorted):
    html = html_of(client.get(notice_index.url))
    form = re.search(r'<form class="notice-filters.*?</form>', html, re.S).group(0)
    assert 'method="get"' in form
    for control_id in re.findall(r'<select[^>]*id="([^"]+)"', form):
        assert f'<label class="form-label" for="{control_id}">' in form
    assert set(re.findall(r'name="(\w+)"', form)) == {"kind", "year", "authority", "region"}


# --- Pagination and query counts ---------------------------------------------------------------


def _make_many(notice_factory, count, start=0):
    for number in range(start, start + count):
        notice_factory(
            title=f"批量通知{number:02d}",
            publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            issuing_authority=f"机关{number % 4}",
        )


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params or {}).status_code == 200
    return len(context.captured_queries)


def test_the_index_pages_by_twenty_and_the_query_count_does_not_grow(
    client, notice_index, notice_factory, django_assert_max_num_queries
):
    _make_many(notice_factory, 3)
    client.get(notice_index.url)  # warm the caches (site root paths, locales)
    few = _queries(client, notice_index.url)

    _make_many(notice_factory, 22, start=3)
    client.get(notice_index.url)
    with django_assert_max_num_queries(few):
        html = html_of(client.get(notice_index.url))
    assert len(listed_ids(html)) == 20
    assert "找到 25 条通知" in html
    assert 'href="/notices/?page=2" rel="next"' in html
    assert '<link rel="next" href="/notices/?page=2">' in html

    page_two = html_of(client.get(notice_index.url, {"page": "2"}))
    assert len(listed_ids(page_two)) == 5
    assert 'href="/notices/" rel="prev"' in page_two
    # A page past the end shows the last one.
    assert listed_ids(html_of(client.get(notice_index.url, {"page": "9"}))) == listed_ids(page_two)

    # The feed's cost does not grow with its length either.
    feed_url = notice_index.url + "feed/rss/"
    with django_assert_max_num_queries(few):
        assert client.get(feed_url).status_code == 200


def test_pagination_keeps_the_filters(client, notice_index, notice_factory):
    _make_many(notice_factory, 21)
    html = html_of(client.get(notice_index.url, {"year": "2024"}))
    assert 'href="/notices/?year=2024&amp;page=2" rel="next"' in html


# --- Feeds -------------------------------------------------------------------------------------


def test_the_rss_feed_lists_the_filtered_notices_with_absolute_links(
    client, notice_index, assorted
):
    response = client.get(notice_index.url + "feed/rss/", {"region": "440000", "year": "2024"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse_feed(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("link") == "http://testserver/notices/?year=2024&region=440000"
    items = channel.findall("item")
    expected = [assorted["national_2024"], assorted["guangdong_2024"], assorted["guangzhou_2024"]]
    assert [item.findtext("title") for item in items] == [n.title for n in expected]
    for item, notice in zip(items, expected, strict=True):
        assert item.findtext("link") == f"http://testserver{notice.url}"
        assert item.findtext("guid") == f"http://testserver{notice.url}"
        assert item.findtext("description") == notice.summary
        assert item.findtext("pubDate")
    assert "广东省" in channel.findtext("title")


def test_the_atom_feed_lists_the_filtered_notices_with_absolute_links(
    client, notice_index, assorted
):
    response = client.get(notice_index.url + "feed/atom/", {"kind": "policy"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse_feed(response.content)
    assert root.tag == f"{ATOM}feed"
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"][0]
    assert self_link.get("href") == "http://testserver/notices/feed/atom/?kind=policy"
    entries = root.findall(f"{ATOM}entry")
    expected = [assorted["guangdong_2024"], assorted["national_policy_2023"]]
    assert [e.findtext(f"{ATOM}title") for e in entries] == [n.title for n in expected]
    for entry, notice in zip(entries, expected, strict=True):
        assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{notice.url}"
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == notice.issuing_authority
        assert entry.findtext(f"{ATOM}published").startswith(notice.publication_date.isoformat())


def test_the_feeds_hold_the_latest_items_only(client, notice_index, assorted, monkeypatch):
    monkeypatch.setattr(notices_feeds, "FEED_SIZE", 2)
    root = parse_feed(client.get(notice_index.url + "feed/rss/").content)
    titles = [item.findtext("title") for item in root.find("channel").findall("item")]
    assert titles == [assorted["beijing_2024"].title, assorted["national_2024"].title]


def test_a_feed_with_an_invalid_filter_answers_400(client, notice_index, assorted):
    response = client.get(notice_index.url + "feed/rss/", {"kind": "memo"})
    assert response.status_code == 400
    assert "memo" in response.content.decode()
    assert client.get(notice_index.url + "feed/atom/", {"region": "1"}).status_code == 400


def test_an_empty_feed_is_valid(client, notice_index):
    root = parse_feed(client.get(notice_index.url + "feed/rss/").content)
    assert root.find("channel").findall("item") == []


def test_the_english_site_serves_the_index_and_its_feed(client, notice_index, assorted):
    from home.core.locales import ensure_locale_trees

    ensure_locale_trees()
    html = html_of(client.get("/en/notices/", {"kind": "policy"}))
    assert len(listed_ids(html)) == 2
    assert 'href="/en/notices/feed/rss/?kind=policy"' in html
    root = parse_feed(client.get("/en/notices/feed/rss/", {"kind": "policy"}).content)
    links = [item.findtext("link") for item in root.find("channel").findall("item")]
    assert links and all(link.startswith("http://testserver/en/notices/") for link in links)


# --- Reposting ---------------------------------------------------------------------------------


@pytest.fixture
def two_points(make_point):
    return make_point(title="甲网点", city="440100"), make_point(title="乙网点", city="440300")


def test_repost_is_idempotent_and_can_be_undone(notice_factory, two_points, notice_staff):
    point, _other = two_points
    user = notice_staff(point)
    notice = notice_factory()
    first, created = repost(notice, point, user)
    assert created and first.reposted_by == user
    again, created = repost(notice, point, user)
    assert not created and again.pk == first.pk
    assert NoticeRepost.objects.count() == 1
    assert reposted_notices(point) == [notice]
    assert reposting_points(notice) == [point]

    assert remove_repost(notice, point) is True
    assert remove_repost(notice, point) is False
    assert reposted_notices(point) == []


def test_only_live_notices_are_reposted_and_listed(notice_factory, two_points):
    point, _other = two_points
    draft = notice_factory(live=False)
    with pytest.raises(ValidationError):
        repost(draft, point, None)
    notice = notice_factory()
    repost(notice, point, None)
    notice.unpublish()
    assert reposted_notices(point) == []


def test_reposted_notices_are_newest_first_and_limited(notice_factory, two_points):
    point, _other = two_points
    older = notice_factory(publication_date=datetime.date(2023, 1, 1))
    newer = notice_factory(publication_date=datetime.date(2024, 1, 1))
    repost(newer, point, None)
    repost(older, point, None)
    assert reposted_notices(point) == [newer, older]
    assert reposted_notices(point, limit=1) == [newer]


def test_the_profile_include_lists_the_reposted_notices(rf, notice_factory, two_points):
    point, _other = two_points
    notice = notice_factory(title="网点转载的通知")
    repost(notice, point, None)
    html = render_to_string(
        "home/includes/point_notices.html",
        {"point_notices": reposted_notices(point)},
        request=rf.get("/"),
    )
    assert 'id="point-notices"' in html
    assert f'href="{notice.url}"' in html and "网点转载的通知" in html
    assert render_to_string("home/includes/point_notices.html", {"point_notices": []}).strip() == ""


def test_the_point_profile_lists_its_reposted_notices(client, notice_factory, two_points):
    point, other = two_points
    notice = notice_factory(title="网点主页上的转载通知")
    assert 'id="point-notices"' not in html_of(client.get(point.url))
    repost(notice, point, None)
    html = html_of(client.get(point.url))
    section = re.search(r'id="point-notices"(.*?)</section>', html, re.S).group(1)
    assert f'href="{notice.url}"' in section
    assert 'id="point-notices"' not in html_of(client.get(other.url))


def test_the_notice_page_lists_the_points_that_reposted_it(client, notice_factory, two_points):
    point, other = two_points
    notice = notice_factory()
    assert 'id="reposted-by"' not in html_of(client.get(notice.url))
    repost(notice, point, None)
    repost(notice, other, None)
    html = html_of(client.get(notice.url))
    section = re.search(r'id="reposted-by"(.*?)</section>', html, re.S).group(1)
    assert f'href="{point.url}"' in section and f'href="{other.url}"' in section


REPOST_LIST = "/admin/notices/repost/"


def _repost_url(notice) -> str:
    return reverse("notice_repost", args=[notice.pk])


def test_the_admin_urls(db):
    assert reverse("notices_to_repost") == REPOST_LIST


def test_staff_repost_to_their_point_with_one_click(
    client, notice_factory, two_points, notice_staff
):
    point, other = two_points
    notice = notice_factory(title="待转载通知")
    client.force_login(notice_staff(point))

    html = html_of(client.get(REPOST_LIST))
    row = re.search(rf'<tr data-notice-id="{notice.pk}">(.*?)</tr>', html, re.S).group(1)
    assert f'action="{_repost_url(notice)}"' in row
    assert f'name="point" value="{point.pk}"' in row
    assert f'value="{other.pk}"' not in row  # another point's button is never offered
    assert 'value="repost"' in row

    response = client.post(
        _repost_url(notice), {"point": point.pk, "action": "repost", "next": REPOST_LIST}
    )
    assert response.status_code == 302 and response["Location"] == REPOST_LIST
    assert NoticeRepost.objects.filter(notice=notice, point=point).count() == 1

    html = html_of(client.get(REPOST_LIST))
    row = re.search(rf'<tr data-notice-id="{notice.pk}">(.*?)</tr>', html, re.S).group(1)
    assert 'data-state="reposted"' in row and 'value="remove"' in row

    # A second click changes nothing.
    client.post(_repost_url(notice), {"point": point.pk, "action": "repost"})
    assert NoticeRepost.objects.filter(notice=notice, point=point).count() == 1

    # Undo.
    client.post(_repost_url(notice), {"point": point.pk, "action": "remove"})
    assert not NoticeRepost.objects.filter(notice=notice).exists()


def test_staff_cannot_repost_for_another_point(client, notice_factory, two_points, notice_staff):
    point, other = two_points
    notice = notice_factory()
    repost(notice, other, None)
    client.force_login(notice_staff(point))
    response = client.post(_repost_url(notice), {"point": other.pk, "action": "repost"})
    assert response.status_code == 404
    response = client.post(_repost_url(notice), {"point": other.pk, "action": "remove"})
    assert response.status_code == 404
    assert client.post(_repost_url(notice), {"point": "x"}).status_code == 404
    assert (
        client.post(_repost_url(notice), {"point": point.pk, "action": "bogus"}).status_code == 404
    )
    assert list(NoticeRepost.objects.values_list("point_id", flat=True)) == [other.pk]


def test_a_draft_notice_cannot_be_reposted_from_the_admin(
    client, notice_factory, two_points, notice_staff
):
    point, _other = two_points
    draft = notice_factory(live=False)
    client.force_login(notice_staff(point))
    assert client.post(_repost_url(draft), {"point": point.pk}).status_code == 404
    assert f'data-notice-id="{draft.pk}"' not in html_of(client.get(REPOST_LIST))


def test_the_repost_page_is_for_point_staff_and_the_office(client, notice_factory, two_points):
    from home.core.models import User

    point, _other = two_points
    notice = notice_factory()
    nobody = User.objects.create_user(username="nobody", password="pw-for-tests-only-123")
    group = Group.objects.create(name="admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    nobody.groups.add(group)
    client.force_login(nobody)
    # Wagtail turns PermissionDenied in the admin into a redirect to the dashboard.
    response = client.get(REPOST_LIST)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post(_repost_url(notice), {"point": point.pk}).status_code == 302
    assert REPOST_LIST not in html_of(client.get("/admin/"))
    assert not NoticeRepost.objects.exists()


def test_the_menu_shows_the_page_to_point_staff(client, two_points, notice_staff):
    client.force_login(notice_staff(two_points[0]))
    assert REPOST_LIST in html_of(client.get("/admin/"))


def test_the_office_reposts_for_any_point(client, notice_factory, two_points, notice_office_user):
    point, other = two_points
    notice = notice_factory()
    client.force_login(notice_office_user)
    html = html_of(client.get(REPOST_LIST))
    assert 'id="repost-point"' in html and 'id="no-points"' in html
    html = html_of(client.get(REPOST_LIST, {"point": other.pk}))
    assert f'name="point" value="{other.pk}"' in html
    response = client.post(_repost_url(notice), {"point": other.pk, "action": "repost"})
    assert response.status_code == 302
    assert reposting_points(notice) == [other]


def test_the_repost_list_can_hide_what_is_done(client, notice_factory, two_points, notice_staff):
    point, _other = two_points
    done, pending = notice_factory(), notice_factory()
    repost(done, point, None)
    client.force_login(notice_staff(point))
    html = html_of(client.get(REPOST_LIST, {"pending": "1"}))
    assert f'data-notice-id="{pending.pk}"' in html
    assert f'data-notice-id="{done.pk}"' not in html


def test_the_repost_list_query_count_does_not_grow(
    client, notice_factory, two_points, notice_staff, django_assert_max_num_queries
):
    point, other = two_points
    client.force_login(notice_staff(point, other))
    _make_many(notice_factory, 3)
    client.get(REPOST_LIST)
    few = _queries(client, REPOST_LIST)
    _make_many(notice_factory, 17, start=3)
    for notice in NoticePage.objects.all()[:10]:
        repost(notice, point, None)
    client.get(REPOST_LIST)
    with django_assert_max_num_queries(few):
        html = html_of(client.get(REPOST_LIST))
    assert html.count("<tr data-notice-id=") == 20


def test_a_repost_through_an_english_alias_joins_the_original(notice_factory, two_points):
    from home.core.locales import ensure_locale_trees

    point, _other = two_points
    notice = notice_factory()
    ensure_locale_trees()
    alias_notice = NoticePage.objects.get(alias_of=notice)
    alias_point = type(point).objects.get(alias_of=point)
    _repost, created = repost(alias_notice, alias_point, None)
    assert created and _repost.notice_id == notice.pk and _repost.point_id == point.pk
    # Each side reads the reposts in its own language tree.
    assert reposting_points(alias_notice) == [alias_point]
    assert reposted_notices(alias_point) == [alias_notice]
    assert reposted_notices(point) == [notice]


def test_the_directory_is_found_for_service_links(directory_page):
    assert notices_pages.directory_url(directory_page.locale) == directory_page.url
    assert DirectoryIndexPage.objects.count() == 1
