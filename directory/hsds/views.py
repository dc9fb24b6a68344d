"""/open-data/: the download page and the two downloads, served from the stored build."""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from . import jobs, profile, store
from .package import LICENSE, SCHEMA_LICENSE
from .tables import TABLES

DOWNLOAD_NAMES = {"json": "ipsn-hsds-{date}.json", "zip": "ipsn-hsds-csv-{date}.zip"}


@require_safe
def open_data(request):
    build = store.current_build()
    if build is None:
        # A fresh install: the worker builds it; the page says so instead of waiting.
        jobs.ensure_first_build()
        build = store.current_build()
    return TemplateResponse(
        request,
        "directory/open_data.html",
        {
            "build": build,
            "created": timezone.localtime(build.created) if build else None,
            "downloads": _downloads(build),
            "license": LICENSE,
            "schema_license": SCHEMA_LICENSE,
            "hsds_version": profile.HSDS_VERSION,
            "profile_version": profile.PROFILE_VERSION,
            "profile_fields": profile.FIELDS,
            "taxonomies": profile.TAXONOMIES,
            "tables": TABLES,
        },
    )


def _downloads(build) -> list[dict]:
    if build is None:
        return []
    return [
        {
            "format": kind,
            "size": build.files[kind]["size"],
            "sha256": build.files[kind]["sha256"],
            "gzip_size": build.files[kind].get("gzip", {}).get("size"),
        }
        for kind in ("json", "zip")
        if kind in build.files
    ]


@require_safe
def download(request, kind: str):
    build = store.current_build()
    if build is None or kind not in build.files:
        raise Http404
    entry = build.files[kind]
    # The JSON's gzip copy for clients that take it (every browser, `curl --compressed`).
    gzipped = "gzip" in entry and "gzip" in request.headers.get("Accept-Encoding", "")
    if gzipped:
        entry = entry["gzip"]
    etag = f'"{entry["sha256"]}"'
    last_modified = int(build.created.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    try:
        handle = store.storage().open(entry["name"])
    except OSError as error:  # pruned between the manifest read and now: a newer one is there
        raise Http404 from error
    filename = DOWNLOAD_NAMES[kind].format(date=timezone.localtime(build.created).date())
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=store.CONTENT_TYPES[kind],
    )
    if gzipped:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may fetch it
    return response
