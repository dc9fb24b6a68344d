"""jieba is built once at WSGI start (before gunicorn forks), not by a visitor nor by manage.py.

In subprocesses: this test process may have built the tokenizer already.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        # An empty, never migrated database: the warm-up must not stop the server starting.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    return subprocess.run(  # noqa: S603 — our own interpreter and code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_wsgi_module_builds_the_tokenizer_even_on_an_empty_database(tmp_path):
    result = run(
        "import config.wsgi, search.analysis as a; "
        "print('built' if a._tokenizer is not None else 'missing', callable(config.wsgi.application))",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["built", "True"]
    assert "Directory warm-up skipped" in result.stderr


def test_management_commands_do_not_build_it(tmp_path):
    result = run(
        "import django; django.setup(); import search.analysis as a; "
        "print('built' if a._tokenizer is not None else 'missing')",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["missing"]
