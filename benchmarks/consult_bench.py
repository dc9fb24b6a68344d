"""Concurrent consultation requests against the running site (`make bench-consult`).

Builds a throw-away SQLite database in a temporary folder (`manage.py migrate` and
`load_demo` as subprocesses), starts gunicorn on 127.0.0.1 only, on a free port, with the
production settings (DEBUG off, SMTP e-mail, Secure cookies; plain static storage, see
write_settings), warms every worker up, then sends N questions through the public form, C at
a time: every submission is a new visitor with its own cookies, who GETs /consult/ask/ and
POSTs the form back (CSRF token, signed form token, Origin and Referer as a browser sends
them) asking about service B03 in Guangzhou (440100), which demo points offer.

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
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# `python benchmarks/consult_bench.py` puts benchmarks/, not the project, on the path.
sys.path.insert(0, str(ROOT))

from timing import Stopwatch, machine, percentile  # noqa: E402 - benchmarks/ is on the path

HOST = "127.0.0.1"  # loopback only: the server is never reachable from outside
ASK_PATH = "/consult/ask/"
SENT_PATH = "/consult/ask/sent/"
CITY_ADCODE = "440100"  # 广州市: demo points there offer B03
SERVICE_CODE = "B03"
RATE_LIMIT = "100000/3600"
EMAIL_DOMAIN = "consult-bench.example.com"
SETTINGS = "consult_bench_settings"  # written into the temporary folder, see write_settings()
READY_TIMEOUT = 60.0


# --- Server ----------------------------------------------------------------------------------


def free_port() -> int:
    """A loopback port nothing listens on now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def write_settings(folder: Path) -> None:
    """The production settings with one change: static files without the hashed manifest.

    The hashed manifest needs `collectstatic` first; the clients here load no static files, so
    plain storage saves that step and changes nothing they measure. The module lives in the
    throw-away folder, not in site/.
    """
    (folder / f"{SETTINGS}.py").write_text(
        "from config.settings.production import *  # noqa: F403\n"
        "from config.settings.production import STORAGES\n\n"
        "STORAGES = {\n"
        "    **STORAGES,\n"
        '    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},\n'
        "}\n"
    )


