"""Language tags: the switcher's links, the hreflang alternates and `lang` on Chinese text."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from home.core.language_urls import (
    alternate_links,
    bcp47,
    default_locale_id,
    is_chinese_only,
    language_links,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def language_switch_links(context):
    """The current address in every language (path, sub-route and query string kept)."""
    request = context.get("request")
    if request is None:
        return []
    return language_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """(hreflang, absolute URL) pairs: every language the content exists in, then x-default."""
    request = context.get("request")
    if request is None:
        return []
    return alternate_links(request, context.get("page"), context.get("canonical_url") or "")


def _default_locale(context) -> int | None:
    # Once per request: a page of cards asks for every card.
    request = context.get("request")
    cached = getattr(request, "_default_locale_id", None) if request is not None else None
    if cached is None:
        cached = default_locale_id()
        if request is not None:
            request._default_locale_id = cached
    return cached


@register.simple_tag(takes_context=True)
def zh_lang(context, obj):
    """` lang="zh-Hans"` on an element whose text is Chinese-only, when the page is not Chinese.

    `obj` is the page or object the text belongs to (a point, an untranslated page), or the text
    itself. Screen readers then read it with a Chinese voice (WCAG 3.1.2).
    """
    if (get_language() or settings.LANGUAGE_CODE).lower().startswith("zh"):
        return ""
    if not is_chinese_only(obj, _default_locale(context)):
        return ""
    return format_html(' lang="{}"', bcp47(settings.LANGUAGE_CODE))
