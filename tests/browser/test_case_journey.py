"""Issue 4 end to end (case library): a point's staff member writes a case about their point in
the admin and submits it; an IP-office moderator approves it from the dashboard; a visitor
finds it in the case library, on its own page and on the point's profile.

Selectors use URLs, names, ids and roles, never translated text.
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
TITLE = "浏览器测试：某生物医药企业专利导航服务"
SLUG = f"browser-journey-case-{secrets.token_hex(3)}"
SUMMARY = "为一家生物医药企业开展专利导航，支撑其研发立项（浏览器测试）。"
PARAGRAPH = "网点组建专门团队，完成检索分析报告三份。"
INDUSTRY = "生物医药"
START = datetime.date.today().replace(day=1)

# `manage.py shell -c` code printing one JSON line: the case library (created if the demo has
# none yet), a Guangzhou point with its profile URL, and a Moderators-group account.
SETUP = """
import json
from django.contrib.auth.models import Group
from wagtail.models import Locale
from home.homepage.demo import ensure_home_page
from directory.models import ServicePoint
from home.cases.permissions import grant_case_permissions_to_all_staff
from home.core.locales import ensure_locale_trees
from home.core.models import User
from home.homepage.sections import ensure_sections

home = ensure_home_page()
index = ensure_sections(home)["cases"]
ensure_locale_trees()
point = (
    ServicePoint.objects.live()
    .filter(locale=Locale.get_default(), alias_of__isnull=True, city__adcode="440100")
    .order_by("pk")
    .first()
)
user = User.objects.filter(username={username!r}).first() or User(username={username!r})
user.email = "moderator@example.com"
user.is_active = True
user.set_password({password!r})
user.save()
user.groups.add(Group.objects.get(name="Moderators"))
grant_case_permissions_to_all_staff()
print(json.dumps({{
    "index_id": index.pk,
    "index_url": index.url,
    "point_id": point.pk,
    "point_title": point.title,
    "point_slug": point.slug,
    "point_url": point.url,
    "province": point.province.slug,
}}))
"""

CASE_ID = """
import json
from home.cases.models import CasePage
case = CasePage.objects.get(title={title!r}, alias_of__isnull=True)
print(json.dumps({{"id": case.pk, "live": case.live, "slug": case.slug}}))
"""


@pytest.fixture(scope="module")
def case_setup(manage, point_staff):
    username = f"case-moderator-{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    output = manage(
        "shell", "--no-imports", "-v", "0", "-c", SETUP.format(username=username, password=password)
    )
    data = json.loads(output.strip().splitlines()[-1])
    # add_point_staff → ensure_staff_group, which lets the group add cases.
    staff_username, staff_password = point_staff(data["point_slug"])
    return {
        **data,
        "moderator": (username, password),
        "staff": (staff_username, staff_password),
    }


def _fill_slug(admin: Page) -> None:
    slug = admin.locator("#id_slug")
    if slug.is_visible():
        slug.fill(SLUG)
    else:  # the slug field lives in another tab in some Wagtail versions
        slug.evaluate("(input, value) => { input.value = value; }", SLUG)


def _add_paragraph(admin: Page, text: str) -> None:
    """Insert a paragraph block (the pilcrow icon in the block picker) and type into it."""
    body = admin.locator("[data-contentpath=body]").first
    body.locator("button.c-sf-add-button").first.click()
    admin.locator("[role=option]:has(use[href$='#icon-pilcrow'])").first.click()
    editor = body.locator("[contenteditable=true]").first
    expect(editor).to_be_visible()
    editor.click()
    editor.type(text)
    # Draftail writes its JSON to the block's hidden input once the editor loses focus.
    admin.locator("#id_summary").focus()
    expect(body.locator("input[name=body-0-value]")).to_have_value(re.compile(re.escape(text)))


def _submit_case(admin: Page, setup: dict) -> None:
    add_url = f"/admin/pages/add/cases/casepage/{setup['index_id']}/"
    log_in(admin, *setup["staff"], add_url)
    pause_autosave(admin)

    admin.locator("#id_title").fill(TITLE)
    point = admin.locator("select#id_point")
    # Only their own point is offered.
    expect(point.locator("option[value]:not([value=''])")).to_have_count(1)
    point.select_option(str(setup["point_id"]))
    admin.locator("#id_period_start").fill(START.isoformat())
    admin.locator("#id_period_start").press("Escape")
    admin.locator("#id_served_party_kind").select_option("sme")
    admin.locator("#id_industry").fill(INDUSTRY)
    admin.locator("#id_summary").fill(SUMMARY)
    _add_paragraph(admin, PARAGRAPH)
    # No way to mark their own case as excellent practice.
    expect(admin.locator("[name=featured]")).to_have_count(0)
    # Last, away from the title: when the title loses focus, the slug is made from it again.
    _fill_slug(admin)

    # Staff cannot publish: "Submit to Moderators approval" is their action, in the footer's
    # action menu behind the "Save draft" button's toggle.
    expect(admin.locator("button[name=action-publish]")).to_have_count(0)
    submit = admin.locator("button[name=action-submit]")
    if not submit.is_visible():
        admin.locator(
            "footer [data-w-dropdown-target=toggle], footer .dropdown-toggle"
        ).first.click()
    # Saving notifies the moderators by e-mail, which can take a moment on a slow machine.
    with admin.expect_navigation(timeout=SAVE_TIMEOUT):
        submit.click()
    if "/add/" in admin.url:  # refused: say why
        errors = admin.locator(".error-message, .w-field__errors, .help-critical").all_inner_texts()
        pytest.fail(f"The case form was refused: {[e for e in errors if e.strip()]}")
    assert re.search(rf"/admin/pages/{setup['index_id']}/$", admin.url), admin.url
    expect(admin.locator(".messages .success, .messages [class*=success]").first).to_be_visible()


def _approve_from_dashboard(admin: Page, setup: dict, case_id: int) -> None:
    log_in(admin, *setup["moderator"], "/admin/")
    # "Awaiting your review": the row of the case, its actions menu, the plain "approve".
    row = admin.locator(f"tr:has(a[href*='/admin/pages/{case_id}/'])").first
    expect(row).to_be_visible()
    row.locator(".actions-container [data-w-dropdown-target=toggle]").first.click()
    approve = row.locator(
        f"button[data-workflow-action-url*='/workflow/action/{case_id}/approve/']"
        ":not([data-launch-modal])"
    ).first
    with admin.expect_navigation(timeout=SAVE_TIMEOUT):
        approve.click()
    expect(admin.locator(f"tr:has(a[href*='/admin/pages/{case_id}/'])")).to_have_count(0)


def test_staff_write_a_case_the_office_approves_and_visitors_find(
    new_context, manage, case_setup, assert_accessible
):
    staff = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    _submit_case(staff, case_setup)
    case = json.loads(
        manage("shell", "--no-imports", "-v", "0", "-c", CASE_ID.format(title=TITLE))
        .strip()
        .splitlines()[-1]
    )
    assert not case["live"], "A staff member's case went live without approval"
    assert case["slug"] == SLUG

    visitor = new_context().new_page()
    case_path = f"{case_setup['index_url']}{SLUG}/"
    assert visitor.goto(case_path).status == 404  # not public before approval

    moderator = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    _approve_from_dashboard(moderator, case_setup, case["id"])

    # The case library: newest first, and the filters narrow to it.
    visitor.goto(case_setup["index_url"])
    expect(visitor.locator(f"article.case-card a[href='{case_path}']")).to_have_count(1)
    assert_accessible(visitor)
    form = visitor.locator("form#case-filters")
    form.locator("#id_case_province").select_option(case_setup["province"])
    form.locator("#id_case_year").select_option(str(START.year))
    form.locator("button[type=submit]").click()
    visitor.wait_for_url(re.compile(r"[?&]province=.*[?&]?year="))
    expect(visitor.locator("#filter-errors")).to_have_count(0)
    card = visitor.locator(f"article.case-card:has(a[href='{case_path}'])")
    expect(card).to_have_count(1)
    expect(card.locator(".case-point")).to_contain_text(case_setup["point_title"])

    # Its own page.
    card.get_by_role("link").first.click()
    visitor.wait_for_url(f"**{case_path}")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator(".case-summary")).to_have_text(SUMMARY)
    expect(visitor.locator(".case-body")).to_contain_text(PARAGRAPH)
    expect(visitor.locator(".case-point a")).to_have_attribute("href", case_setup["point_url"])
    expect(visitor.locator(".case-period time").first).to_have_attribute(
        "datetime", START.isoformat()
    )
    ld = json.loads(visitor.locator("script[type='application/ld+json']").first.inner_text())
    assert ld["headline"] == TITLE
    assert_accessible(visitor)

    # The point's profile lists it.
    visitor.locator(".case-point a").click()
    visitor.wait_for_url(f"**{case_setup['point_url']}")
    expect(visitor.locator(f"#cases a[href='{case_path}']")).to_have_count(1)
