"""Issue 3 end to end: a visitor finds a Guangzhou point and asks it a question, follows it with
the tracking code, the point's staff answer in the admin inbox, the visitor reads and rates it.

Two browser contexts share the server: the asker's phone (one session throughout, as the tracking
page follows the question in the session) and the staff member's desktop.
"""

import json
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .pages import (
    TRACKING_CODE,
    assert_field_error,
    card_place,
    consultation_form,
    field_error,
    result_cards,
)

pytestmark = pytest.mark.browser

CITY_KEYWORD = "广州"
CITY_LABEL = "广州市"
SUBJECT = "检索发明专利的法律状态"
# 𠮷 (U+20BB7) lies outside the Basic Multilingual Plane: 4 bytes in UTF-8, a surrogate pair in
# JavaScript. It must survive the form, the error round trip, the database and both pages.
QUESTION = "您好！我们公司名称里有“𠮷”字，\n请问如何检索与之相关的发明专利并查看其法律状态？"
NAME = "𠮷田明"
PHONE_INVALID = "12345"
# Typed the way people do; the form stores 13800138000 and its last four digits unlock tracking.
PHONE = "138 0013 8000"
PHONE_STORED = "13800138000"
PHONE_LAST4 = "8000"
REPLY = "您好，可在国家知识产权局专利检索系统按申请人“𠮷”检索，再在法律状态栏查看。"
RATING = "5"
COMMENT = "答复及时，非常有帮助。"
DESKTOP = {"width": 1280, "height": 900}

# `manage.py shell -c` code printing one JSON line: a demo request routed to another point.
OTHER_POINTS_REQUEST = """
import json
from services.models import ConsultationRequest
other = (
    ConsultationRequest.objects.filter(point__isnull=False)
    .exclude(point_id={point_id})
    .order_by("pk")
    .first()
)
print(json.dumps({{"pk": other.pk, "code": other.formatted_code}}))
"""


def _open_a_guangzhou_point(page: Page) -> tuple[int, str]:
    """From the directory's keyword search to a Guangzhou profile; returns (point id, slug)."""
    page.goto("/directory/")
    filters = page.locator("form.directory-filters")
    filters.locator("#id_q").fill(CITY_KEYWORD)
    filters.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/directory/\?.*\bq="))

    cards = result_cards(page)
    expect(cards.first).to_be_visible()
    in_guangzhou = [card for card in cards.all() if CITY_KEYWORD in card_place(card)]
    assert in_guangzhou, "Searching 广州 lists no point in Guangzhou"
    link = in_guangzhou[0].get_by_role("heading").get_by_role("link")
    title = link.inner_text().strip()
    link.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    form = consultation_form(page)
    expect(form).to_be_visible()
    action = form.get_attribute("action") or ""
    match = re.fullmatch(r"/consult/ask/point/(\d+)/", action)
    assert match, f"The profile's form posts to {action!r}, not to /consult/ask/point/<id>/"
    slug = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
    return int(match.group(1)), slug


def _send_with_mistakes_then_correct(page: Page, point_id: int, assert_accessible) -> None:
    form = consultation_form(page)
    form.locator("[name=subject]").fill(SUBJECT)
    form.locator("[name=question]").fill(QUESTION)
    form.locator("[name=name]").fill(NAME)
    form.locator("[name=phone]").fill(PHONE_INVALID)
    form.locator("input[name=reply_channel][value=phone]").check()
    form.locator("[name=city]").select_option(label=CITY_LABEL)
    expect(form.locator("[name=consent]")).not_to_be_checked()
    form.locator("[name=submit]").click()

    # Refused: the form comes back on the point's own ask page, marked where it went wrong.
    page.wait_for_url(f"**/consult/ask/point/{point_id}/")
    form = consultation_form(page)
    expect(page.locator("#form-errors")).to_be_visible()
    assert_field_error(form, "phone")
    assert_field_error(form, "consent")
    for valid in ("subject", "question", "name", "city"):
        expect(field_error(form, valid)).to_have_count(0)
    # Everything typed is kept, the astral character included.
    expect(form.locator("[name=subject]")).to_have_value(SUBJECT)
    expect(form.locator("[name=question]")).to_have_value(QUESTION)
    expect(form.locator("[name=name]")).to_have_value(NAME)
    expect(form.locator("[name=phone]")).to_have_value(PHONE_INVALID)
    expect(form.locator("input[name=reply_channel][value=phone]")).to_be_checked()
    expect(form.locator("[name=city] option:checked")).to_have_text(CITY_LABEL)
    assert_accessible(page)

    form.locator("[name=phone]").fill(PHONE)
    form.locator("[name=consent]").check()
    form.locator("[name=submit]").click()
    page.wait_for_url("**/consult/ask/sent/")


def _read_tracking_code(page: Page, assert_accessible) -> str:
    code_element = page.get_by_test_id("tracking-code")
    expect(code_element).to_be_visible()
    code = code_element.inner_text().strip()
    assert TRACKING_CODE.fullmatch(code), f"Unexpected tracking code format {code!r}"
    assert_accessible(page)
    return code


def _follow_with_code(page: Page, code: str) -> None:
    raw = code.replace("-", "")
    page.locator(f'main a[href$="/consult/track/?code={raw}"]').click()
    page.wait_for_url(re.compile(r"/consult/track/\?code="))
    lookup = page.locator('main form[action$="/consult/track/"]')
    expect(lookup.locator("[name=code]")).to_have_value(raw)
    lookup.locator("[name=secret]").fill(PHONE_LAST4)
    lookup.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/consult/track/$"))

    expect(page.get_by_test_id("status")).to_have_class(re.compile(r"\bstatus-new\b"))
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    expect(page.locator(".question-text")).to_contain_text("𠮷")
    expect(page.locator("article.reply")).to_have_count(0)
    expect(page.locator('form[action$="/consult/track/rate/"]')).to_have_count(0)


