"""A decision on a point with "publish a public notice" ticked drafts a notice stating it, for
the office to review and publish; one per decision, however often the signal comes."""

import datetime

import pytest
from django.utils import timezone

from directory.lifecycle.models import StatusDecision
from directory.lifecycle.signals import point_status_changed
from directory.models import ServicePoint
from home.notices.models import NoticePage

from .helpers import html_of

pytestmark = pytest.mark.django_db


def _decide(point, user=None, *, publish_notice=True, action="revoke", new_status="revoked"):
    return StatusDecision.objects.create(
        point=point,
        action=action,
        reason="false_material",
        text="经查，该机构在申报中提供了虚假材料。",
        old_status="active",
        new_status=new_status,
        decided_by=user,
        effective_on=datetime.date(2026, 12, 1),
        publish_notice=publish_notice,
        bars_until=datetime.date(2029, 12, 1),
    )


def _send(decision):
    point_status_changed.send(
        sender=StatusDecision,
        point=decision.point,
        old_status=decision.old_status,
        new_status=decision.new_status,
        decision=decision,
    )


def test_a_revocation_with_a_notice_drafts_one_stating_the_decision(
    client, notice_index, make_point, office_user
):
    point = make_point(title="被撤销网点")
    decision = _decide(point, office_user)
    _send(decision)

    notice = NoticePage.objects.get(publicity_points__point=point)
    assert notice.get_parent().pk == notice_index.pk
    assert not notice.live and notice.owner == office_user
    assert notice.latest_revision is not None
    assert "被撤销网点" in notice.title
    assert "2026-12-01" in notice.summary
    text = " ".join(block.value.source for block in notice.body)
    assert "经查，该机构在申报中提供了虚假材料。" in text
    assert "2029-12-01" in text  # barred until
    row = notice.publicity_points.get()
    assert row.matter == "revoked"
    assert notice.publicity_start is None  # an announcement, not a period for objections

    # Published by the office, it lists the point, without a link once the profile is gone.
    point.status = ServicePoint.Status.REVOKED
    point.save_revision().publish()
    point.unpublish()
    notice.save_revision().publish()
    html = html_of(client.get(NoticePage.objects.get(pk=notice.pk).url))
    assert 'data-matter="revoked"' in html
    assert f'<tr data-point-id="{point.pk}">' in html
    assert f'data-point-id="{point.pk}">被撤销网点</a>' not in html


def test_the_signal_twice_makes_one_notice(notice_index, make_point):
    point = make_point(title="被撤销网点")
    decision = _decide(point)
    _send(decision)
    _send(decision)
    assert NoticePage.objects.filter(publicity_points__point=point).count() == 1
    # A later decision on the same point has its own notice.
    _send(_decide(point, action="reinstate", new_status="active"))
    matters = NoticePage.objects.filter(publicity_points__point=point).values_list(
        "publicity_points__matter", flat=True
    )
    assert sorted(matters) == ["reinstated", "revoked"]


def test_no_notice_unless_the_office_asked(notice_index, make_point):
    point = make_point(title="被暂停网点")
    _send(_decide(point, publish_notice=False, action="suspend", new_status="suspended"))
    assert not NoticePage.objects.filter(publicity_points__point=point).exists()


def test_a_stand_in_decision_without_optional_fields_is_enough(notice_index, make_point):
    """The handler reads the decision defensively: a record with only the essentials works."""

    class Decision:
        pk = 7
        publish_notice = True
        action = "revoke"
        reason = "commercial activity"
        decided_at = timezone.now()

        class _meta:  # noqa: N801 - what a model instance carries
            label_lower = "stand_in.decision"

    point = make_point(title="替身网点")
    point_status_changed.send(
        sender=None, point=point, old_status="active", new_status="revoked", decision=Decision()
    )
    notice = NoticePage.objects.get(source_key="stand_in.decision:7")
    assert "commercial activity" in notice.summary
    assert notice.publicity_points.get().point == point
