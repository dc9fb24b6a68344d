"""The home page, site settings in the footer, standard and FAQ pages, the editorial demo."""

import json
import re

import pytest
from django.utils import timezone

from home.core.models import FooterLink, SiteSettings
from home.homepage.demo import load_editorial_demo
from home.homepage.models import FAQItem, FAQPage, StandardPage
from home.notices.demo import SEED_NOTICES
from home.notices.models import NoticePage

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_figures_sections_and_the_map(
    client, home_page, directory_page, make_point, make_request
):
    point = make_point(title="广州测试图书馆")
    make_point(title="深圳测试图书馆", city="440300")
    from services import handling

    request_obj = make_request(point)
    handling.reply(request_obj, "答复", None)
    load_editorial_demo()

    html = client.get("/").content.decode()
    assert 'data-testid="point-count">2<' in html
    assert "home-map-data" in html  # the map's markers, one per city
    markers = json.loads(re.search(r'id="home-map-data"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert {m["adcode"] for m in markers} == {"440100", "440300"}
    assert all(m["url"].endswith(f"?city={m['adcode']}") for m in markers)
    notices = re.search(r'id="latest-notices".*?</section>', html, re.S).group(0)
    # Newest first: the 2024 TISC guideline leads, the 2019 notice is the fifth.
    titles = re.findall(r"<li[^>]*><a [^>]*>(.*?)</a>", notices)
    assert titles[0] == "技术与创新支持中心（TISC）工作指引"
    assert titles[-1].startswith("国家知识产权局办公室关于启动第二批")
    assert notices.count("<li") == 5
    assert 'id="upcoming-events"' in html and 'id="featured-cases"' in html
    events = re.search(r'id="upcoming-events".*?</section>', html, re.S).group(0)
    upcoming = [e for e in load_editorial_events() if e.end >= timezone.now()]
    assert events.count("<li") == min(3, len(upcoming))
    assert "/consult/ask/" in html


def load_editorial_events():
    from home.events.models import EventPage

    return list(EventPage.objects.live())


def test_most_asked_services_come_from_the_questions(
    client, home_page, directory_page, make_point, make_request
):
    point = make_point(offerings=(("B03", "basic", "free"), ("P03", "professional", "free")))
    for _ in range(3):
        make_request(point, service="P03")
    html = client.get("/").content.decode()
    popular = re.search(r'id="popular-title".*?</section>', html, re.S).group(0)
    first = re.search(r"\?service=(\w+)", popular).group(1)
    assert first == "P03"


def test_the_footer_shows_the_filings_and_links_from_site_settings(client, home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.icp_number = "粤ICP备12345678号-1"
    settings.public_security_number = "粤公网安备44010602000001号"
    settings.office_name = "某某知识产权局"
    settings.save()
    FooterLink.objects.create(settings=settings, label="关于本网", url="/about/")
    html = client.get("/").content.decode()
    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    assert "粤ICP备12345678号-1" in footer and "https://beian.miit.gov.cn/" in footer
    assert "粤公网安备44010602000001号" in footer
    assert "某某知识产权局" in footer and 'href="/about/"' in footer


def test_the_map_tiles_can_be_set_in_the_admin(client, home_page, make_point):
    make_point()
    settings = SiteSettings.for_site(home_page.get_site())
    settings.map_tile_url = "https://tiles.example.cn/{z}/{x}/{y}.png"
    settings.save()
    assert "https://tiles.example.cn/{z}/{x}/{y}.png" in client.get("/").content.decode()


def test_standard_and_faq_pages_live_under_the_home_page_only(home_page):
    from directory.models import DirectoryIndexPage

    assert StandardPage.can_create_at(home_page)
    assert FAQPage.can_create_at(home_page)
    assert not FAQPage.can_create_at(DirectoryIndexPage(title="x"))


def test_the_faq_page_describes_itself_as_a_faq_for_search_engines(client, home_page):
    page = FAQPage(title="常见问题", slug="faq")
    page.questions = [FAQItem(question="基础性服务收费吗？", answer="<p>不收费。</p>")]
    home_page.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/faq/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "FAQPage"
    assert data["mainEntity"][0]["name"] == "基础性服务收费吗？"
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "不收费。"


def test_chinese_faq_questions_on_the_english_site_are_marked_chinese(client, home_page):
    from home.core.locales import ensure_locale_trees

    page = FAQPage(title="常见问题", slug="faq")
    page.questions = [FAQItem(question="基础性服务收费吗？", answer="<p>不收费。</p>")]
    home_page.add_child(instance=page)
    page.save_revision().publish()
    ensure_locale_trees()
    chinese = client.get("/faq/").content.decode()
    english = client.get("/en/faq/").content.decode()
    assert 'aria-labelledby="faq-1">' in chinese  # the Chinese site needs no mark
    assert 'aria-labelledby="faq-1" lang="zh-Hans">' in english


def test_the_demo_loads_the_seed_documents_as_notices_once(home_page, directory_page, make_point):
    make_point(is_demo=True)
    first = load_editorial_demo()
    assert first["notices"] == len(SEED_NOTICES) == 5
    again = load_editorial_demo()
    assert set(again) >= {"notices", "cases", "events", "pages", "applications", "lifecycle"}
    assert set(again.values()) == {0}
    notice = NoticePage.objects.filter(alias_of__isnull=True, locale__language_code="zh-hans").get(
        slug="tisc-second-batch-2019"
    )
    assert notice.document_number == "国知办函服字〔2019〕461号"
    assert notice.issuing_authority == "国家知识产权局办公室"
    assert len(notice.body) > 10
    guide = NoticePage.objects.filter(alias_of__isnull=True).get(
        slug="national-work-guideline-2020"
    )
    assert guide.document_number == "国知办发服字〔2020〕43号"
    assert (
        NoticePage.objects.filter(alias_of__isnull=True)
        .get(slug="guangzhou-point-recognition-guide")
        .region.adcode
        == "440100"
    )
