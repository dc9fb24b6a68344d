"""Turn one spreadsheet row into model values, collecting an error per bad cell.

No database writes: the result is applied to a point by `apply.py`, then validated with the
model's own rules.
"""

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import FeeKind
from .columns import CHANNEL_ALIASES, CHANNELS, PART_SEPARATORS, split_list
from .lookups import Lookups, choice_value

TRUE = {"1", "true", "yes", "y", "是", "对", "√"}
FALSE = {"", "0", "false", "no", "n", "否"}

# Columns copied as they are, model field by column.
TEXT_COLUMNS = {
    "address": "address",
    "phone": "phone",
    "email": "email",
    "website": "website",
    "recognition_note": "recognition_note",
    "contact_person": "contact_person",
    "wechat_account": "wechat_account",
    "hours_note": "hours_note",
    "databases": "databases",
}
COUNT_COLUMNS = ("staff_total", "staff_full_time", "staff_part_time")
# An empty cell means the model's default, as in the admin's new-point form.
DEFAULT_TIMES = {"opens": datetime.time(9, 0), "closes": datetime.time(17, 0)}
TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")


@dataclass
class OfferingSpec:
    service: object  # services.ServiceItem
    tier: str
    fee: str
    price_note: str = ""


@dataclass
class ParsedRow:
    """The values a row gives, by model field; a column absent from the file is absent here."""

    values: dict = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)

    def error(self, column: str, message: str) -> None:
        self.errors.append((column, message))

    @property
    def failed_columns(self) -> set[str]:
        return {column for column, _message in self.errors}


def parse_row(row: dict, lookups: Lookups) -> ParsedRow:
    parsed = ParsedRow()
    _parse_reference(row, lookups, parsed)
    _parse_regions(row, lookups, parsed)
    _parse_coordinates(row, parsed)
    for column, model_field in TEXT_COLUMNS.items():
        if column in row:
            parsed.values[model_field] = row[column]
    if "description" in row:
        parsed.values["description"] = row["description"]
    for column in ("kind", "recognition_level", "status", "open_days"):
        if column in row:
            _parse_choice(row, column, parsed)
    for column in DEFAULT_TIMES:
        if column in row:
            _parse_time(row, column, parsed)
    for column in COUNT_COLUMNS:
        if column in row:
            _parse_count(row, column, parsed)
    if "channels" in row:
        _parse_channels(row["channels"], parsed)
    if "is_demo" in row:
        flag = row["is_demo"].strip().casefold()
        if flag in TRUE | FALSE:
            parsed.values["is_demo"] = flag in TRUE
        else:
            parsed.error("is_demo", _("Write 1 for demo content or 0 (or leave it empty)."))
    if "services" in row:
        parsed.values["offerings"] = _parse_services(row["services"], lookups, parsed)
    return parsed


def _parse_reference(row: dict, lookups: Lookups, parsed: ParsedRow) -> None:
    if "category" in row:
        if not row["category"]:
            parsed.error("category", _("Give the point's category."))
        elif category := lookups.categories.get(row["category"]):
            parsed.values["category"] = category
        else:
            parsed.error(
                "category", _("Unknown category “%(value)s”.") % {"value": row["category"]}
            )
    if "node_level" in row:
        value = row["node_level"]
        level = lookups.node_levels.get(value) if value else None
        if value and level is None:
            parsed.error("node_level", _("Unknown node level “%(value)s”.") % {"value": value})
        else:
            parsed.values["node_level"] = level
    for column, vocabulary, message in (
        ("qualifications", lookups.qualifications, _("Unknown qualification “%(value)s”.")),
        ("audiences", lookups.audiences, _("Unknown audience “%(value)s”.")),
    ):
        if column not in row:
            continue
        items = []
        for value in split_list(row[column]):
            item = vocabulary.get(value)
            if item is None:
                parsed.error(column, message % {"value": value})
            elif item not in items:
                items.append(item)
        parsed.values[column] = items


def _parse_regions(row: dict, lookups: Lookups, parsed: ParsedRow) -> None:
    regions = lookups.regions
    province = city = district = None
    if "province" in row:
        if not row["province"]:
            parsed.error("province", _("Give the province."))
            return
        province = regions.province(row["province"])
        if province is None:
            parsed.error(
                "province", _("Unknown province “%(value)s”.") % {"value": row["province"]}
            )
            return
        parsed.values["province"] = province
    if row.get("city"):
        city = regions.child(province, row["city"]) if province else None
        if city is None:
            parsed.error(
                "city",
                _("“%(city)s” is not a city of %(province)s.")
                % {"city": row["city"], "province": row.get("province", "")},
            )
            return
    if "city" in row:
        parsed.values["city"] = city
    if row.get("district"):
        district = regions.child(city, row["district"]) if city else None
        if district is None:
            parsed.error(
                "district",
                _("“%(district)s” is not a district of %(city)s.")
                % {"district": row["district"], "city": row.get("city", "")},
            )
            return
    if "district" in row:
        parsed.values["district"] = district


