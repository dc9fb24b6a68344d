"""A query's ranked pages are kept until the next publish, and not a moment longer."""

import pytest

from tests.home.notices.factories import NoticePageFactory

pytestmark = pytest.mark.django_db


def test_a_repeated_query_sees_a_page_published_in_between(client, sections):
    NoticePageFactory(parent=sections["notices"], title="棠梨通知一")
    assert "棠梨通知一" in client.get("/search/", {"q": "棠梨"}).content.decode()
    second = NoticePageFactory(parent=sections["notices"], title="棠梨通知二")
    html = client.get("/search/", {"q": "棠梨"}).content.decode()
    assert "棠梨通知一" in html and "棠梨通知二" in html
    second.unpublish()
    assert "棠梨通知二" not in client.get("/search/", {"q": "棠梨"}).content.decode()
