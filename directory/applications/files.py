"""The application's uploaded files: what is accepted, and how a permitted user gets one back.

Proofs, rules and attachments live in private storage (home/core/storage.py): no URL serves
them. `serve_private_file` streams one after the caller's permission check; the applicant's
views check ownership, the office's review (admin/) checks the review permission.
"""

import os

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _

from home.core.uploads import check_document_upload

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_bytes() -> int:
    return getattr(settings, "APPLICATION_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_upload(upload) -> str:
    """The upload's real type (pdf, png, jpg, docx, xlsx, pptx), or a ValidationError."""
    # Checked by content, not by the name the browser sends (home/core/uploads.py).
    return check_document_upload(
        upload,
        max_bytes=max_bytes(),
        office_types=("docx", "xlsx", "pptx"),
        type_error=_(
            "Upload a PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), PNG or JPG file."
        ),
    )


def validate_new_upload(value):
    """A form field validator: checks a new upload, lets a stored file through unchanged."""
    if isinstance(value, UploadedFile):
        check_upload(value)
    return value


def display_name(field_file) -> str:
    return os.path.basename(field_file.name) if field_file else ""


def serve_private_file(request, field_file) -> FileResponse:
    """Stream `field_file` as a download. The caller has already checked the permission."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=display_name(field_file))
    # The applicant chose the file: the browser must not guess it is HTML, and were it ever
    # shown, it runs and loads nothing (django-csp keeps a header already set).
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


def application_files(application) -> dict[str, object]:
    """Every stored file of `application` by its storage name, to find one a link names."""
    files = {}
    if application.rules_file:
        files[application.rules_file.name] = application.rules_file
    for held in application.qualifications.all():
        if held.proof:
            files[held.proof.name] = held.proof
    for attachment in application.attachments.all():
        files[attachment.file.name] = attachment.file
    return files
