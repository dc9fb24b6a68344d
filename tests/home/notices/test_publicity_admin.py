"""The office's "Draft a publicity notice": a form that drafts a 公示 of the points recognised in
some dates and opens it in the page editor; bad input is answered on the form, nothing lost;
point staff and others cannot use it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.applications.defaults import ensure_default_office
from directory.lifecycle.access import is_office
from home.notices.models import NoticePage
from home.notices.publicity import add_working_days
from tests.services.helpers import admin_client_for

pytestmark = pytest.mark.django_db

URL = "/admin/notices/publicity/new/"


@pytest.fixture
def office(office_user):
    assert is_office(office_user)  # an Editor: lifecycle.manage_points
    return admin_client_for(office_user)


def _post(client, **fields):
    data = {
        "office": "",
        "issuing_authority": "广州市市场监督管理局",
        "recognised_from": "2026-11-01",
        "recognised_until": "2026-11-30",
        "working_days": "5",
        "objection_contact": "知识产权处",
        "objection_email": "",
        "objection_phone": "020-12345678",
        "objection_address": "",
    }
    data.update(fields)
    return client.post(URL, data)


def test_the_office_drafts_a_notice_and_lands_in_its_editor(office, notice_index, make_point):
    recognised = make_point(title="新认定网点", recognition_date=datetime.date(2026, 11, 20))
    make_point(title="早认定网点", recognition_date=datetime.date(2025, 1, 1))
    assert reverse("notices_draft_publicity") == URL
    assert office.get(URL).status_code == 200

    response = _post(office, office=str(ensure_default_office().pk), issuing_authority="")
    notice = NoticePage.objects.get(publicity_points__point=recognised)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(notice.pk,))
    assert not notice.live and notice.get_parent().pk == notice_index.pk
    assert notice.issuing_authority == ensure_default_office().name
    assert (notice.scope, notice.region.adcode) == ("city", "440100")  # the office's region
    today = timezone.localdate()
    assert notice.publicity_start == today
    assert notice.publicity_end == add_working_days(today, 5)
    assert (notice.objection_contact, notice.objection_phone) == ("知识产权处", "020-12345678")
    assert [p.point_id for p in notice.publicity_points.all()] == [recognised.pk]
    # The editor opens with the list prefilled.
    editor = office.get(response["Location"]).content.decode()
    assert 'name="publicity_points-0-point"' in editor
    assert f'value="{recognised.pk}"' in editor


AUTHORITY = 'value="广州市市场监督管理局"'
PHONE = 'value="020-12345678"'


@pytest.mark.parametrize(
    ("fields", "field", "kept"),
    [
        ({"recognised_until": "2026-10-01"}, "recognised_until", PHONE),
        ({"recognised_from": "not a date"}, "recognised_from", 'value="not a date"'),
        ({"objection_contact": "", "objection_phone": ""}, "objection_contact", AUTHORITY),
        ({"objection_email": "not-an-address"}, "objection_email", 'value="not-an-address"'),
        ({"issuing_authority": ""}, "issuing_authority", PHONE),
        ({"working_days": "0"}, "working_days", AUTHORITY),
        (
            {"recognised_from": "2020-01-01", "recognised_until": "2020-01-31"},
            "recognised_from",
            PHONE,
        ),
    ],
)
def test_bad_input_is_answered_on_the_form_keeping_what_was_typed(
    office, notice_index, make_point, fields, field, kept
):
    make_point(title="新认定网点", recognition_date=datetime.date(2026, 11, 20))
    response = _post(office, **fields)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert kept in response.content.decode()  # nothing typed is lost
    assert not NoticePage.objects.filter(publicity_start__isnull=False).exists()


def test_point_staff_and_plain_users_cannot_draft(client, notice_index, make_point, make_staff):
    point = make_point(title="新认定网点", recognition_date=datetime.date(2026, 11, 20))
    staff = admin_client_for(make_staff(point))
    assert staff.get(URL).status_code in (302, 403)
    assert _post(staff).status_code in (302, 403)
    assert not NoticePage.objects.filter(publicity_start__isnull=False).exists()
    assert client.get(URL).status_code == 302  # to the admin login
    # Nor is the menu item shown to them.
    assert "notices-draft-publicity" not in staff.get(reverse("wagtailadmin_home")).content.decode()


def test_the_menu_item_and_the_notice_index_button_are_the_offices(office, notice_index):
    assert URL in office.get(reverse("wagtailadmin_home")).content.decode()
    listing = office.get(reverse("wagtailadmin_explore", args=(notice_index.pk,))).content.decode()
    assert 'id="draft-publicity-notice"' in listing
