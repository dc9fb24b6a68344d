"""Distances and default coordinates. Plain functions, no HTTP."""

import math

from django.db.models import F, FloatField, Value
from django.db.models.functions import ACos, Cos, Least, Radians, Sin

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_expression(lat: float, lng: float, lat_field="latitude", lng_field="longitude"):
    """Great-circle distance in km as an ORM expression (spherical law of cosines).

    Works on SQLite (Django registers the math functions) and PostgreSQL alike, so
    ordering by distance stays in the database.
    """
    lat_r = math.radians(lat)
    cos_angle = Cos(Value(lat_r)) * Cos(Radians(F(lat_field))) * Cos(
        Radians(F(lng_field)) - Value(math.radians(lng))
    ) + Sin(Value(lat_r)) * Sin(Radians(F(lat_field)))
    # Rounding can push the cosine a hair above 1, where ACOS is undefined.
    return ACos(Least(cos_angle, Value(1.0)), output_field=FloatField()) * EARTH_RADIUS_KM


def bounding_box(lat: float, lng: float, radius_km: float) -> tuple[float, float, float, float]:
    """A box that contains the circle; lets an index discard far rows before the trigonometry."""
    dlat = radius_km / 111.32
    cos_lat = max(math.cos(math.radians(lat)), 0.01)
    dlng = radius_km / (111.32 * cos_lat)
    return lat - dlat, lat + dlat, lng - dlng, lng + dlng


def fill_default_coordinates(point) -> None:
    """Without coordinates a point stands at its district's, else city's, else province's centre.

    The flag `coordinates_approximate` tells the profile to say so, and is cleared as soon as
    an editor enters coordinates of their own.
    """
    regions = [
        getattr(point, name)
        for name in ("district", "city", "province")
        if getattr(point, f"{name}_id", None)
    ]
    centres = [(r.latitude, r.longitude) for r in regions if r.has_coordinates]
    if point.latitude is None or point.longitude is None:
        if centres:
            point.latitude, point.longitude = centres[0]
            point.coordinates_approximate = True
        return
    point.coordinates_approximate = (point.latitude, point.longitude) in centres
