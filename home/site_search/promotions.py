"""Editors' pinned results (wagtail.contrib.search_promotions), matched like the search reads.

A query string an editor saves is stored in its canonical form (normalise.py), and the
visitor's query is looked up in that form too, so "專利 檢索" pins what "专利检索" finds. Queries
saved before this app, or whose canonical form another row already holds (the table keeps
query strings unique), are still found: the lookup compares canonical forms of every query
that has pins, a short list.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from .normalise import canonical_query

# The office groups that edit the site's content also choose its pinned results.
EDITOR_GROUPS = ("Editors", "Moderators")
PROMOTION_PERMISSIONS = ("add_searchpromotion", "change_searchpromotion", "delete_searchpromotion")


@dataclass(frozen=True)
class Pin:
    """One pinned result: a page (by translation key, shown in the visitor's language) or a link."""

    translation_key: str | None = None
    url: str = ""
    title: str = ""
    description: str = ""


def normalise_saved_query(sender, instance: Query, **kwargs) -> None:
    """pre_save of Query: store the canonical form unless another row already has it."""
    canonical = canonical_query(instance.query_string)
    if not canonical or canonical == instance.query_string:
        return
    taken = Query.objects.filter(query_string=canonical)
    if instance.pk:
        taken = taken.exclude(pk=instance.pk)
    if not taken.exists():
        instance.query_string = canonical


def pins_for(query: str) -> list[Pin]:
    """The pins of every saved query whose canonical form is the query's, in editors' order."""
    key = canonical_query(query)
    if not key:
        return []
    pinned = Query.objects.filter(editors_picks__isnull=False).distinct()
    ids = [
        pk for pk, text in pinned.values_list("pk", "query_string") if canonical_query(text) == key
    ]
    if not ids:
        return []
    promotions = (
        SearchPromotion.objects.filter(query_id__in=ids)
        .select_related("page")
        .order_by("query_id", "sort_order", "pk")
    )
    pins, seen = [], set()
    for promotion in promotions:
        if promotion.page_id:
            pin = Pin(
                translation_key=str(promotion.page.translation_key),
                description=promotion.description,
            )
            marker = pin.translation_key
        elif promotion.external_link_url:
            pin = Pin(
                url=promotion.external_link_url,
                title=promotion.external_link_text or promotion.external_link_url,
                description=promotion.description,
            )
            marker = pin.url
        else:
            continue
        if marker not in seen:
            seen.add(marker)
            pins.append(pin)
    return pins


def grant_promotion_permissions(sender, **kwargs) -> None:
    """post_migrate: the office's editing groups may pin results (idempotent).

    The permissions are created first: Django creates them in a post_migrate handler of its own,
    which may run after this one on a fresh database."""
    create_permissions(apps.get_app_config("wagtailsearchpromotions"), verbosity=0)
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailsearchpromotions", codename__in=PROMOTION_PERMISSIONS
        )
    )
    if not permissions:
        return
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)
