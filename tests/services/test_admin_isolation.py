"""No point's staff sees another point's unpublished things anywhere in the admin.

Points A and B each have staff, a draft profile edit, a draft case (in moderation, so that it is
in the workflow queue too), a draft event, a consultation request, an error report, and an image and a document
in the point's collection; B's carry the marker B-SECRET-MARKER in their titles and slugs.
Logged in as A's staff, the test walks **every admin URL pattern** of the resolver: patterns
that take an id are filled with B's ids of the matching kind (pages, revisions, workflow states,
images, documents, collections, requests, editing sessions, translations, any model's pk), so a
view added tomorrow is walked tomorrow. Each is asked with GET and POST and must refuse (403,
404, 405, 400, or a redirect to the dashboard or the login) without a marker in the body;
patterns without an id (listings, search, reports, choosers, the API) are asked plainly, with a
search for the marker and with tree filters, and must not show a marker either.

`POINT_SCOPE_ENABLED = False` switches the policy (services/admin_scope.py) off: the same walk
then finds the leaks of the issue, which shows that the test catches them.
"""

import re
from dataclasses import dataclass, field

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, UploadedFile, WorkflowState

from home.cases.models import CasePage
from home.events.models import EventPage
from services.models import ConsultationRequest, ErrorReport
from tests.home.cases.factories import CasePageFactory
from tests.home.events.factories import EventPageFactory

from .helpers import admin_client_for

pytestmark = pytest.mark.django_db

MARKER = "b-secret-marker"  # compared with the lower-cased body: titles and slugs alike
OWN_MARKER = "a-own-marker"
# What searches ask for: in every draft's title, A's and B's, but not the marker (a search box
# repeats its query).
SEARCH = "草稿"

# Patterns the walk does not ask, each with its reason. Keep this list short.
SKIPPED_NAMES = {
    "wagtailadmin_logout": "logs the walking client out; names no object",
    "wagtailadmin_password_reset_confirm": "a token for an e-mailed link; names no object",
    "wagtailadmin_error_test": "Wagtail's deliberate 500, to test error reporting",
}
# Patterns without an id that the walk asks with GET only: a POST there creates A's own
# things (a page, an image), which is no leak and would change the data other steps read.
REFUSED = {400, 403, 404, 405}


@dataclass
class Point:
    point: object
    staff: object
    case: CasePage
    event: EventPage
    image: object
    document: object
    collection: Collection
    request: ConsultationRequest
    workflow_state: WorkflowState | None = None
    session: EditingSession | None = None
    upload: UploadedFile | None = None
    error_report: ErrorReport | None = None
    extra: dict = field(default_factory=dict)


def _make_point_world(tag, title, sections, make_point, make_staff, make_request):
    point = make_point(title=title)
    staff = make_staff(point, username=f"staff-{tag.lower()}")
    point.refresh_from_db()
    # A draft edit of the live profile: only the draft title carries the marker.
    point.title = f"{title} {tag} 档案修改"
    point.save_revision(user=staff)
    case = CasePageFactory(
        parent=sections["cases"],
        point=point,
        live=False,
        title=f"{tag} 案例草稿",
        slug=f"{tag.lower()}-case",
        owner=staff,
    )
    event = EventPageFactory(
        parent=sections["events"],
        organisers=[point],
        live=False,
        title=f"{tag} 活动草稿",
        slug=f"{tag.lower()}-event",
    )
    collection = (
        Collection.objects.filter(group_permissions__group=point.staff_group).distinct().get()
    )
    image = get_image_model().objects.create(
        title=f"{tag} 图片",
        alt_text=f"{tag} alt",
        file=get_test_image_file(filename=f"{tag.lower()}.png"),
        collection=collection,
        uploaded_by_user=staff,
    )
    document = get_document_model().objects.create(
        title=f"{tag} 文件",
        file=ContentFile(b"%PDF-1.4 test", name=f"{tag.lower()}.pdf"),
        collection=collection,
        uploaded_by_user=staff,
    )
    request_obj = make_request(point, subject=f"{tag} 咨询")
    world = Point(point, staff, case, event, image, document, collection, request_obj)
    world.error_report = ErrorReport.objects.create(
        point=point, part="hours", text=f"{tag} 报告有误", submission_nonce=f"iso-{tag}"
    )
    # In moderation: B's draft case is in the workflow queue and its reports.
    workflow = case.get_workflow()
    if workflow is not None:
        world.workflow_state = workflow.start(case, staff)
    world.session = EditingSession.objects.create(
        user=staff,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(case.pk),
        last_seen_at=case.latest_revision_created_at,
    )
    world.upload = UploadedFile.objects.create(
        file=ContentFile(b"upload", name=f"{tag.lower()}-upload.txt"), uploaded_by_user=staff
    )
    return world


