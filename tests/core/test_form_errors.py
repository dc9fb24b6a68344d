"""The error summary's items and the messages that replace "This field is required."."""

from django import forms
from django.template import Context, Template
from django.utils import translation

from home.core.forms import ActionableErrorsMixin, summary_errors


class Sample(ActionableErrorsMixin, forms.Form):
    title = forms.CharField(label="Title")
    kind = forms.ChoiceField(
        label="Kind of report?", choices=[("a", "A")], widget=forms.RadioSelect
    )
    city = forms.ChoiceField(label="City", choices=[("1", "One")])
    agree = forms.BooleanField(label="I agree")
    token = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label="Note", error_messages={"required": "Write a note."})


def test_every_empty_field_says_what_to_do():
    with translation.override("en"):
        form = Sample(data={})
        errors = {
            name: [str(message) for message in messages] for name, messages in form.errors.items()
        }
    assert errors["title"] == ["Fill in “Title”."]
    assert errors["kind"] == ["Choose an answer for “Kind of report”."]
    assert errors["city"] == ["Choose an answer for “City”."]
    assert errors["agree"] == ["Tick the box to continue."]
    assert errors["token"] == ["The form could not be checked. Send it again."]
    assert errors["note"] == ["Write a note."]  # a form's own message is kept


def test_summary_links_each_error_to_its_control_and_lists_form_errors_without_a_link():
    with translation.override("en"):
        form = Sample(data={"note": "x"})
        form.is_valid()
        form.add_error(None, "The whole form is wrong.")
        items = summary_errors([form, None, ""])
    assert items[0].message == "The whole form is wrong." and items[0].anchor == ""
    anchors = {item.message: item.anchor for item in items}
    assert anchors["Fill in “Title”."] == "id_title"
    # A radio group has no control of its own id: the link goes to its first option.
    assert anchors["Choose an answer for “Kind of report”."] == "id_kind_0"
    # The hidden token cannot be corrected by hand: listed, not linked.
    assert anchors["The form could not be checked. Send it again."] == ""


def test_formset_errors_are_listed_with_their_prefixed_ids():
    SampleSet = forms.formset_factory(Sample, extra=0, min_num=1, validate_min=True)
    data = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-note": "x"}
    with translation.override("en"):
        formset = SampleSet(data=data)
        formset.is_valid()
        items = summary_errors([formset])
    assert "id_form-0-title" in {item.anchor for item in items}


def test_the_component_renders_nothing_for_an_unbound_form():
    template = Template("{% load form_errors %}{% error_summary form %}")
    assert template.render(Context({"form": Sample()})).strip() == ""
    with translation.override("en"):
        html = template.render(Context({"form": Sample(data={})}))
    assert 'id="form-errors"' in html and 'href="#id_title"' in html
    assert "There is a problem" in html
