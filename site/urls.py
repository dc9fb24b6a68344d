from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from directory import api as directory_api
from directory import openapi as directory_openapi
from home.homepage import views as home_views
from home.site_search import views as search_views
from services import views as services_views

from . import health, sitemaps

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
    path("healthz", health.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("api/v1/points/", directory_api.points, name="api_points"),
    path("api/v1/openapi.json", directory_openapi.openapi_view, name="api_openapi"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# zh-hans, the default language, is served at / without a prefix; English under /en/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("consult/", include("services.urls")),
    path("apply/", include("directory.applications.urls")),
    path("privacy/", services_views.privacy_policy, name="privacy_policy"),
    path("open-data/", include("directory.hsds.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
