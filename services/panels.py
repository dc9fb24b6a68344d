"""The consultation panels of a point's profile, registered with directory/panels.py."""

from django.urls import reverse

from directory.panels import register_profile_panel

from .staff import source_point
from .statistics import public_figures


def _source(point):
    # Both panels need it; remembered on the page object for the one request it serves.
    if not hasattr(point, "_consultation_source"):
        point._consultation_source = source_point(point)
    return point._consultation_source


def ask_panel(point, request) -> dict | None:
    """Where the question form goes, for an active point only.

    The form itself is fetched when the profile is shown (views.ask_point_form), so the profile
    holds no per-visitor token and can be served from the page cache; the link to the ask page
    is there for a browser without JavaScript.
    """
    source = _source(point)
    if source.status != point.Status.ACTIVE:
        return None
    return {
        "ask_url": reverse("consultation_ask_point", args=[point.pk]),
        "ask_form_url": reverse("consultation_ask_form", args=[point.pk]),
    }


def figures_panel(point, request) -> dict:
    return {"figures": public_figures(_source(point))}


def register() -> None:
    register_profile_panel(
        "consultation-ask",
        slot="main",
        template="services/includes/ask_panel.html",
        context=ask_panel,
        order=10,
    )
    register_profile_panel(
        "consultation-figures",
        slot="aside",
        template="services/includes/public_figures.html",
        context=figures_panel,
        order=10,
    )
