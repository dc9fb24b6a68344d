from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage
from .users import User

__all__ = ["BasePage", "CustomImage", "CustomRendition", "HomePage", "StandardPage", "User"]