def server_env(folder: Path, email_port: int) -> dict[str, str]:
    """Everything the subprocesses (and this process's ORM) read: nothing of the developer's."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CONSULTATION_", "EMAIL_"))
        and key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "TRUSTED_PROXIES"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        PYTHONPATH=os.pathsep.join([str(folder), str(ROOT)]),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        # Plain http on loopback: no redirect to https, no HSTS.
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_HSTS_SECONDS="0",
        DATABASE_URL=f"sqlite:///{folder / 'consult_bench.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        PRIVATE_MEDIA_ROOT=str(folder / "private_media"),
        STATIC_ROOT=str(folder / "static"),
        EMAIL_HOST=HOST,
        EMAIL_PORT=str(email_port),
        CONSULTATION_RATE_LIMIT=RATE_LIMIT,
        CONSULTATION_MIN_SECONDS="0",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"manage.py {' '.join(args)} failed ({result.returncode})")


def start_gunicorn(env: dict[str, str], port: int, args: argparse.Namespace, log: Path):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--worker-class",
        "gthread",
        "--timeout",
        "60",
        "--graceful-timeout",
        "10",
        "--error-logfile",
        "-",
        "--no-control-socket",  # gunicorn 27 would otherwise share ~/.gunicorn/gunicorn.ctl
    ]
    with log.open("wb") as out:
        # A session of its own: Ctrl-C reaches this script, which then stops gunicorn in order.
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def wait_ready(process: subprocess.Popen, port: int, log: Path) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < READY_TIMEOUT:
        if process.poll() is not None:
            sys.stderr.write(log.read_text(errors="replace")[-4000:])
            raise SystemExit(f"gunicorn exited ({process.returncode}) before answering")
        try:
            status, _headers, _body = request(port, "GET", ASK_PATH, {}, timeout=5)
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return time.perf_counter() - start
        sys.stderr.write(log.read_text(errors="replace")[-4000:])
        raise SystemExit(f"GET {ASK_PATH} answered {status} instead of 200")
    raise SystemExit(f"gunicorn did not answer within {READY_TIMEOUT:.0f} s")


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # graceful: workers finish their requests
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- Clients ---------------------------------------------------------------------------------


def request(
    port: int,
    method: str,
    path: str,
    cookies: dict[str, str],
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, Any, str]:
    """One request on a new connection; Set-Cookie goes into `cookies` (a visitor's jar).

    A plain dict rather than http.cookiejar: production marks its cookies Secure, which a
    standards-following jar never sends back over http, even to loopback.
    """
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        sent = dict(headers or {})
        if cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                cookies[name] = morsel.value
        return response.status, response.msg, text
    finally:
        connection.close()


def hidden_value(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    value = re.search(r'value="([^"]*)"', tag.group(0)) if tag else None
    if value is None:
        raise ValueError(f"no {name} in the form")
    return value.group(1)


def error_text(html: str) -> str:
    """The form's error messages, for the report: what a failed post was told."""
    found = re.findall(
        r'class="[^"]*(?:alert-danger|invalid-feedback|errorlist)[^"]*"[^>]*>(.*?)</', html, re.S
    )
    text = " | ".join(" ".join(re.sub(r"<[^>]+>", " ", part).split()) for part in found)
    return (text or " ".join(re.sub(r"<[^>]+>", " ", html).split()))[:160]


@dataclass
class Outcome:
    index: int
    get_ms: float = 0.0
    post_ms: float = 0.0
    get_status: int = 0
    post_status: int = 0
    location: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.post_status == 302 and self.location.endswith(SENT_PATH)


@dataclass
class Plan:
    port: int
    city: int
    service: int
    run_id: str


def submission(plan: Plan, index: int, csrf: str, form_token: str) -> dict[str, str]:
    channel = "phone" if index % 4 == 3 else "email"  # three in four by e-mail; all give one
    return {
        "csrfmiddlewaretoken": csrf,
        "form_token": form_token,
        "service": str(plan.service),
        "subject": f"压测咨询 {index:04d}",
        "question": f"我们是广州的一家企业，想了解专利检索服务怎么申请、多久能完成。（压测 {index}）",
        "name": f"压测用户{index:04d}",
        "organisation": "压测科技有限公司",
        "phone": f"138{index:08d}",
        "email": f"asker{index:04d}.{plan.run_id}@{EMAIL_DOMAIN}",
        "reply_channel": channel,
        "city": str(plan.city),
        "consent": "on",
        "website": "",
        "submit": "",
    }


def submit_one(plan: Plan, index: int) -> Outcome:
    """A new visitor: GET the form (its cookie, CSRF and form token), then POST it back."""
    outcome = Outcome(index)
    cookies: dict[str, str] = {}
    origin = f"http://{HOST}:{plan.port}"
    try:
        start = time.perf_counter()
        outcome.get_status, _headers, html = request(plan.port, "GET", ASK_PATH, cookies)
        outcome.get_ms = (time.perf_counter() - start) * 1000
        if outcome.get_status != 200 or 'id="consultation-form"' not in html:
            outcome.detail = f"GET {outcome.get_status}: {error_text(html)}"
            return outcome
        body = urllib.parse.urlencode(
            submission(
                plan,
                index,
                hidden_value(html, "csrfmiddlewaretoken"),
                hidden_value(html, "form_token"),
            )
        ).encode()
        start = time.perf_counter()
        outcome.post_status, headers, html = request(
            plan.port,
            "POST",
            ASK_PATH,
            cookies,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Referer": origin + ASK_PATH,
            },
        )
        outcome.post_ms = (time.perf_counter() - start) * 1000
        outcome.location = headers.get("Location", "")
        if not outcome.ok:
            outcome.detail = f"POST {outcome.post_status}: {outcome.location or error_text(html)}"
    except (OSError, ValueError, http.client.HTTPException) as error:
        outcome.detail = f"{type(error).__name__}: {error}"
    return outcome


