"""Key facts of a point (变更报备): what counts as a change the IP office must acknowledge.

The recognition guide (seed 003) asks points to report changes of name, address, head, contact
and services. `key_fact_changes` compares two states of a profile as plain data, so the edit
form, the change report and the tests all ask the same function.
"""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

# (field, label): scalar key facts, compared as the text a reader sees.
KEY_FIELDS = (
    ("title", _("name")),
    ("province", _("province")),
    ("city", _("city")),
    ("district", _("district")),
    ("address", _("address")),
    ("latitude", _("latitude")),
    ("longitude", _("longitude")),
    ("head_name", _("head of the point")),
    ("contact_person", _("contact person")),
    ("phone", _("phone")),
    ("email", _("email")),
)
SERVICES = "services"
SERVICES_LABEL = _("main services")
LABELS = {**dict(KEY_FIELDS), SERVICES: SERVICES_LABEL}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Coordinates typed again with a trailing zero are no change.
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value).strip()


def services_of(page) -> list[str]:
    """The names of the services a profile offers, sorted (order is no change)."""
    return sorted({o.service.name for o in page.offerings.all() if o.service_id})


def key_fact_changes(old_page, new_page, *, new_services: Iterable[str] | None = None) -> list:
    """[{field, label, old, new}] of every key fact that differs between two profiles.

    `new_services` replaces the new page's offerings when they are not on it yet (the edit
    form knows them from its formset before anything is saved). Labels are English msgids; use
    `label_of(field)` to show them translated.
    """
    changes = []
    for field, label in KEY_FIELDS:
        old, new = _text(getattr(old_page, field)), _text(getattr(new_page, field))
        if old != new:
            changes.append({"field": field, "label": str(label), "old": old, "new": new})
    old_services = services_of(old_page)
    new_list = sorted(set(new_services)) if new_services is not None else services_of(new_page)
    if old_services != new_list:
        changes.append(
            {
                "field": SERVICES,
                "label": str(SERVICES_LABEL),
                "old": "、".join(old_services),
                "new": "、".join(new_list),
            }
        )
    return changes


def label_of(field: str) -> str:
    return str(LABELS.get(field, field))
