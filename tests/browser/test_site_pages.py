"""Every kind of page the public reaches passes axe-core, and the keyboard reaches the content."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/faq/",
    "/about/",
    "/accessibility/",
    "/contact/",
    "/privacy/",
    "/notices/",
    "/cases/",
    "/events/",
    "/consult/ask/",
    "/consult/track/",
    "/en/",
]


def test_every_kind_of_page_is_accessible(page: Page, assert_accessible):
    for path in PAGES:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)


def test_the_keyboard_skips_to_the_content_and_reaches_the_search(page: Page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # From the main content, the next stops are the directory search's own controls.
    page.keyboard.press("Tab")
    expect(page.locator("#home-q")).to_be_focused()
    page.keyboard.type("专利检索")
    page.keyboard.press("Enter")
    page.wait_for_url("**/directory/?q=*")


def test_the_footer_shows_the_filing_numbers(page: Page):
    page.goto("/")
    footer = page.locator("footer .filings")
    expect(footer).to_contain_text("ICP备")
    expect(footer).to_contain_text("公网安备")
