"""modelsearch's SQLite FTS5 backend, made to read Chinese and to rank in one pass.

It extends modelsearch 1.3.2 internals (search/backends/database.py checks the version):

- the indexer stores title, body and autocomplete segmented by search.analysis, because FTS5's
  unicode61 tokenizer takes a whole run of Chinese characters as one token;
- queries are segmented the same way and every word becomes an escaped FTS5 string, so no
  input can be read as FTS5 syntax;
- the score comes from one FTS5 query, looked up by object id, where modelsearch annotates a
  correlated subquery that re-runs the match for every result row (seconds at 5,000 pages;
  benchmarks/search_bench.py compares the two);
- pages whose title holds the whole query rank first (see ranked_entries_sql).
"""

from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Expression, F, FloatField, Value
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import query_terms, segment
from search.expressions import fts_query, fts_string

# Column weights for bm25(): a word in the title counts ten times a word in the body, so a
# point named 厦门大学 comes before points that only mention 厦门 in their address.
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
AUTOCOMPLETE_WEIGHT = 1.0
# Added to the score of pages whose title holds every word of the query (see ranked_entries_sql);
# larger than the BM25 scores of short queries, so such pages come first.
TITLE_MATCH_BONUS = 100.0


# --- Indexing ------------------------------------------------------------------------------


class SegmentingObjectIndexer(ObjectIndexer):
    """modelsearch's indexer, with each text stored as space-separated words."""

    @property
    def title(self):
        return segment(super().title)

    @property
    def body(self):
        return segment(super().body)

    @property
    def autocomplete(self):
        return segment(super().autocomplete, characters=True)


class SegmentingSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        # modelsearch's add_items, with our indexer: it names ObjectIndexer directly.
        if not model.get_search_fields():
            return
        rows = {}
        for obj in objs:
            indexer = SegmentingObjectIndexer(obj, self.backend)
            rows[indexer.id] = {
                "title": indexer.title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.body,
            }
        if not rows:
            return

        content_type_pk = get_content_type_pk(model)
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=rows).values_list("object_id", flat=True))
        for object_id in existing:
            entries.filter(object_id=object_id).update(**rows[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, **data)
            for object_id, data in rows.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


# --- Queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchPlan:
    """The documents a search query selects: those matching `include` (None: every document)
    and not matching `exclude` (None: none excluded). Both are FTS5 expressions.

    FTS5 has no unary NOT, so a negation is carried as `exclude` until it meets a positive
    part it can hang from (`a NOT b`), or becomes an exclusion on the queryset.
    """

    include: str | None = None
    exclude: str | None = None

    @property
    def matches_everything(self) -> bool:
        return self.include is None and self.exclude is None

    def expression(self) -> str:
        """The plan as one FTS5 expression; only for plans with an `include`."""
        if self.exclude is None:
            return self.include
        return f"({self.include}) NOT ({self.exclude})"


def _any(expressions: list[str]) -> str:
    return " OR ".join(f"({e})" for e in expressions)


def _all(expressions: list[str]) -> str:
    return " AND ".join(f"({e})" for e in expressions)


def compile_query(query, *, autocomplete: bool = False) -> MatchPlan | None:
    """Translate a modelsearch query tree into a MatchPlan; None when it can match nothing.

    For `autocomplete` the last word is a prefix and words may match as characters in a row
    (the autocomplete column holds the characters too).
    """
    if isinstance(query, MatchAll):
        return MatchPlan()
    if isinstance(query, PlainText | Fuzzy):
        expression = fts_query(
            query_terms(query.query_string),
            operator=query.operator,
            prefix_last=autocomplete,
            characters=autocomplete,
        )
        return MatchPlan(expression) if expression else None
    if isinstance(query, Phrase):
        terms = query_terms(query.query_string)
        return MatchPlan(fts_string(" ".join(terms))) if terms else None
    if isinstance(query, Boost):
        # bm25 weights are per column, not per clause: the boost cannot be expressed.
        return compile_query(query.subquery, autocomplete=autocomplete)
    if isinstance(query, Not):
        inner = compile_query(query.subquery, autocomplete=autocomplete)
        if inner is None:
            return MatchPlan()
        if inner.matches_everything:
            return None
        if inner.include is None:
            return MatchPlan(inner.exclude)
        return MatchPlan(exclude=inner.expression())
    if isinstance(query, And):
        plans = [compile_query(q, autocomplete=autocomplete) for q in query.subqueries]
        if any(plan is None for plan in plans):
            return None
        includes = [plan.include for plan in plans if plan.include is not None]
        excludes = [plan.exclude for plan in plans if plan.exclude is not None]
        return MatchPlan(_all(includes) if includes else None, _any(excludes) if excludes else None)
    if isinstance(query, Or):
        plans = [compile_query(q, autocomplete=autocomplete) for q in query.subqueries]
        plans = [plan for plan in plans if plan is not None]
        if not plans:
            return None
        if any(plan.matches_everything for plan in plans):
            return MatchPlan()
        positive = [plan.expression() for plan in plans if plan.include is not None]
        complements = [plan.exclude for plan in plans if plan.include is None]
        if not complements:
            return MatchPlan(_any(positive))
        # Everything but what every "all except X" part excludes and no positive part matches.
        excluded = _all(complements)
        if positive:
            excluded = f"({excluded}) NOT ({_any(positive)})"
        return MatchPlan(exclude=excluded)
    raise NotImplementedError(
        f"{type(query).__name__} is not supported by the SQLite search backend."
    )


def quote(name: str, using: str) -> str:
    return connections[using].ops.quote_name(name)


def ranked_entries_sql(
    columns: list[str],
    expression: str,
    content_type_ids: list[int],
    using: str,
    *,
    scored: bool = True,
) -> tuple[str, list]:
    """SELECT object_id, score (higher is better) of the index entries matching `expression`.

    The score is BM25 with column weights, plus TITLE_MATCH_BONUS when the title alone
    matches the whole query: BM25 gives words found in most pages (中国, 中心, 专利信息)
    almost no weight, so without it the point named 中国专利信息中心 would come after
    every other 中国…中心 for that very query. Without `scored`, the score column is left out.

    The shape is chosen so that SQLite's plan does not depend on its statistics: the MATCH
    drives the scan, each entry is read by rowid, and the "+" keeps the rowid IN lists from
    being handed to FTS5 as constraints, which would re-run the match once per listed rowid.
    A join to the entries instead lets a stale sqlite_stat1 turn it into a nested scan.
    """
    fts = quote(SQLiteFTSIndexEntry._meta.db_table, using)
    entries = quote(IndexEntry._meta.db_table, using)
    # Argument order is the fts5 table's column order (modelsearch migration 0002).
    weights = f"{AUTOCOMPLETE_WEIGHT:f}, {BODY_WEIGHT:f}, {TITLE_WEIGHT:f}"
    score = f"-bm25({fts}, {weights})" if scored else "NULL"
    params: list = []
    if scored and "title" in columns and len(columns) > 1:
        score += (
            f" + CASE WHEN +{fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) "  # noqa: S608
            f"THEN {TITLE_MATCH_BONUS:f} ELSE 0.0 END"
        )
        params.append(_match(["title"], expression))
    placeholders = ", ".join(["%s"] * len(content_type_ids))
    sql = (
        f"SELECT (SELECT e.object_id FROM {entries} AS e WHERE e.id = {fts}.rowid) AS object_id, "  # noqa: S608
        f"{score} AS score FROM {fts} WHERE {fts} MATCH %s AND +{fts}.rowid IN "
        f"(SELECT id FROM {entries} WHERE content_type_id IN ({placeholders}))"
    )
    return sql, [*params, _match(columns, expression), *content_type_ids]


def _match(columns: list[str], expression: str) -> str:
    return "{" + " ".join(columns) + "} : (" + expression + ")"


class EntryScore(Expression):
    """The score of the row's index entry, read from the ranked entries.

    SQLite computes the uncorrelated FROM subquery once and looks rows up through an
    automatic index, so the FTS5 match runs a fixed number of times however many rows
    there are.
    """

    output_field = FloatField()

    def __init__(self, ranked_sql: str, ranked_params: list, pk=None):
        super().__init__()
        self.ranked_sql = ranked_sql
        self.ranked_params = ranked_params
        self.pk = pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        sql = (
            f"(SELECT ranked.score FROM ({self.ranked_sql} LIMIT -1) AS ranked "  # noqa: S608
            f"WHERE ranked.object_id = CAST({pk_sql} AS TEXT))"
        )
        return sql, [*self.ranked_params, *pk_params]


class SegmentedSearchMixin:
    """Replaces modelsearch's SQLite search(): segmented terms, scores from one FTS5 query."""

    def fts_columns(self) -> list[str]:
        if not self.fields:
            return list(self.FTS_TABLE_FIELDS)
        # Every SearchField but the title is merged into the body column.
        return sorted({"title" if name == "title" else "body" for name in self.fields})

    def search(self, config, start, stop, score_field=None):
        queryset = self.queryset
        plan = compile_query(self.query, autocomplete=self.LAST_TERM_IS_PREFIX)
        if plan is None:
            return queryset.none()
        if self.order_by_relevance and score_field is None:
            score_field = "_score"

        if plan.matches_everything or plan.include is None:
            if plan.exclude is not None:
                queryset = queryset.exclude(pk__in=self._ids(plan.exclude))
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: Value(0.0, FloatField())})
            if not queryset.query.order_by and (self.order_by_relevance or plan.exclude):
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]

        queryset = queryset.filter(pk__in=self._ids(plan.expression()))
        if score_field is not None:
            sql, params = self._ranked(plan.expression())
            queryset = queryset.annotate(**{score_field: EntryScore(sql, params)})
        if self.order_by_relevance:
            queryset = queryset.order_by(f"-{score_field}", "-pk")
        elif not queryset.query.order_by:
            # A fixed order keeps pages of results consistent (wagtail/wagtail#3729).
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

    def _ranked(self, expression: str, *, scored: bool = True) -> tuple[str, list]:
        content_types = get_descendants_content_types_pks(self.queryset.model) or [0]
        return ranked_entries_sql(
            self.fts_columns(), expression, content_types, self.queryset.db, scored=scored
        )

    def _ids(self, expression: str) -> RawSQL:
        sql, params = self._ranked(expression, scored=False)
        return RawSQL(f"SELECT object_id FROM ({sql})", params)  # noqa: S611,S608


