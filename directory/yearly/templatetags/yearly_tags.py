"""Filters that show a summary's stored figures, whatever their JSON shape."""

from django import template

register = template.Library()


@register.filter
def value_kind(value) -> str:
    if value is None or value == "":
        return "none"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return "plain"
