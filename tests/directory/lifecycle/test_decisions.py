"""Status decisions: revoke, suspend, reinstate; the bar on false material; where a point shows."""

import datetime

import pytest
from django.urls import reverse

from directory.lifecycle.bars import barred_until, normalise_organisation
from directory.lifecycle.decisions import DecisionError, apply_decision
from directory.lifecycle.models import StatusDecision
from directory.lifecycle.signals import point_status_changed
from directory.models import ServicePoint
from tests.services.helpers import admin_client_for

from .helpers import make_moderator

pytestmark = pytest.mark.django_db


def test_revoking_publishes_the_status_and_sends_the_signal(
    make_point, django_capture_on_commit_callbacks
):
    point = make_point(title="撤销网点")
    office = make_moderator()
    received = []

    def listener(**kwargs):
        received.append(kwargs)

    point_status_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            decision = apply_decision(
                point, action="revoke", reason="commercial_activity", text="违规", user=office
            )
    finally:
        point_status_changed.disconnect(listener)
    fresh = ServicePoint.objects.get(pk=point.pk)
    assert fresh.status == "revoked"
    assert fresh.live_revision.user == office
    assert decision.old_status == "active" and decision.new_status == "revoked"
    assert [(r["old_status"], r["new_status"], r["decision"]) for r in received] == [
        ("active", "revoked", decision)
    ]


def test_a_decision_must_fit_the_status(make_point):
    point = make_point()
    with pytest.raises(DecisionError):
        apply_decision(point, action="reinstate", reason="other", text="x", user=make_moderator())


def test_false_material_bars_the_organisation(make_point, settings):
    settings.APPLICATION_BAR_YEARS = 3
    point = make_point(title="广州（某某）信息中心")
    decision = apply_decision(
        point,
        action="revoke",
        reason="false_material",
        text="申报材料虚假",
        user=make_moderator(),
        effective_on=datetime.date(2026, 3, 1),
    )
    assert decision.bars_until == datetime.date(2029, 2, 28)
    assert barred_until("广州(某某) 信息中心", datetime.date(2027, 1, 1)) == decision.bars_until
    assert barred_until("广州(某某)信息中心", datetime.date(2029, 3, 1)) is None
    assert barred_until("另一个中心", datetime.date(2027, 1, 1)) is None
    assert normalise_organisation("Ａ Ｂ（c）") == "abc"


def test_other_reasons_do_not_bar(make_point):
    point = make_point(title="某中心")
    apply_decision(point, action="revoke", reason="own_request", text="自愿", user=make_moderator())
    assert barred_until("某中心") is None


def test_suspended_point_leaves_search_and_sitemap_but_keeps_its_profile(client, make_point):
    from home.site_search.visibility import visible_pages

    point = make_point(title="暂停网点")
    apply_decision(point, action="suspend", reason="other", text="整改", user=make_moderator())
    fresh = ServicePoint.objects.get(pk=point.pk)
    assert not visible_pages(fresh.locale).filter(pk=point.pk).exists()
    sitemap = client.get("/sitemap.xml")
    if sitemap.status_code == 200 and b"sitemapindex" not in sitemap.content:
        assert fresh.slug.encode() not in sitemap.content
    response = client.get("/en" + fresh.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="point-status"' in html and 'data-status="suspended"' in html
    decided = StatusDecision.objects.get(point=point).effective_on
    assert decided.isoformat() in html.split('id="point-status"')[1].split("</p>")[0]
    assert "noindex" in html


def test_revoked_point_leaves_the_directory_listing(make_point):
    point = make_point(title="撤销网点")
    apply_decision(point, action="revoke", reason="other", text="x", user=make_moderator())
    assert not ServicePoint.objects.listed().filter(pk=point.pk).exists()


def test_suspended_point_leaves_the_directory_listing(make_point):
    point = make_point(title="暂停网点")
    apply_decision(point, action="suspend", reason="other", text="x", user=make_moderator())
    assert not ServicePoint.objects.listed().filter(pk=point.pk).exists()


def test_decision_view_for_the_office(make_point):
    point = make_point()
    client = admin_client_for(make_moderator())
    url = reverse("lifecycle_point_decision", args=[point.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "suspend", "reason": "other", "text": ""})
    assert response.status_code == 200  # the explanation is required; nothing is decided
    assert ServicePoint.objects.get(pk=point.pk).status == "active"
    response = client.post(
        url,
        {
            "action": "suspend",
            "reason": "other",
            "text": "整改期间暂停",
            "effective_on": "2026-12-01",
            "publish_notice": "on",
        },
    )
    assert response.status_code == 302
    decision = StatusDecision.objects.get()
    assert decision.publish_notice and decision.effective_on == datetime.date(2026, 12, 1)
    assert ServicePoint.objects.get(pk=point.pk).status == "suspended"
