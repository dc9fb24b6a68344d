"""A mail server being down loses nothing; a database failure leaves nothing half-saved."""

import datetime
import io
import re
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import timezone

from directory.models import ServiceItem
from services import notifications
from services.handling import Submission, submit
from services.models import ConsultationRequest, OutboxEmail, RequestEvent
from services.outbox import enqueue, send_pending

from ..factories import reference, region

pytestmark = pytest.mark.django_db

WORKING = "django.core.mail.backends.locmem.EmailBackend"


class RefusedBackend(BaseEmailBackend):
    """Nothing listens on the SMTP port."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class BrokenSMTPBackend(BaseEmailBackend):
    """The server answers, then gives up."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


REFUSED = f"{__name__}.RefusedBackend"
BROKEN = f"{__name__}.BrokenSMTPBackend"


def submission(**fields) -> Submission:
    values = {
        "subject": "专利检索咨询",
        "question": "我们想了解某项技术的专利情况。",
        "name": "李四",
        "reply_channel": "email",
        "email": "lisi@example.com",
        "city": region("440100"),
        "service": reference(ServiceItem, "B03"),
    }
    values.update(fields)
    return Submission(**values)


def ask(nonce="nonce-1"):
    return submit(submission(), nonce=nonce, consent_version="test", language="zh-hans")


@pytest.fixture
def point(make_point):
    return make_point(title="广州网点")


@pytest.mark.parametrize(("backend", "error"), [(REFUSED, "ConnectionRefused"), (BROKEN, "SMTP")])
def test_with_the_mail_server_down_the_request_is_saved_and_the_mail_queued(
    point, settings, django_capture_on_commit_callbacks, backend, error
):
    settings.EMAIL_BACKEND = backend
    before = timezone.now()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        request_obj, created = ask()

    assert callbacks, "the send must wait for the commit"
    assert created
    # The point sees it in its inbox whatever happened to e-mail.
    assert list(ConsultationRequest.objects.for_points([point.pk])) == [request_obj]
    queued = OutboxEmail.objects.get(request=request_obj)
    assert queued.to_address == "lisi@example.com"
    assert queued.sent_at is None
    assert queued.attempts == 1
    assert error in queued.last_error
    assert queued.next_attempt_at > before
    assert mail.outbox == []


