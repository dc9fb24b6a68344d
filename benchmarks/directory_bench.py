"""Directory, profile and API server times on 10,000 service points (`make bench`).

Builds a throw-away SQLite database in a temporary folder, fills it with 10,000 live
ServicePoint pages (10 offerings each, qualifications, audiences, a few extra locations),
indexes them for keyword search, then times requests through Django's test Client, which
runs the whole middleware stack and template rendering in-process: the figures are server
time without network or browser. Prints Markdown tables that can be pasted into the README.

    uv run --frozen python benchmarks/directory_bench.py [--points 10000] [--requests 30]

Measured here rather than in timed unit tests, which would be flaky on shared CI machines.
"""

import argparse
import gc
import math
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# `python benchmarks/directory_bench.py` puts benchmarks/, not the project, on the path.
sys.path.insert(0, str(ROOT))

SEED = 20250101
DIRECTORY_TARGET_MS = 150.0
PROFILE_TARGET_MS = 60.0
HOST = "localhost"

# Where points concentrate: roughly the share of recognised service points per province.
PROVINCE_WEIGHTS = {
    "44": 14,  # 广东
    "32": 12,  # 江苏
    "33": 10,  # 浙江
    "37": 8,  # 山东
    "11": 7,  # 北京
    "31": 6,  # 上海
    "42": 5,  # 湖北
    "51": 5,  # 四川
    "35": 4,  # 福建
    "34": 4,  # 安徽
    "43": 4,  # 湖南
    "41": 4,  # 河南
    "61": 3,  # 陕西
    "12": 3,  # 天津
    "50": 3,  # 重庆
}
OTHER_PROVINCE_WEIGHT = 1

# (category code, weight, title pattern); {city} is the city's short name, {word} a made-up
# name so that titles differ like real ones do.
CATEGORY_TEMPLATES = [
    ("university", 24, "{city}{word}大学知识产权信息服务中心"),
    ("research", 10, "{city}{word}科技情报研究所知识产权信息服务部"),
    ("library", 12, "{city}{word}图书馆专利信息服务部"),
    ("park", 10, "{city}{word}高新区生产力促进中心"),
    ("association", 8, "{city}{word}知识产权协会"),
    ("market_firm", 6, "{city}{word}知识产权服务有限公司"),
    ("market_consulting", 6, "{city}{word}知识产权咨询有限公司"),
    ("market_agency", 6, "{city}{word}专利代理事务所"),
    ("market_information", 3, "{city}{word}专利信息科技有限公司"),
    ("market_legal", 3, "{city}{word}律师事务所知识产权部"),
    ("market_operation", 2, "{city}{word}知识产权运营有限公司"),
    ("rights_aid", 6, "{city}{word}知识产权维权援助工作站"),
    ("other", 4, "{city}{word}知识产权服务中心"),
]
NAME_WORDS = [
    "理工", "师范", "科技", "工业", "农业", "医科", "财经", "海洋", "交通", "电子",
    "华南", "东方", "西部", "中部", "北方", "滨海", "高新", "创新", "长江", "黄河",
    "明德", "启明", "智慧", "未来", "卓越", "先锋", "光华", "致远", "博学", "求实",
]  # fmt: skip
SERVICE_PHRASES = [
    "专利检索", "商标查询", "专利导航", "质押融资", "专利分析", "科技查新", "专利预警",
    "知识产权培训", "高价值专利培育", "专利布局", "竞争对手监测", "侵权风险分析",
    "专利文献传递", "海外维权", "知识产权贯标", "技术成果转化", "商标注册咨询", "专利申请辅导",
]  # fmt: skip
AUDIENCE_PHRASES = ["中小企业", "高校院所", "科研团队", "创新创业者", "园区企业", "社会公众"]
DATABASES_USED = ["incoPat", "智慧芽", "CNIPR", "Derwent Innovation", "PatSnap", "万方", "CNKI"]


@dataclass
class Case:
    name: str
    url: str
    target_ms: float
    # Several URLs are taken in turn (profiles); a single one is repeated.
    urls: list[str] = field(default_factory=list)


@dataclass
class CaseResult:
    case: Case
    times_ms: list[float]
    cpu_ms: list[float]
    queries: list[int]
    count: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_ms)

    @property
    def p95(self) -> float:
        return percentile(self.times_ms, 95)

    @property
    def passed(self) -> bool:
        return self.p95 < self.case.target_ms


