"""What a new database needs for consultations: the 2026 working calendar and the office's rights.

Loaded after every `migrate` (post_migrate, idempotent), not by a data migration, so that no
migration imports live code.
"""

import datetime

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
# The IP office's groups (Wagtail creates them) handle every point's requests.
OFFICE_GROUPS = ("Editors", "Moderators")
OFFICE_PERMISSIONS = (
    "handle_all_consultations",
    "view_consultationrequest",
    "change_consultationrequest",
)


def calendar_days() -> list[tuple[datetime.date, str, bool]]:
    """(date, name, is_working_day) of the seeded schedule."""
    days = []
    for first, last, name in HOLIDAYS_2026:
        day = datetime.date.fromisoformat(first)
        while day <= datetime.date.fromisoformat(last):
            days.append((day, name, False))
            day += datetime.timedelta(days=1)
    days += [(datetime.date.fromisoformat(d), name, True) for d, name in MAKE_UP_WORKDAYS_2026]
    return days


def load_reference_data(sender, using="default", **kwargs) -> None:
    """post_migrate of the services app; a database that has the calendar keeps its edits."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from .models import CalendarDay

    if not CalendarDay.objects.using(using).exists():
        CalendarDay.objects.using(using).bulk_create(
            CalendarDay(date=date, name=name, is_working_day=working)
            for date, name, working in calendar_days()
        )
    # auth's own post_migrate handler may not have run for this app yet.
    create_permissions(sender, verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="services", codename__in=OFFICE_PERMISSIONS
    )
    for group in Group.objects.using(using).filter(name__in=OFFICE_GROUPS):
        group.permissions.add(*permissions)
