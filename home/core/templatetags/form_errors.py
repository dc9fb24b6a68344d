"""`{% error_summary form [formset …] intro="…" %}`: the list of a failed form's errors, at its top."""

from django import template

from home.core.forms import summary_errors

register = template.Library()


@register.inclusion_tag("components/error_summary.html")
def error_summary(
    *forms, intro: str = "", summary_id: str = "form-errors", extra: str = "", extra_id: str = ""
):
    """`extra`: one more message of the page's own (e.g. "you are already registered")."""
    items = summary_errors(forms)
    return {
        "items": items,
        "show": bool(items or extra),
        "intro": intro,
        "extra": extra,
        "extra_id": extra_id,
        "summary_id": summary_id,
    }
