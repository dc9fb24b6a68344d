"""Wagtail's image and document forms (add, edit, multiple upload), with the checks of uploads.py.

Set as WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE. Wagtail already refuses
an image over WAGTAILIMAGES_MAX_IMAGE_PIXELS; it does not look for HTML hidden in an image (a
polyglot that a browser may render as a page), nor into an Office file or zip (a zip bomb).
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import check_no_html, check_office_archive

ARCHIVE_EXTENSIONS = {"docx", "xlsx", "zip"}


def _new_upload(form) -> UploadedFile | None:
    # Only a new upload: editing the title keeps the stored file.
    upload = form.cleaned_data.get("file")
    return upload if isinstance(upload, UploadedFile) else None


class ImageForm(BaseImageForm):
    def clean_file(self):
        if upload := _new_upload(self):
            check_no_html(upload)
        return self.cleaned_data.get("file")


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = _new_upload(self)
        if upload and upload.name.rsplit(".", 1)[-1].lower() in ARCHIVE_EXTENSIONS:
            check_office_archive(upload)
        return self.cleaned_data.get("file")
