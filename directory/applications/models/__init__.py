from .accounts import Applicant
from .applications import Application, ApplicationStatus, Section
from .offices import RecognisingOffice
from .parts import (
    ApplicationAttachment,
    ApplicationCase,
    ApplicationQualification,
    ApplicationService,
    ApplicationStaffMember,
    ReviewComment,
)

__all__ = [
    "Applicant",
    "Application",
    "ApplicationAttachment",
    "ApplicationCase",
    "ApplicationQualification",
    "ApplicationService",
    "ApplicationStaffMember",
    "ApplicationStatus",
    "RecognisingOffice",
    "ReviewComment",
    "Section",
]
