"""The "report an error" link of every profile (directory/panels.py)."""

from django.urls import reverse

from directory.panels import register_profile_panel


def report_error_panel(point, request) -> dict:
    # A plain link: the profile stays one cached page for everyone; the form is its own page.
    return {"report_url": reverse("error_report", args=[point.pk])}


def register() -> None:
    register_profile_panel(
        "error-report",
        slot="aside",
        template="services/includes/report_error_panel.html",
        context=report_error_panel,
        order=90,
    )
