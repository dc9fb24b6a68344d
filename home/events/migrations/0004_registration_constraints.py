import django.db.models
from django.db import migrations, models

import home.events.models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_registration_tokens_and_duplicates"),
    ]

    operations = [
        migrations.AlterField(
            model_name="registration",
            name="cancel_token",
            field=models.CharField(
                default=home.events.models.new_cancel_token,
                editable=False,
                max_length=64,
                unique=True,
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                condition=django.db.models.Q(
                    ("status", "cancelled"), _negated=True
                )
                & django.db.models.Q(("phone", ""), _negated=True),
                fields=("event", "phone"),
                name="events_registration_one_per_phone",
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                condition=django.db.models.Q(("status", "cancelled"), _negated=True)
                & django.db.models.Q(("email", ""), _negated=True),
                fields=("event", "email"),
                name="events_registration_one_per_email",
            ),
        ),
    ]
