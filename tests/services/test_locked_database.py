"""A database locked by another writer answers the friendly 503 within SQLITE_BUSY_TIMEOUT.

The test database is SQLite in memory, which a second connection cannot lock. For this test
the site runs on a file copy of it (a connection of its own, with the settings' OPTIONS:
WAL, BEGIN IMMEDIATE, the busy timeout) while a second sqlite3 connection holds the write lock
with BEGIN IMMEDIATE, as a long import or a stuck worker would.
"""

import logging
import sqlite3
import time
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection, connections

from directory.demo import ensure_directory_page
from home.homepage.demo import ensure_home_page
from services.models import ConsultationRequest, OutboxEmail

from ..factories import create_point
from .helpers import question_data

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's busy timeout"),
]

ASK = "/en/consult/ask/"


def test_the_busy_timeout_is_the_setting_and_five_seconds_by_default():
    assert settings.SQLITE_BUSY_TIMEOUT == 5
    assert settings.DATABASES["default"]["OPTIONS"]["timeout"] == settings.SQLITE_BUSY_TIMEOUT


def copy_database(source: sqlite3.Connection, path) -> None:
    """Copy schema and rows through `source`, which is inside the test's transaction (so
    sqlite3's backup and VACUUM INTO, which need the database to themselves, cannot)."""
    schema = source.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        " AND name NOT LIKE 'sqlite_%' ORDER BY type != 'table'"
    ).fetchall()
    # A full-text index (a virtual table) makes its own shadow tables; it starts empty here.
    virtual = [name for _kind, name, sql in schema if sql.startswith("CREATE VIRTUAL TABLE")]
    target = sqlite3.connect(path, isolation_level=None)
    target.execute("BEGIN")
    for kind, name, sql in schema:
        if any(name.startswith(f"{table}_") for table in virtual):
            continue
        target.execute(sql)
        if kind == "table" and name not in virtual:
            rows = source.execute(f'SELECT * FROM "{name}"').fetchall()  # noqa: S608 - schema
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                target.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)  # noqa: S608
    sequences = source.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    target.executemany("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", sequences)
    target.execute("COMMIT")
    target.close()


@contextmanager
def site_on_a_file_database(path):
    """Swap the default connection for one to a file copy of the test database."""
    memory = connections["default"]
    memory.ensure_connection()
    copy_database(memory.connection, path)
    on_file = memory.__class__({**memory.settings_dict, "NAME": str(path)}, alias="default")
    connections["default"] = on_file
    try:
        yield on_file
    finally:
        on_file.close()
        connections["default"] = memory
        # Nothing cached from the copy (site root paths, pages) may answer the next test.
        for alias in ("default", "page_store"):
            caches[alias].clear()


@contextmanager
def locked_by_another_writer(path):
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def question() -> dict:
    return question_data()


def test_a_locked_database_answers_503_within_the_busy_timeout_and_keeps_the_input(
    client, tmp_path, caplog
):
    path = tmp_path / "site.sqlite3"
    with site_on_a_file_database(path):
        create_point(ensure_directory_page(ensure_home_page()), title="广州网点")
        # The asker opens the form (which also creates the rows a first visit makes).
        assert client.get(ASK).status_code == 200

        with locked_by_another_writer(path), caplog.at_level(logging.ERROR):
            started = time.monotonic()
            response = client.post(ASK, question())
            elapsed = time.monotonic() - started

        assert response.status_code == 503
        html = response.content.decode()
        assert "nothing was stored" in html
        assert 'value="检索咨询"' in html and "请问如何检索某项技术的专利？" in html
        assert any("database is locked" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
        # It waited for the lock the 5 s busy timeout, not 20 s; generous for a shared machine.
        assert elapsed < 8, f"answered after {elapsed:.1f} s"
        assert not ConsultationRequest.objects.exists()
        assert not OutboxEmail.objects.exists()

        # Once the other writer is done, the same form goes through.
        response = client.post(ASK, question())
        assert response.status_code == 302
        assert ConsultationRequest.objects.count() == 1
