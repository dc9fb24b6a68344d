"""Query-string parsing shared by every list: numbers, unknown values, links to a page of results.

Lists keep their filters in the query string so every result set is a link; a bad value never
raises, it becomes a message naming the parameter.
"""

from django.utils.http import urlencode
from django.utils.translation import gettext as _


def parse_int(value: str, default: int) -> int | None:
    """A small non-negative integer, `default` when empty, None when it is not one."""
    value = value.strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or len(value) > 6:
        return None
    return int(value)


def unknown_value_message(param: str, value: str) -> str:
    # One whole sentence per parameter, so translators never see a bare parameter name.
    messages = {
        "province": _("There is no province “%(value)s”."),
        "city": _("There is no city with the code “%(value)s”."),
        "district": _("There is no district with the code “%(value)s”."),
        "category": _("There is no point category “%(value)s”."),
        "qualification": _("There is no qualification “%(value)s”."),
        "service": _("There is no catalogue service “%(value)s”."),
        "audience": _("There is no audience “%(value)s”."),
    }
    return messages[param] % {"value": value}


def query_url(base_url: str, params: dict[str, str], page: int = 1) -> str:
    """`base_url` with `params` and, past the first, the page number (`?page=2`)."""
    values = dict(params)
    if page > 1:
        values["page"] = str(page)
    return f"{base_url}?{urlencode(values)}" if values else base_url
