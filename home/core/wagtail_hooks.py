"""The page cache's rules, given to wagtail-cache through its hooks (home/core/page_cache.py),
and two third-party admin menu labels translated per request."""

from wagtail import hooks

from .page_cache import is_request_cacheable, is_response_cacheable

hooks.register("is_request_cacheable", is_request_cacheable)
hooks.register("is_response_cacheable", is_response_cacheable)


# Two menu items of Wagtail and wagtail-localize translate their label once, when the menu is
# first built in the process, so a worker whose first admin visitor read English would show
# them in English to everyone after. Their label is translated again on every request.
def _relabelled(item, label: str):
    import copy

    item = copy.copy(item)  # the registered item is shared by every request of the process
    item.label = label
    return item


@hooks.register("construct_reports_menu")
def translate_translations_report_item(request, menu_items):
    from django.utils.translation import gettext
    from wagtail_localize.wagtail_hooks import TranslationsReportMenuItem

    for i, item in enumerate(menu_items):
        if isinstance(item, TranslationsReportMenuItem):
            menu_items[i] = _relabelled(item, gettext("Translations"))


@hooks.register("construct_help_menu")
def translate_whats_new_item(request, menu_items):
    from django.utils.translation import gettext
    from wagtail.utils.version import get_main_version

    version = get_main_version(include_patch=False)
    for i, item in enumerate(menu_items):
        if item.name == f"whats-new-in-wagtail-{version}":
            label = gettext("What's new in Wagtail %(version)s") % {"version": version}
            menu_items[i] = _relabelled(item, label)
