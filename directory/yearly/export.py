"""All summaries of a year as one XLSX workbook: one row per point, facts, figures, narrative."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from home.core.spreadsheets import neutralise

from .board import board_rows
from .dates import State
from .figures import figure_labels
from .models import AnnualSummary, Result
from .prefill import FACT_LABELS


def _cell(value):
    """A cell value: numbers as numbers, lists and dicts as readable text, strings inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):
        value = "、".join(str(item) for item in value)
    elif isinstance(value, dict):
        value = "; ".join(
            f"{key}: {_cell(item) if not isinstance(item, list) else '、'.join(map(str, item))}"
            for key, item in value.items()
        )
    return neutralise(str(value))


def _cases(cases) -> str:
    return "\n\n".join(
        f"{i}. {case.get('title', '')} ({case.get('date', '')})\n{case.get('text', '')}"
        for i, case in enumerate(cases or [], start=1)
    )


def summaries_workbook(year: int) -> bytes:
    from openpyxl import Workbook

    rows = list(board_rows(year, timezone.localdate()).select_related("category"))
    summaries = {
        s.point_id: s
        for s in AnnualSummary.objects.filter(year=year, point__in=[r.pk for r in rows])
    }
    fact_keys = list(FACT_LABELS)
    figure_keys = list(figure_labels())
    for summary in summaries.values():
        figure_keys += [key for key in summary.figures if key not in figure_keys]
    labels = figure_labels()
    header = [
        _("Service point"),
        _("Year"),
        _("Summary"),
        _("Status"),
        _("Submitted"),
        *(str(FACT_LABELS[key]) for key in fact_keys),
        *(str(labels.get(key, key)) for key in figure_keys),
        _("Service delivery"),
        _("Innovation and highlights"),
        _("Typical cases"),
        _("Lessons and suggestions"),
        _("Plan for the coming year"),
        _("Evaluation"),
        _("Total score"),
    ]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(year)
    sheet.append([neutralise(str(h)) for h in header])
    for row in rows:
        summary = summaries.get(row.pk)
        facts = summary.facts if summary else {}
        figures = summary.figures if summary else {}
        submitted = (
            timezone.localtime(summary.submitted_at).strftime("%Y-%m-%d %H:%M")
            if summary and summary.submitted_at
            else ""
        )
        sheet.append(
            [
                _cell(row.title),
                year,
                str(State(row.state).label),
                str(summary.get_status_display()) if summary else "",
                submitted,
                *(_cell(facts.get(key)) for key in fact_keys),
                *(_cell(figures.get(key)) for key in figure_keys),
                _cell(summary.service_delivery if summary else ""),
                _cell(summary.highlights if summary else ""),
                _cell(_cases(summary.cases) if summary else ""),
                _cell(summary.lessons if summary else ""),
                _cell(summary.next_year_plan if summary else ""),
                str(Result(row.evaluation_result).label) if row.evaluation_result else "",
                float(row.evaluation_total) if row.evaluation_total is not None else "",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
