"""The Frictionless data package of an export: one descriptor, in two forms.

The descriptor is built from HSDS's own tabular profile (schema/compiled/tabular.json): for each
table its CSV path, its scalar columns in HSDS order (the nested arrays are the other tables),
their types, formats and constraints, the primary key and the foreign keys, then the China IP
profile's fields after them. `PackageWriter` writes the JSON form, the rows inline in each
resource's `data`, and the CSV zip, one CSV per table beside a descriptor that points at them
(`path`).
"""

import contextlib
import csv
import datetime
import json
import tempfile
import zipfile

from django.utils import translation

from . import profile, schemas
from .tables import TABLES

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
SCHEMA_LICENSE = {
    "name": "CC-BY-SA-4.0",
    "path": "https://creativecommons.org/licenses/by-sa/4.0/",
    "title": "Human Services Data Specification: an Open Referral resource (https://openreferral.org/)",
}
REFERENCES = {
    "organization_id": "organization",
    "parent_organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
    "contact_id": "contact",
    "phone_id": "phone",
    "taxonomy_term_id": "taxonomy_term",
    "taxonomy_id": "taxonomy",
    "parent_id": "taxonomy_term",
}


def _field(spec: dict, required: bool) -> dict:
    field = {
        "name": spec["name"],
        "type": spec.get("datapackage_type", spec["type"]),
        "title": spec.get("title", spec["name"]),
        "description": spec.get("description", ""),
    }
    if spec.get("format") in ("uuid", "email", "uri"):
        field["format"] = spec["format"]
    if field["type"] == "time":
        field["format"] = "any"  # HSDS writes HH:MM with the offset, e.g. 09:00+08:00
    constraints = {"required": required}
    if spec.get("constraints", {}).get("unique"):
        constraints["unique"] = True
    if spec.get("enum"):
        constraints["enum"] = spec["enum"]
    field["constraints"] = constraints
    return field


def columns(table: str) -> list[str]:
    """The CSV header of `table`: HSDS's scalar columns, then the profile's."""
    return [field["name"] for field in table_schema(table)["fields"]]


def table_schema(table: str) -> dict:
    spec = schemas.tabular()[table]["items"]
    required = set(spec.get("required", ())) | set(spec.get("tabular_required", ()))
    fields = [
        _field(prop, name in required)
        for name, prop in spec["properties"].items()
        if prop.get("type") not in ("array", "object", None)
    ]
    with translation.override("en"):
        fields += [
            {
                "name": extra.name,
                "type": extra.type,
                "description": str(extra.description),
                "constraints": {"required": False},
                "profile": profile.PROFILE_NAME,
            }
            for extra in profile.fields_for(table)
        ]
    names = {field["name"] for field in fields}
    foreign_keys = [
        {
            "fields": name,
            "reference": {"resource": "" if target == table else target, "fields": "id"},
        }
        for name, target in REFERENCES.items()
        if name in names and target in TABLES
    ]
    schema = {"fields": fields, "primaryKey": "id"}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def descriptor(created: datetime.datetime, *, homepage: str = "", profile_url: str = "") -> dict:
    resources = []
    for table in sorted(
        TABLES, key=lambda name: schemas.tabular()[name]["items"]["datapackage_metadata"]["order"]
    ):
        spec = schemas.tabular()[table]["items"]
        meta = spec["datapackage_metadata"]
        resources.append(
            {
                "name": table,
                "path": spec["path"],
                "description": spec.get("description", ""),
                "format": meta["format"],
                "mediatype": meta["mediatype"],
                "encoding": "utf-8",
                "profile": meta["profile"],
                "schema": table_schema(table),
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "ipsn-hsds",
        "title": "IP Information Public Service Network: directory of service points (HSDS 3.0)",
        "description": (
            "The recognised IP information public service points and nodes of China listed in "
            "the directory (名录), with their service lists, as Open Referral HSDS 3.0 with the "
            "China IP profile."
        ),
        "homepage": homepage,
        "created": created.isoformat(timespec="seconds"),
        "version": created.strftime("%Y.%m.%d"),
        "licenses": [LICENSE],
        "hsds": {
            "version": profile.HSDS_VERSION,
            "profile": profile.PROFILE_NAME,
            "profile_version": profile.PROFILE_VERSION,
            "profile_documentation": profile_url,
            "schema_license": SCHEMA_LICENSE,
        },
        "resources": resources,
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _zip_info(name: str, created: datetime.datetime) -> zipfile.ZipInfo:
    # The build's time, not the clock's: the archive says when its data was taken.
    info = zipfile.ZipInfo(name, date_time=created.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


class PackageWriter:
    """Rows in, both files out, through temporary files: memory stays flat with the data.

    `write(table, row)` is the TableBuilder's sink; `finish()` writes the JSON package and the
    CSV zip into the two open binary files it is given.
    """

    def __init__(self):
        self._csv = {}
        self._json = {}
        self._counts = dict.fromkeys(TABLES, 0)
        self._files = contextlib.ExitStack()
        for table in TABLES:
            handle = self._temporary(newline="")
            writer = csv.writer(handle, lineterminator="\r\n")
            header = columns(table)
            writer.writerow(header)
            self._csv[table] = (handle, writer, header)
            self._json[table] = self._temporary()

    def _temporary(self, **options):
        return self._files.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8", **options))

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def write(self, table: str, row: dict) -> None:
        _handle, writer, header = self._csv[table]
        writer.writerow([_cell(row.get(name)) for name in header])
        handle = self._json[table]
        if self._counts[table]:
            handle.write(",\n")
        handle.write(json.dumps(row, ensure_ascii=False))
        self._counts[table] += 1

    def finish(self, descriptor_: dict, json_out, zip_out) -> None:
        created = datetime.datetime.fromisoformat(descriptor_["created"])
        self._write_json(descriptor_, json_out)
        with zipfile.ZipFile(zip_out, "w") as archive:
            archive.writestr(
                _zip_info("datapackage.json", created),
                json.dumps(descriptor_, ensure_ascii=False, indent=1),
            )
            for resource in descriptor_["resources"]:
                handle = self._csv[resource["name"]][0]
                handle.seek(0)
                with archive.open(_zip_info(resource["path"], created), "w") as member:
                    while chunk := handle.read(1 << 16):
                        member.write(chunk.encode("utf-8"))

    def _write_json(self, descriptor_: dict, out) -> None:
        """The package as one JSON document, each resource's rows inline in `data`."""
        head = {key: value for key, value in descriptor_.items() if key != "resources"}
        text = json.dumps(head, ensure_ascii=False, indent=1)
        out.write(text[:-2].encode("utf-8") + b',\n "resources": [\n')
        for position, resource in enumerate(descriptor_["resources"]):
            inline = {k: v for k, v in resource.items() if k not in ("path", "encoding")}
            inline.update(format="json", mediatype="application/json")
            meta = json.dumps(inline, ensure_ascii=False)
            out.write(meta[:-1].encode("utf-8") + b', "data": [\n')
            handle = self._json[resource["name"]]
            handle.seek(0)
            while chunk := handle.read(1 << 16):
                out.write(chunk.encode("utf-8"))
            out.write(b"\n]}" + (b",\n" if position < len(descriptor_["resources"]) - 1 else b"\n"))
        out.write(b"]\n}\n")

    def close(self) -> None:
        self._files.close()
