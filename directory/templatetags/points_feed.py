"""`{% points_feed query as feed %}`: the directory's feed links for the query on the page.

Gives {"atom": url, "rss": url, "title": …} for the directory page in the context, or {} when
the page has no feed routes or the query has errors (the feed would answer 400 for it).
"""

from django import template
from django.urls import NoReverseMatch

from ..feeds import ROUTES, feed_path, feed_title

register = template.Library()


@register.simple_tag(takes_context=True)
def points_feed(context, query) -> dict:
    page, request = context.get("page"), context.get("request")
    if page is None or query is None or query.errors:
        return {}
    try:
        urls = {kind: feed_path(page, query, kind, request) for kind in ROUTES}
    except (NoReverseMatch, AttributeError):
        return {}
    return {**urls, "title": feed_title(page, query)}
