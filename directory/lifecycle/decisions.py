"""Status decisions: the office revokes, suspends or reinstates a point (seed 003, 第十八条–
第二十一条).

The new status is published as a revision by the deciding user, so the audit log, the page
cache, the search index and the directory's facts follow as for any publish. Layers above
(consultations reroute open requests, notices draft the public notice) act on
`point_status_changed`, sent once the decision is committed.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ..models import ServicePoint
from .bars import bar_end, normalise_organisation
from .models import StatusDecision
from .signals import log_failed_receivers, point_status_changed

Action = StatusDecision.Action
Status = ServicePoint.Status

NEW_STATUS = {
    Action.REVOKE: Status.REVOKED,
    Action.SUSPEND: Status.SUSPENDED,
    Action.REINSTATE: Status.ACTIVE,
}


class DecisionError(ValueError):
    """A decision that does not fit the point's status; the message is translated."""


def allowed_actions(point) -> list[str]:
    """What may be decided from the point's current status."""
    if point.status == Status.ACTIVE:
        return [Action.SUSPEND, Action.REVOKE]
    if point.status == Status.SUSPENDED:
        return [Action.REINSTATE, Action.REVOKE]
    return [Action.REINSTATE]


def apply_decision(
    point,
    *,
    action: str,
    reason: str,
    text: str,
    user,
    effective_on: datetime.date | None = None,
    publish_notice: bool = False,
) -> StatusDecision:
    """Record the decision and publish the point's new status; returns the decision."""
    with transaction.atomic():
        page = ServicePoint.objects.select_for_update().get(pk=point.pk)
        if action not in allowed_actions(page):
            raise DecisionError(
                _("This decision does not apply to a point that is %(status)s.")
                % {"status": page.get_status_display()}
            )
        effective_on = effective_on or timezone.localdate()
        old_status, new_status = page.status, NEW_STATUS[action]
        bars_until = None
        if action == Action.REVOKE and reason == StatusDecision.Reason.FALSE_MATERIAL:
            bars_until = bar_end(effective_on)
        # From the live row, not the latest draft: a draft the point's staff have not had
        # approved must not be published with the decision.
        page.status = new_status
        revision = page.save_revision(user=user, log_action=True, clean=False)
        # The office's decision (lifecycle.manage_points, checked by the view) publishes even
        # for an Editor without Wagtail's publish right: it is a status, not an edit of content.
        revision.publish(user=user, skip_permission_checks=True)
        decision = StatusDecision.objects.create(
            point=page,
            action=action,
            reason=reason,
            text=text,
            old_status=old_status,
            new_status=new_status,
            decided_by=user,
            effective_on=effective_on,
            publish_notice=publish_notice,
            bars_until=bars_until,
            organisation_key=normalise_organisation(page.title),
            revision=revision,
        )
        log(
            instance=page,
            action="lifecycle.decision",
            user=user,
            data={"action": action, "reason": reason, "old": old_status, "new": new_status},
        )
        page = ServicePoint.objects.get(pk=page.pk)

        def send():
            # The decision is committed: a listener that fails (rerouting, the notice draft) is
            # logged rather than turning the office's saved decision into an error page.
            results = point_status_changed.send_robust(
                sender=StatusDecision,
                point=page,
                old_status=old_status,
                new_status=new_status,
                decision=decision,
            )
            log_failed_receivers(results, "point_status_changed")

        transaction.on_commit(send)
    return decision


def latest_decision(point) -> StatusDecision | None:
    return StatusDecision.objects.filter(point_id=point.pk).order_by("-decided_at", "-pk").first()
