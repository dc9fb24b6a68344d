"""Publicity notices (公示): the points recognised in a period, made public for objections.

Seed 003 (Guangzhou guide): the office makes the points it intends to recognise public for a
period in which anyone may object through a stated channel, and announces revocations
(第二十一条 "公开通报"). These functions draft such notices under the notice index, unpublished:
the office reviews each draft in the page editor and publishes it (or sends it to moderation).
The admin view (publicity_views.py) and the decision signal (decisions.py) call them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale

from directory.models import Region, ServicePoint

from .models import NoticeIndexPage, NoticeKind, NoticePage, PublicityMatter, RegionScope

DEFAULT_WORKING_DAYS = 5


def add_working_days(start: datetime.date, days: int, calendar=None) -> datetime.date:
    """The last day of a period of `days` working days from `start`, which counts if it is one:
    the working calendar's days (services/working_hours.py: Monday to Friday, minus public
    holidays, plus make-up working days), so a 公示 over 国庆节 lasts as long as one in June."""
    from services.working_hours import calendar_from_db

    calendar = calendar or calendar_from_db()
    day, counted = start, 0
    for _step in range(3660):  # a calendar without working days must not loop forever
        if calendar.is_working_day(day):
            counted += 1
            if counted >= days:
                return day
        day += datetime.timedelta(days=1)
    return day


def notice_index() -> NoticeIndexPage | None:
    """The default locale's notice index, where drafts are made (translations follow)."""
    return NoticeIndexPage.objects.filter(
        locale=Locale.get_default(), alias_of__isnull=True
    ).first()


def recognised_points(first_day: datetime.date, last_day: datetime.date):
    """Active default-locale points whose recognition date falls in [first_day, last_day]."""
    return (
        ServicePoint.objects.filter(
            locale=Locale.get_default(),
            alias_of__isnull=True,
            status=ServicePoint.Status.ACTIVE,
            recognition_date__range=(first_day, last_day),
        )
        .select_related("city", "province")
        .order_by("recognition_date", "title")
    )


def scope_of(region: Region | None) -> tuple[str, Region | None]:
    """The notice's region scope for an office's region (a district counts as its city)."""
    if region is None:
        return RegionScope.NATIONAL, None
    if region.level == Region.Level.DISTRICT and region.parent_id:
        region = region.parent
    if region.level == Region.Level.PROVINCE:
        return RegionScope.PROVINCE, region
    if region.level == Region.Level.CITY:
        return RegionScope.CITY, region
    return RegionScope.NATIONAL, None


@dataclass
class ObjectionChannel:
    contact: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""


def add_draft(index: NoticeIndexPage, notice: NoticePage, user=None) -> NoticePage:
    """Add `notice` under `index` as an unpublished page with its first revision, logged as
    the page editor logs a new page."""
    notice.live = False
    notice.owner = user
    notice.slug = find_available_slug(index, notice.slug)
    index.add_child(instance=notice)
    log(instance=notice, action="wagtail.create", user=user)
    notice.save_revision(user=user, log_action=True)
    return notice


def draft_recognition_notice(
    points,
    *,
    issuing_authority: str,
    channel: ObjectionChannel,
    start: datetime.date | None = None,
    working_days: int = DEFAULT_WORKING_DAYS,
    region: Region | None = None,
    user=None,
) -> NoticePage:
    """A draft 公示 of `points` (to be recognised), period `start` (today) for `working_days`."""
    index = notice_index()
    if index is None:
        raise LookupError("no notice index")
    points = list(points)
    start = start or timezone.localdate()
    end = add_working_days(start, working_days)
    scope, region = scope_of(region)
    # The notice is written in the site's default language, the language of its index.
    with translation.override(settings.LANGUAGE_CODE):
        period = {"start": start.isoformat(), "end": end.isoformat(), "count": len(points)}
        notice = NoticePage(
            title=_("Public notice of the IP information public service points to be recognised"),
            slug=f"publicity-{start.isoformat()}",
            kind=NoticeKind.NOTICE,
            issuing_authority=issuing_authority,
            publication_date=start,
            scope=scope,
            region=region,
            summary=_(
                "After review, the following %(count)s organisations are to be recognised as IP "
                "information public service points and are made public from %(start)s to "
                "%(end)s. Anyone who objects may say so within the period."
            )
            % period,
            publicity_start=start,
            publicity_end=end,
            objection_contact=channel.contact,
            objection_email=channel.email,
            objection_phone=channel.phone,
            objection_address=channel.address,
        )
        for point in points:
            notice.publicity_points.add(publicised_point(point, PublicityMatter.RECOGNISED))
    with transaction.atomic():
        return add_draft(index, notice, user)


def publicised_point(point: ServicePoint, matter: str, note: str = ""):
    from .models import PublicityPoint

    return PublicityPoint(point=point, matter=matter, note=note)
