from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomepageConfig(AppConfig):
    name = "home.homepage"
    label = "home"
    verbose_name = _("Home and standard pages")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from services.models import ConsultationRequest

        from .context_processors import forget_navigation
        from .figures import forget_consultations

        # The header's links to the section pages (any page class: the receiver checks it).
        for signal in (page_published, page_unpublished, post_page_move, post_delete):
            signal.connect(forget_navigation, dispatch_uid=f"home-navigation-{id(signal)}")
        # The home page's question figures; its directory figures are keyed by version instead.
        for signal in (post_save, post_delete):
            signal.connect(
                forget_consultations,
                sender=ConsultationRequest,
                dispatch_uid=f"home-consultations-{id(signal)}",
            )
