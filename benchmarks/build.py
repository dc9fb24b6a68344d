"""The benchmarks' one builder: a throw-away SQLite database, migrated (reference data comes
with `migrate`), the site tree as `load_demo` makes it, N live ServicePoint pages with M
offerings each written table by table, a check of the tree, and the search index.

    configure(folder / "bench.sqlite3")
    built = build_database(Stopwatch(), points=10_000, offerings=10)

add_child() one page at a time would take most of an hour at 10,000 points; the bulk writes
here give the tree add_child() would make, which check_tree() confirms.
"""

import atexit
import os
import random
import shutil
import sys
import uuid
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sample_data import (
    CATEGORY_TEMPLATES,
    DATABASES_USED,
    NAME_WORDS,
    Reference,
    description,
    load_reference,
    pick_city,
    pick_services,
    pinyin,
)
from timing import Stopwatch

ROOT = Path(__file__).resolve().parent.parent
# `python benchmarks/<script>.py` puts benchmarks/, not the project, on the path.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 20250101


@dataclass
class Built:
    directory: Any
    points: int
    offerings: int


def configure(db_file: Path) -> None:
    # Both must be set before Django reads its settings; base.py parses DATABASE_URL, and
    # test.py keeps that DATABASES while forcing local-memory cache and the database
    # search backend, so a developer's REDIS_URL or ELASTICSEARCH_URL cannot leak in.
    os.environ["DATABASE_URL"] = f"sqlite:///{db_file}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=UserWarning, module="cpca")
    # WhiteNoise's, for a STATIC_ROOT nobody collected into: the benchmarks load no static files.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    import django

    django.setup()
    from django.conf import settings

    # test.py makes a temporary folder for private media on every start; this run's goes with it.
    atexit.register(shutil.rmtree, settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)


def build_database(
    watch: Stopwatch,
    points: int,
    *,
    offerings: int = 10,
    update_index: bool = False,
    seed: int = SEED,
) -> Built:
    """Migrate, build the site tree and `points` points with `offerings` offerings each, index."""
    rng = random.Random(seed)
    watch.step("migrate (reference data included)", migrate)
    directory = watch.step("home and directory pages", build_site)
    ref = load_reference()
    if not 1 <= offerings <= len(ref.services):
        raise SystemExit(f"offerings: 1 to {len(ref.services)} (the catalogue's services)")
    made = watch.step(
        f"{points:,} ServicePoint objects in memory",
        lambda: make_points(points, directory, ref, rng),
    )
    watch.step("insert pages (bulk)", lambda: insert_points(made))
    offered = watch.step(
        "insert offerings, qualifications, audiences, locations",
        lambda: insert_relations(made, ref, rng, offerings),
    )
    watch.step("numchild + ANALYZE", lambda: finish_tree(directory, points))
    watch.step("check the tree", lambda: check_tree(directory, points))
    if update_index:
        watch.step("search index: manage.py update_index (every model)", run_update_index)
    else:
        watch.step(f"search index: {points:,} points (backend.add_bulk)", index_points)
    return Built(directory=directory, points=len(made), offerings=offered)


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def build_site() -> Any:
    """The site tree exactly as `load_demo` makes it: home page as the Site's root, directory below."""
    from directory.demo import ensure_directory_page
    from home.homepage.demo import ensure_home_page

    return ensure_directory_page(ensure_home_page())


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


def insert_relations(points: list[Any], ref: Reference, rng: random.Random, offered: int) -> int:
    """Offerings (`offered` a point), qualifications, audiences and a few extra locations."""
    from directory.models import PointLocation, PointOffering, ServicePoint

    offerings = []
    quals = []
    auds = []
    locations = []
    Qual = ServicePoint.qualifications.through
    Aud = ServicePoint.audiences.through
    for point in points:
        for order, service in enumerate(pick_services(rng, ref, point.category, offered)):
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
    from wagtail.models import Page

    Page.objects.filter(pk=directory.pk).update(numchild=n)
    analyze()


def analyze() -> None:
    """A real database gets its statistics from routine ANALYZE; without them SQLite's
    planner guesses, and the benchmark would measure the guesses."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def index_points(chunk: int = 500) -> None:
    """Index the points through the search backend, as publishing them one by one would."""
    from directory.models import ServicePoint
    from search.indexing import index_in_batches

    index_in_batches(ServicePoint, chunk)


def run_update_index() -> None:
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
