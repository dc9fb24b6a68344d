"""The admin's door for point staff: any admin URL that names a page outside their scope is 404.

Wagtail's views each check their own permission, and some show a page before checking it (the
explorer's <title>, a bulk action's confirmation, a revision or a preview). This middleware
checks once, for every admin URL, whatever view answers it: the page ids in the URL's keyword
arguments and in the query string (`?id=` of a page bulk action, the API's `child_of`, …) must
be the user's own or public ones (services/admin_scope.py); for a public page Wagtail's own
permission checks then answer. Any other page is refused before its view runs, as Wagtail
refuses (a redirect to the dashboard), or not found for the admin API and the chooser.

It also answers two reports with scoped versions of Wagtail's views (services/admin_reports.py),
where Wagtail offers no hook: page-types usage and the site history's user filter.
"""

from django.apps import apps
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.models import Page

from .admin_scope import is_scoped, may_choose_page

# Keyword arguments that always name a page, in Wagtail's URLs and ours.
PAGE_KWARGS = frozenset(
    {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk", "event_id"}
)
# URL namespaces whose `pk` is a page (revision comparison, the admin pages API).
PAGE_PK_NAMESPACES = frozenset({"wagtailadmin_pages", "wagtailadmin_api:pages"})
# Views that show a page only to let the user pick (and link to) it: public pages are fine.
CHOOSER_URL_NAMES = frozenset({"wagtailadmin_choose_page_child", "notice_repost"})
CHOOSER_KWARGS = frozenset({"notice_id"})
# Admin views that list every point's media or translations, with no scope of their own: the
# admin API's image and document endpoints (Wagtail's choosers and listings, which point staff
# use, go through collection permissions instead) and wagtail-localize's translations report.
# The page cache's admin (wagtail-cache) is closed too: emptying the whole site's cache is the
# office's call, not a point's.
CLOSED_NAMESPACES = frozenset(
    {"wagtailadmin_api:images", "wagtailadmin_api:documents", "wagtailcache_admin"}
)
CLOSED_URL_NAMES = frozenset({("wagtail_localize", "translations_report")})
CLOSED_URL_NAMES |= {("wagtail_localize", "translations_report_results")}
# Admin views that scope their own pages and show only public facts of them: the point chooser
# (directory/choosers.py) lists and returns live, active points by their live title, so another
# point with a pending draft can still be chosen as a transfer target.
SELF_SCOPED_NAMESPACES = frozenset({"point_chooser"})
# Query parameters naming a page: the admin API's tree filters, the chooser's parent.
PAGE_QUERY_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "parent_page_id")


def _model(app_label, model_name):
    if not app_label or not model_name:
        return None
    try:
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError, TypeError):
        return None


def _is_page_model(model) -> bool:
    return model is not None and issubclass(model, Page)


def _view_model(view_func):
    """The model of a class-based view (snippets, generic views), if it declares one."""
    model = getattr(view_func, "view_initkwargs", {}).get("model")
    view_class = getattr(view_func, "view_class", None)
    model = model or getattr(view_class, "model", None)
    return model if isinstance(model, type) else None


def _translated_page_id(name, value):
    """The page a wagtail-localize translation (or its source) was made from, if a page."""
    from wagtail_localize.models import TranslationSource

    if name == "translation_id":
        source = TranslationSource.objects.filter(translations__pk=value).first()
    else:
        source = TranslationSource.objects.filter(pk=value).first()
    if source is None or not _is_page_model(source.specific_content_type.model_class()):
        return None
    instance = source.get_source_instance()
    return instance.pk


