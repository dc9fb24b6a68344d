"""Keeping bots and floods out of the public forms without any outside service.

- a honeypot field people never see;
- a signed form token: it carries a random nonce (a second post of the same form is the
  same request) and the time the form was served (faster than a person → refused);
- a limit of requests per client IP and window, counted in the database so that every
  gunicorn worker sees the same count. The IP is REMOTE_ADDR unless that is a trusted
  proxy, whose X-Forwarded-For is then read from the right.
"""

import hashlib
import hmac
import ipaddress
import secrets
import time

from django.conf import settings
from django.core import signing

TOKEN_SALT = "services.consultation-form"  # noqa: S105 - a signing salt, not a secret


class TokenError(Exception):
    """Base for form-token problems; the message is shown to the asker."""


class TokenInvalid(TokenError):
    pass


class TokenTooFast(TokenError):
    pass


class TokenExpired(TokenError):
    pass


def issue_token(now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    return signing.dumps({"n": secrets.token_urlsafe(24), "t": issued}, salt=TOKEN_SALT)


def check_token(token: str, now: float | None = None) -> str:
    """The token's nonce, if the form was served long enough ago and not too long ago."""
    now = now if now is not None else time.time()
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
        nonce, issued = str(data["n"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise TokenInvalid from error
    if now - issued < settings.CONSULTATION_MIN_SECONDS:
        raise TokenTooFast
    if now - issued > settings.CONSULTATION_TOKEN_MAX_AGE:
        raise TokenExpired
    return nonce


def _networks(values):
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            continue
    return networks


def _is_trusted(ip: str, networks) -> bool:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(address in network for network in networks)


def client_ip(request) -> str:
    """The client's IP. X-Forwarded-For is believed only when it comes from a trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = _networks(settings.TRUSTED_PROXIES)
    if not trusted or not _is_trusted(remote, trusted):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    # Walk from the right: each trusted proxy appended the address it received from.
    for ip in reversed([part for part in forwarded if part]):
        if not _is_trusted(ip, trusted):
            try:
                ipaddress.ip_address(ip)
            except ValueError:
                return remote
            return ip
    return remote


def client_key(ip: str) -> str:
    """A keyed hash of the IP: enough to count requests, not to recover the address."""
    digest = hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]
