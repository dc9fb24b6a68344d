"""The demo site as `load_demo` builds it: built once, unchanged by a second run, and searchable.

Loading the demo takes half a minute, so this module loads it once (see tests/directory/once.py)
and its tests only read it. The `xdist_group` mark asks `--dist loadgroup` to run both on one
worker, so that the demo is loaded once per run rather than once per worker.
"""

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, Revision, Site

from directory.models import DirectoryIndexPage, PointOffering, ServicePoint
from directory.precision import (
    ENGLISH_QUERIES,
    KIND_QUERIES,
    KINDS,
    by_kind,
    evaluate,
    load_queries,
    precision,
)
from home.homepage.models import HomePage

from .once import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_site")]


def counts() -> tuple[int, ...]:
    return (
        Page.objects.count(),
        ServicePoint.objects.count(),
        PointOffering.objects.count(),
        Revision.objects.count(),
        Site.objects.count(),
    )


def load_first_time():
    from home.homepage.demo import load_demo

    # What the command does on its first run: the directory, then requests and pages.
    report, _requests, _editorial = load_demo()
    return report, counts()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """(the first run's import report, the row counts after it), loaded once for the module."""
    with built_once(django_db_blocker, load_first_time) as loaded:
        yield loaded


def test_load_demo_twice_builds_the_site_once(demo_site, capsys):
    report, first_counts = demo_site
    with translation.override("en"):
        call_command("load_demo")

    assert len(report.created) == 94
    assert "0 created, 0 updated, 94 unchanged" in capsys.readouterr().out
    assert counts() == first_counts
    site = Site.objects.get()
    assert (site.hostname, site.port, site.is_default_site) == (
        "127.0.0.1",
        8000,
        True,
    )  # SITE_BASE_URL
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.title == "知识产权信息公共服务网"
    assert not Page.objects.filter(title__startswith="Welcome").exists()
    directory = DirectoryIndexPage.objects.child_of(home).get()
    assert (directory.slug, directory.title) == ("directory", "知识产权信息公共服务网点名录")
    english = DirectoryIndexPage.objects.get(locale__language_code="en")
    assert ServicePoint.objects.child_of(english).count() == 94  # aliases, kept in step
    points = ServicePoint.objects.child_of(directory)
    assert points.live().filter(is_demo=True).count() == 94
    sjtu = points.get(title="上海交通大学")
    assert {q.code for q in sjtu.qualifications.all()} == {"tisc", "university_center"}
    assert sjtu.url_path.startswith(directory.url_path)


def test_precision_on_the_public_query_set_is_100_percent(demo_site):
    outcomes = evaluate(load_queries())
    failed = [(o.case.query, o.titles) for o in outcomes if not o.passed]
    assert precision(outcomes) == 1.0, failed


def test_precision_of_each_kind_of_query_is_at_least_90_percent(demo_site):
    """Names, services, questions, places, Traditional characters, pinyin and over-specified
    names, judged against the demo's point and service names (directory/eval/)."""
    kinds = by_kind(evaluate(load_queries(KIND_QUERIES)))
    assert set(kinds) == set(KINDS)
    for kind, outcomes in kinds.items():
        failed = [(o.case.query, o.titles) for o in outcomes if not o.passed]
        assert len(outcomes) >= 8, kind
        assert precision(outcomes) >= 0.9, (kind, failed)


def test_precision_of_english_queries_on_the_english_site_is_at_least_90_percent(demo_site):
    """English service, category and place names typed on /en/ (directory/eval/queries_en.csv)."""
    outcomes = evaluate(load_queries(ENGLISH_QUERIES))
    failed = [(o.case.query, o.titles) for o in outcomes if not o.passed]
    assert len(outcomes) >= 10
    assert precision(outcomes) >= 0.9, failed
