"""The admin views of the year: who sees what, filling in, submitting, evaluating, exporting."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from directory.models import ServicePoint
from directory.yearly import actions
from directory.yearly.models import AnnualSummary, Evaluation, EvaluationCriterion

from .conftest import english_client

pytestmark = pytest.mark.django_db

NARRATIVE = {
    "service_delivery": "全年开展检索服务。",
    "highlights": "建立园区工作站。",
    "lessons": "缩短报告周期。",
    "next_year_plan": "新增两名专职人员。",
    "case_1_title": "某企业专利导航",
    "case_1_date": "2026年3月",
    "case_1_text": "完成导航报告一份。",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard, and a
    user without admin access with the login page."""
    location = response.get("Location", "")
    return response.status_code == 403 or (
        response.status_code == 302
        and (location == reverse("wagtailadmin_home") or location.startswith("/admin/login/"))
    )


@pytest.fixture
def summaries(two_points, year):
    return {
        "a": actions.open_summary(two_points["a"], year),
        "b": actions.open_summary(two_points["b"], year),
    }


def test_staff_open_their_points_summary_prefilled(two_points, year):
    client = english_client(two_points["a_staff"])
    response = client.get(reverse("yearly_open", args=[two_points["a"].pk]))
    summary = AnnualSummary.objects.get(point=two_points["a"], year=year)
    assert response.status_code == 302
    assert response["Location"] == reverse("yearly_summary", args=[summary.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="summary-figures"' in body and "Services offered" in body
    assert "甲网点" in body


def test_staff_cannot_reach_another_points_summary(two_points, summaries):
    client = english_client(two_points["a_staff"])
    b = summaries["b"]
    assert client.get(reverse("yearly_open", args=[two_points["b"].pk])).status_code == 404
    for name in ("yearly_summary", "yearly_print"):
        assert client.get(reverse(name, args=[b.pk])).status_code == 404
    assert client.post(reverse("yearly_summary", args=[b.pk]), NARRATIVE).status_code == 404
    b.refresh_from_db()
    assert b.service_delivery == ""


def test_staff_cannot_reach_the_office_views(two_points, summaries):
    client = english_client(two_points["a_staff"])
    a = summaries["a"]
    assert refused(client.get(reverse("yearly_board")))
    assert refused(client.get(reverse("yearly_export")))
    assert refused(client.get(reverse("yearly_flagged")))
    assert refused(client.get(reverse("yearly_evaluate", args=[a.pk])))
    assert refused(client.post(reverse("yearly_return", args=[a.pk]), {"reason": "x"}))


def test_users_without_a_point_are_refused(db, django_user_model, summaries):
    user = django_user_model.objects.create_user("nobody", password="pw-for-tests-only-123")
    client = english_client(user)
    assert refused(client.get(reverse("yearly_summary", args=[summaries["a"].pk])))


def test_a_draft_keeps_what_was_typed_and_submit_asks_for_every_section(two_points, summaries):
    client = english_client(two_points["a_staff"])
    url = reverse("yearly_summary", args=[summaries["a"].pk])
    response = client.post(url, {"service_delivery": "只写了一段。", "save": "1"})
    assert response.status_code == 302
    summary = AnnualSummary.objects.get(pk=summaries["a"].pk)
    assert summary.service_delivery == "只写了一段。"
    assert summary.status == "draft"

    refused = client.post(
        url, {"service_delivery": "只写了一段。", "lessons": "体会", "submit": "1"}
    )
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "Fill in this section before submitting." in body
    assert "Describe at least one typical case." in body
    assert "只写了一段。" in body and "体会" in body  # nothing typed is lost
    summary.refresh_from_db()
    assert summary.status == "draft" and summary.lessons == ""


def test_submit_hands_in_and_locks_the_summary(two_points, summaries):
    staff = two_points["a_staff"]
    client = english_client(staff)
    url = reverse("yearly_summary", args=[summaries["a"].pk])
    assert client.post(url, {**NARRATIVE, "submit": "1"}).status_code == 302
    summary = AnnualSummary.objects.get(pk=summaries["a"].pk)
    assert summary.status == "submitted"
    assert summary.submitted_by == staff
    assert summary.cases == [
        {"title": "某企业专利导航", "date": "2026年3月", "text": "完成导航报告一份。"}
    ]
    # Submitted: read-only for the point.
    assert 'id="summary-form"' not in client.get(url).content.decode()
    client.post(url, {**NARRATIVE, "service_delivery": "改了", "save": "1"})
    summary.refresh_from_db()
    assert summary.service_delivery == NARRATIVE["service_delivery"]


def test_a_proof_is_stored_privately_and_streamed_to_its_point_only(two_points, summaries):
    client = english_client(two_points["a_staff"])
    summary = summaries["a"]
    url = reverse("yearly_summary", args=[summary.pk])
    upload = SimpleUploadedFile("ledger.pdf", PDF, content_type="application/pdf")
    response = client.post(url, {"attachment_kind": "services", "attachment": upload, "save": "1"})
    assert response.status_code == 302
    attachment = summary.attachments.get()
    download = reverse("yearly_attachment", args=[summary.pk, attachment.pk])
    got = client.get(download)
    assert got.status_code == 200
    assert b"".join(got.streaming_content) == PDF
    assert "attachment" in got["Content-Disposition"]
    other = english_client(two_points["b_staff"])
    assert other.get(download).status_code == 404


def test_a_file_that_is_not_what_it_claims_is_refused_and_the_text_kept(two_points, summaries):
    client = english_client(two_points["a_staff"])
    url = reverse("yearly_summary", args=[summaries["a"].pk])
    upload = SimpleUploadedFile(
        "ledger.pdf", b"<html><script>x</script>", content_type="application/pdf"
    )
    response = client.post(
        url, {"service_delivery": "保留这段", "attachment_kind": "services", "attachment": upload}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Attach a PDF, Word (DOCX), Excel (XLSX), PNG or JPG file." in body
    assert "保留这段" in body
    assert not summaries["a"].attachments.exists()


def test_office_sees_the_board_with_counts_and_filters(two_points, summaries, office_user, year):
    actions.submit(summaries["a"], two_points["a_staff"])
    client = english_client(office_user)
    response = client.get(reverse("yearly_board"), {"year": year})
    assert response.status_code == 200
    body = response.content.decode()
    assert "甲网点" in body and "乙网点" in body
    assert f"?year={year}&amp;state=submitted" in body
    only_submitted = client.get(reverse("yearly_board"), {"year": year, "state": "submitted"})
    assert "甲网点" in only_submitted.content.decode()
    assert "乙网点" not in only_submitted.content.decode()
    to_do = client.get(reverse("yearly_board"), {"year": year, "evaluated": "no"})
    assert "甲网点" in to_do.content.decode() and "乙网点" not in to_do.content.decode()


def test_export_has_one_row_per_point_with_facts_figures_and_narrative(
    two_points, summaries, office_user, year
):
    summary = summaries["a"]
    AnnualSummary.objects.filter(pk=summary.pk).update(service_delivery="=开展检索")
    client = english_client(office_user)
    response = client.get(reverse("yearly_export"), {"year": year})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    by_point = {row[0]: dict(zip(header, row, strict=True)) for row in data}
    assert set(by_point) >= {"甲网点", "乙网点"}
    assert by_point["甲网点"]["Services offered"] is not None
    # A formula-looking text is written inert.
    assert "'=开展检索" in by_point["甲网点"].values()


def test_office_evaluates_and_the_point_sees_the_result(two_points, summaries, office_user):
    summary = summaries["a"]
    actions.submit(summary, two_points["a_staff"])
    office = english_client(office_user)
    url = reverse("yearly_evaluate", args=[summary.pk])
    form = office.get(url)
    assert form.status_code == 200
    criteria = list(EvaluationCriterion.objects.filter(active=True))
    data = {f"score_{c.pk}": c.weight for c in criteria}  # full marks
    data[f"score_{criteria[0].pk}"] = criteria[0].weight - 5
    refused = office.post(url, data)
    assert refused.status_code == 200  # differs from the suggestion without a note
    data.update({f"note_{c.pk}": "复核" for c in criteria})
    response = office.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    evaluation = Evaluation.objects.get(point=two_points["a"], year=summary.year)
    assert float(evaluation.total) == 95.0
    assert evaluation.result == "excellent"
    assert evaluation.reviewer == office_user
    summary.refresh_from_db()
    assert summary.status == "accepted"

    staff = english_client(two_points["a_staff"])
    seen = staff.get(reverse("yearly_evaluation", args=[evaluation.pk]))
    assert seen.status_code == 200
    assert 'data-result="excellent"' in seen.content.decode()
    assert (
        english_client(two_points["b_staff"])
        .get(reverse("yearly_evaluation", args=[evaluation.pk]))
        .status_code
        == 404
    )


def test_a_failing_result_needs_reasons(two_points, summaries, office_user):
    summary = summaries["a"]
    actions.submit(summary, two_points["a_staff"])
    office = english_client(office_user)
    criteria = EvaluationCriterion.objects.filter(active=True)
    data = {f"score_{c.pk}": 0 for c in criteria}
    data.update({f"note_{c.pk}": "无" for c in criteria})
    response = office.post(reverse("yearly_evaluate", args=[summary.pk]), data)
    assert response.status_code == 200
    assert "Give the reasons for a failing result." in response.content.decode()
    assert not Evaluation.objects.exists()


def test_office_returns_a_summary_and_the_point_may_change_it(two_points, summaries, office_user):
    summary = summaries["a"]
    actions.submit(summary, two_points["a_staff"])
    office = english_client(office_user)
    response = office.post(reverse("yearly_return", args=[summary.pk]), {"reason": "补充案例"})
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.status == "returned" and summary.return_reason == "补充案例"
    staff = english_client(two_points["a_staff"])
    page = staff.get(reverse("yearly_summary", args=[summary.pk])).content.decode()
    assert 'id="summary-form"' in page and "补充案例" in page


def test_flagged_report_lists_two_failing_years(two_points, office_user, year):
    for y in (year - 1, year):
        Evaluation.objects.create(point=two_points["b"], year=y, result="fail", total=30)
    response = english_client(office_user).get(reverse("yearly_flagged"), {"year": year})
    assert response.status_code == 200
    body = response.content.decode()
    assert f'data-point="{two_points["b"].pk}"' in body
    assert f'data-point="{two_points["a"].pk}"' not in body


def test_dashboard_panels(two_points, summaries, office_user):
    staff_home = english_client(two_points["a_staff"]).get(reverse("wagtailadmin_home"))
    body = staff_home.content.decode()
    assert 'id="yearly-point-summary"' in body
    assert reverse("yearly_open", args=[two_points["a"].pk]) in body
    assert reverse("yearly_open", args=[two_points["b"].pk]) not in body
    assert 'id="yearly-office"' not in body
    office_home = english_client(office_user).get(reverse("wagtailadmin_home"))
    assert 'id="yearly-office"' in office_home.content.decode()


def test_office_edits_the_criteria_and_staff_cannot(two_points, office_user):
    criterion = EvaluationCriterion.objects.order_by("pk").first()
    url = reverse("wagtailsnippets_yearly_evaluationcriterion:edit", args=[criterion.pk])
    assert english_client(office_user).get(url).status_code == 200
    assert refused(english_client(two_points["a_staff"]).get(url))


def test_a_point_that_handed_nothing_in_can_be_failed_once_late(two_points, office_user, year):
    """第十八条 needs a result for every point: a late one is evaluated on the site's figures."""
    office = english_client(office_user)
    last_year = year - 1  # its due date has passed
    ServicePoint.objects.filter(pk=two_points["b"].pk).update(
        recognition_date=datetime.date(last_year, 1, 1)
    )
    board = office.get(reverse("yearly_board") + f"?year={last_year}")
    open_url = f"{reverse('yearly_open', args=[two_points['b'].pk])}?year={last_year}"
    assert open_url.replace("&", "&amp;") in board.content.decode()

    summary_url = office.get(open_url)["Location"]
    summary = AnnualSummary.objects.get(point=two_points["b"], year=last_year)
    assert summary.status == "draft"
    assert 'id="summary-not-handed-in"' in office.get(summary_url).content.decode()

    criteria = EvaluationCriterion.objects.filter(active=True)
    data = {f"score_{c.pk}": 0 for c in criteria}
    data.update({f"note_{c.pk}": "未提交年度总结" for c in criteria})
    data["reasons"] = "未按期提交年度工作总结。"
    response = office.post(reverse("yearly_evaluate", args=[summary.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    evaluation = Evaluation.objects.get(point=two_points["b"], year=last_year)
    assert evaluation.result == "fail"
    summary.refresh_from_db()
    assert summary.status == "draft"  # evaluated, never accepted as handed in


def test_a_draft_of_this_year_cannot_be_evaluated_before_its_due_date(
    two_points, summaries, office_user, year, settings
):
    settings.ANNUAL_SUMMARY_DUE = "12-31"
    office = english_client(office_user)
    criteria = EvaluationCriterion.objects.filter(active=True)
    data = {f"score_{c.pk}": c.weight for c in criteria}
    response = office.post(reverse("yearly_evaluate", args=[summaries["a"].pk]), data)
    assert response.status_code == 302
    assert not Evaluation.objects.exists()
