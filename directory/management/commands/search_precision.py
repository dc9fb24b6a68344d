from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.precision import EVAL_QUERIES, TOP, evaluate, load_queries, precision


class Command(BaseCommand):
    help = (
        f"Run the evaluation queries through the directory and report precision "
        f"(kind=name: the expected point is in the first {TOP}; kind=service: all of them offer it)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min",
            type=float,
            default=None,
            help="Fail (exit 1) below this precision, as a fraction (0.9) or a percentage (90).",
        )
        parser.add_argument(
            "--queries", type=Path, default=EVAL_QUERIES, help="CSV with query,expect,kind columns."
        )

    def handle(self, *args, **options):
        try:
            cases = load_queries(options["queries"])
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"Cannot read the evaluation queries: {exc}") from exc
        if not cases:
            raise CommandError("The evaluation file has no queries.")

        outcomes = evaluate(cases)
        for outcome in outcomes:
            case = outcome.case
            status = self.style.SUCCESS("PASS") if outcome.passed else self.style.ERROR("FAIL")
            found = " | ".join(outcome.titles) or "(no results)"
            self.stdout.write(
                f"{status}  [{case.kind}] {case.query} → {case.expect}\n      {found}"
            )

        passed = sum(outcome.passed for outcome in outcomes)
        score = precision(outcomes)
        self.stdout.write(f"precision: {passed}/{len(outcomes)} = {score:.1%}")

        threshold = options["min"]
        if threshold is not None:
            if threshold > 1:
                threshold /= 100
            if score < threshold:
                raise CommandError(f"precision {score:.1%} is below the minimum {threshold:.1%}")
