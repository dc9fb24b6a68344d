"""What a keyword typed into the directory or the site search asks for.

search.analysis cuts the query the way the index is cut (Traditional → Simplified, full-width
folded, a space inside a word dropped, question and stop words out). This module adds what only
the directory knows, because it owns regions and points:

- pinyin becomes the place or point word it spells (guangzhou → 广州, qinghua → 清华), from
  the names of the regions and of the listed points;
- English names become the Chinese names they translate: a region's `name_en` (Inner
  Mongolia → 内蒙古, Harbin → 哈尔滨) and the English translations of catalogue services,
  categories and qualifications of two words or more (patent navigation → 专利导航, so the
  published service lists answer it). Single English words are matched through the English
  glossary of search.analysis (patent → 专利), as synonyms;
- place words (广州, 广东省, 粤港澳大湾区, 长三角) become regions to look in: a point matches
  such a word by being there, or by having it in its text (中国（宁德）知识产权保护中心 for
  宁德, and 大连理工大学成都研究院, which is in Chengdu, for 大连).
"""

import logging
import re
from dataclasses import dataclass, field
from threading import Lock

from django.conf import settings
from pypinyin import lazy_pinyin

from search.analysis import index_tokens, query_terms

from .models import PointCategory, Qualification, Region, ServiceItem, ServicePoint
from .places import Place, place_of, places
from .reference_cache import generations

logger = logging.getLogger(__name__)

_LATIN = re.compile(r"^[a-z]+$")
_CJK_WORD = re.compile(r"^[\u3400-\u9fff]{2,}$")


@dataclass(frozen=True)
class UnderstoodQuery:
    """A keyword as the directory searches it."""

    original: str
    # Every content word of the query, place words included, pinyin turned into characters.
    terms: tuple[str, ...]
    # The places it names, in the order typed.
    places: tuple[Place, ...] = ()
    # Pinyin words and what they were read as (guangzhou → 广州), to tell the visitor.
    readings: dict[str, str] = field(default_factory=dict)

    @property
    def text_terms(self) -> tuple[str, ...]:
        """The words that are not place words: what a point's text must contain."""
        place_words = {place.word for place in self.places}
        return tuple(term for term in self.terms if term not in place_words)

    @property
    def text(self) -> str:
        return " ".join(self.terms)


def understand(q: str, version: tuple | None = None) -> UnderstoodQuery:
    terms = []
    readings = {}
    words = query_terms(q)
    i = 0
    while i < len(words):
        term, used = words[i], 1
        if _LATIN.match(term):
            # The longest run of Latin words that spells one name (beijing daxue → 北京大学),
            # else the word alone (guangzhou → 广州).
            for end in range(len(words), i, -1):
                run = words[i:end]
                if all(_LATIN.match(w) for w in run):
                    reading = pinyin_reading("".join(run), version)
                    if reading:
                        readings[" ".join(run)] = reading
                        term, used = reading, end - i
                        break
        if term not in terms:
            terms.append(term)
        i += used
    places = tuple(place for term in terms if (place := place_of(term)) is not None)
    return UnderstoodQuery(q, tuple(terms), places, readings)


# --- Pinyin --------------------------------------------------------------------------------

_pinyin_lock = Lock()
_pinyin: tuple[tuple, dict[str, str]] | None = None


def pinyin_reading(word: str, version: tuple | None = None) -> str | None:
    """The region or point word spelled by `word` in toneless pinyin, or None.

    `version` is the directory facts' version (the current one when None)."""
    if version is None:
        from .facts import get_facts
        from .listing import directory_locale

        version = get_facts(directory_locale().pk).version
    return pinyin_words(version).get(word)


