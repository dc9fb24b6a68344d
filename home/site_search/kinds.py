"""The kinds of result the site search labels and filters by."""

from django.db import models
from django.utils.translation import pgettext_lazy

from directory.models import ServicePoint
from home.cases.models import CasePage
from home.events.models import EventPage
from home.notices.models import NoticePage


class Kind(models.TextChoices):
    POINT = "point", pgettext_lazy("search result type", "Service point")
    SERVICE = "service", pgettext_lazy("search result type", "Catalogue service")
    NOTICE = "notice", pgettext_lazy("search result type", "Notice")
    CASE = "case", pgettext_lazy("search result type", "Case")
    EVENT = "event", pgettext_lazy("search result type", "Event")
    PAGE = "page", pgettext_lazy("search result type", "Page")


# Any other page (standard, FAQ, section and index pages, the home page) is a "page".
PAGE_KINDS = {
    ServicePoint: Kind.POINT,
    NoticePage: Kind.NOTICE,
    CasePage: Kind.CASE,
    EventPage: Kind.EVENT,
}


def kind_of_model(model) -> Kind:
    for page_model, kind in PAGE_KINDS.items():
        if model is not None and issubclass(model, page_model):
            return kind
    return Kind.PAGE
