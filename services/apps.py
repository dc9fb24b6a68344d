from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Services and consultations")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from directory.changes import reference_changed
        from directory.models import ServicePoint
        from home.core.mail import register_mail_sender

        from . import outbox, panels
        from .forms import forget_city_choices
        from .reference_data import load_reference_data
        from .staff import create_group_for_new_point

        panels.register()
        # The directory's point lifecycle sends its mail through the outbox (home/core/mail.py).
        register_mail_sender(outbox.enqueue)
        post_migrate.connect(load_reference_data, sender=self, dispatch_uid="services-reference")
        # Renamed or deleted regions, once committed (directory/changes.py).
        reference_changed.connect(forget_city_choices, dispatch_uid="city-choices")
        post_save.connect(
            create_group_for_new_point, sender=ServicePoint, dispatch_uid="point-staff-group"
        )
