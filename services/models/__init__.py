from .calendar import CalendarDay
from .catalogue import ServiceItem, Tier
from .consultations import (
    OPEN_STATUSES,
    TRACKING_LENGTH,
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
    "TRACKING_LENGTH",
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
