"""Run the daily jobs now (cron), or seed the worker's daily task (--enqueue)."""

from django.core.management.base import BaseCommand

from home.core.schedule import daily_jobs, run_daily_jobs
from home.core.schedule_tasks import ensure_next_run


class Command(BaseCommand):
    help = (
        "Run every registered daily job once (for cron). With --enqueue, only make sure the "
        "background worker's daily task is queued for its next run (at most one is waiting)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the worker's next daily run instead of running the jobs here.",
        )

    def handle(self, *args, enqueue, **options):
        if enqueue:
            result = ensure_next_run()
            if result is None:
                self.stdout.write("The next daily run is already queued (or no worker backend).")
            else:
                self.stdout.write(f"Daily run queued for {result.run_after:%Y-%m-%d %H:%M %Z}.")
            return
        for name, result in run_daily_jobs().items():
            self.stdout.write(f"{name}: {result}")
        if not daily_jobs():
            self.stdout.write("No daily jobs are registered.")
