"""The site's URLconf plus `/bench/trivial/`: the ceiling the serving benchmark compares with.

The trivial view goes through the whole middleware stack, like every page, and returns a few
bytes without touching the database or a template. It is kept out of the page cache
(`nocache_page`), so every request runs the view: the figure is what Django itself costs per
request on this machine. Only benchmarks/serve_settings.py points at this module; the project's
own URLconf (config.urls) is unchanged.
"""

from config.urls import urlpatterns as site_patterns
from django.http import HttpResponse
from django.urls import path
from wagtailcache.cache import nocache_page


@nocache_page
def trivial(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *site_patterns]
