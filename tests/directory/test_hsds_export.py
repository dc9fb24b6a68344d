"""The HSDS 3.0 export: valid against the HSDS schemas, stable ids, only listed points."""

import csv
import datetime
import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.hsds import jobs, profile, schemas, store, validation
from directory.hsds.ids import NAMESPACE
from directory.hsds.package import columns
from directory.models import PointCategory, PointLocation, ServiceItem

from ..factories import region

pytestmark = pytest.mark.django_db

ASKER_NAME = "王小明"
ASKER_EMAIL = "asker-secret@example.com"
HEAD_NAME = "赵负责人"


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def points(make_point):
    library = make_point(
        title="广州测试图书馆",
        category="library",
        city="440100",
        district="440104",
        latitude=23.1291,
        longitude=113.2644,
        qualifications=["tisc", "city_point"],
        audiences=["public", "enterprise"],
        offerings=[("B03", "basic", "free"), ("P03", "professional", "low_cost", "500元/项")],
        description="<p>提供<b>专利导航</b>。</p>",
        phone="020-0000-0001",
        email="library@example.com",
        contact_person="联系人甲",
        head_name=HEAD_NAME,
        staff_total=8,
        staff_full_time=5,
        databases="incoPat\nCNKI",
        recognition_date=datetime.date(2024, 5, 1),
        open_days="Mo-Sa",
        opens=datetime.time(8, 30),
        hours_note="节假日休息",
    )
    PointLocation.objects.create(
        point=library,
        name="黄埔工作站",
        region=region("440112"),
        address="科学城1号",
        hours="周三下午",
    )
    firm = make_point(title="深圳测试代理机构", category="market_agency", city="440300")
    make_point(title="暂停的网点", status="suspended")
    make_point(title="撤销的网点", status="revoked")
    make_point(title="草稿网点", live=False)
    return {"library": library, "firm": firm}


def test_every_row_and_every_full_service_validates_against_hsds(points):
    tables = validation.current_tables()

    assert len(tables["organization"]) == 2
    assert {"service", "location", "address", "schedule", "attribute", "taxonomy_term"} <= {
        table for table, rows in tables.items() if rows
    }
    assert validation.table_errors(tables) == []
    assert validation.service_errors(tables) == []


def test_the_validation_catches_a_broken_row(points):
    """The check above can fail: a service without its required status does not pass."""
    tables = validation.current_tables()
    del tables["service"][0]["status"]
    tables["schedule"][0]["freq"] = "DAILY"

    errors = validation.table_errors(tables)
    assert any("status" in error for error in errors)
    assert any("DAILY" in error for error in errors)


def test_only_listed_points_of_the_default_language_are_exported(points, make_point):
    hidden = make_point(title="受限网点")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    names = {row["name"] for row in validation.current_tables()["organization"]}

    assert names == {"广州测试图书馆", "深圳测试代理机构"}


def test_ids_are_uuid5_of_our_keys_and_stable_across_runs(points):
    first = validation.current_tables()
    second = validation.current_tables()

    for table in first:
        assert [row["id"] for row in first[table]] == [row["id"] for row in second[table]]
    library = points["library"]
    organization = next(r for r in first["organization"] if r["name"] == library.title)
    assert organization["id"] == str(uuid.uuid5(NAMESPACE, f"organization/{library.pk}"))
    all_ids = [row["id"] for rows in first.values() for row in rows]
    assert len(all_ids) == len(set(all_ids))


def test_taxonomy_holds_the_catalogue_under_its_tiers_and_the_categories(points):
    tables = validation.current_tables()
    terms = {(t["taxonomy_id"], t["code"]): t for t in tables["taxonomy_term"]}
    taxonomies = {t["id"]: t for t in tables["taxonomy"]}
    catalogue = next(
        i for i, t in taxonomies.items() if t["version"] and "catalogue" in t["name_en"]
    )
    category = next(i for i, t in taxonomies.items() if t["name_en"] == "Point categories")

    for item in ServiceItem.objects.filter(locale__language_code="zh-hans"):
        term = terms[(catalogue, item.code)]
        assert term["name"] == item.name
        assert term["parent_id"] == terms[(catalogue, item.tier)]["id"]
    agency = PointCategory.objects.get(code="market_agency", locale__language_code="zh-hans")
    assert terms[(category, "market_agency")]["name"] == agency.name
    assert terms[(category, "market_agency")]["parent_id"] == terms[(category, "market_firm")]["id"]
    assert "parent_id" not in terms[(category, "library")]


