"""The bot checks every public form shares: a honeypot and a signed minimum-time token.

The token's nonce identifies the submission, so a double click is one request or one
registration. Problems are shown above the form, because both fields are hidden.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import abuse
from .forms import ActionableErrorsMixin


class BotCheckedForm(ActionableErrorsMixin, forms.Form):
    # Honeypot: hidden from people (and from assistive technology) by the template.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.nonce = ""
        if not self.is_bound or not self.data.get("form_token"):
            self.initial["form_token"] = abuse.issue_token()

    def clean_form_token(self):
        token = self.cleaned_data["form_token"]
        try:
            self.nonce = abuse.check_token(token)
        except abuse.TokenTooFast:
            self._token_error(
                _("That was quicker than a person can fill in the form. Check it and send again."),
                "too_fast",
            )
        except abuse.TokenExpired:
            self._token_error(
                _("This form was open too long. Check your entries and send again."), "expired"
            )
        except abuse.TokenError:
            self._token_error(_("The form could not be checked. Send it again."), "invalid")
        return token

    def _token_error(self, message, code):
        # A fresh token goes back with the re-shown form, so a second try can succeed.
        self.data = self.data.copy()
        self.data["form_token"] = abuse.issue_token()
        self.add_error(None, forms.ValidationError(message, code=code))

    def clean_website(self):
        if self.cleaned_data["website"]:
            self.add_error(
                None,
                forms.ValidationError(
                    _("The form could not be checked. Send it again."), code="honeypot"
                ),
            )
        return ""
