"""Panels that features above the directory add to a point's profile page.

The directory cannot import the layers built on it (consultations, cases, notices), yet its
profile shows their panels: each of those apps registers a panel here from its AppConfig.ready(),
and the profile template renders them with `{% profile_panels page "main" %}`.

A panel's `context(point, request)` returns the template's context, or None to show nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

SLOTS = ("main", "aside")


@dataclass(frozen=True)
class ProfilePanel:
    name: str
    slot: str
    template: str
    context: Callable
    order: int = 100


_panels: dict[str, ProfilePanel] = {}


def register_profile_panel(
    name: str, *, slot: str, template: str, context: Callable, order: int = 100
) -> None:
    """Add (or replace, by name) a panel; safe to call again, e.g. from a test."""
    if slot not in SLOTS:
        raise ValueError(f"Unknown profile slot {slot!r}; use one of {SLOTS}.")
    _panels[name] = ProfilePanel(name, slot, template, context, order)


def panels_in(slot: str) -> list[ProfilePanel]:
    return sorted((p for p in _panels.values() if p.slot == slot), key=lambda p: p.order)


def panel_contexts(point, request, slot: str) -> list[tuple[str, dict]]:
    """(template, context) of each panel of `slot` that has something to show."""
    shown = []
    for panel in panels_in(slot):
        context = panel.context(point, request)
        if context is not None:
            shown.append((panel.template, context))
    return shown
