"""The main journey on a phone: home page → search 专利检索 near 广州 → a profile → its services."""

import re

import pytest
from playwright.sync_api import Page, expect

from .directory_pages import card_distances
from .pages import (
    ORGANIZATION_TYPES,
    card_place,
    home_search_form,
    json_ld_types,
    query_of,
    result_cards,
)

pytestmark = pytest.mark.browser

KEYWORD = "专利检索"
GUANGZHOU_ADCODE = "440100"
# A few demo points have their real coordinates, the rest stand at their city's centre and say
# "in <city>"; 20 km keeps the check about "in Guangzhou", not about the data's precision.
NEAR_KM = 20


def _start_search(page: Page, assert_accessible):
    page.goto("/")
    assert_accessible(page)
    form = home_search_form(page)
    keyword = form.get_by_role("searchbox")
    # The field must be announced by its label ("What do you need?" / its translation).
    expect(keyword).to_have_accessible_name(re.compile(r"\S"))
    keyword.fill(KEYWORD)
    return form


def _assert_nearest_first_in_guangzhou(page: Page) -> None:
    cards = result_cards(page)
    expect(cards.first).to_be_visible()
    distances = card_distances(page)
    exact = [d for d in distances if d is not None]
    assert exact == sorted(exact), f"Results are not ordered nearest first: {distances}"
    if distances[0] is not None:
        assert distances[0] < NEAR_KM, f"The nearest result is {distances[0]} km away"
    else:  # "in Guangzhou": somewhere in the city, no distance claimed
        expect(cards.first.locator(".place-approximate")).to_contain_text("广州")
    assert "广州" in card_place(cards.first), card_place(cards.first)


def test_search_by_city_then_read_a_profile(page: Page, assert_accessible):
    form = _start_search(page, assert_accessible)
    city = form.get_by_role("combobox")
    expect(city).to_have_accessible_name(re.compile(r"\S"))
    city.select_option(GUANGZHOU_ADCODE)
    expect(city.locator("option:checked")).to_have_text("广州市")
    form.locator("button[type=submit]").click()

    page.wait_for_url(re.compile(r"/directory/\?"))
    params = query_of(page.url)
    assert params.get("q") == [KEYWORD], page.url
    assert params.get("city") == [GUANGZHOU_ADCODE], page.url
    _assert_nearest_first_in_guangzhou(page)
    # Choosing a city limits the list to it, not only the ordering.
    for card in result_cards(page).all():
        assert "广州" in card_place(card), f"A result outside Guangzhou: {card_place(card)!r}"
    assert_accessible(page)

    first = result_cards(page).first.get_by_role("heading").get_by_role("link")
    name = first.inner_text().strip()
    first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    services = page.locator("section[aria-labelledby=services-title]")
    expect(services.get_by_role("heading", level=2)).to_be_visible()
    offered = services.locator(".tier-group li")
    expect(offered.first).to_be_visible()
    assert offered.first.locator("strong").inner_text().strip(), "A listed service has no name"
    types = json_ld_types(page)
    assert types & ORGANIZATION_TYPES, (
        f"JSON-LD @type is {types or 'missing'}, expected an organisation"
    )
    assert_accessible(page)


def test_search_with_my_location(page: Page, assert_accessible):
    form = _start_search(page, assert_accessible)
    # Hidden until locate.js knows the browser can locate; the context grants a Guangzhou fix.
    locate = form.locator("#use-location")
    expect(locate).to_be_visible()
    expect(locate).to_have_accessible_name(re.compile(r"\S"))
    locate.click()

    page.wait_for_url(re.compile(r"/directory/\?.*near="))
    params = query_of(page.url)
    assert params.get("q") == [KEYWORD], page.url
    lat, lng = (float(part) for part in params["near"][0].split(","))
    assert (round(lat, 3), round(lng, 3)) == (23.129, 113.264), page.url
    _assert_nearest_first_in_guangzhou(page)
    # Without a city, the list goes on beyond Guangzhou, still nearest first.
    assert len(result_cards(page).all()) > 5
