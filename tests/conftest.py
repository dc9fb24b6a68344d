"""Fixtures shared by every test package.

- `home_page`: the site's HomePage under Wagtail's root, the default Site's root page.
- `directory_page`: the DirectoryIndexPage (slug `directory`) under the home page.
- `make_point(**kwargs)`: a live ServicePoint in that directory; see `tests.factories.create_point`
  for the keywords (category by code, regions by adcode, offerings as (code, tier, fee)).

The tree is built by the same functions as `load_demo`, so tests see the real site's shape.
"""

import pytest

from directory.demo import ensure_directory_page, ensure_home_page

from .factories import create_point


@pytest.fixture
def home_page(db):
    return ensure_home_page()


@pytest.fixture
def directory_page(home_page):
    return ensure_directory_page(home_page)


@pytest.fixture
def make_point(directory_page):
    def make(**kwargs):
        return create_point(directory_page, **kwargs)

    return make
