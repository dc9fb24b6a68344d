"""Keywords as people type them (directory/understanding.py, directory/keywords.py): place
words, pinyin, and the best partial matches when no point has every word."""

import pytest
from django.utils import translation

from directory.facts import get_facts
from directory.filters import parse_directory_query
from directory.listing import directory_locale, run_directory_query
from directory.places import place_of
from directory.understanding import understand

pytestmark = pytest.mark.django_db

SHANGHAI, NANJING, GUANGZHOU, DALIAN, CHENGDU = "310100", "320100", "440100", "210200", "510100"


def titles(q: str) -> list[str]:
    with translation.override("zh-hans"):
        result = run_directory_query(parse_directory_query({"q": q}), with_facets=False)
    return [point.title for point in result.points]


def keyword(q: str):
    with translation.override("zh-hans"):
        return run_directory_query(parse_directory_query({"q": q}), with_facets=False).keyword


def test_a_province_wins_over_a_city_of_the_same_name():
    jilin = place_of("吉林")
    assert jilin.label == "吉林省" and jilin.provinces and not jilin.cities
    assert place_of("吉林市").cities
    assert place_of("广州").label == "广州市"
    assert place_of("专利") is None


def test_regional_groupings_cover_their_provinces_and_cities():
    yangtze = place_of("长三角")
    assert len(yangtze.provinces) == 4  # 上海, 江苏, 浙江, 安徽
    bay = place_of("粤港澳大湾区")
    assert len(bay.cities) == 9 and len(bay.provinces) == 2  # 珠三角九市, 香港, 澳门
    assert place_of("大湾区") == bay.__class__("大湾区", bay.label, bay.provinces, bay.cities)


def test_a_place_word_finds_the_points_there_then_those_that_name_it(make_point):
    make_point(title="某化学研究所", city=DALIAN, description="<p>服务东北地区。</p>")
    make_point(title="大连某大学成都研究院", city=CHENGDU)
    make_point(title="某图书馆", city=GUANGZHOU)
    assert titles("大连") == ["某化学研究所", "大连某大学成都研究院"]


def test_place_words_narrow_other_words_to_the_place(make_point):
    make_point(title="广州专利导航中心", city=GUANGZHOU)
    make_point(title="上海专利导航中心", city=SHANGHAI)
    make_point(title="南京专利导航中心", city=NANJING)
    assert titles("我想在广州找专利导航服务") == ["广州专利导航中心"]
    assert sorted(titles("长三角 专利导航")) == ["上海专利导航中心", "南京专利导航中心"]
    assert sorted(titles("粤港澳大湾区")) == ["广州专利导航中心"]
    assert keyword("长三角 专利导航").place_labels == ["长三角"]


def test_pinyin_reads_as_place_and_point_names(make_point):
    make_point(title="清华大学", city="110100")
    make_point(title="某图书馆", city=GUANGZHOU)
    assert titles("qinghua") == ["清华大学"]
    assert titles("guangzhou") == ["某图书馆"]
    assert understand("QingHua", get_facts(directory_locale().pk).version).readings == {
        "qinghua": "清华"
    }
    # English words are not pinyin of anything listed: they stay as typed.
    assert understand("patent").terms == ("patent",)


def test_no_point_with_every_word_lists_the_best_partial_matches(make_point):
    make_point(title="东华大学", city=SHANGHAI)
    for name in ("甲", "乙", "丙"):
        make_point(title=f"{name}市技术转移中心", city=SHANGHAI)
    make_point(title="某信息中心", city=SHANGHAI)
    make_point(title="某图书馆", city=SHANGHAI)
    match = keyword("东华大学技术转移中心")
    assert match.partial
    # The one point with the rare word first, then those sharing the common ones.
    assert titles("东华大学技术转移中心")[0] == "东华大学"
    assert set(titles("东华大学技术转移中心")[1:4]) == {
        "甲市技术转移中心",
        "乙市技术转移中心",
        "丙市技术转移中心",
    }
    assert "东华大学" not in match.unmatched
    assert not keyword("东华大学").partial


def test_the_directory_page_says_which_words_were_not_matched(client, make_point):
    make_point(title="东华大学", city=SHANGHAI)
    html = client.get("/directory/", {"q": "东华大学 量子计算"}).content.decode()
    assert 'id="keyword-note"' in html
    note = html.split('id="keyword-note"')[1].split("</div>")[0]
    assert "量子" in note and "东华大学" not in note
    assert "东华大学" in html


def test_the_directory_page_says_how_pinyin_was_read(client, make_point):
    make_point(title="某图书馆", city=GUANGZHOU)
    html = client.get("/directory/", {"q": "guangzhou"}).content.decode()
    note = html.split('id="keyword-note"')[1].split("</div>")[0]
    assert "guangzhou" in note and "广州" in note
