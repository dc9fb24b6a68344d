"""Time, queries, memory and file sizes of the HSDS export at 10,000 points.

Builds a throw-away SQLite database with benchmarks/build.py (the same points as
directory_bench.py), then runs the export once as the daily job does, and the download page
and the two downloads through Django's test Client. Prints a Markdown table.

    .venv/bin/python benchmarks/hsds_bench.py [--points 10000] [--offerings 10]
"""

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from build import build_database, configure
from timing import Stopwatch, machine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10_000)
    parser.add_argument("--offerings", type=int, default=10, help="offerings a point")
    args = parser.parse_args()
    db_dir = Path(tempfile.mkdtemp(prefix="ipsn-hsds-bench-"))
    try:
        configure(db_dir / "bench.sqlite3")
        from django.conf import settings
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        settings.MEDIA_ROOT = db_dir / "media"
        from directory.hsds import jobs

        watch = Stopwatch()
        build_database(watch, args.points, offerings=args.offerings)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        build = jobs.build()
        seconds = time.perf_counter() - started
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        client = Client(HTTP_HOST="localhost")
        timings = {}
        for url in ("/open-data/", "/open-data/hsds-csv.zip"):
            client.get(url)  # the page's second request is the page cache's
            with CaptureQueriesContext(connection) as page_queries:
                started = time.perf_counter()
                response = client.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)
                timings[url] = (time.perf_counter() - started, len(page_queries))
        print(f"HSDS export at {build.points:,} points, {args.offerings} offerings each")
        print(f"({machine()})\n")
        print("| measure | value |\n|---|---|")
        print(f"| build time | {seconds:.1f} s |")
        print(f"| peak memory growth (max RSS) | {(rss_after - rss_before) / 1024:.0f} MB |")
        for kind, entry in sorted(build.files.items()):
            print(f"| {kind} size | {entry['size'] / 1e6:.1f} MB |")
            if "gzip" in entry:
                print(f"| {kind} size, gzip | {entry['gzip']['size'] / 1e6:.1f} MB |")
        for table, rows in sorted(build.counts.items()):
            print(f"| rows: {table} | {rows:,} |")
        for url, (took, count) in timings.items():
            print(f"| GET {url} | {took * 1000:.0f} ms, {count} queries |")
        return 0
    finally:
        shutil.rmtree(db_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
