"""The demo's consultation requests: realistic, never e-mailed, not duplicated on a re-run."""

import pytest

from services.demo import DEMO_COUNT, load_demo_requests
from services.models import ConsultationRequest, OutboxEmail

pytestmark = pytest.mark.django_db


def test_demo_requests_are_created_once_and_never_emailed(make_point):
    make_point(title="演示图书馆", is_demo=True, offerings=(("B03", "basic", "free"),))
    make_point(title="演示大学", is_demo=True, city="440300", offerings=(("B04", "basic", "free"),))
    make_point(title="真实网点", offerings=(("B03", "basic", "free"),))

    assert load_demo_requests() == DEMO_COUNT
    assert load_demo_requests() == 0
    requests = ConsultationRequest.objects.all()
    assert requests.count() == DEMO_COUNT
    assert not requests.exclude(email="").exists()
    assert OutboxEmail.objects.count() == 0
    assert requests.filter(first_response_at__isnull=False).exists()
    assert requests.filter(rating__isnull=False).exists()
    assert requests.filter(first_response_at__isnull=True).exists()
    assert not requests.filter(point__title="真实网点", origin="profile").exists()
