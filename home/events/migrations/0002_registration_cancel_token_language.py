from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="language",
            field=models.CharField(default="zh-hans", max_length=10, verbose_name="language"),
        ),
        migrations.AddField(
            model_name="registration",
            name="cancelled_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="cancelled"),
        ),
        # Nullable first: the existing rows get their own token in 0003 (a default would give
        # them all the same one), 0004 then makes it required and unique.
        migrations.AddField(
            model_name="registration",
            name="cancel_token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
    ]
