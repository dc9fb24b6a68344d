"""Seed the working calendar with the State Council's 2026 holiday schedule, and let the IP
office's Editors and Moderators handle every point's consultation requests."""

import datetime

from django.contrib.auth.management import create_permissions
from django.db import migrations

# 国务院办公厅关于2026年部分节假日安排的通知; editors add each new year's list in the admin.
HOLIDAYS_2026 = [
    ("2026-01-01", "2026-01-03", "元旦"),
    ("2026-02-15", "2026-02-23", "春节"),
    ("2026-04-04", "2026-04-06", "清明节"),
    ("2026-05-01", "2026-05-05", "劳动节"),
    ("2026-06-19", "2026-06-21", "端午节"),
    ("2026-09-25", "2026-09-27", "中秋节"),
    ("2026-10-01", "2026-10-07", "国庆节"),
    # New Year's Day is a statutory holiday whatever the next schedule says.
    ("2027-01-01", "2027-01-01", "元旦"),
]
MAKE_UP_WORKDAYS_2026 = [
    ("2026-01-04", "元旦调休上班"),
    ("2026-02-14", "春节调休上班"),
    ("2026-02-28", "春节调休上班"),
    ("2026-05-09", "劳动节调休上班"),
    ("2026-09-20", "国庆节调休上班"),
    ("2026-10-10", "国庆节调休上班"),
]


def seed(apps, schema_editor):
    CalendarDay = apps.get_model("services", "CalendarDay")
    for first, last, name in HOLIDAYS_2026:
        day = datetime.date.fromisoformat(first)
        while day <= datetime.date.fromisoformat(last):
            CalendarDay.objects.update_or_create(
                date=day, defaults={"name": name, "is_working_day": False}
            )
            day += datetime.timedelta(days=1)
    for date, name in MAKE_UP_WORKDAYS_2026:
        CalendarDay.objects.update_or_create(
            date=datetime.date.fromisoformat(date), defaults={"name": name, "is_working_day": True}
        )

    # Permissions are normally created after all migrations; this one is needed now.
    app_config = apps.get_app_config("services")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    codenames = ["handle_all_consultations", "view_consultationrequest", "change_consultationrequest"]
    permissions = Permission.objects.filter(
        content_type__app_label="services", codename__in=codenames
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0003_consultations"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