class SegmentedSearchQueryCompiler(SegmentedSearchMixin, SQLiteSearchQueryCompiler):
    pass


class SegmentedAutocompleteQueryCompiler(SegmentedSearchMixin, SQLiteAutocompleteQueryCompiler):
    def fts_columns(self) -> list[str]:
        return ["autocomplete"]


class ChineseSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SegmentedSearchQueryCompiler
    autocomplete_query_compiler_class = SegmentedAutocompleteQueryCompiler
    index_class = SegmentingSQLiteIndex

    def rank(self, model, query: str, limit: int | None = None) -> list[tuple[object, float]]:
        """(pk, score) of the model's objects matching the keywords, best first, in one query."""
        plan = compile_query(PlainText(query, operator="and"))
        if plan is None or plan.include is None:
            return []
        using = router.db_for_read(IndexEntry)
        content_types = get_descendants_content_types_pks(model) or [0]
        sql, params = ranked_entries_sql(["title", "body"], plan.expression(), content_types, using)
        sql += f" ORDER BY score DESC, {quote(SQLiteFTSIndexEntry._meta.db_table, using)}.rowid"
        if limit:
            sql += " LIMIT %s"
            params.append(int(limit))
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        to_python = model._meta.pk.to_python
        return [(to_python(object_id), score) for object_id, score in rows]


SearchBackend = ChineseSQLiteSearchBackend
