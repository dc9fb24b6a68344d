"""The notice, case and event sections under the home page, made once by `ensure_sections`, and
the rights they give the point staff groups that exist before them."""

import pytest
from wagtail.models import GroupPagePermission

from home.cases.models import CaseIndexPage
from home.notices.models import NoticeIndexPage
from services.staff import ensure_staff_group
from tests.home.cases.helpers import make_points

pytestmark = pytest.mark.django_db


@pytest.fixture
def points(make_point):
    return make_points(make_point)


def test_the_section_helper_creates_the_index_once(home_page, sections):
    from home.homepage.sections import ensure_sections

    assert ensure_sections(home_page)["notices"].pk == sections["notices"].pk
    assert NoticeIndexPage.objects.child_of(home_page).count() == 1
    assert sections["notices"].slug == "notices"
    assert sections["notices"].live


def test_a_case_index_made_after_the_groups_grants_them(home_page, points):
    group = ensure_staff_group(points["gz"])
    assert not CaseIndexPage.objects.exists()
    from home.homepage.sections import ensure_sections

    index = ensure_sections(home_page)["cases"]
    assert GroupPagePermission.objects.filter(
        group=group, page=index, permission__codename="add_page"
    ).exists()
