"""Forms of the inbox: each action posts its own form, validated here and nowhere else."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Locale

from directory.choosers import PointChooserWidget
from directory.models import ServiceItem

from ..models import Status
from ..staff import is_office_staff
from .access import CENTRAL, point_choices, scope_points, transfer_targets

# Transferred is set by the transfer form, which also moves the request and tells the asker.
MANUAL_STATUSES = [(value, label) for value, label in Status.choices if value != Status.TRANSFERRED]


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        help_text=_("Sent to the asker by e-mail when they gave an address."),
    )
    close = forms.BooleanField(label=_("Close after replying"), required=False)

    def __init__(self, *args, **kwargs):
        # Three forms share the detail page: distinct ids keep labels pointing at their field.
        kwargs.setdefault("auto_id", "reply-%s")
        super().__init__(*args, **kwargs)

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a reply."), code="required")
        return body


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=MANUAL_STATUSES)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, request_obj, **kwargs):
        kwargs.setdefault("auto_id", "status-%s")
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == self.request_obj.status:
            raise forms.ValidationError(_("The request already has this status."), code="same")
        return status


class TransferForm(forms.Form):
    # The searchable point chooser (directory/choosers.py), limited to live, active points.
    to_point = forms.CharField(
        label=_("Transfer to"),
        required=False,
        widget=PointChooserWidget(active_only=True),
    )
    # The office only (removed for point staff): back to the office's own central inbox.
    central = forms.BooleanField(
        label=_("Send to the IP office central inbox instead"), required=False
    )
    note = forms.CharField(
        label=_("Reason for the transfer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The asker is told where their question went and why."),
    )

    def __init__(self, *args, request_obj, user, **kwargs):
        kwargs.setdefault("auto_id", "transfer-%s")
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj
        # The office may send a request back to its central inbox; a point may not.
        self.allow_central = is_office_staff(user) and request_obj.point_id is not None
        if not self.allow_central:
            del self.fields["central"]

    def clean(self):
        cleaned = super().clean()
        if "to_point" not in cleaned:
            return cleaned
        value = str(cleaned.get("to_point") or "").strip()
        if cleaned.get("central") or value == CENTRAL:
            value = CENTRAL
        current = CENTRAL if self.request_obj.point_id is None else str(self.request_obj.point_id)
        if not value:
            self.add_error(
                "to_point",
                forms.ValidationError(
                    _("Choose the point to transfer the request to."), code="required"
                ),
            )
        elif value == current:
            self.add_error(
                "to_point", forms.ValidationError(_("The request is already there."), code="same")
            )
        elif value == CENTRAL:
            if self.allow_central:
                cleaned["to_point"] = None
            else:
                self.add_error(
                    "to_point",
                    forms.ValidationError(
                        _("Choose an active point from the list."), code="invalid_choice"
                    ),
                )
        else:
            target = (
                transfer_targets().exclude(pk=self.request_obj.point_id).filter(pk=_as_int(value))
            ).first()
            if target is None:
                self.add_error(
                    "to_point",
                    forms.ValidationError(
                        _("Choose an active point from the list."), code="invalid_choice"
                    ),
                )
            else:
                cleaned["to_point"] = target
        return cleaned

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError(_("Say why the request is transferred."), code="required")
        return note


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class EditForm(forms.Form):
    """Corrections to a request: its catalogue service (for the ledger) and its status.

    A plain form, not a ModelForm: a ModelForm would write the new status onto the instance
    before handling.change_status could compare it with the old one.
    """

    service = forms.ModelChoiceField(
        label=_("Catalogue service"),
        queryset=ServiceItem.objects.none(),
        required=False,
        empty_label=_("Not sure / none"),
    )
    status = forms.ChoiceField(label=_("Status"))
    note = forms.CharField(
        label=_("Note for the history"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, request_obj, **kwargs):
        kwargs.setdefault(
            "initial", {"service": request_obj.service_id, "status": request_obj.status}
        )
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj
        self.fields["service"].queryset = ServiceItem.objects.filter(
            locale=Locale.get_default()
        ).order_by("sort_order", "code")
        choices = list(MANUAL_STATUSES)
        if request_obj.status == Status.TRANSFERRED:
            # Keeping the status as it is must stay possible.
            choices.append((Status.TRANSFERRED, Status.TRANSFERRED.label))
        self.fields["status"].choices = choices

    @property
    def service_changed(self) -> bool:
        service = self.cleaned_data.get("service")
        return (service.pk if service else None) != self.request_obj.service_id

    @property
    def status_changed(self) -> bool:
        return self.cleaned_data.get("status") != self.request_obj.status


def scope_point_choices(user):
    office = is_office_staff(user)
    return point_choices(
        scope_points(user),
        central=office,
        all_label=_("All points") if office else _("All my points"),
    )


def _year_start(today: datetime.date) -> datetime.date:
    return today.replace(month=1, day=1)


class ExportForm(forms.Form):
    date_from = forms.DateField(label=_("Submitted from"), widget=AdminDateInput)
    date_to = forms.DateField(label=_("Submitted until"), widget=AdminDateInput)
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("xlsx", _("Excel (.xlsx)")), ("csv", _("CSV (.csv)"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )
    point = forms.ChoiceField(label=_("Point"), required=False)

    def __init__(self, *args, user, **kwargs):
        today = timezone.localdate()
        kwargs.setdefault("initial", {"date_from": _year_start(today), "date_to": today})
        super().__init__(*args, **kwargs)
        self.fields["point"].choices = scope_point_choices(user)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned


class StatisticsForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    point = forms.ChoiceField(label=_("Point"), required=False)

    def __init__(self, *args, user, first_year: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        first_year = min(first_year or this_year, this_year)
        years = range(this_year, first_year - 1, -1)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["year"].initial = this_year
        self.fields["point"].choices = scope_point_choices(user)


class BulkForm(forms.Form):
    """The action of a bulk change; the ids are checked one by one against the scope by the view."""

    ACTIONS = {"in_progress": Status.IN_PROGRESS, "close": Status.CLOSED}

    action = forms.ChoiceField(
        choices=[("in_progress", _("Mark in progress")), ("close", _("Close"))]
    )

    @property
    def status(self):
        return self.ACTIONS[self.cleaned_data["action"]]
