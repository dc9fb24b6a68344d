"""English words in queries: stop words dropped, field words matched through their Chinese
equivalents (search/dictionary/english.txt), and the English evaluation set."""

import pytest

from directory.precision import ENGLISH_QUERIES, load_queries
from search.analysis import query_terms, synonyms_of
from search.expressions import term_expression


def test_english_function_words_are_not_searched_for():
    assert query_terms("patent search in Guangzhou") == ["patent", "search", "guangzhou"]
    # "a" stays: it is also a pinyin syllable (阿).
    assert query_terms("Where can I find a library") == ["a", "library"]


def test_pinyin_syllables_that_are_english_words_stay():
    # xi an is how 西安 is typed; "an" must not be dropped as an article.
    assert query_terms("xi an") == ["xi", "an"]


def test_english_field_words_stand_for_their_chinese_words():
    assert "专利" in synonyms_of("patent")
    assert "商标" in synonyms_of("trademark")
    assert set(synonyms_of("university")) == {"大学", "高校"}
    # The word itself is still an alternative: English text is found as well.
    words = {part.text for part in term_expression("patent").parts}
    assert words == {"patent", "专利"}


@pytest.mark.django_db
def test_the_english_evaluation_set_runs_on_the_english_site():
    cases = load_queries(ENGLISH_QUERIES)
    assert len(cases) >= 8
    assert {case.kind for case in cases} == {"english"}
    assert {case.language for case in cases} == {"en"}
    assert {case.judged_by for case in cases} >= {"region", "service"}
