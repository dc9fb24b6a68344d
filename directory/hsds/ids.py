"""Stable identifiers: HSDS wants UUIDs, consumers diff releases by them.

Every id is a UUID 5 of a path built from our own keys (a point's pk, a catalogue or
vocabulary code), under one namespace of this project, so the same record keeps its id in every
export and no id table has to be stored. Offerings are keyed by point and catalogue code, not by
row: an edited service list may recreate its rows, the service it lists stays the same.
"""

import uuid

# uuid5(NAMESPACE_URL, "urn:ipsn:hsds-3.0"), fixed here: changing it changes every id.
NAMESPACE = uuid.UUID("15af549d-2939-5164-952e-e8b3b8979e9c")


def hsds_id(kind: str, *parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join([kind, *(str(part) for part in parts)])))
