"""The office imports and exports points in the admin; point staff cannot.

Upload → dry run with the per-row report → "Import now" → points saved, audit-logged, with the
editor on each revision. The admin is asked in English (tests/services/helpers.py).
"""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook
from wagtail.models import PageLogEntry

from directory.io import COLUMNS
from directory.models import ServicePoint
from tests.services.helpers import admin_client_for

pytestmark = pytest.mark.django_db

IO_URL = "/admin/directory/points/io/"
EXPORT_URL = "/admin/directory/points/export/"
HEADER = "name,category,province,city,opens,closes,channels,staff_total,staff_full_time,databases"


def csv_upload(text: str, name: str = "points.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8-sig"), content_type="text/csv")


def xlsx_upload(rows: list[list[str]], name: str = "points.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    content = io.BytesIO()
    workbook.save(content)
    return SimpleUploadedFile(name, content.getvalue())


@pytest.fixture
def office(office_user, directory_page):
    return admin_client_for(office_user)


def token_of(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match, "no “Import now” form"
    return match[1]


def test_export_downloads_the_directory_with_hours_channels_staff_and_databases(
    office, make_point, office_user, directory_page
):
    make_point(
        title="广州导出图书馆",
        hours_note="午休12:00–13:30",
        channel_window=False,
        staff_total=6,
        staff_full_time=5,
        databases="incoPat\nCNKI",
    )

    response = office.get(EXPORT_URL + "?format=csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="points-')
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert "广州导出图书馆" in text and "午休12:00–13:30" in text
    assert ",Mo-Fr,09:00,17:00," in text and ",phone;online,6,5,," in text
    assert '"incoPat\r\nCNKI"' in text or '"incoPat\nCNKI"' in text
    entry = PageLogEntry.objects.get(action="directory.export_points")
    assert entry.user == office_user and entry.page_id == directory_page.pk


def test_xlsx_export_is_a_workbook_in_the_import_format(office, make_point):
    make_point(title="北京导出大学", city="110100", category="university")

    response = office.get(EXPORT_URL + "?format=xlsx")

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert rows[1][0] == "北京导出大学"
    assert office.get(EXPORT_URL + "?format=pdf").status_code == 404


def test_upload_is_checked_first_then_imported_and_logged(office, office_user, directory_page):
    file = csv_upload(
        f"{HEADER}\n广州导入中心,library,广东省,广州市,08:30,17:30,电话；线上,5,3,incoPat\n"
    )

    checked = office.post(IO_URL, {"file": file})

    assert checked.status_code == 200
    body = checked.content.decode()
    assert "Dry run, nothing saved: 1 new, 0 to update, 0 unchanged." in body
    assert "广州导入中心" in body
    assert not ServicePoint.objects.filter(title="广州导入中心").exists()

    applied = office.post(IO_URL, {"token": token_of(checked)}, follow=True)

    assert (
        "Imported from points.csv: 1 created, 0 updated, 0 unchanged." in applied.content.decode()
    )
    point = ServicePoint.objects.get(title="广州导入中心")
    assert point.live and str(point.opens) == "08:30:00" and str(point.closes) == "17:30:00"
    assert (point.channel_phone, point.channel_online, point.channel_window) == (True, True, False)
    assert (point.staff_total, point.staff_full_time, point.databases) == (5, 3, "incoPat")
    assert point.latest_revision.user == office_user
    entry = PageLogEntry.objects.get(action="directory.import_points")
    assert entry.user == office_user and entry.page_id == directory_page.pk
    assert entry.data == {"file": "points.csv", "created": 1, "updated": 0, "unchanged": 0}
    # The file is gone once imported: the same token imports nothing twice.
    again = office.post(IO_URL, {"token": token_of(checked)}, follow=True)
    assert "no longer available" in again.content.decode()
    assert ServicePoint.objects.filter(title="广州导入中心").count() == 1


def test_bad_rows_are_listed_by_row_and_column_and_nothing_is_saved(office):
    file = xlsx_upload(
        [
            HEADER.split(","),
            ["好网点", "library", "广东省", "广州市", "09:00", "17:00", "phone", "4", "2", ""],
            ["坏网点", "library", "广东省", "广州市", "25:00", "17:00", "fax", "2", "3", ""],
        ]
    )

    response = office.post(IO_URL, {"file": file})

    assert response.status_code == 422
    body = response.content.decode()
    assert "Nothing was imported: the file has 3 errors." in body
    table = body[body.index('id="report-errors"') :]
    assert re.search(r"<td>3</td>\s*<td>opens</td>\s*<td>“25:00” is not a time", table)
    assert re.search(r"<td>3</td>\s*<td>channels</td>\s*<td>Unknown channel “fax”", table)
    assert re.search(r"<td>3</td>\s*<td>staff_total</td>", table)
    assert 'name="token"' not in body
    assert not ServicePoint.objects.filter(title__in=["好网点", "坏网点"]).exists()
    # The upload form is there again for the corrected file.
    assert 'id="import-form"' in body


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("points.pdf", b"%PDF-1.4 ..."), "Use a .csv or .xlsx file"),
        (xlsx_upload([["name"]], name="points.csv"), "This file is not a CSV text file"),
        (SimpleUploadedFile("points.xlsx", b"name,category\n"), "This is not an XLSX workbook"),
        (SimpleUploadedFile("points.csv", "名称\n".encode("gbk")), "not UTF-8 encoded"),
    ],
)
def test_wrong_files_get_a_clear_error(office, upload, message):
    response = office.post(IO_URL, {"file": upload})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'id="import-report"' not in response.content.decode()


def test_a_file_over_the_limit_is_refused(office, settings):
    settings.POINT_IMPORT_MAX_BYTES = 100
    response = office.post(IO_URL, {"file": csv_upload(HEADER + "\n" + "x," * 60)})
    assert "files up to 100" in response.content.decode()


def test_a_token_is_only_good_for_the_editor_who_checked_the_file(
    office, office_user, directory_page, client
):
    checked = office.post(
        IO_URL, {"file": csv_upload(f"{HEADER}\n别人的网点,library,广东省,,,,,,,\n")}
    )
    other = office_user.__class__.objects.create_superuser("boss", "boss@example.com", "pw-123456")

    response = admin_client_for(other, client).post(
        IO_URL, {"token": token_of(checked)}, follow=True
    )

    assert "no longer available" in response.content.decode()
    assert not ServicePoint.objects.filter(title="别人的网点").exists()


def test_point_staff_get_403_and_no_menu_item(make_point, make_staff, office):
    staff = admin_client_for(make_staff(make_point()))

    refused = staff.get(IO_URL)
    assert refused.status_code == 403 and "Only the IP office" in refused.content.decode()
    assert staff.post(IO_URL, {"file": csv_upload(HEADER)}).status_code == 403
    assert staff.get(EXPORT_URL + "?format=csv").status_code == 403
    assert IO_URL not in staff.get("/admin/").content.decode()
    assert IO_URL in office.get("/admin/").content.decode()
