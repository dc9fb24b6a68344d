"""The site search on a phone: suggestions picked with the keyboard, type filter and pages."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_pick_a_suggestion_with_the_keyboard(page: Page, assert_accessible):
    page.goto("/search/")
    box = page.locator("#search-q")
    expect(box).to_have_attribute("role", "combobox")
    box.press_sequentially("上海交通", delay=50)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    expect(listbox.get_by_role("option").first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    assert listbox.get_by_role("option").first.bounding_box()["height"] >= 44
    assert_accessible(page)

    box.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    label = first.locator(".site-search-option-label").inner_text()
    box.press("Enter")
    page.wait_for_url("**/directory/**")
    expect(page.get_by_role("heading", level=1)).to_contain_text(label)


def test_filter_by_type_and_page_through(page: Page):
    page.goto("/search/?q=专利")
    types = page.locator("ul.search-types")
    types.locator('a[data-type="point"]').click()
    page.wait_for_url("**type=point**")
    results = page.locator("li.search-result")
    expect(results.first).to_be_visible()
    assert all(
        kind == "point" for kind in results.evaluate_all("els => els.map(e => e.dataset.type)")
    )
    next_link = page.locator('a[rel="next"]')  # the demo has more than 20 points for 专利
    expect(next_link).to_be_visible()
    next_link.click()
    page.wait_for_url("**page=2**")
    assert "type=point" in page.url
    expect(page.locator("li.search-result").first).to_be_visible()
