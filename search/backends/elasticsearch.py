"""modelsearch's Elasticsearch 8 backend, with the same jieba segmentation as the SQLite one.

Elasticsearch's standard analyser cuts Chinese into single characters, which finds 利 in 专利
and ranks noise. Instead every text value is segmented here (search.analysis.segment) before it
is sent, and the index analyses text with a whitespace tokenizer; queries are segmented the same
way (search.analysis.query_terms). No analysis plugin is needed on the server.

Importing or instantiating this opens no connection: the client connects on first request.
"""

from copy import deepcopy

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Fuzzy, Phrase, PlainText

from search.analysis import query_terms, segment

WORDS_ANALYZER = "jieba_words"

ANALYSIS = {
    "analyzer": {
        # Text arrives as space-separated words: split on spaces, fold case.
        WORDS_ANALYZER: {
            "type": "custom",
            "tokenizer": "whitespace",
            "filter": ["lowercase", "asciifolding"],
        },
        # "default" covers every text field without its own analyser: the search fields,
        # _all_text and the _all_text_boost_* fields they are copied to.
        "default": {
            "type": "custom",
            "tokenizer": "whitespace",
            "filter": ["lowercase", "asciifolding"],
        },
        # Autocomplete: prefixes of each word (专, 专利, 专利导, 专利导航).
        "edgengram_analyzer": {
            "type": "custom",
            "tokenizer": "whitespace",
            "filter": ["lowercase", "asciifolding", "edgengram"],
        },
        "ngram_analyzer": {
            "type": "custom",
            "tokenizer": "whitespace",
            "filter": ["lowercase", "asciifolding", "ngram"],
        },
    },
}


def _segmented(value):
    if isinstance(value, str):
        return segment(value)
    if isinstance(value, list | tuple):
        return [_segmented(item) for item in value]
    return value


def _segmented_query(query):
    if isinstance(query, PlainText):
        return PlainText(" ".join(query_terms(query.query_string)), query.operator, query.boost)
    if isinstance(query, Fuzzy):
        return Fuzzy(" ".join(query_terms(query.query_string)), query.operator)
    if isinstance(query, Phrase):
        return Phrase(" ".join(query_terms(query.query_string)))
    return query


class ChineseElasticsearch8Mapping(Elasticsearch8Mapping):
    # Queries are segmented already: the standard analyser would cut them into characters.
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": WORDS_ANALYZER,
    }

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, SearchField | AutocompleteField):
            value = _segmented(value)
        if isinstance(field, AutocompleteField):
            # Only here: RelatedFields pass up edgengrams their own fields segmented already.
            edgengrams = _segmented(edgengrams)
        return name, value, edgengrams


class SegmentedQueryMixin:
    def _compile_plaintext_query(self, query, fields, boost=1.0):
        return super()._compile_plaintext_query(_segmented_query(query), fields, boost)

    def _compile_fuzzy_query(self, query, fields):
        return super()._compile_fuzzy_query(_segmented_query(query), fields)

    def _compile_phrase_query(self, query, fields):
        return super()._compile_phrase_query(_segmented_query(query), fields)


class ChineseElasticsearch8SearchQueryCompiler(
    SegmentedQueryMixin, Elasticsearch8SearchQueryCompiler
):
    mapping_class = ChineseElasticsearch8Mapping


class ChineseElasticsearch8AutocompleteQueryCompiler(
    SegmentedQueryMixin, Elasticsearch8AutocompleteQueryCompiler
):
    mapping_class = ChineseElasticsearch8Mapping


def _index_settings() -> dict:
    settings = deepcopy(Elasticsearch8SearchBackend.settings)
    settings["settings"]["analysis"]["analyzer"].update(deepcopy(ANALYSIS["analyzer"]))
    return settings


class ChineseElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    mapping_class = ChineseElasticsearch8Mapping
    query_compiler_class = ChineseElasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = ChineseElasticsearch8AutocompleteQueryCompiler
    settings = _index_settings()


SearchBackend = ChineseElasticsearch8SearchBackend
