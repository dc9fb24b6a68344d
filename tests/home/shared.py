"""Data built once and shared by many tests, inside a transaction rolled back after them.

Each feature package (notices, cases, events) builds its site once (`feature_site`, an autouse
package fixture in its conftest.py) and a module may build data that its tests only read (on
tests/home/conftest.py's `module_db`). Every test still runs in its own savepoint (the `db`
fixture), so what a test writes is undone after it.

Python objects are shared, so tests must not change them: read a fresh copy from the database
instead. Such data must be there for every test of its module or package (autouse, or
`pytestmark = usefixtures(...)`): a test that does not ask for it would otherwise see it or not,
depending on the order the tests run in.
"""

import pytest

from directory.demo import ensure_directory_page
from home.homepage.demo import ensure_home_page
from home.homepage.sections import ensure_sections
from tests.shared_data import rolled_back


def site_pages(django_db_blocker) -> dict:
    """The home page, then its sections, then the directory, as tests/conftest.py's fixtures
    build them: {"home": …, "notices": …, "cases": …, "events": …, "directory": …}.

    Built if missing, else read from the database: a builder adding pages under them asks for
    fresh copies, as a page's count of children changes with the transactions rolled back.
    Once built, tests/conftest.py's fixtures (`home_page`, `sections`, …) find them too.
    """
    with django_db_blocker.unblock():
        home = ensure_home_page()
        sections = ensure_sections(home)
        return {"home": home, **sections, "directory": ensure_directory_page(home)}


def package_site():
    """An autouse package fixture `feature_site`: the site pages, built once for the package.

    A feature's conftest.py says `feature_site = package_site()`.
    """

    @pytest.fixture(scope="package", autouse=True)
    def feature_site(django_db_setup, django_db_blocker):
        """The home page, sections and directory, built once for the package."""
        with rolled_back(django_db_blocker):
            site_pages(django_db_blocker)
            yield

    return feature_site
