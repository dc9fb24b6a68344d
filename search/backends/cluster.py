"""The Chinese-aware parts shared by the search-cluster backends (Elasticsearch 8, OpenSearch 2/3).

A cluster's standard analyser cuts Chinese into single characters, which finds 利 in 专利 and
ranks noise. Instead, as for the database backends:

- every text value is segmented here (search.analysis.segment) before it is sent, and the index
  analyses text with a whitespace tokenizer, so no analysis plugin is needed on the server;
- a query becomes the backend-neutral expression tree of search.expressions.query_expression (a
  word, or its dictionary parts all present, or the words of a synonym's full form), rendered as
  a bool query: one `match` per word, `match_phrase` for words in a row, `must` for all of,
  `should` for any of. Every word must be present (operator "and"), in any indexed field;
- pages whose boosted fields (a page's title) hold the whole query get TITLE_MATCH_BONUS, as in
  the SQLite backend, so names rank above descriptions;
- `rank()` answers (pk, score) from the cluster alone, for search.ranking.keyword_rank.

Nothing here opens a connection: the clients connect on their first request.
"""

from copy import deepcopy

from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Fuzzy, Phrase, PlainText

from search.analysis import query_terms, segment
from search.expressions import AllOf, AnyOf, Word, query_expression

WORDS_ANALYZER = "jieba_words"
# Added to the score of documents whose boosted fields (a page's title) match the whole query:
# larger than the BM25 scores of short queries, so that such documents come first.
TITLE_MATCH_BONUS = 100.0
# The cluster's default index.max_result_window: one request returns at most this many hits.
MAX_RESULT_WINDOW = 10000
# Hits per request when rank() needs more than one window.
SCROLL_PAGE = 1000

_WHITESPACE = {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase", "asciifolding"]}

ANALYZERS = {
    # Text arrives as space-separated words: split on spaces, fold case.
    WORDS_ANALYZER: _WHITESPACE,
    # "default" covers every text field without its own analyser: the search fields,
    # _all_text and the _all_text_boost_* fields they are copied to.
    "default": _WHITESPACE,
    # And every query, when a query names no analyser of its own.
    "default_search": _WHITESPACE,
    # Autocomplete: prefixes of each word (专, 专利, 专利导, 专利导航).
    "edgengram_analyzer": {**_WHITESPACE, "filter": [*_WHITESPACE["filter"], "edgengram"]},
    "ngram_analyzer": {**_WHITESPACE, "filter": [*_WHITESPACE["filter"], "ngram"]},
}


def index_settings(base: dict) -> dict:
    """A backend's index settings with the whitespace analysers in place of the standard ones."""
    settings = deepcopy(base)
    settings["settings"]["analysis"]["analyzer"].update(deepcopy(ANALYZERS))
    return settings


def _segmented(value, *, characters: bool = False):
    if isinstance(value, str):
        return segment(value, characters=characters)
    if isinstance(value, list | tuple):
        return [_segmented(item, characters=characters) for item in value]
    return value


def _name_analyser(properties: dict) -> None:
    """Give every text field without an analyser the whitespace one, by name.

    The index's "default" analyser should cover them, but a server may index with its standard
    analyser all the same (osmem-server does: each Chinese character becomes a token).
    """
    for field in properties.values():
        if field.get("type") == "text" and "analyzer" not in field:
            field["analyzer"] = WORDS_ANALYZER
        if "properties" in field:
            _name_analyser(field["properties"])


class SegmentingMappingMixin:
    """Documents carry segmented text; autocomplete text also carries its characters, so that a
    prefix typed from inside a word (市图书 for 某市图书馆) finds it, as in the SQLite backend."""

    # Queries are segmented already: the standard analyser would cut them into characters.
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": WORDS_ANALYZER,
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        _name_analyser(mapping["properties"])
        return mapping

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, AutocompleteField):
            value = _segmented(value, characters=True)
            # Only here: RelatedFields pass up edgengrams their own fields segmented already.
            edgengrams = _segmented(edgengrams, characters=True)
        elif isinstance(field, SearchField):
            value = _segmented(value)
        return name, value, edgengrams


# --- Queries -------------------------------------------------------------------------------

MATCH_NONE = {"bool": {"must_not": {"match_all": {}}}}


def render(expr, fields: list[Field]) -> dict:
    """The expression as a bool query over `fields` (each with its boost)."""
    if isinstance(expr, Word):
        return _word_query(expr, fields)
    parts = [render(part, fields) for part in expr.parts]
    if isinstance(expr, AllOf):
        return {"bool": {"must": parts}}
    if isinstance(expr, AnyOf):
        return {"bool": {"should": parts, "minimum_should_match": 1}}
    raise TypeError(f"Not a query expression: {expr!r}")


