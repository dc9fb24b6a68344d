"""Demo data of a point's life: one pending change report, one confirmation, one filing.

Idempotent: each is made once, on the first demo point (is_demo) of the default locale, and
marked is_demo with "[演示]" in its text.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from ..models import ServicePoint
from .changes import key_fact_changes
from .models import ChangeReport, Filing, Verification

PREFIX = "[演示]"


def demo_point() -> ServicePoint | None:
    points = ServicePoint.objects.live().filter(alias_of__isnull=True, locale=Locale.get_default())
    return points.filter(is_demo=True).order_by("pk").first() or points.order_by("pk").first()


def load_lifecycle_demo() -> int:
    """Returns how many records it made (0 when they exist already)."""
    point = demo_point()
    if point is None:
        return 0
    made = 0
    if not ChangeReport.objects.filter(is_demo=True).exists():
        draft = ServicePoint.objects.get(pk=point.pk)
        draft.phone = "020-00000000"
        revision = draft.save_revision(clean=False, log_action=False)
        ChangeReport.objects.create(
            point=point,
            revision=revision,
            reason=f"{PREFIX} 服务电话更换为新的总机号码。",
            changes=key_fact_changes(point, draft),
            is_demo=True,
        )
        made += 1
    if not Verification.objects.filter(is_demo=True).exists():
        now = timezone.now()
        Verification.objects.create(point=point, at=now, is_demo=True)
        ServicePoint.objects.filter(pk=point.pk).update(last_verified_at=now)
        made += 1
    if not Filing.objects.filter(is_demo=True).exists():
        Filing.objects.create(
            point=point,
            level=Filing.Level.CITY,
            filed_by=f"{PREFIX} 广州市市场监督管理局（知识产权局）",
            filed_with="广东省知识产权局",
            filed_on=datetime.date(2025, 6, 30),
            number="演示-备2025-001",
            note=f"{PREFIX} 演示用备案记录。",
            is_demo=True,
        )
        made += 1
    return made
