"""The points a keyword finds, in order, and what the visitor should be told about it.

1. The words are understood (directory/understanding.py): pinyin read, place words found.
2. Points matching every word, best first (the search backend's ranking, directory/ranking.py).
   A place word is matched by a point in that place or with the word in its text; points in
   the place come first.
3. When no point matches every word, the points matching most words, best coverage first (a
   rare word counts more than a common one), and the words the best of them lacks, so the page can say so instead of showing nothing.

Results are cached per keyword and version of the published points (a common word's ranking
costs ~100 ms at 10,000 points).
"""

from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from search.coverage import best_coverage, partial_words
from search.fallback import search_status

from .facts import DirectoryFacts
from .models import ServicePoint
from .ranking import rank
from .understanding import UnderstoodQuery, understand

MAX_KEYWORD_HITS = 20000
KEYWORD_CACHE_SIZE = 256
_cache: OrderedDict[tuple, "KeywordMatch"] = OrderedDict()
# Threaded workers share the cache: reordering and evicting must not interleave.
_lock = Lock()


@dataclass(frozen=True)
class KeywordMatch:
    understood: UnderstoodQuery
    # The matching points' keys, best first.
    ids: list[int] = field(default_factory=list)
    # True when no point matched every word and `ids` are the best partial matches.
    partial: bool = False
    # Words no point matched (shown to the visitor when `partial`).
    unmatched: tuple[str, ...] = ()

    @property
    def place_labels(self) -> list[str]:
        return list(dict.fromkeys(place.label for place in self.understood.places))


def keyword_match(q: str, facts: DirectoryFacts) -> KeywordMatch | None:
    if not q:
        return None
    key = (q, facts.version)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    # Computed outside the lock: two threads may rank one new keyword twice, never wrongly.
    with search_status() as search:
        match = _match(understand(q, facts.version), facts)
    if search.degraded:
        # Ranked by the fallback backend while the search cluster is down: not kept, so the
        # cluster's ranking comes back with it (and each page says the results may be partial).
        return match
    with _lock:
        _cache[key] = match
        while len(_cache) > KEYWORD_CACHE_SIZE:
            _cache.popitem(last=False)
    return match


def _ranked(words) -> list[int]:
    text = " ".join(words)
    if not text:
        return []
    return [pk for pk, _score in rank(ServicePoint, text, limit=MAX_KEYWORD_HITS)]


def region_mask(understood: UnderstoodQuery, facts: DirectoryFacts) -> int:
    mask = 0
    for place in understood.places:
        for pk in place.provinces:
            mask |= facts.province.get(pk, 0)
        for pk in place.cities:
            mask |= facts.city.get(pk, 0)
    return mask


def _in_mask(pks, mask: int, facts: DirectoryFacts) -> list[int]:
    index_of = facts.index_of
    return [pk for pk in pks if pk in index_of and mask >> index_of[pk] & 1]


def _match(understood: UnderstoodQuery, facts: DirectoryFacts) -> KeywordMatch:
    if not understood.terms:
        return KeywordMatch(understood)
    whole = _ranked(understood.terms)  # place words as text too
    if not understood.places:
        if whole:
            return KeywordMatch(understood, whole)
        return _partial(understood, facts)

    mask = region_mask(understood, facts)
    if understood.text_terms:
        there = _in_mask(_ranked(understood.text_terms), mask, facts)
    else:
        # Only place words: every point there, those naming the place first.
        named = set(whole)
        there = sorted((facts.pks[i] for i in facts.indices(mask)), key=lambda pk: pk not in named)
    seen = set(there)
    ids = there + [pk for pk in whole if pk not in seen]
    if ids:
        return KeywordMatch(understood, ids)
    return _partial(understood, facts)


def _partial(understood: UnderstoodQuery, facts: DirectoryFacts) -> KeywordMatch:
    atoms = partial_words(understood.terms)
    mask = region_mask(understood, facts) if understood.places else 0
    place_words = {place.word for place in understood.places}
    hits: dict[str, list[int]] = {}
    for atom in atoms:
        found = _ranked([atom])
        if atom in place_words:
            found = [*_in_mask(facts.pks, mask, facts), *found]
        hits[atom] = list(dict.fromkeys(found))
    ids, unmatched = best_coverage(hits, len(facts.pks))
    return KeywordMatch(understood, ids, partial=True, unmatched=unmatched)
