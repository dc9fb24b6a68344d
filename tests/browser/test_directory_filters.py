"""Filtering the directory by keyboard, by facet links, without JavaScript and without map tiles."""

import re

import pytest
from playwright.sync_api import Page, expect

from .directory_pages import exact_distances
from .pages import home_search_form, query_of, result_cards, result_total

pytestmark = pytest.mark.browser

KEYWORD = "专利检索"
GUANGZHOU_ADCODE = "440100"
# A point in the Lop Nur desert: no service point within a few kilometres of it.
NOWHERE = "40.0,90.0"
# The skip link, then breadcrumbs: a handful of stops, not a trek through the whole header.
MAX_TABS_TO_KEYWORD = 5


def _focused_id(page: Page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_keyboard_only_search_through_the_skip_link(page: Page, assert_accessible):
    page.goto("/directory/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    # visually-hidden-focusable: invisible until focused, then on screen for sighted keyboard users.
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    for _ in range(MAX_TABS_TO_KEYWORD):
        page.keyboard.press("Tab")
        if _focused_id(page) == "id_q":
            break
    expect(page.locator("#id_q")).to_be_focused()
    page.keyboard.type(KEYWORD)
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/directory/\?"))
    assert query_of(page.url).get("q") == [KEYWORD], page.url
    expect(result_cards(page).first).to_be_visible()
    expect(page.locator("#id_q")).to_have_value(KEYWORD)
    assert_accessible(page)


def test_facet_link_narrows_the_results(page: Page):
    page.goto(f"/directory/?q={KEYWORD}")
    total = result_total(page)
    # Facet groups are named by their heading's id, which is the query parameter they set.
    options = page.locator("section[aria-labelledby=facet-category] a").all()
    counted = [(option, int(option.locator(".badge").inner_text())) for option in options]
    narrower = [(option, count) for option, count in counted if count < total]
    assert narrower, f"No category facet narrows the {total} results: {[c for _o, c in counted]}"
    option, count = narrower[0]
    option.click()

    page.wait_for_url(re.compile(r"[?&]category="))
    params = query_of(page.url)
    assert params.get("q") == [KEYWORD], "The facet link dropped the keyword"
    assert result_total(page) == count < total
    expect(result_cards(page)).to_have_count(min(count, 20))
    selected = page.locator("section[aria-labelledby=facet-category] a[aria-current=true]")
    expect(selected).to_have_count(1)

    # The selected facet is a link that removes the filter again.
    selected.click()
    page.wait_for_url(lambda url: "category=" not in url)
    assert result_total(page) == total


def test_no_results_guidance_widens_the_search(page: Page, assert_accessible):
    page.goto(f"/directory/?q={KEYWORD}&near={NOWHERE}&radius_km=5")
    expect(result_cards(page)).to_have_count(0)
    guidance = page.locator(".no-results")
    expect(guidance).to_be_visible()
    expect(guidance.get_by_role("heading")).to_be_visible()
    assert result_total(page) == 0
    assert_accessible(page)

    # "Search at any distance": the same keyword and place, without the radius.
    widen = guidance.locator("a[href*='q='][href*='near=']:not([href*='radius_km'])")
    expect(widen).to_have_count(1)
    widen.click()

    page.wait_for_url(lambda url: "radius_km" not in url)
    assert query_of(page.url).get("q") == [KEYWORD], page.url
    expect(result_cards(page).first).to_be_visible()
    expect(guidance).to_have_count(0)
    distances = exact_distances(page)
    assert distances == sorted(distances), f"Widened results are not nearest first: {distances}"


def test_search_works_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/")
    form = home_search_form(page)
    # Only JavaScript can read a position, so the button stays hidden rather than doing nothing.
    expect(form.locator("#use-location")).to_be_hidden()
    form.get_by_role("searchbox").fill(KEYWORD)
    form.get_by_role("combobox").select_option(GUANGZHOU_ADCODE)
    form.get_by_role("searchbox").press("Enter")

    page.wait_for_url(re.compile(r"/directory/\?"))
    params = query_of(page.url)
    assert params.get("q") == [KEYWORD] and params.get("city") == [GUANGZHOU_ADCODE], page.url
    expect(result_cards(page).first).to_be_visible()
    distances = exact_distances(page)
    assert distances == sorted(distances), distances


def test_list_stands_without_map_tiles(page: Page):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"/directory/?city={GUANGZHOU_ADCODE}")
    page.wait_for_load_state("load")

    # The server runs with MAP_TILE_URL="" (no tile server reachable): the map stays out of the way.
    expect(page.locator("#directory-map")).to_have_attribute("data-tile-url", "")
    expect(page.locator(".map-container")).to_be_hidden()
    expect(result_cards(page).first).to_be_visible()
    assert result_cards(page).count() == min(result_total(page), 20)
    assert not errors, f"JavaScript errors on the directory page: {errors}"


def test_list_stands_when_the_tile_server_is_unreachable(page: Page):
    """A configured but unreachable tile server (the usual failure in the field)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def with_unreachable_tiles(route):
        # The context aborts every request that leaves the test server, so these tiles fail.
        response = route.fetch()
        html = response.text().replace(
            'data-tile-url=""', 'data-tile-url="https://tiles.invalid/{z}/{x}/{y}.png"'
        )
        route.fulfill(response=response, body=html)

    page.route(re.compile(r"/directory/\?"), with_unreachable_tiles)
    page.goto(f"/directory/?city={GUANGZHOU_ADCODE}")
    # On a phone the map waits behind its button, after the results.
    page.locator(".map-toggle").click()

    expect(page.locator("#directory-map.tiles-unavailable")).to_have_count(1)
    expect(page.locator(".map-container")).to_be_visible()
    expect(result_cards(page).first).to_be_visible()
    assert result_cards(page).count() == min(result_total(page), 20)
    assert not errors, f"JavaScript errors on the directory page: {errors}"
