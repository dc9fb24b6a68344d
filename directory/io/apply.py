"""Apply parsed values to a point in memory, say whether anything changed, and validate.

Nothing here writes to the database: modelcluster keeps qualifications, audiences and
offerings in memory until the page (or its revision) is saved.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from ..models import PointOffering, ServicePoint
from .parse import OfferingSpec, ParsedRow
from .text import html_to_text, text_to_html

PLAIN_FIELDS = [
    "kind",
    "recognition_level",
    "recognition_note",
    "status",
    "address",
    "phone",
    "email",
    "website",
    "contact_person",
    "wechat_account",
    "is_demo",
    "open_days",
    "opens",
    "closes",
    "hours_note",
    "channel_phone",
    "channel_online",
    "channel_window",
    "staff_total",
    "staff_full_time",
    "staff_part_time",
    "databases",
]
FOREIGN_KEYS = ["category", "node_level", "province", "city", "district"]
MANY_TO_MANY = ["qualifications", "audiences"]
# The tree fields are set by add_child(), after validation.
TREE_FIELDS = ["path", "depth", "numchild", "url_path"]
# Model fields that are not named like the column that feeds them.
FIELD_COLUMNS = {
    "title": "name",
    "slug": "name",
    "draft_title": "name",
    "channel_phone": "channels",
    "channel_online": "channels",
    "channel_window": "channels",
    NON_FIELD_ERRORS: "",
}


def apply_values(point: ServicePoint, parsed: ParsedRow) -> bool:
    """Copy the row's values onto the point; True when the point differs from before."""
    values = parsed.values
    changed = False
    for name in FOREIGN_KEYS:
        if name in values:
            new_id = values[name].pk if values[name] is not None else None
            changed |= getattr(point, f"{name}_id") != new_id
            setattr(point, name, values[name])
    for name in PLAIN_FIELDS:
        if name in values:
            changed |= getattr(point, name) != values[name]
            setattr(point, name, values[name])
    for name in MANY_TO_MANY:
        if name in values:
            manager = getattr(point, name)
            if {item.pk for item in manager.all()} != {item.pk for item in values[name]}:
                manager.set(values[name])
                changed = True
    if "coordinates" in values:
        changed |= _apply_coordinates(point, values["coordinates"])
    if "description" in values:
        changed |= _apply_description(point, values["description"])
    if "offerings" in values:
        changed |= _apply_offerings(point, values["offerings"])
    return changed


def _apply_coordinates(point: ServicePoint, coordinates: tuple[float, float] | None) -> bool:
    current = None if point.latitude is None else (point.latitude, point.longitude)
    if coordinates is None:
        # Clearing lets save() put the point at its (possibly new) region's centre again;
        # centre coordinates were never the editor's, so clearing them is no change.
        changed = current is not None and not point.coordinates_approximate
        point.latitude = point.longitude = None
        return changed
    if coordinates == current:
        return False
    point.latitude, point.longitude = coordinates
    return True


def _apply_description(point: ServicePoint, text: str) -> bool:
    # Compared as text so that formatting an editor added in the admin survives a re-import.
    if html_to_text(point.description) == html_to_text(text_to_html(text)):
        return False
    point.description = text_to_html(text)
    return True


def _apply_offerings(point: ServicePoint, specs: list[OfferingSpec]) -> bool:
    current = list(point.offerings.all())
    wanted = [(s.service.pk, s.tier, s.fee, s.price_note) for s in specs]
    if [(o.service_id, o.tier, o.fee, o.price_note) for o in current] == wanted:
        return False
    # Existing lines are updated in place so that their description and channels survive.
    by_service = {o.service_id: o for o in current}
    offerings = []
    for position, spec in enumerate(specs):
        offering = by_service.get(spec.service.pk) or PointOffering(service=spec.service)
        offering.tier, offering.fee, offering.price_note = spec.tier, spec.fee, spec.price_note
        # modelcluster sorts the list by sort_order, so the file's order must be in it.
        offering.sort_order = position
        offerings.append(offering)
    point.offerings.set(offerings)
    return True


def validation_errors(point: ServicePoint, parsed: ParsedRow) -> list[tuple[str, str]]:
    """The model's own rules (a node needs its level, basic tier is free, …) as column errors.

    A column that already failed to parse is left out: its message says more than
    “this field cannot be null”.
    """
    errors = []
    try:
        point.full_clean(exclude=TREE_FIELDS)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors += [(FIELD_COLUMNS.get(name, name), str(m)) for m in messages]
    for offering in point.offerings.all():
        try:
            offering.full_clean(exclude=["point"])
        except ValidationError as error:
            for messages in error.message_dict.values():
                errors += [("services", f"{offering.service.code}: {m}") for m in messages]
    skip = parsed.failed_columns
    return [(column, message) for column, message in errors if column not in skip]
