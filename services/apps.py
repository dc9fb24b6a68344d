from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Services and consultations")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from directory.changes import reference_changed
        from directory.lifecycle.signals import point_status_changed
        from directory.models import ServicePoint
        from directory.opening import forget_calendar, register_calendar
        from directory.yearly.figures import register_summary_figures
        from home.core.mail import register_mail_sender
        from home.core.schedule import register_daily_job

        from . import lifecycle, outbox, panels
        from .error_reports import handling as error_reports
        from .error_reports import panels as error_report_panels
        from .forms import forget_city_choices
        from .reference_data import load_reference_data
        from .staff import create_group_for_new_point

        panels.register()
        error_report_panels.register()
        # A suspended or revoked point's open questions go to the point routing picks now.
        point_status_changed.connect(
            lifecycle.on_point_status_changed, dispatch_uid="services-reroute-open-requests"
        )
        register_summary_figures(
            "consultations", lifecycle.summary_figures, labels=lifecycle.FIGURE_LABELS, order=20
        )
        register_daily_job(
            "services.erase_error_report_contacts", error_reports.erase_closed_contacts
        )
        # The directory's point lifecycle sends its mail through the outbox (home/core/mail.py).
        register_mail_sender(outbox.enqueue)
        # Open now / closed on profiles and result cards follows the holidays and make-up days.
        from .models import CalendarDay
        from .working_hours import calendar_from_db

        register_calendar(calendar_from_db)
        for signal in (post_save, post_delete):
            signal.connect(
                forget_calendar, sender=CalendarDay, dispatch_uid=f"calendar-{id(signal)}"
            )
        post_migrate.connect(load_reference_data, sender=self, dispatch_uid="services-reference")
        # Renamed or deleted regions, once committed (directory/changes.py).
        reference_changed.connect(forget_city_choices, dispatch_uid="city-choices")
        post_save.connect(
            create_group_for_new_point, sender=ServicePoint, dispatch_uid="point-staff-group"
        )
