"""What an application still lacks before it can be submitted (第五条, 第七条, 第二十一条).

Plain functions over the saved application, so the submit page, the overview, the office's
review and the tests ask the same question. Messages are gettext'd when called, in the
language active then: the applicant reads them in theirs, the office in its own.
"""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.lifecycle.bars import barred_until

from .models import Application, ApplicationAttachment, ApplicationStaffMember, Section

# 第六条: organisations already holding one of these are recognised with priority.
PRIORITY_QUALIFICATIONS = frozenset(
    {
        "tisc",
        "university_center",
        "national_point",
        "provincial_point",
        "patent_doc_point",
        "patent_info_base",
    }
)
# 第七条: the attachments every application needs (staff certificates and other proof help
# but are not required by the guide).
REQUIRED_ATTACHMENTS = (
    ApplicationAttachment.Kind.LICENCE,
    ApplicationAttachment.Kind.RULES,
    ApplicationAttachment.Kind.SERVICE_RECORD,
)
TEXT_MAX = 2500  # "2,000 characters or so" in annex 1, with room to finish a sentence
EXPERIENCE_MAX = 300
MAX_CASES = 2

BASIC_REQUIRED = (
    "organisation",
    "nature",
    "province",
    "city",
    "address",
    "head_name",
    "head_title",
    "staff_total",
    "staff_full_time",
    "staff_part_time",
    "contact_person",
    "phone",
    "email",
)


def _missing(application: Application, names) -> list[str]:
    problems = []
    for name in names:
        value = getattr(application, name)
        if value is None or value == "":
            label = Application._meta.get_field(name).verbose_name
            problems.append(_("Fill in “%(field)s”.") % {"field": label})
    return problems


def _basic(application: Application) -> list[str]:
    problems = _missing(application, BASIC_REQUIRED)
    province, city, district = application.province, application.city, application.district
    if province and city and city.parent_id != province.pk:
        problems.append(
            _("%(city)s is not in %(province)s: check the province and the city.")
            % {"city": city.name, "province": province.name}
        )
    if city and district and district.parent_id != city.pk:
        problems.append(
            _("%(district)s is not in %(city)s: check the city and the district.")
            % {"district": district.name, "city": city.name}
        )
    minimum = application.office.min_full_time_staff
    full, part, total = (
        application.staff_full_time,
        application.staff_part_time,
        application.staff_total,
    )
    if full is not None and full < minimum:
        problems.append(
            ngettext(
                "At least %(minimum)s full-time staff member is needed; you entered %(count)s.",
                "At least %(minimum)s full-time staff members are needed; you entered %(count)s.",
                minimum,
            )
            % {"minimum": minimum, "count": full}
        )
    if None not in (full, part, total) and full + part > total:
        problems.append(
            _(
                "Full-time (%(full)s) and part-time (%(part)s) staff together are more than "
                "the staff in total (%(total)s)."
            )
            % {"full": full, "part": part, "total": total}
        )
    if application.organisation and (until := barred_until(application.organisation)):
        problems.append(
            _(
                "This organisation may not apply again until %(date)s: its point was revoked "
                "(第二十一条)."
            )
            % {"date": formats.date_format(until, "DATE_FORMAT")}
        )
    return problems


def _category(application: Application) -> list[str]:
    category = application.category
    if category is None:
        return [_("Choose the category of your organisation.")]
    subkind = application.subkind
    if subkind is not None and subkind.parent_id != category.pk:
        return [
            _("“%(subkind)s” is not a kind of “%(category)s”.")
            % {"subkind": subkind.name, "category": category.name}
        ]
    if subkind is None and category.subkinds.exists():
        return [_("Choose the kind of %(category)s.") % {"category": category.name}]
    return []


def _qualifications(application: Application) -> list[str]:
    return [
        _("Upload the proof of “%(qualification)s”.") % {"qualification": held.qualification}
        for held in application.qualifications.select_related("qualification")
        if not held.proof
    ]


def _audiences(application: Application) -> list[str]:
    if not application.audiences.exists():
        return [_("Choose at least one audience you serve.")]
    return []


