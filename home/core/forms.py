"""Form errors a visitor can act on: the summary at the top of a form, and messages that say
what to do instead of Django's generic "This field is required."

Every public form renders `{% error_summary form %}` (home/core/templatetags/form_errors.py)
above itself; base.html prefixes the page title with "Error: " while `form` has errors.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

GENERIC_REQUIRED = forms.Field.default_error_messages["required"]


@dataclass(frozen=True)
class SummaryError:
    message: str
    # The id of the control that takes focus from the summary's link; "" for an error of the
    # whole form, which is listed without a link.
    anchor: str = ""


def field_anchor(bound_field: forms.BoundField) -> str:
    """The id of the control to focus for this field's error.

    Radio buttons and checkbox lists have no control of the field's own id: the link goes to
    the first option, which is what a keyboard user would tab to.
    """
    if bound_field.id_for_label:
        return bound_field.id_for_label
    auto_id = bound_field.auto_id
    if not auto_id:
        return ""
    return bound_field.field.widget.id_for_label(auto_id, "0") or auto_id


def summary_errors(forms_: Iterable[object]) -> list[SummaryError]:
    """Every error of these forms (and formsets), in the order of their fields on the page."""
    items: list[SummaryError] = []
    for form in forms_:
        # A template passes "" for a form its view did not give.
        if not isinstance(form, forms.BaseForm | forms.BaseFormSet):
            continue
        if isinstance(form, forms.BaseFormSet):
            items.extend(SummaryError(str(error)) for error in form.non_form_errors())
            items.extend(summary_errors(form.forms))
            continue
        if not form.is_bound:
            continue
        items.extend(SummaryError(str(error)) for error in form.non_field_errors())
        for bound_field in form:
            if bound_field.is_hidden:
                # A hidden field's error (the bot check's token) cannot be corrected by hand:
                # it is a form-wide message.
                items.extend(SummaryError(str(error)) for error in bound_field.errors)
                continue
            anchor = field_anchor(bound_field)
            items.extend(SummaryError(str(error), anchor) for error in bound_field.errors)
    return items


def _plain_label(field: forms.Field, name: str) -> str:
    label = str(field.label) if field.label else name.replace("_", " ").capitalize()
    return label.strip().rstrip("?？:：").strip()


def required_message(field: forms.Field, name: str):
    """What to do about an empty field, by the kind of control it is."""
    widget = field.widget
    label = _plain_label(field, name)
    if widget.is_hidden:
        # Only a page kept open too long or a bot sends a hidden field empty.
        return _("The form could not be checked. Send it again.")
    if isinstance(widget, forms.CheckboxInput):
        return _("Tick the box to continue.")
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return _("Choose a file for “%(label)s”.") % {"label": label}
    if isinstance(widget, forms.Select | forms.RadioSelect | forms.CheckboxSelectMultiple):
        return _("Choose an answer for “%(label)s”.") % {"label": label}
    return _("Fill in “%(label)s”.") % {"label": label}


class ActionableErrorsMixin:
    """Replaces the generic required message of every field that has no message of its own.

    Forms that know better give each field its own `error_messages={"required": ...}`; this is
    the floor for the rest, so no public form answers "This field is required." again.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if str(field.error_messages.get("required", "")) == str(GENERIC_REQUIRED):
                field.error_messages["required"] = required_message(field, name)
