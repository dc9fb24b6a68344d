from django.core.management.base import BaseCommand

from home.site_search.querylog import prune, retention_days


class Command(BaseCommand):
    help = "Delete the site search's query log older than SEARCH_QUERY_LOG_DAYS (or --days)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="keep this many days instead")

    def handle(self, *args, days=None, **options):
        days = retention_days() if days is None else days
        deleted = prune(days)
        self.stdout.write(f"Deleted {deleted} logged queries older than {days} days.")
