from wagtail import hooks

from .permissions import visible_case_pages


@hooks.register("construct_explorer_page_queryset")
def hide_other_points_case_drafts(parent_page, pages, request):
    return visible_case_pages(parent_page, pages, request.user)
