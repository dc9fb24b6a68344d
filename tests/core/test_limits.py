"""The shared rate limits (home/core/limits.py) and the invisible-character filter."""

import datetime

import pytest
from django.utils import timezone

from home.core import limits
from home.core.models import RateCount
from home.core.validation import strip_invisible

pytestmark = pytest.mark.django_db


def test_a_limit_counts_per_key_and_window():
    now = timezone.now()
    assert all(limits.hit("ip:a", 3, 3600, now=now) for _ in range(3))
    assert not limits.hit("ip:a", 3, 3600, now=now)
    assert limits.hit("ip:b", 3, 3600, now=now), "another key has its own count"
    later = now + datetime.timedelta(hours=1)
    assert limits.hit("ip:a", 3, 3600, now=later), "a new window starts at zero"


def test_counters_are_rows_every_worker_reads_and_old_ones_are_pruned():
    now = timezone.now()
    limits.hit("ip:a", 3, 60, now=now - datetime.timedelta(days=3))
    limits.hit("ip:a", 3, 60, now=now)
    assert limits.count("ip:a", 60, now=now) == 1
    assert limits.prune(now) == 1
    assert RateCount.objects.count() == 1
    limits.reset("ip:a")
    assert limits.count("ip:a", 60, now=now) == 0


def test_invisible_formatting_characters_are_stripped():
    assert strip_invisible("张\u202e三\u200b\u200d\ufeff") == "张三"
    assert strip_invisible("专利\u2066检索\u2069") == "专利检索"
    assert strip_invisible("普通文字 ABC") == "普通文字 ABC"
