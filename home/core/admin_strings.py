"""Admin strings of Wagtail and its add-ons that their own Chinese catalogues leave in English.

Never imported: `makemessages` finds these msgids here and keeps them in our catalogue, whose
translations take precedence over the packages' (LOCALE_PATHS), so an editor working in Chinese
meets no English menu items or buttons. Check a package upgrade against this list: a msgid the
package renames here silently stops matching.
"""

from django.utils.translation import gettext_noop

THIRD_PARTY_ADMIN_STRINGS = [
    # Wagtail 8.0: the Reports menu and the help menu
    gettext_noop("Page types usage"),
    gettext_noop("Shortcuts"),
    gettext_noop("What's new in Wagtail %(version)s"),
    # wagtail-localize: its Reports menu item
    gettext_noop("Translations"),
    # wagtail-cache: its Settings menu item and page
    gettext_noop("Cache"),
    # Wagtail 8.0: the page editor's autosave indicator, side panel and footer
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Toggle checks"),
    gettext_noop("Actions (footer)"),
    # Wagtail 8.0: the dashboard
    gettext_noop("Search all pages…"),
    gettext_noop("Edit account avatar"),
]
