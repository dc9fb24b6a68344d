"""Issue 12 end to end (变更报备): a point's staff change the phone number and give the reason,
submit it for moderation; an IP-office moderator approves it on the Change reports screen; the
public profile then shows the new number and a change on record.

Selectors use URLs, names and ids, never translated text.
"""

import json
import re
import secrets

import pytest
from playwright.sync_api import Page, expect

from .admin import log_in, pause_autosave

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
NEW_PHONE = f"020-{secrets.randbelow(90000000) + 10000000}"
REASON = "总机号码变更，原号码停用。"
SAVE_TIMEOUT = 60_000

# A live active demo point and an office moderator (Editors + Moderators): one JSON line.
SETUP = """
import json
from django.contrib.auth.models import Group
from wagtail.models import Locale
from directory.models import ServicePoint
from home.core.models import User

point = (
    ServicePoint.objects.live()
    .filter(locale=Locale.get_default(), alias_of__isnull=True, status="active")
    .exclude(change_reports__status="pending")
    .order_by("-pk")
    .first()
)
user = User.objects.filter(username={username!r}).first() or User(username={username!r})
user.email = "moderator@example.com"
user.is_active = True
user.set_password({password!r})
user.save()
user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
print(json.dumps({{"point_id": point.pk, "point_slug": point.slug, "point_url": point.url}}))
"""

REPORT = """
import json
from directory.lifecycle.models import ChangeReport
report = ChangeReport.objects.filter(point_id={point_id}).order_by("-pk").first()
print(json.dumps({{"id": report.pk if report else None,
                   "status": report.status if report else None}}))
"""


@pytest.fixture(scope="module")
def journey(manage, point_staff):
    username = f"change-moderator-{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    output = manage(
        "shell", "--no-imports", "-v", "0", "-c", SETUP.format(username=username, password=password)
    )
    data = json.loads(output.strip().splitlines()[-1])
    return {
        **data,
        "staff": point_staff(data["point_slug"]),
        "moderator": (username, password),
    }


def _report(manage, point_id) -> dict:
    output = manage("shell", "--no-imports", "-v", "0", "-c", REPORT.format(point_id=point_id))
    return json.loads(output.strip().splitlines()[-1])


def _submit(admin: Page) -> None:
    submit = admin.locator("button[name=action-submit]")
    if not submit.is_visible():
        admin.locator(
            "footer [data-w-dropdown-target=toggle], footer .dropdown-toggle"
        ).first.click()
    with admin.expect_navigation(timeout=SAVE_TIMEOUT):
        submit.click()


def test_staff_report_a_new_phone_the_office_approves_and_visitors_see(
    new_context, manage, journey, assert_accessible
):
    edit_url = f"/admin/pages/{journey['point_id']}/edit/"
    staff = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    log_in(staff, *journey["staff"], edit_url)
    pause_autosave(staff)
    staff.locator("#id_phone").fill(NEW_PHONE)

    # Without a reason the form is refused, and the new number is still there.
    _submit(staff)
    expect(staff.locator("#id_change_reason")).to_be_visible()
    expect(
        staff.locator("[data-field-wrapper]:has(#id_change_reason) .error-message")
    ).to_have_count(1)
    expect(staff.locator("#id_phone")).to_have_value(NEW_PHONE)
    assert _report(manage, journey["point_id"])["status"] in (None, "approved", "rejected")

    pause_autosave(staff)
    staff.locator("#id_change_reason").fill(REASON)
    _submit(staff)
    expect(staff.locator(".messages .success, .messages [class*=success]").first).to_be_visible()
    report = _report(manage, journey["point_id"])
    assert report["status"] == "pending", report

    # Not public before approval.
    visitor = new_context().new_page()
    visitor.goto(journey["point_url"])
    expect(visitor.locator("body")).not_to_contain_text(NEW_PHONE)

    # The office: the Change reports screen, old → new, approve.
    office = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    log_in(office, *journey["moderator"], "/admin/lifecycle/change-reports/?status=pending")
    office.locator(
        f"a[href$='/admin/lifecycle/change-reports/inspect/{report['id']}/']"
    ).first.click()
    expect(office.locator("#report-changes tr[data-field=phone]")).to_contain_text(NEW_PHONE)
    expect(office.locator("#report-reason")).to_have_text(REASON)
    with office.expect_navigation(timeout=SAVE_TIMEOUT):
        office.locator("#approve-form button[type=submit]").click()
    expect(office.locator("#report-status")).to_have_attribute("data-status", "approved")

    # The visitor sees the new number and the change on record.
    visitor.goto(journey["point_url"])
    expect(visitor.locator("body")).to_contain_text(NEW_PHONE)
    record = visitor.locator("#changes-on-record li").first
    expect(record).to_be_visible()
    expect(record.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    assert_accessible(visitor)
