"""The directory's result cards as a visitor reads them, now that a point at its city's centre
says "in <city>" instead of a distance it does not have (tests/browser/pages.py has the rest)."""

from playwright.sync_api import Page

from .pages import NUMBER, result_cards


def card_distances(page: Page) -> list[float | None]:
    """Each card's distance in km, in page order; None for a card that names its city instead."""
    cards = result_cards(page)
    distances: list[float | None] = []
    for index in range(cards.count()):
        card = cards.nth(index)
        if card.locator(".place-approximate").count():
            assert card.locator(".distance").count() == 0, f"Result {index + 1} shows both"
            distances.append(None)
            continue
        badge = card.locator(".distance")
        assert badge.count() == 1, (
            f"Result {index + 1} has neither a distance nor its city although the list is "
            "ordered by distance"
        )
        match = NUMBER.search(badge.inner_text())
        assert match, f"Result {index + 1}: no number in the distance badge {badge.inner_text()!r}"
        distances.append(float(match.group()))
    return distances


def exact_distances(page: Page) -> list[float]:
    return [d for d in card_distances(page) if d is not None]
