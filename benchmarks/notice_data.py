"""N live NoticePage pages under the notices index, written table by table as build.py writes
the points (add_child() one page at a time would take minutes), then indexed for search.

    sections = build_sections()          # the notices, cases and events index pages
    build_notices(watch, sections["notices"], 2_000)

Call it after build.build_database(): the regions and the catalogue come with `migrate`, the
related points are the built ones. The bodies are paragraphs of the five seed documents the
demo notices are made from, so their length and wording are real; titles, authorities, dates
and regions are made up from a fixed seed.
"""

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from timing import Stopwatch

SEED = 20250202
TOPICS = [
    "知识产权信息公共服务网点备案",
    "专利导航项目申报",
    "知识产权质押融资入园惠企行动",
    "高价值专利培育",
    "知识产权信息公共服务能力提升",
    "技术与创新支持中心年度总结",
    "知识产权保护规范化市场培育",
    "专利转化运用专项行动",
    "商标品牌指导站建设",
    "知识产权公共服务标准化",
    "知识产权信息利用培训",
    "数据知识产权登记试点",
]
TITLES = {
    "notice": "{authority}关于开展{topic}工作的通知",
    "policy": "{authority}关于印发《{topic}工作方案》的通知",
    "interpretation": "《{topic}工作方案》政策解读",
    "news": "{authority}召开{topic}工作推进会",
}
KINDS = [("notice", 45), ("policy", 25), ("interpretation", 10), ("news", 20)]


def build_sections() -> dict[str, Any]:
    """The notices, cases and events index pages under the home page, as `load_demo` makes them."""
    from home.homepage.models import HomePage
    from home.homepage.sections import ensure_sections

    return ensure_sections(HomePage.objects.get(depth=2))


def build_notices(watch: Stopwatch, index: Any, count: int, *, seed: int = SEED) -> int:
    rng = random.Random(seed)
    made = watch.step(
        f"{count:,} NoticePage objects in memory", lambda: make_notices(index, count, rng)
    )
    watch.step("insert notice pages (bulk)", lambda: insert_pages(made))
    watch.step("insert related services and points", lambda: insert_related(made, rng))
    watch.step("notices: numchild + ANALYZE", lambda: finish(index, len(made)))
    watch.step(f"search index: {count:,} notices (backend.add_bulk)", index_notices)
    return len(made)


def _paragraphs() -> list[str]:
    from home.notices.demo import SEED_NOTICES, seed_body

    paragraphs = []
    for filename, *_rest in SEED_NOTICES:
        paragraphs += [value for kind, value in seed_body(filename) if kind == "paragraph"]
    return paragraphs


def make_notices(index: Any, count: int, rng: random.Random) -> list[Any]:
    """Unsaved NoticePage instances with their tree fields already computed."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from directory.models import Region
    from home.notices.models import NoticePage

    content_type = ContentType.objects.get_for_model(NoticePage)
    provinces = list(Region.objects.filter(level=Region.Level.PROVINCE))
    cities = list(Region.objects.filter(level=Region.Level.CITY).select_related("parent"))
    paragraphs = _paragraphs()
    depth = index.depth + 1
    start = index.numchild
    weights = [w for _k, w in KINDS]
    notices = []
    for i in range(1, count + 1):
        kind = rng.choices([k for k, _w in KINDS], weights=weights)[0]
        scope = rng.choices(["national", "province", "city"], weights=[20, 40, 40])[0]
        if scope == "national":
            region, authority = None, rng.choice(["国家知识产权局", "国家知识产权局办公室"])
        elif scope == "province":
            region = rng.choice(provinces)
            authority = f"{region.name}知识产权局"
        else:
            region = rng.choice(cities)
            authority = f"{region.name}市场监督管理局（知识产权局）"
        topic = rng.choice(TOPICS)
        title = f"{TITLES[kind].format(authority=authority, topic=topic)} #{i}"
        published = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2500))
        when = datetime(published.year, published.month, published.day, 9, tzinfo=UTC)
        body = [("paragraph", p) for p in rng.sample(paragraphs, rng.randint(6, 14))]
        slug = f"notice-{i}"
        notices.append(
            NoticePage(
                path=Page._get_path(index.path, depth, start + i),
                depth=depth,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                title=title,
                draft_title=title,
                slug=slug,
                live=True,
                has_unpublished_changes=False,
                first_published_at=when,
                last_published_at=when,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
                content_type=content_type,
                kind=kind,
                issuing_authority=authority,
                document_number=(
                    f"{authority[:2]}知发〔{published.year}〕{rng.randint(1, 99)}号"
                    if kind in ("notice", "policy")
                    else ""
                ),
                publication_date=published,
                scope=scope,
                region=region,
                summary=f"{topic}：{rng.choice(paragraphs)[3:120]}",
                body=body,
                is_demo=False,
            )
        )
    return notices


def insert_pages(pages: list[Any]) -> None:
    """wagtailcore_page rows in bulk, then the notices_noticepage rows that extend them."""
    from django.db import connection
    from wagtail.models import Page

    from home.notices.models import NoticePage

    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in pages]
    Page.objects.bulk_create(rows, batch_size=500)
    for notice, row in zip(pages, rows, strict=True):
        notice.id = notice.page_ptr_id = row.pk
    child_fields = NoticePage._meta.local_concrete_fields
    batch = connection.ops.bulk_batch_size(child_fields, pages)
    inserter = NoticePage._base_manager.get_queryset()
    for start in range(0, len(pages), batch):
        inserter._insert(pages[start : start + batch], fields=child_fields)


def insert_related(notices: list[Any], rng: random.Random) -> None:
    """0–3 related catalogue services and 0–2 related points a notice, as editors link them."""
    from directory.models import ServiceItem, ServicePoint
    from home.notices.models import NoticePage

    services = list(ServiceItem.objects.values_list("pk", flat=True))
    points = list(ServicePoint.objects.values_list("pk", flat=True)[:2000])
    Services = NoticePage.related_services.through
    Points = NoticePage.related_points.through
    service_rows, point_rows = [], []
    for notice in notices:
        for pk in rng.sample(services, rng.randint(0, 3)):
            service_rows.append(Services(noticepage_id=notice.pk, serviceitem_id=pk))
        for pk in rng.sample(points, min(len(points), rng.randint(0, 2))):
            point_rows.append(Points(noticepage_id=notice.pk, servicepoint_id=pk))
    Services.objects.bulk_create(service_rows, batch_size=2000)
    Points.objects.bulk_create(point_rows, batch_size=2000)


def finish(index: Any, added: int) -> None:
    from django.db import connection
    from wagtail.models import Page

    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + added)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def index_notices() -> None:
    from home.notices.models import NoticePage
    from search.indexing import index_in_batches

    index_in_batches(NoticePage, 500)
