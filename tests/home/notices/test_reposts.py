"""Points reposting notices: the rules, and where reposts are shown (profiles, notice pages)."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from home.notices.models import NoticePage, NoticeRepost
from home.notices.reposts import remove_repost, repost, reposted_notices, reposting_points

from .helpers import html_of

# Every test has the same two points, built once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_two_points")]


def test_repost_is_idempotent_and_can_be_undone(notice_factory, two_points, make_staff):
    point, _other = two_points
    user = make_staff(point)
    notice = notice_factory()
    first, created = repost(notice, point, user)
    assert created and first.reposted_by == user
    again, created = repost(notice, point, user)
    assert not created and again.pk == first.pk
    assert NoticeRepost.objects.count() == 1
    assert reposted_notices(point) == [notice]
    assert reposting_points(notice) == [point]

    assert remove_repost(notice, point) is True
    assert remove_repost(notice, point) is False
    assert reposted_notices(point) == []


def test_only_live_notices_are_reposted_and_listed(notice_factory, two_points):
    point, _other = two_points
    draft = notice_factory(live=False)
    with pytest.raises(ValidationError):
        repost(draft, point, None)
    notice = notice_factory()
    repost(notice, point, None)
    notice.unpublish()
    assert reposted_notices(point) == []


def test_reposted_notices_are_newest_first_and_limited(notice_factory, two_points):
    point, _other = two_points
    older = notice_factory(publication_date=datetime.date(2023, 1, 1))
    newer = notice_factory(publication_date=datetime.date(2024, 1, 1))
    repost(newer, point, None)
    repost(older, point, None)
    assert reposted_notices(point) == [newer, older]
    assert reposted_notices(point, limit=1) == [newer]


def test_the_profile_include_lists_the_reposted_notices(rf, notice_factory, two_points):
    point, _other = two_points
    notice = notice_factory(title="网点转载的通知")
    repost(notice, point, None)
    html = render_to_string(
        "home/includes/point_notices.html",
        {"point_notices": reposted_notices(point)},
        request=rf.get("/"),
    )
    assert 'id="point-notices"' in html
    assert f'href="{notice.url}"' in html and "网点转载的通知" in html
    assert render_to_string("home/includes/point_notices.html", {"point_notices": []}).strip() == ""


def test_the_point_profile_lists_its_reposted_notices(client, notice_factory, two_points):
    point, other = two_points
    notice = notice_factory(title="网点主页上的转载通知")
    assert 'id="point-notices"' not in html_of(client.get(point.url))
    repost(notice, point, None)
    html = html_of(client.get(point.url))
    section = re.search(r'id="point-notices"(.*?)</section>', html, re.S).group(1)
    assert f'href="{notice.url}"' in section
    assert 'id="point-notices"' not in html_of(client.get(other.url))


def test_the_notice_page_lists_the_points_that_reposted_it(client, notice_factory, two_points):
    point, other = two_points
    notice = notice_factory()
    assert 'id="reposted-by"' not in html_of(client.get(notice.url))
    repost(notice, point, None)
    repost(notice, other, None)
    html = html_of(client.get(notice.url))
    section = re.search(r'id="reposted-by"(.*?)</section>', html, re.S).group(1)
    assert f'href="{point.url}"' in section and f'href="{other.url}"' in section


def test_a_repost_through_an_english_alias_joins_the_original(notice_factory, two_points):
    from home.core.locales import ensure_locale_trees

    point, _other = two_points
    notice = notice_factory()
    ensure_locale_trees()
    alias_notice = NoticePage.objects.get(alias_of=notice)
    alias_point = type(point).objects.get(alias_of=point)
    _repost, created = repost(alias_notice, alias_point, None)
    assert created and _repost.notice_id == notice.pk and _repost.point_id == point.pk
    # Each side reads the reposts in its own language tree.
    assert reposting_points(alias_notice) == [alias_point]
    assert reposted_notices(alias_point) == [alias_notice]
    assert reposted_notices(point) == [notice]
