"""The serving benchmark's in-process parts, each run as a subprocess of serve_bench.py (one
Django setup per database): build a database and describe it, and count queries per request.

    python benchmarks/serve_django.py build FOLDER --points N --notices M --offerings K
    python benchmarks/serve_django.py count FOLDER        # prints JSON

`build` writes FOLDER/bench.sqlite3 and FOLDER/meta.json (sample profile and notice URLs, the
build steps). `count` requests each URL through Django's test Client with the page cache off
(every request renders) and prints the queries of the first request and of a repeated one.
"""

import argparse
import json
import sys
import warnings
from pathlib import Path

from build import build_database, configure
from notice_data import build_notices, build_sections
from timing import Stopwatch

DB_NAME = "bench.sqlite3"
META_NAME = "meta.json"


def build(folder: Path, points: int, notices: int, offerings: int) -> None:
    configure(folder / DB_NAME)
    watch = Stopwatch()
    build_database(watch, points, offerings=offerings)
    sections = watch.step("notices, cases and events index pages", build_sections)
    build_notices(watch, sections["notices"], notices)

    from directory.models import ServicePoint
    from home.notices.models import NoticePage

    listed = ServicePoint.objects.listed().order_by("pk")
    step = max(1, listed.count() // 10)
    profiles = [p.url for p in listed[::step][:10]]
    notice_pages = NoticePage.objects.live().order_by("pk")
    step = max(1, notice_pages.count() // 5)
    meta = {
        "points": points,
        "notices": notices,
        "offerings": offerings,
        "profiles": profiles,
        "notice_urls": [n.url for n in notice_pages[::step][:5]],
        "steps": watch.steps,
    }
    (folder / META_NAME).write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    checkpoint()


def checkpoint() -> None:
    """Everything into the database file itself: the cache copies that file alone."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def page_kinds(response) -> list[str] | None:
    """The kinds of result on the shown page of a site search (each kind is one query)."""
    context = getattr(response, "context_data", None) or {}
    if "search_page" not in context:
        return None
    return sorted({str(hit.kind) for hit in context["search_page"].object_list})


def result_total(response) -> int | None:
    context = getattr(response, "context_data", None) or {}
    if "search_total" in context:
        return context["search_total"]
    result = context.get("result")
    return getattr(result, "total", None)


def count(folder: Path, urls: list[str]) -> dict[str, dict]:
    configure(folder / DB_NAME)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="localhost")
    found = {}
    # The page cache off: a cached page costs no query at all; the question is what a render
    # costs. The per-process caches (the directory's facts, the home page's figures) stay on.
    with override_settings(WAGTAIL_CACHE=False):
        for url in urls:
            queries = []
            total = kinds = None
            for _ in range(3):
                with CaptureQueriesContext(connection) as ctx:
                    response = client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"GET {url} answered {response.status_code}")
                queries.append(len(ctx.captured_queries))
                total, kinds = result_total(response), page_kinds(response)
            # First request; then the smaller of two repeats (a short-lived cache entry, such
            # as the footer's demo flag, may expire during one and add a query not per request).
            found[url] = {
                "first": queries[0],
                "repeat": min(queries[1:]),
                "results": total,
                "kinds": kinds,
            }
    return found


def main() -> int:
    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("folder", type=Path)
    b.add_argument("--points", type=int, required=True)
    b.add_argument("--notices", type=int, required=True)
    b.add_argument("--offerings", type=int, default=10)
    c = sub.add_parser("count")
    c.add_argument("folder", type=Path)
    c.add_argument("urls", nargs="+")
    args = parser.parse_args()
    if args.command == "build":
        build(args.folder, args.points, args.notices, args.offerings)
    else:
        json.dump(count(args.folder, args.urls), sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
