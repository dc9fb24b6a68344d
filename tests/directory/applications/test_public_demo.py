"""The demo applications `load_demo` adds."""

from directory.applications.demo import load_applications_demo
from directory.applications.models import Application


def test_the_demo_loads_once(recognising_office):
    assert load_applications_demo() == 2
    assert load_applications_demo() == 0
    returned, under_review = Application.objects.filter(is_demo=True).order_by("pk")
    assert returned.status == "returned" and returned.comments.count() == 2
    assert under_review.status == "under_review" and under_review.priority
    assert not returned.applicant.has_usable_password()
    assert all("（演示）" in app.organisation for app in (returned, under_review))
