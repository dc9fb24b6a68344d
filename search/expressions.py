"""What a document must contain to match a query: one expression tree for every backend.

A query's words (search.analysis.query_terms) become a tree of `Word`, `AllOf` and `AnyOf`:
each word, or its dictionary parts all present, or the words of a synonym's full form. Each
backend renders the tree in its own syntax (FTS5 here, tsquery in postgres_fts, a bool query
in backends/cluster), so every backend matches the same documents.
"""

from dataclasses import dataclass

from .analysis import CJK, query_terms, split_word, synonyms_of


@dataclass(frozen=True)
class Word:
    """One indexed word (as a prefix for the word being typed), or with `phrase` several
    space-separated words in a row."""

    text: str
    prefix: bool = False
    phrase: bool = False


@dataclass(frozen=True)
class AllOf:
    parts: tuple["Expr", ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple["Expr", ...]


Expr = Word | AllOf | AnyOf


def _all_of(parts: list[Expr]) -> Expr:
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))


def _any_of(parts: list[Expr]) -> Expr:
    return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))


def term_expression(
    term: str, *, prefix: bool = False, characters: bool = False, expand: bool = True
) -> Expr:
    """One query word, as any of these alternatives:

    - the word itself (as a prefix for the word being typed);
    - its parts all present (专利检索: 专利 AND 检索; 上海交大: 上海 AND 交大 or 交通大学);
    - the words of each full form it abbreviates (北航: 北京航空航天大学);
    - with `characters`, its characters in a row, for text indexed with them (see segment()).
    """
    alternatives: list[Expr] = [Word(term, prefix=prefix)]
    if not prefix:
        parts = split_word(term)
        if parts:
            # One level only: 知识产权质押融资 may be 知识产权 + 质押融资, but 质押 and 融资 apart
            # in a page are too loose a match for it.
            alternatives.append(
                _all_of([_word_or_synonyms(part) if expand else Word(part) for part in parts])
            )
        for full in synonyms_of(term) if expand else ():
            alternatives.append(
                _all_of([term_expression(word, expand=False) for word in query_terms(full)])
            )
    if characters and len(term) > 1 and CJK.search(term):
        alternatives.append(Word(" ".join(term), phrase=True))
    return _any_of(alternatives)


def _word_or_synonyms(word: str) -> Expr:
    full_forms = [
        _all_of([term_expression(w, expand=False) for w in query_terms(full)])
        for full in synonyms_of(word)
    ]
    return _any_of([Word(word), *full_forms])


def query_expression(
    terms: list[str], *, operator: str = "and", prefix_last: bool = False, characters: bool = False
) -> Expr | None:
    """What a document must contain to match the words; None when there is nothing to match."""
    if not terms:
        return None
    last = len(terms) - 1
    parts = [
        term_expression(term, prefix=prefix_last and i == last, characters=characters)
        for i, term in enumerate(terms)
    ]
    return _any_of(parts) if operator.lower() == "or" else _all_of(parts)


def fts_string(term: str) -> str:
    """`term` as an FTS5 string literal: inside double quotes nothing is syntax."""
    return '"' + term.replace('"', '""') + '"'


def render_fts5(expr: Expr) -> str:
    """The expression as an FTS5 MATCH expression; every word is an escaped string."""
    if isinstance(expr, Word):
        return fts_string(expr.text) + ("*" if expr.prefix else "")
    joiner = " AND " if isinstance(expr, AllOf) else " OR "
    return "(" + joiner.join(render_fts5(part) for part in expr.parts) + ")"


def fts_term(
    term: str, *, prefix: bool = False, characters: bool = False, expand: bool = True
) -> str:
    """One query word as an FTS5 expression (see term_expression)."""
    return render_fts5(term_expression(term, prefix=prefix, characters=characters, expand=expand))


def fts_query(
    terms: list[str], *, operator: str = "and", prefix_last: bool = False, characters: bool = False
) -> str:
    """An FTS5 MATCH expression for the words, or "" when there is nothing to match."""
    expr = query_expression(
        terms, operator=operator, prefix_last=prefix_last, characters=characters
    )
    if expr is None:
        return ""
    if isinstance(expr, AllOf | AnyOf):
        # The outermost level without brackets, as FTS5 column filters expect ("{title} : (…)").
        joiner = " AND " if isinstance(expr, AllOf) else " OR "
        return joiner.join(render_fts5(part) for part in expr.parts)
    return render_fts5(expr)
