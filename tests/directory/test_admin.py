"""Editors keep the directory current in the Wagtail admin."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    # English admin so that assertions can read the messages whatever the translations say.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def test_point_edit_form_has_every_section(editor_client, make_point):
    point = make_point(title="广州测试图书馆", offerings=(("B03", "basic", "free"),))
    html = editor_client.get(f"/admin/pages/{point.pk}/edit/").content.decode()
    for field in (
        "qualifications",
        "recognition_date",
        "province",
        "latitude",
        "phone",
        "wechat_account",
        "opens",
        "channel_window",
        "audiences",
        "staff_full_time",
        "service_area_m2",
        "databases",
        "offerings-0-service",
        "offerings-0-fee",
        "locations-TOTAL_FORMS",
    ):
        assert f'name="{field}' in html, field


def test_basic_tier_fee_is_refused_in_the_admin_form(editor_client, make_point):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    point = make_point(title="广州测试图书馆", offerings=(("B03", "basic", "free"),))
    offering = point.offerings.get()
    data = nested_form_data(
        {
            "title": point.title,
            "slug": point.slug,
            "category": point.category_id,
            "kind": "point",
            "status": "active",
            "province": point.province_id,
            "city": point.city_id,
            "open_days": "Mo-Fr",
            "opens": "09:00",
            "closes": "17:00",
            "description": rich_text(""),
            "channel_phone": "on",
            "channel_online": "on",
            "channel_window": "on",
            "offerings": inline_formset(
                [
                    {
                        "id": offering.pk,
                        "service": offering.service_id,
                        "tier": "basic",
                        "fee": "low_cost",
                        "price_note": "100元",
                        "channel_phone": "on",
                    }
                ],
                initial=1,
            ),
            "locations": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = editor_client.post(f"/admin/pages/{point.pk}/edit/", data)
    assert response.status_code == 200  # re-shown with errors, not saved
    assert "Basic-tier services are free" in response.content.decode()
    offering.refresh_from_db()
    assert offering.fee == "free"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/directory/serviceitem/",
        "/admin/snippets/directory/pointcategory/",
        "/admin/snippets/directory/region/",
        "/admin/snippets/directory/qualification/",
    ],
)
def test_vocabularies_are_editable_snippets(editor_client, directory_page, url):
    assert editor_client.get(url).status_code == 200
