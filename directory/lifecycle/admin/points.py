"""Per-point lifecycle screens: the summary, "Confirm this profile is correct" and the office's
status decision (revoke / suspend / reinstate)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ...models import ServicePoint
from ..access import can_act_for_point, is_office
from ..decisions import DecisionError, allowed_actions, apply_decision
from ..models import ChangeReport, Filing, StatusDecision, Verification
from ..verification import confirm_profile, verification_due


def point_for(user, point_id) -> ServicePoint:
    """The point if `user` may act for it; 404 otherwise (another point's id says nothing)."""
    point = ServicePoint.objects.filter(pk=point_id, alias_of__isnull=True).first()
    if point is None or not can_act_for_point(user, point.pk):
        raise Http404
    return point


class PointMixin(WagtailAdminTemplateMixin):
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        self.point = point_for(request.user, kwargs["point_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.point.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["point"] = self.point
        context["summary_url"] = reverse("lifecycle_point", args=[self.point.pk])
        return context


class PointSummaryView(PointMixin, TemplateView):
    page_title = _("Point lifecycle")
    template_name = "lifecycle/admin/point.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        point = self.point
        due = verification_due(point)
        office = is_office(self.request.user)
        context.update(
            {
                "office": office,
                "due": due,
                "overdue": due is not None and due < timezone.localdate(),
                "filings": Filing.objects.filter(point=point),
                "decisions": StatusDecision.objects.filter(point=point).select_related(
                    "decided_by"
                ),
                "verifications": Verification.objects.filter(point=point).select_related("user")[
                    :10
                ],
                "reports": ChangeReport.objects.filter(point=point)[:10],
                "confirm_url": reverse("lifecycle_confirm", args=[point.pk]),
                "decision_url": reverse("lifecycle_point_decision", args=[point.pk]),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[point.pk]),
                "add_filing_url": reverse("lifecycle_filings:add") + f"?point={point.pk}",
                "reports_url": reverse("lifecycle_change_reports:index") + f"?point={point.pk}",
            }
        )
        return context


def _next_url(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


class ConfirmProfileView(PointMixin, TemplateView):
    page_title = _("Confirm this profile is correct")
    template_name = "lifecycle/admin/confirm.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["due"] = verification_due(self.point)
        context["next"] = _next_url(self.request, "")
        context["live_url"] = self.point.get_url(self.request)
        return context

    def post(self, request, *args, **kwargs):
        confirm_profile(self.point, request.user)
        messages.success(
            request,
            _("Thank you: the profile of %(point)s is confirmed. Next confirmation due %(date)s.")
            % {"point": self.point.title, "date": verification_due(self.point)},
        )
        return redirect(_next_url(request, reverse("lifecycle_point", args=[self.point.pk])))


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), choices=StatusDecision.Action.choices)
    reason = forms.ChoiceField(label=_("Reason"), choices=StatusDecision.Reason.choices)
    text = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("The facts and the article of the recognition rules the decision rests on."),
    )
    effective_on = forms.DateField(
        label=_("Effective on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    publish_notice = forms.BooleanField(
        label=_("Publish a public notice"),
        required=False,
        help_text=_("A draft notice of the decision is prepared for the office to publish."),
    )

    def __init__(self, *args, point, **kwargs):
        super().__init__(*args, **kwargs)
        self.point = point
        allowed = allowed_actions(point)
        self.fields["action"].choices = [
            (value, label) for value, label in StatusDecision.Action.choices if value in allowed
        ]

    def clean(self):
        data = super().clean()
        action, reason = data.get("action"), data.get("reason")
        if action == StatusDecision.Action.REINSTATE and reason in (
            StatusDecision.Reason.FAILED_EVALUATIONS,
            StatusDecision.Reason.FALSE_MATERIAL,
        ):
            self.add_error(
                "reason", _("A reinstatement cannot rest on this reason; choose another one.")
            )
        return data


class PointDecisionView(PointMixin, FormView):
    page_title = _("Revoke / suspend / reinstate")
    template_name = "lifecycle/admin/decision.html"
    form_class = DecisionForm

    def dispatch(self, request, *args, **kwargs):
        if not is_office(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["point"] = self.point
        return kwargs

    def get_initial(self):
        return {"effective_on": timezone.localdate()}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            apply_decision(
                self.point,
                action=data["action"],
                reason=data["reason"],
                text=data["text"],
                user=self.request.user,
                effective_on=data["effective_on"],
                publish_notice=data["publish_notice"],
            )
        except DecisionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Decision recorded: %(point)s is now %(status)s.")
            % {
                "point": self.point.title,
                "status": ServicePoint.objects.get(pk=self.point.pk).get_status_display(),
            },
        )
        return redirect("lifecycle_point", self.point.pk)
