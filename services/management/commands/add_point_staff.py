import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from directory.models import ServicePoint
from services.staff import ensure_staff_group


class Command(BaseCommand):
    help = (
        "Give a user (created if needed) access to a point's profile and consultation inbox. "
        "Editors can do the same in the admin: Settings → Users → the point's staff group."
    )

    def add_arguments(self, parser):
        parser.add_argument("point", help="the point's exact name or its page slug")
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-env",
            metavar="VARIABLE",
            help="read a new user's password from this environment variable "
            "(without it a new user gets no usable password and must reset it)",
        )

    def handle(self, *args, point, username, email, password_env, **options):
        points = ServicePoint.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        found = points.filter(title=point).first() or points.filter(slug=point).first()
        if found is None:
            raise CommandError(f"No point named or with slug “{point}”.")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": email}
        )
        if created:
            password = os.environ.get(password_env, "") if password_env else ""
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            user.save()
        user.groups.add(ensure_staff_group(found))
        self.stdout.write(
            self.style.SUCCESS(
                f"{username} now serves {found.title} ({'new' if created else 'existing'} user)."
            )
        )
