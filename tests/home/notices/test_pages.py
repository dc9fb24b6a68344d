"""A notice's page: the document, its attachments, related services and points, metadata."""

import datetime
import json
import re

import pytest

from directory.models import DirectoryIndexPage
from home.notices import pages as notices_pages

from .helpers import html_of

pytestmark = pytest.mark.django_db


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


def test_the_directory_is_found_for_service_links(directory_page):
    assert notices_pages.directory_url(directory_page.locale) == directory_page.url
    assert DirectoryIndexPage.objects.count() == 1
