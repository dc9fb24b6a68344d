from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """Recognition applications (申报书): applicant accounts, the form, the office's review."""

    name = "directory.applications"
    label = "applications"
    verbose_name = _("Recognition applications")
