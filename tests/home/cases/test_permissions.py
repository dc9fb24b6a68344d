"""Who may add and feature cases, and the moderation workflow that covers the case library."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Workflow

from home.cases.permissions import grant_case_permissions, grant_case_permissions_to_all_staff
from services.staff import ensure_staff_group

pytestmark = pytest.mark.django_db


def test_a_new_staff_group_may_add_cases_at_once(case_index, make_point):
    group = ensure_staff_group(make_point(title="新网点"))
    assert GroupPagePermission.objects.filter(
        group=group, page=case_index, permission__codename="add_page"
    ).exists()


def test_every_staff_group_may_add_cases_under_the_index(case_index, points):
    groups = [ensure_staff_group(p) for p in points.values()]
    GroupPagePermission.objects.filter(page=case_index).delete()
    assert grant_case_permissions_to_all_staff() == 3
    assert grant_case_permissions_to_all_staff() == 0  # safe to run again
    for group in groups:
        perms = GroupPagePermission.objects.filter(group=group, page=case_index)
        assert [p.permission.codename for p in perms] == ["add_page"]
    assert grant_case_permissions(groups[0]) == 0
    # Never publish: that is the office's.
    assert not GroupPagePermission.objects.filter(
        group__in=groups, permission__codename="publish_page"
    ).exists()


def test_the_office_may_mark_cases_as_excellent_practice():
    for name in ("Editors", "Moderators"):
        assert Group.objects.get(name=name).permissions.filter(codename="feature_case").exists()


def test_the_moderation_workflow_covers_the_case_library(case_index, case_factory, points):
    workflow = Workflow.objects.get(name="Moderators approval")
    assert case_index.get_workflow() == workflow
    assert case_factory(points["gz"], live=False).get_workflow() == workflow
