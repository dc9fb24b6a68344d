"""A public notice of a decision on a point (revoked, suspended, reinstated), drafted for the
office to review and publish.

Seed 003 第二十一条: a point revoked for false material or unrelated business is "公开通报".
The lifecycle app sends `point_status_changed` with the decision
(directory.lifecycle.models.StatusDecision); when the office ticked "publish a public notice"
(`decision.publish_notice`), a draft NoticePage states the point, the decision, its reason and
date. One draft per decision (NoticePage.source_key), however often the signal is sent.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.rich_text import RichText

from directory.models import ServicePoint

from .models import NoticeKind, NoticePage, PublicityMatter
from .publicity import add_draft, notice_index, publicised_point, scope_of

# The matter listed on the notice, by the point's new status.
MATTERS = {
    ServicePoint.Status.REVOKED: PublicityMatter.REVOKED,
    ServicePoint.Status.SUSPENDED: PublicityMatter.SUSPENDED,
    ServicePoint.Status.ACTIVE: PublicityMatter.REINSTATED,
}
TITLES = {
    PublicityMatter.REVOKED: gettext_lazy(
        "Notice of the revocation of %(point)s as an IP information public service point"
    ),
    PublicityMatter.SUSPENDED: gettext_lazy(
        "Notice of the suspension of %(point)s as an IP information public service point"
    ),
    PublicityMatter.REINSTATED: gettext_lazy(
        "Notice of the reinstatement of %(point)s as an IP information public service point"
    ),
}


def decision_key(decision) -> str:
    """What identifies the decision across signals: its model and primary key."""
    return f"{decision._meta.label_lower}:{decision.pk}"[:80]


def _display(decision, field: str) -> str:
    """A choice field's label (`get_<field>_display`), else its value, else ""."""
    getter = getattr(decision, f"get_{field}_display", None)
    value = getter() if callable(getter) else getattr(decision, field, "")
    return str(value or "")


def decision_date(decision) -> datetime.date:
    """When the decision takes effect, else when it was made, else today."""
    for name in ("effective_on", "decided_on"):
        value = getattr(decision, name, None)
        if isinstance(value, datetime.date):
            return value
    decided_at = getattr(decision, "decided_at", None)
    if isinstance(decided_at, datetime.datetime):
        return (
            timezone.localdate(decided_at) if timezone.is_aware(decided_at) else decided_at.date()
        )
    return timezone.localdate()


def issuing_authority_for(point: ServicePoint, decision):
    """(authority name, its region): the office that recognised the point, when known."""
    from directory.applications.models import Application

    office = getattr(decision, "office", None)
    if office is None:
        application = (
            Application.objects.filter(point=point).select_related("office__region").first()
        )
        office = application.office if application else None
    if office is not None:
        return office.name, office.region
    return getattr(settings, "NOTICE_DEFAULT_AUTHORITY", "") or _("IP office"), None


def _paragraph(text: str) -> RichText:
    return RichText(linebreaks(escape(text)))


def draft_decision_notice(point: ServicePoint, new_status: str, decision) -> NoticePage | None:
    """The draft notice of `decision` (made once); None when there is no notice index."""
    index = notice_index()
    if index is None:
        return None
    key = decision_key(decision)
    matter = MATTERS.get(new_status, PublicityMatter.REVOKED)
    on = decision_date(decision)
    with translation.override(settings.LANGUAGE_CODE):
        authority, region = issuing_authority_for(point, decision)
        scope, region = scope_of(region)
        facts = {
            "point": point.title,
            "action": _display(decision, "action"),
            "reason": _display(decision, "reason"),
            "date": on.isoformat(),
        }
        summary = _("Decision: %(action)s. Reason: %(reason)s. Effective from %(date)s.") % facts
        body = [("paragraph", _paragraph(summary))]
        if getattr(decision, "text", ""):
            body.append(("paragraph", _paragraph(decision.text)))
        bars_until = getattr(decision, "bars_until", None)
        if bars_until:
            body.append(
                (
                    "paragraph",
                    _paragraph(
                        _("The organisation may not apply for recognition again before %(date)s.")
                        % {"date": bars_until.isoformat()}
                    ),
                )
            )
        notice = NoticePage(
            title=str(TITLES[matter] % facts)[:255],
            slug=f"decision-{point.pk}-{on.isoformat()}",
            kind=NoticeKind.NOTICE,
            issuing_authority=authority[:120],
            publication_date=timezone.localdate(),
            scope=scope,
            region=region,
            summary=summary[:500],
            body=body,
            source_key=key,
        )

        notice.publicity_points.add(publicised_point(point, matter, facts["reason"][:200]))
    with transaction.atomic():
        # Lock the index row so that two signals for one decision make one draft.
        type(index).objects.select_for_update().filter(pk=index.pk).first()
        existing = NoticePage.objects.filter(source_key=key).first()
        if existing is not None:
            return existing
        return add_draft(index, notice, getattr(decision, "decided_by", None))


def on_point_status_changed(sender, point, new_status, decision=None, **kwargs) -> None:
    """directory.lifecycle.signals.point_status_changed: a notice when the office asked."""
    if decision is None or not getattr(decision, "publish_notice", False):
        return
    draft_decision_notice(point, new_status, decision)
