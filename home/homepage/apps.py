from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomepageConfig(AppConfig):
    name = "home.homepage"
    label = "home"
    verbose_name = _("Home and standard pages")
