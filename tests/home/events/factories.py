"""Event pages for tests."""

import datetime

import factory
from django.utils import timezone

from directory.models import Audience, ServiceItem
from home.events.models import EventPage
from tests.factories import reference, region

from ..factories import PublishedPageFactory


def _in_days(days: int) -> datetime.datetime:
    return (timezone.now() + datetime.timedelta(days=days)).replace(second=0, microsecond=0)


class EventPageFactory(PublishedPageFactory):
    """An EventPage under `parent`, published unless `live=False`.

    `start` defaults to a week ahead (end two hours later); `days` shifts the start by that many
    days from now instead; an online event gets a meeting link, any other a venue and address.
    `organisers` as points, `audiences` and `services` as codes, `city` as an adcode (None: no
    city); any other EventPage field as a keyword.
    """

    class Meta:
        model = EventPage

    class Params:
        days = 7
        city = "440100"

    title = factory.Sequence(lambda n: f"测试活动{n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = "training"
    start = factory.LazyAttribute(lambda o: _in_days(o.days))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    online = False
    online_url = factory.LazyAttribute(
        lambda o: "https://meeting.example.com/j/123" if o.online else ""
    )
    venue = factory.LazyAttribute(lambda o: "" if o.online else "广州图书馆报告厅")
    address = factory.LazyAttribute(lambda o: "" if o.online else "广州市天河区珠江东路4号")
    region = factory.LazyAttribute(lambda o: region(o.city) if o.city else None)
    summary = "面向企业的专利检索实务培训。"
    organisers = ()
    audiences = ()
    services = ()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs = super()._adjust_kwargs(**kwargs)
        kwargs["organisers"] = list(kwargs["organisers"])
        kwargs["audiences"] = [reference(Audience, code) for code in kwargs["audiences"]]
        kwargs["services"] = [reference(ServiceItem, code) for code in kwargs["services"]]
        return kwargs
