"""Case library fixtures.

- `case_index`: the CaseIndexPage (slug `cases`) under the home page.
- `case_factory(point, **fields)`: a CasePage of `point` under that index (see `CasePageFactory`).
- `case_moderator`: a member of Wagtail's Moderators group (approves submitted cases).
- `points`: three points by key: a Guangzhou library (gz), a Beijing university (bj), a Shenzhen
  agency, a market firm (sz); fresh copies of those of `feature_site`.
- `catalogue_of_cases` (module-scoped, read-only): four cases of those points across services,
  tiers, kinds of point, provinces, years and featured; a module using it must use it in every
  test (see `module_db`).

Every test runs on `feature_site`: the home page, sections, directory and the three points, built
once for the package (see tests/home/shared.py). Staff and office users are tests/conftest.py's
`make_staff` and `office_user`.
"""

import datetime
import functools

import pytest

from directory.models import ServicePoint
from tests.factories import create_point
from tests.shared_data import rolled_back

from ..shared import site_pages
from .factories import CasePageFactory
from .helpers import make_points


@pytest.fixture(scope="package", autouse=True)
def feature_site(django_db_setup, django_db_blocker):
    """The site and the three points, built once for the package (../shared.py): their pks."""
    with rolled_back(django_db_blocker):
        directory = site_pages(django_db_blocker)["directory"]
        with django_db_blocker.unblock():
            points = make_points(functools.partial(create_point, directory))
        yield {key: point.pk for key, point in points.items()}


@pytest.fixture
def points(feature_site):
    """Copies of their own for the test, which may change them (e.g. give them a staff group)."""
    return {key: ServicePoint.objects.get(pk=pk) for key, pk in feature_site.items()}


@pytest.fixture
def case_index(sections):
    return sections["cases"]


def case_maker(index):
    def make(point, **fields):
        return CasePageFactory(parent=index, point=point, **fields)

    return make


@pytest.fixture
def case_factory(case_index):
    return case_maker(case_index)


@pytest.fixture
def case_moderator(db):
    from django.contrib.auth.models import Group

    from home.core.models import User

    user = User.objects.create_user(
        username="case-moderator", password="pw-for-tests-only-123", email="mod@example.com"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture(scope="module")
def catalogue_of_cases(feature_site, module_db, django_db_blocker):
    """Cases across services, tiers, kinds of point, provinces, years and featured."""
    with django_db_blocker.unblock():
        make = case_maker(site_pages(django_db_blocker)["cases"])
        points = {key: ServicePoint.objects.get(pk=pk) for key, pk in feature_site.items()}
        make(
            points["gz"], title="广州检索", services=["B03"], period_start=datetime.date(2024, 3, 1)
        )
        make(
            points["gz"],
            title="广州导航",
            services=["P01"],
            period_start=datetime.date(2023, 3, 1),
            featured=True,
        )
        make(
            points["bj"], title="北京检索", services=["B03"], period_start=datetime.date(2022, 3, 1)
        )
        make(
            points["sz"],
            title="深圳运营",
            services=["V03"],
            period_start=datetime.date(2024, 9, 1),
            featured=True,
        )
