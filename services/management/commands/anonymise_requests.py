"""Erase the personal data of requests closed longer ago than the retention period."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from services.handling import anonymise
from services.models import ConsultationRequest, Status

BATCH = 200


def due_for_erasure(days: int, now: datetime.datetime | None = None):
    """Closed more than `days` days ago and not yet erased."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return ConsultationRequest.objects.filter(
        status=Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
    )


class Command(BaseCommand):
    help = (
        "Erase the asker's personal data from requests closed more than "
        "CONSULTATION_RETENTION_DAYS days ago (run it daily from cron). The ledger fields stay."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days (default: the CONSULTATION_RETENTION_DAYS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many requests would be erased."
        )

    def handle(self, *args, days, dry_run, **options):
        days = settings.CONSULTATION_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days cannot be negative.")
        queryset = due_for_erasure(days)
        if dry_run:
            self.stdout.write(f"{queryset.count()} requests would be anonymised (dry run).")
            return
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        done = 0
        # Ids first: writing to the table while a cursor reads it is unsafe on SQLite. Each
        # request is erased in its own transaction, so a failure part-way keeps what was done
        # and the next run carries on.
        for start in range(0, len(ids), BATCH):
            batch = ConsultationRequest.objects.in_bulk(ids[start : start + BATCH])
            for request_obj in batch.values():
                anonymise(request_obj)
                done += 1
        self.stdout.write(f"{done} requests anonymised.")
