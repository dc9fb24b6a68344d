"""The demo directory's rows: real names from data/points_real.csv, made-up details, no database.

The loaded demo site is checked in tests/directory/test_demo_site.py.
"""

import csv
import re

import pytest

from directory import demo


def organisation(name: str) -> demo.Organisation:
    return next(o for o in demo.read_organisations() if o.name == name)


def test_rows_of_one_organisation_fold_into_one():
    organisations = demo.read_organisations()
    with demo.DATA_FILE.open(encoding="utf-8-sig") as handle:
        names = {row["name"] for row in csv.DictReader(handle)}

    assert len(organisations) == len(names)
    sjtu = organisation("上海交通大学")
    assert sjtu.types == ["tisc", "university_center"]
    assert demo.infer_qualifications(sjtu) == ["tisc", "university_center"]
    assert "；" in demo.demo_row(sjtu, 1)["recognition_note"]


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("厦门大学", "university"),
        ("中国科学院文献情报中心", "research"),  # 科学院 contains 学院
        ("上海图书馆（上海科学技术情报研究所）", "library"),
        ("上海光华专利事务所", "market_agency"),
        ("北京国知专利预警咨询有限公司", "market_consulting"),
        ("华东师范大学", "university"),
        ("中国重庆（汽车摩托车）知识产权快速维权中心", "rights_aid"),
        ("上海知识产权园有限公司", "park"),
        ("中国（宁德）知识产权保护中心", "other"),
    ],
)
def test_category_comes_from_type_or_name(name, category):
    assert demo.infer_category(organisation(name)) == category


def test_qualifications_and_node_levels_come_from_the_programme_text():
    assert demo.infer_qualifications(organisation("西宁市图书馆")) == ["provincial_point"]
    # A Shanghai “市” point is province-level: Shanghai is a province-level municipality.
    assert demo.infer_qualifications(organisation("上海大学")) == ["provincial_point"]
    gd_library = organisation("广东省科技图书馆（广东省科学院信息研究所）")
    assert demo.infer_qualifications(gd_library) == ["national_point", "city_point"]
    assert demo.infer_qualifications(organisation("景德镇陶瓷大学图书馆")) == ["patent_doc_point"]
    yantai = demo.demo_row(organisation("烟台市知识产权保护中心"), 1)
    assert (yantai["kind"], yantai["node_level"], yantai["qualifications"]) == (
        "node",
        "municipal",
        "",
    )
    jiangsu = demo.demo_row(organisation("江苏省知识产权保护中心（江苏省专利信息服务中心）"), 1)
    assert (jiangsu["node_level"], jiangsu["recognition_level"]) == ("provincial", "provincial")


def test_demo_rows_are_deterministic_placeholders():
    rows = demo.demo_rows()

    assert rows == demo.demo_rows()
    for number, row in enumerate(rows, start=1):
        assert re.fullmatch(r"010-0000-\d{4}", row["phone"])
        assert row["email"] == f"point-{number:03d}@example.com"
        assert row["address"].startswith("（演示地址）") and row["is_demo"] == "1"
        services = row["services"].split(";")
        assert 6 <= len(services) <= 12
        for cell in services:
            code, tier, *fee = cell.split(":")
            assert fee[:1] in ([], ["low_cost"], ["negotiable"]) and (tier != "basic" or not fee)
        # Every service offered is named in the description, so keyword search finds it.
        for code in (c.split(":")[0] for c in services):
            assert demo.SERVICE_NAMES[code] in row["description"]
