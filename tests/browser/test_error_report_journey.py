"""Issue 12 end to end (error reports): a visitor on a phone reports a wrong opening time on a
profile; the point's staff see it on their dashboard and in the error report list, fix it
with a reply, and the report is fixed.

Selectors use URLs, names and ids, never translated text.
"""

import json
import re
import secrets

import pytest
from playwright.sync_api import expect

from .admin import log_in

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
TEXT = f"浏览器测试：周六不开放 {secrets.token_hex(3)}"
REPLY = "已核实并更新开放时间。"

POINT = """
import json
from wagtail.models import Locale
from directory.models import ServicePoint
point = (
    ServicePoint.objects.live()
    .filter(locale=Locale.get_default(), alias_of__isnull=True, status="active")
    .exclude(staff_group=None)
    .order_by("pk")
    .first()
)
print(json.dumps({"id": point.pk, "title": point.title, "url": point.url}))
"""

REPORT = """
import json
from services.models import ErrorReport
report = ErrorReport.objects.get(text={text!r})
print(json.dumps({{"id": report.pk, "status": report.status, "reply": report.reply}}))
"""


def shell(manage, code: str) -> dict:
    return json.loads(
        manage("shell", "--no-imports", "-v", "0", "-c", code).strip().splitlines()[-1]
    )


def test_a_visitor_reports_an_error_and_the_points_staff_fix_it(
    page, new_context, manage, point_staff, assert_accessible
):
    point = shell(manage, POINT)

    # A visitor on a phone, on the profile.
    page.goto(point["url"])
    link = page.locator("#report-error-link")
    expect(link).to_have_attribute("href", re.compile(rf"/report-error/{point['id']}/$"))
    link.click()
    expect(page.locator("form#error-report-form")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=part][value=hours]").check()
    page.locator("textarea[name=text]").fill(TEXT)
    # Contact details without consent: refused, with everything kept.
    page.locator("input[name=email]").fill("visitor@example.com")
    page.locator("#error-report-submit").click()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("textarea[name=text]")).to_have_value(TEXT)
    expect(page.locator("input[name=email]")).to_have_value("visitor@example.com")
    page.locator("input[name=consent]").check()
    page.locator("#error-report-submit").click()
    expect(page.locator("#error-report-sent")).to_be_visible()
    report = shell(manage, REPORT.format(text=TEXT))
    assert report["status"] == "open"

    # The point's staff, at a desk.
    username, password = point_staff(point["title"])
    staff = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    log_in(staff, username, password, "/admin/")
    dashboard_row = staff.locator("#open-error-reports")
    expect(dashboard_row.locator("[data-count]")).not_to_have_attribute("data-count", "0")
    dashboard_row.locator("a").click()
    staff.wait_for_url(re.compile(r"/admin/error-reports/\?status=open$"))
    edit_url = f"/admin/error-reports/edit/{report['id']}/"
    staff.locator(f"a[href='{edit_url}']").first.click()
    staff.wait_for_url(re.compile(re.escape(edit_url) + "$"))
    expect(staff.locator("#error-report-details")).to_contain_text(TEXT)
    staff.locator("input[name=status][value=fixed]").check()
    staff.locator("textarea[name=reply]").fill(REPLY)
    staff.locator("form:has(textarea[name=reply]) button[type=submit]").first.click()
    staff.wait_for_url(re.compile(r"/admin/error-reports/$"))

    report = shell(manage, REPORT.format(text=TEXT))
    assert report["status"] == "fixed" and report["reply"] == REPLY
