from django.core.management.base import BaseCommand

from home.events.registrations import erase_expired_registrations


class Command(BaseCommand):
    help = (
        "Delete event registrations (personal data) once their event ended more than "
        "EVENT_REGISTRATION_RETENTION_DAYS ago; run it daily from cron."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{erase_expired_registrations()} registrations deleted.")
