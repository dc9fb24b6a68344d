"""WCAG 2.2 AA beyond axe, in both languages at 320, 390 and 1280 px: reflow without sideways
scrolling, one-word labels that do not split, 24 × 24 px footer targets, focus rings at 3:1, and
the error summary of a failed form.

One browser context per language and one load per page type; the widths are checked on the
same load by resizing the window.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from .pages import result_cards

pytestmark = pytest.mark.browser

WIDTHS = (320, 390, 1280)
PHONE_WIDTHS = (320, 390)
AXE_WIDTH = 390
LANGUAGES = {"zh": ("", "zh-CN", "错误"), "en": ("/en", "en-GB", "Error")}

# What a visitor sees on one page at the current width. A "one-word" control is a nav link,
# button, label, legend or footer link whose text has no space (and, in Chinese, is short):
# it must sit on one line ("Sear/ch", "搜/索" failed this).
LAYOUT = """() => {
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const broken = [];
    const controls = document.querySelectorAll(
        "header a, header button, nav a, footer a, main .btn, main button, main .form-label, main legend, main .nav-link");
    for (const el of controls) {
        const text = (el.innerText || "").trim();
        if (!text || /\\s/.test(text) || text.length > 12 || !visible(el)) continue;
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(text);
    }
    const small = [...document.querySelectorAll("footer a")].filter(visible).map((a) => {
        const r = a.getBoundingClientRect();
        return {text: a.innerText.trim(), width: r.width, height: r.height};
    }).filter((t) => t.width < 24 || t.height < 24);
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        broken,
        small,
    };
}"""

# The focus ring's contrast (its outline colour against the background it is drawn on: the
# nearest opaque ancestor, since the ring lies outside the element).
FOCUS_RING = """(el) => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let bg = [255, 255, 255];
    for (let node = el.parentElement; node; node = node.parentElement) {
        const c = rgb(getComputedStyle(node).backgroundColor);
        if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) { bg = c.slice(0, 3); break; }
    }
    const style = getComputedStyle(el);
    const ring = rgb(style.outlineColor).slice(0, 3);
    const [a, b] = [lum(ring), lum(bg)].sort((x, y) => y - x);
    return {
        focused: el.matches(":focus-visible"),
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        contrast: (a + 0.05) / (b + 0.05),
    };
}"""


def check_layout(page: Page, label: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        # Wait for the new width to be laid out before measuring it.
        page.wait_for_function("(w) => window.innerWidth === w", arg=width)
        state = page.evaluate(LAYOUT)
        where = f"{label} at {width}px"
        assert state["scrollWidth"] <= state["innerWidth"], (
            f"{where} scrolls sideways: {state['scrollWidth']}px of content in {state['innerWidth']}px"
        )
        assert not state["broken"], (
            f"{where}: one-word labels split across lines: {state['broken']}"
        )
        if width in PHONE_WIDTHS:
            assert not state["small"], f"{where}: footer links under 24×24 px: {state['small']}"


def check_focus_ring(page: Page, target, label: str) -> None:
    target.scroll_into_view_if_needed()
    target.focus()
    ring = target.evaluate(FOCUS_RING)
    assert ring["focused"], f"{label}: focus from the keyboard does not match :focus-visible"
    assert ring["style"] != "none" and ring["width"] >= 2, f"{label}: no visible focus ring {ring}"
    assert ring["contrast"] >= 3, f"{label}: focus ring at {ring['contrast']:.2f}:1, under 3:1"


def visit(page: Page, path: str, label: str, assert_accessible) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{label}: {path}"
    page.set_viewport_size({"width": AXE_WIDTH, "height": 900})
    assert_accessible(page)
    check_layout(page, label)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_page_type_reflows_and_keeps_targets_and_focus_visible(
    new_context, assert_accessible, language
):
    prefix, locale, _ = LANGUAGES[language]
    context = new_context(
        locale=locale,
        is_mobile=False,
        has_touch=False,
        viewport={"width": AXE_WIDTH, "height": 900},
    )
    page = context.new_page()

    visit(page, f"{prefix}/", f"{language} home", assert_accessible)
    page.set_viewport_size({"width": 1280, "height": 900})
    # The keyboard, not a click: :focus-visible is what keyboard users see.
    page.keyboard.press("Tab")
    light = page.locator("main .btn-light, main .btn-outline-secondary").first
    check_focus_ring(page, light, f"{language} home, light grey button")
    check_focus_ring(page, page.locator("main a:not(.btn)").first, f"{language} home, link")
    check_focus_ring(page, page.locator("footer a").first, f"{language} footer link")

    visit(page, f"{prefix}/directory/", f"{language} directory", assert_accessible)
    profile = result_cards(page).first.locator("h2 a").get_attribute("href")
    visit(page, f"{prefix}/directory/guangdong/", f"{language} landing page", assert_accessible)
    visit(page, profile, f"{language} profile", assert_accessible)

    page.goto(f"{prefix}/notices/")
    notice = page.locator("article.notice-card h2 a, article.notice-card h3 a").first.get_attribute(
        "href"
    )
    visit(page, notice, f"{language} notice", assert_accessible)
    visit(page, f"{prefix}/search/?q=%E4%B8%93%E5%88%A9", f"{language} search", assert_accessible)
    visit(page, f"{prefix}/consult/track/", f"{language} tracking lookup", assert_accessible)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_failed_question_leads_to_each_error(new_context, assert_accessible, language):
    prefix, locale, error_word = LANGUAGES[language]
    context = new_context(
        locale=locale,
        is_mobile=False,
        has_touch=False,
        viewport={"width": AXE_WIDTH, "height": 900},
    )
    page = context.new_page()
    page.goto(f"{prefix}/consult/ask/")

    # The city list: grouped by province, shortened by typing (pinyin works in both languages).
    city = page.locator("#id_city")
    assert city.locator("optgroup").count() > 30
    filter_box = page.get_by_role("searchbox", name=re.compile(r"广州|Guangzhou"))
    filter_box.fill("guangzhou")
    expect(city.locator("option:checked")).to_have_text(re.compile(r"广州|Guangzhou"))
    filter_box.fill("")

    page.locator("#id_subject").fill("检索咨询")
    # A browser that sends no reply channel (the radios start on e-mail).
    page.evaluate(
        "document.querySelectorAll('[name=reply_channel]').forEach((r) => { r.checked = false; })"
    )
    page.locator("#consultation-form [type=submit]").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    assert page.title().startswith(error_word), page.title()
    expect(page.locator("#id_subject")).to_have_value("检索咨询")
    links = summary.locator("a")
    assert links.count() >= 4
    for href in links.evaluate_all("(links) => links.map((a) => a.getAttribute('href'))"):
        assert page.locator(f"[id='{href[1:]}']").count() == 1, f"{href} points at no field"

    group = page.locator("#id_reply_channel_0").locator("xpath=ancestor::fieldset[1]")
    described_by = group.get_attribute("aria-describedby")
    assert described_by, "The reply-by radio group is not tied to its error"
    expect(page.locator(f"[id='{described_by}']")).not_to_be_empty()
    expect(page.locator("#id_reply_channel_0")).to_have_attribute("aria-invalid", "true")

    # The city chosen through the filter box was kept.
    expect(page.locator("#id_city option:checked")).to_have_text(re.compile(r"广州|Guangzhou"))
    summary.locator("a[href='#id_question']").click()
    expect(page.locator("#id_question")).to_be_focused()

    assert_accessible(page)
    check_layout(page, f"{language} question form with errors")
