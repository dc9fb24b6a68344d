"""Build the HSDS 3.0 export now (the daily job does it too) and make it the current download."""

from django.core.management.base import BaseCommand, CommandError

from directory.hsds import jobs


class Command(BaseCommand):
    help = "Export the directory as HSDS 3.0 (JSON data package and CSV zip) into storage."

    def add_arguments(self, parser):
        parser.add_argument(
            "--validate",
            action="store_true",
            help="Check every row against the HSDS 3.0 JSON schemas before publishing.",
        )

    def handle(self, *args, validate=False, **options):
        if validate:
            from directory.hsds.validation import validate_current_data

            errors = validate_current_data()
            if errors:
                for error in errors[:50]:
                    self.stderr.write(error)
                raise CommandError(f"{len(errors)} rows do not validate; nothing was published.")
        build = jobs.build()
        for kind, entry in sorted(build.files.items()):
            self.stdout.write(f"{kind}: {entry['name']} ({entry['size']} bytes)")
        self.stdout.write(self.style.SUCCESS(f"Exported {build.points} points."))
