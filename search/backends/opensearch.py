"""modelsearch's OpenSearch 3 and 2 backends, reading Chinese as the database backends do.

The same segmentation, analysers and query rendering as the Elasticsearch 8 backend
(search/backends/cluster.py). `SearchBackend` is the OpenSearch 3 one; with the setting
"VERSION": 2 (OPENSEARCH_VERSION=2) it is the OpenSearch 2 one. Both use the opensearch-py
client, which OpenSearch accepts where it refuses the Elasticsearch 8 client's compatibility
header.

Importing or instantiating this opens no connection: the client connects on first request.
"""

from modelsearch.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
)
from modelsearch.backends.opensearch3 import (
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3Index,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)

from .cluster import (
    ExpressionAutocompleteMixin,
    ExpressionQueryMixin,
    RankingBackendMixin,
    SegmentingMappingMixin,
    index_settings,
)

# --- OpenSearch 3 --------------------------------------------------------------------------


class ChineseOpenSearch3Mapping(SegmentingMappingMixin, OpenSearch3Mapping):
    pass


class ChineseOpenSearch3SearchQueryCompiler(ExpressionQueryMixin, OpenSearch3SearchQueryCompiler):
    mapping_class = ChineseOpenSearch3Mapping


class ChineseOpenSearch3AutocompleteQueryCompiler(
    ExpressionAutocompleteMixin, OpenSearch3AutocompleteQueryCompiler
):
    mapping_class = ChineseOpenSearch3Mapping


class ChineseOpenSearch3SearchBackend(RankingBackendMixin, OpenSearch3SearchBackend):
    mapping_class = ChineseOpenSearch3Mapping
    query_compiler_class = ChineseOpenSearch3SearchQueryCompiler
    autocomplete_query_compiler_class = ChineseOpenSearch3AutocompleteQueryCompiler
    settings = index_settings(OpenSearch3SearchBackend.settings)


# --- OpenSearch 2 --------------------------------------------------------------------------


class ChineseOpenSearch2Mapping(SegmentingMappingMixin, OpenSearch2Mapping):
    pass


class ChineseOpenSearch2SearchQueryCompiler(ExpressionQueryMixin, OpenSearch2SearchQueryCompiler):
    mapping_class = ChineseOpenSearch2Mapping


class ChineseOpenSearch2AutocompleteQueryCompiler(
    ExpressionAutocompleteMixin, OpenSearch2AutocompleteQueryCompiler
):
    mapping_class = ChineseOpenSearch2Mapping


class ChineseOpenSearch2Index(OpenSearch3Index):
    """modelsearch's OpenSearch 2 index passes the index name positionally, which opensearch-py 3
    (the locked client, which speaks to OpenSearch 2 servers too) refuses; these are the same
    requests with keyword arguments, as modelsearch's OpenSearch 3 index sends them."""


class ChineseOpenSearch2SearchBackend(RankingBackendMixin, OpenSearch2SearchBackend):
    mapping_class = ChineseOpenSearch2Mapping
    index_class = ChineseOpenSearch2Index
    query_compiler_class = ChineseOpenSearch2SearchQueryCompiler
    autocomplete_query_compiler_class = ChineseOpenSearch2AutocompleteQueryCompiler
    settings = index_settings(OpenSearch2SearchBackend.settings)


BACKENDS = {2: ChineseOpenSearch2SearchBackend, 3: ChineseOpenSearch3SearchBackend}


# modelsearch and Wagtail look up a callable named SearchBackend in the configured module.
def SearchBackend(params):
    params = dict(params)
    version = int(params.pop("VERSION", 3) or 3)
    if version not in BACKENDS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"OpenSearch VERSION must be 2 or 3, not {version}.")
    return BACKENDS[version](params)
