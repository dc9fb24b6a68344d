"""Data a test module or package builds once and its tests only read.

The data is built inside a transaction that stays open while the tests run and is rolled back
after them; each test still runs in its own savepoint (pytest-django's `db`), so what a test
writes is undone after it. Used by tests/directory/once.py and tests/home/shared.py.
"""

import contextlib

from django.db import transaction


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """A transaction open for the block (a fixture's life), then rolled back."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
