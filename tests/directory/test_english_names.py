"""English names of the vocabularies, the catalogue and the regions, on the English site.

The vocabularies and the catalogue are translated as wagtail-localize translations (en rows
with the Chinese row's translation_key); regions have one `name_en`. The English pages are
aliases of the Chinese ones, so they hold the Chinese rows and show their English names. The
site and its points are built once for the module.
"""

import re

import pytest
from django.core.cache import caches
from django.utils import translation

from directory.models import (
    Audience,
    NodeLevel,
    PointCategory,
    Qualification,
    Region,
    ServiceItem,
    ServicePoint,
)
from directory.names import index_text, label, place_label
from directory.region_names import english_name, pinyin_name
from directory.vocabularies import load_reference_data
from tests.factories import create_point, reference, region

from .once import built_once, site_directory

pytestmark = pytest.mark.django_db

MODELS = (PointCategory, Qualification, NodeLevel, Audience, ServiceItem)


def build() -> int:
    from home.core.locales import ensure_locale_trees

    directory = site_directory()
    create_point(
        directory,
        title="广州测试图书馆",
        slug="gz-lib",
        city="440100",
        district="440104",
        offerings=(("B03", "basic", "free"), ("P03", "professional", "negotiable")),
        qualifications=("tisc",),
        audiences=("enterprise", "public"),
    )
    ensure_locale_trees()
    return directory.pk


@pytest.fixture(scope="module", autouse=True)
def directory_pk(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, build) as pk:
        yield pk


def page(client, url: str) -> str:
    caches["page_store"].clear()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- The data ----------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_every_row_has_an_english_translation(model):
    chinese = model.objects.filter(locale__language_code="zh-hans")
    english = model.objects.filter(locale__language_code="en")
    assert {r.translation_key for r in chinese} == {r.translation_key for r in english}
    assert {r.code for r in chinese} == {r.code for r in english}
    assert not [r.code for r in english if re.search("[\u4e00-\u9fff]", r.name)]


def test_the_translations_use_the_fields_terms():
    def en(model, code):
        return model.objects.get(locale__language_code="en", code=code)

    assert en(ServiceItem, "P03").name == "Patent navigation"
    assert "GB/T 29490" in en(ServiceItem, "P17").name
    assert en(ServiceItem, "B03").name == "Basic IP search"
    assert en(Qualification, "tisc").name == "Technology and Innovation Support Centre (TISC)"
    assert en(Qualification, "tisc").short_name == "TISC"
    assert en(Qualification, "university_center").name == (
        "National University IP Information Service Centre"
    )
    assert en(ServiceItem, "P03").description.startswith("Patent navigation")
    # A translation keeps its source's codes, order and tier, and its sub-kinds' parent.
    consulting = en(PointCategory, "market_consulting")
    assert consulting.parent == en(PointCategory, "market_firm")
    assert en(ServiceItem, "V09").tier == "value_added"
    assert set(en(ServiceItem, "P03").categories.values_list("code", flat=True)) == set(
        reference(ServiceItem, "P03").categories.values_list("code", flat=True)
    )


def test_every_region_has_one_english_name_on_its_own_row():
    assert Region.objects.count() == Region.objects.filter(locale__language_code="zh-hans").count()
    assert not Region.objects.filter(name_en="").exists()
    names = {adcode: region(adcode).name_en for adcode in ("440000", "150000", "810000", "440100")}
    assert names == {
        "440000": "Guangdong",
        "150000": "Inner Mongolia",
        "810000": "Hong Kong SAR",
        "440100": "Guangzhou",
    }
    assert region("610100").name_en == "Xi'an"
    assert region("440104").name_en == "Yuexiu District"
    assert region("222400").name_en == "Yanbian Korean Autonomous Prefecture"


@pytest.mark.parametrize(
    ("adcode", "name", "level", "expected"),
    [
        ("650000", "新疆维吾尔自治区", 1, "Xinjiang"),
        ("140400", "长治市", 2, "Changzhi"),  # 长 in a place name is cháng
        ("653200", "和田地区", 2, "Hotan Prefecture"),
        ("152200", "兴安盟", 2, "Xing'an League"),
        ("371325", "费县", 3, "Fei County"),
        ("130321", "青龙满族自治县", 3, "Qinglong Manchu Autonomous County"),
        ("150723", "鄂伦春自治旗", 3, "Oroqen Autonomous Banner"),
        ("320583", "昆山市", 3, "Kunshan"),
    ],
)
def test_the_region_naming_rule(adcode, name, level, expected):
    assert english_name(adcode, name, level) == expected


def test_pinyin_names_mark_syllables_that_start_with_a_vowel():
    assert pinyin_name("延安") == "Yan'an"
    assert pinyin_name("吕梁") == "Lüliang"


