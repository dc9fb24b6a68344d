"""Pages across languages: the English tree (kept in step by wagtail-localize), a page's
default-locale original and its version in another locale."""

from django.conf import settings
from wagtail.models import Locale


def ensure_locale_trees() -> None:
    """Create every secondary locale and alias the default tree into it.

    Aliases show the Chinese content with the English interface until an editor translates a
    page with wagtail-localize; new pages are aliased by wagtail-localize's after-create hook.
    """
    from wagtail.models import Page
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import synchronize_tree

    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == source.language_code:
            continue
        target, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=target, defaults={"sync_from": source})
        before = set(Page.objects.filter(locale=target).values_list("pk", flat=True))
        synchronize_tree(source, target)
        _reindex(Page.objects.filter(locale=target).exclude(pk__in=before))


def _reindex(pages) -> None:
    # An alias is indexed when it is first saved, before its many-to-many relations
    # (qualifications, audiences) are copied from the original: index it again once they are,
    # or the English tree's search misses what those relations say.
    from wagtail.search import index

    for page in pages.specific().iterator():
        index.insert_or_update_object(page)


def alias_new_page(page) -> None:
    """Give a page created outside the admin (importer, shell) its aliases in synced locales."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    create_aliases_for_new_page(page)
    _reindex(page.aliases.all())


def source_page(page):
    """The default-locale original of a page (not an alias, not a translation)."""
    model = type(page)
    if page.alias_of_id:
        page = model.objects.get(pk=page.alias_of_id)
    default = Locale.get_default()
    if page.locale_id != default.pk:
        page = (
            model.objects.filter(translation_key=page.translation_key, locale=default).first()
            or page
        )
    return page


def localized_pages(pages, locale) -> list:
    """`pages` in `locale` where a live version exists there (one query), else as they are."""
    pages = list(pages)
    if not pages or all(p.locale_id == locale.pk for p in pages):
        return pages
    model = type(pages[0])
    found = {
        p.translation_key: p
        for p in model.objects.live().filter(
            locale=locale, translation_key__in=[p.translation_key for p in pages]
        )
    }
    return [found.get(p.translation_key, p) for p in pages]
