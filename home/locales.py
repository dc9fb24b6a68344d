"""The English tree: a synchronised copy of the Chinese one, kept in step by wagtail-localize."""

from django.conf import settings
from wagtail.models import Locale


def ensure_locale_trees() -> None:
    """Create every secondary locale and alias the default tree into it.

    Aliases show the Chinese content with the English interface until an editor translates a
    page with wagtail-localize; new pages are aliased by wagtail-localize's after-create hook.
    """
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import synchronize_tree

    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == source.language_code:
            continue
        target, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=target, defaults={"sync_from": source})
        synchronize_tree(source, target)


def alias_new_page(page) -> None:
    """Give a page created outside the admin (importer, shell) its aliases in synced locales."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    create_aliases_for_new_page(page)
