"""Demo data: one submitted summary of last year and its evaluation, for one demo point.

Wired into `manage.py load_demo` (home/homepage/demo.py). Idempotent: a second run changes
nothing. The texts say they are made up.
"""

from django.utils import timezone

from .criteria import create_default_criteria
from .models import AnnualSummary, Evaluation
from .population import summary_points
from .prefill import take_snapshot
from .scoring import active_criteria, result_for, suggest_scores, total_of

DEMO_NOTE = "（演示数据，内容为虚构）"


def _demo_point():
    points = summary_points()
    return points.filter(is_demo=True).order_by("pk").first() or points.order_by("pk").first()


def load_yearly_demo() -> int:
    """Create the demo summary and evaluation; returns how many records were created."""
    point = _demo_point()
    if point is None:
        return 0
    create_default_criteria()
    year = timezone.localdate().year - 1
    created = 0
    summary = AnnualSummary.objects.filter(point=point, year=year).first()
    if summary is None:
        summary = AnnualSummary(
            point=point,
            year=year,
            is_demo=True,
            status=AnnualSummary.Status.SUBMITTED,
            submitted_at=timezone.now(),
            service_delivery=f"{DEMO_NOTE}全年开展知识产权基础检索、信息咨询和培训服务，"
            "为区内中小企业提供专利导航与预警等低成本专业化服务。",
            highlights=f"{DEMO_NOTE}试点“检索+分析”一站式服务，与产业园区共建工作站。",
            cases=[
                {
                    "title": "某新材料企业专利导航服务（演示）",
                    "date": f"{year}年3月至6月",
                    "text": f"{DEMO_NOTE}完成专利导航报告一份，支撑企业研发立项。",
                }
            ],
            lessons=f"{DEMO_NOTE}服务对象反馈检索报告周期偏长，明年将优化流程。",
            next_year_plan=f"{DEMO_NOTE}新增专职人员两名，扩大园区工作站服务范围。",
        )
        take_snapshot(summary)
        summary.save()
        created += 1
    if not Evaluation.objects.filter(point=point, year=year).exists():
        criteria = list(active_criteria())
        suggested = suggest_scores(summary, criteria)
        scores = {}
        for criterion in criteria:
            # Manual criteria and missing figures get most marks in the demo, with a note.
            score = suggested[criterion.pk]
            if score is None:
                score = round(criterion.weight * 0.8, 1)
            scores[str(criterion.pk)] = {
                "name": criterion.name,
                "order": criterion.sort_order,
                "weight": criterion.weight,
                "score": score,
                "suggested": suggested[criterion.pk],
                "note": "" if suggested[criterion.pk] is not None else "演示评分",
            }
        total = total_of(entry["score"] for entry in scores.values())
        Evaluation.objects.create(
            point=point,
            year=year,
            summary=summary,
            scores=scores,
            total=total,
            result=result_for(total),
            reasons=f"{DEMO_NOTE}服务开展规范，案例典型。",
            reviewed_at=timezone.now(),
            is_demo=True,
        )
        AnnualSummary.objects.filter(pk=summary.pk).update(status=AnnualSummary.Status.ACCEPTED)
        created += 1
    return created
