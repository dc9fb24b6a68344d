"""Hours, channels, staff counts and databases in the spreadsheet format, both ways."""

import datetime

import pytest
from django.utils import translation

from directory.io import export_rows, import_points, read_rows, write_rows
from directory.io.columns import COLUMNS
from directory.models import ServicePoint

pytestmark = pytest.mark.django_db


def row(**cells) -> dict[str, str]:
    return {"name": "广州时段测试馆", "category": "library", "province": "广东", **cells}


@pytest.fixture
def point(make_point):
    return make_point(
        title="广州时段测试馆",
        open_days="Mo-Sa",
        opens=datetime.time(8, 30),
        closes=datetime.time(17, 45, 30),
        hours_note="午休12:00–13:30；法定节假日闭馆",
        channel_online=False,
        staff_total=8,
        staff_full_time=5,
        staff_part_time=3,
        databases="incoPat\nCNKI 中国知网",
    )


def test_export_writes_the_new_columns(point, directory_page):
    exported = export_rows(directory_page)[0]

    assert {c: exported[c] for c in COLUMNS[-9:]} == {
        "open_days": "Mo-Sa",
        "opens": "08:30",
        "closes": "17:45:30",
        "hours_note": "午休12:00–13:30；法定节假日闭馆",
        "channels": "phone;window",
        "staff_total": "8",
        "staff_full_time": "5",
        "staff_part_time": "3",
        "databases": "incoPat\nCNKI 中国知网",
    }


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_round_trip_changes_nothing(point, directory_page, tmp_path, suffix):
    path = tmp_path / f"points.{suffix}"
    write_rows(path, COLUMNS, export_rows(directory_page))
    revisions = point.revisions.count()

    report = import_points(read_rows(path), directory_page=directory_page)

    assert report.ok, report.errors
    assert report.unchanged == ["广州时段测试馆"]
    assert point.revisions.count() == revisions


def test_import_reads_the_offices_words_and_sets_the_fields(directory_page):
    report = import_points(
        [
            {
                "名称": "广州时段测试馆",
                "类别": "公共图书馆",
                "省份": "广东",
                "服务日": "周一至周六",
                "开始时间": "８：３０",
                "结束时间": "17.30",
                "服务渠道": "电话；现场",
                "人员总数": "6",
                "专职人员": "4",
                "兼职人员": "",
                "数据库": "incoPat",
            }
        ],
        directory_page=directory_page,
    )

    assert report.ok, report.errors
    point = ServicePoint.objects.get(title="广州时段测试馆")
    assert (point.open_days, point.opens, point.closes) == (
        "Mo-Sa",
        datetime.time(8, 30),
        datetime.time(17, 30),
    )
    assert (point.channel_phone, point.channel_online, point.channel_window) == (True, False, True)
    assert (point.staff_total, point.staff_full_time, point.staff_part_time) == (6, 4, None)
    assert point.databases == "incoPat"


def test_empty_cells_mean_the_defaults(point, directory_page):
    report = import_points(
        [row(open_days="", opens="", closes="", channels="", staff_total="")],
        directory_page=directory_page,
    )

    assert report.ok, report.errors
    point.refresh_from_db()
    assert (point.open_days, point.opens, point.closes) == (
        "Mo-Fr",
        datetime.time(9),
        datetime.time(17),
    )
    assert not (point.channel_phone or point.channel_online or point.channel_window)
    assert point.staff_total is None


def test_bad_cells_are_reported_by_column(directory_page):
    with translation.override("en"):
        report = import_points(
            [
                row(
                    opens="9点",
                    closes="24:00",
                    open_days="weekends",
                    channels="phone;fax",
                    staff_total="五",
                    staff_full_time="-1",
                )
            ],
            directory_page=directory_page,
        )
        messages = {(e.column, e.message) for e in report.errors}

    assert ("opens", "“9点” is not a time: write it as 09:00 or 17:30.") in messages
    assert ("closes", "“24:00” is not a time: write it as 09:00 or 17:30.") in messages
    assert ("open_days", "Unknown value “weekends”.") in messages
    assert ("channels", "Unknown channel “fax”: use phone, online or window.") in messages
    assert {"staff_total", "staff_full_time"} <= {column for column, _ in messages}
    assert not ServicePoint.objects.filter(title="广州时段测试馆").exists()


def test_staff_counts_must_add_up(directory_page):
    with translation.override("en"):
        report = import_points(
            [row(staff_total="3", staff_full_time="2", staff_part_time="2")],
            directory_page=directory_page,
        )

    assert [(e.row, e.column) for e in report.errors] == [(2, "staff_total")]
    assert "cannot exceed" in report.errors[0].message
