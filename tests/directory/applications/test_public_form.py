"""The application form as the applicant uses it: drafts, format errors, uploads, submission."""

import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from directory.applications.models import (
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    ReviewComment,
)
from directory.models import Audience, PointCategory, ServiceItem
from tests.factories import reference, region

from .conftest import PDF_BYTES, pdf_upload


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def signed_in(client, applicant):
    client.force_login(applicant)
    return client


def section_url(application, section):
    return f"/en/apply/{application.pk}/{section}/"


def test_start_an_application(signed_in, recognising_office, applicant):
    response = signed_in.post("/en/apply/new/", {"office": recognising_office.pk})
    application = Application.objects.get(applicant=applicant)
    assert response["Location"] == reverse("applications:section", args=[application.pk, "basic"])
    assert application.status == ApplicationStatus.DRAFT
    assert application.organisation == "广州示范信息服务中心"
    page = signed_in.get("/en/apply/my/").content.decode()
    assert f'data-application="{application.pk}"' in page and 'data-status="draft"' in page


def test_basic_facts_save_as_a_draft(signed_in, make_application, applicant):
    application = make_application(applicant, complete=False)
    guangzhou = region("440100")
    response = signed_in.post(
        section_url(application, "basic"),
        {
            "organisation": "广州测试中心",
            "province": guangzhou.parent_id,
            "city": guangzhou.pk,
            "staff_full_time": "3",
            "phone": "(020) 8765-4321",
            "action": "draft",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.organisation, application.city, application.staff_full_time) == (
        "广州测试中心",
        guangzhou,
        3,
    )
    assert application.phone == "020-87654321"


def test_a_format_error_keeps_everything_typed_and_saves_the_rest(
    signed_in, make_application, applicant
):
    application = make_application(applicant, complete=False)
    response = signed_in.post(
        section_url(application, "basic"),
        {
            "organisation": "广州测试中心",
            "address": "天河路 1 号",
            "phone": "12345",
            "email": "not-an-address",
            "staff_total": "many",
            "action": "continue",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="form-errors"' in html
    for typed in ("广州测试中心", "天河路 1 号", "12345", "not-an-address", "many"):
        assert typed in html
    application.refresh_from_db()
    assert application.organisation == "广州测试中心"  # what was right is saved
    assert application.phone == "" and application.staff_total is None


@pytest.mark.parametrize(
    ("section", "data", "check"),
    [
        (
            "category",
            lambda: {"category": reference(PointCategory, "market_firm").pk},
            lambda app: app.category.code == "market_firm",
        ),
        (
            "audiences",
            lambda: {"audiences": [reference(Audience, "public").pk]},
            lambda app: list(app.audiences.values_list("code", flat=True)) == ["public"],
        ),
        (
            "infrastructure",
            lambda: {"service_area_m2": "120", "has_network": "True", "has_hardware": "False"},
            lambda app: (
                (app.service_area_m2, app.has_network, app.has_hardware) == (120, True, False)
            ),
        ),
        (
            "strengths",
            lambda: {"strengths": "馆藏丰富"},
            lambda app: app.strengths == "馆藏丰富",
        ),
        (
            "plan",
            lambda: {"development_plan": "三年目标"},
            lambda app: app.development_plan == "三年目标",
        ),
        (
            "declaration",
            lambda: {"declaration_accepted": "on", "declared_by": "李主任"},
            lambda app: app.declaration_accepted and app.declared_by == "李主任",
        ),
        (
            "services",
            lambda: {
                "basic": [reference(ServiceItem, "B03").pk],
                "professional": [reference(ServiceItem, "P01").pk],
                "professional_fee": "negotiable",
            },
            lambda app: (
                sorted(app.services.values_list("tier", "fee"))
                == [("basic", "free"), ("professional", "negotiable")]
            ),
        ),
    ],
)
def test_each_section_saves_a_draft(signed_in, make_application, applicant, section, data, check):
    application = make_application(applicant, complete=False)
    response = signed_in.post(section_url(application, section), {**data(), "action": "draft"})
    assert response.status_code == 302, response.content.decode()[:2000]
    application.refresh_from_db()
    assert check(application)


def _management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_the_team_is_one_entry_per_person(signed_in, make_application, applicant):
    application = make_application(applicant, complete=False)
    data = {**_management("team", 2), "action": "continue"}
    data.update({"team-0-name": "李主任", "team-0-role": "head", "team-1-name": "王专职"})
    data["team-1-role"] = "full_time"
    data["team-1-experience"] = "五年专利检索经验"
    response = signed_in.post(section_url(application, "team"), data)
    assert response["Location"] == reverse("applications:section", args=[application.pk, "plan"])
    assert list(application.team.values_list("name", "role")) == [
        ("李主任", "head"),
        ("王专职", "full_time"),
    ]


def test_experience_over_300_characters_is_refused(signed_in, make_application, applicant):
    application = make_application(applicant, complete=False)
    data = {**_management("team", 1), "action": "draft"}
    data.update({"team-0-name": "李", "team-0-role": "head", "team-0-experience": "经" * 301})
    response = signed_in.post(section_url(application, "team"), data)
    assert response.status_code == 400
    assert "经" * 301 in response.content.decode()
    assert not application.team.exists()


def test_at_most_two_cases(signed_in, make_application, applicant):
    application = make_application(applicant, complete=False)
    data = {**_management("cases", 3), "action": "draft"}
    for number in range(3):
        data[f"cases-{number}-title"] = f"案例{number}"
        data[f"cases-{number}-content"] = "内容"
    response = signed_in.post(section_url(application, "cases"), data)
    assert response.status_code == 400
    assert "Describe at most 2 typical cases." in response.content.decode()
    assert not application.typical_cases.exists()


def test_an_upload_is_checked_and_listed_once_saved(signed_in, make_application, applicant):
    application = make_application(applicant, complete=False)
    url = section_url(application, "rules")
    fake = io.BytesIO(b"MZ this is a program")
    fake.name = "rules.pdf"
    response = signed_in.post(
        url, {"rules_name": "工作制度", "rules_file": fake, "action": "draft"}
    )
    assert response.status_code == 400
    assert "Upload a PDF" in response.content.decode()
    application.refresh_from_db()
    assert application.rules_name == "工作制度" and not application.rules_file

    good = io.BytesIO(PDF_BYTES)
    good.name = "rules.pdf"
    # A format error elsewhere on the page: the good file is kept and listed nonetheless.
    response = signed_in.post(
        url, {"rules_name": "制度\n第二行", "rules_file": good, "action": "draft"}
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.rules_file
    html = response.content.decode()
    assert reverse("applications:file", args=[application.pk, application.rules_file.name]) in html

    download = signed_in.get(
        reverse("applications:file", args=[application.pk, application.rules_file.name])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert download["Content-Disposition"].startswith("attachment")


def test_an_office_file_that_is_no_document_is_refused(signed_in, make_application, applicant):
    application = make_application(applicant, complete=False)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("hello.txt", "hi")
    archive.seek(0)
    archive.name = "licence.docx"
    data = {**_management("attachments", 1), "action": "draft"}
    data.update({"attachments-0-kind": "licence", "attachments-0-file": archive})
    response = signed_in.post(section_url(application, "attachments"), data)
    assert response.status_code == 400
    assert not application.attachments.exists()


def test_attachments_upload(signed_in, make_application, applicant):
    application = make_application(applicant, complete=False)
    data = {**_management("attachments", 1), "action": "draft"}
    data.update({"attachments-0-kind": "licence", "attachments-0-file": pdf_upload("执照.pdf")})
    response = signed_in.post(section_url(application, "attachments"), data)
    assert response.status_code == 302
    (attachment,) = application.attachments.all()
    assert attachment.kind == ApplicationAttachment.Kind.LICENCE


def test_submit_is_blocked_with_the_problems_listed(signed_in, make_application, applicant):
    application = make_application(applicant, complete=False)
    response = signed_in.post(f"/en/apply/{application.pk}/submit/")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-section="team"' in html
    assert section_url(application, "team") in html
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_submit(signed_in, application, office_user, django_capture_on_commit_callbacks):
    assert signed_in.get(f"/en/apply/{application.pk}/submit/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(f"/en/apply/{application.pk}/submit/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.round) == (ApplicationStatus.SUBMITTED, 1)
    assert application.submitted_at and application.declared_at
    assert sorted(message.to[0] for message in mail.outbox) == [
        "applicant@example.com",
        "office@example.com",
    ]
    entry = ModelLogEntry.objects.for_instance(application).get()
    assert entry.action == "applications.submit"
    # Read-only now: the pages show, a change is refused.
    page = signed_in.get(section_url(application, "basic"))
    assert 'id="read-only"' in page.content.decode()
    signed_in.post(section_url(application, "basic"), {"organisation": "改名", "action": "draft"})
    application.refresh_from_db()
    assert application.organisation == "广州示范信息服务中心"


def test_returned_comments_show_and_resubmission_counts_a_round(
    signed_in, application, office_user
):
    application.status, application.round = ApplicationStatus.RETURNED, 1
    application.save()
    ReviewComment.objects.create(
        application=application,
        section="team",
        text="请补充专职人员证书",
        author=office_user,
        round=1,
    )
    overview = signed_in.get(f"/en/apply/{application.pk}/").content.decode()
    assert "请补充专职人员证书" in overview
    assert "请补充专职人员证书" in signed_in.get(section_url(application, "team")).content.decode()
    assert (
        "请补充专职人员证书"
        not in signed_in.get(section_url(application, "basic")).content.decode()
    )
    assert "请补充专职人员证书" in signed_in.get("/en/apply/my/").content.decode()

    response = signed_in.post(f"/en/apply/{application.pk}/submit/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.round) == (ApplicationStatus.SUBMITTED, 2)
    assert application.comments.get().resolved
    assert ModelLogEntry.objects.for_instance(application).get().action == "applications.resubmit"


def test_priority_is_set_on_submission(signed_in, application):
    from directory.applications.models import ApplicationQualification
    from directory.models import Qualification

    ApplicationQualification.objects.create(
        application=application,
        qualification=reference(Qualification, "tisc"),
        proof=pdf_upload(),
    )
    signed_in.post(f"/en/apply/{application.pk}/submit/")
    application.refresh_from_db()
    assert application.priority


def test_the_decision_and_history_show(signed_in, application):
    signed_in.post(f"/en/apply/{application.pk}/submit/")
    Application.objects.filter(pk=application.pk).update(
        status=ApplicationStatus.REJECTED, decision_reason="专职人员不足"
    )
    html = signed_in.get(f"/en/apply/{application.pk}/").content.decode()
    assert 'id="decision"' in html and "专职人员不足" in html
    assert 'id="history"' in html


@pytest.mark.parametrize("path", ["", "basic/", "submit/", "team/"])
def test_another_applicant_gets_404(client, application, make_applicant, path):
    client.force_login(make_applicant(email="other@example.com"))
    assert client.get(f"/en/apply/{application.pk}/{path}").status_code == 404


def test_another_applicant_cannot_download_the_files(client, application, make_applicant):
    client.force_login(make_applicant(email="other@example.com"))
    url = reverse("applications:file", args=[application.pk, application.rules_file.name])
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, application):
    response = client.get(f"/en/apply/{application.pk}/")
    assert response.status_code == 302
    assert reverse("applications:sign_in") in response["Location"]


def test_an_unknown_section_is_404(signed_in, application):
    assert signed_in.get(f"/en/apply/{application.pk}/nonsense/").status_code == 404


def test_every_section_page_opens(signed_in, application):
    from directory.applications.models import Section

    for section in Section:
        assert signed_in.get(section_url(application, section)).status_code == 200, section
