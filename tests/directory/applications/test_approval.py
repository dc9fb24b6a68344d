"""Approval turns the application into a live, listed point that the applicant then keeps."""

import datetime

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from directory.applications import review
from directory.applications.approval import approve
from directory.applications.models import ApplicationQualification, ApplicationStatus
from directory.lifecycle.signals import point_recognised
from directory.models import PointCategory, Qualification, ServicePoint
from services.models import OutboxEmail
from tests.factories import reference

from .test_review_helpers import in_state, make_reviewer, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db):
    return make_reviewer()


@pytest.fixture
def reviewed(application, reviewer, directory_page):
    ApplicationQualification.objects.create(
        application=application, qualification=reference(Qualification, "tisc")
    )
    application.website = "https://example.com/"
    application.wechat_account = "gz-ip-info"
    application.strengths = "馆藏丰富。\n<b>检索</b>经验足。"
    application.save()
    return in_state(application, ApplicationStatus.UNDER_REVIEW, reviewer=reviewer)


@pytest.fixture
def recognised(django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    point_recognised.connect(receiver, dispatch_uid="test-approval-receiver")
    yield received
    point_recognised.disconnect(dispatch_uid="test-approval-receiver")


def test_approval_creates_the_live_point_from_the_sections(reviewed, reviewer, directory_page):
    point = approve(
        reviewed, user=reviewer, level="city", date=datetime.date(2026, 11, 30), reason="条件齐备"
    )
    point = ServicePoint.objects.get(pk=point.pk)
    assert point.live and not point.has_unpublished_changes
    assert point.get_parent().pk == directory_page.pk
    assert point.title == "广州示范信息服务中心"
    assert point.category == reference(PointCategory, "library")
    assert (point.city.adcode, point.province_id) == ("440100", point.city.parent_id)
    assert point.address == "广州市天河区示范路1号"
    assert (point.contact_person, point.phone, point.email) == (
        "王联系",
        "13800138000",
        "contact@example.com",
    )
    assert (point.website, point.wechat_account) == ("https://example.com/", "gz-ip-info")
    assert (point.staff_total, point.staff_full_time, point.staff_part_time) == (8, 5, 2)
    assert point.service_area_m2 == 200
    assert point.databases == "incoPat\nCNKI"
    assert point.head_name == "李主任"
    assert point.recognition_level == "city"
    assert point.recognition_date == datetime.date(2026, 11, 30)
    assert reviewed.office.name in point.recognition_note
    assert point.status == ServicePoint.Status.ACTIVE
    # Plain paragraphs, the applicant's text escaped (never trusted HTML).
    assert point.description == "<p>馆藏丰富。</p><p>&lt;b&gt;检索&lt;/b&gt;经验足。</p>"
    assert [q.code for q in point.qualifications.all()] == ["tisc"]
    assert {a.code for a in point.audiences.all()} == {"enterprise", "public"}
    offerings = [(o.service.code, o.tier, o.fee) for o in point.offerings.all()]
    assert offerings == [("B03", "basic", "free")]
    assert point.revisions.filter(user=reviewer).exists()

    reviewed.refresh_from_db()
    assert reviewed.status == ApplicationStatus.APPROVED
    assert reviewed.point_id == point.pk
    assert (reviewed.decided_by, reviewed.decision_reason) == (reviewer, "条件齐备")
    entry = ModelLogEntry.objects.get(action="applications.approve")
    assert entry.data["point_id"] == point.pk


def test_the_sub_kind_is_the_category_where_given(reviewed, reviewer):
    reviewed.category = reference(PointCategory, "market_firm")
    reviewed.subkind = reference(PointCategory, "market_agency")
    reviewed.save()
    point = approve(reviewed, user=reviewer)
    assert point.category.code == "market_agency"
    # Without a level and a date, the office's level and today.
    assert point.recognition_level == reviewed.office.level
    assert point.recognition_date is not None


def test_the_applicant_becomes_the_points_staff(reviewed, reviewer, make_point):
    other = make_point(title="别的网点")
    point = approve(reviewed, user=reviewer)
    point.refresh_from_db()
    assert point.staff_group is not None
    assert reviewed.applicant.groups.filter(pk=point.staff_group_id).exists()

    client = Client()
    client.force_login(reviewed.applicant)
    assert client.get(f"/admin/pages/{point.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in {302, 403, 404}
    # Still no reviewer: the queue is the office's.
    assert client.get("/admin/applications/").status_code in {302, 403}


def test_the_signal_is_sent_once_after_the_commit(
    reviewed, reviewer, recognised, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        point = approve(reviewed, user=reviewer)
        assert recognised == []  # not before the commit
    assert len(recognised) == 1
    assert recognised[0]["point"].pk == point.pk
    assert recognised[0]["application"].pk == reviewed.pk
    assert recognised[0]["user"] == reviewer
    assert callbacks


def test_the_applicant_is_mailed_with_the_admin_link(reviewed, reviewer):
    point = approve(reviewed, user=reviewer)
    mail = OutboxEmail.objects.get()
    assert mail.to_address == reviewed.applicant.email
    assert f"/admin/pages/{point.pk}/edit/" in mail.body


def test_the_new_point_is_listed_in_the_directory(reviewed, reviewer, directory_page):
    point = approve(reviewed, user=reviewer)
    response = Client().get(directory_page.url)
    assert response.status_code == 200
    assert point.title in response.content.decode()
    profile = Client().get(point.url)
    assert profile.status_code == 200


@pytest.mark.parametrize(
    "status", [ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED, ApplicationStatus.APPROVED]
)
def test_approval_only_after_a_review(application, reviewer, directory_page, status):
    in_state(application, status)
    with pytest.raises(review.ReviewError):
        approve(application, user=reviewer)
    assert not ServicePoint.objects.filter(title=application.organisation).exists()


def test_a_name_already_in_the_directory_is_refused_and_nothing_is_saved(
    reviewed, reviewer, make_point
):
    make_point(title=reviewed.organisation)
    with pytest.raises(review.ReviewError):
        approve(reviewed, user=reviewer)
    reviewed.refresh_from_db()
    assert reviewed.status == ApplicationStatus.UNDER_REVIEW
    assert ServicePoint.objects.filter(title=reviewed.organisation).count() == 1
    assert not OutboxEmail.objects.exists()


def test_approval_after_the_site_visit(application, reviewer, directory_page):
    submit(application)
    review.start_review(application, user=reviewer)
    review.send_to_site_visit(application, user=reviewer)
    point = approve(application, user=reviewer)
    assert point.live
