"""An SME asks a question: the form, its checks, the receipt and the confirmation e-mail."""

import io
import re
import time
import zipfile

import pytest
from django.core import mail

from directory.models import ServiceItem, ServicePoint
from home.core import abuse
from services.models import ConsultationRequest, OutboxEmail, RoutingRule

from ..directory.once import built_once, site_directory
from ..factories import create_point, reference
from .helpers import question_data

# Every test sees the shared rows, whether or not it asks for them: none depends on the order.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("point_pk")]

# The English site, so that assertions can read the messages; one test checks the Chinese.
ASK = "/en/consult/ask/"


def valid_data(**overrides):
    return question_data(**overrides)


def errors_in(response) -> str:
    html = response.content.decode()
    return " ".join(re.findall(r'class="invalid-feedback">(.*?)</div>', html, re.S)) + " ".join(
        re.findall(r'class="alert[^"]*"[^>]*>(.*?)</div>', html, re.S)
    )


def build_point() -> int:
    return create_point(
        site_directory(), title="广州测试图书馆", offerings=(("B03", "basic", "free"),)
    ).pk


@pytest.fixture(scope="module")
def point_pk(django_db_setup, django_db_blocker):
    """广州测试图书馆, built once for the module; its tests ask it questions but do not change it."""
    with built_once(django_db_blocker, build_point) as pk:
        yield pk


@pytest.fixture
def point(point_pk, db):
    return ServicePoint.objects.get(pk=point_pk)


def profile_form(client, page) -> str:
    """The profile's question form, as the profile's script fetches it (js/ask-on-demand.js)."""
    profile = client.get(page.url).content.decode()
    url = re.search(r'data-ask-form="([^"]+)"', profile).group(1)
    return client.get(url).content.decode()


def test_the_form_asks_for_consent_unticked_and_names_who_receives_the_data(client, point):
    html = client.get(ASK).content.decode()
    consent = re.search(r'<input[^>]*name="consent"[^>]*>', html).group(0)
    assert "checked" not in consent
    assert "/privacy/" in html
    for field in ("service", "subject", "question", "name", "phone", "email", "city"):
        assert f'name="{field}"' in html
    profile = profile_form(client, point)
    assert "广州测试图书馆" in re.search(r'for="id_consent".*?</label>', profile, re.S).group(0)


def test_a_valid_question_is_stored_routed_and_confirmed(
    client, point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK, valid_data(phone="１３８ ００１３ ８０００"))
    assert response.status_code == 302 and response["Location"] == "/en/consult/ask/sent/"
    request_obj = ConsultationRequest.objects.get()
    assert request_obj.point == point
    assert request_obj.routing_rule == RoutingRule.SAME_CITY
    assert request_obj.phone == "13800138000"
    assert request_obj.consent_version and request_obj.consented_at
    receipt = client.get(response["Location"]).content.decode()
    assert request_obj.formatted_code in receipt
    assert len(mail.outbox) == 1
    assert request_obj.formatted_code in mail.outbox[0].subject
    assert request_obj.formatted_code in mail.outbox[0].body
    assert OutboxEmail.objects.get().sent_at is not None


def test_a_double_submit_creates_one_request(client, point):
    data = valid_data()
    first = client.post(ASK, data)
    second = client.post(ASK, data)
    assert first.status_code == second.status_code == 302
    assert ConsultationRequest.objects.count() == 1
    assert OutboxEmail.objects.count() == 1


