"""The case list's filters (service, tier, kind of point, province, year, featured) and their
messages for bad values, over four cases."""

import re

import pytest

from home.cases.listing import parse_case_query

from .helpers import errors_of, titles

# Every test reads the same four cases, built once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue_of_cases")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("service=B03", ["广州检索", "北京检索"]),
        ("tier=professional", ["广州导航"]),
        ("tier=value_added", ["深圳运营"]),
        ("category=library", ["广州检索", "广州导航"]),
        # A parent category covers its sub-kinds (代理服务类 is a market firm).
        ("category=market_firm", ["深圳运营"]),
        ("category=market-firm", ["深圳运营"]),  # its slug works too
        ("province=guangdong", ["深圳运营", "广州检索", "广州导航"]),
        ("province=110000", ["北京检索"]),
        ("year=2024", ["深圳运营", "广州检索"]),
        ("featured=1", ["深圳运营", "广州导航"]),
        ("province=guangdong&featured=1", ["深圳运营", "广州导航"]),
        ("service=B03&province=guangdong&year=2024", ["广州检索"]),
        ("service=B03&tier=value_added", []),
    ],
)
def test_each_filter_and_combinations(client, case_index, catalogue_of_cases, query, expected):
    response = client.get(f"{case_index.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html) == expected
    assert errors_of(html) == {}
    if not expected:
        assert 'id="no-cases"' in html


def test_the_form_offers_the_values_cases_have_and_keeps_the_choice(
    client, case_index, catalogue_of_cases
):
    html = client.get(f"{case_index.url}?province=guangdong&year=2024&featured=1").content.decode()
    form = re.search(r'<form class="case-filters.*?</form>', html, re.S).group(0)
    assert '<option value="guangdong" selected>广东省</option>' in form
    assert '<option value="beijing">北京市</option>' in form
    assert '<option value="2024" selected>2024</option>' in form
    assert '<option value="2022">2022</option>' in form
    assert 'value="B03"' in form and 'value="P01"' in form and 'value="B01"' not in form
    assert 'value="library"' in form and 'value="market_firm"' in form
    assert re.search(r'id="id_case_featured"[^>]* checked', form)


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("service=X99", "service"),
        ("tier=gold", "tier"),
        ("category=nope", "category"),
        ("province=atlantis", "province"),
        ("province=999999", "province"),
        ("year=abc", "year"),
        ("year=20244", "year"),
        ("year=1066", "year"),
        ("featured=maybe", "featured"),
        ("page=zero", "page"),
        ("page=0", "page"),
    ],
)
def test_invalid_values_are_named_and_ignored(client, case_index, catalogue_of_cases, query, param):
    response = client.get(f"{case_index.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    errors = errors_of(html)
    assert list(errors) == [param]
    assert errors[param].strip()
    assert len(titles(html)) == 4  # the bad condition is ignored, the rest still applies
    assert '<meta name="robots" content="noindex, follow">' in html


def test_a_bad_value_does_not_drop_the_good_ones(client, case_index, catalogue_of_cases):
    html = client.get(f"{case_index.url}?service=B03&year=nope&province=beijing").content.decode()
    assert list(errors_of(html)) == ["year"]
    assert titles(html) == ["北京检索"]


def test_parse_case_query_reproduces_its_query_string(catalogue_of_cases):
    query = parse_case_query(
        {"service": "B03", "tier": "basic", "category": "library", "province": "440000"}
    )
    assert not query.errors
    assert query.params() == {
        "service": "B03",
        "tier": "basic",
        "category": "library",
        "province": "guangdong",
    }
    assert parse_case_query({"year": "2024", "featured": "1"}).params() == {
        "year": "2024",
        "featured": "1",
    }
