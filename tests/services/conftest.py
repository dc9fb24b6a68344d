"""Fixtures for consultation requests.

- `make_request(point=..., **fields)`: a stored request routed to `point` (None: central inbox),
  made through `services.handling.submit` like a real one.
- `make_staff(*points, username=None)`: an active user in the staff group of each point.
- `office_user`: an IP-office editor (Wagtail's Editors group), who sees every request.
"""

import itertools

import pytest
from django.contrib.auth.models import Group

from home.models import User
from services.handling import Submission, submit
from services.models import ServiceItem
from services.staff import ensure_staff_group

from ..factories import reference, region

_numbers = itertools.count(1)


@pytest.fixture
def make_request(db):
    def make(point=None, *, service="B03", city="440100", **fields):
        values = {
            "subject": "专利检索咨询",
            "question": "我们想了解某项技术的专利情况。",
            "name": "张三",
            "reply_channel": "email",
            "email": "asker@example.com",
            "phone": "13800138000",
            "city": region(city),
            "service": reference(ServiceItem, service) if service else None,
        }
        values.update(fields)
        request_obj, _ = submit(
            Submission(**values),
            nonce=f"test-{next(_numbers)}",
            consent_version="test",
            language="zh-hans",
            point=point,
        )
        return request_obj

    return make


@pytest.fixture
def make_staff(db):
    def make(*points, username=None):
        user = User.objects.create_user(
            username=username or f"staff{next(_numbers)}",
            password="pw-for-tests-only-123",
            email="staff@example.com",
        )
        for point in points:
            user.groups.add(ensure_staff_group(point))
        return user

    return make


@pytest.fixture
def office_user(db):
    user = User.objects.create_user(
        username="office", password="pw-for-tests-only-123", email="office@example.com"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
