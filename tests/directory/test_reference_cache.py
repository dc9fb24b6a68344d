"""Caches of reference data follow an editor's change on the next request.

`reference_changed` is sent after the commit, so the edits run inside
`django_capture_on_commit_callbacks(execute=True)`, as a committed edit would.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from directory.filters import parse_directory_query
from directory.listing import run_directory_query
from directory.models import PointCategory, Region, ServiceItem
from directory.reference_cache import generations, reference_rows
from tests.factories import reference, region

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    # What is tested is the cache of reference rows, not the full-page cache in front of it.
    settings.WAGTAIL_CACHE = False
    cache.clear()
    yield
    # The database rolls back without a signal: cached rows of renamed items must not outlive it.
    cache.clear()


def facets(client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.search(r'<nav [^>]*class="facets">.*?</nav>', html, re.S).group(0)


def test_a_renamed_category_shows_in_the_facets_on_the_next_request(
    client, directory_page, make_point, django_capture_on_commit_callbacks
):
    make_point(category="library")
    category = reference(PointCategory, "library")
    assert category.name in facets(client, directory_page.url)
    category.name = "公共图书馆（新名）"
    with django_capture_on_commit_callbacks(execute=True):
        category.save()
    assert "公共图书馆（新名）" in facets(client, directory_page.url)


def test_a_renamed_service_shows_in_the_service_facet(
    directory_page, make_point, django_capture_on_commit_callbacks
):
    make_point(offerings=(("P03", "professional", "free"),))

    def service_labels():
        return {o.label for o in run_directory_query(parse_directory_query({})).facets["service"]}

    service = reference(ServiceItem, "P03")
    assert service.name in service_labels()
    service.name = "专利导航（新名）"
    with django_capture_on_commit_callbacks(execute=True):
        service.save()
    assert "专利导航（新名）" in service_labels()


def test_a_change_gives_only_its_model_a_new_generation(django_capture_on_commit_callbacks):
    before = generations(PointCategory, Region)
    assert generations(PointCategory, Region) == before  # stable while nothing changes
    rows = reference_rows(PointCategory)
    with django_capture_on_commit_callbacks(execute=True):
        rows[0].save()
    after = generations(PointCategory, Region)
    assert after[0] != before[0] and after[1] == before[1]


def test_a_renamed_section_page_shows_in_the_navigation(client, sections):
    html = client.get("/").content.decode()
    assert 'href="/notices/"' in html
    notices = sections["notices"]
    notices.slug = "tongzhi"
    notices.save_revision().publish()
    html = client.get("/").content.decode()
    assert 'href="/tongzhi/"' in html and 'href="/notices/"' not in html


def test_an_unpublished_section_page_leaves_the_navigation(client, sections):
    assert 'href="/events/"' in client.get("/").content.decode()
    sections["events"].unpublish()
    assert 'href="/events/"' not in client.get("/").content.decode()


def test_a_renamed_region_shows_in_the_question_forms_city_picker(
    client, home_page, django_capture_on_commit_callbacks
):
    url = reverse("consultation_ask")
    city = region("440100")
    assert f">{city.name}</option>" in client.get(url).content.decode()
    city.name = "羊城市"
    with django_capture_on_commit_callbacks(execute=True):
        city.save()
    html = client.get(url).content.decode()
    assert ">羊城市</option>" in html