def test_loading_again_keeps_an_editors_translation():
    service = ServiceItem.objects.get(locale__language_code="en", code="P03")
    service.name = "Patent navigation (edited)"
    service.save()
    guangzhou = region("440100")
    guangzhou.name_en = "Canton"
    guangzhou.save()
    ServiceItem.objects.filter(locale__language_code="en", code="P04").delete()
    load_reference_data()
    assert ServiceItem.objects.get(locale__language_code="en", code="P03").name == (
        "Patent navigation (edited)"
    )
    assert ServiceItem.objects.get(locale__language_code="en", code="P04").name == (
        "Patent early warning"
    )
    assert region("440100").name_en == "Canton"


# --- One lookup for the visitor's language -------------------------------------------------


def test_a_row_is_named_in_the_active_language():
    library = reference(PointCategory, "library")
    with translation.override("en"):
        assert library.label == "Public library"
        assert label(reference(Qualification, "tisc"), "short_name") == "TISC"
        assert place_label(region("440000"), region("440100")) == "Guangzhou, Guangdong"
        assert place_label(region("110000"), region("110100")) == "Beijing"
    with translation.override("zh-hans"):
        assert library.label == "公共图书馆类服务网点"
        assert place_label(region("440000"), region("440100")) == "广东省广州市"
        assert place_label(region("110000"), region("110100")) == "北京市"


def test_names_cost_no_query_once_read(django_assert_num_queries):
    services = list(ServiceItem.objects.filter(locale__language_code="zh-hans"))
    with translation.override("en"):
        [s.label for s in services]
        with django_assert_num_queries(0):
            assert [s.label for s in services][:1] == ["IP training"]


# --- The English pages ---------------------------------------------------------------------


def test_the_english_directory_shows_english_filters_and_cards(client):
    html = page(client, "/en/directory/")
    for text in ("Public library", "Guangdong", "Basic IP search", "Enterprises and public"):
        assert text in html
    assert "Public library · Guangzhou, Guangdong" in html  # the card
    assert ">TISC<" in html  # the qualification badge
    assert "公共图书馆类服务网点" not in html and "广东省" not in html
    assert "广州测试图书馆" in html  # a point's own name stays as it is


def test_the_english_province_filter_lists_cities_in_english(client):
    html = page(client, "/en/directory/?province=guangdong")
    assert "Guangzhou" in html and "广州市" not in html


def test_the_english_profile_shows_english_names(client):
    html = page(client, "/en/directory/gz-lib/")
    for text in (
        "Technology and Innovation Support Centre (TISC)",
        "Patent navigation",
        "Basic IP search",
        "Yuexiu District, Guangzhou, Guangdong",
        "Enterprises and public institutions, The public",
    ):
        assert text in html, text
    assert "<strong>专利导航</strong>" not in html and "<strong>Patent navigation</strong>" in html


def test_the_english_landing_page_is_titled_in_english(client):
    html = page(client, "/en/directory/guangdong/")
    assert re.search(r"<h1[^>]*>[^<]*Guangdong", html)
    assert "<title>IP information public service points in Guangdong" in html


def test_the_chinese_pages_are_unchanged(client):
    html = page(client, "/directory/")
    assert "公共图书馆类服务网点 · 广东省广州市" in html
    assert "知识产权基础检索" in html and "Basic IP search" not in html
    profile = page(client, "/directory/gz-lib/")
    assert "技术与创新支持中心（TISC）" in profile and "广东省广州市越秀区" in profile


def test_the_english_question_form_offers_english_cities_and_services(client):
    html = page(client, "/en/consult/ask/")
    assert re.search(r'<optgroup label="Guangdong">', html)
    assert ">Guangzhou</option>" in html
    assert ">Patent navigation</option>" in html
    chinese = page(client, "/consult/ask/")
    assert ">广州市</option>" in chinese and ">Guangzhou</option>" not in chinese


def test_a_renamed_translation_shows_on_the_next_request(
    client, django_capture_on_commit_callbacks
):
    assert "Public library" in page(client, "/en/directory/")
    client.get("/en/directory/")  # now in the page cache
    english = PointCategory.objects.get(locale__language_code="en", code="library")
    english.name = "Public libraries"
    with django_capture_on_commit_callbacks(execute=True):
        english.save()
    html = client.get("/en/directory/").content.decode()
    assert "Public libraries · Guangzhou" in html
    assert ServicePoint.objects.filter(locale__language_code="en").exists()


def test_an_english_page_has_its_names_in_english_for_the_index():
    chinese = ServicePoint.objects.get(slug="gz-lib", locale__language_code="zh-hans")
    english = ServicePoint.objects.get(slug="gz-lib", locale__language_code="en")
    assert index_text(chinese) == ""
    text = index_text(english)
    for name in ("Public library", "TISC", "Patent navigation", "Guangzhou", "Yuexiu District"):
        assert name in text
