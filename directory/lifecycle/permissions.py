"""The office's right over every point's life, granted after every `migrate` (post_migrate,
idempotent), as services/reference_data.py grants the inbox's."""

from .access import OFFICE_GROUPS


def grant_office_permission(sender, using="default", **kwargs) -> None:
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # auth's own post_migrate handler may not have run for this app yet.
    create_permissions(sender, verbosity=0, using=using)
    permission = Permission.objects.using(using).filter(
        content_type__app_label="lifecycle", codename="manage_points"
    )
    for group in Group.objects.using(using).filter(name__in=OFFICE_GROUPS):
        group.permissions.add(*permission)
