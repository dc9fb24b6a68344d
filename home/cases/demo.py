"""Demo cases, invented and marked as demo content; idempotent (found by slug)."""

import datetime

from directory.demo import demo_services
from home.core.demo import child, publish_child

from .models import CaseFigure, CasePage

DEMO_CASES = [
    (
        "patent-navigation-new-energy",
        "新能源汽车产业专利导航助力企业研发布局",
        "sme",
        "新能源汽车",
        ("P03", "B03"),
        True,
    ),
    (
        "search-training-sme",
        "面向中小企业的专利检索系列培训",
        "sme",
        "智能制造",
        ("B01", "B03"),
        True,
    ),
    (
        "ip-analysis-biomedicine",
        "生物医药领域专利分析支撑高校成果转化",
        "university",
        "生物医药",
        ("P01", "P02"),
        True,
    ),
    (
        "trademark-warning-export",
        "出口企业海外商标预警服务",
        "sme",
        "纺织服装",
        ("B04", "P13"),
        False,
    ),
    (
        "park-workstation",
        "产业园区知识产权工作站一站式服务",
        "park",
        "集成电路",
        ("B03", "V09"),
        False,
    ),
    (
        "rights-aid-consultation",
        "维权援助工作站快速咨询解决侵权纠纷",
        "sme",
        "食品加工",
        ("B09", "B11"),
        False,
    ),
]


def load_cases(index, points) -> int:
    created = 0
    for number, (slug, title, party, industry, codes, featured) in enumerate(DEMO_CASES):
        if child(index, CasePage, slug) or not points:
            continue
        point = points[(number * 7) % len(points)]
        case = CasePage(
            title=title,
            slug=slug,
            point=point,
            period_start=datetime.date(2025, 1 + number, 1),
            period_end=datetime.date(2025, 6 + number, 28),
            served_party_kind=party,
            industry=industry,
            region=point.city or point.province,
            summary=f"{point.title}围绕{industry}领域开展{title[-8:]}，服务对象反馈良好（演示案例）。",
            body=[
                ("heading", {"text": "背景", "level": "h2"}),
                ("paragraph", f"<p>{industry}领域企业在研发立项前缺少系统的知识产权信息支撑。</p>"),
                ("heading", {"text": "做法", "level": "h2"}),
                ("paragraph", "<p>网点组建专门团队，开展检索分析、培训讲解和一对一咨询。</p>"),
                ("heading", {"text": "成效", "level": "h2"}),
                ("paragraph", "<p>形成检索分析报告，帮助服务对象调整研发方向、规避侵权风险。</p>"),
            ],
            featured=featured,
            is_demo=True,
        )
        case.figures = [
            CaseFigure(label="服务企业", value=str(12 + number * 5), unit="家"),
            CaseFigure(label="检索分析报告", value=str(8 + number * 3), unit="份"),
        ]
        publish_child(index, case)
        case.services.set(demo_services(*codes))
        case.save_revision().publish()
        created += 1
    return created
