"""Snippets: a window of text around the match, matched words marked, everything else escaped."""

import pytest

from home.site_search.snippets import SNIPPET_CHARS, highlight, highlight_words
from tests.home.notices.factories import NoticePageFactory


def test_the_match_is_marked_and_the_rest_escaped():
    html = highlight("<p>甘棠<script>alert(1)</script>的服务 & 更多 <3 R&D</p>", ["甘棠"])
    assert html.startswith("<mark>甘棠</mark>")
    assert "&amp; 更多 &lt;3 R&amp;D" in html
    assert "<script>" not in html and "<p>" not in html


def test_chinese_without_spaces_is_cut_around_the_match():
    text = "前" * 300 + "专利信息检索服务" + "后" * 300
    html = str(highlight(text, highlight_words(["专利检索"])))
    assert "<mark>专利</mark>信息<mark>检索</mark>" in html
    plain = html.replace("<mark>", "").replace("</mark>", "")
    assert plain.startswith("…") and plain.endswith("…")
    assert len(plain) <= SNIPPET_CHARS + 2


def test_traditional_query_marks_simplified_text_and_the_reverse():
    assert "<mark>專利</mark>" in highlight("本中心提供專利服务", highlight_words(["專利"]))
    assert "<mark>专利</mark>" in highlight("本中心提供专利服务", highlight_words(["專利"]))


@pytest.mark.django_db
def test_a_result_snippet_is_escaped_on_the_page(client, sections):
    NoticePageFactory(
        parent=sections["notices"],
        title="甘棠通知",
        summary="关于<b>甘棠</b>网点的<script>通知</script> & <3",
    )
    html = client.get("/search/", {"q": "甘棠"}).content.decode()
    snippet = html.split('class="small mb-0 search-snippet">')[1].split("</p>")[0]
    assert "<mark>甘棠</mark>" in snippet and "&amp; &lt;3" in snippet
    assert "<script>" not in snippet and "<b>" not in snippet
