from .changes import ChangeReport
from .decisions import StatusDecision
from .filing import Filing
from .verification import Reminder, Verification

__all__ = ["ChangeReport", "Filing", "Reminder", "StatusDecision", "Verification"]
