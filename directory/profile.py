"""What a profile page shows, computed without HTTP so it can be tested directly."""

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from home.core.jsonld import json_ld as script_json

from .models import Tier
from .names import place_label

DAY_NAMES = {
    "Mo-Fr": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "Mo-Sa": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "Mo-Su": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


def profile_summary(point) -> str:
    parts = [point.title]
    if point.category_id:
        parts.append(point.category.label)
    place = place_label(point.province, point.city) if point.province_id else ""
    if place:
        parts.append(place)
    services = [o.service.label for o in list(point.offerings.all())[:6]]
    text = "，".join(parts)
    if services:
        text += "。" + _("Services: %(list)s") % {"list": "、".join(services)}
    return text


def offerings_by_tier(point) -> list[tuple[str, str, list]]:
    offerings = list(point.offerings.all())
    groups = []
    for value, label in Tier.choices:
        items = [o for o in offerings if o.tier == value]
        if items:
            groups.append((value, label, items))
    return groups


def map_markers(point) -> list[dict]:
    markers = []
    if point.has_coordinates:
        markers.append(
            {
                "lat": point.latitude,
                "lng": point.longitude,
                "title": point.title,
                "address": point.address,
            }
        )
    for location in point.locations.all():
        if location.latitude is not None and location.longitude is not None:
            markers.append(
                {
                    "lat": location.latitude,
                    "lng": location.longitude,
                    "title": location.name,
                    "address": location.address,
                }
            )
    return markers


def json_ld(point, request=None) -> dict:
    """schema.org description of the point for search engines."""
    url = point.get_full_url(request)
    organisation_type = "GovernmentOrganization" if point.kind == "node" else "Organization"
    data: dict = {
        "@context": "https://schema.org",
        "@type": organisation_type,
        "@id": url,
        "name": point.title,
        "url": url,
        "description": strip_tags(point.description)[:300] or profile_summary(point),
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "CN",
            "addressRegion": point.province.name if point.province_id else "",
            "addressLocality": point.city.name if point.city_id else "",
            "streetAddress": point.address,
        },
    }
    if point.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": point.latitude,
            "longitude": point.longitude,
        }
    contact = {
        "@type": "ContactPoint",
        "contactType": "customer service",
        "availableLanguage": ["zh-Hans"],
    }
    if point.phone:
        contact["telephone"] = point.phone
    if point.email:
        contact["email"] = point.email
    data["contactPoint"] = contact
    if point.website:
        data["sameAs"] = [point.website]
    data["openingHoursSpecification"] = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": DAY_NAMES.get(point.open_days, DAY_NAMES["Mo-Fr"]),
            "opens": point.opens.strftime("%H:%M"),
            "closes": point.closes.strftime("%H:%M"),
        }
    ]
    offers = []
    for _tier, tier_label, items in offerings_by_tier(point):
        for offering in items:
            offer = {
                "@type": "Offer",
                "itemOffered": {
                    "@type": "Service",
                    "name": offering.service.name,
                    "serviceType": str(tier_label),
                    "identifier": offering.service.code,
                },
            }
            if offering.fee == "free":
                offer["price"] = "0"
                offer["priceCurrency"] = "CNY"
            offers.append(offer)
    if offers:
        data["hasOfferCatalog"] = {
            "@type": "OfferCatalog",
            "name": _("Published service list"),
            "itemListElement": offers,
        }
    return data


def prefetch_profile(point) -> None:
    """Load what the profile reads more than once (offerings with their services) in one go."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(
        [point], "offerings__service", "qualifications", "audiences", "locations"
    )


def change_records(source, limit: int = 10) -> list[dict]:
    """Approved change reports of the default-locale `source` page, as the public sees them:
    when, and which facts (no values)."""
    from .lifecycle.models import ChangeReport

    reports = ChangeReport.objects.approved().filter(point_id=source.pk)
    return [
        {"date": report.decided_at or report.submitted_at, "facts": report.changed_labels}
        for report in reports.order_by("-decided_at", "-pk")[:limit]
    ]


def _source(point):
    # The English page is an alias or translation of the Chinese one: the records are its.
    from wagtail.models import Locale

    if not point.alias_of_id and point.locale_id == Locale.get_default().pk:
        return point
    from home.core.locales import source_page

    return source_page(point)


def status_decision(point, source):
    """The decision that made a suspended or revoked point so, for its profile's notice."""
    if point.is_active:
        return None
    from .lifecycle.models import StatusDecision

    return (
        StatusDecision.objects.filter(point_id=source.pk, new_status=point.status)
        .order_by("-decided_at", "-pk")
        .first()
    )


def profile_context(point, request) -> dict:
    prefetch_profile(point)
    # Looked up once: on an English page each look-up of the source page is a query.
    source = _source(point)
    return {
        "last_verified": source.last_verified_at,
        "change_records": change_records(source),
        "status_decision": status_decision(point, source),
        "offering_groups": offerings_by_tier(point),
        "map_markers": map_markers(point),
        "json_ld": script_json(json_ld(point, request)),
        "last_updated": point.last_published_at or point.latest_revision_created_at,
    }
