from django.db.models import Count, Exists, OuterRef, Q
from wagtail.models import PageQuerySet

from .geo import bounding_box, distance_expression


class ServicePointQuerySet(PageQuerySet):
    """The directory's vocabulary: `ServicePoint.objects.listed().offering("B03").near(lat, lng)`."""

    def listed(self):
        """What the public directory shows: live, and not revoked."""
        return self.live().exclude(status="revoked")

    def active(self):
        return self.live().filter(status="active")

    def in_province(self, region):
        return self.filter(province=region)

    def in_city(self, region):
        return self.filter(city=region)

    def of_category(self, category):
        # A top-level category includes its sub-kinds (market firms: consulting, agency, …).
        return self.filter(Q(category=category) | Q(category__parent=category))

    def with_qualification(self, qualification):
        return self.filter(qualifications=qualification)

    def for_audience(self, audience):
        return self.filter(audiences=audience)

    def offering(self, service=None, tier=None):
        """Points whose published list has the service and/or tier (EXISTS: no duplicate rows)."""
        from directory.models import PointOffering

        offerings = PointOffering.objects.filter(point_id=OuterRef("pk"))
        if service is not None:
            offerings = offerings.filter(service=service)
        if tier:
            offerings = offerings.filter(tier=tier)
        return self.filter(Exists(offerings))

    def near(self, lat: float, lng: float, radius_km: float | None = None):
        qs = self.filter(latitude__isnull=False, longitude__isnull=False)
        if radius_km:
            south, north, west, east = bounding_box(lat, lng, radius_km)
            qs = qs.filter(
                latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east
            )
        qs = qs.annotate(distance_km=distance_expression(lat, lng))
        if radius_km:
            qs = qs.filter(distance_km__lte=radius_km)
        return qs.order_by("distance_km", "title")

    def for_listing(self):
        """Everything a result card shows, in a fixed number of queries."""
        return self.select_related("category", "province", "city", "logo").prefetch_related(
            "qualifications", "offerings__service"
        )

    def counts_by(self, field: str):
        return dict(
            self.order_by()
            .values_list(field)
            .annotate(n=Count("pk", distinct=True))
            .values_list(field, "n")
        )
