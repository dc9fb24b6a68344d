"""A file input that lists a stored private file, linked to its permission-checked download.

Private storage has no public URL, and crispy-forms' template for clearable inputs links
`value.url`; so this is a plain input (crispy renders it with our template) that keeps
ClearableFileInput's behaviour: the stored file stays unless a new one is chosen or "remove"
is ticked.
"""

import os

from django.forms.widgets import FILE_INPUT_CONTRADICTION, CheckboxInput, Input
from django.utils.translation import gettext_lazy as _


class PrivateFileInput(Input):
    """Not a FileInput subclass on purpose: crispy-forms would render any FileInput with
    its own template, which links the file's public URL."""

    input_type = "file"
    needs_multipart_form = True
    template_name = "applications/widgets/private_file.html"  # app templates: the form renderer
    url_for = None  # set per form by link_files(): name → download URL

    def clear_checkbox_name(self, name):
        return name + "-clear"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        stored = bool(value and getattr(value, "name", None) and hasattr(value, "storage"))
        context["widget"].update(
            {
                "stored": stored,
                "stored_name": os.path.basename(value.name) if stored else "",
                "stored_url": self.url_for(value.name) if stored and self.url_for else "",
                "clear_name": self.clear_checkbox_name(name),
                "clear_id": (attrs or {}).get("id", name) + "-clear",
                "clear_label": _("Remove this file"),
                "stored_label": _("Stored:"),
            }
        )
        return context

    def format_value(self, value):
        return None

    def value_from_datadict(self, data, files, name):
        upload = files.get(name)
        if not self.is_required and CheckboxInput().value_from_datadict(
            data, files, self.clear_checkbox_name(name)
        ):
            return FILE_INPUT_CONTRADICTION if upload else False
        return upload

    def value_omitted_from_data(self, data, files, name):
        return name not in files and self.clear_checkbox_name(name) not in data

    def use_required_attribute(self, initial):
        return not initial


def link_files(form, url_for) -> None:
    """Point every PrivateFileInput of `form` at the application's download view."""
    for field in form.fields.values():
        if isinstance(field.widget, PrivateFileInput):
            field.widget.url_for = url_for
