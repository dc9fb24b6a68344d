"""Distances and default coordinates. Plain functions, no HTTP."""

import math

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


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
