from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "home.notices"
    label = "notices"
    verbose_name = _("Notices and policy documents")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from directory.lifecycle.signals import point_status_changed
        from home.core.page_cache import clear_page_cache

        from . import decisions, figures
        from .models import NoticeRepost
        from .reposts import register_profile_panel

        register_profile_panel()
        figures.register()
        point_status_changed.connect(
            decisions.on_point_status_changed, dispatch_uid="notices-decision-notice"
        )
        # A repost is listed on the notice and on the point's profile without a publish.
        for signal in (post_save, post_delete):
            signal.connect(
                clear_page_cache,
                sender=NoticeRepost,
                dispatch_uid=f"page-cache-repost-{id(signal)}",
            )
