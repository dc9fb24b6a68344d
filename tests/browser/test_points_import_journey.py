"""The office downloads the directory, uploads a spreadsheet, reads the dry run and imports it;
a point's staff are refused the screen.

Selectors use URLs, names and ids, never translated text.
"""

import json
import secrets

import pytest
from playwright.sync_api import expect

from .admin import log_in

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
IO_PATH = "/admin/directory/points/io/"
NAME = f"浏览器导入测试中心{secrets.token_hex(2)}"

SETUP = """
import json
from django.contrib.auth.models import Group
from home.core.models import User
user = User.objects.filter(username={username!r}).first() or User(username={username!r})
user.email = "office-import@example.com"
user.is_active = True
user.set_password({password!r})
user.save()
user.groups.add(Group.objects.get(name="Editors"))
from directory.models import ServicePoint
point = ServicePoint.objects.filter(city__adcode="440100").order_by("pk").first()
print(json.dumps({{"point_slug": point.slug}}))
"""


@pytest.fixture(scope="module")
def accounts(manage, point_staff):
    username = f"import-office-{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    output = manage(
        "shell", "--no-imports", "-v", "0", "-c", SETUP.format(username=username, password=password)
    )
    data = json.loads(output.strip().splitlines()[-1])
    return {"office": (username, password), "staff": point_staff(data["point_slug"])}


def test_office_exports_checks_and_imports_points(new_context, accounts, assert_accessible):
    office = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    log_in(office, *accounts["office"], IO_PATH)

    with office.expect_download() as download:
        office.locator("#export-csv").click()
    with open(download.value.path(), encoding="utf-8-sig") as exported:
        header = exported.readline().strip()
    assert header.startswith("name,category,qualifications,province")
    assert header.split(",")[-9:] == [
        *("open_days", "opens", "closes", "hours_note", "channels"),
        *("staff_total", "staff_full_time", "staff_part_time", "databases"),
    ]

    csv = (
        "name,category,province,city,opens,closes,channels\n"
        f"{NAME},library,广东省,广州市,08:30,17:30,phone\n"
    )
    office.locator("#id_file").set_input_files(
        {"name": "points.csv", "mimeType": "text/csv", "buffer": csv.encode("utf-8")}
    )
    office.locator("#import-form button[type=submit]").click()
    expect(office.locator("#report-created")).to_contain_text(NAME)
    assert_accessible(office)

    office.locator("#import-apply button[type=submit]").click()
    expect(office.locator(".messages")).to_contain_text("points.csv")
    expect(office.locator("#import-report")).to_have_count(0)

    # The new point is live in the public directory.
    office.goto(f"/directory/?q={NAME}")
    expect(office.locator(".point-list")).to_contain_text(NAME)

    # A point's staff member: refused, and no menu item.
    staff = new_context(viewport=DESKTOP, is_mobile=False, has_touch=False).new_page()
    log_in(staff, *accounts["staff"], "/admin/")
    expect(staff.locator(f"a[href='{IO_PATH}']")).to_have_count(0)
    response = staff.goto(IO_PATH)
    assert response.status == 403
