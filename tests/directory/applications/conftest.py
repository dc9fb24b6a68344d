"""Fixtures for the recognition application, shared by the public side and the review.

- `recognising_office`: the default Guangzhou office (5 full-time staff, 第五条).
- `make_applicant(email=..., organisation=..., confirmed=True)`: a user with an Applicant row.
- `applicant`: one confirmed applicant user (applicant@example.com, password PASSWORD).
- `make_application(user=None, complete=True, **fields)`: an application owned by `user`
  (default: a new confirmed applicant); `complete=True` fills every section so that
  `conditions.problems()` finds nothing; fields override the basic facts.
- `application`: a complete draft application of `applicant`.
- `pdf_upload(name)`: an uploaded-file object the application's upload checks accept.

Importable without the public views: only models, the default office and the factories.
"""

import itertools

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from directory.applications.defaults import ensure_default_office
from directory.applications.models import (
    Applicant,
    Application,
    ApplicationAttachment,
    ApplicationCase,
    ApplicationService,
    ApplicationStaffMember,
)
from directory.models import Audience, PointCategory, ServiceItem
from home.core.models import User
from tests.factories import reference, region

PASSWORD = "a-Long-pw-for-tests-42"  # noqa: S105 - a test password
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

_numbers = itertools.count(1)


def pdf_upload(name: str = "proof.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _pdf(name: str) -> ContentFile:
    return ContentFile(PDF_BYTES, name=name)


@pytest.fixture
def recognising_office(db):
    return ensure_default_office()


@pytest.fixture
def make_applicant(db):
    def make(email=None, organisation="广州示范信息服务中心", confirmed=True):
        email = email or f"applicant{next(_numbers)}@example.com"
        user = User.objects.create_user(username=email, email=email, password=PASSWORD)
        Applicant.objects.create(
            user=user,
            organisation=organisation,
            email_confirmed_at=timezone.now() if confirmed else None,
        )
        return user

    return make


@pytest.fixture
def applicant(make_applicant):
    return make_applicant(email="applicant@example.com")


def fill_complete(application: Application, min_staff: int) -> Application:
    """Every section of `application` filled in so that no condition of 第五条 is missing."""
    guangzhou = region("440100")
    application.organisation = application.organisation or "广州示范信息服务中心"
    application.nature = application.nature or "public_institution"
    application.province = guangzhou.parent
    application.city = guangzhou
    application.address = "广州市天河区示范路1号"
    application.head_name = "李主任"
    application.head_title = "主任"
    application.staff_total = min_staff + 3
    application.staff_full_time = min_staff
    application.staff_part_time = 2
    application.contact_person = "王联系"
    application.phone = "13800138000"
    application.email = "contact@example.com"
    application.category = reference(PointCategory, "library")
    application.service_area_m2 = 200
    application.has_network = True
    application.has_hardware = True
    application.databases = "incoPat\nCNKI"
    application.rules_name = "知识产权信息服务工作制度"
    application.rules_file = _pdf("rules.pdf")
    application.strengths = "我们的馆藏与检索基础。" * 20
    application.development_plan = "未来三年的服务目标。" * 20
    application.declaration_accepted = True
    application.declared_by = "李主任"
    application.save()
    application.audiences.set([reference(Audience, "enterprise"), reference(Audience, "public")])
    ApplicationService.objects.create(
        application=application, service=reference(ServiceItem, "B03"), tier="basic", fee="free"
    )
    team = [ApplicationStaffMember(name="李主任", role="head", position="主任", sort_order=0)]
    team += [
        ApplicationStaffMember(
            name=f"专职{number}",
            role="full_time",
            position="馆员",
            education="硕士",
            certificates="专利信息分析人员证书",
            experience="从事专利检索服务五年。",
            sort_order=number,
        )
        for number in range(1, min_staff + 1)
    ]
    for member in team:
        member.application = application
    ApplicationStaffMember.objects.bulk_create(team)
    ApplicationCase.objects.create(
        application=application,
        title="为某企业开展专利检索",
        date=timezone.localdate(),
        content="检索并分析了相关专利。",
        effect="企业调整了研发方向。",
    )
    for kind in ("licence", "rules", "service_record"):
        ApplicationAttachment.objects.create(
            application=application, kind=kind, file=_pdf(f"{kind}.pdf")
        )
    return application


@pytest.fixture
def make_application(make_applicant, recognising_office):
    def make(user=None, *, complete=True, office=None, **fields):
        user = user or make_applicant()
        office = office or recognising_office
        application = Application.objects.create(applicant=user, office=office, **fields)
        if complete:
            fill_complete(application, office.min_full_time_staff)
        return application

    return make


@pytest.fixture
def application(make_application, applicant):
    return make_application(applicant)