@pytest.fixture
def worlds(settings, tmp_path, sections, make_point, make_staff, make_request):
    settings.MEDIA_ROOT = str(tmp_path)
    a = _make_point_world("A-OWN-MARKER", "甲网点", sections, make_point, make_staff, make_request)
    b = _make_point_world(
        "B-SECRET-MARKER", "乙网点", sections, make_point, make_staff, make_request
    )
    b.extra.update(_translation_ids(b.case))
    return a, b


def _translation_ids(page) -> dict:
    """A translation of B's case into English (wagtail-localize), for its editor's URLs."""
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, Translation, TranslationSource

    target = Locale.objects.exclude(pk=page.locale_id).first()
    if target is None:
        target = Locale.objects.create(language_code="en")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=target)
    segment = StringSegment.objects.filter(source=source).first()
    return {
        "translation_id": translation.pk,
        "translation_source_id": source.pk,
        "string_segment_id": segment.pk if segment else 0,
        "overridable_segment_id": 0,
    }


# --- the URL walk -----------------------------------------------------------------------------


def admin_patterns():
    """(route, name, callback, converters) for every pattern under admin/."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), namespace + (pattern.name or ""), pattern

    for route, name, pattern in walk(get_resolver().url_patterns, "", ""):
        if route.startswith("admin/"):
            yield route, name, pattern


def _view_model(pattern):
    callback = pattern.callback
    model = getattr(callback, "view_initkwargs", {}).get("model")
    model = model or getattr(getattr(callback, "view_class", None), "model", None)
    return model if isinstance(model, type) and issubclass(model, Model) else None


def _kwarg_names(route: str) -> list[str]:
    return [a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)]


def _model_named(name: str):
    from django.apps import apps

    found = [model for model in apps.get_models() if model._meta.model_name == name]
    return found[0] if found else None


def _object_for_model(model, target, b):
    """B's object of `model` (`target` for pages); any object of other models."""
    from django.contrib.auth.models import Group

    from home.core.models import User

    if model is None:
        return None
    if issubclass(model, Page):
        return target
    for candidate in (b.image, b.document, b.collection, b.request, b.error_report, b.staff):
        if isinstance(candidate, model):
            return candidate
    if issubclass(model, Group):
        return b.point.staff_group
    if issubclass(model, User):
        return b.staff
    return model._default_manager.order_by("pk").first()


# Where a view declares no model, the route's first segment says what its `pk` is.
ROUTE_OBJECTS = {
    "pages": lambda target, b: target,
    "images": lambda target, b: b.image,
    "documents": lambda target, b: b.document,
    "collections": lambda target, b: b.collection,
    "consultations": lambda target, b: b.request,
}
# Answer 200 to any id by design and act only on the user's own object: releasing one's own
# editing session (Wagtail filters by the requesting user). The body is still checked.
# The point chooser's "chosen" answers for any live, active point with its public, live title
# (a transfer may go to any of them; directory/choosers.py): public by design.
ANSWERS_ANY_ID = {"wagtailadmin_editing_sessions:release", "point_chooser:chosen"}


def _route_object(route, target, b):
    parts = route.replace("^", "").split("/")
    segment = parts[3] if parts[1:3] == ["api", "main"] else parts[1]
    make = ROUTE_OBJECTS.get(segment) or ROUTE_OBJECTS.get(segment.rstrip("s") + "s")
    return make(target, b) if make else None


