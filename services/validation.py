"""Attachment checks for the consultation form (contact checks are home/core/validation.py)."""

import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from home.core.uploads import check_image_pixels, check_no_html, check_office_archive

# Checked by content, not by the name the browser sends.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
IMAGE_TYPES = {"png", "jpg"}
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
    # Its content, beyond the type: an image within the pixel limit and free of HTML (a
    # polyglot), an Office file that does not expand into a zip bomb.
    if detected in IMAGE_TYPES:
        check_no_html(upload)
        check_image_pixels(upload)
    elif detected in OFFICE_MARKERS:
        check_office_archive(upload)
    return detected
