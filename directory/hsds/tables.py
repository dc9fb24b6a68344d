"""HSDS 3.0 table rows from the directory's points: plain dicts, profile fields included.

A row holds only the fields that have a value (HSDS types are strict: an absent field is
valid, a null one is not). Names are in the data's language (Chinese); English names go in
`alternate_name` or the profile's `name_en` fields where a translation exists.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.utils import translation

from ..io.text import html_to_text
from ..models import FeeKind, ServicePoint, Tier
from ..profile import profile_summary
from . import profile
from .collect import Vocabularies
from .ids import hsds_id

TABLES = (
    "organization",
    "service",
    "location",
    "service_at_location",
    "address",
    "phone",
    "contact",
    "schedule",
    "language",
    "cost_option",
    "attribute",
    "taxonomy",
    "taxonomy_term",
)
BYDAY = {"Mo-Fr": "MO,TU,WE,TH,FR", "Mo-Sa": "MO,TU,WE,TH,FR,SA", "Mo-Su": "MO,TU,WE,TH,FR,SA,SU"}
UTC_OFFSET = 8  # Beijing time, the only time zone of the directory
CURRENCY = "CNY"


# Required by HSDS though the directory does not know them: kept, empty.
KEEP_EMPTY = {"postal_code"}


def _clean(row: dict) -> dict:
    return {
        key: value
        for key, value in row.items()
        if key in KEEP_EMPTY or (value is not None and value != "")
    }


def _time(value: datetime.time) -> str:
    # HSDS: HH:MM with the time zone.
    return f"{value:%H:%M}+{UTC_OFFSET:02d}:00"


def term_id(taxonomy: profile.Taxonomy, code: str) -> str:
    return hsds_id("taxonomy_term", taxonomy.code, code)


class TableBuilder:
    """Turns points into rows, handing each to `sink(table, row)` as it is made, so an export
    of 10,000 points never holds all its rows (the package writer streams them to files).
    Without a sink the rows are collected: `add_point` for each point, then `tables()`."""

    def __init__(
        self,
        vocabularies: Vocabularies,
        english_titles: dict | None = None,
        sink=None,
        base_url: str = "",
    ):
        self.vocabularies = vocabularies
        self.base_url = base_url  # for media URLs, which Django gives as paths
        self.english_titles = english_titles or {}
        self.rows: dict[str, list[dict]] = defaultdict(list)
        self.sink = sink or (lambda table, row: self.rows[table].append(row))
        self._add_taxonomies()

    def tables(self) -> dict[str, list[dict]]:
        return {table: self.rows.get(table, []) for table in TABLES}

    # --- taxonomies -----------------------------------------------------------------------

    def _add_taxonomies(self) -> None:
        for taxonomy in profile.TAXONOMIES:
            with translation.override("en"):
                name_en = str(taxonomy.name)
            self.add(
                "taxonomy",
                id=hsds_id("taxonomy", taxonomy.code),
                name=str(taxonomy.name),
                description=str(taxonomy.description),
                version=profile.PROFILE_VERSION,
                name_en=name_en,
            )
        vocab = self.vocabularies
        for tier in Tier:
            self._term(profile.SERVICE_CATALOGUE, tier.value, tier.label, tier.label)
        for item in vocab.services:
            self._term(
                profile.SERVICE_CATALOGUE,
                item.code,
                item.name,
                vocab.name_en(item),
                description=item.description,
                parent=term_id(profile.SERVICE_CATALOGUE, item.tier),
            )
        for category in vocab.categories:
            parent = category.parent
            self._term(
                profile.POINT_CATEGORY,
                category.code,
                category.name,
                vocab.name_en(category),
                description=category.description,
                parent=term_id(profile.POINT_CATEGORY, parent.code) if parent else None,
            )
        for taxonomy, items in (
            (profile.QUALIFICATION, vocab.qualifications),
            (profile.NODE_LEVEL, vocab.node_levels),
            (profile.AUDIENCE, vocab.audiences),
        ):
            for item in items:
                self._term(taxonomy, item.code, item.name, vocab.name_en(item))

    def _term(self, taxonomy, code, name, name_en, *, description="", parent=None) -> None:
        with translation.override("en"):
            name_en = str(name_en)
        if name_en == str(name):  # an untranslated copy is no English name
            name_en = ""
        self.add(
            "taxonomy_term",
            id=term_id(taxonomy, code),
            code=code,
            name=str(name),
            # HSDS requires a description; a term without its own repeats its name.
            description=description or str(name),
            parent_id=parent,
            taxonomy=str(taxonomy.name),
            taxonomy_id=hsds_id("taxonomy", taxonomy.code),
            language="zh",
            name_en=name_en,
        )

    # --- points ---------------------------------------------------------------------------

    def add(self, table: str, **fields) -> None:
        self.sink(table, _clean(fields))

    def attribute(self, entity: str, link_id: str, taxonomy: profile.Taxonomy, code: str) -> None:
        term = term_id(taxonomy, code)
        self.add(
            "attribute",
            id=hsds_id("attribute", link_id, term),
            link_id=link_id,
            taxonomy_term_id=term,
            link_type=taxonomy.link_type,
            link_entity=entity,
        )

    def add_point(self, point: ServicePoint, url: str = "") -> None:
        org = hsds_id("organization", point.pk)
        english = self.english_titles.get(point.translation_key, "")
        self.add(
            "organization",
            id=org,
            name=point.title,
            alternate_name=english if english != point.title else None,
            description=html_to_text(point.description) or profile_summary(point),
            email=point.email,
            website=point.website,
            legal_status=str(point.get_nature_display()) if point.nature else None,
            logo=f"{self.base_url}{point.logo.file.url}" if point.logo_id else None,
            uri=url,
            point_kind=point.kind,
            recognition_level=point.recognition_level,
            recognition_date=point.recognition_date.isoformat() if point.recognition_date else None,
            recognition_status=point.status,
            recognition_note=point.recognition_note,
            staff_total=point.staff_total,
            staff_full_time=point.staff_full_time,
            staff_part_time=point.staff_part_time,
            service_area_m2=point.service_area_m2,
            databases=point.databases.strip(),
            is_demo=point.is_demo,
        )
        self.attribute("organization", org, profile.POINT_CATEGORY, point.category.code)
        for qualification in point.qualifications.all():
            self.attribute("organization", org, profile.QUALIFICATION, qualification.code)
        for audience in point.audiences.all():
            self.attribute("organization", org, profile.AUDIENCE, audience.code)
        if point.node_level_id:
            self.attribute("organization", org, profile.NODE_LEVEL, point.node_level.code)

        location = self._main_location(point, org)
        if point.phone:
            self.add(
                "phone",
                id=hsds_id("phone", point.pk),
                organization_id=org,
                location_id=location,
                number=point.phone,
                type="voice",
            )
        if point.contact_person or point.email:
            # The contact person is shown on the public profile; nobody else is exported.
            self.add(
                "contact",
                id=hsds_id("contact", point.pk),
                organization_id=org,
                name=point.contact_person,
                email=point.email,
            )
        for extra in point.locations.all():
            self._extra_location(point, org, extra)
        seen: dict[str, int] = defaultdict(int)
        for offering in point.offerings.all():
            code = offering.service.code
            seen[code] += 1
            key = code if seen[code] == 1 else f"{code}-{seen[code]}"
            self._service(point, org, location, offering, hsds_id("service", point.pk, key), url)

    def _main_location(self, point: ServicePoint, org: str) -> str:
        location = hsds_id("location", point.pk, "main")
        exact = point.has_coordinates and not point.coordinates_approximate
        self.add(
            "location",
            id=location,
            location_type="physical",
            organization_id=org,
            name=point.title,
            latitude=point.latitude if exact else None,
            longitude=point.longitude if exact else None,
            coordinates_approximate=not exact,
        )
        district = point.district
        city = point.city
        self.add(
            "address",
            id=hsds_id("address", location),
            location_id=location,
            address_1=point.address or (city.name if city else point.province.name),
            city=city.name if city else point.province.name,
            region=district.name if district else None,
            state_province=point.province.name,
            # Not in the directory's data; HSDS requires the field.
            postal_code="",
            country="CN",
            address_type="physical",
            adcode=(district or city or point.province).adcode,
            city_en=getattr(city or point.province, "name_en", ""),
            state_province_en=getattr(point.province, "name_en", ""),
        )
        self.add(
            "language",
            id=hsds_id("language", location, "zh"),
            location_id=location,
            name="中文",
            code="zh",
        )
        self.add(
            "schedule",
            id=hsds_id("schedule", location),
            location_id=location,
            timezone=UTC_OFFSET,
            freq="WEEKLY",
            wkst="MO",
            byday=BYDAY.get(point.open_days, BYDAY["Mo-Fr"]),
            opens_at=_time(point.opens),
            closes_at=_time(point.closes),
            description=point.hours_note,
        )
        return location

    def _extra_location(self, point: ServicePoint, org: str, extra) -> None:
        location = hsds_id("location", point.pk, "location", extra.pk)
        has = extra.latitude is not None and extra.longitude is not None
        self.add(
            "location",
            id=location,
            location_type="physical",
            organization_id=org,
            name=extra.name,
            latitude=extra.latitude if has else None,
            longitude=extra.longitude if has else None,
            coordinates_approximate=not has,
        )
        region = extra.region
        is_district = region is not None and region.level == 3
        city = region if region is not None and region.level == 2 else point.city
        self.add(
            "address",
            id=hsds_id("address", location),
            location_id=location,
            address_1=extra.address,
            city=(city or point.province).name,
            region=region.name if is_district else None,
            state_province=point.province.name,
            postal_code="",
            country="CN",
            address_type="physical",
            adcode=region.adcode if region is not None else None,
        )
        if extra.hours:
            self.add(
                "schedule",
                id=hsds_id("schedule", location),
                location_id=location,
                timezone=UTC_OFFSET,
                description=extra.hours,
            )

    def _service(self, point, org, location, offering, service, url) -> None:
        item = offering.service
        self.add(
            "service",
            id=service,
            organization_id=org,
            name=item.name,
            alternate_name=self.vocabularies.name_en(item) or None,
            description=offering.description or item.description or item.name,
            url=url,
            email=point.email,
            status="active",
            fees_description=_fees(offering),
            catalogue_code=item.code,
            service_tier=offering.tier,
            fee_kind=offering.fee,
            price_note=offering.price_note,
            channel_phone=offering.channel_phone,
            channel_online=offering.channel_online,
            channel_window=offering.channel_window,
        )
        self.add(
            "cost_option",
            id=hsds_id("cost_option", service),
            service_id=service,
            option=str(offering.get_fee_display()),
            currency=CURRENCY,
            amount=0 if offering.fee == FeeKind.FREE else None,
            amount_description=offering.price_note,
        )
        self.attribute("service", service, profile.SERVICE_CATALOGUE, item.code)
        self.attribute("service", service, profile.SERVICE_CATALOGUE, offering.tier)
        if offering.channel_window:
            # Given at the point's own window; phone and online services have no place.
            self.add(
                "service_at_location",
                id=hsds_id("service_at_location", service, location),
                service_id=service,
                location_id=location,
            )


def _fees(offering) -> str:
    fee = str(offering.get_fee_display())
    return f"{fee}：{offering.price_note}" if offering.price_note else fee


def build_tables(
    vocabularies: Vocabularies,
    points: Iterable[ServicePoint],
    *,
    english_titles: dict | None = None,
    url_of=None,
    base_url: str = "",
    sink=None,
) -> dict[str, list[dict]]:
    """Every table's rows (none kept when a sink takes them). Run it in the language of the
    data, the site's default: vocabulary labels are read in the active language."""
    builder = TableBuilder(vocabularies, english_titles, sink, base_url)
    for point in points:
        builder.add_point(point, url_of(point) if url_of else "")
    return builder.tables()
