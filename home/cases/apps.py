from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "home.cases"
    label = "cases"
    verbose_name = _("Case library")

    def ready(self):
        # Connected here, not in wagtail_hooks (loaded only with the admin), so that a case
        # index made by a shell or a command grants staff their permission too.
        from django.db.models.signals import post_migrate, post_save

        from directory.lifecycle.signals import point_recognised
        from directory.models import ServicePoint
        from services.staff import staff_group_ready

        from . import figures, from_application, pages, permissions
        from .models import CaseIndexPage

        pages.register_profile_panel()
        figures.register()
        point_recognised.connect(
            from_application.on_point_recognised, dispatch_uid="cases-from-application"
        )
        post_migrate.connect(
            permissions.grant_office_feature_permission, sender=self, dispatch_uid="cases-office"
        )
        post_save.connect(
            permissions.grant_staff_on_new_case_index,
            sender=CaseIndexPage,
            dispatch_uid="case-index-staff-permissions",
        )
        staff_group_ready.connect(
            permissions.grant_on_staff_group_ready,
            sender=ServicePoint,
            dispatch_uid="case-staff-permissions",
        )
