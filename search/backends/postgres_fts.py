"""modelsearch's PostgreSQL backend, made to read Chinese and to rank in one pass.

It extends modelsearch 1.3.2 internals (search/backends/database.py checks the version) the way
search.backends.sqlite_fts extends the SQLite one, so both databases match and rank alike:

- the indexer stores title, body and autocomplete segmented by search.analysis (the
  autocomplete with every Chinese character too) as tsvectors of the `simple` configuration (no
  stemming, no stop words), because PostgreSQL's parser takes a whole run of Chinese characters
  as one token;
- queries are segmented the same way and built from search.analysis's query expression tree,
  rendered as a tsquery whose every word is a quoted lexeme (render_tsquery), so nothing a
  visitor types is read as tsquery syntax;
- names rank above descriptions (the title is weight A, the rest weight D, ten times less), and
  pages whose title holds the whole query come first (TITLE_MATCH_BONUS);
- rank() answers the directory's keyword ranking from one SQL query.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, router
from django.db.models import BooleanField, Case, F, FloatField, Func, TextField, Value, When
from django.db.models.sql.subqueries import InsertQuery
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import (
    EMPTY_VECTOR,
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.index import AutocompleteField
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import query_terms, segment
from search.expressions import AllOf, AnyOf, Expr, Word, query_expression

# The text search configuration of every vector and query: lower-casing only. The text is
# segmented before PostgreSQL sees it, and a stemmer or stop words for another language would
# only change words under us.
CONFIG = "simple"
TITLE_WEIGHT = "A"
BODY_WEIGHT = "D"
AUTOCOMPLETE_WEIGHT = "D"
# ts_rank's weights for D, C, B, A: a word in the title counts ten times a word in the body
# (as TITLE_WEIGHT / BODY_WEIGHT in sqlite_fts).
RANK_WEIGHTS = [0.1, 0.1, 0.1, 1.0]
# ts_rank normalisation 1: divided by 1 + log(length), so a long description mentioning a word
# once does not outrank a short one (BM25's length normalisation, roughly).
RANK_NORMALIZATION = 1
# Added to the score of pages whose title holds every word of the query; ts_rank scores are
# below 1, so such pages come first (see sqlite_fts.ranked_entries_sql).
TITLE_MATCH_BONUS = 100.0


# --- Query rendering -----------------------------------------------------------------------


def tsquery_lexeme(text: str, *, prefix: bool = False) -> str:
    """`text` as a quoted tsquery lexeme: inside single quotes no character is an operator.

    NUL, which no PostgreSQL string may hold, is dropped.
    """
    text = text.replace("\x00", "")
    quoted = "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if prefix else "")


def render_tsquery(expr: Expr) -> str:
    """The expression as to_tsquery() input; every word is a quoted lexeme.

    A phrase is its words joined by <-> (followed by), the last one a prefix when the phrase
    is; to_tsquery still runs each quoted lexeme through the `simple` parser, as to_tsvector
    ran the indexed text, so both sides lower-case and split alike.
    """
    if isinstance(expr, Word):
        if not expr.phrase:
            return tsquery_lexeme(expr.text, prefix=expr.prefix)
        words = expr.text.split() or [expr.text]
        last = len(words) - 1
        lexemes = [
            tsquery_lexeme(word, prefix=expr.prefix and i == last) for i, word in enumerate(words)
        ]
        return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"
    if isinstance(expr, AllOf | AnyOf):
        joiner = " & " if isinstance(expr, AllOf) else " | "
        return "(" + joiner.join(render_tsquery(part) for part in expr.parts) + ")"
    raise TypeError(f"Not a query expression: {expr!r}")


# What compile_tsquery answers for a query that matches every document.
EVERYTHING = object()


def compile_tsquery(query, *, autocomplete: bool = False):
    """A modelsearch query tree as to_tsquery() input; EVERYTHING, or None when it can match
    nothing. For `autocomplete` the last word is a prefix and words may match as characters
    in a row (the autocomplete vector holds the characters too)."""
    if isinstance(query, MatchAll):
        return EVERYTHING
    if isinstance(query, PlainText | Fuzzy):
        expr = query_expression(
            query_terms(query.query_string),
            operator=getattr(query, "operator", "and"),
            prefix_last=autocomplete,
            characters=autocomplete,
        )
        return render_tsquery(expr) if expr is not None else None
    if isinstance(query, Phrase):
        terms = query_terms(query.query_string)
        return render_tsquery(Word(" ".join(terms), phrase=True)) if terms else None
    if isinstance(query, Boost):
        # Weights are per vector, not per clause: the boost cannot be expressed.
        return compile_tsquery(query.subquery, autocomplete=autocomplete)
    if isinstance(query, Not):
        inner = compile_tsquery(query.subquery, autocomplete=autocomplete)
        if inner is None:
            return EVERYTHING
        if inner is EVERYTHING:
            return None
        return f"!({inner})"
    if isinstance(query, And):
        parts = [compile_tsquery(q, autocomplete=autocomplete) for q in query.subqueries]
        if any(part is None for part in parts):
            return None
        parts = [part for part in parts if part is not EVERYTHING]
        return " & ".join(f"({part})" for part in parts) if parts else EVERYTHING
    if isinstance(query, Or):
        parts = [compile_tsquery(q, autocomplete=autocomplete) for q in query.subqueries]
        parts = [part for part in parts if part is not None]
        if not parts:
            return None
        if any(part is EVERYTHING for part in parts):
            return EVERYTHING
        return " | ".join(f"({part})" for part in parts)
    raise NotImplementedError(
        f"{type(query).__name__} is not supported by the PostgreSQL search backend."
    )


def search_query(tsquery: str) -> SearchQuery:
    return SearchQuery(tsquery, search_type="raw", config=CONFIG)


# --- Indexing ------------------------------------------------------------------------------


def segmented_vector(text: str, weight: str, *, characters: bool = False):
    words = segment(text, characters=characters) if text else ""
    if not words:
        return EMPTY_VECTOR
    return SearchVector(Value(words, output_field=TextField()), weight=weight, config=CONFIG)


class SegmentingObjectIndexer(ObjectIndexer):
    """modelsearch's indexer, with each text segmented into words and one weight per vector."""

    @cached_property
    def title(self):
        return segmented_vector(self.title_text, TITLE_WEIGHT)

    @cached_property
    def body(self):
        return segmented_vector(self.body_text, BODY_WEIGHT)

    @cached_property
    def autocomplete(self):
        return segmented_vector(self.autocomplete_text, AUTOCOMPLETE_WEIGHT, characters=True)

    @cached_property
    def autocomplete_text(self):
        texts = []
        for field in self.search_fields:
            for current_field, _boost, value in self.prepare_field(self.obj, field):
                if isinstance(current_field, AutocompleteField) and value.strip():
                    texts.append(value.strip())
        return " ".join(texts)


class SegmentingPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # modelsearch's add_items, with our indexer: it names ObjectIndexer directly. The
        # title_norm refresh is left out: nothing here ranks by it.
        if not model.get_search_fields():
            return
        indexers = [SegmentingObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return

        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows = []
        params: list = []
        for indexer in indexers:
            values = ["%s, %s"]
            params.extend((content_type_pk, indexer.id))
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                values.append(sql)
                params.extend(value_params)
            rows.append("(" + ", ".join(values) + ", 1.0, %s, %s)")
            params.extend((indexer.title_text, indexer.body_text))

        table = self.write_connection.ops.quote_name(IndexEntry._meta.db_table)
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "  # noqa: S608
                f"title_norm, title_text, body_text) VALUES {', '.join(rows)} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )


# --- Queries -------------------------------------------------------------------------------


class Matches(Func):
    """vector @@ query, as a condition."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def score_expression(columns: list[str], query: SearchQuery, prefix: str = "index_entries__"):
    vectors = [F(f"{prefix}{column}") for column in columns]
    vector = vectors[0]
    for other in vectors[1:]:
        vector = vector._combine(other, "||", False)
    score = SearchRank(vector, query, weights=RANK_WEIGHTS, normalization=Value(RANK_NORMALIZATION))
    if "title" in columns and len(columns) > 1:
        bonus = Case(
            When(Matches(F(f"{prefix}title"), query), then=Value(TITLE_MATCH_BONUS)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        score = score + bonus
    return vector, score


class SegmentedSearchMixin:
    """Replaces modelsearch's PostgreSQL search(): segmented terms, one tsquery, one score."""

    def index_columns(self) -> list[str]:
        if not self.fields:
            return ["title", "body"]
        # Every SearchField but the title is in the body vector.
        return sorted({"title" if name == "title" else "body" for name in self.fields})

    def search(self, config, start, stop, score_field=None, backend=None):
        queryset = self.queryset
        tsquery = compile_tsquery(self.query, autocomplete=self.LAST_TERM_IS_PREFIX)
        if tsquery is None:
            return queryset.none()
        if self.order_by_relevance and score_field is None:
            score_field = "_score"

        if tsquery is EVERYTHING:
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: Value(0.0, FloatField())})
            if self.order_by_relevance and not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]

        query = search_query(tsquery)
        vector, score = score_expression(self.index_columns(), query)
        queryset = queryset.alias(_search_vector=vector).filter(_search_vector=query)
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: score})
        if self.order_by_relevance:
            queryset = queryset.order_by(f"-{score_field}", "-pk")
        elif not queryset.query.order_by:
            # A fixed order keeps pages of results consistent (wagtail/wagtail#3729).
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class SegmentedSearchQueryCompiler(SegmentedSearchMixin, PostgresSearchQueryCompiler):
    pass


