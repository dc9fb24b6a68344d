from django import template
from django.utils.http import urlencode

register = template.Library()

# Choosing a broader place makes the narrower one meaningless.
CLEARS = {"province": ("city", "district"), "city": ("district",)}


def toggle_url(base_url: str, params: dict[str, str], param: str, value: str) -> str:
    params = dict(params)
    params.pop("page", None)
    if params.get(param) == value:
        params.pop(param)
    else:
        params[param] = value
    for cleared in CLEARS.get(param, ()):
        params.pop(cleared, None)
    return f"{base_url}?{urlencode(params)}" if params else base_url


@register.inclusion_tag("components/facet_group.html")
def facet_group(label, param, options, query, base_url):
    params = query.params()
    return {
        "label": label,
        "param": param,
        "options": [
            {
                "label": o.label,
                "count": o.count,
                "selected": o.selected,
                "url": toggle_url(base_url, params, param, o.value),
            }
            for o in options or []
        ],
    }


@register.simple_tag(takes_context=True)
def profile_panels(context, point, slot):
    """The panels other apps registered for this slot of the profile (directory/panels.py)."""
    from django.template.loader import render_to_string
    from django.utils.html import format_html_join

    from ..panels import panel_contexts

    request = context.get("request")
    return format_html_join(
        "\n",
        "{}",
        (
            (render_to_string(template_name, {"page": point, **panel}, request=request),)
            for template_name, panel in panel_contexts(point, request, slot)
        ),
    )
