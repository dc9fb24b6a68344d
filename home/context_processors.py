from django.conf import settings
from django.core.cache import cache


def _has_demo_content() -> bool:
    from directory.models import ServicePoint

    # Asked on every page; a minute's staleness is harmless for a footer notice.
    return cache.get_or_set(
        "site:has-demo-content", lambda: ServicePoint.objects.filter(is_demo=True).exists(), 60
    )


def site_context(request):
    return {
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
        "demo_content": _has_demo_content(),
    }
