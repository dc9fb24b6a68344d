from django.core.management.base import BaseCommand

from services.outbox import send_pending


class Command(BaseCommand):
    help = "Send queued e-mails that are due, retrying earlier failures (run it from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit, **options):
        sent, failed = send_pending(limit=limit)
        self.stdout.write(f"sent {sent}, failed {failed}")
