"""Checks of a proof attachment: by content, not by the name the browser sends (the same rules
as the consultation attachment and application proofs: home/core/uploads.py)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.core.uploads import check_document_upload


def max_bytes() -> int:
    return getattr(settings, "ANNUAL_SUMMARY_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)


def check_proof(upload) -> str:
    """The file's real type, or a translated ValidationError saying what is accepted."""
    return check_document_upload(
        upload,
        max_bytes=max_bytes(),
        office_types=("docx", "xlsx"),
        type_error=_("Attach a PDF, Word (DOCX), Excel (XLSX), PNG or JPG file."),
    )
