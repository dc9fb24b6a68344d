"""The question form after a failed submit, and its city list: what a visitor (or a screen
reader) meets, on the English site so the assertions read the messages."""

import html as html_lib
import json
import re

import pytest
from django.utils import translation

from services.forms import ConsultationForm

from ..factories import create_point, region

pytestmark = pytest.mark.django_db

ASK = "/en/consult/ask/"


def summary_of(html: str) -> str:
    match = re.search(r'<div class="[^"]*error-summary[^"]*".*?</div>', html, re.S)
    assert match, "No error summary on the page"
    return match.group(0)


def test_an_empty_question_lists_every_error_as_a_link_to_its_field(client, directory_page):
    response = client.post(ASK, {"subject": "检索咨询", "reply_channel": ""})
    assert response.status_code == 400
    html = response.content.decode()

    assert re.search(r"<title>\s*Error: Ask a question", html)
    summary = summary_of(html)
    assert 'tabindex="-1"' in summary and "data-error-summary" in summary
    assert "There is a problem" in summary
    anchors = re.findall(r'<a href="#([^"]+)">', summary)
    assert {"id_question", "id_name", "id_reply_channel_0", "id_city", "id_consent"} <= set(anchors)
    for anchor in anchors:
        assert f'id="{anchor}"' in html, f"The summary links to #{anchor}, which is not on the page"
    # What to do, not Django's generic message.
    assert "This field is required" not in html
    assert "Enter your question." in summary
    assert "Choose how we should reply" in summary
    assert "Choose your city" in summary
    # What was typed stays.
    assert 'value="检索咨询"' in html


def test_the_reply_channel_group_is_described_by_its_error(client, directory_page):
    html = client.post(ASK, {"reply_channel": ""}).content.decode()
    fieldset = re.search(r'<fieldset aria-describedby="([^"]+)">\s*<legend', html)
    assert fieldset, "The radio group is not a fieldset described by its error"
    error_id = fieldset.group(1)
    assert re.search(rf'id="{error_id}"[^>]*>.*?Choose how we should reply', html, re.S)


def test_the_page_title_has_no_error_prefix_before_a_submit(client, directory_page):
    html = client.get(ASK).content.decode()
    assert "<title>Error" not in html
    assert "data-error-summary" not in html


def test_asking_a_point_preselects_its_city(client, directory_page):
    point = create_point(directory_page, title="深圳测试网点", city="440300")
    html = client.get(f"/en/consult/ask/point/{point.pk}/").content.decode()
    selected = re.findall(r'<option value="(\d+)" selected', html)
    assert str(region("440300").pk) in selected


def test_the_city_chosen_in_the_directory_is_preselected(directory_page):
    form = ConsultationForm(city_hint="440100")
    assert form["city"].value() == region("440100").pk
    assert ConsultationForm(city_hint="not-a-code")["city"].value() in (None, "")


def test_cities_are_grouped_by_province_and_findable_by_pinyin(directory_page):
    with translation.override("en"):
        html = str(ConsultationForm()["city"])
    assert 'data-filter-label="Type to shorten the list' in html
    assert len(re.findall(r"<optgroup ", html)) > 30  # provinces, not ~370 cities in a row
    guangzhou = region("440100")
    group = re.search(
        rf'<optgroup label="([^"]+)">(?:(?!</optgroup>).)*<option value="{guangzhou.pk}"',
        html,
        re.S,
    )
    assert group, "Guangzhou is not inside a province group"
    assert group.group(1) in {guangzhou.parent.name, guangzhou.parent.label}
    keywords = json.loads(html_lib.unescape(re.search(r'data-keywords="([^"]*)"', html).group(1)))
    assert "guangzhou" in keywords[str(guangzhou.pk)]  # what the filter box matches
