"""The forms of the summary (point staff) and of the evaluation (the office)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AnnualSummary, Result, SummaryAttachment
from .models.summary import MAX_CASES
from .scoring import result_for, total_of
from .uploads import check_proof

NARRATIVE = ("service_delivery", "highlights", "lessons", "next_year_plan")


class SummaryForm(forms.ModelForm):
    """The narrative of annex 3, its typical cases and one more proof file per save.

    A draft may be saved half written; `submitting=True` asks for every section and one case.
    """

    attachment_kind = forms.ChoiceField(
        label=_("Kind of proof"),
        choices=[("", "---------"), *SummaryAttachment.Kind.choices],
        required=False,
    )
    attachment = forms.FileField(label=_("Add a proof document"), required=False)

    class Meta:
        model = AnnualSummary
        fields = NARRATIVE
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in NARRATIVE}

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        cases = list(self.instance.cases or [])
        for index in range(1, MAX_CASES + 1):
            case = cases[index - 1] if index <= len(cases) else {}
            self.fields[f"case_{index}_title"] = forms.CharField(
                label=_("Case %(n)s: name") % {"n": index},
                max_length=200,
                required=False,
                initial=case.get("title", ""),
            )
            self.fields[f"case_{index}_date"] = forms.CharField(
                label=_("Case %(n)s: when") % {"n": index},
                max_length=60,
                required=False,
                initial=case.get("date", ""),
                help_text=_("E.g. March–June 2026."),
            )
            self.fields[f"case_{index}_text"] = forms.CharField(
                label=_("Case %(n)s: content and effect") % {"n": index},
                required=False,
                initial=case.get("text", ""),
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=_("About 500 characters."),
            )

    def case_fields(self):
        return [
            [self[f"case_{i}_{part}"] for part in ("title", "date", "text")]
            for i in range(1, MAX_CASES + 1)
        ]

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_proof(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        cases = []
        for index in range(1, MAX_CASES + 1):
            title = (cleaned.get(f"case_{index}_title") or "").strip()
            date = (cleaned.get(f"case_{index}_date") or "").strip()
            text = (cleaned.get(f"case_{index}_text") or "").strip()
            if not (title or date or text):
                continue
            if not title:
                self.add_error(f"case_{index}_title", _("Give the case a name."))
            if self.submitting and not text:
                self.add_error(f"case_{index}_text", _("Describe the case's content and effect."))
            cases.append({"title": title, "date": date, "text": text})
        cleaned["cases"] = cases
        if cleaned.get("attachment") and not cleaned.get("attachment_kind"):
            self.add_error("attachment_kind", _("Say what the document proves."))
        if self.submitting:
            for name in NARRATIVE:
                if not (cleaned.get(name) or "").strip():
                    self.add_error(name, _("Fill in this section before submitting."))
            if not cases:
                self.add_error("case_1_title", _("Describe at least one typical case."))
        return cleaned

    def save(self, commit=True):
        self.instance.cases = self.cleaned_data["cases"]
        return super().save(commit=commit)


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What should the point change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


class EvaluationForm(forms.Form):
    """A score and a note per criterion (prefilled with the suggestion), the result, reasons."""

    result = forms.ChoiceField(
        label=_("Result"),
        choices=[("", _("From the total")), *Result.choices],
        required=False,
        help_text=_("Leave it to follow the total, or choose and give your reasons."),
    )
    reasons = forms.CharField(
        label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, criteria, suggested, evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.suggested = suggested
        saved = evaluation.scores if evaluation is not None else {}
        if evaluation is not None:
            self.fields["result"].initial = evaluation.result
            self.fields["reasons"].initial = evaluation.reasons
        for criterion in self.criteria:
            previous = saved.get(str(criterion.pk), {})
            suggestion = suggested.get(criterion.pk)
            initial = previous.get("score", suggestion)
            self.fields[f"score_{criterion.pk}"] = forms.DecimalField(
                label=criterion.name,
                min_value=Decimal(0),
                max_value=Decimal(criterion.weight),
                decimal_places=1,
                initial=initial,
                help_text=_("Up to %(weight)s; suggested: %(suggested)s")
                % {
                    "weight": criterion.weight,
                    "suggested": "—" if suggestion is None else suggestion,
                },
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Note on %(name)s") % {"name": criterion.name},
                max_length=500,
                required=False,
                initial=previous.get("note", ""),
            )

    def rows(self):
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"note_{criterion.pk}"])
            for criterion in self.criteria
        ]

    def clean(self):
        cleaned = super().clean()
        scores = {}
        for criterion in self.criteria:
            score = cleaned.get(f"score_{criterion.pk}")
            suggestion = self.suggested.get(criterion.pk)
            note = (cleaned.get(f"note_{criterion.pk}") or "").strip()
            if (
                score is not None
                and suggestion is not None
                and score != Decimal(str(suggestion))
                and not note
            ):
                self.add_error(
                    f"note_{criterion.pk}", _("Say why the score differs from the suggestion.")
                )
            scores[str(criterion.pk)] = {
                "name": criterion.name,
                "order": criterion.sort_order,
                "weight": criterion.weight,
                "score": None if score is None else float(score),
                "suggested": suggestion,
                "note": note,
            }
        if self.errors:
            return cleaned
        total = total_of(entry["score"] for entry in scores.values())
        computed = result_for(total)
        result = cleaned.get("result") or computed
        reasons = (cleaned.get("reasons") or "").strip()
        if result != computed and not reasons:
            self.add_error("reasons", _("Give the reasons for a result the total does not give."))
        if result == Result.FAIL and not reasons:
            self.add_error("reasons", _("Give the reasons for a failing result."))
        cleaned.update(scores=scores, total=total, final_result=result)
        return cleaned
