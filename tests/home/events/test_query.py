"""The listing's query string: bad values become messages beside the list, good ones are kept."""

import pytest

from home.events.listing import parse_event_query

# Every test reads the same event, built once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("training_event")]


@pytest.mark.parametrize(
    "query",
    [
        "kind=party",
        "city=999999",
        "province=nowhere",
        "service=ZZZ",
        "audience=aliens",
        "online=maybe",
        "when=tomorrow",
        "page=abc",
        "page=0",
        "city=330100&province=440000",
        "kind=%00%ff",
    ],
)
def test_bad_filters_show_a_message_not_an_error(client, query):
    response = client.get(f"/events/?{query}")
    assert response.status_code == 200
    assert 'id="filter-errors"' in response.text
    assert response.context["query"].errors


def test_query_parser_keeps_good_values():
    query = parse_event_query({"kind": "lecture", "online": "1", "when": "past"})
    assert query.kind == "lecture" and query.online and query.is_past
    assert query.params() == {"when": "past", "kind": "lecture", "online": "1"}
    assert not query.errors
