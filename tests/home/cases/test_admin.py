"""Point staff write cases in the admin: only for their own points, never featured or published
by themselves; the office sees every point."""

import re

import pytest
from django.urls import reverse

from home.cases.models import CasePage
from tests.services.helpers import admin_client_for

from .helpers import add_url, case_post

pytestmark = pytest.mark.django_db


def test_staff_see_only_their_points_and_no_featured_field(client, case_index, make_staff, points):
    staff = make_staff(points["gz"])
    html = admin_client_for(staff, client).get(add_url(case_index)).content.decode()
    select = re.search(r'<select name="point".*?</select>', html, re.S).group(0)
    assert f'value="{points["gz"].pk}"' in select
    assert f'value="{points["bj"].pk}"' not in select
    assert 'name="featured"' not in html


def test_the_office_sees_every_point_and_the_featured_field(
    client, case_index, office_user, points
):
    html = admin_client_for(office_user, client).get(add_url(case_index)).content.decode()
    select = re.search(r'<select name="point".*?</select>', html, re.S).group(0)
    assert all(f'value="{p.pk}"' in select for p in points.values())
    assert 'name="featured"' in html


def test_staff_save_a_draft_for_their_own_point(client, case_index, make_staff, points):
    staff = make_staff(points["gz"])
    data = case_post(points["gz"], partners=[points["sz"]], services=["B03", "P01"])
    response = admin_client_for(staff, client).post(add_url(case_index), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = CasePage.objects.get(slug="our-case")
    assert case.point == points["gz"] and case.owner == staff and not case.live
    assert case.get_parent().specific == case_index
    draft = case.get_latest_revision_as_object()
    assert [str(f) for f in draft.figures.all()] == ["检索报告 12份"]
    assert list(draft.partner_points.all()) == [points["sz"]]  # any point may be a partner
    assert sorted(s.code for s in draft.services.all()) == ["B03", "P01"]


def test_the_form_refuses_a_forged_point_but_keeps_one_the_office_chose(
    case_index, case_factory, make_staff, points
):
    staff = make_staff(points["gz"])
    form_class = CasePage.get_edit_handler().get_form_class()

    def form(instance, point):
        data = case_post(point, slug=instance.slug or "new-case")
        return form_class(data, instance=instance, parent_page=case_index, for_user=staff)

    new = CasePage(owner=staff, locale=case_index.locale)
    forged = form(new, points["bj"])
    assert not forged.is_valid() and "point" in forged.errors
    assert form(CasePage(owner=staff, locale=case_index.locale), points["gz"]).is_valid()

    # The office moved this case to another point: its owner may keep that point, not pick a third.
    moved = case_factory(points["bj"], live=False, owner=staff)
    assert form(CasePage.objects.get(pk=moved.pk), points["bj"]).is_valid()
    third = form(CasePage.objects.get(pk=moved.pk), points["sz"])
    assert not third.is_valid() and "point" in third.errors


def test_staff_cannot_name_another_point(client, case_index, make_staff, points):
    staff = make_staff(points["gz"])
    response = admin_client_for(staff, client).post(
        add_url(case_index), case_post(points["bj"], action="submit")
    )
    assert response.status_code == 200
    assert "point" in response.context["form"].errors
    assert not CasePage.objects.filter(slug="our-case").exists()


def test_staff_cannot_mark_their_case_featured(client, case_index, make_staff, points):
    staff = make_staff(points["gz"])
    admin_client_for(staff, client).post(
        add_url(case_index), case_post(points["gz"], featured="on")
    )
    case = CasePage.objects.get(slug="our-case")
    assert not case.featured and not case.get_latest_revision_as_object().featured


def test_staff_cannot_publish(client, case_index, make_staff, points):
    staff = make_staff(points["gz"])
    admin_client_for(staff, client).post(
        add_url(case_index), case_post(points["gz"], action="publish")
    )
    case = CasePage.objects.get(slug="our-case")
    assert not case.live and case.first_published_at is None
    assert client.get("/cases/our-case/").status_code == 404


def test_staff_are_offered_submission_not_publishing(client, case_index, make_staff, points):
    staff = make_staff(points["gz"])
    html = admin_client_for(staff, client).get(add_url(case_index)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_a_case_can_be_previewed_before_it_is_saved(client, case_index, make_staff, points):
    staff = make_staff(points["gz"])
    admin_client_for(staff, client)
    url = reverse("wagtailadmin_pages:preview_on_add", args=("cases", "casepage", case_index.pk))
    data = case_post(points["gz"], partners=[points["bj"]], services=["B03"])
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "我们的专利导航案例" in html and "北京案例大学" in html and "?service=B03" in html
