"""The demo's English pages are wagtail-localize translations, not copies, and the rest stay aliases."""

import pytest
from django.test import Client, TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.cases.demo import load_cases
from home.core.locales import ensure_locale_trees
from home.events.demo import load_events
from home.homepage.demo import load_standard_pages
from home.homepage.demo_en import SEED_NOTICE, SEED_NOTICE_HOSTS, load_english_demo
from home.notices.demo import load_notices
from home.notices.models import NoticePage
from tests.factories import create_point
from tests.home.shared import site_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def english_demo(module_db, django_db_blocker):
    """The demo's pages and their English versions, built once for the module (slow to make)."""
    site = site_pages(django_db_blocker)
    with django_db_blocker.unblock():
        points = [create_point(site["directory"], title=t) for t in SEED_NOTICE_HOSTS[:3]]
        load_notices(site["notices"])
        load_cases(site["cases"], points)
        load_events(site["events"], points)
        load_standard_pages(site["home"])
        ensure_locale_trees()
        # Translations are published once the transaction commits, as in the admin.
        with TestCase.captureOnCommitCallbacks(execute=True):
            count = load_english_demo(site["home"])
        english = Locale.objects.get(language_code="en")
    return {"count": count, "points": [p.pk for p in points], "english": english}


def _english(page: Page, english: Locale) -> Page:
    return page.get_translation(english).specific


def test_demo_pages_are_published_translations_with_nothing_left_to_translate(
    english_demo, home_page, sections
):
    english = english_demo["english"]
    assert english_demo["count"] == 12
    notice = NoticePage.objects.get(slug=SEED_NOTICE, locale=home_page.locale)
    translated = _english(notice, english)
    assert translated.alias_of_id is None and translated.live
    assert translated.title.startswith("Notice of the General Office of CNIPA")
    assert "Technology and Innovation Support Centers" in translated.summary
    assert translated.url == f"/en/notices/{SEED_NOTICE}/"

    # What the translation editor shows: a Translation record, every segment translated.
    record = Translation.objects.get(source__object_id=notice.translation_key)
    assert record.target_locale == english and record.enabled
    total, done = record.get_progress()
    assert total == done > 60
    assert StringTranslation.objects.filter(
        locale=english, translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    ).exists()

    for page in [home_page, sections["notices"], sections["cases"], sections["events"]]:
        version = _english(page, english)
        assert version.alias_of_id is None, page.slug
        assert not any("\u4e00" <= char <= "\u9fff" for char in version.title), version.title
    assert _english(home_page, english).url == "/en/"


def test_points_and_untranslated_pages_stay_aliases(english_demo, home_page, sections):
    english = english_demo["english"]
    for pk in english_demo["points"]:
        assert Page.objects.get(pk=pk).get_translation(english).alias_of_id == pk
    other = NoticePage.objects.child_of(sections["notices"]).exclude(slug=SEED_NOTICE).first()
    assert other.get_translation(english).alias_of_id == other.pk


def test_the_notice_lists_the_host_points_it_names(english_demo, home_page):
    notice = NoticePage.objects.get(slug=SEED_NOTICE, locale=home_page.locale)
    assert set(notice.related_points.values_list("title", flat=True)) == set(SEED_NOTICE_HOSTS[:3])
    response = Client().get(f"/en/notices/{SEED_NOTICE}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Notice is hereby given." in html
    # The point's own Chinese name, read with a Chinese voice on the English page.
    assert f'lang="zh-Hans">{SEED_NOTICE_HOSTS[0]}</a>' in html


def test_loading_again_changes_nothing(english_demo, home_page, django_capture_on_commit_callbacks):
    translations = Translation.objects.count()
    revisions = Page.objects.filter(locale=english_demo["english"]).values_list(
        "pk", "latest_revision_id"
    )
    before = set(revisions)
    with django_capture_on_commit_callbacks(execute=True):
        assert load_english_demo(home_page) == 0
    assert Translation.objects.count() == translations
    assert set(revisions.all()) == before


def test_sync_after_an_edit_keeps_the_translation_and_offers_the_new_string(
    english_demo, home_page, sections, django_capture_on_commit_callbacks
):
    """An editor changes the Chinese intro and syncs: the English page stays translated and the
    new sentence waits for a translator (what "Sync translated pages" does)."""
    english = english_demo["english"]
    index = sections["cases"].specific
    index.intro = "新的简介。"
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()
        record = Translation.objects.get(source__object_id=index.translation_key)
        record.source.update_from_db()
        record.save_target(publish=True)
    segment = StringSegment.objects.get(source=record.source, context__path="intro")
    assert segment.string.data == "新的简介。"
    version = _english(index, english)
    assert version.alias_of_id is None
    assert version.title == "Case studies"
