"""Reading the directory's pages the way a visitor sees them, in either interface language.

Selectors rely on roles, ids and classes the templates define, never on translated text, so the
journeys hold whether the zh-hans or the English catalogue is active.
"""

import json
import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Locator, Page, expect

NUMBER = re.compile(r"\d+(?:\.\d+)?")
ORGANIZATION_TYPES = {"Organization", "GovernmentOrganization"}


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def home_search_form(page: Page) -> Locator:
    # The header also holds a role=search form (site search); the home one is the one in <main>.
    return page.locator("main form[role=search]")


def result_cards(page: Page) -> Locator:
    return page.locator("article.point-card")


def result_total(page: Page) -> int:
    """The number in "找到 N 家服务网点" / "N service points found"."""
    text = page.locator("p.result-count").inner_text()
    match = NUMBER.search(text)
    assert match, f"No count in the result summary {text!r}"
    return int(match.group())


def card_distances(page: Page) -> list[float]:
    """The distance badge of every result card, in kilometres, in page order."""
    cards = result_cards(page)
    distances = []
    for index in range(cards.count()):
        badge = cards.nth(index).locator(".distance")
        assert badge.count() == 1, (
            f"Result {index + 1} has no distance badge although the list is ordered by distance"
        )
        text = badge.inner_text()
        match = NUMBER.search(text)
        assert match, f"Result {index + 1}: no number in the distance badge {text!r}"
        distances.append(float(match.group()))
    return distances


def card_place(card: Locator) -> str:
    """The "category · province city" line under a card's title."""
    return card.locator("p.small").first.inner_text()


def json_ld_types(page: Page) -> set[str]:
    types: set[str] = set()
    for raw in page.locator('script[type="application/ld+json"]').all_text_contents():
        data = json.loads(raw)
        items = data if isinstance(data, list) else [data]
        for item in items:
            for node in [item, *item.get("@graph", [])]:
                kind = node.get("@type", [])
                types.update([kind] if isinstance(kind, str) else kind)
    return types


# --- Consultations ------------------------------------------------------------------------

# services.models.consultations: 12 characters without 0/O, 1/I/L, shown in groups of four.
TRACKING_CODE = re.compile(r"^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$")


def consultation_form(page: Page) -> Locator:
    return page.locator("form#consultation-form")


def field_error(form: Locator, name: str) -> Locator:
    """The `.invalid-feedback` crispy-forms (Bootstrap 5) renders for the field `name`."""
    return form.locator(f"#id_{name}_error.invalid-feedback")


def assert_field_error(form: Locator, name: str) -> None:
    """The field is marked invalid and its message is shown and announced with it."""
    error = field_error(form, name)
    expect(error).to_be_visible()
    expect(error).not_to_have_text(re.compile(r"^\s*$"))
    field = form.locator(f"[name={name}]").first
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", re.compile(rf"\bid_{name}_error\b"))
