"""Registration form posts that register nobody: missing consent, bad fields, bots, and the
register and receipt URLs reached the wrong way."""

import pytest

from home.events.models import Registration

from .helpers import form_data

# Every test posts to the same event, built once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("open_event")]


def test_receipt_without_a_registration_goes_back_to_the_event(client, open_event):
    event = open_event
    response = client.get(f"{event.url}registered/")
    assert response.status_code == 302
    assert response["Location"] == event.url


def test_get_on_register_goes_back_to_the_event(client, open_event):
    event = open_event
    response = client.get(f"{event.url}register/")
    assert response.status_code == 302


def test_consent_is_required_and_input_kept(client, open_event):
    event = open_event
    response = client.post(f"{event.url}register/", form_data(consent=None))
    assert response.status_code == 400
    assert not Registration.objects.exists()
    form = response.context["form"]
    assert "consent" in form.errors
    assert 'id="form-errors"' in response.text
    assert 'value="李四"' in response.text
    assert 'value="广州某科技有限公司"' in response.text


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"phone": "12345"}, "phone"),
        ({"phone": "", "email": "not-an-address"}, "email"),
        ({"phone": "", "email": ""}, "phone"),
        ({"name": ""}, "name"),
    ],
)
def test_field_errors_keep_the_input(client, open_event, overrides, field):
    event = open_event
    response = client.post(f"{event.url}register/", form_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert 'value="广州某科技有限公司"' in response.text
    if overrides.get("phone"):
        assert f'value="{overrides["phone"]}"' in response.text
    if overrides.get("email"):
        assert f'value="{overrides["email"]}"' in response.text
    assert not Registration.objects.exists()


def test_honeypot_and_bad_token_are_refused(client, open_event):
    event = open_event
    assert client.post(f"{event.url}register/", form_data(website="x")).status_code == 400
    assert client.post(f"{event.url}register/", form_data(form_token="bad")).status_code == 400
    assert not Registration.objects.exists()
