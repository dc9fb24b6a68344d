from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "home.notices"
    label = "notices"
    verbose_name = _("Notices and policy documents")

    def ready(self):
        from .reposts import register_profile_panel

        register_profile_panel()
