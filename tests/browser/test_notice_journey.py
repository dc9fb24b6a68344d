"""Issue 4 end to end: an IP-office editor (Editors + Moderators) publishes a notice with a PDF
attachment in the admin; a visitor finds it at the top of the notices, in the RSS feed and on the
home page. Then a point's staff repost a notice to their point with one click, and the notice's
page names the point.

Selectors use URLs, names and ids, never translated text.
"""

import json
import re
import secrets
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from .admin import log_in, pause_autosave

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
TITLE = "关于做好2099年度知识产权信息公共服务工作的通知"
AUTHORITY = "国家知识产权局办公室（浏览器测试）"
DOCUMENT_NUMBER = "国知办函服字〔2099〕1号"
SUMMARY = "请各服务网点做好年度信息公共服务工作，并按时报送工作总结。"
ATTACHMENT_TITLE = "浏览器测试附件"

# `manage.py shell -c` code printing one JSON line: the notices index (created if the demo has
# none yet), an IP-office account (Editors and Moderators: it may publish) and a PDF in the
# document library.
SETUP = """
import json
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from home.homepage.demo import ensure_home_page
from home.core.locales import ensure_locale_trees
from home.core.models import User
from home.notices.models import NoticeIndexPage
from home.homepage.sections import ensure_sections

home = ensure_home_page()
index = ensure_sections(home)["notices"]
ensure_locale_trees()
user = User.objects.filter(username={username!r}).first() or User(username={username!r})
user.email = "editor@example.com"
user.is_active = True
user.set_password({password!r})
user.save()
# Editors write pages; Moderators may publish them.
user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
Document = get_document_model()
document = Document.objects.filter(title={document_title!r}).first()
if document is None:
    document = Document(title={document_title!r})
    document.file.save("notice-attachment.pdf", ContentFile({pdf!r}), save=False)
    document._set_document_file_metadata()
    document.save()
print(json.dumps({{"index_id": index.pk, "index_url": index.url, "document_id": document.pk}}))
"""

# The published notice's URL, as the site writes it in links (the slug comes from the title).
NOTICE_URL = """
import json
from home.notices.models import NoticePage
notice = NoticePage.objects.get(document_number={number!r}, alias_of__isnull=True)
print(json.dumps({{"url": notice.url, "live": notice.live}}))
"""

# A published notice made like an editor would, and a live demo point: one JSON line.
REPOST_SETUP = """
import json
from django.utils import timezone
from wagtail.models import Locale
from directory.models import ServicePoint
from home.core.locales import alias_new_page
from home.notices.models import NoticeIndexPage, NoticePage

index = NoticeIndexPage.objects.get(locale=Locale.get_default())
notice = NoticePage.objects.filter(document_number={number!r}).first()
if notice is None:
    notice = NoticePage(
        title={title!r}, slug="browser-repost-notice", kind="policy",
        issuing_authority="国家知识产权局", document_number={number!r},
        publication_date=timezone.localdate(), summary="供网点转载的政策文件。",
    )
    index.add_child(instance=notice)
    notice.save_revision().publish()
    alias_new_page(notice)
point = (
    ServicePoint.objects.live()
    .filter(locale=Locale.get_default(), alias_of__isnull=True, status="active")
    .order_by("pk")
    .first()
)
print(json.dumps({{"notice_id": notice.pk, "notice_url": notice.url, "point_id": point.pk,
                   "point_slug": point.slug, "point_url": point.url}}))
"""

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture(scope="module")
def notice_setup(manage):
    username = f"notice-editor-{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    code = SETUP.format(
        username=username, password=password, document_title=ATTACHMENT_TITLE, pdf=PDF
    )
    output = manage("shell", "--no-imports", "-v", "0", "-c", code)
    data = json.loads(output.strip().splitlines()[-1])
    return {**data, "username": username, "password": password}


def _choose_document(admin: Page, document_id: int) -> None:
    """Add an attachment row and pick the document in Wagtail's chooser modal."""
    admin.locator("#id_attachments-ADD").click()
    chooser = admin.locator("#id_attachments-0-document-chooser")
    chooser.locator(".unchosen button[data-chooser-action-choose]").click()
    choice = admin.locator(f"a[data-chooser-modal-choice][href*='/{document_id}/']").first
    expect(choice).to_be_visible()
    choice.click()
    expect(admin.locator("#id_attachments-0-document")).to_have_value(str(document_id))


def _publish_notice(admin: Page, setup: dict) -> None:
    add_url = f"/admin/pages/add/notices/noticepage/{setup['index_id']}/"
    log_in(admin, setup["username"], setup["password"], add_url)
    pause_autosave(admin)

    admin.locator("#id_title").fill(TITLE)
    admin.locator("#id_kind").select_option("notice")
    admin.locator("#id_document_number").fill(DOCUMENT_NUMBER)
    admin.locator("#id_issuing_authority").fill(AUTHORITY)
    admin.locator("#id_summary").fill(SUMMARY)
    _choose_document(admin, setup["document_id"])

    # "Publish" sits in the footer's action menu, behind the "Save draft" button's toggle.
    publish = admin.locator("button[name=action-publish]")
    if not publish.is_visible():
        admin.locator(
            "footer [data-w-dropdown-target=toggle], footer .dropdown-toggle"
        ).first.click()
    publish.click()
    admin.wait_for_url(re.compile(rf"/admin/pages/{setup['index_id']}/$"))
    expect(admin.locator(".messages .success, .messages [class*=success]").first).to_be_visible()


