"""Case pages for tests."""

import datetime

import factory

from directory.models import ServiceItem
from home.cases.models import CaseFigure, CasePage
from tests.factories import reference

from ..factories import PublishedPageFactory


class CasePageFactory(PublishedPageFactory):
    """A CasePage of `point` under `parent`, published unless `live=False`.

    `services` as catalogue codes, `partners` as points, `figures` as (label, value, unit); any
    other CasePage field as a keyword.
    """

    class Meta:
        model = CasePage

    class Params:
        partners = ()

    title = factory.Sequence(lambda n: f"测试案例{n}")
    slug = factory.Sequence(lambda n: f"case-{n}")
    point = None
    period_start = datetime.date(2024, 3, 1)
    served_party_kind = "sme"
    summary = "为企业开展专利检索分析，支撑研发决策。"
    body = (("paragraph", "<p>服务过程与成效。</p>"),)
    partner_points = factory.LazyAttribute(lambda o: list(o.partners))
    services = ()
    figures = ()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs = super()._adjust_kwargs(**kwargs)
        kwargs["services"] = [reference(ServiceItem, code) for code in kwargs["services"]]
        kwargs["figures"] = [
            CaseFigure(label=label, value=value, unit=unit)
            for label, value, unit in kwargs["figures"]
        ]
        return kwargs
