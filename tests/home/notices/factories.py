"""Notice pages for tests."""

import datetime

import factory

from directory.models import ServiceItem
from home.notices.models import NoticeAttachment, NoticePage
from tests.factories import reference, region

from ..factories import PublishedPageFactory


class NoticePageFactory(PublishedPageFactory):
    """A NoticePage under `parent`, published unless `live=False`.

    `region_code` as an adcode, `services` as catalogue codes, `points` as pages, `attachments`
    as Documents; any other NoticePage field as a keyword.
    """

    class Meta:
        model = NoticePage

    class Params:
        region_code = None
        services = ()
        points = ()

    title = factory.Sequence(lambda n: f"测试通知{n}")
    slug = factory.Sequence(lambda n: f"notice-{n}")
    kind = "notice"
    issuing_authority = "国家知识产权局"
    publication_date = datetime.date(2024, 5, 10)
    scope = "national"
    region = factory.LazyAttribute(lambda o: region(o.region_code) if o.region_code else None)
    summary = "关于进一步加强知识产权信息公共服务的通知。"
    body = (("paragraph", "<p>各服务网点要做好信息公共服务工作。</p>"),)
    related_services = factory.LazyAttribute(
        lambda o: [reference(ServiceItem, code) for code in o.services]
    )
    related_points = factory.LazyAttribute(lambda o: list(o.points))
    attachments = ()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs = super()._adjust_kwargs(**kwargs)
        kwargs["attachments"] = [NoticeAttachment(document=doc) for doc in kwargs["attachments"]]
        return kwargs
