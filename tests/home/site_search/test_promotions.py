"""Pinned results (search promotions) come first, marked, whichever way the query is written."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.site_search.normalise import canonical_query

pytestmark = pytest.mark.django_db


def test_the_canonical_form_folds_script_case_and_spaces():
    forms = {canonical_query(q) for q in ("專利 檢索", "专利检索", " 专利检索 ", "专利\u3000检索")}
    assert forms == {"专利检索"}
    assert canonical_query("Patent  SEARCH ") == "patent search"


def test_an_editors_query_string_is_saved_in_the_canonical_form():
    assert Query.get("專利 檢索").query_string == "专利检索"


def pin(query_string, page):
    query = Query.get(query_string)
    return SearchPromotion.objects.create(query=query, page=page, sort_order=0)


def test_a_pinned_page_comes_first_and_is_marked_for_every_form_of_the_query(
    client, make_point, standard_page
):
    make_point(title="广州专利检索中心")
    guide = standard_page("办事指南")  # does not even contain the words
    pin("專利 檢索", guide)
    for typed in ("专利检索", "专利检索 ", "專利檢索", "专利 检索"):
        html = client.get("/search/", {"q": typed}).content.decode()
        first = html.split('class="mb-3 search-result')[1]
        assert "search-result-pinned" in first and "办事指南" in first, typed
        assert "search-recommended" in first
        assert "广州专利检索中心" in html


def test_a_query_saved_before_in_another_form_still_pins(client, standard_page):
    # A visitor's form and an editor's form both exist (query strings are unique in the table).
    Query.objects.create(query_string="专利检索")
    legacy = Query.objects.create(query_string="placeholder")
    Query.objects.filter(pk=legacy.pk).update(query_string="專利 檢索")
    SearchPromotion.objects.create(query_id=legacy.pk, page=standard_page("旧的置顶"), sort_order=0)
    html = client.get("/search/", {"q": "专利检索"}).content.decode()
    assert "旧的置顶" in html and "search-result-pinned" in html


def test_a_pinned_draft_is_not_shown(client, standard_page):
    page = standard_page("草稿置顶")
    page.unpublish()
    pin("专利检索", page)
    assert "草稿置顶" not in client.get("/search/", {"q": "专利检索"}).content.decode()