def pinyin_words(version: tuple = ()) -> dict[str, str]:
    """{pinyin: word} for the names of provinces, cities and the words of listed points' names.

    Built once per version of the published points (`version`, the directory facts' version),
    on the first query typed in Latin letters. Where two words sound alike, a region's name
    wins, then the word found in more point names.
    """
    global _pinyin
    # English names come from the reference rows: a renamed translation is read again too.
    version = (version, generations(*ENGLISH_MODELS))
    cached = _pinyin
    if cached is not None and cached[0] == version:
        return cached[1]
    with _pinyin_lock:
        if _pinyin is not None and _pinyin[0] == version:
            return _pinyin[1]
        words = _build_pinyin_words()
        for english, chinese in english_names().items():
            words.setdefault(english, chinese)
        _pinyin = (version, words)
        return words


def preload() -> None:
    """Build the place words, the facts and the pinyin tables now, before the workers fork.

    Called once at WSGI start (config/wsgi.py). They read the database: a server started on an
    empty or not yet migrated database still starts, and builds them on first use instead.
    """
    from django.core.exceptions import ObjectDoesNotExist
    from django.db import DatabaseError

    from .facts import get_facts
    from .listing import directory_locale

    try:
        places()
        pinyin_words(get_facts(directory_locale().pk).version)
    except (DatabaseError, ObjectDoesNotExist) as error:
        logger.warning("Directory warm-up skipped (%s): built on first use instead.", error)


def _build_pinyin_words() -> dict[str, str]:
    counts: dict[str, int] = {}
    titles = ServicePoint.objects.listed().filter(locale__language_code=settings.LANGUAGE_CODE)
    for title in titles.values_list("title", flat=True):
        for word in set(index_tokens(title)):
            if _CJK_WORD.match(word):
                counts[word] = counts.get(word, 0) + 1
    regions = Region.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        level__in=(Region.Level.PROVINCE, Region.Level.CITY),
    ).values_list("short_name", flat=True)
    region_words = {name for name in regions if name and _CJK_WORD.match(name)}
    found: dict[str, str] = {}
    ordered = sorted(counts, key=lambda w: -counts[w])
    for word in [*sorted(region_words), *ordered]:
        found.setdefault("".join(lazy_pinyin(word)).lower(), word)
    return found


# --- English names -------------------------------------------------------------------------

ENGLISH_MODELS = (Region, ServiceItem, PointCategory, Qualification)
_NOT_LETTER = re.compile(r"[^a-z]+")
_BRACKETS = re.compile(r"\s*\(.*?\)")


def spelled(text: str) -> str:
    """An English name as the Latin words of a query spell it when run together
    (Xi'an → xian, Inner Mongolia → innermongolia, "IP analysis" → ipanalysis)."""
    return _NOT_LETTER.sub("", text.lower())


def english_names() -> dict[str, str]:
    """{spelled English name: the Chinese word or name it translates}.

    Provinces and cities by `name_en` (to their short name, a place word); catalogue services,
    categories and qualifications by their translations' names of two words or more (to the
    Chinese name: a single English word is a glossary word, not a name).
    """
    default = settings.LANGUAGE_CODE
    found: dict[str, str] = {}
    regions = Region.objects.filter(
        locale__language_code=default, level__in=(Region.Level.PROVINCE, Region.Level.CITY)
    ).exclude(name_en="")
    for name_en, short, name in regions.values_list("name_en", "short_name", "name"):
        word = short or name
        for form in {name_en, name_en.removesuffix(" SAR")}:
            if (key := spelled(form)) and _CJK_WORD.match(word):
                found.setdefault(key, word)
    for model in (ServiceItem, PointCategory, Qualification):
        chinese = dict(
            model.objects.filter(locale__language_code=default).values_list(
                "translation_key", "name"
            )
        )
        translated = model.objects.exclude(locale__language_code=default).values_list(
            "translation_key", "name"
        )
        for key, english in translated:
            if len(english.split()) < 2 or key not in chinese:
                continue
            # "Technology and Innovation Support Centre (TISC)" is typed without its brackets.
            for form in (english, _BRACKETS.sub("", english)):
                found.setdefault(spelled(form), chinese[key])
    return found
