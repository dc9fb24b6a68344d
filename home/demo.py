"""Demo editorial content: the five seed documents as notices, cases, events, standard pages.

The seed documents are real (their titles, issuing authorities and document numbers as the texts
state them; the publication dates are approximate: only the years are known here). Cases and
events are invented and marked as demo content. Idempotent: pages are found by slug.
"""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from directory.models import Audience, Region, ServicePoint
from services.models import ServiceItem

from .locales import ensure_locale_trees
from .models import (
    CaseFigure,
    CasePage,
    EventPage,
    FAQItem,
    FAQPage,
    FooterLink,
    HomePage,
    NoticePage,
    SiteSettings,
    StandardPage,
)
from .sections import ensure_sections

SEEDS = Path(__file__).parent / "seeds"
SHANGHAI = ZoneInfo("Asia/Shanghai")

# (seed file, slug, title, kind, authority, document number, date, scope, region adcode, summary)
SEED_NOTICES = [
    (
        "000_d1bf5b9153501aad.txt",
        "tisc-second-batch-2019",
        "国家知识产权局办公室关于启动第二批技术与创新支持中心（TISC）筹建工作的通知",
        "notice",
        "国家知识产权局办公室",
        "国知办函服字〔2019〕461号",
        datetime.date(2019, 12, 1),
        "national",
        None,
        "确定电子科技大学等11家单位为第二批技术与创新支持中心承办机构，明确基础性、进阶性和增值服务内容及5×8小时咨询反馈等要求。",
    ),
    (
        "001_d650c46ddbb1342b.txt",
        "tisc-work-guideline",
        "技术与创新支持中心（TISC）工作指引",
        "policy",
        "国家知识产权局",
        "",
        datetime.date(2024, 12, 1),
        "national",
        None,
        "明确TISC基础性、重点和协同服务，区域TISC网络、园区工作站、开放许可专利对接、服务清单与反馈回访、账号权限与数据安全等要求。",
    ),
    (
        "002_d7b7c70fb94a3c2c.txt",
        "heilongjiang-technical-standard",
        "知识产权信息公共服务技术规范",
        "policy",
        "黑龙江省知识产权局",
        "",
        datetime.date(2023, 1, 1),
        "province",
        "230000",
        "规定知识产权信息公共服务节点、网点的机构管理、服务内容和服务改进要求，包括个人信息经同意方可收集、意见反馈渠道和实践案例库。",
    ),
    (
        "003_ebd864ff72252ce4.txt",
        "guangzhou-point-recognition-guide",
        "广州市知识产权信息公共服务网点认定工作指南",
        "policy",
        "广州市市场监督管理局（广州市知识产权局）",
        "",
        datetime.date(2022, 1, 1),
        "city",
        "440100",
        "规定广州市知识产权信息公共服务网点的认定条件、申报材料、名录管理、变更与撤销、年度总结、服务台账和服务事项参考清单。",
    ),
    (
        "004_2cd6900b960dfdf4.txt",
        "national-work-guideline-2020",
        "知识产权信息公共服务工作指引",
        "policy",
        "国家知识产权局办公室",
        "国知办发服字〔2020〕43号",
        datetime.date(2020, 1, 1),
        "national",
        None,
        "明确国家级、省级和区域中心城市节点及各类网点的服务主体、基础与专业服务清单、在网站公开服务事项、意见反馈和优秀实践推广。",
    ),
]


def seed_body(filename: str) -> list[tuple[str, str]]:
    """The document's text as paragraph blocks, with lines such as 第一章 as headings."""
    text = (SEEDS / filename).read_text(encoding="utf-8")
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text):
        line = " ".join(part.strip() for part in paragraph.splitlines() if part.strip())
        if not line:
            continue
        if (
            re.match(r"^(第[一二三四五六七八九十]+章|[一二三四五六七八九十]+、)", line)
            and len(line) < 40
        ):
            blocks.append(("heading", {"text": line, "level": "h2"}))
        else:
            blocks.append(("paragraph", f"<p>{escape(line)}</p>"))
    return blocks


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _region(adcode):
    if not adcode:
        return None
    return Region.objects.filter(adcode=adcode, locale=Locale.get_default()).first()


def _services(*codes):
    return list(ServiceItem.objects.filter(code__in=codes, locale=Locale.get_default()))


def load_notices(index) -> int:
    created = 0
    for (
        filename,
        slug,
        title,
        kind,
        authority,
        number,
        date,
        scope,
        adcode,
        summary,
    ) in SEED_NOTICES:
        if _child(index, NoticePage, slug):
            continue
        notice = NoticePage(
            title=title,
            slug=slug,
            kind=kind,
            issuing_authority=authority,
            document_number=number,
            publication_date=date,
            scope=scope,
            region=_region(adcode),
            summary=summary,
            body=seed_body(filename),
            is_demo=True,
        )
        _publish(index, notice)
        notice.related_services.set(_services("B03", "B04", "P03"))
        notice.save_revision().publish()
        created += 1
    return created


def _demo_points():
    return list(
        ServicePoint.objects.live()
        .filter(locale=Locale.get_default(), alias_of__isnull=True, status="active")
        .select_related("city", "province", "category")
        .order_by("pk")
    )


