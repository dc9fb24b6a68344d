"""The consultation form's limits, counted in the database so every worker sees them.

A campus or a company often reaches us through one IP address, so the per-IP ceiling is high
(CONSULTATION_RATE_LIMIT, 30 an hour) and only stops floods; what stops one person or one script
from sending question after question is the per-contact limit (CONSULTATION_CONTACT_RATE_LIMIT,
5 an hour for the same phone number or e-mail address). The counters are home/core/limits.py's,
keyed by HMACs: no IP address, phone number or e-mail address is stored in the clear.

The honeypot, the signed form token and the client IP are home/core/abuse.py.
"""

from django.conf import settings
from django.core import signing

from home.core import abuse, limits

NETWORK, CONTACT = "network", "contact"
# The tracking page: guesses of code and second factor per client IP (all workers together).
LOOKUP_LIMIT, LOOKUP_WINDOW = 20, 15 * 60


def _keys(ip: str, phone: str, email: str) -> list[tuple[str, str, int, int]]:
    ip_limit = (settings.CONSULTATION_RATE_LIMIT_COUNT, settings.CONSULTATION_RATE_LIMIT_WINDOW)
    contact_limit = (
        settings.CONSULTATION_CONTACT_LIMIT_COUNT,
        settings.CONSULTATION_CONTACT_LIMIT_WINDOW,
    )
    keys = [(NETWORK, "consult-ip:" + abuse.client_key(ip), *ip_limit)]
    for kind, value in (("phone", phone), ("email", email)):
        if value:
            contact = abuse.client_key(f"{kind}:{value}")
            keys.append((CONTACT, f"consult-{kind}:{contact}", *contact_limit))
    return keys


def refused_by_limit(ip: str, phone: str, email: str, *, now=None) -> str | None:
    """NETWORK or CONTACT when a limit is reached; otherwise count this question, None.

    A refused question is not counted, so whoever waits is let in again with the next window.
    Checking before counting lets a burst of concurrent posts pass one or two over the limit;
    for abuse protection that does not matter.
    """
    keys = _keys(ip, phone, email)
    for reason, key, limit, window in keys:
        if limits.count(key, window, now=now) >= limit:
            return reason
    for _reason, key, _limit, window in keys:
        limits.count(key, window, now=now, add=1)
    return None


def lookup_allowed(ip: str, *, now=None) -> bool:
    """Count one tracking lookup from this IP; False once the window's guesses are used up."""
    return limits.hit("track-lookup:" + abuse.client_key(ip), LOOKUP_LIMIT, LOOKUP_WINDOW, now=now)


def token_nonce(token: str) -> str:
    """The nonce of a form token we issued, whatever its age ("" if it is not ours)."""
    try:
        return str(signing.loads(token, salt=abuse.TOKEN_SALT)["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return ""
