"""Corrections a handler makes to a request so that the ledger is right.

A changed catalogue service is saved directly (it is not a step of the request's handling)
and recorded in the history as a correction that says what changed.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from directory.models import PointOffering

from ..models import RequestEvent


def tier_for(point, service) -> str:
    """The tier the ledger counts: the point's own offering of the service, else the catalogue's."""
    if service is None:
        return ""
    if point is not None:
        tier = (
            PointOffering.objects.filter(point=point, service=service)
            .values_list("tier", flat=True)
            .first()
        )
        if tier:
            return tier
    return service.tier


@transaction.atomic
def correct_service(request_obj, service, actor, note: str = "") -> RequestEvent:
    previous = request_obj.service
    request_obj.service = service
    request_obj.tier = tier_for(request_obj.point, service)
    request_obj.save(update_fields=["service", "tier"])
    # Stored text, like routing reasons: written in the site's default language.
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Catalogue service corrected from “%(old)s” to “%(new)s”.") % {
            "old": previous.name if previous else _("none"),
            "new": service.name if service else _("none"),
        }
    if note:
        text = f"{text}\n{note}"
    return RequestEvent.objects.create(
        request=request_obj,
        kind=RequestEvent.Kind.EDITED,
        actor=actor,
        note=text,
    )
