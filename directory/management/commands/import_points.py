from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from directory.io import FileFormatError, import_points, read_rows
from directory.io.target import NoDirectoryPage, directory_page_for


class Command(BaseCommand):
    help = (
        "Create or update service points from a CSV or XLSX file (see README, “Import format”). "
        "All or nothing: one bad row and nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv (UTF-8) or .xlsx file")
        parser.add_argument("--directory", help="id or slug of the directory page")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report, save nothing"
        )

    def handle(self, *args, **options):
        try:
            directory = directory_page_for(options["directory"])
            rows = read_rows(options["file"])
        except (FileFormatError, NoDirectoryPage, OSError) as error:
            raise CommandError(str(error)) from error
        report = import_points(rows, directory_page=directory, dry_run=options["dry_run"])
        if not report.ok:
            # CommandError exits non-zero; the report goes to stderr with it.
            lines = [str(e) for e in report.errors]
            raise CommandError("\n".join([_("Nothing was imported:"), *lines]))
        self.stdout.write(self.style.SUCCESS(report.summary()))
