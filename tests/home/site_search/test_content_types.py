"""Every kind of content is found, labelled and filterable, in both languages."""

import re

import pytest

from directory.models import ServiceItem
from tests.factories import reference

pytestmark = pytest.mark.django_db

RESULT = r'<li class="[^"]*search-result[^"]*" data-type="(\w+)">.*?<h2 class="h5 mb-1"><a href="[^"]*">([^<]*)</a>'


def results(html: str) -> list[tuple[str, str]]:
    """(data-type, title) of every result, in order."""
    return re.findall(RESULT, html, re.S)


def test_every_kind_of_page_is_found_and_labelled(client, content):
    html = client.get("/search/", {"q": "甘棠"}).content.decode()
    found = {title: kind for kind, title in results(html)}
    for kind, page in content.items():
        assert found.get(page.title) == kind, (kind, found)
    assert "网点" in html or "Service point" in html  # the translated label badge
    assert html.count('class="badge text-bg-secondary search-type"') == len(found)


def test_a_catalogue_service_links_to_the_directory_filtered_by_it(client, directory_page):
    service = reference(ServiceItem, "B03")
    html = client.get("/search/", {"q": service.name}).content.decode()
    assert f'href="/directory/?service={service.code}"' in html
    assert ("service", service.name) in results(html)


def test_the_type_filter_keeps_the_query_and_counts_each_type(client, content):
    html = client.get("/search/", {"q": "甘棠"}).content.decode()
    assert re.search(
        r'href="/search/\?q=%E7%94%98%E6%A3%A0&amp;type=notice"[^>]*>\s*\S+\s*<span class="badge text-bg-light">1</span>',
        html,
    )
    only = client.get("/search/", {"q": "甘棠", "type": "notice"}).content.decode()
    assert [kind for kind, _title in results(only)] == ["notice"]
    assert 'aria-current="page"' in only and 'name="type" value="notice"' in only


def test_results_are_paged(client, make_point):
    for n in range(23):
        make_point(title=f"甘棠测试网点{n:02d}")
    first = client.get("/search/", {"q": "甘棠", "type": "point"}).content.decode()
    assert len(results(first)) == 20
    assert (
        'rel="next"' in first and "type=point" in first.split('rel="next"')[0].rsplit("href", 1)[1]
    )
    second = client.get("/search/", {"q": "甘棠", "type": "point", "page": 2}).content.decode()
    assert len(results(second)) == 3


def test_english_pages_are_found_under_en(client, content, translate):
    english = {
        kind: translate(page, title=f"Gantang {kind} in English", slug=f"gantang-{kind}-en")
        for kind, page in content.items()
    }
    service = ServiceItem.objects.get(locale=english["point"].locale, code="B03")
    service.name = "Gantang patent search"
    service.save()

    html = client.get("/en/search/", {"q": "gantang"}).content.decode()
    found = {title: kind for kind, title in results(html)}
    for kind, page in english.items():
        assert found.get(page.title) == kind, (kind, found)
    assert found.get("Gantang patent search") == "service"
    assert "/en/directory/?service=B03" in html
    # Only English pages: the Chinese originals are not listed on the English site.
    assert not any(page.title in found for page in content.values())
    assert "Service point" in html
    chinese = client.get("/search/", {"q": "gantang"}).content.decode()
    assert not any(page.title in chinese for page in english.values())
