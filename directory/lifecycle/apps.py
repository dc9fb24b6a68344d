from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LifecycleConfig(AppConfig):
    """Change reports, verification, filing (备案) and status decisions of recognised points."""

    name = "directory.lifecycle"
    label = "lifecycle"
    verbose_name = _("Point lifecycle")
