"""Precision of the directory's keyword search on an evaluation set (directory/eval/).

A query passes when, among the first five directory results for it:
- kind=name: the point titled `expect` appears;
- kind=service: every result offers the catalogue service named `expect` (and there is one).
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation

from .filters import parse_directory_query
from .listing import run_directory_query

EVAL_QUERIES = Path(__file__).resolve().parent / "eval" / "search_queries.csv"
TOP = 5


@dataclass(frozen=True)
class EvalQuery:
    query: str
    expect: str
    kind: str


@dataclass(frozen=True)
class Outcome:
    case: EvalQuery
    passed: bool
    titles: list[str]


def load_queries(path: Path = EVAL_QUERIES) -> list[EvalQuery]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [row for row in csv.DictReader(f) if (row.get("query") or "").strip()]
    cases = [
        EvalQuery(row["query"].strip(), row["expect"].strip(), row["kind"].strip()) for row in rows
    ]
    unknown = {case.kind for case in cases} - {"name", "service"}
    if unknown:
        raise ValueError(f"Unknown kind(s) in {path.name}: {', '.join(sorted(unknown))}")
    return cases


def top_points(query: str, n: int = TOP) -> list:
    """The first `n` points the directory lists for the keyword, through its own code path."""

    # The directory lists the active language's points; judge the default language's.
    with translation.override(settings.LANGUAGE_CODE):
        return run_directory_query(parse_directory_query({"q": query}), with_facets=False).points[
            :n
        ]


def offers(point, service_name: str) -> bool:
    return any(offering.service.name == service_name for offering in point.offerings.all())


def judge(case: EvalQuery) -> Outcome:
    points = top_points(case.query)
    if case.kind == "name":
        passed = any(point.title == case.expect for point in points)
    else:
        passed = bool(points) and all(offers(point, case.expect) for point in points)
    return Outcome(case, passed, [point.title for point in points])


def evaluate(cases: list[EvalQuery]) -> list[Outcome]:
    return [judge(case) for case in cases]


def precision(outcomes: list[Outcome]) -> float:
    return sum(outcome.passed for outcome in outcomes) / len(outcomes) if outcomes else 0.0
