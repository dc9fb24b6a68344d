"""Attachment checks for the consultation form (contact checks are home/core/validation.py)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.core.uploads import check_document_upload

# Checked by content, not by the name the browser sends.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def check_attachment(upload) -> str:
    """The attachment's real type (pdf, png, jpg, docx, xlsx), or a ValidationError."""
    return check_document_upload(
        upload,
        max_bytes=settings.CONSULTATION_ATTACHMENT_MAX_BYTES,
        office_types=("docx", "xlsx"),
        type_error=_("Attach a PDF, Word (DOCX), Excel (XLSX), PNG or JPG file."),
    )
