"""Suspended and revoked points: out of the sitemap and the site search, their profile still
reachable with its status banner and a `noindex` for search engines."""

import pytest
from django.conf import settings

from directory.models import ServicePoint

pytestmark = pytest.mark.django_db

HIDDEN = (ServicePoint.Status.SUSPENDED, ServicePoint.Status.REVOKED)
NOINDEX = '<meta name="robots" content="noindex'


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.WAGTAIL_CACHE = False


def sitemap_points(client) -> str:
    response = client.get("/sitemap-points.xml")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("status", HIDDEN)
def test_a_suspended_or_revoked_point_leaves_the_sitemap(client, make_point, status):
    make_point(title="仍在服务的网点", slug="still-active")
    make_point(title="已停用的网点", slug="not-active", status=status)
    xml = sitemap_points(client)
    assert f"{settings.SITE_BASE_URL}/directory/still-active/" in xml
    assert "/directory/not-active/" not in xml


@pytest.mark.parametrize("status", HIDDEN)
def test_a_suspended_or_revoked_point_leaves_the_site_search(client, make_point, status):
    make_point(title="棠梨在用网点")
    make_point(title="棠梨停用网点", status=status)
    html = client.get("/search/", {"q": "棠梨"}).content.decode()
    assert "棠梨在用网点" in html
    assert "棠梨停用网点" not in html


@pytest.mark.parametrize("status", HIDDEN)
def test_the_profile_stays_reachable_with_its_status_and_noindex(client, make_point, status):
    point = make_point(title="停用网点资料页", status=status)
    response = client.get(point.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "停用网点资料页" in html
    assert 'class="alert alert-warning' in html
    assert str(ServicePoint.Status(status).label) in html
    assert html.count('<meta name="robots"') == 1
    assert NOINDEX in html


def test_an_active_profile_is_indexable(client, make_point):
    point = make_point(title="正常网点资料页")
    html = client.get(point.url).content.decode()
    assert '<meta name="robots"' not in html
    assert '<link rel="canonical"' in html