def reference_loop_ms() -> float:
    """CPU time of a fixed pure-Python loop: tells how fast this machine was during the run.

    Runs on a shared or throttled machine can differ twofold; comparing this figure tells a
    slower machine apart from a slower code change.
    """
    start = time.process_time()
    total = 0
    for i in range(2_000_000):
        total += i * i % 7
    return (time.process_time() - start) * 1000


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: a value that was really measured, never an interpolation."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def configure(db_dir: Path) -> None:
    # Both must be set before Django reads its settings; base.py parses DATABASE_URL, and
    # test.py keeps that DATABASES while forcing local-memory cache and the database
    # search backend, so a developer's REDIS_URL or ELASTICSEARCH_URL cannot leak in.
    os.environ["DATABASE_URL"] = f"sqlite:///{db_dir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=UserWarning, module="cpca")
    import django

    django.setup()


class Stopwatch:
    """Named wall-clock steps, for the build-time table."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, float]] = []

    def step(self, name: str, fn: Callable[[], Any]) -> Any:
        print(f"… {name}", file=sys.stderr, flush=True)
        start = time.perf_counter()
        result = fn()
        self.steps.append((name, time.perf_counter() - start))
        return result

    @property
    def total(self) -> float:
        return sum(seconds for _name, seconds in self.steps)


# --- Building the data ---------------------------------------------------------------------


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def build_site() -> Any:
    """The site tree exactly as `load_demo` makes it: home page as the Site's root, directory below."""
    from directory.demo import ensure_directory_page, ensure_home_page

    return ensure_directory_page(ensure_home_page())


@dataclass
class Reference:
    provinces: list[Any]
    province_weights: list[float]
    cities_by_province: dict[int, list[Any]]
    categories: dict[str, Any]
    services: list[Any]
    typical_services: dict[int, set[int]]
    qualifications: list[Any]
    audiences: list[Any]
    node_levels: list[Any]


def load_reference() -> Reference:
    from django.conf import settings

    from directory.models import Audience, NodeLevel, PointCategory, Qualification, Region
    from services.models import ServiceItem

    lang = {"locale__language_code": settings.LANGUAGE_CODE}
    provinces = list(Region.objects.provinces().filter(**lang))
    cities: dict[int, list[Any]] = {}
    for city in Region.objects.cities().filter(**lang):
        cities.setdefault(city.parent_id, []).append(city)
    provinces = [p for p in provinces if cities.get(p.pk)]
    services = list(ServiceItem.objects.filter(**lang))
    typical: dict[int, set[int]] = {}
    for service in services:
        for category_id in service.categories.values_list("pk", flat=True):
            typical.setdefault(category_id, set()).add(service.pk)
    return Reference(
        provinces=provinces,
        province_weights=[
            PROVINCE_WEIGHTS.get(p.adcode[:2], OTHER_PROVINCE_WEIGHT) for p in provinces
        ],
        cities_by_province=cities,
        categories={c.code: c for c in PointCategory.objects.filter(**lang)},
        services=services,
        typical_services=typical,
        qualifications=list(Qualification.objects.filter(**lang)),
        audiences=list(Audience.objects.filter(**lang)),
        node_levels=list(NodeLevel.objects.filter(**lang)),
    )


def pinyin(text: str, cache: dict[str, str]) -> str:
    if text not in cache:
        from pypinyin import lazy_pinyin

        cache[text] = "".join(lazy_pinyin(text)).lower()
    return cache[text]


def pick_city(rng: random.Random, ref: Reference) -> tuple[Any, Any]:
    province = rng.choices(ref.provinces, weights=ref.province_weights)[0]
    cities = ref.cities_by_province[province.pk]
    # The capital (first by adcode) hosts most points, as it does in the real lists.
    weights = [6 if i == 0 else 1 for i in range(len(cities))]
    return province, rng.choices(cities, weights=weights)[0]


def pick_services(rng: random.Random, ref: Reference, category: Any) -> list[Any]:
    """Ten services, mostly from the catalogue's list for the category, basic ones first."""
    typical = ref.typical_services.get(category.pk) or ref.typical_services.get(
        category.parent_id, set()
    )
    preferred = [s for s in ref.services if s.pk in typical]
    others = [s for s in ref.services if s.pk not in typical]
    chosen = rng.sample(preferred, min(8, len(preferred)))
    chosen += rng.sample(others, 10 - len(chosen))
    order = {"basic": 0, "professional": 1, "value_added": 2}
    return sorted(chosen, key=lambda s: (order[s.tier], s.sort_order))


