"""The review's rules without HTTP: which action is allowed from which state, comments per
section and round, the audit log, and the mails to the applicant."""

import pytest
from wagtail.models import ModelLogEntry

from directory.applications import review
from directory.applications.models import ApplicationStatus, ReviewComment, Section
from services.models import OutboxEmail

from .test_review_helpers import in_state, make_reviewer, submit

pytestmark = pytest.mark.django_db

S = ApplicationStatus


@pytest.fixture
def reviewer(db):
    return make_reviewer()


def actions_of(application):
    return ModelLogEntry.objects.filter(object_id=str(application.pk)).values_list(
        "action", flat=True
    )


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (S.DRAFT, []),
        (S.SUBMITTED, ["start_review", "comment", "return", "reject"]),
        (S.UNDER_REVIEW, ["site_visit", "comment", "return", "approve", "reject"]),
        (S.SITE_VISIT, ["comment", "return", "approve", "reject"]),
        (S.RETURNED, []),
        (S.APPROVED, []),
        (S.REJECTED, []),
    ],
)
def test_allowed_actions_by_state(application, status, allowed):
    application.status = status
    assert review.allowed_actions(application) == allowed


def test_start_review_assigns_the_reviewer_and_logs_it(application, reviewer):
    other = make_reviewer("second")
    submit(application)
    review.start_review(application, user=reviewer, reviewer=other)
    application.refresh_from_db()
    assert application.status == S.UNDER_REVIEW
    assert application.reviewer == other
    assert list(actions_of(application)) == ["applications.start_review"]


def test_start_review_refuses_a_reviewer_outside_the_office(application, reviewer, make_applicant):
    submit(application)
    with pytest.raises(review.ReviewError):
        review.start_review(application, user=reviewer, reviewer=make_applicant())
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


@pytest.mark.parametrize("status", [S.DRAFT, S.RETURNED, S.APPROVED, S.REJECTED])
def test_nothing_can_be_done_to_an_application_the_office_does_not_hold(
    application, reviewer, status
):
    in_state(application, status)
    with pytest.raises(review.ReviewError):
        review.start_review(application, user=reviewer)
    with pytest.raises(review.ReviewError):
        review.add_comment(application, section=Section.TEAM, text="x", user=reviewer)
    with pytest.raises(review.ReviewError):
        review.reject(application, user=reviewer, reason="不符合条件")
    application.refresh_from_db()
    assert application.status == status
    assert not ReviewComment.objects.exists()


def test_site_visit_only_after_the_review_started(application, reviewer):
    submit(application)
    with pytest.raises(review.ReviewError):
        review.send_to_site_visit(application, user=reviewer)
    review.start_review(application, user=reviewer)
    review.send_to_site_visit(application, user=reviewer, note="3月5日现场考察")
    application.refresh_from_db()
    assert application.status == S.SITE_VISIT
    entry = ModelLogEntry.objects.get(action="applications.site_visit")
    assert entry.data["note"] == "3月5日现场考察"


def test_the_state_is_read_again_before_acting(application, reviewer):
    """A second reviewer's stale copy cannot start a review the first one already rejected."""
    submit(application)
    stale = type(application).objects.get(pk=application.pk)
    review.reject(application, user=reviewer, reason="材料不实")
    with pytest.raises(review.ReviewError):
        review.start_review(stale, user=reviewer)
    application.refresh_from_db()
    assert application.status == S.REJECTED


def test_comments_belong_to_a_section_and_the_current_round(application, reviewer):
    submit(application, round=2)
    comment = review.add_comment(
        application, section=Section.TEAM, text="  请补充专职人员证书。 ", user=reviewer
    )
    assert (comment.section, comment.round, comment.text) == ("team", 2, "请补充专职人员证书。")
    assert comment.author == reviewer
    with pytest.raises(review.ReviewError):
        review.add_comment(application, section="nonsense", text="x", user=reviewer)
    with pytest.raises(review.ReviewError):
        review.add_comment(application, section=Section.TEAM, text="   ", user=reviewer)
    assert ReviewComment.objects.count() == 1


def test_comments_by_round_show_earlier_rounds_after_the_current_one(application, reviewer):
    submit(application, round=1)
    review.add_comment(application, section=Section.TEAM, text="第一轮", user=reviewer)
    review.add_comment(application, section=Section.BASIC, text="第一轮基本", user=reviewer)
    submit(application, round=2)
    review.add_comment(application, section=Section.PLAN, text="第二轮", user=reviewer)
    rounds = review.comments_by_round(application)
    assert [number for number, _ in rounds] == [2, 1]
    # Within a round, in the order of the form's sections (basic before team).
    assert [c.text for c in rounds[1][1]] == ["第一轮基本", "第一轮"]
    assert [c.text for c in review.open_comments(application)] == ["第二轮"]


def test_return_needs_a_comment_or_a_note(application, reviewer):
    submit(application)
    with pytest.raises(review.ReviewError):
        review.return_for_correction(application, user=reviewer, note="  ")
    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    assert not OutboxEmail.objects.exists()


def test_return_mails_the_applicant_the_comments_and_the_link(application, reviewer):
    submit(application)
    review.start_review(application, user=reviewer)
    review.add_comment(
        application, section=Section.TEAM, text="请补充专职人员证书。", user=reviewer
    )
    review.return_for_correction(application, user=reviewer, note="请在两周内修改。")
    application.refresh_from_db()
    assert application.status == S.RETURNED
    mail = OutboxEmail.objects.get()
    assert mail.to_address == application.applicant.email
    assert mail.kind == "application"
    assert "请补充专职人员证书。" in mail.body
    assert "请在两周内修改。" in mail.body
    assert f"/apply/{application.pk}/" in mail.body
    assert "applications.return" in actions_of(application)


def test_reject_needs_the_reason_and_mails_it(application, reviewer):
    submit(application)
    with pytest.raises(review.ReviewError):
        review.reject(application, user=reviewer, reason=" ")
    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    review.reject(application, user=reviewer, reason="专职人员不足5名。")
    application.refresh_from_db()
    assert application.status == S.REJECTED
    assert application.decision_reason == "专职人员不足5名。"
    assert application.decided_by == reviewer
    assert application.decided_at is not None
    mail = OutboxEmail.objects.get()
    assert "专职人员不足5名。" in mail.body
    assert mail.to_address == application.applicant.email


def test_queue_counts_every_state(make_application):
    submit(make_application())
    make_application()  # a draft
    counts = review.queue_counts()
    assert counts[S.SUBMITTED] == 1
    assert counts[S.DRAFT] == 1
    assert counts[S.APPROVED] == 0


def test_office_groups_hold_the_review_permission(make_staff, make_point, make_applicant):
    assert review.can_review(make_reviewer("editor", groups=("Editors",)))
    assert review.can_review(make_reviewer("moderator", groups=("Moderators",)))
    assert not review.can_review(make_staff(make_point()))
    assert not review.can_review(make_applicant())
