"""The English site under /en/: reached from the Chinese page, English interface, accessible."""

import pytest
from playwright.sync_api import Page, expect

from .pages import result_cards

pytestmark = pytest.mark.browser


def test_switch_to_english_and_read_a_profile(page: Page, assert_accessible):
    page.goto("/directory/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    page.locator(".navbar-toggler").click()  # a phone: the language links sit in the menu
    # Bootstrap adds "show" once the menu has finished opening: a tap during the animation can
    # land while the link is still clipped (on a busy machine the animation runs long).
    expect(page.locator(".navbar-collapse.show")).to_be_visible()
    english = page.get_by_role("link", name="English", exact=True)
    expect(english).to_have_attribute("href", "/en/directory/")
    english.click()
    page.wait_for_url("**/en/directory/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("Keyword")).to_be_visible()
    assert_accessible(page)

    result_cards(page).first.locator("h2 a").click()
    expect(page.get_by_role("heading", name="Published service list")).to_be_visible()
    assert "/en/directory/" in page.url
    assert_accessible(page)