def description(rng: random.Random, title: str) -> str:
    services = "、".join(rng.sample(SERVICE_PHRASES, rng.randint(4, 7)))
    audiences = "、".join(rng.sample(AUDIENCE_PHRASES, 2))
    return (
        f"<p>{title}面向{audiences}提供{services}等知识产权信息服务。</p>"
        f"<p>中心配备专职检索分析人员，可开展{rng.choice(SERVICE_PHRASES)}和"
        f"{rng.choice(SERVICE_PHRASES)}，并定期举办公益培训。</p>"
    )


def make_points(n: int, directory: Any, ref: Reference, rng: random.Random) -> list[Any]:
    """Unsaved ServicePoint instances with their tree fields already computed."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from directory.models import ServicePoint

    content_type = ContentType.objects.get_for_model(ServicePoint)
    published = datetime(2024, 6, 1, tzinfo=UTC)
    depth = directory.depth + 1
    category_weights = [w for _c, w, _t in CATEGORY_TEMPLATES]
    pinyin_cache: dict[str, str] = {}
    points = []
    for i in range(1, n + 1):
        code, _weight, pattern = rng.choices(CATEGORY_TEMPLATES, weights=category_weights)[0]
        category = ref.categories[code]
        province, city = pick_city(rng, ref)
        word = rng.choice(NAME_WORDS)
        title = f"{pattern.format(city=city.short_name, word=word)} #{i}"
        slug = f"{pinyin(city.short_name, pinyin_cache)}-{pinyin(word, pinyin_cache)}-{code.replace('_', '-')}-{i}"
        centre = city if city.has_coordinates else province
        is_node = rng.random() < 0.02
        status = rng.choices(["active", "suspended", "revoked"], weights=[95, 3, 2])[0]
        staff = rng.randint(3, 40)
        when = published + timedelta(minutes=i)
        points.append(
            ServicePoint(
                # Tree and publishing fields that add_child() and publish() would set.
                path=Page._get_path(directory.path, depth, i),
                depth=depth,
                numchild=0,
                url_path=f"{directory.url_path}{slug}/",
                title=title,
                draft_title=title,
                slug=slug,
                live=True,
                has_unpublished_changes=False,
                first_published_at=when,
                last_published_at=when,
                locale_id=directory.locale_id,
                translation_key=uuid.uuid4(),
                content_type=content_type,
                # The point itself.
                category=category,
                nature=rng.choice(["university", "public_institution", "enterprise", "other"]),
                kind="node" if is_node else "point",
                node_level=rng.choice(ref.node_levels) if is_node else None,
                recognition_level=rng.choice(["national", "provincial", "city"]),
                recognition_date=date(2019, 1, 1) + timedelta(days=rng.randint(0, 2000)),
                recognition_note=f"第{rng.randint(1, 6)}批{rng.choice(['国家级', '省级', '市级'])}知识产权信息公共服务网点",
                status=status,
                province=province,
                city=city,
                address=f"{province.name}{city.name}{word}路{rng.randint(1, 999)}号",
                latitude=centre.latitude + rng.gauss(0, 0.05),
                longitude=centre.longitude + rng.gauss(0, 0.05),
                contact_person=rng.choice(["张老师", "李老师", "王老师", "陈经理", "刘主任"]),
                phone=f"0{rng.randint(10, 999)}-{rng.randint(2000000, 89999999)}",
                email=f"ip{i}@example.cn",
                website=f"https://ip{i}.example.cn/",
                open_days=rng.choice(["Mo-Fr", "Mo-Fr", "Mo-Sa"]),
                hours_note="法定节假日休息",
                staff_total=staff,
                staff_full_time=staff // 2,
                staff_part_time=staff // 4,
                service_area_m2=rng.randint(50, 2000),
                databases="\n".join(rng.sample(DATABASES_USED, 3)),
                description=description(rng, title),
            )
        )
    return points


def insert_points(points: list[Any]) -> None:
    """Insert the wagtailcore_page rows, then the directory_servicepoint rows that extend them.

    Django's bulk_create refuses multi-table models, and add_child() one by one takes tens
    of minutes at this size, so each table is written in bulk on its own.
    """
    from django.db import connection
    from wagtail.models import Page

    from directory.models import ServicePoint

    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    pages = [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in points]
    # SQLite ≥ 3.35 returns the new keys, so they can become the children's page_ptr_id.
    Page.objects.bulk_create(pages, batch_size=500)
    for point, page in zip(points, pages, strict=True):
        point.id = point.page_ptr_id = page.pk

    child_fields = ServicePoint._meta.local_concrete_fields
    batch = connection.ops.bulk_batch_size(child_fields, points)
    inserter = ServicePoint._base_manager.get_queryset()
    for start in range(0, len(points), batch):
        # QuerySet._insert is what Model.save() uses for each table of an inherited model.
        inserter._insert(points[start : start + batch], fields=child_fields)


def insert_relations(points: list[Any], ref: Reference, rng: random.Random) -> int:
    """Offerings (10 a point), qualifications, audiences and a few extra locations."""
    from directory.models import PointLocation, ServicePoint
    from services.models import PointOffering

    offerings = []
    quals = []
    auds = []
    locations = []
    Qual = ServicePoint.qualifications.through
    Aud = ServicePoint.audiences.through
    for point in points:
        for order, service in enumerate(pick_services(rng, ref, point.category)):
            if service.tier == "basic":
                fee, note = "free", ""
            elif service.tier == "professional":
                fee, note = "low_cost", f"按次收费，{rng.randint(2, 50) * 100}元起"
            else:
                fee, note = "negotiable", ""
            offerings.append(
                PointOffering(
                    point_id=point.pk,
                    service_id=service.pk,
                    tier=service.tier,
                    fee=fee,
                    price_note=note,
                    sort_order=order,
                )
            )
        for qual in rng.sample(ref.qualifications, rng.randint(1, 2)):
            quals.append(Qual(servicepoint_id=point.pk, qualification_id=qual.pk))
        for aud in rng.sample(ref.audiences, rng.randint(2, 4)):
            auds.append(Aud(servicepoint_id=point.pk, audience_id=aud.pk))
        if rng.random() < 0.1:
            locations.append(
                PointLocation(
                    point_id=point.pk,
                    name=f"{point.city.short_name}工作站",
                    region_id=point.city_id,
                    address=f"{point.city.name}创新大道{rng.randint(1, 300)}号",
                    latitude=point.latitude + rng.gauss(0, 0.02),
                    longitude=point.longitude + rng.gauss(0, 0.02),
                    sort_order=0,
                )
            )
    PointOffering.objects.bulk_create(offerings, batch_size=2000)
    Qual.objects.bulk_create(quals, batch_size=2000)
    Aud.objects.bulk_create(auds, batch_size=2000)
    PointLocation.objects.bulk_create(locations, batch_size=2000)
    return len(offerings)


def finish_tree(directory: Any, n: int) -> None:
    from django.db import connection
    from wagtail.models import Page

    Page.objects.filter(pk=directory.pk).update(numchild=n)
    # A real database gets its statistics from routine ANALYZE; without them SQLite's
    # planner guesses, and the benchmark would measure the guesses.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def index_points(chunk: int = 500) -> None:
    """Index the points through the search backend, as publishing them one by one would."""
    from directory.models import ServicePoint
    from search.indexing import index_in_batches

    index_in_batches(ServicePoint, chunk)


def update_index() -> None:
    from django.core.management import call_command

    call_command("update_index", verbosity=0)


def check_tree(directory: Any, n: int) -> None:
    """Fail early if the bulk-built tree is not the one add_child() would have made.

    treebeard's find_problems() says the same but takes a minute at this size.
    """
    from django.db.models import Count, F
    from django.db.models.functions import Length
    from wagtail.models import Page

    from directory.models import ServicePoint

    parent = Page.objects.get(pk=directory.pk)
    children = parent.get_children()
    problems = []
    if children.count() != n or parent.numchild != n:
        problems.append(f"{children.count()} children, numchild {parent.numchild}, want {n}")
    if Page.objects.annotate(n=Length("path")).exclude(n=F("depth") * Page.steplen).exists():
        problems.append("a path length does not match its depth")
    if Page.objects.exclude(path__regex=r"^([0-9A-Z]{4})+$").exists():
        problems.append("a path is not made of 4-character base-36 steps")
    for point in ServicePoint.objects.order_by("?")[:5]:
        if (
            point.get_parent().pk != parent.pk
            or point.url_path != f"{parent.url_path}{point.slug}/"
        ):
            problems.append(f"point {point.pk}: wrong parent or url_path")
    duplicates = children.values("slug").annotate(k=Count("pk")).filter(k__gt=1)
    if duplicates.exists():
        problems.append("duplicate slugs")
    if problems:
        raise SystemExit("tree problems after bulk build: " + "; ".join(problems))


# --- Measuring -----------------------------------------------------------------------------


def timed_get(client: Any, url: str) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one request.

    SQLite runs inside this process, so its CPU time is the request's whole work; it stays
    meaningful when other jobs share the machine and stretch the wall-clock time.
    """
    start, cpu_start = time.perf_counter(), time.process_time()
    response = client.get(url)
    wall = (time.perf_counter() - start) * 1000
    cpu = (time.process_time() - cpu_start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    return wall, cpu


def count_queries(client: Any, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Separate from the timed requests: capturing makes SQLite quote every parameter of
    # every query again, which would inflate the times of the queries with long IN lists.
    # The smaller of two counts: a short-lived cache entry (the footer's demo flag lives a
    # minute) may expire during one of them and add a query that is not per request.
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}")
        counts.append(len(ctx.captured_queries))
    return min(counts)


def result_count(client: Any, url: str) -> int | None:
    response = client.get(url)
    if response.get("Content-Type", "").startswith("application/json"):
        return response.json()["count"]
    context = getattr(response, "context_data", None) or {}
    result = context.get("result")
    return getattr(result, "total", None)


def cycle(urls: list[str]) -> Iterator[str]:
    while True:
        yield from urls


def run_case(client: Any, case: Case, requests: int, warmups: int) -> CaseResult:
    urls = case.urls or [case.url]
    source = cycle(urls)
    for _ in range(warmups):
        timed_get(client, next(source))
    queries = [count_queries(client, url) for url in urls]
    timings = [timed_get(client, next(source)) for _ in range(requests)]
    return CaseResult(
        case=case,
        times_ms=[wall for wall, _cpu in timings],
        cpu_ms=[cpu for _wall, cpu in timings],
        queries=queries,
        count=result_count(client, urls[0]),
    )


def directory_cases(directory_url: str, profiles: list[str]) -> list[Case]:
    d = directory_url
    api = "/api/v1/points/"
    near = "near=23.13,113.26"
    # The API answers the same query without facets or HTML, so it gets the directory's target.
    cases = [
        Case("Directory, no filter", d, DIRECTORY_TARGET_MS),
        Case("Directory, q=专利", f"{d}?q=专利", DIRECTORY_TARGET_MS),
        Case("Directory, q=专利导航", f"{d}?q=专利导航", DIRECTORY_TARGET_MS),
        Case(
            "Directory, province=guangdong & service=P03",
            f"{d}?province=guangdong&service=P03",
            DIRECTORY_TARGET_MS,
        ),
        Case(f"Directory, {near}", f"{d}?{near}", DIRECTORY_TARGET_MS),
        Case(
            f"Profile ({len(profiles)} different points)",
            profiles[0],
            PROFILE_TARGET_MS,
            urls=profiles,
        ),
        Case(f"API, {near} & page_size=100", f"{api}?{near}&page_size=100", DIRECTORY_TARGET_MS),
    ]
    return cases


def scaling_checks(client: Any, directory_url: str) -> list[tuple[str, int, int]]:
    """Query counts for a small and a larger or later page: equal if nothing is per-result."""
    d = directory_url
    api = "/api/v1/points/?near=23.13,113.26"
    pairs = [
        ("Directory, no filter: page 1 vs page 5", f"{d}", f"{d}?page=5"),
        ("Directory, q=专利: page 1 vs page 5", f"{d}?q=专利", f"{d}?q=专利&page=5"),
        (
            "Directory, near: page 1 vs page 5",
            f"{d}?near=23.13,113.26",
            f"{d}?near=23.13,113.26&page=5",
        ),
        ("API, near: 20 vs 100 results a page", f"{api}&page_size=20", f"{api}&page_size=100"),
    ]
    rows = []
    for label, small, large in pairs:
        for url in (small, large):
            timed_get(client, url)  # warm the caches so both counts are steady-state
        rows.append((label, count_queries(client, small), count_queries(client, large)))
    return rows


# --- Reporting -----------------------------------------------------------------------------


def fmt_queries(values: list[int]) -> str:
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}–{high}"


