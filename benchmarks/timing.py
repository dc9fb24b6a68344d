"""What every benchmark measures with: named build steps, percentiles, the machine it ran on."""

import math
import os
import platform
import sqlite3
import sys
import time
from collections.abc import Callable
from typing import Any


class Stopwatch:
    """Named wall-clock steps, for the build- or setup-time table."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, float]] = []

    def step(self, name: str, fn: Callable[[], Any]) -> Any:
        print(f"… {name}", end="", file=sys.stderr, flush=True)
        start = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - start
        print(f" {seconds:.1f} s", file=sys.stderr, flush=True)
        self.steps.append((name, seconds))
        return result

    @property
    def total(self) -> float:
        return sum(seconds for _name, seconds in self.steps)

    def print_table(self, heading: str, total: str) -> None:
        print(f"\n| {heading} | Seconds |")
        print("|---|---:|")
        for name, seconds in self.steps:
            print(f"| {name} | {seconds:.1f} |")
        print(f"| **{total}** | **{self.total:.1f}** |")


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: a value that was really measured, never an interpolation."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def reference_loop_ms() -> float:
    """CPU time of a fixed pure-Python loop: tells how fast this machine was during the run.

    Runs on a shared or throttled machine can differ twofold; comparing this figure tells a
    slower machine apart from a slower code change.
    """
    start = time.process_time()
    total = 0
    for i in range(2_000_000):
        total += i * i % 7
    return (time.process_time() - start) * 1000


def machine() -> str:
    """CPUs, architecture, Python and SQLite: the first words of every report's machine line."""
    return (
        f"{os.cpu_count()} CPU(s), {platform.machine()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
