"""Importing points from CSV/XLSX: good files, per-cell errors, all-or-nothing, re-import."""

import csv

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from directory.io import Row, import_points, read_rows
from directory.io.files import FileFormatError
from directory.models import PointOffering, ServicePoint

pytestmark = pytest.mark.django_db

HEADER = [
    "name",
    "category",
    "qualifications",
    "province",
    "city",
    "district",
    "address",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "services",
    "audiences",
    "description",
]


def good_row(**overrides) -> dict[str, str]:
    row = {
        "name": "广州测试图书馆",
        "category": "公共图书馆类服务网点",
        "qualifications": "TISC；省级网点",
        "province": "广东",
        "city": "广州市",
        "district": "越秀区",
        "address": "（演示地址）广州市示例路1号",
        "latitude": "23.13",
        "longitude": "113.27",
        "phone": "020-0000-0001",
        "email": "point-001@example.com",
        "website": "https://example.com/",
        "services": "B03; 专利导航:professional:low_cost:500元/项; V08::negotiable",
        "audiences": "enterprise;社会公众",
        "description": "提供专利检索。\n也提供专利导航。",
    }
    row.update(overrides)
    return row


def write_csv(path, rows, header=HEADER):
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(rows, directory_page, **kwargs):
    return import_points(rows, directory_page=directory_page, **kwargs)


def errors_of(report) -> set[tuple[int, str]]:
    return {(e.row, e.column) for e in report.errors}


def test_csv_file_creates_live_points_with_everything(directory_page, tmp_path):
    path = write_csv(tmp_path / "points.csv", [good_row()])

    report = run(read_rows(path), directory_page)

    assert report.ok, report.errors
    assert report.created == ["广州测试图书馆"]
    point = ServicePoint.objects.child_of(directory_page).get()
    assert point.live and point.live_revision_id and not point.has_unpublished_changes
    assert point.slug == "guang-zhou-ce-shi-tu-shu-guan"
    assert point.category.code == "library"
    assert {q.code for q in point.qualifications.all()} == {"tisc", "provincial_point"}
    assert (point.province.adcode, point.city.adcode, point.district.adcode) == (
        "440000",
        "440100",
        "440104",
    )
    assert (point.latitude, point.longitude) == (23.13, 113.27)
    assert not point.coordinates_approximate
    assert {a.code for a in point.audiences.all()} == {"enterprise", "public"}
    assert point.description == "<p>提供专利检索。</p><p>也提供专利导航。</p>"
    offerings = [(o.service.code, o.tier, o.fee, o.price_note) for o in point.offerings.all()]
    assert offerings == [
        ("B03", "basic", "free", ""),
        ("P03", "professional", "low_cost", "500元/项"),
        ("V08", "value_added", "negotiable", ""),
    ]


def test_xlsx_file_with_numeric_cells_and_chinese_headers(directory_page, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["名称", "类别", "省份", "城市", "纬度", "经度", "联系电话", "服务事项", "资质"])
    sheet.append(
        ["深圳测试大学", "高校", 440000, 440300, 22.54, 114.06, 75500000001, "P03", "高校中心"]
    )
    sheet.append([None] * 9)  # a blank row in the middle is skipped, not an error
    sheet.append(["武汉测试研究所", "research", "湖北省", "武汉", None, None, None, "B03", ""])
    workbook.save(tmp_path / "points.xlsx")

    rows = read_rows(tmp_path / "points.xlsx")
    report = run(rows, directory_page)

    assert report.ok, report.errors
    assert [r.number for r in rows] == [2, 4]
    shenzhen = ServicePoint.objects.get(title="深圳测试大学")
    assert shenzhen.city.name == "深圳市" and shenzhen.phone == "75500000001"
    assert shenzhen.latitude == 22.54
    assert [o.tier for o in shenzhen.offerings.all()] == ["professional"]
    wuhan = ServicePoint.objects.get(title="武汉测试研究所")
    # Without coordinates a point stands at its city's centre, flagged as approximate.
    assert wuhan.coordinates_approximate and wuhan.latitude == wuhan.city.latitude


def test_bad_rows_give_errors_per_row_and_column_and_import_nothing(directory_page, tmp_path):
    rows = [
        good_row(name="好的网点"),
        good_row(name="类别错", category="菜市场"),
        good_row(name="服务错", services="B03;不存在的服务"),
        good_row(name="省份错", province="火星省", city="", district=""),
        good_row(name="城市不在省内", province="广东省", city="武汉市", district=""),
        good_row(name="坐标错", latitude="北纬23", longitude="200"),
        good_row(name="基础收费", services="B03:basic:low_cost:100元"),
    ]
    path = write_csv(tmp_path / "bad.csv", rows)

    report = run(read_rows(path), directory_page)

    assert not report.ok
    assert errors_of(report) == {
        (3, "category"),
        (4, "services"),
        (5, "province"),
        (6, "city"),
        (7, "latitude"),
        (7, "longitude"),
        (8, "services"),
    }
    assert ServicePoint.objects.count() == 0
    messages = {(e.row, e.column): e.message for e in report.errors}
    assert "菜市场" in messages[(3, "category")]
    assert "不存在的服务" in messages[(4, "services")]
    assert messages[(8, "services")].startswith("B03:")
    with translation.override("zh-hans"):
        assert str(report.errors[0]).startswith("第 3 行")


