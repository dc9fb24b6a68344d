"""The anonymous page cache (home/core/page_cache.py): served when it may be, never when not.

Each visitor-facing test runs twice, with the page cache in local memory and in a real Redis
(`page_cache_on`, tests/core/conftest.py).
"""

import datetime
import re

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.models import PointCategory
from home.core.models import SiteSettings
from home.core.page_cache import GenerationalCache, cache_until
from tests.home.notices.factories import NoticePageFactory

pytestmark = pytest.mark.django_db

CACHE = "X-Wagtail-Cache"


def status(response) -> str:
    return response.get(CACHE, "")


def fetch_twice(client, url):
    first = client.get(url)
    second = client.get(url)
    return first, second


# --- Served from the cache ----------------------------------------------------------------


def test_anonymous_pages_are_served_from_the_cache(client, page_cache_on, make_point, sections):
    point = make_point(title="缓存测试网点")
    NoticePageFactory(parent=sections["notices"], title="缓存测试通知")
    for url in ("/", "/directory/", point.url, "/notices/", "/en/"):
        first, second = fetch_twice(client, url)
        assert first.status_code == 200, url
        assert (status(first), status(second)) == ("miss", "hit"), url
        assert second.content == first.content, url
        # Browsers keep a shared page briefly: they are not told when an editor publishes.
        assert second["Cache-Control"] == "public, max-age=60", url
        assert "Expires" not in second, url


def test_a_hit_costs_no_query(client, page_cache_on, make_point):
    # Nothing between the cache and the visitor may reach the database (site settings for the
    # CSP's tile host, sessions, the admin guard): a hit is as cheap as the cache itself.
    point = make_point(title="零查询网点")
    for url in ("/", point.url, "/directory/"):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            hit = client.get(url)
        assert status(hit) == "hit", url
        assert "Content-Security-Policy" in hit, url
        assert [q["sql"] for q in queries.captured_queries] == [], url


def test_a_view_that_chose_its_public_lifetime_keeps_it(client, page_cache_on, home_page):
    first, second = fetch_twice(client, "/sitemap.xml")
    assert status(second) == "hit"
    assert second["Cache-Control"] == "public, max-age=3600"


def test_the_profile_holds_no_token_and_its_form_comes_fresh_for_each_visitor(
    client, page_cache_on, make_point
):
    point = make_point(title="表单网点")
    first, second = fetch_twice(client, point.url)
    assert status(second) == "hit"
    html = second.content.decode()
    assert "csrfmiddlewaretoken" not in html and "form_token" not in html
    form_url = re.search(r'data-ask-form="([^"]+)"', html).group(1)
    assert f'href="/consult/ask/point/{point.pk}/"' in html  # without JavaScript

    forms = [client.get(form_url), client.get(form_url)]
    tokens = set()
    for form in forms:
        body = form.content.decode()
        assert form.status_code == 200
        assert 'id="consultation-form"' in body and "csrfmiddlewaretoken" in body
        assert "no-cache" in form["Cache-Control"] and status(form) != "hit"
        tokens.add(re.search(r'name="form_token" value="([^"]+)"', body).group(1))
    assert len(tokens) == 2, "each visitor gets a form token of their own"


def test_the_form_of_an_inactive_point_is_gone(client, make_point):
    point = make_point(title="已撤销网点", status="revoked")
    assert client.get(f"/consult/ask/point/{point.pk}/form/").status_code == 410


# --- Never served from the cache ------------------------------------------------------------


def test_a_logged_in_user_is_never_served_nor_stored(
    client, page_cache_on, home_page, django_user_model
):
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(user)
    first, second = fetch_twice(client, "/")
    assert (status(first), status(second)) == ("skip", "skip")
    assert "private" in second["Cache-Control"]
    client.logout()
    assert status(client.get("/")) == "miss", "the logged-in page was not stored for others"


@pytest.mark.parametrize("url", ["/consult/ask/", "/consult/track/"])
def test_forms_with_a_csrf_token_and_personal_pages_are_never_stored(
    client, page_cache_on, home_page, url
):
    first, second = fetch_twice(client, url)
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert status(second) != "hit"
    assert "private" in second["Cache-Control"] or "no-cache" in second["Cache-Control"]


def test_a_visitor_with_a_session_or_a_message_gets_a_fresh_page(client, page_cache_on, home_page):
    client.get("/")  # stored for everyone
    session = client.session
    session["consultation_tracked"] = 1
    session.save()
    assert status(client.get("/")) == "skip"
    client.cookies.pop("sessionid")
    client.cookies["messages"] = "a pending message"
    assert status(client.get("/")) == "skip"


def test_a_response_that_sets_a_cookie_is_not_stored(client, page_cache_on, home_page):
    # The ask page sets the CSRF cookie on a first visit: that response is not shared.
    client.get("/consult/ask/")
    client.cookies.clear()
    assert status(client.get("/consult/ask/")) != "hit"


# --- Invalidated on change --------------------------------------------------------------------


