"""What the registration form does with the text people send: invisible formatting characters
(bidi overrides, zero-width) are removed, an over-long e-mail address is refused."""

import pytest

from home.events.forms import RegistrationForm
from home.events.models import Registration

from .helpers import form_data

pytestmark = pytest.mark.django_db


def test_invisible_characters_are_stripped_from_name_and_organisation(client, event_factory):
    event = event_factory()
    response = client.post(
        f"{event.url}register/",
        form_data(name="李\u202e四\u200b", organisation="\ufeff广州\u200d某公司\u2066"),
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.name == "李四"
    assert registration.organisation == "广州某公司"


def test_a_name_of_invisible_characters_only_is_missing():
    form = RegistrationForm(form_data(name="\u200b\u202e"))
    assert not form.is_valid()
    assert "name" in form.errors


def test_an_email_over_254_characters_is_refused(client, event_factory):
    event = event_factory()
    address = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + ".example.com"
    assert len(address) > 254
    response = client.post(f"{event.url}register/", form_data(email=address))
    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert not Registration.objects.exists()


def test_an_email_of_254_characters_is_taken():
    address = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 57 + ".com"
    assert len(address) == 254
    form = RegistrationForm(form_data(email=address))
    assert form.is_valid(), form.errors
