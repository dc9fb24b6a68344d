"""The search cluster with the database as its fallback: see search/fallback.py."""

from search.fallback import FallbackSearchBackend

# modelsearch and Wagtail look up a callable named SearchBackend in the configured module.
SearchBackend = FallbackSearchBackend
