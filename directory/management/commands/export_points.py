from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from directory.io import COLUMNS, FileFormatError, export_rows, write_rows
from directory.io.target import NoDirectoryPage, directory_page_for


class Command(BaseCommand):
    help = "Write the directory's points to a CSV or XLSX file in the import format."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx path; the extension picks the format")
        parser.add_argument("--directory", help="id or slug of the directory page")

    def handle(self, *args, **options):
        try:
            rows = export_rows(directory_page_for(options["directory"]))
            write_rows(options["file"], COLUMNS, rows)
        except (FileFormatError, NoDirectoryPage, OSError) as error:
            raise CommandError(str(error)) from error
        message = _("%(count)s points written to %(file)s.")
        self.stdout.write(
            self.style.SUCCESS(message % {"count": len(rows), "file": options["file"]})
        )
