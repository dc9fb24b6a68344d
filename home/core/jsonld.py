"""schema.org JSON-LD for a page's <script type="application/ld+json">."""

import json

from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe


def json_ld(data: dict | list) -> SafeString:
    """`data` as JSON that is safe inside a <script> element.

    The same escapes as Django's `json_script` filter (<, > and & as \\u escapes, so no text of an
    editor's can close the element), with Chinese kept readable.
    """
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_json_script_escapes))  # noqa: S308
