"""One form per section of annex 1 whose fields live on the application itself.

Every field is optional here: a draft is saved whatever is missing, and completeness is the
business of conditions.py. What the forms refuse is bad format (a phone number that is none, a
text over its limit, a file of the wrong type), so a draft never holds what cannot be right.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from directory.models import Audience, PointCategory, Region
from home.core.validation import normalise_phone, single_line

from ..conditions import TEXT_MAX
from ..files import validate_new_upload
from ..models import Application
from .widgets import PrivateFileInput

YES_NO = [(True, _("yes")), (False, _("no"))]


def default_locale():
    return Locale.get_default()


class SectionForm(forms.ModelForm):
    """A section's form bound to the application; `valid_fields()` tells what may be kept."""

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, instance=application, **kwargs)
        for field in self.fields.values():
            field.required = False
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.Textarea):
                field.validators.append(single_line)

    def valid_fields(self) -> list[str]:
        """Fields whose typed value passed its checks (after is_valid() has run)."""
        return [name for name in self.fields if name not in self.errors]


class BasicForm(SectionForm):
    website = forms.URLField(
        label=_("website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Application
        fields = [
            "organisation",
            "nature",
            "province",
            "city",
            "district",
            "address",
            "head_name",
            "head_title",
            "staff_total",
            "staff_full_time",
            "staff_part_time",
            "contact_person",
            "phone",
            "email",
            "website",
            "wechat_account",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.filter(locale=default_locale()).order_by("adcode")
        self.fields["province"].queryset = regions.filter(level=Region.Level.PROVINCE)
        self.fields["city"].queryset = regions.filter(level=Region.Level.CITY)
        # Districts of the chosen city only: thousands of them would make the page unusable.
        city_id = self.data.get(self.add_prefix("city")) if self.is_bound else None
        city_id = city_id or self.instance.city_id
        self.fields["district"].queryset = regions.filter(
            level=Region.Level.DISTRICT, parent_id=city_id if str(city_id).isdigit() else None
        )
        self.fields["district"].help_text = _(
            "Choose the city and save the page: the districts of that city are then listed."
        )
        for name in ("staff_total", "staff_full_time", "staff_part_time"):
            self.fields[name].widget.attrs["min"] = 0

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        return normalise_phone(phone) if phone else ""


class CategoryForm(SectionForm):
    class Meta:
        model = Application
        fields = ["category", "subkind"]
        widgets = {"category": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        categories = PointCategory.objects.filter(locale=default_locale()).order_by("pk")
        self.fields["category"].queryset = categories.filter(parent__isnull=True)
        self.fields["category"].empty_label = None
        self.fields["subkind"].queryset = categories.filter(parent__isnull=False)
        self.fields["subkind"].help_text = _("Only for market service firms: which kind.")


class AudiencesForm(SectionForm):
    class Meta:
        model = Application
        fields = ["audiences"]
        widgets = {"audiences": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audiences"].queryset = Audience.objects.filter(
            locale=default_locale()
        ).order_by("pk")


class InfrastructureForm(SectionForm):
    class Meta:
        model = Application
        fields = ["service_area_m2", "has_network", "has_hardware", "databases"]
        widgets = {
            "has_network": forms.RadioSelect(choices=YES_NO),
            "has_hardware": forms.RadioSelect(choices=YES_NO),
            "databases": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "has_network": _(
                "Do you have the network, hardware and software to offer the service?"
            ),
            "has_hardware": _(
                "Can you search and analyse with IP databases, literature and analysis tools?"
            ),
        }


class RulesForm(SectionForm):
    class Meta:
        model = Application
        fields = ["rules_name", "rules_file"]
        widgets = {"rules_file": PrivateFileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rules_file"].validators.append(validate_new_upload)


def _long_text(label, help_text):
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_MAX,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 16, "maxlength": TEXT_MAX, "data-counter": TEXT_MAX}),
    )


class StrengthsForm(SectionForm):
    strengths = _long_text(
        _("Foundation and strengths"),
        _(
            "About 2,000 characters (at most 2,500): premises and equipment; your experience "
            "with basic, low-cost professional and value-added services; your working rules; "
            "your financial resources. Attach the proof in the attachments section."
        ),
    )

    class Meta:
        model = Application
        fields = ["strengths"]


class PlanForm(SectionForm):
    development_plan = _long_text(
        _("Development plan and support measures"),
        _(
            "About 2,000 characters (at most 2,500): what you will offer in each tier and your "
            "goals; money, people, how you will run it, where you are heading."
        ),
    )

    class Meta:
        model = Application
        fields = ["development_plan"]


class DeclarationForm(SectionForm):
    class Meta:
        model = Application
        fields = ["declaration_accepted", "declared_by"]
        labels = {
            "declaration_accepted": _(
                "We declare that everything in this application and its attachments is true, "
                "lawful and complete. We know that false material leads to revocation and a "
                "three-year bar on applying again (第二十一条)."
            ),
            "declared_by": _("Name of the person responsible"),
        }
