"""A publicity notice (公示): its period, objection channel and listed points on the page, and
the rules that draft one from the points recognised in a period."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from home.notices.models import NoticePage, PublicityPoint
from home.notices.pages import publicity_state
from home.notices.publicity import (
    ObjectionChannel,
    add_working_days,
    draft_recognition_notice,
    recognised_points,
)

from .helpers import html_of

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 30)


def test_five_working_days_skip_the_weekend():
    assert add_working_days(MONDAY, 5) == datetime.date(2026, 12, 4)  # Mon..Fri
    assert add_working_days(datetime.date(2026, 12, 3), 5) == datetime.date(2026, 12, 9)  # Thu
    assert add_working_days(datetime.date(2026, 12, 5), 1) == datetime.date(2026, 12, 7)  # Sat
    assert add_working_days(MONDAY, 1) == MONDAY


def test_working_days_follow_the_working_calendar():
    # 国庆节 2026: 1–7 October off, Saturday 10 October a make-up working day (services' calendar).
    assert add_working_days(datetime.date(2026, 9, 30), 2) == datetime.date(2026, 10, 8)
    assert add_working_days(datetime.date(2026, 10, 9), 2) == datetime.date(2026, 10, 10)


def test_the_period_must_be_whole_and_in_order(notice_factory):
    notice = NoticePage.objects.get(pk=notice_factory().pk)
    notice.publicity_start = MONDAY
    with pytest.raises(ValidationError) as error:
        notice.full_clean()
    assert "publicity_end" in error.value.message_dict
    notice.publicity_end = MONDAY - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        notice.full_clean()
    assert "publicity_end" in error.value.message_dict
    notice.publicity_end = MONDAY
    notice.full_clean()


def test_the_state_follows_the_period(notice_factory):
    notice = notice_factory(publicity_start=MONDAY, publicity_end=add_working_days(MONDAY, 5))
    assert publicity_state(notice, MONDAY - datetime.timedelta(days=1)) == "upcoming"
    assert publicity_state(notice, MONDAY) == "open"
    assert publicity_state(notice, datetime.date(2026, 12, 4)) == "open"
    assert publicity_state(notice, datetime.date(2026, 12, 5)) == "closed"


def test_recognised_points_are_the_active_ones_recognised_in_the_dates(make_point):
    inside = make_point(title="十一月认定", recognition_date=datetime.date(2026, 11, 3))
    edge = make_point(title="月底认定", recognition_date=datetime.date(2026, 11, 30))
    make_point(title="十月认定", recognition_date=datetime.date(2026, 10, 31))
    make_point(title="已撤销", recognition_date=datetime.date(2026, 11, 5), status="revoked")
    make_point(title="未知日期")
    found = recognised_points(datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    assert list(found) == [inside, edge]


def test_a_drafted_notice_lists_the_points_for_the_editor_to_publish(
    client, notice_index, make_point, office_user
):
    level = {"recognition_level": "city", "recognition_date": datetime.date(2026, 11, 3)}
    first = make_point(title="广州甲网点", **level)
    second = make_point(title="广州乙网点", city="440300", **level)
    notice = draft_recognition_notice(
        [first, second],
        issuing_authority="广州市市场监督管理局",
        channel=ObjectionChannel(
            contact="知识产权处", phone="020-12345678", email="ip@example.com"
        ),
        start=MONDAY,
        user=office_user,
    )
    notice.refresh_from_db()
    assert notice.get_parent().pk == notice_index.pk
    assert not notice.live and notice.owner == office_user
    assert notice.latest_revision.user == office_user
    assert (notice.publicity_start, notice.publicity_end) == (MONDAY, datetime.date(2026, 12, 4))
    assert [r.point for r in notice.publicity_points.all()] == [first, second]
    assert client.get(f"/notices/{notice.slug}/").status_code == 404  # a draft

    # Published, the page shows the block with the period, the channel and linked points.
    notice.save_revision().publish()
    with translation.override("en"):
        html = html_of(client.get(NoticePage.objects.get(pk=notice.pk).url))
    block = re.search(r'<section class="notice-publicity.*?</section>', html, re.S).group(0)
    assert "2026-11-30" in block and "2026-12-04" in block
    assert 'id="objection-contact">知识产权处<' in block
    assert 'href="tel:020-12345678"' in block and 'href="mailto:ip@example.com"' in block
    for point in (first, second):
        assert f'href="{point.url}" data-point-id="{point.pk}"' in block
    assert block.count('data-level="city"') == 2
    assert 'data-matter="recognised"' in block


def test_the_block_in_chinese_states_the_period_and_how_to_object(
    client, notice_factory, make_point
):
    """Needs /tmp/po/features.po merged into the zh_Hans catalogue."""
    today = timezone.localdate()
    point = make_point(title="公示网点", recognition_level="city")
    notice = notice_factory(
        publicity_start=today,
        publicity_end=today + datetime.timedelta(days=6),
        objection_phone="020-12345678",
    )
    PublicityPoint.objects.create(notice=notice, point=point)
    html = html_of(client.get(notice.url))
    assert f"公示期：{today:%Y-%m-%d} 至 {today + datetime.timedelta(days=6):%Y-%m-%d}" in html
    assert "如有异议，请于公示期内通过以下方式反映：" in html
    assert 'data-state="open"' in html


def test_an_ordinary_notice_has_no_publicity_block(client, notice_factory):
    html = html_of(client.get(notice_factory().url))
    assert 'id="publicity"' not in html


def test_a_cached_page_expires_when_the_period_opens_or_closes(notice_factory):
    """The page cache must not show "open for objections" after the period is over."""
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    upcoming = notice_factory(publicity_start=tomorrow, publicity_end=tomorrow)
    assert timezone.localtime(upcoming.next_change()).date() == tomorrow
    running = notice_factory(publicity_start=today, publicity_end=today)
    assert timezone.localtime(running.next_change()).date() == tomorrow
    assert timezone.localtime(running.next_change()).hour == 0
    over = notice_factory(
        publicity_start=today - datetime.timedelta(days=9),
        publicity_end=today - datetime.timedelta(days=2),
    )
    assert over.next_change() is None
    assert notice_factory().next_change() is None
