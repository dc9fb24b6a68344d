"""Issue 12 §1 end to end (a point's whole life online, the recognition): an organisation
registers at /apply/, confirms its e-mail address, fills in the application and submits it; an
IP-office reviewer returns it with a comment on the team section; the applicant reads the
comment, corrects the team and submits again; the office approves; the new point is in the
public directory, and its profile shows the recognition level and date.

The basic facts and the team are typed in the browser: they are what the review is about.
The other sections (with their file uploads) are filled by a shell step, the same values the
application tests use: the public form's own pages are the apply side's tests.
Selectors use URLs, names, ids and data attributes, never translated text.
"""

import json
import re
import secrets

import pytest
from playwright.sync_api import Page, expect

from .admin import log_in

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
ORGANISATION = f"浏览器测试知识产权信息服务中心{secrets.token_hex(2)}"
EMAIL = f"apply-{secrets.token_hex(3)}@example.com"
PASSWORD = f"Pw-{secrets.token_urlsafe(12)}"
COMMENT = "请补充专职人员的资格证书。"
CERTIFICATE = "专利代理师资格证"

# The last e-mail queued to one address, as JSON.
LAST_MAIL = """
import json
from services.models import OutboxEmail
mail = OutboxEmail.objects.filter(to_address={email!r}).order_by("-pk").first()
print(json.dumps({{"body": mail.body if mail else ""}}))
"""

# The sections after the basic facts, filled as tests/directory/applications/conftest.py does;
# the team gets its head and the office's minimum of full-time staff, without certificates.
FILL = """
import json
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale
from directory.applications.models import (
    Application, ApplicationAttachment, ApplicationCase, ApplicationService,
    ApplicationStaffMember,
)
from directory.models import Audience, PointCategory, ServiceItem

PDF = b"%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF\\n"
locale = Locale.get_default()
ref = lambda model, code: model.objects.get(code=code, locale=locale)
app = Application.objects.get(pk={pk})
app.category = ref(PointCategory, "library")
app.service_area_m2 = 200
app.has_network = True
app.has_hardware = True
app.databases = "incoPat\\nCNKI"
app.rules_name = "知识产权信息服务工作制度"
app.rules_file = ContentFile(PDF, name="rules.pdf")
app.strengths = "我们的馆藏与检索基础。" * 20
app.development_plan = "未来三年的服务目标。" * 20
app.declaration_accepted = True
app.declared_by = "李主任"
app.save()
app.audiences.set([ref(Audience, "enterprise"), ref(Audience, "public")])
ApplicationService.objects.get_or_create(
    application=app, service=ref(ServiceItem, "B03"), defaults={{"tier": "basic", "fee": "free"}}
)
app.team.all().delete()
ApplicationStaffMember.objects.create(application=app, name="李主任", role="head", sort_order=0)
for number in range(1, app.office.min_full_time_staff + 1):
    ApplicationStaffMember.objects.create(
        application=app, name=f"专职{{number}}", role="full_time", position="馆员",
        education="硕士", experience="从事专利检索服务五年。", sort_order=number,
    )
ApplicationCase.objects.create(
    application=app, title="为某企业开展专利检索", date=timezone.localdate(),
    content="检索并分析了相关专利。", effect="企业调整了研发方向。",
)
for kind in ("licence", "rules", "service_record"):
    ApplicationAttachment.objects.create(
        application=app, kind=kind, file=ContentFile(PDF, name=f"{{kind}}.pdf")
    )
print(json.dumps({{"pk": app.pk}}))
"""

# An IP-office reviewer (Editors and Moderators, like the office's real accounts).
OFFICE_USER = """
import json
from django.contrib.auth.models import Group
from home.core.models import User
user = User.objects.filter(username={username!r}).first() or User(username={username!r})
user.email = "reviewer@example.com"
user.is_active = True
user.set_password({password!r})
user.save()
user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
print(json.dumps({{"pk": user.pk}}))
"""

APPLICATION = """
import json
from django.utils import translation
from directory.applications.models import Application
app = Application.objects.get(pk={pk})
point = app.point
with translation.override("zh-hans"):
    level = point.get_recognition_level_display() if point else ""
print(json.dumps({{
    "status": app.status,
    "round": app.round,
    "point_url": point.url if point else "",
    "level": str(level),
    "date": point.recognition_date.isoformat() if point else "",
}}))
"""


def _shell(manage, code: str) -> dict:
    output = manage("shell", "--no-imports", "-v", "0", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


def _submit_section(page: Page) -> None:
    page.locator("#section-form button[name=action][value=continue]").click()


def _register_and_confirm(page: Page, manage) -> None:
    page.goto("/apply/register/")
    page.locator("#id_organisation").fill(ORGANISATION)
    page.locator("#id_contact_name").fill("王联系")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_consent").check()
    page.locator("form:has(#id_password1) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/apply/register/done/$"))

    body = _shell(manage, LAST_MAIL.format(email=EMAIL))["body"]
    link = re.search(r"https?://\S+/apply/confirm/\S+/", body)
    assert link, body
    page.goto(link.group(0))
    if "/apply/sign-in/" in page.url:
        page.locator("input[name=username]").fill(EMAIL)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form:has(input[name=password]) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/apply/my/$"))


