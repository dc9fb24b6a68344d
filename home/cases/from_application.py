"""An approved application's typical cases (申报书 part 11) become case pages awaiting
publication.

When the office approves an application, `directory.lifecycle.signals.point_recognised` is sent
with the new point. Each typical case the applicant described (name, date, content, effect)
becomes a draft CasePage of that point under the case library, owned by the applicant and
submitted to the case library's moderation workflow, as a point's staff would submit a case
they wrote (home/cases/permissions.py): the office reviews it, may complete it, and publishes.

Idempotent: a typical case already drafted (CasePage.application_case) is skipped, so the signal
sent twice makes no duplicates.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText

from directory.applications.models import Application

from .models import CasePage, ServedPartyKind
from .permissions import case_indexes

logger = logging.getLogger(__name__)

SUMMARY_CHARS = 200


def _paragraphs(text: str) -> RichText:
    """Plain text as rich-text paragraphs, escaped (the applicant typed it)."""
    return RichText(linebreaks(escape(text.strip())))


def case_body(typical_case) -> list:
    """The StreamField value: the content and, if given, the effect, each under a heading."""
    body = [
        ("heading", {"text": _("What the point did"), "level": "h2"}),
        ("paragraph", _paragraphs(typical_case.content)),
    ]
    if typical_case.effect.strip():
        body += [
            ("heading", {"text": _("Effect"), "level": "h2"}),
            ("paragraph", _paragraphs(typical_case.effect)),
        ]
    return body


def _case_date(typical_case, application) -> datetime.date:
    """The case's date, else the application's submission, else today: a case needs a start."""
    if typical_case.date:
        return typical_case.date
    if application.submitted_at:
        return timezone.localdate(application.submitted_at)
    return timezone.localdate()


def draft_case(index, point, application, typical_case) -> CasePage:
    """One draft CasePage from one typical case, saved as a revision by the applicant."""
    applicant = application.applicant
    slug = slugify(typical_case.title, allow_unicode=True)[:60] or f"case-{typical_case.pk}"
    page = CasePage(
        title=typical_case.title,
        slug=find_available_slug(index, slug),
        point=point,
        period_start=_case_date(typical_case, application),
        # The application does not say whom the case served; the office completes it.
        served_party_kind=ServedPartyKind.OTHER,
        region=point.city or point.province,
        summary=Truncator(" ".join(typical_case.content.split())).chars(SUMMARY_CHARS),
        body=case_body(typical_case),
        application_case=typical_case,
        owner=applicant,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=applicant, log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, applicant)
    return page


def draft_application_cases(point, application) -> list[CasePage]:
    """Draft the cases of `application` for `point` that are not drafted yet; the new pages."""
    index = case_indexes().first()
    if index is None:
        logger.warning("No case library: the cases of application %s wait.", application.pk)
        return []
    created = []
    # The page's own words (headings) are in the site's default language, like the index.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        # Locking the application makes a second, concurrent signal wait and then skip.
        Application.objects.select_for_update().filter(pk=application.pk).first()
        drafted = set(
            CasePage.objects.filter(application_case__application=application).values_list(
                "application_case_id", flat=True
            )
        )
        for typical_case in application.typical_cases.all():
            if typical_case.pk not in drafted:
                created.append(draft_case(index, point, application, typical_case))
    return created


def on_point_recognised(sender, point, application, **kwargs) -> None:
    """directory.lifecycle.signals.point_recognised: draft the application's cases."""
    draft_application_cases(point, application)
