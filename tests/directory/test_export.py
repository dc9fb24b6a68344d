"""Export in the import format: round trips change nothing, formulas never run."""

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from directory.io import COLUMNS, export_rows, import_points, read_rows, write_rows
from directory.models import ServicePoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def points(make_point):
    return [
        make_point(
            title="广州测试图书馆",
            category="library",
            city="440100",
            district="440104",
            latitude=23.13,
            longitude=113.27,
            qualifications=["tisc", "city_point"],
            audiences=["public", "enterprise"],
            offerings=[
                ("B03", "basic", "free"),
                ("P03", "professional", "low_cost", "500元/项"),
                ("P11", "basic", "free"),  # the university list's tier, not the catalogue's
                ("V08", "value_added", "negotiable"),
            ],
            description="<p>提供<b>专利导航</b>。</p><p>第二段</p>",
            phone="020-0000-0001",
        ),
        make_point(
            title="北京测试节点",
            category="other",
            city="110100",
            kind="node",
            node_level="municipal",
            recognition_level="city",
            recognition_note="第一批；试点",
            status="suspended",
            offerings=[],
            is_demo=True,
        ),
    ]


def test_point_row_writes_names_codes_and_departures_from_the_catalogue(points, directory_page):
    rows = {row["name"]: row for row in export_rows(directory_page)}

    library = rows["广州测试图书馆"]
    assert library["category"] == "公共图书馆类服务网点"
    assert library["province"] == "广东省" and library["district"] == "越秀区"
    assert (
        library["services"]
        == "B03;P03:professional:low_cost:500元/项;P11:basic;V08:value_added:negotiable"
    )
    assert library["description"] == "提供专利导航。\n第二段"
    node = rows["北京测试节点"]
    assert (node["kind"], node["node_level"], node["status"]) == ("node", "地市级节点", "suspended")
    # A city-centre position is the model's default, not data: it is left for the import to redo.
    assert node["latitude"] == "" and node["is_demo"] == "1"


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_import_export_round_trips_unchanged(points, directory_page, tmp_path, suffix):
    first = tmp_path / f"first.{suffix}"
    call_command("export_points", str(first))
    revisions = {p.pk: p.revisions.count() for p in ServicePoint.objects.all()}

    report = import_points(read_rows(first), directory_page=directory_page)

    assert report.ok, report.errors
    assert sorted(report.unchanged) == ["北京测试节点", "广州测试图书馆"]
    assert {p.pk: p.revisions.count() for p in ServicePoint.objects.all()} == revisions
    # Rich text an editor formatted survives, since its text did not change.
    assert "<b>" in ServicePoint.objects.get(title="广州测试图书馆").description
    second = tmp_path / f"second.{suffix}"
    call_command("export_points", str(second))
    assert read_rows(second) == read_rows(first)
    assert [r.number for r in read_rows(second)] == [2, 3]


def test_round_trip_into_an_empty_directory_recreates_the_points(points, directory_page, tmp_path):
    path = tmp_path / "points.csv"
    write_rows(path, COLUMNS, export_rows(directory_page))
    before = export_rows(directory_page)
    for point in ServicePoint.objects.all():
        point.delete()

    report = import_points(read_rows(path), directory_page=directory_page)

    assert report.ok and len(report.created) == 2
    assert export_rows(directory_page) == before


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_formula_cells_are_neutralised_and_restored(make_point, directory_page, tmp_path, suffix):
    make_point(
        title='=HYPERLINK("http://evil.example","点我")',
        phone="+86 20 0000 0001",
        contact_person="@admin",
        address="-1号楼",
        offerings=[],
    )
    path = tmp_path / f"points.{suffix}"
    call_command("export_points", str(path))

    if suffix == "csv":
        raw = path.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in raw and "'+86 20" in raw and "'@admin" in raw and "'-1号楼" in raw
    else:
        sheet = load_workbook(path).active
        cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
        assert all(cell.data_type != "f" for cell in cells)
        assert sheet["A2"].value.startswith("'=")

    row = read_rows(path)[0]
    assert row["name"].startswith("=HYPERLINK") and row["phone"] == "+86 20 0000 0001"
    report = import_points([row], directory_page=directory_page)
    assert report.unchanged == [row["name"]]