def test_send_outbox_later_sends_the_queued_mail_exactly_once(
    point, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSED
    with django_capture_on_commit_callbacks(execute=True):
        request_obj, _ = ask()
    settings.EMAIL_BACKEND = WORKING

    # Not due yet: the pause after a failure is respected.
    call_command("send_outbox", stdout=io.StringIO())
    assert mail.outbox == []

    # Some minutes later the pause is over.
    OutboxEmail.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    call_command("send_outbox", stdout=io.StringIO())
    call_command("send_outbox", stdout=io.StringIO())

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lisi@example.com"]
    assert request_obj.formatted_code in message.subject
    sent = OutboxEmail.objects.get()
    assert sent.sent_at is not None and sent.attempts == 2 and sent.last_error == ""


def test_each_failure_moves_the_next_attempt_further_away(
    point, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSED
    settings.OUTBOX_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        ask()
    first = OutboxEmail.objects.get()

    # Before the next attempt is due nothing is tried.
    assert send_pending(now=first.next_attempt_at - datetime.timedelta(seconds=1)) == (0, 0)
    assert OutboxEmail.objects.get().attempts == 1

    with mock.patch("django.utils.timezone.now", return_value=first.next_attempt_at):
        assert send_pending() == (0, 1)
    second = OutboxEmail.objects.get()
    assert second.attempts == 2
    # 2 minutes after the first failure, 4 after the second.
    assert second.next_attempt_at - first.next_attempt_at == datetime.timedelta(minutes=4)

    with mock.patch("django.utils.timezone.now", return_value=second.next_attempt_at):
        assert send_pending() == (0, 1)
    # The last allowed attempt failed: it is never tried again.
    far_future = second.next_attempt_at + datetime.timedelta(days=30)
    assert send_pending(now=far_future) == (0, 0)
    assert OutboxEmail.objects.get().attempts == 3


def _enqueue_then_fail(*args, **kwargs):
    enqueue(*args, **kwargs)  # the outbox row is written…
    raise DatabaseError("disk I/O error")  # …and the transaction fails after it


@pytest.mark.parametrize(
    "failure",
    [
        mock.patch.object(ConsultationRequest, "save", side_effect=DatabaseError("disk full")),
        mock.patch.object(RequestEvent.objects, "create", side_effect=DatabaseError("locked")),
        mock.patch.object(notifications, "enqueue", side_effect=_enqueue_then_fail),
    ],
    ids=["request", "event", "after-outbox-row"],
)
def test_a_database_failure_during_submit_leaves_nothing_half_saved(
    point, django_capture_on_commit_callbacks, failure
):
    with django_capture_on_commit_callbacks(execute=True), failure, pytest.raises(DatabaseError):
        ask()

    assert not ConsultationRequest.objects.exists()
    assert not RequestEvent.objects.exists()
    assert not OutboxEmail.objects.exists()
    assert mail.outbox == []
    # The asker can simply send the form again.
    with django_capture_on_commit_callbacks(execute=True):
        request_obj, created = ask()
    assert created and request_obj.point == point
    assert len(mail.outbox) == 1


def test_the_same_form_posted_twice_gives_one_request_and_one_mail(
    point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, created_first = ask("same-nonce")
        second, created_second = ask("same-nonce")

    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    assert ConsultationRequest.objects.count() == 1
    assert RequestEvent.objects.count() == 1
    assert OutboxEmail.objects.count() == 1
    assert len(mail.outbox) == 1


# --- at rest: set-password links and retention ------------------------------------------------


def _welcome(make_point):
    from services.staff_admin import add_staff

    user, created = add_staff(
        make_point(title="广州测试图书馆"), username="gz-lib", email="gz@example.com"
    )
    assert created
    return user


def test_a_sent_password_link_is_not_kept_in_the_outbox(
    make_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _welcome(make_point)

    [message] = mail.outbox
    link = re.search(r"\S*/admin/password_reset/confirm/\S+", message.body).group(0)
    stored = OutboxEmail.objects.get(kind=OutboxEmail.Kind.ACCOUNT)
    assert stored.sent_at is not None
    assert link not in stored.body and "/password_reset/" not in stored.body
    # The note, in the language the message was written in (the admin's at the time).
    assert "[链接已在发送后删除]" in stored.body or "[link removed after sending]" in stored.body
    assert "gz-lib" in stored.body  # the rest of the message stays for the record


def test_an_unsent_password_link_stays_until_it_is_sent(
    make_point, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSED
    with django_capture_on_commit_callbacks(execute=True):
        _welcome(make_point)
    assert "/admin/password_reset/confirm/" in OutboxEmail.objects.get().body

    settings.EMAIL_BACKEND = WORKING
    OutboxEmail.objects.update(next_attempt_at=timezone.now())
    assert send_pending() == (1, 0)
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body
    assert "/admin/password_reset/confirm/" not in OutboxEmail.objects.get().body


def test_a_password_link_expires_after_three_days(make_point, settings):
    from django.contrib.auth.tokens import default_token_generator

    assert settings.PASSWORD_RESET_TIMEOUT == 3 * 24 * 3600
    user = _welcome(make_point)
    token = default_token_generator.make_token(user)
    issued = datetime.datetime.now()
    later = mock.patch.object(default_token_generator, "_now")
    with later as now:
        now.return_value = issued + datetime.timedelta(days=3) - datetime.timedelta(minutes=1)
        assert default_token_generator.check_token(user, token)
        now.return_value = issued + datetime.timedelta(days=3, minutes=1)
        assert not default_token_generator.check_token(user, token)


def _sent_row(days_ago: float, **fields) -> OutboxEmail:
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    values = {"kind": OutboxEmail.Kind.REPLY, "to_address": "a@example.com", "subject": "s"}
    values.update({"body": "b", "created_at": moment, "sent_at": moment, **fields})
    return OutboxEmail.objects.create(**values)


def test_send_outbox_deletes_sent_mail_after_the_retention_period(settings):
    settings.OUTBOX_RETENTION_DAYS = 30
    old, recent = _sent_row(31), _sent_row(29)
    unsent = _sent_row(90, sent_at=None, attempts=settings.OUTBOX_MAX_ATTEMPTS)

    out = io.StringIO()
    call_command("send_outbox", stdout=out)

    assert set(OutboxEmail.objects.values_list("pk", flat=True)) == {recent.pk, unsent.pk}
    assert "deleted 1" in out.getvalue()
    assert not OutboxEmail.objects.filter(pk=old.pk).exists()

    settings.OUTBOX_RETENTION_DAYS = 7
    call_command("send_outbox", stdout=io.StringIO())
    assert list(OutboxEmail.objects.values_list("pk", flat=True)) == [unsent.pk]


def test_the_worker_prunes_the_outbox_at_most_once_a_day(
    point, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from services.tasks import PRUNED_TODAY

    settings.OUTBOX_RETENTION_DAYS = 30
    first = _sent_row(31)
    with django_capture_on_commit_callbacks(execute=True):
        ask("nonce-1")  # the worker's task sends the confirmation, and prunes
    assert not OutboxEmail.objects.filter(pk=first.pk).exists()

    second = _sent_row(31)
    with django_capture_on_commit_callbacks(execute=True):
        ask("nonce-2")
    assert OutboxEmail.objects.filter(pk=second.pk).exists()  # not again the same day

    cache.delete(PRUNED_TODAY)  # a day later
    with django_capture_on_commit_callbacks(execute=True):
        ask("nonce-3")
    assert not OutboxEmail.objects.filter(pk=second.pk).exists()
    assert len(mail.outbox) == 3
