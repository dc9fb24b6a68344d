from .catalogue import ServiceItem, Tier
from .offerings import FeeKind, PointOffering

__all__ = ["FeeKind", "PointOffering", "ServiceItem", "Tier"]
