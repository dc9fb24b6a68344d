import tempfile
from pathlib import Path

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Local memory whatever REDIS_URL says; the page cache is on, as in production, and emptied
# before each test (tests/conftest.py). tests/core/test_page_cache.py runs it on Redis too.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "page_store": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "pages": {
        "BACKEND": "home.core.page_cache.GenerationalCache",
        "LOCATION": "page_store",
        "TIMEOUT": 600,
    },
}
WAGTAIL_CACHE = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
# Background tasks run at once; tests of the worker's queue use the database backend themselves.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
MAP_TILE_URL = ""  # tests never reach a tile server; the list must work without tiles
# Tests must not depend on the developer's environment.
SITE_BASE_URL = "http://127.0.0.1:8000"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Attachments written by tests go to a throw-away folder, never the developer's.
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ipsn-private-"))
CONSULTATION_MIN_SECONDS = 0
