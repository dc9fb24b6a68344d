"""The service ledger (台账): one line per consultation request, for the IP office's reports.

It holds what a point did and when, never who asked: no name, contact, question or comment,
so the file may be passed on without a privacy review. Text cells are neutralised against
formula injection, since point and service names are typed by editors.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import Tier
from home.core.spreadsheets import neutralise

from .models import ConsultationRequest, Status
from .working_hours import SHANGHAI, WorkingCalendar, calendar_from_db, working_hours_between

LEDGER_COLUMNS = [
    gettext_lazy("Tracking code"),
    gettext_lazy("Point"),
    gettext_lazy("Service code"),
    gettext_lazy("Service"),
    gettext_lazy("Tier"),
    gettext_lazy("Submitted"),
    gettext_lazy("First reply due"),
    gettext_lazy("First reply"),
    gettext_lazy("Response time (working hours)"),
    gettext_lazy("Answered on time"),
    gettext_lazy("Status"),
    gettext_lazy("Closed"),
    gettext_lazy("Satisfaction (1–5)"),
]

FORMATS = ("csv", "xlsx")
DATETIME_TEXT = "%Y-%m-%d %H:%M"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    # Naive Beijing time: what the office reads, and what a spreadsheet can store.
    if moment is None:
        return None
    return moment.astimezone(SHANGHAI).replace(tzinfo=None)


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def _on_time(request_obj: ConsultationRequest, now: datetime.datetime) -> str:
    if request_obj.first_response_at is not None:
        return _("yes") if request_obj.answered_on_time else _("no")
    if request_obj.is_overdue(now):
        # Not answered and past due: it can no longer be answered on time.
        return _("no")
    return ""


def _row(
    request_obj: ConsultationRequest, calendar: WorkingCalendar, now: datetime.datetime
) -> list:
    service = request_obj.service
    response_hours = None
    if request_obj.first_response_at is not None:
        response_hours = round(
            working_hours_between(
                request_obj.submitted_at, request_obj.first_response_at, calendar
            ),
            1,
        )
    return [
        request_obj.formatted_code,
        request_obj.point.title if request_obj.point else _("IP office (central inbox)"),
        service.code if service else "",
        service.name if service else "",
        _label(Tier, request_obj.tier),
        _local(request_obj.submitted_at),
        _local(request_obj.due_at),
        _local(request_obj.first_response_at),
        response_hours,
        _on_time(request_obj, now),
        _label(Status, request_obj.status),
        _local(request_obj.closed_at),
        request_obj.rating,
    ]


def ledger_rows(queryset, *, now: datetime.datetime | None = None) -> Iterator[list]:
    """The ledger line of each request of `queryset`, in its order, matching LEDGER_COLUMNS.

    Cells are str, int, float (working hours, one decimal), naive Beijing-time datetimes or
    None. "Answered on time" is yes/no once replied, "no" when unanswered past its due time,
    and empty while the reply is not due yet. One query for the requests, one for the calendar.
    """
    now = now or timezone.now()
    calendar = calendar_from_db()
    for request_obj in queryset.select_related("point", "service").iterator(chunk_size=2000):
        yield _row(request_obj, calendar, now)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime(DATETIME_TEXT)
    return neutralise(str(value))


def _csv(header: list[str], rows: Iterable[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([_text(cell) for cell in row])
    # The BOM tells Excel the file is UTF-8; without it Chinese comes out garbled.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(header: list[str], rows: Iterable[list]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    # Write-only: rows go straight to the file instead of being held as cell objects.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="ledger")
    sheet.append([neutralise(cell) for cell in header])
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, datetime.datetime):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, str):
                # openpyxl would store a leading "=" as a live formula.
                cell = WriteOnlyCell(sheet, value=neutralise(value))
            else:
                cell = WriteOnlyCell(sheet, value=value)
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ledger_response(queryset, fmt: str, filename: str) -> HttpResponse:
    """The ledger of `queryset` as a CSV (UTF-8 with BOM) or XLSX download."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown ledger format {fmt!r}; use one of {', '.join(FORMATS)}.")
    if not filename.lower().endswith(f".{fmt}"):
        filename = f"{filename}.{fmt}"
    header = [str(label) for label in LEDGER_COLUMNS]
    rows = ledger_rows(queryset)
    content = _csv(header, rows) if fmt == "csv" else _xlsx(header, rows)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
