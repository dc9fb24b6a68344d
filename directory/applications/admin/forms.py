"""The review actions' forms. Each posts to its own URL; an invalid one is shown again on the
application's page with the errors and the input kept."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from directory.models import ServicePoint

from ..models import Section
from ..review import reviewers


class StartReviewForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label=_("Reviewer"),
        queryset=None,
        help_text=_("The member of the IP office who reviews this application."),
        error_messages={"required": _("Choose the reviewer.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers()
        if user is not None and not self.is_bound:
            self.initial.setdefault("reviewer", user.pk)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class SiteVisitForm(NoteForm):
    pass


class ReturnForm(NoteForm):
    note = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Sent with this round's comments on the sections."),
    )


class CommentForm(forms.Form):
    section = forms.ChoiceField(
        label=_("Section"),
        choices=[("", "---------"), *Section.choices],
        error_messages={"required": _("Choose the section the comment is about.")},
    )
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Write the comment.")},
    )


class ApproveForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Recognition level"), choices=ServicePoint.RecognitionLevel.choices
    )
    date = forms.DateField(
        label=_("Recognition date"),
        widget=AdminDateInput,
        error_messages={
            "required": _("Give the recognition date."),
            "invalid": _("Enter a valid date."),
        },
    )
    reason = forms.CharField(
        label=_("Reason for the decision"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        if application is not None and not self.is_bound:
            self.initial.setdefault("level", application.office.level)
            self.initial.setdefault("date", timezone.localdate())


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Sent to the applicant."),
        error_messages={"required": _("Give the reason for the rejection.")},
    )
