from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base layer every feature builds on: users, images, site settings, the base page."""

    name = "home.core"
    label = "core"
    verbose_name = _("Site core")

    def ready(self):
        from .page_cache import connect_invalidation

        connect_invalidation()
