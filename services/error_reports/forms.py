"""The public error report form: what is wrong, and optionally who to answer."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from home.core.bot_checks import BotCheckedForm
from home.core.validation import normalise_phone, normalise_text, single_line, strip_invisible

from ..forms import VisibleCharField, VisibleEmailField
from ..models import ErrorReport

TEXT_MAX_CHARS = 2000


class ErrorReportForm(BotCheckedForm):
    part = forms.ChoiceField(
        label=_("Which part of the profile is wrong?"),
        choices=ErrorReport.Part.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose which part of the profile is wrong.")},
    )
    text = VisibleCharField(
        label=_("What is wrong, and what is right?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[MaxLengthValidator(TEXT_MAX_CHARS)],
        help_text=_(
            "E.g. “The phone number has changed to 020-1234 5678.” Up to 2,000 characters."
        ),
        error_messages={"required": _("Say what is wrong.")},
    )
    name = VisibleCharField(
        label=_("Your name (optional)"), max_length=60, required=False, validators=[single_line]
    )
    email = VisibleEmailField(
        label=_("E-mail (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    consent = forms.BooleanField(required=False)

    def __init__(self, *args, point, **kwargs):
        super().__init__(*args, **kwargs)
        self.point = point
        self.fields["consent"].label = format_html(
            '{} <a href="{}">{}</a>',
            _(
                "I agree that my name and contact details are passed to %(point)s and the IP "
                "office, only to answer this report, and that they are erased %(days)s days "
                "after it is closed."
            )
            % {"point": point.title, "days": _retention_days()},
            reverse("privacy_policy"),
            _("Privacy policy"),
        )

    def clean_phone(self):
        value = strip_invisible(self.cleaned_data["phone"]).strip()
        return normalise_phone(value) if value else ""

    def clean_email(self):
        return normalise_text(self.cleaned_data["email"]).strip().lower()

    def clean(self):
        data = super().clean()
        gave_contact = any(data.get(name) for name in ("name", "email", "phone"))
        # Consent only matters when there is personal data to consent to (seed 002).
        if gave_contact and not data.get("consent"):
            self.add_error(
                "consent",
                forms.ValidationError(
                    _(
                        "You gave contact details: tick the box to agree that we keep them, or "
                        "remove them to report without them."
                    ),
                    code="consent",
                ),
            )
        return data

    @property
    def has_contact(self) -> bool:
        return any(self.cleaned_data.get(name) for name in ("name", "email", "phone"))


def _retention_days() -> int:
    from .handling import contact_retention_days

    return contact_retention_days()
