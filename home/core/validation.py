"""Contact checks shared by every public form: Chinese phone numbers, single-line fields."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
# Area codes 010 and 020–029 have three digits, all others four.
LANDLINE = re.compile(r"^(?:\+?86)?(0[12]\d|0[3-9]\d{2})(\d{7,8})(?:(?:转|ext\.?|x|#)(\d{1,6}))?$")
LANDLINE_DASHED = re.compile(r"^(?:\+?86-?)?(0\d{2,3})-(\d{7,8})(?:-(\d{1,6}))?$")
HOTLINE = re.compile(r"^([48]00)(\d{3})(\d{4})$")


def normalise_text(value: str) -> str:
    # Full-width letters, digits and punctuation (１３８, ＠) become their usual forms.
    return unicodedata.normalize("NFKC", value)


# Characters that change how text around them is shown without being seen themselves: bidi
# embeddings, overrides and isolates (U+202A–202E, U+2066–2069, which can make "gpj.exe" read
# "exe.jpg"), marks (U+200E/200F, U+061C), zero-width spaces and joiners, the word joiner and
# invisible operators (U+200B–200D, U+2060–2064), the BOM and the soft hyphen.
INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def strip_invisible(value: str) -> str:
    """Remove invisible formatting characters (see INVISIBLE) from text people typed.

    Stripping rather than refusing: they come in by copy and paste far more often than by
    intent, and what is left is what the person saw.
    """
    return INVISIBLE.sub("", value)


def normalise_phone(value: str) -> str:
    """A Chinese mobile, landline (with area code) or 400/800 number in one standard form.

    Accepts full-width digits, spaces, dots, brackets and a +86 prefix:
    “１３８ ００１３ ８０００” → 13800138000, “(020) 8765-4321” → 020-87654321.
    """
    text = normalise_text(value).strip()
    text = re.sub(r"[\s.·]", "", text).replace("(", "").replace(")", "-").replace("（", "")
    text = text.replace("－", "-").replace("—", "-").replace("–", "-").lstrip("-")
    if match := MOBILE.match(text.replace("-", "")):
        return match.group(1)
    if match := LANDLINE_DASHED.match(text):
        area, number, extension = match.groups()
        return f"{area}-{number}" + (f"-{extension}" if extension else "")
    if match := LANDLINE.match(text.replace("-", "")):
        area, number, extension = match.groups()
        return f"{area}-{number}" + (f"-{extension}" if extension else "")
    if match := HOTLINE.match(text.replace("-", "")):
        return "-".join(match.groups())
    raise ValidationError(
        _(
            "Enter a mobile number (11 digits, e.g. 13800138000) or a landline with its area "
            "code (e.g. 020-87654321)."
        ),
        code="phone",
    )


def single_line(value: str) -> str:
    """Refuse line breaks and control characters in one-line fields (they end up in headers)."""
    if any(unicodedata.category(char) in {"Cc", "Zl", "Zp"} for char in value):
        raise ValidationError(_("Use a single line without line breaks."), code="single_line")
    return value