def test_points_carry_the_china_ip_profile(points):
    tables = validation.current_tables()
    terms = {t["id"]: t for t in tables["taxonomy_term"]}
    library = next(r for r in tables["organization"] if r["name"] == "广州测试图书馆")

    assert library["description"] == "提供专利导航。"
    assert library["uri"] == points["library"].get_full_url()
    assert library["staff_total"] == 8 and library["staff_full_time"] == 5
    assert library["databases"] == "incoPat\nCNKI"
    assert library["recognition_date"] == "2024-05-01"
    assert library["recognition_status"] == "active"
    linked = {
        terms[a["taxonomy_term_id"]]["code"]
        for a in tables["attribute"]
        if a["link_id"] == library["id"]
    }
    assert {"library", "tisc", "city_point", "public", "enterprise"} <= linked

    services = {
        s["catalogue_code"]: s for s in tables["service"] if s["organization_id"] == library["id"]
    }
    assert services["P03"]["service_tier"] == "professional"
    assert services["P03"]["fee_kind"] == "low_cost"
    assert services["P03"]["price_note"] == "500元/项"
    assert services["B03"]["fee_kind"] == "free"
    costs = {c["service_id"]: c for c in tables["cost_option"]}
    assert costs[services["B03"]["id"]]["amount"] == 0
    assert costs[services["B03"]["id"]]["currency"] == "CNY"

    locations = [loc for loc in tables["location"] if loc["organization_id"] == library["id"]]
    assert {loc["name"] for loc in locations} == {"广州测试图书馆", "黄埔工作站"}
    main = next(loc for loc in locations if loc["name"] == "广州测试图书馆")
    assert main["latitude"] == pytest.approx(23.1291)
    schedule = next(s for s in tables["schedule"] if s.get("location_id") == main["id"])
    assert schedule["byday"] == "MO,TU,WE,TH,FR,SA"
    assert schedule["opens_at"] == "08:30+08:00"
    assert schedule["description"] == "节假日休息"
    address = next(a for a in tables["address"] if a["location_id"] == main["id"])
    assert (address["state_province"], address["city"], address["region"]) == (
        "广东省",
        "广州市",
        "越秀区",
    )
    assert address["country"] == "CN" and address["adcode"] == "440104"


def test_city_centre_coordinates_are_not_exported_as_a_place(points):
    tables = validation.current_tables()
    firm = next(r for r in tables["organization"] if r["name"] == "深圳测试代理机构")
    location = next(loc for loc in tables["location"] if loc["organization_id"] == firm["id"])

    assert points["firm"].coordinates_approximate
    assert location["coordinates_approximate"] is True
    assert "latitude" not in location and "longitude" not in location


def test_no_personal_data_of_askers_or_staff(points, make_request, make_staff):
    make_request(points["library"], name=ASKER_NAME, email=ASKER_EMAIL)
    make_staff(points["library"], username="staff-secret-login")
    build = store.write_build()

    for kind in ("json", "zip"):
        with store.storage().open(build.files[kind]["name"]) as handle:
            data = handle.read()
        text = data.decode("utf-8") if kind == "json" else _zip_text(data)
        assert "广州测试图书馆" in text
        for secret in (
            ASKER_NAME,
            ASKER_EMAIL,
            HEAD_NAME,
            "staff-secret-login",
            "staff@example.com",
        ):
            assert secret not in text


def _zip_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def _expected_columns(table: str) -> list[str]:
    """HSDS's tabular profile, read here independently: its scalar columns, in order."""
    spec = schemas.tabular()[table]["items"]["properties"]
    return [
        name for name, prop in spec.items() if prop.get("type") not in ("array", "object", None)
    ]


