"""Built exports in storage, and the manifest that says which build is current.

A build writes its two files under names of its own (the build's time), then its manifest;
a reader takes the newest manifest that parses, so a request never sees half a build, and a
download that started on the previous build can finish (the one before it is kept). Storage
is Django's (OPEN_DATA_STORAGE, default "default": MEDIA_ROOT, or S3 where configured), so
every app server sees the same files.
"""

import datetime
import gzip
import hashlib
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone, translation

from . import collect, package
from .tables import build_tables

logger = logging.getLogger(__name__)

FOLDER = "open-data"
KEEP_BUILDS = 2
CONTENT_TYPES = {"json": "application/json", "zip": "application/zip"}


def storage():
    return storages[getattr(settings, "OPEN_DATA_STORAGE", "default")]


@dataclass(frozen=True)
class Build:
    """One finished export, as its manifest describes it."""

    created: datetime.datetime
    files: dict  # format → {"name", "size", "sha256"}
    counts: dict  # table → rows

    @property
    def points(self) -> int:
        return self.counts.get("organization", 0)


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _manifests() -> list[str]:
    try:
        _dirs, files = storage().listdir(FOLDER)
    except FileNotFoundError:
        return []
    return sorted((f for f in files if f.startswith("manifest-")), reverse=True)


def current_build() -> Build | None:
    """The newest complete build, or None before the first one."""
    for name in _manifests():
        try:
            with storage().open(f"{FOLDER}/{name}") as handle:
                data = json.load(handle)
            return Build(
                created=datetime.datetime.fromisoformat(data["created"]),
                files=data["files"],
                counts=data["counts"],
            )
        except (OSError, ValueError, KeyError):
            # Being written (or damaged): the one before is still whole.
            continue
    return None


def _save(name: str, handle) -> dict:
    handle.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(1 << 16):
        digest.update(chunk)
        size += len(chunk)
    handle.seek(0)
    stored = storage().save(name, File(handle, name=name))
    return {"name": stored, "size": size, "sha256": digest.hexdigest()}


def _save_gzip(name: str, source, now: datetime.datetime) -> dict:
    """A gzip copy, sent to clients that accept it: JSON rows repeat their keys, so the
    file shrinks about fivefold (172 MB → 31 MB at 9,461 points, benchmarks/hsds_bench.py)."""
    with tempfile.TemporaryFile() as out:
        with gzip.GzipFile(fileobj=out, mode="wb", mtime=int(now.timestamp())) as packed:
            source.seek(0)
            shutil.copyfileobj(source, packed, 1 << 16)
        return _save(name, out)


def _page_urls() -> tuple[str, str]:
    """The download page and its profile section, absolute, in English for consumers."""
    from django.urls import reverse

    base = getattr(settings, "SITE_BASE_URL", "").rstrip("/")
    with translation.override("en"):
        page = reverse("open_data")
    return f"{base}{page}", f"{base}{page}#profile"


def write_build(now: datetime.datetime | None = None) -> Build:
    """Export the directory now and make it the current build."""
    now = now or timezone.now()
    homepage, profile_url = _page_urls()
    descriptor = package.descriptor(
        timezone.localtime(now).replace(microsecond=0), homepage=homepage, profile_url=profile_url
    )
    stamp = _stamp(now)
    with (
        package.PackageWriter() as writer,
        tempfile.TemporaryFile() as json_out,
        tempfile.TemporaryFile() as zip_out,
    ):
        export_tables(sink=writer.write)
        writer.finish(descriptor, json_out, zip_out)
        files = {
            "json": _save(f"{FOLDER}/hsds-{stamp}.json", json_out),
            "zip": _save(f"{FOLDER}/hsds-{stamp}.zip", zip_out),
        }
        files["json"]["gzip"] = _save_gzip(f"{FOLDER}/hsds-{stamp}.json.gz", json_out, now)
    manifest = {"created": descriptor["created"], "files": files, "counts": writer.counts}
    storage().save(
        f"{FOLDER}/manifest-{stamp}.json",
        ContentFile(json.dumps(manifest, indent=1).encode("utf-8")),
    )
    _prune()
    return Build(
        created=datetime.datetime.fromisoformat(manifest["created"]),
        files=files,
        counts=writer.counts,
    )


def export_tables(sink=None) -> dict[str, list[dict]]:
    """The current directory as HSDS rows, handed to `sink` (or returned when there is none),
    in the site's default language: vocabulary labels are read in the active one."""
    with translation.override(settings.LANGUAGE_CODE):
        return build_tables(
            collect.vocabularies(),
            collect.points(),
            english_titles=collect.english_titles(),
            url_of=_url_of,
            base_url=getattr(settings, "SITE_BASE_URL", "").rstrip("/"),
            sink=sink,
        )


def _url_of(point) -> str:
    try:
        return point.get_full_url() or ""
    except Exception:  # a point outside every site has no public URL
        logger.warning("No URL for point %s", point.pk)
        return ""


def _prune() -> None:
    """Keep the newest KEEP_BUILDS builds: the one before the current may be mid-download."""
    for old in _manifests()[KEEP_BUILDS:]:
        names = [f"{FOLDER}/{old}"]
        try:
            with storage().open(names[0]) as handle:
                for entry in json.load(handle)["files"].values():
                    names += [entry["name"], *([entry["gzip"]["name"]] if "gzip" in entry else [])]
        except (OSError, ValueError, KeyError):
            pass
        for name in reversed(names):  # the manifest last: a failure leaves it to try again
            try:
                storage().delete(name)
            except OSError:
                logger.warning("Could not delete %s", name)
