"""Which point answers a consultation request, and why. A plain function, tested without HTTP.

Rules, in order:
1. Asked on a profile: that point, if it is live and active.
2. Asked on the general page about a service: the live, active points of the asker's province
   that offer it, ordered by
     same city first, then the rest of the province;
     distance from the asker's city (whole kilometres, so equal places tie);
     free basic-tier offerings, then other free ones, then paid ones;
     fewest open requests; then the lowest id, so the choice is reproducible.
3. Nobody in the province offers it, or the asker is not sure which service: the province's
   provincial node (the one with the fewest open requests).
4. No provincial node: the IP office's central inbox (no point).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.geo import haversine_km
from directory.models import FeeKind, PointOffering, Region, ServiceItem, ServicePoint, Tier

from .models import OPEN_STATUSES, ConsultationRequest, RoutingRule

# Points without coordinates sort after every located one of the same city or province.
UNKNOWN_DISTANCE_KM = 100_000


@dataclass(frozen=True)
class RoutingDecision:
    point: ServicePoint | None
    rule: str
    reason: str
    tier: str = ""


def _routable_points():
    return ServicePoint.objects.live().filter(
        status=ServicePoint.Status.ACTIVE,
        alias_of__isnull=True,
        locale=Locale.get_default(),
    )


def _open_counts(point_ids) -> dict[int, int]:

    rows = (
        ConsultationRequest.objects.filter(point_id__in=point_ids, status__in=OPEN_STATUSES)
        .values_list("point_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


def _fee_rank(tier: str, fee: str) -> int:
    if fee != FeeKind.FREE:
        return 2
    return 0 if tier == Tier.BASIC else 1


def _distance(city: Region, lat, lng) -> int:
    if lat is None or lng is None or not city.has_coordinates:
        return UNKNOWN_DISTANCE_KM
    return round(haversine_km(city.latitude, city.longitude, lat, lng))


def route(
    *, service: ServiceItem | None, city: Region, point: ServicePoint | None = None
) -> RoutingDecision:
    # Reasons are stored text, written in the site's default language whoever asked.
    with translation.override(settings.LANGUAGE_CODE):
        return _route(service=service, city=city, point=point)


def _default_locale(obj, model):
    """The default-locale twin of a translatable object (the catalogue and points use those)."""
    if obj is None or obj.locale_id == Locale.get_default().pk:
        return obj
    return (
        model.objects.filter(
            translation_key=obj.translation_key, locale=Locale.get_default()
        ).first()
        or obj
    )


def _route(*, service, city, point) -> RoutingDecision:
    service = _default_locale(service, ServiceItem)
    city = _default_locale(city, Region)
    if city.level == Region.Level.DISTRICT and city.parent_id:
        city = city.parent
    service_tier = service.tier if service else ""
    if point is not None:
        if _routable_points().filter(pk=point.pk).exists():
            tier = (
                PointOffering.objects.filter(point=point, service=service)
                .values_list("tier", flat=True)
                .first()
                if service
                else None
            )
            return RoutingDecision(
                point,
                RoutingRule.PROFILE,
                _("Asked on the profile of %(point)s.") % {"point": point.title},
                tier or service_tier,
            )
        fallback = _route(service=service, city=city, point=None)
        return RoutingDecision(
            fallback.point,
            fallback.rule,
            _("%(point)s is not taking requests now. %(reason)s")
            % {"point": point.title, "reason": fallback.reason},
            fallback.tier,
        )

    province_id = city.parent_id if city.level == Region.Level.CITY else city.pk
    if service is not None:
        candidates = list(
            PointOffering.objects.filter(
                service=service,
                point__in=_routable_points().filter(province_id=province_id),
            ).values_list(
                "point_id", "point__city_id", "point__latitude", "point__longitude", "tier", "fee"
            )
        )
        if candidates:
            open_counts = _open_counts({row[0] for row in candidates})
            best = min(
                candidates,
                key=lambda row: (
                    row[1] != city.pk,
                    _distance(city, row[2], row[3]),
                    _fee_rank(row[4], row[5]),
                    open_counts.get(row[0], 0),
                    row[0],
                ),
            )
            chosen = ServicePoint.objects.get(pk=best[0])
            same_city = best[1] == city.pk
            reason = (
                _("%(point)s offers %(service)s in %(city)s")
                if same_city
                else _("No point in %(city)s offers %(service)s; %(point)s does in the province")
            ) % {"point": chosen.title, "service": service.name, "city": city.name}
            if len(candidates) > 1:
                reason += _(
                    " (chosen from %(count)s by nearness, free service first, fewest open "
                    "requests)."
                ) % {"count": len(candidates)}
            else:
                reason += _(" (the only one).")
            return RoutingDecision(
                chosen,
                RoutingRule.SAME_CITY if same_city else RoutingRule.SAME_PROVINCE,
                reason,
                best[4],
            )
        why = _("No point in the province offers %(service)s.") % {"service": service.name}
    else:
        why = _("The asker is not sure which service applies.")

    nodes = list(
        _routable_points()
        .filter(
            kind=ServicePoint.Kind.NODE,
            node_level__code="provincial",
            province_id=province_id,
        )
        .annotate(
            open=Count(
                "consultation_requests", filter=Q(consultation_requests__status__in=OPEN_STATUSES)
            )
        )
        .order_by("open", "pk")[:1]
    )
    if nodes:
        return RoutingDecision(
            nodes[0],
            RoutingRule.PROVINCIAL_NODE,
            why + " " + _("Sent to the provincial node %(point)s.") % {"point": nodes[0].title},
            service_tier,
        )
    return RoutingDecision(
        None,
        RoutingRule.CENTRAL,
        why
        + " "
        + _("The province has no provincial node: sent to the IP office's central inbox."),
        service_tier,
    )
