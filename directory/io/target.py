"""Which directory page an import or export is about."""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import DirectoryIndexPage


class NoDirectoryPage(Exception):
    pass


def directory_page_for(reference: str | None = None) -> DirectoryIndexPage:
    """The directory page with this id or slug; without one, the default language's directory."""
    pages = DirectoryIndexPage.objects.all()
    if reference:
        page = (
            pages.filter(pk=int(reference)) if reference.isdigit() else pages.filter(slug=reference)
        ).first()
    else:
        page = pages.filter(locale=Locale.get_default()).first() or pages.first()
    if page is None:
        raise NoDirectoryPage(
            _("No directory page found; run `manage.py load_demo` or create one in the admin.")
        )
    return page