def fill(route, pattern, target, b) -> dict | None:
    """Keyword arguments naming B's objects for this pattern, or None to skip it."""
    names = _kwarg_names(route)
    model = _view_model(pattern)
    state = b.workflow_state
    values = {
        "page_id": target.pk,
        "parent_page_id": target.pk,
        "page_to_move_id": target.pk,
        "destination_id": target.pk,
        "page_pk": target.pk,
        "event_id": b.event.pk,
        "notice_id": target.pk,
        "point_id": b.point.pk,
        "revision_id": target.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_state_id": state.current_task_state.pk if state else 0,
        "workflow_state_id": state.pk if state else 0,
        "task_id": state.current_task_state.task_id if state else 0,
        "workflow_pk": state.workflow_id if state else 0,
        "image_id": b.image.pk,
        "document_id": b.document.pk,
        "doc_id": b.document.pk,
        "collection_id": b.collection.pk,
        "uploaded_file_id": b.upload.pk,
        "session_id": b.session.pk,
        "filter_spec": "original",
        "mode": "",
        "action_name": "approve" if "workflow" in route else "copy",
        "query_id": 1,
        "redirect_id": 1,
        **b.extra,
    }
    kwargs = {}
    for name in names:
        if name in ("uidb64", "token"):
            return None
        if name in values:
            kwargs[name] = values[name]
        elif name.endswith("_id"):
            # An id the walk has not met yet (a view added since): the object of the model of
            # that name, B's where the walk knows B's, else any, else one that does not exist.
            obj = _object_for_model(_model_named(name.removesuffix("_id")), target, b)
            kwargs[name] = obj.pk if obj is not None else 0
    # Content-type routes: the target page's model (editing sessions, usage, add) or, for
    # snippets and settings, the pattern's own model.
    type_model = target.specific_class if "pages" in route or "editing" in route else model
    for app_key, model_key in (
        ("app_label", "model_name"),
        ("app_name", "model_name"),
        ("content_type_app_name", "content_type_model_name"),
    ):
        if app_key in names:
            chosen = type_model or model or CasePage
            kwargs[app_key] = chosen._meta.app_label
            kwargs[model_key] = chosen._meta.model_name
    for name in ("pk", "object_id"):
        if name in names:
            if "editing" in route:
                obj = target
            else:
                obj = _object_for_model(model, target, b) or _route_object(route, target, b)
            kwargs[name] = obj.pk if obj is not None else 1
            kwargs["_names_b"] = obj is not None and _is_b(obj, b, target)
    if "_names_b" not in kwargs:
        kwargs["_names_b"] = any(
            name not in ("app_label", "model_name", "app_name")
            and not name.startswith("content_type_")
            # The workflow and its task are the office's, shared by every point.
            and name
            not in (
                "filter_spec",
                "mode",
                "action_name",
                "revision_id_a",
                "revision_id_b",
                "task_id",
                "workflow_pk",
            )
            for name in kwargs
        )
    return kwargs


def _is_b(obj, b, target) -> bool:
    things = (
        *(target, b.case, b.point, b.event, b.image, b.document, b.collection, b.request),
        b.error_report,
    )
    return any(type(obj) is type(thing) and obj.pk == thing.pk for thing in things) or (
        isinstance(obj, Page) and obj.pk in {b.case.pk, b.point.pk, b.event.pk}
    )


def build_path(route, kwargs) -> str:
    path = re.sub(r"\^|\$", "", route)
    path = re.sub(
        r"\(\?P<(\w+)>[^)]*\)",
        lambda m: str(kwargs[m.group(1)]),
        path,
    )
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), path)
    return "/" + path.replace("\\", "")


def bulk_requests(b, targets):
    """Every registered bulk action, for each of its models, naming B's object of that model."""
    bulk_action_registry._scan_for_bulk_actions()
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            for action_type, action in actions.items():
                model = action.models[0] if len(action.models) == 1 else None
                for target in targets:
                    obj = _object_for_model(
                        ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
                        or model,
                        target,
                        b,
                    )
                    if obj is None:
                        continue
                    names_b = _is_b(obj, b, target)
                    yield (
                        f"/admin/bulk/{app_label}/{model_name}/{action_type}/?id={obj.pk}",
                        names_b,
                    )


@dataclass
class Walk:
    walked: int = 0
    skipped: list = field(default_factory=list)
    leaks: list = field(default_factory=list)


