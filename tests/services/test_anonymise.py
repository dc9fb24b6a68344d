"""Personal data is erased after the retention period, or at once when the asker asks."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from services.handling import ERASED, reply, request_deletion
from services.models import ConsultationRequest, OutboxEmail, RequestEvent, Status

pytestmark = pytest.mark.django_db

# Kept after erasure: what the service ledger and the statistics need.
LEDGER_FIELDS = (
    "tracking_code",
    "point_id",
    "service_id",
    "tier",
    "city_id",
    "status",
    "submitted_at",
    "due_at",
    "first_response_at",
    "closed_at",
    "rating",
)


def ledger(request_obj) -> tuple:
    return tuple(getattr(request_obj, name) for name in LEDGER_FIELDS)


def run(*args) -> str:
    out = io.StringIO()
    call_command("anonymise_requests", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def point(make_point):
    return make_point(title="广州网点")


@pytest.fixture
def closed_request(make_request, make_staff, point):
    """Answered, closed and rated, with an attachment and two e-mails; closed `days_ago`."""

    def make(days_ago: int):
        request_obj = make_request(
            point=point,
            name="王小明",
            organisation="某某科技有限公司",
            phone="13912345678",
            email="wxm@example.com",
            question="我的专利申请号是 CN2026XXXX，联系人王小明。",
            attachment=ContentFile(b"%PDF-1.4 contract", name="合同.pdf"),
            attachment_name="合同.pdf",
        )
        reply(request_obj, "您好，答复如下。", make_staff(point), close=True)
        ConsultationRequest.objects.filter(pk=request_obj.pk).update(
            closed_at=timezone.now() - datetime.timedelta(days=days_ago),
            rating=4,
            rating_comment="王经理服务很好",
        )
        return ConsultationRequest.objects.get(pk=request_obj.pk)

    return make


def test_requests_closed_before_the_retention_period_are_erased(
    closed_request, settings, django_capture_on_commit_callbacks
):
    settings.CONSULTATION_RETENTION_DAYS = 365
    old = closed_request(days_ago=400)
    storage, file_name = old.attachment.storage, old.attachment.name
    assert storage.exists(file_name)
    assert OutboxEmail.objects.filter(request=old).count() == 2
    kept = ledger(old)

    # The file goes once the erasure is committed.
    with django_capture_on_commit_callbacks(execute=True):
        output = run()

    assert "1 requests anonymised" in output
    old.refresh_from_db()
    assert old.name == ERASED and old.question == ERASED and old.subject == ERASED
    assert set(old.replies.values_list("body", flat=True)) == {ERASED}
    assert (old.organisation, old.phone, old.email, old.client_key) == ("", "", "", "")
    assert old.rating_comment == ""
    assert not old.attachment and old.attachment_name == ""
    assert not storage.exists(file_name)
    assert old.anonymised_at is not None
    # The ledger still counts it, and the history says what happened.
    assert ledger(old) == kept
    assert not OutboxEmail.objects.filter(request=old).exists()
    assert old.events.filter(kind=RequestEvent.Kind.ANONYMISED).count() == 1


def test_recent_and_open_requests_are_untouched(closed_request, make_request, point, settings):
    settings.CONSULTATION_RETENTION_DAYS = 365
    recent = closed_request(days_ago=300)
    # Asked long ago and still open: its asker is waiting for an answer.
    waiting = make_request(point=point)
    ConsultationRequest.objects.filter(pk=waiting.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=1000)
    )

    assert "0 requests anonymised" in run()

    for request_obj, name in ((recent, "王小明"), (waiting, "张三")):
        request_obj.refresh_from_db()
        assert request_obj.name == name
        assert request_obj.anonymised_at is None
        assert request_obj.phone
        assert OutboxEmail.objects.filter(request=request_obj).exists()
    assert recent.attachment.storage.exists(recent.attachment.name)


def test_days_option_overrides_the_setting(closed_request, settings):
    settings.CONSULTATION_RETENTION_DAYS = 365
    recent = closed_request(days_ago=30)

    assert "1 requests anonymised" in run("--days", "7")

    recent.refresh_from_db()
    assert recent.name == ERASED


def test_dry_run_only_counts(closed_request, settings):
    settings.CONSULTATION_RETENTION_DAYS = 365
    old = closed_request(days_ago=400)
    closed_request(days_ago=500)

    output = run("--dry-run")

    assert "2 requests would be anonymised" in output
    old.refresh_from_db()
    assert old.name == "王小明" and old.anonymised_at is None
    assert old.attachment.storage.exists(old.attachment.name)
    assert not RequestEvent.objects.filter(kind=RequestEvent.Kind.ANONYMISED).exists()


def test_running_twice_is_harmless(closed_request, settings):
    settings.CONSULTATION_RETENTION_DAYS = 365
    old = closed_request(days_ago=400)
    run()
    old.refresh_from_db()
    erased_at = old.anonymised_at

    assert "0 requests anonymised" in run()

    old.refresh_from_db()
    assert old.anonymised_at == erased_at
    assert old.events.filter(kind=RequestEvent.Kind.ANONYMISED).count() == 1


def test_asking_for_deletion_closes_and_erases_at_once(
    make_request, point, django_capture_on_commit_callbacks
):
    request_obj = make_request(
        point=point,
        attachment=ContentFile(b"data", name="a.pdf"),
        attachment_name="a.pdf",
    )
    storage, file_name = request_obj.attachment.storage, request_obj.attachment.name

    with django_capture_on_commit_callbacks(execute=True):
        request_deletion(request_obj)

    request_obj.refresh_from_db()
    assert request_obj.status == Status.CLOSED and request_obj.closed_at is not None
    assert request_obj.deletion_requested_at is not None
    assert request_obj.name == ERASED and request_obj.email == "" and request_obj.phone == ""
    assert not storage.exists(file_name)
    assert not OutboxEmail.objects.filter(request=request_obj).exists()
    kinds = list(request_obj.events.values_list("kind", flat=True))
    assert kinds[-3:] == [
        RequestEvent.Kind.STATUS,
        RequestEvent.Kind.DELETION_REQUESTED,
        RequestEvent.Kind.ANONYMISED,
    ]
    # Nothing is left for the retention job.
    assert "0 requests anonymised" in run("--days", "0")
