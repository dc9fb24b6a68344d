from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.precision import (
    EVAL_QUERIES,
    KIND_QUERIES,
    TOP,
    backend_name,
    by_kind,
    evaluate,
    load_queries,
    precision,
)
from search.fallback import search_status


class Command(BaseCommand):
    help = (
        f"Run the evaluation queries through the directory and report precision, per kind of "
        f"query and in all (check=name: the expected point is in the first {TOP}; "
        f"check=service: all of them offer it; check=region: all of them are there). "
        f"Run it with DATABASE_URL, ELASTICSEARCH_URL or OPENSEARCH_URL set to judge that backend."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min",
            type=float,
            default=None,
            help="Fail (exit 1) below this precision, as a fraction (0.9) or a percentage (90), "
            "in all and for each kind.",
        )
        parser.add_argument(
            "--queries",
            type=Path,
            action="append",
            default=None,
            help=f"CSV with query,expect,kind[,check,region] columns (repeatable); "
            f"default: {EVAL_QUERIES.name} and {KIND_QUERIES.name}.",
        )

    def handle(self, *args, **options):
        paths = options["queries"] or [EVAL_QUERIES, KIND_QUERIES]
        try:
            cases = [case for path in paths for case in load_queries(path)]
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"Cannot read the evaluation queries: {exc}") from exc
        if not cases:
            raise CommandError("The evaluation file has no queries.")

        self.stdout.write(f"backend: {backend_name()}")
        with search_status() as status:
            outcomes = evaluate(cases)
        if status.degraded:
            self.stdout.write(
                self.style.WARNING(
                    "the search cluster did not answer: these figures are the database fallback's"
                )
            )
        for outcome in outcomes:
            case = outcome.case
            status = self.style.SUCCESS("PASS") if outcome.passed else self.style.ERROR("FAIL")
            found = " | ".join(outcome.titles) or "(no results)"
            expect = case.expect + (f" in {case.region}" if case.region else "")
            self.stdout.write(f"{status}  [{case.kind}] {case.query} → {expect}\n      {found}")

        kinds = by_kind(outcomes)
        if len(kinds) > 1:
            for kind, group in kinds.items():
                passed = sum(outcome.passed for outcome in group)
                self.stdout.write(f"  {kind:<14} {passed}/{len(group)} = {precision(group):.1%}")
        passed = sum(outcome.passed for outcome in outcomes)
        score = precision(outcomes)
        self.stdout.write(f"precision: {passed}/{len(outcomes)} = {score:.1%}")

        threshold = options["min"]
        if threshold is not None:
            if threshold > 1:
                threshold /= 100
            low = [kind for kind, group in kinds.items() if precision(group) < threshold]
            if score < threshold or low:
                raise CommandError(
                    f"precision {score:.1%} (or that of {', '.join(low) or 'no kind'}) "
                    f"is below the minimum {threshold:.1%}"
                )
