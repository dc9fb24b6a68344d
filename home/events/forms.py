"""The public registration form of an event (name, contact, consent), in the consultation
form's style: crispy layout, server-side messages only, honeypot and signed min-time token."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from home.core.bot_checks import BotCheckedForm
from home.core.validation import normalise_phone, normalise_text, single_line, strip_invisible

from .registrations import retention_days


def organiser_names(organisers) -> str:
    separator = "、" if (translation.get_language() or "").startswith("zh") else ", "
    return separator.join(organiser.title for organiser in organisers)


def registration_consent_label(organisers=()):
    """Who receives the data (the organising points), for what, and for how long."""
    names = organiser_names(organisers)
    recipient = (
        format_lazy(_("the organising points of this event ({names})"), names=names)
        if names
        else _("the organisers of this event")
    )
    return format_html(
        '{} <a href="{}">{}</a>',
        _(
            "I agree that my name, organisation and contact details are passed to %(recipient)s, "
            "only to manage my registration (confirmation, admission, changes and the waiting "
            "list), and that they are erased %(days)s days after the event, or earlier when I "
            "ask the organisers."
        )
        % {"recipient": recipient, "days": retention_days()},
        reverse("privacy_policy"),
        _("Privacy policy"),
    )


EMAIL_MAX_LENGTH = 254


def clean_text(value: str) -> str:
    """One line as the person saw it: usual character forms, no invisible formatting
    characters (bidi overrides, zero-width), single spaces."""
    return " ".join(strip_invisible(normalise_text(value)).split())


class RegistrationForm(BotCheckedForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=60,
        validators=[single_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=120,
        required=False,
        validators=[single_line],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        # The longest address SMTP allows; PostgreSQL would refuse a longer one at the save.
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "max_length": _("An e-mail address has at most %(limit_value)d characters.")
        },
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(label=_("I agree"), required=True)
    # Honeypot: hidden from people (and from assistive technology) by the layout.

    def __init__(self, *args, organisers=(), action: str = "", waiting_list=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = registration_consent_label(organisers)
        self.fields["consent"].error_messages["required"] = _(
            "Tick the box to agree, or the organisers cannot register you."
        )
        self.helper = self._helper(action, waiting_list)

    def _helper(self, action, waiting_list):
        helper = FormHelper()
        helper.form_action = action
        helper.form_id = "registration-form"
        helper.attrs = {"novalidate": ""}  # the server's messages, in the page's language
        helper.layout = Layout(
            Fieldset(
                _("About you"),
                "name",
                "organisation",
                Div(
                    Div("phone", css_class="col-md-6"),
                    Div("email", css_class="col-md-6"),
                    css_class="row",
                ),
                HTML(
                    format_html(
                        '<p class="form-text mt-n2 mb-3">{}</p>',
                        _(
                            "Give a phone number, an e-mail address, or both. With an e-mail "
                            "address you receive a confirmation."
                        ),
                    )
                ),
            ),
            Div(
                Field("website", tabindex="-1", autocomplete="off"),
                css_class="visually-hidden",
                aria_hidden="true",
            ),
            "form_token",
            Field("consent"),
            Submit(
                "submit",
                _("Join the waiting list") if waiting_list else _("Register"),
                css_class="btn-primary btn-lg",
            ),
        )
        return helper

    def clean_name(self):
        value = clean_text(self.cleaned_data["name"])
        if not value:
            raise forms.ValidationError(_("Enter your name."), code="required")
        return value

    def clean_organisation(self):
        return clean_text(self.cleaned_data["organisation"])

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        return normalise_phone(value) if value else ""

    def clean_email(self):
        return normalise_text(self.cleaned_data["email"]).strip().lower()

    def clean(self):
        data = super().clean()
        if "phone" in data and "email" in data and not data["phone"] and not data["email"]:
            self.add_error("phone", _("Give a phone number or an e-mail address."))
        return data
