"""The Elasticsearch 8 backend, checked offline: its analysis settings, mapping and the documents
and queries it would send. It shares its segmentation and query rendering with the OpenSearch
backends (search/backends/cluster.py), which tests/search/test_opensearch.py runs against a live
server."""

import pytest

from directory.models import ServicePoint
from search.backends.elasticsearch import (
    WORDS_ANALYZER,
    ChineseElasticsearch8Mapping,
    SearchBackend,
)


@pytest.fixture
def backend():
    # No server: the client only connects on the first request.
    return SearchBackend({"URLS": ["http://localhost:1"], "TIMEOUT": 1})


def test_text_is_analysed_by_whitespace_not_by_character(backend):
    analysers = backend.settings["settings"]["analysis"]["analyzer"]
    for name in (WORDS_ANALYZER, "default", "edgengram_analyzer", "ngram_analyzer"):
        assert analysers[name]["tokenizer"] == "whitespace"
    assert "edgengram" in analysers["edgengram_analyzer"]["filter"]


def test_autocomplete_fields_are_searched_with_segmented_words():
    mapping = ChineseElasticsearch8Mapping(ServicePoint).get_mapping()["properties"]
    assert mapping["_edgengrams"]["search_analyzer"] == WORDS_ANALYZER
    assert mapping["title_edgengrams"]["analyzer"] == "edgengram_analyzer"


@pytest.mark.django_db
def test_documents_carry_segmented_text(make_point):
    point = make_point(
        title="广州专利导航服务中心",
        description="<p>开展知识产权质押融资。</p>",
        offerings=(("P03", "professional", "negotiable"),),
    )
    doc = ChineseElasticsearch8Mapping(ServicePoint).get_document(point)
    assert "专利" in doc["title"].split()
    assert "质押" in " ".join(doc["directory_servicepoint__description"]).split()
    offering = doc["directory_servicepoint__offerings"][0]
    assert {"专利", "导航", "专利导航"} <= set(offering["service_name"].split())
    assert "导航" in doc["_edgengrams"][0].split()


def matched_words(query) -> list[str]:
    """The text of every match clause in a query, in order."""
    if isinstance(query, dict):
        found = []
        for key, value in query.items():
            if key == "multi_match":
                found.append(value["query"])
            elif key in ("match", "match_phrase") and "_django_content_type" not in value:
                found.extend(clause["query"] for clause in value.values())
            else:
                found.extend(matched_words(value))
        return found
    if isinstance(query, list):
        return [word for item in query for word in matched_words(item)]
    return []


@pytest.mark.django_db
def test_queries_are_segmented(backend):
    # One match per segmented word (search.expressions.query_expression), every one required.
    query = backend.search("广州的专利导航", ServicePoint).query_compiler.get_query()
    assert set(matched_words(query["bool"]["must"])) == {"广州", "专利导航"}
    auto = backend.autocomplete("广州专", ServicePoint).query_compiler.get_query()
    assert {"广州", "专"} <= set(matched_words(auto))