def test_rare_characters_and_emoji_are_kept(client, point):
    client.post(ASK, valid_data(subject="𠮷野家的商标😀", question="关于“𠮷”字商标 🙂"))
    request_obj = ConsultationRequest.objects.get()
    assert request_obj.subject == "𠮷野家的商标😀"
    assert request_obj.question == "关于“𠮷”字商标 🙂"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("question", "长" * 10_000, "5000"),
        ("question", "   ", ""),
        ("subject", "a" * 121, "120"),
        ("subject", "检索\r\nBcc: victim@example.com", "single line"),
        ("name", "张三\nBcc: x@example.com", "single line"),
        ("name", "", ""),
        ("phone", "12345", "mobile number"),
        ("phone", "=1+2", "mobile number"),
        ("email", "not-an-email", ""),
        ("email", "a@example.com\nBcc: b@example.com", ""),
        ("city", "", ""),
        ("city", "999999999", ""),
        ("service", "999999999", ""),
        ("reply_channel", "fax", ""),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_input_is_kept(
    client, point, field, value, message
):
    response = client.post(ASK, valid_data(**{field: value}))
    assert response.status_code == 400
    assert ConsultationRequest.objects.count() == 0
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in errors_in(response)
    # What was typed elsewhere stays in the form.
    if field != "subject":
        assert 'value="检索咨询"' in html


def test_a_phone_or_an_email_is_needed_and_the_chosen_channel_needs_its_address(client, point):
    neither = client.post(ASK, valid_data(phone="", email=""))
    assert "phone number or an e-mail" in errors_in(neither)
    by_mail = client.post(ASK, valid_data(email="", reply_channel="email"))
    assert "e-mail address" in errors_in(by_mail)
    by_phone = client.post(ASK, valid_data(phone="", reply_channel="phone"))
    assert "phone number" in errors_in(by_phone)
    assert ConsultationRequest.objects.count() == 0


def test_errors_are_in_chinese_on_the_chinese_site(client, point):
    data = valid_data(phone="12345")
    del data["consent"]
    html = client.post("/consult/ask/", data).content.decode()
    assert "请勾选同意" in html
    assert "请填写 11 位手机号" in html
    assert "您的问题尚未提交" in html


def test_without_consent_nothing_is_stored(client, point):
    data = valid_data()
    del data["consent"]
    response = client.post(ASK, data)
    assert response.status_code == 400
    assert "Tick the box" in errors_in(response)
    assert ConsultationRequest.objects.count() == 0


