"""The repeated parts of an application: qualifications, services, team, cases, attachments.

Formsets save all or nothing: on a format error the page comes back with every row as typed.
"""

from django import forms
from django.db import transaction
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from directory.models import FeeKind, Qualification, ServiceItem, Tier

from ..conditions import EXPERIENCE_MAX, MAX_CASES
from ..files import validate_new_upload
from ..models import (
    Application,
    ApplicationAttachment,
    ApplicationCase,
    ApplicationQualification,
    ApplicationService,
    ApplicationStaffMember,
)
from .sections import default_locale
from .widgets import PrivateFileInput

MAX_TEAM = 40


class PartFormSet(BaseInlineFormSet):
    """Rows kept in the order shown (sort_order), deletions applied, empty new rows ignored."""

    def save(self, commit=True):
        with transaction.atomic():
            objects = super().save(commit=False)
            for obj in self.deleted_objects:
                obj.delete()
            position = 0
            for form in self.forms:
                if form in self.deleted_forms or (not form.instance.pk and not form.has_changed()):
                    continue
                if hasattr(form.instance, "sort_order"):
                    form.instance.sort_order = position
                position += 1
                form.instance.save()
        return objects


class QualificationForm(forms.ModelForm):
    class Meta:
        model = ApplicationQualification
        fields = ["qualification", "awarded_on", "proof", "note"]
        widgets = {
            "awarded_on": forms.DateInput(attrs={"type": "date"}),
            "proof": PrivateFileInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification"].queryset = Qualification.objects.filter(
            locale=default_locale()
        ).order_by("pk")
        self.fields["proof"].validators.append(validate_new_upload)


QualificationFormSet = inlineformset_factory(
    Application,
    ApplicationQualification,
    form=QualificationForm,
    formset=PartFormSet,
    extra=2,
    max_num=12,
    validate_max=True,
    can_delete=True,
)


class TeamMemberForm(forms.ModelForm):
    class Meta:
        model = ApplicationStaffMember
        fields = ["name", "role", "position", "education", "certificates", "experience"]
        widgets = {
            "experience": forms.Textarea(
                attrs={"rows": 4, "maxlength": EXPERIENCE_MAX, "data-counter": EXPERIENCE_MAX}
            )
        }
        help_texts = {
            "experience": _(
                "About 200 characters (at most 300): IP knowledge and information service work."
            )
        }


class TeamFormSet(PartFormSet):
    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "List at most %(num)d person.", "List at most %(num)d people.", "num"
        ),
    }


TeamFormSetFactory = inlineformset_factory(
    Application,
    ApplicationStaffMember,
    form=TeamMemberForm,
    formset=TeamFormSet,
    extra=2,
    max_num=MAX_TEAM,
    validate_max=True,
    can_delete=True,
)


class CaseForm(forms.ModelForm):
    class Meta:
        model = ApplicationCase
        fields = ["title", "date", "content", "effect"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "content": forms.Textarea(attrs={"rows": 6}),
            "effect": forms.Textarea(attrs={"rows": 4}),
        }


class CaseFormSet(PartFormSet):
    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "Describe at most %(num)d typical case.",
            "Describe at most %(num)d typical cases.",
            "num",
        ),
    }


CaseFormSetFactory = inlineformset_factory(
    Application,
    ApplicationCase,
    form=CaseForm,
    formset=CaseFormSet,
    extra=MAX_CASES,
    max_num=MAX_CASES,
    validate_max=True,
    can_delete=True,
)


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = ApplicationAttachment
        fields = ["kind", "file", "description"]
        widgets = {"file": PrivateFileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_new_upload)


AttachmentFormSet = inlineformset_factory(
    Application,
    ApplicationAttachment,
    form=AttachmentForm,
    formset=PartFormSet,
    extra=3,
    max_num=30,
    validate_max=True,
    can_delete=True,
)


TIER_FIELDS = {
    Tier.BASIC: "basic",
    Tier.PROFESSIONAL: "professional",
    Tier.VALUE_ADDED: "value_added",
}
PAID_FEES = [
    (FeeKind.LOW_COST, FeeKind.LOW_COST.label),
    (FeeKind.NEGOTIABLE, FeeKind.NEGOTIABLE.label),
    (FeeKind.FREE, FeeKind.FREE.label),
]


class ServicesForm(forms.Form):
    """Services picked from the catalogue by tier. Basic services have no fee choice: they
    are free (PointOffering enforces the same rule once the point exists)."""

    basic = forms.ModelMultipleChoiceField(
        label=_("Basic services (free)"),
        queryset=ServiceItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    professional = forms.ModelMultipleChoiceField(
        label=_("Low-cost professional services"),
        queryset=ServiceItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    professional_fee = forms.ChoiceField(
        label=_("Fee for the professional services"), choices=PAID_FEES, required=False
    )
    value_added = forms.ModelMultipleChoiceField(
        label=_("Value-added services"),
        queryset=ServiceItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    value_added_fee = forms.ChoiceField(
        label=_("Fee for the value-added services"), choices=PAID_FEES, required=False
    )

    def __init__(self, *args, application, **kwargs):
        self.application = application
        chosen = list(application.services.select_related("service"))
        initial = {
            name: [s.service_id for s in chosen if s.tier == tier]
            for tier, name in TIER_FIELDS.items()
        }
        for tier in (Tier.PROFESSIONAL, Tier.VALUE_ADDED):
            fees = [s.fee for s in chosen if s.tier == tier]
            initial[f"{TIER_FIELDS[tier]}_fee"] = fees[0] if fees else FeeKind.LOW_COST
        super().__init__(*args, initial=initial, **kwargs)
        catalogue = ServiceItem.objects.filter(locale=default_locale()).order_by("code")
        for tier, name in TIER_FIELDS.items():
            self.fields[name].queryset = catalogue.filter(tier=tier)

    def valid_fields(self) -> list[str]:
        return [name for name in self.fields if name not in self.errors]

    def save(self, fields=None):
        """Replace the chosen services of each tier whose field is in `fields` (all: None)."""
        fields = fields or list(self.fields)
        with transaction.atomic():
            for tier, name in TIER_FIELDS.items():
                if name not in fields:
                    continue
                fee = (
                    FeeKind.FREE
                    if tier == Tier.BASIC
                    else self.cleaned_data.get(f"{name}_fee") or FeeKind.LOW_COST
                )
                services = list(self.cleaned_data.get(name) or [])
                rows = self.application.services.filter(tier=tier)
                rows.exclude(service__in=services).delete()
                kept = set(rows.values_list("service_id", flat=True))
                rows.update(fee=fee)
                ApplicationService.objects.bulk_create(
                    ApplicationService(
                        application=self.application, service=service, tier=tier, fee=fee
                    )
                    for service in services
                    if service.pk not in kept
                )
