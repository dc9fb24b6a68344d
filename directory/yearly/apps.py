from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YearlyConfig(AppConfig):
    """The year of a point: its annual work summary (工作总结表) and its evaluation (效能评价)."""

    name = "directory.yearly"
    label = "yearly"
    verbose_name = _("Annual summaries and evaluation")
