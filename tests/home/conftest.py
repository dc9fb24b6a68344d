"""Fixtures shared by the home app's feature tests (tests/home/notices, cases, events).

The site's fixtures (`home_page`, `directory_page`, `sections`, `make_point`, `make_staff`,
`office_user`, `make_request`) come from tests/conftest.py; each feature's conftest.py adds its
index page, its page factory, its data and its `feature_site` (see tests/home/shared.py).

- `module_db`: a transaction around a test module, for data its tests only read.
"""

import pytest

from tests.shared_data import rolled_back


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction open for a whole module; a module-scoped fixture that depends on this one
    builds its data inside `django_db_blocker.unblock()` (see tests/home/shared.py)."""
    with rolled_back(django_db_blocker):
        yield
