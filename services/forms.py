"""The public consultation forms: asking, finding your request again, rating the answer."""

import json

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from directory.models import Region, ServiceItem, Tier
from directory.names import current_language
from home.core.bot_checks import BotCheckedForm
from home.core.forms import ActionableErrorsMixin
from home.core.validation import normalise_phone, normalise_text, single_line, strip_invisible

from .models import ReplyChannel
from .validation import check_attachment
from .widgets import FastSelect

CITY_CHOICES_CACHE_KEY = "consultation-city-choices"
CITY_KEYWORDS_CACHE_KEY = "consultation-city-keywords"
# The longest address SMTP carries (RFC 5321) and the model field stores.
EMAIL_MAX_LENGTH = 254


class VisibleCharField(forms.CharField):
    """Text without invisible formatting characters (home/core/validation.py `strip_invisible`).

    Stripped before the field's own checks, so that a name of zero-width spaces is an empty
    name and the length counted is the length seen.
    """

    def to_python(self, value):
        value = strip_invisible(super().to_python(value))
        return value.strip() if self.strip else value


class VisibleEmailField(forms.EmailField):
    """An e-mail address of at most 254 characters, invisible characters stripped first."""

    default_error_messages = {
        "max_length": _("An e-mail address has at most 254 characters: check this one.")
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(**kwargs)

    def to_python(self, value):
        return strip_invisible(super().to_python(value)).strip()


def city_choices():
    """Cities grouped by province, for a picker that works without JavaScript.

    Cached: regions change only when an editor renames one (a signal clears the cache).
    """
    key = f"{CITY_CHOICES_CACHE_KEY}:{current_language()}"  # names differ per language
    choices = cache.get(key)
    if choices is None:
        choices = _city_choices()
        cache.set(key, choices, 3600)
    return [("", _("Choose your city")), *choices]


def forget_city_choices(**kwargs):
    cache.delete_many([f"{CITY_CHOICES_CACHE_KEY}:{code}" for code, _n in settings.LANGUAGES])
    cache.delete(CITY_KEYWORDS_CACHE_KEY)


def city_keywords() -> dict[str, str]:
    """What a visitor may type to find a city in the list's filter box (js/city-filter.js),
    in either script whatever the page's language: the city's and its province's Chinese and
    English names and the pinyin of the city's slug.

    Cached with the choices (and cleared with them).
    """
    keywords = cache.get(CITY_KEYWORDS_CACHE_KEY)
    if keywords is None:
        rows = Region.objects.filter(
            level=Region.Level.CITY, locale=Locale.get_default()
        ).values_list("pk", "slug", "name", "name_en", "parent__name", "parent__name_en")
        keywords = {
            str(pk): " ".join(filter(None, (slug.rsplit("-", 1)[0], *names)))
            for pk, slug, *names in rows
        }
        cache.set(CITY_KEYWORDS_CACHE_KEY, keywords, 3600)
    return keywords


def initial_city(point=None, city_hint: str | None = None) -> int | None:
    """The city to preselect: the point's own when asking a point, else the city the visitor
    chose in the directory's filter (its adcode, as in `?city=440100`)."""
    if point is not None and point.city_id:
        return point.city_id
    if city_hint and city_hint.isdigit():
        return (
            Region.objects.filter(
                level=Region.Level.CITY, locale=Locale.get_default(), adcode=city_hint
            )
            .values_list("pk", flat=True)
            .first()
        )
    return None


def _city_choices():
    rows = (
        Region.objects.filter(level=Region.Level.CITY, locale=Locale.get_default())
        .select_related("parent")
        .order_by("parent__adcode", "adcode")
    )
    groups: dict[str, list] = {}
    for city in rows:
        groups.setdefault(city.parent.label if city.parent else "", []).append(
            (city.pk, city.label)
        )
    return list(groups.items())


def service_choices(point=None):
    services = ServiceItem.objects.filter(locale=Locale.get_default())
    if point is not None:
        services = services.filter(offerings__point=point).distinct()
    grouped: dict[str, list] = {}
    labels = dict(Tier.choices)
    for service in services.order_by("sort_order", "code"):
        grouped.setdefault(str(labels.get(service.tier, "")), []).append(
            (service.pk, service.label)
        )
    return [("", _("Not sure")), *grouped.items()]


class ConsultationForm(BotCheckedForm):
    service = forms.TypedChoiceField(
        label=_("Which service is your question about?"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=FastSelect,
    )
    subject = VisibleCharField(
        label=_("Subject"),
        max_length=120,
        validators=[single_line],
        error_messages={"required": _("Enter a subject: a few words on what you need.")},
    )
    question = VisibleCharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[MaxLengthValidator(settings.CONSULTATION_QUESTION_MAX_CHARS)],
        error_messages={"required": _("Enter your question.")},
    )
    name = VisibleCharField(
        label=_("Your name"),
        max_length=60,
        validators=[single_line],
        error_messages={"required": _("Enter your name, so the point knows whom to answer.")},
    )
    organisation = VisibleCharField(
        label=_("Organisation"), max_length=120, required=False, validators=[single_line]
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = VisibleEmailField(
        label=_("E-mail"),
        required=False,
        error_messages={
            "max_length": _(
                "An e-mail address has at most 254 characters: check this one, or give a phone "
                "number instead."
            )
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    reply_channel = forms.ChoiceField(
        label=_("How should we reply?"),
        choices=ReplyChannel.choices,
        initial=ReplyChannel.EMAIL,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how we should reply: by e-mail or by phone."),
            "invalid_choice": _("Choose how we should reply: by e-mail or by phone."),
        },
    )
    city = forms.TypedChoiceField(
        label=_("Your city"),
        coerce=int,
        empty_value=None,
        widget=FastSelect,
        error_messages={
            "required": _("Choose your city, so that a point near you answers."),
            "invalid_choice": _("Choose your city from the list."),
        },
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, PNG or JPG, up to 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"}),
    )
    consent = forms.BooleanField(label=_("I agree"), required=True)

    def __init__(self, *args, point=None, action: str = "", city_hint: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.point = point
        self.fields["service"].choices = service_choices(point)
        # Set per form, not on the class: a lazy string formatted at import is frozen in the
        # language the process started in.
        self.fields["question"].help_text = _(
            "Up to %(count)s characters. Do not include ID numbers or passwords."
        ) % {"count": settings.CONSULTATION_QUESTION_MAX_CHARS}
        self.fields["city"].choices = city_choices()
        # One attribute for the whole list, not one per option: the options' markup stays
        # what every other reader of the form expects.
        self.fields["city"].widget.attrs.update(
            {
                "data-filter-label": _("Type to shorten the list (e.g. 广州 or Guangzhou)"),
                "data-filter-status": _("Cities that match: %(count)s"),
                "data-keywords": json.dumps(city_keywords(), ensure_ascii=False),
            }
        )
        if not self.is_bound and not self.initial.get("city"):
            self.initial["city"] = initial_city(point, city_hint)
        self.fields["consent"].label = consent_label(point)
        self.fields["consent"].error_messages["required"] = _(
            "Tick the box to agree, or we cannot receive your question."
        )
        self.helper = self._helper(action)

    def _helper(self, action):
        helper = FormHelper()
        helper.form_action = action
        helper.form_id = "consultation-form"
        helper.attrs = {"novalidate": ""}  # the server's messages, in the page's language
        helper.layout = Layout(
            Fieldset(_("Your question"), "service", "subject", "question", "attachment"),
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
                        _("Give a phone number, an e-mail address, or both."),
                    )
                ),
                "reply_channel",
                "city",
            ),
            Div(
                Field("website", tabindex="-1", autocomplete="off"),
                css_class="visually-hidden",
                aria_hidden="true",
            ),
            "form_token",
            Field("consent"),
            Submit("submit", _("Send my question"), css_class="btn-primary btn-lg"),
        )
        return helper

    def clean_phone(self):
        value = strip_invisible(self.cleaned_data["phone"]).strip()
        return normalise_phone(value) if value else ""

    def clean_email(self):
        return normalise_text(self.cleaned_data["email"]).strip().lower()

    def clean_question(self):
        value = self.cleaned_data["question"]
        if not value.strip():
            raise forms.ValidationError(_("Write your question."), code="required")
        return value

    def clean_service(self):
        pk = self.cleaned_data["service"]
        if pk is None:
            return None
        return ServiceItem.objects.get(pk=pk)

    def clean_city(self):
        pk = self.cleaned_data["city"]
        return Region.objects.select_related("parent").get(pk=pk)

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload

    def clean(self):
        data = super().clean()
        phone, email = data.get("phone"), data.get("email")
        if "phone" in data and "email" in data and not phone and not email:
            self.add_error("phone", _("Give a phone number or an e-mail address."))
        channel = data.get("reply_channel")
        if channel == ReplyChannel.EMAIL and "email" in data and not email and phone:
            self.add_error("email", _("You chose a reply by e-mail: give your e-mail address."))
        if channel == ReplyChannel.PHONE and "phone" in data and not phone and email:
            self.add_error("phone", _("You chose a reply by phone: give your phone number."))
        return data


def consent_label(point=None):
    """The privacy notice the asker agrees to: who receives the data, for what, how long."""
    recipient = point.title if point is not None else _("the point chosen to answer you")
    years = settings.CONSULTATION_RETENTION_DAYS // 365
    return format_html(
        '{} <a href="{}">{}</a>',
        _(
            "I agree that my name, contact details, city and question are passed to %(recipient)s "
            "(and, if it passes the question on, to the point or IP office that answers it), "
            "only to answer my question and to count the service in its ledger, and that they "
            "are erased %(years)s years after the question is closed, or earlier when I ask."
        )
        % {"recipient": recipient, "years": years},
        reverse("privacy_policy"),
        _("Privacy policy"),
    )


class TrackingLookupForm(ActionableErrorsMixin, forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        error_messages={"required": _("Enter the tracking code from your confirmation.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    secret = VisibleCharField(
        label=_("Last 4 digits of your phone number, or your e-mail address"),
        max_length=254,
        error_messages={
            "required": _(
                "Enter the last 4 digits of your phone number, or the e-mail address you gave."
            )
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_code(self):
        code = strip_invisible(normalise_text(self.cleaned_data["code"])).upper()
        return "".join(char for char in code if char.isalnum())


class RatingForm(ActionableErrorsMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer?"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        error_messages={"required": _("Choose a rating from 5 (very satisfied) to 1.")},
        widget=forms.RadioSelect,
        help_text=_("5 = very satisfied, 1 = very dissatisfied."),
    )
    comment = VisibleCharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeletionForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase my personal data and close my question."),
        error_messages={"required": _("Tick the box to confirm.")},
    )
