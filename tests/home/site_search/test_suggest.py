"""As-you-type suggestions: JSON, points and services, constant queries, cacheable."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import ServicePoint

pytestmark = pytest.mark.django_db


def suggest(client, q, url="/search/suggest/"):
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    # The same for everybody: cacheable (the page cache may shorten what browsers are told).
    assert response["Cache-Control"].startswith("public, max-age=")
    return response.json()["results"]


def test_points_and_services_are_suggested(client, make_point):
    point = make_point(title="清华大学图书馆")
    items = suggest(client, "清華")
    assert items[0] == {
        "label": "清华大学图书馆",
        "type": "point",
        "type_label": items[0]["type_label"],
        "url": point.url,
    }
    services = suggest(client, "专利")
    assert services and all(item["type"] == "service" for item in services)
    assert "/directory/?service=" in services[0]["url"]


def test_at_most_eight_only_listed_points_and_constant_queries(client, make_point):
    for n in range(2):
        make_point(title=f"东华网点{n}")
    for n in range(12):
        make_point(title=f"甘棠网点{n:02d}")
    hidden = make_point(title="甘棠网点暂停")
    ServicePoint.objects.filter(pk=hidden.pk).update(status="suspended")
    suggest(client, "预热")
    with CaptureQueriesContext(connection) as few:
        assert len(suggest(client, "东华")) == 2
    with CaptureQueriesContext(connection) as many:
        items = suggest(client, "甘棠")
    assert len(items) == 8
    assert "甘棠网点暂停" not in {item["label"] for item in items}
    assert len(many) == len(few)


def test_nothing_typed_nothing_suggested(client):
    assert suggest(client, " ") == []
