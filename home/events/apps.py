from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "home.events"
    label = "events"
    verbose_name = _("Events and registrations")

    def ready(self):
        from . import figures

        figures.register()
