"""The profile's edit form: point staff give a reason when they change a key fact.

Set as ServicePoint.base_form_class. The reason is a form-only field: it is not content, it
goes on the change report (directory/lifecycle/reports.py) that follows the revision through
moderation. Imports of the directory's models stay inside the methods: this module is imported
by directory/models/points.py itself.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ServicePointForm(WagtailAdminPageForm):
    change_reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed when you change the name, location, head, contact details or services of "
            "the point: the IP office reviews these changes before they are published."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_fact_changes: list = []
        self._required_deferred = False
        if "status" in self.fields and self._reports_changes():
            # Revoking, suspending and reinstating are the office's decisions (decisions.py),
            # with a reason and a record; the point's own staff cannot change the status.
            self.fields["status"].disabled = True

    def defer_required_fields(self):
        # Wagtail defers required fields on a plain draft save and on autosave: a draft is not
        # yet a report, so the reason is asked for when the edit is submitted or published.
        self._required_deferred = True
        super().defer_required_fields()

    def restore_required_fields(self):
        self._required_deferred = False
        super().restore_required_fields()

    def _reports_changes(self) -> bool:
        """Point staff editing an existing profile; the office's own edits are not reports."""
        from .access import is_office

        user = self.for_user
        return bool(self.instance.pk and user is not None and not is_office(user))

    def _new_services(self) -> list[str]:
        formset = self.formsets.get("offerings")
        if formset is None:
            return []
        names = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("service") and not formset._should_delete_form(form):
                names.append(data["service"].name)
        return names

    def is_valid(self):
        valid = super().is_valid()
        if not valid or not self._reports_changes():
            return valid
        from ..models import ServicePoint

        # The page's row holds the live content (drafts live in revisions).
        live = ServicePoint.objects.get(pk=self.instance.pk)
        from .changes import key_fact_changes, label_of

        self.key_fact_changes = key_fact_changes(
            live, self.instance, new_services=self._new_services()
        )
        reason = (self.cleaned_data.get("change_reason") or "").strip()
        if self.key_fact_changes and not reason and not self._required_deferred:
            self.add_error(
                "change_reason",
                _(
                    "You changed a key fact of the point (%(facts)s): please give the reason "
                    "for the change."
                )
                % {"facts": "、".join(label_of(c["field"]) for c in self.key_fact_changes)},
            )
            return False
        return True

    def save(self, commit=True):
        page = super().save(commit=commit)
        if not self._reports_changes():
            return page
        # Read by the after_edit_page hook, which knows the revision the view just saved.
        page._lifecycle_change = {
            "changes": self.key_fact_changes,
            "reason": (self.cleaned_data.get("change_reason") or "").strip(),
        }
        return page
