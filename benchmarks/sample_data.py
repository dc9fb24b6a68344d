"""What the benchmarks' made-up service points look like: where they are, what they are called,
which services they offer. Only the reference data that `manage.py migrate` loads is read.
"""

import random
from dataclasses import dataclass
from typing import Any

# Where points concentrate: roughly the share of recognised service points per province.
PROVINCE_WEIGHTS = {
    "44": 14,  # 广东
    "32": 12,  # 江苏
    "33": 10,  # 浙江
    "37": 8,  # 山东
    "11": 7,  # 北京
    "31": 6,  # 上海
    "42": 5,  # 湖北
    "51": 5,  # 四川
    "35": 4,  # 福建
    "34": 4,  # 安徽
    "43": 4,  # 湖南
    "41": 4,  # 河南
    "61": 3,  # 陕西
    "12": 3,  # 天津
    "50": 3,  # 重庆
}
OTHER_PROVINCE_WEIGHT = 1

# (category code, weight, title pattern); {city} is the city's short name, {word} a made-up
# name so that titles differ like real ones do.
CATEGORY_TEMPLATES = [
    ("university", 24, "{city}{word}大学知识产权信息服务中心"),
    ("research", 10, "{city}{word}科技情报研究所知识产权信息服务部"),
    ("library", 12, "{city}{word}图书馆专利信息服务部"),
    ("park", 10, "{city}{word}高新区生产力促进中心"),
    ("association", 8, "{city}{word}知识产权协会"),
    ("market_firm", 6, "{city}{word}知识产权服务有限公司"),
    ("market_consulting", 6, "{city}{word}知识产权咨询有限公司"),
    ("market_agency", 6, "{city}{word}专利代理事务所"),
    ("market_information", 3, "{city}{word}专利信息科技有限公司"),
    ("market_legal", 3, "{city}{word}律师事务所知识产权部"),
    ("market_operation", 2, "{city}{word}知识产权运营有限公司"),
    ("rights_aid", 6, "{city}{word}知识产权维权援助工作站"),
    ("other", 4, "{city}{word}知识产权服务中心"),
]
NAME_WORDS = [
    "理工", "师范", "科技", "工业", "农业", "医科", "财经", "海洋", "交通", "电子",
    "华南", "东方", "西部", "中部", "北方", "滨海", "高新", "创新", "长江", "黄河",
    "明德", "启明", "智慧", "未来", "卓越", "先锋", "光华", "致远", "博学", "求实",
]  # fmt: skip
SERVICE_PHRASES = [
    "专利检索", "商标查询", "专利导航", "质押融资", "专利分析", "科技查新", "专利预警",
    "知识产权培训", "高价值专利培育", "专利布局", "竞争对手监测", "侵权风险分析",
    "专利文献传递", "海外维权", "知识产权贯标", "技术成果转化", "商标注册咨询", "专利申请辅导",
]  # fmt: skip
AUDIENCE_PHRASES = ["中小企业", "高校院所", "科研团队", "创新创业者", "园区企业", "社会公众"]
DATABASES_USED = ["incoPat", "智慧芽", "CNIPR", "Derwent Innovation", "PatSnap", "万方", "CNKI"]


@dataclass
class Reference:
    provinces: list[Any]
    province_weights: list[float]
    cities_by_province: dict[int, list[Any]]
    categories: dict[str, Any]
    services: list[Any]
    typical_services: dict[int, set[int]]
    qualifications: list[Any]
    audiences: list[Any]
    node_levels: list[Any]


def load_reference() -> Reference:
    from django.conf import settings

    from directory.models import (
        Audience,
        NodeLevel,
        PointCategory,
        Qualification,
        Region,
        ServiceItem,
    )

    lang = {"locale__language_code": settings.LANGUAGE_CODE}
    provinces = list(Region.objects.provinces().filter(**lang))
    cities: dict[int, list[Any]] = {}
    for city in Region.objects.cities().filter(**lang):
        cities.setdefault(city.parent_id, []).append(city)
    provinces = [p for p in provinces if cities.get(p.pk)]
    services = list(ServiceItem.objects.filter(**lang))
    typical: dict[int, set[int]] = {}
    for service in services:
        for category_id in service.categories.values_list("pk", flat=True):
            typical.setdefault(category_id, set()).add(service.pk)
    return Reference(
        provinces=provinces,
        province_weights=[
            PROVINCE_WEIGHTS.get(p.adcode[:2], OTHER_PROVINCE_WEIGHT) for p in provinces
        ],
        cities_by_province=cities,
        categories={c.code: c for c in PointCategory.objects.filter(**lang)},
        services=services,
        typical_services=typical,
        qualifications=list(Qualification.objects.filter(**lang)),
        audiences=list(Audience.objects.filter(**lang)),
        node_levels=list(NodeLevel.objects.filter(**lang)),
    )


def pinyin(text: str, cache: dict[str, str]) -> str:
    if text not in cache:
        from pypinyin import lazy_pinyin

        cache[text] = "".join(lazy_pinyin(text)).lower()
    return cache[text]


def pick_city(rng: random.Random, ref: Reference) -> tuple[Any, Any]:
    province = rng.choices(ref.provinces, weights=ref.province_weights)[0]
    cities = ref.cities_by_province[province.pk]
    # The capital (first by adcode) hosts most points, as it does in the real lists.
    weights = [6 if i == 0 else 1 for i in range(len(cities))]
    return province, rng.choices(cities, weights=weights)[0]


def pick_services(rng: random.Random, ref: Reference, category: Any, count: int) -> list[Any]:
    """`count` services, four in five from the catalogue's list for the category, basic first."""
    typical = ref.typical_services.get(category.pk) or ref.typical_services.get(
        category.parent_id, set()
    )
    preferred = [s for s in ref.services if s.pk in typical]
    others = [s for s in ref.services if s.pk not in typical]
    chosen = rng.sample(preferred, min(count - count // 5, len(preferred)))
    chosen += rng.sample(others, count - len(chosen))
    order = {"basic": 0, "professional": 1, "value_added": 2}
    return sorted(chosen, key=lambda s: (order[s.tier], s.sort_order))


def description(rng: random.Random, title: str) -> str:
    services = "、".join(rng.sample(SERVICE_PHRASES, rng.randint(4, 7)))
    audiences = "、".join(rng.sample(AUDIENCE_PHRASES, 2))
    return (
        f"<p>{title}面向{audiences}提供{services}等知识产权信息服务。</p>"
        f"<p>中心配备专职检索分析人员，可开展{rng.choice(SERVICE_PHRASES)}和"
        f"{rng.choice(SERVICE_PHRASES)}，并定期举办公益培训。</p>"
    )