def warm_up(port: int, count: int, alone: int) -> list[float]:
    """`count` form GETs at once, so that every worker has imported and rendered everything,
    then `alone` GETs one after another: the form's time without queueing (ms)."""

    def get(_index: int) -> float:
        start = time.perf_counter()
        status, _headers, _html = request(port, "GET", ASK_PATH, {})
        if status != 200:
            raise SystemExit(f"warm-up GET {ASK_PATH} answered {status}")
        return (time.perf_counter() - start) * 1000

    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(get, range(count)))
    return [get(i) for i in range(alone)]


def run_clients(plan: Plan, count: int, concurrency: int) -> tuple[list[Outcome], float]:
    outcomes: list[Outcome] = []
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="client")
    start = time.perf_counter()
    try:
        futures = [pool.submit(submit_one, plan, i) for i in range(1, count + 1)]
        for done, future in enumerate(as_completed(futures), 1):
            outcomes.append(future.result())
            if done % 50 == 0 or done == count:
                print(f"… {done}/{count} submitted", file=sys.stderr, flush=True)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return sorted(outcomes, key=lambda o: o.index), time.perf_counter() - start


# --- Database --------------------------------------------------------------------------------


def django_setup(env: dict[str, str]) -> None:
    """This process reads the same database with the server's settings."""
    os.environ.update(env)
    sys.path.insert(0, env["PYTHONPATH"].split(os.pathsep)[0])
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=UserWarning)
    import django

    django.setup()


def form_choices() -> tuple[int, int]:
    """The pks the form offers for Guangzhou and B03 (default locale, as the form lists them)."""
    from django.db import connection
    from wagtail.models import Locale

    from directory.models import Region, ServiceItem

    locale = Locale.get_default()
    city = Region.objects.get(adcode=CITY_ADCODE, level=Region.Level.CITY, locale=locale)
    service = ServiceItem.objects.get(code=SERVICE_CODE, locale=locale)
    connection.close()  # no connection held open while the server writes
    return city.pk, service.pk


def totals() -> dict[str, int]:
    from django.db import connection

    from services.models import ConsultationRequest, OutboxEmail

    counts = {
        "requests": ConsultationRequest.objects.count(),
        "emails": OutboxEmail.objects.count(),
    }
    connection.close()
    return counts


def verify(run_id: str, before: dict[str, int]) -> dict[str, int]:
    from django.db.models import Count

    from services.models import ConsultationRequest, OutboxEmail

    ours = ConsultationRequest.objects.filter(email__endswith=f".{run_id}@{EMAIL_DOMAIN}")
    emails = OutboxEmail.objects.filter(request__in=ours)
    codes = list(ours.values_list("tracking_code", flat=True))
    after = totals()
    return {
        "stored": len(codes),
        "stored_delta": after["requests"] - before["requests"],
        "codes": len(set(codes)),
        "duplicates": ConsultationRequest.objects.values("tracking_code")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count(),
        "emails": emails.count(),
        "emails_delta": after["emails"] - before["emails"],
        "confirmations": emails.filter(kind=OutboxEmail.Kind.CONFIRMATION).count(),
        "sent": emails.filter(sent_at__isnull=False).count(),
        "queued": emails.filter(sent_at__isnull=True).count(),
        "tried_once": emails.filter(sent_at__isnull=True, attempts=1)
        .exclude(last_error="")
        .count(),
        "routed": ours.filter(point__isnull=False).count(),
        "points": ours.exclude(point__isnull=True).values("point").distinct().count(),
    }


def locked_errors(log: Path) -> tuple[int, str]:
    """'database is locked' in the server log: how often, and the first traceback."""
    text = log.read_text(errors="replace")
    count = text.count("database is locked")
    if not count:
        return 0, ""
    at = text.index("database is locked")
    begin = text.rfind("Traceback", 0, at)
    return count, text[max(begin, at - 3000) if begin >= 0 else at - 1500 : at + 200]


# --- Report ----------------------------------------------------------------------------------


def ms(values: list[float]) -> str:
    if not values:
        return "—"
    return " / ".join(
        f"{v:.0f}" for v in (percentile(values, 50), percentile(values, 95), max(values))
    )


