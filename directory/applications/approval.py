"""Approval: an application becomes a recognised point, published in the directory (名录).

One transaction creates the profile page from the application's sections, publishes it,
makes the applicant the point's staff account and records the decision. Only after it has
committed do the others hear of it (`point_recognised`: the case library turns the typical
cases into draft case pages) and is the applicant mailed, so a rollback announces nothing.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale

from home.core.locales import alias_new_page
from home.core.mail import queue_mail

from ..io.text import pinyin_slug, text_to_html, unique_slug
from ..lifecycle.signals import log_failed_receivers, point_recognised
from ..models import DirectoryIndexPage, PointOffering, ServicePoint
from .models import Application, ApplicationStaffMember, ApplicationStatus
from .review import ReviewError, applicant_url, check_allowed, lock_application


def target_directory(application: Application) -> DirectoryIndexPage:
    """The office's directory, or the site's default-locale directory."""
    directory = application.office.directory
    if directory is None:
        directory = DirectoryIndexPage.objects.filter(locale=Locale.get_default()).first()
    if directory is None:
        raise ReviewError(_("There is no directory page to publish the point in."))
    return directory


def recognition_note(application: Application) -> str:
    return _("Recognised on application by %(office)s") % {"office": application.office.name}


def build_point(
    application: Application,
    directory: DirectoryIndexPage,
    *,
    level: str,
    date: datetime.date,
) -> ServicePoint:
    """An unsaved ServicePoint filled from the application's sections."""
    if application.category_id is None:
        raise ReviewError(_("The application names no category; it cannot become a point."))
    if ServicePoint.objects.child_of(directory).filter(title=application.organisation).exists():
        # The directory and the importer match points by name: two of one name are ambiguous.
        raise ReviewError(
            _("A point named “%(name)s” is already in the directory.")
            % {"name": application.organisation}
        )
    taken = set(directory.get_children().values_list("slug", flat=True))
    point = ServicePoint(
        title=application.organisation,
        slug=unique_slug(pinyin_slug(application.organisation), taken),
        locale_id=directory.locale_id,
        kind=ServicePoint.Kind.POINT,
        nature=application.nature,
        # The sub-kind (e.g. 代理服务机构) is the more precise category where it was given.
        category_id=application.subkind_id or application.category_id,
        recognition_level=level,
        recognition_date=date,
        status=ServicePoint.Status.ACTIVE,
        province_id=application.province_id,
        city_id=application.city_id,
        district_id=application.district_id,
        address=application.address,
        contact_person=application.contact_person,
        phone=application.phone,
        email=application.email,
        website=application.website,
        wechat_account=application.wechat_account,
        staff_total=application.staff_total,
        staff_full_time=application.staff_full_time,
        staff_part_time=application.staff_part_time,
        service_area_m2=application.service_area_m2,
        databases=application.databases,
        description=text_to_html(application.strengths),
        is_demo=application.is_demo,
    )
    # The note is a short field: the office's name may be long.
    note_field = ServicePoint._meta.get_field("recognition_note")
    point.recognition_note = recognition_note(application)[: note_field.max_length]
    if hasattr(point, "head_name"):
        point.head_name = application.head_name or _head_from_team(application)
    # Parental many-to-many fields and child relations are held in memory until the save.
    point.qualifications.set(
        [held.qualification for held in application.qualifications.select_related("qualification")]
    )
    point.audiences.set(application.audiences.all())
    for service in application.services.all():
        point.offerings.add(
            PointOffering(service_id=service.service_id, tier=service.tier, fee=service.fee)
        )
    return point


def _head_from_team(application: Application) -> str:
    head = application.team.filter(role=ApplicationStaffMember.Role.HEAD).first()
    return head.name if head else ""


def approve(
    application: Application,
    *,
    user,
    level: str | None = None,
    date: datetime.date | None = None,
    reason: str = "",
) -> ServicePoint:
    """under review / site visit → approved: create, publish and hand over the point."""
    with transaction.atomic():
        lock_application(application)
        check_allowed(application, "approve")
        directory = target_directory(application)
        level = level or application.office.level
        date = date or timezone.localdate()
        point = build_point(application, directory, level=level, date=date)
        directory.add_child(instance=point)
        point.save_revision(user=user, log_action=True).publish(user=user)
        alias_new_page(point)
        # The staff group was made by the services layer's post_save handler of the new page.
        point.refresh_from_db()
        if point.staff_group_id:
            application.applicant.groups.add(point.staff_group)

        application.status = ApplicationStatus.APPROVED
        application.point = point
        application.decided_at = timezone.now()
        application.decided_by = user
        application.decision_reason = (reason or "").strip()
        application.save(
            update_fields=[
                "status",
                "point",
                "decided_at",
                "decided_by",
                "decision_reason",
                "updated_at",
            ]
        )
        log(
            application,
            "applications.approve",
            user=user,
            data={
                "point_id": point.pk,
                "level": level,
                "date": date.isoformat(),
                "reason": application.decision_reason,
            },
        )
        _mail_recognised(application, point)
        # The point is committed: a listener that fails (the case drafts) is logged rather
        # than turning the office's approval into an error page.
        transaction.on_commit(
            lambda: log_failed_receivers(
                point_recognised.send_robust(
                    sender=Application, point=point, application=application, user=user
                ),
                "point_recognised",
            )
        )
    return point


def _mail_recognised(application: Application, point: ServicePoint) -> None:
    email = application.applicant.email or application.email
    if not email:
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[point.pk])
    with translation.override(settings.LANGUAGE_CODE):
        body = "\n".join(
            [
                _("Congratulations: “%(organisation)s” is recognised as a %(level)s service point.")
                % {"organisation": point.title, "level": point.get_recognition_level_display()},
                "",
                _("Your profile is published in the directory: %(url)s")
                % {"url": point.get_full_url() or ""},
                _(
                    "Sign in with your applicant account to keep the profile and the service "
                    "list up to date: %(url)s"
                )
                % {"url": admin_url},
                "",
                _("The application: %(url)s") % {"url": applicant_url(application)},
            ]
        )
        subject = _("Your organisation is recognised as a service point")
    # queue_mail sends after the commit (the outbox); a rollback sends nothing.
    queue_mail(kind="application", to=email, subject=subject, body=body)
