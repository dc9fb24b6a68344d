from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def grant_review_permission(sender, using="default", **kwargs) -> None:
    """post_migrate: the office's groups (Editors, Moderators) may review applications."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from ..lifecycle.access import OFFICE_GROUPS

    # auth's own post_migrate handler may not have run for this app yet.
    create_permissions(sender, verbosity=0, using=using)
    permission = Permission.objects.using(using).get(
        content_type__app_label="applications", codename="review_application"
    )
    for group in Group.objects.using(using).filter(name__in=OFFICE_GROUPS):
        group.permissions.add(permission)


class ApplicationsConfig(AppConfig):
    """Recognition applications (申报书): applicant accounts, the form, the office's review."""

    name = "directory.applications"
    label = "applications"
    verbose_name = _("Recognition applications")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .defaults import ensure_default_office

        post_migrate.connect(
            grant_review_permission, sender=self, dispatch_uid="applications-review-permission"
        )
        post_migrate.connect(
            ensure_default_office, sender=self, dispatch_uid="applications-default-office"
        )
