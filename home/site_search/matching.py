"""What the site search finds for a keyword: pinned results, catalogue services, then pages.

The query goes through the directory's understanding (directory/understanding.py: Traditional
characters, question words, pinyin), so the site search and the directory agree on what a
keyword means. Place words stay words here: notices, cases and events have no region. When no
page has every word, the pages with the most of them are listed, a rare word counting more than
a common one, and the page says which words the best of them lacks.

The whole match is a list of keys and kinds (`Hit`), cheap to count per kind and to page
through; only the page of results shown is loaded (results.py).
"""

import functools
import hashlib
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page

from directory.understanding import UnderstoodQuery, understand
from home.core.page_cache import page_cache
from search.analysis import query_terms
from search.coverage import best_coverage, partial_words
from search.ranking import keyword_rank

from .catalogue import CatalogueService, catalogue, matching_services
from .kinds import Kind, kind_of_model
from .promotions import Pin, pins_for
from .visibility import visible_pages

# Pages ranked per search: far more than anybody pages through.
MAX_HITS = 2000
# How long a query's ranked pages are kept at most (a publish renews them at once anyway).
RANKED_SECONDS = 600
# Pages read per word for the partial matches (before the visibility filter).
PARTIAL_HITS_PER_WORD = 1000


@dataclass(frozen=True)
class Hit:
    kind: str
    # A page's pk, a catalogue service's pk, or the position of an external pinned link.
    key: int
    source: str = "page"  # "page", "service" or "link"
    pinned: bool = False


@dataclass(frozen=True)
class SiteMatch:
    understood: UnderstoodQuery
    hits: list[Hit]
    partial: bool = False
    unmatched: tuple[str, ...] = ()
    services: dict[int, CatalogueService] = field(default_factory=dict)
    links: list[Pin] = field(default_factory=list)
    catalogue: list[CatalogueService] = field(default_factory=list)

    def of_kind(self, kind: str | None) -> list[Hit]:
        return [hit for hit in self.hits if hit.kind == kind] if kind else self.hits

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(Kind.values, 0)
        for hit in self.hits:
            counts[hit.kind] += 1
        return counts


@functools.cache
def _kind_of_content_type(content_type_id: int) -> str:
    # Content types never change id while the process runs; a search can have 2,000 hits.
    return kind_of_model(ContentType.objects.get_for_id(content_type_id).model_class())


def _kinds(rows) -> dict[int, str]:
    """{pk: kind} from (pk, content_type_id) rows."""
    return {pk: _kind_of_content_type(ct) for pk, ct in rows}


def _ranked_pages(pool, text: str, limit: int, locale=None) -> list[tuple[int, str]]:
    """(pk, kind) of the visible pages matching `text`, best first.

    Kept in the cache until the next publish: the key carries the page cache's generation
    (home/core/page_cache.py), which every publish, unpublish, move or delete renews, so a
    repeated query skips the full-text ranking and never outlives a change.
    """
    digest = hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
    key = f"site-search:ranked:{page_cache().generation()}:{getattr(locale, 'pk', '')}:{limit}:{digest}"
    found = cache.get(key)
    if found is not None:
        return found
    ranked = [pk for pk, _score in keyword_rank(Page, text, limit=limit)]
    result = []
    if ranked:
        kinds = _kinds(pool.filter(pk__in=ranked).values_list("pk", "content_type_id"))
        result = [(pk, kinds[pk]) for pk in ranked if pk in kinds]
    cache.set(key, result, RANKED_SECONDS)
    return result


def site_search(query: str, locale, request=None) -> SiteMatch:
    """Search the pages the public may see in `locale`, and the catalogue, for the keyword."""
    understood = understand(query)
    pool = visible_pages(locale)
    pages = _ranked_pages(pool, understood.text or query, MAX_HITS, locale)
    partial, unmatched = False, ()
    atoms = partial_words(understood.terms)
    if not pages and len(atoms) >= 2:
        ranked = {
            atom: [pk for pk, _s in keyword_rank(Page, atom, PARTIAL_HITS_PER_WORD)]
            for atom in atoms
        }
        everything = {pk for pks in ranked.values() for pk in pks}
        kinds = _kinds(pool.filter(pk__in=everything).values_list("pk", "content_type_id"))
        hits = {atom: [pk for pk in pks if pk in kinds] for atom, pks in ranked.items()}
        pks, unmatched = best_coverage(hits, pool.count())
        pages = [(pk, kinds[pk]) for pk in pks]
        partial = bool(pages)

    services_list = catalogue(locale, request)
    services = matching_services(services_list, understood.text_terms)
    if not services and understood.readings:
        # A name read as its Chinese original (patent navigation → 专利导航) is found in an
        # English catalogue as it was typed.
        services = matching_services(services_list, query_terms(query))

    pins = pins_for(query)
    pinned: list[Hit] = []
    links: list[Pin] = []
    keys = [pin.translation_key for pin in pins if pin.translation_key]
    by_key: dict[str, tuple[int, int]] = {}
    kinds: dict[int, str] = {}
    if keys:
        found = pool.filter(translation_key__in=keys).values_list(
            "translation_key", "pk", "content_type_id"
        )
        by_key = {str(key): (pk, ct) for key, pk, ct in found}
        kinds = _kinds(by_key.values())
    for pin in pins:
        if pin.translation_key and pin.translation_key in by_key:
            pk = by_key[pin.translation_key][0]
            pinned.append(Hit(kinds[pk], pk, "page", pinned=True))
        elif pin.url:
            pinned.append(Hit(Kind.PAGE.value, len(links), "link", pinned=True))
            links.append(pin)
    pinned_pks = {hit.key for hit in pinned if hit.source == "page"}

    hits = [
        *pinned,
        *(Hit(Kind.SERVICE.value, service.pk, "service") for service in services),
        *(Hit(kind, pk) for pk, kind in pages if pk not in pinned_pks),
    ]
    return SiteMatch(
        understood,
        hits,
        partial=partial and bool(pages),
        unmatched=unmatched,
        services={service.pk: service for service in services_list},
        links=links,
        catalogue=services_list,
    )
