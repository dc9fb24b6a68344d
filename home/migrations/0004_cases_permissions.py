"""The case library's permissions on an existing site.

- The IP office's Editors and Moderators may mark a case as excellent practice (优秀实践).
- Every point's staff group may add cases under the case index(es) that exist now; indexes
  made later grant it themselves (home/hooks/cases.py), and so does `ensure_staff_group` for
  groups made later (home/cases.py: grant_case_permissions).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these are needed now.
    for label in ("home", "wagtailcore"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    feature = Permission.objects.get(content_type__app_label="home", codename="feature_case")
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(feature)

    Locale = apps.get_model("wagtailcore", "Locale")
    CaseIndexPage = apps.get_model("home", "CaseIndexPage")
    ServicePoint = apps.get_model("directory", "ServicePoint")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    from django.conf import settings

    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        return
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    indexes = CaseIndexPage.objects.filter(alias_of__isnull=True, locale=default)
    group_ids = set(
        ServicePoint.objects.exclude(staff_group=None).values_list("staff_group_id", flat=True)
    )
    for index in indexes:
        for group_id in group_ids:
            GroupPagePermission.objects.get_or_create(
                group_id=group_id, page_id=index.pk, permission=add_page
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_editorial_content"),
        ("directory", "0004_servicepoint_staff_group"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
