from django.urls import path

from . import views

urlpatterns = [
    path("ask/", views.ask, name="consultation_ask"),
    path("ask/point/<int:point_id>/", views.ask_point, name="consultation_ask_point"),
    path("ask/point/<int:point_id>/form/", views.ask_point_form, name="consultation_ask_form"),
    path("ask/sent/", views.sent, name="consultation_sent"),
    path("track/", views.track, name="consultation_track"),
    path("track/rate/", views.rate, name="consultation_rate"),
    path("track/delete/", views.request_deletion, name="consultation_delete"),
    path("track/leave/", views.stop_tracking, name="consultation_stop_tracking"),
]
