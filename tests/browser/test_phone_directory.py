"""A first visitor on a phone (390 px): the results come first, filters fold behind a counted
button, the map clusters its markers, the profile starts with how to reach the point, and
"open now" follows the clock. The same page loads are then checked at 320 and 1280 px."""

import base64
import datetime
import json
import re

import pytest
from playwright.sync_api import Page, expect

from .pages import result_cards

pytestmark = pytest.mark.browser

GUANGZHOU_ADCODE = "440100"
PHONE_HEIGHT = 844
# A 1×1 transparent PNG: tiles served by the test itself, so the map draws without a network.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
MIN_TARGET_PX = 24


def _with_local_tiles(page: Page, server_url: str) -> None:
    """The server runs without a tile URL (no map); this page gets one on the test server."""

    def html(route):
        response = route.fetch()
        body = response.text().replace(
            'data-tile-url=""', f'data-tile-url="{server_url}/__tiles__/{{z}}/{{x}}/{{y}}.png"'
        )
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"/directory/\?city="), html)
    page.route(
        re.compile(r"/__tiles__/"),
        lambda route: route.fulfill(status=200, content_type="image/png", body=TILE),
    )


def _focusable_in(page: Page, selector: str) -> int:
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector + ' a[href], ' + selector
            + ' [tabindex]:not([tabindex="-1"]), ' + selector + ' button')]
            .filter(el => el.offsetParent !== null).length""",
        selector,
    )


def test_directory_on_a_phone(page: Page, server_url: str, assert_accessible):
    _with_local_tiles(page, server_url)
    page.goto(f"/directory/?city={GUANGZHOU_ADCODE}")
    cards = result_cards(page)
    expect(cards.first).to_be_visible()

    # The first result is on the first screen: filters folded, map behind its button.
    assert cards.first.bounding_box()["y"] < PHONE_HEIGHT, cards.first.bounding_box()
    toggle = page.locator(".filters-toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    # One filter applied (the city): "Filters (1)" / "筛选（1）".
    expect(toggle).to_have_text(re.compile(r"[(（]1[)）]"))
    expect(page.locator("#id_province")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    # The city's province is shown in its control, and focus moves into the opened panel.
    expect(page.locator("#id_province")).to_be_visible()
    expect(page.locator("#id_province")).to_have_value("guangdong")
    expect(page.locator("#id_province")).to_be_focused()
    # The position is not a text box: "use my location" fills a hidden parameter.
    expect(page.locator("[name=near]")).to_have_attribute("type", "hidden")
    toggle.click()
    expect(page.locator("#id_province")).to_be_hidden()

    # "Skip to results" is the first stop after the breadcrumbs and moves focus to the results.
    skip = page.locator("a.skip-to-results")
    skip.focus()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#results")).to_be_focused()

    # Every card says whether the point is open, in words.
    status = cards.first.locator(".open-now")
    expect(status).to_have_attribute("data-state", re.compile(r"^(open|closed)$"))
    expect(status.locator(".open-now-text")).to_have_text(re.compile(r"\S"))

    # The map: clustered, so a handful of tab stops for twenty points, none smaller than 24 px.
    map_toggle = page.locator(".map-toggle")
    expect(map_toggle).to_be_visible()
    map_toggle.click()
    expect(map_toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#directory-map .marker-cluster").first).to_be_visible()
    points = cards.count()
    # Three demo points share Guangzhou's centre: one cluster, not three stacked markers.
    markers = _focusable_in(page, "#directory-map .leaflet-marker-pane")
    assert 0 < markers < points, f"{markers} marker tab stops for {points} points"
    # Beyond the markers: the map itself, its two zoom buttons and the attribution link.
    assert _focusable_in(page, "#directory-map") <= markers + 4
    cluster = page.locator("#directory-map .marker-cluster").first
    expect(cluster).to_have_attribute("role", "button")
    expect(cluster).to_have_accessible_name(re.compile(r"\d"))
    for icon in page.locator("#directory-map .leaflet-marker-icon").all():
        box = icon.bounding_box()
        assert box["width"] >= MIN_TARGET_PX and box["height"] >= MIN_TARGET_PX, box
    # WCAG 1.4.1: the attribution's link is underlined, not told apart by colour alone.
    decoration = page.locator(".leaflet-control-attribution a").first.evaluate(
        "el => getComputedStyle(el).textDecorationLine"
    )
    assert "underline" in decoration
    assert_accessible(page)

    # 320 px: the same load still puts the first result on the first screen.
    page.set_viewport_size({"width": 320, "height": 640})
    expect(toggle).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    assert cards.first.bounding_box()["y"] < 2 * 640

    # 1280 px: filters and map are simply shown; no buttons to fold them.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(toggle).to_be_hidden()
    expect(map_toggle).to_be_hidden()
    expect(page.locator("#id_province")).to_be_visible()
    expect(page.locator("#directory-map-container")).to_be_visible()


def test_profile_on_a_phone_starts_with_how_to_reach_the_point(page: Page):
    page.clock.install()
    page.goto(f"/directory/?city={GUANGZHOU_ADCODE}")
    first = result_cards(page).first.get_by_role("heading").get_by_role("link")
    first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    contact = page.locator("#contact")
    services = page.locator("#services-title")
    call = contact.locator("a.contact-call")
    expect(call).to_be_visible()
    expect(call).to_have_attribute("href", re.compile(r"^tel:\+?[\d-]+$"))
    # Call, hours and "ask" on the first screen, before the service list and the form.
    assert call.bounding_box()["y"] + call.bounding_box()["height"] <= PHONE_HEIGHT
    assert contact.bounding_box()["y"] < services.bounding_box()["y"]
    status = contact.locator(".open-now")
    text = status.locator(".open-now-text")
    expect(text).to_have_text(re.compile(r"\S"))

    # A page from the cache still tells the truth: past the current interval's end the text
    # follows the clock, from the intervals the server listed.
    intervals = json.loads(status.get_attribute("data-opening"))
    assert len(intervals) == 2
    first_change = intervals[0]["to"] if status.get_attribute("data-state") == "open" else None
    if first_change is None:
        first_change = intervals[0]["from"]
        expected, state = intervals[0]["open"], "open"
    else:
        expected, state = intervals[1]["closed"], "closed"
    page.clock.set_system_time(
        datetime.datetime.fromtimestamp(first_change / 1000 + 1, datetime.UTC)
    )
    page.clock.run_for(61_000)
    expect(status).to_have_attribute("data-state", state)
    expect(text).to_have_text(expected)

    ask = contact.locator("a.contact-ask")
    ask.click()
    page.wait_for_url(re.compile(r"#ask$"))
    expect(page.locator("#ask-title")).to_be_in_viewport()

    # Wide screens: the contact card heads the right-hand column, beside the services.
    page.set_viewport_size({"width": 1280, "height": 900})
    assert contact.bounding_box()["x"] > services.bounding_box()["x"]