def _other_points_request(manage, point_id: int) -> dict:
    output = manage(
        "shell", "--no-imports", "-v", "0", "-c", OTHER_POINTS_REQUEST.format(point_id=point_id)
    )
    return json.loads(output.strip().splitlines()[-1])


def _answer_as_staff(admin: Page, username: str, password: str, code: str) -> str:
    """Log in, open the request from the inbox, reply; returns the detail page's path."""
    admin.goto("/admin/login/?next=/admin/consultations/")
    admin.locator("input[name=username]").fill(username)
    admin.locator("input[name=password]").fill(password)
    admin.locator("form:has(input[name=password]) button[type=submit]").click()
    admin.wait_for_url(re.compile(r"/admin/consultations/$"))

    # Newest first: the request just sent is on the first page of the point's inbox.
    admin.locator("#consultations-table").get_by_role("link", name=code, exact=True).click()
    admin.wait_for_url(re.compile(r"/admin/consultations/\d+/$"))
    detail_path = urlsplit(admin.url).path
    main = admin.locator("main")
    expect(main).to_contain_text(SUBJECT)
    expect(main).to_contain_text("𠮷")
    expect(main).to_contain_text(PHONE_STORED)

    reply_form = admin.locator("form#reply-form")
    expect(reply_form).to_have_attribute("action", f"{detail_path}reply/")
    reply_form.locator("textarea[name=body]").fill(REPLY)
    expect(reply_form.locator("input[name=close]")).not_to_be_checked()
    reply_form.locator("button[type=submit]").click()
    # Sent replies are listed on the detail page the reply view redirects back to.
    expect(admin.locator(".consultation-reply-body")).to_have_text(REPLY)
    assert urlsplit(admin.url).path == detail_path, admin.url
    return detail_path


def _rate_the_answer(page: Page, assert_accessible) -> None:
    page.reload()
    expect(page.get_by_test_id("status")).to_have_class(re.compile(r"\bstatus-answered\b"))
    replies = page.locator("article.reply")
    expect(replies).to_have_count(1)
    expect(replies.first).to_contain_text(REPLY)

    rate_form = page.locator('form[action$="/consult/track/rate/"]')
    expect(rate_form).to_be_visible()
    assert_accessible(page)
    rate_form.locator(f"input[name=rating][value='{RATING}']").check()
    rate_form.locator("textarea[name=comment]").fill(COMMENT)
    rate_form.locator("button[type=submit]").click()

    expect(rate_form).to_have_count(0)
    page.wait_for_url(re.compile(r"/consult/track/$"))
    expect(page.locator(".messages .alert-success")).to_be_visible()
    # "You rated the answer 5 out of 5": the paragraph that replaces the rating form.
    thanks = page.locator("section[aria-labelledby=answers-title] + p")
    expect(thanks).to_contain_text(RATING)
    assert_accessible(page)


def _ask_and_follow(page: Page, point_id: int, assert_accessible) -> str:
    """Steps 1–3 after the point is open: ask, get the code, follow it. Returns the code."""
    _send_with_mistakes_then_correct(page, point_id, assert_accessible)
    code = _read_tracking_code(page, assert_accessible)
    # The tracking page: found with the code and the phone's last four digits; no answer yet.
    _follow_with_code(page, code)
    return code


def test_ask_a_point_follow_the_answer_and_rate_it(
    page: Page, new_context, point_staff, manage, assert_accessible
):
    # 1. The asker, on a phone: directory → a Guangzhou point and its question form.
    point_id, slug = _open_a_guangzhou_point(page)
    # Each management command is a Django start-up of several seconds: create the point's staff
    # account and look up another point's request while the asker fills in the form. (SQLite runs
    # in WAL mode with a busy timeout, so these writers queue behind the server's.)
    with ThreadPoolExecutor(max_workers=2) as background:
        staff_account = background.submit(point_staff, slug)
        other_request = background.submit(_other_points_request, manage, point_id)
        # 2–3. Send the question (after one refused try), then follow it with the code.
        code = _ask_and_follow(page, point_id, assert_accessible)
        username, password = staff_account.result()
        other = other_request.result()

    # 4. The point's staff, on a desktop, answer from the inbox.
    admin = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    detail_path = _answer_as_staff(admin, username, password, code)

    # Another point's request does not exist for them: 404 on its URL, absent from a search.
    response = admin.goto(f"/admin/consultations/{other['pk']}/")
    assert response is not None and response.status == 404, (
        f"Another point's request answers {response and response.status} to this point's staff"
    )
    response = admin.goto(f"/admin/consultations/?q={other['code']}")
    assert response is not None and response.status == 200, response and response.status
    expect(admin.locator("input#id_q[name=q]")).to_have_value(other["code"])
    expect(admin.get_by_role("link", name=other["code"], exact=True)).to_have_count(0)

    # 5. The asker, same session: reads the answer and rates it once.
    _rate_the_answer(page, assert_accessible)

    # The staff see the rating and the comment on the request.
    admin.goto(detail_path)
    main = admin.locator("main")
    expect(main).to_contain_text(f"{RATING}/5")
    expect(main).to_contain_text(COMMENT)
