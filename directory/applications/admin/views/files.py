"""The applicant's files, streamed to the office after the review check."""

from django.http import Http404
from django.views import View

from ...files import application_files, serve_private_file
from ..access import get_application
from .base import ReviewMixin


class ApplicationFileView(ReviewMixin, View):
    """`?name=<storage name>`: only a file that belongs to this application is served."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        application = get_application(self.kwargs["pk"])
        field_file = application_files(application).get(request.GET.get("name", ""))
        if field_file is None:
            raise Http404
        return serve_private_file(request, field_file)
