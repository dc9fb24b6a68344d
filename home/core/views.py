"""Site-wide views that belong to no feature: the CSRF failure page (CSRF_FAILURE_VIEW)."""

from django.shortcuts import render
from django.urls import Resolver404, resolve


def csrf_failure(request, reason: str = ""):
    """A form was posted without a valid CSRF token: most often it was open for a long time, or
    the browser dropped its cookies. The site's layout in the visitor's language, status 403.

    A view may offer better: `view.csrf_recovery(request, **kwargs)` (the consultation form sets
    it) answers instead, for example with the form filled in again; None falls back to the page.
    Features attach it to their own views, so this lower layer imports none of them.
    """
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    recover = getattr(match.func, "csrf_recovery", None) if match else None
    if recover is not None and request.method == "POST":
        response = recover(request, *match.args, **match.kwargs)
        if response is not None:
            return response
    return render(request, "403_csrf.html", status=403)
