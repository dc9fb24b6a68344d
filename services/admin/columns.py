"""Columns of the inbox table (Wagtail's table component, with a row class for overdue rows)."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BaseColumn, Column, Table, TitleColumn

OVERDUE_CLASS = "consultation-overdue"


class InboxTable(Table):
    def __init__(self, *args, now, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now

    def get_row_classname(self, instance):
        # The class alone is not enough (colour is not a label): the status cell says it too.
        return OVERDUE_CLASS if instance.is_overdue(self.now) else ""


class SelectColumn(BaseColumn):
    """A checkbox per row, belonging to the bulk-action form below the table."""

    header_template_name = "services/admin/cells/select_all.html"
    cell_template_name = "services/admin/cells/select.html"

    def __init__(self, form_id, **kwargs):
        super().__init__("select", label=_("Select"), **kwargs)
        self.form_id = form_id

    def get_header_context_data(self, parent_context):
        return {**super().get_header_context_data(parent_context), "form_id": self.form_id}

    def get_cell_context_data(self, instance, parent_context):
        return {**super().get_cell_context_data(instance, parent_context), "form_id": self.form_id}


class StatusColumn(Column):
    cell_template_name = "services/admin/cells/status.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = instance.is_overdue(parent_context["table"].now)
        return context


class DateTimeColumn(Column):
    """Exact date and time: deadlines need them, not "3 days ago"."""

    cell_template_name = "services/admin/cells/datetime.html"


def point_label(request_obj):
    return request_obj.point.title if request_obj.point_id else central_inbox_label()


def central_inbox_label():
    return _("IP office central inbox")


class InboxColumns:
    """The list's columns; a class so the URL names come from the viewset."""

    def __init__(self, detail_url_name, form_id):
        self.detail_url_name = detail_url_name
        self.form_id = form_id

    @cached_property
    def columns(self):
        return [
            SelectColumn(self.form_id),
            TitleColumn(
                "tracking_code",
                label=_("Tracking code"),
                accessor="formatted_code",
                get_url=lambda obj: reverse(self.detail_url_name, args=[obj.pk]),
                get_title_id=lambda obj: f"consultation_{obj.pk}_title",
            ),
            Column("subject", label=_("Subject")),
            Column("point", label=_("Point"), accessor=point_label),
            Column("service", label=_("Service"), accessor="service.name"),
            StatusColumn("status", label=_("Status"), accessor="get_status_display"),
            DateTimeColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
            DateTimeColumn("due_at", label=_("First reply due"), sort_key="due_at"),
            DateTimeColumn("first_response_at", label=_("First reply")),
        ]
