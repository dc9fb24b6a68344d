"""Keyword search times at N service points: this project's SQLite backend against modelsearch's.

Builds a throw-away SQLite database in a temporary folder, fills it with N live ServicePoint
pages (a few offerings each), indexes them with search.backends (jieba-segmented), then times
for each query, with ms median / p95:

- rank():   search.ranking.rank(ServicePoint, q, limit=20000), the directory's keyword step;
- search(): ServicePoint.objects.search(q)[:20], ordered by relevance (Wagtail's API);
- stock:    modelsearch's own SQLiteSearchBackend, same index and query, first 20 by relevance
            (its correlated score subquery re-runs the match for every row).

    uv run --frozen python benchmarks/search_bench.py [--points 5000] [--repeat 15]
"""

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# `python benchmarks/search_bench.py` puts benchmarks/, not the project, on the path.
sys.path.insert(0, str(ROOT))

QUERIES = ["专利", "商标", "检索", "广州", "专利导航"]
SEED = 20250601
NAME_WORDS = [
    "理工",
    "师范",
    "科技",
    "工业",
    "农业",
    "海洋",
    "交通",
    "电子",
    "华南",
    "东方",
    "创新",
    "新区",
]
SUFFIXES = [
    "大学知识产权信息服务中心",
    "图书馆专利信息服务部",
    "科技情报研究所",
    "知识产权服务有限公司",
    "专利代理事务所",
    "商标事务所",
    "知识产权维权援助工作站",
    "高新区生产力促进中心",
    "知识产权协会",
]
PHRASES = [
    "专利检索与分析",
    "商标注册咨询",
    "知识产权质押融资对接",
    "专利导航与预警",
    "科技查新",
    "知识产权贯标辅导",
    "海外维权指导",
    "技术成果转化",
    "企业知识产权培训",
    "专题数据库建设",
]


def configure(db_dir: Path) -> None:
    # Both before Django reads its settings: base.py parses DATABASE_URL and test.py keeps
    # those DATABASES while forcing the database search backend.
    os.environ["DATABASE_URL"] = f"sqlite:///{db_dir / 'search_bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=UserWarning)
    import django

    django.setup()


def step(name: str, fn: Callable[[], Any]) -> Any:
    print(f"… {name}", end="", file=sys.stderr, flush=True)
    start = time.perf_counter()
    result = fn()
    print(f" {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    return result


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def build_directory() -> Any:
    """The site tree exactly as `load_demo` makes it: home page as the Site's root, directory below."""
    from directory.demo import ensure_directory_page, ensure_home_page

    return ensure_directory_page(ensure_home_page())


def build_points(n: int, directory: Any, rng: random.Random) -> None:
    """N pages written table by table: add_child() one at a time would take most of an hour."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    from directory.models import PointCategory, Region, ServicePoint
    from services.models import PointOffering, ServiceItem

    lang = {"locale__language_code": settings.LANGUAGE_CODE}
    cities = list(Region.objects.cities().filter(**lang).select_related("parent"))
    categories = list(PointCategory.objects.filter(**lang))
    services = list(ServiceItem.objects.filter(**lang))
    content_type = ContentType.objects.get_for_model(ServicePoint)
    depth = directory.depth + 1

    points = []
    for i in range(1, n + 1):
        city = rng.choice(cities)
        title = f"{city.short_name or city.name}{rng.choice(NAME_WORDS)}{rng.choice(SUFFIXES)}{i}"
        phrases = "、".join(rng.sample(PHRASES, rng.randint(3, 6)))
        points.append(
            ServicePoint(
                path=Page._get_path(directory.path, depth, i),
                depth=depth,
                numchild=0,
                url_path=f"{directory.url_path}p{i}/",
                title=title,
                draft_title=title,
                slug=f"p{i}",
                live=True,
                locale_id=directory.locale_id,
                translation_key=uuid.uuid4(),
                content_type=content_type,
                category=rng.choice(categories),
                province=city.parent,
                city=city,
                address=f"{city.parent.name}{city.name}创新路{rng.randint(1, 999)}号",
                description=f"<p>{title}面向企业和科研机构提供{phrases}等知识产权信息服务。</p>",
            )
        )

    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    pages = [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in points]
    Page.objects.bulk_create(pages, batch_size=500)
    for point, page in zip(points, pages, strict=True):
        point.id = point.page_ptr_id = page.pk
    child_fields = ServicePoint._meta.local_concrete_fields
    batch = connection.ops.bulk_batch_size(child_fields, points)
    for start in range(0, n, batch):
        # QuerySet._insert is what Model.save() uses for each table of an inherited model.
        ServicePoint._base_manager.get_queryset()._insert(
            points[start : start + batch], fields=child_fields
        )

    offerings = [
        PointOffering(
            point_id=point.pk, service_id=service.pk, tier=service.tier, fee="free", sort_order=k
        )
        for point in points
        for k, service in enumerate(rng.sample(services, rng.randint(2, 6)))
    ]
    PointOffering.objects.bulk_create(offerings, batch_size=2000)
    Page.objects.filter(pk=directory.pk).update(numchild=n)


def index_points(chunk: int = 500) -> None:
    """Index the points through the search backend, as publishing them one by one would."""
    from directory.models import ServicePoint
    from search.indexing import index_in_batches

    index_in_batches(ServicePoint, chunk)
    # A live database has statistics from routine ANALYZE; the stock backend's plan uses them.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timings(fn: Callable[[], Any], repeat: int, *, warm_up: bool = True) -> list[float]:
    if warm_up:
        fn()  # jieba's dictionary, SQLite's page cache
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def fmt(samples: list[float]) -> str:
    return f"{statistics.median(samples):8.1f} {p95(samples):8.1f}"


def run(repeat: int, stock_repeat: int) -> None:
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from directory.models import ServicePoint
    from search.ranking import rank

    stock = SQLiteSearchBackend({})
    print(
        f"{'query':<10}{'hits':>6}   {'rank() med/p95 ms':>18}   {'search() med/p95':>18}   {'stock med/p95':>18}"
    )
    for query in QUERIES:
        hits = len(rank(ServicePoint, query, limit=20000))
        ours = timings(lambda q=query: rank(ServicePoint, q, limit=20000), repeat)
        search = timings(lambda q=query: list(ServicePoint.objects.search(q)[:20]), repeat)
        baseline = timings(
            lambda q=query: list(stock.search(q, ServicePoint.objects.all())[:20]),
            stock_repeat,
            warm_up=False,
        )
        print(
            f"{query:<10}{hits:>6}   {fmt(ours):>18}   {fmt(search):>18}   {fmt(baseline):>18}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--points", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per query (ours)")
    parser.add_argument(
        "--stock-repeat", type=int, default=1, help="timed runs per query (stock: slow)"
    )
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_bench.sqlite3").unlink(missing_ok=True)
        configure(folder)
        rng = random.Random(SEED)
        step("migrate", migrate)
        directory = step("site tree", build_directory)
        step(
            f"{args.points:,} points with offerings",
            lambda: build_points(args.points, directory, rng),
        )
        step("index (jieba segmentation)", index_points)
        print(f"\n{args.points:,} service points; SQLite {sqlite3.sqlite_version}\n")
        run(args.repeat, args.stock_repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
