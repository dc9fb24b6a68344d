"""The directory's query string: parsed once, validated, shared by the HTML directory and the API.

Unknown values never raise: each bad parameter becomes an error message naming it, which the
API answers with 400 and the HTML directory shows beside an otherwise normal page.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from home.core.querystring import parse_int, unknown_value_message

from .models import Audience, PointCategory, Qualification, Region, ServiceItem, Tier

MAX_QUERY_LENGTH = 100
MAX_RADIUS_KM = 3000
DEFAULT_RADIUS_KM = None

FILTER_PARAMS = (
    "q",
    "province",
    "city",
    "district",
    "category",
    "qualification",
    "service",
    "tier",
    "audience",
    "near",
    "radius_km",
)


@dataclass(frozen=True)
class DirectoryQuery:
    q: str = ""
    province: Region | None = None
    city: Region | None = None
    district: Region | None = None  # orders nearest its centre first; does not narrow
    category: PointCategory | None = None
    qualification: Qualification | None = None
    service: ServiceItem | None = None
    tier: str = ""
    audience: Audience | None = None
    near: tuple[float, float] | None = None
    radius_km: float | None = None
    page: int = 1
    page_size: int = 20
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def origin(self) -> tuple[float, float] | None:
        """Where "nearby" is measured from: the browser's position, else the chosen district,
        else the chosen city."""
        if self.near:
            return self.near
        if self.district and self.district.has_coordinates:
            return (self.district.latitude, self.district.longitude)
        if self.city and self.city.has_coordinates:
            return (self.city.latitude, self.city.longitude)
        return None

    def without(self, *names: str) -> "DirectoryQuery":
        return replace(
            self, **{name: DirectoryQuery.__dataclass_fields__[name].default for name in names}
        )

    def is_filtered(self) -> bool:
        return any(getattr(self, name) for name in FILTER_PARAMS)

    def params(self) -> dict[str, str]:
        """The query string that reproduces this query (for links, canonical URLs, pagination)."""
        values = {
            "q": self.q,
            "province": self.province.slug if self.province else "",
            "city": self.city.adcode if self.city else "",
            "district": self.district.adcode if self.district else "",
            "category": self.category.code if self.category else "",
            "qualification": self.qualification.code if self.qualification else "",
            "service": self.service.code if self.service else "",
            "tier": self.tier,
            "audience": self.audience.code if self.audience else "",
            "near": f"{self.near[0]:.5f},{self.near[1]:.5f}" if self.near else "",
            "radius_km": f"{self.radius_km:g}" if self.radius_km else "",
        }
        return {k: v for k, v in values.items() if v}


def _lookup(model, code: str, **extra):
    return model.objects.filter(
        code=code, locale__language_code=_default_language(), **extra
    ).first()


def _default_language() -> str:
    from django.conf import settings

    return settings.LANGUAGE_CODE


def _region(value: str, level: int) -> Region | None:
    regions = Region.objects.filter(level=level, locale__language_code=_default_language())
    if value.isdigit():
        return regions.filter(adcode=value).first()
    return (
        regions.filter(slug=value).first()
        or regions.filter(name=value).first()
        or regions.filter(name_en__iexact=value).first()  # ?province=Inner Mongolia
    )


def parse_directory_query(
    data, *, max_page_size: int = 100, default_page_size: int = 20
) -> DirectoryQuery:
    """Turn a QueryDict (or any mapping of str) into a DirectoryQuery with per-parameter errors."""
    errors: dict[str, str] = {}
    # NUL is dropped: PostgreSQL refuses it in any string, so it would fail the query (a 500).
    get = lambda name: str(data.get(name, "") or "").replace("\x00", "").strip()  # noqa: E731

    q = " ".join(get("q").split())
    if len(q) > MAX_QUERY_LENGTH:
        errors["q"] = _("The keyword is too long: use at most %(n)d characters.") % {
            "n": MAX_QUERY_LENGTH
        }
        q = q[:MAX_QUERY_LENGTH]

    values: dict = {"q": q}
    for name, level in (
        ("province", Region.Level.PROVINCE),
        ("city", Region.Level.CITY),
        ("district", Region.Level.DISTRICT),
    ):
        if raw := get(name):
            region = _region(raw[:60], level)
            if region is None:
                errors[name] = unknown_value_message(name, raw[:60])
            values[name] = region

    for name, model in (
        ("category", PointCategory),
        ("qualification", Qualification),
        ("service", ServiceItem),
        ("audience", Audience),
    ):
        if raw := get(name):
            obj = _lookup(model, raw[:40])
            if obj is None and model is PointCategory:
                obj = model.objects.filter(
                    slug=raw[:40], locale__language_code=_default_language()
                ).first()
            if obj is None:
                errors[name] = unknown_value_message(name, raw[:40])
            values[name] = obj

    if tier := get("tier"):
        if tier in Tier.values:
            values["tier"] = tier
        else:
            errors["tier"] = _("Unknown service tier: choose one of %(choices)s.") % {
                "choices": ", ".join(f"{value} ({label})" for value, label in Tier.choices)
            }

    if near := get("near"):
        parsed = parse_near(near)
        if parsed is None:
            errors["near"] = _("“near” must be “latitude,longitude”, e.g. 23.13,113.26.")
        values["near"] = parsed

    if radius := get("radius_km"):
        try:
            radius_km = float(radius)
        except ValueError:
            radius_km = None
        if radius_km is None or not (0 < radius_km <= MAX_RADIUS_KM):
            errors["radius_km"] = _(
                "The radius must be a number of kilometres between 0 and %(max)d."
            ) % {"max": MAX_RADIUS_KM}
        else:
            values["radius_km"] = radius_km

    page = parse_int(get("page"), 1)
    if page is None or page < 1:
        errors["page"] = _("The page must be a whole number from 1.")
        page = 1
    page_size = parse_int(get("page_size"), default_page_size)
    if page_size is None or not (1 <= page_size <= max_page_size):
        errors["page_size"] = _("The page size must be a whole number from 1 to %(max)d.") % {
            "max": max_page_size
        }
        page_size = default_page_size

    if (
        values.get("city")
        and values.get("province")
        and values["city"].parent_id != values["province"].pk
    ):
        errors["city"] = _("This city is not in the chosen province.")
    if (
        values.get("district")
        and values.get("city")
        and values["district"].parent_id != values["city"].pk
    ):
        errors["district"] = _("This district is not in the chosen city.")

    return DirectoryQuery(**values, page=page, page_size=page_size, errors=errors)


def parse_near(value: str) -> tuple[float, float] | None:
    parts = value.replace("，", ",").split(",")
    if len(parts) != 2 or any(len(p) > 20 for p in parts):
        return None
    try:
        lat, lng = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180) or lat != lat or lng != lng:
        return None
    return (lat, lng)