def _word_query(word: Word, fields: list[Field]) -> dict:
    # The query names its analyser, as the mapping does (see _name_analyser).
    # A prefix needs nothing more: it is only ever asked of the autocomplete fields, whose
    # edge n-grams hold every word's prefixes.
    if len(fields) == 1:
        field = fields[0]
        clause = {"query": word.text, "analyzer": WORDS_ANALYZER}
        if field.boost != 1:
            clause["boost"] = field.boost
        return {("match_phrase" if word.phrase else "match"): {field.field_name: clause}}
    return {
        "multi_match": {
            "query": word.text,
            "fields": [field.field_name_with_boost for field in fields],
            "type": "phrase" if word.phrase else "best_fields",
            "analyzer": WORDS_ANALYZER,
        }
    }


def _with_boost(query: dict, boost: float) -> dict:
    return query if boost == 1 else {"bool": {"must": query, "boost": boost}}


class ExpressionQueryMixin:
    """Compiles modelsearch's text queries through search.expressions.query_expression."""

    # Every word of the query must be present (the database backends' semantics too).
    DEFAULT_OPERATOR = "and"
    LAST_TERM_IS_PREFIX = False

    def expression(self, query):
        return query_expression(
            query_terms(query.query_string),
            operator=query.operator,
            prefix_last=self.LAST_TERM_IS_PREFIX,
            characters=self.LAST_TERM_IS_PREFIX,
        )

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        expr = self.expression(query)
        if expr is None:
            return MATCH_NONE
        return _with_boost(render(expr, fields), boost * getattr(query, "boost", 1.0))

    def _compile_fuzzy_query(self, query, fields):
        # Edit distances mean nothing for Chinese words: a fuzzy query is a plain one.
        return self._compile_plaintext_query(query, fields)

    def _compile_phrase_query(self, query, fields):
        terms = query_terms(query.query_string)
        if not terms:
            return MATCH_NONE
        return render(Word(" ".join(terms), phrase=len(terms) > 1), fields)

    def title_fields(self) -> list[Field]:
        """The searched fields boosted above the rest (a page's title), for TITLE_MATCH_BONUS."""
        return [field for field in self.remapped_fields if field.boost > 1]

    def get_inner_query(self):
        inner = super().get_inner_query()
        if not isinstance(self.query, PlainText | Fuzzy | Phrase):
            return inner
        titles = self.title_fields()
        if not titles or inner == MATCH_NONE:
            return inner
        if isinstance(self.query, Phrase):
            title_query = self._compile_phrase_query(self.query, titles)
        else:
            title_query = render(self.expression(self.query), titles)
        bonus = {"constant_score": {"filter": title_query, "boost": TITLE_MATCH_BONUS}}
        return {"bool": {"must": inner, "should": [bonus]}}


class ExpressionAutocompleteMixin(ExpressionQueryMixin):
    """Autocomplete: the last word is a prefix and words may match as characters in a row."""

    LAST_TERM_IS_PREFIX = True

    def title_fields(self) -> list[Field]:
        return []  # autocomplete searches the title's n-grams alone


# --- Backend -------------------------------------------------------------------------------


class RankingBackendMixin:
    """rank(): the keys and scores of the matching objects, without loading them."""

    def rank(self, model, query: str, limit: int | None = None) -> list[tuple[object, float]]:
        """(pk, score) of the model's objects matching the keywords (all of them), best first."""
        results = self.search(query, model, operator="and")
        compiler = getattr(results, "query_compiler", None)
        if compiler is None:  # nothing to search for
            return []
        body = {"query": compiler.get_query()}
        params = {
            "index": self.get_index_for_model(model).name,
            "_source": False,
            results.fields_param_name: "pk",
        }
        to_python = model._meta.pk.to_python
        wanted = limit if limit else None
        if wanted is not None and wanted <= MAX_RESULT_WINDOW:
            hits = results._backend_do_search(body, size=wanted, **params)["hits"]["hits"]
            return [(to_python(hit["fields"]["pk"][0]), hit["_score"] or 0.0) for hit in hits]
        # More than one window: scroll, as modelsearch's results do.
        ranked: list[tuple[object, float]] = []
        page = results._backend_do_search(body, size=SCROLL_PAGE, scroll="1m", **params)
        try:
            while page["hits"]["hits"] and (wanted is None or len(ranked) < wanted):
                ranked.extend(
                    (to_python(hit["fields"]["pk"][0]), hit["_score"] or 0.0)
                    for hit in page["hits"]["hits"]
                )
                if "_scroll_id" not in page:
                    break
                page = self.es.scroll(scroll_id=page["_scroll_id"], scroll="1m")
        finally:
            if "_scroll_id" in page:
                self.es.clear_scroll(scroll_id=page["_scroll_id"])
        return ranked[:wanted] if wanted is not None else ranked
