"""Policy notice fixtures.

- `notice_index`: the NoticeIndexPage (slug `notices`) under the home page.
- `notice_factory(**fields)`: a NoticePage under that index (see `NoticePageFactory`).
- `notice_document(title=..., name=..., content=...)`: a stored Document (a small PDF by
  default) in a throw-away MEDIA_ROOT.
- `two_points`: 甲网点 (Guangzhou) and 乙网点 (Shenzhen), for reposting: fresh copies of the
  module's `module_two_points`, which a module using them must use in every test.
- `assorted` (module-scoped, read-only): six notices across kinds, years, authorities and
  regions, by a short name; a module using it must use it in every test (see `module_db`).

Every test runs on `feature_site`: the home page, sections and directory, built once for the
package (see tests/home/shared.py).

Staff and office users are tests/conftest.py's `make_staff` and `office_user`.
"""

import datetime
import functools

import pytest

from directory.models import ServicePoint
from tests.factories import create_point

from ..shared import package_site, site_pages
from .factories import NoticePageFactory

NOTICE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


feature_site = package_site()


@pytest.fixture
def notice_index(sections):
    return sections["notices"]


@pytest.fixture
def notice_factory(notice_index):
    return functools.partial(NoticePageFactory, parent=notice_index)


@pytest.fixture
def notice_document(db, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    settings.MEDIA_ROOT = tmp_path / "media"
    Document = get_document_model()

    def make(title="通知附件", name="attachment.pdf", content=NOTICE_PDF):
        document = Document(title=title)
        document.file.save(name, ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    return make


@pytest.fixture(scope="module")
def module_two_points(feature_site, module_db, django_db_blocker):
    with django_db_blocker.unblock():
        make = functools.partial(create_point, site_pages(django_db_blocker)["directory"])
        return make(title="甲网点", city="440100"), make(title="乙网点", city="440300")


@pytest.fixture
def two_points(module_two_points):
    """Copies of their own for the test, which may change them (e.g. give them a staff group)."""
    return tuple(ServicePoint.objects.get(pk=point.pk) for point in module_two_points)


def make_assorted(make) -> dict:
    """Six notices across kinds, years, authorities and regions, by a short name."""
    return {
        "national_2024": make(
            kind="notice",
            publication_date=datetime.date(2024, 6, 1),
            issuing_authority="国家知识产权局",
        ),
        "national_policy_2023": make(
            kind="policy",
            publication_date=datetime.date(2023, 9, 1),
            issuing_authority="国家知识产权局",
        ),
        "guangdong_2024": make(
            kind="policy",
            publication_date=datetime.date(2024, 5, 1),
            issuing_authority="广东省知识产权局",
            scope="province",
            region_code="440000",
        ),
        "guangzhou_2024": make(
            kind="news",
            publication_date=datetime.date(2024, 4, 1),
            issuing_authority="广州市市场监督管理局（知识产权局）",
            scope="city",
            region_code="440100",
        ),
        "shenzhen_2023": make(
            kind="interpretation",
            publication_date=datetime.date(2023, 8, 1),
            issuing_authority="深圳市市场监督管理局",
            scope="city",
            region_code="440300",
        ),
        "beijing_2024": make(
            kind="notice",
            publication_date=datetime.date(2024, 7, 1),
            issuing_authority="北京市知识产权局",
            scope="province",
            region_code="110000",
        ),
    }


@pytest.fixture(scope="module")
def assorted(feature_site, module_db, django_db_blocker):
    with django_db_blocker.unblock():
        index = site_pages(django_db_blocker)["notices"]
        return make_assorted(functools.partial(NoticePageFactory, parent=index))
