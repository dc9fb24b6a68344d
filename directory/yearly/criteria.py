"""The default evaluation criteria, drawn from the seeds' evaluation measures (seed 002 §7.1,
seed 003 第十八条 and annex 3, seed 004 (四)): service volume, timeliness, satisfaction, cases,
training, keeping the directory current, and the reviewer's own reading of the summary."""

from django.utils.translation import gettext_noop

from .models import EvaluationCriterion, Measure

# (name msgid, its Chinese name, measure, weight, target): weights sum to 100. The Chinese
# name stands in while the catalogue lacks the msgid (a first `migrate` before compilemessages):
# the rows are made once, and the office reads them in Chinese.
DEFAULTS = (
    (gettext_noop("Service volume"), "服务数量", Measure.SERVICE_VOLUME, 20, 100),
    (gettext_noop("Consultations answered on time"), "咨询按时答复", Measure.ON_TIME, 15, 0.9),
    (gettext_noop("Satisfaction of those served"), "服务对象满意度", Measure.SATISFACTION, 15, 4.5),
    (gettext_noop("Typical cases"), "典型案例", Measure.CASES, 10, 3),
    (gettext_noop("Training and events"), "培训与活动", Measure.EVENTS, 10, 4),
    (gettext_noop("Changes reported"), "信息变更报备", Measure.CHANGE_REPORTING, 10, None),
    (gettext_noop("Profile verification kept up"), "信息核验及时", Measure.VERIFICATION, 10, 90),
    (gettext_noop("Quality of the work summary"), "工作总结质量", Measure.MANUAL, 10, None),
)


def create_default_criteria(**kwargs) -> int:
    """post_migrate: the default rows, only when there are none (the office may edit them)."""
    from django.utils import translation
    from django.utils.translation import gettext

    if EvaluationCriterion.objects.exists():
        return 0
    with translation.override("zh-hans"):
        EvaluationCriterion.objects.bulk_create(
            EvaluationCriterion(
                name=gettext(name) if gettext(name) != name else chinese,
                measure=measure,
                weight=weight,
                target=target,
                sort_order=i,
            )
            for i, (name, chinese, measure, weight, target) in enumerate(DEFAULTS, start=1)
        )
    return len(DEFAULTS)


def grant_criteria_permissions(sender, using="default", **kwargs) -> None:
    """post_migrate: the office groups edit the criteria snippets (idempotent)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from ..lifecycle.access import OFFICE_GROUPS

    # auth's own post_migrate handler may not have run for this app yet.
    create_permissions(sender, verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="yearly", content_type__model="evaluationcriterion"
    )
    for group in Group.objects.using(using).filter(name__in=OFFICE_GROUPS):
        group.permissions.add(*permissions)
