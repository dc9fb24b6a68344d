from .images import CustomImage, CustomRendition
from .pages import DEFAULT_DESCRIPTION, BasePage
from .settings import FooterLink, SiteSettings
from .users import User

__all__ = [
    "DEFAULT_DESCRIPTION",
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "FooterLink",
    "SiteSettings",
    "User",
]
