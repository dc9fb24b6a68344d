from .catalogue import ServiceItem, Tier
from .index import DirectoryIndexPage
from .offerings import FeeKind, PointOffering
from .points import PointLocation, ServicePoint
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
