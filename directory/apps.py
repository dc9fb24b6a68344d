from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory of service points")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
        from wagtail.signals import page_published, page_unpublished

        from home.core.page_cache import clear_page_cache

        from . import changes, reference_cache
        from .facts import forget_checks
        from .models import (
            Audience,
            NodeLevel,
            PointCategory,
            PointLocation,
            PointOffering,
            Qualification,
            Region,
            ServiceItem,
            ServicePoint,
        )
        from .vocabularies import load_reference_data

        post_migrate.connect(load_reference_data, sender=self, dispatch_uid="directory-reference")
        changes.connect()
        # Facet names and other reference rows in the shared cache are read again after a change.
        changes.reference_changed.connect(
            reference_cache.forget, dispatch_uid="directory-reference-cache"
        )
        # Every page shows vocabulary names (badges, facets, the header's navigation).
        changes.reference_changed.connect(clear_page_cache, dispatch_uid="page-cache-reference")

        # Writes in this process show in the directory at once; other processes re-check
        # within a second (directory/facts.py). Only the models the facts are built from.
        for signal in (page_published, page_unpublished):
            signal.connect(forget_checks, sender=ServicePoint, dispatch_uid=f"facts-{id(signal)}")
        for model in (
            ServicePoint,
            PointOffering,
            PointLocation,
            ServiceItem,
            PointCategory,
            Qualification,
            NodeLevel,
            Audience,
            Region,
        ):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_checks, sender=model, dispatch_uid=f"facts-{model.__name__}-{id(signal)}"
                )
        for through in (ServicePoint.qualifications.through, ServicePoint.audiences.through):
            m2m_changed.connect(forget_checks, sender=through, dispatch_uid=f"facts-{through}")

        # The open-data files (/open-data/) are rebuilt once a day by the worker.
        from .hsds.jobs import register as register_hsds_export

        register_hsds_export()
