"""Directory, profile and API server times on 10,000 service points (`make bench`).

Builds a throw-away SQLite database in a temporary folder with benchmarks/build.py: 10,000 live
ServicePoint pages (10 offerings each, qualifications, audiences, a few extra locations),
indexed for keyword search; then times requests through Django's test Client, which runs the
whole middleware stack and template rendering in-process: the figures are server time without
network or browser. Prints Markdown tables for benchmarks/README.md.

    uv run --frozen python benchmarks/directory_bench.py [--points 10000] [--offerings 10]
        [--requests 30] [--warmups 3] [--update-index] [--keep] [--strict]

Measured here rather than in timed unit tests, which would be flaky on shared CI machines.
"""

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build import Built, build_database, configure
from timing import Stopwatch, machine, percentile, reference_loop_ms

DIRECTORY_TARGET_MS = 150.0
PROFILE_TARGET_MS = 60.0
HOST = "localhost"


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
    built: Built,
    watch: Stopwatch,
    results: list[CaseResult],
    scaling: list[tuple[str, int, int]],
    loads: tuple[float, float],
    speed: tuple[float, float],
) -> None:
    print()
    print(
        f"### Directory benchmark — {built.points:,} service points, "
        f"{built.offerings:,} offerings\n"
    )
    print(
        f"- Machine: {machine()}. Load average "
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
    watch.print_table("Build step", "Total build")


def profile_urls(count: int = 10) -> list[str]:
    """Profiles spread over the whole tree (and so over provinces and categories)."""
    from directory.models import ServicePoint

    points = list(ServicePoint.objects.listed().order_by("pk"))
    step = max(1, len(points) // count)
    return [p.get_url() for p in points[step // 2 :: step]][:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10_000)
    parser.add_argument("--offerings", type=int, default=10, help="offerings a point")
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
        configure(db_dir / "bench.sqlite3")
        from django.test import Client

        watch = Stopwatch()
        built = build_database(
            watch, args.points, offerings=args.offerings, update_index=args.update_index
        )
        # The build's garbage would otherwise be traversed by the first timed requests' GC.
        gc.collect()

        # Any host name reaches the default Site (the home page), as in production behind one name.
        client = Client(HTTP_HOST=HOST)
        built.directory.refresh_from_db()
        directory_url = built.directory.get_url()
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
