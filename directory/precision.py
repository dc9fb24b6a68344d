"""Precision of the directory's keyword search on evaluation sets (directory/eval/).

Three files, read alike:
- search_queries.csv, the public set (query, expect, kind with kind name or service);
- queries_by_kind.csv, the project's own set of each kind of query people type (names,
  services, questions, places, Traditional characters, pinyin, over-specified names), with a
  `check` column saying how to judge it and an optional `region`;
- queries_en.csv, English queries (kind `english`), run on the English site: services, places
  and words typed in English, judged against the Chinese names they stand for.

A query passes when, among the first five directory results for it:
- check=name (the default for kind=name): the point titled `expect` appears;
- check=service (the default for kind=service): every result offers the catalogue service
  named `expect` (and there is one);
- check=region: every result is in the place named `expect` (a province, a city or a regional
  grouping such as 长三角; directory/places.py);
and, with a `region`, every result is in that place as well.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation

from .filters import parse_directory_query
from .listing import run_directory_query
from .places import place_of

EVAL_FOLDER = Path(__file__).resolve().parent / "eval"
EVAL_QUERIES = EVAL_FOLDER / "search_queries.csv"
KIND_QUERIES = EVAL_FOLDER / "queries_by_kind.csv"
# English queries, run on the English site (its points are the Chinese ones, aliased).
ENGLISH_QUERIES = EVAL_FOLDER / "queries_en.csv"
ENGLISH = "en"
TOP = 5
KINDS = ("name", "service", "question", "place", "traditional", "pinyin", "overspecified")
ENGLISH_KIND = "english"
CHECKS = ("name", "service", "region")


@dataclass(frozen=True)
class EvalQuery:
    query: str
    expect: str
    kind: str
    check: str = ""
    region: str = ""
    language: str = ""  # the site the query is typed on; the default language when empty

    @property
    def judged_by(self) -> str:
        return self.check or self.kind


@dataclass(frozen=True)
class Outcome:
    case: EvalQuery
    passed: bool
    titles: list[str]


def load_queries(path: Path = EVAL_QUERIES) -> list[EvalQuery]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [row for row in csv.DictReader(f) if (row.get("query") or "").strip()]
    cases = [
        EvalQuery(
            row["query"].strip(),
            row["expect"].strip(),
            row["kind"].strip(),
            (row.get("check") or "").strip(),
            (row.get("region") or "").strip(),
            ENGLISH if row["kind"].strip() == ENGLISH_KIND else "",
        )
        for row in rows
    ]
    unknown = {case.kind for case in cases} - {*KINDS, ENGLISH_KIND}
    if unknown:
        raise ValueError(f"Unknown kind(s) in {path.name}: {', '.join(sorted(unknown))}")
    unjudged = {case.query for case in cases if case.judged_by not in CHECKS}
    if unjudged:
        raise ValueError(f"No check (name, service or region) for: {', '.join(sorted(unjudged))}")
    bad_places = {p for case in cases for p in _places_named(case) if place_of(p) is None}
    if bad_places:
        raise ValueError(f"Unknown place(s) in {path.name}: {', '.join(sorted(bad_places))}")
    return cases


def _places_named(case: EvalQuery) -> list[str]:
    return [p for p in (case.region, case.expect if case.judged_by == "region" else "") if p]


def top_points(query: str, n: int = TOP, language: str = "") -> list:
    """The first `n` points the directory lists for the keyword, through its own code path."""

    # The directory lists the active language's points; judge the default language's
    # unless the query is one of the English site's.
    with translation.override(language or settings.LANGUAGE_CODE):
        return run_directory_query(parse_directory_query({"q": query}), with_facets=False).points[
            :n
        ]


def offers(point, service_name: str) -> bool:
    return any(offering.service.name == service_name for offering in point.offerings.all())


def is_in(point, place_name: str) -> bool:
    place = place_of(place_name)
    return point.province_id in place.provinces or point.city_id in place.cities


def judge(case: EvalQuery) -> Outcome:
    points = top_points(case.query, language=case.language)
    check = case.judged_by
    if check == "name":
        passed = any(point.title == case.expect for point in points)
    elif check == "service":
        passed = bool(points) and all(offers(point, case.expect) for point in points)
    else:
        passed = bool(points) and all(is_in(point, case.expect) for point in points)
    if case.region:
        passed = passed and bool(points) and all(is_in(point, case.region) for point in points)
    return Outcome(case, passed, [point.title for point in points])


def evaluate(cases: list[EvalQuery]) -> list[Outcome]:
    return [judge(case) for case in cases]


def precision(outcomes: list[Outcome]) -> float:
    return sum(outcome.passed for outcome in outcomes) / len(outcomes) if outcomes else 0.0


def by_kind(outcomes: list[Outcome]) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.case.kind].append(outcome)
    return {kind: groups[kind] for kind in KINDS if kind in groups}


def backend_name() -> str:
    """The search backend and database the figures are for, e.g. "search.backends.database on
    sqlite", or the cluster's backend behind the fallback wrapper."""
    from django.db import connection

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    name = backend["BACKEND"]
    if "PRIMARY" in backend:
        name = f"{backend['PRIMARY']['BACKEND']} (database fallback)"
    return f"{name} on {connection.vendor}"
