"""Consultation fixtures (make_request, make_staff, office_user) live in tests/conftest.py."""
