"""modelsearch's Elasticsearch 8 backend, reading Chinese as the database backends do.

The segmentation, analysers and query rendering are shared with the OpenSearch backends
(search/backends/cluster.py): text is segmented with jieba before it is sent, the index splits it
on spaces, and queries are search.analysis's expression tree as a bool query.

Importing or instantiating this opens no connection: the client connects on first request.
"""

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)

from .cluster import (
    WORDS_ANALYZER,
    ExpressionAutocompleteMixin,
    ExpressionQueryMixin,
    RankingBackendMixin,
    SegmentingMappingMixin,
    index_settings,
)

__all__ = ["WORDS_ANALYZER", "ChineseElasticsearch8Mapping", "SearchBackend"]


class ChineseElasticsearch8Mapping(SegmentingMappingMixin, Elasticsearch8Mapping):
    pass


class ChineseElasticsearch8SearchQueryCompiler(
    ExpressionQueryMixin, Elasticsearch8SearchQueryCompiler
):
    mapping_class = ChineseElasticsearch8Mapping


class ChineseElasticsearch8AutocompleteQueryCompiler(
    ExpressionAutocompleteMixin, Elasticsearch8AutocompleteQueryCompiler
):
    mapping_class = ChineseElasticsearch8Mapping


class ChineseElasticsearch8SearchBackend(RankingBackendMixin, Elasticsearch8SearchBackend):
    mapping_class = ChineseElasticsearch8Mapping
    query_compiler_class = ChineseElasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = ChineseElasticsearch8AutocompleteQueryCompiler
    settings = index_settings(Elasticsearch8SearchBackend.settings)


SearchBackend = ChineseElasticsearch8SearchBackend
