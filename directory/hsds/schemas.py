"""The HSDS 3.0 JSON schemas copied into `schema/` (CC BY-SA 4.0, see schema/README.md)."""

import functools
import json
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"


@functools.cache
def load(name: str) -> dict:
    """A schema by file name, e.g. "organization.json" or "compiled/tabular.json"."""
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def tabular() -> dict:
    """The tabular profile: each table's columns, order and datapackage metadata."""
    return load("compiled/tabular.json")["properties"]


def validator(name: str):
    """A Draft 2020-12 validator of `name` that resolves the schemas' relative $refs
    ("phone.json") to the copies here, never to the network."""
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    def retrieve(uri: str):
        return Resource.from_contents(
            load(uri.rsplit("/", 1)[-1]), default_specification=DRAFT202012
        )

    registry = Registry(retrieve=retrieve)
    return Draft202012Validator(load(name), registry=registry, format_checker=FormatChecker())