def test_model_rules_become_field_errors(directory_page):
    rows = [
        good_row(name="没有层级的节点", kind="node"),
        good_row(name="邮箱错", email="not-an-email"),
        good_row(name="只有纬度", latitude="23.1", longitude=""),
        good_row(name="低收费无说明", services="P03::low_cost"),
    ]
    report = run(rows, directory_page)

    assert errors_of(report) == {
        (2, "node_level"),
        (3, "email"),
        (4, "longitude"),
        (5, "services"),
    }
    assert ServicePoint.objects.count() == 0


def test_file_level_problems_are_reported_on_the_header_row(directory_page, tmp_path):
    report = run([{"name": "甲", "servcies": "B03"}], directory_page)
    assert errors_of(report) == {(1, "servcies"), (1, "category"), (1, "province")}

    report = run([good_row(name="甲"), good_row(name="甲")], directory_page)
    assert errors_of(report) == {(3, "name")}

    with pytest.raises(FileFormatError):
        read_rows(tmp_path / "points.ods")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("name,category\n图书馆,library\n".encode("gbk"))
    with pytest.raises(FileFormatError):
        read_rows(gbk)


def test_reimport_updates_the_point_without_duplicating_it(directory_page):
    run([good_row()], directory_page)
    point = ServicePoint.objects.get()
    line = point.offerings.get(service__code="P03")
    line.description = "写在后台的说明"
    line.channel_window = False
    line.save()
    revisions = point.revisions.count()

    changed = good_row(
        phone="020-0000-0009",
        qualifications="TISC",
        services="P03:professional:negotiable; B04",
    )
    report = run([changed], directory_page)

    assert report.updated == ["广州测试图书馆"] and not report.created
    assert ServicePoint.objects.count() == 1
    point = ServicePoint.objects.get()
    assert point.phone == "020-0000-0009"
    assert [q.code for q in point.qualifications.all()] == ["tisc"]
    assert [(o.service.code, o.fee) for o in point.offerings.all()] == [
        ("P03", "negotiable"),
        ("B04", "free"),
    ]
    # The line that stayed kept what editors wrote about it in the admin.
    kept = point.offerings.get(service__code="P03")
    assert kept.pk == line.pk and kept.description == "写在后台的说明" and not kept.channel_window
    assert point.revisions.count() == revisions + 1
    assert PointOffering.objects.count() == 2

    report = run([changed], directory_page)
    assert report.unchanged == ["广州测试图书馆"]
    assert point.revisions.count() == revisions + 1


def test_columns_absent_from_the_file_are_left_alone(directory_page):
    run([good_row(kind="node", node_level="省级节点", status="suspended")], directory_page)

    report = run(
        [{"name": "广州测试图书馆", "category": "library", "province": "440000"}], directory_page
    )

    assert report.unchanged == ["广州测试图书馆"]
    point = ServicePoint.objects.get()
    assert point.city.name == "广州市"
    assert point.kind == "node" and point.node_level.code == "provincial"
    assert point.status == "suspended" and point.phone == "020-0000-0001"
    assert point.offerings.count() == 3


def test_dry_run_reports_and_saves_nothing(directory_page):
    report = run([good_row()], directory_page, dry_run=True)

    assert report.ok and report.created == ["广州测试图书馆"]
    with translation.override("en"):
        assert "Dry run" in report.summary()
    assert ServicePoint.objects.count() == 0


def test_slugs_are_pinyin_and_unique_among_siblings(directory_page):
    report = run(
        [
            good_row(name="测试"),
            good_row(name="策士"),
            good_row(name="上海图书馆（上海科学技术情报研究所）"),
        ],
        directory_page,
    )

    assert report.ok, report.errors
    slugs = dict(ServicePoint.objects.values_list("title", "slug"))
    assert slugs["测试"] == "ce-shi" and slugs["策士"] == "ce-shi-2"
    assert slugs["上海图书馆（上海科学技术情报研究所）"].isascii()


@translation.override("en")
def test_command_imports_and_fails_with_the_report(directory_page, tmp_path, capsys):
    good = write_csv(tmp_path / "good.csv", [good_row()])
    call_command("import_points", str(good))
    assert "1 created" in capsys.readouterr().out

    bad = write_csv(tmp_path / "bad.csv", [good_row(name="新网点", category="菜市场")])
    with pytest.raises(CommandError) as error:
        call_command("import_points", str(bad))
    assert "Row 2, column “category”" in str(error.value)
    assert ServicePoint.objects.count() == 1


def test_rows_without_numbers_count_from_the_first_data_row(directory_page):
    report = run(
        [good_row(name="甲"), Row(good_row(name="乙", category="?"), number=9)], directory_page
    )
    assert errors_of(report) == {(9, "category")}


def test_names_match_across_full_and_half_width_punctuation(directory_page):
    run([good_row(name="上海图书馆（上海科学技术情报研究所）")], directory_page)
    slug = ServicePoint.objects.get().slug

    report = run([good_row(name="上海图书馆(上海科学技术情报研究所)")], directory_page)

    assert report.updated == ["上海图书馆(上海科学技术情报研究所)"]
    point = ServicePoint.objects.get()
    assert point.title == "上海图书馆(上海科学技术情报研究所)" and point.slug == slug
