from django.conf import settings


def site_context(request):
    return {
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
        "SITE_BASE_URL": settings.SITE_BASE_URL,
    }
