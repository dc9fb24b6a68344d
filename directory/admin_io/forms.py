"""The upload form: a CSV or XLSX file, checked by size and by content before it is read."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from home.core.uploads import check_document_upload, detect_type

from ..io.files import FileFormatError, file_format

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_bytes() -> int:
    return getattr(settings, "POINT_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet of points"),
        help_text=_(
            "A CSV file (UTF-8) or an XLSX workbook with a header row, in the format of the "
            "export below. It is checked first; nothing is saved until you confirm."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            kind = file_format(upload.name)
        except FileFormatError as error:
            raise ValidationError(str(error), code="file_type") from None
        limit = max_bytes()
        if kind == "xlsx":
            check_document_upload(
                upload,
                max_bytes=limit,
                office_types=("xlsx",),
                type_error=_("This is not an XLSX workbook: save it from Excel or WPS as .xlsx."),
            )
        else:
            if upload.size > limit:
                raise ValidationError(
                    _("The file is %(size)s; files up to %(limit)s are accepted.")
                    % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                    code="too_large",
                )
            # A workbook or a PDF renamed to .csv would only give a confusing decoding error.
            if detect_type(upload, ("xlsx", "docx")) is not None:
                raise ValidationError(
                    _("This file is not a CSV text file: save the sheet as “CSV UTF-8”."),
                    code="file_mismatch",
                )
        upload.import_format = "xlsx" if kind == "xlsx" else "csv"
        return upload
