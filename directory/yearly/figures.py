"""What the site knows of a point's year, gathered for its annual work summary (工作总结表).

The directory knows the profile and its services; the consultation ledger, events, cases and
notices live in layers above it. Each of those registers a provider from its AppConfig.ready():
`provider(point, year) -> dict[str, int | float | str | list | dict]`, JSON-serialisable, keyed by
names that are unique across providers (e.g. "consultations_total", "events_held"). A provider
also declares labels so the summary can show each figure with a translated name.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FigureProvider:
    name: str
    fn: Callable
    labels: dict = field(default_factory=dict)  # figure key -> lazy translated label
    order: int = 100


_providers: dict[str, FigureProvider] = {}


def register_summary_figures(
    name: str, fn: Callable, *, labels: dict | None = None, order: int = 100
) -> None:
    """Add (or replace, by name) a provider; safe to call again, e.g. from a test."""
    _providers[name] = FigureProvider(name, fn, dict(labels or {}), order)


def providers() -> list[FigureProvider]:
    return sorted(_providers.values(), key=lambda p: (p.order, p.name))


def figure_labels() -> dict:
    labels: dict = {}
    for provider in providers():
        labels.update(provider.labels)
    return labels


def gather_figures(point, year: int) -> dict:
    """Every provider's figures for `point` in `year`, merged in provider order."""
    figures: dict = {}
    for provider in providers():
        figures.update(provider.fn(point, year) or {})
    return figures
