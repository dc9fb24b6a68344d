"""Data for 0004: a cancellation token for every existing registration, and no two live
registrations of one event with the same phone or e-mail (0004's unique constraints).

Of duplicates the first registration stays; the later ones are marked cancelled (kept, so the
organisers still see them in the CSV). No one is promoted from the waiting list here: a
migration sends no e-mail; the next cancellation promotes as usual.
"""

import secrets

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    for registration in Registration.objects.filter(cancel_token__isnull=True).only("pk"):
        Registration.objects.filter(pk=registration.pk).update(
            cancel_token=secrets.token_urlsafe(24)
        )
    seen = set()
    duplicates = []
    live = Registration.objects.exclude(status="cancelled").order_by("created_at", "pk")
    for registration in live.only("pk", "event_id", "phone", "email"):
        keys = set()
        if registration.phone:
            keys.add((registration.event_id, "phone", registration.phone))
        if registration.email:
            keys.add((registration.event_id, "email", registration.email.lower()))
        if keys & seen:
            duplicates.append(registration.pk)
        else:
            seen |= keys
    if duplicates:
        Registration.objects.filter(pk__in=duplicates).update(
            status="cancelled", cancelled_at=timezone.now()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_registration_cancel_token_language"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
