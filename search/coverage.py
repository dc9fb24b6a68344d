"""Best partial matches: when nothing has every word of a query, what has the most of them."""

import math

from .analysis import split_word


def best_coverage(hits: dict[str, list], size: int) -> tuple[list, tuple[str, ...]]:
    """Order the keys found for each word (`hits`: word → keys, best first) by coverage.

    A word counts by how rare it is among `size` documents (IDF: 东华大学 in one point outweighs
    技术转移 and 中心 in many), so the document a specific word names comes before documents
    sharing only common words; ties go to the better rank. Returns the keys and the words the
    first of them lacks (every word, when nothing matched at all).
    """
    coverage: dict = {}
    best: dict = {}
    for found in hits.values():
        weight = math.log((max(size, 1) + 1) / len(found)) if found else 0.0
        for position, key in enumerate(found):
            coverage[key] = coverage.get(key, 0.0) + weight
            best[key] = min(best.get(key, position), position)
    keys = sorted(coverage, key=lambda key: (-coverage[key], best[key]))
    top = keys[0] if keys else None
    unmatched = tuple(word for word, found in hits.items() if top not in set(found))
    return keys, unmatched


def partial_words(terms) -> list[str]:
    """The words to count matches of: a single long word counts by its parts (北京大学图书馆 →
    北京大学, 图书馆), so a document matching one of them is still found."""
    terms = list(terms)
    if len(terms) == 1:
        return split_word(terms[0]) or terms
    return terms
