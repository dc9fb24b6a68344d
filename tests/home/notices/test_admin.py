"""The admin page where point staff and the office repost notices with one click."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from home.notices.models import NoticePage, NoticeRepost
from home.notices.reposts import repost, reposting_points

from .helpers import count_queries, html_of, make_many

# Every test has the same two points, built once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_two_points")]


REPOST_LIST = "/admin/notices/repost/"


def _repost_url(notice) -> str:
    return reverse("notice_repost", args=[notice.pk])


def test_the_admin_urls(db):
    assert reverse("notices_to_repost") == REPOST_LIST


def test_staff_repost_to_their_point_with_one_click(client, notice_factory, two_points, make_staff):
    point, other = two_points
    notice = notice_factory(title="待转载通知")
    client.force_login(make_staff(point))

    html = html_of(client.get(REPOST_LIST))
    row = re.search(rf'<tr data-notice-id="{notice.pk}">(.*?)</tr>', html, re.S).group(1)
    assert f'action="{_repost_url(notice)}"' in row
    assert f'name="point" value="{point.pk}"' in row
    assert f'value="{other.pk}"' not in row  # another point's button is never offered
    assert 'value="repost"' in row

    response = client.post(
        _repost_url(notice), {"point": point.pk, "action": "repost", "next": REPOST_LIST}
    )
    assert response.status_code == 302 and response["Location"] == REPOST_LIST
    assert NoticeRepost.objects.filter(notice=notice, point=point).count() == 1

    html = html_of(client.get(REPOST_LIST))
    row = re.search(rf'<tr data-notice-id="{notice.pk}">(.*?)</tr>', html, re.S).group(1)
    assert 'data-state="reposted"' in row and 'value="remove"' in row

    # A second click changes nothing.
    client.post(_repost_url(notice), {"point": point.pk, "action": "repost"})
    assert NoticeRepost.objects.filter(notice=notice, point=point).count() == 1

    # Undo.
    client.post(_repost_url(notice), {"point": point.pk, "action": "remove"})
    assert not NoticeRepost.objects.filter(notice=notice).exists()


def test_staff_cannot_repost_for_another_point(client, notice_factory, two_points, make_staff):
    point, other = two_points
    notice = notice_factory()
    repost(notice, other, None)
    client.force_login(make_staff(point))
    response = client.post(_repost_url(notice), {"point": other.pk, "action": "repost"})
    assert response.status_code == 404
    response = client.post(_repost_url(notice), {"point": other.pk, "action": "remove"})
    assert response.status_code == 404
    assert client.post(_repost_url(notice), {"point": "x"}).status_code == 404
    assert (
        client.post(_repost_url(notice), {"point": point.pk, "action": "bogus"}).status_code == 404
    )
    assert list(NoticeRepost.objects.values_list("point_id", flat=True)) == [other.pk]


def test_a_draft_notice_cannot_be_reposted_from_the_admin(
    client, notice_factory, two_points, make_staff
):
    point, _other = two_points
    draft = notice_factory(live=False)
    client.force_login(make_staff(point))
    assert client.post(_repost_url(draft), {"point": point.pk}).status_code == 404
    assert f'data-notice-id="{draft.pk}"' not in html_of(client.get(REPOST_LIST))


def test_the_repost_page_is_for_point_staff_and_the_office(client, notice_factory, two_points):
    from home.core.models import User

    point, _other = two_points
    notice = notice_factory()
    nobody = User.objects.create_user(username="nobody", password="pw-for-tests-only-123")
    group = Group.objects.create(name="admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    nobody.groups.add(group)
    client.force_login(nobody)
    # Wagtail turns PermissionDenied in the admin into a redirect to the dashboard.
    response = client.get(REPOST_LIST)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post(_repost_url(notice), {"point": point.pk}).status_code == 302
    assert REPOST_LIST not in html_of(client.get("/admin/"))
    assert not NoticeRepost.objects.exists()


def test_the_menu_shows_the_page_to_point_staff(client, two_points, make_staff):
    client.force_login(make_staff(two_points[0]))
    assert REPOST_LIST in html_of(client.get("/admin/"))


def test_the_office_reposts_for_any_point(client, notice_factory, two_points, office_user):
    point, other = two_points
    notice = notice_factory()
    client.force_login(office_user)
    html = html_of(client.get(REPOST_LIST))
    assert 'id="repost-point"' in html and 'id="no-points"' in html
    html = html_of(client.get(REPOST_LIST, {"point": other.pk}))
    assert f'name="point" value="{other.pk}"' in html
    response = client.post(_repost_url(notice), {"point": other.pk, "action": "repost"})
    assert response.status_code == 302
    assert reposting_points(notice) == [other]


def test_the_repost_list_can_hide_what_is_done(client, notice_factory, two_points, make_staff):
    point, _other = two_points
    done, pending = notice_factory(), notice_factory()
    repost(done, point, None)
    client.force_login(make_staff(point))
    html = html_of(client.get(REPOST_LIST, {"pending": "1"}))
    assert f'data-notice-id="{pending.pk}"' in html
    assert f'data-notice-id="{done.pk}"' not in html


def test_the_repost_list_query_count_does_not_grow(
    client, notice_factory, two_points, make_staff, django_assert_max_num_queries
):
    point, other = two_points
    client.force_login(make_staff(point, other))
    make_many(notice_factory, 3)
    client.get(REPOST_LIST)
    few = count_queries(client, REPOST_LIST)
    make_many(notice_factory, 17, start=3)
    for notice in NoticePage.objects.all()[:10]:
        repost(notice, point, None)
    client.get(REPOST_LIST)
    with django_assert_max_num_queries(few):
        html = html_of(client.get(REPOST_LIST))
    assert html.count("<tr data-notice-id=") == 20