def test_publish_unpublish_and_delete_reach_the_cached_pages(client, page_cache_on, sections):
    notices = sections["notices"]
    client.get("/notices/")
    assert status(client.get("/notices/")) == "hit"

    notice = NoticePageFactory(parent=notices, title="新发布的通知")
    listing = client.get("/notices/")
    assert status(listing) == "miss" and "新发布的通知" in listing.content.decode()
    assert client.get(notice.url).status_code == 200

    notice.unpublish()
    assert "新发布的通知" not in client.get("/notices/").content.decode()
    assert client.get(notice.url).status_code == 404

    notice.save_revision().publish()
    client.get(notice.url)
    notice.delete()
    assert client.get(notice.url).status_code == 404


def test_a_draft_keeps_the_live_page_cached(client, page_cache_on, sections):
    notice = NoticePageFactory(parent=sections["notices"], title="已发布标题")
    client.get(notice.url)
    notice.title = "草稿标题"
    notice.save_revision()
    again = client.get(notice.url)
    assert status(again) == "hit" and "已发布标题" in again.content.decode()


def test_moving_a_page_reaches_both_listings(client, page_cache_on, sections, make_point):
    point = make_point(title="搬家网点")
    client.get("/directory/")
    old_url = point.url
    client.get(old_url)
    point.move(sections["notices"], pos="last-child")
    # Not the cached profile: Wagtail's automatic redirect to where it went.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"].startswith("/notices/")
    listing = client.get("/directory/")
    assert status(listing) == "miss", listing.get(CACHE)


def test_a_private_page_leaves_the_cache_at_once(client, page_cache_on, sections):
    notice = NoticePageFactory(parent=sections["notices"], title="将设为私有")
    client.get(notice.url)
    PageViewRestriction.objects.create(page=notice, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(notice.url)
    assert response.status_code == 302 and "将设为私有" not in response.content.decode()


def test_a_renamed_vocabulary_shows_on_the_next_request(
    client, page_cache_on, make_point, django_capture_on_commit_callbacks
):
    make_point(title="图书馆网点", category="library")
    assert "公共图书馆类服务网点" in client.get("/directory/").content.decode()
    category = PointCategory.objects.get(code="library", locale__language_code="zh-hans")
    category.name = "图书馆（新名称）"
    # directory/changes.py speaks once the rename is committed.
    with django_capture_on_commit_callbacks(execute=True):
        category.save()
    html = client.get("/directory/").content.decode()
    assert "图书馆（新名称）" in html


def test_new_site_settings_show_on_the_next_request(client, page_cache_on, home_page):
    client.get("/")
    settings_row = SiteSettings.for_site(home_page.get_site())
    settings_row.contact_phone = "010-12345678"
    settings_row.save()
    assert "010-12345678" in client.get("/").content.decode()


# --- The parts -----------------------------------------------------------------------------------


def test_generations_are_shared_through_the_store(page_cache_on, settings):
    # Two workers' caches over one store: a clear in one is seen by the other.
    one = GenerationalCache("page_store", {"TIMEOUT": 600})
    two = GenerationalCache("page_store", {"TIMEOUT": 600})
    one.set("page", "old")
    assert two.get("page") == "old"
    two.clear()
    assert one.get("page") is None
    one.set("page", "new")
    assert two.get("page") == "new"


def test_workers_with_their_own_entries_share_the_generation(settings, tmp_path):
    # Without Redis each worker keeps its pages in memory and reads the generation from a file.
    settings.CACHES = {
        **settings.CACHES,
        "worker1": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "w1"},
        "worker2": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "w2"},
        "generation": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
    }
    options = {"TIMEOUT": 600, "OPTIONS": {"GENERATIONS": "generation"}}
    one, two = GenerationalCache("worker1", options), GenerationalCache("worker2", options)
    one.set("page", "old in one")
    two.set("page", "old in two")
    one.clear()  # a publish handled by worker 1
    assert two.get("page") is None and one.get("page") is None


def test_a_clock_driven_change_bounds_the_lifetime(settings):
    soon = timezone.now() + datetime.timedelta(seconds=90)
    response = cache_until(HttpResponse(), soon)
    assert 80 <= int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1)) <= 90
    later = cache_until(HttpResponse(), timezone.now() + datetime.timedelta(days=3))
    assert "max-age=600" in later["Cache-Control"]
    past = cache_until(HttpResponse(), timezone.now() - datetime.timedelta(seconds=1))
    assert "no-cache" in past["Cache-Control"]


def test_a_superuser_can_empty_the_cache_in_the_admin(client, home_page, django_user_model):
    # wagtail-cache's own admin screen, checked on Wagtail 8 (pyproject: override-dependencies).
    client.get("/")
    admin = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(admin)
    page = client.get("/admin/cache/")
    assert page.status_code == 200
    assert client.get("/admin/cache/clearcache").status_code == 302
    client.logout()
    assert status(client.get("/")) == "miss"


def test_point_staff_cannot_empty_the_page_cache(client, make_point, make_staff):
    point = make_point(title="缓存网点")
    client.get("/")
    client.force_login(make_staff(point))
    assert client.get("/admin/cache/").status_code == 404
    assert client.get("/admin/cache/clearcache").status_code == 404
    client.logout()
    assert status(client.get("/")) == "hit"
