from importlib import import_module

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        # The search cluster's client library is imported now rather than in the first search,
        # which would otherwise pay it (1–2 s) on top of the cluster's timeout when it is down.
        from search.fallback import BACKEND_PATH

        for conf in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).values():
            if conf.get("BACKEND") == BACKEND_PATH and conf.get("PRIMARY"):
                import_module(conf["PRIMARY"]["BACKEND"])
