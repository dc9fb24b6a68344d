from django.urls import path

from . import views

urlpatterns = [
    path("", views.open_data, name="open_data"),
    path("hsds-datapackage.json", views.download, {"kind": "json"}, name="open_data_json"),
    path("hsds-csv.zip", views.download, {"kind": "zip"}, name="open_data_zip"),
]
