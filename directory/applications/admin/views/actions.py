"""The review actions: one POST URL each. A valid form calls the plain function in review.py
(or approval.py) and redirects to the application; an invalid form, or an action the state
no longer allows (another reviewer was quicker), shows the page again with the input kept."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages

from ... import review
from ...approval import approve
from ..forms import (
    ApproveForm,
    CommentForm,
    RejectForm,
    ReturnForm,
    SiteVisitForm,
    StartReviewForm,
)
from .detail import ApplicationDetailView


class ActionView(ApplicationDetailView):
    http_method_names = ["post"]
    action = ""
    form_name = ""
    form_class = None

    def get_form(self):
        return self.form_class(self.request.POST)

    def perform(self, form) -> str:
        """Do the action; return the success message."""
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                message = self.perform(form)
            except review.ReviewError as error:
                # Said at the top too: when the state changed, the form is no longer shown.
                form.add_error(None, str(error))
                messages.error(request, str(error))
            else:
                messages.success(request, message)
                return redirect(self.url("detail", self.object.pk))
        else:
            messages.error(request, _("Nothing was changed. Please correct the errors below."))
        self.object.refresh_from_db()
        return self.render_to_response(self.get_context_data(**{self.form_name: form}))


class StartReviewView(ActionView):
    form_name = "start_review_form"

    def get_form(self):
        return StartReviewForm(self.request.POST, user=self.request.user)

    def perform(self, form):
        reviewer = form.cleaned_data["reviewer"]
        review.start_review(self.object, user=self.request.user, reviewer=reviewer)
        return _("Review started; the reviewer is %(reviewer)s.") % {
            "reviewer": reviewer.get_full_name() or reviewer.get_username()
        }


class SiteVisitView(ActionView):
    form_name = "site_visit_form"
    form_class = SiteVisitForm

    def perform(self, form):
        review.send_to_site_visit(
            self.object, user=self.request.user, note=form.cleaned_data["note"]
        )
        return _("The application is now in site visit / expert review.")


class CommentView(ActionView):
    form_name = "comment_form"
    form_class = CommentForm

    def perform(self, form):
        comment = review.add_comment(
            self.object,
            section=form.cleaned_data["section"],
            text=form.cleaned_data["text"],
            user=self.request.user,
        )
        return _("Comment added to “%(section)s”.") % {"section": comment.get_section_display()}


class ReturnView(ActionView):
    form_name = "return_form"
    form_class = ReturnForm

    def perform(self, form):
        review.return_for_correction(
            self.object, user=self.request.user, note=form.cleaned_data["note"]
        )
        return _("The application was returned to the applicant with the comments.")


class ApproveView(ActionView):
    form_name = "approve_form"
    form_class = ApproveForm

    def perform(self, form):
        point = approve(
            self.object,
            user=self.request.user,
            level=form.cleaned_data["level"],
            date=form.cleaned_data["date"],
            reason=form.cleaned_data["reason"],
        )
        return _("Approved: “%(point)s” is published in the directory.") % {"point": point.title}


class RejectView(ActionView):
    form_name = "reject_form"
    form_class = RejectForm

    def perform(self, form):
        review.reject(self.object, user=self.request.user, reason=form.cleaned_data["reason"])
        return _("The application was rejected; the applicant was told the reason.")
