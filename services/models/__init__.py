from .calendar import CalendarDay
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
from .error_reports import ErrorReport
from .outbox import OutboxEmail

__all__ = [
    "OPEN_STATUSES",
    "TRACKING_LENGTH",
    "CalendarDay",
    "ConsultationReply",
    "ConsultationRequest",
    "ErrorReport",
    "OutboxEmail",
    "Origin",
    "ReplyChannel",
    "RequestEvent",
    "RoutingRule",
    "Status",
]
