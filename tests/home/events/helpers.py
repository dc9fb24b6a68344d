"""Dates, form posts, registrants and readers of the event pages, for tests."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from home.core import abuse

SHANGHAI = ZoneInfo("Asia/Shanghai")


def beijing(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def form_data(**overrides) -> dict:
    data = {
        "name": "李四",
        "organisation": "广州某科技有限公司",
        "phone": "138 0013 8000",
        "email": "",
        "consent": "on",
        "website": "",
        "form_token": abuse.issue_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def person(name="王五", **fields) -> dict:
    return {"name": name, "organisation": "", "phone": "13800138000", "email": "", **fields}


_nonces = iter(range(1, 10_000))


def nonce() -> str:
    return f"test-nonce-{next(_nonces)}"


def titles(response) -> list[str]:
    return [event.title for event in response.context["events"]]


# What a page costs to render: the page cache, which would answer without a query, is off.
@override_settings(WAGTAIL_CACHE=False)
def count_queries(client, url) -> int:
    client.get(url)  # warm caches (site root paths, settings)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def parse_xml(content: bytes):
    return ET.fromstring(content)  # noqa: S314 - the site's own feed, not untrusted input


def csv_url(event) -> str:
    return f"/admin/events/{event.pk}/registrations.csv"
