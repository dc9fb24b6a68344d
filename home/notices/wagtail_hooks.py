from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from .admin_views import NoticeRepostView, NoticesToRepostView, RepostMenuItem


@hooks.register("register_admin_urls")
def register_notice_repost_urls():
    return [
        path("notices/repost/", NoticesToRepostView.as_view(), name="notices_to_repost"),
        path("notices/repost/<int:notice_id>/", NoticeRepostView.as_view(), name="notice_repost"),
    ]


@hooks.register("register_admin_menu_item")
def register_notice_repost_menu_item():
    return RepostMenuItem(
        gettext_lazy("Notices to repost"),
        reverse("notices_to_repost"),
        name="notices-to-repost",
        icon_name="doc-full",
        order=260,
    )
