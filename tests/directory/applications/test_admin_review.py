"""The review in the admin over HTTP: the queue, one application's page and its actions, and
who may open any of it (the office only: point staff and applicants are refused)."""

import pytest
from django.test import Client
from django.urls import reverse

from directory.applications.models import ApplicationStatus, RecognisingOffice, ReviewComment
from directory.models import ServicePoint

from .test_review_helpers import in_state, make_reviewer, submit

pytestmark = pytest.mark.django_db

NS = "applications_review"
ACTIONS = ("start_review", "site_visit", "comment", "return", "approve", "reject")


@pytest.fixture
def reviewer(db):
    return make_reviewer()


@pytest.fixture
def office_client(reviewer):
    client = Client()
    client.force_login(reviewer)
    return client


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


def every_review_url(application):
    pk = application.pk
    return [
        url("index"),
        url("index_results"),
        url("detail", pk),
        url("file", pk) + f"?name={application.rules_file.name}",
        *(url(action, pk) for action in ACTIONS),
        reverse("wagtailsnippets_applications_recognisingoffice:list"),
        reverse("wagtailsnippets_applications_recognisingoffice:add"),
        reverse(
            "wagtailsnippets_applications_recognisingoffice:edit", args=[application.office_id]
        ),
    ]


def test_the_queue_lists_work_not_drafts(office_client, make_application):
    waiting = submit(make_application(organisation="等待审核的中心"))
    make_application(organisation="仍在填写的中心")
    response = office_client.get(url("index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert waiting.organisation in html
    assert "仍在填写的中心" not in html
    assert 'id="application-draft-count"' in html


def test_priority_applications_come_first(office_client, make_application):
    submit(make_application(organisation="先到的中心"))
    submit(make_application(organisation="优先的中心", priority=True))
    html = office_client.get(url("index")).content.decode()
    assert html.index("优先的中心") < html.index("先到的中心")


def test_filter_by_status_and_search_by_organisation(office_client, make_application, reviewer):
    submit(make_application(organisation="甲中心"))
    in_state(make_application(organisation="乙中心"), ApplicationStatus.UNDER_REVIEW, reviewer)
    html = office_client.get(url("index"), {"status": "under_review"}).content.decode()
    assert "乙中心" in html and "甲中心" not in html
    html = office_client.get(url("index"), {"q": "甲"}).content.decode()
    assert "甲中心" in html and "乙中心" not in html
    html = office_client.get(url("index"), {"reviewer": reviewer.pk}).content.decode()
    assert "乙中心" in html and "甲中心" not in html


def test_the_detail_shows_every_section_and_the_files(office_client, application):
    submit(application)
    response = office_client.get(url("detail", application.pk))
    assert response.status_code == 200
    html = response.content.decode()
    for section in ("basic", "team", "services", "attachments", "declaration"):
        assert f'id="section-{section}"' in html
    assert "专职1" in html  # the team table
    assert 'id="conditions-met"' in html
    download = office_client.get(url("file", application.pk), {"name": application.rules_file.name})
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # Only this application's files: any other name is not found.
    other = office_client.get(url("file", application.pk), {"name": "../../etc/passwd"})
    assert other.status_code == 404


def test_a_draft_is_not_found_in_the_review(office_client, application):
    assert office_client.get(url("detail", application.pk)).status_code == 404


def test_the_review_through_the_forms(office_client, application, reviewer, directory_page):
    submit(application)
    response = office_client.post(url("start_review", application.pk), {"reviewer": reviewer.pk})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.UNDER_REVIEW

    response = office_client.post(
        url("comment", application.pk), {"section": "team", "text": "请补充证书。"}
    )
    assert response.status_code == 302
    assert ReviewComment.objects.get().section == "team"
    html = office_client.get(url("detail", application.pk)).content.decode()
    assert "请补充证书。" in html

    response = office_client.post(
        url("approve", application.pk), {"level": "city", "date": "2026-12-01"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert ServicePoint.objects.get(pk=application.point_id).live


def test_a_bad_form_keeps_the_input_and_changes_nothing(office_client, application):
    submit(application)
    response = office_client.post(url("comment", application.pk), {"section": "team", "text": ""})
    assert response.status_code == 200
    assert response.context["action_forms"]
    bound = next(f["form"] for f in response.context["action_forms"] if f["action"] == "comment")
    assert bound.errors["text"]
    assert bound["section"].value() == "team"
    assert not ReviewComment.objects.exists()

    response = office_client.post(url("reject", application.pk), {"reason": "  "})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_an_action_the_state_does_not_allow_is_refused_with_a_message(office_client, application):
    submit(application)
    response = office_client.post(url("site_visit", application.pk), {"note": "现场考察"})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    # The form is not offered in this state; the reason is the page's error message.
    assert "site-visit-form" not in response.content.decode()
    messages = [m for m in response.context["messages"] if m.level_tag == "error"]
    assert len(messages) == 1


def test_point_staff_are_refused_everywhere(application, make_point, make_staff):
    submit(application)
    client = Client()
    client.force_login(make_staff(make_point()))
    for address in every_review_url(application):
        for method in (client.get, client.post):
            response = method(address)
            assert response.status_code in {302, 403}, (address, method)
            if response.status_code == 302:
                assert not response["Location"].startswith(url("index"))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert RecognisingOffice.objects.count() == 1


def test_applicants_are_sent_to_the_login(application):
    submit(application)
    client = Client()
    client.force_login(application.applicant)
    for address in every_review_url(application):
        response = client.get(address)
        assert response.status_code in {302, 403}, address
        if response.status_code == 302:
            assert "/login/" in response["Location"]


def test_the_office_sees_every_application(office_client, make_application):
    first = submit(make_application(organisation="一号中心"))
    second = submit(make_application(organisation="二号中心"))
    for application in (first, second):
        assert office_client.get(url("detail", application.pk)).status_code == 200


def test_the_menu_and_dashboard_panel_are_the_offices(
    office_client, make_point, make_staff, make_application
):
    submit(make_application())
    html = office_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="recognition-applications-panel' in html
    assert f"{url('index')}?status=submitted" in html
    assert "recognition_applications" in html  # the menu item's name

    staff = Client()
    staff.force_login(make_staff(make_point()))
    html = staff.get(reverse("wagtailadmin_home")).content.decode()
    assert "recognition-applications-panel" not in html
    assert "recognition_applications" not in html


def test_the_office_edits_the_recognising_offices(office_client, recognising_office):
    listing = office_client.get(reverse("wagtailsnippets_applications_recognisingoffice:list"))
    assert listing.status_code == 200
    assert recognising_office.name in listing.content.decode()
