"""Fixtures of the home app's tests (notices, cases, events, site pages).

Case library (prefix `case_`):
- `case_index`: the CaseIndexPage (slug `cases`) under the home page.
- `case_factory(point, **fields)`: a CasePage under that index, published unless `live=False`;
  `services` as catalogue codes, `partners` as points, `figures` as (label, value, unit).
- `case_staff(*points)`: an active user in the staff group of each point, able to add cases.
- `case_moderator`: a member of Wagtail's Moderators group (approves submitted cases).
"""

import datetime
import itertools

import pytest

_case_numbers = itertools.count(1)


@pytest.fixture
def case_index(sections):
    return sections["cases"]


@pytest.fixture
def case_factory(case_index):
    from wagtail.rich_text import RichText

    from directory.models import ServiceItem
    from home.cases.models import CaseFigure, CasePage

    from ..factories import reference

    def make(
        point,
        *,
        title=None,
        period_start=datetime.date(2024, 3, 1),
        services=(),
        partners=(),
        figures=(),
        live=True,
        summary="为企业开展专利检索分析，支撑研发决策。",
        body=(("paragraph", "<p>服务过程与成效。</p>"),),
        **fields,
    ):
        number = next(_case_numbers)
        case = CasePage(
            title=title or f"测试案例{number}",
            slug=fields.pop("slug", f"case-{number}"),
            point=point,
            period_start=period_start,
            served_party_kind=fields.pop("served_party_kind", "sme"),
            summary=summary,
            body=[(name, RichText(v) if name == "paragraph" else v) for name, v in body],
            live=live,
            **fields,
        )
        case.partner_points.set(list(partners))
        case.services.set([reference(ServiceItem, code) for code in services])
        case.figures.set(
            [CaseFigure(label=label, value=value, unit=unit) for label, value, unit in figures]
        )
        case_index.add_child(instance=case)
        revision = case.save_revision()
        if live:
            revision.publish()
        return CasePage.objects.get(pk=case.pk)

    return make


