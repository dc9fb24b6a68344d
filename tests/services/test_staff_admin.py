"""IP-office editors add and remove a point's staff in the admin."""

import pytest
from django.core import mail

from home.core.models import User
from services.staff import staff_point_ids

from .helpers import admin_client_for

pytestmark = pytest.mark.django_db


def test_an_editor_creates_a_staff_account_that_gets_a_password_link(
    client, office_user, make_point, django_capture_on_commit_callbacks
):
    point = make_point(title="广州测试图书馆")
    admin_client_for(office_user, client)
    assert "广州测试图书馆" in client.get("/admin/point-staff/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/point-staff/{point.pk}/",
            {"username": "gz-lib", "email": "gz@example.com", "full_name": "王五"},
        )
    assert response.status_code == 302
    user = User.objects.get(username="gz-lib")
    assert staff_point_ids(user) == {point.pk}
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    assert "/admin/password_reset/" in mail.outbox[0].body
    assert "gz-lib" in client.get(f"/admin/point-staff/{point.pk}/").content.decode()


def test_an_existing_person_is_added_and_removed(client, office_user, make_point, make_staff):
    first, second = make_point(title="甲"), make_point(title="乙")
    person = make_staff(first)
    admin_client_for(office_user, client)
    client.post(
        f"/admin/point-staff/{second.pk}/", {"username": person.username, "email": "x@example.com"}
    )
    assert staff_point_ids(User.objects.get(pk=person.pk)) == {first.pk, second.pk}
    client.post(f"/admin/point-staff/{first.pk}/", {"remove": person.pk})
    assert staff_point_ids(User.objects.get(pk=person.pk)) == {second.pk}


def test_bad_input_is_refused_and_kept(client, office_user, make_point):
    point = make_point()
    admin_client_for(office_user, client)
    response = client.post(
        f"/admin/point-staff/{point.pk}/", {"username": "new\nuser", "email": "nope"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "single line" in html and "valid email" in html
    assert not User.objects.filter(username__startswith="new").exists()


def test_point_staff_cannot_manage_staff(client, make_point, make_staff):
    point = make_point()
    staff = make_staff(point)
    admin_client_for(staff, client)
    assert client.get("/admin/point-staff/").status_code == 302
    response = client.post(
        f"/admin/point-staff/{point.pk}/", {"username": "friend", "email": "f@example.com"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(username="friend").exists()
