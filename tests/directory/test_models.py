"""The directory's model rules: offerings, tiers and fees, regions, staff counts, names.

Each point is made without offerings (`offerings=()`), since the tests add their own.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from directory.models import PointLocation, PointOffering, ServiceItem, ServicePoint
from tests.factories import reference, region

pytestmark = pytest.mark.django_db


def test_basic_tier_offering_refuses_a_fee(make_point):
    point = make_point(title="测试图书馆", offerings=())
    basic = reference(ServiceItem, "B03")
    offering = PointOffering(point=point, service=basic, fee="low_cost", price_note="100元")
    with pytest.raises(ValidationError) as error:
        offering.full_clean()
    assert "fee" in error.value.message_dict
    with pytest.raises(ValidationError):
        offering.save()


def test_database_also_refuses_a_fee_on_basic_tier(make_point):
    point = make_point(title="测试图书馆", offerings=())
    basic = reference(ServiceItem, "B03")
    with pytest.raises(IntegrityError), transaction.atomic():
        PointOffering.objects.bulk_create(
            [PointOffering(point=point, service=basic, tier="basic", fee="negotiable")]
        )


def test_offering_tier_defaults_to_catalogue_tier(make_point):
    point = make_point(title="测试图书馆", offerings=())
    offering = PointOffering.objects.create(
        point=point,
        service=reference(ServiceItem, "P03"),
        fee="low_cost",
        price_note="按项目报价",
    )
    assert offering.tier == "professional"


def test_low_cost_offering_needs_a_price_note(make_point):
    point = make_point(title="测试图书馆", offerings=())
    offering = PointOffering(point=point, service=reference(ServiceItem, "P03"), fee="low_cost")
    with pytest.raises(ValidationError) as error:
        offering.full_clean()
    assert "price_note" in error.value.message_dict


def test_node_needs_its_level(make_point):
    point = make_point(title="某省知识产权保护中心", offerings=(), category="other")
    point.kind = ServicePoint.Kind.NODE
    point.node_level = None
    with pytest.raises(ValidationError) as error:
        point.full_clean()
    assert "node_level" in error.value.message_dict


def test_city_must_be_in_the_province(make_point):
    point = make_point(title="测试图书馆", offerings=())
    point.city = region("110100")  # 北京 is not in 广东
    with pytest.raises(ValidationError) as error:
        point.full_clean()
    assert "city" in error.value.message_dict


def test_staff_counts_cannot_exceed_total(make_point):
    point = make_point(title="测试图书馆", offerings=())
    point.staff_total, point.staff_full_time, point.staff_part_time = 5, 4, 3
    with pytest.raises(ValidationError) as error:
        point.full_clean()
    assert "staff_total" in error.value.message_dict


def test_coordinates_default_to_the_district_then_city_centre(make_point):
    point = make_point(title="测试图书馆", offerings=(), city="440100")
    guangzhou = region("440100")
    assert (point.latitude, point.longitude) == (guangzhou.latitude, guangzhou.longitude)
    assert point.coordinates_approximate
    point.district = region("440106")  # 天河区
    point.latitude = point.longitude = None
    point.save()
    assert (point.latitude, point.longitude) == (
        region("440106").latitude,
        region("440106").longitude,
    )
    point.latitude, point.longitude = 23.1, 113.3
    point.save()
    assert not point.coordinates_approximate


def test_extra_location_takes_its_region_centre(make_point):
    point = make_point(title="测试图书馆", offerings=())
    location = PointLocation.objects.create(
        point=point, name="园区工作站", address="某园区", region=region("440106")
    )
    assert location.latitude == region("440106").latitude


def test_two_points_of_one_directory_cannot_share_a_name(make_point):
    make_point(title="同名网点", offerings=(), slug="a")
    twin = make_point(title="另一网点", offerings=(), slug="b")
    twin.title = "同名网点"
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "title" in error.value.message_dict
