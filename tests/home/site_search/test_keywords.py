"""The site search reads a keyword as the directory does (home/site_search/matching.py)."""

import pytest

pytestmark = pytest.mark.django_db


def results_of(html: str) -> str:
    return html.split('role="status"')[1]


def note_of(html: str) -> str:
    return html.split('id="keyword-note"')[1].split("</div>")[0] if "keyword-note" in html else ""


def test_traditional_characters_and_pinyin_find_a_simplified_name(client, make_point):
    make_point(title="清华大学", city="110100")
    for typed in ("清華大學", "qinghua"):
        html = client.get("/search/", {"q": typed}).content.decode()
        assert "清华大学" in results_of(html), typed
    assert "清华" in note_of(client.get("/search/", {"q": "qinghua"}).content.decode())


def test_a_question_in_plain_words_finds_the_page(client, make_point):
    make_point(title="广州专利检索中心", city="440100")
    html = client.get("/search/", {"q": "我想在广州找专利检索服务"}).content.decode()
    assert "广州专利检索中心" in results_of(html)
    assert note_of(html) == ""


def test_without_a_page_holding_every_word_the_best_partial_matches_are_listed(client, make_point):
    make_point(title="东华大学", city="310100")
    html = client.get("/search/", {"q": "东华大学 量子"}).content.decode()
    assert "东华大学" in results_of(html)
    note = note_of(html)
    assert "量子" in note and "东华大学" not in note
