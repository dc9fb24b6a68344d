"""Catalogue services (directory.ServiceItem) as search results and suggestions.

The catalogue is small (about fifty items a language), so it is matched here in Python, in one
query, on the same normal form as the pages: a service is found when each of the query's words
is in its name or description. A result links to the directory filtered by that service.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from directory.filters import MAX_QUERY_LENGTH
from directory.models import ServiceItem
from directory.selectors import directory_page
from search.analysis import normalize, split_word


@dataclass(frozen=True)
class CatalogueService:
    pk: int
    code: str
    name: str
    description: str
    url: str


def catalogue(locale, request=None) -> list[CatalogueService]:
    """The locale's catalogue, or the default language's when it has none (as the directory)."""
    items = list(
        ServiceItem.objects.filter(locale=locale).only("pk", "code", "name", "description")
    )
    if not items and locale.language_code != settings.LANGUAGE_CODE:
        default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
        items = list(
            ServiceItem.objects.filter(locale__in=default).only("pk", "code", "name", "description")
        )
    directory = directory_page(locale)
    base = directory.get_url(request) if directory else ""
    return [
        CatalogueService(
            item.pk, item.code, item.name, item.description, f"{base}?service={item.code}"
        )
        for item in items
        if base
    ]


def matching_services(services: list[CatalogueService], terms) -> list[CatalogueService]:
    """Services holding every word, those whose name holds them all first."""
    words = [normalize(term) for term in terms if term.strip()]
    if not words:
        return []
    by_name, by_text = [], []
    for service in services:
        name = normalize(service.name)
        text = name + " " + normalize(service.description)
        if all(word in name for word in words):
            by_name.append(service)
        elif all(word in text for word in words):
            by_text.append(service)
    return by_name + by_text


def related_services(services: list[CatalogueService], terms, limit: int = 6):
    """Services whose names share a word (or a part of one) with the query: for no results."""
    words = set()
    for term in terms:
        term = normalize(term)
        if len(term) >= 2:
            words.add(term)
            words.update(part for part in split_word(term) if len(part) >= 2)
    if not words:
        return []
    return [s for s in services if any(word in normalize(s.name) for word in words)][:limit]


def services_starting(services: list[CatalogueService], typed: str, limit: int):
    """For autocomplete: names starting with what was typed, then names containing it."""
    typed = "".join(normalize(typed[:MAX_QUERY_LENGTH]).split())
    if not typed:
        return []
    starting = [s for s in services if normalize(s.name).startswith(typed)]
    containing = [s for s in services if typed in normalize(s.name) and s not in starting]
    return (starting + containing)[:limit]
