"""Issue 12 §3 end to end: a point's staff open this year's annual work summary, find the
figures the site knows already filled in, write the narrative and submit it; an IP-office
editor evaluates it (scores, result, reasons); the point's staff then read the result.

Selectors use URLs, names, ids and data attributes, never translated text.
"""

import json
import re
import secrets

import pytest
from playwright.sync_api import expect

from .admin import log_in

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
SAVE_TIMEOUT = 30_000  # ms

# A Guangzhou point without a summary of this year, and an Editors-group account (the office).
SETUP = """
import json
from django.contrib.auth.models import Group
from django.utils import timezone
from home.core.models import User
from directory.yearly.models import AnnualSummary, Evaluation
from directory.yearly.population import summary_points

year = timezone.localdate().year
point = summary_points(year).filter(city__adcode="440100").order_by("-pk").first()
AnnualSummary.objects.filter(point=point, year=year).delete()
Evaluation.objects.filter(point=point, year=year).delete()
user = User.objects.filter(username={username!r}).first() or User(username={username!r})
user.email = "office-journey@example.com"
user.is_active = True
user.set_password({password!r})
user.save()
user.groups.add(Group.objects.get(name="Editors"))
print(json.dumps({{"point_id": point.pk, "point_slug": point.slug, "year": year}}))
"""


@pytest.fixture(scope="module")
def journey(manage, point_staff):
    username = f"summary-office-{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    output = manage(
        "shell", "--no-imports", "-v", "0", "-c", SETUP.format(username=username, password=password)
    )
    data = json.loads(output.strip().splitlines()[-1])
    return {**data, "office": (username, password), "staff": point_staff(data["point_slug"])}


def _desktop(new_context):
    return new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()


def test_staff_submit_the_summary_the_office_evaluates_and_the_point_reads_it(new_context, journey):
    point_id = journey["point_id"]

    # The point's staff: this year's summary from their list, prefilled.
    staff = _desktop(new_context)
    log_in(staff, *journey["staff"], "/admin/annual-summaries/")
    staff.locator(f"#yearly-own tr[data-point='{point_id}'] a").click()
    staff.wait_for_url(re.compile(r"/admin/annual-summaries/\d+/$"))
    summary_url = staff.url
    expect(staff.locator("#summary-status")).to_have_attribute("data-status", "draft")
    expect(staff.locator("#summary-facts dd").first).to_be_visible()
    expect(staff.locator("#summary-figures dt").first).to_be_visible()

    # Submitting half written is refused and keeps what was typed.
    staff.locator("#id_service_delivery").fill("浏览器测试：全年开展基础检索服务。")
    with staff.expect_navigation(timeout=SAVE_TIMEOUT):
        staff.locator("#summary-submit").click()
    expect(staff.locator("#id_highlights")).to_have_attribute("aria-invalid", "true")
    expect(staff.locator("#id_service_delivery")).to_have_value(
        "浏览器测试：全年开展基础检索服务。"
    )

    staff.locator("#id_highlights").fill("建立园区工作站（浏览器测试）。")
    staff.locator("#id_case_1_title").fill("某企业专利导航（浏览器测试）")
    staff.locator("#id_case_1_date").fill("3月至6月")
    staff.locator("#id_case_1_text").fill("完成专利导航报告一份。")
    staff.locator("#id_lessons").fill("缩短检索报告周期。")
    staff.locator("#id_next_year_plan").fill("新增两名专职人员。")
    with staff.expect_navigation(timeout=SAVE_TIMEOUT):
        staff.locator("#summary-submit").click()
    expect(staff.locator("#summary-status")).to_have_attribute("data-status", "submitted")
    expect(staff.locator("#summary-form")).to_have_count(0)
    expect(staff.locator("#summary-narrative")).to_contain_text("某企业专利导航（浏览器测试）")

    # The office: the summary is on the board; evaluate it.
    office = _desktop(new_context)
    summary_path = re.sub(r"^https?://[^/]+", "", summary_url)
    log_in(office, *journey["office"], "/admin/")
    office.goto(f"/admin/annual-summaries/board/?year={journey['year']}&state=submitted")
    expect(office.locator(f"a[href='{summary_path}']")).to_have_count(1)
    office.goto(f"{summary_path}evaluate/")
    for score in office.locator("#evaluation-form input[name^=score_]").all():
        if not score.input_value():  # no figure to suggest from: the reviewer's own score
            score.fill("8")
    office.locator("#id_reasons").fill("服务规范，案例典型（浏览器测试）。")
    with office.expect_navigation(timeout=SAVE_TIMEOUT):
        office.locator("#evaluation-save").click()
    if "/evaluate/" in office.url:  # refused: say why
        errors = office.locator(".error-message, .w-field__errors").all_inner_texts()
        pytest.fail(f"The evaluation was refused: {[e for e in errors if e.strip()]}")
    office.wait_for_url(re.compile(r"/admin/annual-summaries/evaluations/\d+/$"))
    result = office.locator("#evaluation-result").get_attribute("data-result")
    assert result in ("excellent", "pass", "fail")

    # The point's staff read the result, on the summary and on their dashboard.
    staff.goto(summary_url)
    expect(staff.locator("#summary-evaluation")).to_have_attribute("data-result", result)
    staff.locator("#summary-evaluation a").click()
    expect(staff.locator("#evaluation-reasons")).to_contain_text("服务规范，案例典型")
    staff.goto("/admin/")
    expect(staff.locator(f"#yearly-point-summary tr[data-point='{point_id}']")).to_have_attribute(
        "data-state", "submitted"
    )
