"""The consultation benchmark's visitors: each GETs the public form and POSTs it back as a
browser would, many at once; the warm-up GETs before them."""

import http.client
import re
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from loopback import HOST, request

ASK_PATH = "/consult/ask/"
SENT_PATH = "/consult/ask/sent/"
CITY_ADCODE = "440100"  # 广州市: demo points there offer B03
SERVICE_CODE = "B03"
EMAIL_DOMAIN = "consult-bench.example.com"


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
    """`count` visitors, `concurrency` at a time: their outcomes in order, and the wall time."""
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
