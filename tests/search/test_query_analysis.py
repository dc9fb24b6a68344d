"""The analysis chain every backend shares (search/analysis.py): what a typed query becomes."""

import pytest

from search.analysis import index_tokens, normalize, query_terms
from search.expressions import AllOf, AnyOf, Word, query_expression, render_fts5


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        # Questions in plain words keep only what a page would contain.
        ("我想在广州找专利检索服务", ["广州", "专利检索"]),
        ("广州哪里可以查专利", ["广州", "专利"]),
        ("请问有没有专利预警服务", ["专利预警"]),
        ("附近的专利代理", ["专利代理"]),
        # A word that only says "a service" goes when the query says more, stays when it does not.
        ("知识产权服务", ["知识产权服务"]),
        ("服务", ["服务"]),
        # Nothing but question words: they are all there is to search for.
        ("哪里", ["哪里"]),
    ],
)
def test_question_and_stop_words_are_dropped(query, terms):
    assert query_terms(query) == terms


@pytest.mark.parametrize(
    ("typed", "simplified"),
    [("清華大學", "清华大学"), ("廣州專利檢索", "广州专利检索"), ("知識產權", "知识产权")],
)
def test_traditional_characters_become_simplified(typed, simplified):
    assert normalize(typed) == simplified
    assert "".join(query_terms(typed)) == simplified


def test_a_page_written_in_traditional_characters_is_indexed_in_simplified():
    assert "清华大学" in index_tokens("國立清華大學")


def test_full_width_latin_and_digits_are_folded():
    assert query_terms("ＴＩＳＣ　１２") == ["tisc", "12"]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("专 利", ["专利"]),
        ("专 利 检 索", ["专利检索"]),
        # Spaces between words stay: they separate the words of the query.
        ("宁德 保护中心", ["宁德", "保护中心"]),
    ],
)
def test_a_space_inside_a_word_is_dropped(query, terms):
    assert query_terms(query) == terms


@pytest.mark.parametrize(
    "word", ["粤港澳大湾区", "长三角", "京津冀", "成渝", "专利导航", "知识产权"]
)
def test_dictionary_words_are_cut_whole(word):
    assert query_terms(word) == [word]


def _words(expression) -> set[str]:
    if isinstance(expression, Word):
        return {expression.text}
    return set().union(*(_words(part) for part in expression.parts))


def test_synonyms_are_kept_as_alternatives():
    """北航 matches itself or its full form, 北京航空航天大学, whole or by its words."""
    expression = query_expression(query_terms("北航"))
    assert isinstance(expression, AnyOf)
    assert Word("北航") in expression.parts
    assert {"北京航空航天大学", "北京", "航空航天", "大学"} <= _words(expression)


def test_expressions_render_as_escaped_fts5():
    assert render_fts5(AllOf((Word('a"b'), Word("专利", prefix=True)))) == '("a""b" AND "专利"*)'
    assert render_fts5(Word("专 利", phrase=True)) == '"专 利"'