def _start_and_fill(page: Page, manage) -> int:
    page.locator("#start-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/apply/\d+/basic/$"))
    pk = int(re.search(r"/apply/(\d+)/", page.url).group(1))
    expect(page.locator("#id_organisation")).to_have_value(ORGANISATION)
    page.locator("#id_nature").select_option("public_institution")
    page.locator("#id_province").select_option(label="广东省")
    page.locator("#id_city").select_option(label="广州市")
    page.locator("#id_address").fill("广州市天河区浏览器路1号")
    page.locator("#id_head_name").fill("李主任")
    page.locator("#id_head_title").fill("主任")
    page.locator("#id_staff_total").fill("8")
    page.locator("#id_staff_full_time").fill("5")
    page.locator("#id_staff_part_time").fill("2")
    page.locator("#id_phone").fill("13800138000")
    _submit_section(page)
    page.wait_for_url(re.compile(rf"/apply/{pk}/(?!basic/)[a-z_-]+/$"))
    _shell(manage, FILL.format(pk=pk))
    return pk


def _submit(page: Page, pk: int) -> None:
    page.goto(f"/apply/{pk}/submit/")
    page.locator("#submit-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/apply/{pk}/$"))


def _office_returns_with_a_comment(
    admin: Page, pk: int, reviewer: tuple[str, str], assert_accessible
) -> None:
    log_in(admin, *reviewer, "/admin/applications/")
    # The dashboard counts it as submitted, linking to the filtered queue.
    admin.goto("/admin/")
    expect(admin.locator("#applications-submitted a")).to_have_attribute(
        "href", "/admin/applications/?status=submitted"
    )
    admin.locator("#applications-submitted a").click()
    admin.wait_for_url(re.compile(r"/admin/applications/\?status=submitted$"))
    admin.locator(f"a[href='/admin/applications/{pk}/']").first.click()
    admin.wait_for_url(re.compile(rf"/admin/applications/{pk}/$"))
    expect(admin.locator("#section-team")).to_contain_text("专职1")
    assert_accessible(admin)
    admin.locator("#start-review-form button[type=submit]").click()
    expect(admin.locator("#application-status")).to_have_attribute("data-status", "under_review")
    admin.locator("#comment-form select[name=section]").select_option("team")
    admin.locator("#comment-form textarea[name=text]").fill(COMMENT)
    admin.locator("#comment-form button[type=submit]").click()
    expect(admin.locator("#section-team")).to_contain_text(COMMENT)
    admin.locator("#return-form button[type=submit]").click()
    expect(admin.locator("#application-status")).to_have_attribute("data-status", "returned")


def _applicant_corrects_the_team(page: Page, pk: int) -> None:
    page.goto(f"/apply/{pk}/team/")
    expect(page.locator("#section-comments")).to_contain_text(COMMENT)
    for number in range(1, 6):
        page.locator(f"input[name=team-{number}-certificates]").fill(CERTIFICATE)
    _submit_section(page)
    page.wait_for_url(re.compile(rf"/apply/{pk}/(?!team/)[a-z_-]+/$"))
    _submit(page, pk)


def test_an_organisation_applies_and_becomes_a_listed_point(new_context, manage, assert_accessible):
    page = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    _register_and_confirm(page, manage)
    pk = _start_and_fill(page, manage)
    _submit(page, pk)
    assert _shell(manage, APPLICATION.format(pk=pk))["status"] == "submitted"

    reviewer = (f"reviewer-{secrets.token_hex(3)}", secrets.token_urlsafe(18))
    _shell(manage, OFFICE_USER.format(username=reviewer[0], password=reviewer[1]))
    admin = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    _office_returns_with_a_comment(admin, pk, reviewer, assert_accessible)

    _applicant_corrects_the_team(page, pk)
    state = _shell(manage, APPLICATION.format(pk=pk))
    assert (state["status"], state["round"]) == ("submitted", 2)

    admin.goto(f"/admin/applications/{pk}/")
    # Earlier rounds stay visible to the office.
    expect(admin.locator("#section-team [data-round='1']")).to_contain_text(COMMENT)
    expect(admin.locator("#section-team")).to_contain_text(CERTIFICATE)
    admin.locator("#start-review-form button[type=submit]").click()
    expect(admin.locator("#application-status")).to_have_attribute("data-status", "under_review")
    admin.locator("#approve-form button[type=submit]").click()
    expect(admin.locator("#application-status")).to_have_attribute("data-status", "approved")

    point = _shell(manage, APPLICATION.format(pk=pk))
    assert point["point_url"]
    visitor = new_context().new_page()
    visitor.goto(f"/directory/?q={ORGANISATION}")
    listed = visitor.locator(f"a[href='{point['point_url']}']").first
    expect(listed).to_be_visible()
    listed.click()
    visitor.wait_for_url(re.compile(re.escape(point["point_url"]) + "$"))
    expect(visitor.locator("h1")).to_contain_text(ORGANISATION)
    expect(visitor.locator("main")).to_contain_text(f"{point['level']} ({point['date']})")
