"""The point's side: its summaries, one summary to fill in, its print page and proofs."""

import os

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from ...lifecycle.access import is_office, user_point_ids
from ...models import ServicePoint
from .. import actions
from ..access import get_point, get_summary, visible_evaluations, visible_summaries
from ..dates import can_be_evaluated, due_date, state_of
from ..figures import figure_labels
from ..forms import ReturnForm, SummaryForm
from ..models import SummaryAttachment
from ..prefill import FACT_LABELS
from .base import YearlyMixin, YearlyPageMixin, current_year, year_from


class SummaryListView(YearlyPageMixin, TemplateView):
    """Staff: their points' summaries and this year's to open; the office: every summary."""

    template_name = "yearly/admin/index.html"
    page_title = gettext_lazy("Annual summaries")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        user = self.request.user
        year = year_from(self.request)
        summaries = {s.point_id: s for s in visible_summaries(user).filter(year=year)}
        points = ServicePoint.objects.filter(pk__in=user_point_ids(user)).order_by("title")
        own = [
            {
                "point": point,
                "summary": summaries.get(point.pk),
                "state": state_of(summaries.get(point.pk), year, _today()),
            }
            for point in points
        ]
        # The office reads evaluations on the board; staff see their own points' here.
        evaluations = visible_evaluations(user).filter(point_id__in=user_point_ids(user))
        return super().get_context_data(
            year=year,
            years=range(current_year(), current_year() - 5, -1),
            due=due_date(year),
            own=own,
            office=is_office(user),
            evaluations=evaluations,
            **kwargs,
        )


def _today():
    return timezone.localdate()


class OpenSummaryView(YearlyMixin, View):
    """Open (and on first opening, create and prefill) a point's summary of a year."""

    def get(self, request, point_id):
        point = get_point(request.user, point_id)
        summary = actions.open_summary(point, year_from(request))
        return redirect("yearly_summary", summary.pk)

    post = get


class SummaryView(YearlyPageMixin, TemplateView):
    """Fill in (staff, while draft or returned) or read (anyone in scope) one summary."""

    template_name = "yearly/admin/summary.html"

    def setup_object(self):
        self.summary = get_summary(self.request.user, self.kwargs["pk"])

    def get_page_title(self):
        return _("Annual work summary %(year)s") % {"year": self.summary.year}

    def get_page_subtitle(self):
        return self.summary.point.title

    @property
    def may_edit(self):
        # The point writes its own summary; the office reads, returns and evaluates it.
        return self.summary.is_editable and self.summary.point_id in user_point_ids(
            self.request.user
        )

    def get(self, request, *args, **kwargs):
        form = SummaryForm(instance=self.summary) if self.may_edit else None
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        if not self.may_edit:
            messages.error(request, _("This summary can no longer be changed."))
            return redirect("yearly_summary", self.summary.pk)
        submitting = "submit" in request.POST
        form = SummaryForm(
            request.POST, request.FILES, instance=self.summary, submitting=submitting
        )
        if not form.is_valid():
            messages.error(
                request, _("The summary could not be saved. Please correct the errors below.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=200)
        with transaction.atomic():
            summary = form.save()
            self._store_attachment(form)
            self._delete_attachments()
            if submitting:
                actions.submit(summary, request.user)
        if submitting:
            messages.success(request, _("The summary has been submitted to the IP office."))
        else:
            messages.success(request, _("The draft has been saved."))
        return redirect("yearly_summary", summary.pk)

    def _store_attachment(self, form):
        upload = form.cleaned_data.get("attachment")
        if upload:
            SummaryAttachment.objects.create(
                summary=self.summary,
                kind=form.cleaned_data["attachment_kind"],
                file=upload,
                original_name=os.path.basename(upload.name)[:255],
                size=upload.size,
                uploaded_by=self.request.user,
            )

    def _delete_attachments(self):
        ids = [value for value in self.request.POST.getlist("delete_attachment") if value.isdigit()]
        if ids:
            for attachment in self.summary.attachments.filter(pk__in=ids):
                attachment.file.delete(save=False)
                attachment.delete()

    def get_context_data(self, **kwargs):
        summary = self.summary
        user = self.request.user
        evaluation = (
            visible_evaluations(user).filter(point=summary.point, year=summary.year).first()
        )
        return super().get_context_data(
            summary=summary,
            facts=labelled(summary.facts, FACT_LABELS),
            figures=labelled(summary.figures, figure_labels()),
            due=due_date(summary.year),
            state=state_of(summary, summary.year, _today()),
            attachments=summary.attachments.all(),
            office=is_office(user),
            return_form=ReturnForm() if is_office(user) and summary.is_handed_in else None,
            can_evaluate=is_office(user) and can_be_evaluated(summary, _today()),
            evaluation=evaluation,
            **kwargs,
        )


def labelled(values: dict, labels: dict) -> list[tuple[str, object]]:
    """(label, value) pairs in the labels' order, then any figure without a label by its key."""
    rows = [(key, str(label)) for key, label in labels.items() if key in values]
    rows += [(key, key) for key in values if key not in labels]
    return [(label, _display(key, values[key])) for key, label in rows]


def _display(key: str, value):
    # Shares (0..1) are stored as fractions; people read them as percentages.
    if key.endswith("_rate") and isinstance(value, int | float) and not isinstance(value, bool):
        return f"{round(value * 100)}%"
    return value


class PrintView(YearlyMixin, TemplateView):
    """The summary laid out as annex 3, for printing (no admin chrome)."""

    template_name = "yearly/print.html"

    def setup_object(self):
        self.summary = get_summary(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        summary = self.summary
        return super().get_context_data(
            summary=summary,
            facts=labelled(summary.facts, FACT_LABELS),
            figures=labelled(summary.figures, figure_labels()),
            attachments=summary.attachments.all(),
            **kwargs,
        )


class AttachmentView(YearlyMixin, View):
    """Stream a proof from private storage after the scope check; never inline."""

    http_method_names = ["get"]

    def get(self, request, pk, attachment_id):
        summary = get_summary(request.user, pk)
        attachment = get_object_or_404(SummaryAttachment, summary=summary, pk=attachment_id)
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(handle, as_attachment=True, filename=attachment.original_name)
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        return response


class ReturnView(YearlyMixin, View):
    """The office sends a handed-in summary back to the point, with what to change."""

    office_only = True
    http_method_names = ["post"]

    def post(self, request, pk):
        summary = get_summary(request.user, pk)
        form = ReturnForm(request.POST)
        if not summary.is_handed_in:
            messages.error(request, _("Only a submitted summary can be returned."))
        elif form.is_valid():
            actions.return_summary(summary, request.user, form.cleaned_data["reason"])
            messages.success(request, _("The summary has been returned to the point."))
        else:
            messages.error(request, _("Say what the point should change."))
        return redirect(reverse("yearly_summary", args=[summary.pk]))
