"""Fixtures shared by every test package.

- `home_page`: the site's HomePage under Wagtail's root, the default Site's root page.
- `directory_page`: the DirectoryIndexPage (slug `directory`) under the home page.
- `sections`: the notice, case and event index pages (slugs notices, cases, events).
- `make_request(point=..., **fields)`: a stored consultation request routed to `point` (None: the
  central inbox), made through `services.handling.submit` like a real one.
- `make_staff(*points)`: an active user in the staff group of each point.
- `office_user`: an IP-office editor (Wagtail's Editors group), who sees every request.
- `make_point(**kwargs)`: a live ServicePoint in that directory; see `tests.factories.create_point`
  for the keywords (category by code, regions by adcode, offerings as (code, tier, fee)).

The tree is built by the same functions as `load_demo`, so tests see the real site's shape.
"""

import itertools

import pytest
from django.contrib.auth.models import Group

from directory.demo import ensure_directory_page
from directory.models import ServiceItem
from home.core.models import User
from home.homepage.demo import ensure_home_page
from services.handling import Submission, submit
from services.staff import ensure_staff_group

from .factories import create_point, reference, region


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: the database is rolled back between tests, a
    process's cache is not, and a page cached by one test must not answer the next."""
    from django.core.cache import caches

    from directory.names import forget as forget_translated_names

    for alias in ("default", "page_store"):
        caches[alias].clear()
    # The English names are also memoised in the process for a second (directory/names.py).
    forget_translated_names()


@pytest.fixture
def home_page(db):
    return ensure_home_page()


@pytest.fixture
def directory_page(home_page):
    return ensure_directory_page(home_page)


@pytest.fixture
def sections(home_page):
    """The notice, case and event index pages: {"notices": …, "cases": …, "events": …}."""
    from home.homepage.sections import ensure_sections

    return ensure_sections(home_page)


@pytest.fixture
def make_point(directory_page):
    def make(**kwargs):
        return create_point(directory_page, **kwargs)

    return make


_numbers = itertools.count(1)


@pytest.fixture
def make_request(db):
    def make(point=None, *, service="B03", city="440100", **fields):
        values = {
            "subject": "专利检索咨询",
            "question": "我们想了解某项技术的专利情况。",
            "name": "张三",
            "reply_channel": "email",
            "email": "asker@example.com",
            "phone": "13800138000",
            "city": region(city),
            "service": reference(ServiceItem, service) if service else None,
        }
        values.update(fields)
        request_obj, _ = submit(
            Submission(**values),
            nonce=f"test-{next(_numbers)}",
            consent_version="test",
            language="zh-hans",
            point=point,
        )
        return request_obj

    return make


@pytest.fixture
def make_staff(db):
    def make(*points, username=None):
        user = User.objects.create_user(
            username=username or f"staff{next(_numbers)}",
            password="pw-for-tests-only-123",
            email="staff@example.com",
        )
        for point in points:
            user.groups.add(ensure_staff_group(point))
        return user

    return make


@pytest.fixture
def office_user(db):
    user = User.objects.create_user(
        username="office", password="pw-for-tests-only-123", email="office@example.com"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