DEMO_CASES = [
    (
        "patent-navigation-new-energy",
        "新能源汽车产业专利导航助力企业研发布局",
        "sme",
        "新能源汽车",
        ("P03", "B03"),
        True,
    ),
    (
        "search-training-sme",
        "面向中小企业的专利检索系列培训",
        "sme",
        "智能制造",
        ("B01", "B03"),
        True,
    ),
    (
        "ip-analysis-biomedicine",
        "生物医药领域专利分析支撑高校成果转化",
        "university",
        "生物医药",
        ("P01", "P02"),
        True,
    ),
    (
        "trademark-warning-export",
        "出口企业海外商标预警服务",
        "sme",
        "纺织服装",
        ("B04", "P13"),
        False,
    ),
    (
        "park-workstation",
        "产业园区知识产权工作站一站式服务",
        "park",
        "集成电路",
        ("B03", "V09"),
        False,
    ),
    (
        "rights-aid-consultation",
        "维权援助工作站快速咨询解决侵权纠纷",
        "sme",
        "食品加工",
        ("B09", "B11"),
        False,
    ),
]


def load_cases(index, points) -> int:
    created = 0
    for number, (slug, title, party, industry, codes, featured) in enumerate(DEMO_CASES):
        if _child(index, CasePage, slug) or not points:
            continue
        point = points[(number * 7) % len(points)]
        case = CasePage(
            title=title,
            slug=slug,
            point=point,
            period_start=datetime.date(2025, 1 + number, 1),
            period_end=datetime.date(2025, 6 + number, 28),
            served_party_kind=party,
            industry=industry,
            region=point.city or point.province,
            summary=f"{point.title}围绕{industry}领域开展{title[-8:]}，服务对象反馈良好（演示案例）。",
            body=[
                ("heading", {"text": "背景", "level": "h2"}),
                ("paragraph", f"<p>{industry}领域企业在研发立项前缺少系统的知识产权信息支撑。</p>"),
                ("heading", {"text": "做法", "level": "h2"}),
                ("paragraph", "<p>网点组建专门团队，开展检索分析、培训讲解和一对一咨询。</p>"),
                ("heading", {"text": "成效", "level": "h2"}),
                ("paragraph", "<p>形成检索分析报告，帮助服务对象调整研发方向、规避侵权风险。</p>"),
            ],
            featured=featured,
            is_demo=True,
        )
        case.figures = [
            CaseFigure(label="服务企业", value=str(12 + number * 5), unit="家"),
            CaseFigure(label="检索分析报告", value=str(8 + number * 3), unit="份"),
        ]
        _publish(index, case)
        case.services.set(_services(*codes))
        case.save_revision().publish()
        created += 1
    return created


DEMO_EVENTS = [
    ("patent-search-training", "专利检索基础培训班", "training", 14, False, 40),
    ("ip-lecture-sme", "中小企业知识产权保护讲座", "lecture", 21, True, None),
    ("open-class-trademark", "商标注册与运用公开课", "open_class", 35, False, 30),
    ("salon-patent-operation", "专利运营沙龙", "salon", 49, False, 20),
    ("roadshow-open-licence", "开放许可专利路演", "roadshow", -30, False, 80),
    ("exhibition-ip-achievements", "知识产权成果展", "exhibition", -60, False, None),
]


def load_events(index, points) -> int:
    created = 0
    today = timezone.localdate()
    audiences = list(
        Audience.objects.filter(locale=Locale.get_default(), code__in=["enterprise", "public"])
    )
    for number, (slug, title, kind, days, online, capacity) in enumerate(DEMO_EVENTS):
        if _child(index, EventPage, slug) or not points:
            continue
        point = points[(number * 11 + 3) % len(points)]
        start = datetime.datetime.combine(
            today + datetime.timedelta(days=days), datetime.time(9, 30), SHANGHAI
        )
        event = EventPage(
            title=title,
            slug=slug,
            kind=kind,
            start=start,
            end=start + datetime.timedelta(hours=3),
            online=online,
            online_url="https://meeting.example.com/demo" if online else "",
            venue="" if online else f"{point.title}报告厅",
            address=""
            if online
            else (
                point.address
                or f"{point.province.name}{point.city.name if point.city else ''}（演示地址）"
            ),
            region=point.city,
            summary=f"由{point.title}主办的{title}，面向企业和社会公众（演示活动）。",
            body=[
                ("paragraph", "<p>内容包括知识产权信息检索、分析与运用的实务讲解和案例分享。</p>")
            ],
            registration_open=days > 0,
            capacity=capacity,
            registration_deadline=start - datetime.timedelta(days=1) if days > 0 else None,
            is_demo=True,
        )
        _publish(index, event)
        event.organisers.set([point])
        event.audiences.set(audiences)
        event.services.set(_services("B01", "B03"))
        event.save_revision().publish()
        created += 1
    return created


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
        if not _child(home, StandardPage, slug):
            _publish(home, StandardPage(title=title, slug=slug, body=body))
            created += 1
    if not _child(home, FAQPage, "faq"):
        page = FAQPage(
            title="常见问题",
            slug="faq",
            intro="<p>关于知识产权信息公共服务网点和本网站的常见问题。</p>",
        )
        page.questions = [FAQItem(question=q, answer=a) for q, a in FAQ]
        _publish(home, page)
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
    points = _demo_points()
    counts = {
        "notices": load_notices(sections["notices"]),
        "cases": load_cases(sections["cases"], points),
        "events": load_events(sections["events"], points),
        "pages": load_standard_pages(home),
    }
    load_settings(home)
    ensure_locale_trees()
    return counts
