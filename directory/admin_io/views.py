"""Admin screens: the import (upload → dry run → import now) and the export downloads."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from ..io import COLUMNS, FileFormatError, export_rows, import_points, read_rows
from ..io.files import table_bytes
from ..io.target import NoDirectoryPage, directory_page_for
from ..lifecycle.access import is_office
from . import pending
from .forms import ImportForm

IMPORT_ACTION = "directory.import_points"
EXPORT_ACTION = "directory.export_points"
# A report of thousands of bad cells is read from the top; the count says how many more.
SHOWN_ERRORS = 500
SHOWN_NAMES = 50
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class OfficeOnlyMixin:
    """The whole directory's data: the IP office's, never a point's staff."""

    def dispatch(self, request, *args, **kwargs):
        if not is_office(request.user):
            # A plain 403, not Wagtail's redirect to the dashboard: a script asking for the
            # export must not mistake the refusal for a page of data.
            return TemplateResponse(
                request,
                "directory/admin/forbidden.html",
                {"page_title": _("Import and export points"), "header_icon": "table"},
                status=403,
            )
        try:
            self.directory = directory_page_for()
        except NoDirectoryPage as error:
            messages.error(request, str(error))
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)


class PointsImportView(OfficeOnlyMixin, WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Import and export points")
    header_icon = "table"
    template_name = "directory/admin/points_io.html"
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "directory": self.directory,
                "columns": COLUMNS,
                "export_urls": {
                    kind: f"{reverse('directory_points_export')}?format={kind}"
                    for kind in CONTENT_TYPES
                },
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        # "Import now" on a dry run's report sends the token of the file it checked.
        if "token" in request.POST:
            return self.apply(request.POST["token"])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        token = pending.store(upload, self.request.user, upload.import_format)
        path, original = pending.load(token, self.request.user)
        try:
            rows = read_rows(path)
        except FileFormatError as error:
            pending.discard(token)
            form.add_error("file", str(error))
            return self.form_invalid(form)
        report = import_points(rows, directory_page=self.directory, dry_run=True)
        if not report.ok or not (report.created or report.updated):
            # Nothing to apply: the file is not needed any more.
            pending.discard(token)
            token = ""
        return self.render_report(report, original, token)

    def apply(self, token: str):
        request = self.request
        found = pending.load(token, request.user)
        if found is None:
            messages.error(
                request,
                _(
                    "The checked file is no longer available (it is kept for an hour): "
                    "upload it again."
                ),
            )
            return redirect("directory_points_io")
        path, original = found
        try:
            rows = read_rows(path)
        except FileFormatError as error:
            pending.discard(token)
            messages.error(request, str(error))
            return redirect("directory_points_io")
        # A second click finds the points already there: the importer then changes nothing.
        report = import_points(rows, directory_page=self.directory, user=request.user)
        pending.discard(token)
        if not report.ok:
            # The directory changed since the dry run (a point renamed, another one added).
            return self.render_report(report, original)
        log(
            instance=self.directory,
            action=IMPORT_ACTION,
            user=request.user,
            data={
                "file": original,
                "created": len(report.created),
                "updated": len(report.updated),
                "unchanged": len(report.unchanged),
            },
        )
        messages.success(
            request,
            _("Imported from %(file)s: %(summary)s")
            % {"file": original, "summary": report.summary()},
        )
        return redirect("directory_points_io")

    def render_report(self, report, file_name: str, token: str = ""):
        context = self.get_context_data(form=ImportForm())
        context.update(
            {
                "report": report,
                "file_name": file_name,
                "token": token,
                "errors": report.errors[:SHOWN_ERRORS],
                "more_errors": max(0, len(report.errors) - SHOWN_ERRORS),
                "created": report.created[:SHOWN_NAMES],
                "more_created": max(0, len(report.created) - SHOWN_NAMES),
                "updated": report.updated[:SHOWN_NAMES],
                "more_updated": max(0, len(report.updated) - SHOWN_NAMES),
            }
        )
        status = 200 if report.ok else 422
        return TemplateResponse(self.request, self.template_name, context, status=status)


class PointsExportView(OfficeOnlyMixin, View):
    http_method_names = ["get"]

    def get(self, request):
        kind = request.GET.get("format", "csv")
        if kind not in CONTENT_TYPES:
            raise Http404
        rows = export_rows(self.directory)
        response = HttpResponse(table_bytes(COLUMNS, rows, kind), content_type=CONTENT_TYPES[kind])
        name = f"points-{timezone.localdate().isoformat()}.{kind}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        log(
            instance=self.directory,
            action=EXPORT_ACTION,
            user=request.user,
            data={"format": kind, "points": len(rows)},
        )
        return response