def test_html_in_a_question_is_shown_as_text(client, point):
    client.post(ASK, valid_data(subject="<script>alert(1)</script>", question="<b>x</b>"))
    request_obj = ConsultationRequest.objects.get()
    client.post("/consult/track/", {"code": request_obj.tracking_code, "secret": "8000"})
    html = client.get("/consult/track/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_honeypot_filled_is_refused(client, point):
    response = client.post(ASK, valid_data(website="http://spam.example"))
    assert response.status_code == 400
    assert ConsultationRequest.objects.count() == 0


def test_too_fast_expired_and_forged_tokens_are_refused_with_a_fresh_token(client, point, settings):
    settings.CONSULTATION_MIN_SECONDS = 5
    too_fast = client.post(ASK, valid_data(form_token=abuse.issue_token()))
    assert "quicker than a person" in errors_in(too_fast)
    old = abuse.issue_token(time.time() - settings.CONSULTATION_TOKEN_MAX_AGE - 60)
    assert "open too long" in errors_in(client.post(ASK, valid_data(form_token=old)))
    forged = client.post(ASK, valid_data(form_token="forged:token"))
    assert "could not be checked" in errors_in(forged)
    assert ConsultationRequest.objects.count() == 0
    fresh = re.search(r'name="form_token" value="([^"]+)"', forged.content.decode()).group(1)
    assert fresh != "forged:token"
    abuse.check_token(fresh, now=time.time() + 10)  # a valid token the asker can resend with


def test_the_rate_limit_counts_per_client_ip(client, point, settings, limits_clock):
    settings.CONSULTATION_RATE_LIMIT_COUNT = 2
    for _ in range(2):
        assert client.post(ASK, valid_data(), REMOTE_ADDR="203.0.113.5").status_code == 302
    third = client.post(ASK, valid_data(), REMOTE_ADDR="203.0.113.5")
    assert third.status_code == 429
    assert "Too many questions" in errors_in(third)
    assert 'value="检索咨询"' in third.content.decode()
    # A forged X-Forwarded-For does not help: no trusted proxy is configured.
    forged = client.post(
        ASK, valid_data(), REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert forged.status_code == 429
    assert client.post(ASK, valid_data(), REMOTE_ADDR="203.0.113.6").status_code == 302
    assert ConsultationRequest.objects.count() == 3


def test_behind_a_trusted_proxy_the_forwarded_ip_is_the_client(
    client, point, settings, limits_clock
):
    settings.CONSULTATION_RATE_LIMIT_COUNT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    assert (
        client.post(ASK, valid_data(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code
        == 302
    )
    assert (
        client.post(ASK, valid_data(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code
        == 429
    )
    # The left-most entry is whatever the client wrote; the proxy's own entry counts.
    spoofed = client.post(
        ASK, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5", **proxy
    )
    assert spoofed.status_code == 429
    assert (
        client.post(ASK, valid_data(), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code
        == 302
    )


# --- replays and the limits that fit shared networks --------------------------------------------


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


def served_token(client, url=ASK) -> str:
    """The form token of the form `client` is served (its session notes the nonce)."""
    html = client.get(url).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def test_a_replayed_token_from_another_session_learns_nothing(client, point):
    from django.test import Client

    token = served_token(client)
    assert client.post(ASK, valid_data(form_token=token)).status_code == 302
    request_obj = ConsultationRequest.objects.get()
    assert request_obj.formatted_code in client.get("/en/consult/ask/sent/").content.decode()

    stranger = Client()
    replay = stranger.post(ASK, valid_data(form_token=token, email="x@example.com"), follow=True)
    html = replay.content.decode()
    assert "already received" in html
    for secret in (request_obj.formatted_code, request_obj.tracking_code, "li@example.com"):
        assert secret not in html
    receipt = stranger.get("/en/consult/ask/sent/", follow=True).content.decode()
    assert request_obj.formatted_code not in receipt and "li@example.com" not in receipt
    assert ConsultationRequest.objects.count() == 1


def test_a_double_click_in_the_session_that_was_served_the_form_shows_its_receipt(client, point):
    # The second post of a double click may be read before the first one's session is saved:
    # the nonce noted when the form was served is what recognises it.
    token = served_token(client)
    client.post(ASK, valid_data(form_token=token))
    session = client.session
    del session["consultation_sent"]
    session.save()
    second = client.post(ASK, valid_data(form_token=token))
    assert second["Location"] == "/en/consult/ask/sent/"
    code = ConsultationRequest.objects.get().formatted_code
    assert code in client.get(second["Location"]).content.decode()


def test_a_shared_network_takes_questions_from_many_people(client, point, limits_clock):
    # A campus behind one address: 8 people ask in one hour (the old limit refused the 6th).
    for n in range(8):
        data = valid_data(phone=f"1380013{n:04d}", email=f"student{n}@example.edu.cn")
        assert client.post(ASK, data, REMOTE_ADDR="203.0.113.7").status_code == 302
    assert ConsultationRequest.objects.count() == 8


def test_the_same_contact_is_limited_whatever_the_network(client, point, settings, limits_clock):
    from home.core.models import RateCount

    settings.CONSULTATION_CONTACT_LIMIT_COUNT = 2
    for n in range(2):
        ip = f"198.51.100.{n + 1}"
        assert client.post(ASK, valid_data(), REMOTE_ADDR=ip).status_code == 302
    same_phone = client.post(ASK, valid_data(email="other@example.com"), REMOTE_ADDR="192.0.2.9")
    assert same_phone.status_code == 429
    assert "this phone number or e-mail address" in errors_in(same_phone)
    assert 'value="检索咨询"' in same_phone.content.decode()
    same_email = client.post(ASK, valid_data(phone="13900139000"), REMOTE_ADDR="192.0.2.9")
    assert same_email.status_code == 429
    other = valid_data(phone="13900139000", email="other@example.com")
    assert client.post(ASK, other, REMOTE_ADDR="192.0.2.9").status_code == 302
    # Counted under keyed hashes: no phone number, e-mail address or IP in the clear.
    keys = " ".join(RateCount.objects.values_list("key", flat=True))
    for raw in ("13800138000", "li@example.com", "192.0.2.9", "198.51.100.1"):
        assert raw not in keys


def test_the_network_ceiling_still_stops_a_flood(client, point, settings, limits_clock):
    settings.CONSULTATION_RATE_LIMIT_COUNT = 3
    for n in range(3):
        data = valid_data(phone=f"1380013{n:04d}", email=f"bot{n}@example.com")
        assert client.post(ASK, data, REMOTE_ADDR="203.0.113.8").status_code == 302
    data = valid_data(phone="13800139999", email="bot9@example.com")
    flood = client.post(ASK, data, REMOTE_ADDR="203.0.113.8")
    assert flood.status_code == 429
    assert "from your network" in errors_in(flood)


def test_the_limit_messages_are_in_chinese_on_the_chinese_site(client, point, settings):
    settings.CONSULTATION_CONTACT_LIMIT_COUNT = 0
    response = client.post("/consult/ask/", valid_data())
    assert response.status_code == 429
    assert "同一手机号码或电子邮箱" in errors_in(response)


# --- text hygiene ----------------------------------------------------------------------------


def test_invisible_characters_are_stripped_from_names_and_subjects(client, point):
    data = valid_data(
        name="\u202e李四\u200b",
        subject="检索\u200d咨询\u2066",
        organisation="\ufeff某公司\u202c",
        question="请问\u200b如何检索？",
        email="li\u200b@example.com",
    )
    assert client.post(ASK, data).status_code == 302
    request_obj = ConsultationRequest.objects.get()
    assert (request_obj.name, request_obj.subject) == ("李四", "检索咨询")
    assert (request_obj.organisation, request_obj.question) == ("某公司", "请问如何检索？")
    assert request_obj.email == "li@example.com"


def test_a_name_of_invisible_characters_only_is_missing(client, point):
    response = client.post(ASK, valid_data(name="\u200b\u202e"))
    assert response.status_code == 400
    assert "Enter your name" in errors_in(response)
    assert ConsultationRequest.objects.count() == 0


def test_an_email_address_over_254_characters_is_refused_not_stored(client, point):
    long_email = "a" * 60 + "@" + ".".join(["b" * 60] * 3) + ".example.com"
    assert len(long_email) > 254
    response = client.post(ASK, valid_data(email=long_email))
    assert response.status_code == 400
    assert "at most 254 characters" in errors_in(response)
    assert ConsultationRequest.objects.count() == 0


def test_the_staff_admin_form_strips_invisible_characters_and_long_addresses():
    from services.staff_admin import AddStaffForm

    form = AddStaffForm(
        {
            "username": "gz\u202e-lib\u200b",
            "email": "gz@example.com",
            "full_name": "\u2067王五\u2069",
        }
    )
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["username"], form.cleaned_data["full_name"]) == ("gz-lib", "王五")
    too_long = AddStaffForm({"username": "gz", "email": "a" * 250 + "@example.com"})
    assert not too_long.is_valid()
    assert "at most 254 characters" in str(too_long.errors["email"])


def test_a_database_fault_shows_a_clear_page_keeps_the_input_and_saves_nothing(
    client, point, monkeypatch
):
    from django.db import DatabaseError

    from services.models import RequestEvent

    def broken_create(*args, **kwargs):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(RequestEvent.objects, "create", broken_create)
    response = client.post(ASK, valid_data())
    assert response.status_code == 503
    assert "nothing was stored" in errors_in(response)
    assert 'value="检索咨询"' in response.content.decode()
    assert ConsultationRequest.objects.count() == 0
    assert OutboxEmail.objects.count() == 0


# --- attachments -----------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def office_file(marker: str) -> bytes:
    # A fixed date: the same bytes in every process, so xdist's workers collect the same ids.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in (("[Content_Types].xml", "<Types/>"), (marker, "<x/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brief.pdf", PDF),
        ("table.xlsx", office_file("xl/workbook.xml")),
        ("letter.docx", office_file("word/document.xml")),
    ],
    ids=["pdf", "xlsx", "docx"],
)
def test_allowed_attachments_are_stored_privately(client, point, settings, name, content):
    response = client.post(ASK, {**valid_data(), "attachment": upload(name, content)})
    assert response.status_code == 302
    request_obj = ConsultationRequest.objects.get()
    assert request_obj.attachment_name == name
    path = request_obj.attachment.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert name not in path  # stored under a random name
    assert client.get(f"/media/{request_obj.attachment.name}").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.pdf", b"MZ\x90\x00" + b"\x00" * 100, "Attach a PDF"),
        ("script.docx", b"<script>alert(1)</script>", "Attach a PDF"),
        ("notes.docx", office_file("xl/workbook.xml"), "does not match"),
        ("archive.xlsx", office_file("other.xml"), "Attach a PDF"),
        ("image.png", PDF, "does not match"),
    ],
    ids=["exe-as-pdf", "script-as-docx", "xlsx-as-docx", "zip-as-xlsx", "pdf-as-png"],
)
def test_attachments_are_checked_by_content(client, point, name, content, message):
    response = client.post(ASK, {**valid_data(), "attachment": upload(name, content)})
    assert response.status_code == 400
    assert message in errors_in(response)
    assert "choose the attachment again" in response.content.decode()
    assert ConsultationRequest.objects.count() == 0


def test_attachments_over_the_size_limit_are_refused(client, point, settings):
    settings.CONSULTATION_ATTACHMENT_MAX_BYTES = 100
    response = client.post(ASK, {**valid_data(), "attachment": upload("big.pdf", PDF * 10)})
    assert response.status_code == 400
    assert "up to" in errors_in(response)


# --- asking one point --------------------------------------------------------------------------


def test_the_profile_form_sends_the_question_to_that_point(client, make_point):
    near = make_point(title="广州近处图书馆")
    chosen = make_point(title="深圳被选图书馆", city="440300")
    html = profile_form(client, chosen)
    action = re.search(r'<form[^>]*id="consultation-form"[^>]*>', html).group(0)
    url = re.search(r'action="([^"]+)"', action).group(1)
    assert client.post(url, valid_data()).status_code == 302
    request_obj = ConsultationRequest.objects.get()
    assert request_obj.point == chosen != near
    assert request_obj.routing_rule == RoutingRule.PROFILE


def test_the_profile_form_offers_only_the_points_services(client, make_point):
    point = make_point(offerings=(("B04", "basic", "free"),))
    html = profile_form(client, point)
    select = re.search(r'<select[^>]*name="service".*?</select>', html, re.S).group(0)
    assert reference(ServiceItem, "B04").name in select
    assert reference(ServiceItem, "B03").name not in select


def test_a_suspended_point_takes_no_questions(client, make_point):
    point = make_point(status="suspended")
    profile = client.get(point.url).content.decode()
    assert "data-ask-form" not in profile and 'id="consultation-form"' not in profile
    assert client.get(f"/consult/ask/point/{point.pk}/form/").status_code == 410
    response = client.post(f"/consult/ask/point/{point.pk}/", valid_data())
    assert response.status_code == 410
    assert ConsultationRequest.objects.count() == 0


def test_the_english_profile_sends_to_the_same_point(client, point):
    from home.core.locales import ensure_locale_trees

    ensure_locale_trees()
    alias = ServicePoint.objects.get(alias_of=point)
    assert 'id="consultation-form"' in profile_form(client, alias)
    response = client.post(f"/en/consult/ask/point/{alias.pk}/", valid_data())
    assert response.status_code == 302
    request_obj = ConsultationRequest.objects.get()
    assert request_obj.point == point
    assert request_obj.language == "en"


def test_the_privacy_policy_page_says_who_receives_the_data_and_for_how_long(client):
    html = client.get("/privacy/").content.decode()
    assert "谁会收到" in html
    assert "3" in html
