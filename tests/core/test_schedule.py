"""The daily jobs (home/core/schedule.py) and the worker's self-rescheduling daily task."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from home.core import schedule
from home.core.schedule_tasks import TASK_PATH, ensure_next_run, next_run_at, run_daily

TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@pytest.fixture
def jobs(monkeypatch):
    """An empty job registry for the test (the apps' own jobs come back afterwards)."""
    monkeypatch.setattr(schedule, "_jobs", {})
    return schedule


def test_a_registered_job_runs_with_the_day(jobs):
    seen = []
    jobs.register_daily_job("remember", lambda today: seen.append(today) or len(seen))
    day = datetime.date(2026, 12, 1)
    assert jobs.run_daily_jobs(day) == {"remember": 1}
    assert seen == [day]


def test_one_failing_job_does_not_stop_the_others(jobs):
    ran = []

    def broken(today):
        raise RuntimeError("boom")

    jobs.register_daily_job("a-broken", broken)
    jobs.register_daily_job("b-fine", lambda today: ran.append(today) or "ok")
    results = jobs.run_daily_jobs(datetime.date(2026, 12, 1))
    assert results == {"a-broken": "failed", "b-fine": "ok"}
    assert ran


def test_next_run_is_the_next_morning_in_beijing(settings):
    settings.DAILY_JOBS_AT = "03:10"
    # 2026-12-01 20:00 UTC is 04:00 on 2 December in Beijing: the next 03:10 is on the 3rd.
    now = datetime.datetime(2026, 12, 1, 20, 0, tzinfo=datetime.UTC)
    assert next_run_at(now).isoformat() == "2026-12-03T03:10:00+08:00"


@pytest.mark.django_db
def test_the_daily_task_queues_one_future_run_not_two(jobs):
    with override_settings(TASKS=TASKS):
        first = ensure_next_run()
        assert first is not None
        assert ensure_next_run() is None  # one READY run is waiting already
        call_command("run_daily_jobs", "--enqueue")
        rows = DBTaskResult.objects.filter(task_path=TASK_PATH)
        assert rows.count() == 1
        assert rows.get().run_after > datetime.datetime.now(datetime.UTC)


@pytest.mark.django_db
def test_the_task_runs_the_jobs_and_puts_itself_back_once(jobs):
    ran = []
    jobs.register_daily_job("count", lambda today: ran.append(today) or "done")
    with override_settings(TASKS=TASKS):
        ensure_next_run()
        row = DBTaskResult.objects.get(task_path=TASK_PATH)
        # What the worker does with the row: claim it (RUNNING), then run the task.
        row.claim("test-worker")
        assert run_daily.call() == {"count": "done"}
        row.set_successful({})
        waiting = DBTaskResult.objects.filter(task_path=TASK_PATH, status="READY")
        assert waiting.count() == 1
        assert waiting.get().pk != row.pk
    assert len(ran) == 1


@pytest.mark.django_db
def test_the_command_runs_the_jobs_for_cron(jobs, capsys):
    jobs.register_daily_job("hello", lambda today: "hi")
    call_command("run_daily_jobs")
    assert "hello: hi" in capsys.readouterr().out
