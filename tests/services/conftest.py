"""Fixtures of the consultation tests: two points (built once for each module that uses them,
see tests/directory/once.py), the staff user of the first and an admin client for that user.

The other consultation fixtures (make_request, make_staff, office_user) are in tests/conftest.py.
"""

import pytest

from directory.models import ServicePoint
from tests.directory.once import built_once, site_directory
from tests.factories import create_point

from .helpers import admin_client_for


def build_points() -> tuple[int, int]:
    directory = site_directory()
    return create_point(directory, title="甲网点").pk, create_point(directory, title="乙网点").pk


@pytest.fixture(scope="module")
def point_pks(django_db_setup, django_db_blocker):
    """甲网点 and 乙网点, built once for each module that uses `points`."""
    with built_once(django_db_blocker, build_points) as pks:
        yield pks


@pytest.fixture
def points(point_pks, db):
    """Two live points, 甲网点 and 乙网点 (fresh objects for each test)."""
    return tuple(ServicePoint.objects.get(pk=pk) for pk in point_pks)


@pytest.fixture
def staff_a(points, make_staff):
    """The staff user `staff_a` of 甲网点."""
    return make_staff(points[0], username="staff_a")


@pytest.fixture
def client_a(staff_a):
    return admin_client_for(staff_a)
