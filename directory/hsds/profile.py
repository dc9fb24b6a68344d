"""The China IP profile of HSDS 3.0: what the network's data has and HSDS lacks.

HSDS profiles extend the standard by adding fields to its tables and by naming the taxonomies
their attributes use; nothing of the standard is removed or redefined, so every record still
validates against the HSDS schemas. This module is the profile's one definition: the
datapackage descriptor, the public page and docs/hsds-profile.md all read it.

Vocabularies (category, qualification, node level, audience, catalogue and tier) are
taxonomies linked through HSDS attributes, the standard's own way to classify; plain facts
(staff counts, recognition, databases, the fee kind) are profile fields on the table they
describe. The fee kind is not a taxonomy: `fee_kind` and HSDS's own cost_option (amount 0 when
free) say it, and a third link per service would add 10 rows a point to the largest table.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

HSDS_VERSION = "3.0"
PROFILE_NAME = "china-ip-profile"
PROFILE_VERSION = "1.0"


@dataclass(frozen=True)
class ProfileField:
    table: str
    name: str
    type: str  # a Frictionless Table Schema type
    description: Promise


FIELDS: tuple[ProfileField, ...] = (
    ProfileField(
        "organization",
        "point_kind",
        "string",
        _("“point” for a service point, “node” for an IP office's own service institution."),
    ),
    ProfileField(
        "organization",
        "recognition_level",
        "string",
        _("Level of the office that recognised the point: national, provincial, city, district."),
    ),
    ProfileField("organization", "recognition_date", "date", _("Date of recognition.")),
    ProfileField(
        "organization",
        "recognition_status",
        "string",
        _("Recognition status: active (suspended and revoked points are not exported)."),
    ),
    ProfileField(
        "organization",
        "recognition_note",
        "string",
        _("Batch or programme as the recognising document states it."),
    ),
    ProfileField("organization", "staff_total", "integer", _("Staff in total.")),
    ProfileField("organization", "staff_full_time", "integer", _("Full-time staff.")),
    ProfileField("organization", "staff_part_time", "integer", _("Part-time staff.")),
    ProfileField("organization", "service_area_m2", "integer", _("Service area in m².")),
    ProfileField(
        "organization",
        "databases",
        "string",
        _("Patent and literature databases the point uses, one per line."),
    ),
    ProfileField(
        "organization",
        "is_demo",
        "boolean",
        _("True for made-up demonstration records, which are not real organisations."),
    ),
    ProfileField(
        "service",
        "catalogue_code",
        "string",
        _("Code of the service in the reference service catalogue, e.g. B03 or P03."),
    ),
    ProfileField(
        "service",
        "service_tier",
        "string",
        _("basic (free), professional (low cost) or value_added: the tier the point offers it in."),
    ),
    ProfileField("service", "fee_kind", "string", _("free, low_cost or negotiable.")),
    ProfileField(
        "service", "price_note", "string", _("The price of a low-cost service, or how it is set.")
    ),
    ProfileField("service", "channel_phone", "boolean", _("The service is given by phone.")),
    ProfileField("service", "channel_online", "boolean", _("The service is given online.")),
    ProfileField(
        "service", "channel_window", "boolean", _("The service is given at the point's window.")
    ),
    ProfileField(
        "location",
        "coordinates_approximate",
        "boolean",
        _(
            "True when only the city or district is known: latitude and longitude are then left "
            "empty rather than pointing at the city centre."
        ),
    ),
    ProfileField(
        "address",
        "adcode",
        "string",
        _("Chinese administrative division code of the district, or of the city."),
    ),
    ProfileField("address", "city_en", "string", _("English name of the city, where known.")),
    ProfileField(
        "address", "state_province_en", "string", _("English name of the province, where known.")
    ),
    ProfileField("taxonomy", "name_en", "string", _("English name of the taxonomy.")),
    ProfileField("taxonomy_term", "name_en", "string", _("English name of the term, where known.")),
)


@dataclass(frozen=True)
class Taxonomy:
    code: str
    name: Promise
    description: Promise
    link_type: str  # the attribute's link_type for terms of this taxonomy


SERVICE_CATALOGUE = Taxonomy(
    "service-catalogue",
    _("Reference service catalogue"),
    _(
        "The reference list of IP information services (服务事项参考清单): the three tiers as "
        "top-level terms, each catalogue service under the tier the catalogue gives it."
    ),
    "service_type",
)
POINT_CATEGORY = Taxonomy(
    "point-category",
    _("Point categories"),
    _("Kinds of institution a point is (网点机构类别); sub-kinds sit under their category."),
    "organization_type",
)
QUALIFICATION = Taxonomy(
    "qualification",
    _("Qualifications"),
    _("Qualifications a point holds (已获资质), e.g. TISC."),
    "qualification",
)
NODE_LEVEL = Taxonomy(
    "node-level", _("Node levels"), _("Levels of a node (节点层级)."), "node_level"
)
AUDIENCE = Taxonomy("audience", _("Audiences"), _("Whom a point serves (服务对象)."), "audience")

TAXONOMIES: tuple[Taxonomy, ...] = (
    SERVICE_CATALOGUE,
    POINT_CATEGORY,
    QUALIFICATION,
    NODE_LEVEL,
    AUDIENCE,
)


def fields_for(table: str) -> list[ProfileField]:
    return [field for field in FIELDS if field.table == table]
