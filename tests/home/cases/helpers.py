"""Reading the case library's pages, and posting the admin's case form, in tests."""

import re

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.models import ServiceItem


def titles(html: str) -> list[str]:
    """The case titles of a list page, in order."""
    return re.findall(r'<h[23] class="h5 card-title[^"]*" id="case-\d+"><a [^>]*>(.*?)</a>', html)


def errors_of(html: str) -> dict[str, str]:
    block = re.search(r'id="filter-errors".*?</div>', html, re.S)
    if not block:
        return {}
    return dict(re.findall(r'<li data-param="(\w+)">(.*?)</li>', block.group(0)))


def add_url(index) -> str:
    return reverse("wagtailadmin_pages:add", args=("cases", "casepage", index.pk))


def case_post(
    point,
    *,
    title="我们的专利导航案例",
    slug="our-case",
    action=None,
    partners=(),
    services=(),
    **extra,
) -> dict:
    """The admin form's POST for a case; `partners` as points, `services` as catalogue codes."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "point": point.pk,
            "period_start": "2024-04-01",
            "period_end": "",
            "served_party_kind": "sme",
            "industry": "生物医药",
            "region": "",
            "summary": "为一家生物医药企业开展专利导航。",
            "body": streamfield([("paragraph", rich_text("<p>过程与成效。</p>"))]),
            "figures": inline_formset([{"label": "检索报告", "value": "12", "unit": "份"}]),
            **extra,
        }
    )
    # Multiple choices are lists of values, which nested_form_data would number.
    data["partner_points"] = [str(p.pk) for p in partners]
    data["services"] = [
        str(pk)
        for pk in ServiceItem.objects.filter(
            code__in=services, locale__language_code="zh-hans"
        ).values_list("pk", flat=True)
    ]
    if action:
        data[f"action-{action}"] = "1"
    return data


def make_points(make_point) -> dict:
    """Three points: a Guangzhou library, a Beijing university, a Shenzhen agency (market firm)."""
    return {
        "gz": make_point(title="广州案例图书馆", category="library", city="440100"),
        "bj": make_point(title="北京案例大学", category="university", city="110100"),
        "sz": make_point(title="深圳案例代理机构", category="market_agency", city="440300"),
    }
