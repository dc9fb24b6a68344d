from django.urls import path

from . import views
from .error_reports import views as error_report_views

urlpatterns = [
    path("ask/", views.ask, name="consultation_ask"),
    path("ask/point/<int:point_id>/", views.ask_point, name="consultation_ask_point"),
    path("ask/point/<int:point_id>/form/", views.ask_point_form, name="consultation_ask_form"),
    path("ask/sent/", views.sent, name="consultation_sent"),
    path("track/", views.track, name="consultation_track"),
    path("track/rate/", views.rate, name="consultation_rate"),
    path("track/delete/", views.request_deletion, name="consultation_delete"),
    path("track/leave/", views.stop_tracking, name="consultation_stop_tracking"),
    path("report-error/<int:point_id>/", error_report_views.report_error, name="error_report"),
    path(
        "report-error/<int:point_id>/sent/",
        error_report_views.report_sent,
        name="error_report_sent",
    ),
]
