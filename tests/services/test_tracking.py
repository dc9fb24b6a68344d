"""The asker follows a question: finds it, reads the answer, rates it once, may erase it."""

import pytest
from django.core.cache import cache
from django.test import Client

from services import handling
from services.models import ConsultationRequest, Status

pytestmark = pytest.mark.django_db

TRACK = "/consult/track/"


@pytest.fixture
def answered(make_point, make_request, make_staff):
    point = make_point(title="广州测试图书馆")
    request_obj = make_request(point, phone="13800138000", email="li@example.com")
    handling.reply(request_obj, "您好，可以在国家知识产权局网站检索。", make_staff(point))
    return request_obj


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def limits_clock(monkeypatch):
    """The rate limits' clock stopped at the test's start: one fixed window whatever the time
    (the counters are pruned two days after their window, so the window must be a real one)."""
    import types

    from django.utils import timezone

    import home.core.limits

    stopped = timezone.now()
    monkeypatch.setattr(home.core.limits, "timezone", types.SimpleNamespace(now=lambda: stopped))
    return stopped


def open_tracking(client, request_obj, secret="8000"):
    return client.post(TRACK, {"code": request_obj.formatted_code, "secret": secret})


def test_code_and_last_four_digits_show_the_answer(client, answered):
    response = open_tracking(client, answered)
    assert response.status_code == 302
    html = client.get(TRACK).content.decode()
    assert "可以在国家知识产权局网站检索" in html
    assert answered.get_status_display() in html


@pytest.mark.parametrize("secret", ["li@example.com", " LI@example.com ", "8000"])
def test_the_email_address_or_the_phone_digits_open_it(client, answered, secret):
    assert open_tracking(client, answered, secret).status_code == 302


@pytest.mark.parametrize("secret", ["0000", "138", "other@example.com", ""])
def test_a_wrong_second_factor_shows_nothing(client, answered, secret):
    response = open_tracking(client, answered, secret)
    assert response.status_code == 400
    assert "可以在国家知识产权局网站检索" not in response.content.decode()
    assert "可以在国家知识产权局网站检索" not in client.get(TRACK).content.decode()


def test_the_code_is_accepted_in_lower_case_and_with_full_width_characters(client, answered):
    code = answered.tracking_code.lower()
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in code)
    assert client.post(TRACK, {"code": full_width, "secret": "8000"}).status_code == 302


def test_lookups_are_limited_per_client(client, answered, limits_clock):
    for _ in range(20):
        open_tracking(client, answered, "0000")
    blocked = open_tracking(client, answered)
    assert blocked.status_code == 429


def test_the_lookup_limit_is_shared_by_every_worker(client, answered, limits_clock):
    from home.core.models import RateCount

    for _ in range(20):
        assert open_tracking(client, answered, "0000").status_code == 400
        # Each guess may reach another worker, whose cache knows nothing of the others: the
        # count is in the database every worker shares.
        cache.clear()
    assert RateCount.objects.get(key__startswith="track-lookup:").count == 20
    blocked = open_tracking(client, answered)
    assert blocked.status_code == 429
    assert "可以在国家知识产权局网站检索" not in client.get(TRACK).content.decode()
    other_ip = client.post(
        TRACK, {"code": answered.formatted_code, "secret": "8000"}, REMOTE_ADDR="203.0.113.9"
    )
    assert other_ip.status_code == 302


def test_the_answer_can_be_rated_once(client, answered):
    open_tracking(client, answered)
    client.post("/consult/track/rate/", {"rating": "4", "comment": "很有帮助"})
    answered.refresh_from_db()
    assert (answered.rating, answered.rating_comment) == (4, "很有帮助")
    client.post("/consult/track/rate/", {"rating": "1", "comment": "改主意了"})
    answered.refresh_from_db()
    assert answered.rating == 4
    html = client.get(TRACK).content.decode()
    assert 'name="rating"' not in html


def test_a_bad_rating_is_refused_next_to_its_field(client, answered):
    open_tracking(client, answered)
    response = client.post("/consult/track/rate/", {"rating": "9", "comment": "x"})
    assert response.status_code == 400
    assert "is-invalid" in response.content.decode()
    answered.refresh_from_db()
    assert answered.rating is None


def test_an_unanswered_request_cannot_be_rated(client, make_point, make_request):
    request_obj = make_request(make_point())
    open_tracking(client, request_obj)
    assert 'name="rating"' not in client.get(TRACK).content.decode()
    client.post("/consult/track/rate/", {"rating": "5"})
    request_obj.refresh_from_db()
    assert request_obj.rating is None


def test_rating_without_opening_the_request_first_does_nothing(client, answered):
    response = client.post("/consult/track/rate/", {"rating": "5"})
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.rating is None


def test_the_asker_can_erase_their_data(client, answered):
    open_tracking(client, answered)
    refused = client.post("/consult/track/delete/", {})
    assert refused.status_code == 400
    client.post("/consult/track/delete/", {"confirm": "on"})
    request_obj = ConsultationRequest.objects.get(pk=answered.pk)
    assert request_obj.anonymised_at and request_obj.deletion_requested_at
    assert request_obj.status == Status.CLOSED
    assert "13800138000" not in (request_obj.phone, request_obj.email, request_obj.name)
    # The code no longer opens anything.
    assert open_tracking(client, answered).status_code == 400


def test_a_transfer_is_shown_to_the_asker(client, make_point, make_request, make_staff):
    first = make_point(title="广州第一图书馆")
    second = make_point(title="广州第二图书馆")
    request_obj = make_request(first)
    handling.transfer(request_obj, second, make_staff(first), "这个问题由第二图书馆更专业")
    open_tracking(client, request_obj)
    html = client.get(TRACK).content.decode()
    assert "广州第二图书馆" in html
    assert "这个问题由第二图书馆更专业" in html


def test_the_page_says_how_the_answer_will_come_and_what_hiding_does(
    client, make_point, make_request
):
    """A phone asker is not told to wait for an e-mail; the history and the hide button read
    as sentences (issue 13's first-visitor frictions)."""
    point = make_point(title="广州测试图书馆")
    by_phone = make_request(point, reply_channel="phone", phone="13800138000", email="")
    open_tracking(client, by_phone)
    html = client.get(TRACK).content.decode()
    assert (
        "网点将按您留下的号码致电答复" in html
        and "邮件" not in html.split('id="no-answer-yet"')[1][:120]
    )
    assert "问题已提交" in html
    assert "不再在本设备上显示此问题" in html and "问题本身不会关闭" in html

    client = Client()  # a second asker
    by_mail = make_request(
        point, reply_channel="email", phone="13900139000", email="wang@example.com"
    )
    open_tracking(client, by_mail, secret="wang@example.com")
    html = client.get(TRACK).content.decode()
    assert "一有答复即发邮件通知您" in html
