from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from directory.lifecycle.access import is_office

from .admin_views import NoticeRepostView, NoticesToRepostView, RepostMenuItem
from .models import NoticeIndexPage
from .publicity_views import DraftPublicityNoticeView, OfficeMenuItem


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


@hooks.register("register_admin_urls")
def register_publicity_urls():
    return [
        path(
            "notices/publicity/new/",
            DraftPublicityNoticeView.as_view(),
            name="notices_draft_publicity",
        )
    ]


@hooks.register("register_admin_menu_item")
def register_publicity_menu_item():
    return OfficeMenuItem(
        gettext_lazy("Draft a publicity notice"),
        reverse("notices_draft_publicity"),
        name="notices-draft-publicity",
        icon_name="doc-full",
        order=261,
    )


@hooks.register("register_page_header_buttons")
def publicity_button_on_notice_index(page, user, view_name=None, next_url=None):
    """On the notice index's listing, the office's "Draft a publicity notice"."""
    if isinstance(page.specific_deferred, NoticeIndexPage) and is_office(user):
        yield Button(
            gettext_lazy("Draft a publicity notice"),
            reverse("notices_draft_publicity"),
            icon_name="doc-full",
            attrs={"id": "draft-publicity-notice"},
            priority=80,
        )
