from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LifecycleConfig(AppConfig):
    """Change reports, verification, filing (备案) and status decisions of recognised points."""

    name = "directory.lifecycle"
    label = "lifecycle"
    verbose_name = _("Point lifecycle")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save
        from wagtail.models import PageLogEntry
        from wagtail.signals import task_rejected

        from home.core.schedule import register_daily_job

        from ..yearly.figures import register_summary_figures
        from .figures import LABELS, lifecycle_figures
        from .permissions import grant_office_permission
        from .reports import on_log_entry_saved, on_task_rejected
        from .verification import send_verification_reminders

        post_migrate.connect(grant_office_permission, sender=self, dispatch_uid="lifecycle-perm")
        post_save.connect(
            on_log_entry_saved, sender=PageLogEntry, dispatch_uid="lifecycle-report-published"
        )
        task_rejected.connect(on_task_rejected, dispatch_uid="lifecycle-report-rejected")
        register_daily_job("point-verification-reminders", send_verification_reminders)
        register_summary_figures("lifecycle", lifecycle_figures, labels=LABELS, order=20)
