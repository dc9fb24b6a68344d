from .images import CustomImage, CustomRendition
from .limits import RateCount
from .pages import DEFAULT_DESCRIPTION, BasePage
from .settings import FooterLink, SiteSettings
from .users import User

__all__ = [
    "DEFAULT_DESCRIPTION",
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "FooterLink",
    "RateCount",
    "SiteSettings",
    "User",
]
