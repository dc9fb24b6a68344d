from .index import DirectoryIndexPage
from .points import PointLocation, ServicePoint
from .reference import Audience, NodeLevel, PointCategory, Qualification
from .regions import Region

__all__ = [
    "Audience",
    "DirectoryIndexPage",
    "NodeLevel",
    "PointCategory",
    "PointLocation",
    "Qualification",
    "Region",
    "ServicePoint",
]
