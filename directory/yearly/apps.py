from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class YearlyConfig(AppConfig):
    """The year of a point: its annual work summary (工作总结表) and its evaluation (效能评价)."""

    name = "directory.yearly"
    label = "yearly"
    verbose_name = _("Annual summaries and evaluation")

    def ready(self):
        from home.core.schedule import register_daily_job

        from .criteria import create_default_criteria, grant_criteria_permissions
        from .prefill import register_directory_figures
        from .reminders import JOB_NAME, send_reminders

        register_directory_figures()
        register_daily_job(JOB_NAME, send_reminders)
        post_migrate.connect(create_default_criteria, sender=self, dispatch_uid="yearly-criteria")
        post_migrate.connect(
            grant_criteria_permissions, sender=self, dispatch_uid="yearly-criteria-perms"
        )
