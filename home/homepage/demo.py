"""The whole demo site: the home page, the directory's demo points, demo consultation requests,
and the editorial content (standard pages, FAQ, site settings, each feature's notices, cases and
events). Idempotent: pages are found by slug, points by name.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from directory.applications.demo import load_applications_demo
from directory.demo import HOME_TITLE, demo_points
from directory.demo import load_demo as load_directory_demo
from directory.lifecycle.demo import load_lifecycle_demo
from directory.yearly.demo import load_yearly_demo
from home.cases.demo import load_cases
from home.core.demo import child, publish_child
from home.core.locales import ensure_locale_trees
from home.core.models import FooterLink, SiteSettings
from home.events.demo import load_events
from home.notices.demo import load_notices
from services.demo import load_demo_requests

from .demo_en import load_english_demo
from .models import FAQItem, FAQPage, HomePage, StandardPage
from .sections import ensure_sections

STANDARD_PAGES = [
    (
        "about",
        "关于本网",
        "<p>知识产权信息公共服务网汇集全国知识产权信息公共服务节点和网点的名录、服务事项清单、通知公告、典型案例和活动，帮助社会公众和中小企业就近找到所需服务（演示内容）。</p>",
    ),
    (
        "accessibility",
        "无障碍声明",
        "<p>本网站按照 WCAG 2.1 AA 级要求设计：所有功能可用键盘操作，图片提供替代文本，页面结构使用语义化标题，颜色不作为传递信息的唯一方式。自动化检测（axe-core）在每次发布前运行。如遇到无法使用的内容，请通过联系我们页面告诉我们。</p>",
    ),
    (
        "contact",
        "联系我们",
        "<p>运营单位：知识产权局公共服务部门（演示）。电话：010-0000-0000；电子邮箱：service@example.com。咨询具体问题，请使用“我要提问”，问题将转给合适的服务网点。</p>",
    ),
]

FAQ = [
    (
        "什么是知识产权信息公共服务网点？",
        "<p>网点是由知识产权管理部门认定、面向社会公众提供知识产权信息公共服务的机构，包括高校、图书馆、科研院所、园区、行业组织和服务机构等。</p>",
    ),
    (
        "基础性服务收费吗？",
        "<p>不收费。基础性服务一律免费；低成本专业化服务和增值服务的收费方式在各网点的服务事项清单中公开。</p>",
    ),
    (
        "提问后多久能得到答复？",
        "<p>网点在 5 个工作日（5×8 工作小时）内作出首次答复，法定节假日顺延。您可以凭查询码随时查看进展。</p>",
    ),
    (
        "我的个人信息会被如何使用？",
        "<p>仅用于答复您的问题和统计服务台账，只提供给答复您问题的网点，问题办结后按期删除。详见隐私政策。</p>",
    ),
]


def load_standard_pages(home) -> int:
    created = 0
    for slug, title, body in STANDARD_PAGES:
        if not child(home, StandardPage, slug):
            publish_child(home, StandardPage(title=title, slug=slug, body=body))
            created += 1
    if not child(home, FAQPage, "faq"):
        page = FAQPage(
            title="常见问题",
            slug="faq",
            intro="<p>关于知识产权信息公共服务网点和本网站的常见问题。</p>",
        )
        page.questions = [FAQItem(question=q, answer=a) for q, a in FAQ]
        publish_child(home, page)
        created += 1
    return created


def load_settings(home) -> None:
    site = home.get_site()
    if site is None:
        return
    settings = SiteSettings.for_site(site)
    if settings.office_name:
        return  # an editor's settings are never overwritten
    settings.office_name = "知识产权局公共服务部门（演示）"
    settings.contact_phone = "010-0000-0000"
    settings.contact_email = "service@example.com"
    settings.icp_number = "京ICP备00000000号-1（演示）"
    settings.public_security_number = "京公网安备00000000000000号（演示）"
    settings.save()
    for order, (label, url) in enumerate(
        [
            ("关于本网", "/about/"),
            ("常见问题", "/faq/"),
            ("无障碍声明", "/accessibility/"),
            ("联系我们", "/contact/"),
        ]
    ):
        FooterLink.objects.get_or_create(
            settings=settings, url=url, defaults={"label": label, "sort_order": order}
        )


@transaction.atomic
def load_editorial_demo() -> dict[str, int]:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    sections = ensure_sections(home)
    points = demo_points()
    counts = {
        "notices": load_notices(sections["notices"]),
        "cases": load_cases(sections["cases"], points),
        "events": load_events(sections["events"], points),
        "pages": load_standard_pages(home),
    }
    load_settings(home)
    ensure_locale_trees()
    # English versions of the pages a first English visitor meets, once the aliases exist.
    counts["english"] = load_english_demo(home)
    # A point's life (issue 12), after the cases and events the annual summary counts.
    counts["applications"] = load_applications_demo()
    counts["lifecycle"] = load_lifecycle_demo()
    counts["yearly"] = load_yearly_demo()
    return counts


def ensure_home_page() -> HomePage:
    """The site's HomePage, replacing Wagtail's placeholder welcome page on a fresh install."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    root = Page.get_first_root_node()
    placeholders = Page.objects.child_of(root).filter(
        content_type=ContentType.objects.get_for_model(Page), numchild=0
    )
    if home is None:
        # The welcome page holds the slug "home"; step it aside until it is deleted below.
        for page in placeholders.filter(slug="home"):
            Page.objects.filter(pk=page.pk).update(slug=f"wagtail-welcome-{page.pk}")
        home = HomePage(title=HOME_TITLE, slug="home")
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.pk is None or not isinstance(site.root_page.specific, HomePage):
        # A new site, or Wagtail's welcome site: absolute links (canonical URLs, JSON-LD, the
        # sitemap) should name the address people use, so take it from SITE_BASE_URL.
        base = urlsplit(settings.SITE_BASE_URL)
        site.hostname = base.hostname or "localhost"
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
    # Only now: deleting a site's root page would delete the Site with it.
    for page in placeholders.exclude(sites_rooted_here__isnull=False):
        page.delete()
    return home


def load_demo():
    """Everything `manage.py load_demo` sets up; returns (import report, requests, editorial)."""
    report = load_directory_demo(ensure_home_page())
    requests = load_demo_requests()
    editorial = load_editorial_demo()
    from directory.hsds.jobs import build as build_open_data

    build_open_data()  # the /open-data/ files, so the download page has them at once
    return report, requests, editorial
