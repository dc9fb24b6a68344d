"""Export a directory's points in the import format, so that export → import changes nothing."""

from ..models import DirectoryIndexPage, FeeKind, ServicePoint
from .columns import CHANNELS, LIST_JOINER, LIST_SEPARATORS, PART_JOINER
from .text import html_to_text

FEE_DEFAULT = FeeKind.FREE


def export_rows(directory_page: DirectoryIndexPage) -> list[dict[str, str]]:
    points = (
        ServicePoint.objects.child_of(directory_page)
        .order_by("path")
        .select_related("category", "node_level", "province", "city", "district")
        .prefetch_related("qualifications", "audiences", "offerings__service")
    )
    return [point_row(point) for point in points]


def point_row(point: ServicePoint) -> dict[str, str]:
    """One point as cells: names for the reference data people read, codes for the choices."""
    coordinates = (
        ("", "")
        if point.coordinates_approximate or point.latitude is None
        else (
            repr(point.latitude),
            repr(point.longitude),
        )
    )
    return {
        "name": point.title,
        "category": point.category.name,
        "qualifications": LIST_JOINER.join(q.name for q in point.qualifications.all()),
        "province": point.province.name,
        "city": point.city.name if point.city else "",
        "district": point.district.name if point.district else "",
        "address": point.address,
        "latitude": coordinates[0],
        "longitude": coordinates[1],
        "phone": point.phone,
        "email": point.email,
        "website": point.website,
        "services": LIST_JOINER.join(offering_cell(o) for o in point.offerings.all()),
        "audiences": LIST_JOINER.join(a.name for a in point.audiences.all()),
        "description": html_to_text(point.description),
        "kind": point.kind,
        "node_level": point.node_level.name if point.node_level else "",
        "recognition_level": point.recognition_level,
        "recognition_note": point.recognition_note,
        "status": point.status,
        "contact_person": point.contact_person,
        "wechat_account": point.wechat_account,
        "is_demo": "1" if point.is_demo else "0",
        "open_days": point.open_days,
        "opens": _time(point.opens),
        "closes": _time(point.closes),
        "hours_note": point.hours_note,
        "channels": LIST_JOINER.join(
            code for code, field in CHANNELS.items() if getattr(point, field)
        ),
        "staff_total": _count(point.staff_total),
        "staff_full_time": _count(point.staff_full_time),
        "staff_part_time": _count(point.staff_part_time),
        "databases": point.databases,
    }


def _time(value) -> str:
    if value is None:
        return ""
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def offering_cell(offering) -> str:
    """`B03`, or `P03:professional:low_cost:500元/项` when it departs from the catalogue."""
    parts = [offering.service.code]
    if offering.tier != offering.service.tier or offering.fee != FEE_DEFAULT or offering.price_note:
        parts.append(offering.tier)
    if offering.fee != FEE_DEFAULT or offering.price_note:
        parts.append(offering.fee)
    if offering.price_note:
        # A separator inside the note (typed in the admin) would split the list on re-import.
        parts.append(LIST_SEPARATORS.sub("，", offering.price_note))
    return PART_JOINER.join(parts)