def test_csv_zip_has_every_table_with_the_tabular_profiles_headers(points):
    build = store.write_build()
    with store.storage().open(build.files["zip"]["name"]) as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    descriptor = json.loads(archive.read("datapackage.json"))
    paths = {resource["name"]: resource["path"] for resource in descriptor["resources"]}

    for table in (
        "organization",
        "service",
        "location",
        "service_at_location",
        "contact",
        "phone",
        "schedule",
        "taxonomy",
        "taxonomy_term",
        "attribute",
        "language",
        "address",
    ):
        assert paths[table] == schemas.tabular()[table]["items"]["path"]
        rows = list(csv.reader(io.StringIO(archive.read(paths[table]).decode("utf-8"))))
        hsds = _expected_columns(table)
        assert rows[0][: len(hsds)] == hsds
        assert rows[0] == columns(table)
        assert len(rows) - 1 == build.counts[table]
    organizations = list(csv.DictReader(io.StringIO(archive.read("organizations.csv").decode())))
    assert {row["name"] for row in organizations} == {"广州测试图书馆", "深圳测试代理机构"}
    assert {row["is_demo"] for row in organizations} == {"false"}


def test_datapackage_is_a_frictionless_tabular_data_package(points):
    build = store.write_build()
    with store.storage().open(build.files["json"]["name"]) as handle:
        package = json.load(handle)

    assert package["profile"] == "tabular-data-package"
    assert package["name"] == "ipsn-hsds"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["hsds"]["version"] == "3.0"
    datetime.datetime.fromisoformat(package["created"])
    names = {resource["name"] for resource in package["resources"]}
    types = {"string", "number", "integer", "boolean", "date", "time", "datetime"}
    for resource in package["resources"]:
        assert resource["profile"] == "tabular-data-resource"
        assert resource["mediatype"] == "application/json"
        fields = [field["name"] for field in resource["schema"]["fields"]]
        assert all(field["type"] in types for field in resource["schema"]["fields"])
        assert resource["schema"]["primaryKey"] in fields
        for key in resource["schema"].get("foreignKeys", []):
            assert key["fields"] in fields
            assert key["reference"]["resource"] in names | {""}
        for row in resource["data"]:
            assert set(row) <= set(fields)
    data = {resource["name"]: resource["data"] for resource in package["resources"]}
    assert validation.table_errors(data) == []


def test_build_queries_do_not_grow_with_the_points(make_point, points):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            validation.current_tables()
        return len(queries)

    before = count()
    for n in range(4):
        point = make_point(
            title=f"新增网点{n}",
            qualifications=["tisc"],
            offerings=[("B03",), ("P03", "professional")],
        )
        PointLocation.objects.create(point=point, name="工作站", address="某路1号")
    assert count() == before


def test_the_daily_job_builds_once_a_day_and_keeps_two_builds(points):
    today = timezone.localdate()
    assert jobs.daily_export(today) == "2 points"
    assert jobs.daily_export(today) == "up to date"
    first = store.current_build()

    store.write_build(timezone.now() + datetime.timedelta(seconds=1))
    store.write_build(timezone.now() + datetime.timedelta(seconds=2))

    _dirs, files = store.storage().listdir(store.FOLDER)
    assert len([f for f in files if f.startswith("manifest-")]) == store.KEEP_BUILDS
    assert first.files["zip"]["name"].split("/")[-1] not in files
    assert store.current_build().created > first.created


def test_the_profile_documentation_names_every_profile_field_and_taxonomy():
    doc = (Path(settings.BASE_DIR) / "docs" / "hsds-profile.md").read_text(encoding="utf-8")

    for field in profile.FIELDS:
        assert f"`{field.table}`" in doc and f"`{field.name}`" in doc, field.name
    for taxonomy in profile.TAXONOMIES:
        assert f"`{taxonomy.code}` | `{taxonomy.link_type}`" in doc, taxonomy.code