def print_report(
    args: argparse.Namespace,
    counts: dict[str, Any],
    watch: Stopwatch,
    results: list[CaseResult],
    scaling: list[tuple[str, int, int]],
    loads: tuple[float, float],
    speed: tuple[float, float],
) -> None:
    print()
    print(
        f"### Directory benchmark — {counts['points']:,} service points, "
        f"{counts['offerings']:,} offerings\n"
    )
    print(
        f"- Machine: {os.cpu_count()} CPU(s), {platform.machine()}, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}. Load average "
        f"{loads[0]:.1f} before timing, {loads[1]:.1f} after; reference Python loop "
        f"{speed[0]:.0f} ms before, {speed[1]:.0f} ms after (a higher figure in another run "
        f"means a slower or busier machine, not slower code)."
    )
    print(
        f"- Method: server time through Django's test Client (middleware and templates "
        f"included, no network); {args.requests} timed requests per case after "
        f"{args.warmups} warm-ups; p95 is the nearest-rank value; CPU is the process's CPU "
        f"time, SQLite's included, which other jobs on the machine stretch less than the "
        f"wall-clock time. Pass/fail is judged on the wall-clock p95.\n"
    )
    print(
        "| Case | Results | Median ms | p95 ms | CPU ms (median) | Queries | Target (p95) | Result |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|:---:|")
    for r in results:
        found = "—" if r.count is None else f"{r.count:,}"
        verdict = "pass" if r.passed else "**FAIL**"
        print(
            f"| {r.case.name} | {found} | {r.median:.1f} | {r.p95:.1f} | {r.cpu_median:.1f} | "
            f"{fmt_queries(r.queries)} | < {r.case.target_ms:.0f} ms | {verdict} |"
        )
    print("\n| Query count check | Small / first page | Larger / later page | Constant |")
    print("|---|---:|---:|:---:|")
    for label, small, large in scaling:
        print(f"| {label} | {small} | {large} | {'yes' if small == large else '**NO**'} |")
    print("\n| Build step | Seconds |")
    print("|---|---:|")
    for name, seconds in watch.steps:
        print(f"| {name} | {seconds:.1f} |")
    print(f"| **Total build** | **{watch.total:.1f}** |")


