"""Field checks for the consultation form: phone numbers, single lines, attachments."""

import re
import unicodedata
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
# Area codes 010 and 020–029 have three digits, all others four.
LANDLINE = re.compile(r"^(?:\+?86)?(0[12]\d|0[3-9]\d{2})(\d{7,8})(?:(?:转|ext\.?|x|#)(\d{1,6}))?$")
LANDLINE_DASHED = re.compile(r"^(?:\+?86-?)?(0\d{2,3})-(\d{7,8})(?:-(\d{1,6}))?$")
HOTLINE = re.compile(r"^([48]00)(\d{3})(\d{4})$")


def normalise_text(value: str) -> str:
    # Full-width letters, digits and punctuation (１３８, ＠) become their usual forms.
    return unicodedata.normalize("NFKC", value)


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


# Checked by content, not by the name the browser sends.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
OFFICE_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def _detect(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind and kind.extension in {"pdf", "png", "jpg"}:
        return kind.extension
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        for extension, marker in OFFICE_MARKERS.items():
            if marker in names and "[Content_Types].xml" in names:
                return extension
    return None


def check_attachment(upload) -> str:
    """The attachment's real type (pdf, png, jpg, docx, xlsx), or a ValidationError."""
    limit = settings.CONSULTATION_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; files up to %(limit)s are accepted.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    detected = _detect(upload)
    if detected is None:
        raise ValidationError(
            _("Attach a PDF, Word (DOCX), Excel (XLSX), PNG or JPG file."), code="file_type"
        )
    claimed = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    claimed = "jpg" if claimed == "jpeg" else claimed
    if claimed != detected:
        raise ValidationError(
            _("The file's content does not match its name (.%(claimed)s).") % {"claimed": claimed},
            code="file_mismatch",
        )
    return detected
