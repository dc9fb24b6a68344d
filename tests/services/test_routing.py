"""Which point answers a question: each rule of services.routing, and the reason it stores."""

import pytest
from wagtail.models import Locale

from directory.models import PointOffering, ServiceItem, ServicePoint
from services.handling import change_status
from services.models import RoutingRule, Status
from services.routing import route

from ..factories import reference, region

pytestmark = pytest.mark.django_db

GUANGZHOU, SHENZHEN, FOSHAN, BEIJING = "440100", "440300", "440600", "110100"


def ask(service="B03", city=GUANGZHOU, point=None):
    return route(
        service=reference(ServiceItem, service) if service else None,
        city=region(city),
        point=point,
    )


def assert_names(decision, *points):
    assert decision.reason.strip()
    for point in points:
        assert point.title in decision.reason


@pytest.fixture
def node(make_point):
    """Guangdong's provincial node; it offers nothing itself."""
    return make_point(title="广东省节点", kind="node", node_level="provincial", offerings=())


def test_asked_on_an_active_profile_goes_to_that_point(make_point):
    make_point(title="广州网点", city=GUANGZHOU)
    chosen = make_point(
        title="深圳网点", city=SHENZHEN, offerings=[("P01", "professional", "low_cost")]
    )

    decision = ask("P01", point=chosen)

    assert decision.point == chosen
    assert decision.rule == RoutingRule.PROFILE
    # The point's own tier for the service is recorded, not only the catalogue's.
    assert decision.tier == "professional"
    assert_names(decision, chosen)


def test_profile_of_a_suspended_point_falls_back_to_the_general_rules(make_point):
    suspended = make_point(title="暂停网点", city=GUANGZHOU, status="suspended")
    active = make_point(title="在营网点", city=GUANGZHOU)

    decision = ask(point=suspended)

    assert decision.point == active
    assert decision.rule == RoutingRule.SAME_CITY
    # The asker learns why their chosen point did not take it, and who did.
    assert_names(decision, suspended, active)


def test_a_point_in_the_askers_city_beats_a_nearer_one_elsewhere_in_the_province(make_point):
    # Foshan's centre is 19 km from Guangzhou's; this Guangzhou point is ~60 km out, in Conghua.
    make_point(title="佛山网点", city=FOSHAN)
    same_city = make_point(title="从化网点", city=GUANGZHOU, latitude=23.65, longitude=113.55)

    decision = ask()

    assert decision.point == same_city
    assert decision.rule == RoutingRule.SAME_CITY
    assert_names(decision, same_city)


def test_nearer_beats_farther_within_the_province(make_point):
    make_point(title="深圳网点", city=SHENZHEN)  # 104 km, and the lower id
    foshan = make_point(title="佛山网点", city=FOSHAN)  # 19 km

    decision = ask()

    assert decision.point == foshan
    assert decision.rule == RoutingRule.SAME_PROVINCE
    assert_names(decision, foshan)


def test_a_free_offering_beats_a_paid_one_at_equal_distance(make_point):
    make_point(title="收费网点", offerings=[("P01", "professional", "low_cost")])
    free = make_point(title="免费网点", offerings=[("P01", "professional", "free")])

    decision = ask("P01")

    assert decision.point == free
    assert decision.tier == "professional"


def test_a_free_basic_offering_beats_a_free_professional_one(make_point):
    make_point(title="免费专业网点", offerings=[("P01", "professional", "free")])
    basic = make_point(title="公益网点", offerings=[("P01", "basic", "free")])

    decision = ask("P01")

    assert decision.point == basic
    assert decision.tier == "basic"


def test_fewest_open_requests_breaks_a_tie(make_point, make_request, office_user):
    busy = make_point(title="繁忙网点")
    quiet = make_point(title="空闲网点")
    waiting = make_request(point=busy)

    assert ask().point == quiet

    # A closed request no longer weighs: back to the lowest id.
    change_status(waiting, Status.CLOSED, office_user)
    assert ask().point == busy


def test_lowest_id_is_the_final_tie_breaker(make_point):
    first = make_point(title="甲网点")
    make_point(title="乙网点")

    decision = ask()

    assert decision.point == first
    assert "2" in decision.reason  # "chosen from 2 …": the office sees there was a choice


def test_not_sure_which_service_goes_to_the_provincial_node(make_point, node):
    make_point(title="广州网点")

    decision = ask(service=None)

    assert decision.point == node
    assert decision.rule == RoutingRule.PROVINCIAL_NODE
    assert_names(decision, node)


def test_nobody_in_the_province_offering_it_goes_to_the_provincial_node(make_point, node):
    make_point(title="北京网点", city=BEIJING, offerings=[("V01", "value_added", "negotiable")])
    make_point(title="广州网点")  # offers B03 only

    decision = ask("V01")

    assert decision.point == node
    assert decision.rule == RoutingRule.PROVINCIAL_NODE
    assert decision.tier == "value_added"
    assert_names(decision, node)


def test_of_two_provincial_nodes_the_one_with_fewer_open_requests(make_point, make_request, node):
    second = make_point(title="广东省第二节点", kind="node", node_level="provincial", offerings=())
    make_request(point=node)

    assert ask(service=None).point == second


def test_a_city_node_is_not_a_provincial_node(make_point):
    make_point(title="广州市节点", kind="node", node_level="municipal", offerings=())

    decision = ask(service=None)

    assert decision.point is None
    assert decision.rule == RoutingRule.CENTRAL


def test_no_provincial_node_goes_to_the_central_inbox(make_point):
    make_point(title="北京节点", city=BEIJING, kind="node", node_level="provincial", offerings=())

    decision = ask("V01")

    assert decision.point is None
    assert decision.rule == RoutingRule.CENTRAL
    assert decision.reason.strip()


def test_aliases_drafts_and_other_locales_are_never_chosen(make_point, directory_page):
    fallback = make_point(title="深圳网点", city=SHENZHEN)
    draft = make_point(title="草稿网点", live=False)
    original = make_point(title="原网点")
    alias = original.create_alias(parent=directory_page, update_slug="yuan-wang-dian-alias")
    translated = original.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    translated.save_revision().publish()
    # Only the original stops taking requests; its alias and translation still say "active".
    ServicePoint.objects.filter(pk=original.pk).update(status="suspended")
    for copy in (alias, translated):
        copy = ServicePoint.objects.get(pk=copy.pk)
        assert copy.live and copy.is_active and copy.city_id == region(GUANGZHOU).pk
        assert PointOffering.objects.filter(point=copy).exists()

    assert ask().point == fallback
    for page in (draft, alias, translated):
        assert ask(point=ServicePoint.objects.get(pk=page.pk)).point == fallback
