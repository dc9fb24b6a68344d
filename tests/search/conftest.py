"""Tests for one database only: `@pytest.mark.only_on("sqlite", reason=...)`.

The search backends differ by database (search/backends/database.py picks sqlite_fts or
postgres_fts), and `make test` runs the suite on both. A test marked for another database than
the one the run uses is skipped with its reason, which `pytest -rs` lists; it is never dropped
silently.
"""

import pytest
from django.db import connection


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        'only_on(vendor, reason): run only on that database ("sqlite", "postgresql"); '
        "skipped with the reason elsewhere",
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        for marker in item.iter_markers("only_on"):
            vendor = marker.args[0]
            if connection.vendor != vendor:
                reason = marker.kwargs.get("reason", f"needs {vendor}")
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"{vendor} only, this run is {connection.vendor}: {reason}"
                    )
                )
