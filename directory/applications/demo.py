"""Demo applications for `load_demo`: one applicant, one application returned with comments,
one under review with priority. Idempotent: the demo rows are found by their names again.

The demo applicant has no usable password: it shows the office's review queue and what an
applicant sees (an editor can set a password in the admin to sign in as it).
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Locale

from directory.models import Audience, PointCategory, Qualification, Region, ServiceItem

from .defaults import ensure_default_office
from .models import (
    Applicant,
    Application,
    ApplicationAttachment,
    ApplicationCase,
    ApplicationQualification,
    ApplicationService,
    ApplicationStaffMember,
    ApplicationStatus,
    ReviewComment,
)

DEMO_EMAIL = "demo-applicant@example.com"
RETURNED = "广州示范科技信息服务中心（演示）"
UNDER_REVIEW = "广州示范大学图书馆（演示）"
PDF = b"%PDF-1.4\n% demo attachment\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def _ref(model, code):
    return model.objects.get(code=code, locale=Locale.get_default())


def _demo_user():
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=DEMO_EMAIL, defaults={"email": DEMO_EMAIL, "first_name": "演示联系人"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    Applicant.objects.get_or_create(
        user=user,
        defaults={"organisation": RETURNED, "email_confirmed_at": timezone.now()},
    )
    return user


def _fill(application, *, category: str, staff: int) -> None:
    city = Region.objects.get(adcode="440100", locale=Locale.get_default())
    application.nature = "public_institution"
    application.province, application.city = city.parent, city
    application.address = "广州市天河区示范路 1 号（演示地址）"
    application.head_name, application.head_title = "演示主任", "主任"
    application.staff_total, application.staff_full_time, application.staff_part_time = (
        staff + 3,
        staff,
        2,
    )
    application.contact_person, application.phone = "演示联系人", "020-00000000"
    application.email = DEMO_EMAIL
    application.category = _ref(PointCategory, category)
    application.service_area_m2, application.has_network, application.has_hardware = 150, True, True
    application.databases = "incoPat\nCNKI"
    application.rules_name = "知识产权信息公共服务工作制度（演示）"
    application.rules_file = ContentFile(PDF, name="demo-rules.pdf")
    application.strengths = "演示内容：馆藏与检索基础、服务经验、工作制度与经费保障。" * 10
    application.development_plan = "演示内容：三年内开展基础检索、专利导航和培训服务。" * 10
    application.declaration_accepted, application.declared_by = True, "演示主任"
    application.save()
    application.audiences.set([_ref(Audience, "enterprise"), _ref(Audience, "public")])
    ApplicationService.objects.create(
        application=application, service=_ref(ServiceItem, "B03"), tier="basic", fee="free"
    )
    members = [ApplicationStaffMember(name="演示主任", role="head", sort_order=0)]
    members += [
        ApplicationStaffMember(
            name=f"演示专职{number}",
            role="full_time",
            education="硕士",
            certificates="专利信息分析人员证书",
            experience="演示：从事专利检索与分析服务多年。",
            sort_order=number,
        )
        for number in range(1, staff + 1)
    ]
    for member in members:
        member.application = application
    ApplicationStaffMember.objects.bulk_create(members)
    ApplicationCase.objects.create(
        application=application,
        title="演示案例：为中小企业开展专利检索",
        date=timezone.localdate(),
        content="演示内容。",
        effect="演示效果。",
    )
    for kind in ("licence", "rules", "service_record"):
        ApplicationAttachment.objects.create(
            application=application, kind=kind, file=ContentFile(PDF, name=f"demo-{kind}.pdf")
        )


@transaction.atomic
def load_applications_demo() -> int:
    """Create the demo applications that are missing; the number created."""
    office = ensure_default_office()
    user = _demo_user()
    created = 0
    now = timezone.now()
    if not Application.objects.filter(organisation=RETURNED, is_demo=True).exists():
        application = Application.objects.create(
            applicant=user, office=office, organisation=RETURNED, is_demo=True
        )
        _fill(application, category="research", staff=4)
        Application.objects.filter(pk=application.pk).update(
            status=ApplicationStatus.RETURNED, round=1, submitted_at=now
        )
        for section, text in (
            ("basic", "专职人员少于 5 名，请核实并补充。"),
            ("attachments", "近两年服务情况说明缺少盖章页，请重新上传。"),
        ):
            ReviewComment.objects.create(
                application=application, section=section, text=text, round=1
            )
        log(application, "applications.submit", data={"round": 1})
        created += 1
    if not Application.objects.filter(organisation=UNDER_REVIEW, is_demo=True).exists():
        application = Application.objects.create(
            applicant=user, office=office, organisation=UNDER_REVIEW, is_demo=True
        )
        _fill(application, category="university", staff=6)
        ApplicationQualification.objects.create(
            application=application,
            qualification=_ref(Qualification, "university_center"),
            proof=ContentFile(PDF, name="demo-qualification.pdf"),
        )
        Application.objects.filter(pk=application.pk).update(
            status=ApplicationStatus.UNDER_REVIEW, round=1, submitted_at=now, priority=True
        )
        log(application, "applications.submit", data={"round": 1})
        created += 1
    return created
