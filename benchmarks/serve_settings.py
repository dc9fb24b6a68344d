"""The serving benchmark's settings: production, plus the trivial view's URLconf.

Only benchmarks/serve_bench.py uses it (with benchmarks/ on PYTHONPATH). Two changes from
config.settings.production: ROOT_URLCONF adds `/bench/trivial/` (serve_urls.py), and static
files use plain storage, because the hashed manifest needs `collectstatic` and the benchmark
loads no static files. Everything else (DEBUG off, middleware, page cache, caches from
REDIS_URL or local memory, PAGE_CACHE=0) comes from the environment as in production.
"""

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

ROOT_URLCONF = "serve_urls"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
