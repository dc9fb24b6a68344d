"""Issue 4 (events) end to end: a visitor on a phone opens the events, opens an upcoming one,
sends the registration form once without consent, corrects it and reads the receipt.

The event is the soonest upcoming one of the demo that still has free places. If the demo has
none (load_demo without events), one is created through `manage.py shell` the way the demo
would: under /events/, published, aliased into English.
"""

import json

import pytest
from playwright.sync_api import Page, expect

from .pages import assert_field_error, field_error

pytestmark = pytest.mark.browser

NAME = "𠮷田明"
ORGANISATION = "广州某科技有限公司"
PHONE = "138 0013 8000"

# Prints one JSON line: {"url": ...} of the soonest live, default-locale event that takes
# confirmed registrations now (open, before its deadline and start, places left).
FIND_OR_CREATE_EVENT = """
import datetime, json
from django.conf import settings
from django.utils import timezone
from home.events.models import EventPage
from home.homepage.models import HomePage
from home.events.registrations import availability
from home.homepage.sections import ensure_sections
from home.core.locales import alias_new_page

now = timezone.now()
candidates = (
    EventPage.objects.live()
    .filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True, start__gt=now)
    .filter(registration_open=True)
    .order_by("start", "pk")
)
event = next((e for e in candidates if availability(e).state == "open"), None)
if event is None:
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    index = ensure_sections(home)["events"]
    start = (now + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    event = EventPage(
        title="浏览器测试培训",
        slug="browser-test-training",
        kind="training",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue="测试报告厅",
        address="广州市天河区测试路1号",
        summary="浏览器测试用的活动。",
        capacity=50,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    alias_new_page(event)
print(json.dumps({"url": event.url}))
"""


@pytest.fixture(scope="module")
def event_url(manage) -> str:
    output = manage("shell", "--no-imports", "-v", "0", "-c", FIND_OR_CREATE_EVENT)
    return json.loads(output.strip().splitlines()[-1])["url"]


def test_register_for_an_event_on_a_phone(page: Page, event_url: str, assert_accessible):
    page.goto("/events/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#tab-upcoming")).to_have_attribute("aria-current", "page")
    card_link = page.locator(f'article.event-card a[href="{event_url}"]')
    expect(card_link).to_have_count(1)
    assert_accessible(page)

    title = card_link.inner_text().strip()
    card_link.click()
    page.wait_for_url(f"**{event_url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("#add-to-calendar")).to_have_attribute("href", f"{event_url}ics/")

    # First try: everything but the consent.
    form = page.locator("form#registration-form")
    expect(form).to_have_attribute("action", f"{event_url}register/")
    form.locator("[name=name]").fill(NAME)
    form.locator("[name=organisation]").fill(ORGANISATION)
    form.locator("[name=phone]").fill(PHONE)
    expect(form.locator("[name=consent]")).not_to_be_checked()
    form.locator("[name=submit]").click()

    # Refused: the page comes back with the form marked, everything typed kept.
    form = page.locator("form#registration-form")
    expect(page.locator("#form-errors")).to_be_visible()
    assert_field_error(form, "consent")
    for valid in ("name", "organisation", "phone"):
        expect(field_error(form, valid)).to_have_count(0)
    expect(form.locator("[name=name]")).to_have_value(NAME)
    expect(form.locator("[name=organisation]")).to_have_value(ORGANISATION)
    expect(form.locator("[name=phone]")).to_have_value(PHONE)
    assert_accessible(page)

    form.locator("[name=consent]").check()
    form.locator("[name=submit]").click()
    page.wait_for_url(f"**{event_url}registered/")

    receipt = page.locator("#registration-receipt")
    expect(receipt).to_have_attribute("data-status", "confirmed")
    expect(receipt).to_contain_text(NAME)
    expect(receipt.locator("#add-to-calendar")).to_have_attribute("href", f"{event_url}ics/")
    assert_accessible(page)

    # The receipt belongs to this browser's session only.
    page.reload()
    expect(page.locator("#registration-receipt")).to_have_attribute("data-status", "confirmed")
