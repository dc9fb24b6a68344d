"""One application as the office reviews it: every section read-only with the applicant's
files, the conditions check, the comments per section and round, the history, the actions.

Each action posts to its own URL (actions.py); an invalid form renders this page again with
that form bound, so the errors sit next to the fields and nothing typed is lost.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.models import ModelLogEntry

from ...models import Application, Section
from ...review import allowed_actions, comments_by_round
from ..access import get_application
from ..forms import (
    ApproveForm,
    CommentForm,
    RejectForm,
    ReturnForm,
    SiteVisitForm,
    StartReviewForm,
)
from .base import ReviewPageMixin

# Action name → (form name in the context, URL name, form factory).
ACTION_FORMS = {
    "start_review": ("start_review_form", "start_review"),
    "site_visit": ("site_visit_form", "site_visit"),
    "comment": ("comment_form", "comment"),
    "return": ("return_form", "return"),
    "approve": ("approve_form", "approve"),
    "reject": ("reject_form", "reject"),
}
ACTION_TITLES = {
    "start_review": _("Start the review"),
    "site_visit": _("Site visit / expert review"),
    "comment": _("Comment on a section"),
    "return": _("Return for correction"),
    "approve": _("Approve and publish the point"),
    "reject": _("Reject"),
}


def unbound_form(action: str, application: Application, user):
    if action == "start_review":
        return StartReviewForm(user=user)
    if action == "site_visit":
        return SiteVisitForm()
    if action == "comment":
        return CommentForm()
    if action == "return":
        return ReturnForm()
    if action == "approve":
        return ApproveForm(application=application)
    return RejectForm()


def condition_problems(application: Application) -> dict | None:
    """The apply side's conditions check (第五条) by section, or None where it is missing."""
    try:
        # Imported late: the apply side's module may not exist yet (built in parallel).
        from ... import conditions
    except ImportError:
        return None
    problems = getattr(conditions, "problems", None)
    return (
        None
        if problems is None
        else {str(key): value for key, value in problems(application).items()}
    )


def history(application: Application):
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id=str(application.pk),
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def section_comments(application: Application) -> dict[str, list]:
    """Every section's comments, newest round first (earlier rounds stay visible)."""
    by_section: dict[str, list] = {value: [] for value in Section.values}
    for _round, comments in comments_by_round(application):
        for comment in comments:
            by_section.setdefault(comment.section, []).append(comment)
    return by_section


class ApplicationDetailView(ReviewPageMixin, TemplateView):
    template_name = "applications/admin/detail.html"

    def setup_object(self):
        self.object = get_application(self.kwargs["pk"])

    def get_page_title(self):
        return str(self.object)

    def get_page_subtitle(self):
        return self.object.get_status_display()

    def action_forms(self, bound: dict) -> list[dict]:
        app, user = self.object, self.request.user
        forms = []
        for action in allowed_actions(app):
            form_name, url_name = ACTION_FORMS[action]
            forms.append(
                {
                    "action": action,
                    "form_id": f"{url_name.replace('_', '-')}-form",
                    "form": bound.get(form_name) or unbound_form(action, app, user),
                    "url": self.url(url_name, app.pk),
                    "title": ACTION_TITLES[action],
                    "danger": action == "reject",
                }
            )
        return forms

    def get_context_data(self, **kwargs):
        bound = {key: kwargs.pop(key) for key in list(kwargs) if key.endswith("_form")}
        context = super().get_context_data(**kwargs)
        app = self.object
        comments = section_comments(app)
        problems = condition_problems(app)
        context.update(
            application=app,
            sections=[
                {
                    "key": value,
                    "label": label,
                    "comments": comments.get(value, []),
                    "problems": (problems or {}).get(value, []),
                }
                for value, label in Section.choices
            ],
            qualifications=app.qualifications.select_related("qualification"),
            services=app.services.select_related("service"),
            team=app.team.all(),
            cases=app.typical_cases.all(),
            attachments=app.attachments.all(),
            audiences=app.audiences.all(),
            conditions_checked=problems is not None,
            problem_count=sum(len(found) for found in (problems or {}).values()),
            history=history(app),
            action_forms=self.action_forms(bound),
            file_url_name=f"{self.url_namespace}:file",
        )
        return context