def named_pages(request, view_func, kwargs) -> tuple[list, list]:
    """(ids the user must own, ids the user may merely choose) named by this admin request."""
    match = request.resolver_match
    own, choose = [], []
    for name, value in kwargs.items():
        if name in CHOOSER_KWARGS:
            choose.append(value)
        elif name in PAGE_KWARGS:
            (choose if match.url_name in CHOOSER_URL_NAMES else own).append(value)
    for name in ("translation_id", "translation_source_id"):
        if name in kwargs and (page_id := _translated_page_id(name, kwargs[name])) is not None:
            own.append(page_id)
    if "pk" in kwargs and (
        match.namespace in PAGE_PK_NAMESPACES or _is_page_model(_view_model(view_func))
    ):
        own.append(kwargs["pk"])
    # Generic views by content type (editing sessions, bulk actions): app_label + model_name.
    model = _model(kwargs.get("app_label"), kwargs.get("model_name"))
    if _is_page_model(model):
        if "object_id" in kwargs:
            own.append(kwargs["object_id"])
        if match.url_name == "wagtail_bulk_action":
            own.extend(request.GET.getlist("id"))
            own.extend(request.POST.getlist("id"))
    for parameter in PAGE_QUERY_PARAMETERS:
        values = [value for value in request.GET.getlist(parameter) if value != "root"]
        (choose if match.url_name in CHOOSER_URL_NAMES else own).extend(values)
    return own, choose


def bulk_objects_visible(request, kwargs) -> bool:
    """A bulk action on images, documents or other non-page objects lists the chosen objects by
    title, those without access included: all must be the user's to act on (for images and
    documents, Wagtail's collection permissions say which)."""
    from wagtail.permissions import policy_registry

    model = _model(kwargs.get("app_label"), kwargs.get("model_name"))
    if model is None or _is_page_model(model):
        return True  # pages are checked with the other page ids
    ids = request.GET.getlist("id") + request.POST.getlist("id")
    if not ids:
        return True
    if "all" in ids:
        return False
    policy = policy_registry.get_by_type(model)
    actions = {"add", "change", "delete", "choose"}
    try:
        allowed = policy.instances_user_has_any_permission_for(request.user, actions)
        return allowed.filter(pk__in=ids).count() == len(set(ids))
    except (ValueError, TypeError):
        return False


class PointScopeMiddleware:
    """Runs after AuthenticationMiddleware; does nothing outside the admin or for users the
    point scope does not apply to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(self.admin_prefix) or request.resolver_match is None:
            return None
        if not is_scoped(request.user):
            return None
        match = request.resolver_match
        if match.namespace in SELF_SCOPED_NAMESPACES:
            return None
        if match.namespace in CLOSED_NAMESPACES or (
            (match.namespace, match.url_name) in CLOSED_URL_NAMES
        ):
            raise Http404
        own, choose = named_pages(request, view_func, view_kwargs)
        if "all" in own:
            # "Select all" in a bulk action means all children of a page, other points'
            # included: point staff select the pages they act on one by one.
            return self.refuse(request, match)
        if match.url_name == "wagtail_bulk_action" and not bulk_objects_visible(
            request, view_kwargs
        ):
            return self.refuse(request, match)
        # A public page (live, no unpublished changes, no restriction) shows nothing that the
        # site does not: Wagtail's own permission checks answer for it (a redirect).
        if not all(may_choose_page(request.user, page_id) for page_id in own + choose):
            return self.refuse(request, match)
        if match.namespace == "wagtailadmin_reports":
            return self.scoped_report(request, match, view_args, view_kwargs)
        return None

    def refuse(self, request, match):
        """The admin's usual refusal (a redirect to the dashboard with Wagtail's message, 403
        for a script); 404 for the admin API and the chooser, whose callers expect data."""
        from wagtail.admin.auth import permission_denied

        if match.namespace.startswith("wagtailadmin_api") or match.url_name in CHOOSER_URL_NAMES:
            raise Http404
        return permission_denied(request)

    def scoped_report(self, request, match, view_args, view_kwargs):
        from wagtail.admin.auth import require_admin_access

        from .admin_reports import SCOPED_REPORTS

        name = match.url_name.removesuffix("_results")
        if name not in SCOPED_REPORTS:
            return None
        view = SCOPED_REPORTS[name].as_view(results_only=match.url_name.endswith("_results"))
        # Wagtail's URL wraps its view in require_admin_access; the replacement is too.
        return require_admin_access(view)(request, *view_args, **view_kwargs)
