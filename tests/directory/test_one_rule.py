"""The directory's rules live in one place: the in-memory facts.

`ServicePoint.objects.listed()` stays for the SQL that reads rows; these tests prove it lists the
same population the facts filter on, and that the landing pages count from the facts (a category
includes its sub-kinds; the English aliases are not counted twice).
"""

import pytest
from django.utils import translation
from wagtail.models import Locale

from directory.facts import get_facts
from directory.landing import landing_for, listed_count
from directory.models import PointCategory, Region, ServicePoint
from home.core.locales import ensure_locale_trees


@pytest.fixture
def population(make_point):
    return {
        "library": make_point(category="library", city="440100"),
        "consulting": make_point(category="market_consulting", city="440100"),
        "agency": make_point(category="market_agency", city="110100"),
        "revoked": make_point(category="market_agency", city="440100", status="revoked"),
        "suspended": make_point(category="library", city="440100", status="suspended"),
        "draft": make_point(category="library", city="440100", live=False),
    }


def test_listed_and_the_facts_hold_the_same_points(population):
    locale = Locale.get_default()
    facts = get_facts(locale.pk)

    listed = set(ServicePoint.objects.listed().filter(locale=locale).values_list("pk", flat=True))

    assert set(facts.pks) == listed
    assert population["suspended"].pk not in listed
    assert population["revoked"].pk not in listed
    assert population["draft"].pk not in listed


def test_a_category_counts_its_sub_kinds_as_sql_would(population):
    facts = get_facts(Locale.get_default().pk)
    market = PointCategory.objects.get(code="market_firm", locale=Locale.get_default())

    in_sql = (
        ServicePoint.objects.listed()
        .filter(locale=Locale.get_default(), category__parent=market)
        .count()
    )

    assert facts.category[market.pk].bit_count() == in_sql == 2


def test_landing_pages_count_each_point_once_in_every_language(population):
    ensure_locale_trees()  # English aliases of every point

    guangdong = Region.objects.get(slug="guangdong", locale=Locale.get_default())
    market = PointCategory.objects.get(code="market_firm", locale=Locale.get_default())
    # Library and consulting (not the suspended one); their English aliases are not counted.
    assert listed_count("province", guangdong.pk) == 2
    assert "共有 2 家" in landing_for(province_slug="guangdong").description
    with translation.override("en"):
        assert listed_count("category", market.pk) == 2
        assert landing_for(category_slug="market-firm").description.startswith("2 ")
