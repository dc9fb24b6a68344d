from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory of service points")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from .facts import forget_checks

        # Writes in this process show in the directory at once; other processes re-check
        # within a second (directory/facts.py).
        for signal in (page_published, page_unpublished, post_save, post_delete):
            signal.connect(forget_checks, dispatch_uid=f"directory-facts-{id(signal)}")
