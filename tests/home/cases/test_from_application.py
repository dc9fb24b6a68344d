"""An approved application's typical cases become draft case pages of the new point, owned by
the applicant and waiting in the moderation workflow; sent twice, the signal drafts them once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from directory.applications.defaults import ensure_default_office
from directory.applications.models import Application, ApplicationCase
from directory.lifecycle.signals import point_recognised
from home.cases.models import CasePage
from home.cases.pages import cases_of_point
from home.core.models import User
from tests.services.helpers import admin_client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(points):
    applicant = User.objects.create_user(
        username="applicant@example.com", email="applicant@example.com", password="pw-42-tests"
    )
    application = Application.objects.create(
        applicant=applicant,
        office=ensure_default_office(),
        status="approved",
        organisation=points["gz"].title,
        submitted_at=timezone.make_aware(datetime.datetime(2025, 4, 2, 9, 0)),
        point=points["gz"],
    )
    ApplicationCase.objects.create(
        application=application,
        title="为某生物医药企业开展专利导航",
        date=datetime.date(2024, 9, 1),
        content="组建团队，完成检索分析报告三份。\n提出研发路线建议。",
        effect="企业据此调整了研发立项。",
        sort_order=0,
    )
    ApplicationCase.objects.create(
        application=application,
        title="高校专利转化对接",
        content="对接企业<b>十家</b>。",
        effect="",
        sort_order=1,
    )
    return application


def _recognise(application, reviewer=None):
    point_recognised.send(
        sender=Application, point=application.point, application=application, user=reviewer
    )


def test_each_typical_case_becomes_a_draft_case_awaiting_moderation(
    approved, case_index, office_user
):
    _recognise(approved, office_user)

    cases = list(CasePage.objects.filter(point=approved.point).order_by("pk"))
    assert [c.title for c in cases] == ["为某生物医药企业开展专利导航", "高校专利转化对接"]
    first, second = cases
    assert all(c.get_parent().pk == case_index.pk for c in cases)
    assert all(not c.live and c.owner == approved.applicant for c in cases)
    assert all(c.latest_revision.user == approved.applicant for c in cases)
    # Not on the public site yet.
    assert cases_of_point(approved.point) == []
    assert first.period_start == datetime.date(2024, 9, 1)
    assert second.period_start == datetime.date(2025, 4, 2)  # no date: the submission's
    assert first.summary.startswith("组建团队，完成检索分析报告三份。")
    blocks = [(b.block_type, b.value) for b in first.body]
    assert [kind for kind, _ in blocks] == ["heading", "paragraph", "heading", "paragraph"]
    assert "提出研发路线建议。" in blocks[1][1].source
    assert "企业据此调整了研发立项。" in blocks[3][1].source
    # No effect: no second heading; the applicant's markup is text, not HTML.
    assert [b.block_type for b in second.body] == ["heading", "paragraph"]
    assert "&lt;b&gt;十家&lt;/b&gt;" in second.body[1].value.source
    # Submitted to the case library's moderation, as a point's staff submit their cases.
    for case in cases:
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(case.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == approved.applicant


def test_a_moderator_sees_them_awaiting_review_and_can_publish(approved, case_moderator):
    _recognise(approved)
    case = CasePage.objects.filter(point=approved.point).order_by("pk").first()
    moderator = admin_client_for(case_moderator)
    dashboard = moderator.get(reverse("wagtailadmin_home")).content.decode()
    assert "为某生物医药企业开展专利导航" in dashboard
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(case.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(case.pk, "approve", state.current_task_state.pk)
    )
    assert moderator.post(url, {"comment": ""}).status_code == 302
    case.refresh_from_db()
    assert case.live and cases_of_point(approved.point) == [case]


def test_the_signal_twice_drafts_each_case_once(approved):
    _recognise(approved)
    _recognise(approved)
    assert CasePage.objects.filter(point=approved.point).count() == 2
    # A typical case added later is drafted on the next signal, the others are not again.
    ApplicationCase.objects.create(application=approved, title="后补案例", content="内容。")
    _recognise(approved)
    assert sorted(
        CasePage.objects.filter(point=approved.point).values_list("title", flat=True)
    ) == sorted(["为某生物医药企业开展专利导航", "高校专利转化对接", "后补案例"])


def test_a_copy_of_a_drafted_case_is_not_taken_for_the_draft(approved, case_index):
    _recognise(approved)
    case = CasePage.objects.filter(point=approved.point).order_by("pk").first()
    copy = case.copy(update_attrs={"slug": "copied-case", "title": "副本"})
    assert copy.application_case_id is None and case.application_case_id is not None
