"""A real Redis for the page cache tests, started on loopback for the session and stopped after.

`make test` installs Debian's redis-server when it is missing (Makefile: redis). Each xdist
worker starts its own server on a free port, in a throw-away folder, with nothing persisted.
"""

import shutil
import socket
import subprocess
import tempfile
import time

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url():
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not shutil.which(binary):
        pytest.fail("redis-server is missing: `make test` installs it (Debian's redis-server)")
    port = _free_port()
    folder = tempfile.mkdtemp(prefix="ipsn-redis-")
    server = subprocess.Popen(  # noqa: S603 - a fixed binary and our own arguments
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", folder],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"redis-server did not start on port {port}")
        time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)


def redis_caches(url: str) -> dict:
    """The production CACHES for REDIS_URL (site/settings/base.py), pointed at the test server."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "ipsn-test",
        },
        "page_store": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "ipsn-test-pages",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        },
        "pages": {
            "BACKEND": "home.core.page_cache.GenerationalCache",
            "LOCATION": "page_store",
            "TIMEOUT": 600,
        },
    }


@pytest.fixture(params=["locmem", "redis"])
def page_cache_on(request, settings):
    """The page cache in local memory (as the test settings have it), then in Redis."""
    if request.param == "redis":
        from django.core.cache import caches

        settings.CACHES = redis_caches(request.getfixturevalue("redis_url"))
        caches["page_store"].clear()
        caches["default"].clear()
    return request.param