def build(args: argparse.Namespace, watch: Stopwatch) -> dict[str, Any]:
    """Create and fill the database; returns what the timing needs."""
    rng = random.Random(SEED)
    watch.step("migrate (reference data included)", migrate)
    directory = watch.step("home and directory pages", build_site)
    ref = load_reference()
    points = watch.step(
        f"{args.points:,} ServicePoint objects in memory",
        lambda: make_points(args.points, directory, ref, rng),
    )
    watch.step("insert pages (bulk)", lambda: insert_points(points))
    offerings = watch.step(
        "insert offerings, qualifications, audiences, locations",
        lambda: insert_relations(points, ref, rng),
    )
    watch.step("numchild + ANALYZE", lambda: finish_tree(directory, args.points))
    watch.step("check the tree", lambda: check_tree(directory, args.points))
    if args.update_index:
        watch.step("search index: manage.py update_index (every model)", update_index)
    else:
        watch.step(f"search index: {args.points:,} points (backend.add_bulk)", index_points)
    return {"directory": directory, "points": len(points), "offerings": offerings}


def profile_urls(count: int = 10) -> list[str]:
    """Profiles spread over the whole tree (and so over provinces and categories)."""
    from directory.models import ServicePoint

    points = list(ServicePoint.objects.listed().order_by("pk"))
    step = max(1, len(points) // count)
    return [p.get_url() for p in points[step // 2 :: step]][:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument(
        "--update-index",
        action="store_true",
        help="index with manage.py update_index (every model; minutes) instead of add_bulk",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database for inspection")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    db_dir = Path(tempfile.mkdtemp(prefix="ipsn-bench-"))
    started = time.perf_counter()
    try:
        configure(db_dir)
        from django.test import Client

        watch = Stopwatch()
        built = build(args, watch)
        # The build's garbage would otherwise be traversed by the first timed requests' GC.
        gc.collect()

        # Any host name reaches the default Site (the home page), as in production behind one name.
        client = Client(HTTP_HOST=HOST)
        built["directory"].refresh_from_db()
        directory_url = built["directory"].get_url()
        load_before, speed_before = os.getloadavg()[0], reference_loop_ms()
        results = []
        for case in directory_cases(directory_url, profile_urls()):
            print(f"… timing {case.name}", file=sys.stderr, flush=True)
            results.append(run_case(client, case, args.requests, args.warmups))
        scaling = scaling_checks(client, directory_url)
        loads = (load_before, os.getloadavg()[0])
        speed = (speed_before, reference_loop_ms())
        print_report(args, built, watch, results, scaling, loads, speed)
        print(f"\nWhole run, build and timing: {time.perf_counter() - started:.0f} s.")
        if args.keep:
            print(f"Database kept: {db_dir / 'bench.sqlite3'}")
        return 1 if args.strict and not all(r.passed for r in results) else 0
    finally:
        if not args.keep:
            shutil.rmtree(db_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