class SegmentedAutocompleteQueryCompiler(SegmentedSearchMixin, PostgresAutocompleteQueryCompiler):
    def index_columns(self) -> list[str]:
        return ["autocomplete"]


class ChinesePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SegmentedSearchQueryCompiler
    autocomplete_query_compiler_class = SegmentedAutocompleteQueryCompiler
    index_class = SegmentingPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = CONFIG
        self.autocomplete_config = CONFIG

    def rank(self, model, query: str, limit: int | None = None) -> list[tuple[object, float]]:
        """(pk, score) of the model's objects matching the keywords, best first, in one query."""
        tsquery = compile_tsquery(PlainText(query, operator="and"))
        if tsquery is None or tsquery is EVERYTHING:
            return []
        using = router.db_for_read(IndexEntry)
        connection = connections[using]
        entries = connection.ops.quote_name(IndexEntry._meta.db_table)
        content_types = get_descendants_content_types_pks(model) or [0]
        placeholders = ", ".join(["%s"] * len(content_types))
        weights = "{" + ",".join(str(w) for w in RANK_WEIGHTS) + "}"
        sql = (
            "SELECT e.object_id, "  # noqa: S608
            f"ts_rank(%s::float4[], e.title || e.body, q, {RANK_NORMALIZATION:d}) "
            f"+ CASE WHEN e.title @@ q THEN {TITLE_MATCH_BONUS:f} ELSE 0.0 END AS score "
            f"FROM {entries} AS e, to_tsquery(%s::regconfig, %s) AS q "
            f"WHERE e.content_type_id IN ({placeholders}) AND (e.title || e.body) @@ q "
            "ORDER BY score DESC, e.id"
        )
        params: list = [weights, CONFIG, tsquery, *content_types]
        if limit:
            sql += " LIMIT %s"
            params.append(int(limit))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        to_python = model._meta.pk.to_python
        return [(to_python(object_id), score) for object_id, score in rows]


SearchBackend = ChinesePostgresSearchBackend