def _refused(response) -> bool:
    if response.status_code in REFUSED:
        return True
    if response.status_code in (301, 302):
        location = response.get("Location", "")
        return location.split("?")[0] in ("/admin/", "/admin/login/") or "login" in location
    return False


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace").lower()
    return response.content.decode("utf-8", "replace").lower()


def walk_admin(client: Client, b: Point, cases_index) -> Walk:
    result = Walk()
    targets = [b.case, b.point, b.event]

    def check(method, path, *, must_refuse, data=None):
        response = getattr(client, method)(path, data or {})
        result.walked += 1
        body = _body(response)
        if MARKER in body:
            result.leaks.append(f"{method.upper()} {path}: {response.status_code}, marker in body")
        elif must_refuse and not _refused(response):
            result.leaks.append(f"{method.upper()} {path}: {response.status_code}, not refused")

    for route, name, pattern in admin_patterns():
        if name in SKIPPED_NAMES:
            result.skipped.append((route, SKIPPED_NAMES[name]))
            continue
        if name == "wagtail_bulk_action":
            continue  # walked below, for every registered action and model
        if "<" not in route and "(?P" not in route:
            base = "/" + route.replace("^", "").replace("$", "")
            check("get", base, must_refuse=False)
            check("get", base, must_refuse=False, data={"q": SEARCH, "search": SEARCH})
            check(
                "get",
                base,
                must_refuse=False,
                data={
                    "child_of": cases_index.pk,
                    "for_explorer": 1,
                    "page_type": "wagtailcore.page",
                },
            )
            continue
        for target in targets:
            kwargs = fill(route, pattern, target, b)
            if kwargs is None:
                result.skipped.append((route, "no object id: a token or a signed value"))
                break
            names_b = kwargs.pop("_names_b") and name not in ANSWERS_ANY_ID
            path = build_path(route, kwargs)
            check("get", path, must_refuse=names_b)
            check("post", path, must_refuse=names_b, data={"id": target.pk, "comment": "x"})
    for path, names_b in bulk_requests(b, targets):
        check("get", path, must_refuse=names_b)
        check("post", path, must_refuse=names_b, data={"id": path.rsplit("=", 1)[1]})
    return result


def _b_unchanged(b: Point):
    case = CasePage.objects.get(pk=b.case.pk)
    assert not case.live and case.get_parent().pk == b.case.get_parent().pk
    assert case.latest_revision_id == b.case.latest_revision_id
    assert EventPage.objects.filter(pk=b.event.pk, live=False).exists()
    assert get_image_model().objects.filter(pk=b.image.pk, title=b.image.title).exists()
    assert get_document_model().objects.filter(pk=b.document.pk).exists()
    assert Page.objects.get(pk=b.point.pk).draft_title == b.point.title
    assert ErrorReport.objects.get(pk=b.error_report.pk).is_open


# --- the tests --------------------------------------------------------------------------------


def test_point_staff_see_nothing_of_another_point_anywhere_in_the_admin(worlds, sections):
    a, b = worlds
    client = admin_client_for(a.staff)
    result = walk_admin(client, b, sections["cases"])
    assert result.walked > 400
    assert result.leaks == [], "\n".join(result.leaks)
    assert len(result.skipped) <= 3, result.skipped
    _b_unchanged(b)


def test_without_the_policy_the_walk_finds_the_issues_leaks(worlds, sections, settings):
    """Today's main: the walk must catch the explorer, search, API, reports and bulk leaks."""
    settings.POINT_SCOPE_ENABLED = False
    a, b = worlds
    client = admin_client_for(a.staff, Client(raise_request_exception=False))
    result = walk_admin(client, b, sections["cases"])
    leaks = "\n".join(result.leaks)
    for leak in (
        f"/admin/pages/{b.case.pk}/:",
        "/admin/pages/search/",
        "/admin/api/main/pages/",
        f"/admin/api/main/pages/{b.case.pk}/",
        "/admin/reports/site-history/",
        "/admin/reports/page-types-usage/",
        "/admin/bulk/wagtailcore/page/delete/",
    ):
        assert leak in leaks, leak


