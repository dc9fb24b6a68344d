"""Reference rows in the visitor's language, for templates (directory/names.py).

{% load reference_names %}
{{ point|place }}          广东省广州市 · "Guangzhou, Guangdong" on the English site
{{ point|place:"district" }}   with the district
{{ service|label }}        the same as {{ service.label }}, for rows handed in as variables
"""

from django import template

from ..names import label as label_of
from ..names import place_label

register = template.Library()


@register.filter
def label(obj, field: str = "name") -> str:
    return label_of(obj, field or "name")


@register.filter
def place(point, detail: str = "") -> str:
    """Where a point (or anything with province/city/district) is, in the visitor's language."""
    if point is None:
        return ""
    district = getattr(point, "district", None) if detail == "district" else None
    return place_label(getattr(point, "province", None), getattr(point, "city", None), district)
