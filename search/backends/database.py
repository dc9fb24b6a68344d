"""Wagtail's database search backend, Chinese-aware on SQLite and PostgreSQL.

On SQLite with FTS5 this is search.backends.sqlite_fts, on PostgreSQL
search.backends.postgres_fts (both: jieba segmentation, one-pass ranking); on MySQL or SQLite
without FTS5 it is modelsearch's own choice.
"""

import warnings
from importlib.metadata import version

from django.db import connection
from modelsearch.backends.database import SearchBackend as modelsearch_backend

# sqlite_fts and postgres_fts subclass modelsearch internals (ObjectIndexer, the indexes'
# add_items, the query compilers, the fts5 column order); a different version may have moved them.
MODELSEARCH_VERSION = "1.3.2"

if version("modelsearch") != MODELSEARCH_VERSION:
    warnings.warn(
        f"search.backends extends modelsearch {MODELSEARCH_VERSION} but {version('modelsearch')} "
        "is installed: check search/backends/sqlite_fts.py and postgres_fts.py against it and "
        "update the pin.",
        RuntimeWarning,
        stacklevel=1,
    )


# modelsearch and Wagtail look up a callable named SearchBackend in the configured module.
def SearchBackend(params):
    if connection.vendor == "postgresql":
        from .postgres_fts import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    backend = modelsearch_backend(params)
    if connection.vendor != "sqlite":
        return backend
    # Imported here: modelsearch's SQLite module needs the app registry and an SQLite database.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if type(backend) is not SQLiteSearchBackend:
        return backend  # SQLite without FTS5: modelsearch's fallback (LIKE) backend
    from .sqlite_fts import ChineseSQLiteSearchBackend

    return ChineseSQLiteSearchBackend(params)
