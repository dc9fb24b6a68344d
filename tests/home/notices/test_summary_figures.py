"""The notices' figure for a point's annual work summary: office notices reposted that year."""

import datetime

import pytest
from django.utils import timezone

from directory.yearly.figures import figure_labels, gather_figures
from home.notices.figures import notice_figures
from home.notices.models import NoticeRepost

pytestmark = pytest.mark.django_db


def test_notices_reposted_counts_the_points_reposts_of_the_year(notice_factory, make_point):
    point, other = make_point(title="转发网点"), make_point(title="别的网点")
    notices = [notice_factory() for _ in range(4)]

    def repost(notice, who, year, month=6):
        moment = timezone.make_aware(datetime.datetime(year, month, 15, 9, 0))
        NoticeRepost.objects.create(notice=notice, point=who, reposted_at=moment)

    repost(notices[0], point, 2025, 1)
    repost(notices[1], point, 2025, 12)
    repost(notices[2], point, 2024)
    repost(notices[0], other, 2025)

    assert notice_figures(point, 2025) == {"notices_reposted": 2}
    assert notice_figures(point, 2024) == {"notices_reposted": 1}
    assert notice_figures(point, 2023) == {"notices_reposted": 0}
    assert gather_figures(other, 2025)["notices_reposted"] == 1
    assert "notices_reposted" in figure_labels()
