"""Change reports follow the Wagtail moderation of the revision they describe.

Staff cannot publish, so every edit of theirs goes through the "Moderators approval" workflow.
Rather than a custom Task (which would have to replace the office's workflow on every point),
the report listens to what Wagtail records anyway:

- approved: the publish log entry (PageLogEntry "wagtail.publish"). It is the one record of
  *who* published, whichever way it happened (the workflow's approve, the editor's publish
  button, our Change reports screen); the `page_published` signal does not carry the user. A
  report is approved when the published page shows its new values (a later revision that keeps
  them counts; a revision without them, e.g. a status decision made from the live page, not).
- rejected: `task_rejected` (Wagtail's workflow rejection, with the moderator's comment).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import ServicePoint
from .changes import SERVICES, _text, services_of
from .models import ChangeReport


def record_change_report(page, *, user, reason: str, changes: list, revision):
    """Create (or bring up to date) the point's pending report for this edit.

    One pending report per point: saving the draft again replaces its changes and revision. A
    draft that no longer changes a key fact withdraws the pending report.
    """
    pending = ChangeReport.objects.pending().filter(point_id=page.pk).first()
    if not changes:
        if pending is not None and revision is not None:
            pending.delete()
        return None
    if not reason:
        # A draft save without a reason: the reason is asked for when it is submitted.
        return pending
    if pending is None:
        pending = ChangeReport(point_id=page.pk)
    pending.submitted_by = user
    pending.reason = reason
    pending.changes = changes
    pending.revision = revision
    pending.save()
    log(instance=pending, action="lifecycle.change_report.submit", user=user)
    return pending


def after_edit_page(request, page) -> None:
    """Wagtail's after_edit_page hook: the form left what it found on the page."""
    change = getattr(page, "_lifecycle_change", None)
    if change is None or not isinstance(page, ServicePoint):
        return
    record_change_report(
        page,
        user=request.user,
        reason=change["reason"],
        changes=change["changes"],
        revision=page.latest_revision,
    )


def _shows_new_values(page, report: ChangeReport) -> bool:
    for change in report.changes:
        if change["field"] == SERVICES:
            current = "、".join(services_of(page))
        else:
            current = _text(getattr(page, change["field"], None))
        if current != change["new"]:
            return False
    return True


def approve_published(page_id: int, revision_id: int | None, user_id: int | None) -> int:
    """Mark the pending reports the published revision carries as approved."""
    if revision_id is None:
        return 0
    reports = list(
        ChangeReport.objects.pending().filter(point_id=page_id, revision_id__lte=revision_id)
    )
    if not reports:
        return 0
    page = ServicePoint.objects.get(pk=page_id)
    done = 0
    for report in reports:
        if _shows_new_values(page, report):
            report.status = ChangeReport.Status.APPROVED
            report.decided_by_id = user_id
            report.decided_at = timezone.now()
            report.save(update_fields=["status", "decided_by", "decided_at"])
            done += 1
    return done


def on_log_entry_saved(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save of PageLogEntry: a point was published (see the module docstring)."""
    if raw or not created or instance.action != "wagtail.publish":
        return
    if instance.content_type.model_class() is not ServicePoint:
        return
    approve_published(instance.page_id, instance.revision_id, instance.user_id)


def reject_reports(page_id: int, revision_id: int | None, user, comment: str) -> int:
    reports = ChangeReport.objects.pending().filter(point_id=page_id)
    if revision_id is not None:
        reports = reports.filter(revision_id__lte=revision_id)
    return reports.update(
        status=ChangeReport.Status.REJECTED,
        decided_by=user,
        decided_at=timezone.now(),
        comment=comment,
    )


def on_task_rejected(sender, instance, user=None, **kwargs) -> None:
    """task_rejected: `instance` is the TaskState; its revision is the one moderated."""
    workflow_state = instance.workflow_state
    try:
        page_id = int(workflow_state.object_id)
    except (TypeError, ValueError):
        return
    if not ServicePoint.objects.filter(pk=page_id).exists():
        return
    reject_reports(page_id, instance.revision_id, user, instance.comment or "")


class ReportActionError(Exception):
    """Shown to the office as it is (translated)."""


def approve_report(report: ChangeReport, user) -> ChangeReport:
    """Publish the report's revision as `user` (the publish log approves the report)."""
    if report.status != ChangeReport.Status.PENDING:
        raise ReportActionError(_("This change report has already been decided."))
    if report.revision is None:
        raise ReportActionError(_("The revision of this change report no longer exists."))
    page = report.point.specific
    if report.revision.as_object().status != page.status:
        # Publishing it would undo a status decision made since (the revision predates it).
        raise ReportActionError(
            _(
                "The point's status was decided after this change was submitted; ask the "
                "point to submit the change again."
            )
        )
    if not page.permissions_for_user(user).can_publish():
        raise ReportActionError(
            _("You may not publish this point's profile; ask a moderator to approve it.")
        )
    with transaction.atomic():
        report.revision.publish(user=user)
        report.refresh_from_db()
        if report.status == ChangeReport.Status.PENDING:
            # Published exactly the report's revision: approved even if a value was normalised.
            report.status = ChangeReport.Status.APPROVED
            report.decided_by = user
            report.decided_at = timezone.now()
            report.save(update_fields=["status", "decided_by", "decided_at"])
        log(instance=report, action="lifecycle.change_report.approve", user=user)
    return report


def reject_report(report: ChangeReport, user, comment: str) -> ChangeReport:
    """Reject with a comment; an edit in moderation goes back to the staff (needs changes)."""
    if report.status != ChangeReport.Status.PENDING:
        raise ReportActionError(_("This change report has already been decided."))
    page = report.point.specific
    with transaction.atomic():
        workflow_state = page.current_workflow_state
        task_state = workflow_state.current_task_state if workflow_state else None
        if task_state is not None and task_state.status == task_state.STATUS_IN_PROGRESS:
            task_state.specific.reject(user=user, comment=comment)
        reject_reports(page.pk, None, user, comment)
        report.refresh_from_db()
        log(instance=report, action="lifecycle.change_report.reject", user=user)
    return report
