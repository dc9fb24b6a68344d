"""Switching language keeps the address; alternates name the live server; Chinese text is marked."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from .pages import query_of

pytestmark = pytest.mark.browser

KEYWORD = "专利检索"
GUANGZHOU = "440100"
DESKTOP = {"width": 1280, "height": 900}


def _alternate(page: Page, hreflang: str) -> str:
    return page.locator(f'link[rel=alternate][hreflang="{hreflang}"]').get_attribute("href")


def test_the_switcher_keeps_a_filtered_directory_and_alternates_name_this_server(
    new_context, server_url
):
    page = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    page.goto(f"/directory/?city={GUANGZHOU}&q={KEYWORD}")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")

    server = urlsplit(server_url)
    for hreflang, prefix in [
        ("zh-Hans", "/directory/"),
        ("en", "/en/directory/"),
        ("x-default", "/directory/"),
    ]:
        url = urlsplit(_alternate(page, hreflang))
        assert (url.scheme, url.netloc, url.path) == (server.scheme, server.netloc, prefix), (
            hreflang
        )
        assert parse_qs(url.query) == {"city": [GUANGZHOU], "q": [KEYWORD]}, hreflang

    english = page.get_by_role("link", name="English", exact=True)
    expect(english).to_have_attribute("hreflang", "en")
    expect(english).to_have_attribute("lang", "en")
    english.click()
    page.wait_for_url("**/en/directory/?*")
    assert query_of(page.url) == {"city": [GUANGZHOU], "q": [KEYWORD]}, page.url
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#id_q")).to_have_value(KEYWORD)

    chinese = page.get_by_role("link", name="简体中文", exact=True)
    expect(chinese).to_have_attribute("hreflang", "zh-Hans")
    chinese.click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/directory/")
    assert query_of(page.url) == {"city": [GUANGZHOU], "q": [KEYWORD]}, page.url
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")


def test_an_english_notice_reads_in_english_and_marks_the_point_names(
    page: Page, assert_accessible
):
    page.goto("/en/notices/tisc-second-batch-2019/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Technology and Innovation Support Centers")
    expect(heading).not_to_have_attribute("lang", "zh-Hans")
    expect(page.locator(".notice-body")).to_contain_text("Notice is hereby given.")
    points = page.locator("#related-points a")
    expect(points).to_have_count(11)  # the eleven host institutions the notice names
    expect(points.filter(has_text="电子科技大学")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator('#related-points a:not([lang="zh-Hans"])')).to_have_count(0)
    assert _alternate(page, "zh-Hans").endswith("/notices/tisc-second-batch-2019/")
    assert_accessible(page)
