"""Rows a test module builds once and its tests only read.

    @pytest.fixture(scope="module")
    def listed(django_db_setup, django_db_blocker):
        with built_once(django_db_blocker, build_points) as pks:
            yield pks

`build()` runs in a transaction that stays open while the module's tests run: each test still
runs in its own savepoint (pytest-django's `db`), so what a test writes is undone after it, and
the whole transaction is rolled back when the module is done, so that the next module starts
from the migrated database as before. Return primary keys and let a function-scoped fixture
fetch fresh objects, so that no test sees another's changes to a shared Python object.

Only for modules whose every test may see the rows (a test that counts what it built itself
belongs in another module; `pytest.mark.usefixtures` gives the rows to tests that do not ask for
them, so that none depends on the order), and whose tests do not publish or delete points if
the others read the directory listing: its in-memory facts are rechecked against the database
once a second, not after a rollback.

Both this and tests/home/shared.py build on tests/shared_data.rolled_back.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from tests.shared_data import rolled_back

T = TypeVar("T")


@contextmanager
def built_once(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    with rolled_back(django_db_blocker):
        with django_db_blocker.unblock():
            built = build()
        yield built


def site_directory():
    """The directory page of the site tree, made as tests/conftest.py's `directory_page` is."""
    from directory.demo import ensure_directory_page
    from home.homepage.demo import ensure_home_page

    return ensure_directory_page(ensure_home_page())
