"""Reading the notice index, its feeds and the repost list in tests."""

import datetime
import re
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

ATOM = "{http://www.w3.org/2005/Atom}"


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def listed_ids(html: str) -> list[int]:
    """The notice ids of the index's cards, in page order."""
    return [
        int(pk) for pk in re.findall(r'class="notice-card[^"]*"[^>]*data-notice-id="(\d+)"', html)
    ]


def parse_feed(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - the site's own feed, not untrusted input


def filter_errors(html: str) -> set[str]:
    block = re.search(r'id="filter-errors"(.*?)</div>', html, re.S)
    return set(re.findall(r'data-param="(\w+)"', block.group(1))) if block else set()


def ids(assorted, *names) -> set[int]:
    return {assorted[name].pk for name in names}


def make_many(notice_factory, count, start=0):
    for number in range(start, start + count):
        notice_factory(
            title=f"批量通知{number:02d}",
            publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            issuing_authority=f"机关{number % 4}",
        )


# What a page costs to render: the page cache, which would answer without a query, is off.
@override_settings(WAGTAIL_CACHE=False)
def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params or {}).status_code == 200
    return len(context.captured_queries)
