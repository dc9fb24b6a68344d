"""Staff submit a case, a moderator approves it; other points' staff can neither edit nor see
it."""

import re

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from home.cases.models import CasePage
from home.cases.pages import cases_of_point
from tests.services.helpers import admin_client_for

from .helpers import add_url, case_post

pytestmark = pytest.mark.django_db


def test_staff_submit_and_a_moderator_approves(
    client, case_index, make_staff, case_moderator, points
):
    staff = make_staff(points["gz"])
    response = admin_client_for(staff, client).post(
        add_url(case_index), case_post(points["gz"], action="submit")
    )
    assert response.status_code == 302
    case = CasePage.objects.get(slug="our-case")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(case.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"
    assert not case.live and cases_of_point(points["gz"]) == []

    # The author cannot approve their own submission: Wagtail turns the PermissionDenied into a
    # redirect to the dashboard.
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(case.pk, "approve", state.current_task_state.pk)
    )
    refused = client.post(url, {"comment": ""})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    case.refresh_from_db()
    assert not case.live

    moderator = admin_client_for(case_moderator)
    dashboard = moderator.get(reverse("wagtailadmin_home")).content.decode()
    assert "我们的专利导航案例" in dashboard  # "Awaiting your review"
    response = moderator.post(url, {"comment": "同意发布"})
    assert response.status_code == 302
    case.refresh_from_db()
    state.refresh_from_db()
    assert case.live and state.status == WorkflowState.STATUS_APPROVED
    assert cases_of_point(points["gz"]) == [case]
    assert client.get(case.url).status_code == 200
    assert "我们的专利导航案例" in client.get(case_index.url).content.decode()
    profile = client.get(points["gz"].url).content.decode()
    section = re.search(r'<section class="point-cases.*?</section>', profile, re.S)
    assert section and "我们的专利导航案例" in section.group(0)


def test_staff_cannot_edit_other_points_cases(client, case_index, make_staff, points):
    author = make_staff(points["gz"])
    admin_client_for(author, client).post(add_url(case_index), case_post(points["gz"]))
    case = CasePage.objects.get(slug="our-case")
    edit = reverse("wagtailadmin_pages:edit", args=(case.pk,))
    assert client.get(edit).status_code == 200  # the author can

    other = admin_client_for(make_staff(points["bj"]))
    response = other.get(edit)
    assert response.status_code == 302 and response["Location"] == "/admin/"  # PermissionDenied
    response = other.post(edit, case_post(points["bj"], title="改掉"))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert case.get_latest_revision_as_object().title == "我们的专利导航案例"

    # Nor does their listing of the case library show the other point's draft.
    listing = other.get(reverse("wagtailadmin_explore", args=(case_index.pk,))).content.decode()
    assert "我们的专利导航案例" not in listing
    assert (
        "我们的专利导航案例"
        in client.get(reverse("wagtailadmin_explore", args=(case_index.pk,))).content.decode()
    )
