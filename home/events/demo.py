"""Demo events, invented and marked as demo content; idempotent (found by slug)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from directory.demo import demo_services
from directory.models import Audience
from home.core.demo import child, publish_child

from .models import EventPage

SHANGHAI = ZoneInfo("Asia/Shanghai")

DEMO_EVENTS = [
    ("patent-search-training", "专利检索基础培训班", "training", 14, False, 40),
    ("ip-lecture-sme", "中小企业知识产权保护讲座", "lecture", 21, True, None),
    ("open-class-trademark", "商标注册与运用公开课", "open_class", 35, False, 30),
    ("salon-patent-operation", "专利运营沙龙", "salon", 49, False, 20),
    ("roadshow-open-licence", "开放许可专利路演", "roadshow", -30, False, 80),
    ("exhibition-ip-achievements", "知识产权成果展", "exhibition", -60, False, None),
]


def load_events(index, points) -> int:
    created = 0
    today = timezone.localdate()
    audiences = list(
        Audience.objects.filter(locale=Locale.get_default(), code__in=["enterprise", "public"])
    )
    for number, (slug, title, kind, days, online, capacity) in enumerate(DEMO_EVENTS):
        if child(index, EventPage, slug) or not points:
            continue
        point = points[(number * 11 + 3) % len(points)]
        start = datetime.datetime.combine(
            today + datetime.timedelta(days=days), datetime.time(9, 30), SHANGHAI
        )
        event = EventPage(
            title=title,
            slug=slug,
            kind=kind,
            start=start,
            end=start + datetime.timedelta(hours=3),
            online=online,
            online_url="https://meeting.example.com/demo" if online else "",
            venue="" if online else f"{point.title}报告厅",
            address=""
            if online
            else (
                point.address
                or f"{point.province.name}{point.city.name if point.city else ''}（演示地址）"
            ),
            region=point.city,
            summary=f"由{point.title}主办的{title}，面向企业和社会公众（演示活动）。",
            body=[
                ("paragraph", "<p>内容包括知识产权信息检索、分析与运用的实务讲解和案例分享。</p>")
            ],
            registration_open=days > 0,
            capacity=capacity,
            registration_deadline=start - datetime.timedelta(days=1) if days > 0 else None,
            is_demo=True,
        )
        publish_child(index, event)
        event.organisers.set([point])
        event.audiences.set(audiences)
        event.services.set(demo_services("B01", "B03"))
        event.save_revision().publish()
        created += 1
    return created
