from .catalogue import ServiceItem, Tier
from .index import DirectoryIndexPage
from .locations import PointLocation
from .offerings import FeeKind, PointOffering
from .points import ServicePoint
from .reference import Audience, NodeLevel, PointCategory, Qualification
from .regions import Region

__all__ = [
    "Audience",
    "DirectoryIndexPage",
    "FeeKind",
    "NodeLevel",
    "PointCategory",
    "PointLocation",
    "PointOffering",
    "Qualification",
    "Region",
    "ServiceItem",
    "ServicePoint",
    "Tier",
]
