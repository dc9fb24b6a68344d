"""Issue 12 end to end (公示): an IP-office editor drafts a publicity notice of the points
recognised on a day, is told on the form what is missing without losing what they typed,
reviews the draft in the page editor and publishes it; a visitor reads the period and the
objection channel and follows the listed point to its profile.

Selectors use URLs, names and ids, never translated text.
"""

import datetime
import json
import re
import secrets

import pytest
from playwright.sync_api import Page, expect

from .admin import log_in, pause_autosave

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
SAVE_TIMEOUT = 30_000  # ms
# A day no demo point was recognised on, so the notice lists exactly the point set up below.
RECOGNISED_ON = "1999-09-09"
AUTHORITY = "广州市市场监督管理局（浏览器测试）"
CONTACT = "知识产权促进处（浏览器测试）"
PHONE = "020-83123456"

# `manage.py shell -c` code printing one JSON line: the notice index, a Guangzhou point now
# recognised on RECOGNISED_ON, and an IP-office account (Editors and Moderators: it publishes).
SETUP = """
import json
import datetime
from django.contrib.auth.models import Group
from wagtail.models import Locale
from directory.models import ServicePoint
from home.core.locales import ensure_locale_trees
from home.core.models import User
from home.homepage.demo import ensure_home_page
from home.homepage.sections import ensure_sections

home = ensure_home_page()
index = ensure_sections(home)["notices"]
ensure_locale_trees()
point = (
    ServicePoint.objects.live()
    .filter(locale=Locale.get_default(), alias_of__isnull=True, city__adcode="440100",
            status="active")
    .order_by("pk")
    .first()
)
ServicePoint.objects.filter(pk=point.pk).update(
    recognition_date=datetime.date.fromisoformat({day!r})
)
user = User.objects.filter(username={username!r}).first() or User(username={username!r})
user.email = "publicity-editor@example.com"
user.is_active = True
user.set_password({password!r})
user.save()
user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
print(json.dumps({{"index_id": index.pk, "point_id": point.pk, "point_url": point.url}}))
"""

NOTICE = """
import json
from home.notices.models import NoticePage
notice = NoticePage.objects.filter(publicity_points__point_id={point_id}).latest("pk")
print(json.dumps({{"id": notice.pk, "live": notice.live, "url": notice.url}}))
"""


@pytest.fixture(scope="module")
def publicity_setup(manage):
    username = f"publicity-editor-{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    code = SETUP.format(username=username, password=password, day=RECOGNISED_ON)
    output = manage("shell", "--no-imports", "-v", "0", "-c", code)
    return {**json.loads(output.strip().splitlines()[-1]), "login": (username, password)}


def _draft(admin: Page, setup: dict) -> None:
    url = "/admin/notices/publicity/new/"
    log_in(admin, *setup["login"], url)
    form = admin.locator("form#w-editor-form")
    form.locator("#id_issuing_authority").fill(AUTHORITY)
    form.locator("#id_recognised_from").fill(RECOGNISED_ON)
    form.locator("#id_recognised_until").fill(RECOGNISED_ON)
    form.locator("#id_working_days").fill("5")
    # No objection channel yet: refused on the form, nothing typed lost.
    with admin.expect_navigation(timeout=SAVE_TIMEOUT):
        form.locator("button[type=submit]").click()
    error = admin.locator(
        "[data-field]:has(#id_objection_contact) [data-field-errors] .error-message"
    )
    expect(error).to_be_visible()
    expect(admin.locator("#id_issuing_authority")).to_have_value(AUTHORITY)
    expect(admin.locator("#id_recognised_from")).to_have_value(RECOGNISED_ON)

    admin.locator("#id_objection_contact").fill(CONTACT)
    admin.locator("#id_objection_phone").fill(PHONE)
    with admin.expect_navigation(timeout=SAVE_TIMEOUT):
        admin.locator("form#w-editor-form button[type=submit]").click()
    assert re.search(r"/admin/pages/\d+/edit/$", admin.url), admin.url


def _publish(admin: Page, setup: dict) -> None:
    """In the page editor: the point is listed; publish."""
    pause_autosave(admin)
    expect(admin.locator("input[name='publicity_points-0-point']")).to_have_value(
        str(setup["point_id"])
    )
    expect(admin.locator("#id_objection_phone")).to_have_value(PHONE)
    publish = admin.locator("button[name=action-publish]")
    if not publish.is_visible():
        admin.locator(
            "footer [data-w-dropdown-target=toggle], footer .dropdown-toggle"
        ).first.click()
    with admin.expect_navigation(timeout=SAVE_TIMEOUT):
        publish.click()
    assert re.search(rf"/admin/pages/{setup['index_id']}/$", admin.url), admin.url


def test_the_office_drafts_and_publishes_a_publicity_notice_visitors_read(
    new_context, manage, publicity_setup, assert_accessible
):
    admin = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    _draft(admin, publicity_setup)
    _publish(admin, publicity_setup)
    code = NOTICE.format(point_id=publicity_setup["point_id"])
    notice = json.loads(manage("shell", "--no-imports", "-v", "0", "-c", code).splitlines()[-1])
    assert notice["live"], "The publicity notice was not published"

    visitor = new_context().new_page()
    visitor.goto(notice["url"])
    block = visitor.locator("section#publicity")
    expect(block).to_be_visible()
    today = datetime.date.today().isoformat()
    expect(block.locator("#publicity-period")).to_contain_text(today)
    expect(block.locator("#publicity-state")).to_have_attribute("data-state", "open")
    expect(block.locator("#objection-contact")).to_have_text(CONTACT)
    expect(block.locator("#objection-phone")).to_have_attribute("href", f"tel:{PHONE}")
    rows = block.locator("#publicity-points tbody tr")
    expect(rows).to_have_count(1)
    link = rows.first.locator(f"a[data-point-id='{publicity_setup['point_id']}']")
    expect(link).to_have_attribute("href", publicity_setup["point_url"])
    assert_accessible(visitor)

    link.click()
    visitor.wait_for_url(f"**{publicity_setup['point_url']}")