def _parse_coordinates(row: dict, parsed: ParsedRow) -> None:
    if "latitude" not in row and "longitude" not in row:
        return
    numbers = {}
    for column, limit in (("latitude", 90), ("longitude", 180)):
        text = row.get(column, "")
        if not text:
            numbers[column] = None
            continue
        try:
            number = float(text)
        except ValueError:
            parsed.error(column, _("“%(value)s” is not a number.") % {"value": text})
            continue
        if not math.isfinite(number) or abs(number) > limit:
            parsed.error(column, _("Must be between -%(limit)s and %(limit)s.") % {"limit": limit})
            continue
        numbers[column] = number
    if len(numbers) < 2:
        return
    if (numbers["latitude"] is None) != (numbers["longitude"] is None):
        parsed.error("longitude", _("Give both latitude and longitude, or neither."))
        return
    if numbers["latitude"] is None:
        parsed.values["coordinates"] = None
    else:
        parsed.values["coordinates"] = (numbers["latitude"], numbers["longitude"])


def _parse_choice(row: dict, column: str, parsed: ParsedRow) -> None:
    value = row[column]
    if not value:
        # Empty means the model's default for kind and status, and "not stated" for the level.
        defaults = {"kind": "point", "status": "active", "open_days": "Mo-Fr"}
        parsed.values[column] = defaults.get(column, "")
        return
    stored = choice_value(column, value)
    if stored is None:
        parsed.error(column, _("Unknown value “%(value)s”.") % {"value": value})
    else:
        parsed.values[column] = stored


def _parse_time(row: dict, column: str, parsed: ParsedRow) -> None:
    text = unicodedata.normalize("NFKC", row[column]).strip()
    if not text:
        parsed.values[column] = DEFAULT_TIMES[column]
        return
    match = TIME.fullmatch(text)
    hour, minute, second = (
        (int(match[1]), int(match[2]), int(match[3] or 0)) if match else (99,) * 3
    )
    if hour > 23 or minute > 59 or second > 59:
        parsed.error(
            column, _("“%(value)s” is not a time: write it as 09:00 or 17:30.") % {"value": text}
        )
        return
    parsed.values[column] = datetime.time(hour, minute, second)


def _parse_count(row: dict, column: str, parsed: ParsedRow) -> None:
    text = unicodedata.normalize("NFKC", row[column]).strip()
    if not text:
        parsed.values[column] = None
    elif text.isascii() and text.isdigit() and len(text) <= 6:
        parsed.values[column] = int(text)
    else:
        parsed.error(
            column,
            _("“%(value)s” is not a number of people: write a whole number such as 5.")
            % {"value": text},
        )


def _parse_channels(text: str, parsed: ParsedRow) -> None:
    """`phone;online` (or 电话；线上) → the three channel flags; the ones not named are off."""
    chosen = set()
    for item in split_list(text):
        word = unicodedata.normalize("NFKC", item).casefold()
        code = word if word in CHANNELS else CHANNEL_ALIASES.get(word)
        if code is None:
            parsed.error(
                "channels",
                _("Unknown channel “%(value)s”: use phone, online or window.") % {"value": item},
            )
        else:
            chosen.add(code)
    for code, model_field in CHANNELS.items():
        parsed.values[model_field] = code in chosen


def _parse_services(text: str, lookups: Lookups, parsed: ParsedRow) -> list[OfferingSpec]:
    """`B03; P03:professional:low_cost:500元/项; 专利预警::negotiable` → offering specs."""
    specs: list[OfferingSpec] = []
    seen = set()
    for item in split_list(text):
        parts = [p.strip() for p in PART_SEPARATORS.split(item, maxsplit=3)]
        parts += [""] * (4 - len(parts))
        name, tier_text, fee_text, price_note = parts
        service = lookups.services.get(name)
        if service is None:
            parsed.error("services", _("Unknown service “%(value)s”.") % {"value": name})
            continue
        if service.pk in seen:
            parsed.error("services", _("%(service)s is listed twice.") % {"service": service.code})
            continue
        seen.add(service.pk)
        tier = choice_value("tier", tier_text) if tier_text else service.tier
        fee = choice_value("fee", fee_text) if fee_text else FeeKind.FREE
        if tier is None:
            parsed.error(
                "services",
                _("%(service)s: unknown tier “%(value)s”.")
                % {"service": service.code, "value": tier_text},
            )
        elif fee is None:
            parsed.error(
                "services",
                _("%(service)s: unknown fee “%(value)s”.")
                % {"service": service.code, "value": fee_text},
            )
        else:
            specs.append(OfferingSpec(service, tier, fee, price_note))
    return specs
