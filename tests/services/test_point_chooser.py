"""The searchable point chooser (directory/choosers.py) and the transfer form that uses it."""

import pytest

from directory.models import ServicePoint
from services.models import Status

from .helpers import admin_client_for, refreshed, url

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/point-chooser/"


def results(client, **query) -> str:
    return client.get(CHOOSER + "results/", query).content.decode()


def test_search_by_city_and_category(make_point, office_user):
    guangzhou = make_point(title="广州图书馆网点", city="440100", category="library")
    shenzhen = make_point(title="深圳高校网点", city="440300", category="university")
    client = admin_client_for(office_user)
    by_city = results(client, q="深圳")
    assert "深圳高校网点" in by_city and "广州图书馆网点" not in by_city
    category_name = shenzhen.category.name
    by_category = results(client, q=category_name)
    assert "深圳高校网点" in by_category and "广州图书馆网点" not in by_category
    filtered = results(client, category=guangzhou.category_id)
    assert "广州图书馆网点" in filtered and "深圳高校网点" not in filtered
    in_city = results(client, city=shenzhen.city_id)
    assert "深圳高校网点" in in_city and "广州图书馆网点" not in in_city
    # The columns: name, city, category, status.
    page = client.get(CHOOSER).json()["html"]
    assert "广州" in page and guangzhou.category.name in page


def test_staff_see_public_active_points_and_their_own_only(make_point, make_staff):
    own = make_point(title="本网点")
    make_point(title="活跃网点")
    make_point(title="暂停网点", status=ServicePoint.Status.SUSPENDED)
    make_point(title="草稿网点", live=False)
    client = admin_client_for(make_staff(own))
    ServicePoint.objects.filter(pk=own.pk).update(status=ServicePoint.Status.SUSPENDED)
    listed = results(client)
    assert "本网点" in listed and "活跃网点" in listed
    assert "暂停网点" not in listed and "草稿网点" not in listed
    active_only = results(client, active=1)
    assert "本网点" not in active_only and "活跃网点" in active_only
    draft = ServicePoint.objects.get(title="草稿网点")
    assert client.get(f"{CHOOSER}chosen/{draft.pk}/").status_code == 404
    assert client.get(f"{CHOOSER}chosen/{own.pk}/").status_code == 200
    assert client.get(f"{CHOOSER}chosen/not-a-number/").status_code == 404


def test_the_chooser_never_shows_a_draft_title(make_point, make_staff):
    own = make_point(title="本网点")
    other = make_point(title="公开名称")
    other.title = "草稿名称-SECRET"
    other.save_revision()
    client = admin_client_for(make_staff(own))
    assert "草稿名称-SECRET" not in results(client)
    chosen = client.get(f"{CHOOSER}chosen/{other.pk}/").json()
    assert chosen["result"]["title"] == "公开名称"
    assert "SECRET" not in str(chosen)


def test_the_transfer_form_takes_the_chosen_point(points, make_request, client_a):
    request_obj = make_request(points[0])
    detail = client_a.get(url("detail", request_obj.pk)).content.decode()
    assert f"{CHOOSER}?active=1" in detail
    response = client_a.post(
        url("transfer", request_obj.pk), {"to_point": str(points[1].pk), "note": "乙更近"}
    )
    assert response.status_code == 302
    request_obj = refreshed(request_obj)
    assert request_obj.point == points[1] and request_obj.status == Status.TRANSFERRED


def test_the_transfer_form_refuses_an_inactive_point(points, make_request, client_a):
    request_obj = make_request(points[0])
    ServicePoint.objects.filter(pk=points[1].pk).update(status=ServicePoint.Status.REVOKED)
    response = client_a.post(
        url("transfer", request_obj.pk), {"to_point": str(points[1].pk), "note": "x"}
    )
    assert response.status_code == 200
    assert "Choose an active point from the list." in response.content.decode()
    assert refreshed(request_obj).point == points[0]
