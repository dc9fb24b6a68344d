"""Real-Chromium journeys against a real server process loaded with the demo directory.

pytest-django's live_server is not used: it flushes the database between tests, which deletes
the reference data (regions, categories, the service catalogue) that data migrations create.
Instead one server per session runs on its own SQLite file, migrated and loaded like `make demo`.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Debian's package, installed by `make chromium`; Playwright's own download is never used.
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling Google services, which floods
# a closed network with failing connections and slows every test down.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PHONE_VIEWPORT = {"width": 390, "height": 844}
# Central Guangzhou (Yuexiu district).
GUANGZHOU = {"latitude": 23.129, "longitude": 113.264}

# axe impacts that fail a test; "minor" and "moderate" are left to manual review.
BLOCKING_IMPACTS = ("serious", "critical")

SERVER_START_TIMEOUT = 60
COMMAND_TIMEOUT = 300


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env: dict[str, str], *args: str) -> None:
    """Run a management command in its own process and fail with its output if it fails."""
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"`manage.py {' '.join(args)}` took more than {COMMAND_TIMEOUT}s:\n{exc.stdout}\n{exc.stderr}"
        )
    if completed.returncode != 0:
        pytest.fail(
            f"`manage.py {' '.join(args)}` failed (exit {completed.returncode}):\n"
            f"{completed.stdout[-4000:]}\n{completed.stderr[-4000:]}"
        )


def _wait_until_serving(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"The test server exited with {process.returncode}:\n{log_path.read_text()[-4000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own http server
                if response.status == 200:
                    return
        except urllib.error.HTTPError as exc:
            pytest.fail(
                f"The test server answers {url} with {exc.code}:\n{log_path.read_text()[-4000:]}"
            )
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(
        f"The test server did not answer {url} within {SERVER_START_TIMEOUT}s:\n{log_path.read_text()[-4000:]}"
    )


@pytest.fixture(scope="session")
def server_url(tmp_path_factory) -> str:
    """Base URL (no trailing slash) of a server running the demo directory on a fresh database."""
    workdir = tmp_path_factory.mktemp("browser-server")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "SITE_BASE_URL": base_url,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # An empty tile URL keeps Leaflet off the network: the list must stand on its own.
        "MAP_TILE_URL": "",
        # A developer's shell may point these at real services; the suite must not depend on them.
        "ELASTICSEARCH_URL": "",
        "REDIS_URL": "",
        "PYTHONUNBUFFERED": "1",
    }
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_demo")

    log_path = workdir / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_serving(f"{base_url}/", process, log_path)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium package "
            "(run `make chromium`). Playwright's own browser download is deliberately not used."
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, server_url):
    """Factory for isolated browser contexts (zh-CN phone by default); closed after the test.

    Requests that leave the test server are aborted, so a template that starts calling a CDN or
    a tile server fails visibly here instead of hanging on the closed network.
    """
    contexts = []

    def make(**options):
        settings = {
            "base_url": server_url,
            "locale": "zh-CN",
            "timezone_id": "Asia/Shanghai",
            "viewport": PHONE_VIEWPORT,
            "is_mobile": True,
            "has_touch": True,
            **options,
        }
        context = browser.new_context(**settings)
        context.set_default_timeout(10_000)
        context.route(lambda url: not url.startswith(server_url), lambda route: route.abort())
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A phone in Guangzhou that has allowed the site to read its position."""
    context = new_context(geolocation=GUANGZHOU, permissions=["geolocation"])
    return context.new_page()


def _format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} serious/critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more element(s)")
    return "\n".join(lines)


def _assert_accessible(page) -> None:
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, _format_violations(page.url, blocking)


@pytest.fixture
def assert_accessible():
    """`assert_accessible(page)`: run axe-core (bundled, offline) and fail on serious/critical issues."""
    return _assert_accessible
