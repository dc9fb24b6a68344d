"""The page cache's rules, given to wagtail-cache through its hooks (home/core/page_cache.py)."""

from wagtail import hooks

from .page_cache import is_request_cacheable, is_response_cacheable

hooks.register("is_request_cacheable", is_request_cacheable)
hooks.register("is_response_cacheable", is_response_cacheable)
