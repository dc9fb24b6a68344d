"""Public pages of the recognition application (/apply/): filled in by directory/applications."""

urlpatterns: list = []
