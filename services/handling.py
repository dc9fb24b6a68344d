"""Everything that happens to a consultation request, as plain functions.

The public views and the admin inbox call these; each writes the request and its history
line in one transaction, and queues the asker's e-mail to go out after commit.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import notifications
from .models import (
    ConsultationReply,
    ConsultationRequest,
    RequestEvent,
    RoutingRule,
    Status,
)
from .routing import route
from .working_hours import due_at

# Personal data fields: erased by anonymise().
PERSONAL_FIELDS = ("name", "organisation", "phone", "email", "client_key")
ERASED = "—"


@dataclass
class Submission:
    """What the asker entered, already validated and normalised by the form."""

    subject: str
    question: str
    name: str
    reply_channel: str
    city: object
    service: object = None
    organisation: str = ""
    phone: str = ""
    email: str = ""
    attachment: object = None
    attachment_name: str = ""


def submit(
    submission: Submission,
    *,
    nonce: str,
    consent_version: str,
    language: str,
    client_key: str = "",
    point=None,
) -> tuple[ConsultationRequest, bool]:
    """Route and store a request; (request, created). The same nonce twice gives one request."""
    existing = ConsultationRequest.objects.filter(submission_nonce=nonce).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return _create(submission, nonce, consent_version, language, client_key, point), True
    except IntegrityError:
        # Two identical posts racing: the other one won; answer with its request.
        existing = ConsultationRequest.objects.filter(submission_nonce=nonce).first()
        if existing is None:
            raise
        return existing, False


def _create(submission, nonce, consent_version, language, client_key, point):
    decision = route(service=submission.service, city=submission.city, point=point)
    now = timezone.now()
    request_obj = ConsultationRequest(
        submission_nonce=nonce,
        origin="profile" if point is not None else "general",
        point=decision.point,
        service=submission.service,
        tier=decision.tier,
        subject=submission.subject,
        question=submission.question,
        name=submission.name,
        organisation=submission.organisation,
        phone=submission.phone,
        email=submission.email,
        reply_channel=submission.reply_channel,
        city=submission.city,
        language=language,
        consent_version=consent_version,
        consented_at=now,
        client_key=client_key,
        routing_rule=decision.rule,
        routing_reason=decision.reason,
        submitted_at=now,
        due_at=due_at(now),
    )
    if submission.attachment is not None:
        request_obj.attachment_name = submission.attachment_name[:200]
        request_obj.attachment.save(submission.attachment_name, submission.attachment, save=False)
    try:
        request_obj.save()
        RequestEvent.objects.create(
            request=request_obj,
            kind=RequestEvent.Kind.SUBMITTED,
            to_status=Status.NEW,
            to_point=decision.point,
            note=decision.reason,
            created_at=now,
        )
        notifications.send_confirmation(request_obj)
    except BaseException:
        # The file is written before the row; without the row nothing would ever erase it.
        if request_obj.attachment:
            request_obj.attachment.delete(save=False)
        raise
    return request_obj


def _log(request_obj, kind, actor=None, **fields):
    return RequestEvent.objects.create(request=request_obj, kind=kind, actor=actor, **fields)


@transaction.atomic
def change_status(request_obj: ConsultationRequest, status: str, actor, note: str = ""):
    if status == request_obj.status:
        return None
    previous = request_obj.status
    request_obj.status = status
    now = timezone.now()
    if status == Status.CLOSED:
        request_obj.closed_at = now
    elif previous == Status.CLOSED:
        request_obj.closed_at = None
    request_obj.save(update_fields=["status", "closed_at"])
    return _log(
        request_obj,
        RequestEvent.Kind.STATUS,
        actor,
        from_status=previous,
        to_status=status,
        note=note,
        created_at=now,
    )


@transaction.atomic
def reply(request_obj: ConsultationRequest, body: str, actor, *, close: bool = False):
    now = timezone.now()
    answer = ConsultationReply.objects.create(
        request=request_obj, point=request_obj.point, author=actor, body=body, created_at=now
    )
    previous = request_obj.status
    request_obj.status = Status.CLOSED if close else Status.ANSWERED
    if request_obj.first_response_at is None:
        request_obj.first_response_at = now
    if close:
        request_obj.closed_at = now
    request_obj.save(update_fields=["status", "first_response_at", "closed_at"])
    _log(
        request_obj,
        RequestEvent.Kind.REPLIED,
        actor,
        from_status=previous,
        to_status=request_obj.status,
        created_at=now,
    )
    notifications.send_reply(request_obj, answer)
    return answer


@transaction.atomic
def transfer(request_obj: ConsultationRequest, to_point, actor, note: str):
    """Pass a request to another point (or the central inbox when `to_point` is None)."""
    from_point = request_obj.point
    previous = request_obj.status
    request_obj.point = to_point
    request_obj.status = Status.TRANSFERRED
    request_obj.routing_rule = RoutingRule.TRANSFER
    request_obj.routing_reason = note
    request_obj.save(update_fields=["point", "status", "routing_rule", "routing_reason"])
    event = _log(
        request_obj,
        RequestEvent.Kind.TRANSFERRED,
        actor,
        from_status=previous,
        to_status=Status.TRANSFERRED,
        from_point=from_point,
        to_point=to_point,
        note=note,
    )
    notifications.send_transfer(request_obj, from_point, to_point, note)
    return event


class AlreadyRated(Exception):
    pass


@transaction.atomic
def rate(request_obj: ConsultationRequest, rating: int, comment: str = ""):
    """The asker's one-time satisfaction rating (1–5) with an optional comment."""
    # Conditional update: two tabs submitting at once still rate once.
    updated = ConsultationRequest.objects.filter(
        pk=request_obj.pk, rating__isnull=True, first_response_at__isnull=False
    ).update(rating=rating, rating_comment=comment, rated_at=timezone.now())
    if not updated:
        raise AlreadyRated
    request_obj.refresh_from_db()
    _log(request_obj, RequestEvent.Kind.RATED, note=f"{rating}/5")