def test_an_editor_publishes_a_notice_that_visitors_find(
    new_context, manage, notice_setup, assert_accessible
):
    admin = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    _publish_notice(admin, notice_setup)
    output = manage(
        "shell", "--no-imports", "-v", "0", "-c", NOTICE_URL.format(number=DOCUMENT_NUMBER)
    )
    stored = json.loads(output.strip().splitlines()[-1])
    assert stored["live"], "The notice was saved but not published"
    notice_path = stored["url"]

    visitor = new_context().new_page()
    index_url = notice_setup["index_url"]
    assert notice_path.startswith(index_url)

    # Newest first: the notice heads the list.
    visitor.goto(index_url)
    first = visitor.locator("article.notice-card").first
    expect(first.get_by_role("link").first).to_have_attribute("href", notice_path)
    head_links = visitor.locator("head link[rel=alternate][type='application/rss+xml']")
    expect(head_links).to_have_count(1)
    assert_accessible(visitor)

    # Filtering by its authority keeps it and only notices of that authority.
    visitor.locator("#id_authority").select_option(AUTHORITY)
    visitor.locator("form.notice-filters button[type=submit]").click()
    visitor.wait_for_url(re.compile(r"[?&]authority="))
    expect(visitor.locator("article.notice-card")).to_have_count(1)
    rss_href = visitor.locator("#feed-rss").get_attribute("href") or ""
    assert "authority=" in rss_href

    # The notice's own page: its facts, and the attachment through Wagtail's document view.
    first = visitor.locator("article.notice-card").first
    first.get_by_role("link").first.click()
    visitor.wait_for_url(
        lambda url: urlsplit(url).path == unquote(notice_path) or urlsplit(url).path == notice_path
    )
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("#notice-authority")).to_have_text(AUTHORITY)
    expect(visitor.locator("#notice-number")).to_have_text(DOCUMENT_NUMBER)
    expect(visitor.locator("#notice-published")).to_have_attribute(
        "datetime", re.compile(r"^\d{4}-\d{2}-\d{2}$")
    )
    attachment = visitor.locator("a.notice-attachment")
    expect(attachment).to_have_count(1)
    href = attachment.get_attribute("href") or ""
    assert urlsplit(href).path.startswith(f"/documents/{notice_setup['document_id']}/"), href
    download = visitor.request.get(href)
    assert download.ok and download.body().startswith(b"%PDF")
    ld = json.loads(visitor.locator("script[type='application/ld+json']").first.inner_text())
    assert ld["publisher"]["name"] == AUTHORITY
    assert_accessible(visitor)

    # The RSS feed, unfiltered and filtered, carries it with an absolute link.
    for feed_url in (f"{index_url}feed/rss/", rss_href):
        response = visitor.request.get(feed_url)
        assert response.ok, feed_url
        # The test server's own feed, not untrusted input.
        channel = ET.fromstring(response.body()).find("channel")  # noqa: S314
        links = [item.findtext("link") for item in channel.findall("item")]
        assert links and unquote(urlsplit(links[0]).path) == unquote(notice_path), links[:3]
        assert links[0].startswith("http")

    # The home page's latest notices.
    visitor.goto("/")
    expect(visitor.locator(f"#latest-notices a[href='{notice_path}']")).to_have_count(1)


def test_point_staff_repost_a_notice_with_one_click(
    new_context, manage, notice_setup, point_staff, assert_accessible
):
    code = REPOST_SETUP.format(title="关于转载测试的政策文件", number="国知发〔2099〕9号")
    data = json.loads(
        manage("shell", "--no-imports", "-v", "0", "-c", code).strip().splitlines()[-1]
    )
    username, password = point_staff(data["point_slug"])

    admin = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    log_in(admin, username, password, "/admin/")
    # The menu leads to the page.
    menu_link = admin.locator("a[href='/admin/notices/repost/']").first
    expect(menu_link).to_have_count(1)
    admin.goto("/admin/notices/repost/")
    row = admin.locator(f"tr[data-notice-id='{data['notice_id']}']")
    expect(row).to_have_count(1)
    form = row.locator(f"form.repost-form[data-point-id='{data['point_id']}']")
    form.locator("button[name=action][value=repost]").click()
    admin.wait_for_url("**/admin/notices/repost/")
    row = admin.locator(f"tr[data-notice-id='{data['notice_id']}']")
    expect(row.locator("[data-state=reposted]")).to_have_count(1)
    expect(row.locator("button[name=action][value=remove]")).to_have_count(1)

    visitor = new_context().new_page()
    visitor.goto(data["notice_url"])
    expect(visitor.locator(f"#reposted-by a[href='{data['point_url']}']")).to_have_count(1)
    assert_accessible(visitor)

    # Undo: the point disappears from the notice's page.
    row.locator("button[name=action][value=remove]").click()
    admin.wait_for_url("**/admin/notices/repost/")
    row = admin.locator(f"tr[data-notice-id='{data['notice_id']}']")
    expect(row.locator("button[name=action][value=repost]")).to_have_count(1)
    visitor.reload()
    expect(visitor.locator("#reposted-by")).to_have_count(0)
