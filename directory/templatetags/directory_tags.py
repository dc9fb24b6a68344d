import json

from django import template
from django.utils import timezone
from django.utils.http import urlencode

from ..opening import Hours, current_calendar, opening_status, script_data

register = template.Library()

# Choosing a broader place makes the narrower one meaningless.
CLEARS = {"province": ("city", "district"), "city": ("district",)}


def toggle_url(
    base_url: str, params: dict[str, str], param: str, value: str, selected: bool | None = None
) -> str:
    """The link of a facet option: choosing it, or removing it when it is `selected` (a
    province shown as chosen because its city is, without being in the query, included)."""
    params = dict(params)
    params.pop("page", None)
    if selected is None:
        selected = params.get(param) == value
    if selected:
        params.pop(param, None)
    else:
        params[param] = value
    for cleared in CLEARS.get(param, ()):
        params.pop(cleared, None)
    return f"{base_url}?{urlencode(params)}" if params else base_url


@register.inclusion_tag("components/facet_group.html")
def facet_group(label, param, options, query, base_url):
    """A facet's options as links; sub-kinds (an option with a parent) nested under theirs."""
    params = query.params()
    items = {}
    for o in options or []:
        items[o.value] = {
            "label": o.label,
            "count": o.count,
            "selected": o.selected,
            "url": toggle_url(base_url, params, param, o.value, o.selected),
            "parent": o.parent,
            "children": [],
        }
    top = []
    for item in items.values():
        if item["parent"] in items:
            items[item["parent"]]["children"].append(item)
        else:
            top.append(item)
    return {"label": label, "param": param, "options": top}


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


@register.inclusion_tag("components/open_now.html", takes_context=True)
def open_now(context, point):
    """Open now / closed for `point`: its `opening` if the view computed it (the listing, the
    profile), else computed here with the calendar the context holds (one read a page)."""
    now = context.get("opening_now") or timezone.now()
    status = getattr(point, "opening", None)
    if status is None:
        calendar = context.get("opening_calendar") or current_calendar()
        status = opening_status(Hours.of(point), now, calendar)
    return {
        "status": status,
        "script_data": json.dumps(script_data(status, now), ensure_ascii=False) if status else "",
        "id": f"open-now-{point.pk}",
    }
