"""Event pages: where they can be created and the rules an event must follow."""

import pytest
from django.core.exceptions import ValidationError

from home.events.models import EventIndexPage, EventPage
from home.homepage.models import HomePage

from .helpers import beijing

# Every test may read the same event, built once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_event")]


def test_events_live_only_under_their_index(home_page, event_index):
    assert EventPage.can_create_at(event_index)
    assert not EventPage.can_create_at(home_page)
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    # One index per home page, and it already exists.
    assert not EventIndexPage.can_create_at(home_page)
    assert EventPage.allowed_subpage_models() == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": beijing("2030-05-01 09:00")}, "end"),  # ends before it starts
        ({"end": beijing("2030-05-01 10:00")}, "end"),  # ends when it starts
        ({"online": True, "online_url": ""}, "online_url"),
        ({"venue": "", "address": ""}, "address"),
        ({"registration_deadline": beijing("2030-05-01 11:00")}, "registration_deadline"),
    ],
)
def test_clean_rules(clean_event, changes, field):
    event = EventPage.objects.get(pk=clean_event.pk)  # a fresh copy, as the test changes it
    for name, value in changes.items():
        setattr(event, name, value)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert field in error.value.message_dict


def test_a_complete_event_is_clean(event_factory):
    event = event_factory(
        start=beijing("2030-05-01 10:00"),
        end=beijing("2030-05-01 12:00"),
        registration_deadline=beijing("2030-04-30 18:00"),
    )
    event.clean()
    online = event_factory(online=True)
    online.clean()
