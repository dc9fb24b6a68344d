from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    name = "home.site_search"
    label = "site_search"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.contrib.search_promotions.models import Query

        from .promotions import grant_promotion_permissions, normalise_saved_query

        pre_save.connect(normalise_saved_query, sender=Query, dispatch_uid="site_search_query")
        post_migrate.connect(
            grant_promotion_permissions, sender=self, dispatch_uid="site_search_permissions"
        )
