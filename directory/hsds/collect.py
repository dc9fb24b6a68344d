"""What the export reads: the listed points of the default language and the vocabularies.

A fixed number of queries per chunk of points, whatever the number of points or of their
offerings, qualifications and locations (prefetched per chunk by `iterator`).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch

from ..models import (
    Audience,
    NodeLevel,
    PointCategory,
    PointLocation,
    PointOffering,
    Qualification,
    ServiceItem,
    ServicePoint,
)

CHUNK = 2000  # points per round of prefetch queries; bounds the IN lists (SQLite's limit)
ENGLISH = "en"


@dataclass
class Vocabularies:
    categories: list[PointCategory]
    qualifications: list[Qualification]
    node_levels: list[NodeLevel]
    audiences: list[Audience]
    services: list[ServiceItem]
    # English names by translation key (wagtail-localize translations), where they exist.
    english: dict = field(default_factory=dict)

    def name_en(self, item) -> str:
        return self.english.get(item.translation_key, "")


def _default(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def _english_names(*models) -> dict:
    names = {}
    for model in models:
        names.update(
            model.objects.filter(locale__language_code=ENGLISH).values_list(
                "translation_key", "name"
            )
        )
    return names


def vocabularies() -> Vocabularies:
    models = (PointCategory, Qualification, NodeLevel, Audience, ServiceItem)
    return Vocabularies(
        categories=list(_default(PointCategory).select_related("parent")),
        qualifications=list(_default(Qualification)),
        node_levels=list(_default(NodeLevel)),
        audiences=list(_default(Audience)),
        services=list(_default(ServiceItem)),
        english=_english_names(*models),
    )


def listed_points():
    """What the public directory lists (live, active, not view-restricted), in Chinese."""
    return (
        ServicePoint.objects.listed()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("pk")
    )


def points() -> Iterator[ServicePoint]:
    queryset = (
        listed_points()
        .select_related("category", "node_level", "province", "city", "district", "logo")
        .prefetch_related(
            "qualifications",
            "audiences",
            Prefetch(
                "offerings",
                queryset=PointOffering.objects.select_related("service").order_by("sort_order"),
            ),
            Prefetch(
                "locations",
                queryset=PointLocation.objects.select_related("region").order_by("sort_order"),
            ),
        )
    )
    return queryset.iterator(chunk_size=CHUNK)


def english_titles() -> dict:
    """Titles of the points' English pages by translation key (often the Chinese name)."""
    return dict(
        ServicePoint.objects.filter(locale__language_code=ENGLISH).values_list(
            "translation_key", "title"
        )
    )
