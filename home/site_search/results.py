"""The page of results shown: each hit loaded in bulk, with its label, link and snippet.

Queries do not grow with the number of results: pages are loaded per kind in one query each
(points with their category, regions and published services), every text a snippet is cut
from is already on the loaded objects, and links come from the request's cached site roots.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.safestring import SafeString
from wagtail.models import Page

from directory.models import PointOffering, ServicePoint
from home.cases.models import CasePage
from home.events.models import EventPage
from home.notices.models import NoticePage

from .kinds import Kind
from .matching import Hit, SiteMatch
from .snippets import best_text, highlight

KIND_QUERYSETS = {
    Kind.POINT: lambda: (
        ServicePoint.objects.select_related("category", "province", "city")
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("offerings", queryset=PointOffering.objects.select_related("service"))
        )
    ),
    Kind.NOTICE: lambda: NoticePage.objects.all(),
    Kind.CASE: lambda: CasePage.objects.all(),
    Kind.EVENT: lambda: EventPage.objects.all(),
    Kind.PAGE: lambda: Page.objects.specific(),
}


@dataclass(frozen=True)
class Result:
    kind: str
    label: str
    title: str
    url: str
    snippet: SafeString
    pinned: bool = False


def _streamfield_text(value) -> list[str]:
    """The strings of a StreamField's raw data (headings, paragraphs, list items), in order."""
    strings: list[str] = []

    def walk(node):
        if isinstance(node, str):
            if " " in node or len(node) > 3:  # not a choice value like "h2"
                strings.append(node)
        elif isinstance(node, dict):
            walk(node.get("value", node) if "type" in node else list(node.values()))
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    walk(list(getattr(value, "raw_data", []) or []))
    return strings


def page_texts(page) -> list[str]:
    """What a page's snippet may be cut from, best first."""
    texts = [page.search_description]
    if isinstance(page, ServicePoint):
        texts += [page.description, page.get_fallback_description()]
    else:
        texts.append(page.get_fallback_description())
    body = getattr(page, "body", None)
    if isinstance(body, str):
        texts.append(body)
    elif body is not None:
        texts.append(" ".join(_streamfield_text(body)))
    return [text for text in texts if text]


def load_pages(pks_by_kind: dict[str, list[int]]) -> dict[int, Page]:
    pages: dict[int, Page] = {}
    for kind, pks in pks_by_kind.items():
        pages.update(KIND_QUERYSETS[Kind(kind)]().filter(pk__in=pks).in_bulk())
    return pages


def build_results(hits: list[Hit], match: SiteMatch, words, request=None) -> list[Result]:
    pks_by_kind: dict[str, list[int]] = defaultdict(list)
    for hit in hits:
        if hit.source == "page":
            pks_by_kind[hit.kind].append(hit.key)
    pages = load_pages(pks_by_kind)
    results = []
    for hit in hits:
        label = str(Kind(hit.kind).label)
        if hit.source == "service":
            service = match.services[hit.key]
            text = best_text([service.description, service.name], words)
            results.append(
                Result(hit.kind, label, service.name, service.url, highlight(text, words))
            )
        elif hit.source == "link":
            link = match.links[hit.key]
            results.append(
                Result(
                    hit.kind, label, link.title, link.url, highlight(link.description, words), True
                )
            )
        elif (page := pages.get(hit.key)) is not None:
            url = page.get_url(request)
            if not url:
                continue
            text = best_text(page_texts(page), words)
            results.append(
                Result(hit.kind, label, page.title, url, highlight(text, words), hit.pinned)
            )
    return results
