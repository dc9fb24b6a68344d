"""Each point's staff: a group made with the point, rights on its own profile and nothing else."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from directory.models import ServicePoint
from services.staff import ensure_staff_group, staff_point_ids

from .helpers import admin_client_for

pytestmark = pytest.mark.django_db


def test_creating_a_point_creates_its_staff_group(points):
    first, second = points
    assert first.staff_group and second.staff_group
    assert first.staff_group != second.staff_group
    pages = GroupPagePermission.objects.filter(group=first.staff_group)
    assert {p.page_id for p in pages} == {first.pk}
    assert {p.permission.codename for p in pages} == {"add_page", "change_page"}
    assert ensure_staff_group(first) == first.staff_group  # idempotent
    assert Group.objects.filter(name__contains="甲网点").count() == 1


def test_aliases_get_no_group_of_their_own(points):
    from home.core.locales import ensure_locale_trees

    groups = Group.objects.count()
    ensure_locale_trees()
    alias = ServicePoint.objects.get(alias_of=points[0])
    assert Group.objects.count() == groups
    assert alias.staff_group == points[0].staff_group


def test_publishing_an_old_revision_keeps_the_staff_group(points):
    first = points[0]
    group = first.staff_group
    revision = first.revisions.order_by("created_at").first()
    revision.publish()
    assert ServicePoint.objects.get(pk=first.pk).staff_group == group


def test_staff_edit_their_own_profile_and_not_another(client, make_staff, points):
    first, second = points
    staff = make_staff(first)
    admin_client_for(staff, client)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{first.pk}/edit/").status_code == 200
    other = client.get(f"/admin/pages/{second.pk}/edit/")
    assert other.status_code == 302
    assert client.get(f"/admin/pages/{second.pk}/delete/").status_code == 302
    # Changes go to the IP office for publishing: staff cannot publish themselves.
    permissions = first.permissions_for_user(staff)
    assert permissions.can_edit() and not permissions.can_publish()
    assert not second.permissions_for_user(staff).can_edit()
    # No access to the rest of the site's pages or settings.
    assert not first.get_parent().permissions_for_user(staff).can_edit()
    assert client.get("/admin/users/").status_code == 302


def test_a_person_can_serve_several_points(make_staff, points):
    first, second = points
    staff = make_staff(first, second)
    assert staff_point_ids(staff) == {first.pk, second.pk}
    assert first.permissions_for_user(staff).can_edit()
    assert second.permissions_for_user(staff).can_edit()


def test_the_command_adds_staff(points):
    from django.core.management import call_command

    from home.core.models import User

    call_command("add_point_staff", "甲网点", "jia-staff", "--email", "jia@example.com")
    user = User.objects.get(username="jia-staff")
    assert staff_point_ids(user) == {points[0].pk}
    assert not user.has_usable_password()
