"""Place words in a query: provinces, cities and the regional groupings people type.

The directory owns regions, so it is here that 广州, 广东省 or 粤港澳大湾区 in a keyword become a
set of provinces and cities to look in (directory/understanding.py), instead of words a point's
text must contain. Groupings are the regions of seed 001 (第十条: 京津冀, 长三角, 粤港澳大湾区,
成渝地区双城经济圈; 第十一条: 东部, 中部, 西部, 东北地区) and the usual geographic regions.
They are given by administrative code: two digits for a whole province, six for a city.
"""

import time
from dataclasses import dataclass
from threading import Lock

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from .models import Region
from .reference_cache import generations

_GBA_CITIES = [
    "440100",
    "440300",
    "440400",
    "440600",
    "440700",
    "441200",
    "441300",
    "441900",
    "442000",
]  # 珠三角九市

GROUPINGS: dict[str, tuple[str, ...]] = {
    "京津冀": ("11", "12", "13"),
    "长三角": ("31", "32", "33", "34"),
    "珠三角": tuple(_GBA_CITIES),
    "粤港澳大湾区": (*_GBA_CITIES, "81", "82"),
    # 成渝地区双城经济圈 covers Chongqing and most of Sichuan; the directory takes both whole.
    "成渝": ("50", "51"),
    "港澳": ("81", "82"),
    "华北": ("11", "12", "13", "14", "15"),
    "华东": ("31", "32", "33", "34", "35", "36", "37", "71"),
    "华南": ("44", "45", "46", "81", "82"),
    "华中": ("41", "42", "43"),
    "西南": ("50", "51", "52", "53", "54"),
    "西北": ("61", "62", "63", "64", "65"),
    "东北": ("21", "22", "23"),
    "东部地区": ("11", "12", "13", "31", "32", "33", "35", "37", "44", "46"),
    "中部地区": ("14", "34", "36", "41", "42", "43"),
    "西部地区": ("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
}
ALIASES = {
    "长江三角洲": "长三角",
    "珠江三角洲": "珠三角",
    "大湾区": "粤港澳大湾区",
    "成渝地区": "成渝",
    "成渝地区双城经济圈": "成渝",
    "东北地区": "东北",
}


@dataclass(frozen=True)
class Place:
    """A place word of a query and the regions (Region pks) it stands for."""

    word: str
    label: str
    provinces: frozenset[int] = frozenset()
    cities: frozenset[int] = frozenset()


_lock = Lock()
_places: dict[str, Place] | None = None
_built_for: str | None = None  # the Region generation (reference_cache.py) they were built from
_checked_at = float("-inf")
# A region renamed in another worker shows here within this many seconds; in this one, at once.
RECHECK_SECONDS = 1.0


def place_of(word: str) -> Place | None:
    """The place a query word names, or None. A province wins over a city of the same name
    (吉林 is the province; 吉林市 names the city)."""
    return places().get(word)


def places() -> dict[str, Place]:
    global _places, _built_for, _checked_at
    now = time.monotonic()
    if _places is not None and now - _checked_at < RECHECK_SECONDS:
        return _places
    (generation,) = generations(Region)
    with _lock:
        _checked_at = now
        if _places is None or generation != _built_for:
            _places, _built_for = _build(), generation
        return _places


def forget(**_kwargs) -> None:
    """Regions changed: the place words are read again on next use."""
    global _places
    with _lock:
        _places = None


post_save.connect(forget, sender=Region, dispatch_uid="directory.places.forget")
post_delete.connect(forget, sender=Region, dispatch_uid="directory.places.forget_deleted")


def _build() -> dict[str, Place]:
    rows = list(
        Region.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            level__in=(Region.Level.PROVINCE, Region.Level.CITY),
        ).values_list("pk", "adcode", "name", "short_name", "level")
    )
    province_by_code = {code[:2]: pk for pk, code, _n, _s, level in rows if level == 1}
    city_by_code = {code: pk for pk, code, _n, _s, level in rows if level == 2}
    found: dict[str, Place] = {}
    # Cities first, so that a province of the same short name replaces them.
    for level in (Region.Level.CITY, Region.Level.PROVINCE):
        for pk, _code, name, short, row_level in rows:
            if row_level != level:
                continue
            for word in {name.lower(), (short or "").lower()} - {""}:
                if len(word) < 2:
                    continue
                if level == Region.Level.PROVINCE:
                    found[word] = Place(word, name, provinces=frozenset([pk]))
                elif word not in found:
                    found[word] = Place(word, name, cities=frozenset([pk]))
    for name, codes in GROUPINGS.items():
        found[name] = Place(
            name,
            name,
            provinces=frozenset(province_by_code[c] for c in codes if c in province_by_code),
            cities=frozenset(city_by_code[c] for c in codes if c in city_by_code),
        )
    for alias, name in ALIASES.items():
        found[alias] = Place(alias, name, found[name].provinces, found[name].cities)
    return found
