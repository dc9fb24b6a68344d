"""Drafts, private pages, other languages' pages and revoked or suspended points never show."""

import pytest
from wagtail.models import PageViewRestriction

from directory.models import ServicePoint
from home.homepage.models import StandardPage

pytestmark = pytest.mark.django_db


def search(client, q="甘棠", url="/search/") -> str:
    return client.get(url, {"q": q}).content.decode()


def test_drafts_private_pages_and_hidden_points_are_never_shown(
    client, make_point, standard_page, translate
):
    make_point(title="甘棠公开网点")
    make_point(title="甘棠草稿网点", live=False)
    revoked = make_point(title="甘棠撤销网点")
    suspended = make_point(title="甘棠暂停网点")
    ServicePoint.objects.filter(pk=revoked.pk).update(status="revoked")
    ServicePoint.objects.filter(pk=suspended.pk).update(status="suspended")
    under = StandardPage(title="甘棠网点下的页面", body="<p>正文</p>")
    suspended.add_child(instance=under)
    under.save_revision().publish()
    private = standard_page("甘棠内部页面")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    english = translate(make_point(title="甘棠英文网点"), title="甘棠 English point")

    html = search(client)

    assert "甘棠公开网点" in html
    for hidden in (
        "甘棠草稿网点",
        "甘棠撤销网点",
        "甘棠暂停网点",
        "甘棠网点下的页面",
        "甘棠内部页面",
    ):
        assert hidden not in html, hidden
    assert english.title not in html
    assert "甘棠公开网点" not in search(client, url="/en/search/")
