"""The site as served: gunicorn on 127.0.0.1, loaded by wrk (`make bench-serve`).

Builds (or reuses, see serve_cache.py) a throw-away SQLite database with 10,000 service points
and 2,000 notices, and one with 1,000 points and 200 notices, then measures four things and
prints Markdown tables for benchmarks/README.md:

1. Warm pages: anonymous requests per second of the home page, the directory, a profile and a
   notice served from the full-page cache, each against a trivial Django view (whole
   middleware, no database, no template, never cached) in the same run, interleaved in short
   rounds (trivial, page, trivial, page, ...) so that load drift hits both. Target: >= 80 % of
   the trivial view's rate.
2. Cold pages (PAGE_CACHE=0): the directory, directory keyword searches and the site search at
   N concurrent connections (8). Target: p99 < 250 ms (wrk's latency, queueing included).
3. Queries per request of the site search, the home page and the sitemap (index and sections)
   at both sizes, in-process through Django's test Client. Target: the same at both sizes.
4. Memory of each gunicorn worker after a warm-up of a few hundred requests with keyword
   searches: PSS and USS (Private_Clean + Private_Dirty of /proc/PID/smaps_rollup), before
   (no preload, plain Django application: each worker builds jieba itself on its first keyword
   request), with config/wsgi.py's warm-up in every worker but no preload, and as deployed
   (site/gunicorn.conf.py: preload). Target: USS < 120 MB a worker.

gunicorn runs with site/gunicorn.conf.py (2 workers here, sync) and the production settings
plus `/bench/trivial/` (serve_settings.py, serve_urls.py); wrk (Debian's package) generates
the load with one thread. Both share the machine, so rates are of this machine, not absolute.

    uv run --frozen python benchmarks/serve_bench.py [--points 10000] [--notices 2000]
        [--duration 10] [--connections 8] [--workers 2] [--redis] [--rebuild]
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from build import ROOT
from serve_cache import built_database, meta, working_copy
from serve_load import TRIVIAL, Server, get, memory, warm_up, wrk
from timing import machine

HERE = Path(__file__).resolve().parent
RPS_TARGET = 0.80
P99_TARGET_MS = 250.0
USS_TARGET_MB = 120.0
DIRECTORY_KEYWORDS = ["专利检索", "商标", "专利导航", "质押融资"]
SEARCH_KEYWORDS = ["专利检索", "通知", "知识产权培训", "广州"]


def _terminate(signum: int, _frame: Any) -> None:
    print(f"\nStopped by signal {signum}: stopping gunicorn.", file=sys.stderr, flush=True)
    raise SystemExit(128 + signum)


def log(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


# --- Queries per request --------------------------------------------------------------------


def count_queries(built: Path, run: Path, urls: list[str]) -> dict[str, dict]:
    copy = working_copy(built, run / f"count-{built.name}")
    out = subprocess.run(
        [sys.executable, str(HERE / "serve_django.py"), "count", str(copy), *urls],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        sys.stderr.write(out.stderr[-4000:])
        raise SystemExit("counting queries failed")
    return json.loads(out.stdout)


def query_urls() -> list[str]:
    return [
        "/",
        "/sitemap.xml",
        "/sitemap-pages.xml?p=1",
        "/sitemap-landing.xml?p=1",
        "/sitemap-points.xml?p=1",
        *(f"/search/?q={q}" for q in SEARCH_KEYWORDS),
    ]


def print_queries(small: dict, big: dict, small_meta: dict, big_meta: dict) -> bool:
    def size(m: dict) -> str:
        return f"{m['points']:,} points, {m['notices']:,} notices"

    print(f"\n| Queries per request | {size(small_meta)} | {size(big_meta)} | Constant |")
    print("|---|---:|---:|:---:|")
    ok = True
    for url, a in small.items():
        b = big[url]
        if a["repeat"] == b["repeat"]:
            verdict = "yes"
        elif a["kinds"] is not None and (
            a["repeat"] - len(a["kinds"]) == b["repeat"] - len(b["kinds"])
        ):
            # A site search loads each kind of result on the page in one query: the count
            # follows the mix of kinds shown (at most one query per kind), not their number.
            verdict = "yes, per kind shown"
        else:
            verdict = "**no**"
            ok = False

        def cell(c: dict) -> str:
            results = f"; {c['results']:,} results" if c["results"] is not None else ""
            kinds = f"; kinds on page 1: {', '.join(c['kinds'])}" if c["kinds"] else ""
            return f"{c['repeat']} (first {c['first']}{results}{kinds})"

        print(f"| `{url}` | {cell(a)} | {cell(b)} | {verdict} |")
    return ok


# --- Memory ---------------------------------------------------------------------------------


def warm_urls(m: dict) -> list[str]:
    return [
        "/",
        "/directory/",
        *(f"/directory/?q={q}" for q in DIRECTORY_KEYWORDS),
        *(f"/search/?q={q}" for q in SEARCH_KEYWORDS),
        *m["profiles"],
        *m["notice_urls"],
        "/notices/",
        "/sitemap.xml",
        "/sitemap-points.xml?p=1",
    ]


def measure_memory(server: Server, m: dict, requests: int) -> dict:
    seconds = warm_up(server.port, warm_urls(m), requests)
    workers = [memory(pid) for pid in server.worker_pids()]
    return {
        "variant": server.variant,
        "warm_seconds": seconds,
        "workers": workers,
        "master": memory(server.process.pid),
        "requests": requests,
    }


VARIANT_NAMES = {
    "before": "before: no preload, plain Django app (jieba built per worker on first search)",
    "workers": "no preload, config/wsgi.py warm-up in each worker",
    "preload": "after: site/gunicorn.conf.py (preload, warm-up once in the master)",
}


def print_memory(found: list[dict], started: dict[str, float]) -> bool:
    print(
        "\n| Workers (after the warm-up) | Start s | Worker USS MB | Worker PSS MB "
        "| Worker RSS MB | Master PSS MB | All PSS MB | Target (USS) | Result |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|:---:|")
    ok = True
    for entry in found:
        workers = entry["workers"]
        uss = " / ".join(f"{w.uss:.0f}" for w in workers)
        pss = " / ".join(f"{w.pss:.0f}" for w in workers)
        rss = " / ".join(f"{w.rss:.0f}" for w in workers)
        total = sum(w.pss for w in workers) + entry["master"].pss
        passed = all(w.uss < USS_TARGET_MB for w in workers)
        if entry["variant"] == "preload":
            ok &= passed
        print(
            f"| {VARIANT_NAMES[entry['variant']]} | {started[entry['variant']]:.1f} | {uss} "
            f"| {pss} | {rss} | {entry['master'].pss:.0f} | {total:.0f} "
            f"| < {USS_TARGET_MB:.0f} MB | {'pass' if passed else '**FAIL**'} |"
        )
    return ok


# --- Warm pages against the trivial view ----------------------------------------------------


def ensure_hits(port: int, url: str, workers: int) -> str:
    """Request `url` until the last 2 × workers answers are cache hits; what was seen."""
    seen = []
    for _ in range(8 * workers):
        status, cache = get(port, url)
        if status != 200:
            raise SystemExit(f"GET {url} answered {status}")
        seen.append(cache)
        if len(seen) >= 2 * workers and all(c == "hit" for c in seen[-2 * workers :]):
            return "hit"
    return ",".join(sorted(set(seen[-2 * workers :])))


def warm_pages(server: Server, pages: list[tuple[str, str]], args: argparse.Namespace) -> list:
    rounds = max(1, args.rounds)
    slice_s = max(1.0, args.duration / rounds)
    cache_state = {url: ensure_hits(server.port, url, args.workers) for _name, url in pages}
    trivial_status = get(server.port, TRIVIAL)[1]
    results = {url: {"page": [], "trivial": []} for _name, url in pages}
    boots_before = server.boots()
    log(f"warm pages: {rounds} rounds of {slice_s:.0f} s per page and per trivial slice")
    for _round in range(rounds):
        for _name, url in pages:
            results[url]["trivial"].append(
                wrk(server.port, [TRIVIAL], seconds=slice_s, connections=args.connections,
                    folder=server.folder)
            )  # fmt: skip
            results[url]["page"].append(
                wrk(server.port, [url], seconds=slice_s, connections=args.connections,
                    folder=server.folder)
            )  # fmt: skip
    restarts = server.boots() - boots_before
    rows = []
    for name, url in pages:
        page = results[url]["page"]
        trivial = results[url]["trivial"]
        page_rps = sum(r.requests for r in page) / sum(r.seconds for r in page)
        trivial_rps = sum(r.requests for r in trivial) / sum(r.seconds for r in trivial)
        ratios = [p.rps / t.rps for p, t in zip(page, trivial, strict=True) if t.rps]
        errors = sum(r.errors for r in page + trivial)
        rows.append(
            {
                "name": name,
                "url": url,
                "cache": cache_state[url],
                "page_rps": page_rps,
                "trivial_rps": trivial_rps,
                "ratio": page_rps / trivial_rps,
                "ratio_median": statistics.median(ratios),
                "ratio_min": min(ratios),
                "ratio_max": max(ratios),
                "p99": max(r.latency_ms.get(99, 0) for r in page),
                "errors": errors,
            }
        )
    return [rows, restarts, trivial_status]


def print_warm(rows: list[dict], restarts: int, trivial_status: str, args) -> bool:
    print(
        f"\n| Warm page ({args.connections} connections) | Cache | Page req/s | Trivial req/s "
        "(same rounds) | Page / trivial | Per round (median, min–max) | Worst p99 ms "
        "| Errors | Target | Result |"
    )
    print("|---|:---:|---:|---:|---:|---:|---:|---:|---:|:---:|")
    ok = True
    for r in rows:
        passed = r["ratio"] >= RPS_TARGET and not r["errors"]
        ok &= passed
        print(
            f"| {r['name']} `{r['url']}` | {r['cache']} | {r['page_rps']:,.0f} "
            f"| {r['trivial_rps']:,.0f} | {r['ratio']:.0%} | {r['ratio_median']:.0%} "
            f"({r['ratio_min']:.0%}–{r['ratio_max']:.0%}) | {r['p99']:.0f} | {r['errors']} "
            f"| ≥ {RPS_TARGET:.0%} | {'pass' if passed else '**FAIL**'} |"
        )
    print(
        f"\nTrivial view `{TRIVIAL}`: X-Wagtail-Cache `{trivial_status or 'none'}` (never stored). "
        f"Workers replaced during these rounds (max_requests): {restarts}."
    )
    return ok


# --- Cold pages -----------------------------------------------------------------------------


def cold_pages(server: Server, cases: list[tuple[str, list[str]]], args) -> list[dict]:
    rows = []
    for name, urls in cases:
        # Each URL a few times on every worker first: the per-process tables and the
        # per-keyword ranking are built, as on a server that has been up for a while.
        warm_up(server.port, urls, len(urls) * 3 * args.workers)
        log(f"cold: {name}, {args.cold_duration:.0f} s")
        result = wrk(
            server.port,
            urls,
            seconds=args.cold_duration,
            connections=args.connections,
            folder=server.folder,
        )
        rows.append({"name": name, "urls": urls, "result": result})
    return rows


def print_cold(rows: list[dict], args) -> bool:
    print(
        f"\n| Cold page (PAGE_CACHE=0, {args.connections} connections) | Requests | Req/s "
        "| p50 ms | p90 ms | p99 ms | Errors | Target (p99) | Result |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|:---:|")
    ok = True
    for row in rows:
        r = row["result"]
        passed = r.latency_ms.get(99, 1e9) < P99_TARGET_MS and not r.errors
        ok &= passed
        urls = ", ".join(f"`{u}`" for u in row["urls"])
        print(
            f"| {row['name']}: {urls} | {r.requests:,} | {r.rps:,.1f} | {r.latency_ms[50]:.0f} "
            f"| {r.latency_ms[90]:.0f} | {r.latency_ms[99]:.0f} | {r.errors} "
            f"| < {P99_TARGET_MS:.0f} ms | {'pass' if passed else '**FAIL**'} |"
        )
    return ok


# --- The run --------------------------------------------------------------------------------


def run_server(server: Server, started: dict[str, float], key: str, body) -> Any:
    try:
        log(f"gunicorn ({key}) on port {server.port}")
        started[key] = server.start()
        return body(server)
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--points", type=int, default=10_000, help="service points (10,000)")
    parser.add_argument("--notices", type=int, default=2_000, help="notices (2,000)")
    parser.add_argument("--offerings", type=int, default=10, help="offerings a point (10)")
    parser.add_argument(
        "--small-points", type=int, default=1_000,
        help="points of the smaller database for the query counts (1,000; notices in proportion)",
    )  # fmt: skip
    parser.add_argument(
        "--duration", type=float, default=10,
        help="seconds of load per warm page, and as much again on the trivial view (10)",
    )  # fmt: skip
    parser.add_argument(
        "--cold-duration", type=float, default=None,
        help="seconds of load per cold case (default: --duration)",
    )  # fmt: skip
    parser.add_argument("--rounds", type=int, default=5, help="rounds the warm time is cut in")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--warmup", type=int, default=300, help="requests before reading the memory (300)"
    )
    parser.add_argument(
        "--max-requests", type=int, default=None,
        help="override gunicorn's max_requests (default: site/gunicorn.conf.py's)",
    )  # fmt: skip
    parser.add_argument(
        "--redis", action="store_true",
        help="caches in a throw-away redis-server on loopback (REDIS_URL), as deployed",
    )  # fmt: skip
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument("--keep", action="store_true", help="keep the run folder (server logs)")
    parser.add_argument(
        "--only", choices=["queries", "memory", "warm", "cold"], action="append",
        help="run only these parts (repeatable)",
    )  # fmt: skip
    args = parser.parse_args()
    args.cold_duration = args.cold_duration or args.duration
    parts = set(args.only or ["queries", "memory", "warm", "cold"])
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    if args.redis and not shutil.which("redis-server"):
        raise SystemExit("redis-server is missing: make redis")
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)

    begin = time.perf_counter()
    big = built_database(args.points, args.notices, args.offerings, rebuild=args.rebuild)
    big_meta = meta(big)
    run = Path(tempfile.mkdtemp(prefix="ipsn-serve-run-"))
    (run / "static").mkdir()
    load_before = os.getloadavg()[0]
    verdicts = {}
    started: dict[str, float] = {}
    try:
        out: dict[str, Any] = {}
        if "queries" in parts:
            small_notices = max(1, args.notices * args.small_points // args.points)
            small = built_database(
                args.small_points, small_notices, args.offerings, rebuild=args.rebuild
            )
            log("queries per request at both sizes")
            out["queries"] = (
                count_queries(small, run, query_urls()),
                count_queries(big, run, query_urls()),
                meta(small),
            )

        def server(variant: str, page_cache: bool, name: str) -> Server:
            folder = working_copy(big, run / name)
            (folder / "static").mkdir(exist_ok=True)
            return Server(
                folder,
                variant=variant,
                page_cache=page_cache,
                workers=args.workers,
                max_requests=args.max_requests,
                redis=args.redis,
            )

        pages = [
            ("Home", "/"),
            ("Directory", "/directory/"),
            ("Profile", big_meta["profiles"][0]),
            ("Notice", big_meta["notice_urls"][0]),
        ]
        memories = []
        if parts & {"memory", "warm"}:

            def deployed(s: Server) -> None:
                if "memory" in parts:
                    memories.append(measure_memory(s, big_meta, args.warmup))
                if "warm" in parts:
                    out["warm"] = warm_pages(s, pages, args)

            run_server(server("preload", True, "preload"), started, "preload", deployed)
        if "cold" in parts:
            cases = [
                ("Directory", ["/directory/"]),
                ("Directory keyword", [f"/directory/?q={q}" for q in DIRECTORY_KEYWORDS]),
                ("Site search", [f"/search/?q={q}" for q in SEARCH_KEYWORDS]),
            ]
            out["cold"] = run_server(
                server("preload", False, "cold"),
                started,
                "cold",
                lambda s: cold_pages(s, cases, args),
            )
        if "memory" in parts:
            for variant in ("workers", "before"):
                memories.insert(
                    0,
                    run_server(
                        server(variant, True, variant),
                        started,
                        variant,
                        lambda s: measure_memory(s, big_meta, args.warmup),
                    ),
                )

        # --- The report ---
        print(
            f"\n### {time.strftime('%Y-%m-%d')} — {big_meta['points']:,} service points, "
            f"{big_meta['notices']:,} notices, served by gunicorn\n"
        )
        print(
            f"- Machine: {machine()}. Load average {load_before:.1f} before, "
            f"{os.getloadavg()[0]:.1f} after. gunicorn {args.workers} sync workers "
            f"(site/gunicorn.conf.py), wrk 1 thread, {args.connections} connections, both on "
            f"this machine; caches in {'Redis' if args.redis else 'local memory per worker'}."
        )
        if "warm" in out:
            verdicts["warm"] = print_warm(*out["warm"], args)
        if "cold" in out:
            verdicts["cold"] = print_cold(out["cold"], args)
        if "queries" in out:
            small_q, big_q, small_meta = out["queries"]
            verdicts["queries"] = print_queries(small_q, big_q, small_meta, big_meta)
        if memories:
            order = {"before": 0, "workers": 1, "preload": 2}
            memories.sort(key=lambda e: order[e["variant"]])
            print(
                f"\nMemory after {args.warmup} requests from 2 clients (home, directory, "
                f"{len(DIRECTORY_KEYWORDS)} directory keywords, {len(SEARCH_KEYWORDS)} site "
                "searches, profiles, notices, sitemap). USS is what a worker holds alone "
                "(Private_Clean + Private_Dirty); PSS adds its share of the pages it shares. "
                "MB are MiB; one figure per worker."
            )
            verdicts["memory"] = print_memory(memories, started)
        print(f"\nWhole run: {time.perf_counter() - begin:.0f} s.")
        summary = ", ".join(f"{k} {'pass' if v else 'FAIL'}" for k, v in verdicts.items())
        print(f"Targets: {summary}.")
        if args.keep:
            print(f"Kept: {run}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(run, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
