"""What a first visitor meets on the directory and a profile: honest distances, filters that
show what is applied, the position kept out of the form, nested sub-kinds, open now."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from directory.filters import parse_directory_query
from directory.listing import run_directory_query
from directory.opening import CHINA

pytestmark = pytest.mark.django_db

NEAR_GUANGZHOU = "23.129,113.264"
# 中山大学's south campus, 5 km from the centre of Guangzhou.
SYSU = {"latitude": 23.0966, "longitude": 113.2988}


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def card_of(page: BeautifulSoup, title: str):
    link = page.find("a", string=title)
    assert link is not None, f"No card for {title}"
    return link.find_parent("article")


def test_a_point_at_its_city_centre_shows_its_city_not_a_false_distance(client, make_point):
    make_point(title="市中心网点", city="440100")  # no coordinates: placed at the city's centre
    make_point(title="精确网点", city="440100", **SYSU)

    page = soup(client, f"/directory/?near={NEAR_GUANGZHOU}")
    approximate = card_of(page, "市中心网点")
    assert approximate.select_one(".place-approximate") is not None
    assert "广州" in approximate.select_one(".place-approximate").get_text()
    assert approximate.select_one(".distance") is None, "An approximate point shows a distance"
    assert "0.0" not in approximate.get_text()
    exact = card_of(page, "精确网点")
    assert exact.select_one(".distance").get_text(strip=True).startswith("5.1")


def test_exact_points_nearby_come_before_points_only_known_by_city(make_point):
    make_point(title="市中心网点", city="440100")
    make_point(title="精确网点", city="440100", **SYSU)
    make_point(title="佛山精确网点", city="440600", latitude=23.02, longitude=113.12)  # ~19 km

    for params in (
        {"near": NEAR_GUANGZHOU},
        {"city": "440100"},
        {"near": NEAR_GUANGZHOU, "q": "网点"},
    ):
        titles = [p.title for p in run_directory_query(parse_directory_query(params)).points]
        # 5 km exact, then "somewhere in Guangzhou" (0 km from its centre), then 19 km away.
        expected = ["精确网点", "市中心网点", "佛山精确网点"]
        assert titles == [t for t in expected if t in titles], (params, titles)


def test_a_chosen_city_shows_its_province_in_the_province_control(client, make_point):
    make_point(title="广州网点", city="440100")
    make_point(title="北京网点", city="110100")

    page = soup(client, "/directory/?city=440100")
    chosen = page.select_one("#id_province option[selected]")
    assert chosen is not None and chosen["value"] == "guangdong"
    # The province facet shows it chosen too, and its link widens to the whole country.
    selected = page.select_one("section[aria-labelledby=facet-province] a[aria-current=true]")
    assert selected is not None and "city=" not in selected["href"]
    assert page.select_one("section[aria-labelledby=facet-city] a[aria-current=true]")


def test_a_landing_page_preselects_its_province_and_lets_the_form_change_it(
    client, make_point, directory_page
):
    make_point(title="广州网点", city="440100")
    make_point(title="北京网点", city="110100")

    page = soup(client, "/directory/guangdong/")
    assert page.select_one("#id_province option[selected]")["value"] == "guangdong"
    # Sent to the landing URL, its own province would override the visitor's choice.
    assert page.select_one("form#directory-filters")["action"] == directory_page.url


def test_the_position_is_a_hidden_parameter_not_a_text_box(client, make_point):
    make_point(title="广州网点", city="440100")

    page = soup(client, f"/directory/?near={NEAR_GUANGZHOU}")
    near = page.select("form#directory-filters [name=near]")
    assert len(near) == 1 and near[0]["type"] == "hidden"
    assert near[0]["value"] == "23.12900,113.26400"
    assert not page.find("label", attrs={"for": "id_near"})
    # The visitor can drop the position again.
    forget = page.select_one("#near-current a")
    assert forget is not None and "near=" not in forget["href"]


def test_market_firm_sub_kinds_are_nested_under_their_parent(client, make_point):
    make_point(title="代理公司", category="market_agency")
    make_point(title="咨询公司", category="market_consulting")
    make_point(title="图书馆", category="library")

    page = soup(client, "/directory/")
    facet = page.select_one("section[aria-labelledby=facet-category]")
    top_items = facet.select(":scope > ul > li")
    parents = [li for li in top_items if li.select_one("ul.facet-subkinds")]
    assert len(parents) == 1
    parent_link = parents[0].find("a", recursive=False)
    assert "category=market_firm" in parent_link["href"]
    assert "(2)" in parent_link.get_text() or "2" in parent_link.select_one(".badge").get_text()
    nested = [a["href"] for a in parents[0].select("ul.facet-subkinds a")]
    assert len(nested) == 2
    assert all("category=market_" in href for href in nested)
    top_links = " ".join(li.find("a")["href"] for li in top_items)
    assert "market_agency" not in top_links.replace(" ".join(nested), "")


def test_the_filters_button_counts_the_active_filters(client, make_point):
    make_point(title="广州网点", city="440100")

    plain = soup(client, "/directory/?q=网点")
    assert plain.select_one(".filters-toggle")["data-active"] == "0"
    filtered = soup(client, "/en/directory/?q=网点&province=guangdong&service=B03&tier=basic")
    toggle = filtered.select_one(".filters-toggle")
    assert toggle["data-active"] == "3"
    assert toggle["aria-controls"] == "filter-panel"
    assert filtered.select_one("#filter-panel") is not None


def test_the_skip_link_leads_to_the_results(client, make_point):
    make_point(title="广州网点", city="440100")

    page = soup(client, "/directory/")
    skip = page.select_one("a.skip-to-results")
    target = page.select_one("#results")
    assert skip["href"] == "#results" and target["tabindex"] == "-1"
    # Before the filter form: that is what it skips.
    html = str(page)
    assert html.index("skip-to-results") < html.index('id="directory-filters"')


def test_profile_puts_contact_call_and_ask_before_the_service_list(client, make_point):
    point = make_point(title="广州网点", city="440100", phone="020 8888 0001")

    page = soup(client, point.url)
    for script in page.find_all("script"):
        script.decompose()  # JSON-LD names the number for search engines
    html = str(page)
    assert html.index('id="contact"') < html.index('id="services-title"')
    call = page.select_one("a.contact-call")
    assert call["href"] == "tel:02088880001"
    assert page.select_one("a.contact-ask")["href"] == "#ask"
    assert page.select_one("#ask") is not None
    # The number is said once: on the call button, not again in the details below.
    assert html.count("020 8888 0001") == 1


def _open_all_day(make_point, title="全天网点"):
    return make_point(
        title=title,
        city="440100",
        open_days="Mo-Su",
        opens=datetime.time(0, 0),
        closes=datetime.time(23, 59),
    )


def test_open_now_on_the_profile_and_the_card(client, make_point):
    point = _open_all_day(make_point)

    profile = soup(client, point.url).select_one("#contact .open-now")
    assert profile["data-state"] == "open"
    intervals = json.loads(profile["data-opening"])
    assert len(intervals) == 2 and intervals[0]["from"] <= timezone.now().timestamp() * 1000
    card = card_of(soup(client, "/directory/"), "全天网点").select_one(".open-now")
    assert card["data-state"] == "open"


def test_a_holiday_today_closes_the_point(client, make_point):
    from services.models import CalendarDay

    point = _open_all_day(make_point)
    today = timezone.now().astimezone(CHINA).date()
    CalendarDay.objects.create(date=today, name="测试假日")

    status = soup(client, point.url).select_one("#contact .open-now")
    assert status["data-state"] == "closed"
    first = json.loads(status["data-opening"])[0]
    assert datetime.datetime.fromtimestamp(first["from"] / 1000, CHINA).date() > today


def test_the_listing_is_not_cached_past_the_next_opening_change(rf, make_point, directory_page):
    from directory.views import directory_view

    now = timezone.now().astimezone(CHINA)
    closes = (now + datetime.timedelta(minutes=5)).time().replace(second=0, microsecond=0)
    if closes <= now.time():
        pytest.skip("Too close to midnight in China for a point closing in five minutes")
    make_point(
        title="快关门网点", city="440100", open_days="Mo-Su", opens=datetime.time(0), closes=closes
    )

    request = rf.get("/directory/")
    request.user = AnonymousUser()
    response = directory_view(request, directory_page)
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 300  # not the page cache's usual 600 s
