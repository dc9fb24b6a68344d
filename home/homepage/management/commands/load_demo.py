from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from home.homepage.demo import load_demo


class Command(BaseCommand):
    help = (
        "Set up the home page, the directory and the demo points (real names, made-up details), "
        "demo consultation requests, notices (the seed documents), cases, events and pages. "
        "Safe to run again: existing points are updated, never duplicated."
    )

    def handle(self, *args, **options):
        try:
            report, created, editorial = load_demo()
        except ValueError as error:
            raise CommandError(_("The demo data does not import:") + f"\n{error}") from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo consultation requests added: %(count)s") % {"count": created}
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo notices, cases, events and pages added: %(notices)s, %(cases)s, "
                    "%(events)s, %(pages)s"
                )
                % editorial
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo applications, change reports and verifications, annual summaries and "
                    "evaluations added: %(applications)s, %(lifecycle)s, %(yearly)s"
                )
                % editorial
            )
        )
