from .calendar import CalendarDay
from .catalogue import ServiceItem, Tier
from .consultations import (
    OPEN_STATUSES,
    ConsultationReply,
    ConsultationRequest,
    Origin,
    ReplyChannel,
    RequestEvent,
    RoutingRule,
    Status,
)
from .offerings import FeeKind, PointOffering
from .outbox import OutboxEmail

__all__ = [
    "OPEN_STATUSES",
    "CalendarDay",
    "ConsultationReply",
    "ConsultationRequest",
    "FeeKind",
    "OutboxEmail",
    "Origin",
    "PointOffering",
    "ReplyChannel",
    "RequestEvent",
    "RoutingRule",
    "ServiceItem",
    "Status",
    "Tier",
]
