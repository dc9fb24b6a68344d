"""Which point comes first: a title match over a text match, a full name, a service's providers.

Each test makes its own few points (without offerings unless it names them), so that nothing
else in the index competes with them.
"""

import pytest

from directory.models import ServiceItem, ServicePoint
from directory.ranking import rank

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [obj.title for obj in results]


def test_title_matches_rank_above_body_matches(make_point):
    make_point(
        title="某大学图书馆",
        description="<p>本馆提供商标检索服务，服务商标申请人。</p>",
        offerings=(),
    )
    make_point(title="商标信息中心", description="<p>面向企业提供咨询。</p>", offerings=())
    results = ServicePoint.objects.search("商标").annotate_score("score")
    assert titles(results) == ["商标信息中心", "某大学图书馆"]
    assert results[0].score > results[1].score > 0


def test_a_full_name_puts_that_point_first(make_point):
    # 中国, 专利信息 and 中心 are in most pages, so BM25 alone barely tells these apart.
    for title in ("中国科学技术大学", "中国（福建）知识产权保护中心", "中国科学院文献情报中心"):
        make_point(title=title, description="<p>专利信息检索服务，专利信息分析。</p>", offerings=())
    wanted = make_point(
        title="中国专利信息中心", description="<p>面向社会公众服务。</p>", offerings=()
    )
    assert rank(ServicePoint, "中国专利信息中心")[0][0] == wanted.pk


def test_a_service_name_puts_its_providers_first(make_point):
    named = make_point(
        title="某专利导航研究会",
        description="<p>研究专利导航方法。</p>",
        offerings=(("B01", "basic", "free"),),
    )
    provider = make_point(
        title="某大学图书馆",
        offerings=(("B03", "basic", "free"), ("P03", "professional", "negotiable")),
    )
    ranked = [pk for pk, _ in rank(ServicePoint, "专利导航")]
    assert ranked == [provider.pk, named.pk]


def test_part_of_a_service_name_puts_its_providers_first(make_point):
    pledge = ServiceItem.objects.get(name="知识产权质押融资", locale__language_code="zh-hans")
    mentions = make_point(
        title="某质押融资研究会",
        description="<p>研究质押融资。</p>",
        offerings=(("B01", "basic", "free"),),
    )
    provider = make_point(title="某科技园", offerings=((pledge.code, pledge.tier, "negotiable"),))
    ranked = [pk for pk, _ in rank(ServicePoint, "质押融资")]
    assert ranked == [provider.pk, mentions.pk]