def test_named_leaks_of_the_issue_are_closed(worlds, sections):
    a, b = worlds
    client = admin_client_for(a.staff)
    cases = sections["cases"].pk
    for path in (
        f"/admin/pages/{b.case.pk}/",
        f"/admin/pages/{b.point.pk}/",
        f"/admin/api/main/pages/{b.case.pk}/",
        f"/admin/api/main/pages/?child_of={b.point.pk}",
        f"/admin/bulk/wagtailcore/page/delete/?id={b.case.pk}",
        f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={cases}",
    ):
        response = client.get(path)
        assert _refused(response) and MARKER not in _body(response), path
    for path in (
        f"/admin/pages/search/?q={SEARCH}",
        f"/admin/pages/search/results/?q={SEARCH}",
        f"/admin/choose-page/search/?q={SEARCH}",
        f"/admin/choose-page/{cases}/",
        f"/admin/api/main/pages/?search={SEARCH}",
        f"/admin/api/main/pages/?child_of={cases}&for_explorer=1",
        "/admin/reports/site-history/",
        "/admin/reports/site-history/results/",
        "/admin/reports/page-types-usage/",
        "/admin/reports/page-types-usage/results/",
        "/admin/pages/usage/cases/casepage/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/images/chooser/",
        "/admin/documents/chooser/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert MARKER not in _body(response), path


def test_own_things_stay_in_reach(worlds, sections, home_page):
    a, _b = worlds
    client = admin_client_for(a.staff)
    for path in (
        f"/admin/pages/{a.point.pk}/edit/",
        f"/admin/pages/{a.case.pk}/edit/",
        f"/admin/pages/{sections['cases'].pk}/",
        f"/admin/images/{a.image.pk}/",
        f"/admin/documents/edit/{a.document.pk}/",
        f"/admin/pages/add/cases/casepage/{sections['cases'].pk}/",
    ):
        assert client.get(path).status_code == 200, path
    listing = _body(client.get(f"/admin/pages/{sections['cases'].pk}/"))
    assert OWN_MARKER in listing
    search = _body(client.get(f"/admin/pages/search/?q={SEARCH}"))
    assert OWN_MARKER in search
    assert OWN_MARKER in _body(client.get("/admin/images/"))
    assert OWN_MARKER in _body(client.get("/admin/images/chooser/"))
    assert OWN_MARKER in _body(client.get("/admin/documents/chooser/"))
    # Public pages stay choosable for links: the live cases index and B's live profile, once
    # it has no draft.
    chooser = client.get(f"/admin/choose-page/{home_page.pk}/").json()["html"].lower()
    assert sections["cases"].title.lower() in chooser


def test_staff_edit_their_image_and_upload_only_into_their_collection(worlds):
    a, b = worlds
    client = admin_client_for(a.staff)
    edited = client.post(
        f"/admin/images/{a.image.pk}/",
        {"title": "A-OWN-MARKER 新标题", "alt_text": "alt", "collection": a.collection.pk},
    )
    assert edited.status_code == 302
    assert get_image_model().objects.get(pk=a.image.pk).title == "A-OWN-MARKER 新标题"
    add = _body(client.get("/admin/images/multiple/add/"))
    assert f'value="{a.collection.pk}"' in add or "collection" not in add
    assert f'value="{b.collection.pk}"' not in add


def test_the_office_still_sees_everything(worlds, sections, office_user):
    a, b = worlds
    client = admin_client_for(office_user)
    for page in (a.case, b.case, b.point, b.event):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert MARKER in _body(client.get(f"/admin/pages/{sections['cases'].pk}/"))
    assert MARKER in _body(client.get(f"/admin/pages/search/?q={SEARCH}"))
    assert MARKER in _body(client.get("/admin/reports/site-history/"))
    assert MARKER in _body(client.get(f"/admin/bulk/wagtailcore/page/delete/?id={b.case.pk}"))


def test_each_point_gets_a_collection_with_its_staff_group(worlds):
    from wagtail.models import GroupCollectionPermission

    from services.staff import ensure_staff_group

    a, b = worlds
    assert a.collection != b.collection
    codenames = set(
        GroupCollectionPermission.objects.filter(group=a.point.staff_group).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {
        "add_image",
        "choose_image",
        "change_image",
        "add_document",
        "choose_document",
        "change_document",
    }
    ensure_staff_group(a.point)  # idempotent
    assert (
        Collection.objects.filter(group_permissions__group=a.point.staff_group).distinct().count()
        == 1
    )
