"""No question waits on the mail server: the request writes the outbox, the worker sends.

The tasks are stored by django-tasks' database backend, as in production (the test settings run
the "background" backend at once), and run by the worker's own code, as in
tests/search/test_index_tasks.py. The silent mail server accepts connections and never says a
word, which is what a hung SMTP relay does: before the worker sent the mail, each question
took the whole EMAIL_TIMEOUT.
"""

import datetime
import io
import socket
import threading
import time
from contextlib import contextmanager

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from services.models import ConsultationRequest, OutboxEmail
from services.outbox import send_pending
from services.tasks import send_queued_email

from .. import background_tasks
from .helpers import question_data

pytestmark = pytest.mark.django_db

ASK = "/en/consult/ask/"
TASK = "services.tasks.send_queued_email"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
SMTP = "django.core.mail.backends.smtp.EmailBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"
# Long enough that a request which still sent the mail could not pass the 1 s bound.
SILENT_SECONDS = 3


@contextmanager
def silent_mail_server():
    """A TCP server on 127.0.0.1 that accepts and never answers; yields (port, connections)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.1)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve():
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except TimeoutError:
                continue
            held.append(connection)  # kept open, never written to

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], held
    finally:
        stop.set()
        thread.join(5)
        for connection in held:
            connection.close()
        server.close()


def question() -> dict:
    return question_data()


def queued() -> list[DBTaskResult]:
    return background_tasks.queued(TASK)


def run_worker() -> list:
    return background_tasks.run_worker(TASK)


def test_a_question_does_not_wait_for_a_silent_mail_server_and_the_worker_sends_it_later(
    client, make_point, django_capture_on_commit_callbacks
):
    make_point(title="广州网点")
    with (
        silent_mail_server() as (port, connections),
        override_settings(
            TASKS=TASKS,
            EMAIL_BACKEND=SMTP,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_TIMEOUT=SILENT_SECONDS,
        ),
    ):
        started = time.monotonic()
        # The commit's callbacks (enqueueing the task) are part of the request's time.
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(ASK, question())
        elapsed = time.monotonic() - started

        assert response.status_code == 302
        # Generous for a shared machine; the point is that the mail is no longer in it.
        assert elapsed < 1, f"the question took {elapsed:.1f} s"
        request_obj = ConsultationRequest.objects.get()
        row = OutboxEmail.objects.get(request=request_obj)
        assert (row.sent_at, row.attempts) == (None, 0)
        assert [task.args_kwargs["args"] for task in queued()] == [[row.pk]]
        assert connections == [], "the request itself talked to the mail server"

        # The worker tries, the server stays silent: it waits EMAIL_TIMEOUT, nothing is lost,
        # and the task is put back for when the row's next attempt is due.
        [returned] = run_worker()
        assert returned.startswith("retry 1")
        row.refresh_from_db()
        assert row.sent_at is None and row.attempts == 1
        assert "timed out" in row.last_error or "Timeout" in row.last_error
        assert queued() == []  # the retry waits for its pause
        assert mail.outbox == []

    # The server answers now, and the pause is over.
    with override_settings(TASKS=TASKS, EMAIL_BACKEND=WORKING):
        moment = timezone.now() - datetime.timedelta(seconds=1)
        OutboxEmail.objects.update(next_attempt_at=moment)
        DBTaskResult.objects.filter(task_path=TASK).update(run_after=moment)

        assert run_worker() == ["sent"]
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["li@example.com"]
        assert request_obj.formatted_code in mail.outbox[0].subject

        # The same task picked again, and cron's catch-up beside it: nothing is sent twice.
        assert send_queued_email.call(row.pk) == "skipped"
        call_command("send_outbox", stdout=io.StringIO())
        assert run_worker() == []
        assert len(mail.outbox) == 1
        row.refresh_from_db()
        assert row.sent_at is not None and row.attempts == 2 and row.last_error == ""


class RacingBackend(BaseEmailBackend):
    """While the worker is sending, a second worker runs the same task and cron runs
    `send_outbox`: both must find the row claimed."""

    rivals: list = []

    def send_messages(self, email_messages):
        row = OutboxEmail.objects.get()
        type(self).rivals.append(send_queued_email.call(row.pk))
        type(self).rivals.append(send_pending())
        mail.outbox.extend(email_messages)
        return len(email_messages)


def test_two_senders_at_once_send_a_row_once(make_request, make_point, settings):
    make_point(title="广州网点")
    settings.EMAIL_BACKEND = f"{__name__}.RacingBackend"
    RacingBackend.rivals = []
    with override_settings(TASKS=TASKS):
        make_request(email="li@example.com")  # the test's transaction: the task is not queued
    row = OutboxEmail.objects.get()

    assert send_queued_email.call(row.pk) == "sent"

    assert RacingBackend.rivals == ["skipped", (0, 0)]
    assert len(mail.outbox) == 1
    assert OutboxEmail.objects.get().attempts == 1


def test_the_worker_gives_up_after_the_last_allowed_attempt(make_request, make_point, settings):
    make_point(title="广州网点")
    settings.EMAIL_BACKEND = "tests.services.test_outbox.RefusedBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 2
    make_request(email="li@example.com")
    row = OutboxEmail.objects.get()

    with override_settings(TASKS=TASKS):
        assert send_queued_email.call(row.pk).startswith("retry 1")
        OutboxEmail.objects.update(next_attempt_at=timezone.now())
        assert send_queued_email.call(row.pk) == "given up"
        assert send_queued_email.call(row.pk) == "skipped"
    assert OutboxEmail.objects.get().attempts == 2
