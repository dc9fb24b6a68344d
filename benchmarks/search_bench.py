"""Keyword search times at N service points: this project's SQLite backend against modelsearch's.

Builds a throw-away SQLite database in a temporary folder with benchmarks/build.py (the points
of `make bench`, N of them, 10 offerings each), indexes them with search.backends
(jieba-segmented) and runs ANALYZE, then times for each query, with ms median / p95
(nearest-rank):

- rank():   directory.ranking.rank(ServicePoint, q, limit=20000), the directory's keyword step;
- search(): ServicePoint.objects.search(q)[:20], ordered by relevance (Wagtail's API);
- stock:    modelsearch's own SQLiteSearchBackend, same index and query, first 20 by relevance
            (its correlated score subquery re-runs the match for every row).

    uv run --frozen python benchmarks/search_bench.py [--points 5000] [--offerings 10]
        [--repeat 15] [--stock-repeat 1] [--keep FOLDER]
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from build import analyze, build_database, configure
from timing import Stopwatch, machine, percentile

QUERIES = ["专利", "商标", "检索", "广州", "专利导航"]


def timings(fn: Callable[[], Any], repeat: int, *, warm_up: bool = True) -> list[float]:
    if warm_up:
        fn()  # jieba's dictionary, SQLite's page cache
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def fmt(samples: list[float]) -> str:
    return f"{statistics.median(samples):8.1f} {percentile(samples, 95):8.1f}"


def run(repeat: int, stock_repeat: int) -> None:
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from directory.models import ServicePoint
    from directory.ranking import rank

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
    parser.add_argument("--offerings", type=int, default=10, help="offerings a point")
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
        configure(folder / "search_bench.sqlite3")
        watch = Stopwatch()
        build_database(watch, args.points, offerings=args.offerings)
        # Statistics of the index too: the stock backend's plan uses them.
        watch.step("ANALYZE (search index included)", analyze)
        print(f"\n{args.points:,} service points; {machine()}\n")
        run(args.repeat, args.stock_repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
