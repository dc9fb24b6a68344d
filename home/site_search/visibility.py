"""The pages the site search may show: never a draft, a private page, another language's page,
or a revoked or suspended point (nor anything under one)."""

from django.db.models import Q
from wagtail.models import Page

from directory.models import ServicePoint


def hidden_points():
    """Points the public must not find by search: revoked (as the directory) and suspended."""
    return ServicePoint.objects.exclude(status=ServicePoint.Status.ACTIVE)


def visible_pages(locale):
    pages = Page.objects.live().public().filter(locale=locale)
    hidden = hidden_points()
    pages = pages.exclude(pk__in=hidden.values("pk"))
    # Points have no children today; should one ever get some, they go with it.
    parents = list(hidden.filter(numchild__gt=0).values_list("path", flat=True))
    if parents:
        under = Q()
        for path in parents:
            under |= Q(path__startswith=path)
        pages = pages.exclude(under)
    return pages
