from .cases import CaseFigure, CaseIndexPage, CasePage, ServedPartyKind
from .events import EventIndexPage, EventKind, EventPage, Registration
from .images import CustomImage, CustomRendition
from .notices import (
    NoticeAttachment,
    NoticeIndexPage,
    NoticeKind,
    NoticePage,
    NoticeRepost,
    RegionScope,
)
from .pages import BasePage, FAQItem, FAQPage, HomePage, StandardPage
from .settings import FooterLink, SiteSettings
from .users import User

__all__ = [
    "BasePage",
    "CaseFigure",
    "CaseIndexPage",
    "CasePage",
    "CustomImage",
    "CustomRendition",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "FAQItem",
    "FAQPage",
    "FooterLink",
    "HomePage",
    "NoticeAttachment",
    "NoticeIndexPage",
    "NoticeKind",
    "NoticePage",
    "NoticeRepost",
    "RegionScope",
    "Registration",
    "ServedPartyKind",
    "SiteSettings",
    "StandardPage",
    "User",
]
