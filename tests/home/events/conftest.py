"""Event fixtures.

- `event_index`: the EventIndexPage (slug `events`) under the home page.
- `event_factory(**fields)`: an EventPage under that index (see `EventPageFactory`).

Built once for a module whose tests only read them (see `module_db`; a module using one must
use it in every test):
- `open_event`: an event with EventPageFactory's defaults: a week ahead, open for registration.
- `training_event`: the same, titled 广州培训.
- `clean_event`: an event on 2030-05-01 from 10:00 to 12:00, Beijing time.

Every test runs on `feature_site`: the home page, sections and directory, built once for the
package (see tests/home/shared.py).
Staff and office users are tests/conftest.py's `make_staff` and `office_user`.
"""

import functools

import pytest

from ..shared import package_site, site_pages
from .factories import EventPageFactory
from .helpers import beijing

feature_site = package_site()


@pytest.fixture
def event_index(sections):
    return sections["events"]


@pytest.fixture
def event_factory(event_index):
    return functools.partial(EventPageFactory, parent=event_index)


def _make_once(django_db_blocker, **fields):
    with django_db_blocker.unblock():
        return EventPageFactory(parent=site_pages(django_db_blocker)["events"], **fields)


@pytest.fixture(scope="module")
def open_event(feature_site, module_db, django_db_blocker):
    return _make_once(django_db_blocker)


@pytest.fixture(scope="module")
def training_event(feature_site, module_db, django_db_blocker):
    return _make_once(django_db_blocker, title="广州培训")


@pytest.fixture(scope="module")
def clean_event(feature_site, module_db, django_db_blocker):
    start, end = beijing("2030-05-01 10:00"), beijing("2030-05-01 12:00")
    return _make_once(django_db_blocker, start=start, end=end)
