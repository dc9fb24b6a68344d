"""The yearly demo: one submitted summary and its evaluation, made once."""

import pytest

from directory.yearly.demo import load_yearly_demo
from directory.yearly.models import AnnualSummary, Evaluation

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_marked(make_point):
    make_point(title="演示网点")
    assert load_yearly_demo() == 2
    assert load_yearly_demo() == 0
    summary = AnnualSummary.objects.get()
    evaluation = Evaluation.objects.get()
    assert summary.is_demo and evaluation.is_demo
    assert summary.is_handed_in and summary.cases
    assert "演示" in summary.service_delivery
    assert evaluation.summary == summary and evaluation.result in ("excellent", "pass", "fail")
