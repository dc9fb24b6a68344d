"""Helpers of the lifecycle tests: the profile's edit form as the admin posts it."""

from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.core.models import User


def edit_data(point, **changes) -> dict:
    """POST data of the point's edit form with `changes` applied (offerings kept)."""
    offerings = [
        {
            "id": o.pk,
            "service": o.service_id,
            "tier": o.tier,
            "fee": o.fee,
            "price_note": o.price_note,
            "channel_phone": "on",
        }
        for o in point.offerings.all()
    ]
    values = {
        "title": point.title,
        "slug": point.slug,
        "category": point.category_id,
        "kind": point.kind,
        "status": point.status,
        "province": point.province_id,
        "city": point.city_id or "",
        "address": point.address,
        "latitude": point.latitude if point.latitude is not None else "",
        "longitude": point.longitude if point.longitude is not None else "",
        "phone": point.phone,
        "email": point.email,
        "contact_person": point.contact_person,
        "head_name": point.head_name,
        "open_days": point.open_days,
        "opens": "09:00",
        "closes": "17:00",
        "description": rich_text(point.description or ""),
        "channel_phone": "on",
        "channel_online": "on",
        "channel_window": "on",
        "offerings": inline_formset(offerings, initial=len(offerings)),
        "locations": inline_formset([]),
        "comments": inline_formset([]),
    }
    values.update(changes)
    return nested_form_data(values)


def make_moderator(username="moderator"):
    """An IP-office user who may publish (Editors and Moderators)."""
    user = User.objects.create_user(
        username=username, password="pw-for-tests-only-123", email=f"{username}@example.com"
    )
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user
