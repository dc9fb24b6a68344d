"""The sections of the online form, in annex 1's order, and what each page is made of.

A page has a main form (fields of the application itself), a formset of repeated parts, or
both; the views build them from this table and never need to know which section is which.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .forms import parts, sections
from .models import Section


@dataclass(frozen=True)
class SectionPage:
    section: Section
    intro: str
    form: type | None = None
    formset: type | None = None


PAGES = [
    SectionPage(
        Section.BASIC,
        _("The organisation applying: a legal entity registered in the office's region."),
        form=sections.BasicForm,
    ),
    SectionPage(
        Section.CATEGORY, _("Which kind of point you would be."), form=sections.CategoryForm
    ),
    SectionPage(
        Section.QUALIFICATIONS,
        _(
            "Qualifications you already hold, each with its proof. A national or provincial "
            "qualification gives priority (第六条). Leave empty if you hold none."
        ),
        formset=parts.QualificationFormSet,
    ),
    SectionPage(Section.AUDIENCES, _("Whom you serve."), form=sections.AudiencesForm),
    SectionPage(
        Section.INFRASTRUCTURE,
        _("Premises, network and equipment for the service (第五条 (三))."),
        form=sections.InfrastructureForm,
    ),
    SectionPage(
        Section.RULES,
        _("Your rules for the IP information public service (第五条 (二))."),
        form=sections.RulesForm,
    ),
    SectionPage(
        Section.SERVICES,
        _("The services you will offer, from the reference catalogue. Basic services are free."),
        form=parts.ServicesForm,
    ),
    SectionPage(Section.STRENGTHS, "", form=sections.StrengthsForm),
    SectionPage(
        Section.TEAM,
        _(
            "One entry per person: the head of the point and at least the office's minimum of "
            "full-time staff (第五条 (一)), with their certificates and experience."
        ),
        formset=parts.TeamFormSetFactory,
    ),
    SectionPage(Section.PLAN, "", form=sections.PlanForm),
    SectionPage(
        Section.CASES,
        _("One or two typical cases of your IP information service: name, date, content, effect."),
        formset=parts.CaseFormSetFactory,
    ),
    SectionPage(
        Section.ATTACHMENTS,
        _(
            "Required: the business licence or registration certificate, the working rules, "
            "the service record of the last two years. Helpful: staff certificates and other "
            "proof. PDF, Word, Excel, PowerPoint, PNG or JPG."
        ),
        formset=parts.AttachmentFormSet,
    ),
    SectionPage(
        Section.DECLARATION,
        _("The declaration of truth (第七条): the organisation answers for its material."),
        form=sections.DeclarationForm,
    ),
]
BY_SECTION = {page.section: page for page in PAGES}
ORDER = [page.section for page in PAGES]


def page_for(value: str) -> SectionPage | None:
    try:
        return BY_SECTION[Section(value)]
    except ValueError:
        return None


def next_section(section: Section) -> Section | None:
    index = ORDER.index(section)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None
