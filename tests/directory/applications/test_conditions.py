"""The conditions of 第五条 and 第七条 an application must meet before it is submitted."""

import datetime

import pytest
from django.utils import translation

from directory.applications import conditions
from directory.applications.models import (
    ApplicationAttachment,
    ApplicationCase,
    ApplicationQualification,
    ApplicationService,
    Section,
)
from directory.models import PointCategory, Qualification, ServiceItem
from tests.factories import reference, region


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_a_complete_application_has_no_problems(application):
    assert conditions.problems(application) == {}


def test_an_empty_application_lists_every_section(make_application):
    application = make_application(complete=False)
    found = conditions.problems(application)
    assert set(found) == set(Section) - {Section.QUALIFICATIONS}
    assert "Fill in “organisation name”." in found[Section.BASIC]


def test_full_time_staff_below_the_office_minimum(application):
    application.staff_full_time = 3
    application.save()
    assert conditions.problems(application)[Section.BASIC] == [
        "At least 5 full-time staff members are needed; you entered 3."
    ]


def test_the_minimum_is_the_offices_setting(application):
    application.office.min_full_time_staff = 7
    application.office.save()
    found = conditions.problems(application)
    assert "At least 7 full-time staff members are needed; you entered 5." in found[Section.BASIC]
    assert found[Section.TEAM] == ["Describe at least 7 full-time staff members; the team lists 5."]


def test_the_team_needs_a_head(application):
    application.team.filter(role="head").delete()
    assert conditions.problems(application)[Section.TEAM] == [
        "Add the head of the point to the team."
    ]


def test_staff_counts_must_add_up(application):
    application.staff_total = 6
    application.save()
    assert conditions.problems(application)[Section.BASIC] == [
        "Full-time (5) and part-time (2) staff together are more than the staff in total (6)."
    ]


def test_the_city_must_be_in_the_province(application):
    application.city = region("110100")  # Beijing, while the province stays Guangdong
    application.save()
    (message,) = conditions.problems(application)[Section.BASIC]
    assert "is not in" in message


def test_a_market_firm_needs_its_sub_kind(application):
    application.category = reference(PointCategory, "market_firm")
    application.save()
    assert Section.CATEGORY in conditions.problems(application)
    application.subkind = reference(PointCategory, "market_agency")
    application.save()
    assert Section.CATEGORY not in conditions.problems(application)


def test_at_least_one_service(application):
    application.services.all().delete()
    assert conditions.problems(application)[Section.SERVICES] == [
        "Choose at least one service you will offer."
    ]


def test_a_basic_service_must_be_free(application):
    ApplicationService.objects.filter(application=application).update(fee="low_cost")
    assert conditions.problems(application)[Section.SERVICES] == ["Basic-tier services are free."]


def test_one_or_two_cases(application):
    application.typical_cases.all().delete()
    assert conditions.problems(application)[Section.CASES] == [
        "Describe at least one typical case."
    ]
    for number in range(3):
        ApplicationCase.objects.create(application=application, title=f"案例{number}", content="…")
    assert conditions.problems(application)[Section.CASES] == [
        "Describe at most 2 typical cases; there are 3."
    ]


def test_required_attachments(application):
    application.attachments.filter(kind=ApplicationAttachment.Kind.SERVICE_RECORD).delete()
    assert conditions.problems(application)[Section.ATTACHMENTS] == [
        "Attach the service record of the last two years."
    ]


def test_the_declaration(application):
    application.declaration_accepted = False
    application.save()
    assert conditions.problems(application)[Section.DECLARATION] == [
        "Confirm that the application is true and complete."
    ]


def test_the_rules_and_the_infrastructure(application):
    application.rules_file = ""
    application.has_network = False
    application.save()
    found = conditions.problems(application)
    assert found[Section.RULES] == ["Upload your working rules."]
    assert "第五条" in found[Section.INFRASTRUCTURE][0]


def test_long_texts_have_a_limit(application):
    application.strengths = "字" * 2501
    application.save()
    assert conditions.problems(application)[Section.STRENGTHS] == [
        "The foundation and strengths has 2501 characters; at most 2500 are accepted."
    ]


def test_a_qualification_needs_its_proof(application):
    ApplicationQualification.objects.create(
        application=application, qualification=reference(Qualification, "tisc")
    )
    assert conditions.problems(application)[Section.QUALIFICATIONS] == [
        "Upload the proof of “技术与创新支持中心（TISC）”."
    ]


def test_a_barred_organisation_is_told_until_when(application, monkeypatch):
    monkeypatch.setattr(conditions, "barred_until", lambda organisation: datetime.date(2028, 3, 1))
    (message,) = conditions.problems(application)[Section.BASIC]
    assert "may not apply again until" in message
    assert "2028" in message


@pytest.mark.parametrize(
    ("code", "priority"),
    [("tisc", True), ("provincial_point", True), ("patent_info_base", True), ("city_point", False)],
)
def test_priority_for_national_or_provincial_qualifications(application, code, priority):
    assert conditions.is_priority(application) is False
    ApplicationQualification.objects.create(
        application=application, qualification=reference(Qualification, code)
    )
    assert conditions.is_priority(application) is priority


def test_services_from_every_tier_count(application):
    ApplicationService.objects.create(
        application=application,
        service=reference(ServiceItem, "P01"),
        tier="professional",
        fee="low_cost",
    )
    assert conditions.problems(application) == {}
