"""The site search's keyword, read the way the directory reads it, and its partial matches.

The query goes through the directory's understanding (directory/understanding.py: Traditional
characters, question words, pinyin), so the site search and the directory agree on what a
keyword means. Place words stay words here: notices, cases and events have no region. When no
page has every word, the pages with the most of them are listed, a rare word counting more than
a common one, and the page says which words the best of them lacks.
"""

from dataclasses import dataclass

from wagtail.models import Page

from directory.understanding import UnderstoodQuery, understand
from search.coverage import best_coverage, partial_words

# Pages read per word for the partial matches: enough for the pages a visitor looks at.
PARTIAL_HITS_PER_WORD = 200


class PagesInOrder:
    """Pages by key in a fixed order, loaded (specific) only for the slice a Paginator takes."""

    def __init__(self, pks: list[int]):
        self.pks = pks

    def __len__(self) -> int:
        return len(self.pks)

    def count(self) -> int:
        return len(self.pks)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        pks = self.pks[index]
        by_pk = Page.objects.filter(pk__in=pks).specific().in_bulk()
        return [by_pk[pk] for pk in pks if pk in by_pk]


@dataclass(frozen=True)
class SiteMatch:
    understood: UnderstoodQuery
    results: object
    partial: bool = False
    unmatched: tuple[str, ...] = ()


def site_search(pages, query: str) -> SiteMatch:
    """Search `pages` (a Page queryset) for the keyword."""
    understood = understand(query)
    results = pages.specific().search(understood.text or query)
    atoms = partial_words(understood.terms)
    if len(atoms) < 2 or results.count():
        return SiteMatch(understood, results)

    hits = {atom: [p.pk for p in pages.search(atom)[:PARTIAL_HITS_PER_WORD]] for atom in atoms}
    pks, unmatched = best_coverage(hits, pages.count())
    return SiteMatch(understood, PagesInOrder(pks), partial=True, unmatched=unmatched)
