"""Resolve what an editor types (a code, a Chinese name, a short name, an adcode) to objects.

Everything is loaded once per import, so a file of a thousand rows costs a handful of queries.
"""

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wagtail.models import Locale

from ..models import (
    Audience,
    FeeKind,
    NodeLevel,
    PointCategory,
    Qualification,
    Region,
    ServiceItem,
    ServicePoint,
    Tier,
)

# Choice labels are English in the source; the offices' own words are accepted too.
CHOICE_ALIASES = {
    "kind": {"网点": "point", "服务网点": "point", "节点": "node"},
    "recognition_level": {
        "国家级": "national",
        "省级": "provincial",
        "市级": "city",
        "区县级": "district",
        "区级": "district",
        "县级": "district",
        "其他": "other",
    },
    "status": {"正常": "active", "运行": "active", "暂停": "suspended", "撤销": "revoked"},
    "open_days": {
        "周一至周五": "Mo-Fr",
        "工作日": "Mo-Fr",
        "周一至周六": "Mo-Sa",
        "每天": "Mo-Su",
        "周一至周日": "Mo-Su",
    },
    "tier": {
        "基础": "basic",
        "基础性": "basic",
        "基础性服务": "basic",
        "低成本专业化": "professional",
        "低成本专业化服务": "professional",
        "专业化": "professional",
        "增值": "value_added",
        "增值服务": "value_added",
    },
    "fee": {
        "免费": "free",
        "低收费": "low_cost",
        "低成本": "low_cost",
        "收费": "low_cost",
        "面议": "negotiable",
        "协商": "negotiable",
    },
}
CHOICES = {
    "kind": ServicePoint.Kind,
    "recognition_level": ServicePoint.RecognitionLevel,
    "status": ServicePoint.Status,
    "open_days": ServicePoint.OpenDays,
    "tier": Tier,
    "fee": FeeKind,
}
CATEGORY_SUFFIXES = ("类服务网点", "服务网点", "类")


def key(value: str) -> str:
    """Compare text the way people mean it: full-width = half-width, case and spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", str(value)).casefold().split())


class Vocabulary:
    """Items reachable by any of their keys (code, name, short name, …)."""

    def __init__(self, items: Iterable, keys_of: Callable[[object], Iterable[str]]):
        self.by_key: dict = {}
        for item in items:
            for k in keys_of(item):
                if k:
                    self.by_key.setdefault(key(k), item)

    def get(self, value: str):
        return self.by_key.get(key(value))


def choice_value(field: str, value: str) -> str | None:
    """The stored value of a choice typed as its value, its label or a Chinese alias."""
    wanted = key(value)
    for stored, label in CHOICES[field].choices:
        if wanted in (key(stored), key(label)):
            return stored
    aliases = {key(k): v for k, v in CHOICE_ALIASES[field].items()}
    return aliases.get(wanted)


def _category_keys(category: PointCategory) -> list[str]:
    keys = [category.code, category.name, category.slug]
    for suffix in CATEGORY_SUFFIXES:
        if category.name.endswith(suffix):
            keys.append(category.name.removesuffix(suffix))
    return keys


@dataclass
class Lookups:
    categories: Vocabulary
    qualifications: Vocabulary
    audiences: Vocabulary
    node_levels: Vocabulary
    services: Vocabulary
    regions: "RegionIndex"

    @classmethod
    def load(cls, locale: Locale | None = None) -> "Lookups":
        # Reference data lives in the default locale; translations are for display only.
        locale = locale or Locale.get_default()

        def of(model):
            return model.objects.filter(locale=locale)

        return cls(
            categories=Vocabulary(of(PointCategory), _category_keys),
            qualifications=Vocabulary(of(Qualification), lambda q: [q.code, q.name, q.short_name]),
            audiences=Vocabulary(of(Audience), lambda a: [a.code, a.name]),
            node_levels=Vocabulary(of(NodeLevel), lambda n: [n.code, n.name]),
            services=Vocabulary(of(ServiceItem), lambda s: [s.code, s.name]),
            regions=RegionIndex(of(Region)),
        )


class RegionIndex:
    """Provinces by name, short name or adcode; cities within their province; districts within
    their city (names repeat across China: 朝阳区 is in Beijing and in Changchun)."""

    def __init__(self, regions: Iterable[Region]):
        self.provinces: dict[str, Region] = {}
        self.children: dict[tuple[int, str], Region] = {}
        for region in regions:
            keys = [region.adcode, region.name, region.short_name]
            for k in filter(None, keys):
                if region.level == Region.Level.PROVINCE:
                    self.provinces.setdefault(key(k), region)
                else:
                    self.children.setdefault((region.parent_id, key(k)), region)

    def province(self, value: str) -> Region | None:
        return self.provinces.get(key(value))

    def child(self, parent: Region, value: str) -> Region | None:
        return self.children.get((parent.pk, key(value)))
