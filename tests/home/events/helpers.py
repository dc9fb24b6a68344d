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


_phones = iter(range(10_000, 100_000))


def new_phone() -> str:
    """A mobile number no other registrant of the test has (one per person and event)."""
    return f"139{next(_phones):08d}"


def form_data(**overrides) -> dict:
    """A valid registration post; each call a different phone unless `phone` is given."""
    data = {
        "name": "李四",
        "organisation": "广州某科技有限公司",
        "phone": new_phone(),
        "email": "",
        "consent": "on",
        "website": "",
        "form_token": abuse.issue_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def person(name="王五", **fields) -> dict:
    """A registrant for registrations.register(); a phone of their own unless given."""
    return {"name": name, "organisation": "", "phone": new_phone(), "email": "", **fields}


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
