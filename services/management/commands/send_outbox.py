from django.conf import settings
from django.core.management.base import BaseCommand

from services.outbox import prune_sent, send_pending


class Command(BaseCommand):
    help = (
        "Send queued e-mails that are due (the catch-up for mail the background worker did not "
        "send) and delete sent ones older than OUTBOX_RETENTION_DAYS (run it from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit, **options):
        sent, failed = send_pending(limit=limit)
        deleted = prune_sent()
        self.stdout.write(
            f"sent {sent}, failed {failed}; deleted {deleted} sent more than "
            f"{settings.OUTBOX_RETENTION_DAYS} days ago"
        )
