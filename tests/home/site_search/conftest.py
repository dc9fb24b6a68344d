"""Site search fixtures.

- `content(title_words)`: one live page of every kind the search labels (point, notice, case,
  event, standard page) with the given word in its title, plus the catalogue; by kind.
- `english`: the English locale; `translate(page, title=…)` publishes an English copy of a
  page (its parents copied too) under a new title.
"""

import pytest
from wagtail.models import Locale

from home.homepage.models import StandardPage
from tests.home.cases.factories import CasePageFactory
from tests.home.events.factories import EventPageFactory
from tests.home.notices.factories import NoticePageFactory


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def translate(english):
    def make(page, **fields):
        copy = page.copy_for_translation(english, copy_parents=True)
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save_revision().publish()
        return type(copy).objects.get(pk=copy.pk)

    return make


@pytest.fixture
def standard_page(home_page):
    def make(title, body="<p>正文。</p>", **fields):
        page = StandardPage(title=title, body=body, **fields)
        home_page.add_child(instance=page)
        page.save_revision().publish()
        return StandardPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def content(make_point, sections, standard_page):
    """Every kind of page with 甘棠 in its title."""
    point = make_point(title="甘棠知识产权服务中心")
    return {
        "point": point,
        "notice": NoticePageFactory(parent=sections["notices"], title="关于甘棠的通知"),
        "case": CasePageFactory(
            parent=sections["cases"], title="甘棠企业专利导航案例", point=point
        ),
        "event": EventPageFactory(parent=sections["events"], title="甘棠专利检索培训"),
        "page": standard_page("甘棠服务指南"),
    }
