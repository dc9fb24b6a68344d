"""Case library: signal handlers and admin hooks.

Imported by home/models/cases.py (so the signal is connected in every process, shells and
commands included) and by home/wagtail_hooks.py. Nothing here imports models at import time.
"""

from django.db.models import Q
from django.db.models.signals import post_save
from wagtail import hooks


def grant_staff_on_new_case_index(sender, instance, created, raw=False, **kwargs):
    """post_save of a CaseIndexPage: a new index made after the staff groups lets them add
    cases at once (groups made later get it from `ensure_staff_group`)."""
    if raw or not created or instance.alias_of_id:
        return
    from ..cases import case_indexes, grant_case_permissions_to_all_staff

    if case_indexes().filter(pk=instance.pk).exists():
        grant_case_permissions_to_all_staff(indexes=[instance])


post_save.connect(
    grant_staff_on_new_case_index,
    sender="home.CaseIndexPage",
    dispatch_uid="case-index-staff-permissions",
)


@hooks.register("construct_explorer_page_queryset")
def hide_other_points_case_drafts(parent_page, pages, request):
    """In the case library's admin listing, point staff see the live cases and their own
    drafts, not the unpublished work of other points."""
    from services.staff import is_office_staff

    from ..models import CaseIndexPage

    user = request.user
    if not issubclass(parent_page.specific_class or type(parent_page), CaseIndexPage):
        return pages
    if is_office_staff(user):
        return pages
    return pages.filter(Q(live=True) | Q(owner=user))
