"""The rules of the year, without HTTP: due dates, prefill, scores, results, the flag."""

import datetime
from decimal import Decimal

import pytest

from directory.models import ServicePoint
from directory.yearly import actions
from directory.yearly.dates import State, due_date, reminder_date, state_of
from directory.yearly.models import AnnualSummary, Evaluation, EvaluationCriterion, Measure
from directory.yearly.scoring import (
    flagged_for_revocation,
    result_for,
    suggest_scores,
    total_of,
)

pytestmark = pytest.mark.django_db


def test_due_date_follows_the_setting(settings):
    settings.ANNUAL_SUMMARY_DUE = "12-31"
    settings.ANNUAL_SUMMARY_REMINDER_DAYS = 30
    assert due_date(2026) == datetime.date(2026, 12, 31)
    assert reminder_date(2026) == datetime.date(2026, 12, 1)
    settings.ANNUAL_SUMMARY_DUE = "01-15"
    assert due_date(2027) == datetime.date(2027, 1, 15)


def test_state_before_and_after_the_due_date(make_point):
    point = make_point()
    assert state_of(None, 2026, datetime.date(2026, 12, 31)) == State.MISSING
    assert state_of(None, 2026, datetime.date(2027, 1, 1)) == State.LATE
    draft = AnnualSummary.objects.create(point=point, year=2026)
    assert state_of(draft, 2026, datetime.date(2027, 1, 1)) == State.LATE
    draft.status = AnnualSummary.Status.SUBMITTED
    assert state_of(draft, 2026, datetime.date(2027, 3, 1)) == State.SUBMITTED


def test_opening_prefills_profile_facts_and_every_provider(make_point, consultation_figures):
    point = make_point(
        title="丙网点", offerings=[("B03", "basic", "free"), ("P01", "professional", "low_cost")]
    )
    ServicePoint.objects.filter(pk=point.pk).update(staff_total=7, staff_full_time=5)
    point.refresh_from_db()
    summary = actions.open_summary(point, 2026)
    assert summary.facts["name"] == "丙网点"
    assert summary.facts["staff_full_time"] == 5
    assert sum(len(names) for names in summary.facts["services"].values()) == 2
    assert summary.figures["services_offered"] == 2
    assert summary.figures["staff_total"] == 7
    assert summary.figures["consultations_total"] == 50
    # Opening again returns the same summary, not a second one.
    assert actions.open_summary(point, 2026).pk == summary.pk
    assert AnnualSummary.objects.filter(point=point).count() == 1


def test_submit_takes_the_figures_again(make_point, make_staff, consultation_figures):
    from directory.yearly.figures import register_summary_figures

    point = make_point()
    staff = make_staff(point)
    summary = actions.open_summary(point, 2026)
    register_summary_figures("late-provider", lambda p, y: {"cases_published": 4})
    actions.submit(summary, staff)
    summary.refresh_from_db()
    assert summary.status == AnnualSummary.Status.SUBMITTED
    assert summary.submitted_by == staff and summary.submitted_at is not None
    assert summary.figures["cases_published"] == 4


def _criterion(measure, weight, target=None):
    return EvaluationCriterion.objects.create(
        name=str(measure), measure=measure, weight=weight, target=target
    )


def test_suggested_scores_come_from_the_figures(make_point):
    summary = AnnualSummary(
        point=make_point(),
        year=2026,
        figures={
            "consultations_total": 50,
            "answered_on_time_rate": 0.99,
            "mean_rating": 4.5,
            "events_held": 1,
            "change_reports": 2,
            "change_reports_approved": 1,
            "verification_overdue_days": 45,
        },
        cases=[{"title": "a", "text": "b"}, {"title": "c", "text": "d"}],
    )
    volume = _criterion(Measure.SERVICE_VOLUME, 20, 100)
    on_time = _criterion(Measure.ON_TIME, 15, 0.9)
    rating = _criterion(Measure.SATISFACTION, 15, 4.5)
    cases = _criterion(Measure.CASES, 10, 4)
    events = _criterion(Measure.EVENTS, 10, 4)
    changes = _criterion(Measure.CHANGE_REPORTING, 10)
    verification = _criterion(Measure.VERIFICATION, 10, 90)
    manual = _criterion(Measure.MANUAL, 10)
    suggested = suggest_scores(
        summary, [volume, on_time, rating, cases, events, changes, verification, manual]
    )
    assert suggested[volume.pk] == 10.0  # half the target
    assert suggested[on_time.pk] == 15.0  # above the target: full marks, no more
    assert suggested[rating.pk] == 15.0
    assert suggested[cases.pk] == 5.0  # two cases written of four
    assert suggested[events.pk] == 2.5
    assert suggested[changes.pk] == 5.0  # one of two reports approved
    assert suggested[verification.pk] == 5.0  # 45 of 90 days overdue
    assert suggested[manual.pk] is None  # the reviewer's


def test_missing_figures_leave_the_score_to_the_reviewer(make_point):
    summary = AnnualSummary(point=make_point(), year=2026, figures={})
    volume = _criterion(Measure.SERVICE_VOLUME, 20, 100)
    assert suggest_scores(summary, [volume]) == {volume.pk: None}


@pytest.mark.parametrize(
    ("total", "result"),
    [
        (100, "excellent"),
        (85, "excellent"),
        (84.9, "pass"),
        (60, "pass"),
        (59.9, "fail"),
        (0, "fail"),
    ],
)
def test_result_thresholds(total, result):
    assert result_for(Decimal(str(total))) == result


def test_total_skips_unscored_criteria():
    assert total_of([10, None, 20.25]) == Decimal("30.3")


def test_default_criteria_weigh_one_hundred():
    criteria = EvaluationCriterion.objects.filter(active=True)
    assert criteria.count() >= 7
    assert sum(c.weight for c in criteria) == 100
    assert {c.measure for c in criteria} >= {Measure.SERVICE_VOLUME, Measure.MANUAL}


def _evaluate(point, year, result):
    return Evaluation.objects.create(point=point, year=year, result=result, total=50)


def test_two_failing_years_flag_a_point_for_revocation(make_point):
    twice = make_point(title="两年不合格")
    once = make_point(title="一年不合格")
    recovered = make_point(title="已改进")
    revoked = make_point(title="已撤销")
    for point in (twice, revoked):
        _evaluate(point, 2025, "fail")
        _evaluate(point, 2026, "fail")
    _evaluate(once, 2026, "fail")
    _evaluate(recovered, 2025, "fail")
    _evaluate(recovered, 2026, "pass")
    ServicePoint.objects.filter(pk=revoked.pk).update(status="revoked")
    assert list(flagged_for_revocation(2026)) == [twice]
    assert list(flagged_for_revocation(2025)) == []
