"""HTTP on 127.0.0.1 only: the one host every server binds and every client calls, free ports,
and one request with a visitor's cookies."""

import http.client
import socket
from http.cookies import SimpleCookie
from typing import Any

HOST = "127.0.0.1"  # loopback only: the server is never reachable from outside


def free_port() -> int:
    """A loopback port nothing listens on now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def request(
    port: int,
    method: str,
    path: str,
    cookies: dict[str, str],
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, Any, str]:
    """One request on a new connection; Set-Cookie goes into `cookies` (a visitor's jar).

    A plain dict rather than http.cookiejar: production marks its cookies Secure, which a
    standards-following jar never sends back over http, even to loopback.
    """
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        sent = dict(headers or {})
        if cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                cookies[name] = morsel.value
        return response.status, response.msg, text
    finally:
        connection.close()
