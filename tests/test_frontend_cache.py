"""Frontend cache purge (wagtail.contrib.frontend_cache), configured by FRONTEND_CACHE_PURGE_URL."""

import runpy
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.contrib.frontend_cache.utils import get_backends

BASE_SETTINGS = Path(settings.BASE_DIR) / "site" / "settings" / "base.py"
PURGE = "wagtail.contrib.frontend_cache.backends.http.HTTPBackend.purge"


def base_settings(monkeypatch, **env) -> dict:
    """The names site/settings/base.py defines under this environment."""
    monkeypatch.delenv("FRONTEND_CACHE_PURGE_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE_SETTINGS))


def test_installed_and_unconfigured_without_the_variable(monkeypatch):
    assert "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS
    names = base_settings(monkeypatch)
    assert "WAGTAILFRONTENDCACHE" not in names
    assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
    assert get_backends() == {}


@pytest.mark.django_db
def test_without_it_a_publish_purges_nothing(make_point):
    point = make_point(slug="gz-lib")
    with mock.patch(PURGE) as purge:
        point.save_revision().publish()
    purge.assert_not_called()


@pytest.mark.django_db
def test_with_it_a_publish_sends_a_purge(monkeypatch, make_point):
    names = base_settings(monkeypatch, FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081")
    assert names["WAGTAILFRONTENDCACHE"]["default"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:6081",
    }
    point = make_point(slug="gz-lib")
    with (
        override_settings(
            WAGTAILFRONTENDCACHE=names["WAGTAILFRONTENDCACHE"],
            WAGTAILFRONTENDCACHE_LANGUAGES=names["WAGTAILFRONTENDCACHE_LANGUAGES"],
        ),
        mock.patch(PURGE) as purge,
    ):
        point.save_revision().publish()
        point.unpublish()
    # The page's own URL, once per change: no copies under other language prefixes.
    assert [call.args for call in purge.call_args_list] == [(point.get_full_url(),)] * 2
