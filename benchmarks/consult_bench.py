"""Concurrent consultation requests against the running site (`make bench-consult`).

Builds a throw-away SQLite database in a temporary folder (`manage.py migrate` and
`load_demo` as subprocesses), starts gunicorn on 127.0.0.1 only, on a free port, with the
production settings (DEBUG off, SMTP e-mail, Secure cookies; plain static storage, see
consult_server.write_settings), warms every worker up, then sends N questions through the
public form, C at a time: every submission is a new visitor with its own cookies, who GETs
/consult/ask/ and POSTs the form back (CSRF token, signed form token, Origin and Referer as a
browser sends them) asking about service B03 in Guangzhou (440100), which demo points offer.

Afterwards it reads the database directly: exactly N stored requests, N queued confirmation
e-mails (one per request: every asker gives an address) and no duplicate tracking codes.
EMAIL_PORT is a free loopback port nothing listens on, so every send fails at once with
"connection refused" and the e-mail stays queued, as when a mail server is down.

    uv run --frozen python benchmarks/consult_bench.py [--count 200] [--concurrency 50]
        [--workers 3] [--threads 2] [--warmup 24] [--keep]

The rate limit is raised for the run (all clients share 127.0.0.1) and the minimum fill-in
time is 0; the report says so. Exits 1 when a check fails. Not a test: CI does not run it.
"""

import argparse
import secrets
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from consult_checks import django_setup, form_choices, locked_errors, print_report, totals, verify
from consult_client import ASK_PATH, Plan, run_clients, warm_up
from consult_server import (
    manage,
    server_env,
    start_gunicorn,
    stop_gunicorn,
    wait_ready,
    write_settings,
)
from loopback import HOST, free_port
from timing import Stopwatch

# The parts: consult_server.py (settings, manage.py, gunicorn on 127.0.0.1), consult_client.py
# (the visitors who GET and POST the form), consult_checks.py (the database checks and the
# report), loopback.py (host, ports, one request).


def _terminate(signum: int, _frame: Any) -> None:
    print(f"\nStopped by signal {signum}: stopping gunicorn.", file=sys.stderr, flush=True)
    raise SystemExit(128 + signum)  # runs the finally blocks: gunicorn is stopped, tmp removed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=200, help="submissions in all")
    parser.add_argument("--concurrency", type=int, default=50, help="clients at once")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument(
        "--warmup", type=int, default=24, help="form GETs at once before timing (no POST)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and server log")
    args = parser.parse_args()
    # Ctrl-C and kill both end in the finally blocks below (also when started with SIGINT
    # ignored, as a background job of a script is).
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)

    folder = Path(tempfile.mkdtemp(prefix="ipsn-consult-bench-"))
    log = folder / "gunicorn.log"
    email_port = free_port()
    env = server_env(folder, email_port)
    write_settings(folder)
    (folder / "static").mkdir()  # STATIC_ROOT: WhiteNoise warns about a missing one
    server = None
    try:
        watch = Stopwatch()
        watch.step("manage.py migrate", lambda: manage(env, "migrate", "--noinput"))
        watch.step("manage.py load_demo", lambda: manage(env, "load_demo"))
        django_setup(env)
        city, service = form_choices()
        before = totals()

        port = free_port()
        print(f"… gunicorn on {HOST}:{port}", file=sys.stderr, flush=True)
        server = start_gunicorn(env, port, workers=args.workers, threads=args.threads, log=log)
        ready = wait_ready(server, port, log, ASK_PATH)
        watch.steps.append(("gunicorn start until it answers", ready))
        alone = watch.step(
            f"warm-up: {args.warmup} form GETs at once, 10 alone",
            lambda: warm_up(port, args.warmup, 10),
        )

        plan = Plan(port=port, city=city, service=service, run_id=secrets.token_hex(4))
        outcomes, wall = run_clients(plan, args.count, args.concurrency)
        stop_gunicorn(server)  # every after-commit send attempt has finished
        found = verify(plan.run_id, before)
        checks = print_report(args, watch, outcomes, wall, found, email_port, alone)

        locked, traceback = locked_errors(log)
        if locked:
            print(f"\n'database is locked' appears {locked} time(s) in the server log; the first:")
            print(f"```\n{traceback}\n```")
        if args.keep:
            print(f"\nKept: {folder} (consult_bench.sqlite3, gunicorn.log)")
        return 0 if all(passed for *_rest, passed in checks) and not locked else 1
    finally:
        if server is not None:
            stop_gunicorn(server)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
