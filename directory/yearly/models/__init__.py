from .evaluation import Evaluation, EvaluationCriterion, Measure, Result
from .summary import AnnualSummary, ReminderSent, SummaryAttachment

__all__ = [
    "AnnualSummary",
    "Evaluation",
    "EvaluationCriterion",
    "Measure",
    "ReminderSent",
    "Result",
    "SummaryAttachment",
]
