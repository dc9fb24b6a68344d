"""Settings shared by every environment.

Every environment variable the project reads is read here, at the top, and listed in the
README. The other settings modules only override values.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import PIL.Image
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# --- Environment -------------------------------------------------------------------------
env = os.environ
SECRET_KEY = env.get("DJANGO_SECRET_KEY", "")
DEBUG = env.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in env.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
DATABASE_URL = env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
ELASTICSEARCH_URL = env.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = env.get("OPENSEARCH_URL", "")
OPENSEARCH_VERSION = int(env.get("OPENSEARCH_VERSION", "3") or 3)
REDIS_URL = env.get("REDIS_URL", "")
# The anonymous full-page cache (home/core/page_cache.py): on unless PAGE_CACHE=0; how long the
# server keeps a page (cleared on every publish anyway) and how long a browser may.
PAGE_CACHE = env.get("PAGE_CACHE", "1") == "1"
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BROWSER_SECONDS = int(env.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
PAGE_CACHE_DIR = Path(env.get("PAGE_CACHE_DIR", BASE_DIR / ".cache" / "pages"))
# Without Redis: pages each worker keeps in memory (about 50 KB each).
PAGE_CACHE_ENTRIES = int(env.get("PAGE_CACHE_ENTRIES", "600"))
SITE_BASE_URL = env.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
MAP_TILE_URL = env.get(
    "MAP_TILE_URL",
    "https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
)
MAP_TILE_ATTRIBUTION = env.get("MAP_TILE_ATTRIBUTION", "© 高德地图")
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
PRIVATE_MEDIA_ROOT = Path(env.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
TRUSTED_PROXIES = [p for p in env.get("TRUSTED_PROXIES", "").split(",") if p]
# Questions per client IP, and per phone number or e-mail address, per window in seconds.
CONSULTATION_RATE_LIMIT = env.get("CONSULTATION_RATE_LIMIT", "30/3600")
CONSULTATION_CONTACT_RATE_LIMIT = env.get("CONSULTATION_CONTACT_RATE_LIMIT", "5/3600")
# Admin sign-in (django-axes): failed attempts per account or per client IP before sign-in is
# locked, and the minutes until it opens again by itself.
LOGIN_FAILURE_LIMIT = int(env.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_COOLOFF_MINUTES = int(env.get("LOGIN_COOLOFF_MINUTES", "30"))
CONSULTATION_MIN_SECONDS = int(env.get("CONSULTATION_MIN_SECONDS", "3"))
CONSULTATION_RETENTION_DAYS = int(env.get("CONSULTATION_RETENTION_DAYS", "1095"))
# Event registrations per client IP per window in seconds, counted for all workers.
EVENT_REGISTRATION_RATE_LIMIT = env.get("EVENT_REGISTRATION_RATE_LIMIT", "10/3600")
# Days the site search's query log (and Wagtail's search hit counts) are kept.
SEARCH_QUERY_LOG_DAYS = int(env.get("SEARCH_QUERY_LOG_DAYS", "90"))
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "static_collected"))
# jieba's parsed dictionary (search/analysis.py); a folder of the project, not the shared /tmp.
JIEBA_CACHE_DIR = Path(env.get("JIEBA_CACHE_DIR", BASE_DIR / ".cache" / "jieba"))
CSRF_TRUSTED_ORIGINS = [o for o in env.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_TIMEOUT = int(env.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "noreply@example.com")
# Days a sent e-mail is kept in the outbox before it is deleted (services/outbox.py).
OUTBOX_RETENTION_DAYS = int(env.get("OUTBOX_RETENTION_DAYS", "30"))
# Seconds a SQLite writer waits for another writer's lock before the request gets the "try
# again" page (503, input kept): short enough that nobody waits long, long enough for a burst.
SQLITE_BUSY_TIMEOUT = float(env.get("SQLITE_BUSY_TIMEOUT", "5"))
SECURE_SSL_REDIRECT_ENV = env.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS_ENV = int(env.get("DJANGO_HSTS_SECONDS", "31536000"))
# The caching proxy in front of the app servers (nginx, Varnish) that takes HTTP PURGE requests.
FRONTEND_CACHE_PURGE_URL = env.get("FRONTEND_CACHE_PURGE_URL", "")
# A point's life (directory/applications, directory/lifecycle, directory/yearly).
# Months between a point's confirmations of its profile, and the reminder's lead in days.
POINT_VERIFICATION_MONTHS = int(env.get("POINT_VERIFICATION_MONTHS", "6"))
POINT_VERIFICATION_REMINDER_DAYS = int(env.get("POINT_VERIFICATION_REMINDER_DAYS", "14"))
# The annual work summary is due on this month-day of its year; reminders start this many days before.
ANNUAL_SUMMARY_DUE = env.get("ANNUAL_SUMMARY_DUE", "12-31")
ANNUAL_SUMMARY_REMINDER_DAYS = int(env.get("ANNUAL_SUMMARY_REMINDER_DAYS", "30"))
# Years an organisation whose point was revoked for false material may not apply (第二十一条).
APPLICATION_BAR_YEARS = int(env.get("APPLICATION_BAR_YEARS", "3"))
# Seconds an applicant's e-mail confirmation link stays valid.
APPLICATION_CONFIRM_MAX_AGE = int(env.get("APPLICATION_CONFIRM_MAX_AGE", str(3 * 24 * 3600)))
# Beijing time at which the background worker runs the daily jobs (reminders, clean-ups).
DAILY_JOBS_AT = env.get("DAILY_JOBS_AT", "03:10")
# Days an error report's contact details are kept after it is closed; the office's copy address.
ERROR_REPORT_CONTACT_DAYS = int(env.get("ERROR_REPORT_CONTACT_DAYS", "30"))
ERROR_REPORT_OFFICE_EMAIL = env.get("ERROR_REPORT_OFFICE_EMAIL", "")
# Largest points file the admin import takes (bytes).
POINT_IMPORT_MAX_BYTES = int(env.get("POINT_IMPORT_MAX_BYTES", str(10 * 1024 * 1024)))

# --- Applications ------------------------------------------------------------------------
# The project's apps, in the order of their layers (each imports only those above it in this
# list; import-linter checks it, see pyproject.toml).
INSTALLED_APPS = [
    "search",
    "home.core",
    "directory",
    "directory.applications",
    "directory.lifecycle",
    "directory.yearly",
    "services",
    "home.notices",
    "home.cases",
    "home.events",
    "home.homepage",
    "home.site_search",
    "wagtailcache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# The page cache (home/core/page_cache.py) wraps the middleware that can make a response
# personal: UpdateCacheMiddleware stores on the way out, after the session, CSRF and message
# middleware have set their cookies, which PageCachePolicyMiddleware reads; FetchFromCache
# answers on the way in, once the user is known.
MIDDLEWARE = [
    "home.core.page_cache.CacheHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "wagtailcache.cache.UpdateCacheMiddleware",
    # Inside the page cache, so a cached page keeps the header it was rendered with.
    "home.core.csp.ContentSecurityPolicyMiddleware",
    "home.core.page_cache.PageCachePolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "services.admin_guard.PointScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtailcache.cache.FetchFromCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.homepage.context_processors.site_context",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets several gunicorn workers read while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Writers queue instead of failing with "database is locked" under concurrent posts,
        # for at most SQLITE_BUSY_TIMEOUT seconds.
        "timeout": SQLITE_BUSY_TIMEOUT,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "pages" is the page cache: its entries live in "page_store" under a generation number that
# every publish bumps (home/core/page_cache.py). Every worker must read the same number, or a
# publish would clear only its own worker's pages: with REDIS_URL both live in Redis; without,
# the entries stay in each worker's memory (fast, at most PAGE_CACHE_ENTRIES pages) and the
# number in a file under PAGE_CACHE_DIR that all workers of the machine read.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ipsn",
        },
        "page_store": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ipsn-pages",
            # A page cache that cannot answer is a miss, not an error page.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "page_store": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_ENTRIES},
        },
        "page_generation": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(PAGE_CACHE_DIR),
        },
    }
CACHES["pages"] = {
    "BACKEND": "home.core.page_cache.GenerationalCache",
    "LOCATION": "page_store",
    "TIMEOUT": PAGE_CACHE_SECONDS,
    "OPTIONS": {"GENERATIONS": "page_generation" if not REDIS_URL else "page_store"},
}
WAGTAIL_CACHE = PAGE_CACHE
WAGTAIL_CACHE_BACKEND = "pages"

AUTH_USER_MODEL = "core.User"
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes): after LOGIN_FAILURE_LIMIT failures for one username, or from
# one client IP, sign-in is refused for LOGIN_COOLOFF_MINUTES, even with the right password. Both
# parameters, separately: the username stops guessing one account from many addresses, the IP
# stops trying many accounts from one. Someone who locks out a colleague on purpose gains nothing
# but a wait, which an IP-office editor can lift (services/staff_admin.py, "Sign-in locks").
# Retrying while locked does not prolong the lock; a successful sign-in clears the failures.
# Failures are kept only until the cool-off ends; successful sign-ins are not logged.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_CLIENT_IP_CALLABLE = "home.core.abuse.client_ip"  # TRUSTED_PROXIES, as for every limit
AXES_LOCKOUT_CALLABLE = "home.core.axes.lockout_response"  # the admin's sign-in layout, 429
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # no Django admin here; the unlock page is in Wagtail's admin

# Django's CSRF failure page in the site's layout and language (home/core/views.py).
CSRF_FAILURE_VIEW = "home.core.views.csrf_failure"

# --- Internationalisation ----------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media --------------------------------------------------------------------
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail -----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "知识产权信息公共服务网"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Images are decoded up to this many pixels (an 8,000 × 5,000 photo): above it Wagtail refuses
# the upload, the consultation form refuses the attachment (home/core/uploads.py), and Pillow
# itself warns, then refuses twice as many, in any decode (a decompression bomb).
IMAGE_MAX_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_IMAGE_PIXELS = IMAGE_MAX_PIXELS
PIL.Image.MAX_IMAGE_PIXELS = IMAGE_MAX_PIXELS
# Wagtail's image and document forms plus checks for HTML hidden behind an image and for zip
# bombs (home/core/upload_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.core.upload_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.core.upload_forms.DocumentForm"
# An Office file or zip may expand to this much, and this many times its size.
OFFICE_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
OFFICE_MAX_COMPRESSION_RATIO = 100
OFFICE_MAX_MEMBERS = 2000
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: staff e-mail hashes stay here, and the admin's img-src stays 'self'.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSEARCH_HITS_MAX_AGE = SEARCH_QUERY_LOG_DAYS

# Chinese text needs segmenting before any full-text engine sees it; see search/backends.
# The one place the search backend is chosen: a search cluster (Elasticsearch 8 or OpenSearch
# 3/2, jieba-segmented alike, search/backends/cluster.py) when its URL is set, else the database.
# The timeout is per request, in seconds.
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": "ipsn_",
            "TIMEOUT": 2,
        }
    }
elif OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [OPENSEARCH_URL],
            "VERSION": OPENSEARCH_VERSION,
            "INDEX_PREFIX": "ipsn_",
            "TIMEOUT": 2,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# A search cluster never fails a page: searches fall back to the database backend when it is
# down or slow (1 s timeout, then skipped for 30 s), and index updates go to it through the
# background worker, retried until it is back. The database index is kept up to date on every
# save as well ("database" below), so the fallback is complete. See search/fallback.py.
if WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] != "search.backends.database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.fallback",
            "PRIMARY": WAGTAILSEARCH_BACKENDS["default"],
            "FALLBACK": "database",
            "SEARCH_TIMEOUT": 1,
            "COOLDOWN": 30,
        },
        "database": {"BACKEND": "search.backends.database"},
    }

# --- Background tasks (django-tasks) -------------------------------------------------------
# "default" runs in the request, as Wagtail's own small tasks always have here (reference index,
# the database search index). "background" is for work that talks to outside services and may
# have to wait and retry (the search cluster's index updates; mail later): it is stored in the
# database and run by `manage.py db_worker --backend background` (README: deployment).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# /healthz reports the worker degraded when a ready task has waited longer than this (seconds):
# no worker is running (site/health.py).
HEALTHZ_QUEUE_MAX_AGE = 600

# --- Frontend cache (wagtail.contrib.frontend_cache) ----------------------------------------
# With a caching proxy in front (several app servers), a publish or unpublish sends it a PURGE
# for the page's URL. Each language's page is its own page with its own URL, so only that URL
# is purged (no per-language copies).
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Content-Security-Policy (django-csp, home/core/csp.py) ----------------------------------
# The public site runs no inline script or style: everything comes from our static files, and a
# template that must inline something gives it `nonce="{{ request.csp_nonce }}"` (NONCE is
# replaced by that request's nonce only when a template used it). img-src gains the map's tile
# host per request (home/core/csp.py), as editors may change it in the site settings. data: is
# for Bootstrap's and Leaflet's CSS images (form controls, icons).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin (/admin/) renders inline scripts (inline panels, date pickers, the workflow
# modal) and style attributes, wagtail/wagtail#1288, so it needs 'unsafe-inline' for both; no
# 'unsafe-eval', no other origin. blob: is for the previews of images being uploaded; the page
# preview is framed by the admin itself, hence frame-src and frame-ancestors 'self'.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Consultation requests (services/) --------------------------------------------------
# Requests per client IP and window in seconds ("30/3600"), high enough for a campus behind one
# address, and per phone number or e-mail address ("5/3600"); the IP is REMOTE_ADDR unless that
# is one of TRUSTED_PROXIES, whose X-Forwarded-For is then believed (services/abuse.py).
CONSULTATION_RATE_LIMIT_COUNT, CONSULTATION_RATE_LIMIT_WINDOW = (
    int(part) for part in CONSULTATION_RATE_LIMIT.split("/", 1)
)
CONSULTATION_CONTACT_LIMIT_COUNT, CONSULTATION_CONTACT_LIMIT_WINDOW = (
    int(part) for part in CONSULTATION_CONTACT_RATE_LIMIT.split("/", 1)
)
# Seconds a person needs at least to fill in the form; faster posts are bots.
CONSULTATION_TOKEN_MAX_AGE = 2 * 24 * 3600
CONSULTATION_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
CONSULTATION_QUESTION_MAX_CHARS = 5000
# First reply due within this many working hours (09:00–17:00, Monday–Friday, Asia/Shanghai,
# minus the holidays of the working calendar): the 5×8 service promise.
CONSULTATION_RESPONSE_WORKING_HOURS = 40
CONSULTATION_WORKDAY_START = 9
CONSULTATION_WORKDAY_END = 17
# Version of the privacy notice the consent checkbox shows; bump it when the text changes.
CONSULTATION_CONSENT_VERSION = "2026-11-21"
OUTBOX_MAX_ATTEMPTS = 10
# A link to set a password (new staff accounts, services/staff_admin.py) stops working after
# 3 days, and once used; the outbox drops it from the stored e-mail once sent.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Directory and API paging.
DIRECTORY_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
