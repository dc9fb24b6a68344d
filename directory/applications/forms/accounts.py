"""Registering, signing in, resending the confirmation and resetting the password."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from home.core.bot_checks import BotCheckedForm
from home.core.mail import queue_mail
from home.core.validation import single_line, strip_invisible

from ..accounts import Registration


class _Visible(forms.CharField):
    def to_python(self, value):
        return strip_invisible(super().to_python(value)).strip()


class RegisterForm(BotCheckedForm):
    organisation = _Visible(
        label=_("Organisation"),
        max_length=120,
        validators=[single_line],
        help_text=_("The legal entity's full name, as on its business licence."),
    )
    contact_name = _Visible(label=_("Contact person"), max_length=60, validators=[single_line])
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("You sign in with it; we send the confirmation link there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the office keeps the organisation name, contact person and e-mail "
            "address to run this application, as the privacy policy describes."
        ),
        error_messages={
            "required": _("Without this consent we cannot keep your account: tick the box.")
        },
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ: type the same one twice."))
        elif first:
            # An unsaved user, so that the similarity validator compares with name and e-mail.
            email = cleaned.get("email", "")
            probe = get_user_model()(
                username=email, email=email, first_name=cleaned.get("contact_name", "")
            )
            try:
                password_validation.validate_password(first, user=probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def registration(self) -> Registration:
        data = self.cleaned_data
        return Registration(
            organisation=data["organisation"],
            contact_name=data["contact_name"],
            email=data["email"],
            password=data["password1"],
        )


class SignInForm(AuthenticationForm):
    """Django's sign-in (so django-axes counts every failure), with the e-mail as username."""

    username = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class ResendForm(BotCheckedForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, sending through the outbox (home/core/mail.py) like every mail."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = render_to_string(subject_template_name, context)
        queue_mail(
            kind="application",
            to=to_email,
            subject=subject,
            body=render_to_string(email_template_name, context),
        )