def _infrastructure(application: Application) -> list[str]:
    problems = []
    if not application.service_area_m2:
        problems.append(_("Enter the area of your service premises in m²."))
    if application.has_network is None or application.has_hardware is None:
        problems.append(_("Answer both questions about the network and the equipment."))
    elif not (application.has_network and application.has_hardware):
        problems.append(
            _(
                "第五条 requires the network, hardware and software to offer the service: an "
                "organisation without them cannot be recognised yet."
            )
        )
    return problems


def _rules(application: Application) -> list[str]:
    problems = []
    if not application.rules_name:
        problems.append(_("Enter the name of your working rules."))
    if not application.rules_file:
        problems.append(_("Upload your working rules."))
    return problems


def _services(application: Application) -> list[str]:
    services = list(application.services.all())
    if not services:
        return [_("Choose at least one service you will offer.")]
    problems = []
    if not any(item.tier == "basic" for item in services):
        problems.append(_("Offer at least one basic service: basic services are free."))
    if any(item.tier == "basic" and item.fee != "free" for item in services):
        problems.append(_("Basic-tier services are free."))
    return problems


def _long_text(value: str, what: str) -> list[str]:
    if not value.strip():
        return [_("Write the %(part)s.") % {"part": what}]
    if len(value) > TEXT_MAX:
        return [
            _("The %(part)s has %(count)s characters; at most %(limit)s are accepted.")
            % {"part": what, "count": len(value), "limit": TEXT_MAX}
        ]
    return []


def _team(application: Application) -> list[str]:
    team = list(application.team.all())
    Role = ApplicationStaffMember.Role
    problems = []
    if not any(member.role == Role.HEAD for member in team):
        problems.append(_("Add the head of the point to the team."))
    minimum = application.office.min_full_time_staff
    full_time = sum(member.role == Role.FULL_TIME for member in team)
    if full_time < minimum:
        problems.append(
            ngettext(
                "Describe at least %(minimum)s full-time staff member; the team lists %(count)s.",
                "Describe at least %(minimum)s full-time staff members; the team lists %(count)s.",
                minimum,
            )
            % {"minimum": minimum, "count": full_time}
        )
    for member in team:
        if len(member.experience) > EXPERIENCE_MAX:
            problems.append(
                _("The experience of %(name)s has more than %(limit)s characters.")
                % {"name": member.name, "limit": EXPERIENCE_MAX}
            )
    return problems


def _cases(application: Application) -> list[str]:
    count = application.typical_cases.count()
    if count == 0:
        return [_("Describe at least one typical case.")]
    if count > MAX_CASES:
        return [_("Describe at most 2 typical cases; there are %(count)s.") % {"count": count}]
    return []


def _attachments(application: Application) -> list[str]:
    present = set(application.attachments.values_list("kind", flat=True))
    return [
        _("Attach the %(kind)s.") % {"kind": kind.label}
        for kind in REQUIRED_ATTACHMENTS
        if kind not in present
    ]


def _declaration(application: Application) -> list[str]:
    problems = []
    if not application.declaration_accepted:
        problems.append(_("Confirm that the application is true and complete."))
    if not application.declared_by.strip():
        problems.append(_("Enter the name of the person who makes the declaration."))
    return problems


CHECKS = {
    Section.BASIC: _basic,
    Section.CATEGORY: _category,
    Section.QUALIFICATIONS: _qualifications,
    Section.AUDIENCES: _audiences,
    Section.INFRASTRUCTURE: _infrastructure,
    Section.RULES: _rules,
    Section.SERVICES: _services,
    Section.STRENGTHS: lambda app: _long_text(app.strengths, _("foundation and strengths")),
    Section.TEAM: _team,
    Section.PLAN: lambda app: _long_text(app.development_plan, _("development plan")),
    Section.CASES: _cases,
    Section.ATTACHMENTS: _attachments,
    Section.DECLARATION: _declaration,
}


def section_problems(application: Application, section: Section) -> list[str]:
    return CHECKS[Section(section)](application)


def problems(application: Application) -> dict[Section, list[str]]:
    """What is missing, by section in form order; only sections with problems are keys.

    An empty dict means the application may be submitted.
    """
    found = {}
    for section, check in CHECKS.items():
        if messages := check(application):
            found[section] = messages
    return found


def is_priority(application: Application) -> bool:
    """第六条: the organisation already holds a national or provincial level qualification."""
    return application.qualifications.filter(
        qualification__code__in=PRIORITY_QUALIFICATIONS
    ).exists()