def print_report(
    args: argparse.Namespace,
    watch: Stopwatch,
    outcomes: list[Outcome],
    wall: float,
    found: dict[str, int],
    email_port: int,
    alone: list[float],
) -> list[tuple[str, Any, Any, bool]]:
    ok = [o for o in outcomes if o.ok]
    failed = [o for o in outcomes if not o.ok]
    n = args.count
    checks = [
        (f"POST answered 302 → {SENT_PATH}", n, len(ok), len(ok) == n),
        ("Stored requests (this run's e-mail addresses)", n, found["stored"], found["stored"] == n),
        ("Stored requests (table grew by)", n, found["stored_delta"], found["stored_delta"] == n),
        (
            "Outbox e-mails for them (sent + queued)",
            n,
            f"{found['emails']} ({found['sent']} + {found['queued']})",
            found["emails"] == n and found["confirmations"] == n,
        ),
        ("Outbox table grew by", n, found["emails_delta"], found["emails_delta"] == n),
        (
            "Distinct tracking codes / duplicates in table",
            f"{n} / 0",
            f"{found['codes']} / {found['duplicates']}",
            found["codes"] == n and found["duplicates"] == 0,
        ),
    ]
    print()
    print(f"### Consultation benchmark — {n} submissions, {args.concurrency} concurrent clients\n")
    print(
        f"- Machine: {machine()} (WAL, IMMEDIATE transactions). Load average "
        f"{os.getloadavg()[0]:.1f} after the run."
    )
    print(
        f"- Server: gunicorn on {HOST} only, {args.workers} workers × {args.threads} threads "
        f"(gthread), `config.settings.production` (DEBUG off, SMTP, Secure cookies) with plain "
        f"static storage (no collectstatic needed; the clients load no static files), demo data; the clients run "
        f"on the same machine. "
        f"CONSULTATION_RATE_LIMIT={RATE_LIMIT} (every client is {HOST}), "
        f"CONSULTATION_MIN_SECONDS=0; SMTP to {HOST}:{email_port}, where nothing listens, so "
        f"each confirmation fails at once and stays queued."
    )
    print(
        "- Method: each submission is a new visitor (own cookies, new connections): GET "
        f"{ASK_PATH}, then POST the form (CSRF + signed form token) about {SERVICE_CODE} in "
        f"{CITY_ADCODE}. Throughput = submissions / wall time of the whole phase (GET + POST). "
        "Latencies are nearest-rank, as the client sees them, queueing for a free server "
        f"thread included; before timing, {args.warmup} form GETs at once warm every worker.\n"
    )
    print("| Figure | Value |")
    print("|---|---:|")
    print(f"| Submissions / concurrent clients | {n} / {args.concurrency} |")
    print(f"| Wall time | {wall:.1f} s |")
    print(f"| Throughput | {len(ok) / wall:.1f} submissions/s |")
    print(f"| GET form, one client alone (warm-up), p50 / p95 / max | {ms(alone)} ms |")
    print(f"| GET form p50 / p95 / max | {ms([o.get_ms for o in outcomes if o.get_ms])} ms |")
    print(f"| POST p50 / p95 / max | {ms([o.post_ms for o in ok])} ms |")
    print(f"| Non-302 answers | {len(failed)} |")
    print(f"| Requests routed to a point | {found['routed']} (to {found['points']} point(s)) |")
    print(f"| E-mails queued after one failed attempt | {found['tried_once']} |")
    print("\n| Check | Expected | Found | Result |")
    print("|---|---:|---:|:---:|")
    for label, expected, got, passed in checks:
        print(f"| {label} | {expected} | {got} | {'pass' if passed else '**FAIL**'} |")
    watch.print_table("Setup step", "Total setup")
    if failed:
        print(f"\nFirst failures ({len(failed)} in all):")
        for outcome in failed[:5]:
            print(f"- #{outcome.index}: {outcome.detail}")
    return checks


# --- Main ------------------------------------------------------------------------------------


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
        server = start_gunicorn(env, port, args, log)
        watch.steps.append(("gunicorn start until it answers", wait_ready(server, port, log)))
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
