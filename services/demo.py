"""Demo consultation requests: a year of questions, answers and ratings for the demo points.

Made-up askers (演示用户) with phone numbers only, so nothing is ever e-mailed. Deterministic
and keyed by a fixed nonce, so running `load_demo` again changes nothing.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from directory.models import PointOffering, Region, ServicePoint

from .models import ConsultationReply, ConsultationRequest, ErrorReport, RequestEvent, Status
from .routing import route
from .working_hours import add_working_hours, calendar_from_db

DEMO_COUNT = 120
QUESTIONS = [
    (
        "想了解{service}",
        "我们是一家{industry}企业，想了解贵单位的{service}怎么申请、需要准备哪些材料、多久能完成？",
    ),
    ("{service}的费用", "请问{service}是否收费？如果是低成本服务，大概按什么标准收费？"),
    ("关于{service}的问题", "我们计划明年上市，需要先做一次{service}，请问能否提供，周期多长？"),
]
INDUSTRIES = ["新能源汽车", "生物医药", "集成电路", "智能制造", "食品加工", "纺织服装"]
REPLIES = [
    "您好，已收到您的问题。{service}属于本网点的服务事项，请携带营业执照复印件到服务窗口办理，"
    "一般 5 个工作日内完成。如需预约，请致电网点。",
    "您好，{service}为免费的公益服务，我们已安排专人与您电话联系，确认检索需求后开始办理。",
    "您好，该事项需要先明确技术方案，建议您整理技术交底材料后通过本平台再次提交，我们将尽快回复。",
]


def _demo_points():
    return list(
        ServicePoint.objects.live()
        .filter(locale=Locale.get_default(), alias_of__isnull=True, is_demo=True, status="active")
        .select_related("city", "province")
        .order_by("pk")
    )


DEMO_ERROR_REPORT_NONCE = "demo-error-report-1"


def load_demo_error_report() -> ErrorReport | None:
    """One open, anonymous error report on the first demo point (its nonce marks it demo)."""
    points = _demo_points()
    if not points:
        return None
    report, _created = ErrorReport.objects.get_or_create(
        submission_nonce=DEMO_ERROR_REPORT_NONCE,
        defaults={
            "point": points[0],
            "part": ErrorReport.Part.HOURS,
            "text": "（演示）网页上写周六上午开放，但上周六去时大门关着，请核实开放时间。",
        },
    )
    return report


@transaction.atomic
def load_demo_requests(now=None) -> int:
    """Create the demo requests that do not exist yet; returns how many were created.

    The demo error report comes with them (load_demo calls only this function)."""
    load_demo_error_report()
    points = [p for p in _demo_points() if p.city_id]
    if not points:
        return 0
    existing = set(
        ConsultationRequest.objects.filter(submission_nonce__startswith="demo-").values_list(
            "submission_nonce", flat=True
        )
    )
    offerings = {}
    for offering in PointOffering.objects.filter(point__in=points).select_related("service"):
        offerings.setdefault(offering.point_id, []).append(offering)
    calendar = calendar_from_db()
    now = now or timezone.now()
    city_ids = [p.city_id for p in points]
    cities = {r.pk: r for r in Region.objects.filter(pk__in=city_ids)}
    created = 0
    for number in range(DEMO_COUNT):
        nonce = f"demo-{number:04d}"
        if nonce in existing:
            continue
        rng = random.Random(nonce)  # noqa: S311 - demo data, not security
        point = rng.choice(points)
        if not offerings.get(point.pk):
            continue
        offering = rng.choice(offerings[point.pk])
        service = offering.service
        city = cities[point.city_id]
        from_profile = rng.random() < 0.6
        decision = route(service=service, city=city, point=point if from_profile else None)
        # One in ten is from the last two days and waits for an answer: the inbox's work.
        recent = number % 10 == 0
        days = rng.randint(0, 1) if recent else rng.randint(3, 330)
        submitted = now - datetime.timedelta(days=days, hours=rng.randint(0, 23))
        subject, question = rng.choice(QUESTIONS)
        values = {"service": service.name, "industry": rng.choice(INDUSTRIES)}
        request_obj = ConsultationRequest.objects.create(
            submission_nonce=nonce,
            origin="profile" if from_profile else "general",
            point=decision.point,
            service=service,
            tier=decision.tier,
            subject=subject.format(**values)[:120],
            question=question.format(**values),
            name=f"演示用户{number + 1}",
            phone=f"1380000{number:04d}",
            reply_channel="phone",
            city=city,
            consent_version="demo",
            consented_at=submitted,
            routing_rule=decision.rule,
            routing_reason=decision.reason,
            submitted_at=submitted,
            due_at=add_working_hours(submitted, 40, calendar),
        )
        RequestEvent.objects.create(
            request=request_obj,
            kind=RequestEvent.Kind.SUBMITTED,
            to_status=Status.NEW,
            to_point=decision.point,
            note=decision.reason,
            created_at=submitted,
        )
        created += 1
        if recent:
            continue
        answered = add_working_hours(submitted, rng.choice([2, 6, 12, 30, 38, 52]), calendar)
        if answered > now:
            continue
        ConsultationReply.objects.create(
            request=request_obj,
            point=request_obj.point,
            body=rng.choice(REPLIES).format(**values),
            created_at=answered,
        )
        closed = rng.random() < 0.6
        request_obj.first_response_at = answered
        request_obj.status = Status.CLOSED if closed else Status.ANSWERED
        request_obj.closed_at = answered if closed else None
        if rng.random() < 0.7:
            request_obj.rating = rng.choices([5, 4, 3, 2, 1], weights=[50, 30, 12, 5, 3])[0]
            request_obj.rated_at = answered + datetime.timedelta(days=1)
        request_obj.save()
        RequestEvent.objects.create(
            request=request_obj,
            kind=RequestEvent.Kind.REPLIED,
            from_status=Status.NEW,
            to_status=request_obj.status,
            created_at=answered,
        )
    return created
