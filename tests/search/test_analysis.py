"""Segmentation and query escaping, without a database."""

import sqlite3

import pytest

from search.analysis import index_tokens, query_terms, segment, split_word
from search.expressions import fts_query

HOSTILE_QUERIES = [
    "x" * 10_000,
    "专利" * 5_000,
    "title:foo~2 AND (x)",
    'title:"patent" OR body:商标^3',
    '"',
    '""',
    '"unterminated',
    "*",
    "专利*",
    "^专利",
    "NEAR(专利 商标, 2)",
    "AND OR NOT",
    "NOT 专利",
    "{title body} : 专利",
    "- + ! ( ) { } [ ] ^ ~ * ? : \\ /",
    "'; DROP TABLE wagtailcore_page; --",
    "%s %(name)s {0}",
    "😀🎉",
    "专利😀导航",
    "𠮷野家",
    "\x00\x1f专利\u200b",
    "ＴＩＳＣ（技术与创新支持中心）",
]


def fts5_rows(match: str, title: str = "专利导航服务", body: str = "商标") -> list[int]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body)")
    db.execute(
        "INSERT INTO t(rowid, title, body) VALUES (1, ?, ?)", (segment(title), segment(body))
    )
    return [row[0] for row in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,))]


def matches(query: str, text: str) -> bool:
    return fts5_rows(fts_query(query_terms(query)), title=text) == [1]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("专利导航服务", "专利"),
        ("专利导航服务", "导航"),
        ("专利导航服务", "专利导航"),
        ("提供商标注册代理", "商标"),
        ("广州市天河区", "广州"),
        ("开展知识产权质押融资服务", "质押"),
        ("知识产权基础检索", "知识产权"),
        ("知识产权基础检索", "检索"),
        ("中国科学院文献情报中心", "文献情报"),
        ("中国（宁德）知识产权保护中心", "保护中心"),
    ],
)
def test_index_holds_the_words_inside_compounds(text, word):
    assert word in index_tokens(text)


def test_segment_is_space_separated_lower_case_without_punctuation():
    text = segment("ＴＩＳＣ：技术与创新支持中心（广州）！")
    assert "tisc" in text.split()
    assert "广州" in text.split()
    assert not any(ch in text for ch in "：（）！:()!")


def test_query_terms_use_the_precise_cut():
    assert query_terms("专利导航") == ["专利导航"]
    assert query_terms("商标") == ["商标"]
    assert query_terms("广州") == ["广州"]
    assert query_terms("宁德 保护中心") == ["宁德", "保护中心"]
    assert query_terms("广州的专利") == ["广州", "专利"]


def test_a_compound_query_also_matches_its_parts():
    assert split_word("专利检索") == ["专利", "检索"]
    assert matches("专利检索", "提供专利信息的检索")
    assert split_word("光谷") == []  # single characters are no useful split


def test_service_names_match_whole():
    assert split_word("侵权对比分析") == []
    assert matches("侵权对比分析", "侵权对比分析服务")
    assert not matches("侵权对比分析", "侵权风险分析与对比")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("北航", "北京航空航天大学"),
        ("上海交大", "上海交通大学"),
        ("华东师大", "华东师范大学"),
        ("中科院 文献情报", "中国科学院文献情报中心"),
        ("大连化物所", "中国科学院大连化学物理研究所"),
    ],
)
def test_abbreviations_find_full_names(query, name):
    assert matches(query, name)


def test_fts_query_matches_compound_or_parts():
    assert fts5_rows(fts_query(query_terms("专利"))) == [1]
    assert fts5_rows(fts_query(query_terms("专利服务"))) == [1]
    assert fts5_rows(fts_query(query_terms("专利 商标"))) == [1]
    assert fts5_rows(fts_query(query_terms("著作权"))) == []


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_become_valid_fts5(query):
    terms = query_terms(query)
    for prefix_last in (False, True):
        expression = fts_query(terms, prefix_last=prefix_last)
        if expression:
            fts5_rows(expression)
            fts5_rows("{title body} : (" + expression + ")")


def test_fts5_keywords_in_input_are_plain_words():
    assert fts5_rows(fts_query(query_terms("专利 OR 不存在"))) == []
    assert fts5_rows(fts_query(query_terms("NOT 专利"))) == []