@transaction.atomic
def anonymise(request_obj: ConsultationRequest):
    """Erase the asker's personal data; the ledger keeps service, dates, status and rating."""
    if request_obj.anonymised_at:
        return
    for field in PERSONAL_FIELDS:
        setattr(request_obj, field, ERASED if field == "name" else "")
    # Free text may hold personal data too: the question, the answers, the staff's notes.
    request_obj.subject = ERASED
    request_obj.question = ERASED
    request_obj.rating_comment = ""
    request_obj.replies.update(body=ERASED)
    request_obj.events.exclude(kind=RequestEvent.Kind.SUBMITTED).exclude(note="").update(
        note=ERASED
    )
    if request_obj.attachment:
        # Only once the erasure is committed: a rollback must not leave a row without its file.
        storage, name = request_obj.attachment.storage, request_obj.attachment.name
        transaction.on_commit(lambda: storage.delete(name))
    request_obj.attachment = ""
    request_obj.attachment_name = ""
    request_obj.anonymised_at = timezone.now()
    request_obj.save()
    request_obj.emails.all().delete()
    _log(request_obj, RequestEvent.Kind.ANONYMISED)


@transaction.atomic
def request_deletion(request_obj: ConsultationRequest):
    """The asker asks to delete their data: close the request and erase it now."""
    now = timezone.now()
    request_obj.deletion_requested_at = now
    if request_obj.status != Status.CLOSED:
        previous = request_obj.status
        request_obj.status = Status.CLOSED
        request_obj.closed_at = now
        _log(request_obj, RequestEvent.Kind.STATUS, from_status=previous, to_status=Status.CLOSED)
    request_obj.save()
    _log(request_obj, RequestEvent.Kind.DELETION_REQUESTED)
    anonymise(request_obj)