@pytest.fixture
def case_staff(db):
    from home.cases.permissions import grant_case_permissions
    from home.core.models import User
    from services.staff import ensure_staff_group

    def make(*points, username=None):
        user = User.objects.create_user(
            username=username or f"case-staff{next(_case_numbers)}",
            password="pw-for-tests-only-123",
            email="staff@example.com",
        )
        for point in points:
            group = ensure_staff_group(point)
            grant_case_permissions(group)  # ensure_staff_group does it too; kept explicit
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def case_moderator(db):
    from django.contrib.auth.models import Group

    from home.core.models import User

    user = User.objects.create_user(
        username="case-moderator", password="pw-for-tests-only-123", email="mod@example.com"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


# --- Policy notices (prefix `notice_`) ---------------------------------------------------------
# - `notice_index`: the NoticeIndexPage (slug `notices`) under the home page.
# - `notice_factory(**fields)`: a NoticePage under that index, published unless `live=False`;
#   `region_code` as an adcode, `services` as catalogue codes, `points` as pages, `attachments` as
#   Documents; any other NoticePage field as a keyword.
# - `notice_document(title=..., name=..., content=...)`: a stored Document (a small PDF by
#   default) in a throw-away MEDIA_ROOT.
# - `notice_staff(*points)`: an active user in the staff group of each point.
# - `notice_office_user`: an IP-office editor (Wagtail's Editors group).

_notice_numbers = itertools.count(1)


@pytest.fixture
def notice_index(sections):
    return sections["notices"]


@pytest.fixture
def notice_factory(notice_index):
    from wagtail.rich_text import RichText

    from directory.models import ServiceItem
    from home.notices.models import NoticeAttachment, NoticePage

    from ..factories import reference, region

    def make(
        *,
        title=None,
        kind="notice",
        issuing_authority="国家知识产权局",
        publication_date=datetime.date(2024, 5, 10),
        scope="national",
        region_code=None,
        summary="关于进一步加强知识产权信息公共服务的通知。",
        body=(("paragraph", "<p>各服务网点要做好信息公共服务工作。</p>"),),
        services=(),
        points=(),
        attachments=(),
        live=True,
        **fields,
    ):
        number = next(_notice_numbers)
        notice = NoticePage(
            title=title or f"测试通知{number}",
            slug=fields.pop("slug", f"notice-{number}"),
            kind=kind,
            issuing_authority=issuing_authority,
            publication_date=publication_date,
            scope=scope,
            region=region(region_code) if region_code else None,
            summary=summary,
            body=[(name, RichText(v) if name == "paragraph" else v) for name, v in body],
            live=live,
            **fields,
        )
        notice.related_services.set([reference(ServiceItem, code) for code in services])
        notice.related_points.set(list(points))
        notice.attachments.set([NoticeAttachment(document=doc) for doc in attachments])
        notice_index.add_child(instance=notice)
        revision = notice.save_revision()
        if live:
            revision.publish()
        return NoticePage.objects.get(pk=notice.pk)

    return make


NOTICE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def notice_document(db, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    settings.MEDIA_ROOT = tmp_path / "media"
    Document = get_document_model()

    def make(title="通知附件", name="attachment.pdf", content=NOTICE_PDF):
        document = Document(title=title)
        document.file.save(name, ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    return make


@pytest.fixture
def notice_staff(db):
    from home.core.models import User
    from services.staff import ensure_staff_group

    def make(*points, username=None):
        user = User.objects.create_user(
            username=username or f"notice-staff{next(_notice_numbers)}",
            password="pw-for-tests-only-123",
            email="staff@example.com",
        )
        for point in points:
            user.groups.add(ensure_staff_group(point))
        return user

    return make


@pytest.fixture
def notice_office_user(db):
    from django.contrib.auth.models import Group

    from home.core.models import User

    user = User.objects.create_user(
        username="notice-office", password="pw-for-tests-only-123", email="office@example.com"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


# --- Events (prefix `event_`) ------------------------------------------------------------------
# - `event_index`: the EventIndexPage (slug `events`) under the home page.
# - `event_factory(**fields)`: an EventPage under that index, published unless `live=False`.
#   `start` defaults to a week ahead (end two hours later); `days` shifts the start by that many
#   days from now instead; `organisers` as points, `audiences` and `services` as codes, `city`
#   as an adcode (None: no city); any other EventPage field as a keyword.

_event_numbers = itertools.count(1)


@pytest.fixture
def event_index(sections):
    return sections["events"]


@pytest.fixture
def event_factory(event_index):
    from django.utils import timezone

    from directory.models import Audience, ServiceItem
    from home.events.models import EventPage

    from ..factories import reference, region

    def make(
        *,
        title=None,
        kind="training",
        start=None,
        end=None,
        days=7,
        online=False,
        city="440100",
        organisers=(),
        audiences=(),
        services=(),
        summary="面向企业的专利检索实务培训。",
        live=True,
        **fields,
    ):
        number = next(_event_numbers)
        if start is None:
            start = (timezone.now() + datetime.timedelta(days=days)).replace(
                second=0, microsecond=0
            )
        end = end or start + datetime.timedelta(hours=2)
        if online:
            fields.setdefault("online_url", "https://meeting.example.com/j/123")
        else:
            fields.setdefault("venue", "广州图书馆报告厅")
            fields.setdefault("address", "广州市天河区珠江东路4号")
        event = EventPage(
            title=title or f"测试活动{number}",
            slug=fields.pop("slug", f"event-{number}"),
            kind=kind,
            start=start,
            end=end,
            online=online,
            region=region(city) if city else None,
            summary=summary,
            live=live,
            **fields,
        )
        event.organisers.set(list(organisers))
        event.audiences.set([reference(Audience, code) for code in audiences])
        event.services.set([reference(ServiceItem, code) for code in services])
        event_index.add_child(instance=event)
        revision = event.save_revision()
        if live:
            revision.publish()
        return EventPage.objects.get(pk=event.pk)

    return make
