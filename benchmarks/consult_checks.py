"""What the consultation benchmark checks and prints: the database read with the server's
settings (the form's choices, the counts before, what the run stored), the server log's
'database is locked' lines, and the Markdown report."""

import argparse
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from consult_client import ASK_PATH, CITY_ADCODE, EMAIL_DOMAIN, SENT_PATH, SERVICE_CODE, Outcome
from consult_server import RATE_LIMIT
from loopback import HOST
from timing import Stopwatch, machine, percentile

Check = tuple[str, Any, Any, bool]  # label, expected, found, passed


# --- Database --------------------------------------------------------------------------------


def django_setup(env: dict[str, str]) -> None:
    """This process reads the same database with the server's settings."""
    os.environ.update(env)
    # The settings' folder and the project, as the subprocesses find them.
    sys.path[:0] = [entry for entry in env["PYTHONPATH"].split(os.pathsep) if entry not in sys.path]
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


def checks_for(n: int, ok: int, found: dict[str, int]) -> list[Check]:
    return [
        (f"POST answered 302 → {SENT_PATH}", n, ok, ok == n),
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


def print_report(
    args: argparse.Namespace,
    watch: Stopwatch,
    outcomes: list[Outcome],
    wall: float,
    found: dict[str, int],
    email_port: int,
    alone: list[float],
) -> list[Check]:
    ok = [o for o in outcomes if o.ok]
    failed = [o for o in outcomes if not o.ok]
    n = args.count
    checks = checks_for(n, len(ok), found)
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
