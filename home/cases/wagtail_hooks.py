from django.db.models import Q
from wagtail import hooks

from services.admin_scope import register_point_pages

from .models import CasePage
from .permissions import visible_case_pages


@hooks.register("construct_explorer_page_queryset")
def hide_other_points_case_drafts(parent_page, pages, request):
    return visible_case_pages(parent_page, pages, request.user)


@register_point_pages
def point_cases(point_ids):
    """A case belongs to the point that did it and to its partner points."""
    return CasePage.objects.filter(Q(point_id__in=point_ids) | Q(partner_points__in=point_ids))
