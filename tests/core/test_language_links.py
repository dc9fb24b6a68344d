"""The language switcher keeps the address, every page names its alternates, Chinese text is marked."""

import re
from urllib.parse import quote

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.models import Locale

from home.core.language_urls import alternate_links, is_chinese_only, language_links
from home.core.locales import ensure_locale_trees

pytestmark = pytest.mark.django_db

# A host and port of our own: nothing may come from SITE_BASE_URL (127.0.0.1:8000) or the Site row.
HOST = "localhost:8123"
KEYWORD = quote("专利")


@pytest.fixture
def site(directory_page, make_point):
    point = make_point(title="广州测试网点", description="<p>本网点提供专利检索服务。</p>")
    ensure_locale_trees()
    return {"point": point, "english": Locale.objects.get(language_code="en")}


def _get(path: str) -> str:
    response = Client(HTTP_HOST=HOST).get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def _switch_link(html: str, language: str) -> str:
    match = re.search(
        rf'<a class="nav-link" href="([^"]*)" lang="{language}" hreflang="{language}"', html
    )
    assert match, f"no {language} link in the switcher"
    return match.group(1).replace("&amp;", "&")


def _alternates(html: str) -> dict[str, str]:
    return {
        lang: url.replace("&amp;", "&")
        for lang, url in re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html
        )
    }


def test_a_filtered_directory_switches_with_its_query_and_names_both_alternates(site):
    html = _get(f"/directory/?city=440100&q={KEYWORD}")
    assert _switch_link(html, "en") == f"/en/directory/?city=440100&q={KEYWORD}"
    alternates = _alternates(html)
    assert set(alternates) == {"zh-Hans", "en", "x-default"}
    assert alternates["en"].startswith(f"http://{HOST}/en/directory/?")
    assert "city=440100" in alternates["en"] and f"q={KEYWORD}" in alternates["en"]
    assert alternates["x-default"] == alternates["zh-Hans"]
    assert alternates["zh-Hans"].startswith(f"http://{HOST}/directory/?")

    back = _get(f"/en/directory/?city=440100&q={KEYWORD}")
    assert _switch_link(back, "zh-Hans") == f"/directory/?city=440100&q={KEYWORD}"
    assert _alternates(back) == alternates


def test_a_landing_page_and_a_profile_switch_to_the_same_place(site):
    landing = _get("/directory/guangdong/?q=x")
    assert _switch_link(landing, "en") == "/en/directory/guangdong/?q=x"
    point = site["point"]
    profile = _get(point.url)
    assert _switch_link(profile, "en") == f"/en{point.url}"
    alternates = _alternates(profile)
    assert alternates["en"] == f"http://{HOST}/en{point.url}"
    assert alternates["x-default"] == f"http://{HOST}{point.url}"


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("/consult/ask/?point=12", "/en/consult/ask/?point=12"),
        ("/consult/track/", "/en/consult/track/"),
        (f"/search/?q={KEYWORD}", f"/en/search/?q={KEYWORD}"),
        ("/privacy/", "/en/privacy/"),
        ("/apply/", "/en/apply/"),
    ],
)
def test_the_non_page_views_switch_with_their_query(site, chinese, english):
    assert _switch_link(_get(chinese), "en") == english
    assert _switch_link(_get(english), "zh-Hans") == chinese


@pytest.mark.parametrize("path", ["/search/", "/apply/", "/privacy/", "/consult/ask/"])
def test_the_non_page_views_name_their_alternates(site, path):
    """Needs base.html to include includes/alternates.html outside its `meta` block (the
    privacy and question pages replace that block)."""
    alternates = _alternates(_get(path))
    assert alternates == {
        "zh-Hans": f"http://{HOST}{path}",
        "en": f"http://{HOST}/en{path}",
        "x-default": f"http://{HOST}{path}",
    }


def test_a_page_without_a_version_in_the_other_language_links_to_its_home(site):
    point = site["point"]
    point.get_translation(site["english"]).delete()
    request = RequestFactory().get(point.url, HTTP_HOST=HOST)
    links = {link.code: link for link in language_links(request, point)}
    assert links["en"].url == "/en/" and not links["en"].exists
    assert [lang for lang, _url in alternate_links(request, point)] == ["zh-Hans", "x-default"]


def test_chinese_only_content(site):
    point = site["point"]
    alias = point.get_translation(site["english"])
    default = Locale.get_default().pk
    assert is_chinese_only(point, default)
    assert is_chinese_only(alias, default)  # the English tree shows the Chinese original
    assert is_chinese_only("广州测试网点", default)
    assert not is_chinese_only("Patent navigation (专利导航) for regional planning", default)
    assert not is_chinese_only("", default)
    assert not is_chinese_only(None, default)


def test_the_zh_lang_tag_marks_chinese_text_on_english_pages_only(site):
    template = Template("{% load language_tags %}<h1{% zh_lang page %}>{{ page.title }}</h1>")
    alias = site["point"].get_translation(site["english"])
    with translation.override("en"):
        assert template.render(Context({"page": alias})) == '<h1 lang="zh-Hans">广州测试网点</h1>'
    with translation.override("zh-hans"):
        assert template.render(Context({"page": site["point"]})) == "<h1>广州测试网点</h1>"


def test_the_english_profile_marks_the_points_own_words(site):
    html = _get(f"/en{site['point'].url}")
    assert '<h1 class="h3 mb-1" id="point-title" lang="zh-Hans">广州测试网点</h1>' in html
    assert '<div class="rich-text" lang="zh-Hans">' in html
    listing = _get("/en/directory/")
    assert 'lang="zh-Hans">广州测试网点</a>' in listing
    chinese = _get(site["point"].url)
    assert chinese.count('lang="zh-Hans"') == chinese.count('hreflang="zh-Hans"') + 1  # <html> only
